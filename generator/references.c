/* Cross-references: where every article, lid and onderdeel ended up,
 * and the Dutch text of each reference once the tree is complete. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assembly.h"
#include "dutch.h"

void record_target(ctx *c, const char *art, const char *lid, const char *item, int art_no,
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

void resolve_refs(ctx *c)
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

void free_entry(void *payload, const xmlChar *name)
{
    (void)name;
    free(payload);
}
