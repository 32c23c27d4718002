/* What a coordinator must do in a region file when the national model
 * moves from one version to the next: articles, fields and regional text
 * spots that are new, gone or changed in a way the region's file must
 * follow. */
#ifndef AFSPRAKEN_UPDATE_H
#define AFSPRAKEN_UPDATE_H

#include <stddef.h>

#include "model.h"
#include "region.h"

typedef enum {
    ACTION_ARTICLE_GONE,    /* an optional article the new model no longer has */
    ACTION_ARTICLE_NEW,     /* a new optional article: choose */
    ACTION_FIELD_REQUIRED,  /* a field the new model requires and the file lacks */
    ACTION_FIELD_UNFIT,     /* the file's value no longer fits the field */
    ACTION_FIELD_GONE,      /* the file fills a field the new model lacks */
    ACTION_SPOT_NEW,        /* a new regional text spot */
    ACTION_SPOT_GONE,       /* a spot the new model lacks */
    N_ACTION_KINDS
} action_kind;

typedef struct {
    action_kind kind;
    char *id;
    char *text;        /* what to do, in Dutch, one sentence or two */
    char *explanation; /* toelichting of a new optional article, or NULL */
    src_pos pos;       /* the line in the region file, file NULL when none */
} coord_action;

typedef struct {
    coord_action *items;
    size_t n;
} action_list;

/* The actions for region r moving from model a to model b. 0, or -1 on
 * allocation failure (list then holds what was made; free it either way). */
int update_actions(const model *a, const model *b, const region *r, action_list *list);
void action_list_free(action_list *list);

/* "optioneel_artikel_vervallen", ...: stable keys for JSON. */
const char *action_kind_key(action_kind k);

/* The region's values for model b without what b cannot take (an
 * unknown article, field or spot, a value that no longer fits): a
 * shallow copy borrowing r's strings, for assembling under b while the
 * coordinator has not yet followed the actions. Free with free(). */
region *update_region_view(const model *b, const region *r);

#endif
