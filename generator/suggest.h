/* "Bedoelde u ...?": the known name closest to a mistyped one. */
#ifndef AFSPRAKEN_SUGGEST_H
#define AFSPRAKEN_SUGGEST_H

#include <stddef.h>

/* Collects candidates and keeps the closest by edit distance. */
typedef struct {
    const char *word;
    const char *best;
    size_t best_distance;
} suggest;

void suggest_start(suggest *s, const char *word);
void suggest_offer(suggest *s, const char *candidate);
/* The closest candidate when it is close enough to be a typo, else NULL. */
const char *suggest_result(const suggest *s);

#endif
