/* The merged, change-marked tree of two assembled documents (compare.h).
 *
 * Children are aligned with a shortest edit script in which a node with
 * an id equals only the node of the same kind and id, and a node without
 * one equals a node of the same kind and the same content (references by
 * their target, so renumbering does not break a match). Within a stretch
 * of changes, an old and a new node without id that share most of their
 * words (a field or regional text counting as one word, whatever its
 * value) are the same node changed; the rest is deleted or inserted
 * whole. Matched nodes are merged recursively; their inline text by a
 * word diff. */
#define _GNU_SOURCE
#include "compare.h"
#include "grow.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "worddiff.h"

typedef struct {
    int oom;
} merge_ctx;

static int str_eq(const char *a, const char *b)
{
    return a == b || (a && b && !strcmp(a, b));
}

static void set_copy(merge_ctx *c, char **field, const char *s)
{
    if (doc_set(field, s))
        c->oom = 1;
}

static doc_signatory *copy_sig(merge_ctx *c, const doc_signatory *s)
{
    doc_signatory *d = calloc(1, sizeof *d);
    if (!d) {
        c->oom = 1;
        return NULL;
    }
    set_copy(c, &d->party, s->party);
    set_copy(c, &d->name, s->name);
    set_copy(c, &d->function, s->function);
    return d;
}

/* A copy of n without its children. */
static doc_node *copy_node(merge_ctx *c, const doc_node *n, doc_change mark)
{
    doc_node *d = doc_new(n->kind);
    if (!d) {
        c->oom = 1;
        return NULL;
    }
    d->change = mark;
    set_copy(c, &d->id, n->id);
    set_copy(c, &d->label, n->label);
    set_copy(c, &d->title, n->title);
    set_copy(c, &d->text, n->text);
    set_copy(c, &d->href, n->href);
    d->number = n->number;
    d->dropped = n->dropped;
    d->file = n->file;
    d->line = n->line;
    d->column = n->column;
    if (n->sig)
        d->sig = copy_sig(c, n->sig);
    return d;
}

/* n and everything under it, every node marked. */
static doc_node *copy_tree(merge_ctx *c, const doc_node *n, doc_change mark)
{
    doc_node *d = copy_node(c, n, mark);
    if (!d)
        return NULL;
    for (const doc_node *ch = n->first; ch; ch = ch->next) {
        doc_node *x = copy_tree(c, ch, mark);
        if (x)
            doc_append(d, x);
    }
    return d;
}

/* --- inline text --------------------------------------------------- */

typedef struct {
    const doc_node *src;
    const char *s;
    size_t len;
    word_kind kind;
} itoken;

typedef struct {
    itoken *t;
    size_t n, cap;
} itokens;

static void tokenize_inline(merge_ctx *c, const doc_node *parent, itokens *out)
{
    word_token *wt = NULL;
    size_t cap = 0;
    for (const doc_node *n = parent->first; n; n = n->next) {
        if (!doc_is_inline(n->kind))
            continue;
        size_t k = 0;
        if (n->kind == DOC_LINK) {
            /* An address is one word: a changed one is the old link
             * deleted and the new one inserted, each with its target. */
            if (!cap && !(wt = malloc((cap = 1) * sizeof *wt))) {
                c->oom = 1;
                break;
            }
            wt[k++] = (word_token){WORD_TEXT, 0, strlen(n->text)};
        } else if (word_tokens(n->text, &wt, &k, &cap)) {
            c->oom = 1;
            break;
        }
        if (out->n + k > out->cap) {
            size_t nc = (out->n + k) * 2;
            itoken *p = realloc(out->t, nc * sizeof *p);
            if (!p) {
                c->oom = 1;
                break;
            }
            out->t = p;
            out->cap = nc;
        }
        for (size_t i = 0; i < k; i++)
            out->t[out->n++] = (itoken){n, n->text + wt[i].start, wt[i].len, wt[i].kind};
    }
    free(wt);
}

static int itoken_eq(size_t i, size_t j, void *ctx)
{
    const itokens *t = ctx;
    const itoken *a = &t[0].t[i], *b = &t[1].t[j];
    /* Words of one field, spot or reference align only with words of the
     * same one, so a value's change stays within its node. */
    return a->len == b->len && a->src->kind == b->src->kind && str_eq(a->src->id, b->src->id) &&
           !memcmp(a->s, b->s, a->len);
}

/* Appends a token to parent's inline children, extending the last one
 * when it came from the same source node with the same mark. */
typedef struct {
    const doc_node *src;
    doc_change mark;
    doc_node *node;
} emit_state;

static void emit(merge_ctx *c, doc_node *parent, emit_state *st, const itoken *t,
                 doc_change mark)
{
    if (st->node && st->src == t->src && st->mark == mark) {
        size_t old = strlen(st->node->text);
        char *s = realloc(st->node->text, old + t->len + 1);
        if (!s) {
            c->oom = 1;
            return;
        }
        memcpy(s + old, t->s, t->len);
        s[old + t->len] = '\0';
        st->node->text = s;
        return;
    }
    doc_node *n = doc_new_inline(t->src->kind, t->s, t->len);
    if (!n) {
        c->oom = 1;
        return;
    }
    n->change = mark;
    set_copy(c, &n->id, t->src->id);
    set_copy(c, &n->href, t->src->href);
    n->number = t->src->number;
    n->file = t->src->file;
    n->line = t->src->line;
    n->column = t->src->column;
    doc_append(parent, n);
    *st = (emit_state){t->src, mark, n};
}

/* A single space kept between two changes splits one replaced phrase in
 * two; it is shown as part of the change instead. */
static int lone_space(const diff_op *ops, ssize_t n, ssize_t i, const itokens *t)
{
    return ops[i].kind == DIFF_SAME && ops[i].len == 1 && i > 0 && i + 1 < n &&
           t[0].t[ops[i].a].kind == WORD_SPACE;
}

static void merge_inline(merge_ctx *c, doc_node *out, const doc_node *o, const doc_node *n)
{
    itokens t[2] = {{0}, {0}};
    tokenize_inline(c, o, &t[0]);
    tokenize_inline(c, n, &t[1]);
    diff_op *ops = NULL;
    ssize_t k = c->oom ? -1 : diff_run(t[0].n, t[1].n, itoken_eq, t, &ops);
    if (k < 0)
        c->oom = 1;
    emit_state st = {0};
    for (ssize_t i = 0; i < k;) {
        if (ops[i].kind == DIFF_SAME && !lone_space(ops, k, i, t)) {
            for (size_t j = 0; j < ops[i].len; j++)
                emit(c, out, &st, &t[1].t[ops[i].b + j], DOC_SAME);
            i++;
            continue;
        }
        /* A stretch of changes, lone spaces included: deletions first. */
        ssize_t end = i;
        while (end < k && (ops[end].kind != DIFF_SAME || lone_space(ops, k, end, t)))
            end++;
        for (ssize_t j = i; j < end; j++)
            if (ops[j].kind != DIFF_INSERT)
                for (size_t x = 0; x < ops[j].len; x++)
                    emit(c, out, &st, &t[0].t[ops[j].a + x], DOC_DELETED);
        for (ssize_t j = i; j < end; j++)
            if (ops[j].kind != DIFF_DELETE)
                for (size_t x = 0; x < ops[j].len; x++)
                    emit(c, out, &st, &t[1].t[ops[j].b + x], DOC_INSERTED);
        i = end;
    }
    free(ops);
    free(t[0].t);
    free(t[1].t);
}

/* --- blocks -------------------------------------------------------- */

/* The content that identifies a node without id: kinds, ids, titles and
 * inline text, with a reference by its target rather than its number. */
static void identity(const doc_node *n, FILE *f)
{
    fprintf(f, "<%d|%s|%s", (int)n->kind, n->id ? n->id : "", n->title ? n->title : "");
    if (doc_is_inline(n->kind))
        fputs(n->kind == DOC_REF && n->id ? n->id : n->text, f);
    if (n->sig)
        fprintf(f, "|%s|%s|%s", n->sig->party, n->sig->name, n->sig->function);
    for (const doc_node *ch = n->first; ch; ch = ch->next)
        identity(ch, f);
    fputc('>', f);
}

static char *identity_of(merge_ctx *c, const doc_node *n)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f) {
        c->oom = 1;
        return NULL;
    }
    identity(n, f);
    if (fclose(f)) {
        c->oom = 1;
        free(buf);
        return NULL;
    }
    return buf;
}

/* Words for likeness: the words of model text; a field, regional text or
 * reference is one word named by its id. */
typedef struct {
    const char *s;
    size_t len;
    int tag;
} sim_token;

typedef struct {
    sim_token *t;
    size_t n, cap;
} sim_tokens;

static void sim_push(merge_ctx *c, sim_tokens *v, const char *s, size_t len, int tag)
{
    sim_token *p = grow(v->t, &v->cap, v->n, sizeof *p);
    if (!p) {
        c->oom = 1;
        return;
    }
    v->t = p;
    v->t[v->n++] = (sim_token){s, len, tag};
}

static void sim_collect(merge_ctx *c, const doc_node *n, sim_tokens *v)
{
    if (doc_is_inline(n->kind)) {
        if (n->id && n->kind != DOC_TEXT && n->kind != DOC_TERM) {
            /* a value and its placeholder are the same word */
            sim_push(c, v, n->id, strlen(n->id), n->kind == DOC_REF ? DOC_REF : DOC_FIELD);
            return;
        }
        word_token *wt = NULL;
        size_t k = 0, cap = 0;
        if (word_tokens(n->text, &wt, &k, &cap))
            c->oom = 1;
        for (size_t i = 0; i < k; i++)
            if (wt[i].kind != WORD_SPACE)
                sim_push(c, v, n->text + wt[i].start, wt[i].len, 0);
        free(wt);
        return;
    }
    if (n->title)
        sim_push(c, v, n->title, strlen(n->title), -1);
    for (const doc_node *ch = n->first; ch; ch = ch->next)
        sim_collect(c, ch, v);
}

static int sim_eq(size_t i, size_t j, void *ctx)
{
    const sim_tokens *v = ctx;
    const sim_token *a = &v[0].t[i], *b = &v[1].t[j];
    return a->tag == b->tag && a->len == b->len && !memcmp(a->s, b->s, a->len);
}

/* Whether two nodes without id are one node changed: at least half of
 * their words in common. */
static int alike(merge_ctx *c, const doc_node *a, const doc_node *b)
{
    /* A signatory has no text of its own to mark: a changed one is the
     * old one deleted and the new one inserted. */
    if (a->kind != b->kind || a->id || b->id || a->sig)
        return 0;
    if (a->kind == DOC_LIST)
        return 1;
    sim_tokens v[2] = {{0}, {0}};
    sim_collect(c, a, &v[0]);
    sim_collect(c, b, &v[1]);
    size_t same = 0;
    diff_op *ops = NULL;
    ssize_t k = c->oom ? -1 : diff_run(v[0].n, v[1].n, sim_eq, v, &ops);
    if (k < 0)
        c->oom = 1;
    for (ssize_t i = 0; i < k; i++)
        if (ops[i].kind == DIFF_SAME)
            same += ops[i].len;
    size_t total = v[0].n + v[1].n;
    free(ops);
    free(v[0].t);
    free(v[1].t);
    return total == 0 || 4 * same >= total;
}

typedef struct {
    const doc_node **node[2];
    char **ident[2];
    size_t n[2];
} child_lists;

static int child_eq(size_t i, size_t j, void *ctx)
{
    const child_lists *l = ctx;
    const doc_node *a = l->node[0][i], *b = l->node[1][j];
    if (a->kind != b->kind)
        return 0;
    if (a->id || b->id)
        return str_eq(a->id, b->id);
    return l->ident[0][i] && l->ident[1][j] && !strcmp(l->ident[0][i], l->ident[1][j]);
}

static doc_node *merge_node(merge_ctx *c, const doc_node *o, const doc_node *n);

static void add(doc_node *parent, doc_node *child)
{
    if (child)
        doc_append(parent, child);
}

static void merge_blocks(merge_ctx *c, doc_node *out, const doc_node *o, const doc_node *n)
{
    child_lists l = {0};
    const doc_node *side[2] = {o, n};
    for (int s = 0; s < 2; s++) {
        for (const doc_node *ch = side[s]->first; ch; ch = ch->next)
            l.n[s] += !doc_is_inline(ch->kind);
        l.node[s] = calloc(l.n[s] + 1, sizeof *l.node[s]);
        l.ident[s] = calloc(l.n[s] + 1, sizeof *l.ident[s]);
        if (!l.node[s] || !l.ident[s]) {
            c->oom = 1;
            goto done;
        }
        size_t i = 0;
        for (const doc_node *ch = side[s]->first; ch; ch = ch->next)
            if (!doc_is_inline(ch->kind)) {
                l.node[s][i] = ch;
                if (!ch->id)
                    l.ident[s][i] = identity_of(c, ch);
                i++;
            }
    }
    diff_op *ops = NULL;
    ssize_t k = c->oom ? -1 : diff_run(l.n[0], l.n[1], child_eq, &l, &ops);
    if (k < 0)
        c->oom = 1;
    for (ssize_t i = 0; i < k; i++) {
        const diff_op *op = &ops[i];
        if (op->kind == DIFF_SAME) {
            for (size_t j = 0; j < op->len; j++)
                add(out, merge_node(c, l.node[0][op->a + j], l.node[1][op->b + j]));
            continue;
        }
        /* A stretch: deleted [da, da_end), inserted [ia, ia_end). */
        size_t da = op->kind == DIFF_DELETE ? op->a : 0, da_end = da;
        size_t ia = 0, ia_end = 0;
        if (op->kind == DIFF_DELETE) {
            da_end = da + op->len;
            if (i + 1 < k && ops[i + 1].kind == DIFF_INSERT) {
                i++;
                ia = ops[i].b;
                ia_end = ia + ops[i].len;
            }
        } else {
            ia = op->b;
            ia_end = ia + op->len;
        }
        size_t next = ia;
        for (size_t d = da; d < da_end; d++) {
            size_t j = next;
            while (j < ia_end && !alike(c, l.node[0][d], l.node[1][j]))
                j++;
            if (j == ia_end) {
                add(out, copy_tree(c, l.node[0][d], DOC_DELETED));
                continue;
            }
            for (; next < j; next++)
                add(out, copy_tree(c, l.node[1][next], DOC_INSERTED));
            add(out, merge_node(c, l.node[0][d], l.node[1][j]));
            next = j + 1;
        }
        for (; next < ia_end; next++)
            add(out, copy_tree(c, l.node[1][next], DOC_INSERTED));
    }
    free(ops);
done:
    for (int s = 0; s < 2; s++) {
        for (size_t i = 0; l.ident[s] && i < l.n[s]; i++)
            free(l.ident[s][i]);
        free(l.ident[s]);
        free(l.node[s]);
    }
}

static doc_node *merge_node(merge_ctx *c, const doc_node *o, const doc_node *n)
{
    doc_node *m = copy_node(c, n, DOC_SAME);
    if (!m)
        return NULL;
    if (!str_eq(o->label, n->label))
        set_copy(c, &m->old_label, o->label ? o->label : "");
    if (!str_eq(o->title, n->title))
        set_copy(c, &m->old_title, o->title ? o->title : "");
    merge_inline(c, m, o, n);
    merge_blocks(c, m, o, n);
    return m;
}

static doc_meta *merge_meta(merge_ctx *c, const doc_meta *o, const doc_meta *n,
                            const char *author, time_t date)
{
    doc_meta *m = calloc(1, sizeof *m);
    if (!m) {
        c->oom = 1;
        return NULL;
    }
    set_copy(c, &m->title, n->title);
    set_copy(c, &m->property_title, n->property_title);
    set_copy(c, &m->subtitle, n->subtitle);
    set_copy(c, &m->region, n->region);
    set_copy(c, &m->model_name, n->model_name);
    set_copy(c, &m->model_version, n->model_version);
    set_copy(c, &m->model_date, n->model_date);
    set_copy(c, &m->language, n->language);
    set_copy(c, &m->subject, n->subject);
    set_copy(c, &m->description, n->description);
    set_copy(c, &m->creator, n->creator);
    for (size_t i = 0; i < n->n_keywords; i++)
        if (doc_add_keyword(m, n->keywords[i]))
            c->oom = 1;
    set_copy(c, &m->change_author, author);
    m->timestamp = n->timestamp;
    m->change_date = date;
    if (!str_eq(o->title, n->title))
        set_copy(c, &m->old_title, o->title ? o->title : "");
    if (!str_eq(o->subtitle, n->subtitle))
        set_copy(c, &m->old_subtitle, o->subtitle ? o->subtitle : "");
    return m;
}

doc_node *compare_merge(const doc_node *older, const doc_node *newer, const char *author,
                        time_t date)
{
    merge_ctx c = {0};
    doc_node *m = doc_new(DOC_DOCUMENT);
    if (!m)
        return NULL;
    m->meta = merge_meta(&c, older->meta, newer->meta, author, date);
    merge_blocks(&c, m, older, newer);
    if (c.oom) {
        doc_free(m);
        return NULL;
    }
    /* A table of contents lists headings; in a redline it would list
     * them twice over and mark nothing of the agreement, so it goes. */
    for (doc_node *n = m->first, *next; n; n = next) {
        next = n->next;
        if (n->kind == DOC_TOC)
            doc_free(doc_unlink(n));
    }
    return m;
}

int compare_differs(const doc_node *n)
{
    if (n->change != DOC_SAME || n->old_label || n->old_title ||
        (n->meta && (n->meta->old_title || n->meta->old_subtitle)))
        return 1;
    for (const doc_node *c = n->first; c; c = c->next)
        if (compare_differs(c))
            return 1;
    return 0;
}
