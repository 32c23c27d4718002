/* Private to the DOCX writer: the part names, relationship ids, style ids
 * and namespaces that more than one part must agree on, declared once, and
 * the functions that each write one part of the package. */
#ifndef AFSPRAKEN_DOCX_H
#define AFSPRAKEN_DOCX_H

#include <stddef.h>

#include "../generator/doc.h"
#include "style.h"
#include "xmlw.h"

/* Part names inside the zip, without the leading "/" of a part name. */
#define DOCX_PART_CONTENT_TYPES "[Content_Types].xml"
#define DOCX_PART_RELS          "_rels/.rels"
#define DOCX_PART_CORE          "docProps/core.xml"
#define DOCX_PART_APP           "docProps/app.xml"
#define DOCX_PART_CUSTOM        "docProps/custom.xml"
#define DOCX_PART_DOCUMENT      "word/document.xml"
#define DOCX_PART_STYLES        "word/styles.xml"
#define DOCX_PART_SETTINGS      "word/settings.xml"
#define DOCX_PART_FOOTER        "word/footer1.xml"
#define DOCX_PART_FONTS         "word/fontTable.xml"
#define DOCX_PART_HEADER        "word/header1.xml" /* a concept's only */
#define DOCX_PART_DOCUMENT_RELS "word/_rels/document.xml.rels"

/* Relationship ids of word/_rels/document.xml.rels; document.xml refers
 * to the footer by this id. */
#define DOCX_RID_STYLES   "rId1"
#define DOCX_RID_SETTINGS "rId2"
#define DOCX_RID_FOOTER   "rId3"
#define DOCX_RID_HEADER   "rId4"
#define DOCX_RID_FONTS    "rId5"
/* The logo's; named, not numbered, so no other relationship takes it. */
#define DOCX_RID_LOGO     "rIdLogo"
/* A link's target is a relationship outside the package, one per distinct
 * target: this prefix and its number from 1 in order of appearance. */
#define DOCX_RID_LINK     "rIdL"

/* The logo's part and its relationship's target (relative to word/),
 * without the extension (see package_image_name). */
#define DOCX_LOGO_TARGET "media/logo."
#define DOCX_LOGO_STEM   "word/" DOCX_LOGO_TARGET

/* The style id document.xml, header1.xml and footer1.xml use for a
 * style of the house style (style.h); docx_styles.c defines every one. */
#define DOCX_STYLE(id) (style_get(id)->docx_id)

#define DOCX_NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define DOCX_NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define DOCX_NS_WP "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
#define DOCX_NS_A "http://schemas.openxmlformats.org/drawingml/2006/main"
#define DOCX_NS_PIC "http://schemas.openxmlformats.org/drawingml/2006/picture"

/* The language of the document when the tree does not say. */
#define DOCX_DEFAULT_LANGUAGE "nl-NL"

/* Each writes one part for doc (a DOC_DOCUMENT with meta) into *data
 * (malloc'd, owned by the caller) and *len. Returns 0, or -1 when memory
 * ran out or libxml2 failed; nothing is allocated then. */

int docx_write_content_types(const doc_node *doc, void **data, size_t *len);
int docx_write_rels(const doc_node *doc, void **data, size_t *len);
int docx_write_document_rels(const doc_node *doc, void **data, size_t *len);
int docx_write_core(const doc_node *doc, void **data, size_t *len);
int docx_write_app(const doc_node *doc, void **data, size_t *len);
int docx_write_custom(const doc_node *doc, void **data, size_t *len);
int docx_write_document(const doc_node *doc, void **data, size_t *len);
int docx_write_styles(const doc_node *doc, void **data, size_t *len);
int docx_write_settings(const doc_node *doc, void **data, size_t *len);
int docx_write_footer(const doc_node *doc, void **data, size_t *len);
int docx_write_fonts(const doc_node *doc, void **data, size_t *len);
int docx_write_header(const doc_node *doc, void **data, size_t *len);

/* The paragraph holding the logo, m->logo, which must be set. */
int docx_write_logo(xmlw *x, const doc_meta *m);

/* Whether the document is a concept with a mark to show in a header. */
int docx_has_header(const doc_node *doc);

/* Shared by the parts: the document's language, never NULL. */
const char *docx_language(const doc_node *doc);
/* The document's font from the house style: the region's or the default. */
const style_font *docx_font(const doc_node *doc);

/* Text inside an open w:r, in element (w:t, or w:delText for deleted
 * text). Word ignores control characters in w:t, so a newline becomes a
 * line break and a tab a tab element; a no-break hyphen (U+2011, see
 * generator/typography.h) is w:noBreakHyphen, as Word writes it, which
 * Word draws with the font's own hyphen and LibreOffice and pandoc read
 * back as U+2011. 0 or -1. */
#define DOCX_NO_BREAK_HYPHEN "\xe2\x80\x91"
int docx_write_run_text(xmlw *x, const char *element, const char *text);

/* The distinct link targets of a document in order of first appearance,
 * found in one walk; target i has relationship id DOCX_RID_LINK "i+1".
 * The strings belong to the tree. */
typedef struct docx_links docx_links;
/* NULL when memory ran out; free with docx_links_free (NULL is fine). */
docx_links *docx_links_of(const doc_node *doc);
void docx_links_free(docx_links *l);
/* The relationship id of href, a target of the document, into buf ("rIdL1");
 * 0, or -1 when href is not among l's targets. */
int docx_link_rid(const docx_links *l, const char *href, char *buf, size_t size);

/* Runs write(x, doc) between xmlw_open and xmlw_close, discarding the
 * writer on failure, so every part function is the same few lines. */
int docx_write_part(const doc_node *doc, void **data, size_t *len,
                    int (*write)(xmlw *x, const doc_node *doc));

#endif
