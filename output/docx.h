/* Private to the DOCX writer: the part names, relationship ids, style ids
 * and namespaces that more than one part must agree on, declared once, and
 * the functions that each write one part of the package. */
#ifndef AFSPRAKEN_DOCX_H
#define AFSPRAKEN_DOCX_H

#include <stddef.h>

#include "../generator/doc.h"
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
#define DOCX_PART_HEADER        "word/header1.xml" /* a concept's only */
#define DOCX_PART_DOCUMENT_RELS "word/_rels/document.xml.rels"

/* Relationship ids of word/_rels/document.xml.rels; document.xml refers
 * to the footer by this id. */
#define DOCX_RID_STYLES   "rId1"
#define DOCX_RID_SETTINGS "rId2"
#define DOCX_RID_FOOTER   "rId3"
#define DOCX_RID_HEADER   "rId4"

/* The style contract: every id used in document.xml or footer1.xml is one
 * of these, and docx_styles.c defines each of them. The built-in ids keep
 * Word's names so navigation, outline and pandoc recognise them. */
#define DOCX_STYLE_NORMAL        "Normal"
#define DOCX_STYLE_DEFAULT_FONT  "DefaultParagraphFont"
#define DOCX_STYLE_TITLE         "Title"
#define DOCX_STYLE_SUBTITLE      "Subtitle"
#define DOCX_STYLE_HEADING1      "Heading1"
#define DOCX_STYLE_HEADING2      "Heading2"
#define DOCX_STYLE_FOOTER        "Footer"
#define DOCX_STYLE_LID           "Lid"
#define DOCX_STYLE_ONDERDEEL     "Onderdeel"
#define DOCX_STYLE_ONDERDEEL2    "Onderdeel2"
#define DOCX_STYLE_ONDERTEKENING "Ondertekening"
#define DOCX_STYLE_REGIONAAL     "Regionaal"
#define DOCX_STYLE_BEGRIP        "Begrip"
#define DOCX_STYLE_IN_TE_VULLEN  "InTeVullen"
#define DOCX_STYLE_HEADER        "Header"

/* Indents in twips (1/20 pt); 567 twips is 1 cm. The label of a lid or
 * onderdeel hangs one step left of its text, and each list level moves
 * one step right, so a label lines up with its parent's text. */
#define DOCX_INDENT_STEP 567
/* A4 with 2.5 cm margins; the footer's right tab sits at the text width. */
#define DOCX_PAGE_WIDTH  11906
#define DOCX_PAGE_HEIGHT 16838
#define DOCX_MARGIN      1418
#define DOCX_TEXT_WIDTH  (DOCX_PAGE_WIDTH - 2 * DOCX_MARGIN)

#define DOCX_NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define DOCX_NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

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
int docx_write_header(const doc_node *doc, void **data, size_t *len);

/* Whether the document is a concept with a mark to show in a header. */
int docx_has_header(const doc_node *doc);

/* Shared by the parts: the document's language, never NULL. */
const char *docx_language(const doc_node *doc);

/* Runs write(x, doc) between xmlw_open and xmlw_close, discarding the
 * writer on failure, so every part function is the same few lines. */
int docx_write_part(const doc_node *doc, void **data, size_t *len,
                    int (*write)(xmlw *x, const doc_node *doc));

#endif
