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

static void join_cited(ctx *c);

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
    join_cited(c);
}

static void unlink_node(doc_node *n)
{
    if (n->prev)
        n->prev->next = n->next;
    else
        n->parent->first = n->next;
    if (n->next)
        n->next->prev = n->prev;
    else
        n->parent->last = n->prev;
    n->parent = n->prev = n->next = NULL;
    doc_free(n);
}

/* A reference to a whole article in another article: "artikel 13". */
static int whole_article(const ctx *c, size_t i)
{
    const pending_ref *p = &c->refs[i];
    return p->node && p->tok->kind == TOK_REF && !p->tok->arg[1] &&
           !(p->from_article && !strcmp(p->from_article, p->tok->arg[0])) &&
           !strncmp(p->node->text, "artikel ", 8);
}

/* A reference to a lid of the article it stands in: "het tweede lid". */
static int own_lid(const ctx *c, size_t i)
{
    const doc_node *n = c->refs[i].node;
    if (!n || c->refs[i].tok->kind != TOK_REF || strncmp(n->text, "het ", 4))
        return 0;
    const char *word = n->text + 4, *space = strchr(word, ' ');
    return space && space > word && !strcmp(space, " lid");
}

/* How references cited together read as one (Ar 3.29): "artikel 12 en
 * artikel 15" is "de artikelen 12 en 15", "het tweede lid en het derde
 * lid" is "het tweede en derde lid". */
typedef struct {
    int (*member)(const ctx *c, size_t i);
    const char *head, *tail; /* around the joined parts */
    size_t cut_front, cut_back;  /* of each reference's own text */
} joining;

static const joining joinings[] = {
    {whole_article, "de artikelen ", "", 8, 0},
    {own_lid, "het ", " lid", 4, 4},
};

/* References the model joins with ", " and a final " en " become one;
 * their nodes follow each other in c->refs. */
static void join_refs(ctx *c, const joining *how)
{
    for (size_t i = 0; i < c->n_refs; i++) {
        if (!how->member(c, i))
            continue;
        size_t j = i;
        const doc_node *sep = NULL;
        while (j + 1 < c->n_refs && how->member(c, j + 1)) {
            sep = c->refs[j].node->next;
            if (!sep || sep->kind != DOC_TEXT || sep->next != c->refs[j + 1].node ||
                (strcmp(sep->text, ", ") && strcmp(sep->text, " en ")))
                break;
            j++;
            if (!strcmp(sep->text, " en "))
                break;
        }
        if (j == i || strcmp(sep->text, " en "))
            continue;
        size_t len = strlen(how->head) + strlen(how->tail) + 1;
        for (size_t k = i; k <= j; k++)
            len += strlen(c->refs[k].node->text) + 4;
        char *text = malloc(len);
        if (!text) {
            c->oom = 1;
            return;
        }
        strcpy(text, how->head);
        for (size_t k = i; k <= j; k++) {
            const char *own = c->refs[k].node->text;
            if (k > i)
                strcat(text, k == j ? " en " : ", ");
            strncat(text, own + how->cut_front, strlen(own) - how->cut_front - how->cut_back);
        }
        strcat(text, how->tail);
        doc_node *first = c->refs[i].node;
        for (size_t k = i + 1; k <= j; k++) {
            unlink_node(first->next); /* the separator */
            unlink_node(first->next); /* the reference */
            c->refs[k].node = NULL;
        }
        free(first->text);
        first->text = text;
        i = j;
    }
}

static void join_cited(ctx *c)
{
    for (size_t i = 0; i < sizeof joinings / sizeof *joinings; i++)
        join_refs(c, &joinings[i]);
}

void free_entry(void *payload, const xmlChar *name)
{
    (void)name;
    free(payload);
}
