/* Loading a regional YAML file (format in regions/README.md). */
#include "region.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../output/style.h"
#include "dutch.h"
#include "image.h"
#include "nameset.h"

typedef struct {
    ydoc y;
    region *r;
    int oom;
} loader;

static void *alloc(loader *l, size_t n, size_t size)
{
    void *p = arena_alloc(&l->r->arena, n * size);
    if (!p && n)
        l->oom = 1;
    return p;
}

static const char *const signer_keys[] = {"naam", "functie", "grondslag", NULL};
static const char *const member_keys[] = {"naam", "soort", "gemeente", "ondertekenaar", NULL};

static void load_member(loader *l, yaml_node_t *node, region_member *m)
{
    m->pos = ydoc_pos(&l->y, node);
    /* The lid follows from the soort since the WGS names its deelnemers;
     * an older file still says which lid. */
    yaml_node_t *wgs = ymap_get(&l->y, node, "wgs");
    if (wgs)
        ydoc_error(&l->y, ymap_key_of(&l->y, node, wgs),
                   "Geef de soort uit artikel 2.27 WGS, bijvoorbeeld 'soort: burgemeester'; "
                   "'afspraken model' toont de soorten.",
                   "'wgs' is vervangen door 'soort'");
    static const char *const old_keys[] = {"naam", "soort", "gemeente", "ondertekenaar", "wgs",
                                           NULL};
    if (ymap_check(&l->y, node, wgs ? old_keys : member_keys, "een Deelnemer") < 0)
        return;
    m->name = ymap_text_open(&l->y, node, "naam", "een Deelnemer", &m->open_name);
    m->soort = ymap_text(&l->y, node, "soort", !wgs, "een Deelnemer");
    m->soort_pos = ydoc_pos(&l->y, ymap_get(&l->y, node, "soort"));
    m->gemeente = ymap_text_open(&l->y, node, "gemeente", "een Deelnemer", &m->open_gemeente);
    m->gemeente_pos = ydoc_pos(&l->y, ymap_get(&l->y, node, "gemeente"));
    yaml_node_t *s = ymap_get(&l->y, node, "ondertekenaar");
    if (!s || yscalar_empty(s)) {
        m->open_signer_name = m->open_signer_function = ydoc_pos(&l->y, s ? s : node);
    } else if (ymap_check(&l->y, s, signer_keys, "'ondertekenaar'") >= 0) {
        m->signer_name =
            ymap_text_open(&l->y, s, "naam", "'ondertekenaar'", &m->open_signer_name);
        m->signer_function =
            ymap_text_open(&l->y, s, "functie", "'ondertekenaar'", &m->open_signer_function);
        m->signer_grounds = ymap_text(&l->y, s, "grondslag", 0, "'ondertekenaar'");
    }
}

static void load_members(loader *l, yaml_node_t *seq)
{
    if (yscalar_empty(seq) || (seq->type == YAML_SEQUENCE_NODE && !yseq_size(seq))) {
        l->r->open_members = ydoc_pos(&l->y, seq);
        return;
    }
    if (yseq_check(&l->y, seq, "'deelnemers'"))
        return;
    size_t n = yseq_size(seq);
    if (!(l->r->members = alloc(l, n, sizeof *l->r->members)))
        return;
    l->r->n_members = n;
    name_set seen = name_set_new(n);
    for (size_t i = 0; i < n; i++) {
        load_member(l, yseq_at(&l->y, seq, i), &l->r->members[i]);
        if (name_set_seen(&seen, l->r->members[i].name))
            ydoc_error(&l->y, yseq_at(&l->y, seq, i), "Noem elke Deelnemer één keer.",
                       "Deelnemer '%s' staat twee keer in de lijst", l->r->members[i].name);
    }
    name_set_free(&seen);
}

/* A mapping of id: value whose keys the assembler checks against the
 * model; here only its shape is checked. */
static int check_id_map(loader *l, yaml_node_t *map, const char *what)
{
    /* "velden:" with every line below commented out, as in a starter file. */
    if (map->type == YAML_SCALAR_NODE && map->data.scalar.length == 0 &&
        map->data.scalar.style == YAML_PLAIN_SCALAR_STYLE)
        return 0;
    if (map->type == YAML_MAPPING_NODE) {
        name_set seen = name_set_new(ymap_size(map));
        for (size_t i = 0; i < ymap_size(map); i++) {
            yaml_node_t *k = ymap_key_at(&l->y, map, i);
            if (k->type == YAML_SCALAR_NODE && name_set_seen(&seen, (char *)k->data.scalar.value))
                ydoc_error(&l->y, k, "Verwijder een van de twee.", "'%s' staat twee keer in %s",
                           (char *)k->data.scalar.value, what);
        }
        name_set_free(&seen);
        return 0;
    }
    ydoc_error(&l->y, map, "Schrijf per regel 'id: waarde'.", "%s moet een mapping zijn", what);
    return -1;
}

/* Loads each pair of an id: value mapping with fn into a new array of n
 * elements of size bytes. */
typedef void (*pair_fn)(loader *l, yaml_node_t *key, yaml_node_t *value, void *out);

static void *load_map(loader *l, yaml_node_t *map, const char *what, size_t size, size_t *n,
                      pair_fn fn)
{
    *n = 0;
    if (check_id_map(l, map, what))
        return NULL;
    size_t count = ymap_size(map);
    char *array = alloc(l, count, size);
    if (!array)
        return NULL;
    *n = count;
    for (size_t i = 0; i < count; i++)
        fn(l, ymap_key_at(&l->y, map, i), ymap_value_at(&l->y, map, i), array + i * size);
    return array;
}

static void load_choice(loader *l, yaml_node_t *k, yaml_node_t *v, void *out)
{
    region_choice *c = out;
    c->id = yscalar(&l->y, k, "een artikel-id", 1);
    c->pos = ydoc_pos(&l->y, k);
    const char *t = v->type == YAML_SCALAR_NODE ? (const char *)v->data.scalar.value : "";
    c->keep = strcmp(t, "nee") != 0;
    if (strcmp(t, "ja") && strcmp(t, "nee"))
        ydoc_error(&l->y, v, "Schrijf 'ja' (opnemen) of 'nee' (weglaten).",
                   "kies ja of nee voor artikel '%s'", c->id ? c->id : "?");
}

static void load_value(loader *l, yaml_node_t *k, yaml_node_t *val, void *out)
{
    region_value *v = out;
    v->id = yscalar(&l->y, k, "een veld-id", 1);
    v->key_pos = ydoc_pos(&l->y, k);
    v->pos = ydoc_pos(&l->y, val);
    char what[96];
    snprintf(what, sizeof what, "veld '%s'", v->id ? v->id : "?");
    if (yscalar_empty(val) || (val->type == YAML_SEQUENCE_NODE && !yseq_size(val))) {
        v->empty = 1;
        return;
    }
    if (val->type != YAML_SEQUENCE_NODE) {
        v->scalar = yscalar(&l->y, val, what, 1);
        return;
    }
    v->is_list = 1;
    v->n_items = yseq_size(val);
    v->items = alloc(l, v->n_items, sizeof *v->items);
    v->item_pos = alloc(l, v->n_items, sizeof *v->item_pos);
    if (!v->items || !v->item_pos)
        return;
    snprintf(what, sizeof what, "een element van veld '%s'", v->id ? v->id : "?");
    for (size_t j = 0; j < v->n_items; j++) {
        yaml_node_t *it = yseq_at(&l->y, val, j);
        v->items[j] = yscalar(&l->y, it, what, 1);
        v->item_pos[j] = ydoc_pos(&l->y, it);
    }
}

/* A literal block (|) keeps every line break of the file; the text reads
 * as Markdown does instead: a line break within a paragraph is a space,
 * so the file's own wrapping never shows, and a blank line separates
 * paragraphs, kept as one line break that the assembler turns into a new
 * paragraph (split_paragraphs). That is what YAML's folded blocks (>)
 * and plain scalars already give. */
static void unwrap_lines(char *s)
{
    char *w = s;
    for (const char *r = s; *r;) {
        if (*r != '\n') {
            *w++ = *r++;
            continue;
        }
        while (w > s && (w[-1] == ' ' || w[-1] == '\t'))
            w--;
        int breaks = 0;
        for (; *r == '\n' || *r == ' ' || *r == '\t'; r++)
            breaks += *r == '\n';
        *w++ = breaks > 1 ? '\n' : ' ';
    }
    *w = '\0';
}

static void load_text(loader *l, yaml_node_t *k, yaml_node_t *v, void *out)
{
    region_text *t = out;
    t->id = yscalar(&l->y, k, "een id van regionale tekst", 1);
    t->key_pos = ydoc_pos(&l->y, k);
    t->pos = ydoc_pos(&l->y, v);
    if (yscalar_empty(v))
        return;
    t->text = yscalar(&l->y, v, "regionale tekst", 1);
    /* Block scalars end with a newline the author did not mean as text,
     * and may begin with a blank line; a break at either end would
     * become an empty paragraph. */
    if (t->text && v->data.scalar.style == YAML_LITERAL_SCALAR_STYLE)
        unwrap_lines(t->text);
    if (t->text) {
        size_t lead = strspn(t->text, "\n ");
        size_t len = strlen(t->text + lead);
        memmove(t->text, t->text + lead, len + 1);
        while (len && (t->text[len - 1] == '\n' || t->text[len - 1] == ' '))
            t->text[--len] = '\0';
    }
}

static const char *const signing_keys[] = {"plaats", "datum", NULL};
static const char *const top_keys[] = {"regio",         "bestandsnaam", "beheerorganisatie",
                                       "ondertekening", "deelnemers",   "optionele_artikelen",
                                       "velden",        "regionale_tekst", "nummering",
                                       "inhoudsopgave", "lettertype",     "logo",
                                       NULL};

/* The logo's path is relative to the region file's folder and may not
 * leave it: the region file and its logo travel together (a repository,
 * a shared folder, an e-mail), so the name means the same on every
 * computer, and a region file someone receives cannot pull an arbitrary
 * file of theirs into a document they then share. */
static void load_logo(loader *l, yaml_node_t *root)
{
    region *r = l->r;
    yaml_node_t *v = ymap_get(&l->y, root, "logo");
    char *name = ymap_text(&l->y, root, "logo", 0, "het regiobestand");
    if (!name)
        return;
    static const char hint[] = "Zet het logo naast het regiobestand (of in een map daaronder) en "
                               "schrijf de naam vanaf die map, bijvoorbeeld 'logo: logo.png'.";
    if (name[0] == '/') {
        ydoc_error(&l->y, v, hint, "logo '%s' is een absoluut pad", name);
        return;
    }
    for (const char *c = name; *c; c += strcspn(c, "/"), c += *c == '/')
        if (!strncmp(c, "..", 2) && (c[2] == '/' || !c[2])) {
            ydoc_error(&l->y, v, hint, "logo '%s' wijst buiten de map van het regiobestand",
                       name);
            return;
        }
    const char *slash = strrchr(r->file, '/');
    int dir = slash ? (int)(slash - r->file + 1) : 0;
    size_t size = (size_t)dir + strlen(name) + 1;
    char *path = alloc(l, size, 1);
    if (!path)
        return;
    snprintf(path, size, "%.*s%s", dir, r->file, name);
    image_read(path, name, ydoc_pos(&l->y, v), &r->arena, &r->logo, l->y.diags);
}

/* -1 when the top level is no mapping: nothing else can be said then. */
static int load_top(loader *l, yaml_node_t *root)
{
    region *r = l->r;
    if (ymap_check(&l->y, root, top_keys, "het regiobestand") < 0)
        return -1;
    r->name = ymap_text_open(&l->y, root, "regio", "het regiobestand", &r->open_name);
    r->name_pos = ydoc_pos(&l->y, ymap_get(&l->y, root, "regio"));
    r->slug = ymap_text(&l->y, root, "bestandsnaam", 0, "het regiobestand");
    if (r->slug)
        for (const char *c = r->slug; *c; c++)
            if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '-')) {
                ydoc_error(&l->y, ymap_get(&l->y, root, "bestandsnaam"),
                           "Gebruik kleine letters, cijfers en '-', zoals 'noord-veluwe'.",
                           "'bestandsnaam' bevat het teken '%c'", *c);
                break;
            }
    char *numbering = ymap_text(&l->y, root, "nummering", 0, "het regiobestand");
    r->numbering_pos = ydoc_pos(&l->y, ymap_get(&l->y, root, "nummering"));
    if (numbering && !strcmp(numbering, "model"))
        r->model_numbering = 1;
    else if (numbering && strcmp(numbering, "doorlopend"))
        ydoc_error(&l->y, ymap_get(&l->y, root, "nummering"),
                   "Schrijf 'doorlopend' (standaard) of 'model' (de nummers van het model, "
                   "met weggelaten artikelen, leden en onderdelen als vervallen).",
                   "onbekende waarde '%s' voor 'nummering'", numbering);
    r->no_toc = !ymap_bool(&l->y, root, "inhoudsopgave", 1);
    r->font = ymap_text(&l->y, root, "lettertype", 0, "het regiobestand");
    if (r->font && !style_find_font(r->font))
        ydoc_error(&l->y, ymap_get(&l->y, root, "lettertype"),
                   "Kies Arial, Times New Roman, Calibri of Cambria: lettertypen die Word en "
                   "LibreOffice met dezelfde maten tonen.",
                   "onbekend lettertype '%s'", r->font);
    load_logo(l, root);
    r->manager =
        ymap_text_open(&l->y, root, "beheerorganisatie", "het regiobestand", &r->open_manager);
    r->manager_pos = ydoc_pos(&l->y, ymap_get(&l->y, root, "beheerorganisatie"));
    /* Without a place and date the Deelnemers sign apart, each with a
     * place and date of their own. */
    yaml_node_t *s = ymap_get(&l->y, root, "ondertekening");
    src_pos unset;
    if (s && !yscalar_empty(s) && ymap_check(&l->y, s, signing_keys, "'ondertekening'") >= 0) {
        r->sign_place = ymap_text_open(&l->y, s, "plaats", "'ondertekening'", &unset);
        r->sign_date = ymap_text_open(&l->y, s, "datum", "'ondertekening'", &unset);
        yaml_node_t *dn = ymap_get(&l->y, s, "datum");
        r->sign_date_pos = ydoc_pos(&l->y, dn);
        int y, m, d;
        if (r->sign_date && dutch_parse_date(r->sign_date, &y, &m, &d)) {
            ydoc_error(&l->y, dn, "Schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2026-01-15.",
                       "'%s' is geen geldige datum", r->sign_date);
            r->sign_date = NULL;
        } else if (r->sign_date && (y < 1980 || y > 2107)) {
            ydoc_error(&l->y, dn, "Kies een datum van 1980 tot en met 2107.",
                       "de datum van ondertekening %s ligt buiten 1980-2107, wat een "
                       "zip-bestand als datum kan bewaren", r->sign_date);
            r->sign_date = NULL;
        }
    }
    yaml_node_t *members = ymap_get(&l->y, root, "deelnemers");
    if (members) {
        r->members_pos = ydoc_pos(&l->y, ymap_key_of(&l->y, root, members));
        load_members(l, members);
    }
    else
        r->open_members = ydoc_pos(&l->y, root);
    yaml_node_t *n;
    if ((n = ymap_get(&l->y, root, "optionele_artikelen")))
        r->choices =
            load_map(l, n, "'optionele_artikelen'", sizeof *r->choices, &r->n_choices, load_choice);
    r->values_pos = ydoc_pos(&l->y, root);
    if ((n = ymap_get(&l->y, root, "velden"))) {
        r->values_pos = ydoc_pos(&l->y, ymap_key_of(&l->y, root, n));
        r->values = load_map(l, n, "'velden'", sizeof *r->values, &r->n_values, load_value);
    }
    if ((n = ymap_get(&l->y, root, "regionale_tekst")))
        r->texts = load_map(l, n, "'regionale_tekst'", sizeof *r->texts, &r->n_texts, load_text);
    return 0;
}

region *region_load(const char *path, diag_list *diags)
{
    region *r = calloc(1, sizeof *r);
    if (!r) {
        diag_system(diags, "onvoldoende geheugen");
        return NULL;
    }
    loader l = {.r = r};
    if (ydoc_load(&l.y, path, &r->arena, diags)) {
        ydoc_free(&l.y);
        region_free(r);
        return NULL;
    }
    r->file = l.y.file;
    int top = load_top(&l, ydoc_root(&l.y));
    ydoc_free(&l.y);
    if (top < 0 || l.oom) {
        if (l.oom)
            diag_system(diags, "onvoldoende geheugen bij het lezen van %s", path);
        region_free(r);
        return NULL;
    }
    return r;
}

void region_free(region *r)
{
    if (!r)
        return;
    arena_free(&r->arena);
    free(r);
}

char *region_slug(const region *r)
{
    if (r->slug)
        return strdup(r->slug);
    return slug_of(r->name ? r->name : "regio", "regio");
}

char *slug_of(const char *text, const char *fallback)
{
    /* ASCII letters for U+00C0..U+00FF; anything else becomes a dash. */
    static const char latin1[] = "aaaaaaaceeeeiiiidnooooo-ouuuuyts"
                                 "aaaaaaaceeeeiiiidnooooo-ouuuuyty";
    const unsigned char *s = (const unsigned char *)text;
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
        return strdup(fallback);
    }
    out[n] = '\0';
    return out;
}
