/* word/document.xml: the body of the agreement, a switch over the node
 * kinds of the assembled tree. Numbers and labels come resolved from the
 * generator and are written as literal text, never as Word numbering, so
 * every reader shows the same "Artikel 7" and "1." as the other formats. */
#include <stdlib.h>
#include <string.h>

#include "docx.h"
#include "redline.h"

/* An unnumbered onderdeel's label. */
#define DOCX_BULLET "\xE2\x80\x93"

/* Every paragraph has a named style of the house style (style.h) and no
 * formatting of its own, so a region restyles the document in Word by
 * changing a style, as in LibreOffice. */
typedef struct {
    style_id style;
    int inner; /* more paragraphs of the same block follow */
} para_props;

static int write_blocks(xmlw *x, const doc_node *first, int level);

/* --- tracked changes -------------------------------------------------
 * A redline marks runs with w:ins and w:del and paragraph marks with the
 * same in the paragraph's w:rPr (ECMA-376 Part 1, 17.13.5). The writing
 * state (below) points to this state when the tree is a redline, and
 * holds NULL otherwise. */
typedef struct {
    const doc_node *doc, *tail;
    const doc_node *block; /* the block whose paragraphs are being written */
    doc_change line;       /* the change of a title line, which has no node */
    int line_rebreak;      /* that line ends and the next begins inserted */
    int rebreak;           /* the paragraph being written needs its break back */
    int past_tail;
    int ids; /* last w:id used; ids are unique over the part */
    char date[32];
} docx_redline;

/* What x->ctx points to while document.xml is written. */
typedef struct {
    docx_redline *redline;
    docx_links *links; /* the relationship of every link target */
} docx_writing;

static docx_redline *redline_of(const xmlw *x)
{
    return ((const docx_writing *)x->ctx)->redline;
}

static int write_change_attrs(xmlw *x)
{
    docx_redline *r = redline_of(x);
    return xmlw_attrf(x, "w:id", "%d", ++r->ids) ||
           xmlw_attr(x, "w:author", r->doc->meta->change_author) ||
           xmlw_attr(x, "w:date", r->date);
}

static const char *change_element(doc_change c)
{
    return c == DOC_INSERTED ? "w:ins" : "w:del";
}

/* The change of the paragraph mark of the block being written: the
 * block's own, but in the tail (redline.h) that of the paragraph after
 * it, so the last paragraph of the document keeps its mark.
 *
 * LibreOffice joins an insertion that ends a paragraph with one that
 * begins the next, unchanged mark and all. Such a mark is written as
 * inserted, with a deleted empty paragraph after it (end_w_p) that
 * gives the break back when the insertions are rejected. */
static doc_change paragraph_mark(xmlw *x, int inner)
{
    docx_redline *r = redline_of(x);
    if (!r)
        return DOC_SAME;
    if (!r->block) {
        r->rebreak = r->line == DOC_SAME && r->line_rebreak;
        return r->rebreak ? DOC_INSERTED : r->line;
    }
    doc_change own = redline_block_change(r->block);
    if (inner)
        return own;
    const doc_node *next = redline_next_block(r->block);
    if (r->tail && (r->past_tail || next == r->tail))
        return next ? redline_block_change(next) : DOC_SAME;
    r->rebreak = own == DOC_SAME && redline_ends_inserted(r->block) &&
                 redline_starts_inserted(next, DOCX_BULLET);
    return r->rebreak ? DOC_INSERTED : own;
}

static int write_mark_rPr(xmlw *x, doc_change mark)
{
    return xmlw_start(x, "w:rPr") || xmlw_start(x, change_element(mark)) ||
           write_change_attrs(x) || xmlw_end(x) || xmlw_end(x);
}

/* --- runs ------------------------------------------------------------ */

static int write_w_t(xmlw *x, const char *element, const char *s, size_t n)
{
    if (xmlw_start(x, element) || xmlw_attr(x, "xml:space", "preserve"))
        return -1;
    return xmlw_text_len(x, s, n) || xmlw_end(x);
}

/* The bytes of text up to the next character that is an element of its
 * own in a run. */
static size_t plain_span(const char *p)
{
    size_t n = 0;
    while (p[n] && p[n] != '\n' && p[n] != '\r' && p[n] != '\t' &&
           strncmp(p + n, DOCX_NO_BREAK_HYPHEN, strlen(DOCX_NO_BREAK_HYPHEN)))
        n++;
    return n;
}

int docx_write_run_text(xmlw *x, const char *element, const char *text)
{
    const char *p = text;
    while (*p) {
        size_t n = plain_span(p);
        if (n && write_w_t(x, element, p, n))
            return -1;
        p += n;
        if (*p == '\t') {
            if (xmlw_empty(x, "w:tab", NULL, NULL))
                return -1;
            p++;
        } else if (*p == '\r' || *p == '\n') {
            if (xmlw_empty(x, "w:br", NULL, NULL))
                return -1;
            p += (p[0] == '\r' && p[1] == '\n') ? 2 : 1;
        } else if (*p) {
            if (xmlw_empty(x, "w:noBreakHyphen", NULL, NULL))
                return -1;
            p += strlen(DOCX_NO_BREAK_HYPHEN);
        }
    }
    return 0;
}

static int write_run_text(xmlw *x, const char *text)
{
    return docx_write_run_text(x, "w:t", text);
}

static int write_w_rPr(xmlw *x, const char *rstyle)
{
    return xmlw_start(x, "w:rPr") || xmlw_empty(x, "w:rStyle", "w:val", rstyle) || xmlw_end(x);
}

static int write_w_r(xmlw *x, const char *text, const char *rstyle)
{
    return xmlw_start(x, "w:r") || (rstyle && write_w_rPr(x, rstyle)) || write_run_text(x, text) ||
           xmlw_end(x);
}

/* A run inside w:ins or w:del when it is changed; tab adds a tab after
 * the text (a label's). */
static int write_changed_r(xmlw *x, const char *text, const char *rstyle, doc_change c, int tab)
{
    if (c == DOC_SAME || !redline_of(x))
        return xmlw_start(x, "w:r") || (rstyle && write_w_rPr(x, rstyle)) ||
               write_run_text(x, text) || (tab && xmlw_empty(x, "w:tab", NULL, NULL)) ||
               xmlw_end(x);
    return xmlw_start(x, change_element(c)) || write_change_attrs(x) || xmlw_start(x, "w:r") ||
           (rstyle && write_w_rPr(x, rstyle)) ||
           docx_write_run_text(x, c == DOC_DELETED ? "w:delText" : "w:t", text) ||
           (tab && xmlw_empty(x, "w:tab", NULL, NULL)) || xmlw_end(x) || xmlw_end(x);
}

static doc_change block_change(xmlw *x)
{
    docx_redline *r = redline_of(x);
    if (!r)
        return DOC_SAME;
    return r->block ? redline_block_change(r->block) : r->line;
}

/* The older text deleted and the newer inserted, or the one text when
 * they are the same; "" is no text. */
static int write_versions(xmlw *x, const char *old, const char *now)
{
    if (!strcmp(old, now))
        return *now && write_w_r(x, now, NULL);
    size_t same = redline_same_words(old, now);
    if (same) {
        char *prefix = strndup(now, same);
        int rc = !prefix || write_w_r(x, prefix, NULL);
        free(prefix);
        if (rc)
            return -1;
    }
    return (old[same] && write_changed_r(x, old + same, NULL, DOC_DELETED, 0)) ||
           (now[same] && write_changed_r(x, now + same, NULL, DOC_INSERTED, 0));
}

/* The label of a lid or onderdeel and the tab that takes the text to the
 * hanging indent. */
static int write_w_r_label(xmlw *x, const char *label)
{
    docx_redline *r = redline_of(x);
    const char *old = r ? redline_old_label(r->block, DOCX_BULLET) : NULL;
    if (!old)
        return label && write_changed_r(x, label, NULL, block_change(x), 1);
    const char *now = label ? label : "";
    return write_versions(x, old, now) || write_versions(x, *old ? "\t" : "", *now ? "\t" : "");
}

static const char *inline_style(doc_kind kind)
{
    switch (kind) {
    case DOC_REGIONAL:
        return DOCX_STYLE(STYLE_REGIONAL);
    case DOC_TERM:
        return DOCX_STYLE(STYLE_TERM);
    case DOC_PLACEHOLDER:
        return DOCX_STYLE(STYLE_PLACEHOLDER);
    case DOC_LINK:
        return DOCX_STYLE(STYLE_LINK);
    default:
        return NULL;
    }
}

/* A link around its run, as Word writes one: a change of the text is
 * inside the link (w:ins and w:del hold runs, not links). */
static int write_w_hyperlink_start(xmlw *x, const doc_node *n)
{
    char rid[32];
    return docx_link_rid(((docx_writing *)x->ctx)->links, n->href, rid, sizeof rid) ||
           xmlw_start(x, "w:hyperlink") ||
           xmlw_attr(x, "r:id", rid) || xmlw_attr(x, "w:history", "1");
}

/* Writes the consecutive inline nodes from n on; *rest gets the first
 * node that is not inline (or NULL). */
static int write_inlines(xmlw *x, const doc_node *n, const doc_node **rest)
{
    docx_redline *r = redline_of(x);
    for (; n && doc_is_inline(n->kind); n = n->next) {
        int link = n->kind == DOC_LINK && n->href;
        if ((link && write_w_hyperlink_start(x, n)) ||
            write_changed_r(x, n->text ? n->text : "", inline_style(n->kind),
                            r ? redline_inline_change(r->block, n) : DOC_SAME, 0) ||
            (link && xmlw_end(x)))
            return -1;
    }
    *rest = n;
    return 0;
}

/* --- paragraphs ------------------------------------------------------ */

static int write_w_pPr(xmlw *x, const para_props *pp)
{
    doc_change mark = paragraph_mark(x, pp->inner);
    return xmlw_start(x, "w:pPr") || xmlw_empty(x, "w:pStyle", "w:val", DOCX_STYLE(pp->style)) ||
           (mark != DOC_SAME && write_mark_rPr(x, mark)) || xmlw_end(x);
}

/* Ends a paragraph; after one whose mark paragraph_mark made inserted,
 * an empty paragraph in the same style whose mark is deleted. */
static int end_w_p(xmlw *x, const para_props *pp)
{
    docx_redline *r = redline_of(x);
    if (xmlw_end(x))
        return -1;
    if (!r || !r->rebreak)
        return 0;
    r->rebreak = 0;
    return xmlw_start(x, "w:p") || xmlw_start(x, "w:pPr") ||
           xmlw_empty(x, "w:pStyle", "w:val", DOCX_STYLE(pp->style)) ||
           write_mark_rPr(x, DOC_DELETED) || xmlw_end(x) || xmlw_end(x);
}

/* A paragraph with an optional label and the inline nodes from first on;
 * *rest gets the first child that is not inline. */
static int write_w_p(xmlw *x, const para_props *pp, const char *label, const doc_node *first,
                     const doc_node **rest)
{
    *rest = NULL;
    return xmlw_start(x, "w:p") || write_w_pPr(x, pp) ||
           write_w_r_label(x, label) || write_inlines(x, first, rest) || end_w_p(x, pp);
}

static int write_text_p(xmlw *x, const para_props *pp, const char *text)
{
    return xmlw_start(x, "w:p") || write_w_pPr(x, pp) ||
           (text && write_changed_r(x, text, NULL, block_change(x), 0)) || end_w_p(x, pp);
}

/* A heading whose label or title differs between the sides: each part
 * in a run of its own, so the change covers only what changed. */
static int write_heading_versions(xmlw *x, const para_props *pp, const doc_node *n)
{
    const char *parts[3][2];
    redline_heading_parts(n, parts);
    return xmlw_start(x, "w:p") || write_w_pPr(x, pp) ||
           write_versions(x, parts[0][0], parts[0][1]) ||
           write_versions(x, parts[1][0], parts[1][1]) ||
           write_versions(x, parts[2][0], parts[2][1]) || end_w_p(x, pp);
}

/* --- blocks ---------------------------------------------------------- */

/* "Artikel 7 De Stuurgroep", or whichever of the two is present; NULL
 * with *failed set when memory ran out, NULL alone when both are absent. */
static char *heading_text(const doc_node *n, int *failed)
{
    const char *label = n->label && *n->label ? n->label : NULL;
    const char *title = n->title && *n->title ? n->title : NULL;
    *failed = 0;
    if (!label && !title)
        return NULL;
    size_t ll = label ? strlen(label) : 0, tl = title ? strlen(title) : 0;
    char *s = malloc(ll + tl + 2);
    if (!s) {
        *failed = 1;
        return NULL;
    }
    s[0] = '\0';
    if (label)
        strcpy(s, label);
    if (label && title)
        strcat(s, " ");
    if (title)
        strcat(s, title);
    return s;
}

static style_id heading_style(const doc_node *n)
{
    switch (n->kind) {
    case DOC_ARTICLE:
        return STYLE_HEADING_2;
    case DOC_ANNEX:
        return STYLE_ANNEX;
    case DOC_SIGNATURES:
        return STYLE_SIGNATURES;
    case DOC_HEADING:
        return n->number >= STYLE_HEADING_LEVELS ? STYLE_HEADING_3
               : n->number == 2                  ? STYLE_HEADING_2
                                                 : STYLE_HEADING_1;
    default:
        return STYLE_HEADING_1;
    }
}

/* A heading and then the node's children. A heading without text is
 * still written, empty, since its style may carry a page break, as in
 * the ODT. */
static int write_section(xmlw *x, const doc_node *n)
{
    int failed;
    char *text = heading_text(n, &failed);
    if (failed)
        return -1;
    para_props pp = {.style = heading_style(n)};
    int r;
    if (redline_of(x) && (n->old_label || n->old_title) && redline_block_change(n) == DOC_SAME)
        r = write_heading_versions(x, &pp, n);
    else
        r = write_text_p(x, &pp, text);
    free(text);
    return r || write_blocks(x, n->first, 0);
}

static style_id item_style(int level)
{
    static const style_id styles[STYLE_ITEM_LEVELS] = {STYLE_ITEM_1, STYLE_ITEM_2, STYLE_ITEM_3};
    if (level < 1)
        level = 1;
    return styles[(level > STYLE_ITEM_LEVELS ? STYLE_ITEM_LEVELS : level) - 1];
}

/* The paragraph style of a body paragraph, lid or item (at level). A
 * single lid carries no number and reads as plain text. */
static style_id text_style(const doc_node *n, int level)
{
    if (n->kind == DOC_LID)
        return n->label ? STYLE_LID : STYLE_LID_SINGLE;
    return n->kind == DOC_ITEM ? item_style(level) : STYLE_BODY;
}

/* A lid or an onderdeel: label, tab, text; its further paragraphs and a
 * nested list follow, the list one level deeper. */
static int write_labelled(xmlw *x, const doc_node *n, int level)
{
    const char *label = n->label;
    if (n->kind == DOC_LID) {
        level = 0;
    } else {
        if (level < 1)
            level = 1;
        if (!label)
            label = DOCX_BULLET;
    }
    para_props pp = {.style = text_style(n, level)};
    const doc_node *rest;
    return write_w_p(x, &pp, label, n->first, &rest) || write_blocks(x, rest, level);
}

/* A further paragraph of its parent, in line with the parent's text;
 * level is the parent's. */
static int write_continuation(xmlw *x, const doc_node *n, int level)
{
    para_props pp = {.style = style_continuation(n->parent ? text_style(n->parent, level)
                                                           : STYLE_BODY)};
    const doc_node *rest;
    return write_w_p(x, &pp, NULL, n->first, &rest) || write_blocks(x, rest, level);
}

static int write_list(xmlw *x, const doc_node *n, int level)
{
    return write_blocks(x, n->first, level + 1);
}

/* One block per signatory, its lines in the styles the ODT uses, which
 * keep the block on one page; the line to sign on is an empty paragraph
 * whose style draws the rule. Absent lines are left out. */
static int write_signatory(xmlw *x, const doc_node *n)
{
    typedef struct {
        style_id style;
        const char *text;
        int open;
    } line;
    const doc_signatory *sig = n->sig;
    unsigned open = sig ? sig->open : 0;
    line lines[7];
    int count = 0;
    if (sig && sig->party)
        lines[count++] = (line){STYLE_SIGN_PARTY, sig->party, open & DOC_SIG_PARTY};
    if (sig && sig->authority)
        lines[count++] = (line){STYLE_SIGN_LINE, sig->authority, 0};
    if (sig && sig->place)
        lines[count++] = (line){STYLE_SIGN_LINE, sig->place, 0};
    if (sig && sig->date)
        lines[count++] = (line){STYLE_SIGN_LINE, sig->date, 0};
    lines[count++] = (line){STYLE_SIGN_SPACE, NULL, 0};
    if (sig && sig->name)
        lines[count++] = (line){STYLE_SIGN_NAME, sig->name, open & DOC_SIG_NAME};
    if (sig && sig->function)
        lines[count++] = (line){STYLE_SIGN_FUNCTION, sig->function, open & DOC_SIG_FUNCTION};
    for (int i = 0; i < count; i++) {
        para_props pp = {.style = lines[i].style, .inner = i < count - 1};
        if (xmlw_start(x, "w:p") || write_w_pPr(x, &pp) ||
            (lines[i].text &&
             write_changed_r(x, lines[i].text,
                             lines[i].open ? DOCX_STYLE(STYLE_PLACEHOLDER) : NULL,
                             block_change(x), 0)) ||
            xmlw_end(x))
            return -1;
    }
    return 0;
}

static int write_fldChar(xmlw *x, const char *type)
{
    return xmlw_start(x, "w:r") || xmlw_empty(x, "w:fldChar", "w:fldCharType", type) ||
           xmlw_end(x);
}

/* Headings of levels 1 and 2, each entry a link to its heading. */
static int write_toc_begin(xmlw *x)
{
    return write_fldChar(x, "begin") || xmlw_start(x, "w:r") || xmlw_start(x, "w:instrText") ||
           xmlw_attr(x, "xml:space", "preserve") ||
           xmlw_text(x, " TOC \\o \"1-2\" \\h \\z \\u ") || xmlw_end(x) || xmlw_end(x) ||
           write_fldChar(x, "separate");
}

/* A TOC field whose result is the entries the generator listed, as
 * Word lists them on update, so it reads right before any update. The
 * field is not marked dirty: Word would then ask on opening whether to
 * update fields that "may refer to other files", a question a
 * coordinator cannot answer; page numbers come with the first update
 * (F9), as in LibreOffice. Word's content control for a table of
 * contents holds it, so Word offers its own "Update table" button. */
static int write_toc(xmlw *x, const doc_node *n)
{
    static const style_id styles[STYLE_TOC_LEVELS] = {STYLE_TOC_1, STYLE_TOC_2, STYLE_TOC_3};
    para_props head = {.style = STYLE_TOC_HEADING};
    if (xmlw_start(x, "w:sdt") || xmlw_start(x, "w:sdtPr") || xmlw_start(x, "w:docPartObj") ||
        xmlw_empty(x, "w:docPartGallery", "w:val", "Table of Contents") ||
        xmlw_empty(x, "w:docPartUnique", NULL, NULL) || xmlw_end(x) || xmlw_end(x) ||
        xmlw_start(x, "w:sdtContent") || write_text_p(x, &head, n->title))
        return -1;
    int first = 1;
    for (const doc_node *e = n->first; e; e = e->next) {
        int level = e->number < 1 ? 1 : e->number > STYLE_TOC_LEVELS ? STYLE_TOC_LEVELS : e->number;
        para_props pp = {.style = styles[level - 1]};
        if (e->kind != DOC_TOC_ENTRY)
            continue;
        if (xmlw_start(x, "w:p") || write_w_pPr(x, &pp) ||
            (first && write_toc_begin(x)) ||
            write_w_r(x, e->title ? e->title : "", NULL) || xmlw_start(x, "w:r") ||
            xmlw_empty(x, "w:tab", NULL, NULL) || xmlw_end(x) || xmlw_end(x))
            return -1;
        first = 0;
    }
    /* The field ends in a paragraph of its own, as Word writes it; a TOC
     * without entries still begins and ends there. */
    para_props last = {.style = STYLE_BODY};
    if (xmlw_start(x, "w:p") || write_w_pPr(x, &last) ||
        (first && write_toc_begin(x)) ||
        write_fldChar(x, "end") || xmlw_end(x))
        return -1;
    return xmlw_end(x) || xmlw_end(x);
}

static int write_block(xmlw *x, const doc_node *n, int level)
{
    const doc_node *rest;
    para_props normal = {.style = STYLE_BODY};
    docx_redline *r = redline_of(x);
    if (r && n->kind != DOC_LIST) {
        r->block = n;
        if (n == r->tail)
            r->past_tail = 1;
    }
    switch (n->kind) {
    case DOC_PART:
    case DOC_ARTICLE:
    case DOC_ANNEX:
    case DOC_HEADING:
    case DOC_SIGNATURES:
        return write_section(x, n);
    case DOC_PARAGRAPH:
        return write_w_p(x, &normal, NULL, n->first, &rest) || write_blocks(x, rest, level);
    case DOC_LID:
    case DOC_ITEM:
        return write_labelled(x, n, level);
    case DOC_CONTINUATION:
        return write_continuation(x, n, level);
    case DOC_LIST:
        return write_list(x, n, level);
    case DOC_SIGNATORY:
        return write_signatory(x, n);
    case DOC_TOC:
        return write_toc(x, n);
    case DOC_DOCUMENT:
        return write_blocks(x, n->first, level);
    default:
        /* Inline kinds are consumed by write_blocks. */
        return 0;
    }
}

/* The siblings from first on. Inline nodes where a block belongs are not
 * expected from the generator; rather than lose their text they are
 * gathered into a body text paragraph. */
static int write_blocks(xmlw *x, const doc_node *first, int level)
{
    const doc_node *n = first;
    para_props normal = {.style = STYLE_BODY};
    while (n) {
        if (doc_is_inline(n->kind)) {
            if (write_w_p(x, &normal, NULL, n, &n))
                return -1;
        } else {
            if (write_block(x, n, level))
                return -1;
            n = n->next;
        }
    }
    return 0;
}

/* --- document -------------------------------------------------------- */

static int write_w_footerReference(xmlw *x)
{
    return xmlw_start(x, "w:footerReference") || xmlw_attr(x, "w:type", "default") ||
           xmlw_attr(x, "r:id", DOCX_RID_FOOTER) || xmlw_end(x);
}

static int write_w_pgSz(xmlw *x)
{
    const style_page *p = &style_page_a4;
    return xmlw_start(x, "w:pgSz") || xmlw_attrf(x, "w:w", "%d", style_twips(p->width)) ||
           xmlw_attrf(x, "w:h", "%d", style_twips(p->height)) || xmlw_end(x);
}

/* Word counts the bottom margin below the text and puts the footer
 * inside it; style.c gives both distances. */
static int write_w_pgMar(xmlw *x)
{
    const style_page *p = &style_page_a4;
    return xmlw_start(x, "w:pgMar") || xmlw_attrf(x, "w:top", "%d", style_twips(p->margin_top)) ||
           xmlw_attrf(x, "w:right", "%d", style_twips(p->margin_right)) ||
           xmlw_attrf(x, "w:bottom", "%d", style_twips(p->margin_bottom)) ||
           xmlw_attrf(x, "w:left", "%d", style_twips(p->margin_left)) ||
           xmlw_attrf(x, "w:header", "%d", style_twips(p->footer_distance)) ||
           xmlw_attrf(x, "w:footer", "%d", style_twips(p->footer_distance)) ||
           xmlw_attr(x, "w:gutter", "0") || xmlw_end(x);
}

static int write_w_headerReference(xmlw *x)
{
    return xmlw_start(x, "w:headerReference") || xmlw_attr(x, "w:type", "default") ||
           xmlw_attr(x, "r:id", DOCX_RID_HEADER) || xmlw_end(x);
}

static int write_w_sectPr(xmlw *x, const doc_node *doc)
{
    return xmlw_start(x, "w:sectPr") || (docx_has_header(doc) && write_w_headerReference(x)) ||
           write_w_footerReference(x) || write_w_pgSz(x) ||
           write_w_pgMar(x) || xmlw_empty(x, "w:cols", "w:space", "708") || xmlw_end(x);
}

/* A title line; in a redline old is the older side's text when it
 * differs ("" for none). */
static int write_title_line(xmlw *x, style_id style, const char *old, const char *now)
{
    para_props pp = {.style = style};
    docx_redline *r = redline_of(x);
    if (!r || !old)
        return now && write_text_p(x, &pp, now);
    if (*old && now && *now)
        return xmlw_start(x, "w:p") || write_w_pPr(x, &pp) || write_versions(x, old, now) ||
               end_w_p(x, &pp);
    r->line = now && *now ? DOC_INSERTED : DOC_DELETED;
    int rc = (*old || (now && *now)) && write_text_p(x, &pp, *old ? old : now);
    r->line = DOC_SAME;
    return rc;
}

/* Whether a title line is written as a whole inserted paragraph, or
 * ends in its newer text. */
static int line_starts_inserted(const char *old, const char *now)
{
    return old && !*old && now && *now;
}

static int line_ends_inserted(const char *old, const char *now)
{
    return old && *old && now && *now && strcmp(old, now);
}

static int write_title(xmlw *x, const doc_meta *m)
{
    docx_redline *r = redline_of(x);
    if (!r)
        return write_title_line(x, STYLE_TITLE, NULL, m->title) ||
               write_title_line(x, STYLE_SUBTITLE, NULL, m->subtitle);
    int body = redline_starts_inserted(redline_next_block(r->doc), DOCX_BULLET);
    int has_subtitle = m->subtitle || (m->old_subtitle && *m->old_subtitle);
    int after_title = has_subtitle ? line_starts_inserted(m->old_subtitle, m->subtitle) : body;
    r->line_rebreak = line_ends_inserted(m->old_title, m->title) && after_title;
    if (write_title_line(x, STYLE_TITLE, m->old_title, m->title))
        return -1;
    r->line_rebreak = line_ends_inserted(m->old_subtitle, m->subtitle) && body;
    int rc = write_title_line(x, STYLE_SUBTITLE, m->old_subtitle, m->subtitle);
    r->line_rebreak = 0;
    return rc;
}

static int write_w_body(xmlw *x, const doc_node *doc)
{
    /* A redline has no logo: it shows what changed in the text. */
    return xmlw_start(x, "w:body") || (doc->meta->logo && docx_write_logo(x, doc->meta)) ||
           write_title(x, doc->meta) || write_blocks(x, doc->first, 0) ||
           write_w_sectPr(x, doc) || xmlw_end(x);
}

static int write_w_document(xmlw *x, const doc_node *doc)
{
    docx_redline r = {.doc = doc, .tail = redline_tail(doc)};
    docx_writing w = {.links = docx_links_of(doc)};
    if (!w.links)
        return -1;
    if (redline_wanted(doc)) {
        redline_date(doc, r.date, sizeof r.date, 1);
        w.redline = &r;
    }
    x->ctx = &w;
    int rc = xmlw_start(x, "w:document") || xmlw_attr(x, "xmlns:w", DOCX_NS_W) ||
           xmlw_attr(x, "xmlns:r", DOCX_NS_R) || write_w_body(x, doc) || xmlw_end(x);
    x->ctx = NULL;
    docx_links_free(w.links);
    return rc;
}

int docx_write_document(const doc_node *doc, void **data, size_t *len)
{
    return docx_write_part(doc, data, len, write_w_document);
}
