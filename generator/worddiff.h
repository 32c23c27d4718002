/* Sequence difference (Myers' O(ND) algorithm) and the word tokens the
 * comparison diffs: words, single punctuation marks and runs of white
 * space, so that a change of one word is one token. */
#ifndef AFSPRAKEN_WORDDIFF_H
#define AFSPRAKEN_WORDDIFF_H

#include <stddef.h>
#include <sys/types.h>

typedef enum { DIFF_SAME, DIFF_DELETE, DIFF_INSERT } diff_kind;

/* A run of len elements: SAME covers old[a..a+len) and new[b..b+len);
 * DELETE covers old[a..a+len); INSERT covers new[b..b+len). */
typedef struct {
    diff_kind kind;
    size_t a, b, len;
} diff_op;

/* Whether old element i equals new element j. */
typedef int (*diff_eq_fn)(size_t i, size_t j, void *ctx);

/* A shortest edit script from old (n elements) to new (m elements), in
 * order, adjacent runs of one kind joined; within a stretch of changes
 * the deletions come before the insertions. *ops is the caller's to free
 * (NULL when there are none). Returns the number of ops, or -1 on
 * allocation failure. */
ssize_t diff_run(size_t n, size_t m, diff_eq_fn eq, void *ctx, diff_op **ops);

typedef enum { WORD_TEXT, WORD_PUNCT, WORD_SPACE } word_kind;

typedef struct {
    word_kind kind;
    size_t start, len; /* bytes in the text */
} word_token;

/* Splits UTF-8 text into tokens, appending to *tokens (grown with
 * realloc, *n and *cap updated). Letters and digits of any script make
 * words; every other character (dashes, quotes, the degree sign) is a
 * token of its own; white space runs are one token. Returns 0, or -1 on
 * allocation failure. */
int word_tokens(const char *text, word_token **tokens, size_t *n, size_t *cap);

#endif
