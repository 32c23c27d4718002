/* Shared by the assembler's files (assemble.c builds the tree,
 * choices.c applies the region's choices, references.c resolves the
 * cross-references); not for the writers or main. */
#ifndef AFSPRAKEN_ASSEMBLY_H
#define AFSPRAKEN_ASSEMBLY_H

#include <libxml/hash.h>

#include "assemble.h"

/* A field's value as the document shows it. */
typedef struct {
    int set;
    int given;       /* the region wrote a value, valid or not */
    char *placeholder; /* a required value still open: "[IN TE VULLEN: ...]" */
    int empty;       /* the region wrote the key without a value, at empty_pos */
    src_pos empty_pos;
    char *text;      /* rendered text (malloc'd) */
    const char *key; /* FIELD_CHOICE: the chosen key */
    char **items;    /* list fields: the items as given */
    size_t n_items;
    long date;       /* FIELD_DATE: y * 10000 + m * 100 + d, for comparing */
} field_value;

/* Where a reference target ended up. */
typedef struct {
    int article;  /* article number */
    int lid;      /* lid number, 0 when the article has one lid */
    char item[8]; /* onderdeel letter, "" for a lid or article */
} target;

typedef struct {
    doc_node *node;
    const token *tok;
    const char *from_article; /* id of the article the reference stands in */
} pending_ref;

/* A Deelnemer as the document shows it: each value the region gave, or
 * a placeholder (owned here) where it is still open. */
typedef struct {
    const char *name, *signer, *function; /* never NULL */
    const char *grounds;                  /* NULL when none */
    const model_soort *soort;             /* NULL when unknown (reported) */
    src_pos pos;
    unsigned open; /* DOC_SIG_* bits of the open values */
    char *owned[3];
} member_view;

typedef struct {
    const model *m;
    const region *r;
    diag_list *diags;
    int oom;
    int definitive; /* an open value is an error, not a placeholder */
    const assemble_options *opt;
    /* While a filled-in verklaring is built: its values per fill_kind;
     * NULL otherwise. */
    const char *const *fill;
    member_view *members;
    size_t n_members;
    int *kept; /* per article, in model order */
    const model_article **articles;
    size_t n_articles;
    field_value *values; /* per model field */
    const char **spots;  /* per model spot: the text, or NULL */
    char **spot_open;    /* per model spot: a placeholder while it is open */
    const model_soort **soorten; /* per region member: its soort, or NULL */
    xmlHashTablePtr targets;
    xmlHashTablePtr annex_numbers;
    pending_ref *refs;
    size_t n_refs, cap_refs;
    const char *current_article; /* while its leden are built */
    int model_text;              /* see assemble_options */
} ctx;

/* An input error at p; sets c->oom when it cannot be stored. */
void input_error(ctx *c, src_pos p, const char *hint, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* A warning at p: reported, but the documents are still written. */
void input_warning(ctx *c, src_pos p, const char *hint, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* "Bedoelde u 'x'?" for a hint, or NULL; caller frees. */
char *hint_for(const char *best);
/* Index in c->articles, or (size_t)-1. */
size_t article_index(const ctx *c, const char *id);
size_t field_index(const ctx *c, const model_field *f);

/* A value the region has not filled in yet, named by what: in a concept
 * a warning, in a definitive document an error; fmt says which value.
 * Returns the placeholder "[IN TE VULLEN: what]" (caller frees), or NULL
 * with c->oom set. */
char *open_value(ctx *c, src_pos p, const char *what, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* assemble.c: the pieces a verklaring is built from as well. */
void add_rich(ctx *c, doc_node *parent, const rich_text *t);
void add_leden(ctx *c, doc_node *parent, const model_item *leden, size_t n, const char *art_id,
               int art_no, int number_leden);
void build_meta(ctx *c, doc_node *doc, const assemble_options *opt);
int render_rich_plain(ctx *c, const rich_text *t, char **out);

/* declaration.c: the verklaringen (assemble_with_declarations), and the
 * value of a line to fill in while one is built. */
void build_declarations(ctx *c, const declaration_fill *one, declaration_list *out);
void fill_in(ctx *c, doc_node *line, const model_item *it);

/* choices.c: which optional articles stay, field values, regional text,
 * the Deelnemers, and whether a condition or a lid holds under them. */
void choose_articles(ctx *c);
void fill_members(ctx *c);
void fill_fields(ctx *c);
void fill_spots(ctx *c);
/* Checks raw against the field's type and renders it into out; an
 * error is reported at pos. 0 or -1. */
int render_scalar(ctx *c, const model_field *f, const char *raw, src_pos pos, field_value *out);

/* Whether built-in field id takes its value from the model itself (its
 * name, version, date, reference); *raw is then that value, maybe NULL. */
int model_builtin(const model *m, const char *id, const char **raw);

/* model_text.c: the model text's placeholders for every field and spot. */
void fill_model_text(ctx *c);
/* "[id: omschrijving]" for a field or spot; caller frees; NULL on no memory. */
char *placeholder(const char *id, const char *description);
int holds(const ctx *c, const condition *cond);
int filled(const ctx *c, const model_field *f);
int item_included(const ctx *c, const model_item *it);

/* members.c: the Deelnemers' soorten (art. 2.27 WGS), fields that name a
 * Deelnemer, and the warnings about who is missing. */
void resolve_members(ctx *c);
/* The lid of art. 2.27 WGS of member i: 1, 2, or 0 when its soort is
 * unknown (reported). */
int member_lid(const ctx *c, size_t i);
/* The wording of {{aantal:ID|een|meer}} for this region: the first when
 * the counter counts exactly one Deelnemer, the second otherwise (also
 * while the Deelnemers are still open). NULL for a counter or number of
 * wordings the model check refuses. */
const rich_text *count_choice(const ctx *c, const token *k);
/* Checks that raw names a Deelnemer (of lid f->member_lid when set);
 * reports at pos and returns -1 otherwise. While a Deelnemer's name is
 * still open the check waits: 0. */
int named_member(ctx *c, const model_field *f, const char *raw, src_pos pos);
/* After the fields are filled: each gemeente of a soort per gemeente names
 * a gemeente of the werkgebied; warnings for missing Deelnemers and for
 * dates before their lower bounds. */
void check_members(ctx *c);

/* paragraphs.c: every blank line of regional text under n ("\n" from the
 * region loader) ends its paragraph; the rest of the block goes into
 * DOC_CONTINUATION blocks. A break inside a sentence of the model is an
 * input error at the regional text. */
void split_paragraphs(ctx *c, doc_node *n);

/* references.c: where each target ended up, and the references' text. */
void record_target(ctx *c, const char *art, const char *lid, const char *item, int art_no,
                   int lid_no, const char *letter);
void resolve_refs(ctx *c);
/* xmlHashFree deallocator for the target and annex tables. */
void free_entry(void *payload, const xmlChar *name);

#endif
