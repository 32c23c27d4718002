/* Nearest-name suggestions by Levenshtein distance (see suggest.h). */
#include "suggest.h"

#include <stdlib.h>
#include <string.h>

static size_t edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (lb > 64)
        return (size_t)-1;
    size_t row[65];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

void suggest_start(suggest *s, const char *word)
{
    s->word = word;
    s->best = NULL;
    s->best_distance = (size_t)-1;
}

void suggest_offer(suggest *s, const char *candidate)
{
    size_t d = edit_distance(s->word, candidate);
    if (d < s->best_distance) {
        s->best = candidate;
        s->best_distance = d;
    }
}

const char *suggest_result(const suggest *s)
{
    /* A third of the word's length: "stuurgrop" finds "stuurgroep",
     * "naam" does not find "datum". */
    size_t limit = strlen(s->word) / 3;
    if (limit < 1)
        limit = 1;
    return s->best && s->best_distance <= limit ? s->best : NULL;
}
