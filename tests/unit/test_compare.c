/* Unit tests of compare_merge on trees built by hand: the merged tree,
 * read with every mark accepted, is the newer tree's text, and read with
 * every mark rejected, the older's; matching is by id, not by number. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"

static doc_node *add(doc_node *parent, doc_kind kind, const char *id, const char *label,
                     const char *title)
{
    doc_node *n = doc_new(kind);
    doc_set(&n->id, id);
    doc_set(&n->label, label);
    doc_set(&n->title, title);
    doc_append(parent, n);
    return n;
}

static doc_node *text(doc_node *parent, doc_kind kind, const char *id, const char *s)
{
    doc_node *n = doc_new_inline(kind, s, strlen(s));
    doc_set(&n->id, id);
    doc_append(parent, n);
    return n;
}

typedef struct {
    int stretch; /* number of stretches of vier->zes style edits */
    const char *vote, *title, *refnum, *extra;
    int with_optional, two_leden;
} variant;

/* A small agreement: an article with a field and a word that varies, an
 * optional article, and an article after it referring to itself. */
static doc_node *build(const variant *v)
{
    doc_node *d = doc_new_document();
    doc_set(&d->meta->title, v->title);
    doc_node *h = add(d, DOC_HEADING, NULL, NULL, "Partijen");
    h->number = 1;
    doc_node *list = add(d, DOC_LIST, NULL, NULL, NULL);
    text(add(list, DOC_ITEM, NULL, "1.", NULL), DOC_FIELD, "gemeenten", "Gemeente Tiel");
    text(add(list, DOC_ITEM, NULL, "2.", NULL), DOC_FIELD, "gemeenten", "Gemeente Buren");
    doc_node *part = add(d, DOC_PART, "A", "Deel A", "Structuur");
    doc_node *a = add(part, DOC_ARTICLE, "stuurgroep", "Artikel 1", "De Stuurgroep");
    doc_node *lid = add(a, DOC_LID, NULL, v->two_leden ? "1." : NULL, NULL);
    text(lid, DOC_TEXT, NULL, "De ");
    text(lid, DOC_TERM, NULL, "Stuurgroep");
    text(lid, DOC_TEXT, NULL, " vergadert ");
    text(lid, DOC_FIELD, "frequentie", v->vote);
    text(lid, DOC_TEXT, NULL, " keer per jaar.");
    if (v->two_leden)
        text(add(a, DOC_LID, NULL, "2.", NULL), DOC_REGIONAL, "extra", v->extra);
    int no = 2;
    char label[32];
    if (v->with_optional) {
        doc_node *o = add(part, DOC_ARTICLE, "netwerk", "Artikel 2", "Netwerk");
        text(add(o, DOC_LID, NULL, NULL, NULL), DOC_TEXT, NULL, "Het netwerk overlegt.");
        no++;
    }
    snprintf(label, sizeof label, "Artikel %d", no);
    doc_node *last = add(part, DOC_ARTICLE, "slot", label, "Slot");
    doc_node *l2 = add(last, DOC_LID, NULL, NULL, NULL);
    text(l2, DOC_TEXT, NULL, "Zie ");
    text(l2, DOC_REF, "art:stuurgroep", "artikel 1");
    text(l2, DOC_TEXT, NULL, " en ");
    snprintf(label, sizeof label, "artikel %d", no);
    text(l2, DOC_REF, "art:slot", label);
    text(l2, DOC_TEXT, NULL, ".");
    return d;
}

/* The text of a tree, one line per block, under a reading of the marks:
 * skip is the mark whose nodes are left out; old: labels and titles of
 * the older side. */
static void render(const doc_node *n, doc_change skip, int old, FILE *f)
{
    if (n->change == skip && skip != DOC_SAME)
        return;
    if (doc_is_inline(n->kind)) {
        fputs(n->text, f);
        return;
    }
    const char *label = old && n->old_label ? n->old_label : n->label;
    const char *title = old && n->old_title ? n->old_title : n->title;
    fprintf(f, "\n[%s|%s] ", label ? label : "", title ? title : "");
    if (n->meta)
        fputs(old && n->meta->old_title ? n->meta->old_title : n->meta->title, f);
    for (const doc_node *c = n->first; c; c = c->next)
        render(c, skip, old, f);
}

static char *text_of(const doc_node *n, doc_change skip, int old)
{
    char *buf;
    size_t len;
    FILE *f = open_memstream(&buf, &len);
    render(n, skip, old, f);
    fclose(f);
    return buf;
}

static doc_node *merge_checked(const doc_node *a, const doc_node *b)
{
    doc_node *m = compare_merge(a, b, "afspraken", 1768478400);
    assert_non_null(m);
    assert_string_equal(m->meta->change_author, "afspraken");
    assert_int_equal(m->meta->change_date, 1768478400);
    char *want_new = text_of(b, DOC_SAME, 0), *got_new = text_of(m, DOC_DELETED, 0);
    char *want_old = text_of(a, DOC_SAME, 0), *got_old = text_of(m, DOC_INSERTED, 1);
    assert_string_equal(got_new, want_new);
    assert_string_equal(got_old, want_old);
    free(want_new);
    free(got_new);
    free(want_old);
    free(got_old);
    return m;
}

static const variant base = {0, "vier", "Afspraken", NULL, "Extra tekst.", 1, 0};

static int count_marked(const doc_node *n, doc_change mark, doc_kind kind)
{
    int k = n->change == mark && n->kind == kind;
    for (const doc_node *c = n->first; c; c = c->next)
        k += count_marked(c, mark, kind);
    return k;
}

static const doc_node *find(const doc_node *n, const char *id)
{
    if (n->id && !strcmp(n->id, id) && !doc_is_inline(n->kind))
        return n;
    for (const doc_node *c = n->first; c; c = c->next) {
        const doc_node *r = find(c, id);
        if (r)
            return r;
    }
    return NULL;
}

static void test_identical_trees_have_no_marks(void **state)
{
    (void)state;
    doc_node *a = build(&base), *b = build(&base);
    doc_node *m = merge_checked(a, b);
    for (doc_kind k = DOC_DOCUMENT; k <= DOC_REGIONAL; k++) {
        assert_int_equal(count_marked(m, DOC_INSERTED, k), 0);
        assert_int_equal(count_marked(m, DOC_DELETED, k), 0);
    }
    assert_null(find(m, "slot")->old_label);
    doc_free(a);
    doc_free(b);
    doc_free(m);
}

static void test_one_word_is_one_deletion_and_one_insertion(void **state)
{
    (void)state;
    variant v = base;
    v.vote = "zes";
    doc_node *a = build(&base), *b = build(&v);
    doc_node *m = merge_checked(a, b);
    const doc_node *lid = find(m, "stuurgroep")->first;
    assert_int_equal(count_marked(lid, DOC_DELETED, DOC_FIELD), 1);
    assert_int_equal(count_marked(lid, DOC_INSERTED, DOC_FIELD), 1);
    for (const doc_node *n = lid->first; n; n = n->next)
        if (n->change == DOC_DELETED) {
            assert_string_equal(n->text, "vier");
            assert_string_equal(n->id, "frequentie");
            assert_string_equal(n->next->text, "zes");
        }
    doc_free(a);
    doc_free(b);
    doc_free(m);
}

static void test_dropped_article_is_one_deleted_block_and_renumbers(void **state)
{
    (void)state;
    variant v = base;
    v.with_optional = 0;
    doc_node *a = build(&base), *b = build(&v);
    doc_node *m = merge_checked(a, b);
    const doc_node *gone = find(m, "netwerk");
    assert_non_null(gone);
    assert_int_equal(gone->change, DOC_DELETED);
    assert_int_equal(gone->first->first->change, DOC_DELETED); /* its text too */
    assert_int_equal(count_marked(m, DOC_DELETED, DOC_ARTICLE), 1);
    const doc_node *slot = find(m, "slot");
    assert_int_equal(slot->change, DOC_SAME);
    assert_string_equal(slot->label, "Artikel 2");
    assert_string_equal(slot->old_label, "Artikel 3");
    /* the self-reference changed number only: marked in its REF node */
    const doc_node *lid = slot->first;
    for (const doc_node *n = lid->first; n; n = n->next)
        if (n->change != DOC_SAME)
            assert_int_equal(n->kind, DOC_REF);
    doc_free(a);
    doc_free(b);
    doc_free(m);
}

static void test_new_lid_labels_the_first(void **state)
{
    (void)state;
    variant v = base;
    v.two_leden = 1;
    v.title = "Afspraken Tiel";
    doc_node *a = build(&base), *b = build(&v);
    doc_node *m = merge_checked(a, b);
    const doc_node *art = find(m, "stuurgroep");
    assert_string_equal(art->first->old_label, ""); /* had no number */
    assert_string_equal(art->first->label, "1.");
    assert_int_equal(art->last->change, DOC_INSERTED);
    assert_int_equal(art->last->first->change, DOC_INSERTED);
    assert_string_equal(m->meta->old_title, "Afspraken");
    doc_free(m);
    m = merge_checked(b, a); /* and back */
    art = find(m, "stuurgroep");
    assert_int_equal(art->last->change, DOC_DELETED);
    doc_free(a);
    doc_free(b);
    doc_free(m);
}

static void test_changed_list_item_is_matched_by_likeness(void **state)
{
    (void)state;
    doc_node *a = build(&base), *b = build(&base);
    doc_node *item = b->first->next->last; /* Gemeente Buren */
    free(item->first->text);
    item->first->text = strdup("Gemeente West Betuwe");
    doc_node *m = merge_checked(a, b);
    /* one item with a changed word, not a deleted and an inserted item */
    assert_int_equal(count_marked(m, DOC_DELETED, DOC_ITEM), 0);
    assert_int_equal(count_marked(m, DOC_INSERTED, DOC_ITEM), 0);
    assert_int_equal(count_marked(m, DOC_DELETED, DOC_FIELD), 1);
    doc_free(a);
    doc_free(b);
    doc_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_identical_trees_have_no_marks),
        cmocka_unit_test(test_one_word_is_one_deletion_and_one_insertion),
        cmocka_unit_test(test_dropped_article_is_one_deleted_block_and_renumbers),
        cmocka_unit_test(test_new_lid_labels_the_first),
        cmocka_unit_test(test_changed_list_item_is_matched_by_likeness),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
