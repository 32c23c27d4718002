/* The JSON Schema of region files (see schema.h), built as a jansson
 * tree, which does the escaping and the layout. The region file's fixed
 * keys are described here as region.c reads them; the model adds its
 * optional articles, fields and regional text spots. */
#include "schema.h"

#include <jansson.h>

#include "../output/style.h"
#include <stdlib.h>

/* jansson's *_new calls take ownership of their argument and return -1
 * (or NULL) when memory runs out; a failed step sets *oom and the tree is
 * dropped at the end. */
typedef struct {
    int oom;
} builder;

static json_t *obj(builder *b)
{
    json_t *o = json_object();
    if (!o)
        b->oom = 1;
    return o;
}

static void put(builder *b, json_t *o, const char *key, json_t *value)
{
    if (!o || !value) {
        json_decref(value);
        b->oom = 1;
    } else if (json_object_set_new(o, key, value)) {
        b->oom = 1;
    }
}

static void put_str(builder *b, json_t *o, const char *key, const char *value)
{
    if (value)
        put(b, o, key, json_string(value));
}

static void push(builder *b, json_t *array, json_t *value)
{
    if (!array || !value) {
        json_decref(value);
        b->oom = 1;
    } else if (json_array_append_new(array, value)) {
        b->oom = 1;
    }
}

/* {"type": type, "description": description} */
static json_t *typed(builder *b, const char *type, const char *description)
{
    json_t *o = obj(b);
    put_str(b, o, "type", type);
    put_str(b, o, "description", description);
    return o;
}

/* A region file reads every scalar as text, so a text value may look
 * like a number or a truth value to YAML; an empty value is still open
 * and makes the document a concept. Only lists and mappings are wrong. */
static json_t *scalar(builder *b, const char *description)
{
    json_t *o = obj(b), *types = json_array();
    push(b, types, json_string("string"));
    push(b, types, json_string("number"));
    push(b, types, json_string("boolean"));
    push(b, types, json_string("null"));
    put(b, o, "type", types);
    put_str(b, o, "description", description);
    return o;
}

static json_t *date(builder *b, const char *description)
{
    json_t *o = typed(b, "string", description);
    put_str(b, o, "pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
    put_str(b, o, "format", "date");
    return o;
}

static json_t *yes_no(builder *b)
{
    json_t *e = json_array();
    push(b, e, json_string("ja"));
    push(b, e, json_string("nee"));
    return e;
}

/* A mapping that admits only the keys in props; required may be NULL. */
static json_t *closed(builder *b, const char *description, json_t *props, json_t *required)
{
    json_t *o = typed(b, "object", description);
    put(b, o, "properties", props);
    if (required && json_array_size(required))
        put(b, o, "required", required);
    else
        json_decref(required);
    put(b, o, "additionalProperties", json_false());
    return o;
}

/* An id: value mapping. With nothing required it may also be empty, as
 * "velden:" is in a starter file whose lines below are commented out. */
static json_t *id_map(builder *b, const char *description, json_t *props, json_t *required)
{
    int optional = !json_array_size(required);
    json_t *o = closed(b, description, props, required);
    if (optional) {
        json_t *types = json_array();
        push(b, types, json_string("object"));
        push(b, types, json_string("null"));
        put(b, o, "type", types);
    }
    return o;
}

static json_t *required_list(builder *b, const char *const *keys)
{
    json_t *a = json_array();
    for (; *keys; keys++)
        push(b, a, json_string(*keys));
    return a;
}

static json_t *signing(builder *b)
{
    static const char *const keys[] = {"plaats", "datum", NULL};
    json_t *p = obj(b);
    put(b, p, "plaats", scalar(b, "Plaats van ondertekening"));
    put(b, p, "datum", date(b, "Datum van ondertekening (JJJJ-MM-DD); ook de datum in de documenteigenschappen"));
    return closed(b, "Plaats en datum van ondertekening", p, required_list(b, keys));
}

/* The soorten of art. 2.27 WGS, from the model: each with its wording. */
static json_t *soort(builder *b, const model *m)
{
    json_t *o = typed(b, "string", "Soort Deelnemer uit artikel 2.27 WGS; het lid volgt daaruit");
    json_t *any = json_array();
    for (size_t i = 0; i < m->n_soorten; i++) {
        const model_soort *s = &m->soorten[i];
        if (!s->id)
            continue;
        json_t *c = obj(b);
        put_str(b, c, "const", s->id);
        put(b, c, "description",
            json_sprintf("%s (%s lid)%s", s->name ? s->name : s->id,
                         s->lid == 1 ? "eerste" : "tweede",
                         s->per_gemeente ? "; noem de gemeente" : ""));
        push(b, any, c);
    }
    put(b, o, "anyOf", any);
    return o;
}

static json_t *member(builder *b, const model *m)
{
    static const char *const signer_keys[] = {"naam", "functie", NULL};
    static const char *const member_keys[] = {"naam", "soort", "ondertekenaar", NULL};
    json_t *sp = obj(b);
    put(b, sp, "naam", scalar(b, "Naam van wie ondertekent"));
    put(b, sp, "functie", scalar(b, "Functie van wie ondertekent"));
    put(b, sp, "grondslag", scalar(b, "Grondslag van de bevoegdheid, bijvoorbeeld 'krachtens "
                                      "mandaat van het college'"));
    json_t *p = obj(b);
    put(b, p, "naam", scalar(b, "Naam van de Deelnemer"));
    put(b, p, "soort", soort(b, m));
    put(b, p, "gemeente",
        scalar(b, "Bij een soort per gemeente (burgemeester, college): een gemeente van het "
                  "werkgebied"));
    put(b, p, "ondertekenaar",
        closed(b, "Wie namens de Deelnemer ondertekent", sp, required_list(b, signer_keys)));
    return closed(b, "Een Deelnemer", p, required_list(b, member_keys));
}

static json_t *members(builder *b, const model *m)
{
    json_t *o = typed(b, "array", "De Deelnemers, ten minste één");
    put(b, o, "minItems", json_integer(1));
    put(b, o, "items", member(b, m));
    return o;
}

/* "ja" or "nee" per optional article; the toelichting says when a region
 * keeps it. Articles that are not optional are left out: naming them
 * only earns a warning. */
static json_t *articles(builder *b, const model *m)
{
    json_t *p = obj(b);
    for (size_t i = 0; i < m->n_parts; i++)
        for (size_t j = 0; j < m->parts[i].n_articles; j++) {
            const model_article *a = &m->parts[i].articles[j];
            if (!a->optional || !a->id)
                continue;
            json_t *o = typed(b, "string", a->explanation);
            put_str(b, o, "title", a->title);
            put(b, o, "enum", yes_no(b));
            put(b, o, "default", json_string("ja"));
            put(b, p, a->id, o);
        }
    return id_map(b, "Optionele artikelen: ja = opnemen, nee = weglaten; niet genoemd = opnemen",
                  p, json_array());
}

static json_t *choice_field(builder *b, const model_field *f)
{
    json_t *o = typed(b, "string", f->description);
    json_t *any = json_array();
    for (size_t i = 0; i < f->n_choices; i++) {
        json_t *c = obj(b);
        put_str(b, c, "const", f->choices[i].key);
        put_str(b, c, "description", f->choices[i].text);
        push(b, any, c);
    }
    put(b, o, "anyOf", any);
    return o;
}

static json_t *field(builder *b, const model_field *f)
{
    json_t *o = NULL;
    switch (f->type) {
    case FIELD_TEXT:
        o = scalar(b, f->description);
        break;
    case FIELD_NUMBER:
        o = typed(b, "integer", f->description);
        put(b, o, "minimum", json_integer(f->min));
        put(b, o, "maximum", json_integer(f->max));
        break;
    case FIELD_DATE:
        o = date(b, f->description);
        break;
    case FIELD_CHOICE:
        o = choice_field(b, f);
        break;
    case FIELD_MEMBER:
        o = scalar(b, f->description);
        break;
    case FIELD_ORGS:
    case FIELD_LIST:
        o = typed(b, "array", f->description);
        put(b, o, "items", scalar(b, NULL));
        break;
    }
    if (o && f->default_value)
        put(b, o, "default",
            f->type == FIELD_NUMBER ? json_integer(strtol(f->default_value, NULL, 10))
                                    : json_string(f->default_value));
    return o;
}

static json_t *fields(builder *b, const model *m)
{
    json_t *p = obj(b), *req = json_array();
    for (size_t i = 0; i < m->n_fields; i++) {
        const model_field *f = &m->fields[i];
        if (f->builtin || !f->id)
            continue;
        put(b, p, f->id, field(b, f));
        if (f->required && !f->default_value)
            push(b, req, json_string(f->id));
    }
    return id_map(b, "Velden: id: waarde, per type (zie model/README.md)", p, req);
}

static json_t *spots(builder *b, const model *m)
{
    json_t *p = obj(b), *req = json_array();
    for (size_t i = 0; i < m->n_spots; i++) {
        const model_spot *s = &m->spots[i];
        if (!s->id)
            continue;
        put(b, p, s->id, scalar(b, s->description));
        if (s->required && !s->default_text)
            push(b, req, json_string(s->id));
    }
    return id_map(b, "Regionale tekst: id: tekst", p, req);
}

static json_t *root(builder *b, const model *m)
{
    static const char *const keys[] = {"regio", "beheerorganisatie", "deelnemers", NULL};
    json_t *o = obj(b);
    put_str(b, o, "$schema", "http://json-schema.org/draft-07/schema#");
    put(b, o, "title",
        json_sprintf("Regiobestand voor de modeltekst \"%s\", versie %s", m->name ? m->name : "",
                     m->version ? m->version : ""));
    put_str(b, o, "type", "object");
    json_t *p = obj(b);
    put(b, p, "regio", scalar(b, "Naam van de regio"));
    json_t *slug = typed(b, "string", "Map en bestandsnamen; anders afgeleid van regio");
    put_str(b, slug, "pattern", "^[a-z0-9-]+$");
    put(b, p, "bestandsnaam", slug);
    put(b, p, "beheerorganisatie",
        scalar(b, "De Beheerorganisatie: precies de naam van een Deelnemer van een soort uit het "
                  "eerste lid"));
    json_t *numbering = typed(b, "string",
                              "doorlopend (standaard): artikelen, leden en onderdelen doorlopend "
                              "genummerd; model: de nummers van het model, met wat wegvalt als "
                              "vervallen");
    json_t *ways = json_array();
    push(b, ways, json_string("doorlopend"));
    push(b, ways, json_string("model"));
    put(b, numbering, "enum", ways);
    put(b, p, "nummering", numbering);
    put(b, p, "ondertekening", signing(b));
    put(b, p, "deelnemers", members(b, m));
    json_t *toc = typed(b, "string", "Een inhoudsopgave na de partijen (standaard ja)");
    put(b, toc, "enum", yes_no(b));
    put(b, p, "inhoudsopgave", toc);
    json_t *font = typed(b, "string", "Lettertype; Word en LibreOffice tonen elk ervan met "
                                      "dezelfde maten (standaard " STYLE_DEFAULT_FONT ")");
    json_t *fonts = json_array();
    for (size_t i = 0; i < style_font_count(); i++) {
        push(b, fonts, json_string(style_font_at(i)->name));
        push(b, fonts, json_string(style_font_at(i)->twin));
    }
    put(b, font, "enum", fonts);
    put(b, p, "lettertype", font);
    json_t *logo = typed(b, "string", "Logo boven de titel: een PNG- of JPEG-bestand van ten hoogste "
                                      "2 MB, naast het regiobestand of in een map daaronder, "
                                      "bijvoorbeeld logo.png");
    /* No absolute path and no '..': the loader's rule (region.c). */
    put_str(b, logo, "pattern", "^(?!/)(?!(.*/)?\\.\\.(/|$)).+$");
    put(b, p, "logo", logo);
    put(b, p, "optionele_artikelen", articles(b, m));
    put(b, p, "velden", fields(b, m));
    put(b, p, "regionale_tekst", spots(b, m));
    put(b, o, "properties", p);
    put(b, o, "required", required_list(b, keys));
    put(b, o, "additionalProperties", json_false());
    return o;
}

int schema_write(const model *m, FILE *out)
{
    builder b = {0};
    json_t *s = root(&b, m);
    int r = -1;
    if (!b.oom && s && json_dumpf(s, out, JSON_INDENT(2)) == 0 && fputc('\n', out) != EOF)
        r = 0;
    json_decref(s);
    return r;
}
