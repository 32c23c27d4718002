/* The writers: each renders the assembled document tree into the bytes of
 * one file format. They read only the tree (generator/doc.h); they know
 * nothing of YAML or the model. Writing bytes to disk is atomic_write's
 * job, so a writer never leaves a half-written file behind. */
#ifndef AFSPRAKEN_OUTPUT_H
#define AFSPRAKEN_OUTPUT_H

#include <stddef.h>

#include "../generator/diag.h"
#include "../generator/doc.h"

/* A rendered file. data is malloc'd and owned by whoever holds the
 * buffer; release it with out_buf_free. */
typedef struct {
    unsigned char *data;
    size_t len;
} out_buf;

void out_buf_free(out_buf *buf);

/* Each returns 0 and fills *out, or returns -1 with a DIAG_SYSTEM
 * diagnostic appended and *out left empty. */
int odt_render(const doc_node *doc, out_buf *out, diag_list *diags);
int docx_render(const doc_node *doc, out_buf *out, diag_list *diags);
int md_render(const doc_node *doc, out_buf *out, diag_list *diags);

/* Writes len bytes to path through a temporary file in the same folder,
 * renamed into place only when complete and flushed. Returns 0, or -1
 * with a diagnostic; on failure path is untouched. */
int atomic_write(const char *path, const void *data, size_t len, diag_list *diags);

#endif
