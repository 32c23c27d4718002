/* The region's choices applied to the model: which optional articles are
 * kept, the field values (checked against their types), the regional
 * texts, and the conditions and values that decide whether a lid is in
 * the document. Shared helpers of the assembler live here too. */
#define _GNU_SOURCE
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assembly.h"
#include "dutch.h"
#include "suggest.h"

void input_error(ctx *c, src_pos p, const char *hint, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vadd(c->diags, DIAG_ERROR, DIAG_INPUT, p.file, p.line, p.column, hint, fmt, ap);
    va_end(ap);
}

/* "Bedoelde u 'x'?" for a hint, or NULL; caller frees. */
char *hint_for(const char *best)
{
    char *h = NULL;
    if (best && asprintf(&h, "Bedoelde u '%s'?", best) < 0)
        h = NULL;
    return h;
}

size_t article_index(const ctx *c, const char *id)
{
    for (size_t i = 0; i < c->n_articles; i++)
        if (c->articles[i]->id && !strcmp(c->articles[i]->id, id))
            return i;
    return (size_t)-1;
}

size_t field_index(const ctx *c, const model_field *f)
{
    return (size_t)(f - c->m->fields);
}

void choose_articles(ctx *c)
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
    /* One pass with a moving end: strcat would rescan the text for each
     * item, quadratic in the number of Deelnemers. */
    char *end = s;
    *end = '\0';
    for (size_t i = 0; i < n; i++) {
        if (i)
            end = stpcpy(end, i + 1 == n ? " en " : ", ");
        end = stpcpy(end, items[i]);
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
        size_t len = strlen(raw);
        /* strtol skips leading white space but stops at trailing; one rule
         * for both: a number is only digits. */
        if (len && (isspace((unsigned char)raw[0]) || isspace((unsigned char)raw[len - 1]))) {
            input_error(c, pos, "Verwijder de spaties binnen de aanhalingstekens.",
                        "'%s' heeft een spatie voor of na het getal (veld '%s')", raw, f->id);
            return -1;
        }
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
                char *end = list;
                *end = '\0';
                for (size_t i = 0; i < f->n_choices; i++)
                    end = stpcpy(stpcpy(stpcpy(end, i ? ", '" : "'"), f->choices[i].key), "'");
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

void fill_fields(ctx *c)
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
        else if (!strcmp(f->id, "model"))
            raw = m->name;
        else if (!strcmp(f->id, "modelversie"))
            raw = m->version;
        else if (!strcmp(f->id, "modeldatum"))
            raw = m->date;
        else if (!strcmp(f->id, "referentie"))
            raw = m->ref_name;
        else if (!strcmp(f->id, "referentievastgesteld"))
            raw = m->ref_date;
        else if (!strcmp(f->id, "referentievastgesteld_door"))
            raw = m->ref_set_by;
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

void fill_spots(ctx *c)
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

int holds(const ctx *c, const condition *cond)
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
int filled(const ctx *c, const model_field *f)
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

int item_included(const ctx *c, const model_item *it)
{
    if (it->list_field) {
        const model_field *f = model_find_field(c->m, it->list_field);
        if (f && !f->builtin && !filled(c, f))
            return 0;
    }
    return holds(c, &it->cond) && fillable(c, &it->text);
}
