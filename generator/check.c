/* The model check (see check.h). */
#define _GNU_SOURCE
#define PCRE2_CODE_UNIT_WIDTH 8
#include "check.h"

#include "dutch.h"

#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

/* The conditions under which a place in the model is in the document:
 * the enclosing optional article, the annex, lid, onderdeel or term
 * conditions on the way down. */
#define MAX_GUARDS 8
typedef struct {
    const condition *conds[MAX_GUARDS];
    size_t n;
} guard;

typedef struct {
    const model *m;
    diag_list *diags;
    int all_combinations;
    size_t *field_uses, *spot_uses, *term_uses;
    unsigned char *term_always; /* used wherever its definition stands */
    pcre2_code *terms_re;
    pcre2_code *caps_re;
    pcre2_match_data *md, *caps_md;
} checker;

static int same_condition(const condition *a, const condition *b)
{
    return a->kind == b->kind && a->ref && b->ref && !strcmp(a->ref, b->ref) &&
           (a->kind != COND_FIELD || (a->value && b->value && !strcmp(a->value, b->value)));
}

/* Sound and simple: a condition is implied only when the same condition
 * guards the place of use. */
static int implied(const guard *g, const condition *c)
{
    if (c->kind == COND_NONE)
        return 1;
    for (size_t i = 0; i < g->n; i++)
        if (same_condition(g->conds[i], c))
            return 1;
    return 0;
}

/* Whether the place guarded by g is in the document whenever c holds:
 * g asks for nothing but c. */
static int within(const guard *g, const condition *c)
{
    for (size_t i = 0; i < g->n; i++)
        if (!same_condition(g->conds[i], c))
            return 0;
    return 1;
}

static guard with(guard g, const condition *c)
{
    if (c->kind != COND_NONE && g.n < MAX_GUARDS)
        g.conds[g.n++] = c;
    return g;
}

static void need(checker *k, const guard *g, const condition *c, const token *t, const char *what)
{
    if (!k->all_combinations || implied(g, c))
        return;
    char buf[160];
    diag_input(
        k->diags, t->pos.file, t->pos.line, t->pos.column,
        "Zet dezelfde voorwaarde op het lid of onderdeel waarin de verwijzing staat.",
        "'%s' verwijst naar %s die alleen bestaat onder '%s'; bij andere keuzes blijft de verwijzing los staan",
        t->text, what, condition_text(c, buf, sizeof buf));
}

/* The condition "this optional article is kept", as a value. */
static condition article_kept(const model_article *a)
{
    condition c = {.kind = a->optional ? COND_ARTICLE : COND_NONE, .ref = a->id, .pos = a->pos};
    return c;
}

/* An item may vanish when one of its optional values is not filled in. */
static const char *optional_value_in(const model *m, const rich_text *t)
{
    for (size_t i = 0; i < t->count; i++) {
        const token *tk = &t->tokens[i];
        if (tk->kind == TOK_FIELD) {
            const model_field *f = model_find_field(m, tk->arg[0]);
            if (f && !f->builtin && !f->required && !f->default_value)
                return tk->arg[0];
        } else if (tk->kind == TOK_SPOT) {
            const model_spot *s = model_find_spot(m, tk->arg[0]);
            if (s && !s->required && !s->default_text)
                return tk->arg[0];
        } else if (tk->kind == TOK_COUNT) {
            /* Either wording may be the one a region gets. */
            for (size_t j = 0; j < tk->n_alts; j++) {
                const char *opt = optional_value_in(m, &tk->alts[j]);
                if (opt)
                    return opt;
            }
        }
    }
    return NULL;
}

/* A target that an unfilled optional value can remove would leave the
 * reference dangling in some region. */
static void check_vanishing(checker *k, const token *t, const rich_text *target)
{
    const char *opt = optional_value_in(k->m, target);
    if (opt && k->all_combinations)
        diag_input(k->diags, t->pos.file, t->pos.line, t->pos.column,
                   "Maak het veld verplicht of geef het een standaardwaarde.",
                   "'%s' verwijst naar tekst die wegvalt als '%s' niet is ingevuld", t->text, opt);
}

static void check_ref(checker *k, const guard *g, const token *t)
{
    const model *m = k->m;
    const model_article *a = model_find_article(m, t->arg[0]);
    if (!a) {
        diag_input(k->diags, t->pos.file, t->pos.line, t->pos.column, NULL,
                   "'%s' verwijst naar een onbekend artikel '%s'", t->text, t->arg[0]);
        return;
    }
    if (!a->numbered) {
        diag_input(k->diags, t->pos.file, t->pos.line, t->pos.column, NULL,
                   "'%s' verwijst naar een artikel zonder nummer", t->text);
        return;
    }
    condition kept = article_kept(a);
    need(k, g, &kept, t, "een optioneel artikel");
    if (!t->arg[1])
        return;
    const model_item *lid = model_find_item(a->leden, a->n_leden, t->arg[1]);
    if (!lid) {
        diag_input(k->diags, t->pos.file, t->pos.line, t->pos.column, NULL,
                   "'%s': artikel '%s' heeft geen lid '%s'", t->text, t->arg[0], t->arg[1]);
        return;
    }
    need(k, g, &lid->cond, t, "een lid");
    check_vanishing(k, t, &lid->text);
    if (!t->arg[2])
        return;
    /* One onderdeel, or several of the same lid: "b,c". */
    const char *ids = t->arg[2];
    for (;;) {
        size_t len = strcspn(ids, ",");
        const model_item *item = NULL;
        for (size_t i = 0; len && i < lid->n_items; i++)
            if (lid->items[i].id && strlen(lid->items[i].id) == len &&
                !strncmp(lid->items[i].id, ids, len))
                item = &lid->items[i];
        if (!item) {
            diag_input(k->diags, t->pos.file, t->pos.line, t->pos.column, NULL,
                       "'%s': lid '%s' heeft geen onderdeel '%.*s'", t->text, t->arg[1], (int)len,
                       ids);
            return;
        }
        need(k, g, &item->cond, t, "een onderdeel");
        check_vanishing(k, t, &item->text);
        if (!ids[len])
            return;
        ids += len + 1;
    }
}

/* Whether word begins a defined term or one of its forms: those are the
 * term check's to report. */
static int starts_a_term(const model *m, const char *word, size_t len)
{
    for (size_t i = 0; i < m->n_terms; i++) {
        const model_term *t = &m->terms[i];
        for (size_t j = 0; j <= t->n_forms; j++) {
            const char *f = j ? t->forms[j - 1] : t->term;
            if (f && !strncmp(f, word, len) && (f[len] == '\0' || f[len] == ' '))
                return 1;
        }
    }
    return 0;
}

/* A word with a capital in the middle of a sentence reads as a defined
 * term; it must be one, or be declared part of a proper name. */
static void check_capitals(checker *k, const token *tk)
{
    const model *m = k->m;
    PCRE2_SIZE at = 0, len = strlen(tk->text);
    while (pcre2_match(k->caps_re, (PCRE2_SPTR)tk->text, len, at, at ? PCRE2_NO_UTF_CHECK : 0,
                       k->caps_md, NULL) > 0) {
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(k->caps_md);
        const char *word = tk->text + ov[0];
        size_t wlen = ov[1] - ov[0];
        at = ov[1];
        int known = starts_a_term(m, word, wlen);
        for (size_t i = 0; !known && i < m->n_proper_names; i++)
            known = m->proper_names[i] && strlen(m->proper_names[i]) == wlen &&
                    !strncmp(m->proper_names[i], word, wlen);
        if (!known)
            diag_input(
                k->diags, tk->pos.file, tk->pos.line, tk->pos.column,
                "Definieer het als begrip en schrijf het tussen [[ ]], of zet het onder 'eigennamen' als het deel is van een naam.",
                "'%.*s' staat met een hoofdletter midden in een zin, maar is geen gedefinieerd begrip",
                (int)wlen, word);
    }
}

/* A field with a unit renders it ("zes maanden"); the same word again
 * after the field would read "zes maanden maanden". */
static void check_unit_twice(checker *k, const model_field *f, const token *next)
{
    const char *s = next->text;
    while (*s == ' ')
        s++;
    for (int i = 0; i < 2; i++) {
        size_t len = strlen(f->unit[i] ? f->unit[i] : "");
        if (len && !strncmp(s, f->unit[i], len) &&
            (s[len] == '\0' || s[len] == ' ' || s[len] == ',' || s[len] == '.' || s[len] == ';'))
            diag_input(k->diags, next->pos.file, next->pos.line, next->pos.column,
                       "Laat het woord weg: het veld schrijft zijn eenheid zelf.",
                       "'%s' na {{veld:%s}} herhaalt de eenheid van het veld", f->unit[i], f->id);
    }
}

static void check_rich(checker *k, const guard *g, const rich_text *t);

/* {{aantal:ID|een|meer}}: a known counter and two wordings, each checked
 * as text that some region's document holds. */
static void check_count(checker *k, const guard *g, const token *tk)
{
    if (!markup_find_counter(tk->arg[0]))
        diag_input(k->diags, tk->pos.file, tk->pos.line, tk->pos.column,
                   "Bekend zijn 'deelnemers' (alle Deelnemers), 'deelnemers_eerste_lid' en "
                   "'deelnemers_tweede_lid' (die van het eerste of tweede lid van artikel 2.27 "
                   "WGS).",
                   "onbekende teller '%s' in {{aantal:...}}", tk->arg[0]);
    if (tk->n_alts != 2)
        diag_input(k->diags, tk->pos.file, tk->pos.line, tk->pos.column,
                   "Schrijf {{aantal:TELLER|tekst bij één|tekst bij meer}}.",
                   "{{aantal:%s|...}} heeft %zu %s; er horen er twee te staan, bij één en bij meer",
                   tk->arg[0], tk->n_alts, tk->n_alts == 1 ? "tekst" : "teksten");
    for (size_t i = 0; i < tk->n_alts; i++)
        check_rich(k, g, &tk->alts[i]);
}

static void check_rich(checker *k, const guard *g, const rich_text *t)
{
    const model *m = k->m;
    for (size_t i = 0; i < t->count; i++) {
        const token *tk = &t->tokens[i];
        switch (tk->kind) {
        case TOK_TEXT: {
            check_capitals(k, tk);
            /* A defined term must be marked wherever it is used. */
            PCRE2_SIZE at = 0, len = strlen(tk->text);
            while (k->terms_re &&
                   pcre2_match(k->terms_re, (PCRE2_SPTR)tk->text, len, at,
                               at ? PCRE2_NO_UTF_CHECK : 0, k->md, NULL) > 0) {
                PCRE2_SIZE *ov = pcre2_get_ovector_pointer(k->md);
                char *word = strndup(tk->text + ov[0], ov[1] - ov[0]);
                diag_input(k->diags, tk->pos.file, tk->pos.line, tk->pos.column,
                           "Schrijf gedefinieerde begrippen tussen [[ en ]].",
                           "begrip '%s' staat zonder [[ ]] in de tekst", word ? word : "?");
                free(word);
                at = ov[1];
            }
            break;
        }
        case TOK_FIELD: {
            const model_field *f = model_find_field(m, tk->arg[0]);
            if (f && f->unit[0] && i + 1 < t->count && t->tokens[i + 1].kind == TOK_TEXT)
                check_unit_twice(k, f, &t->tokens[i + 1]);
            if (f)
                k->field_uses[f - m->fields]++;
            else
                diag_input(k->diags, tk->pos.file, tk->pos.line, tk->pos.column,
                           "Declareer het veld onder 'velden'.", "onbekend veld '%s'", tk->arg[0]);
            break;
        }
        case TOK_SPOT: {
            const model_spot *s = model_find_spot(m, tk->arg[0]);
            if (s)
                k->spot_uses[s - m->spots]++;
            else
                diag_input(k->diags, tk->pos.file, tk->pos.line, tk->pos.column,
                           "Declareer de plek onder 'regionaal'.",
                           "onbekende plek voor regionale tekst '%s'", tk->arg[0]);
            break;
        }
        case TOK_TERM: {
            const model_term *term = model_find_term(m, tk->arg[0]);
            if (!term) {
                diag_input(
                    k->diags, tk->pos.file, tk->pos.line, tk->pos.column,
                    "Definieer het begrip onder 'begrippen' of voeg de vorm toe aan 'vormen'.",
                    "begrip '%s' is niet gedefinieerd", tk->arg[0]);
                break;
            }
            k->term_uses[term - m->terms]++;
            if (within(g, &term->cond))
                k->term_always[term - m->terms] = 1;
            need(k, g, &term->cond, tk, "een begrip met een definitie");
            break;
        }
        case TOK_REF:
            check_ref(k, g, tk);
            break;
        case TOK_ANNEX: {
            const model_annex *b = model_find_annex(m, tk->arg[0]);
            if (!b)
                diag_input(k->diags, tk->pos.file, tk->pos.line, tk->pos.column, NULL,
                           "'%s' verwijst naar een onbekende bijlage", tk->text);
            else
                need(k, g, &b->cond, tk, "een bijlage");
            break;
        }
        case TOK_COUNT:
            check_count(k, g, tk);
            break;
        }
    }
}

static void check_condition(checker *k, const condition *c)
{
    const model *m = k->m;
    if (c->kind == COND_NONE)
        return;
    if (c->kind == COND_FIELD) {
        const model_field *f = model_find_field(m, c->ref);
        if (!f || f->type != FIELD_CHOICE) {
            diag_input(k->diags, c->pos.file, c->pos.line, c->pos.column, NULL,
                       "'%s' in alleen_als is geen keuzeveld", c->ref);
            return;
        }
        k->field_uses[f - m->fields]++;
        for (size_t i = 0; i < f->n_choices; i++)
            if (f->choices[i].key && !strcmp(f->choices[i].key, c->value))
                return;
        diag_input(k->diags, c->pos.file, c->pos.line, c->pos.column, NULL,
                   "'%s' is geen keuze van veld '%s'", c->value, c->ref);
        return;
    }
    const model_article *a = model_find_article(m, c->ref);
    if (!a)
        diag_input(k->diags, c->pos.file, c->pos.line, c->pos.column, NULL,
                   "alleen_als noemt een onbekend artikel '%s'", c->ref);
    else if (!a->optional)
        diag_input(k->diags, c->pos.file, c->pos.line, c->pos.column,
                   "Een voorwaarde op een verplicht artikel geldt altijd (of nooit).",
                   "alleen_als noemt artikel '%s', dat niet optioneel is", c->ref);
}

/* A line a verklaring fills in ends with the fill line, which the value
 * takes the place of. */
static void check_fill(checker *k, const model_item *it)
{
    if (it->fill == FILL_NONE)
        return;
    const char *dots = k->m->fill_line;
    const token *last = it->text.count ? &it->text.tokens[it->text.count - 1] : NULL;
    size_t len = last && last->kind == TOK_TEXT ? strlen(last->text) : 0;
    if (!dots)
        diag_input(k->diags, it->pos.file, it->pos.line, it->pos.column,
                   "Zet onder 'ondertekening' een 'invullijn'.",
                   "een regel met 'invullen', maar het model noemt geen invullijn");
    else if (len < strlen(dots) || strcmp(last->text + len - strlen(dots), dots))
        diag_input(k->diags, it->pos.file, it->pos.line, it->pos.column,
                   "Laat de regel eindigen met de invullijn uit 'ondertekening'.",
                   "een regel met 'invullen' eindigt niet met de invullijn");
}

/* Whether c holds when the option it depends on has this value: an
 * optional article kept or not, or a choice field's key (NULL: empty). */
static int holds_for(const condition *c, int kept, const char *key)
{
    switch (c->kind) {
    case COND_NONE:
        return 1;
    case COND_ARTICLE:
        return kept;
    case COND_NOT_ARTICLE:
        return !kept;
    case COND_FIELD:
        return key && c->value && !strcmp(key, c->value);
    }
    return 0;
}

/* Siblings whose conditions exclude each other share one number under
 * 'nummering: model' (model_slot_length): right only when one of them is
 * always there. Tried for every value of the option they depend on. */
static void check_alternatives(checker *k, const model_item *items, size_t n, const char *what)
{
    for (size_t i = 0, len; i < n; i += len) {
        len = model_slot_length(items, n, i);
        const condition *c = &items[i].cond;
        const model_field *f = c->kind == COND_FIELD ? model_find_field(k->m, c->ref) : NULL;
        if (len < 2 || (c->kind == COND_FIELD && (!f || f->type != FIELD_CHOICE)))
            continue; /* one place alone, or a condition check_condition reports */
        size_t values = f ? f->n_choices + 1 : 2;
        for (size_t v = 0; v < values; v++) {
            const char *key = f && v < f->n_choices ? f->choices[v].key : NULL;
            if (f && !key && (f->required || f->default_value))
                continue; /* the field always has a value */
            size_t holding = 0;
            for (size_t j = i; j < i + len; j++)
                holding += holds_for(&items[j].cond, v == 0, key);
            if (holding == 1)
                continue;
            char when[160];
            if (key)
                snprintf(when, sizeof when, "bij '%s: %s'", f->id, key);
            else
                snprintf(when, sizeof when, "als '%s' niet is ingevuld", f ? f->id : c->ref);
            diag_input(k->diags, c->pos.file, c->pos.line, c->pos.column,
                       key ? "Geef elke keuze van het veld een eigen alternatief, of zet er een "
                             "lid of onderdeel zonder voorwaarde tussen."
                           : "Maak het keuzeveld verplicht of geef het een standaardwaarde.",
                       "%s op regel %d tot en met %d sluiten elkaar uit en delen daarom één "
                       "nummer bij 'nummering: model', maar %s staat er geen",
                       what, c->pos.line, items[i + len - 1].cond.pos.line, when);
            break;
        }
    }
}

static void check_items(checker *k, guard g, const model_item *items, size_t n, const char *what)
{
    if (k->all_combinations)
        check_alternatives(k, items, n, what);
    for (size_t i = 0; i < n; i++) {
        const model_item *it = &items[i];
        for (size_t j = 0; j < i; j++)
            if (it->id && items[j].id && !strcmp(it->id, items[j].id))
                diag_input(k->diags, it->pos.file, it->pos.line, it->pos.column, NULL,
                           "id '%s' komt twee keer voor in %s", it->id, what);
        check_condition(k, &it->cond);
        guard inner = with(g, &it->cond);
        check_rich(k, &inner, &it->text);
        if (it->list_field && strcmp(it->list_field, "deelnemers")) {
            const model_field *f = model_find_field(k->m, it->list_field);
            if (!f || (f->type != FIELD_ORGS && f->type != FIELD_LIST))
                diag_input(k->diags, it->pos.file, it->pos.line, it->pos.column,
                           "Gebruik 'deelnemers' of een veld van type organisaties of lijst.",
                           "'lijst: %s' noemt geen lijstveld", it->list_field);
            else
                k->field_uses[f - k->m->fields]++;
        }
        check_fill(k, it);
        check_items(k, inner, it->items, it->n_items, "de onderdelen");
    }
}

/* Checked here rather than when a verklaring is filled in, so that
 * `controleer` finds it for every model, whatever the region. */
static void check_per(checker *k, const model_annex *b)
{
    if (!b->per_field)
        return;
    const model_field *f = model_find_field(k->m, b->per_field);
    if (!f || (f->type != FIELD_ORGS && f->type != FIELD_LIST))
        diag_input(k->diags, b->pos.file, b->pos.line, b->pos.column,
                   "Noem een veld van type organisaties of lijst.",
                   "'per: %s' van bijlage '%s' noemt geen lijstveld", b->per_field,
                   b->id ? b->id : "?");
    else
        k->field_uses[f - k->m->fields]++;
}

/* One pattern for all term forms, longest first so "Geprioriteerde
 * Casus" wins over "Casus"; a hyphen belongs to the word. */
static void compile_terms(checker *k)
{
    const model *m = k->m;
    size_t len = 64, n = 0;
    for (size_t i = 0; i < m->n_terms; i++) {
        len += (m->terms[i].term ? strlen(m->terms[i].term) : 0) + 8;
        for (size_t j = 0; j < m->terms[i].n_forms; j++)
            len += (m->terms[i].forms[j] ? strlen(m->terms[i].forms[j]) : 0) + 8;
        n += 1 + m->terms[i].n_forms;
    }
    const char **forms = calloc(n + 1, sizeof *forms);
    char *pat = malloc(len);
    if (!forms || !pat) {
        diag_system(k->diags, "onvoldoende geheugen");
        goto out;
    }
    n = 0;
    for (size_t i = 0; i < m->n_terms; i++) {
        if (m->terms[i].term)
            forms[n++] = m->terms[i].term;
        for (size_t j = 0; j < m->terms[i].n_forms; j++)
            if (m->terms[i].forms[j])
                forms[n++] = m->terms[i].forms[j];
    }
    if (!n)
        goto out;
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && strlen(forms[j - 1]) < strlen(forms[j]); j--) {
            const char *t = forms[j];
            forms[j] = forms[j - 1];
            forms[j - 1] = t;
        }
    strcpy(pat, "(?<![\\w-])(?:");
    for (size_t i = 0; i < n; i++) {
        if (i)
            strcat(pat, "|");
        strcat(pat, "\\Q");
        strcat(pat, forms[i]);
        strcat(pat, "\\E");
    }
    strcat(pat, ")(?![\\w-])");
    int err;
    PCRE2_SIZE off;
    k->terms_re = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_UCP, &err,
                                &off, NULL);
    if (k->terms_re) {
        pcre2_jit_compile(k->terms_re, PCRE2_JIT_COMPLETE);
        k->md = pcre2_match_data_create_from_pattern(k->terms_re, NULL);
    }
    if (!k->terms_re || !k->md)
        diag_system(k->diags, "interne fout bij het zoeken naar begrippen");
out:
    free(forms);
    free(pat);
}

static void check_unique(checker *k)
{
    const model *m = k->m;
    for (size_t i = 0; i < m->n_fields; i++)
        for (size_t j = 0; j < i; j++)
            if (m->fields[i].id && m->fields[j].id && !strcmp(m->fields[i].id, m->fields[j].id) &&
                !m->fields[j].builtin)
                diag_input(k->diags, m->fields[i].pos.file, m->fields[i].pos.line,
                           m->fields[i].pos.column, NULL, "veld '%s' is twee keer gedeclareerd",
                           m->fields[i].id);
    for (size_t i = 0; i < m->n_spots; i++)
        for (size_t j = 0; j < i; j++)
            if (m->spots[i].id && m->spots[j].id && !strcmp(m->spots[i].id, m->spots[j].id))
                diag_input(k->diags, m->spots[i].pos.file, m->spots[i].pos.line,
                           m->spots[i].pos.column, NULL,
                           "regionale plek '%s' is twee keer gedeclareerd", m->spots[i].id);
    for (size_t i = 0; i < m->n_terms; i++) {
        const model_term *t = &m->terms[i];
        for (size_t j = 0; j < i; j++)
            if (t->id && m->terms[j].id && !strcmp(t->id, m->terms[j].id))
                diag_input(k->diags, t->pos.file, t->pos.line, t->pos.column, NULL,
                           "begrip '%s' is twee keer gedeclareerd", t->id);
        /* model_find_term returns the first owner of a form. */
        if (t->term && model_find_term(m, t->term) != t)
            diag_input(k->diags, t->pos.file, t->pos.line, t->pos.column, NULL,
                       "de term '%s' hoort al bij een ander begrip", t->term);
        for (size_t f = 0; f < t->n_forms; f++)
            if (t->forms[f] && model_find_term(m, t->forms[f]) != t)
                diag_input(k->diags, t->pos.file, t->pos.line, t->pos.column, NULL,
                           "de vorm '%s' hoort al bij een ander begrip", t->forms[f]);
    }
    for (size_t p = 0; p < m->n_parts; p++)
        for (size_t i = 0; i < m->parts[p].n_articles; i++) {
            const model_article *a = &m->parts[p].articles[i];
            if (a->id && model_find_article(m, a->id) != a)
                diag_input(k->diags, a->pos.file, a->pos.line, a->pos.column, NULL,
                           "artikel-id '%s' komt twee keer voor", a->id);
        }
    for (size_t i = 0; i < m->n_annexes; i++) {
        const model_annex *b = &m->annexes[i];
        if (b->id && model_find_annex(m, b->id) != b)
            diag_input(k->diags, b->pos.file, b->pos.line, b->pos.column, NULL,
                       "bijlage-id '%s' komt twee keer voor", b->id);
    }
}

/* The new field keys, the soorten of Deelnemers and the werkgebied. */
static void check_fields_and_soorten(checker *k)
{
    const model *m = k->m;
    for (size_t i = 0; i < m->n_fields; i++) {
        const model_field *f = &m->fields[i];
        for (size_t j = 0; j < f->n_not_before; j++) {
            const char *b = f->not_before[j];
            int y, mo, d;
            if (!b || !dutch_parse_date(b, &y, &mo, &d))
                continue;
            const model_field *g = model_find_field(m, b);
            if (!g || g->type != FIELD_DATE)
                diag_input(k->diags, f->pos.file, f->pos.line, f->pos.column,
                           "Noem een datum als JJJJ-MM-DD of het id van een datumveld.",
                           "'niet_voor' van veld '%s' noemt '%s', geen datum of datumveld",
                           f->id, b);
        }
        if (f->type == FIELD_NUMBER && f->unit[0] && f->unit[1] && f->min < 0)
            diag_input(k->diags, f->pos.file, f->pos.line, f->pos.column, NULL,
                       "veld '%s' met een eenheid kan negatief worden ('min' is %ld)", f->id,
                       f->min);
    }
    /* The proof below holds for both numberings; the model's own needs a
     * title for what it drops. */
    int optional = 0;
    for (size_t p = 0; p < m->n_parts; p++)
        for (size_t i = 0; i < m->parts[p].n_articles; i++)
            optional |= m->parts[p].articles[i].optional;
    for (size_t i = 0; i < m->n_annexes; i++)
        optional |= m->annexes[i].cond.kind != COND_NONE;
    if (optional && !m->dropped_title)
        diag_input(k->diags, m->file, 0, 0,
                   "Zet onder 'model:' bijvoorbeeld 'vervallen: \"[vervallen]\"'.",
                   "het model laat artikelen of bijlagen weg, maar noemt geen 'vervallen': "
                   "'nummering: model' kan dan geen nummers vasthouden");
    if (!m->n_soorten)
        diag_input(k->diags, m->file, 0, 0, "Zie 'deelnemers' in model/README.md.",
                   "het model noemt geen soorten Deelnemers");
    int any_first = 0;
    for (size_t i = 0; i < m->n_soorten; i++) {
        const model_soort *s = &m->soorten[i];
        any_first |= s->lid == 1;
        if (s->id && model_find_soort(m, s->id) != s)
            diag_input(k->diags, s->pos.file, s->pos.line, s->pos.column, NULL,
                       "soort '%s' is twee keer gedeclareerd", s->id);
        if (s->per_gemeente && !m->werkgebied)
            diag_input(k->diags, s->pos.file, s->pos.line, s->pos.column,
                       "Noem onder 'deelnemers' met 'werkgebied:' het veld met de gemeenten.",
                       "soort '%s' is er een per gemeente, maar het model noemt geen werkgebied",
                       s->id ? s->id : "?");
    }
    if (m->n_soorten && !any_first)
        diag_input(k->diags, m->soorten[0].pos.file, m->soorten[0].pos.line,
                   m->soorten[0].pos.column, NULL,
                   "geen enkele soort Deelnemer is van het eerste lid, terwijl de "
                   "Beheerorganisatie er een moet zijn");
    if (m->werkgebied) {
        const model_field *w = model_find_field(m, m->werkgebied);
        if (!w || w->type != FIELD_ORGS)
            diag_input(k->diags, m->werkgebied_pos.file, m->werkgebied_pos.line,
                       m->werkgebied_pos.column, "Noem een veld van type organisaties.",
                       "'werkgebied: %s' noemt geen veld van type organisaties", m->werkgebied);
        else
            k->field_uses[w - m->fields]++;
    }
}

void model_check(const model *m, int all_combinations, diag_list *diags)
{
    checker k = {.m = m, .diags = diags, .all_combinations = all_combinations};
    k.field_uses = calloc(m->n_fields + 1, sizeof *k.field_uses);
    k.spot_uses = calloc(m->n_spots + 1, sizeof *k.spot_uses);
    k.term_uses = calloc(m->n_terms + 1, sizeof *k.term_uses);
    k.term_always = calloc(m->n_terms + 1, sizeof *k.term_always);
    if (!k.field_uses || !k.spot_uses || !k.term_uses || !k.term_always) {
        diag_system(diags, "onvoldoende geheugen");
        goto out;
    }
    check_unique(&k);
    check_fields_and_soorten(&k);
    compile_terms(&k);
    /* A word of two or more letters with a capital after a lower-case
     * letter, comma, colon, semicolon or opening parenthesis and a space:
     * not the start of a sentence. A hyphen before a space ("Zorg- en")
     * is not part of the word. */
    int err;
    PCRE2_SIZE off;
    k.caps_re = pcre2_compile((PCRE2_SPTR) "(?<=[\\p{Ll},;:(] )\\p{Lu}\\p{L}+(?:-\\p{L}+)*",
                              PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_UCP, &err, &off, NULL);
    if (k.caps_re) {
        /* Runs over every word of the model: JIT where available, the
         * interpreter otherwise (pcre2_match chooses). */
        pcre2_jit_compile(k.caps_re, PCRE2_JIT_COMPLETE);
        k.caps_md = pcre2_match_data_create_from_pattern(k.caps_re, NULL);
    }
    if (!k.caps_re || !k.caps_md) {
        diag_system(diags, "interne fout in het patroon voor hoofdletters");
        goto out;
    }
    guard none = {0};
    check_rich(&k, &none, &m->title);
    check_rich(&k, &none, &m->subtitle);
    check_rich(&k, &none, &m->parties_intro);
    check_rich(&k, &none, &m->parties_closing);
    check_rich(&k, &none, &m->signing_text);
    check_rich(&k, &none, &m->signing_apart);
    for (size_t i = 0; i < m->n_terms; i++) {
        const model_term *t = &m->terms[i];
        check_condition(&k, &t->cond);
        guard g = with(none, &t->cond);
        /* A definition that uses its own term would count as a use. */
        size_t before = k.term_uses[i];
        unsigned char always = k.term_always[i];
        check_rich(&k, &g, &t->definition);
        k.term_uses[i] = before;
        k.term_always[i] = always;
    }
    for (size_t p = 0; p < m->n_parts; p++)
        for (size_t i = 0; i < m->parts[p].n_articles; i++) {
            const model_article *a = &m->parts[p].articles[i];
            condition kept = article_kept(a);
            guard g = with(none, &kept);
            check_items(&k, g, a->leden, a->n_leden, "de leden");
        }
    for (size_t i = 0; i < m->n_annexes; i++) {
        const model_annex *b = &m->annexes[i];
        check_condition(&k, &b->cond);
        check_per(&k, b);
        check_items(&k, with(none, &b->cond), b->leden, b->n_leden, "de leden");
    }
    for (size_t i = 0; i < m->n_fields; i++)
        if (!m->fields[i].builtin && m->fields[i].id && !k.field_uses[i])
            diag_input(diags, m->fields[i].pos.file, m->fields[i].pos.line, m->fields[i].pos.column,
                       "Gebruik het veld in de tekst met {{veld:ID}}, of verwijder het.",
                       "veld '%s' wordt nergens gebruikt", m->fields[i].id);
    for (size_t i = 0; i < m->n_spots; i++)
        if (m->spots[i].id && !k.spot_uses[i])
            diag_input(diags, m->spots[i].pos.file, m->spots[i].pos.line, m->spots[i].pos.column,
                       "Gebruik de plek in de tekst met {{regio:ID}}, of verwijder haar.",
                       "regionale plek '%s' wordt nergens gebruikt", m->spots[i].id);
    for (size_t i = 0; i < m->n_terms; i++)
        if (m->terms[i].id && !k.term_uses[i])
            diag_input(diags, m->terms[i].pos.file, m->terms[i].pos.line, m->terms[i].pos.column,
                       "Gebruik het begrip in de tekst met [[ ]], of verwijder de definitie.",
                       "begrip '%s' wordt gedefinieerd maar nergens gebruikt", m->terms[i].term);
        else if (m->terms[i].id && !k.term_always[i] && all_combinations)
            diag_input(
                diags, m->terms[i].pos.file, m->terms[i].pos.line, m->terms[i].pos.column,
                "Geef de definitie dezelfde voorwaarde (alleen_als), of gebruik het begrip ook in tekst die er altijd staat.",
                "begrip '%s' wordt alleen gebruikt in tekst onder voorwaarden; bij andere keuzes staat de definitie zonder gebruik in het document",
                m->terms[i].term);
out:
    pcre2_match_data_free(k.md);
    pcre2_code_free(k.terms_re);
    pcre2_match_data_free(k.caps_md);
    pcre2_code_free(k.caps_re);
    free(k.field_uses);
    free(k.spot_uses);
    free(k.term_uses);
    free(k.term_always);
}
