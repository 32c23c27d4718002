/* word/footer1.xml: the document title on the left and "Pagina n van m"
 * on the right of every page, so printed pages stay identifiable. */
#include "docx.h"

static int write_w_r_text(xmlw *x, const char *text)
{
    return xmlw_start(x, "w:r") || docx_write_run_text(x, "w:t", text) || xmlw_end(x);
}

static int write_w_r_tab(xmlw *x)
{
    return xmlw_start(x, "w:r") || xmlw_empty(x, "w:tab", NULL, NULL) || xmlw_end(x);
}

/* A simple field; the cached "1" is what readers that do not compute
 * fields show, Word and LibreOffice replace it when laying out. */
static int write_w_fldSimple(xmlw *x, const char *instr)
{
    return xmlw_start(x, "w:fldSimple") || xmlw_attr(x, "w:instr", instr) ||
           write_w_r_text(x, "1") || xmlw_end(x);
}

static int write_w_p(xmlw *x, const doc_node *doc)
{
    const char *title = doc->meta->title;
    if (xmlw_start(x, "w:p") || xmlw_start(x, "w:pPr") ||
        xmlw_empty(x, "w:pStyle", "w:val", DOCX_STYLE(STYLE_FOOTER)) || xmlw_end(x))
        return -1;
    if (title && *title && write_w_r_text(x, title))
        return -1;
    return write_w_r_tab(x) || write_w_r_text(x, "Pagina ") || write_w_fldSimple(x, " PAGE ") ||
           write_w_r_text(x, " van ") || write_w_fldSimple(x, " NUMPAGES ") || xmlw_end(x);
}

/* The fingerprint on a line of its own, so a printed page shows which
 * text it belongs to. */
static int write_w_p_line(xmlw *x, const char *text)
{
    if (!text)
        return 0;
    return xmlw_start(x, "w:p") || xmlw_start(x, "w:pPr") ||
           xmlw_empty(x, "w:pStyle", "w:val", DOCX_STYLE(STYLE_FOOTER)) || xmlw_end(x) ||
           write_w_r_text(x, text) || xmlw_end(x);
}

static int write_w_ftr(xmlw *x, const doc_node *doc)
{
    return xmlw_start(x, "w:ftr") || xmlw_attr(x, "xmlns:w", DOCX_NS_W) ||
           xmlw_attr(x, "xmlns:r", DOCX_NS_R) || write_w_p(x, doc) ||
           write_w_p_line(x, doc->meta->fingerprint_line) || xmlw_end(x);
}

int docx_write_footer(const doc_node *doc, void **data, size_t *len)
{
    return docx_write_part(doc, data, len, write_w_ftr);
}
