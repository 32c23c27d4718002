/* Zip packaging over libzip, in memory, with a fixed member order and
 * fixed dates (see package.h). libzip's error codes are mapped to
 * messages here and nowhere else. */
#include "package.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

struct package {
    zip_source_t *mem; /* the archive's backing buffer */
    zip_t *zip;
    zip_uint16_t dos_time, dos_date; /* UTC: the bytes must not depend on TZ */
    diag_list *diags;
};

/* libzip's own texts are English; in memory only a few codes can occur. */
static const char *zip_text(zip_error_t *err)
{
    switch (zip_error_code_zip(err)) {
    case ZIP_ER_MEMORY:
        return "onvoldoende geheugen";
    case ZIP_ER_INVAL:
        return "ongeldige waarde";
    case ZIP_ER_INTERNAL:
        return "interne fout van libzip";
    case ZIP_ER_WRITE:
    case ZIP_ER_READ:
    case ZIP_ER_CLOSE:
    case ZIP_ER_TMPOPEN:
        return zip_error_system_type(err) == ZIP_ET_SYS ? diag_errno_text(zip_error_code_system(err))
                                                        : "lezen of schrijven mislukt";
    default:
        return "onbekende fout van libzip";
    }
}

static void report(package *pkg, const char *what, zip_error_t *err)
{
    diag_system(pkg->diags, "zip-pakket: %s mislukt (%s, code %d)", what, zip_text(err),
                zip_error_code_zip(err));
}

package *package_new(time_t mtime, diag_list *diags)
{
    package *pkg = calloc(1, sizeof *pkg);
    if (!pkg) {
        diag_system(diags, "onvoldoende geheugen voor het zip-pakket");
        return NULL;
    }
    struct tm tm;
    if (!gmtime_r(&mtime, &tm) || tm.tm_year < 80) {
        /* DOS dates start in 1980. */
        memset(&tm, 0, sizeof tm);
        tm.tm_year = 80;
        tm.tm_mday = 1;
    }
    pkg->dos_time = (zip_uint16_t)(tm.tm_hour << 11 | tm.tm_min << 5 | tm.tm_sec / 2);
    pkg->dos_date = (zip_uint16_t)((tm.tm_year - 80) << 9 | (tm.tm_mon + 1) << 5 | tm.tm_mday);
    pkg->diags = diags;
    zip_error_t err;
    zip_error_init(&err);
    pkg->mem = zip_source_buffer_create(NULL, 0, 0, &err);
    if (pkg->mem) {
        /* Keep our reference: after zip_close we read the bytes from it. */
        zip_source_keep(pkg->mem);
        pkg->zip = zip_open_from_source(pkg->mem, ZIP_TRUNCATE, &err);
    }
    if (!pkg->zip) {
        report(pkg, "aanmaken", &err);
        zip_error_fini(&err);
        package_free(pkg);
        return NULL;
    }
    zip_error_fini(&err);
    return pkg;
}

int package_add(package *pkg, const char *name, void *data, size_t len, int stored)
{
    zip_source_t *src = zip_source_buffer(pkg->zip, data, len, 1);
    if (!src) {
        free(data);
        report(pkg, "toevoegen", zip_get_error(pkg->zip));
        return -1;
    }
    zip_int64_t idx = zip_file_add(pkg->zip, name, src, ZIP_FL_ENC_UTF_8);
    if (idx < 0) {
        zip_source_free(src);
        report(pkg, "toevoegen", zip_get_error(pkg->zip));
        return -1;
    }
    /* Deflate at a fixed level so the bytes do not depend on defaults;
     * level 1 costs a quarter of level 6 and the parts are small. */
    if (zip_set_file_compression(pkg->zip, (zip_uint64_t)idx,
                                 stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE, stored ? 0 : 1) < 0 ||
        zip_file_set_dostime(pkg->zip, (zip_uint64_t)idx, pkg->dos_time, pkg->dos_date, 0) < 0) {
        report(pkg, "instellen", zip_get_error(pkg->zip));
        return -1;
    }
    return 0;
}

void package_image_name(const char *stem, const doc_image *image, char *buf, size_t size)
{
    snprintf(buf, size, "%s%s", stem, doc_image_ext(image->type));
}

int package_add_image(package *pkg, const char *stem, const doc_image *image)
{
    char name[PACKAGE_IMAGE_NAME_SIZE];
    package_image_name(stem, image, name, sizeof name);
    unsigned char *data = malloc(image->len);
    if (!data) {
        diag_system(pkg->diags, "onvoldoende geheugen voor %s", name);
        return -1;
    }
    memcpy(data, image->data, image->len);
    return package_add(pkg, name, data, image->len, 1);
}

int package_add_parts(package *pkg, const package_part *parts, size_t n, const doc_node *doc,
                      const char *format)
{
    for (size_t i = 0; i < n; i++) {
        void *data;
        size_t len;
        if (parts[i].write(doc, &data, &len)) {
            diag_system(
                pkg->diags,
                "%s: onderdeel %s kon niet worden geschreven (onvoldoende geheugen of fout in libxml2)",
                format, parts[i].name);
            return -1;
        }
        /* package_add reports its own failure and owns data either way. */
        if (package_add(pkg, parts[i].name, data, len, 0))
            return -1;
    }
    return 0;
}

int package_finish(package *pkg, out_buf *out)
{
    out->data = NULL;
    out->len = 0;
    if (zip_close(pkg->zip) < 0) {
        report(pkg, "afsluiten", zip_get_error(pkg->zip));
        zip_discard(pkg->zip);
        pkg->zip = NULL;
        package_free(pkg);
        return -1;
    }
    pkg->zip = NULL;
    int rc = -1;
    zip_stat_t st;
    if (zip_source_stat(pkg->mem, &st) == 0 && zip_source_open(pkg->mem) == 0) {
        out->data = malloc(st.size ? st.size : 1);
        if (out->data && zip_source_read(pkg->mem, out->data, st.size) == (zip_int64_t)st.size) {
            out->len = st.size;
            rc = 0;
        }
        zip_source_close(pkg->mem);
    }
    if (rc) {
        free(out->data);
        out->data = NULL;
        diag_system(pkg->diags, "zip-pakket: lezen van het resultaat mislukt");
    }
    package_free(pkg);
    return rc;
}

void package_free(package *pkg)
{
    if (!pkg)
        return;
    if (pkg->zip)
        zip_discard(pkg->zip);
    if (pkg->mem)
        zip_source_free(pkg->mem);
    free(pkg);
}
