/* One region's choices as loaded from regions/NAME.yaml: the Deelnemers,
 * which optional articles are kept, field values and regional text.
 * Loading checks only the file's own structure; whether its ids and
 * values fit the model is checked by the assembler. Memory belongs to
 * the region's arena; region_free releases it. */
#ifndef AFSPRAKEN_REGION_H
#define AFSPRAKEN_REGION_H

#include <stddef.h>

#include "arena.h"
#include "diag.h"
#include "doc.h"
#include "yamlin.h"

/* A value the region has not filled in yet is NULL and has an "open"
 * position: where it belongs (file NULL when it is filled in, or wrong,
 * which the loader reports). A concept shows a placeholder there. */
typedef struct {
    char *name;
    char *soort;    /* id of a soort in the model; checked by the assembler */
    char *gemeente; /* for a soort per gemeente (burgemeester, college) */
    src_pos soort_pos, gemeente_pos;
    src_pos open_gemeente; /* where the gemeente belongs while it is open */
    char *signer_name;
    char *signer_function;
    char *signer_grounds; /* grondslag: "krachtens mandaat van ..."; NULL when none */
    src_pos pos;
    src_pos open_name, open_signer_name, open_signer_function;
} region_member;

typedef struct {
    char *id;
    int keep;
    src_pos pos;
} region_choice;

/* A field value: a scalar, or a list of scalars. */
typedef struct {
    char *id;
    char *scalar; /* NULL for a list */
    char **items;
    src_pos *item_pos;
    size_t n_items;
    int is_list;
    int empty;       /* written without a value: still open */
    src_pos pos;     /* the value */
    src_pos key_pos; /* the key, for "unknown field" */
} region_value;

typedef struct {
    char *id;
    char *text; /* NULL when written without text: still open */
    src_pos pos;
    src_pos key_pos;
} region_text;

typedef struct {
    arena arena;
    const char *file;
    char *name;
    char *slug;    /* bestandsnaam, or NULL to derive from name */
    char *manager; /* beheerorganisatie */
    char *sign_place; /* both NULL: each Deelnemer signs apart */
    char *sign_date;  /* JJJJ-MM-DD, checked */
    int model_numbering; /* nummering: model keeps the model's numbers */
    src_pos numbering_pos;
    int no_toc;          /* inhoudsopgave: nee */
    char *font;          /* lettertype, checked against the house style's */
    doc_image logo;      /* logo, read and checked; data NULL when none.
                            Pixel size only: the assembler sizes it */
    src_pos name_pos, manager_pos, sign_date_pos, values_pos, members_pos;
    src_pos open_name, open_manager, open_members;
    region_member *members; /* none, with open_members set, when the */
    size_t n_members;       /* region lists no Deelnemer yet */
    region_choice *choices;
    size_t n_choices;
    region_value *values;
    size_t n_values;
    region_text *texts;
    size_t n_texts;
} region;

/* Returns a region (free with region_free) or NULL when the file could
 * not be read at all or memory ran out; input errors go to diags. */
region *region_load(const char *path, diag_list *diags);
void region_free(region *r);

/* The folder and file name for a region: its bestandsnaam, or its name
 * folded to lowercase ASCII with dashes. Caller frees; NULL on no memory. */
char *region_slug(const region *r);

/* text folded to lowercase ASCII with dashes, for a file name; fallback
 * when nothing of it is left. Caller frees; NULL on no memory. */
char *slug_of(const char *text, const char *fallback);

#endif
