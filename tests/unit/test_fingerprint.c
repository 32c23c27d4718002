/* The text fingerprint: the normaliser's rules one by one, and the round
 * trip that matters: the fingerprint computed from a tree equals the one
 * recomputed from the ODT and DOCX rendered from it and read back. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "fingerprint.h"
#include "fixtures.h"
#include "output.h"
#include "readback.h"

/* The normalised form of s; caller frees. */
static char *norm(const char *s)
{
    fp_text t = {0};
    fp_text_add(&t, s, strlen(s));
    char *out = strdup(fp_text_str(&t));
    assert_false(t.failed);
    fp_text_free(&t);
    return out;
}

static void assert_norm(const char *in, const char *want)
{
    char *got = norm(in);
    assert_string_equal(got, want);
    /* Normalising again changes nothing. */
    char *again = norm(got);
    assert_string_equal(again, got);
    free(again);
    free(got);
}

static void test_white_space_collapses(void **state)
{
    (void)state;
    assert_norm("  Artikel 7\tDe  Stuurgroep\n\r\n", "Artikel 7 De Stuurgroep");
    assert_norm("1.\tDe Deelnemers", "1. De Deelnemers");
    /* No-break, narrow no-break, em and ideographic spaces. */
    assert_norm("artikel\xc2\xa0"
                "7 lid\xe2\x80\xaf"
                "2\xe2\x80\x83x\xe3\x80\x80y",
                "artikel 7 lid 2 x y");
    assert_norm("", "");
    assert_norm(" \t\n", "");
}

static void test_invisible_characters_drop(void **state)
{
    (void)state;
    /* Soft hyphen, zero-width space, word joiner, BOM. */
    assert_norm("veilig\xc2\xadheids\xe2\x80\x8bhuis\xe2\x81\xa0x\xef\xbb\xbf", "veiligheidshuisx");
    /* A non-breaking hyphen is a hyphen. */
    assert_norm("Zorg\xe2\x80\x91 en", "Zorg- en");
}

static void test_fill_in_lines_are_space(void **state)
{
    (void)state;
    assert_norm("Plaats: ........................", "Plaats:");
    assert_norm("Naam:______Functie", "Naam: Functie");
    assert_norm("a\xe2\x80\xa6\xe2\x80\xa6\xe2\x80\xa6\xe2\x80\xa6"
                "b",
                "a b");
    /* Three are punctuation and stay. */
    assert_norm("enz... en \xe2\x80\xa6", "enz... en \xe2\x80\xa6");
    assert_norm("a.b_c", "a.b_c");
    /* A soft hyphen does not split a run into two short ones. */
    assert_norm("..\xc2\xad..", "");
    /* Mixed characters are separate runs. */
    assert_norm("..__", "..__");
}

static void test_other_characters_count(void **state)
{
    (void)state;
    assert_norm("Artikel 7, lid 2: ‘x’ €5 ÄÖ", "Artikel 7, lid 2: ‘x’ €5 ÄÖ");
    /* A byte that is not UTF-8 is kept, not lost. */
    assert_norm("a\xff"
                "b",
                "a\xff"
                "b");
}

static void test_sha256_and_short_form(void **state)
{
    (void)state;
    char hex[FP_HEX_LEN + 1], brief[20];
    assert_int_equal(fp_sha256_hex("abc", 3, hex), 0);
    assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    fp_short(hex, brief);
    assert_string_equal(brief, "ba78 16bf 8f01 cfea");
}

/* The whole text is the sections' texts joined by single spaces. */
static void test_sections_join_to_the_whole(void **state)
{
    (void)state;
    fp_document f = {0};
    fp_add_section(&f, NULL, "Titel");
    fp_add_paragraph(&f, strdup("Titel"));
    fp_add_section(&f, "doel", "Artikel 1");
    fp_add_paragraph(&f, strdup("Artikel 1  Doel"));
    fp_add_paragraph(&f, strdup("1.\tTekst ........"));
    assert_int_equal(fp_hash(&f), 0);
    char want[FP_HEX_LEN + 1];
    const char *whole = "Titel Artikel 1 Doel 1. Tekst";
    assert_int_equal(fp_sha256_hex(whole, strlen(whole), want), 0);
    assert_string_equal(f.hash, want);
    const char *second = "Artikel 1 Doel 1. Tekst";
    assert_int_equal(fp_sha256_hex(second, strlen(second), want), 0);
    assert_string_equal(f.sections[1].hash, want);
    assert_string_equal(f.sections[1].heading, "Artikel 1");
    fp_document_free(&f);
}

/* Renders doc with render, writes it to a file and reads it back. */
static void read_rendered(const doc_node *doc,
                          int (*render)(const doc_node *, out_buf *, diag_list *), readback *rb)
{
    diag_list d = {0};
    out_buf buf = {0};
    assert_int_equal(render(doc, &buf, &d), 0);
    char path[] = "/tmp/afspraken-fp-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, buf.data, buf.len), (ssize_t)buf.len);
    close(fd);
    int rc = readback_load(path, rb, &d);
    unlink(path);
    out_buf_free(&buf);
    assert_int_equal(rc, 0);
    assert_int_equal(d.count, 0);
    diag_free(&d);
}

/* Recomputes the whole fingerprint from what was read back. */
static void assert_read_back_matches(const doc_node *doc,
                                     int (*render)(const doc_node *, out_buf *, diag_list *))
{
    readback rb;
    read_rendered(doc, render, &rb);
    fp_document f = {0};
    for (size_t i = 0; i < rb.n_paras; i++)
        fp_add_paragraph(&f, strdup(rb.paras[i]));
    assert_int_equal(fp_hash(&f), 0);
    assert_string_equal(f.hash, doc->meta->fingerprint);
    assert_string_equal(readback_property(&rb, FP_PROP_DOCUMENT), doc->meta->fingerprint);
    assert_string_equal(readback_property(&rb, FP_PROP_REGION), "ab12");
    fp_document_free(&f);
    readback_free(&rb);
}

static void test_tree_and_read_back_agree(void **state)
{
    (void)state;
    doc_node *doc = fixture_document();
    assert_int_equal(fingerprint_document(doc, "ab12"), 0);
    assert_int_equal(strlen(doc->meta->fingerprint), FP_HEX_LEN);
    assert_read_back_matches(doc, odt_render);
    assert_read_back_matches(doc, docx_render);
    doc_free(doc);
}

/* A changed word changes the fingerprint. */
static void test_one_word_changes_the_hash(void **state)
{
    (void)state;
    doc_node *a = fixture_document(), *b = fixture_document();
    doc_node *last = b;
    while (last->last)
        last = last->last;
    assert_true(doc_is_inline(last->kind));
    doc_set(&last->text, "anders");
    assert_int_equal(fingerprint_document(a, NULL), 0);
    assert_int_equal(fingerprint_document(b, NULL), 0);
    assert_string_not_equal(a->meta->fingerprint, b->meta->fingerprint);
    doc_free(a);
    doc_free(b);
}

static void test_footer_line_from_the_model_label(void **state)
{
    (void)state;
    doc_node *doc = fixture_document();
    doc_set(&doc->meta->fingerprint_label, "Vingerafdruk");
    assert_int_equal(fingerprint_document(doc, NULL), 0);
    char brief[20], want[40];
    fp_short(doc->meta->fingerprint, brief);
    snprintf(want, sizeof want, "Vingerafdruk: %s", brief);
    assert_string_equal(doc->meta->fingerprint_line, want);
    doc_free(doc);
}

static void test_not_a_package_is_an_input_error(void **state)
{
    (void)state;
    char path[] = "/tmp/afspraken-fp-XXXXXX";
    int fd = mkstemp(path);
    assert_int_equal(write(fd, "geen zip", 8), 8);
    close(fd);
    readback rb;
    diag_list d = {0};
    assert_int_equal(readback_load(path, &rb, &d), -1);
    unlink(path);
    assert_int_equal(diag_error_count(&d), 1);
    assert_false(diag_has_system_error(&d));
    readback_free(&rb);
    diag_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_white_space_collapses),
        cmocka_unit_test(test_invisible_characters_drop),
        cmocka_unit_test(test_fill_in_lines_are_space),
        cmocka_unit_test(test_other_characters_count),
        cmocka_unit_test(test_sha256_and_short_form),
        cmocka_unit_test(test_sections_join_to_the_whole),
        cmocka_unit_test(test_tree_and_read_back_agree),
        cmocka_unit_test(test_one_word_changes_the_hash),
        cmocka_unit_test(test_footer_line_from_the_model_label),
        cmocka_unit_test(test_not_a_package_is_an_input_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
