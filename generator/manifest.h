/* The manifest genereer writes beside the documents: JSON (written and
 * read with jansson) naming the tool, the model and the region file with
 * their SHA-256, whether the set is a concept, and per file its byte
 * SHA-256 and text fingerprint. No dates and no paths, only file names,
 * so the same inputs give the same bytes. verifieer reads it back. */
#ifndef AFSPRAKEN_MANIFEST_H
#define AFSPRAKEN_MANIFEST_H

#include <stddef.h>

#include "diag.h"

/* The strings are copied; any may be NULL (written as null). */
typedef struct {
    const char *tool_version;
    const char *model_name, *model_version, *model_sha256;
    const char *region_name, *region_file, *region_sha256;
    int concept;
} manifest_info;

typedef struct manifest manifest;

/* NULL when memory ran out. Free with manifest_free. */
manifest *manifest_new(const manifest_info *info);

/* Records the file name (relative to the manifest's folder), the SHA-256
 * of its len bytes and its text fingerprint (NULL when it has none);
 * 0, or -1 when memory ran out. */
int manifest_add(manifest *mf, const char *name, const void *data, size_t len,
                 const char *fingerprint);

/* The manifest as indented UTF-8 JSON ending in a newline, in *data
 * (malloc'd, the caller's) and *len; 0, or -1 when memory ran out. */
int manifest_render(const manifest *mf, unsigned char **data, size_t *len);

void manifest_free(manifest *mf);

/* What a manifest says about one file. */
typedef struct {
    char sha256[65];
    char fingerprint[65]; /* "" when the manifest gives none */
    int found;            /* 0: no file of that name in the manifest */
} manifest_entry;

/* Reads the manifest at path and looks up the file whose name ends in
 * the same file name as document; 0, or -1 with an input error in d when
 * the manifest cannot be read or is not an afspraken manifest. */
int manifest_lookup(const char *path, const char *document, manifest_entry *out, diag_list *d);

#endif
