/* `afspraken init`: a commented starter file for a new region, derived
 * from the model, so a coordinator need not open the model file. */
#ifndef AFSPRAKEN_STARTER_H
#define AFSPRAKEN_STARTER_H

#include <stdio.h>

#include "model.h"

/* Writes the starter YAML for a region named name (NULL: left open).
 * A schema path (may be NULL) goes into the first line, where the YAML
 * language server finds the schema that completes and checks the file.
 * Every required value is marked "VERPLICHT (type)" and left empty, so
 * the file does not generate until those are filled in. */
void starter_write(const model *m, const char *name, const char *schema, FILE *out);

#endif
