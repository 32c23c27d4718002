/* Private to the ODT writer: one function per package part, the shared
 * namespace table and the style names content.xml uses. The style names
 * are the contract between odt_content.c and odt_styles.c: content.xml
 * refers to nothing but these, and styles.xml defines every one. */
#ifndef AFSPRAKEN_ODT_H
#define AFSPRAKEN_ODT_H

#include <stddef.h>

#include "../generator/doc.h"
#include "xmlw.h"

#define ODT_MIMETYPE "application/vnd.oasis.opendocument.text"
#define ODT_VERSION  "1.3"

/* Paragraph styles. Names are ODF-encoded ("_20_" is a space) so that
 * LibreOffice maps the built-in ones (Title, Heading 1 ...) onto its own
 * and shows them translated. */
#define ODT_STYLE_STANDARD      "Standard"
#define ODT_STYLE_TEXT_BODY     "Text_20_body"
#define ODT_STYLE_TITLE         "Title"
#define ODT_STYLE_SUBTITLE      "Subtitle"
#define ODT_STYLE_HEADING       "Heading"
#define ODT_STYLE_HEADING_1     "Heading_20_1"
#define ODT_STYLE_HEADING_2     "Heading_20_2"
#define ODT_STYLE_HEADING_3     "Heading_20_3"
#define ODT_STYLE_ANNEX         "Bijlage"
#define ODT_STYLE_SIGNATURES    "Ondertekening"
#define ODT_STYLE_LID           "Lid"
#define ODT_STYLE_LID_SINGLE    "Lid_20_zonder_20_nummer"
#define ODT_STYLE_ITEM_1        "Onderdeel"
#define ODT_STYLE_ITEM_2        "Onderdeel_20_2"
#define ODT_STYLE_ITEM_3        "Onderdeel_20_3"
#define ODT_STYLE_SIGN_PARTY    "Ondertekening_20_partij"
#define ODT_STYLE_SIGN_SPACE    "Ondertekening_20_ruimte"
#define ODT_STYLE_SIGN_NAME     "Ondertekening_20_naam"
#define ODT_STYLE_SIGN_FUNCTION "Ondertekening_20_functie"
#define ODT_STYLE_SIGN_LINE     "Ondertekening_20_regel"
#define ODT_STYLE_CONCEPT       "Concept"
#define ODT_STYLE_FOOTER        "Footer"

/* Character styles. */
#define ODT_STYLE_REGIONAL "Regionaal"
#define ODT_STYLE_TERM     "Begrip"
#define ODT_STYLE_PLACEHOLDER "In_20_te_20_vullen"

/* Deepest heading and list levels that have a style of their own;
 * deeper ones use the deepest. */
#define ODT_HEADING_LEVELS 3
#define ODT_ITEM_LEVELS    3

/* Each part writer returns 0 with a malloc'd document in *data and *len, or
 * -1 with nothing allocated. doc is the DOC_DOCUMENT root. */
int odt_write_content(const doc_node *doc, void **data, size_t *len);
int odt_write_styles(const doc_node *doc, void **data, size_t *len);
int odt_write_meta(const doc_node *doc, void **data, size_t *len);
int odt_write_manifest(const doc_node *doc, void **data, size_t *len);

/* Declares xmlns:prefix on the open element, from the one table of ODF
 * namespace URIs; -1 for an unknown prefix. */
int odt_xmlns(xmlw *x, const char *prefix);

#endif
