/* Building the geheimhoudingsverklaringen (declaration.h) in the
 * assembler's context, so that fields, terms and references in an annex
 * read exactly as in the agreement's own copy of it. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assembly.h"
#include "grow.h"
#include "region.h"

void declaration_list_free(declaration_list *l)
{
    for (size_t i = 0; i < l->count; i++) {
        doc_free(l->items[i].doc);
        free(l->items[i].name);
    }
    free(l->items);
    memset(l, 0, sizeof *l);
}

/* A line to fill in ends with the model's fill line (model_check makes
 * sure); a value takes its place. */
void fill_in(ctx *c, doc_node *line, const model_item *it)
{
    const char *value = c->fill[it->fill];
    const char *dots = c->m->fill_line;
    /* Called right after the line's text is added, before any list of
     * its own: the last child is the end of its text. */
    doc_node *last = line->last;
    if (!value || !dots)
        return;
    size_t len = last && last->kind == DOC_TEXT ? strlen(last->text) : 0, dl = strlen(dots);
    if (len < dl || strcmp(last->text + len - dl, dots))
        return;
    last->text[len - dl] = '\0';
    doc_node *v = doc_new_inline(DOC_FIELD, value, strlen(value));
    if (!v) {
        c->oom = 1;
        return;
    }
    doc_append(line, v);
}

/* One verklaring: the annex's leden under a document of their own. */
static void build_one(ctx *c, const model_annex *b, const declaration_fill *fill, char *name,
                      declaration_list *out)
{
    doc_node *doc = doc_new_document();
    if (!name || !doc) {
        free(name);
        doc_free(doc);
        c->oom = 1;
        return;
    }
    declaration *items = grow(out->items, &out->cap, out->count, sizeof *items);
    if (!items) {
        free(name);
        doc_free(doc);
        c->oom = 1;
        return;
    }
    out->items = items;
    out->items[out->count++] = (declaration){doc, name};
    doc->file = b->pos.file;
    doc->line = b->pos.line;
    doc->column = b->pos.column;
    build_meta(c, doc, c->opt);
    if (doc_set(&doc->meta->title, b->title))
        c->oom = 1;
    const rich_text *of = c->r->sign_date ? &c->m->declaration_of : &c->m->declaration_of_undated;
    free(doc->meta->subtitle);
    doc->meta->subtitle = NULL;
    if (of->count)
        render_rich_plain(c, of, &doc->meta->subtitle);
    c->fill = fill ? fill->values : NULL;
    add_leden(c, doc, b->leden, b->n_leden, NULL, 0, 1);
    c->fill = NULL;
}

static char *named(const model_annex *b, const char *what)
{
    char *slug = slug_of(what, "organisatie"), *name = NULL;
    if (slug && asprintf(&name, "%s-%s", b->id, slug) < 0)
        name = NULL;
    free(slug);
    return name;
}

/* The organisations an annex is filled in for: its 'per' field's items
 * (model_check makes sure it is a list field). */
static const field_value *per_values(ctx *c, const model_annex *b)
{
    const model_field *f = b->per_field ? model_find_field(c->m, b->per_field) : NULL;
    if (!f || (f->type != FIELD_ORGS && f->type != FIELD_LIST))
        return NULL;
    return &c->values[field_index(c, f)];
}

static int lists(const field_value *v, const char *org)
{
    for (size_t i = 0; v && org && i < v->n_items; i++)
        if (!strcmp(v->items[i], org))
            return 1;
    return 0;
}

/* Two organisations may fold to one file name ("GGD" and "G.G.D."): the
 * later ones get "-2", "-3", so no verklaring overwrites another. */
static void unique_names(ctx *c, declaration_list *out)
{
    for (size_t i = 1; i < out->count; i++) {
        int n = 1;
        for (size_t j = 0; j < i; j++)
            if (!strcmp(out->items[i].name, out->items[j].name)) {
                char *other;
                if (asprintf(&other, "%s-%d", out->items[i].name, ++n) < 0) {
                    c->oom = 1;
                    return;
                }
                free(out->items[i].name);
                out->items[i].name = other;
                j = (size_t)-1; /* compare the new name with all from the start */
            }
    }
}

void build_declarations(ctx *c, const declaration_fill *one, declaration_list *out)
{
    const model_annex *chosen = NULL, *plain = NULL;
    for (size_t i = 0; i < c->m->n_annexes; i++) {
        const model_annex *b = &c->m->annexes[i];
        if (!b->declaration || !b->id || !holds(c, &b->cond))
            continue;
        const field_value *per = per_values(c, b);
        if (one) {
            if (!chosen && lists(per, one->values[FILL_ORGANISATION]))
                chosen = b;
            if (!plain && !b->per_field)
                plain = b;
            continue;
        }
        char *blank;
        if (asprintf(&blank, "%s-blanco", b->id) < 0)
            blank = NULL;
        build_one(c, b, NULL, blank, out);
        for (size_t j = 0; per && j < per->n_items; j++) {
            declaration_fill fill = {{NULL}};
            fill.values[FILL_ORGANISATION] = per->items[j];
            build_one(c, b, &fill, named(b, per->items[j]), out);
        }
    }
    if (!one) {
        unique_names(c, out);
        return;
    }
    if (!chosen)
        chosen = plain;
    if (!chosen) {
        diag_input(c->diags, c->m->file, 0, 0,
                   "Markeer een bijlage in het model met 'verklaring: ja'.",
                   "het model heeft geen geheimhoudingsverklaring voor deze regio");
        return;
    }
    /* With a person's name too, so two guests of one organisation each
     * get a file of their own. */
    const char *org = one->values[FILL_ORGANISATION], *person = one->values[FILL_NAME];
    char *name = named(chosen, org ? org : "organisatie"), *with_person = NULL;
    char *slug = person ? slug_of(person, "persoon") : NULL;
    if (name && slug && asprintf(&with_person, "%s-%s", name, slug) >= 0) {
        free(name);
        name = with_person;
    } else if (person) {
        free(name);
        name = NULL;
    }
    free(slug);
    build_one(c, chosen, one, name, out);
}
