/* The house style's data (see style.h). */
#include "style.h"

#include <stdio.h>
#include <strings.h>

/* A4 with 2.5 cm margins all round: a 16 cm text width.
 *
 * Paragraphs have space above them only, never below: LibreOffice adds a
 * paragraph's space below to the next one's space above, Word takes the
 * larger, and with one of the two always zero both give the same pages. */
const style_page style_page_a4 = {
    .width = 21000,
    .height = 29700,
    .margin_top = 2500,
    .margin_bottom = 2500,
    .margin_left = 2500,
    .margin_right = 2500,
    .footer_distance = 1250,
    .band_spacing = 1150,
};

#define TEXT_WIDTH 16000

static const style_def styles[STYLE_COUNT] = {
    [STYLE_NORMAL] = {.id = STYLE_NORMAL, .display = "Standard", .odt_name = "Standard",
                      .docx_id = "Normal", .docx_name = "Normal",
                      .parent = STYLE_NONE, .next = STYLE_NONE,
                      .space_before = CM(0), .space_after = CM(0), .line_percent = 115,
                      .align = ALIGN_LEFT, .widows = 2, .hyphenate = 1, .size = 22},
    [STYLE_BODY] = {.id = STYLE_BODY, .display = "Text body", .odt_name = "Text_20_body",
                    .docx_id = "BodyText", .docx_name = "Body Text",
                    .parent = STYLE_NORMAL, .next = STYLE_BODY, .space_before = CM(0.2)},
    /* The logo stands alone on its line, centred above the title. The
     * space below it is the one exception to space above only: the title
     * after it has none above, so both applications still agree. Single
     * line spacing, so the line is as high as the picture in both. */
    [STYLE_LOGO] = {.id = STYLE_LOGO, .display = "Logo", .odt_name = "Logo", .docx_id = "Logo",
                    .parent = STYLE_NORMAL, .next = STYLE_TITLE, .space_before = CM(0),
                    .space_after = CM(0.6), .line_percent = 100, .align = ALIGN_CENTER,
                    .keep_with_next = 1},
    [STYLE_TITLE] = {.id = STYLE_TITLE, .display = "Title", .odt_name = "Title",
                     .docx_id = "Title", .docx_name = "Title",
                     .parent = STYLE_NORMAL, .next = STYLE_SUBTITLE,
                     .space_before = CM(0), .align = ALIGN_CENTER, .keep_with_next = 1,
                     .hyphenate = -1, .size = 40, .bold = 1},
    [STYLE_SUBTITLE] = {.id = STYLE_SUBTITLE, .display = "Subtitle", .odt_name = "Subtitle",
                        .docx_id = "Subtitle", .docx_name = "Subtitle",
                        .parent = STYLE_NORMAL, .next = STYLE_BODY,
                        .space_before = CM(0.3), .align = ALIGN_CENTER, .keep_with_next = 1,
                        .hyphenate = -1, .size = 28},
    [STYLE_HEADING_1] = {.id = STYLE_HEADING_1, .display = "Heading 1",
                         .odt_name = "Heading_20_1", .docx_id = "Heading1",
                         .docx_name = "heading 1", .parent = STYLE_NORMAL, .next = STYLE_BODY,
                         .outline_level = 1, .space_before = CM(1),
                         .keep_with_next = 1, .keep_together = 1, .hyphenate = -1, .size = 28,
                         .bold = 1},
    [STYLE_HEADING_2] = {.id = STYLE_HEADING_2, .display = "Heading 2",
                         .odt_name = "Heading_20_2", .docx_id = "Heading2",
                         .docx_name = "heading 2", .parent = STYLE_NORMAL, .next = STYLE_LID,
                         .outline_level = 2, .space_before = CM(0.6),
                         .keep_with_next = 1, .keep_together = 1, .hyphenate = -1, .size = 23,
                         .bold = 1},
    [STYLE_HEADING_3] = {.id = STYLE_HEADING_3, .display = "Heading 3",
                         .odt_name = "Heading_20_3", .docx_id = "Heading3",
                         .docx_name = "heading 3", .parent = STYLE_NORMAL, .next = STYLE_BODY,
                         .outline_level = 3, .space_before = CM(0.5),
                         .keep_with_next = 1, .keep_together = 1, .hyphenate = -1, .size = 22,
                         .bold = 1},
    /* Annexes and the signature page are documents to sign or attach of
     * their own, so each starts on a new page. */
    [STYLE_ANNEX] = {.id = STYLE_ANNEX, .display = "Bijlage", .odt_name = "Bijlage",
                     .docx_id = "Bijlage", .parent = STYLE_HEADING_1, .next = STYLE_BODY,
                     .outline_level = 1, .space_before = CM(0), .page_break_before = 1},
    [STYLE_SIGNATURES] = {.id = STYLE_SIGNATURES, .display = "Ondertekening",
                          .odt_name = "Ondertekening", .docx_id = "Ondertekening",
                          .parent = STYLE_HEADING_1, .next = STYLE_BODY, .outline_level = 1,
                          .space_before = CM(0), .page_break_before = 1},
    /* Hanging indents: the label hangs in the indent and a tab takes the
     * text to the indent, so wrapped lines align with the first line's
     * text. */
    [STYLE_LID] = {.id = STYLE_LID, .display = "Lid", .odt_name = "Lid", .docx_id = "Lid",
                   .parent = STYLE_BODY, .next = STYLE_LID, .indent_left = CM(1),
                   .hanging = CM(1), .tab = TAB_LEFT, .tab_pos = CM(1)},
    [STYLE_LID_SINGLE] = {.id = STYLE_LID_SINGLE, .display = "Lid zonder nummer",
                          .odt_name = "Lid_20_zonder_20_nummer", .docx_id = "LidZonderNummer",
                          .parent = STYLE_BODY, .next = STYLE_BODY, .indent_left = CM(0),
                          .hanging = CM(0)},
    [STYLE_ITEM_1] = {.id = STYLE_ITEM_1, .display = "Onderdeel", .odt_name = "Onderdeel",
                      .docx_id = "Onderdeel", .parent = STYLE_BODY, .next = STYLE_ITEM_1,
                      .space_before = CM(0.1), .indent_left = CM(2), .hanging = CM(1),
                      .tab = TAB_LEFT, .tab_pos = CM(2)},
    [STYLE_ITEM_2] = {.id = STYLE_ITEM_2, .display = "Onderdeel 2", .odt_name = "Onderdeel_20_2",
                      .docx_id = "Onderdeel2", .parent = STYLE_ITEM_1, .next = STYLE_ITEM_2,
                      .indent_left = CM(3), .hanging = CM(1), .tab = TAB_LEFT,
                      .tab_pos = CM(3)},
    [STYLE_ITEM_3] = {.id = STYLE_ITEM_3, .display = "Onderdeel 3", .odt_name = "Onderdeel_20_3",
                      .docx_id = "Onderdeel3", .parent = STYLE_ITEM_1, .next = STYLE_ITEM_3,
                      .indent_left = CM(4), .hanging = CM(1), .tab = TAB_LEFT,
                      .tab_pos = CM(4)},
    /* A further paragraph of a lid or onderdeel, begun by a blank line in
     * regional text: no label, its text in line with the block's text. An
     * unnumbered lid's further paragraphs are "Lid zonder nummer" too. */
    [STYLE_LID_CONT] = {.id = STYLE_LID_CONT, .display = "Lid vervolg",
                        .odt_name = "Lid_20_vervolg", .docx_id = "LidVervolg",
                        .parent = STYLE_BODY, .next = STYLE_LID, .indent_left = CM(1),
                        .hanging = CM(0)},
    [STYLE_ITEM_1_CONT] = {.id = STYLE_ITEM_1_CONT, .display = "Onderdeel vervolg",
                           .odt_name = "Onderdeel_20_vervolg", .docx_id = "OnderdeelVervolg",
                           .parent = STYLE_BODY, .next = STYLE_ITEM_1,
                           .space_before = CM(0.1), .indent_left = CM(2), .hanging = CM(0)},
    [STYLE_ITEM_2_CONT] = {.id = STYLE_ITEM_2_CONT, .display = "Onderdeel 2 vervolg",
                           .odt_name = "Onderdeel_20_2_20_vervolg",
                           .docx_id = "Onderdeel2Vervolg", .parent = STYLE_ITEM_1_CONT,
                           .next = STYLE_ITEM_2, .indent_left = CM(3)},
    [STYLE_ITEM_3_CONT] = {.id = STYLE_ITEM_3_CONT, .display = "Onderdeel 3 vervolg",
                           .odt_name = "Onderdeel_20_3_20_vervolg",
                           .docx_id = "Onderdeel3Vervolg", .parent = STYLE_ITEM_1_CONT,
                           .next = STYLE_ITEM_3, .indent_left = CM(4)},
    /* A signatory's lines keep with the next so a block never splits
     * across pages; the function, the last line, ends the chain. */
    [STYLE_SIGN_PARTY] = {.id = STYLE_SIGN_PARTY, .display = "Ondertekening partij",
                          .odt_name = "Ondertekening_20_partij",
                          .docx_id = "OndertekeningPartij", .parent = STYLE_BODY,
                          .next = STYLE_SIGN_SPACE, .space_before = CM(1),
                          .keep_with_next = 1, .keep_together = 1,
                          .hyphenate = -1},
    /* Grounds of authority, and a place and date when each Deelnemer
     * signs apart: between the party and the line to sign on. */
    [STYLE_SIGN_LINE] = {.id = STYLE_SIGN_LINE, .display = "Ondertekening regel",
                         .odt_name = "Ondertekening_20_regel", .docx_id = "OndertekeningRegel",
                         .parent = STYLE_BODY, .next = STYLE_SIGN_SPACE,
                         .space_before = CM(0.2), .keep_with_next = 1, .hyphenate = -1},
    /* An empty paragraph whose bottom border is the line to sign on; the
     * right indent leaves the rule STYLE_SIGN_RULE_LENGTH long. */
    [STYLE_SIGN_SPACE] = {.id = STYLE_SIGN_SPACE, .display = "Ondertekening ruimte",
                          .odt_name = "Ondertekening_20_ruimte",
                          .docx_id = "OndertekeningRuimte", .parent = STYLE_BODY,
                          .next = STYLE_SIGN_NAME, .space_before = CM(1.4),
                          .indent_right = HMM(TEXT_WIDTH - STYLE_SIGN_RULE_LENGTH),
                          .keep_with_next = 1, .rule_below = 1},
    [STYLE_SIGN_NAME] = {.id = STYLE_SIGN_NAME, .display = "Ondertekening naam",
                         .odt_name = "Ondertekening_20_naam", .docx_id = "OndertekeningNaam",
                         .parent = STYLE_BODY, .next = STYLE_SIGN_FUNCTION,
                         .space_before = CM(0.1), .keep_with_next = 1, .hyphenate = -1},
    [STYLE_SIGN_FUNCTION] = {.id = STYLE_SIGN_FUNCTION, .display = "Ondertekening functie",
                             .odt_name = "Ondertekening_20_functie",
                             .docx_id = "OndertekeningFunctie", .parent = STYLE_BODY,
                             .next = STYLE_SIGN_PARTY, .space_before = CM(0),
                             .hyphenate = -1},
    /* The concept mark at the top of every page of a concept. */
    [STYLE_HEADER] = {.id = STYLE_HEADER, .display = "Header", .odt_name = "Header",
                      .docx_id = "Header", .docx_name = "header", .parent = STYLE_NORMAL,
                      .space_before = CM(0), .line_percent = 100, .align = ALIGN_CENTER,
                      .hyphenate = -1, .size = 24, .bold = 1},
    /* Title left, "Pagina n van m" against the right margin. */
    [STYLE_FOOTER] = {.id = STYLE_FOOTER, .display = "Footer", .odt_name = "Footer",
                      .docx_id = "Footer", .docx_name = "footer", .parent = STYLE_NORMAL,
                      .space_before = CM(0), .line_percent = 100, .tab = TAB_RIGHT,
                      .tab_pos = HMM(TEXT_WIDTH), .hyphenate = -1, .size = 16,
                      .color = "595959"},
    [STYLE_TOC_HEADING] = {.id = STYLE_TOC_HEADING, .display = "Contents Heading",
                           .odt_name = "Contents_20_Heading", .docx_id = "TOCHeading",
                           .docx_name = "TOC Heading", .parent = STYLE_NORMAL,
                           .next = STYLE_TOC_1, .space_before = CM(1),
                           .keep_with_next = 1, .hyphenate = -1,
                           .size = 28, .bold = 1},
    /* Entries: the title, dots, the page number against the margin. */
    [STYLE_TOC_1] = {.id = STYLE_TOC_1, .display = "Contents 1", .odt_name = "Contents_20_1",
                     .docx_id = "TOC1", .docx_name = "toc 1", .parent = STYLE_NORMAL,
                     .next = STYLE_BODY, .space_before = CM(0.2), .indent_left = CM(0), .tab = TAB_RIGHT, .tab_pos = HMM(TEXT_WIDTH),
                     .tab_dots = 1, .hyphenate = -1, .bold = 1},
    [STYLE_TOC_2] = {.id = STYLE_TOC_2, .display = "Contents 2", .odt_name = "Contents_20_2",
                     .docx_id = "TOC2", .docx_name = "toc 2", .parent = STYLE_NORMAL,
                     .next = STYLE_BODY, .space_before = CM(0), .indent_left = CM(0.5),
                     .tab = TAB_RIGHT, .tab_pos = HMM(TEXT_WIDTH), .tab_dots = 1,
                     .hyphenate = -1},
    [STYLE_TOC_3] = {.id = STYLE_TOC_3, .display = "Contents 3", .odt_name = "Contents_20_3",
                     .docx_id = "TOC3", .docx_name = "toc 3", .parent = STYLE_NORMAL,
                     .next = STYLE_BODY, .space_before = CM(0), .indent_left = CM(1),
                     .tab = TAB_RIGHT, .tab_pos = HMM(TEXT_WIDTH), .tab_dots = 1,
                     .hyphenate = -1},
    /* Regional text stands apart in colour only: a sober dark blue,
     * visible on screen and unobtrusive when printed. */
    [STYLE_REGIONAL] = {.id = STYLE_REGIONAL, .character = 1, .display = "Regionaal",
                        .odt_name = "Regionaal", .docx_id = "Regionaal",
                        .parent = STYLE_NONE, .next = STYLE_NONE, .color = "1F4E79",
                        .concept_only = 1},
    /* Defined terms are plain in Dutch agreements; the style exists so a
     * region can still mark them. */
    [STYLE_TERM] = {.id = STYLE_TERM, .character = 1, .display = "Begrip", .odt_name = "Begrip",
                    .docx_id = "Begrip", .parent = STYLE_NONE, .next = STYLE_NONE},
    /* An e-mail or web address in a value: the applications' own link
     * style, so it looks like every other link. */
    [STYLE_LINK] = {.id = STYLE_LINK, .character = 1, .display = "Internet link",
                    .odt_name = "Internet_20_link", .docx_id = "Hyperlink",
                    .docx_name = "Hyperlink", .parent = STYLE_NONE, .next = STYLE_NONE,
                    .color = "0563C1", .underline = 1},
    /* A value still to fill in must catch the eye, on screen and on paper. */
    [STYLE_PLACEHOLDER] = {.id = STYLE_PLACEHOLDER, .character = 1, .display = "In te vullen",
                           .odt_name = "In_20_te_20_vullen", .docx_id = "InTeVullen",
                           .parent = STYLE_NONE, .next = STYLE_NONE, .bold = 1,
                           .highlight = "FFFF00", .highlight_name = "yellow",
                           .concept_only = 1},
};

const style_def *style_get(style_id id)
{
    return &styles[id];
}

style_id style_continuation(style_id block)
{
    switch (block) {
    case STYLE_LID:
        return STYLE_LID_CONT;
    case STYLE_ITEM_1:
        return STYLE_ITEM_1_CONT;
    case STYLE_ITEM_2:
        return STYLE_ITEM_2_CONT;
    case STYLE_ITEM_3:
        return STYLE_ITEM_3_CONT;
    default:
        return block;
    }
}

int style_text_width(void)
{
    return TEXT_WIDTH;
}

void style_logo_size(int width_px, int height_px, int *width, int *height)
{
    long w = ((long)STYLE_LOGO_HEIGHT * width_px + height_px / 2) / height_px;
    if (w <= TEXT_WIDTH) {
        *width = (int)w;
        *height = STYLE_LOGO_HEIGHT;
        return;
    }
    *width = TEXT_WIDTH;
    *height = (int)(((long)TEXT_WIDTH * height_px + width_px / 2) / width_px);
}

/* Metric-compatible pairs: Liberation (in every LibreOffice) for the
 * Microsoft core fonts, Carlito and Caladea for the Office fonts. */
static const style_font fonts[] = {
    {"Arial", "Liberation Sans", "swiss", "020B0604020202020204"},
    {"Times New Roman", "Liberation Serif", "roman", "02020603050405020304"},
    {"Calibri", "Carlito", "swiss", "020F0502020204030204"},
    {"Cambria", "Caladea", "roman", "02040503050406030204"},
};

const style_font *style_find_font(const char *name)
{
    if (!name)
        name = STYLE_DEFAULT_FONT;
    for (size_t i = 0; i < sizeof fonts / sizeof *fonts; i++)
        if (!strcasecmp(name, fonts[i].name) || !strcasecmp(name, fonts[i].twin))
            return &fonts[i];
    return NULL;
}

const style_font *style_font_at(size_t i)
{
    return i < sizeof fonts / sizeof *fonts ? &fonts[i] : NULL;
}

size_t style_font_count(void)
{
    return sizeof fonts / sizeof *fonts;
}

int style_twips(int hmm)
{
    /* 1440 twips to the inch, 2540 hundredths of a millimetre. */
    long v = (long)hmm * 1440;
    return (int)(v >= 0 ? (v + 1270) / 2540 : (v - 1270) / 2540);
}

void style_cm(int hmm, char *buf, size_t size)
{
    snprintf(buf, size, "%gcm", hmm / 1000.0);
}

void style_pt(int half_points, char *buf, size_t size)
{
    snprintf(buf, size, "%gpt", half_points / 2.0);
}
