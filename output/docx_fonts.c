/* word/fontTable.xml: the house font with its metric-compatible twin as
 * the alternative name, so a reader without the font substitutes one
 * that keeps the line and page breaks. */
#include "docx.h"

static int write_w_font(xmlw *x, const style_font *f)
{
    return xmlw_start(x, "w:font") || xmlw_attr(x, "w:name", f->name) ||
           xmlw_empty(x, "w:altName", "w:val", f->twin) ||
           xmlw_empty(x, "w:panose1", "w:val", f->panose) ||
           xmlw_empty(x, "w:charset", "w:val", "00") ||
           xmlw_empty(x, "w:family", "w:val", f->generic) ||
           xmlw_empty(x, "w:pitch", "w:val", "variable") || xmlw_end(x);
}

static int write_w_fonts(xmlw *x, const doc_node *doc)
{
    return xmlw_start(x, "w:fonts") || xmlw_attr(x, "xmlns:w", DOCX_NS_W) ||
           write_w_font(x, docx_font(doc)) || xmlw_end(x);
}

int docx_write_fonts(const doc_node *doc, void **data, size_t *len)
{
    return docx_write_part(doc, data, len, write_w_fonts);
}
