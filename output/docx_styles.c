/* word/styles.xml: the document defaults (Dutch language, font, spacing)
 * and every style the other parts use. The styles are data in one table;
 * the functions below only turn an entry into XML, in the element order
 * the schema prescribes (Word repairs files that deviate). */
#include "docx.h"

#define FONT      "Arial"
#define BODY_SIZE "20" /* half-points: 10 pt */

typedef struct {
    const char *type; /* "paragraph" or "character" */
    const char *id;
    const char *name; /* Word's own name for built-in styles */
    int is_default;
    const char *based_on;
    const char *next;
    const char *ui_priority;
    int semi_hidden, unhide_when_used, q_format;
    /* paragraph properties; NULL or 0 leaves the property inherited */
    int keep_next, keep_lines;
    int tab_left, tab_right; /* tab stop positions in twips */
    const char *space_before, *space_after;
    int ind_left, ind_hanging;
    const char *jc;
    const char *outline_lvl;
    /* run properties */
    int bold;
    const char *size; /* half-points */
    const char *color;
    const char *highlight;
    int concept_only; /* colour and highlight only in a concept: a
                         definitive document is plain */
} style_def;

static const style_def styles[] = {
    {.type = "paragraph",
     .id = DOCX_STYLE_NORMAL,
     .name = "Normal",
     .is_default = 1,
     .q_format = 1},
    {.type = "character",
     .id = DOCX_STYLE_DEFAULT_FONT,
     .name = "Default Paragraph Font",
     .is_default = 1,
     .ui_priority = "1",
     .semi_hidden = 1,
     .unhide_when_used = 1},
    {.type = "paragraph",
     .id = DOCX_STYLE_TITLE,
     .name = "Title",
     .based_on = DOCX_STYLE_NORMAL,
     .next = DOCX_STYLE_NORMAL,
     .ui_priority = "10",
     .q_format = 1,
     .keep_next = 1,
     .space_before = "0",
     .space_after = "160",
     .jc = "center",
     .bold = 1,
     .size = "36"},
    {.type = "paragraph",
     .id = DOCX_STYLE_SUBTITLE,
     .name = "Subtitle",
     .based_on = DOCX_STYLE_NORMAL,
     .next = DOCX_STYLE_NORMAL,
     .ui_priority = "11",
     .q_format = 1,
     .keep_next = 1,
     .space_after = "480",
     .jc = "center",
     .size = "26"},
    {.type = "paragraph",
     .id = DOCX_STYLE_HEADING1,
     .name = "heading 1",
     .based_on = DOCX_STYLE_NORMAL,
     .next = DOCX_STYLE_NORMAL,
     .ui_priority = "9",
     .q_format = 1,
     .keep_next = 1,
     .keep_lines = 1,
     .space_before = "480",
     .space_after = "160",
     .outline_lvl = "0",
     .bold = 1,
     .size = "28"},
    {.type = "paragraph",
     .id = DOCX_STYLE_HEADING2,
     .name = "heading 2",
     .based_on = DOCX_STYLE_NORMAL,
     .next = DOCX_STYLE_NORMAL,
     .ui_priority = "9",
     .unhide_when_used = 1,
     .q_format = 1,
     .keep_next = 1,
     .keep_lines = 1,
     .space_before = "300",
     .space_after = "80",
     .outline_lvl = "1",
     .bold = 1,
     .size = "22"},
    {.type = "paragraph",
     .id = DOCX_STYLE_FOOTER,
     .name = "footer",
     .based_on = DOCX_STYLE_NORMAL,
     .ui_priority = "99",
     .unhide_when_used = 1,
     .tab_right = DOCX_TEXT_WIDTH,
     .space_after = "0",
     .size = "16",
     .color = "595959"},
    /* The label hangs in the indent and a tab brings the text to the
     * indent, so wrapped lines align with the first line's text. */
    {.type = "paragraph",
     .id = DOCX_STYLE_LID,
     .name = "Lid",
     .based_on = DOCX_STYLE_NORMAL,
     .next = DOCX_STYLE_LID,
     .q_format = 1,
     .tab_left = DOCX_INDENT_STEP,
     .ind_left = DOCX_INDENT_STEP,
     .ind_hanging = DOCX_INDENT_STEP},
    {.type = "paragraph",
     .id = DOCX_STYLE_ONDERDEEL,
     .name = "Onderdeel",
     .based_on = DOCX_STYLE_NORMAL,
     .next = DOCX_STYLE_ONDERDEEL,
     .q_format = 1,
     .tab_left = 2 * DOCX_INDENT_STEP,
     .space_after = "60",
     .ind_left = 2 * DOCX_INDENT_STEP,
     .ind_hanging = DOCX_INDENT_STEP},
    {.type = "paragraph",
     .id = DOCX_STYLE_ONDERDEEL2,
     .name = "Onderdeel 2",
     .based_on = DOCX_STYLE_NORMAL,
     .next = DOCX_STYLE_ONDERDEEL2,
     .q_format = 1,
     .tab_left = 3 * DOCX_INDENT_STEP,
     .space_after = "60",
     .ind_left = 3 * DOCX_INDENT_STEP,
     .ind_hanging = DOCX_INDENT_STEP},
    /* keepNext is set per paragraph: the last line of a block must not
     * pull the next signatory onto its page. */
    {.type = "paragraph",
     .id = DOCX_STYLE_ONDERTEKENING,
     .name = "Ondertekening",
     .based_on = DOCX_STYLE_NORMAL,
     .next = DOCX_STYLE_ONDERTEKENING,
     .q_format = 1,
     .keep_lines = 1,
     .space_after = "0"},
    /* Regional text stands apart from model text in colour only, so the
     * document still reads as one text when printed. */
    {.type = "character",
     .id = DOCX_STYLE_REGIONAAL,
     .name = "Regionaal",
     .based_on = DOCX_STYLE_DEFAULT_FONT,
     .q_format = 1,
     .color = "1F4E79",
     .concept_only = 1},
    /* Marks defined terms for readers and macros; no visible change. */
    {.type = "character",
     .id = DOCX_STYLE_BEGRIP,
     .name = "Begrip",
     .based_on = DOCX_STYLE_DEFAULT_FONT,
     .q_format = 1},
    /* A value still to fill in must catch the eye, on screen and on paper. */
    {.type = "character",
     .id = DOCX_STYLE_IN_TE_VULLEN,
     .name = "In te vullen",
     .based_on = DOCX_STYLE_DEFAULT_FONT,
     .q_format = 1,
     .bold = 1,
     .highlight = "yellow",
     .concept_only = 1},
    /* The concept mark at the top of every page of a concept. */
    {.type = "paragraph",
     .id = DOCX_STYLE_HEADER,
     .name = "header",
     .based_on = DOCX_STYLE_NORMAL,
     .ui_priority = "99",
     .unhide_when_used = 1,
     .space_after = "0",
     .jc = "center",
     .bold = 1,
     .size = "24"},
};

static int write_w_rFonts(xmlw *x)
{
    return xmlw_start(x, "w:rFonts") || xmlw_attr(x, "w:ascii", FONT) ||
           xmlw_attr(x, "w:hAnsi", FONT) || xmlw_attr(x, "w:eastAsia", FONT) ||
           xmlw_attr(x, "w:cs", FONT) || xmlw_end(x);
}

static int write_w_lang(xmlw *x, const char *lang)
{
    return xmlw_empty(x, "w:lang", "w:val", lang);
}

static int write_w_rPrDefault(xmlw *x, const doc_node *doc)
{
    return xmlw_start(x, "w:rPrDefault") || xmlw_start(x, "w:rPr") || write_w_rFonts(x) ||
           xmlw_empty(x, "w:sz", "w:val", BODY_SIZE) ||
           xmlw_empty(x, "w:szCs", "w:val", BODY_SIZE) || write_w_lang(x, docx_language(doc)) ||
           xmlw_end(x) || xmlw_end(x);
}

static int write_w_spacing(xmlw *x, const char *before, const char *after, const char *line)
{
    if (xmlw_start(x, "w:spacing"))
        return -1;
    if (before && xmlw_attr(x, "w:before", before))
        return -1;
    if (after && xmlw_attr(x, "w:after", after))
        return -1;
    if (line && (xmlw_attr(x, "w:line", line) || xmlw_attr(x, "w:lineRule", "auto")))
        return -1;
    return xmlw_end(x);
}

static int write_w_pPrDefault(xmlw *x)
{
    /* 1.1 line spacing and a little space after each paragraph. */
    return xmlw_start(x, "w:pPrDefault") || xmlw_start(x, "w:pPr") ||
           write_w_spacing(x, NULL, "120", "264") || xmlw_end(x) || xmlw_end(x);
}

static int write_w_docDefaults(xmlw *x, const doc_node *doc)
{
    return xmlw_start(x, "w:docDefaults") || write_w_rPrDefault(x, doc) || write_w_pPrDefault(x) ||
           xmlw_end(x);
}

static int write_w_tab(xmlw *x, const char *val, int pos)
{
    return xmlw_start(x, "w:tab") || xmlw_attr(x, "w:val", val) ||
           xmlw_attrf(x, "w:pos", "%d", pos) || xmlw_end(x);
}

static int write_w_tabs(xmlw *x, const style_def *s)
{
    if (!s->tab_left && !s->tab_right)
        return 0;
    if (xmlw_start(x, "w:tabs"))
        return -1;
    if (s->tab_left && write_w_tab(x, "left", s->tab_left))
        return -1;
    if (s->tab_right && write_w_tab(x, "right", s->tab_right))
        return -1;
    return xmlw_end(x);
}

static int write_w_ind(xmlw *x, const style_def *s)
{
    if (!s->ind_left && !s->ind_hanging)
        return 0;
    return xmlw_start(x, "w:ind") || xmlw_attrf(x, "w:left", "%d", s->ind_left) ||
           xmlw_attrf(x, "w:hanging", "%d", s->ind_hanging) || xmlw_end(x);
}

static int has_pPr(const style_def *s)
{
    return s->keep_next || s->keep_lines || s->tab_left || s->tab_right || s->space_before ||
           s->space_after || s->ind_left || s->jc || s->outline_lvl;
}

static int write_w_pPr(xmlw *x, const style_def *s)
{
    if (!has_pPr(s))
        return 0;
    if (xmlw_start(x, "w:pPr") || (s->keep_next && xmlw_empty(x, "w:keepNext", NULL, NULL)) ||
        (s->keep_lines && xmlw_empty(x, "w:keepLines", NULL, NULL)) || write_w_tabs(x, s))
        return -1;
    if ((s->space_before || s->space_after) &&
        write_w_spacing(x, s->space_before, s->space_after, NULL))
        return -1;
    if (write_w_ind(x, s) || (s->jc && xmlw_empty(x, "w:jc", "w:val", s->jc)) ||
        (s->outline_lvl && xmlw_empty(x, "w:outlineLvl", "w:val", s->outline_lvl)))
        return -1;
    return xmlw_end(x);
}

static int write_w_rPr(xmlw *x, const style_def *s, int concept)
{
    int look = concept || !s->concept_only;
    const char *color = look ? s->color : NULL, *highlight = look ? s->highlight : NULL;
    if (!s->bold && !s->size && !color && !highlight)
        return 0;
    if (xmlw_start(x, "w:rPr") ||
        (s->bold && (xmlw_empty(x, "w:b", NULL, NULL) || xmlw_empty(x, "w:bCs", NULL, NULL))) ||
        (color && xmlw_empty(x, "w:color", "w:val", color)) ||
        (s->size &&
         (xmlw_empty(x, "w:sz", "w:val", s->size) || xmlw_empty(x, "w:szCs", "w:val", s->size))) ||
        (highlight && xmlw_empty(x, "w:highlight", "w:val", highlight)))
        return -1;
    return xmlw_end(x);
}

static int write_w_style(xmlw *x, const style_def *s, int concept)
{
    if (xmlw_start(x, "w:style") || xmlw_attr(x, "w:type", s->type) ||
        (s->is_default && xmlw_attr(x, "w:default", "1")) || xmlw_attr(x, "w:styleId", s->id) ||
        xmlw_empty(x, "w:name", "w:val", s->name) ||
        (s->based_on && xmlw_empty(x, "w:basedOn", "w:val", s->based_on)) ||
        (s->next && xmlw_empty(x, "w:next", "w:val", s->next)) ||
        (s->ui_priority && xmlw_empty(x, "w:uiPriority", "w:val", s->ui_priority)) ||
        (s->semi_hidden && xmlw_empty(x, "w:semiHidden", NULL, NULL)) ||
        (s->unhide_when_used && xmlw_empty(x, "w:unhideWhenUsed", NULL, NULL)) ||
        (s->q_format && xmlw_empty(x, "w:qFormat", NULL, NULL)))
        return -1;
    return write_w_pPr(x, s) || write_w_rPr(x, s, concept) || xmlw_end(x);
}

static int write_w_styles(xmlw *x, const doc_node *doc)
{
    if (xmlw_start(x, "w:styles") || xmlw_attr(x, "xmlns:w", DOCX_NS_W) ||
        write_w_docDefaults(x, doc))
        return -1;
    for (size_t i = 0; i < sizeof styles / sizeof styles[0]; i++)
        if (write_w_style(x, &styles[i], doc->meta->concept))
            return -1;
    return xmlw_end(x);
}

int docx_write_styles(const doc_node *doc, void **data, size_t *len)
{
    return docx_write_part(doc, data, len, write_w_styles);
}
