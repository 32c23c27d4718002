/* A zip package built in memory with libzip: members are stored in the
 * order they are added, every member dated with the same fixed time, so
 * the same document gives the same bytes. Shared by the ODT and DOCX
 * packagers. */
#ifndef AFSPRAKEN_PACKAGE_H
#define AFSPRAKEN_PACKAGE_H

#include <time.h>

#include "output.h"

typedef struct package package;

/* NULL with a diagnostic on failure. mtime dates every member. */
package *package_new(time_t mtime, diag_list *diags);

/* Adds a member; the package takes ownership of data (malloc'd) even on
 * failure. stored=1 stores it uncompressed (ODF's mimetype). */
int package_add(package *pkg, const char *name, void *data, size_t len, int stored);

/* The name of a picture in a package: stem and the picture's extension,
 * "Pictures/logo." giving "Pictures/logo.png". */
#define PACKAGE_IMAGE_NAME_SIZE 64
void package_image_name(const char *stem, const doc_image *image, char *buf, size_t size);

/* Adds a copy of image's bytes as the member package_image_name gives,
 * stored: PNG and JPEG are compressed already. 0, or -1 with a
 * diagnostic. */
int package_add_image(package *pkg, const char *stem, const doc_image *image);

/* One XML part of a package and the function that writes it: 0 with
 * malloc'd bytes in *data and *len, or -1. */
typedef struct {
    const char *name;
    int (*write)(const doc_node *doc, void **data, size_t *len);
} package_part;

/* Writes the n parts in order and adds each (deflated). On failure says
 * which part of which format failed and returns -1; the caller still
 * frees the package. */
int package_add_parts(package *pkg, const package_part *parts, size_t n, const doc_node *doc,
                      const char *format);

/* Closes the archive and hands its bytes to *out. The package is freed
 * whatever the result. */
int package_finish(package *pkg, out_buf *out);

/* Frees a package that is not finished. Accepts NULL. */
void package_free(package *pkg);

#endif
