/* The house style: every named style, the page, the fonts and the
 * signature rule, defined once for both office formats. The ODT writer
 * (odt_styles.c) and the DOCX writer (docx_styles.c, docx_document.c)
 * turn the same entries into their own XML, so a change of look is made
 * here and both documents follow. Lengths are in hundredths of a
 * millimetre (LibreOffice's own unit), font sizes in half-points (Word's). */
#ifndef AFSPRAKEN_STYLE_H
#define AFSPRAKEN_STYLE_H

#include <stddef.h>

/* Every style a writer may refer to. The order is the order of the table
 * in style.c: parents come before their children. */
typedef enum {
    STYLE_NORMAL,
    STYLE_BODY,
    STYLE_LOGO,
    STYLE_TITLE,
    STYLE_SUBTITLE,
    STYLE_HEADING_1,
    STYLE_HEADING_2,
    STYLE_HEADING_3,
    STYLE_ANNEX,
    STYLE_SIGNATURES,
    STYLE_LID,
    STYLE_LID_SINGLE,
    STYLE_ITEM_1,
    STYLE_ITEM_2,
    STYLE_ITEM_3,
    STYLE_LID_CONT,
    STYLE_ITEM_1_CONT,
    STYLE_ITEM_2_CONT,
    STYLE_ITEM_3_CONT,
    STYLE_SIGN_PARTY,
    STYLE_SIGN_LINE,
    STYLE_SIGN_SPACE,
    STYLE_SIGN_NAME,
    STYLE_SIGN_FUNCTION,
    STYLE_HEADER,
    STYLE_FOOTER,
    STYLE_TOC_HEADING,
    STYLE_TOC_1,
    STYLE_TOC_2,
    STYLE_TOC_3,
    /* character styles */
    STYLE_REGIONAL,
    STYLE_TERM,
    STYLE_LINK,
    STYLE_PLACEHOLDER,
    STYLE_COUNT,
    STYLE_NONE = -1
} style_id;

/* Headings, list items and table of contents levels with a style of
 * their own; deeper ones use the deepest. */
#define STYLE_HEADING_LEVELS 3
#define STYLE_ITEM_LEVELS    3
#define STYLE_TOC_LEVELS     3

/* A length that is set, or left to the parent style (set == 0). */
typedef struct {
    int set;
    int hmm;
} style_length;
#define HMM(v) {1, (v)}
#define CM(v)  {1, (int)((v)*1000 + 0.5)}

typedef enum { ALIGN_INHERIT, ALIGN_LEFT, ALIGN_CENTER, ALIGN_JUSTIFY } style_align;
typedef enum { TAB_NONE, TAB_LEFT, TAB_RIGHT } style_tab_kind;

typedef struct {
    style_id id;
    int character; /* 1: character style, 0: paragraph style */
    /* Names: display is what both applications show for our own styles;
     * for built-in styles each format has its own name, so LibreOffice
     * and Word map them onto theirs (and translate them). */
    const char *display;
    const char *odt_name;  /* ODF-encoded ("_20_" is a space) */
    const char *docx_id;   /* w:styleId */
    const char *docx_name; /* w:name: Word's name for built-in styles */
    style_id parent, next; /* STYLE_NONE for none */
    int outline_level;     /* headings 1..; 0: body text */
    /* paragraph */
    style_length space_before, space_after;
    style_length indent_left, indent_right, hanging; /* hanging: first line
                                                        starts this far left */
    style_align align;
    int line_percent;      /* 0 inherits */
    style_tab_kind tab;    /* one tab stop, at tab_pos from the text margin */
    style_length tab_pos;
    int tab_dots;          /* the tab's gap filled with dots */
    int keep_with_next, keep_together, page_break_before;
    int widows;            /* widow and orphan lines; 0 inherits */
    int rule_below;        /* a bottom border: the line to sign on */
    int hyphenate;         /* 1 on, -1 off, 0 inherits */
    /* text */
    int size;              /* half-points; 0 inherits */
    int bold;
    const char *color;     /* "1F4E79"; NULL inherits */
    int underline;
    const char *highlight;      /* background: ODF's colour, "FFFF00" */
    const char *highlight_name; /* the same as Word names it, "yellow" */
    int concept_only; /* colour and highlight only in a concept: a
                         definitive document is plain */
} style_def;

/* The style of id; every id below STYLE_COUNT has one. */
const style_def *style_get(style_id id);

/* The style of a further paragraph (DOC_CONTINUATION) of a block written
 * in style block: without label, its text where the block's text is. */
style_id style_continuation(style_id block);

/* The page: A4 portrait. margin_top and margin_bottom are the space
 * above and below the text, as Word counts them; the footer ends
 * footer_distance above the paper's lower edge, and a concept's header
 * starts as far below the upper edge, inside those margins. */
typedef struct {
    int width, height;
    int margin_top, margin_bottom, margin_left, margin_right;
    int footer_distance;
    int band_spacing; /* ODF: the part of the header's or footer's height
                         between its line and the text, which puts the
                         line where Word does */
} style_page;
extern const style_page style_page_a4;

/* The width of the text between the side margins. */
int style_text_width(void);

/* The region's logo above the title: this high, as wide as its aspect
 * ratio makes it, but never wider than the text (and then lower). */
#define STYLE_LOGO_HEIGHT 2000

/* The size in hundredths of a millimetre to show a picture of width_px by
 * height_px pixels (both at least 1) at as the logo. */
void style_logo_size(int width_px, int height_px, int *width, int *height);

/* The rule to sign on: its length and thickness. */
#define STYLE_SIGN_RULE_LENGTH 8000
#define STYLE_SIGN_RULE_EIGHTHS 4 /* 0.5 pt in eighths of a point */

/* The document's language for spelling and hyphenation. */
#define STYLE_LANGUAGE "nl"
#define STYLE_COUNTRY  "NL"

/* A font Word and LibreOffice both show with the same metrics: the name
 * the documents use, and the metric-compatible twin LibreOffice falls
 * back on where the first is not installed. */
typedef struct {
    const char *name;
    const char *twin;
    const char *generic; /* ODF's and Word's family class: swiss or roman */
    const char *panose;  /* Word's PANOSE-1 classification, hex */
} style_font;

#define STYLE_DEFAULT_FONT "Arial"

/* The font named name (either side of a pair, case-insensitive), or NULL;
 * name NULL gives the default. */
const style_font *style_find_font(const char *name);
/* The fonts a region may choose, in table order. */
const style_font *style_font_at(size_t i);
size_t style_font_count(void);

/* Conversions for the DOCX writer. */
int style_twips(int hmm);
/* "2.5cm" for ODF: enough digits for a hundredth of a millimetre. */
void style_cm(int hmm, char *buf, size_t size);
/* "11pt", "11.5pt". */
void style_pt(int half_points, char *buf, size_t size);

#endif
