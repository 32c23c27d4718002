/* Unit tests of the sequence difference and the word tokenizer. Every
 * edit script is checked by applying it: the SAME and DELETE runs must
 * spell the old sequence, the SAME and INSERT runs the new one, and the
 * number of changed elements must be the known minimum. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "worddiff.h"

static int char_eq(size_t i, size_t j, void *ctx)
{
    const char *const *s = ctx;
    return s[0][i] == s[1][j];
}

/* Diffs the characters of a and b; checks the script spells both and
 * returns the number of deleted plus inserted characters. */
static size_t check_script(const char *a, const char *b)
{
    const char *pair[2] = {a, b};
    diff_op *ops;
    ssize_t n = diff_run(strlen(a), strlen(b), char_eq, pair, &ops);
    assert_true(n >= 0);
    char old[256] = "", new[256] = "";
    size_t edits = 0, na = 0, nb = 0;
    for (ssize_t i = 0; i < n; i++) {
        const diff_op *o = &ops[i];
        if (i > 0)
            assert_int_not_equal(o->kind, ops[i - 1].kind); /* runs are joined */
        if (o->kind != DIFF_INSERT) {
            assert_int_equal(o->a, na);
            strncat(old, a + o->a, o->len);
            na += o->len;
        }
        if (o->kind != DIFF_DELETE) {
            assert_int_equal(o->b, nb);
            strncat(new, b + o->b, o->len);
            nb += o->len;
        }
        if (o->kind == DIFF_SAME)
            assert_memory_equal(a + o->a, b + o->b, o->len);
        else
            edits += o->len;
        /* within a stretch of changes, deletions come first */
        if (o->kind == DIFF_DELETE && i > 0)
            assert_int_not_equal(ops[i - 1].kind, DIFF_INSERT);
    }
    assert_string_equal(old, a);
    assert_string_equal(new, b);
    free(ops);
    return edits;
}

static void test_diff_minimal_scripts(void **state)
{
    (void)state;
    assert_int_equal(check_script("", ""), 0);
    assert_int_equal(check_script("abc", "abc"), 0);
    assert_int_equal(check_script("", "abc"), 3);
    assert_int_equal(check_script("abc", ""), 3);
    /* Myers' paper: ABCABBA to CBABAC takes 5 edits */
    assert_int_equal(check_script("ABCABBA", "CBABAC"), 5);
    assert_int_equal(check_script("kitten", "sitting"), 5);
    assert_int_equal(check_script("xaxbxc", "abc"), 3);
    assert_int_equal(check_script("abcdefgh", "abXdefYh"), 4);
}

static void test_diff_identical_is_one_run(void **state)
{
    (void)state;
    const char *pair[2] = {"artikel", "artikel"};
    diff_op *ops;
    assert_int_equal(diff_run(7, 7, char_eq, pair, &ops), 1);
    assert_int_equal(ops[0].kind, DIFF_SAME);
    assert_int_equal(ops[0].len, 7);
    free(ops);
}

static void test_diff_random_pairs(void **state)
{
    (void)state;
    /* Scripts of random strings over a small alphabet spell both sides
     * and are never longer than deleting everything and inserting all. */
    unsigned seed = 7;
    for (int round = 0; round < 300; round++) {
        char a[40], b[40];
        size_t la = (seed = seed * 1103515245 + 12345) % 30, lb = (seed = seed * 1103515245 + 12345) % 30;
        for (size_t i = 0; i < la; i++)
            a[i] = (char)('a' + (seed = seed * 1103515245 + 12345) / 65536 % 3);
        for (size_t i = 0; i < lb; i++)
            b[i] = (char)('a' + (seed = seed * 1103515245 + 12345) / 65536 % 3);
        a[la] = b[lb] = '\0';
        assert_true(check_script(a, b) <= la + lb);
    }
}

static void tokens_of(const char *text, char out[][32], size_t *n, word_kind *kinds)
{
    word_token *t = NULL;
    size_t cap = 0;
    *n = 0;
    assert_int_equal(word_tokens(text, &t, n, &cap), 0);
    for (size_t i = 0; i < *n; i++) {
        assert_true(t[i].len < 32);
        memcpy(out[i], text + t[i].start, t[i].len);
        out[i][t[i].len] = '\0';
        kinds[i] = t[i].kind;
    }
    free(t);
}

static void test_tokens_words_punctuation_space(void **state)
{
    (void)state;
    char tok[32][32];
    word_kind kind[32];
    size_t n;
    tokens_of("De Stuurgroep besluit, met  één stem.", tok, &n, kind);
    const char *want[] = {"De", " ", "Stuurgroep", " ", "besluit", ",", " ", "met", "  ", "één", " ", "stem", "."};
    assert_int_equal(n, sizeof want / sizeof *want);
    for (size_t i = 0; i < n; i++)
        assert_string_equal(tok[i], want[i]);
    assert_int_equal(kind[0], WORD_TEXT);
    assert_int_equal(kind[5], WORD_PUNCT);
    assert_int_equal(kind[8], WORD_SPACE);
    assert_int_equal(kind[9], WORD_TEXT); /* letters outside ASCII */
}

static void test_tokens_dashes_quotes_and_degree_stand_alone(void **state)
{
    (void)state;
    char tok[32][32];
    word_kind kind[32];
    size_t n;
    tokens_of("11\u201343 \u201cZorg-\u201d 1\u00b0 's-Hertogenbosch", tok, &n, kind);
    const char *want[] = {"11", "\u2013", "43", " ", "\u201c", "Zorg", "-", "\u201d", " ",
                          "1", "\u00b0", " ", "'", "s", "-", "Hertogenbosch"};
    assert_int_equal(n, sizeof want / sizeof *want);
    for (size_t i = 0; i < n; i++)
        assert_string_equal(tok[i], want[i]);
    assert_int_equal(kind[1], WORD_PUNCT);
    assert_int_equal(kind[10], WORD_PUNCT);
}

static void test_tokens_malformed_utf8_is_kept_byte_for_byte(void **state)
{
    (void)state;
    const char text[] = "a\xff\xc3 b";
    word_token *t = NULL;
    size_t n = 0, cap = 0, total = 0;
    assert_int_equal(word_tokens(text, &t, &n, &cap), 0);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(t[i].start, total);
        total += t[i].len;
    }
    assert_int_equal(total, strlen(text));
    free(t);
}

/* The use the comparison makes of it: one changed word in a sentence is
 * one deleted and one inserted word token. */
typedef struct {
    const char *text[2];
    word_token *tok[2];
} word_pair;

static int token_eq(size_t i, size_t j, void *ctx)
{
    word_pair *p = ctx;
    const word_token *a = &p->tok[0][i], *b = &p->tok[1][j];
    return a->len == b->len && !memcmp(p->text[0] + a->start, p->text[1] + b->start, a->len);
}

static void test_one_word_change_is_one_word(void **state)
{
    (void)state;
    word_pair p = {{"De Stuurgroep vergadert vier keer per jaar.",
                    "De Stuurgroep vergadert zes keer per jaar."}};
    size_t n[2] = {0, 0}, cap[2] = {0, 0};
    for (int s = 0; s < 2; s++)
        assert_int_equal(word_tokens(p.text[s], &p.tok[s], &n[s], &cap[s]), 0);
    diff_op *ops;
    ssize_t k = diff_run(n[0], n[1], token_eq, &p, &ops);
    assert_int_equal(k, 4);
    assert_int_equal(ops[1].kind, DIFF_DELETE);
    assert_int_equal(ops[1].len, 1);
    assert_memory_equal(p.text[0] + p.tok[0][ops[1].a].start, "vier", 4);
    assert_int_equal(ops[2].kind, DIFF_INSERT);
    assert_int_equal(ops[2].len, 1);
    assert_memory_equal(p.text[1] + p.tok[1][ops[2].b].start, "zes", 3);
    free(ops);
    free(p.tok[0]);
    free(p.tok[1]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_diff_minimal_scripts),
        cmocka_unit_test(test_diff_identical_is_one_run),
        cmocka_unit_test(test_diff_random_pairs),
        cmocka_unit_test(test_tokens_words_punctuation_space),
        cmocka_unit_test(test_tokens_dashes_quotes_and_degree_stand_alone),
        cmocka_unit_test(test_tokens_malformed_utf8_is_kept_byte_for_byte),
        cmocka_unit_test(test_one_word_change_is_one_word),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
