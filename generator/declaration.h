/* Geheimhoudingsverklaringen as documents of their own. Each annex the
 * model marks 'verklaring: ja' becomes a document tree (DOC_DOCUMENT root)
 * of its own, written by the same writers as the agreement: blank, with
 * lines to fill in by hand, or filled in for one organisation (and
 * person). Its title is the annex's title, its subtitle names the
 * agreement (title, region, date) in the model's words. */
#ifndef AFSPRAKEN_DECLARATION_H
#define AFSPRAKEN_DECLARATION_H

#include <stddef.h>

#include "doc.h"
#include "model.h"

/* The values of one verklaring, per fill_kind (model.h); NULL leaves that
 * line to fill in by hand. Strings belong to the caller. */
typedef struct {
    const char *values[N_FILL_KINDS];
} declaration_fill;

typedef struct {
    doc_node *doc; /* owned */
    char *name;    /* file name without extension, e.g.
                      "geheimhoudingsverklaring-blanco"; owned */
} declaration;

typedef struct {
    declaration *items;
    size_t count, cap;
} declaration_list;

/* Frees every tree and name; the list itself may live on the stack. */
void declaration_list_free(declaration_list *l);

#endif
