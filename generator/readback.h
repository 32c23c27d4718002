/* Reading an ODT or DOCX back (libzip, libxml2) for verifieer: the
 * paragraphs of its body, in order, and its custom document properties.
 * What is read as text mirrors what the writers put in the body (see
 * fingerprint.h and README.md, "Vingerafdruk"):
 *   - ODT: the text:p and text:h of office:text; DOCX: the w:p of w:body,
 *     also inside tables, sections and content controls;
 *   - not: headers and footers, a table of contents or other index,
 *     automatic list numbers, computed fields (page numbers, dates,
 *     cross-reference results), comments, footnotes, tracked deletions,
 *     text boxes and drawings;
 *   - text:s, text:tab, text:line-break, w:tab and w:br are white space;
 *     w:noBreakHyphen is "-", w:softHyphen nothing. */
#ifndef AFSPRAKEN_READBACK_H
#define AFSPRAKEN_READBACK_H

#include <stddef.h>

#include "diag.h"
#include "doc.h"

typedef struct {
    const char *format; /* "ODT" or "DOCX" */
    char **paras;       /* each paragraph's normalised text */
    size_t n_paras;
    doc_property *props; /* custom properties, in file order */
    size_t n_props;
} readback;

/* Reads path into *out (free with readback_free, also on failure).
 * 0, or -1 with an input error in d when the file is no ODT or DOCX or is
 * damaged, or a system error when it cannot be read. */
int readback_load(const char *path, readback *out, diag_list *d);

/* The value of the property called name, or NULL. */
const char *readback_property(const readback *r, const char *name);

void readback_free(readback *r);

#endif
