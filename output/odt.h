/* Private to the ODT writer: one function per package part and the shared
 * namespace table. Style names come from the house style (style.h):
 * content.xml refers to nothing else, and styles.xml defines every one. */
#ifndef AFSPRAKEN_ODT_H
#define AFSPRAKEN_ODT_H

#include <stddef.h>

#include "../generator/doc.h"
#include "style.h"
#include "xmlw.h"

#define ODT_MIMETYPE "application/vnd.oasis.opendocument.text"
#define ODT_VERSION  "1.3"

/* The name content.xml uses for a style of the house style. */
#define ODT_STYLE(id) (style_get(id)->odt_name)

/* The document's font from the house style: the region's or the default. */
const style_font *odt_font(const doc_node *doc);

/* The logo's name in the package without its extension (see
 * package_image_name): content.xml, the manifest and odt.c use it. */
#define ODT_LOGO_STEM "Pictures/logo."

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
