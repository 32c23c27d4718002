/* The ODT packager: renders each part and stores them in the fixed order
 * ODF readers and `file` expect, mimetype first and uncompressed. */
#include <stdlib.h>
#include <string.h>

#include "odt.h"
#include "output.h"
#include "package.h"

/* Attribute names carry the "xmlns:" so no name is built at run time. */
#define ODT_XMLNS_LEN 6
static const struct {
    const char *attr, *uri;
} odt_namespaces[] = {
    {"xmlns:office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0"},
    {"xmlns:style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0"},
    {"xmlns:text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0"},
    {"xmlns:table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0"},
    {"xmlns:fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"},
    {"xmlns:svg", "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"},
    {"xmlns:draw", "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"},
    {"xmlns:meta", "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"},
    {"xmlns:dc", "http://purl.org/dc/elements/1.1/"},
    {"xmlns:xlink", "http://www.w3.org/1999/xlink"},
    {"xmlns:manifest", "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"},
};

int odt_xmlns(xmlw *x, const char *prefix)
{
    for (size_t i = 0; i < sizeof odt_namespaces / sizeof *odt_namespaces; i++)
        if (strcmp(odt_namespaces[i].attr + ODT_XMLNS_LEN, prefix) == 0)
            return xmlw_attr(x, odt_namespaces[i].attr, odt_namespaces[i].uri);
    return -1;
}

const style_font *odt_font(const doc_node *doc)
{
    const style_font *f = style_find_font(doc->meta->font);
    return f ? f : style_find_font(NULL);
}

/* The order is part of the output: same tree, same bytes. */
static const package_part odt_parts[] = {
    {"content.xml", odt_write_content},
    {"styles.xml", odt_write_styles},
    {"meta.xml", odt_write_meta},
    {"META-INF/manifest.xml", odt_write_manifest},
};

static int odt_add_mimetype(package *pkg, diag_list *diags)
{
    size_t len = strlen(ODT_MIMETYPE);
    char *data = malloc(len);
    if (!data) {
        diag_system(diags, "ODT: onvoldoende geheugen");
        return -1;
    }
    memcpy(data, ODT_MIMETYPE, len);
    return package_add(pkg, "mimetype", data, len, 1);
}

int odt_render(const doc_node *doc, out_buf *out, diag_list *diags)
{
    out->data = NULL;
    out->len = 0;
    if (!doc || doc->kind != DOC_DOCUMENT || !doc->meta) {
        diag_system(diags, "ODT: het document ontbreekt of heeft geen metagegevens");
        return -1;
    }
    package *pkg = package_new(doc->meta->timestamp, diags);
    if (!pkg)
        return -1;
    if (odt_add_mimetype(pkg, diags)) {
        package_free(pkg);
        return -1;
    }
    if (package_add_parts(pkg, odt_parts, sizeof odt_parts / sizeof *odt_parts, doc, "ODT") ||
        (doc->meta->logo && package_add_image(pkg, ODT_LOGO_STEM, doc->meta->logo))) {
        package_free(pkg);
        return -1;
    }
    return package_finish(pkg, out);
}
