/* [Content_Types].xml and the two relationship parts (_rels/.rels and
 * word/_rels/document.xml.rels): how a reader finds and types every other
 * part of the package. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/hash.h>

#include "docx.h"
#include "../generator/grow.h"
#include "package.h"

#define NS_CONTENT_TYPES "http://schemas.openxmlformats.org/package/2006/content-types"
#define NS_RELATIONSHIPS "http://schemas.openxmlformats.org/package/2006/relationships"

#define CT_PREFIX  "application/vnd.openxmlformats-officedocument."
#define REL_OFFICE "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

/* Every part other than the .rels files gets an explicit override, so no
 * part depends on the generic "xml" default for its meaning. A picture
 * has the Default of its extension, as Word writes it. */
static const struct {
    const char *part;
    const char *type;
} overrides[] = {
    {DOCX_PART_DOCUMENT, CT_PREFIX "wordprocessingml.document.main+xml"},
    {DOCX_PART_STYLES, CT_PREFIX "wordprocessingml.styles+xml"},
    {DOCX_PART_SETTINGS, CT_PREFIX "wordprocessingml.settings+xml"},
    {DOCX_PART_FOOTER, CT_PREFIX "wordprocessingml.footer+xml"},
    {DOCX_PART_FONTS, CT_PREFIX "wordprocessingml.fontTable+xml"},
    {DOCX_PART_HEADER, CT_PREFIX "wordprocessingml.header+xml"},
    {DOCX_PART_CORE, "application/vnd.openxmlformats-package.core-properties+xml"},
    {DOCX_PART_APP, CT_PREFIX "extended-properties+xml"},
    {DOCX_PART_CUSTOM, CT_PREFIX "custom-properties+xml"},
};

typedef struct {
    const char *id;
    const char *type;
    const char *target;
} relationship;

/* Package relationships: targets relative to the package root. */
static const relationship package_rels[] = {
    {"rId1", REL_OFFICE "officeDocument", DOCX_PART_DOCUMENT},
    {"rId2",
     "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
     DOCX_PART_CORE},
    {"rId3", REL_OFFICE "extended-properties", DOCX_PART_APP},
    {"rId4", REL_OFFICE "custom-properties", DOCX_PART_CUSTOM},
};

/* Document relationships: targets relative to word/. */
static const relationship document_rels[] = {
    {DOCX_RID_STYLES, REL_OFFICE "styles", "styles.xml"},
    {DOCX_RID_SETTINGS, REL_OFFICE "settings", "settings.xml"},
    {DOCX_RID_FOOTER, REL_OFFICE "footer", "footer1.xml"},
    {DOCX_RID_HEADER, REL_OFFICE "header", "header1.xml"},
    {DOCX_RID_FONTS, REL_OFFICE "fontTable", "fontTable.xml"},
};

/* Whether a part or relationship target is in this package: the header
 * only in a concept. */
static int present(const doc_node *doc, const char *part)
{
    return docx_has_header(doc) || (strcmp(part, DOCX_PART_HEADER) && strcmp(part, "header1.xml"));
}

static int write_Default(xmlw *x, const char *extension, const char *type)
{
    return xmlw_start(x, "Default") || xmlw_attr(x, "Extension", extension) ||
           xmlw_attr(x, "ContentType", type) || xmlw_end(x);
}

static int write_Override(xmlw *x, const char *part, const char *type)
{
    return xmlw_start(x, "Override") || xmlw_attrf(x, "PartName", "/%s", part) ||
           xmlw_attr(x, "ContentType", type) || xmlw_end(x);
}

static int write_Types(xmlw *x, const doc_node *doc)
{
    if (xmlw_start(x, "Types") || xmlw_attr(x, "xmlns", NS_CONTENT_TYPES) ||
        write_Default(x, "rels", "application/vnd.openxmlformats-package.relationships+xml") ||
        write_Default(x, "xml", "application/xml"))
        return -1;
    const doc_image *logo = doc->meta->logo;
    if (logo && write_Default(x, doc_image_ext(logo->type), doc_image_mime(logo->type)))
        return -1;
    for (size_t i = 0; i < sizeof overrides / sizeof overrides[0]; i++)
        if (present(doc, overrides[i].part) && write_Override(x, overrides[i].part, overrides[i].type))
            return -1;
    return xmlw_end(x);
}

static int write_Relationship(xmlw *x, const relationship *rel)
{
    return xmlw_start(x, "Relationship") || xmlw_attr(x, "Id", rel->id) ||
           xmlw_attr(x, "Type", rel->type) || xmlw_attr(x, "Target", rel->target) || xmlw_end(x);
}

/* The n relationships of rels that are present, then extra unless NULL,
 * then those more writes unless NULL. */
static int write_Relationships(xmlw *x, const doc_node *doc, const relationship *rels, size_t n,
                               const relationship *extra,
                               int (*more)(xmlw *x, const doc_node *doc))
{
    if (xmlw_start(x, "Relationships") || xmlw_attr(x, "xmlns", NS_RELATIONSHIPS))
        return -1;
    for (size_t i = 0; i < n; i++)
        if (present(doc, rels[i].target) && write_Relationship(x, &rels[i]))
            return -1;
    return (extra && write_Relationship(x, extra)) || (more && more(x, doc)) || xmlw_end(x);
}

static int write_package_rels(xmlw *x, const doc_node *doc)
{
    return write_Relationships(x, doc, package_rels, sizeof package_rels / sizeof package_rels[0],
                               NULL, NULL);
}

struct docx_links {
    const char **hrefs;
    size_t n, cap;
    xmlHashTablePtr index; /* href -> its number from 1, as a pointer */
    int failed;
};

static int collect_link(doc_node *n, doc_event ev, void *ctx)
{
    docx_links *l = ctx;
    if (ev != DOC_ENTER || n->kind != DOC_LINK || !n->href || xmlHashLookup(l->index, BAD_CAST n->href))
        return 0;
    const char **h = grow(l->hrefs, &l->cap, l->n, sizeof *h);
    if (!h) {
        l->failed = 1;
        return 1;
    }
    l->hrefs = h;
    l->hrefs[l->n++] = n->href;
    if (xmlHashAddEntry(l->index, BAD_CAST n->href, (void *)(uintptr_t)l->n)) {
        l->failed = 1;
        return 1;
    }
    return 0;
}

docx_links *docx_links_of(const doc_node *doc)
{
    docx_links *l = calloc(1, sizeof *l);
    if (!l || !(l->index = xmlHashCreate(0))) {
        free(l);
        return NULL;
    }
    doc_walk((doc_node *)doc, collect_link, l);
    if (l->failed) {
        docx_links_free(l);
        return NULL;
    }
    return l;
}

void docx_links_free(docx_links *l)
{
    if (!l)
        return;
    xmlHashFree(l->index, NULL);
    free(l->hrefs);
    free(l);
}

int docx_link_rid(const docx_links *l, const char *href, char *buf, size_t size)
{
    uintptr_t i = (uintptr_t)xmlHashLookup(l->index, BAD_CAST href);
    if (!i)
        return -1;
    snprintf(buf, size, DOCX_RID_LINK "%zu", (size_t)i);
    return 0;
}

/* One relationship per link target, outside the package. */
static int write_link_rels(xmlw *x, const doc_node *doc)
{
    docx_links *l = docx_links_of(doc);
    if (!l)
        return -1;
    int rc = 0;
    for (size_t i = 0; i < l->n && !rc; i++)
        rc = xmlw_start(x, "Relationship") || xmlw_attrf(x, "Id", DOCX_RID_LINK "%zu", i + 1) ||
             xmlw_attr(x, "Type", REL_OFFICE "hyperlink") || xmlw_attr(x, "Target", l->hrefs[i]) ||
             xmlw_attr(x, "TargetMode", "External") || xmlw_end(x);
    docx_links_free(l);
    return rc;
}

static int write_document_rels(xmlw *x, const doc_node *doc)
{
    const doc_image *logo = doc->meta->logo;
    char target[PACKAGE_IMAGE_NAME_SIZE] = "";
    if (logo)
        package_image_name(DOCX_LOGO_TARGET, logo, target, sizeof target);
    const relationship logo_rel = {DOCX_RID_LOGO, REL_OFFICE "image", target};
    return write_Relationships(x, doc, document_rels, sizeof document_rels / sizeof document_rels[0],
                               logo ? &logo_rel : NULL, write_link_rels);
}

int docx_write_content_types(const doc_node *doc, void **data, size_t *len)
{
    return docx_write_part(doc, data, len, write_Types);
}

int docx_write_rels(const doc_node *doc, void **data, size_t *len)
{
    return docx_write_part(doc, data, len, write_package_rels);
}

int docx_write_document_rels(const doc_node *doc, void **data, size_t *len)
{
    return docx_write_part(doc, data, len, write_document_rels);
}
