/* Prose wrapped to the width of a terminal, for the model overview and
 * the comments of the starter file. */
#ifndef AFSPRAKEN_WRAP_H
#define AFSPRAKEN_WRAP_H

#include <stdio.h>

/* Writes text as lines of at most about width columns, each starting with
 * prefix (first_prefix on the first line), and ends with a newline. */
void wrap_text(FILE *out, const char *first_prefix, const char *prefix, const char *text,
               size_t width);

#endif
