/* Reading a merged tree clause by clause (clause_report.h). Within a lid
 * the inline nodes fall into segments: the words of one field, one
 * regional text, one reference, or model text. A segment whose two sides
 * differ is a change of its kind, except a reference to the same target
 * whose number alone changed: that is renumbering, never an edit. */
#define _GNU_SOURCE
#include "clause_report.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    clause_report *r;
    const model *old_model, *new_model;
    int oom;
    clause *cur;
} builder;

static const char *const kind_names[N_CHANGE_KINDS] = {
    "optioneel artikel opgenomen", "optioneel artikel weggelaten", "nieuw in het model",
    "vervallen in het model", "veldwaarde", "keuze", "regionale tekst toegevoegd",
    "regionale tekst gewijzigd", "regionale tekst verwijderd", "modeltekst gewijzigd",
    "tekst toegevoegd", "tekst vervallen"};
static const char *const kind_keys[N_CHANGE_KINDS] = {
    "optioneel_opgenomen", "optioneel_weggelaten", "artikel_nieuw", "artikel_vervallen",
    "veld", "keuze", "regionaal_toegevoegd", "regionaal_gewijzigd", "regionaal_verwijderd",
    "modeltekst", "tekst_toegevoegd", "tekst_vervallen"};
static const char *const status_names[N_CLAUSE_STATUS] = {"ongewijzigd", "gewijzigd",
                                                          "toegevoegd", "weggelaten"};
static const char *const status_keys[N_CLAUSE_STATUS] = {"ongewijzigd", "gewijzigd",
                                                         "toegevoegd", "weggelaten"};

const char *change_kind_name(change_kind k) { return kind_names[k]; }
const char *change_kind_key(change_kind k) { return kind_keys[k]; }
const char *clause_status_name(clause_status s) { return status_names[s]; }
const char *clause_status_key(clause_status s) { return status_keys[s]; }

static char *dup(builder *b, const char *s)
{
    if (!s)
        return NULL;
    char *d = strdup(s);
    if (!d)
        b->oom = 1;
    return d;
}

static void *grow(builder *b, void *array, size_t n, size_t size)
{
    /* Doubles at powers of two: n is the count before the new element. */
    if (n & (n - 1) && n)
        return array;
    void *p = realloc(array, (n ? n * 2 : 1) * size);
    if (!p)
        b->oom = 1;
    return p;
}

/* A growing string. */
typedef struct {
    char *s;
    size_t len;
    FILE *f;
} text_buf;

static void tb_open(builder *b, text_buf *t)
{
    t->s = NULL;
    t->len = 0;
    if (!(t->f = open_memstream(&t->s, &t->len)))
        b->oom = 1;
}

static char *tb_close(builder *b, text_buf *t)
{
    if (!t->f)
        return NULL;
    if (fclose(t->f)) {
        b->oom = 1;
        free(t->s);
        return NULL;
    }
    return t->s;
}

static clause_change *add_change(builder *b, change_kind kind, const char *id,
                                 const char *where_old, const char *where_new)
{
    clause *c = b->cur;
    clause_change *p = grow(b, c->changes, c->n_changes, sizeof *p);
    if (!p)
        return NULL;
    c->changes = p;
    clause_change *ch = &c->changes[c->n_changes++];
    memset(ch, 0, sizeof *ch);
    ch->kind = kind;
    ch->id = dup(b, id);
    ch->where_old = dup(b, where_old);
    ch->where_new = dup(b, where_new);
    b->r->change_count[kind]++;
    return ch;
}

static void add_run(builder *b, clause_change *ch, diff_kind kind, const char *s, size_t len)
{
    if (!len)
        return;
    if (ch->n_runs && ch->runs[ch->n_runs - 1].kind == kind) {
        word_run *w = &ch->runs[ch->n_runs - 1];
        size_t old = strlen(w->text);
        char *t = realloc(w->text, old + len + 1);
        if (!t) {
            b->oom = 1;
            return;
        }
        memcpy(t + old, s, len);
        t[old + len] = '\0';
        w->text = t;
        return;
    }
    word_run *p = grow(b, ch->runs, ch->n_runs, sizeof *p);
    if (!p)
        return;
    ch->runs = p;
    char *t = strndup(s, len);
    if (!t) {
        b->oom = 1;
        return;
    }
    ch->runs[ch->n_runs++] = (word_run){kind, t};
}

static diff_kind run_kind(doc_change c)
{
    return c == DOC_INSERTED ? DIFF_INSERT : c == DOC_DELETED ? DIFF_DELETE : DIFF_SAME;
}

/* All inline text under n, blocks separated by a space. */
static void plain(const doc_node *n, text_buf *t)
{
    if (doc_is_inline(n->kind)) {
        fputs(n->text, t->f);
        return;
    }
    if (n->kind == DOC_SIGNATORY && n->sig)
        fprintf(t->f, "%s, %s, %s", n->sig->party, n->sig->name, n->sig->function);
    for (const doc_node *c = n->first; c; c = c->next) {
        if (!doc_is_inline(c->kind) && c != n->first)
            fputc(' ', t->f);
        plain(c, t);
    }
}

static char *plain_text(builder *b, const doc_node *n)
{
    text_buf t;
    tb_open(b, &t);
    if (t.f)
        plain(n, &t);
    return tb_close(b, &t);
}

/* "lid 2", "onder b" for a block's label on one side; "" without one. */
static void where_part(const doc_node *n, const char *label, FILE *f)
{
    if (!label || !*label)
        return;
    size_t len = strlen(label);
    if (label[len - 1] == '.')
        len--;
    fprintf(f, "%s%s %.*s", ftell(f) ? ", " : "", n->kind == DOC_LID ? "lid" : "onder",
            (int)len, label);
}

/* Where n stands within its clause, on the older (old) or newer side. */
static char *where(builder *b, const doc_node *n, int old)
{
    const doc_node *chain[16];
    size_t k = 0;
    for (const doc_node *p = n; p && p->kind != DOC_ARTICLE && p->kind != DOC_ANNEX && k < 16;
         p = p->parent)
        if (p->kind == DOC_LID || p->kind == DOC_ITEM)
            chain[k++] = p;
    text_buf t;
    tb_open(b, &t);
    if (!t.f)
        return NULL;
    while (k--) {
        const doc_node *p = chain[k];
        where_part(p, old && p->old_label ? p->old_label : p->label, t.f);
    }
    return tb_close(b, &t);
}

static const model_field *field_of(const builder *b, const char *id)
{
    const model_field *f = b->new_model ? model_find_field(b->new_model, id) : NULL;
    return f ? f : b->old_model ? model_find_field(b->old_model, id) : NULL;
}

static int only_space(const char *s)
{
    while (*s && isspace((unsigned char)*s))
        s++;
    return !*s;
}

/* A field's value, a regional text, the placeholder of either, or an
 * address found in one of them (which keeps its id). */
static int is_value(const doc_node *n)
{
    return n->kind == DOC_FIELD || n->kind == DOC_PLACEHOLDER ||
           ((n->kind == DOC_REGIONAL || n->kind == DOC_LINK) && n->id);
}

static int is_model_text(const doc_node *n)
{
    return !is_value(n) && !(n->kind == DOC_REF && n->id);
}

/* Whether blk, not itself marked own, holds regional text spot that is
 * not marked own either: text of the side n is not on. */
static int holds_spot(const doc_node *blk, const char *spot, doc_change own)
{
    if (blk->change == own)
        return 0;
    for (const doc_node *c = blk->first; c; c = c->next)
        if (c->kind == DOC_REGIONAL && c->id && !strcmp(c->id, spot) && c->change != own)
            return 1;
    return 0;
}

/* Whether n, a further paragraph on one side only, is a paragraph of a
 * regional text its lid or onderdeel has on both sides: then that text
 * changed, by a paragraph, rather than being added or removed. */
static int spot_kept(const doc_node *n, const char *spot)
{
    const doc_node *blk = n->parent;
    if (n->kind != DOC_CONTINUATION || !blk || blk->change != DOC_SAME)
        return 0;
    if (holds_spot(blk, spot, n->change))
        return 1;
    for (const doc_node *c = blk->first; c; c = c->next)
        if (c != n && c->kind == DOC_CONTINUATION && holds_spot(c, spot, n->change))
            return 1;
    return 0;
}

/* A whole block on one side only: regional text, a list item of a
 * field, or text. */
static void block_change(builder *b, const doc_node *n)
{
    int added = n->change == DOC_INSERTED;
    const char *spot = NULL, *field = NULL;
    int other = 0;
    for (const doc_node *c = n->first; c; c = c->next) {
        if (!doc_is_inline(c->kind))
            other = 1;
        else if (is_value(c) && c->id && (c->kind == DOC_REGIONAL || !field_of(b, c->id)))
            spot = c->id;
        else if (is_value(c) && c->id && !field)
            field = c->id;
        else if (!(c->kind == DOC_TEXT && only_space(c->text)))
            other = 1;
    }
    if (spot && !other && !field && spot_kept(n, spot)) {
        char *wo = where(b, n, 1), *wn = where(b, n, 0);
        clause_change *ch = add_change(b, CHANGE_REGIONAL_CHANGED, spot, wo, wn);
        free(wo);
        free(wn);
        char *text = plain_text(b, n);
        if (ch && text)
            add_run(b, ch, added ? DIFF_INSERT : DIFF_DELETE, text, strlen(text));
        free(text);
        return;
    }
    char *w = where(b, n, !added);
    change_kind kind = added ? CHANGE_TEXT_ADDED : CHANGE_TEXT_REMOVED;
    const char *id = NULL;
    if (spot && !other && !field) {
        kind = added ? CHANGE_REGIONAL_ADDED : CHANGE_REGIONAL_REMOVED;
        id = spot;
    } else if (field && !other && !spot && n->kind == DOC_ITEM) {
        const model_field *f = field_of(b, field);
        kind = f && f->type == FIELD_CHOICE ? CHANGE_CHOICE : CHANGE_FIELD;
        id = field;
    }
    clause_change *ch = add_change(b, kind, id, added ? NULL : w, added ? w : NULL);
    free(w);
    if (!ch)
        return;
    char *text = plain_text(b, n);
    if (added)
        ch->new_text = text;
    else
        ch->old_text = text;
}

/* A segment of inline nodes [first, end): one field, spot or reference,
 * or model text. */
static int same_segment(const doc_node *a, const doc_node *c)
{
    if (is_model_text(a) || is_model_text(c))
        return is_model_text(a) && is_model_text(c);
    return is_value(a) == is_value(c) && (a->id ? c->id && !strcmp(a->id, c->id) : !c->id);
}

/* The segment's text on each side, whether it changed, and which kinds
 * it holds (a bit per doc_kind, for each side). */
static void segment_sides(builder *b, const doc_node *first, const doc_node *end, char **old,
                          char **new, int *changed, unsigned kinds[2])
{
    text_buf o, n;
    tb_open(b, &o);
    tb_open(b, &n);
    *changed = 0;
    kinds[0] = kinds[1] = 0;
    for (const doc_node *c = first; c != end; c = c->next) {
        if (c->change != DOC_INSERTED && o.f) {
            fputs(c->text, o.f);
            kinds[0] |= 1u << c->kind;
        }
        if (c->change != DOC_DELETED && n.f) {
            fputs(c->text, n.f);
            kinds[1] |= 1u << c->kind;
        }
        *changed |= c->change != DOC_SAME;
    }
    *old = tb_close(b, &o);
    *new = tb_close(b, &n);
}

/* Whether the clause so far has this field change already. */
static int repeated(const builder *b, const char *id, const char *old, const char *new)
{
    const clause *c = b->cur;
    for (size_t i = 0; i < c->n_changes; i++) {
        const clause_change *ch = &c->changes[i];
        if ((ch->kind == CHANGE_FIELD || ch->kind == CHANGE_CHOICE) && id && ch->id &&
            !strcmp(ch->id, id) && ch->old_text && !strcmp(ch->old_text, old) && ch->new_text &&
            !strcmp(ch->new_text, new))
            return 1;
    }
    return 0;
}

static void inline_changes(builder *b, const doc_node *blk)
{
    const doc_node *start = blk->first;
    while (start && !doc_is_inline(start->kind))
        start = start->next;
    int model_text = 0;
    for (const doc_node *s = start; s && doc_is_inline(s->kind);) {
        const doc_node *e = s->next;
        while (e && doc_is_inline(e->kind) && same_segment(s, e))
            e = e->next;
        char *old, *new;
        int changed;
        unsigned kinds[2];
        segment_sides(b, s, e, &old, &new, &changed, kinds);
        unsigned both = kinds[0] | kinds[1];
        int regional = both & 1u << DOC_REGIONAL ||
                       (!(both & 1u << DOC_FIELD) && s->id && !field_of(b, s->id));
        int is_text = is_model_text(s);
        if (!changed || !old || !new) {
            /* nothing, or out of memory (recorded) */
        } else if (is_text || (s->kind == DOC_REF && (!*old || !*new))) {
            model_text = 1;
        } else if (s->kind == DOC_REF) {
            /* a reference whose number alone changed: renumbering */
        } else if (!regional && repeated(b, s->id, old, new)) {
            /* the same value twice in one lid: one change */
        } else if (!regional) {
            const model_field *f = s->id ? field_of(b, s->id) : NULL;
            char *wo = where(b, blk, 1), *wn = where(b, blk, 0);
            clause_change *ch = add_change(
                b, f && f->type == FIELD_CHOICE ? CHANGE_CHOICE : CHANGE_FIELD, s->id, wo, wn);
            free(wo);
            free(wn);
            if (ch) {
                ch->old_text = old;
                ch->new_text = new;
                old = new = NULL;
            }
        } else {
            const unsigned open = 1u << DOC_PLACEHOLDER;
            change_kind k = !*old || kinds[0] == open ? CHANGE_REGIONAL_ADDED
                            : !*new || kinds[1] == open ? CHANGE_REGIONAL_REMOVED
                                                        : CHANGE_REGIONAL_CHANGED;
            char *wo = where(b, blk, 1), *wn = where(b, blk, 0);
            clause_change *ch = add_change(b, k, s->id, wo, wn);
            free(wo);
            free(wn);
            if (ch) {
                for (const doc_node *c = s; c != e && k == CHANGE_REGIONAL_CHANGED; c = c->next)
                    add_run(b, ch, run_kind(c->change), c->text, strlen(c->text));
                ch->old_text = *old ? old : NULL;
                ch->new_text = *new ? new : NULL;
                if (*old)
                    old = NULL;
                if (*new)
                    new = NULL;
            }
        }
        free(old);
        free(new);
        s = e;
    }
    if (!model_text)
        return;
    char *wo = where(b, blk, 1), *wn = where(b, blk, 0);
    clause_change *ch = add_change(b, CHANGE_MODEL_TEXT, NULL, wo, wn);
    free(wo);
    free(wn);
    if (!ch)
        return;
    /* The lid's words; a renumbered reference shows as its new text. */
    for (const doc_node *s = start; s && doc_is_inline(s->kind);) {
        const doc_node *e = s->next;
        while (e && doc_is_inline(e->kind) && same_segment(s, e))
            e = e->next;
        int renumbered = s->kind == DOC_REF && s->id;
        if (renumbered) {
            char *old, *new;
            int changed;
            unsigned kinds[2];
            segment_sides(b, s, e, &old, &new, &changed, kinds);
            renumbered = old && new && *old && *new;
            if (renumbered)
                add_run(b, ch, DIFF_SAME, new, strlen(new));
            free(old);
            free(new);
        }
        for (const doc_node *c = s; c != e && !renumbered; c = c->next)
            add_run(b, ch, run_kind(c->change), c->text, strlen(c->text));
        s = e;
    }
    unsigned kinds[2];
    segment_sides(b, start, NULL, &ch->old_text, &ch->new_text, &model_text, kinds);
}

static int has_change(const doc_node *n)
{
    if (n->change != DOC_SAME || n->old_title)
        return 1;
    for (const doc_node *c = n->first; c; c = c->next)
        if (has_change(c))
            return 1;
    return 0;
}

/* A list whose items are all one list field's values changes as one
 * value: "was A, B en C / wordt A en C". */
static const char *list_field(const doc_node *list)
{
    const char *id = NULL;
    for (const doc_node *it = list->first; it; it = it->next) {
        const doc_node *v = it->first;
        if (!v || !is_value(v) || !v->id || (id && strcmp(id, v->id)))
            return NULL;
        for (const doc_node *c = v; c; c = c->next)
            if (!is_value(c) || strcmp(c->id ? c->id : "", v->id))
                return NULL;
        id = v->id;
    }
    return id;
}

static void list_field_change(builder *b, const doc_node *list, const char *id)
{
    text_buf o, n;
    tb_open(b, &o);
    tb_open(b, &n);
    int first_o = 1, first_n = 1;
    for (const doc_node *it = list->first; it && o.f && n.f; it = it->next) {
        text_buf *side[2] = {&o, &n};
        int *first[2] = {&first_o, &first_n};
        for (int s = 0; s < 2; s++) {
            doc_change skip = s ? DOC_DELETED : DOC_INSERTED;
            if (it->change == skip)
                continue;
            fputs(*first[s] ? "" : "; ", side[s]->f);
            *first[s] = 0;
            for (const doc_node *c = it->first; c; c = c->next)
                if (c->change != skip)
                    fputs(c->text, side[s]->f);
        }
    }
    char *wo = where(b, list->parent, 1), *wn = where(b, list->parent, 0);
    const model_field *f = field_of(b, id);
    clause_change *ch =
        add_change(b, f && f->type == FIELD_CHOICE ? CHANGE_CHOICE : CHANGE_FIELD, id, wo, wn);
    free(wo);
    free(wn);
    char *os = tb_close(b, &o), *ns = tb_close(b, &n);
    if (ch) {
        ch->old_text = os;
        ch->new_text = ns;
    } else {
        free(os);
        free(ns);
    }
}

/* The changes in the blocks from first up to end (NULL: to the last). */
static void block_changes(builder *b, const doc_node *first, const doc_node *end)
{
    for (const doc_node *c = first; c != end; c = c->next) {
        if (doc_is_inline(c->kind) || !has_change(c))
            continue;
        if (c->dropped && c->change != DOC_SAME) {
            b->r->dropped_places[c->change == DOC_INSERTED]++;
            continue;
        }
        if (c->change != DOC_SAME) {
            block_change(b, c);
            continue;
        }
        const char *field = c->kind == DOC_LIST ? list_field(c) : NULL;
        if (field) {
            list_field_change(b, c, field);
            continue;
        }
        inline_changes(b, c);
        block_changes(b, c->first, NULL);
    }
}

static int optional_in(const model *m, const char *id)
{
    const model_article *a = m && id ? model_find_article(m, id) : NULL;
    return a && a->optional;
}

static int present_in(const model *m, const char *id)
{
    return !m || !id || model_find_article(m, id) || model_find_annex(m, id);
}

static clause *add_clause(builder *b, const doc_node *n, doc_kind kind, const char *id,
                          const char *title)
{
    clause_report *r = b->r;
    clause *p = grow(b, r->clauses, r->n_clauses, sizeof *p);
    if (!p)
        return NULL;
    r->clauses = p;
    clause *c = &r->clauses[r->n_clauses++];
    memset(c, 0, sizeof *c);
    c->kind = kind;
    c->id = dup(b, id);
    c->title = dup(b, title);
    const char *label = n && n->label ? n->label : "";
    if (!n || n->change != DOC_DELETED)
        c->new_label = dup(b, label);
    if (!n || n->change != DOC_INSERTED)
        c->old_label = dup(b, n && n->old_label ? n->old_label : label);
    b->cur = c;
    return c;
}

static void finish_clause(builder *b, clause *c)
{
    if (c->status == CLAUSE_SAME && c->n_changes)
        c->status = CLAUSE_CHANGED;
    b->r->status_count[c->status]++;
}

static void article_clause(builder *b, const doc_node *a)
{
    if (a->dropped && a->change != DOC_SAME) {
        b->r->dropped_places[a->change == DOC_INSERTED]++;
        return;
    }
    clause *c = add_clause(b, a, a->kind, a->id, a->title);
    if (!c)
        return;
    if (a->change != DOC_SAME) {
        int added = a->change == DOC_INSERTED;
        c->status = added ? CLAUSE_ADDED : CLAUSE_DROPPED;
        const model *other = added ? b->old_model : b->new_model;
        change_kind k = added ? CHANGE_OPTIONAL_KEPT : CHANGE_OPTIONAL_DROPPED;
        if (!present_in(other, a->id))
            k = added ? CHANGE_ARTICLE_ADDED : CHANGE_ARTICLE_REMOVED;
        else if (a->kind == DOC_ANNEX ||
                 ((b->old_model || b->new_model) &&
                  !optional_in(added ? b->new_model : b->old_model, a->id)))
            k = added ? CHANGE_TEXT_ADDED : CHANGE_TEXT_REMOVED; /* by a condition */
        clause_change *ch = add_change(b, k, a->id, added ? NULL : "", added ? "" : NULL);
        if (ch) {
            char *t = plain_text(b, a);
            if (added)
                ch->new_text = t;
            else
                ch->old_text = t;
        }
    } else {
        if (a->old_title) {
            clause_change *ch = add_change(b, CHANGE_MODEL_TEXT, NULL, "", "");
            if (ch) {
                ch->old_text = dup(b, a->old_title);
                ch->new_text = dup(b, a->title);
                add_run(b, ch, DIFF_DELETE, a->old_title, strlen(a->old_title));
                add_run(b, ch, DIFF_INSERT, a->title, strlen(a->title));
            }
        }
        block_changes(b, a->first, NULL);
    }
    finish_clause(b, c);
}

/* The parties (front matter before the first part) or the signatures as
 * one clause. */
static void frame_clause(builder *b, const doc_node *first, const doc_node *end, doc_kind kind,
                         const char *id, const char *title)
{
    clause *c = add_clause(b, NULL, kind, id, title);
    if (!c)
        return;
    block_changes(b, first, end);
    finish_clause(b, c);
}

static int number_in(const char *label)
{
    while (label && *label && !isdigit((unsigned char)*label))
        label++;
    return label && *label ? atoi(label) : 0;
}

static void add_renumbering(builder *b, const clause *c)
{
    clause_report *r = b->r;
    int o = number_in(c->old_label), n = number_in(c->new_label);
    if (!o || !n || o == n)
        return;
    const char *what = c->kind == DOC_ANNEX ? "bijlage" : "artikel";
    if (r->n_renumbered) {
        renumbering *last = &r->renumbered[r->n_renumbered - 1];
        if (!strcmp(last->what, what) && o == last->last_old + 1 &&
            n == last->first_new + (last->last_old - last->first_old) + 1) {
            last->last_old = o;
            return;
        }
    }
    renumbering *p = grow(b, r->renumbered, r->n_renumbered, sizeof *p);
    if (!p)
        return;
    r->renumbered = p;
    r->renumbered[r->n_renumbered++] = (renumbering){(char *)what, o, o, n};
}

int clause_report_build(const doc_node *merged, const model *old_model, const model *new_model,
                        clause_report *report)
{
    memset(report, 0, sizeof *report);
    builder b = {report, old_model, new_model, 0, NULL};
    const doc_node *n = merged->first;
    const doc_node *front = n;
    while (n && n->kind != DOC_PART && n->kind != DOC_SIGNATURES && n->kind != DOC_ANNEX)
        n = n->next;
    if (front != n)
        frame_clause(&b, front, n, DOC_HEADING, "partijen",
                     front->kind == DOC_HEADING ? front->title : NULL);
    for (; n && !b.oom; n = n->next) {
        if (n->kind == DOC_PART) {
            for (const doc_node *a = n->first; a; a = a->next)
                if (a->kind == DOC_ARTICLE)
                    article_clause(&b, a);
        } else if (n->kind == DOC_ANNEX) {
            article_clause(&b, n);
        } else if (n->kind == DOC_SIGNATURES) {
            frame_clause(&b, n->first, NULL, DOC_SIGNATURES, "ondertekening", n->title);
        }
    }
    for (size_t i = 0; i < report->n_clauses; i++)
        if (report->clauses[i].status <= CLAUSE_CHANGED)
            add_renumbering(&b, &report->clauses[i]);
    return b.oom ? -1 : 0;
}

void clause_report_free(clause_report *r)
{
    for (size_t i = 0; i < r->n_clauses; i++) {
        clause *c = &r->clauses[i];
        for (size_t j = 0; j < c->n_changes; j++) {
            clause_change *ch = &c->changes[j];
            for (size_t k = 0; k < ch->n_runs; k++)
                free(ch->runs[k].text);
            free(ch->runs);
            free(ch->id);
            free(ch->where_old);
            free(ch->where_new);
            free(ch->old_text);
            free(ch->new_text);
        }
        free(c->changes);
        free(c->id);
        free(c->old_label);
        free(c->new_label);
        free(c->title);
    }
    free(r->clauses);
    free(r->renumbered);
    memset(r, 0, sizeof *r);
}
