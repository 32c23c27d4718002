/* content.xml: the document tree as ODF text. A switch over node kinds;
 * every look is a named style from odt.h, defined in styles.xml, so this
 * file writes no formatting of its own. */
#include <string.h>

#include "odt.h"

/* An en dash, as Dutch agreements mark unnumbered items. */
#define ODT_BULLET "\xe2\x80\x93"

static int odt_write_block(xmlw *x, const doc_node *n);

static int odt_write_chars(xmlw *x, const char *s, size_t len, int *space)
{
    if (len == 0)
        return 0;
    *space = 0;
    return xmlw_text_len(x, s, len);
}

/* ODF collapses runs of spaces and ignores a space at the start of a
 * paragraph or line; a space that would be lost is written as text:s. */
static int odt_write_text_s(xmlw *x, size_t count, int *space)
{
    if (!*space) {
        if (xmlw_text(x, " "))
            return -1;
        count--;
    }
    *space = 1;
    if (count == 0)
        return 0;
    if (xmlw_start(x, "text:s") || (count > 1 && xmlw_attrf(x, "text:c", "%zu", count)))
        return -1;
    return xmlw_end(x);
}

/* Writes text literally: newlines become text:line-break and tabs
 * text:tab, since ODF would otherwise read both as a single space.
 * *space carries whether the last thing written was white space, across
 * the runs of one paragraph. */
static int odt_write_text(xmlw *x, const char *s, int *space)
{
    const char *start = s;
    while (*s) {
        char c = *s;
        if (c != ' ' && c != '\n' && c != '\t' && c != '\r') {
            s++;
            continue;
        }
        if (odt_write_chars(x, start, (size_t)(s - start), space))
            return -1;
        if (c == ' ') {
            size_t count = strspn(s, " ");
            if (odt_write_text_s(x, count, space))
                return -1;
            s += count;
        } else {
            /* CR LF is one line break. */
            if (c == '\r' && s[1] == '\n')
                s++;
            if (xmlw_empty(x, c == '\t' ? "text:tab" : "text:line-break", NULL, NULL))
                return -1;
            *space = 1;
            s++;
        }
        start = s;
    }
    return odt_write_chars(x, start, (size_t)(s - start), space);
}

static int odt_write_text_span(xmlw *x, const char *style, const char *text, int *space)
{
    return xmlw_start(x, "text:span") || xmlw_attr(x, "text:style-name", style) ||
                   odt_write_text(x, text, space) || xmlw_end(x)
               ? -1
               : 0;
}

/* Terms, fields and references read as the text around them; only
 * regional text is marked, so a reader sees what the region wrote. */
static int odt_write_inline(xmlw *x, const doc_node *n, int *space)
{
    switch (n->kind) {
    case DOC_REGIONAL:
        return odt_write_text_span(x, ODT_STYLE_REGIONAL, n->text, space);
    case DOC_TERM:
        return odt_write_text_span(x, ODT_STYLE_TERM, n->text, space);
    default:
        return odt_write_text(x, n->text, space);
    }
}

static int odt_write_inlines(xmlw *x, const doc_node *n, int *space)
{
    for (const doc_node *c = n->first; c; c = c->next)
        if (doc_is_inline(c->kind) && odt_write_inline(x, c, space))
            return -1;
    return 0;
}

/* Block children (a lid's or item's list) follow their paragraph: ODF
 * paragraphs cannot nest. */
static int odt_write_blocks(xmlw *x, const doc_node *n)
{
    for (const doc_node *c = n->first; c; c = c->next)
        if (!doc_is_inline(c->kind) && odt_write_block(x, c))
            return -1;
    return 0;
}

/* label, a tab to the hanging indent's edge, then the runs. */
static int odt_write_text_p(xmlw *x, const char *style, const char *label, const doc_node *n)
{
    int space = 1;
    if (xmlw_start(x, "text:p") || xmlw_attr(x, "text:style-name", style))
        return -1;
    if (label && (odt_write_text(x, label, &space) || xmlw_empty(x, "text:tab", NULL, NULL)))
        return -1;
    space = 1;
    if (odt_write_inlines(x, n, &space) || xmlw_end(x))
        return -1;
    return odt_write_blocks(x, n);
}

/* One line of fixed text; NULL text writes an
 * empty paragraph so the block keeps its shape. */
static int odt_write_line(xmlw *x, const char *style, const char *text)
{
    int space = 1;
    return xmlw_start(x, "text:p") || xmlw_attr(x, "text:style-name", style) ||
                   (text && odt_write_text(x, text, &space)) || xmlw_end(x)
               ? -1
               : 0;
}

/* "Artikel 7 De Stuurgroep", or the title alone when there is no label.
 * A heading with neither is still written, as an empty paragraph, since
 * its style may carry a page break. */
static int odt_write_text_h(xmlw *x, const char *style, int level, const doc_node *n)
{
    int space = 1;
    if (!n->label && !n->title) {
        if (odt_write_line(x, style, NULL))
            return -1;
        return odt_write_blocks(x, n);
    }
    if (xmlw_start(x, "text:h") || xmlw_attr(x, "text:style-name", style) ||
        xmlw_attrf(x, "text:outline-level", "%d", level) ||
        (n->label && odt_write_text(x, n->label, &space)) ||
        (n->label && n->title && odt_write_text(x, " ", &space)) ||
        (n->title && odt_write_text(x, n->title, &space)) || xmlw_end(x))
        return -1;
    return odt_write_blocks(x, n);
}

static int odt_write_heading(xmlw *x, const doc_node *n)
{
    static const char *const styles[ODT_HEADING_LEVELS] = {ODT_STYLE_HEADING_1, ODT_STYLE_HEADING_2,
                                                           ODT_STYLE_HEADING_3};
    int level = n->number < 1 ? 1 : n->number;
    int style = level > ODT_HEADING_LEVELS ? ODT_HEADING_LEVELS : level;
    return odt_write_text_h(x, styles[style - 1], level, n);
}

static int odt_write_lid(xmlw *x, const doc_node *n)
{
    return odt_write_text_p(x, n->label ? ODT_STYLE_LID : ODT_STYLE_LID_SINGLE, n->label, n);
}

/* The indent follows the number of lists around the item, so a list in a
 * lid and a list directly under a heading line up the same way. */
static int odt_write_item(xmlw *x, const doc_node *n)
{
    static const char *const styles[ODT_ITEM_LEVELS] = {ODT_STYLE_ITEM_1, ODT_STYLE_ITEM_2,
                                                        ODT_STYLE_ITEM_3};
    int depth = 0;
    for (const doc_node *p = n->parent; p; p = p->parent)
        if (p->kind == DOC_LIST)
            depth++;
    if (depth < 1)
        depth = 1;
    if (depth > ODT_ITEM_LEVELS)
        depth = ODT_ITEM_LEVELS;
    return odt_write_text_p(x, styles[depth - 1], n->label ? n->label : ODT_BULLET, n);
}

static int odt_write_signatory(xmlw *x, const doc_node *n)
{
    const doc_signatory *sig = n->sig;
    if (!sig)
        return 0;
    return odt_write_line(x, ODT_STYLE_SIGN_PARTY, sig->party) ||
                   odt_write_line(x, ODT_STYLE_SIGN_SPACE, NULL) ||
                   odt_write_line(x, ODT_STYLE_SIGN_NAME, sig->name) ||
                   odt_write_line(x, ODT_STYLE_SIGN_FUNCTION, sig->function)
               ? -1
               : 0;
}

/* Inline nodes belong in a paragraph; one met at block level still gets
 * one, so the output stays valid whatever the tree. */
static int odt_write_stray_inline(xmlw *x, const doc_node *n)
{
    int space = 1;
    return xmlw_start(x, "text:p") || xmlw_attr(x, "text:style-name", ODT_STYLE_TEXT_BODY) ||
                   odt_write_inline(x, n, &space) || xmlw_end(x)
               ? -1
               : 0;
}

static int odt_write_block(xmlw *x, const doc_node *n)
{
    switch (n->kind) {
    case DOC_PART:
        return odt_write_text_h(x, ODT_STYLE_HEADING_1, 1, n);
    case DOC_ARTICLE:
        return odt_write_text_h(x, ODT_STYLE_HEADING_2, 2, n);
    case DOC_ANNEX:
        return odt_write_text_h(x, ODT_STYLE_ANNEX, 1, n);
    case DOC_SIGNATURES:
        return odt_write_text_h(x, ODT_STYLE_SIGNATURES, 1, n);
    case DOC_HEADING:
        return odt_write_heading(x, n);
    case DOC_PARAGRAPH:
        return odt_write_text_p(x, ODT_STYLE_TEXT_BODY, NULL, n);
    case DOC_LID:
        return odt_write_lid(x, n);
    case DOC_LIST:
        return odt_write_blocks(x, n);
    case DOC_ITEM:
        return odt_write_item(x, n);
    case DOC_SIGNATORY:
        return odt_write_signatory(x, n);
    case DOC_DOCUMENT:
        return 0;
    default:
        return odt_write_stray_inline(x, n);
    }
}

static int odt_write_office_text(xmlw *x, const doc_node *doc)
{
    const doc_meta *m = doc->meta;
    return xmlw_start(x, "office:text") ||
                   (m->title && odt_write_line(x, ODT_STYLE_TITLE, m->title)) ||
                   (m->subtitle && odt_write_line(x, ODT_STYLE_SUBTITLE, m->subtitle)) ||
                   odt_write_blocks(x, doc) || xmlw_end(x)
               ? -1
               : 0;
}

static int odt_write_office_document_content(xmlw *x, const doc_node *doc)
{
    return xmlw_start(x, "office:document-content") || odt_xmlns(x, "office") ||
                   odt_xmlns(x, "style") || odt_xmlns(x, "text") || odt_xmlns(x, "table") ||
                   odt_xmlns(x, "fo") || odt_xmlns(x, "svg") || odt_xmlns(x, "xlink") ||
                   odt_xmlns(x, "dc") || odt_xmlns(x, "meta") ||
                   xmlw_attr(x, "office:version", ODT_VERSION) || xmlw_start(x, "office:body") ||
                   odt_write_office_text(x, doc) || xmlw_end(x) || xmlw_end(x)
               ? -1
               : 0;
}

int odt_write_content(const doc_node *doc, void **data, size_t *len)
{
    xmlw x;
    if (xmlw_open(&x))
        return -1;
    if (odt_write_office_document_content(&x, doc)) {
        xmlw_discard(&x);
        return -1;
    }
    return xmlw_close(&x, data, len);
}
