/* `afspraken model`: the model as a coordinator needs to see it. */
#ifndef AFSPRAKEN_DESCRIBE_H
#define AFSPRAKEN_DESCRIBE_H

#include <stdio.h>

#include "model.h"

/* Writes the parts, articles (numbered as if every optional article were
 * kept, with why a region keeps an optional one), fields, regional text
 * spots and annexes, in Dutch. */
void model_describe(const model *m, FILE *out);

#endif
