/* META-INF/manifest.xml: the package's table of contents. It lists the
 * parts odt.c stores, so the two change together; the logo with its
 * media type, which ODF requires of every stored file. */
#include "odt.h"
#include "package.h"

static int odt_write_manifest_file_entry(xmlw *x, const char *path, const char *media_type)
{
    return xmlw_start(x, "manifest:file-entry") || xmlw_attr(x, "manifest:full-path", path) ||
                   xmlw_attr(x, "manifest:media-type", media_type) || xmlw_end(x)
               ? -1
               : 0;
}

/* The root entry carries the version too: ODF 1.2 and later require it. */
static int odt_write_manifest_root_entry(xmlw *x)
{
    return xmlw_start(x, "manifest:file-entry") || xmlw_attr(x, "manifest:full-path", "/") ||
                   xmlw_attr(x, "manifest:version", ODT_VERSION) ||
                   xmlw_attr(x, "manifest:media-type", ODT_MIMETYPE) || xmlw_end(x)
               ? -1
               : 0;
}

static int odt_write_manifest_logo(xmlw *x, const doc_image *logo)
{
    char path[PACKAGE_IMAGE_NAME_SIZE];
    package_image_name(ODT_LOGO_STEM, logo, path, sizeof path);
    return odt_write_manifest_file_entry(x, path, doc_image_mime(logo->type));
}

static int odt_write_manifest_manifest(xmlw *x, const doc_meta *m)
{
    return xmlw_start(x, "manifest:manifest") || odt_xmlns(x, "manifest") ||
                   xmlw_attr(x, "manifest:version", ODT_VERSION) ||
                   odt_write_manifest_root_entry(x) ||
                   odt_write_manifest_file_entry(x, "content.xml", "text/xml") ||
                   odt_write_manifest_file_entry(x, "styles.xml", "text/xml") ||
                   odt_write_manifest_file_entry(x, "meta.xml", "text/xml") ||
                   (m->logo && odt_write_manifest_logo(x, m->logo)) || xmlw_end(x)
               ? -1
               : 0;
}

int odt_write_manifest(const doc_node *doc, void **data, size_t *len)
{
    xmlw x;
    if (xmlw_open(&x))
        return -1;
    if (odt_write_manifest_manifest(&x, doc->meta)) {
        xmlw_discard(&x);
        return -1;
    }
    return xmlw_close(&x, data, len);
}
