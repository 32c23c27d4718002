/* The DOCX packager: writes each part with its own module (docx_*.c) and
 * adds them to the zip in one fixed order, dated with the document's
 * timestamp, so the same tree always gives the same bytes. */
#include <stdlib.h>

#include "docx.h"
#include "output.h"
#include "package.h"

/* Content types and package relationships first, as Word writes them;
 * readers find parts through the relationships, so the rest of the order
 * only has to be stable. */
static const package_part docx_parts[] = {
    {DOCX_PART_CONTENT_TYPES, docx_write_content_types},
    {DOCX_PART_RELS, docx_write_rels},
    {DOCX_PART_CORE, docx_write_core},
    {DOCX_PART_APP, docx_write_app},
    {DOCX_PART_CUSTOM, docx_write_custom},
    {DOCX_PART_DOCUMENT, docx_write_document},
    {DOCX_PART_STYLES, docx_write_styles},
    {DOCX_PART_SETTINGS, docx_write_settings},
    {DOCX_PART_FOOTER, docx_write_footer},
    {DOCX_PART_FONTS, docx_write_fonts},
    {DOCX_PART_DOCUMENT_RELS, docx_write_document_rels},
};

const char *docx_language(const doc_node *doc)
{
    const char *lang = doc->meta->language;
    return lang && *lang ? lang : DOCX_DEFAULT_LANGUAGE;
}

const style_font *docx_font(const doc_node *doc)
{
    const style_font *f = style_find_font(doc->meta->font);
    return f ? f : style_find_font(NULL);
}

int docx_write_part(const doc_node *doc, void **data, size_t *len,
                    int (*write)(xmlw *x, const doc_node *doc))
{
    xmlw x;
    *data = NULL;
    *len = 0;
    if (xmlw_open(&x))
        return -1;
    if (write(&x, doc) || xmlw_close(&x, data, len)) {
        /* xmlw_close leaves x cleared when it fails, so this is safe. */
        xmlw_discard(&x);
        return -1;
    }
    return 0;
}

int docx_render(const doc_node *doc, out_buf *out, diag_list *diags)
{
    out->data = NULL;
    out->len = 0;
    if (!doc || doc->kind != DOC_DOCUMENT || !doc->meta) {
        diag_system(diags, "DOCX: geen volledig document om te schrijven");
        return -1;
    }
    package *pkg = package_new(doc->meta->timestamp, diags);
    if (!pkg)
        return -1;
    static const package_part header = {DOCX_PART_HEADER, docx_write_header};
    if (package_add_parts(pkg, docx_parts, sizeof docx_parts / sizeof *docx_parts, doc, "DOCX") ||
        (docx_has_header(doc) && package_add_parts(pkg, &header, 1, doc, "DOCX")) ||
        (doc->meta->logo && package_add_image(pkg, DOCX_LOGO_STEM, doc->meta->logo))) {
        package_free(pkg);
        return -1;
    }
    return package_finish(pkg, out);
}
