/* The coordinator's actions after a model update (update.h). */
#define _GNU_SOURCE
#include "update.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dutch.h"

static const char *const keys[N_ACTION_KINDS] = {
    "optioneel_artikel_vervallen", "optioneel_artikel_nieuw", "verplicht_veld_nieuw",
    "waarde_past_niet", "veld_vervallen", "regionale_tekst_nieuw", "regionale_tekst_vervallen"};

const char *action_kind_key(action_kind k)
{
    return keys[k];
}

static int add(action_list *l, action_kind kind, const char *id, const char *explanation,
               src_pos pos, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

static int add(action_list *l, action_kind kind, const char *id, const char *explanation,
               src_pos pos, const char *fmt, ...)
{
    coord_action *p = realloc(l->items, (l->n + 1) * sizeof *p);
    if (!p)
        return -1;
    l->items = p;
    coord_action *a = &l->items[l->n];
    memset(a, 0, sizeof *a);
    va_list ap;
    va_start(ap, fmt);
    int r = vasprintf(&a->text, fmt, ap);
    va_end(ap);
    if (r < 0)
        return -1;
    l->n++;
    a->kind = kind;
    a->pos = pos;
    if (!(a->id = strdup(id)) || (explanation && !(a->explanation = strdup(explanation))))
        return -1;
    return 0;
}

static const region_choice *choice_for(const region *r, const char *id)
{
    for (size_t i = 0; i < r->n_choices; i++)
        if (r->choices[i].id && !strcmp(r->choices[i].id, id))
            return &r->choices[i];
    return NULL;
}

static const region_value *value_for(const region *r, const char *id)
{
    for (size_t i = 0; i < r->n_values; i++)
        if (r->values[i].id && !strcmp(r->values[i].id, id))
            return &r->values[i];
    return NULL;
}

static const region_text *text_for(const region *r, const char *id)
{
    for (size_t i = 0; i < r->n_texts; i++)
        if (r->texts[i].id && !strcmp(r->texts[i].id, id))
            return &r->texts[i];
    return NULL;
}

/* Whether a value the file gives can be a value of field f. */
static int fits(const model_field *f, const region_value *v)
{
    int list = f->type == FIELD_ORGS || f->type == FIELD_LIST;
    if (list != v->is_list)
        return 0;
    if (list || !v->scalar)
        return 1;
    switch (f->type) {
    case FIELD_NUMBER: {
        char *end;
        errno = 0;
        long n = strtol(v->scalar, &end, 10);
        return *v->scalar && !*end && errno != ERANGE && n >= f->min && n <= f->max;
    }
    case FIELD_DATE: {
        int y, m, d;
        return !dutch_parse_date(v->scalar, &y, &m, &d);
    }
    case FIELD_CHOICE:
        for (size_t i = 0; i < f->n_choices; i++)
            if (f->choices[i].key && !strcmp(f->choices[i].key, v->scalar))
                return 1;
        return 0;
    default:
        return 1;
    }
}

static char *choice_keys(const model_field *f)
{
    char *s = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&s, &len);
    if (!out)
        return NULL;
    for (size_t i = 0; i < f->n_choices; i++)
        fprintf(out, "%s'%s'", i ? ", " : "", f->choices[i].key ? f->choices[i].key : "");
    if (fclose(out)) {
        free(s);
        return NULL;
    }
    return s;
}

static int field_actions(const model *a, const model *b, const region *r, action_list *l)
{
    for (size_t i = 0; i < b->n_fields; i++) {
        const model_field *f = &b->fields[i];
        if (!f->id || f->builtin)
            continue;
        const model_field *old = model_find_field(a, f->id);
        const region_value *v = value_for(r, f->id);
        if (!v && f->required && !f->default_value && (!old || !old->required)) {
            if (add(l, ACTION_FIELD_REQUIRED, f->id, NULL, r->values_pos,
                    "Vul het nieuwe verplichte veld '%s' (%s) in onder 'velden': %s", f->id,
                    field_type_name(f->type), f->description ? f->description : ""))
                return -1;
        } else if (v && !fits(f, v) && (!old || fits(old, v))) {
            int r2;
            if (f->type == FIELD_NUMBER)
                r2 = add(l, ACTION_FIELD_UNFIT, f->id, NULL, v->pos,
                         "De waarde %s van veld '%s' past niet meer: het model vraagt nu van "
                         "%ld tot en met %ld",
                         v->scalar ? v->scalar : "", f->id, f->min, f->max);
            else if (f->type == FIELD_CHOICE) {
                char *k = choice_keys(f);
                r2 = !k ? -1
                        : add(l, ACTION_FIELD_UNFIT, f->id, NULL, v->pos,
                              "De keuze '%s' van veld '%s' bestaat niet meer; kies uit %s",
                              v->scalar ? v->scalar : "", f->id, k);
                free(k);
            } else
                r2 = add(l, ACTION_FIELD_UNFIT, f->id, NULL, v->pos,
                         "De waarde van veld '%s' past niet meer: het model vraagt nu %s",
                         f->id, field_type_name(f->type));
            if (r2)
                return -1;
        }
    }
    for (size_t i = 0; i < r->n_values; i++) {
        const region_value *v = &r->values[i];
        if (v->id && !model_find_field(b, v->id) && model_find_field(a, v->id) &&
            add(l, ACTION_FIELD_GONE, v->id, NULL, v->key_pos,
                "Het veld '%s' bestaat niet meer in het nieuwe model; haal het weg onder 'velden'",
                v->id))
            return -1;
    }
    return 0;
}

int update_actions(const model *a, const model *b, const region *r, action_list *l)
{
    memset(l, 0, sizeof *l);
    src_pos none = {0};
    for (size_t p = 0; p < a->n_parts; p++)
        for (size_t i = 0; i < a->parts[p].n_articles; i++) {
            const model_article *art = &a->parts[p].articles[i];
            const model_article *now = art->id ? model_find_article(b, art->id) : NULL;
            if (!art->optional || (now && now->optional))
                continue;
            const region_choice *ch = choice_for(r, art->id);
            int rc = now ? add(l, ACTION_ARTICLE_GONE, art->id, NULL, ch ? ch->pos : none,
                               "Artikel '%s' (%s) is niet meer optioneel en staat er altijd "
                               "in%s",
                               art->id, art->title ? art->title : "",
                               ch ? "; haal de keuze weg onder 'optionele_artikelen'" : "")
                         : add(l, ACTION_ARTICLE_GONE, art->id, NULL, ch ? ch->pos : none,
                               "Het optionele artikel '%s' (%s) bestaat niet meer%s", art->id,
                               art->title ? art->title : "",
                               ch ? "; haal de keuze weg onder 'optionele_artikelen'" : "");
            if (rc)
                return -1;
        }
    for (size_t p = 0; p < b->n_parts; p++)
        for (size_t i = 0; i < b->parts[p].n_articles; i++) {
            const model_article *art = &b->parts[p].articles[i];
            const model_article *was = art->id ? model_find_article(a, art->id) : NULL;
            if (!art->optional || (was && was->optional))
                continue;
            if (add(l, ACTION_ARTICLE_NEW, art->id, art->explanation, none,
                    "Nieuw optioneel artikel '%s' (%s): kies '%s: ja' of '%s: nee' onder "
                    "'optionele_artikelen' (zonder keuze wordt het opgenomen)",
                    art->id, art->title ? art->title : "", art->id, art->id))
                return -1;
        }
    if (field_actions(a, b, r, l))
        return -1;
    for (size_t i = 0; i < b->n_spots; i++) {
        const model_spot *s = &b->spots[i];
        if (s->id && !model_find_spot(a, s->id) &&
            add(l, ACTION_SPOT_NEW, s->id, NULL, none,
                "Nieuwe plek voor regionale tekst '%s'%s: %s", s->id,
                s->required ? " (verplicht)" : "", s->description ? s->description : ""))
            return -1;
    }
    for (size_t i = 0; i < a->n_spots; i++) {
        const model_spot *s = &a->spots[i];
        if (!s->id || model_find_spot(b, s->id))
            continue;
        const region_text *t = text_for(r, s->id);
        if (add(l, ACTION_SPOT_GONE, s->id, NULL, t ? t->key_pos : none,
                "De plek voor regionale tekst '%s' bestaat niet meer%s", s->id,
                t ? "; haal de tekst weg onder 'regionale_tekst' of zet hem elders" : ""))
            return -1;
    }
    return 0;
}

void action_list_free(action_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->items[i].id);
        free(l->items[i].text);
        free(l->items[i].explanation);
    }
    free(l->items);
    memset(l, 0, sizeof *l);
}

region *update_region_view(const model *b, const region *r)
{
    size_t size = sizeof(region) + (r->n_choices + 1) * sizeof(region_choice) +
                  (r->n_values + 1) * sizeof(region_value) +
                  (r->n_texts + 1) * sizeof(region_text);
    region *v = calloc(1, size);
    if (!v)
        return NULL;
    *v = *r;
    memset(&v->arena, 0, sizeof v->arena);
    v->choices = (region_choice *)(v + 1);
    v->values = (region_value *)(v->choices + r->n_choices + 1);
    v->texts = (region_text *)(v->values + r->n_values + 1);
    v->n_choices = v->n_values = v->n_texts = 0;
    for (size_t i = 0; i < r->n_choices; i++) {
        const model_article *a = r->choices[i].id ? model_find_article(b, r->choices[i].id) : NULL;
        if (a && a->optional)
            v->choices[v->n_choices++] = r->choices[i];
    }
    for (size_t i = 0; i < r->n_values; i++) {
        const model_field *f = r->values[i].id ? model_find_field(b, r->values[i].id) : NULL;
        if (f && !f->builtin && fits(f, &r->values[i]))
            v->values[v->n_values++] = r->values[i];
    }
    for (size_t i = 0; i < r->n_texts; i++)
        if (r->texts[i].id && model_find_spot(b, r->texts[i].id))
            v->texts[v->n_texts++] = r->texts[i];
    return v;
}
