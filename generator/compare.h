/* Comparison of two assembled document trees, matched by the stable ids
 * of parts, articles, leden, onderdelen and annexes (never by position or
 * number). */
#ifndef AFSPRAKEN_COMPARE_H
#define AFSPRAKEN_COMPARE_H

#include <time.h>

#include "doc.h"

/* The merged, change-marked tree of older and newer (see doc_change in
 * doc.h): a new tree the caller frees with doc_free; the inputs are not
 * changed. Its meta is the newer's, with change_author set to author and
 * change_date to date. NULL on allocation failure. */
doc_node *compare_merge(const doc_node *older, const doc_node *newer,
                        const char *author, time_t date);

/* Whether a merged tree has any change mark, label or title change. */
int compare_differs(const doc_node *merged);

#endif
