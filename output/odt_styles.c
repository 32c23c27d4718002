/* styles.xml: the house style (style.h) as ODF: every named style
 * content.xml uses, the A4 page and its footer. The look lives in
 * styles.xml only, so a region can restyle the document in LibreOffice
 * without the text changing. */
#include <ctype.h>
#include <stddef.h>

#include "odt.h"

#define ODT_PAGE_LAYOUT    "Standaardpagina"
#define ODT_MASTER_PAGE    "Standard"
#define ODT_OUTLINE_LEVELS 10

static int odt_attr_opt(xmlw *x, const char *name, const char *value)
{
    return value ? xmlw_attr(x, name, value) : 0;
}

static int odt_attr_length(xmlw *x, const char *name, style_length l)
{
    char buf[32];
    if (!l.set)
        return 0;
    style_cm(l.hmm, buf, sizeof buf);
    return xmlw_attr(x, name, buf);
}

static int odt_attr_cm(xmlw *x, const char *name, int hmm)
{
    return odt_attr_length(x, name, (style_length){1, hmm});
}

/* The font and its metric-compatible twin are both declared: documents
 * name the first, and LibreOffice's font replacement shows the twin
 * where the first is not installed (Arial as Liberation Sans). */
static int odt_write_style_font_face(xmlw *x, const char *name, const char *generic)
{
    return xmlw_start(x, "style:font-face") || xmlw_attr(x, "style:name", name) ||
                   xmlw_attrf(x, "svg:font-family", "'%s'", name) ||
                   xmlw_attr(x, "style:font-family-generic", generic) ||
                   xmlw_attr(x, "style:font-pitch", "variable") || xmlw_end(x)
               ? -1
               : 0;
}

static int odt_write_office_font_face_decls(xmlw *x, const style_font *f)
{
    return xmlw_start(x, "office:font-face-decls") ||
                   odt_write_style_font_face(x, f->name, f->generic) ||
                   odt_write_style_font_face(x, f->twin, f->generic) || xmlw_end(x)
               ? -1
               : 0;
}

/* Dutch here, where every style inherits it, so spell check and
 * hyphenation use the Dutch dictionaries throughout. */
static int odt_write_style_default_style(xmlw *x, const style_font *f)
{
    char size[16];
    style_pt(style_get(STYLE_NORMAL)->size, size, sizeof size);
    return xmlw_start(x, "style:default-style") || xmlw_attr(x, "style:family", "paragraph") ||
                   xmlw_start(x, "style:paragraph-properties") ||
                   odt_attr_cm(x, "style:tab-stop-distance", 1250) ||
                   xmlw_attr(x, "style:writing-mode", "lr-tb") || xmlw_end(x) ||
                   xmlw_start(x, "style:text-properties") ||
                   xmlw_attr(x, "style:font-name", f->name) ||
                   xmlw_attr(x, "fo:font-size", size) ||
                   xmlw_attr(x, "fo:language", STYLE_LANGUAGE) ||
                   xmlw_attr(x, "fo:country", STYLE_COUNTRY) ||
                   xmlw_attr(x, "fo:hyphenate", "true") || xmlw_end(x) || xmlw_end(x)
               ? -1
               : 0;
}

/* ODF tab positions count from the paragraph's left indent; the table
 * counts from the text margin, as Word does. */
static int odt_write_style_tab_stops(xmlw *x, const style_def *s)
{
    if (s->tab == TAB_NONE)
        return 0;
    int left = s->indent_left.set ? s->indent_left.hmm : 0;
    if (xmlw_start(x, "style:tab-stops") || xmlw_start(x, "style:tab-stop") ||
        odt_attr_cm(x, "style:position", s->tab_pos.hmm - left) ||
        (s->tab == TAB_RIGHT && xmlw_attr(x, "style:type", "right")) ||
        (s->tab_dots && (xmlw_attr(x, "style:leader-style", "dotted") ||
                         xmlw_attr(x, "style:leader-text", "."))))
        return -1;
    return xmlw_end(x) || xmlw_end(x) ? -1 : 0;
}

static const char *odt_align(style_align a)
{
    return a == ALIGN_LEFT ? "start" : a == ALIGN_CENTER ? "center" : a == ALIGN_JUSTIFY ? "justify" : NULL;
}

static int odt_write_style_paragraph_properties(xmlw *x, const style_def *s)
{
    style_length indent = s->hanging;
    indent.hmm = -indent.hmm;
    if (xmlw_start(x, "style:paragraph-properties") ||
        odt_attr_length(x, "fo:margin-left", s->indent_left) ||
        odt_attr_length(x, "fo:margin-right", s->indent_right) ||
        odt_attr_length(x, "fo:text-indent", indent) ||
        odt_attr_length(x, "fo:margin-top", s->space_before) ||
        odt_attr_length(x, "fo:margin-bottom", s->space_after) ||
        odt_attr_opt(x, "fo:text-align", odt_align(s->align)) ||
        (s->line_percent && xmlw_attrf(x, "fo:line-height", "%d%%", s->line_percent)) ||
        (s->rule_below &&
         (xmlw_attrf(x, "fo:border-bottom", "%gpt solid #000000", STYLE_SIGN_RULE_EIGHTHS / 8.0) ||
          xmlw_attr(x, "fo:padding", "0cm"))) ||
        (s->keep_with_next && xmlw_attr(x, "fo:keep-with-next", "always")) ||
        (s->keep_together && xmlw_attr(x, "fo:keep-together", "always")) ||
        (s->page_break_before && xmlw_attr(x, "fo:break-before", "page")) ||
        (s->widows && (xmlw_attrf(x, "fo:widows", "%d", s->widows) ||
                       xmlw_attrf(x, "fo:orphans", "%d", s->widows))))
        return -1;
    return odt_write_style_tab_stops(x, s) || xmlw_end(x) ? -1 : 0;
}

/* "#1f4e79": ODF's colours in lowercase, as LibreOffice writes them. */
static int odt_attr_color(xmlw *x, const char *name, const char *hex)
{
    char c[8] = "#";
    for (size_t i = 0; i < 6 && hex[i]; i++)
        c[i + 1] = (char)tolower((unsigned char)hex[i]);
    return xmlw_attr(x, name, c);
}

static int odt_write_style_text_properties(xmlw *x, const style_def *s, int concept)
{
    char size[16];
    int look = concept || !s->concept_only;
    const char *color = look ? s->color : NULL, *highlight = look ? s->highlight : NULL;
    if (!s->size && !s->bold && !s->hyphenate && !color && !s->underline && !highlight)
        return 0;
    if (s->size)
        style_pt(s->size, size, sizeof size);
    return xmlw_start(x, "style:text-properties") ||
                   (color && odt_attr_color(x, "fo:color", color)) ||
                   (s->size && xmlw_attr(x, "fo:font-size", size)) ||
                   (s->underline && (xmlw_attr(x, "style:text-underline-style", "solid") ||
                                     xmlw_attr(x, "style:text-underline-width", "auto") ||
                                     xmlw_attr(x, "style:text-underline-color", "font-color"))) ||
                   (s->bold && xmlw_attr(x, "fo:font-weight", "bold")) ||
                   (s->hyphenate &&
                    xmlw_attr(x, "fo:hyphenate", s->hyphenate > 0 ? "true" : "false")) ||
                   (highlight && odt_attr_color(x, "fo:background-color", highlight)) ||
                   xmlw_end(x)
               ? -1
               : 0;
}

static int odt_write_style_style(xmlw *x, const style_def *s, int concept)
{
    if (xmlw_start(x, "style:style") || xmlw_attr(x, "style:name", s->odt_name) ||
        xmlw_attr(x, "style:display-name", s->display) ||
        xmlw_attr(x, "style:family", s->character ? "text" : "paragraph") ||
        (s->parent != STYLE_NONE &&
         xmlw_attr(x, "style:parent-style-name", style_get(s->parent)->odt_name)) ||
        (!s->character && s->next != STYLE_NONE &&
         xmlw_attr(x, "style:next-style-name", style_get(s->next)->odt_name)) ||
        (s->outline_level && xmlw_attrf(x, "style:default-outline-level", "%d", s->outline_level)))
        return -1;
    if (!s->character && odt_write_style_paragraph_properties(x, s))
        return -1;
    return odt_write_style_text_properties(x, s, concept) || xmlw_end(x) ? -1 : 0;
}

/* Unnumbered outline levels: headings keep their own label text, yet
 * LibreOffice's Navigator and table of contents find them by level. */
static int odt_write_text_outline_level_style(xmlw *x, int level)
{
    return xmlw_start(x, "text:outline-level-style") || xmlw_attrf(x, "text:level", "%d", level) ||
                   xmlw_attr(x, "style:num-format", "") || xmlw_end(x)
               ? -1
               : 0;
}

static int odt_write_text_outline_style(xmlw *x)
{
    if (xmlw_start(x, "text:outline-style") || xmlw_attr(x, "style:name", "Outline"))
        return -1;
    for (int level = 1; level <= ODT_OUTLINE_LEVELS; level++)
        if (odt_write_text_outline_level_style(x, level))
            return -1;
    return xmlw_end(x);
}

static int odt_write_office_styles(xmlw *x, const style_font *f, int concept)
{
    if (xmlw_start(x, "office:styles") || odt_write_style_default_style(x, f))
        return -1;
    for (int i = 0; i < STYLE_COUNT; i++)
        if (odt_write_style_style(x, style_get((style_id)i), concept))
            return -1;
    return odt_write_text_outline_style(x) || xmlw_end(x) ? -1 : 0;
}

/* ODF puts header and footer inside the page margins that Word counts
 * above and below the text, so the page's margin is their distance from
 * the edge and their height makes up the rest; this is how LibreOffice
 * itself converts Word's page margins. */
static int odt_write_style_band(xmlw *x, const char *element, const char *spacing, int height)
{
    return xmlw_start(x, element) || xmlw_start(x, "style:header-footer-properties") ||
                   odt_attr_cm(x, "fo:min-height", height) ||
                   odt_attr_cm(x, spacing, style_page_a4.band_spacing) ||
                   xmlw_attr(x, "style:dynamic-spacing", "true") || xmlw_end(x) || xmlw_end(x)
               ? -1
               : 0;
}

static int odt_write_style_page_layout(xmlw *x, int concept)
{
    const style_page *p = &style_page_a4;
    int top = concept ? p->footer_distance : p->margin_top;
    return xmlw_start(x, "style:page-layout") || xmlw_attr(x, "style:name", ODT_PAGE_LAYOUT) ||
                   xmlw_start(x, "style:page-layout-properties") ||
                   odt_attr_cm(x, "fo:page-width", p->width) ||
                   odt_attr_cm(x, "fo:page-height", p->height) ||
                   xmlw_attr(x, "style:num-format", "1") ||
                   xmlw_attr(x, "style:print-orientation", "portrait") ||
                   odt_attr_cm(x, "fo:margin-top", top) ||
                   odt_attr_cm(x, "fo:margin-bottom", p->footer_distance) ||
                   odt_attr_cm(x, "fo:margin-left", p->margin_left) ||
                   odt_attr_cm(x, "fo:margin-right", p->margin_right) ||
                   xmlw_attr(x, "style:writing-mode", "lr-tb") || xmlw_end(x) ||
                   (concept && odt_write_style_band(x, "style:header-style", "fo:margin-bottom",
                                                    p->margin_top - p->footer_distance)) ||
                   odt_write_style_band(x, "style:footer-style", "fo:margin-top",
                                        p->margin_bottom - p->footer_distance) ||
                   xmlw_end(x)
               ? -1
               : 0;
}

static int odt_write_office_automatic_styles(xmlw *x, int concept)
{
    return xmlw_start(x, "office:automatic-styles") || odt_write_style_page_layout(x, concept) ||
                   xmlw_end(x)
               ? -1
               : 0;
}

/* "Pagina 3 van 12": on a signed agreement the count shows that no page
 * is missing. The fields' own text is only a placeholder readers
 * recompute. */
static int odt_write_footer_line(xmlw *x, const char *text)
{
    if (!text)
        return 0;
    return xmlw_start(x, "text:p") || xmlw_attr(x, "text:style-name", ODT_STYLE(STYLE_FOOTER)) ||
                   xmlw_text(x, text) || xmlw_end(x)
               ? -1
               : 0;
}

/* The fingerprint on a line of its own, so a printed page shows which
 * text it belongs to. */
static int odt_write_style_footer(xmlw *x, const doc_meta *m)
{
    const char *title = m->title;
    return xmlw_start(x, "style:footer") || xmlw_start(x, "text:p") ||
                   xmlw_attr(x, "text:style-name", style_get(STYLE_FOOTER)->odt_name) ||
                   (title && xmlw_text(x, title)) || xmlw_empty(x, "text:tab", NULL, NULL) ||
                   xmlw_text(x, "Pagina ") || xmlw_start(x, "text:page-number") ||
                   xmlw_attr(x, "text:select-page", "current") || xmlw_text(x, "1") ||
                   xmlw_end(x) || xmlw_text(x, " van ") ||
                   xmlw_element(x, "text:page-count", "1") || xmlw_end(x) ||
                   odt_write_footer_line(x, m->fingerprint_line) || xmlw_end(x)
               ? -1
               : 0;
}

/* The concept mark on every page, so no page of a concept passes for a
 * page of the signed text. */
static int odt_write_style_header(xmlw *x, const char *mark)
{
    return xmlw_start(x, "style:header") || xmlw_start(x, "text:p") ||
                   xmlw_attr(x, "text:style-name", ODT_STYLE(STYLE_HEADER)) || xmlw_text(x, mark) ||
                   xmlw_end(x) || xmlw_end(x)
               ? -1
               : 0;
}

static int odt_write_office_master_styles(xmlw *x, const doc_meta *m)
{
    int concept = m->concept && m->concept_mark;
    return xmlw_start(x, "office:master-styles") || xmlw_start(x, "style:master-page") ||
                   xmlw_attr(x, "style:name", ODT_MASTER_PAGE) ||
                   xmlw_attr(x, "style:page-layout-name", ODT_PAGE_LAYOUT) ||
                   (concept && odt_write_style_header(x, m->concept_mark)) ||
                   odt_write_style_footer(x, m) || xmlw_end(x) || xmlw_end(x)
               ? -1
               : 0;
}

static int odt_write_office_document_styles(xmlw *x, const doc_meta *m, const style_font *f)
{
    return xmlw_start(x, "office:document-styles") || odt_xmlns(x, "office") ||
                   odt_xmlns(x, "style") || odt_xmlns(x, "text") || odt_xmlns(x, "fo") ||
                   odt_xmlns(x, "svg") || xmlw_attr(x, "office:version", ODT_VERSION) ||
                   odt_write_office_font_face_decls(x, f) ||
                   odt_write_office_styles(x, f, m->concept) ||
                   odt_write_office_automatic_styles(x, m->concept && m->concept_mark) ||
                   odt_write_office_master_styles(x, m) || xmlw_end(x)
               ? -1
               : 0;
}

int odt_write_styles(const doc_node *doc, void **data, size_t *len)
{
    xmlw x;
    if (xmlw_open(&x))
        return -1;
    if (odt_write_office_document_styles(&x, doc->meta, odt_font(doc))) {
        xmlw_discard(&x);
        return -1;
    }
    return xmlw_close(&x, data, len);
}
