/* The national model as loaded from the model file: fields, regional text
 * spots, terms, parts with articles, and annexes. All memory belongs to
 * the model's arena; model_free releases it. */
#ifndef AFSPRAKEN_MODEL_H
#define AFSPRAKEN_MODEL_H

#include <stddef.h>

#include "arena.h"
#include "diag.h"
#include "markup.h"
#include "yamlin.h"

typedef enum { COND_NONE, COND_ARTICLE, COND_NOT_ARTICLE, COND_FIELD } cond_kind;

/* alleen_als: an optional article kept, dropped, or a choice field's value. */
typedef struct {
    cond_kind kind;
    char *ref;   /* article id or field id */
    char *value; /* COND_FIELD: the choice key */
    src_pos pos;
} condition;

typedef enum {
    FIELD_TEXT,
    FIELD_NUMBER,
    FIELD_DATE,
    FIELD_CHOICE,
    FIELD_ORGS,
    FIELD_LIST,
    FIELD_MEMBER /* the name of one of the region's Deelnemers */
} field_type;

typedef struct {
    char *key;
    char *text;
} choice;

typedef struct {
    char *id;
    field_type type;
    char *description;
    char *short_name; /* aanduiding: names the value in a placeholder; NULL
                         to use the description */
    int required;
    int builtin;     /* filled from the region's fixed keys */
    long min, max;   /* FIELD_NUMBER */
    choice *choices; /* FIELD_CHOICE */
    size_t n_choices;
    char *default_value; /* scalar types only; NULL when none */
    char *unit[2];       /* FIELD_NUMBER: singular and plural ("maand",
                            "maanden"); NULL when the number stands alone */
    int member_lid;      /* FIELD_MEMBER: 1 or 2 when only Deelnemers of
                            that lid of art. 2.27 WGS may be named; else 0 */
    char **not_before;   /* FIELD_DATE: dates (JJJJ-MM-DD) or ids of date
                            fields the value should not precede; a warning */
    size_t n_not_before;
    src_pos pos;
} model_field;

/* A kind of Deelnemer the law names (art. 2.27 WGS), as model data: the
 * region gives each Deelnemer a soort, from which its lid follows. */
typedef struct {
    char *id;
    char *name;       /* the law's wording, e.g. "de burgemeester" */
    int lid;          /* 1: eerste lid (public, joint controller); 2: tweede */
    int per_gemeente; /* one per gemeente of the werkgebied */
    char *reference;  /* after the Deelnemer in `lijst: deelnemers`, or NULL */
    src_pos pos;
} model_soort;

typedef struct {
    char *id;
    char *description;
    char *short_name; /* as for a field */
    int required;
    char *default_text;
    src_pos pos;
} model_spot;

typedef struct {
    char *id;
    char *term;
    char **forms; /* other forms, besides term */
    size_t n_forms;
    rich_text definition;
    condition cond;
    src_pos pos;
} model_term;

/* What a line of a verklaring takes when it is filled in (invullen:);
 * FILL_NONE for any other line. The line's text ends with the fill line
 * (ondertekening: invullijn), which a value replaces. */
typedef enum { FILL_NONE, FILL_NAME, FILL_ORGANISATION, FILL_FUNCTION, FILL_DATE, FILL_REFERENCE } fill_kind;
#define N_FILL_KINDS 6

/* A lid, or an onderdeel of a lid (items nest one level further). */
typedef struct model_item model_item;
struct model_item {
    char *id;
    fill_kind fill;
    rich_text text;
    condition cond;
    char *list_field; /* lijst: items from a list field or "deelnemers" */
    int term_list;    /* begrippenlijst: ja */
    model_item *items;
    size_t n_items;
    src_pos pos;
};

typedef struct {
    char *id;
    char *title;
    int optional;
    int numbered;
    char *explanation; /* toelichting: when a region keeps it */
    model_item *leden;
    size_t n_leden;
    src_pos pos;
} model_article;

typedef struct {
    char *id;
    char *title;
    model_article *articles;
    size_t n_articles;
    src_pos pos;
} model_part;

typedef struct {
    char *id;
    char *title;
    condition cond;
    /* verklaring: ja: also a document of its own (a geheimhoudingsverklaring),
     * blank, and filled in per organisation of the list field per_field
     * (per:) when it has one. */
    int declaration;
    char *per_field;
    model_item *leden;
    size_t n_leden;
    src_pos pos;
} model_annex;

/* The region file's fixed values a concept may leave open. */
enum open_value { OPEN_REGION, OPEN_MANAGER, OPEN_MEMBER, OPEN_SIGNER, OPEN_FUNCTION };

typedef struct {
    arena arena;
    const char *file;
    /* This text, the model file's own (model: naam, versie, datum), and the
     * reference whose structure it follows (model: referentie:). */
    char *name, *version, *date;
    char *ref_name, *ref_date, *ref_set_by;
    rich_text title, subtitle; /* subtitle: count 0 when there is none */
    rich_text parties_intro, parties_closing, signing_text;
    /* Fixed wording of the document's frame, from the model so that the
     * engine holds no text of the agreement: */
    char *parties_heading; /* "Partijen" */
    char *toc_heading;     /* "Inhoud"; NULL: no table of contents */
    char *represented_by;  /* "te dezen vertegenwoordigd door" */
    char *signing_heading; /* "Ondertekening" */
    char *on_behalf;       /* "Namens" */
    rich_text signing_apart; /* the signing text when each Deelnemer signs
                                apart; count 0 when there is none */
    char *sign_place, *sign_date; /* "Plaats:", "Datum:" before a fill line */
    char *fill_line;              /* a line to fill in by hand */
    /* What names the agreement in a verklaring of its own, with and
     * without a signing date for all. */
    rich_text declaration_of, declaration_of_undated;
    /* A concept's furniture: the mark on every page ("CONCEPT"), the
     * words of a placeholder ("IN TE VULLEN"), and what a placeholder
     * names for the region file's fixed values (enum open_value). */
    char *concept_mark, *to_fill;
    char *open_names[5];
    char *fingerprint_label; /* "Vingerafdruk" in the footer; may be NULL */
    char *member_group[2]; /* after a Deelnemer in `lijst: deelnemers`,
                              per WGS lid; NULL for nothing */
    char *dropped_title; /* "[vervallen]", for `nummering: model`; or NULL */
    model_soort *soorten;
    size_t n_soorten;
    char *werkgebied;  /* id of the field listing the werkgebied's gemeenten */
    src_pos werkgebied_pos;
    model_field *fields;
    size_t n_fields;
    model_spot *spots;
    size_t n_spots;
    model_term *terms;
    size_t n_terms;
    model_part *parts;
    size_t n_parts;
    model_annex *annexes;
    size_t n_annexes;
    char **proper_names; /* eigennamen: words written with a capital that
                            are no defined term (parts of names of laws,
                            bodies and documents) */
    size_t n_proper_names;
} model;

/* Loads and checks the file's structure; every problem goes to diags.
 * Returns a model (caller frees with model_free) or NULL when the file
 * could not be read at all or memory ran out. A returned model may still
 * have input errors in diags: callers test diag_error_count. */
model *model_load(const char *path, diag_list *diags);
void model_free(model *m);

/* Lookups; NULL when absent. */
const model_field *model_find_field(const model *m, const char *id);
const model_spot *model_find_spot(const model *m, const char *id);
const model_article *model_find_article(const model *m, const char *id);
const model_annex *model_find_annex(const model *m, const char *id);
const model_soort *model_find_soort(const model *m, const char *id);
/* The term whose term or one of whose forms is form. */
const model_term *model_find_term(const model *m, const char *form);
const model_item *model_find_item(const model_item *items, size_t n, const char *id);

const char *field_type_name(field_type t);

/* Whether a and b never hold together: "x" and "niet x", or two
 * different values of one choice field. */
int conditions_exclude(const condition *a, const condition *b);

/* How many siblings from items[i] on form one place (slot) in the model's
 * numbering: a run of consecutive siblings whose conditions exclude each
 * other pairwise is one set of alternatives, sharing one number (see
 * "Alternatieven" in model/README.md); otherwise 1. i < n. */
size_t model_slot_length(const model_item *items, size_t n, size_t i);

/* "alleen_als: ..." as the model file writes it, into buf; returns buf. */
const char *condition_text(const condition *c, char *buf, size_t size);

#endif
