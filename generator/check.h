/* The model check behind `afspraken controleer`. */
#ifndef AFSPRAKEN_CHECK_H
#define AFSPRAKEN_CHECK_H

#include "diag.h"
#include "model.h"

/* Reports every inconsistency of a loaded model: duplicate ids, unknown
 * or unused fields, spots and terms, terms written without [[ ]],
 * broken references, and every reference or term use that some choice
 * of optional articles or some unfilled optional value would leave
 * dangling. The last is proved from the conditions on each use and each
 * target (alleen_als and the enclosing optional article), so it holds
 * for all combinations at once; that last part only when
 * all_combinations is set. Generating one region skips it: the assembler
 * checks that region's own combination exactly, and a model meant for
 * other regions need not stop this one. */
void model_check(const model *m, int all_combinations, diag_list *diags);

#endif
