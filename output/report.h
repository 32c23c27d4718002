/* Writers of the clause report (generator/clause_report.h) and the
 * coordinator's actions: text for the terminal, Markdown, and JSON with
 * the stable structure README.md documents. Like the document writers
 * they read only what they are given. */
#ifndef AFSPRAKEN_REPORT_H
#define AFSPRAKEN_REPORT_H

#include "../generator/clause_report.h"
#include "../generator/update.h"
#include "output.h"

typedef struct {
    const char *kind;     /* "model", "versies" or "modelupdate" */
    const char *old_name; /* how each side is named to the reader */
    const char *new_name;
    const clause_report *report;
    const action_list *actions; /* NULL outside a model update */
    int differs;                /* the documents differ (compare_differs) */
} report_input;

/* Text, or Markdown when markdown; nothing at all when there is no
 * difference and no action, as diff(1). 0, or -1 with a DIAG_SYSTEM
 * diagnostic. */
int report_text_render(const report_input *in, int markdown, out_buf *out, diag_list *diags);
int report_json_render(const report_input *in, out_buf *out, diag_list *diags);

#endif
