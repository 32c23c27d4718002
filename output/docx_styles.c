/* word/styles.xml: the house style (style.h) as WordprocessingML: the
 * document defaults (Dutch language, font) and every named style the
 * other parts use. The functions below only turn an entry of the table
 * into XML, in the element order the schema prescribes (Word repairs
 * files that deviate). */
#include "docx.h"

/* Every run inherits the house font from the document defaults. */
static int write_w_rFonts(xmlw *x, const char *font)
{
    return xmlw_start(x, "w:rFonts") || xmlw_attr(x, "w:ascii", font) ||
           xmlw_attr(x, "w:hAnsi", font) || xmlw_attr(x, "w:eastAsia", font) ||
           xmlw_attr(x, "w:cs", font) || xmlw_end(x);
}

static int write_w_lang(xmlw *x, const char *lang)
{
    return xmlw_empty(x, "w:lang", "w:val", lang);
}

static int write_w_rPrDefault(xmlw *x, const doc_node *doc)
{
    int size = style_get(STYLE_NORMAL)->size;
    return xmlw_start(x, "w:rPrDefault") || xmlw_start(x, "w:rPr") ||
           write_w_rFonts(x, docx_font(doc)->name) ||
           xmlw_start(x, "w:sz") || xmlw_attrf(x, "w:val", "%d", size) || xmlw_end(x) ||
           xmlw_start(x, "w:szCs") || xmlw_attrf(x, "w:val", "%d", size) || xmlw_end(x) ||
           write_w_lang(x, docx_language(doc)) || xmlw_end(x) || xmlw_end(x);
}

static int write_twips(xmlw *x, const char *name, int hmm)
{
    return xmlw_attrf(x, name, "%d", style_twips(hmm));
}

static int write_w_spacing(xmlw *x, const style_def *s)
{
    if (!s->space_before.set && !s->space_after.set && !s->line_percent)
        return 0;
    return xmlw_start(x, "w:spacing") ||
           (s->space_before.set && write_twips(x, "w:before", s->space_before.hmm)) ||
           (s->space_after.set && write_twips(x, "w:after", s->space_after.hmm)) ||
           (s->line_percent && (xmlw_attrf(x, "w:line", "%d", 240 * s->line_percent / 100) ||
                                xmlw_attr(x, "w:lineRule", "auto"))) ||
           xmlw_end(x);
}

/* Word's defaults differ from LibreOffice's (space after, 1.08 lines);
 * the house style starts from nothing, as ODF does. */
static int write_w_pPrDefault(xmlw *x)
{
    return xmlw_start(x, "w:pPrDefault") || xmlw_start(x, "w:pPr") ||
           xmlw_empty(x, "w:spacing", "w:after", "0") || xmlw_end(x) || xmlw_end(x);
}

static int write_w_docDefaults(xmlw *x, const doc_node *doc)
{
    return xmlw_start(x, "w:docDefaults") || write_w_rPrDefault(x, doc) || write_w_pPrDefault(x) ||
           xmlw_end(x);
}

static int write_w_tabs(xmlw *x, const style_def *s)
{
    if (s->tab == TAB_NONE)
        return 0;
    return xmlw_start(x, "w:tabs") || xmlw_start(x, "w:tab") ||
           xmlw_attr(x, "w:val", s->tab == TAB_RIGHT ? "right" : "left") ||
           (s->tab_dots && xmlw_attr(x, "w:leader", "dot")) ||
           write_twips(x, "w:pos", s->tab_pos.hmm) || xmlw_end(x) || xmlw_end(x);
}

/* The rule to sign on: a bottom border as thick as in the ODT. */
static int write_w_pBdr(xmlw *x, const style_def *s)
{
    if (!s->rule_below)
        return 0;
    return xmlw_start(x, "w:pBdr") || xmlw_start(x, "w:bottom") ||
           xmlw_attr(x, "w:val", "single") ||
           xmlw_attrf(x, "w:sz", "%d", STYLE_SIGN_RULE_EIGHTHS) || xmlw_attr(x, "w:space", "0") ||
           xmlw_attr(x, "w:color", "000000") || xmlw_end(x) || xmlw_end(x);
}

static int write_w_ind(xmlw *x, const style_def *s)
{
    if (!s->indent_left.set && !s->indent_right.set && !s->hanging.set)
        return 0;
    return xmlw_start(x, "w:ind") ||
           (s->indent_left.set && write_twips(x, "w:left", s->indent_left.hmm)) ||
           (s->indent_right.set && write_twips(x, "w:right", s->indent_right.hmm)) ||
           (s->hanging.set && write_twips(x, "w:hanging", s->hanging.hmm)) || xmlw_end(x);
}

static const char *docx_jc(style_align a)
{
    return a == ALIGN_LEFT ? "left" : a == ALIGN_CENTER ? "center" : a == ALIGN_JUSTIFY ? "both" : NULL;
}

/* Children in the order CT_PPrBase prescribes. */
static int write_w_pPr(xmlw *x, const style_def *s)
{
    const char *jc = docx_jc(s->align);
    if (xmlw_start(x, "w:pPr") || (s->keep_with_next && xmlw_empty(x, "w:keepNext", NULL, NULL)) ||
        (s->keep_together && xmlw_empty(x, "w:keepLines", NULL, NULL)) ||
        (s->page_break_before && xmlw_empty(x, "w:pageBreakBefore", NULL, NULL)) ||
        (s->widows && xmlw_empty(x, "w:widowControl", NULL, NULL)) || write_w_pBdr(x, s) ||
        write_w_tabs(x, s) ||
        (s->hyphenate < 0 && xmlw_empty(x, "w:suppressAutoHyphens", NULL, NULL)) ||
        write_w_spacing(x, s) || write_w_ind(x, s) || (jc && xmlw_empty(x, "w:jc", "w:val", jc)) ||
        (s->outline_level && (xmlw_start(x, "w:outlineLvl") ||
                              xmlw_attrf(x, "w:val", "%d", s->outline_level - 1) || xmlw_end(x))))
        return -1;
    return xmlw_end(x);
}

static int write_w_rPr(xmlw *x, const style_def *s, int concept)
{
    int look = concept || !s->concept_only;
    const char *color = look ? s->color : NULL, *highlight = look ? s->highlight_name : NULL;
    if (!s->bold && !s->size && !color && !s->underline && !highlight)
        return 0;
    return xmlw_start(x, "w:rPr") ||
           (s->bold && (xmlw_empty(x, "w:b", NULL, NULL) || xmlw_empty(x, "w:bCs", NULL, NULL))) ||
           (color && xmlw_empty(x, "w:color", "w:val", color)) ||
           (s->size && (xmlw_start(x, "w:sz") || xmlw_attrf(x, "w:val", "%d", s->size) ||
                        xmlw_end(x) || xmlw_start(x, "w:szCs") ||
                        xmlw_attrf(x, "w:val", "%d", s->size) || xmlw_end(x))) ||
           (highlight && xmlw_empty(x, "w:highlight", "w:val", highlight)) ||
           (s->underline && xmlw_empty(x, "w:u", "w:val", "single")) || xmlw_end(x);
}

/* Word shows built-in styles under its own names and translates them;
 * ours keep the display name both applications show. */
static int write_w_style(xmlw *x, const style_def *s, int concept)
{
    const char *name = s->docx_name ? s->docx_name : s->display;
    if (xmlw_start(x, "w:style") || xmlw_attr(x, "w:type", s->character ? "character" : "paragraph") ||
        (s->id == STYLE_NORMAL && xmlw_attr(x, "w:default", "1")) ||
        xmlw_attr(x, "w:styleId", s->docx_id) || xmlw_empty(x, "w:name", "w:val", name) ||
        (s->parent != STYLE_NONE &&
         xmlw_empty(x, "w:basedOn", "w:val", style_get(s->parent)->docx_id)) ||
        (!s->character && s->next != STYLE_NONE &&
         xmlw_empty(x, "w:next", "w:val", style_get(s->next)->docx_id)) ||
        xmlw_empty(x, "w:qFormat", NULL, NULL))
        return -1;
    return (!s->character && write_w_pPr(x, s)) || write_w_rPr(x, s, concept) || xmlw_end(x);
}

static int write_w_styles(xmlw *x, const doc_node *doc)
{
    if (xmlw_start(x, "w:styles") || xmlw_attr(x, "xmlns:w", DOCX_NS_W) ||
        write_w_docDefaults(x, doc))
        return -1;
    for (int i = 0; i < STYLE_COUNT; i++)
        if (write_w_style(x, style_get((style_id)i), doc->meta->concept))
            return -1;
    return xmlw_end(x);
}

int docx_write_styles(const doc_node *doc, void **data, size_t *len)
{
    return docx_write_part(doc, data, len, write_w_styles);
}
