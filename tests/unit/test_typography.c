/* Unit tests of the typography pass: what must change into its no-break
 * twin, what must stay, and that a tree's texts are typeset as the
 * reader sees them (runs of inline nodes as one text) while labels and
 * ids stay as they are. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "typography.h"

#define NBSP "\xc2\xa0"
#define NBHY "\xe2\x80\x91"

static void assert_typeset(const char *in, const char *want)
{
    char *got = typography_text(in);
    assert_non_null(got);
    assert_string_equal(got, want);
    /* Typesetting twice changes nothing more. */
    char *again = typography_text(got);
    assert_non_null(again);
    assert_string_equal(again, got);
    free(again);
    free(got);
}

static void test_names_keep_their_hyphen(void **state)
{
    (void)state;
    assert_typeset("Zorg- en Veiligheidshuis 's-Hertogenbosch",
                   "Zorg- en Veiligheidshuis 's" NBHY "Hertogenbosch");
    assert_typeset("\xe2\x80\x99s-Gravenhage en 's-Gravenzande",
                   "\xe2\x80\x99s" NBHY "Gravenhage en 's" NBHY "Gravenzande");
    assert_typeset("Veilig Thuis Gelderland-Zuid", "Veilig Thuis Gelderland" NBHY "Zuid");
    assert_typeset("J. Janssen-Bos, Sint-Michielsgestel",
                   "J. Janssen" NBHY "Bos, Sint" NBHY "Michielsgestel");
    assert_typeset("Noord-Holland-Noord", "Noord" NBHY "Holland" NBHY "Noord");
    assert_typeset("Súdwest-Fryslân", "Súdwest" NBHY "Fryslân");
    /* A hyphen before a space or a small letter is where a line may break. */
    assert_typeset("Zorg- en Veiligheidshuizen", "Zorg- en Veiligheidshuizen");
    assert_typeset("e-mail, AVG-verplichtingen, zorg-Veilig",
                   "e-mail, AVG-verplichtingen, zorg-Veilig");
    assert_typeset("ZVH-2026-17", "ZVH-2026-17");
    /* "'s" inside a word is no article. */
    assert_typeset("Jans-Huis en haar's-Avonds", "Jans" NBHY "Huis en haar's-Avonds");
}

static void test_references_keep_their_number(void **state)
{
    (void)state;
    assert_typeset("artikel 2.27, eerste lid, van de WGS",
                   "artikel" NBSP "2.27, eerste lid, van de WGS");
    assert_typeset("Artikel 7 en de artikelen 12, 13 en 15",
                   "Artikel" NBSP "7 en de artikelen" NBSP "12, 13 en 15");
    assert_typeset("lid 2 en leden 3 en 4 van art. 8b",
                   "lid" NBSP "2 en leden" NBSP "3 en 4 van art." NBSP "8b");
    assert_typeset("Bijlage 1, bijlagen 2 en 3, hoofdstuk 4, paragraaf 5, § 6",
                   "Bijlage" NBSP "1, bijlagen" NBSP "2 en 3, hoofdstuk" NBSP "4, paragraaf" NBSP
                   "5, §" NBSP "6");
    assert_typeset("Deel A en deel 2", "Deel" NBSP "A en deel" NBSP "2");
    /* Only before a number (or a part's letter). */
    assert_typeset("het artikel over de leden, een deel Een, bijlage bij",
                   "het artikel over de leden, een deel Een, bijlage bij");
    assert_typeset("zijn artikel", "zijn artikel");
    assert_typeset("Bijlagenummer 3, artikelsgewijs 4", "Bijlagenummer 3, artikelsgewijs 4");
}

static void test_dates_amounts_and_postcodes(void **state)
{
    (void)state;
    assert_typeset("op 1 maart 2025 en 22 September 2025",
                   "op 1" NBSP "maart" NBSP "2025 en 22" NBSP "September" NBSP "2025");
    assert_typeset("vanaf 1 juli, sinds mei 2019", "vanaf 1" NBSP "juli, sinds mei" NBSP "2019");
    assert_typeset("€ 1.500 of 1.500 euro of EUR 10.000,-",
                   "€" NBSP "1.500 of 1.500" NBSP "euro of EUR" NBSP "10.000,-");
    assert_typeset("Postbus 12345, 5200 GZ 's-Hertogenbosch",
                   "Postbus 12345, 5200" NBSP "GZ 's" NBHY "Hertogenbosch");
    /* Numbers that are no day, months that are no month. */
    assert_typeset("123 maart, 1 maarten, maart 20251, 2 euros, 1200 GZA",
                   "123 maart, 1 maarten, maart 20251, 2 euros, 1200 GZA");
}

static void test_nothing_to_do(void **state)
{
    (void)state;
    assert_typeset("", "");
    assert_typeset("Gewone tekst zonder iets.", "Gewone tekst zonder iets.");
    /* Tabs, line breaks and spaces already no-break stay as they are. */
    assert_typeset("artikel\t7, artikel\n8, artikel" NBSP "9",
                   "artikel\t7, artikel\n8, artikel" NBSP "9");
}

static doc_node *add_inline(doc_node *parent, doc_kind kind, const char *text)
{
    doc_node *n = doc_new_inline(kind, text, strlen(text));
    assert_non_null(n);
    doc_append(parent, n);
    return n;
}

static void test_tree_texts_and_runs(void **state)
{
    (void)state;
    doc_node *doc = doc_new_document();
    assert_non_null(doc);
    assert_int_equal(doc_set(&doc->meta->title, "Zorg- en Veiligheidshuis 's-Hertogenbosch"), 0);
    doc_node *annex = doc_new(DOC_ANNEX);
    assert_non_null(annex);
    doc_append(doc, annex);
    assert_int_equal(doc_set(&annex->label, "Bijlage 1"), 0);
    assert_int_equal(doc_set(&annex->title, "Werkgebied 's-Hertogenbosch"), 0);
    assert_int_equal(doc_set(&annex->id, "bijlage 1-A"), 0);
    doc_node *lid = doc_new(DOC_LID);
    assert_non_null(lid);
    doc_append(annex, lid);
    /* "artikel " in model text, the number in a reference, a date split
     * over text and a field. */
    doc_node *a = add_inline(lid, DOC_TEXT, "Zoals bedoeld in artikel ");
    doc_node *b = add_inline(lid, DOC_REF, "37");
    doc_node *c = add_inline(lid, DOC_TEXT, ", met ingang van 1 ");
    doc_node *d = add_inline(lid, DOC_FIELD, "maart 2025");
    doc_node *sigs = doc_new(DOC_SIGNATURES);
    assert_non_null(sigs);
    doc_append(doc, sigs);
    doc_node *s = doc_new(DOC_SIGNATORY);
    assert_non_null(s);
    doc_append(sigs, s);
    s->sig = calloc(1, sizeof *s->sig);
    assert_non_null(s->sig);
    assert_int_equal(doc_set(&s->sig->party, "Namens Gemeente 's-Hertogenbosch"), 0);
    assert_int_equal(doc_set(&s->sig->date, "Datum: 2 maart 2026"), 0);

    assert_int_equal(typography_apply(&doc, 1), 0);
    assert_string_equal(doc->meta->title, "Zorg- en Veiligheidshuis 's" NBHY "Hertogenbosch");
    /* The title property keeps the title as typed, for a search. */
    assert_string_equal(doc_property_title(doc->meta), "Zorg- en Veiligheidshuis 's-Hertogenbosch");
    assert_string_equal(annex->title, "Werkgebied 's" NBHY "Hertogenbosch");
    assert_string_equal(annex->label, "Bijlage 1");
    assert_string_equal(annex->id, "bijlage 1-A");
    assert_string_equal(a->text, "Zoals bedoeld in artikel" NBSP);
    assert_string_equal(b->text, "37");
    assert_string_equal(c->text, ", met ingang van 1" NBSP);
    assert_string_equal(d->text, "maart" NBSP "2025");
    assert_string_equal(s->sig->party, "Namens Gemeente 's" NBHY "Hertogenbosch");
    assert_string_equal(s->sig->date, "Datum: 2" NBSP "maart" NBSP "2026");
    assert_null(s->sig->name);
    doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names_keep_their_hyphen),
        cmocka_unit_test(test_references_keep_their_number),
        cmocka_unit_test(test_dates_amounts_and_postcodes),
        cmocka_unit_test(test_nothing_to_do),
        cmocka_unit_test(test_tree_texts_and_runs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
