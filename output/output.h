/* The writers: each renders the assembled document tree into the bytes of
 * one file format. They read only the tree (generator/doc.h); they know
 * nothing of YAML or the model. Writing bytes to disk is the file set's
 * job (out_set), so a run never leaves a half-written or mixed set. */
#ifndef AFSPRAKEN_OUTPUT_H
#define AFSPRAKEN_OUTPUT_H

#include <stddef.h>
#include <stdio.h>

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
/* PDF/A-2b through LibreOffice (soffice) from the ODT; needs pdf_available. */
int pdf_render(const doc_node *doc, out_buf *out, diag_list *diags);

/* 1 when soffice is on the PATH. */
int pdf_available(void);

/* Writes s as Markdown text that pandoc reads back as the same text:
 * every character that would start markup escaped. line_start says
 * whether s begins a line, where "-", "+" and "12." would open a list and
 * indentation a code block. (md.c; the Markdown report uses it too.) */
void md_put_escaped(FILE *f, const char *s, int line_start);

/* The files one run writes into one folder, all or nothing. A command
 * renders every file into memory first, adds each buffer, and commits once:
 *
 *     out_set *s = out_set_new(dir);
 *     out_set_add(s, "utrecht.odt", &buf, d);   // takes buf's data
 *     out_set_add(s, "verklaringen/x.pdf", &buf2, d);
 *     if (out_set_commit(s, d) == 0)
 *         for (i < out_set_count(s)) printf("geschreven: %s\n", out_set_path(s, i));
 *     out_set_free(s);
 *
 * out_set_commit creates dir and the subfolders named in the files, takes
 * an flock on dir/.afspraken.lock (a second run into the same folder waits
 * up to 30 s, then fails with a Dutch message), removes the temporaries a
 * killed run left (".<name>.afspraken-tmp" in dir and its subfolders),
 * writes and fsyncs every file under such a temporary name beside its
 * target, and only then renames all of them into place, with SIGINT,
 * SIGTERM and SIGHUP held back, and fsyncs the folders. SIGINT, SIGTERM
 * or SIGHUP before the renames remove the temporaries and end the process
 * by that signal; SIGXFSZ is ignored from the first commit on, so a
 * file-size limit is an error (EFBIG) and not a kill. On any failure before
 * the renames every temporary is removed, the files already in dir are
 * untouched, folders this commit created are removed again, and -1 is
 * returned with DIAG_SYSTEM diagnostics. Only one set is committed at a
 * time in a process (the signal handler knows one set). */
typedef struct out_set out_set;

/* NULL when out of memory. dir must not be empty. Free with out_set_free. */
out_set *out_set_new(const char *dir);

/* Adds the file rel (a path relative to dir of plain names: no "..", no
 * leading or doubled slash) with buf's bytes. The set takes buf->data and
 * leaves *buf empty, also on failure (-1 with a diagnostic). */
int out_set_add(out_set *s, const char *rel, out_buf *buf, diag_list *diags);

/* Writes the whole set as described above; 0 or -1 with diagnostics. */
int out_set_commit(out_set *s, diag_list *diags);

/* The files added, in order, as "dir/rel"; owned by the set. */
size_t out_set_count(const out_set *s);
const char *out_set_path(const out_set *s, size_t i);

/* Frees the set and every buffer it holds; NULL is fine. */
void out_set_free(out_set *s);

#endif
