/* word/header1.xml: a concept's mark ("CONCEPT") at the top of every page,
 * so no page of a concept passes for a page of the signed text. Only a
 * concept has this part (docx_has_header). */
#include "docx.h"

int docx_has_header(const doc_node *doc)
{
    return doc->meta->concept && doc->meta->concept_mark && *doc->meta->concept_mark;
}

static int write_w_p(xmlw *x, const doc_node *doc)
{
    return xmlw_start(x, "w:p") || xmlw_start(x, "w:pPr") ||
           xmlw_empty(x, "w:pStyle", "w:val", DOCX_STYLE(STYLE_HEADER)) || xmlw_end(x) ||
           xmlw_start(x, "w:r") || xmlw_start(x, "w:t") ||
           xmlw_text(x, doc->meta->concept_mark) || xmlw_end(x) || xmlw_end(x) || xmlw_end(x);
}

static int write_w_hdr(xmlw *x, const doc_node *doc)
{
    return xmlw_start(x, "w:hdr") || xmlw_attr(x, "xmlns:w", DOCX_NS_W) ||
           xmlw_attr(x, "xmlns:r", DOCX_NS_R) || write_w_p(x, doc) || xmlw_end(x);
}

int docx_write_header(const doc_node *doc, void **data, size_t *len)
{
    return docx_write_part(doc, data, len, write_w_hdr);
}
