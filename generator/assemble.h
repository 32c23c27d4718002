/* Assembly: the model and one region's choices become the document tree.
 * Drops what the region does not keep, numbers what remains, fills fields
 * and resolves every cross-reference to its final number. */
#ifndef AFSPRAKEN_ASSEMBLE_H
#define AFSPRAKEN_ASSEMBLE_H

#include <time.h>

#include "declaration.h"
#include "diag.h"
#include "doc.h"
#include "model.h"
#include "region.h"

typedef struct {
    /* Date for document properties and zip members; (time_t)-1 means
     * the region's signing date (or the model's date). */
    time_t timestamp;
    /* 0: a concept, where every value the region has not filled in yet is
     * a warning and a placeholder; 1: definitive, where each is an error. */
    int definitive;
    /* The model text itself instead of the region's choices: every
     * optional article and every variant of a choice present, each field
     * and regional text a labelled placeholder ("[zvh_naam: naam van het
     * Zorg- en Veiligheidshuis]"). The region gives only its Deelnemers
     * and its date; its other values are not read or checked. */
    int model_text;
} assemble_options;

/* Returns the tree (caller frees with doc_free), or NULL when the region
 * has input errors (all of them in diags) or memory ran out. A concept
 * may have warnings in diags, one per open value. */
doc_node *assemble(const model *m, const region *r, const assemble_options *opt, diag_list *diags);

/* As assemble, and the geheimhoudingsverklaringen beside the agreement
 * into *out. With one NULL: a blank verklaring per verklaring annex the
 * region keeps, and one filled in per organisation of the annex's 'per'
 * field. With one: only the verklaring for one->values[FILL_ORGANISATION],
 * filled in with one's values: the annex whose 'per' field lists that
 * organisation, or else the first annex without 'per'. On failure the
 * tree is NULL and *out empty. */
doc_node *assemble_with_declarations(const model *m, const region *r, const assemble_options *opt,
                                     const declaration_fill *one, declaration_list *out,
                                     diag_list *diags);

#endif
