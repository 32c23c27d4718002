/* content.xml: the document tree as ODF text. A switch over node kinds;
 * every look is a named style from odt.h, defined in styles.xml, so this
 * file writes no formatting of its own. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "odt.h"
#include "package.h"
#include "redline.h"

/* An en dash, as Dutch agreements mark unnumbered items. */
#define ODT_BULLET "\xe2\x80\x93"

static int odt_write_block(xmlw *x, const doc_node *n);
static int odt_write_text(xmlw *x, const char *s, int *space);

/* --- tracked changes -------------------------------------------------
 * A redline is written as two fragments: the body, and the changed
 * regions that text:tracked-changes holds before it. The body writer's
 * x->ctx points to this state; the regions writer's ctx is NULL, so a
 * deleted block is written into its region by the same functions that
 * write any block, without marks.
 *
 * Insertions are spans in the body (text:change-start to change-end);
 * a deletion is a text:change point whose region holds the deleted
 * paragraphs, merged on rejection with the text around the point: the
 * first with what precedes it, the last with what follows. A deleted
 * block is "its text and its paragraph break", so its region ends with
 * an empty paragraph and its point starts the next paragraph. In the
 * tail (redline.h) the break before is deleted instead: an empty
 * paragraph first and the point at the end of the previous paragraph,
 * which is why body paragraphs are closed only when the next starts. */
typedef enum { DEL_INLINE = 1, DEL_BLOCK, DEL_TAIL } odt_del_kind;

typedef struct {
    xmlw *regions;
    const doc_node *doc, *tail;
    const doc_node *block; /* the block whose paragraphs are being written */
    doc_change line;       /* the change of a title line, which has no node */
    const char *style;     /* style of the open body paragraph */
    int body;              /* inside office:text: marks are being written */
    int past_tail;
    int open;       /* a body paragraph waits to be closed */
    int ids;        /* last region id used */
    int ins;        /* id of the open insertion span, or 0 */
    int ins_inline; /* that span is inline text, not whole blocks */
    int rebreak;    /* that span took in an unchanged paragraph break */
    int del;        /* id of the deletion region being filled, or 0 */
    odt_del_kind del_kind;
    int del_space; /* white space state of the deleted paragraph */
} odt_redline;

static odt_redline *odt_tracking(xmlw *x)
{
    odt_redline *r = x->ctx;
    return r && r->body ? r : NULL;
}

static doc_change odt_block_change(const odt_redline *r)
{
    return r->block ? redline_block_change(r->block) : r->line;
}

static int odt_mark(xmlw *x, const char *element, int id)
{
    return xmlw_start(x, element) || xmlw_attrf(x, "text:change-id", "ct%d", id) || xmlw_end(x);
}

/* Opens a changed region with its change-info; an insertion's region is
 * complete then, a deletion's stays open for the deleted content. */
static int odt_region_open(odt_redline *r, doc_change change)
{
    char date[32];
    xmlw *x = r->regions;
    int id = ++r->ids;
    redline_date(r->doc, date, sizeof date, 0);
    if (xmlw_start(x, "text:changed-region") || xmlw_attrf(x, "xml:id", "ct%d", id) ||
        xmlw_attrf(x, "text:id", "ct%d", id) ||
        xmlw_start(x, change == DOC_INSERTED ? "text:insertion" : "text:deletion") ||
        xmlw_start(x, "office:change-info") ||
        xmlw_element(x, "dc:creator", r->doc->meta->change_author) ||
        xmlw_element(x, "dc:date", date) || xmlw_end(x))
        return -1;
    if (change == DOC_INSERTED && (xmlw_end(x) || xmlw_end(x)))
        return -1;
    return id;
}

static int odt_empty_p(xmlw *x, const char *style)
{
    return xmlw_empty(x, "text:p", style ? "text:style-name" : NULL, style);
}

/* Completes the deletion region being filled; style is that of the
 * paragraph its point starts, for the empty paragraph a deleted block's
 * break leaves. */
static int odt_del_close(odt_redline *r, const char *style)
{
    if (!r->del)
        return 0;
    xmlw *x = r->regions;
    if ((r->del_kind == DEL_INLINE && xmlw_end(x)) ||
        (r->del_kind == DEL_BLOCK && odt_empty_p(x, style)) || xmlw_end(x) || xmlw_end(x))
        return -1;
    r->del = 0;
    return 0;
}

/* Ends the insertion span. A span carried over an unchanged paragraph
 * break (see odt_p_start) is followed by a deletion of one paragraph
 * break, which puts it back when the insertion is rejected. */
static int odt_ins_close(xmlw *x, odt_redline *r)
{
    if (!r->ins)
        return 0;
    int id = r->ins;
    r->ins = 0;
    if (odt_mark(x, "text:change-end", id))
        return -1;
    if (!r->rebreak)
        return 0;
    r->rebreak = 0;
    int del = odt_region_open(r, DOC_DELETED);
    return del < 0 || odt_empty_p(r->regions, r->style) || odt_empty_p(r->regions, r->style) ||
           xmlw_end(r->regions) || xmlw_end(r->regions) || odt_mark(x, "text:change", del);
}

/* Whether the paragraph about to start begins with inserted text. */
static int odt_starts_inserted(const odt_redline *r)
{
    return r->block ? redline_starts_inserted(r->block, ODT_BULLET) : r->line == DOC_INSERTED;
}

static int odt_ins_open(xmlw *x, odt_redline *r, int is_inline)
{
    if (r->ins)
        return 0;
    int id = odt_region_open(r, DOC_INSERTED);
    r->ins = id;
    r->ins_inline = is_inline;
    return id < 0 || odt_mark(x, "text:change-start", id);
}

/* Starts a body paragraph (text:p or text:h) with its style. The marks
 * of changed blocks before it go at its start, or in the tail at the end
 * of the paragraph before. */
static int odt_p_open(xmlw *x, const char *element, const char *style, int level)
{
    return xmlw_start(x, element) || xmlw_attr(x, "text:style-name", style) ||
           (level && xmlw_attrf(x, "text:outline-level", "%d", level));
}

/* level is a heading's outline level, 0 for a paragraph. */
static int odt_p_start(xmlw *x, const char *element, const char *style, int level)
{
    odt_redline *r = odt_tracking(x);
    if (!r)
        return odt_p_open(x, element, style, level);
    doc_change change = odt_block_change(r);
    if (r->open) {
        /* LibreOffice would join an insertion that ends the previous
         * paragraph and one that begins this, break and all; one span
         * over the break, which is deleted and inserted, says the same
         * without that. */
        if (r->ins && r->ins_inline) {
            if (!r->past_tail && !r->del && odt_starts_inserted(r)) {
                r->rebreak = 1;
                r->ins_inline = change != DOC_INSERTED;
            } else if (odt_ins_close(x, r)) {
                return -1;
            }
        }
        if (r->past_tail && (odt_del_close(r, NULL) ||
                             (change == DOC_INSERTED && odt_ins_open(x, r, 0))))
            return -1;
        if (xmlw_end(x))
            return -1;
        r->open = 0;
    }
    if (odt_p_open(x, element, style, level))
        return -1;
    r->style = style;
    if (r->past_tail)
        return 0;
    int del = r->del;
    if (odt_del_close(r, style) ||
        (r->ins && !r->ins_inline && (change != DOC_INSERTED || del) && odt_ins_close(x, r)) ||
        (del && odt_mark(x, "text:change", del)))
        return -1;
    return change == DOC_INSERTED && odt_ins_open(x, r, 0);
}

/* Ends a body paragraph: closes the inline deletion in it and leaves
 * the element open, with any inline insertion, until the next paragraph
 * starts. */
static int odt_p_end(xmlw *x)
{
    odt_redline *r = odt_tracking(x);
    if (!r)
        return xmlw_end(x);
    if (r->del && r->del_kind == DEL_INLINE && odt_del_close(r, NULL))
        return -1;
    r->open = 1;
    return 0;
}

/* Moves the inline change state to change and returns where the text
 * goes: into the body, or into the open deleted paragraph. */
static xmlw *odt_inline_target(xmlw *x, doc_change change, int **space)
{
    odt_redline *r = odt_tracking(x);
    if (!r || odt_block_change(r) != DOC_SAME)
        return x;
    if (change != DOC_INSERTED && r->ins && r->ins_inline && odt_ins_close(x, r))
        return NULL;
    if (change != DOC_DELETED && r->del && odt_del_close(r, NULL))
        return NULL;
    if (change == DOC_INSERTED && odt_ins_open(x, r, 1))
        return NULL;
    if (change != DOC_DELETED)
        return x;
    if (!r->del) {
        int id = odt_region_open(r, DOC_DELETED);
        if (id < 0 || odt_mark(x, "text:change", id) || xmlw_start(r->regions, "text:p") ||
            xmlw_attr(r->regions, "text:style-name", r->style))
            return NULL;
        r->del = id;
        r->del_kind = DEL_INLINE;
        r->del_space = 1;
    }
    *space = &r->del_space;
    return r->regions;
}

/* Text with a change of its own (a label or title that differs between
 * the sides). */
static int odt_write_changed(xmlw *x, const char *text, doc_change change, int *space)
{
    xmlw *to = odt_inline_target(x, change, &space);
    return !to || odt_write_text(to, text, space);
}

/* The older text deleted and the newer inserted, or the one text when
 * they are the same; "" is no text. An insertion stays open for what
 * follows, as an inline node's does. */
static int odt_write_versions(xmlw *x, const char *old, const char *now, int *space)
{
    if (!strcmp(old, now))
        return odt_write_changed(x, now, DOC_SAME, space);
    size_t same = redline_same_words(old, now);
    if (same) {
        char *prefix = strndup(now, same);
        int rc = !prefix || odt_write_changed(x, prefix, DOC_SAME, space);
        free(prefix);
        if (rc)
            return -1;
    }
    return (old[same] && odt_write_changed(x, old + same, DOC_DELETED, space)) ||
           (now[same] && odt_write_changed(x, now + same, DOC_INSERTED, space));
}

/* A label and the tab after it; a label that changed is written in both
 * versions, tab included when one side has none. */
static int odt_write_label(xmlw *x, const doc_node *n, const char *label, int *space)
{
    const char *old = odt_tracking(x) ? redline_old_label(n, ODT_BULLET) : NULL;
    if (!old)
        return label && (odt_write_text(x, label, space) || xmlw_empty(x, "text:tab", NULL, NULL));
    const char *now = label ? label : "";
    return odt_write_versions(x, old, now, space) ||
           odt_write_versions(x, *old ? "\t" : "", *now ? "\t" : "", space);
}

/* A heading whose label or title changed, part by part. */
static int odt_write_heading_versions(xmlw *x, const doc_node *n, int *space)
{
    const char *parts[3][2];
    redline_heading_parts(n, parts);
    for (int i = 0; i < 3; i++)
        if (odt_write_versions(x, parts[i][0], parts[i][1], space))
            return -1;
    return 0;
}

/* Opens the region deleted blocks go into, unless one is open. Its
 * point starts the next paragraph, or in the tail ends the open one. */
static int odt_del_blocks(xmlw *x, odt_redline *r)
{
    if (r->del)
        return 0;
    int id = odt_region_open(r, DOC_DELETED);
    if (id < 0)
        return -1;
    r->del = id;
    r->del_kind = r->past_tail && r->open ? DEL_TAIL : DEL_BLOCK;
    return r->del_kind == DEL_TAIL && (odt_ins_close(x, r) || odt_mark(x, "text:change", id) ||
                                       odt_empty_p(r->regions, r->style));
}

/* A title or subtitle line of a redline: old is the older side's text
 * when it differs ("" for none), now NULL for none. */
static int odt_write_line(xmlw *x, const char *style, const char *text);
static int odt_write_meta_line(xmlw *x, const char *style, const char *old, const char *now)
{
    odt_redline *r = x->ctx;
    int space = 1;
    if (!old)
        return now && odt_write_line(x, style, now);
    if (*old && now && *now)
        return odt_p_start(x, "text:p", style, 0) || odt_write_versions(x, old, now, &space) ||
               odt_p_end(x);
    if (now && *now) {
        r->line = DOC_INSERTED;
        int rc = odt_write_line(x, style, now);
        r->line = DOC_SAME;
        return rc;
    }
    if (!*old)
        return 0;
    return odt_del_blocks(x, r) || odt_write_line(r->regions, style, old);
}

/* A deleted block goes into its region, not the body. Returns 1 when it
 * did, 0 when n is written as usual, -1 on failure. */
static int odt_divert_deleted(xmlw *x, const doc_node *n)
{
    odt_redline *r = odt_tracking(x);
    if (!r || n->kind == DOC_LIST)
        return 0;
    r->block = n;
    if (n == r->tail)
        r->past_tail = 1;
    if (n->change != DOC_DELETED)
        return 0;
    return odt_del_blocks(x, r) || odt_write_block(r->regions, n) ? -1 : 1;
}

/* Closes what the last body paragraph left open. */
static int odt_body_end(xmlw *x)
{
    odt_redline *r = odt_tracking(x);
    if (!r)
        return 0;
    if (r->open && (odt_ins_close(x, r) || xmlw_end(x)))
        return -1;
    r->open = 0;
    r->body = 0;
    return odt_del_close(r, NULL);
}

/* --- content --------------------------------------------------------- */

static int odt_write_chars(xmlw *x, const char *s, size_t len, int *space)
{
    if (len == 0)
        return 0;
    *space = s[len - 1] == ' ';
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
 * the runs of one paragraph. A single space after other text survives
 * as it is, so prose goes out in one call per run; only the spaces ODF
 * would collapse need text:s. */
static int odt_write_text(xmlw *x, const char *s, int *space)
{
    const char *start = s;
    while (*s) {
        char c = *s;
        if ((c != ' ' && c != '\n' && c != '\t' && c != '\r') ||
            (c == ' ' && s > start && s[1] != ' ')) {
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
    odt_redline *r = odt_tracking(x);
    if (r && (x = odt_inline_target(x, redline_inline_change(r->block, n), &space)) == NULL)
        return -1;
    switch (n->kind) {
    case DOC_REGIONAL:
        return odt_write_text_span(x, ODT_STYLE(STYLE_REGIONAL), n->text, space);
    case DOC_TERM:
        return odt_write_text_span(x, ODT_STYLE(STYLE_TERM), n->text, space);
    case DOC_PLACEHOLDER:
        return odt_write_text_span(x, ODT_STYLE(STYLE_PLACEHOLDER), n->text, space);
    case DOC_LINK:
        return xmlw_start(x, "text:a") || xmlw_attr(x, "xlink:type", "simple") ||
                       xmlw_attr(x, "xlink:href", n->href) ||
                       xmlw_attr(x, "text:style-name", ODT_STYLE(STYLE_LINK)) ||
                       odt_write_text(x, n->text, space) || xmlw_end(x)
                   ? -1
                   : 0;
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
    if (odt_p_start(x, "text:p", style, 0))
        return -1;
    if (odt_write_label(x, n, label, &space))
        return -1;
    space = 1;
    if (odt_write_inlines(x, n, &space) || odt_p_end(x))
        return -1;
    return odt_write_blocks(x, n);
}

/* One line of fixed text; NULL text writes an
 * empty paragraph so the block keeps its shape. */
static int odt_write_line(xmlw *x, const char *style, const char *text)
{
    int space = 1;
    return odt_p_start(x, "text:p", style, 0) || (text && odt_write_text(x, text, &space)) ||
                   odt_p_end(x)
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
    if (odt_tracking(x) && (n->old_label || n->old_title) &&
        redline_block_change(n) == DOC_SAME) {
        if (odt_p_start(x, "text:h", style, level) || odt_write_heading_versions(x, n, &space) ||
            odt_p_end(x))
            return -1;
        return odt_write_blocks(x, n);
    }
    if (odt_p_start(x, "text:h", style, level) ||
        (n->label && odt_write_text(x, n->label, &space)) ||
        (n->label && n->title && odt_write_text(x, " ", &space)) ||
        (n->title && odt_write_text(x, n->title, &space)) || odt_p_end(x))
        return -1;
    return odt_write_blocks(x, n);
}

static int odt_write_heading(xmlw *x, const doc_node *n)
{
    static const style_id styles[STYLE_HEADING_LEVELS] = {STYLE_HEADING_1, STYLE_HEADING_2,
                                                          STYLE_HEADING_3};
    int level = n->number < 1 ? 1 : n->number;
    int style = level > STYLE_HEADING_LEVELS ? STYLE_HEADING_LEVELS : level;
    return odt_write_text_h(x, ODT_STYLE(styles[style - 1]), level, n);
}

/* The paragraph style of a body paragraph, lid or item. An item's indent
 * follows the number of lists around it, so a list in a lid and a list
 * directly under a heading line up the same way. */
static style_id odt_text_style(const doc_node *n)
{
    static const style_id styles[STYLE_ITEM_LEVELS] = {STYLE_ITEM_1, STYLE_ITEM_2, STYLE_ITEM_3};
    if (n->kind == DOC_LID)
        return n->label ? STYLE_LID : STYLE_LID_SINGLE;
    if (n->kind != DOC_ITEM)
        return STYLE_BODY;
    int depth = 0;
    for (const doc_node *p = n->parent; p; p = p->parent)
        if (p->kind == DOC_LIST)
            depth++;
    if (depth < 1)
        depth = 1;
    if (depth > STYLE_ITEM_LEVELS)
        depth = STYLE_ITEM_LEVELS;
    return styles[depth - 1];
}

static int odt_write_lid(xmlw *x, const doc_node *n)
{
    return odt_write_text_p(x, ODT_STYLE(odt_text_style(n)), n->label, n);
}

static int odt_write_item(xmlw *x, const doc_node *n)
{
    return odt_write_text_p(x, ODT_STYLE(odt_text_style(n)), n->label ? n->label : ODT_BULLET, n);
}

/* A further paragraph of its parent, in line with the parent's text. */
static int odt_write_continuation(xmlw *x, const doc_node *n)
{
    style_id parent = n->parent ? odt_text_style(n->parent) : STYLE_BODY;
    return odt_write_text_p(x, ODT_STYLE(style_continuation(parent)), NULL, n);
}

/* A line of a signatory block; an open value is a placeholder span. */
static int odt_write_sign_line(xmlw *x, const char *style, const char *text, int open)
{
    int space = 1;
    if (!open)
        return odt_write_line(x, style, text);
    return odt_p_start(x, "text:p", style, 0) ||
                   odt_write_text_span(x, ODT_STYLE(STYLE_PLACEHOLDER), text, &space) || odt_p_end(x)
               ? -1
               : 0;
}

static int odt_write_signatory(xmlw *x, const doc_node *n)
{
    const doc_signatory *sig = n->sig;
    if (!sig)
        return 0;
    return odt_write_sign_line(x, ODT_STYLE(STYLE_SIGN_PARTY), sig->party, sig->open & DOC_SIG_PARTY) ||
                   (sig->authority && odt_write_line(x, ODT_STYLE(STYLE_SIGN_LINE), sig->authority)) ||
                   (sig->place && odt_write_line(x, ODT_STYLE(STYLE_SIGN_LINE), sig->place)) ||
                   (sig->date && odt_write_line(x, ODT_STYLE(STYLE_SIGN_LINE), sig->date)) ||
                   odt_write_line(x, ODT_STYLE(STYLE_SIGN_SPACE), NULL) ||
                   odt_write_sign_line(x, ODT_STYLE(STYLE_SIGN_NAME), sig->name, sig->open & DOC_SIG_NAME) ||
                   odt_write_sign_line(x, ODT_STYLE(STYLE_SIGN_FUNCTION), sig->function,
                                       sig->open & DOC_SIG_FUNCTION)
               ? -1
               : 0;
}

/* Inline nodes belong in a paragraph; one met at block level still gets
 * one, so the output stays valid whatever the tree. */
static int odt_write_stray_inline(xmlw *x, const doc_node *n)
{
    int space = 1;
    return odt_p_start(x, "text:p", ODT_STYLE(STYLE_BODY), 0) || odt_write_inline(x, n, &space) ||
                   odt_p_end(x)
               ? -1
               : 0;
}

/* One level's entry: the heading's text, a dotted tab to the margin and
 * its page number, which LibreOffice fills in when it updates the index. */
static int odt_write_toc_template(xmlw *x, int level)
{
    static const style_id styles[STYLE_TOC_LEVELS] = {STYLE_TOC_1, STYLE_TOC_2, STYLE_TOC_3};
    return xmlw_start(x, "text:table-of-content-entry-template") ||
                   xmlw_attrf(x, "text:outline-level", "%d", level) ||
                   xmlw_attr(x, "text:style-name", ODT_STYLE(styles[level - 1])) ||
                   xmlw_empty(x, "text:index-entry-text", NULL, NULL) ||
                   xmlw_start(x, "text:index-entry-tab-stop") ||
                   xmlw_attr(x, "style:type", "right") || xmlw_attr(x, "style:leader-char", ".") ||
                   xmlw_end(x) || xmlw_empty(x, "text:index-entry-page-number", NULL, NULL) ||
                   xmlw_end(x)
               ? -1
               : 0;
}

/* The source says what LibreOffice lists when it updates the index; the
 * body holds the entries the generator listed the same way, so the
 * table reads right before any update. */
static int odt_write_toc(xmlw *x, const doc_node *n)
{
    static const style_id styles[STYLE_TOC_LEVELS] = {STYLE_TOC_1, STYLE_TOC_2, STYLE_TOC_3};
    const char *title = n->title ? n->title : "";
    if (xmlw_start(x, "text:table-of-content") || xmlw_attr(x, "text:protected", "true") ||
        xmlw_attr(x, "text:name", "Inhoudsopgave") ||
        xmlw_start(x, "text:table-of-content-source") || xmlw_attr(x, "text:outline-level", "2") ||
        xmlw_start(x, "text:index-title-template") ||
        xmlw_attr(x, "text:style-name", ODT_STYLE(STYLE_TOC_HEADING)) || xmlw_text(x, title) ||
        xmlw_end(x) || odt_write_toc_template(x, 1) || odt_write_toc_template(x, 2) ||
        xmlw_end(x) || xmlw_start(x, "text:index-body") || xmlw_start(x, "text:index-title") ||
        xmlw_attr(x, "text:name", "Inhoudsopgave_kop") ||
        odt_write_line(x, ODT_STYLE(STYLE_TOC_HEADING), title) || xmlw_end(x))
        return -1;
    for (const doc_node *e = n->first; e; e = e->next) {
        int level = e->number < 1 ? 1 : e->number > STYLE_TOC_LEVELS ? STYLE_TOC_LEVELS : e->number;
        int space = 1;
        if (e->kind != DOC_TOC_ENTRY)
            continue;
        if (xmlw_start(x, "text:p") ||
            xmlw_attr(x, "text:style-name", ODT_STYLE(styles[level - 1])) ||
            odt_write_text(x, e->title ? e->title : "", &space) ||
            xmlw_empty(x, "text:tab", NULL, NULL) || xmlw_end(x))
            return -1;
    }
    return xmlw_end(x) || xmlw_end(x) ? -1 : 0;
}

static int odt_write_block(xmlw *x, const doc_node *n)
{
    int diverted = odt_divert_deleted(x, n);
    if (diverted)
        return diverted < 0 ? -1 : 0;
    switch (n->kind) {
    case DOC_PART:
        return odt_write_text_h(x, ODT_STYLE(STYLE_HEADING_1), 1, n);
    case DOC_ARTICLE:
        return odt_write_text_h(x, ODT_STYLE(STYLE_HEADING_2), 2, n);
    case DOC_ANNEX:
        return odt_write_text_h(x, ODT_STYLE(STYLE_ANNEX), 1, n);
    case DOC_SIGNATURES:
        return odt_write_text_h(x, ODT_STYLE(STYLE_SIGNATURES), 1, n);
    case DOC_HEADING:
        return odt_write_heading(x, n);
    case DOC_PARAGRAPH:
        return odt_write_text_p(x, ODT_STYLE(STYLE_BODY), NULL, n);
    case DOC_LID:
        return odt_write_lid(x, n);
    case DOC_LIST:
        return odt_write_blocks(x, n);
    case DOC_ITEM:
        return odt_write_item(x, n);
    case DOC_CONTINUATION:
        return odt_write_continuation(x, n);
    case DOC_SIGNATORY:
        return odt_write_signatory(x, n);
    case DOC_TOC:
        return odt_write_toc(x, n);
    case DOC_DOCUMENT:
    case DOC_TOC_ENTRY:
        return 0;
    default:
        return odt_write_stray_inline(x, n);
    }
}

/* The logo in a paragraph of its own, as a character in the line, so it
 * moves with the text and the paragraph style centres it. The size is
 * the house style's, the same as the DOCX shows. */
static int odt_write_logo(xmlw *x, const doc_meta *m)
{
    const doc_image *logo = m->logo;
    char path[PACKAGE_IMAGE_NAME_SIZE], w[32], h[32];
    int width, height;
    package_image_name(ODT_LOGO_STEM, logo, path, sizeof path);
    style_logo_size(logo->width_px, logo->height_px, &width, &height);
    style_cm(width, w, sizeof w);
    style_cm(height, h, sizeof h);
    return odt_p_open(x, "text:p", ODT_STYLE(STYLE_LOGO), 0) || xmlw_start(x, "draw:frame") ||
                   xmlw_attr(x, "draw:name", "Logo") ||
                   xmlw_attr(x, "text:anchor-type", "as-char") || xmlw_attr(x, "svg:width", w) ||
                   xmlw_attr(x, "svg:height", h) || xmlw_attr(x, "draw:z-index", "0") ||
                   xmlw_start(x, "draw:image") || xmlw_attr(x, "xlink:href", path) ||
                   xmlw_attr(x, "xlink:type", "simple") || xmlw_attr(x, "xlink:show", "embed") ||
                   xmlw_attr(x, "xlink:actuate", "onLoad") ||
                   xmlw_attr(x, "draw:mime-type", doc_image_mime(logo->type)) || xmlw_end(x) ||
                   xmlw_element(x, "svg:desc", logo->description) || xmlw_end(x) || xmlw_end(x)
               ? -1
               : 0;
}

/* Everything office:text holds but the tracked changes; a redline's
 * body marks begin with the document's blocks. */
static int odt_write_text_content(xmlw *x, const doc_node *doc)
{
    const doc_meta *m = doc->meta;
    odt_redline *r = x->ctx;
    /* A redline has no logo: it shows what changed in the text. */
    if (!r)
        return (m->logo && odt_write_logo(x, m)) ||
                       (m->title && odt_write_line(x, ODT_STYLE(STYLE_TITLE), m->title)) ||
                       (m->subtitle && odt_write_line(x, ODT_STYLE(STYLE_SUBTITLE), m->subtitle)) ||
                       odt_write_blocks(x, doc)
                   ? -1
                   : 0;
    r->body = 1;
    return odt_write_meta_line(x, ODT_STYLE(STYLE_TITLE), m->old_title, m->title) ||
                   odt_write_meta_line(x, ODT_STYLE(STYLE_SUBTITLE), m->old_subtitle, m->subtitle) ||
                   odt_write_blocks(x, doc) || odt_body_end(x)
               ? -1
               : 0;
}

/* The body is written first, into a fragment, since the regions it
 * collects come before it in text:tracked-changes. */
static int odt_write_redline_text(xmlw *x, const doc_node *doc)
{
    xmlw body, regions;
    odt_redline r = {.regions = &regions, .doc = doc, .tail = redline_tail(doc)};
    if (xmlw_open_fragment(&body))
        return -1;
    if (xmlw_open_fragment(&regions)) {
        xmlw_discard(&body);
        return -1;
    }
    body.ctx = &r;
    int rc = odt_write_text_content(&body, doc) || xmlw_start(x, "text:tracked-changes") ||
             xmlw_attr(x, "text:track-changes", "false") || xmlw_splice(x, &regions) ||
             xmlw_end(x) || xmlw_splice(x, &body);
    xmlw_discard(&body);
    xmlw_discard(&regions);
    return rc ? -1 : 0;
}

static int odt_write_office_text(xmlw *x, const doc_node *doc)
{
    return xmlw_start(x, "office:text") ||
                   (redline_wanted(doc) ? odt_write_redline_text(x, doc)
                                        : odt_write_text_content(x, doc)) ||
                   xmlw_end(x)
               ? -1
               : 0;
}

static int odt_write_office_document_content(xmlw *x, const doc_node *doc)
{
    return xmlw_start(x, "office:document-content") || odt_xmlns(x, "office") ||
                   odt_xmlns(x, "style") || odt_xmlns(x, "text") || odt_xmlns(x, "table") ||
                   odt_xmlns(x, "fo") || odt_xmlns(x, "svg") || odt_xmlns(x, "draw") ||
                   odt_xmlns(x, "xlink") ||
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
