/* Assembling the document tree from the model and a region (see
 * assemble.h). Two passes: the first builds the tree and records where
 * every article, lid and onderdeel ended up; the second fills in the
 * cross-references, so a reference may point forward. */
#define _GNU_SOURCE
#include "assemble.h"

#include <errno.h>
#include <libxml/hash.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dutch.h"
#include "suggest.h"

/* A field's value as the document shows it. */
typedef struct {
    int set;
    int given;       /* the region wrote a value, valid or not */
    char *text;      /* rendered text (malloc'd) */
    const char *key; /* FIELD_CHOICE: the chosen key */
    char **items;    /* list fields: the items as given */
    size_t n_items;
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

typedef struct {
    const model *m;
    const region *r;
    diag_list *diags;
    int oom;
    int *kept; /* per article, in model order */
    const model_article **articles;
    size_t n_articles;
    field_value *values; /* per model field */
    const char **spots;  /* per model spot: the text, or NULL */
    xmlHashTablePtr targets;
    xmlHashTablePtr annex_numbers;
    pending_ref *refs;
    size_t n_refs, cap_refs;
    const char *current_article; /* while its leden are built */
} ctx;

static void input_error(ctx *c, src_pos p, const char *hint, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void input_error(ctx *c, src_pos p, const char *hint, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vadd(c->diags, DIAG_ERROR, DIAG_INPUT, p.file, p.line, p.column, hint, fmt, ap);
    va_end(ap);
}

/* "Bedoelde u 'x'?" for a hint, or NULL; caller frees. */
static char *hint_for(const char *best)
{
    char *h = NULL;
    if (best && asprintf(&h, "Bedoelde u '%s'?", best) < 0)
        h = NULL;
    return h;
}

static size_t article_index(const ctx *c, const char *id)
{
    for (size_t i = 0; i < c->n_articles; i++)
        if (c->articles[i]->id && !strcmp(c->articles[i]->id, id))
            return i;
    return (size_t)-1;
}

static size_t field_index(const ctx *c, const model_field *f)
{
    return (size_t)(f - c->m->fields);
}

/* ---- the region's choices ---- */

static void choose_articles(ctx *c)
{
    for (size_t i = 0; i < c->n_articles; i++)
        c->kept[i] = 1;
    for (size_t i = 0; i < c->r->n_choices; i++) {
        const region_choice *ch = &c->r->choices[i];
        if (!ch->id)
            continue;
        size_t a = article_index(c, ch->id);
        if (a == (size_t)-1) {
            suggest s;
            suggest_start(&s, ch->id);
            for (size_t j = 0; j < c->n_articles; j++)
                if (c->articles[j]->optional)
                    suggest_offer(&s, c->articles[j]->id);
            char *hint = hint_for(suggest_result(&s));
            input_error(c, ch->pos, hint ? hint : "'afspraken model' toont de optionele artikelen.",
                        "onbekend artikel '%s'", ch->id);
            free(hint);
        } else if (!c->articles[a]->optional) {
            if (!ch->keep)
                input_error(
                    c, ch->pos,
                    "Alleen optionele artikelen kunnen worden weggelaten; 'afspraken model' toont welke.",
                    "artikel '%s' is niet optioneel en kan niet worden weggelaten", ch->id);
            else
                diag_add(c->diags, DIAG_WARNING, DIAG_INPUT, ch->pos.file, ch->pos.line,
                         ch->pos.column, "Deze regel kan weg.",
                         "artikel '%s' is niet optioneel en staat er altijd in", ch->id);
        } else {
            c->kept[a] = ch->keep;
        }
    }
}

static char *enumeration(char *const *items, size_t n)
{
    size_t len = 1;
    for (size_t i = 0; i < n; i++)
        len += strlen(items[i]) + 4;
    char *s = malloc(len);
    if (!s)
        return NULL;
    s[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (i)
            strcat(s, i + 1 == n ? " en " : ", ");
        strcat(s, items[i]);
    }
    return s;
}

/* Checks raw against the field's type and renders it; reports at pos. */
static int render_scalar(ctx *c, const model_field *f, const char *raw, src_pos pos,
                         field_value *out)
{
    char buf[64];
    switch (f->type) {
    case FIELD_TEXT:
        out->text = strdup(raw);
        break;
    case FIELD_NUMBER: {
        char *end;
        errno = 0;
        long v = strtol(raw, &end, 10);
        if (!*raw || *end) {
            input_error(c, pos, "Schrijf een geheel getal, zonder eenheid.",
                        "'%s' is geen geheel getal (veld '%s')", raw, f->id);
            return -1;
        }
        if (errno == ERANGE || v < f->min || v > f->max) {
            input_error(c, pos, NULL,
                        "%s ligt buiten de grenzen van veld '%s': van %ld tot en met %ld", raw,
                        f->id, f->min, f->max);
            return -1;
        }
        snprintf(buf, sizeof buf, "%ld", v);
        out->text = strdup(buf);
        break;
    }
    case FIELD_DATE: {
        int y, m, d;
        if (dutch_parse_date(raw, &y, &m, &d)) {
            input_error(c, pos, "Schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2026-01-15.",
                        "'%s' is geen geldige datum (veld '%s')", raw, f->id);
            return -1;
        }
        dutch_format_date(y, m, d, buf, sizeof buf);
        out->text = strdup(buf);
        break;
    }
    case FIELD_CHOICE: {
        suggest s;
        suggest_start(&s, raw);
        for (size_t i = 0; i < f->n_choices; i++) {
            if (f->choices[i].key && !strcmp(f->choices[i].key, raw)) {
                out->key = f->choices[i].key;
                out->text = strdup(f->choices[i].text);
                break;
            }
            if (f->choices[i].key)
                suggest_offer(&s, f->choices[i].key);
        }
        if (!out->key) {
            size_t len = 0;
            for (size_t i = 0; i < f->n_choices; i++)
                len += strlen(f->choices[i].key) + 4;
            char *list = malloc(len + 1), *h = NULL;
            if (list) {
                list[0] = '\0';
                for (size_t i = 0; i < f->n_choices; i++)
                    strcat(strcat(strcat(list, i ? ", '" : "'"), f->choices[i].key), "'");
            }
            const char *best = suggest_result(&s);
            if ((best ? asprintf(&h, "Bedoelde u '%s'? Mogelijk: %s.", best, list ? list : "")
                      : asprintf(&h, "Mogelijk: %s.", list ? list : "")) < 0)
                h = NULL;
            input_error(c, pos, h, "'%s' is geen keuze van veld '%s'", raw, f->id);
            free(h);
            free(list);
            return -1;
        }
        break;
    }
    case FIELD_ORGS:
    case FIELD_LIST:
        input_error(c, pos, "Schrijf elk element op een eigen regel, beginnend met '- '.",
                    "veld '%s' verwacht een lijst", f->id);
        return -1;
    }
    if (!out->text) {
        c->oom = 1;
        return -1;
    }
    out->set = 1;
    return 0;
}

static void set_list(ctx *c, char **items, size_t n, field_value *out)
{
    out->items = items;
    out->n_items = n;
    out->text = enumeration(items, n);
    if (!out->text)
        c->oom = 1;
    else
        out->set = 1;
}

static void fill_fields(ctx *c)
{
    const model *m = c->m;
    const region *r = c->r;
    for (size_t i = 0; i < r->n_values; i++) {
        const region_value *v = &r->values[i];
        if (!v->id)
            continue;
        const model_field *f = model_find_field(m, v->id);
        if (!f) {
            suggest s;
            suggest_start(&s, v->id);
            for (size_t j = 0; j < m->n_fields; j++)
                if (!m->fields[j].builtin)
                    suggest_offer(&s, m->fields[j].id);
            char *hint = hint_for(suggest_result(&s));
            input_error(c, v->key_pos, hint ? hint : "'afspraken model' toont de velden.",
                        "onbekend veld '%s'", v->id);
            free(hint);
            continue;
        }
        if (f->builtin) {
            input_error(c, v->key_pos,
                        "Dit veld komt uit een vaste sleutel bovenin het regiobestand.",
                        "veld '%s' vult u niet onder 'velden'", v->id);
            continue;
        }
        field_value *out = &c->values[field_index(c, f)];
        if (out->given)
            continue; /* a key given twice: the loader reported it */
        out->given = 1;
        if (f->type == FIELD_ORGS || f->type == FIELD_LIST) {
            if (!v->is_list) {
                input_error(c, v->pos,
                            "Schrijf elk element op een eigen regel, beginnend met '- '.",
                            "veld '%s' verwacht een lijst", f->id);
                continue;
            }
            if (!v->n_items) {
                input_error(c, v->pos, NULL, "de lijst van veld '%s' is leeg", f->id);
                continue;
            }
            int ok = 1;
            for (size_t j = 0; j < v->n_items; j++)
                ok &= v->items[j] != NULL;
            if (ok)
                set_list(c, v->items, v->n_items, out);
        } else if (v->is_list) {
            input_error(c, v->pos, NULL, "veld '%s' verwacht één waarde (%s), geen lijst", f->id,
                        field_type_name(f->type));
        } else if (v->scalar) {
            render_scalar(c, f, v->scalar, v->pos, out);
        }
    }
    /* Built-in fields from the region's fixed keys. */
    for (size_t i = 0; i < m->n_fields; i++) {
        const model_field *f = &m->fields[i];
        field_value *out = &c->values[i];
        if (!f->builtin)
            continue;
        const char *raw = NULL;
        if (!strcmp(f->id, "regio"))
            raw = r->name;
        else if (!strcmp(f->id, "beheerorganisatie"))
            raw = r->manager;
        else if (!strcmp(f->id, "plaats"))
            raw = r->sign_place;
        else if (!strcmp(f->id, "datum"))
            raw = r->sign_date;
        if (raw) {
            render_scalar(c, f, raw, r->name_pos, out);
        } else if (!strcmp(f->id, "deelnemers") && r->n_members) {
            char **names = calloc(r->n_members, sizeof *names);
            if (!names) {
                c->oom = 1;
                continue;
            }
            int ok = 1;
            for (size_t j = 0; j < r->n_members; j++)
                ok &= (names[j] = r->members[j].name) != NULL;
            if (ok) {
                out->text = enumeration(names, r->n_members);
                out->set = out->text != NULL;
                c->oom |= !out->text;
            }
            free(names);
        }
    }
    for (size_t i = 0; i < m->n_fields; i++) {
        const model_field *f = &m->fields[i];
        if (c->values[i].given || f->builtin || !f->id)
            continue;
        if (f->default_value)
            render_scalar(c, f, f->default_value, f->pos, &c->values[i]);
        else if (f->required)
            input_error(c, r->values_pos, f->description,
                        "verplicht veld '%s' (%s) ontbreekt onder 'velden'", f->id,
                        field_type_name(f->type));
    }
    /* Without Deelnemers that absence is the error to report. */
    if (r->manager && r->n_members) {
        int found = 0;
        suggest s;
        suggest_start(&s, r->manager);
        for (size_t j = 0; j < r->n_members; j++)
            if (r->members[j].name) {
                found |= !strcmp(r->members[j].name, r->manager);
                suggest_offer(&s, r->members[j].name);
            }
        if (!found) {
            char *hint = hint_for(suggest_result(&s));
            input_error(c, r->manager_pos,
                        hint ? hint : "De Beheerorganisatie moet ook onder 'deelnemers' staan.",
                        "Beheerorganisatie '%s' is geen van de Deelnemers", r->manager);
            free(hint);
        }
    }
}

static void fill_spots(ctx *c)
{
    const model *m = c->m;
    for (size_t i = 0; i < c->r->n_texts; i++) {
        const region_text *t = &c->r->texts[i];
        if (!t->id)
            continue;
        const model_spot *s = model_find_spot(m, t->id);
        if (!s) {
            suggest sg;
            suggest_start(&sg, t->id);
            for (size_t j = 0; j < m->n_spots; j++)
                suggest_offer(&sg, m->spots[j].id);
            char *hint = hint_for(suggest_result(&sg));
            input_error(c, t->key_pos,
                        hint ? hint : "'afspraken model' toont de plekken voor regionale tekst.",
                        "onbekende plek voor regionale tekst '%s'", t->id);
            free(hint);
            continue;
        }
        c->spots[s - m->spots] = t->text;
    }
    for (size_t i = 0; i < m->n_spots; i++) {
        if (c->spots[i] || !m->spots[i].id)
            continue;
        if (m->spots[i].default_text)
            c->spots[i] = m->spots[i].default_text;
        else if (m->spots[i].required)
            input_error(c, c->r->values_pos, m->spots[i].description,
                        "verplichte regionale tekst '%s' ontbreekt onder 'regionale_tekst'",
                        m->spots[i].id);
    }
}

/* ---- conditions and what is left out ---- */

static int holds(const ctx *c, const condition *cond)
{
    switch (cond->kind) {
    case COND_NONE:
        return 1;
    case COND_ARTICLE:
    case COND_NOT_ARTICLE: {
        size_t a = article_index(c, cond->ref);
        int kept = a != (size_t)-1 && c->kept[a];
        return cond->kind == COND_ARTICLE ? kept : !kept;
    }
    case COND_FIELD: {
        const model_field *f = model_find_field(c->m, cond->ref);
        if (!f)
            return 0;
        const field_value *v = &c->values[field_index(c, f)];
        return v->key && !strcmp(v->key, cond->value);
    }
    }
    return 0;
}

/* A field counts as filled when it has a value, when it must have one
 * (its absence is an error already), or when the region wrote one that
 * was rejected: that error is reported, and dropping the text as well
 * would only add confusing follow-up errors. */
static int filled(const ctx *c, const model_field *f)
{
    const field_value *v = &c->values[field_index(c, f)];
    return v->set || v->given || f->required;
}

/* A text can be filled when each field and spot it uses has a value;
 * an optional one without value leaves its lid or onderdeel out. */
static int fillable(const ctx *c, const rich_text *t)
{
    for (size_t i = 0; i < t->count; i++) {
        const token *k = &t->tokens[i];
        if (k->kind == TOK_FIELD) {
            const model_field *f = model_find_field(c->m, k->arg[0]);
            if (f && !filled(c, f))
                return 0;
        } else if (k->kind == TOK_SPOT) {
            const model_spot *s = model_find_spot(c->m, k->arg[0]);
            if (s && !c->spots[s - c->m->spots] && !s->required)
                return 0;
        }
    }
    return 1;
}

static int item_included(const ctx *c, const model_item *it)
{
    if (it->list_field) {
        const model_field *f = model_find_field(c->m, it->list_field);
        if (f && !f->builtin && !filled(c, f))
            return 0;
    }
    return holds(c, &it->cond) && fillable(c, &it->text);
}

/* ---- building nodes ---- */

static doc_node *add(ctx *c, doc_node *parent, doc_kind kind, src_pos pos)
{
    doc_node *n = doc_new(kind);
    if (!n) {
        c->oom = 1;
        return NULL;
    }
    n->file = pos.file;
    n->line = pos.line;
    n->column = pos.column;
    doc_append(parent, n);
    return n;
}

static doc_node *add_inline(ctx *c, doc_node *parent, doc_kind kind, const char *text)
{
    doc_node *n = doc_new_inline(kind, text, strlen(text));
    if (!n) {
        c->oom = 1;
        return NULL;
    }
    doc_append(parent, n);
    return n;
}

static void add_inlinef(ctx *c, doc_node *parent, doc_kind kind, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void add_inlinef(ctx *c, doc_node *parent, doc_kind kind, const char *fmt, ...)
{
    char *text;
    va_list ap;
    va_start(ap, fmt);
    int r = vasprintf(&text, fmt, ap);
    va_end(ap);
    if (r < 0) {
        c->oom = 1;
        return;
    }
    add_inline(c, parent, kind, text);
    free(text);
}

static void set_str(ctx *c, char **field, const char *s)
{
    if (doc_set(field, s))
        c->oom = 1;
}

static void add_rich(ctx *c, doc_node *parent, const rich_text *t)
{
    for (size_t i = 0; i < t->count; i++) {
        const token *k = &t->tokens[i];
        doc_node *n = NULL;
        switch (k->kind) {
        case TOK_TEXT:
            n = add_inline(c, parent, DOC_TEXT, k->text);
            break;
        case TOK_TERM: {
            const model_term *term = model_find_term(c->m, k->arg[0]);
            if (!term)
                input_error(c, k->pos,
                            "Voeg het begrip toe onder 'begrippen' of gebruik een bekende vorm.",
                            "onbekend begrip '%s'", k->arg[0]);
            else if (!holds(c, &term->cond))
                input_error(
                    c, k->pos, NULL,
                    "begrip '%s' wordt gebruikt, maar de definitie ervan valt weg door de gekozen artikelen",
                    k->arg[0]);
            n = add_inline(c, parent, DOC_TERM, k->arg[0]);
            break;
        }
        case TOK_FIELD: {
            const model_field *f = model_find_field(c->m, k->arg[0]);
            const field_value *v = f ? &c->values[field_index(c, f)] : NULL;
            if (!f)
                input_error(c, k->pos, NULL, "onbekend veld '%s' in de tekst van het model",
                            k->arg[0]);
            n = add_inline(c, parent, DOC_FIELD, v && v->set ? v->text : "");
            break;
        }
        case TOK_SPOT: {
            const model_spot *s = model_find_spot(c->m, k->arg[0]);
            const char *text = s ? c->spots[s - c->m->spots] : NULL;
            if (!s)
                input_error(c, k->pos, NULL, "onbekende plek voor regionale tekst '%s'", k->arg[0]);
            n = add_inline(c, parent, DOC_REGIONAL, text ? text : "");
            break;
        }
        case TOK_REF:
        case TOK_ANNEX:
            n = add_inline(c, parent, DOC_REF, k->text);
            if (n) {
                if (c->n_refs == c->cap_refs) {
                    size_t cap = c->cap_refs ? c->cap_refs * 2 : 32;
                    pending_ref *p = realloc(c->refs, cap * sizeof *p);
                    if (!p) {
                        c->oom = 1;
                        return;
                    }
                    c->refs = p;
                    c->cap_refs = cap;
                }
                c->refs[c->n_refs++] = (pending_ref){n, k, c->current_article};
            }
            break;
        }
        if (n) {
            n->file = k->pos.file;
            n->line = k->pos.line;
            n->column = k->pos.column;
        }
    }
}

static void record_target(ctx *c, const char *art, const char *lid, const char *item, int art_no,
                          int lid_no, const char *letter)
{
    target *t = calloc(1, sizeof *t);
    if (!t) {
        c->oom = 1;
        return;
    }
    t->article = art_no;
    t->lid = lid_no;
    snprintf(t->item, sizeof t->item, "%s", letter ? letter : "");
    if (xmlHashAddEntry3(c->targets, (const xmlChar *)art, (const xmlChar *)lid,
                         (const xmlChar *)item, t) < 0)
        free(t); /* duplicate ids: the model check reports them */
}

/* "a." on the first level of onderdelen, "1°" on the second; letter
 * gets the bare letter for references. */
static void item_label(int n, int depth, char *label, size_t size, char *letter)
{
    dutch_letter(n, letter, 8);
    if (depth)
        snprintf(label, size, "%d\u00b0", n);
    else
        snprintf(label, size, "%s.", letter);
}

static void add_list_field(ctx *c, doc_node *parent, const model_item *it, int depth)
{
    doc_node *list = add(c, parent, DOC_LIST, it->pos);
    if (!list)
        return;
    char letter[8], label[32];
    if (!strcmp(it->list_field, "deelnemers")) {
        for (size_t i = 0; i < c->r->n_members; i++) {
            const region_member *mem = &c->r->members[i];
            doc_node *item = add(c, list, DOC_ITEM, mem->pos);
            if (!item)
                return;
            item_label((int)i + 1, depth, label, sizeof label, letter);
            set_str(c, &item->label, label);
            add_inline(c, item, DOC_FIELD, mem->name ? mem->name : "");
            const char *group = c->m->member_group[mem->wgs_lid == 1 ? 0 : 1];
            if (group)
                add_inlinef(c, item, DOC_TEXT, " %s", group);
        }
        return;
    }
    const model_field *f = model_find_field(c->m, it->list_field);
    if (!f || (f->type != FIELD_ORGS && f->type != FIELD_LIST)) {
        input_error(c, it->pos, "Gebruik 'deelnemers' of een veld van type organisaties of lijst.",
                    "'lijst: %s' noemt geen lijstveld", it->list_field);
        return;
    }
    const field_value *v = &c->values[field_index(c, f)];
    for (size_t i = 0; i < v->n_items; i++) {
        doc_node *item = add(c, list, DOC_ITEM, it->pos);
        if (!item)
            return;
        item_label((int)i + 1, depth, label, sizeof label, letter);
        set_str(c, &item->label, label);
        add_inline(c, item, DOC_FIELD, v->items[i]);
    }
}

/* The model ends onderdelen with ";" (or "; en") and the last one with
 * "."; when conditions leave another onderdeel last, it takes the ".". */
static void close_list(ctx *c, doc_node *list)
{
    doc_node *last = list ? list->last : NULL;
    doc_node *t = last ? last->last : NULL;
    if (!t || t->kind != DOC_TEXT)
        return;
    char *end = strrchr(t->text, ';');
    if (!end || (strcmp(end, ";") && strcmp(end, "; en") && strcmp(end, "; of")))
        return;
    size_t keep = (size_t)(end - t->text);
    char *text = malloc(keep + 2);
    if (!text) {
        c->oom = 1;
        return;
    }
    memcpy(text, t->text, keep);
    memcpy(text + keep, ".", 2);
    free(t->text);
    t->text = text;
}

static void add_term_list(ctx *c, doc_node *parent, src_pos pos)
{
    doc_node *list = add(c, parent, DOC_LIST, pos);
    if (!list)
        return;
    int n = 0;
    char letter[8], label[32];
    for (size_t i = 0; i < c->m->n_terms; i++) {
        const model_term *t = &c->m->terms[i];
        if (!t->term || !holds(c, &t->cond))
            continue;
        doc_node *item = add(c, list, DOC_ITEM, t->pos);
        if (!item)
            return;
        item_label(++n, 0, label, sizeof label, letter);
        set_str(c, &item->label, label);
        set_str(c, &item->id, t->id);
        add_inline(c, item, DOC_TERM, t->term);
        add_inline(c, item, DOC_TEXT, ": ");
        add_rich(c, item, &t->definition);
    }
    close_list(c, list);
}

/* Adds the included onderdelen of a lid (depth 0) or onderdeel (depth 1). */
static void add_items(ctx *c, doc_node *parent, const model_item *items, size_t n, int depth,
                      const char *art_id, const char *lid_id, int art_no, int lid_no)
{
    doc_node *list = NULL;
    int count = 0;
    char letter[8], label[32];
    for (size_t i = 0; i < n; i++) {
        const model_item *it = &items[i];
        if (!item_included(c, it))
            continue;
        if (!list && !(list = add(c, parent, DOC_LIST, it->pos)))
            return;
        doc_node *node = add(c, list, DOC_ITEM, it->pos);
        if (!node)
            return;
        count++;
        item_label(count, depth, label, sizeof label, letter);
        set_str(c, &node->label, label);
        set_str(c, &node->id, it->id);
        add_rich(c, node, &it->text);
        if (it->id && depth == 0 && art_id)
            record_target(c, art_id, lid_id ? lid_id : "", it->id, art_no, lid_no, letter);
        if (it->list_field)
            add_list_field(c, node, it, depth + 1);
        if (it->n_items)
            add_items(c, node, it->items, it->n_items, depth + 1, NULL, NULL, 0, 0);
    }
    close_list(c, list);
}

/* Adds the included leden of an article or annex; art_id is NULL for an
 * annex, whose leden are not reference targets. */
static void add_leden(ctx *c, doc_node *parent, const model_item *leden, size_t n,
                      const char *art_id, int art_no)
{
    size_t included = 0;
    for (size_t i = 0; i < n; i++)
        included += item_included(c, &leden[i]);
    int lid_no = 0;
    char label[32];
    for (size_t i = 0; i < n; i++) {
        const model_item *it = &leden[i];
        if (!item_included(c, it))
            continue;
        lid_no++;
        doc_node *node = add(c, parent, DOC_LID, it->pos);
        if (!node)
            return;
        if (included > 1) {
            snprintf(label, sizeof label, "%d.", lid_no);
            set_str(c, &node->label, label);
        }
        node->number = lid_no;
        set_str(c, &node->id, it->id);
        add_rich(c, node, &it->text);
        int shown_no = included > 1 ? lid_no : 0;
        if (art_id && it->id)
            record_target(c, art_id, it->id, "", art_no, shown_no, NULL);
        if (it->list_field)
            add_list_field(c, node, it, 0);
        if (it->term_list)
            add_term_list(c, node, it->pos);
        if (it->n_items)
            add_items(c, node, it->items, it->n_items, 0, art_id, it->id, art_no, shown_no);
    }
}

static int render_rich_plain(ctx *c, const rich_text *t, char **out)
{
    doc_node *tmp = doc_new(DOC_PARAGRAPH);
    if (!tmp) {
        c->oom = 1;
        return -1;
    }
    add_rich(c, tmp, t);
    *out = doc_inline_text(tmp);
    doc_free(tmp);
    if (!*out)
        c->oom = 1;
    return *out ? 0 : -1;
}

static void build_meta(ctx *c, doc_node *doc, const assemble_options *opt)
{
    doc_meta *meta = doc->meta;
    const model *m = c->m;
    render_rich_plain(c, &m->title, &meta->title);
    set_str(c, &meta->region, c->r->name);
    set_str(c, &meta->model_name, m->name);
    set_str(c, &meta->model_version, m->version);
    set_str(c, &meta->language, "nl-NL");
    int y = 2025, mo = 1, d = 1;
    if (m->date)
        dutch_parse_date(m->date, &y, &mo, &d);
    char date[64];
    dutch_format_date(y, mo, d, date, sizeof date);
    set_str(c, &meta->model_date, date);
    if (doc_setf(&meta->subtitle, "Op basis van het %s, versie %s, vastgesteld op %s",
                 m->name ? m->name : "", m->version ? m->version : "", date))
        c->oom = 1;
    if (opt && opt->timestamp != (time_t)-1) {
        meta->timestamp = opt->timestamp;
        return;
    }
    if (c->r->sign_date)
        dutch_parse_date(c->r->sign_date, &y, &mo, &d);
    /* Civil date to days since 1970 (Howard Hinnant's algorithm), so the
     * result does not depend on the local time zone. */
    int yy = mo <= 2 ? y - 1 : y;
    int era = yy / 400;
    int yoe = yy - era * 400;
    int doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    long days = (long)era * 146097 + doe - 719468;
    meta->timestamp = (time_t)days * 86400 + 12 * 3600;
}

static void build_parties(ctx *c, doc_node *doc)
{
    const model *m = c->m;
    src_pos pos = {m->file, 0, 0};
    doc_node *h = add(c, doc, DOC_HEADING, pos);
    if (!h)
        return;
    h->number = 1;
    set_str(c, &h->title, m->parties_heading);
    if (m->parties_intro.count) {
        doc_node *p = add(c, doc, DOC_PARAGRAPH, m->parties_intro.pos);
        if (p)
            add_rich(c, p, &m->parties_intro);
    }
    doc_node *list = add(c, doc, DOC_LIST, pos);
    char label[32];
    for (size_t i = 0; list && i < c->r->n_members; i++) {
        const region_member *mem = &c->r->members[i];
        doc_node *item = add(c, list, DOC_ITEM, mem->pos);
        if (!item)
            return;
        snprintf(label, sizeof label, "%zu.", i + 1);
        set_str(c, &item->label, label);
        add_inline(c, item, DOC_FIELD, mem->name ? mem->name : "");
        add_inlinef(c, item, DOC_TEXT, ", %s ", m->represented_by ? m->represented_by : "");
        add_inline(c, item, DOC_FIELD, mem->signer_name ? mem->signer_name : "");
        add_inline(c, item, DOC_TEXT, ", ");
        add_inline(c, item, DOC_FIELD, mem->signer_function ? mem->signer_function : "");
        add_inline(c, item, DOC_TEXT, i + 1 == c->r->n_members ? "," : ";");
    }
    if (m->parties_closing.count) {
        doc_node *p = add(c, doc, DOC_PARAGRAPH, m->parties_closing.pos);
        if (p)
            add_rich(c, p, &m->parties_closing);
    }
}

static void build_parts(ctx *c, doc_node *doc)
{
    const model *m = c->m;
    int part_no = 0, art_no = 0;
    size_t ai = 0;
    for (size_t p = 0; p < m->n_parts; p++) {
        const model_part *mp = &m->parts[p];
        size_t first = ai;
        int any = 0;
        for (size_t i = 0; i < mp->n_articles; i++)
            any |= c->kept[first + i];
        ai += mp->n_articles;
        if (!any)
            continue;
        doc_node *part = add(c, doc, DOC_PART, mp->pos);
        if (!part)
            return;
        part_no++;
        part->number = part_no;
        if (doc_setf(&part->label, "Deel %c", 'A' + (part_no - 1) % 26))
            c->oom = 1;
        set_str(c, &part->title, mp->title);
        set_str(c, &part->id, mp->id);
        for (size_t i = 0; i < mp->n_articles; i++) {
            const model_article *a = &mp->articles[i];
            if (!c->kept[first + i])
                continue;
            doc_node *art = add(c, part, DOC_ARTICLE, a->pos);
            if (!art)
                return;
            set_str(c, &art->title, a->title);
            set_str(c, &art->id, a->id);
            if (a->numbered) {
                art->number = ++art_no;
                if (doc_setf(&art->label, "Artikel %d", art_no))
                    c->oom = 1;
                if (a->id)
                    record_target(c, a->id, "", "", art_no, 0, NULL);
            }
            c->current_article = a->id;
            add_leden(c, art, a->leden, a->n_leden, a->numbered ? a->id : NULL, art_no);
            c->current_article = NULL;
        }
    }
}

static void build_signatures(ctx *c, doc_node *doc)
{
    src_pos pos = {c->m->file, 0, 0};
    doc_node *sigs = add(c, doc, DOC_SIGNATURES, pos);
    if (!sigs)
        return;
    set_str(c, &sigs->title, c->m->signing_heading);
    if (c->m->signing_text.count) {
        doc_node *p = add(c, sigs, DOC_PARAGRAPH, c->m->signing_text.pos);
        if (p)
            add_rich(c, p, &c->m->signing_text);
    }
    for (size_t i = 0; i < c->r->n_members; i++) {
        const region_member *mem = &c->r->members[i];
        doc_node *s = add(c, sigs, DOC_SIGNATORY, mem->pos);
        if (!s)
            return;
        if (!(s->sig = calloc(1, sizeof *s->sig))) {
            c->oom = 1;
            return;
        }
        if (doc_setf(&s->sig->party, "%s %s", c->m->on_behalf ? c->m->on_behalf : "",
                     mem->name ? mem->name : ""))
            c->oom = 1;
        set_str(c, &s->sig->name, mem->signer_name ? mem->signer_name : "");
        set_str(c, &s->sig->function, mem->signer_function ? mem->signer_function : "");
    }
}

static void build_annexes(ctx *c, doc_node *doc)
{
    int no = 0;
    for (size_t i = 0; i < c->m->n_annexes; i++) {
        const model_annex *b = &c->m->annexes[i];
        if (!holds(c, &b->cond))
            continue;
        doc_node *an = add(c, doc, DOC_ANNEX, b->pos);
        if (!an)
            return;
        an->number = ++no;
        if (doc_setf(&an->label, "Bijlage %d", no))
            c->oom = 1;
        set_str(c, &an->title, b->title);
        set_str(c, &an->id, b->id);
        if (b->id) {
            int *num = malloc(sizeof *num);
            if (!num) {
                c->oom = 1;
                return;
            }
            *num = no;
            if (xmlHashAddEntry(c->annex_numbers, (const xmlChar *)b->id, num) < 0)
                free(num);
        }
        add_leden(c, an, b->leden, b->n_leden, NULL, 0);
    }
}

/* ---- second pass: cross-references ---- */

static void explain_missing(ctx *c, const token *k, const char *what)
{
    size_t a = article_index(c, k->arg[0]);
    if (a == (size_t)-1) {
        input_error(c, k->pos, "'afspraken model' toont de artikelen.",
                    "verwijzing '%s' naar een onbekend artikel", k->text);
        return;
    }
    if (!c->kept[a]) {
        src_pos where = k->pos;
        for (size_t i = 0; i < c->r->n_choices; i++)
            if (c->r->choices[i].id && !strcmp(c->r->choices[i].id, k->arg[0]))
                where = c->r->choices[i].pos;
        input_error(
            c, where, "Neem het artikel op, of laat ook de tekst weg die ernaar verwijst.",
            "artikel '%s' wordt weggelaten, maar de tekst op %s:%d verwijst ernaar met '%s'",
            k->arg[0], k->pos.file, k->pos.line, k->text);
        return;
    }
    if (!c->articles[a]->numbered) {
        input_error(c, k->pos, NULL, "verwijzing '%s' naar een artikel zonder nummer", k->text);
        return;
    }
    input_error(c, k->pos, "Controleer de ids en de voorwaarden (alleen_als) van het doel.",
                "verwijzing '%s': %s bestaat niet of valt weg onder deze keuzes", k->text, what);
}

/* Dutch legal style: "artikel 7, tweede lid, onder b"; within article 7
 * itself "het tweede lid, onder b", and "dit artikel" for the whole.
 * items is "" or the onderdelen, "b" or "b en c". NULL when memory runs
 * out. */
static char *ref_text(int article, int lid_no, const char *items, int self)
{
    char lid[48] = "", *text;
    const char *ord = dutch_ordinal(lid_no);
    if (lid_no && ord)
        snprintf(lid, sizeof lid, "%s lid", ord);
    else if (lid_no)
        snprintf(lid, sizeof lid, "lid %d", lid_no);
    int r;
    if (self && lid_no)
        r = *items ? asprintf(&text, "het %s, onder %s", lid, items)
                   : asprintf(&text, "het %s", lid);
    else if (self)
        r = *items ? asprintf(&text, "onderdeel %s", items) : asprintf(&text, "dit artikel");
    else if (lid_no)
        r = *items ? asprintf(&text, "artikel %d, %s, onder %s", article, lid, items)
                   : asprintf(&text, "artikel %d, %s", article, lid);
    else
        r = *items ? asprintf(&text, "artikel %d, onder %s", article, items)
                   : asprintf(&text, "artikel %d", article);
    return r < 0 ? NULL : text;
}

/* Resolves {{art:A}}, {{art:A.L}}, {{art:A.L.O}} and {{art:A.L.O1,O2}}
 * into *out. Returns 0, 1 when a problem was reported, -1 without memory. */
static int resolve_article_ref(ctx *c, const pending_ref *p, char **out)
{
    const token *k = p->tok;
    const char *lid = k->arg[1] ? k->arg[1] : "";
    char *items = strdup(k->arg[2] ? k->arg[2] : "");
    char letters[256] = "";
    const target *t = NULL;
    if (!items)
        return -1;
    /* One lookup per onderdeel; "b, c en d" for several. */
    char *save = NULL, *piece = strtok_r(items, ",", &save);
    do {
        const char *id = piece ? piece : "";
        t = xmlHashLookup3(c->targets, (const xmlChar *)k->arg[0], (const xmlChar *)lid,
                           (const xmlChar *)id);
        if (!t) {
            explain_missing(c, k, *id ? "het onderdeel" : *lid ? "het lid" : "het artikel");
            free(items);
            return 1;
        }
        piece = piece ? strtok_r(NULL, ",", &save) : NULL;
        if (*letters)
            strncat(letters, piece ? ", " : " en ", sizeof letters - strlen(letters) - 1);
        strncat(letters, t->item, sizeof letters - strlen(letters) - 1);
    } while (piece);
    free(items);
    int self = p->from_article && !strcmp(p->from_article, k->arg[0]);
    *out = ref_text(t->article, t->lid, letters, self);
    return *out ? 0 : -1;
}

static void resolve_refs(ctx *c)
{
    for (size_t i = 0; i < c->n_refs; i++) {
        doc_node *n = c->refs[i].node;
        const token *k = c->refs[i].tok;
        char *text = NULL;
        if (k->kind == TOK_ANNEX) {
            int *no = xmlHashLookup(c->annex_numbers, (const xmlChar *)k->arg[0]);
            if (!no) {
                const model_annex *b = model_find_annex(c->m, k->arg[0]);
                input_error(c, k->pos, NULL,
                            b ? "verwijzing '%s' naar een bijlage die onder deze keuzes wegvalt"
                              : "verwijzing '%s' naar een onbekende bijlage",
                            k->text);
                continue;
            }
            if (asprintf(&text, "bijlage %d", *no) < 0)
                text = NULL;
        } else {
            int r = resolve_article_ref(c, &c->refs[i], &text);
            if (r > 0)
                continue;
        }
        if (!text) {
            c->oom = 1;
            return;
        }
        free(n->text);
        n->text = text;
    }
}

static void free_entry(void *payload, const xmlChar *name)
{
    (void)name;
    free(payload);
}

doc_node *assemble(const model *m, const region *r, const assemble_options *opt, diag_list *diags)
{
    ctx c = {.m = m, .r = r, .diags = diags};
    size_t errors_before = diag_error_count(diags);
    doc_node *doc = NULL;
    for (size_t p = 0; p < m->n_parts; p++)
        c.n_articles += m->parts[p].n_articles;
    c.kept = calloc(c.n_articles + 1, sizeof *c.kept);
    c.articles = calloc(c.n_articles + 1, sizeof *c.articles);
    c.values = calloc(m->n_fields + 1, sizeof *c.values);
    c.spots = calloc(m->n_spots + 1, sizeof *c.spots);
    c.targets = xmlHashCreate(64);
    c.annex_numbers = xmlHashCreate(8);
    if (!c.kept || !c.articles || !c.values || !c.spots || !c.targets || !c.annex_numbers) {
        c.oom = 1;
        goto done;
    }
    size_t ai = 0;
    for (size_t p = 0; p < m->n_parts; p++)
        for (size_t i = 0; i < m->parts[p].n_articles; i++)
            c.articles[ai++] = &m->parts[p].articles[i];
    choose_articles(&c);
    fill_fields(&c);
    fill_spots(&c);
    if (!(doc = doc_new_document())) {
        c.oom = 1;
        goto done;
    }
    build_meta(&c, doc, opt);
    build_parties(&c, doc);
    build_parts(&c, doc);
    build_signatures(&c, doc);
    build_annexes(&c, doc);
    if (!c.oom)
        resolve_refs(&c);
done:
    if (c.oom)
        diag_system(diags, "onvoldoende geheugen bij het samenstellen van het document");
    if (c.oom || diag_error_count(diags) > errors_before) {
        doc_free(doc);
        doc = NULL;
    }
    if (c.values)
        for (size_t i = 0; i < m->n_fields; i++)
            free(c.values[i].text);
    free(c.values);
    free(c.kept);
    free(c.articles);
    free(c.spots);
    free(c.refs);
    xmlHashFree(c.targets, free_entry);
    xmlHashFree(c.annex_numbers, free_entry);
    return doc;
}

char *region_slug(const region *r)
{
    /* ASCII letters for U+00C0..U+00FF; anything else becomes a dash. */
    static const char latin1[] = "aaaaaaaceeeeiiiidnooooo-ouuuuyts"
                                 "aaaaaaaceeeeiiiidnooooo-ouuuuyty";
    if (r->slug)
        return strdup(r->slug);
    const unsigned char *s = (const unsigned char *)(r->name ? r->name : "regio");
    char *out = malloc(strlen((const char *)s) + 1);
    if (!out)
        return NULL;
    size_t n = 0;
    while (*s) {
        char ch = '-';
        if ((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9'))
            ch = (char)*s;
        else if (*s >= 'A' && *s <= 'Z')
            ch = (char)(*s - 'A' + 'a');
        else if (*s == 0xC3 && s[1] >= 0x80 && s[1] <= 0xBF) {
            ch = latin1[s[1] - 0x80];
            s++;
        } else if (*s >= 0x80) {
            while ((s[1] & 0xC0) == 0x80)
                s++;
        }
        s++;
        if (ch == '-' && (n == 0 || out[n - 1] == '-'))
            continue;
        out[n++] = ch;
    }
    while (n && out[n - 1] == '-')
        n--;
    if (!n) {
        free(out);
        return strdup("regio");
    }
    out[n] = '\0';
    return out;
}
