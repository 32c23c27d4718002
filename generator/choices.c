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

/* "[IN TE VULLEN: what]", with the model's words; NULL with c->oom set. */
static char *placeholder_text(ctx *c, const char *what)
{
    char *s;
    if (asprintf(&s, "[%s: %s]", c->m->to_fill ? c->m->to_fill : "", what ? what : "") < 0) {
        c->oom = 1;
        return NULL;
    }
    return s;
}

char *open_value(ctx *c, src_pos p, const char *what, const char *fmt, ...)
{
    char *placeholder = NULL, *message = NULL, *hint = NULL;
    va_list ap;
    va_start(ap, fmt);
    int r = vasprintf(&message, fmt, ap);
    va_end(ap);
    if (r < 0 || !(placeholder = placeholder_text(c, what))) {
        free(message);
        c->oom = 1;
        return NULL;
    }
    if (c->definitive)
        hint = strdup("Een definitief document heeft geen open plekken: vul dit in, of maak "
                      "een concept (zonder --definitief).");
    else if (asprintf(&hint, "Het concept toont hier %s.", placeholder) < 0)
        hint = NULL;
    diag_add(c->diags, c->definitive ? DIAG_ERROR : DIAG_WARNING, DIAG_INPUT, p.file, p.line,
             p.column, hint, "%s", message);
    free(hint);
    free(message);
    return placeholder;
}

void input_warning(ctx *c, src_pos p, const char *hint, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vadd(c->diags, DIAG_WARNING, DIAG_INPUT, p.file, p.line, p.column, hint, fmt, ap);
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
                input_warning(c, ch->pos, "Deze regel kan weg.",
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

int render_scalar(ctx *c, const model_field *f, const char *raw, src_pos pos,
                         field_value *out)
{
    char buf[256];
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
        dutch_quantity(v, f->unit[0], f->unit[1], buf, sizeof buf);
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
        out->date = (long)y * 10000 + m * 100 + d;
        break;
    }
    case FIELD_MEMBER:
        if (named_member(c, f, raw, pos))
            return -1;
        out->text = strdup(raw);
        break;
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

int model_builtin(const model *m, const char *id, const char **raw)
{
    const char *const ids[] = {"model",      "modelversie",           "modeldatum",
                               "referentie", "referentievastgesteld", "referentievastgesteld_door"};
    const char *const values[] = {m->name,     m->version,  m->date,
                                  m->ref_name, m->ref_date, m->ref_set_by};
    for (size_t i = 0; i < sizeof ids / sizeof *ids; i++)
        if (!strcmp(id, ids[i])) {
            *raw = values[i];
            return 1;
        }
    return 0;
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
        if (v->empty) {
            out->empty = 1;
            out->empty_pos = v->pos;
            continue;
        }
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
        else
            model_builtin(m, f->id, &raw);
        if (raw) {
            src_pos pos = r->name_pos;
            if (!strcmp(f->id, "beheerorganisatie"))
                pos = r->manager_pos;
            else if (!strcmp(f->id, "datum"))
                pos = r->sign_date_pos;
            /* Without Deelnemers that absence is the error to report. */
            if (f->type != FIELD_MEMBER || r->n_members)
                render_scalar(c, f, raw, pos, out);
        } else if (!strcmp(f->id, "regio") && r->open_name.file) {
            out->placeholder = open_value(c, r->open_name, m->open_names[OPEN_REGION],
                                          "'regio' is nog niet ingevuld");
        } else if (!strcmp(f->id, "beheerorganisatie") && r->open_manager.file) {
            out->placeholder = open_value(c, r->open_manager, m->open_names[OPEN_MANAGER],
                                          "'beheerorganisatie' is nog niet ingevuld");
        } else if (!strcmp(f->id, "deelnemers") && c->n_members) {
            char **names = calloc(c->n_members, sizeof *names);
            if (!names) {
                c->oom = 1;
                continue;
            }
            for (size_t j = 0; j < c->n_members; j++)
                names[j] = (char *)c->members[j].name;
            out->text = enumeration(names, c->n_members);
            out->set = out->text != NULL;
            c->oom |= !out->text;
            free(names);
        }
    }
    for (size_t i = 0; i < m->n_fields; i++) {
        const model_field *f = &m->fields[i];
        if (c->values[i].given || f->builtin || !f->id)
            continue;
        field_value *v = &c->values[i];
        const char *what = f->short_name ? f->short_name : f->description;
        if (f->default_value)
            render_scalar(c, f, f->default_value, f->pos, v);
        else if (f->required && v->empty)
            v->placeholder = open_value(c, v->empty_pos, what, "verplicht veld '%s' (%s) is leeg",
                                        f->id, field_type_name(f->type));
        else if (f->required)
            v->placeholder = open_value(c, r->values_pos, what,
                                        "verplicht veld '%s' (%s) ontbreekt onder 'velden'",
                                        f->id, field_type_name(f->type));
    }
}

void fill_spots(ctx *c)
{
    const model *m = c->m;
    /* Where the region wrote a spot's key without text. */
    const src_pos **empty = calloc(m->n_spots + 1, sizeof *empty);
    if (!empty) {
        c->oom = 1;
        return;
    }
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
        if (!t->text)
            empty[s - m->spots] = &t->pos;
    }
    for (size_t i = 0; i < m->n_spots; i++) {
        const model_spot *s = &m->spots[i];
        if (c->spots[i] || !s->id)
            continue;
        const char *what = s->short_name ? s->short_name : s->description;
        if (s->default_text)
            c->spots[i] = s->default_text;
        else if (s->required && empty[i])
            c->spot_open[i] =
                open_value(c, *empty[i], what, "verplichte regionale tekst '%s' is leeg", s->id);
        else if (s->required)
            c->spot_open[i] = open_value(
                c, c->r->values_pos, what,
                "verplichte regionale tekst '%s' ontbreekt onder 'regionale_tekst'", s->id);
    }
    free(empty);
}

/* One value of a Deelnemer: the region's, or a placeholder while open
 * (reported at open); out keeps the placeholder for freeing. */
static const char *member_value(ctx *c, const char *value, src_pos open, enum open_value kind,
                                char **out, unsigned bit, unsigned *bits, const char *message)
{
    if (value || !open.file)
        return value ? value : "";
    *out = open_value(c, open, c->m->open_names[kind], "%s", message);
    *bits |= bit;
    return *out ? *out : "";
}

void fill_members(ctx *c)
{
    const region *r = c->r;
    size_t n = r->n_members ? r->n_members : r->open_members.file ? 1 : 0;
    if (!n)
        return;
    if (!(c->members = calloc(n, sizeof *c->members))) {
        c->oom = 1;
        return;
    }
    c->n_members = n;
    if (!r->n_members) {
        /* No Deelnemer yet: the document shows one open Deelnemer, and
         * the warning says so once. */
        member_view *v = &c->members[0];
        v->pos = r->open_members;
        free(open_value(c, r->open_members, c->m->open_names[OPEN_MEMBER],
                        "er is nog geen Deelnemer opgegeven onder 'deelnemers'"));
        const enum open_value kinds[3] = {OPEN_MEMBER, OPEN_SIGNER, OPEN_FUNCTION};
        for (int i = 0; i < 3; i++)
            v->owned[i] = placeholder_text(c, c->m->open_names[kinds[i]]);
        v->name = v->owned[0] ? v->owned[0] : "";
        v->signer = v->owned[1] ? v->owned[1] : "";
        v->function = v->owned[2] ? v->owned[2] : "";
        v->open = DOC_SIG_PARTY | DOC_SIG_NAME | DOC_SIG_FUNCTION;
        return;
    }
    for (size_t i = 0; i < n; i++) {
        const region_member *m = &r->members[i];
        member_view *v = &c->members[i];
        char who[160], msg[2][256];
        if (m->name)
            snprintf(who, sizeof who, "Deelnemer '%s'", m->name);
        else
            snprintf(who, sizeof who, "Deelnemer %zu", i + 1);
        snprintf(msg[0], sizeof msg[0], "de naam van de ondertekenaar van %s is nog niet ingevuld",
                 who);
        snprintf(msg[1], sizeof msg[1],
                 "de functie van de ondertekenaar van %s is nog niet ingevuld", who);
        v->pos = m->pos;
        v->soort = c->soorten[i];
        v->grounds = m->signer_grounds;
        v->name = member_value(c, m->name, m->open_name, OPEN_MEMBER, &v->owned[0], DOC_SIG_PARTY,
                               &v->open, "de naam van een Deelnemer is nog niet ingevuld");
        v->signer = member_value(c, m->signer_name, m->open_signer_name, OPEN_SIGNER,
                                 &v->owned[1], DOC_SIG_NAME, &v->open, msg[0]);
        v->function = member_value(c, m->signer_function, m->open_signer_function, OPEN_FUNCTION,
                                   &v->owned[2], DOC_SIG_FUNCTION, &v->open, msg[1]);
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
        if (c->model_text)
            return 1;
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
    return v->set || v->given || v->placeholder || f->required;
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
        } else if (k->kind == TOK_COUNT) {
            const rich_text *alt = count_choice(c, k);
            if (alt && !fillable(c, alt))
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
