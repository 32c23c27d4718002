/* The clause report: a merged tree (compare_merge) read clause by clause,
 * each change typed. The report writers (output/report_*.c) print it as
 * text, Markdown or JSON and know nothing of the model. */
#ifndef AFSPRAKEN_CLAUSE_REPORT_H
#define AFSPRAKEN_CLAUSE_REPORT_H

#include <stddef.h>

#include "doc.h"
#include "model.h"
#include "worddiff.h"

typedef enum {
    CHANGE_OPTIONAL_KEPT,    /* an optional article the newer side keeps */
    CHANGE_OPTIONAL_DROPPED, /* an optional article the newer side leaves out */
    CHANGE_ARTICLE_ADDED,    /* an article new in the model */
    CHANGE_ARTICLE_REMOVED,  /* an article the model no longer has */
    CHANGE_FIELD,            /* a field's value */
    CHANGE_CHOICE,           /* a choice field's text */
    CHANGE_REGIONAL_ADDED,
    CHANGE_REGIONAL_CHANGED,
    CHANGE_REGIONAL_REMOVED,
    CHANGE_MODEL_TEXT,   /* model text of a lid, onderdeel or title */
    CHANGE_TEXT_ADDED,   /* a lid, onderdeel or Deelnemer on the newer side only */
    CHANGE_TEXT_REMOVED, /* ... on the older side only */
    N_CHANGE_KINDS
} change_kind;

/* A run of words: unchanged, deleted or inserted. */
typedef struct {
    diff_kind kind;
    char *text;
} word_run;

typedef struct {
    change_kind kind;
    char *id;        /* field or spot id, or NULL */
    char *where_old; /* "lid 2, onder b"; "" for the article as a whole; */
    char *where_new; /* NULL on the side where it is absent */
    char *old_text;  /* value or text before, NULL when absent */
    char *new_text;  /* after, NULL when absent */
    word_run *runs;  /* word operations (model and regional text changes) */
    size_t n_runs;
} clause_change;

typedef enum { CLAUSE_SAME, CLAUSE_CHANGED, CLAUSE_ADDED, CLAUSE_DROPPED, N_CLAUSE_STATUS } clause_status;

/* An article, an annex, the parties ("Partijen") or the signatures. */
typedef struct {
    doc_kind kind;   /* DOC_ARTICLE, DOC_ANNEX, DOC_HEADING or DOC_SIGNATURES */
    char *id;        /* article or annex id; "partijen", "ondertekening" */
    char *old_label; /* "Artikel 12" on each side; NULL where absent, */
    char *new_label; /* "" when unnumbered */
    char *title;     /* newer title, or the older when dropped */
    clause_status status;
    clause_change *changes;
    size_t n_changes;
} clause;

/* Articles or annexes first_old..last_old that became first_new.. */
typedef struct {
    char *what; /* "artikel", "bijlage" */
    int first_old, last_old, first_new;
} renumbering;

typedef struct {
    clause *clauses;
    size_t n_clauses;
    renumbering *renumbered;
    size_t n_renumbered;
    size_t status_count[N_CLAUSE_STATUS];
    size_t change_count[N_CHANGE_KINDS];
    /* "[vervallen]" places kept for the model's numbering (doc_node
     * dropped) on the older side only [0] and on the newer side only [1]:
     * numbering, never a clause or a change. */
    size_t dropped_places[2];
} clause_report;

/* The models type the changes (whether an article is optional, a field
 * a choice); either may be NULL. A value or regional text whose older
 * side is a placeholder (DOC_PLACEHOLDER: the model text, or a concept)
 * is filled in, not changed. Returns 0, or -1 on allocation failure
 * (report then holds what was made; free it either way). */
int clause_report_build(const doc_node *merged, const model *old_model, const model *new_model,
                        clause_report *report);
void clause_report_free(clause_report *report);

/* Dutch names for the writers: "veldwaarde", "keuze", ... (JSON keys are
 * the *_key forms, stable ASCII). */
const char *change_kind_name(change_kind k);
const char *change_kind_key(change_kind k);
const char *clause_status_name(clause_status s);
const char *clause_status_key(clause_status s);

#endif
