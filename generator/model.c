/* Loading the national model file (format in model/README.md). */
#define _GNU_SOURCE
#include "model.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dutch.h"

typedef struct {
    ydoc y;
    model *m;
    int oom;
} loader;

/* The model's own text (model, modelversie, modeldatum) and the reference
 * whose structure it follows (referentie…) are separate fields, so that a
 * provenance sentence built from them stays true for any model file. */
static const char *const builtin_ids[] = {"regio",
                                          "beheerorganisatie",
                                          "deelnemers",
                                          "plaats",
                                          "datum",
                                          "model",
                                          "modelversie",
                                          "modeldatum",
                                          "referentie",
                                          "referentievastgesteld",
                                          "referentievastgesteld_door"};
static const field_type builtin_types[] = {FIELD_TEXT, FIELD_MEMBER, FIELD_ORGS, FIELD_TEXT,
                                           FIELD_DATE, FIELD_TEXT, FIELD_TEXT, FIELD_DATE,
                                           FIELD_TEXT, FIELD_DATE, FIELD_TEXT};
static const char *const builtin_descriptions[] = {
    "Naam van de regio (regio: in het regiobestand)",
    "De Beheerorganisatie (beheerorganisatie: in het regiobestand)",
    "Namen van alle Deelnemers (deelnemers: in het regiobestand)",
    "Plaats van ondertekening (ondertekening: plaats:)",
    "Datum van ondertekening (ondertekening: datum:)",
    "Naam van deze modeltekst (model: naam:)",
    "Versie van deze modeltekst (model: versie:)",
    "Datum van deze versie van de modeltekst (model: datum:)",
    "Naam van het model waarvan deze tekst de opbouw volgt (model: referentie: naam:)",
    "Datum waarop dat model is vastgesteld (model: referentie: vastgesteld:)",
    "Wie dat model heeft vastgesteld (model: referentie: vastgesteld_door:)",
};

static const char *const type_names[] = {"tekst", "getal", "datum",    "keuze",
                                         "organisaties", "lijst", "deelnemer"};

const char *field_type_name(field_type t)
{
    return type_names[t];
}

static void *alloc(loader *l, size_t n, size_t size)
{
    void *p = arena_alloc(&l->m->arena, n * size);
    if (!p && n)
        l->oom = 1;
    return p;
}

/* Loads each element of a sequence with fn into a new array of n
 * elements of size bytes; NULL (n = 0) when seq is not a sequence. */
typedef void (*load_fn)(loader *l, yaml_node_t *node, void *out);

static void *load_seq(loader *l, yaml_node_t *seq, const char *what, size_t size, size_t *n,
                      load_fn fn)
{
    *n = 0;
    if (yseq_check(&l->y, seq, what))
        return NULL;
    size_t count = yseq_size(seq);
    char *array = alloc(l, count, size);
    if (!array)
        return NULL;
    *n = count;
    for (size_t i = 0; i < count; i++)
        fn(l, yseq_at(&l->y, seq, i), array + i * size);
    return array;
}

static void load_string(loader *l, yaml_node_t *node, void *out)
{
    *(char **)out = yscalar(&l->y, node, "een element van de lijst", 1);
}

/* Scans a text scalar for markup; keeps positions exact where the YAML
 * layout allows (one line, plain or quoted). */
static void load_rich(loader *l, yaml_node_t *node, const char *what, rich_text *out)
{
    memset(out, 0, sizeof *out);
    char *s = yscalar(&l->y, node, what, 1);
    if (!s)
        return;
    src_pos p = ydoc_pos(&l->y, node);
    yaml_scalar_style_t st = node->data.scalar.style;
    text_layout layout = LAYOUT_START_ONLY;
    if (node->start_mark.line == node->end_mark.line) {
        if (st == YAML_PLAIN_SCALAR_STYLE)
            layout = LAYOUT_EXACT;
        else if (st == YAML_SINGLE_QUOTED_SCALAR_STYLE)
            layout = LAYOUT_SINGLE_QUOTED;
        /* Backslash escapes change lengths unpredictably. */
        else if (st == YAML_DOUBLE_QUOTED_SCALAR_STYLE && !strchr(s, '\\'))
            layout = LAYOUT_EXACT;
    }
    if (st == YAML_SINGLE_QUOTED_SCALAR_STYLE || st == YAML_DOUBLE_QUOTED_SCALAR_STYLE)
        p.column++;
    if (markup_scan(s, p, layout, &l->m->arena, l->y.diags, out))
        l->oom = 1;
}

static void load_opt_rich(loader *l, yaml_node_t *map, const char *key, const char *what,
                          rich_text *out)
{
    yaml_node_t *v = ymap_get(&l->y, map, key);
    if (v)
        load_rich(l, v, what, out);
    else
        memset(out, 0, sizeof *out);
}

static void load_condition(loader *l, yaml_node_t *map, condition *c)
{
    memset(c, 0, sizeof *c);
    yaml_node_t *v = ymap_get(&l->y, map, "alleen_als");
    if (!v)
        return;
    char *s = yscalar(&l->y, v, "'alleen_als'", 1);
    if (!s)
        return;
    c->pos = ydoc_pos(&l->y, v);
    char *eq = strchr(s, '=');
    if (eq) {
        *eq = '\0';
        c->kind = COND_FIELD;
        c->ref = s;
        c->value = eq + 1;
    } else if (!strncmp(s, "niet ", 5)) {
        c->kind = COND_NOT_ARTICLE;
        c->ref = s + 5;
        while (*c->ref == ' ')
            c->ref++;
    } else {
        c->kind = COND_ARTICLE;
        c->ref = s;
    }
}

static const char *const item_keys[] = {"id",    "tekst",          "alleen_als", "onderdelen",
                                        "lijst", "begrippenlijst", "invullen",   NULL};
/* invullen: values, in the order of fill_kind from FILL_NAME on. */
static const char *const fill_names[] = {"naam", "organisatie", "functie", "datum", "kenmerk"};

static void load_items(loader *l, yaml_node_t *seq, const char *what, int depth, model_item **out,
                       size_t *n_out);

static void load_item(loader *l, yaml_node_t *node, const char *what, int depth, model_item *it)
{
    it->pos = ydoc_pos(&l->y, node);
    if (ymap_check(&l->y, node, item_keys, what) < 0)
        return;
    it->id = ymap_text(&l->y, node, "id", 0, what);
    yaml_node_t *t = ymap_get(&l->y, node, "tekst");
    if (t)
        load_rich(l, t, "'tekst'", &it->text);
    else
        ydoc_error(&l->y, node, NULL, "'tekst' ontbreekt in %s", what);
    load_condition(l, node, &it->cond);
    it->list_field = ymap_text(&l->y, node, "lijst", 0, what);
    it->term_list = ymap_bool(&l->y, node, "begrippenlijst", 0);
    char *fill = ymap_text(&l->y, node, "invullen", 0, what);
    for (size_t i = 0; fill && i < sizeof fill_names / sizeof *fill_names; i++)
        if (!strcmp(fill, fill_names[i]))
            it->fill = (fill_kind)(i + 1);
    if (fill && it->fill == FILL_NONE)
        ydoc_error(&l->y, ymap_get(&l->y, node, "invullen"),
                   "Kies naam, organisatie, functie, datum of kenmerk.",
                   "onbekende waarde '%s' voor 'invullen'", fill);
    yaml_node_t *sub = ymap_get(&l->y, node, "onderdelen");
    if (sub) {
        if (depth >= 2)
            ydoc_error(&l->y, sub, "Onderdelen kunnen twee niveaus diep (a., 1°).",
                       "te diep genest: onderdelen binnen een onderdeel van een onderdeel");
        else
            load_items(l, sub, "een onderdeel", depth + 1, &it->items, &it->n_items);
    }
    if ((sub != NULL) + (it->list_field != NULL) + it->term_list > 1)
        ydoc_error(&l->y, node, NULL,
                   "een lid heeft onderdelen, een lijst of een begrippenlijst, niet meer dan één");
}

static void load_items(loader *l, yaml_node_t *seq, const char *what, int depth, model_item **out,
                       size_t *n_out)
{
    if (yseq_check(&l->y, seq, depth ? "'onderdelen'" : "'leden'"))
        return;
    size_t n = yseq_size(seq);
    *out = alloc(l, n, sizeof **out);
    if (!*out)
        return;
    *n_out = n;
    for (size_t i = 0; i < n; i++)
        load_item(l, yseq_at(&l->y, seq, i), what, depth, &(*out)[i]);
}

static const char *const article_keys[] = {"id",        "titel", "optioneel", "toelichting",
                                           "genummerd", "leden", NULL};

static void load_article(loader *l, yaml_node_t *node, model_article *a)
{
    a->pos = ydoc_pos(&l->y, node);
    if (ymap_check(&l->y, node, article_keys, "een artikel") < 0)
        return;
    a->id = ymap_text(&l->y, node, "id", 1, "een artikel");
    a->title = ymap_text(&l->y, node, "titel", 1, "een artikel");
    a->optional = ymap_bool(&l->y, node, "optioneel", 0);
    a->numbered = ymap_bool(&l->y, node, "genummerd", 1);
    a->explanation = ymap_text(&l->y, node, "toelichting", 0, "een artikel");
    if (a->optional && !a->explanation)
        ydoc_error(&l->y, node, "Leg uit wanneer een regio dit artikel opneemt.",
                   "optioneel artikel '%s' heeft geen 'toelichting'", a->id ? a->id : "?");
    if (a->optional && !a->numbered)
        ydoc_error(&l->y, node, NULL, "een artikel zonder nummer kan niet optioneel zijn");
    yaml_node_t *leden = ymap_get(&l->y, node, "leden");
    if (leden)
        load_items(l, leden, "een lid", 0, &a->leden, &a->n_leden);
    else
        ydoc_error(&l->y, node, NULL, "'leden' ontbreekt in artikel '%s'", a->id ? a->id : "?");
}

static const char *const part_keys[] = {"id", "titel", "artikelen", NULL};

static void load_article_fn(loader *l, yaml_node_t *node, void *out)
{
    load_article(l, node, out);
}

static void load_part(loader *l, yaml_node_t *node, void *out)
{
    model_part *p = out;
    p->pos = ydoc_pos(&l->y, node);
    if (ymap_check(&l->y, node, part_keys, "een deel") < 0)
        return;
    p->id = ymap_text(&l->y, node, "id", 1, "een deel");
    p->title = ymap_text(&l->y, node, "titel", 1, "een deel");
    yaml_node_t *arts = ymap_get(&l->y, node, "artikelen");
    if (arts)
        p->articles =
            load_seq(l, arts, "'artikelen'", sizeof *p->articles, &p->n_articles, load_article_fn);
    else
        ydoc_error(&l->y, node, NULL, "'artikelen' ontbreekt in deel '%s'", p->id ? p->id : "?");
}

static const char *const annex_keys[] = {"id",         "titel", "alleen_als", "verklaring",
                                         "per",        "leden", NULL};

static void load_annex(loader *l, yaml_node_t *node, void *out)
{
    model_annex *b = out;
    b->pos = ydoc_pos(&l->y, node);
    if (ymap_check(&l->y, node, annex_keys, "een bijlage") < 0)
        return;
    b->id = ymap_text(&l->y, node, "id", 1, "een bijlage");
    b->title = ymap_text(&l->y, node, "titel", 1, "een bijlage");
    load_condition(l, node, &b->cond);
    b->declaration = ymap_bool(&l->y, node, "verklaring", 0);
    b->per_field = ymap_text(&l->y, node, "per", 0, "een bijlage");
    if (b->per_field && !b->declaration)
        ydoc_error(&l->y, ymap_get(&l->y, node, "per"), "Zet 'verklaring: ja' erbij.",
                   "'per' hoort alleen bij een verklaring");
    yaml_node_t *leden = ymap_get(&l->y, node, "leden");
    if (leden)
        load_items(l, leden, "een lid", 0, &b->leden, &b->n_leden);
    else
        ydoc_error(&l->y, node, NULL, "'leden' ontbreekt in bijlage '%s'", b->id ? b->id : "?");
}

static int parse_long(const char *s, long *out)
{
    char *end;
    /* strtol would skip leading white space; a number is only digits. */
    if (!s || !*s || isspace((unsigned char)*s))
        return -1;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (*end || errno == ERANGE)
        return -1;
    *out = v;
    return 0;
}

static const char *const field_keys[] = {"id",        "type",   "omschrijving", "aanduiding",
                                         "verplicht", "min",    "max",          "standaard",
                                         "keuzes",    "eenheid", "lid",         "niet_voor",
                                         NULL};

/* "eerste" or "tweede" (lid of art. 2.27 WGS) under key: 1 or 2; 0 when
 * absent or wrong (reported). */
static int load_lid(loader *l, yaml_node_t *map, const char *key, int required, const char *what)
{
    char *v = ymap_text(&l->y, map, key, required, what);
    if (!v)
        return 0;
    if (!strcmp(v, "eerste"))
        return 1;
    if (!strcmp(v, "tweede"))
        return 2;
    ydoc_error(&l->y, ymap_get(&l->y, map, key),
               "Schrijf 'eerste' (artikel 2.27, eerste lid, WGS) of 'tweede'.",
               "onbekende waarde '%s' voor '%s'", v, key);
    return 0;
}

static void load_field(loader *l, yaml_node_t *node, model_field *f)
{
    f->pos = ydoc_pos(&l->y, node);
    if (ymap_check(&l->y, node, field_keys, "een veld") < 0)
        return;
    f->id = ymap_text(&l->y, node, "id", 1, "een veld");
    f->description = ymap_text(&l->y, node, "omschrijving", 1, "een veld");
    f->short_name = ymap_text(&l->y, node, "aanduiding", 0, "een veld");
    f->required = ymap_bool(&l->y, node, "verplicht", 0);
    for (size_t b = 0; f->id && b < sizeof builtin_ids / sizeof *builtin_ids; b++)
        if (!strcmp(f->id, builtin_ids[b]))
            ydoc_error(&l->y, node, "Kies een andere naam; dit veld vult het regiobestand zelf.",
                       "'%s' is een ingebouwd veld", f->id);
    yaml_node_t *tn = ymap_get(&l->y, node, "type");
    char *type = ymap_text(&l->y, node, "type", 1, "een veld");
    if (type) {
        size_t t;
        for (t = 0; t < sizeof type_names / sizeof *type_names; t++)
            if (!strcmp(type, type_names[t]))
                break;
        if (t == sizeof type_names / sizeof *type_names)
            ydoc_error(&l->y, tn,
                       "Kies tekst, getal, datum, keuze, organisaties, lijst of deelnemer.",
                       "onbekend veldtype '%s'", type);
        else
            f->type = (field_type)t;
    }
    yaml_node_t *mn = ymap_get(&l->y, node, "min"), *mx = ymap_get(&l->y, node, "max");
    f->min = 0;
    f->max = 1000000;
    if ((mn || mx) && f->type != FIELD_NUMBER)
        ydoc_error(&l->y, mn ? mn : mx, NULL, "'min' en 'max' horen alleen bij een getal");
    if (mn && parse_long(yscalar(&l->y, mn, "'min'", 1), &f->min))
        ydoc_error(&l->y, mn, NULL, "'min' moet een geheel getal zijn");
    if (mx && parse_long(yscalar(&l->y, mx, "'max'", 1), &f->max))
        ydoc_error(&l->y, mx, NULL, "'max' moet een geheel getal zijn");
    if (f->min > f->max)
        ydoc_error(&l->y, mn ? mn : mx, NULL, "'min' is groter dan 'max'");
    yaml_node_t *kz = ymap_get(&l->y, node, "keuzes");
    if (f->type == FIELD_CHOICE) {
        if (!kz || kz->type != YAML_MAPPING_NODE || !ymap_size(kz)) {
            ydoc_error(&l->y, kz ? kz : node, "Schrijf per keuze 'sleutel: tekst in het document'.",
                       "een keuzeveld heeft 'keuzes' nodig");
        } else {
            f->n_choices = ymap_size(kz);
            if ((f->choices = alloc(l, f->n_choices, sizeof *f->choices)))
                for (size_t i = 0; i < f->n_choices; i++) {
                    f->choices[i].key = yscalar(&l->y, ymap_key_at(&l->y, kz, i), "een keuze", 1);
                    f->choices[i].text =
                        yscalar(&l->y, ymap_value_at(&l->y, kz, i), "een keuze", 1);
                }
        }
    } else if (kz) {
        ydoc_error(&l->y, kz, NULL, "'keuzes' horen alleen bij een keuzeveld");
    }
    yaml_node_t *un = ymap_get(&l->y, node, "eenheid");
    if (un && f->type != FIELD_NUMBER) {
        ydoc_error(&l->y, un, NULL, "'eenheid' hoort alleen bij een getal");
    } else if (un) {
        if (un->type != YAML_SEQUENCE_NODE || yseq_size(un) != 2)
            ydoc_error(&l->y, un, "Schrijf enkelvoud en meervoud, zoals [maand, maanden].",
                       "'eenheid' moet twee vormen hebben: enkelvoud en meervoud");
        else
            for (size_t i = 0; i < 2; i++)
                f->unit[i] = yscalar(&l->y, yseq_at(&l->y, un, i), "'eenheid'", 1);
    }
    yaml_node_t *ln = ymap_get(&l->y, node, "lid");
    if (ln && f->type != FIELD_MEMBER)
        ydoc_error(&l->y, ln, NULL, "'lid' hoort alleen bij een veld van type deelnemer");
    else if (ln)
        f->member_lid = load_lid(l, node, "lid", 0, "een veld");
    yaml_node_t *nb = ymap_get(&l->y, node, "niet_voor");
    if (nb && f->type != FIELD_DATE)
        ydoc_error(&l->y, nb, NULL, "'niet_voor' hoort alleen bij een datum");
    else if (nb)
        f->not_before = load_seq(l, nb, "'niet_voor'", sizeof *f->not_before, &f->n_not_before,
                                 load_string);
    yaml_node_t *dv = ymap_get(&l->y, node, "standaard");
    if (dv) {
        if (f->type == FIELD_ORGS || f->type == FIELD_LIST || f->type == FIELD_MEMBER)
            ydoc_error(&l->y, dv, NULL, "een lijstveld heeft geen standaardwaarde");
        else
            f->default_value = yscalar(&l->y, dv, "'standaard'", 1);
    }
}

static void load_fields(loader *l, yaml_node_t *seq)
{
    size_t nb = sizeof builtin_ids / sizeof *builtin_ids;
    size_t n = seq && !yseq_check(&l->y, seq, "'velden'") ? yseq_size(seq) : 0;
    if (!(l->m->fields = alloc(l, n + nb, sizeof *l->m->fields)))
        return;
    l->m->n_fields = n + nb;
    for (size_t i = 0; i < nb; i++) {
        model_field *f = &l->m->fields[i];
        f->id = (char *)builtin_ids[i];
        f->type = builtin_types[i];
        f->description = (char *)builtin_descriptions[i];
        f->builtin = 1;
        f->pos.file = l->m->file;
        /* The WGS leaves the Beheerorganisatie's tasks (archives, contracts
         * for the joint controllers) to a public body. */
        if (f->type == FIELD_MEMBER)
            f->member_lid = 1;
    }
    for (size_t i = 0; i < n; i++)
        load_field(l, yseq_at(&l->y, seq, i), &l->m->fields[nb + i]);
}

static const char *const spot_keys[] = {"id",        "omschrijving", "aanduiding",
                                        "verplicht", "standaard",    NULL};

static void load_spot(loader *l, yaml_node_t *node, void *out)
{
    model_spot *s = out;
    s->pos = ydoc_pos(&l->y, node);
    if (ymap_check(&l->y, node, spot_keys, "een regionale plek") < 0)
        return;
    s->id = ymap_text(&l->y, node, "id", 1, "een regionale plek");
    s->description = ymap_text(&l->y, node, "omschrijving", 1, "een regionale plek");
    s->short_name = ymap_text(&l->y, node, "aanduiding", 0, "een regionale plek");
    s->required = ymap_bool(&l->y, node, "verplicht", 0);
    s->default_text = ymap_text(&l->y, node, "standaard", 0, "een regionale plek");
}

static const char *const soort_keys[] = {"id", "naam", "lid", "per_gemeente", "verwijzing", NULL};

static void load_soort(loader *l, yaml_node_t *node, void *out)
{
    model_soort *s = out;
    s->pos = ydoc_pos(&l->y, node);
    if (ymap_check(&l->y, node, soort_keys, "een soort Deelnemer") < 0)
        return;
    s->id = ymap_text(&l->y, node, "id", 1, "een soort Deelnemer");
    s->name = ymap_text(&l->y, node, "naam", 1, "een soort Deelnemer");
    s->lid = load_lid(l, node, "lid", 1, "een soort Deelnemer");
    s->per_gemeente = ymap_bool(&l->y, node, "per_gemeente", 0);
    s->reference = ymap_text(&l->y, node, "verwijzing", 0, "een soort Deelnemer");
}

static const char *const members_keys[] = {"werkgebied", "soorten", NULL};

static void load_members(loader *l, yaml_node_t *map)
{
    model *m = l->m;
    if (ymap_check(&l->y, map, members_keys, "'deelnemers'") < 0)
        return;
    m->werkgebied = ymap_text(&l->y, map, "werkgebied", 0, "'deelnemers'");
    yaml_node_t *w = ymap_get(&l->y, map, "werkgebied");
    if (w)
        m->werkgebied_pos = ydoc_pos(&l->y, w);
    yaml_node_t *seq = ymap_get(&l->y, map, "soorten");
    if (seq)
        m->soorten = load_seq(l, seq, "'soorten'", sizeof *m->soorten, &m->n_soorten, load_soort);
    else
        ydoc_error(&l->y, map, NULL, "'soorten' ontbreekt in 'deelnemers'");
}

static const char *const term_keys[] = {"id", "term", "vormen", "definitie", "alleen_als", NULL};

static void load_term(loader *l, yaml_node_t *node, void *out)
{
    model_term *t = out;
    t->pos = ydoc_pos(&l->y, node);
    if (ymap_check(&l->y, node, term_keys, "een begrip") < 0)
        return;
    t->id = ymap_text(&l->y, node, "id", 1, "een begrip");
    t->term = ymap_text(&l->y, node, "term", 1, "een begrip");
    yaml_node_t *def = ymap_get(&l->y, node, "definitie");
    if (def)
        load_rich(l, def, "'definitie'", &t->definition);
    else
        ydoc_error(&l->y, node, NULL, "'definitie' ontbreekt in een begrip");
    load_condition(l, node, &t->cond);
    yaml_node_t *forms = ymap_get(&l->y, node, "vormen");
    if (forms)
        t->forms = load_seq(l, forms, "'vormen'", sizeof *t->forms, &t->n_forms, load_string);
}

static const char *const meta_keys[] = {"naam",  "versie",     "datum", "referentie",
                                        "titel", "ondertitel", "vervallen", NULL};
static const char *const reference_keys[] = {"naam", "vastgesteld", "vastgesteld_door", NULL};
static const char *const parties_keys[] = {"kop",
                                           "inleiding",
                                           "vertegenwoordiging",
                                           "slot",
                                           "deelnemer_eerste_lid",
                                           "deelnemer_tweede_lid",
                                           "inhoudsopgave",
                                           NULL};
static const char *const signing_keys[] = {"kop",       "tekst",        "tekst_afzonderlijk",
                                           "namens",    "plaats",       "datum",
                                           "invullijn", "vingerafdruk", NULL};
static const char *const declaration_keys[] = {"bij", "bij_zonder_datum", NULL};
/* Keys of 'concept:', in the order of enum open_value after the first two. */
static const char *const concept_keys[] = {"merk",          "in_te_vullen", "regio",
                                           "beheerorganisatie", "deelnemer",  "ondertekenaar",
                                           "functie",       NULL};
static const char *const top_keys[] = {"model",        "partijen",  "ondertekening", "concept",
                                       "deelnemers",   "verklaringen", "velden",     "regionaal",
                                       "begrippen",    "eigennamen", "delen",        "bijlagen",
                                       NULL};

static void check_date(loader *l, yaml_node_t *map, const char *key, const char *date)
{
    int y, mo, d;
    if (date && dutch_parse_date(date, &y, &mo, &d))
        ydoc_error(&l->y, ymap_get(&l->y, map, key), "Schrijf JJJJ-MM-DD.",
                   "'%s' is geen geldige datum", key);
}

/* -1 when the top level is no mapping: nothing else can be said then. */
static int load_top(loader *l, yaml_node_t *root)
{
    model *m = l->m;
    if (ymap_check(&l->y, root, top_keys, "het model") < 0)
        return -1;
    yaml_node_t *meta = ymap_get(&l->y, root, "model");
    if (!meta) {
        ydoc_error(&l->y, root, NULL,
                   "'model' ontbreekt (naam, versie, datum, referentie, titel)");
    } else if (ymap_check(&l->y, meta, meta_keys, "'model'") >= 0) {
        m->name = ymap_text(&l->y, meta, "naam", 1, "'model'");
        m->version = ymap_text(&l->y, meta, "versie", 1, "'model'");
        m->date = ymap_text(&l->y, meta, "datum", 1, "'model'");
        check_date(l, meta, "datum", m->date);
        yaml_node_t *ref = ymap_get(&l->y, meta, "referentie");
        if (!ref)
            ydoc_error(&l->y, meta,
                       "Noem het model waarvan deze tekst de opbouw volgt: naam, vastgesteld "
                       "en vastgesteld_door.",
                       "'referentie' ontbreekt in 'model'");
        else if (ymap_check(&l->y, ref, reference_keys, "'referentie'") >= 0) {
            m->ref_name = ymap_text(&l->y, ref, "naam", 1, "'referentie'");
            m->ref_date = ymap_text(&l->y, ref, "vastgesteld", 1, "'referentie'");
            m->ref_set_by = ymap_text(&l->y, ref, "vastgesteld_door", 1, "'referentie'");
            check_date(l, ref, "vastgesteld", m->ref_date);
        }
        m->dropped_title = ymap_text(&l->y, meta, "vervallen", 0, "'model'");
        load_opt_rich(l, meta, "ondertitel", "'ondertitel'", &m->subtitle);
        yaml_node_t *t = ymap_get(&l->y, meta, "titel");
        if (t)
            load_rich(l, t, "'titel'", &m->title);
        else
            ydoc_error(&l->y, meta, NULL, "'titel' ontbreekt in 'model'");
    }
    yaml_node_t *parties = ymap_get(&l->y, root, "partijen");
    if (!parties) {
        ydoc_error(&l->y, root, NULL, "'partijen' ontbreekt in het model");
    } else if (ymap_check(&l->y, parties, parties_keys, "'partijen'") >= 0) {
        m->parties_heading = ymap_text(&l->y, parties, "kop", 1, "'partijen'");
        m->toc_heading = ymap_text(&l->y, parties, "inhoudsopgave", 0, "'partijen'");
        m->represented_by = ymap_text(&l->y, parties, "vertegenwoordiging", 1, "'partijen'");
        m->member_group[0] = ymap_text(&l->y, parties, "deelnemer_eerste_lid", 0, "'partijen'");
        m->member_group[1] = ymap_text(&l->y, parties, "deelnemer_tweede_lid", 0, "'partijen'");
        load_opt_rich(l, parties, "inleiding", "'inleiding'", &m->parties_intro);
        load_opt_rich(l, parties, "slot", "'slot'", &m->parties_closing);
    }
    yaml_node_t *signing = ymap_get(&l->y, root, "ondertekening");
    if (!signing) {
        ydoc_error(&l->y, root, NULL, "'ondertekening' ontbreekt in het model");
    } else if (ymap_check(&l->y, signing, signing_keys, "'ondertekening'") >= 0) {
        m->signing_heading = ymap_text(&l->y, signing, "kop", 1, "'ondertekening'");
        m->on_behalf = ymap_text(&l->y, signing, "namens", 1, "'ondertekening'");
        m->fingerprint_label = ymap_text(&l->y, signing, "vingerafdruk", 0, "'ondertekening'");
        load_opt_rich(l, signing, "tekst", "'tekst'", &m->signing_text);
        load_opt_rich(l, signing, "tekst_afzonderlijk", "'tekst_afzonderlijk'",
                      &m->signing_apart);
        m->sign_place = ymap_text(&l->y, signing, "plaats", 1, "'ondertekening'");
        m->sign_date = ymap_text(&l->y, signing, "datum", 1, "'ondertekening'");
        m->fill_line = ymap_text(&l->y, signing, "invullijn", 1, "'ondertekening'");
    }
    yaml_node_t *decl = ymap_get(&l->y, root, "verklaringen");
    if (decl && ymap_check(&l->y, decl, declaration_keys, "'verklaringen'") >= 0) {
        load_opt_rich(l, decl, "bij", "'bij'", &m->declaration_of);
        load_opt_rich(l, decl, "bij_zonder_datum", "'bij_zonder_datum'",
                      &m->declaration_of_undated);
    }
    yaml_node_t *concept = ymap_get(&l->y, root, "concept");
    if (!concept) {
        ydoc_error(&l->y, root, NULL, "'concept' ontbreekt in het model");
    } else if (ymap_check(&l->y, concept, concept_keys, "'concept'") >= 0) {
        m->concept_mark = ymap_text(&l->y, concept, "merk", 1, "'concept'");
        m->to_fill = ymap_text(&l->y, concept, "in_te_vullen", 1, "'concept'");
        for (size_t i = 0; i < sizeof m->open_names / sizeof *m->open_names; i++)
            m->open_names[i] = ymap_text(&l->y, concept, concept_keys[i + 2], 1, "'concept'");
    }
    yaml_node_t *members = ymap_get(&l->y, root, "deelnemers");
    if (members)
        load_members(l, members);
    else
        ydoc_error(&l->y, root, "Zie 'deelnemers' in model/README.md.",
                   "'deelnemers' ontbreekt in het model (de soorten Deelnemers)");
    load_fields(l, ymap_get(&l->y, root, "velden"));
    yaml_node_t *spots = ymap_get(&l->y, root, "regionaal");
    if (spots)
        m->spots = load_seq(l, spots, "'regionaal'", sizeof *m->spots, &m->n_spots, load_spot);
    yaml_node_t *terms = ymap_get(&l->y, root, "begrippen");
    if (terms)
        m->terms = load_seq(l, terms, "'begrippen'", sizeof *m->terms, &m->n_terms, load_term);
    yaml_node_t *names = ymap_get(&l->y, root, "eigennamen");
    if (names)
        m->proper_names = load_seq(l, names, "'eigennamen'", sizeof *m->proper_names,
                                   &m->n_proper_names, load_string);
    yaml_node_t *parts = ymap_get(&l->y, root, "delen");
    if (parts)
        m->parts = load_seq(l, parts, "'delen'", sizeof *m->parts, &m->n_parts, load_part);
    else
        ydoc_error(&l->y, root, NULL, "'delen' ontbreekt in het model");
    yaml_node_t *annexes = ymap_get(&l->y, root, "bijlagen");
    if (annexes)
        m->annexes =
            load_seq(l, annexes, "'bijlagen'", sizeof *m->annexes, &m->n_annexes, load_annex);
    return 0;
}

model *model_load(const char *path, diag_list *diags)
{
    model *m = calloc(1, sizeof *m);
    if (!m) {
        diag_system(diags, "onvoldoende geheugen");
        return NULL;
    }
    loader l = {.m = m};
    if (markup_init(diags) || ydoc_load(&l.y, path, &m->arena, diags)) {
        ydoc_free(&l.y);
        model_free(m);
        return NULL;
    }
    m->file = l.y.file;
    int top = load_top(&l, ydoc_root(&l.y));
    ydoc_free(&l.y);
    if (top < 0 || l.oom) {
        if (l.oom)
            diag_system(diags, "onvoldoende geheugen bij het lezen van het model");
        model_free(m);
        return NULL;
    }
    return m;
}

void model_free(model *m)
{
    if (!m)
        return;
    arena_free(&m->arena);
    free(m);
}

const model_field *model_find_field(const model *m, const char *id)
{
    for (size_t i = 0; i < m->n_fields; i++)
        if (m->fields[i].id && !strcmp(m->fields[i].id, id))
            return &m->fields[i];
    return NULL;
}

const model_spot *model_find_spot(const model *m, const char *id)
{
    for (size_t i = 0; i < m->n_spots; i++)
        if (m->spots[i].id && !strcmp(m->spots[i].id, id))
            return &m->spots[i];
    return NULL;
}

const model_article *model_find_article(const model *m, const char *id)
{
    for (size_t p = 0; p < m->n_parts; p++)
        for (size_t i = 0; i < m->parts[p].n_articles; i++)
            if (m->parts[p].articles[i].id && !strcmp(m->parts[p].articles[i].id, id))
                return &m->parts[p].articles[i];
    return NULL;
}

const model_annex *model_find_annex(const model *m, const char *id)
{
    for (size_t i = 0; i < m->n_annexes; i++)
        if (m->annexes[i].id && !strcmp(m->annexes[i].id, id))
            return &m->annexes[i];
    return NULL;
}

const model_soort *model_find_soort(const model *m, const char *id)
{
    for (size_t i = 0; i < m->n_soorten; i++)
        if (m->soorten[i].id && !strcmp(m->soorten[i].id, id))
            return &m->soorten[i];
    return NULL;
}

const model_term *model_find_term(const model *m, const char *form)
{
    for (size_t i = 0; i < m->n_terms; i++) {
        const model_term *t = &m->terms[i];
        if (t->term && !strcmp(t->term, form))
            return t;
        for (size_t j = 0; j < t->n_forms; j++)
            if (t->forms[j] && !strcmp(t->forms[j], form))
                return t;
    }
    return NULL;
}

const model_item *model_find_item(const model_item *items, size_t n, const char *id)
{
    for (size_t i = 0; i < n; i++)
        if (items[i].id && !strcmp(items[i].id, id))
            return &items[i];
    return NULL;
}

int conditions_exclude(const condition *a, const condition *b)
{
    if (a->kind == COND_NONE || b->kind == COND_NONE || !a->ref || !b->ref ||
        strcmp(a->ref, b->ref))
        return 0;
    if (a->kind == COND_FIELD || b->kind == COND_FIELD)
        return a->kind == b->kind && a->value && b->value && strcmp(a->value, b->value);
    return a->kind != b->kind;
}

size_t model_slot_length(const model_item *items, size_t n, size_t i)
{
    size_t len = 1;
    while (i + len < n) {
        for (size_t j = i; j < i + len; j++)
            if (!conditions_exclude(&items[j].cond, &items[i + len].cond))
                return len;
        len++;
    }
    return len;
}

const char *condition_text(const condition *c, char *buf, size_t size)
{
    if (c->kind == COND_FIELD)
        snprintf(buf, size, "alleen_als: %s=%s", c->ref, c->value);
    else
        snprintf(buf, size, "alleen_als: %s%s", c->kind == COND_NOT_ARTICLE ? "niet " : "", c->ref);
    return buf;
}
