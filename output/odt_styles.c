/* styles.xml: every named style content.xml uses, the A4 page and its
 * footer. The look lives here only, so a region can restyle the document
 * in LibreOffice without the text changing. */
#include <stddef.h>

#include "odt.h"

#define ODT_FONT "Liberation Sans"
/* A4 with the margins below leaves a 16cm text width; the footer's
 * right tab stop must sit exactly there. */
#define ODT_PAGE_WIDTH     "21cm"
#define ODT_PAGE_HEIGHT    "29.7cm"
#define ODT_MARGIN_SIDE    "2.5cm"
#define ODT_TEXT_WIDTH     "16cm"
#define ODT_PAGE_LAYOUT    "Standaardpagina"
#define ODT_MASTER_PAGE    "Standard"
#define ODT_OUTLINE_LEVELS 10

typedef struct {
    const char *name, *display, *parent, *next;
    const char *class_; /* groups the style in LibreOffice's style list */
    int outline_level;  /* 0: not a heading style */
    /* paragraph properties; NULL or 0 inherits */
    const char *margin_left, *margin_right, *text_indent;
    const char *margin_top, *margin_bottom;
    const char *align;
    const char *line_height;
    const char *tab; /* one tab stop: the label's tab, or the footer's */
    const char *tab_type;
    const char *border_bottom;
    int keep_with_next, keep_together, page_break, widows;
    /* text properties */
    const char *font_size;
    int bold;
    int hyphenate; /* 1 on, -1 off, 0 inherits */
} odt_paragraph_style;

/* Parents come before children so a reader never meets an unknown
 * parent; LibreOffice does not need it, simpler readers may. */
static const odt_paragraph_style odt_paragraph_styles[] = {
    {.name = ODT_STYLE_STANDARD,
     .display = "Standard",
     .class_ = "text",
     .line_height = "115%",
     .widows = 2,
     .font_size = "11pt",
     .hyphenate = 1},
    {.name = ODT_STYLE_TEXT_BODY,
     .display = "Text body",
     .parent = ODT_STYLE_STANDARD,
     .class_ = "text",
     .margin_top = "0cm",
     .margin_bottom = "0.2cm"},
    {.name = ODT_STYLE_TITLE,
     .display = "Title",
     .parent = ODT_STYLE_STANDARD,
     .next = ODT_STYLE_SUBTITLE,
     .class_ = "chapter",
     .align = "center",
     .margin_top = "0cm",
     .margin_bottom = "0.3cm",
     .keep_with_next = 1,
     .font_size = "20pt",
     .bold = 1,
     .hyphenate = -1},
    {.name = ODT_STYLE_SUBTITLE,
     .display = "Subtitle",
     .parent = ODT_STYLE_STANDARD,
     .next = ODT_STYLE_TEXT_BODY,
     .class_ = "chapter",
     .align = "center",
     .margin_top = "0cm",
     .margin_bottom = "0.8cm",
     .keep_with_next = 1,
     .font_size = "14pt",
     .hyphenate = -1},
    {.name = ODT_STYLE_HEADING,
     .display = "Heading",
     .parent = ODT_STYLE_STANDARD,
     .next = ODT_STYLE_TEXT_BODY,
     .class_ = "text",
     .keep_with_next = 1,
     .margin_top = "0.5cm",
     .margin_bottom = "0.2cm",
     .bold = 1,
     .hyphenate = -1},
    {.name = ODT_STYLE_HEADING_1,
     .display = "Heading 1",
     .parent = ODT_STYLE_HEADING,
     .next = ODT_STYLE_TEXT_BODY,
     .class_ = "text",
     .outline_level = 1,
     .margin_top = "0.8cm",
     .margin_bottom = "0.3cm",
     .font_size = "14pt"},
    {.name = ODT_STYLE_HEADING_2,
     .display = "Heading 2",
     .parent = ODT_STYLE_HEADING,
     .next = ODT_STYLE_LID,
     .class_ = "text",
     .outline_level = 2,
     .margin_top = "0.5cm",
     .margin_bottom = "0.2cm",
     .font_size = "11.5pt"},
    {.name = ODT_STYLE_HEADING_3,
     .display = "Heading 3",
     .parent = ODT_STYLE_HEADING,
     .next = ODT_STYLE_TEXT_BODY,
     .class_ = "text",
     .outline_level = 3,
     .margin_top = "0.4cm",
     .margin_bottom = "0.2cm",
     .font_size = "11pt"},
    /* Annexes and the signature page are separate documents to sign or
     * attach, so each starts on a page of its own. */
    {.name = ODT_STYLE_ANNEX,
     .display = "Bijlage",
     .parent = ODT_STYLE_HEADING_1,
     .next = ODT_STYLE_TEXT_BODY,
     .class_ = "text",
     .outline_level = 1,
     .margin_top = "0cm",
     .page_break = 1},
    {.name = ODT_STYLE_SIGNATURES,
     .display = "Ondertekening",
     .parent = ODT_STYLE_HEADING_1,
     .next = ODT_STYLE_TEXT_BODY,
     .class_ = "text",
     .outline_level = 1,
     .margin_top = "0cm",
     .page_break = 1},
    /* Hanging indents: the label sits in the indent, the tab at the text
     * edge (position 0 relative to the paragraph's left margin). */
    {.name = ODT_STYLE_LID,
     .display = "Lid",
     .parent = ODT_STYLE_TEXT_BODY,
     .class_ = "text",
     .margin_left = "1cm",
     .text_indent = "-1cm",
     .tab = "0cm"},
    {.name = ODT_STYLE_LID_SINGLE,
     .display = "Lid zonder nummer",
     .parent = ODT_STYLE_TEXT_BODY,
     .class_ = "text",
     .margin_left = "0cm",
     .text_indent = "0cm"},
    {.name = ODT_STYLE_ITEM_1,
     .display = "Onderdeel",
     .parent = ODT_STYLE_TEXT_BODY,
     .class_ = "list",
     .margin_left = "2cm",
     .text_indent = "-1cm",
     .margin_bottom = "0.1cm",
     .tab = "0cm"},
    {.name = ODT_STYLE_ITEM_2,
     .display = "Onderdeel 2",
     .parent = ODT_STYLE_ITEM_1,
     .class_ = "list",
     .margin_left = "3cm",
     .text_indent = "-1cm",
     .tab = "0cm"},
    {.name = ODT_STYLE_ITEM_3,
     .display = "Onderdeel 3",
     .parent = ODT_STYLE_ITEM_1,
     .class_ = "list",
     .margin_left = "4cm",
     .text_indent = "-1cm",
     .tab = "0cm"},
    /* A signatory's lines keep with the next so a block never splits
     * across pages; the last line ends the chain. */
    {.name = ODT_STYLE_SIGN_PARTY,
     .display = "Ondertekening partij",
     .parent = ODT_STYLE_TEXT_BODY,
     .next = ODT_STYLE_SIGN_SPACE,
     .class_ = "extra",
     .margin_top = "0.8cm",
     .margin_bottom = "0cm",
     .keep_with_next = 1,
     .keep_together = 1,
     .hyphenate = -1},
    /* An empty paragraph whose bottom border is the line to sign on. */
    {.name = ODT_STYLE_SIGN_SPACE,
     .display = "Ondertekening ruimte",
     .parent = ODT_STYLE_TEXT_BODY,
     .next = ODT_STYLE_SIGN_NAME,
     .class_ = "extra",
     .margin_top = "1.4cm",
     .margin_bottom = "0.1cm",
     .margin_right = "8cm",
     .border_bottom = "0.5pt solid #000000",
     .keep_with_next = 1},
    /* Grounds of authority, and a place and date when each Deelnemer
     * signs apart: between the party and the line to sign on. */
    {.name = ODT_STYLE_SIGN_LINE,
     .display = "Ondertekening regel",
     .parent = ODT_STYLE_TEXT_BODY,
     .class_ = "extra",
     .margin_top = "0.2cm",
     .margin_bottom = "0cm",
     .keep_with_next = 1,
     .hyphenate = -1},
    {.name = ODT_STYLE_SIGN_NAME,
     .display = "Ondertekening naam",
     .parent = ODT_STYLE_TEXT_BODY,
     .next = ODT_STYLE_SIGN_FUNCTION,
     .class_ = "extra",
     .margin_bottom = "0cm",
     .keep_with_next = 1,
     .hyphenate = -1},
    {.name = ODT_STYLE_SIGN_FUNCTION,
     .display = "Ondertekening functie",
     .parent = ODT_STYLE_TEXT_BODY,
     .next = ODT_STYLE_SIGN_PARTY,
     .class_ = "extra",
     .margin_bottom = "0.2cm",
     .hyphenate = -1},
    /* The concept mark at the top of every page of a concept. */
    {.name = ODT_STYLE_CONCEPT,
     .display = "Concept",
     .parent = ODT_STYLE_STANDARD,
     .class_ = "extra",
     .align = "center",
     .line_height = "100%",
     .font_size = "12pt",
     .bold = 1,
     .hyphenate = -1},
    {.name = ODT_STYLE_FOOTER,
     .display = "Footer",
     .parent = ODT_STYLE_STANDARD,
     .class_ = "extra",
     .tab = ODT_TEXT_WIDTH,
     .tab_type = "right",
     .line_height = "100%",
     .font_size = "8pt",
     .hyphenate = -1},
};

typedef struct {
    const char *name, *display;
    const char *color;      /* NULL: looks like the surrounding text */
    const char *background; /* NULL: none */
    int bold;
    int concept_only; /* the look is for review: a definitive document is plain */
} odt_text_style;

static const odt_text_style odt_text_styles[] = {
    /* Sober dark blue: visible on screen, unobtrusive when printed. */
    {ODT_STYLE_REGIONAL, "Regionaal", "#1f4e79", NULL, 0, 1},
    /* Defined terms are plain in Dutch agreements; the style exists so a
     * region can still mark them. */
    {ODT_STYLE_TERM, "Begrip", NULL, NULL, 0, 0},
    /* A value still to fill in must catch the eye, on screen and on paper. */
    {ODT_STYLE_PLACEHOLDER, "In te vullen", NULL, "#ffff00", 1, 1},
};

static int odt_attr_opt(xmlw *x, const char *name, const char *value)
{
    return value ? xmlw_attr(x, name, value) : 0;
}

static int odt_write_style_font_face(xmlw *x)
{
    return xmlw_start(x, "style:font-face") || xmlw_attr(x, "style:name", ODT_FONT) ||
                   xmlw_attr(x, "svg:font-family", "'" ODT_FONT "'") ||
                   xmlw_attr(x, "style:font-family-generic", "swiss") ||
                   xmlw_attr(x, "style:font-pitch", "variable") || xmlw_end(x)
               ? -1
               : 0;
}

static int odt_write_office_font_face_decls(xmlw *x)
{
    return xmlw_start(x, "office:font-face-decls") || odt_write_style_font_face(x) || xmlw_end(x)
               ? -1
               : 0;
}

/* Dutch here, where every style inherits it, so spell check and
 * hyphenation use the Dutch dictionaries throughout. */
static int odt_write_style_default_style(xmlw *x)
{
    return xmlw_start(x, "style:default-style") || xmlw_attr(x, "style:family", "paragraph") ||
                   xmlw_start(x, "style:paragraph-properties") ||
                   xmlw_attr(x, "style:tab-stop-distance", "1.25cm") ||
                   xmlw_attr(x, "style:writing-mode", "lr-tb") || xmlw_end(x) ||
                   xmlw_start(x, "style:text-properties") ||
                   xmlw_attr(x, "style:font-name", ODT_FONT) ||
                   xmlw_attr(x, "fo:font-size", "11pt") || xmlw_attr(x, "fo:language", "nl") ||
                   xmlw_attr(x, "fo:country", "NL") || xmlw_end(x) || xmlw_end(x)
               ? -1
               : 0;
}

static int odt_write_style_tab_stop(xmlw *x, const char *position, const char *type)
{
    return xmlw_start(x, "style:tab-stop") || xmlw_attr(x, "style:position", position) ||
                   odt_attr_opt(x, "style:type", type) || xmlw_end(x)
               ? -1
               : 0;
}

static int odt_write_style_tab_stops(xmlw *x, const odt_paragraph_style *s)
{
    if (!s->tab)
        return 0;
    return xmlw_start(x, "style:tab-stops") || odt_write_style_tab_stop(x, s->tab, s->tab_type) ||
                   xmlw_end(x)
               ? -1
               : 0;
}

static int odt_write_style_paragraph_properties(xmlw *x, const odt_paragraph_style *s)
{
    if (xmlw_start(x, "style:paragraph-properties") ||
        odt_attr_opt(x, "fo:margin-left", s->margin_left) ||
        odt_attr_opt(x, "fo:margin-right", s->margin_right) ||
        odt_attr_opt(x, "fo:text-indent", s->text_indent) ||
        odt_attr_opt(x, "fo:margin-top", s->margin_top) ||
        odt_attr_opt(x, "fo:margin-bottom", s->margin_bottom) ||
        odt_attr_opt(x, "fo:text-align", s->align) ||
        odt_attr_opt(x, "fo:line-height", s->line_height) ||
        odt_attr_opt(x, "fo:border-bottom", s->border_bottom) ||
        (s->border_bottom && xmlw_attr(x, "fo:padding", "0cm")) ||
        (s->keep_with_next && xmlw_attr(x, "fo:keep-with-next", "always")) ||
        (s->keep_together && xmlw_attr(x, "fo:keep-together", "always")) ||
        (s->page_break && xmlw_attr(x, "fo:break-before", "page")) ||
        (s->widows && (xmlw_attrf(x, "fo:widows", "%d", s->widows) ||
                       xmlw_attrf(x, "fo:orphans", "%d", s->widows))))
        return -1;
    return odt_write_style_tab_stops(x, s) || xmlw_end(x) ? -1 : 0;
}

static int odt_write_style_text_properties(xmlw *x, const odt_paragraph_style *s)
{
    if (!s->font_size && !s->bold && !s->hyphenate)
        return 0;
    return xmlw_start(x, "style:text-properties") ||
                   odt_attr_opt(x, "fo:font-size", s->font_size) ||
                   (s->bold && xmlw_attr(x, "fo:font-weight", "bold")) ||
                   (s->hyphenate &&
                    xmlw_attr(x, "fo:hyphenate", s->hyphenate > 0 ? "true" : "false")) ||
                   xmlw_end(x)
               ? -1
               : 0;
}

static int odt_write_style_paragraph_style(xmlw *x, const odt_paragraph_style *s)
{
    return xmlw_start(x, "style:style") || xmlw_attr(x, "style:name", s->name) ||
                   xmlw_attr(x, "style:display-name", s->display) ||
                   xmlw_attr(x, "style:family", "paragraph") ||
                   odt_attr_opt(x, "style:parent-style-name", s->parent) ||
                   odt_attr_opt(x, "style:next-style-name", s->next) ||
                   (s->outline_level &&
                    xmlw_attrf(x, "style:default-outline-level", "%d", s->outline_level)) ||
                   odt_attr_opt(x, "style:class", s->class_) ||
                   odt_write_style_paragraph_properties(x, s) ||
                   odt_write_style_text_properties(x, s) || xmlw_end(x)
               ? -1
               : 0;
}

static int odt_write_style_text_style(xmlw *x, const odt_text_style *s, int concept)
{
    if (xmlw_start(x, "style:style") || xmlw_attr(x, "style:name", s->name) ||
        xmlw_attr(x, "style:display-name", s->display) || xmlw_attr(x, "style:family", "text"))
        return -1;
    int look = (s->color || s->background || s->bold) && (concept || !s->concept_only);
    if (look && (xmlw_start(x, "style:text-properties") || odt_attr_opt(x, "fo:color", s->color) ||
                 (s->bold && xmlw_attr(x, "fo:font-weight", "bold")) ||
                 odt_attr_opt(x, "fo:background-color", s->background) || xmlw_end(x)))
        return -1;
    return xmlw_end(x);
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

static int odt_write_office_styles(xmlw *x, int concept)
{
    if (xmlw_start(x, "office:styles") || odt_write_style_default_style(x))
        return -1;
    for (size_t i = 0; i < sizeof odt_paragraph_styles / sizeof *odt_paragraph_styles; i++)
        if (odt_write_style_paragraph_style(x, &odt_paragraph_styles[i]))
            return -1;
    for (size_t i = 0; i < sizeof odt_text_styles / sizeof *odt_text_styles; i++)
        if (odt_write_style_text_style(x, &odt_text_styles[i], concept))
            return -1;
    return odt_write_text_outline_style(x) || xmlw_end(x) ? -1 : 0;
}

static int odt_write_style_footer_style(xmlw *x)
{
    return xmlw_start(x, "style:footer-style") || xmlw_start(x, "style:header-footer-properties") ||
                   xmlw_attr(x, "fo:min-height", "0cm") || xmlw_attr(x, "fo:margin-top", "0.5cm") ||
                   xmlw_end(x) || xmlw_end(x)
               ? -1
               : 0;
}

static int odt_write_style_header_style(xmlw *x)
{
    return xmlw_start(x, "style:header-style") || xmlw_start(x, "style:header-footer-properties") ||
                   xmlw_attr(x, "fo:min-height", "0cm") ||
                   xmlw_attr(x, "fo:margin-bottom", "0.5cm") || xmlw_end(x) || xmlw_end(x)
               ? -1
               : 0;
}

static int odt_write_style_page_layout(xmlw *x, int concept)
{
    return xmlw_start(x, "style:page-layout") || xmlw_attr(x, "style:name", ODT_PAGE_LAYOUT) ||
                   xmlw_start(x, "style:page-layout-properties") ||
                   xmlw_attr(x, "fo:page-width", ODT_PAGE_WIDTH) ||
                   xmlw_attr(x, "fo:page-height", ODT_PAGE_HEIGHT) ||
                   xmlw_attr(x, "style:num-format", "1") ||
                   xmlw_attr(x, "style:print-orientation", "portrait") ||
                   xmlw_attr(x, "fo:margin-top", "2cm") ||
                   xmlw_attr(x, "fo:margin-bottom", "1.5cm") ||
                   xmlw_attr(x, "fo:margin-left", ODT_MARGIN_SIDE) ||
                   xmlw_attr(x, "fo:margin-right", ODT_MARGIN_SIDE) ||
                   xmlw_attr(x, "style:writing-mode", "lr-tb") || xmlw_end(x) ||
                   (concept && odt_write_style_header_style(x)) ||
                   odt_write_style_footer_style(x) || xmlw_end(x)
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
    return xmlw_start(x, "text:p") || xmlw_attr(x, "text:style-name", ODT_STYLE_FOOTER) ||
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
                   xmlw_attr(x, "text:style-name", ODT_STYLE_FOOTER) ||
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
                   xmlw_attr(x, "text:style-name", ODT_STYLE_CONCEPT) || xmlw_text(x, mark) ||
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

static int odt_write_office_document_styles(xmlw *x, const doc_meta *m)
{
    return xmlw_start(x, "office:document-styles") || odt_xmlns(x, "office") ||
                   odt_xmlns(x, "style") || odt_xmlns(x, "text") || odt_xmlns(x, "fo") ||
                   odt_xmlns(x, "svg") || xmlw_attr(x, "office:version", ODT_VERSION) ||
                   odt_write_office_font_face_decls(x) || odt_write_office_styles(x, m->concept) ||
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
    if (odt_write_office_document_styles(&x, doc->meta)) {
        xmlw_discard(&x);
        return -1;
    }
    return xmlw_close(&x, data, len);
}
