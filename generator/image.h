/* Reading a picture a region puts on the title page: the file is read
 * once, and its type and pixel size come from its header bytes (PNG
 * signature and IHDR chunk, JPEG SOI and SOF marker), never from its
 * name. Nothing is decoded; the writers embed the bytes as they are. */
#ifndef AFSPRAKEN_IMAGE_H
#define AFSPRAKEN_IMAGE_H

#include <stddef.h>

#include "arena.h"
#include "diag.h"
#include "doc.h"
#include "yamlin.h"

/* A logo is a few hundred pixels: 2 MB holds a large one with room to
 * spare, and keeps every document that embeds it small. */
#define IMAGE_MAX_BYTES (2u * 1024 * 1024)
/* Larger sides make LibreOffice and Word decode hundreds of megabytes
 * for a picture shown 2 cm high. */
#define IMAGE_MAX_SIDE 8000
/* A longer side more than this many times the shorter one would show as
 * a hairline at the house style's logo size. */
#define IMAGE_MAX_RATIO 20

/* Fills type, width_px and height_px of out from the bytes, or reports
 * an input error at `at` naming the picture `shown` and returns -1.
 * Leaves out's other members alone. */
int image_identify(const unsigned char *data, size_t len, doc_image *out, const char *shown,
                   src_pos at, diag_list *diags);

/* Reads the regular file path (at most IMAGE_MAX_BYTES) into memory of
 * arena a and identifies it: 0 with data, len, type and pixel size set,
 * or -1 with an input error at `at` that names the file as shown (the
 * region's own spelling); system errors only when memory runs out. */
int image_read(const char *path, const char *shown, src_pos at, arena *a, doc_image *out,
               diag_list *diags);

#endif
