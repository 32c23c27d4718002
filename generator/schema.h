/* `afspraken schema`: a JSON Schema (draft-07) of region files, derived
 * from the loaded model, so that an editor with the YAML language server
 * completes and checks a region file: every key, the optional articles
 * with their toelichting, the fields with their types, bounds and
 * choices, and which values are required. */
#ifndef AFSPRAKEN_SCHEMA_H
#define AFSPRAKEN_SCHEMA_H

#include <stdio.h>

#include "model.h"

/* The file name `make install` gives the schema, beside the model. */
#define SCHEMA_FILE "regio.schema.json"

/* Writes the schema as indented UTF-8 JSON; 0, or -1 when memory ran
 * out or writing failed. */
int schema_write(const model *m, FILE *out);

#endif
