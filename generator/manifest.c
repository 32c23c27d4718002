/* The manifest (see manifest.h), built and read with jansson, which does
 * the escaping and keeps the keys in the order they were added. */
#define _GNU_SOURCE
#include "manifest.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "fingerprint.h"

struct manifest {
    json_t *root;
    json_t *files; /* borrowed from root */
};

manifest *manifest_new(const manifest_info *info)
{
    manifest *mf = calloc(1, sizeof *mf);
    if (!mf)
        return NULL;
    /* "s?" writes null for a NULL string. */
    mf->root =
        json_pack("{s:s?, s:{s:s?, s:s?, s:s?}, s:{s:s?, s:s?, s:s?}, s:s, s:[]}", "afspraken",
                  info->tool_version, "model", "naam", info->model_name, "versie",
                  info->model_version, "sha256", info->model_sha256, "regio", "naam",
                  info->region_name, "bestand", info->region_file, "sha256", info->region_sha256,
                  "status", info->concept ? "concept" : "definitief", "bestanden");
    mf->files = json_object_get(mf->root, "bestanden");
    if (!mf->files) {
        manifest_free(mf);
        return NULL;
    }
    return mf;
}

int manifest_add(manifest *mf, const char *name, const void *data, size_t len,
                 const char *fingerprint)
{
    char sha[FP_HEX_LEN + 1];
    if (fp_sha256_hex(data, len, sha))
        return -1;
    json_t *entry =
        json_pack("{s:s, s:s, s:s?}", "naam", name, "sha256", sha, "vingerafdruk", fingerprint);
    return entry && !json_array_append_new(mf->files, entry) ? 0 : -1;
}

int manifest_render(const manifest *mf, unsigned char **data, size_t *len)
{
    char *s = json_dumps(mf->root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    *data = NULL;
    *len = 0;
    if (!s)
        return -1;
    size_t n = strlen(s);
    char *out = realloc(s, n + 2);
    if (!out) {
        free(s);
        return -1;
    }
    out[n] = '\n';
    out[n + 1] = '\0';
    *data = (unsigned char *)out;
    *len = n + 1;
    return 0;
}

void manifest_free(manifest *mf)
{
    if (!mf)
        return;
    json_decref(mf->root);
    free(mf);
}

/* Copies a 64-digit hex string; 0 when s is one. */
static int copy_hash(const json_t *v, char out[FP_HEX_LEN + 1])
{
    const char *s = json_string_value(v);
    if (!s || strlen(s) != FP_HEX_LEN || strspn(s, "0123456789abcdef") != FP_HEX_LEN)
        return -1;
    memcpy(out, s, FP_HEX_LEN + 1);
    return 0;
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

int manifest_lookup(const char *path, const char *document, manifest_entry *out, diag_list *d)
{
    memset(out, 0, sizeof *out);
    json_error_t err;
    json_t *root = json_load_file(path, 0, &err);
    if (!root) {
        diag_add(d, DIAG_ERROR, DIAG_INPUT, path, err.line > 0 ? err.line : 0,
                 err.column > 0 ? err.column : 0, NULL, "het manifest is geen geldige JSON (%s)",
                 err.text);
        return -1;
    }
    json_t *files = json_object_get(root, "bestanden");
    if (!json_is_array(files)) {
        diag_add(d, DIAG_ERROR, DIAG_INPUT, path, 0, 0, NULL,
                 "dit is geen manifest van afspraken: 'bestanden' ontbreekt");
        json_decref(root);
        return -1;
    }
    int rc = 0;
    size_t i;
    json_t *entry;
    json_array_foreach(files, i, entry)
    {
        const char *name = json_string_value(json_object_get(entry, "naam"));
        if (!name || strcmp(base_name(name), base_name(document)))
            continue;
        json_t *fp = json_object_get(entry, "vingerafdruk");
        if (copy_hash(json_object_get(entry, "sha256"), out->sha256) ||
            (!json_is_null(fp) && fp && copy_hash(fp, out->fingerprint))) {
            diag_add(d, DIAG_ERROR, DIAG_INPUT, path, 0, 0, NULL,
                     "het manifest geeft voor %s geen geldige SHA-256", name);
            rc = -1;
        }
        out->found = 1;
        break;
    }
    json_decref(root);
    return rc;
}
