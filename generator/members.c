/* The Deelnemers as the WGS names them: each region member has a soort
 * from the model (art. 2.27 WGS), from which its lid follows. Fields of
 * type deelnemer name one of them. Missing statutory Deelnemers and
 * early dates are warnings: the law, not this agreement, makes them
 * deelnemers, so the documents can still be written. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assembly.h"
#include "dutch.h"
#include "suggest.h"

/* "'a', 'b' en 'c'" of the soort ids, for a hint; caller frees. */
static char *soort_list(const model *m)
{
    size_t len = 1;
    for (size_t i = 0; i < m->n_soorten; i++)
        len += (m->soorten[i].id ? strlen(m->soorten[i].id) : 0) + 6;
    char *s = malloc(len);
    if (!s)
        return NULL;
    s[0] = '\0';
    for (size_t i = 0, n = 0; i < m->n_soorten; i++) {
        if (!m->soorten[i].id)
            continue;
        if (n++)
            strcat(s, i + 1 == m->n_soorten ? " en " : ", ");
        strcat(strcat(strcat(s, "'"), m->soorten[i].id), "'");
    }
    return s;
}

void resolve_members(ctx *c)
{
    const model *m = c->m;
    for (size_t i = 0; i < c->r->n_members; i++) {
        const region_member *mem = &c->r->members[i];
        if (!mem->soort)
            continue;
        const model_soort *s = model_find_soort(m, mem->soort);
        c->soorten[i] = s;
        if (!s) {
            suggest sg;
            suggest_start(&sg, mem->soort);
            for (size_t j = 0; j < m->n_soorten; j++)
                suggest_offer(&sg, m->soorten[j].id);
            char *list = soort_list(m), *hint = NULL;
            const char *best = suggest_result(&sg);
            if ((best ? asprintf(&hint, "Bedoelde u '%s'? Mogelijk: %s.", best, list ? list : "")
                      : asprintf(&hint, "Mogelijk: %s.", list ? list : "")) < 0)
                hint = NULL;
            input_error(c, mem->soort_pos, hint, "onbekende soort Deelnemer '%s'", mem->soort);
            free(hint);
            free(list);
        } else if (s->per_gemeente && !mem->gemeente) {
            /* The gemeente shows nowhere in the document: no placeholder,
             * only the message that it is still open. */
            char msg[256];
            snprintf(msg, sizeof msg, "Deelnemer '%s' van soort '%s' noemt nog geen gemeente",
                     mem->name ? mem->name : "?", s->id);
            free(open_value(c, mem->open_gemeente, "gemeente", "%s", msg));
        } else if (!s->per_gemeente && mem->gemeente) {
            input_error(c, mem->gemeente_pos, "Laat 'gemeente:' weg bij deze Deelnemer.",
                        "'gemeente' hoort alleen bij een soort per gemeente, zoals de "
                        "burgemeester of het college; '%s' is dat niet",
                        s->id);
        }
    }
}

int member_lid(const ctx *c, size_t i)
{
    return c->soorten[i] ? c->soorten[i]->lid : 0;
}

const rich_text *count_choice(const ctx *c, const token *k)
{
    const markup_counter *counter = markup_find_counter(k->arg[0]);
    if (!counter || k->n_alts != 2)
        return NULL;
    size_t n = 0;
    for (size_t i = 0; i < c->r->n_members; i++)
        n += !counter->lid || member_lid(c, i) == counter->lid;
    return &k->alts[n == 1 ? 0 : 1];
}

int named_member(ctx *c, const model_field *f, const char *raw, src_pos pos)
{
    for (size_t i = 0; i < c->r->n_members; i++)
        if (!c->r->members[i].name)
            return 0;
    suggest s;
    suggest_start(&s, raw);
    for (size_t i = 0; i < c->r->n_members; i++) {
        const region_member *mem = &c->r->members[i];
        if (!mem->name)
            continue;
        if (strcmp(mem->name, raw)) {
            suggest_offer(&s, mem->name);
            continue;
        }
        int lid = member_lid(c, i);
        if (f->member_lid && lid && lid != f->member_lid)
            input_error(c, pos,
                        "Noem een Deelnemer van een soort uit het eerste lid van artikel 2.27 "
                        "WGS; 'afspraken model' toont de soorten.",
                        "veld '%s' vraagt een openbare Deelnemer (eerste lid), maar '%s' is van "
                        "soort '%s' (tweede lid)",
                        f->id, raw, c->soorten[i]->id);
        return f->member_lid && lid && lid != f->member_lid ? -1 : 0;
    }
    char *hint = hint_for(suggest_result(&s));
    input_error(c, pos, hint ? hint : "Schrijf de naam precies zoals onder 'deelnemers'.",
                "'%s' (veld '%s') is geen van de Deelnemers", raw, f->id);
    free(hint);
    return -1;
}

static const region_value *region_value_of(const ctx *c, const char *id)
{
    for (size_t i = 0; i < c->r->n_values; i++)
        if (c->r->values[i].id && !strcmp(c->r->values[i].id, id))
            return &c->r->values[i];
    return NULL;
}

/* Each soort per gemeente: its Deelnemers name gemeenten of the
 * werkgebied, and every gemeente there has one. */
static void check_gemeenten(ctx *c)
{
    const model *m = c->m;
    const model_field *w = m->werkgebied ? model_find_field(m, m->werkgebied) : NULL;
    if (!w)
        return;
    const field_value *v = &c->values[field_index(c, w)];
    const region_value *rv = region_value_of(c, w->id);
    if (!v->set)
        return;
    for (size_t i = 0; i < c->r->n_members; i++) {
        const region_member *mem = &c->r->members[i];
        if (!c->soorten[i] || !c->soorten[i]->per_gemeente || !mem->gemeente)
            continue;
        suggest s;
        suggest_start(&s, mem->gemeente);
        size_t g = 0;
        while (g < v->n_items && strcmp(v->items[g], mem->gemeente))
            suggest_offer(&s, v->items[g++]);
        if (g == v->n_items) {
            char *hint = hint_for(suggest_result(&s));
            input_error(c, mem->gemeente_pos,
                        hint ? hint : "Schrijf de gemeente zoals in het veld van het werkgebied.",
                        "gemeente '%s' staat niet in het werkgebied (veld '%s')", mem->gemeente,
                        w->id);
            free(hint);
        }
    }
    for (size_t k = 0; k < m->n_soorten; k++) {
        const model_soort *s = &m->soorten[k];
        if (!s->per_gemeente)
            continue;
        for (size_t g = 0; g < v->n_items; g++) {
            size_t i = 0;
            while (i < c->r->n_members &&
                   !(c->soorten[i] == s && c->r->members[i].gemeente &&
                     !strcmp(c->r->members[i].gemeente, v->items[g])))
                i++;
            if (i < c->r->n_members)
                continue;
            src_pos at = rv && rv->item_pos && g < rv->n_items ? rv->item_pos[g] : c->r->values_pos;
            char *hint = NULL;
            if (asprintf(&hint,
                         "Artikel 2.27 WGS maakt %s deelnemer; voeg een Deelnemer toe met "
                         "'soort: %s' en 'gemeente: %s'.",
                         s->name ? s->name : s->id, s->id, v->items[g]) < 0)
                hint = NULL;
            input_warning(c, at, hint,
                          "gemeente '%s' in het werkgebied heeft geen Deelnemer van soort '%s'",
                          v->items[g], s->id);
            free(hint);
        }
    }
}

/* Every soort of the eerste lid is a deelnemer by law; one that is
 * missing is most likely forgotten. */
static void check_categories(ctx *c)
{
    const model *m = c->m;
    if (!c->r->n_members)
        return;
    for (size_t k = 0; k < m->n_soorten; k++) {
        const model_soort *s = &m->soorten[k];
        if (s->lid != 1 || s->per_gemeente)
            continue;
        size_t i = 0;
        while (i < c->r->n_members && c->soorten[i] != s)
            i++;
        if (i < c->r->n_members)
            continue;
        char *hint = NULL;
        if (asprintf(&hint,
                     "Voeg de Deelnemer toe met 'soort: %s': als deelnemer uit het eerste lid "
                     "is die gezamenlijk verwerkingsverantwoordelijke, ook zonder te ondertekenen.",
                     s->id) < 0)
            hint = NULL;
        input_warning(c, c->r->members_pos, hint,
                      "geen Deelnemer van soort '%s' (%s), een deelnemer uit het eerste lid van "
                      "artikel 2.27 WGS",
                      s->id, s->name ? s->name : s->id);
        free(hint);
    }
}

/* A date field's lower bounds: fixed dates or other date fields. */
static void check_dates(ctx *c)
{
    const model *m = c->m;
    for (size_t i = 0; i < m->n_fields; i++) {
        const model_field *f = &m->fields[i];
        const field_value *v = &c->values[i];
        if (f->type != FIELD_DATE || !v->set)
            continue;
        for (size_t j = 0; j < f->n_not_before; j++) {
            const char *bound = f->not_before[j];
            long limit = 0;
            char what[128];
            int y, mo, d;
            if (bound && !dutch_parse_date(bound, &y, &mo, &d)) {
                limit = (long)y * 10000 + mo * 100 + d;
                dutch_format_date(y, mo, d, what, sizeof what);
            } else {
                const model_field *g = bound ? model_find_field(m, bound) : NULL;
                if (!g || !c->values[g - m->fields].set)
                    continue;
                limit = c->values[g - m->fields].date;
                snprintf(what, sizeof what, "%s (veld '%s')", c->values[g - m->fields].text,
                         g->id);
            }
            if (v->date >= limit)
                continue;
            src_pos at = c->r->values_pos;
            const region_value *rv = region_value_of(c, f->id);
            if (!f->builtin && rv)
                at = rv->pos;
            else if (f->builtin && !strcmp(f->id, "datum"))
                at = c->r->sign_date_pos;
            else if (!rv)
                at = f->pos;
            input_warning(c, at, f->description, "veld '%s' (%s) ligt vóór %s", f->id, v->text,
                          what);
        }
    }
}

void check_members(ctx *c)
{
    check_gemeenten(c);
    check_categories(c);
    check_dates(c);
}
