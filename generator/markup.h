/* Inline markup of model text, scanned with PCRE2: fields, regional text
 * spots, defined terms and cross-references (syntax in model/README.md).
 * Only model text is ever scanned; region values never are. */
#ifndef AFSPRAKEN_MARKUP_H
#define AFSPRAKEN_MARKUP_H

#include <stddef.h>

#include "arena.h"
#include "diag.h"
#include "yamlin.h"

typedef enum {
    TOK_TEXT,  /* literal text in text */
    TOK_FIELD, /* {{veld:ID}}: id in arg[0] */
    TOK_SPOT,  /* {{regio:ID}}: id in arg[0] */
    TOK_TERM,  /* [[Vorm]]: the form as written in text */
    TOK_REF,   /* {{art:A.L.O}}: arg[0..2], unused parts NULL */
    TOK_ANNEX, /* {{bijlage:ID}}: id in arg[0] */
    TOK_COUNT  /* {{aantal:ID|een|meer}}: counter id in arg[0], the
                * alternatives (each full markup) in alts */
} token_kind;

struct rich_text;

typedef struct {
    token_kind kind;
    char *text; /* the literal text, or the markup as written */
    char *arg[3];
    src_pos pos; /* where the markup starts, as near as YAML lets us say */
    struct rich_text *alts; /* TOK_COUNT: n_alts texts, in the arena */
    size_t n_alts;
} token;

typedef struct rich_text {
    token *tokens;
    size_t count;
    src_pos pos; /* the scalar that held the text */
} rich_text;

/* A counter of {{aantal:ID|een|meer}}: the Deelnemers it counts, by lid
 * of art. 2.27 WGS (0: all of them). */
typedef struct {
    const char *id;
    int lid;
} markup_counter;

/* The counter named id, or NULL; static storage. */
const markup_counter *markup_find_counter(const char *id);

/* Compiles the pattern once; call before markup_scan. 0 or -1. */
int markup_init(diag_list *diags);
/* Releases the pattern; main calls it once before the program ends. */
void markup_done(void);

/* How the text's characters map to columns in the file. */
typedef enum {
    LAYOUT_START_ONLY,   /* folded or escaped: only the start is known */
    LAYOUT_EXACT,        /* one line, one column per character */
    LAYOUT_SINGLE_QUOTED /* one line, and each ' was written as '' */
} text_layout;

/* Splits text into tokens allocated from a. Malformed markup (unknown
 * kind, unclosed or stray braces, empty id, a count inside a count) is
 * reported at its position
 * (pos is where the text's first character stands) and the text is kept
 * literally. Returns 0, or -1 when memory ran out. */
int markup_scan(const char *text, src_pos pos, text_layout layout, arena *a, diag_list *diags,
                rich_text *out);

#endif
