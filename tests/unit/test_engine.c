/* Unit tests of the engine: inline markup, Dutch wording, suggestions,
 * loading and checking the model, loading a region, assembly and slugs.
 *
 * Broken models and regions are made from the small test model and
 * region in tests/data by textual edits (first occurrence of OLD becomes
 * NEW), written to temporary files. Expected positions are computed from
 * the edited text, so the tests do not depend on the fixtures' line
 * numbers; an edit whose OLD is missing fails the test, so a changed
 * fixture shows up at once. Run from the repository root.
 */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "assemble.h"
#include "check.h"
#include "dutch.h"
#include "markup.h"
#include "model.h"
#include "region.h"
#include "suggest.h"

#define MINI_MODEL  "tests/data/mini-model.yaml"
#define MINI_REGION "tests/data/mini-region.yaml"
/* The typography pass's no-break space and hyphen (typography.h). */
#define NBSP "\xc2\xa0"
#define NBHY "\xe2\x80\x91"

/* Pairs of OLD, NEW; NULL-terminated. */
#define EDITS(...) ((const char *const[]){__VA_ARGS__, NULL})
#define NO_EDITS   NULL

/* ---- text and temporary files ------------------------------------- */

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("cannot open %s (run the tests from the repository root)", path);
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    rewind(f);
    char *s = malloc((size_t)len + 1);
    assert_non_null(s);
    assert_int_equal(fread(s, 1, (size_t)len, f), (size_t)len);
    s[len] = '\0';
    fclose(f);
    return s;
}

/* text with each edit applied; frees text. */
static char *apply_edits(char *text, const char *const *edits)
{
    for (; edits && edits[0]; edits += 2) {
        char *hit = strstr(text, edits[0]);
        if (!hit)
            fail_msg("edit target not found in fixture: \"%s\"", edits[0]);
        size_t pre = (size_t)(hit - text), ol = strlen(edits[0]), nl = strlen(edits[1]);
        char *out = malloc(strlen(text) - ol + nl + 1);
        assert_non_null(out);
        memcpy(out, text, pre);
        memcpy(out + pre, edits[1], nl);
        strcpy(out + pre + nl, hit + ol);
        free(text);
        text = out;
    }
    return text;
}

/* Writes text to a new file under /tmp; returns its path (caller frees
 * and unlinks). */
static char *write_tmp(const char *text)
{
    char *path = strdup("/tmp/afspraken-engine-XXXXXX");
    assert_non_null(path);
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    size_t len = strlen(text);
    assert_true(write(fd, text, len) == (ssize_t)len);
    close(fd);
    return path;
}

/* 1-based line and column (in characters, as libyaml counts) of the
 * first occurrence of needle in src. */
typedef struct {
    int line, column;
} where;

static where at(const char *src, const char *needle)
{
    const char *hit = strstr(src, needle);
    if (!hit)
        fail_msg("\"%s\" not found in the source", needle);
    where w = {1, 1};
    for (const char *s = src; s < hit; s++) {
        if (*s == '\n') {
            w.line++;
            w.column = 1;
        } else if (((unsigned char)*s & 0xC0) != 0x80) {
            w.column++;
        }
    }
    return w;
}

/* ---- the fixture: one model, one region, one tree, one diag list ----- */

typedef struct {
    char *model_src, *region_src;   /* the edited texts */
    char *model_path, *region_path; /* their temporary files */
    model *m;
    region *r;
    doc_node *doc;
    diag_list d;
    int definitive; /* assemble a definitive document, not a concept */
} fx;

static int fx_setup(void **state)
{
    *state = calloc(1, sizeof(fx));
    return *state ? 0 : -1;
}

static int fx_teardown(void **state)
{
    fx *f = *state;
    doc_free(f->doc);
    region_free(f->r);
    model_free(f->m);
    diag_free(&f->d);
    if (f->model_path)
        unlink(f->model_path);
    if (f->region_path)
        unlink(f->region_path);
    free(f->model_path);
    free(f->region_path);
    free(f->model_src);
    free(f->region_src);
    free(f);
    return 0;
}

static model *load_model(fx *f, const char *const *edits)
{
    f->model_src = apply_edits(slurp(MINI_MODEL), edits);
    f->model_path = write_tmp(f->model_src);
    f->m = model_load(f->model_path, &f->d);
    assert_non_null(f->m);
    return f->m;
}

static region *load_region(fx *f, const char *const *edits)
{
    f->region_src = apply_edits(slurp(MINI_REGION), edits);
    f->region_path = write_tmp(f->region_src);
    f->r = region_load(f->region_path, &f->d);
    assert_non_null(f->r);
    return f->r;
}

/* Loads the model with model_edits and runs the model check. */
static void check_model(fx *f, const char *const *model_edits, int all_combinations)
{
    load_model(f, model_edits);
    model_check(f->m, all_combinations, &f->d);
}

/* Assembles the edited mini model (which must load cleanly) with the
 * edited mini region; returns the tree or NULL. */
static doc_node *generate(fx *f, const char *const *model_edits, const char *const *region_edits)
{
    load_model(f, model_edits);
    if (diag_error_count(&f->d)) {
        diag_print(&f->d, stderr);
        fail_msg("the edited model has errors");
    }
    load_region(f, region_edits);
    assemble_options opt = {.timestamp = (time_t)-1, .definitive = f->definitive};
    f->doc = assemble(f->m, f->r, &opt, &f->d);
    return f->doc;
}

/* As generate, but the tree must come out, without errors. */
static doc_node *generate_ok(fx *f, const char *const *model_edits, const char *const *region_edits)
{
    if (!generate(f, model_edits, region_edits) || diag_error_count(&f->d)) {
        diag_print(&f->d, stderr);
        fail_msg("assembly failed");
    }
    return f->doc;
}

/* ---- diagnostics ---------------------------------------------------- */

static const diag *find_diag(const diag_list *d, const char *needle)
{
    for (size_t i = 0; i < d->count; i++)
        if (strstr(d->items[i].message, needle))
            return &d->items[i];
    diag_print(d, stderr);
    fail_msg("no diagnostic contains \"%s\"", needle);
    return NULL;
}

static size_t count_diags(const diag_list *d, const char *needle)
{
    size_t n = 0;
    for (size_t i = 0; i < d->count; i++)
        n += strstr(d->items[i].message, needle) != NULL;
    return n;
}

/* An input error whose message contains msg, at pos, whose hint contains
 * hint (unless hint is NULL). */
static void expect_error(const diag_list *d, const char *msg, where pos, const char *hint)
{
    const diag *g = find_diag(d, msg);
    assert_int_equal(g->severity, DIAG_ERROR);
    assert_int_equal(g->class, DIAG_INPUT);
    assert_int_equal(g->line, pos.line);
    assert_int_equal(g->column, pos.column);
    if (hint) {
        assert_non_null(g->hint);
        if (!strstr(g->hint, hint))
            fail_msg("hint \"%s\" lacks \"%s\"", g->hint, hint);
    }
}

/* ---- the tree ------------------------------------------------------- */

typedef struct {
    doc_kind kind;
    const char *id;
    FILE *out;
    int count;
    doc_node *found;
} walker;

static int outline_visit(doc_node *n, doc_event ev, void *ctx)
{
    walker *w = ctx;
    if (ev != DOC_ENTER || n->kind != w->kind)
        return 0;
    if (w->count++)
        fputc('|', w->out);
    if (doc_is_inline(n->kind)) {
        fputs(n->text, w->out);
        return 0;
    }
    fputs(n->label ? n->label : "-", w->out);
    if (n->title)
        fprintf(w->out, " %s", n->title);
    char *text = doc_inline_text(n);
    assert_non_null(text);
    if (*text)
        fprintf(w->out, " %s", text);
    free(text);
    return 0;
}

/* Every node of kind under root in document order, as "label title text"
 * ("-" for no label) or an inline node's text, joined by '|'. */
static char *outline(doc_node *root, doc_kind kind)
{
    char *buf = NULL;
    size_t len = 0;
    walker w = {.kind = kind, .out = open_memstream(&buf, &len)};
    assert_non_null(w.out);
    doc_walk(root, outline_visit, &w);
    fclose(w.out);
    return buf;
}

static void assert_outline(doc_node *root, doc_kind kind, const char *expected)
{
    assert_non_null(root);
    char *got = outline(root, kind);
    int same = !strcmp(got, expected);
    if (!same)
        print_error("outline:  \"%s\"\nexpected: \"%s\"\n", got, expected);
    free(got); /* before failing, so a failure does not also leak */
    assert_true(same);
}

static int find_visit(doc_node *n, doc_event ev, void *ctx)
{
    walker *w = ctx;
    if (ev == DOC_ENTER && n->kind == w->kind && (!w->id || (n->id && !strcmp(n->id, w->id)))) {
        w->found = n;
        return 1;
    }
    return 0;
}

/* The first node of kind with id (any id when NULL), or NULL. */
static doc_node *find_node(doc_node *root, doc_kind kind, const char *id)
{
    walker w = {.kind = kind, .id = id};
    doc_walk(root, find_visit, &w);
    return w.found;
}

static doc_node *article(doc_node *doc, const char *id)
{
    doc_node *a = find_node(doc, DOC_ARTICLE, id);
    if (!a)
        fail_msg("no article '%s' in the tree", id);
    return a;
}

/* ==== markup_scan ===================================================== */

static const src_pos scalar_pos = {"m.yaml", 7, 5};

/* "K(text)" per token, K one of T F S M R A C; args after the text; a
 * count's alternatives follow as "[sig|sig]". */
static void put_signature(FILE *out, const rich_text *t)
{
    static const char kinds[] = "TFSMRAC";
    for (size_t i = 0; i < t->count; i++) {
        const token *k = &t->tokens[i];
        fprintf(out, "%c(%s", kinds[k->kind], k->text);
        for (int a = 0; a < 3 && k->arg[a]; a++)
            fprintf(out, "%s%s", a ? "," : ";", k->arg[a]);
        fputc(')', out);
        for (size_t a = 0; a < k->n_alts; a++) {
            fputc(a ? '|' : '[', out);
            put_signature(out, &k->alts[a]);
        }
        if (k->n_alts)
            fputc(']', out);
    }
}

static char *signature(const rich_text *t)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    assert_non_null(out);
    put_signature(out, t);
    fclose(out);
    return buf;
}

static void expect_scan(const char *text, int single_line, const char *sig, size_t n_diags)
{
    arena a = {0};
    diag_list d = {0};
    rich_text t;
    assert_int_equal(markup_init(&d), 0);
    assert_int_equal(markup_scan(text, scalar_pos, single_line, &a, &d, &t), 0);
    char *got = signature(&t);
    assert_string_equal(got, sig);
    assert_int_equal(d.count, n_diags);
    free(got);
    diag_free(&d);
    arena_free(&a);
}

/* Malformed markup: one input error at the markup (offset characters into
 * a single-line scalar), and every token literal text that joins back
 * into the input. */
static void expect_bad_markup(const char *text, const char *msg, int offset)
{
    arena a = {0};
    diag_list d = {0};
    rich_text t;
    assert_int_equal(markup_init(&d), 0);
    assert_int_equal(markup_scan(text, scalar_pos, 1, &a, &d, &t), 0);
    assert_int_equal(d.count, 1);
    expect_error(&d, msg, (where){scalar_pos.line, scalar_pos.column + offset}, NULL);
    assert_string_equal(d.items[0].file, "m.yaml");
    char joined[256] = "";
    for (size_t i = 0; i < t.count; i++) {
        assert_int_equal(t.tokens[i].kind, TOK_TEXT);
        assert_null(t.tokens[i].arg[0]);
        strcat(joined, t.tokens[i].text);
    }
    assert_string_equal(joined, text);
    diag_free(&d);
    arena_free(&a);
}

static void test_markup_token_kinds(void **state)
{
    (void)state;
    expect_scan("Zie {{veld:f}}, {{regio:s}}; [[Deelnemers]] en {{bijlage:b}}.", 1,
                "T(Zie )F({{veld:f}};f)T(, )S({{regio:s}};s)T(; )M([[Deelnemers]];Deelnemers)"
                "T( en )A({{bijlage:b}};b)T(.)",
                0);
}

static void test_markup_ref_split(void **state)
{
    (void)state;
    expect_scan("{{art:a}}{{art:a.b}} {{art:a.b.c}}", 1,
                "R({{art:a}};a)R({{art:a.b}};a,b)T( )R({{art:a.b.c}};a,b,c)", 0);
}

static void test_markup_spaces_inside_braces(void **state)
{
    (void)state;
    expect_scan("{{ veld : zvh_naam }}", 1, "F({{ veld : zvh_naam }};zvh_naam)", 0);
}

static void test_markup_plain_text(void **state)
{
    (void)state;
    expect_scan("geen opmaak { } [ ] hier", 1, "T(geen opmaak { } [ ] hier)", 0);
    expect_scan("", 1, "", 0);
}

static void test_markup_unknown_kind(void **state)
{
    (void)state;
    expect_bad_markup("ab {{onbekend:x}} cd", "onbekende opmaak '{{onbekend:x}}'", 3);
}

static void test_markup_stray_braces(void **state)
{
    (void)state;
    expect_bad_markup("x {{ y", "losse '{{' zonder bijbehorende opmaak", 2);
    expect_bad_markup("[[Term", "losse '[[' zonder bijbehorende opmaak", 0);
}

static void test_markup_column_counts_characters(void **state)
{
    (void)state;
    /* "é" and "â" are two bytes each but one column. */
    expect_bad_markup("é â }} y", "losse '}}' zonder bijbehorende opmaak", 4);
}

static void test_markup_too_many_ref_parts(void **state)
{
    (void)state;
    expect_bad_markup("zie {{art:a.b.c.d}}", "ongeldige artikelverwijzing '{{art:a.b.c.d}}'", 4);
    expect_bad_markup("{{art:a..c}}", "ongeldige artikelverwijzing '{{art:a..c}}'", 0);
}

static void test_markup_empty_id(void **state)
{
    (void)state;
    expect_bad_markup("zie {{veld:}}", "lege verwijzing '{{veld:}}'", 4);
}

static void test_markup_multiline_reports_scalar_start(void **state)
{
    (void)state;
    arena a = {0};
    diag_list d = {0};
    rich_text t;
    assert_int_equal(markup_init(&d), 0);
    assert_int_equal(markup_scan("regel een\nen {{fout:x}}", scalar_pos, 0, &a, &d, &t), 0);
    expect_error(&d, "onbekende opmaak", (where){scalar_pos.line, scalar_pos.column}, NULL);
    diag_free(&d);
    arena_free(&a);
}

/* {{aantal:ID|een|meer}}: each wording is markup of its own. */
static void test_markup_count_alternatives(void **state)
{
    (void)state;
    expect_scan("Zo {{aantal:deelnemers|De [[Deelnemer]] kan|De [[Deelnemers]] kunnen}} "
                "{{veld:f}}.",
                1,
                "T(Zo )C({{aantal:deelnemers|De [[Deelnemer]] kan|De [[Deelnemers]] kunnen}};"
                "deelnemers)[T(De )M([[Deelnemer]];Deelnemer)T( kan)|T(De )M([[Deelnemers]];"
                "Deelnemers)T( kunnen)]T( )F({{veld:f}};f)T(.)",
                0);
    /* Markup in a wording, spaces kept, an empty wording, and a '|' only
     * between the wordings. */
    expect_scan("{{ aantal : deelnemers_eerste_lid |zie {{art:a.b}} |}}", 1,
                "C({{ aantal : deelnemers_eerste_lid |zie {{art:a.b}} |}};deelnemers_eerste_lid)"
                "[T(zie )R({{art:a.b}};a,b)T( )|]",
                0);
    /* The check, not the scanner, says how many wordings a count needs. */
    expect_scan("{{aantal:x|a|b|c}}", 1, "C({{aantal:x|a|b|c}};x)[T(a)|T(b)|T(c)]", 0);
}

/* An error inside a wording stands where it is written in the file. */
static void test_markup_count_error_inside_a_wording(void **state)
{
    (void)state;
    arena a = {0};
    diag_list d = {0};
    rich_text t;
    const char *text = "ab {{aantal:deelnemers|x {{veld:}}|y}}";
    assert_int_equal(markup_init(&d), 0);
    assert_int_equal(markup_scan(text, scalar_pos, LAYOUT_EXACT, &a, &d, &t), 0);
    assert_int_equal(d.count, 1);
    expect_error(&d, "lege verwijzing '{{veld:}}'",
                 (where){scalar_pos.line, scalar_pos.column + 25}, NULL);
    assert_int_equal(t.count, 2);
    assert_int_equal(t.tokens[1].kind, TOK_COUNT);
    assert_int_equal(t.tokens[1].alts[0].tokens[1].kind, TOK_TEXT);
    diag_free(&d);
    arena_free(&a);
}

static void test_markup_count_malformed(void **state)
{
    (void)state;
    expect_bad_markup("zie {{aantal:deelnemers}}",
                      "'{{aantal:deelnemers}}' noemt geen tekst bij één en bij meer", 4);
    expect_bad_markup("{{aantal:|a|b}}", "lege teller in '{{aantal:|a|b}}'", 0);
    /* A count inside a count: the inner one is reported and kept as text. */
    arena a = {0};
    diag_list d = {0};
    rich_text t;
    assert_int_equal(markup_init(&d), 0);
    assert_int_equal(markup_scan("{{aantal:deelnemers|{{aantal:deelnemers|a|b}}|c}}", scalar_pos,
                                 LAYOUT_EXACT, &a, &d, &t),
                     0);
    expect_error(&d, "'{{aantal:…}}' binnen een ander '{{aantal:…}}'",
                 (where){scalar_pos.line, scalar_pos.column + 20}, NULL);
    char *got = signature(&t);
    assert_string_equal(got, "C({{aantal:deelnemers|{{aantal:deelnemers|a|b}}|c}};deelnemers)"
                             "[T({{aantal:deelnemers|a|b}})|T(c)]");
    free(got);
    diag_free(&d);
    arena_free(&a);
}

/* ==== Dutch wording =================================================== */

static void test_dutch_ordinals(void **state)
{
    (void)state;
    assert_string_equal(dutch_ordinal(1), "eerste");
    assert_string_equal(dutch_ordinal(2), "tweede");
    assert_string_equal(dutch_ordinal(8), "achtste");
    assert_string_equal(dutch_ordinal(20), "twintigste");
    assert_null(dutch_ordinal(0));
    assert_null(dutch_ordinal(21));
}

static int parses(const char *s)
{
    int y, m, d;
    return dutch_parse_date(s, &y, &m, &d) == 0;
}

/* Ar: small numbers in words, larger in digits; the unit agrees. */
static void test_dutch_quantity(void **state)
{
    (void)state;
    char buf[64];
    assert_string_equal(dutch_number_word(1), "\u00e9\u00e9n");
    assert_string_equal(dutch_number_word(20), "twintig");
    assert_null(dutch_number_word(21));
    dutch_quantity(1, "maand", "maanden", buf, sizeof buf);
    assert_string_equal(buf, "\u00e9\u00e9n maand");
    dutch_quantity(2, "maand", "maanden", buf, sizeof buf);
    assert_string_equal(buf, "twee maanden");
    dutch_quantity(6, "keer", "keer", buf, sizeof buf);
    assert_string_equal(buf, "zes keer");
    dutch_quantity(24, "uur", "uur", buf, sizeof buf);
    assert_string_equal(buf, "24 uur");
    dutch_quantity(13, NULL, NULL, buf, sizeof buf);
    assert_string_equal(buf, "dertien");
}

static void test_dutch_parse_date(void **state)
{
    (void)state;
    int y, m, d;
    assert_int_equal(dutch_parse_date("2026-01-15", &y, &m, &d), 0);
    assert_int_equal(y * 10000 + m * 100 + d, 20260115);
    assert_true(parses("2024-02-29"));  /* leap year */
    assert_true(parses("2000-02-29"));  /* divisible by 400 */
    assert_false(parses("1900-02-29")); /* divisible by 100 */
    assert_false(parses("2025-02-29"));
    assert_false(parses("2025-04-31"));
    assert_false(parses("2025-13-01"));
    assert_false(parses("2025-00-10"));
    assert_false(parses("2025-1-01"));
    assert_false(parses("2025-01-011"));
    assert_false(parses("1-3-2025"));
    assert_false(parses(""));
}

/* Regression test (generator/dutch.c, dutch_parse_date): sscanf's %2d skips blanks
 * and takes a sign, so month and day fields such as "+1" or " 1" pass as
 * a date although the format is JJJJ-MM-DD. */
static void test_dutch_parse_date_digits_only(void **state)
{
    (void)state;
    assert_false(parses("2025-+1-01"));
    assert_false(parses("2025- 1-01"));
    assert_false(parses("2025-01-+5"));
}

static void test_dutch_format_date(void **state)
{
    (void)state;
    char buf[32];
    dutch_format_date(2025, 3, 1, buf, sizeof buf);
    assert_string_equal(buf, "1 maart 2025");
    dutch_format_date(2026, 12, 31, buf, sizeof buf);
    assert_string_equal(buf, "31 december 2026");
}

static void test_dutch_letters(void **state)
{
    (void)state;
    static const struct {
        int n;
        const char *s;
    } cases[] = {{1, "a"},   {2, "b"},   {26, "z"},   {27, "aa"},  {28, "ab"},
                 {52, "az"}, {53, "ba"}, {702, "zz"}, {703, "aaa"}};
    char buf[8];
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        dutch_letter(cases[i].n, buf, sizeof buf);
        assert_string_equal(buf, cases[i].s);
    }
}

/* ==== suggest ========================================================= */

static const char *suggestion(const char *word, const char *const *candidates)
{
    suggest s;
    suggest_start(&s, word);
    for (; *candidates; candidates++)
        suggest_offer(&s, *candidates);
    return suggest_result(&s);
}

static void test_suggest(void **state)
{
    (void)state;
    const char *const keys[] = {"regio", "stuurgroep", "datum", "deelnemers", NULL};
    assert_string_equal(suggestion("stuurgrop", keys), "stuurgroep");
    assert_string_equal(suggestion("deelnemer", keys), "deelnemers");
    assert_string_equal(suggestion("regio", keys), "regio");
    assert_null(suggestion("naam", keys));
    assert_null(suggestion("x", (const char *const[]){NULL}));
}

/* ==== model_load and model_check ====================================== */

static void test_mini_model_is_clean(void **state)
{
    fx *f = *state;
    check_model(f, NO_EDITS, 1);
    model_check(f->m, 0, &f->d);
    if (f->d.count)
        diag_print(&f->d, stderr);
    assert_int_equal(f->d.count, 0);
}

static void test_model_loads_structure(void **state)
{
    fx *f = *state;
    model *m = load_model(f, NO_EDITS);
    assert_string_equal(m->version, "0.9");
    assert_int_equal(m->n_parts, 3);
    assert_string_equal(m->ref_name, "Testmodel Bestuurlijke Afspraken");
    assert_string_equal(m->ref_date, "2025-09-22");
    assert_int_equal(m->n_fields, 11 + 7); /* eleven built in */
    const model_field *v = model_find_field(m, "vergaderingen");
    assert_int_equal(v->type, FIELD_NUMBER);
    assert_int_equal(v->min, 2);
    assert_int_equal(v->max, 12);
    assert_string_equal(v->default_value, "4");
    assert_true(model_find_field(m, "deelnemers")->builtin);
    assert_int_equal(model_find_field(m, "besluit")->n_choices, 2);
    assert_ptr_equal(model_find_term(m, "Regionale Diensten"),
                     model_find_term(m, "Regionale Dienst"));
    assert_int_equal(model_find_term(m, "Regionale Dienst")->cond.kind, COND_ARTICLE);
    const model_article *a = model_find_article(m, "stuurgroep");
    const model_item *u = model_find_item(a->leden, a->n_leden, "unaniem");
    assert_int_equal(u->cond.kind, COND_FIELD);
    assert_string_equal(u->cond.ref, "besluit");
    assert_string_equal(u->cond.value, "unaniem");
    assert_false(model_find_article(m, "overwegingen")->numbered);
    assert_true(model_find_article(m, "extra")->optional);
}

static void test_check_unknown_field_in_text(void **state)
{
    fx *f = *state;
    check_model(f, EDITS("{{veld:contact}}", "{{veld:kontakt}}"), 0);
    expect_error(&f->d, "onbekend veld 'kontakt'", at(f->model_src, "{{veld:kontakt}}"), NULL);
    /* ... and the field it replaced is now unused. */
    expect_error(&f->d, "veld 'contact' wordt nergens gebruikt", at(f->model_src, "id: contact"),
                 NULL);
}

static void test_check_unused_field(void **state)
{
    fx *f = *state;
    check_model(f,
                EDITS("velden:\n", "velden:\n  - id: ongebruikt\n    type: tekst\n"
                                   "    omschrijving: Wordt niet gebruikt\n"),
                0);
    expect_error(&f->d, "veld 'ongebruikt' wordt nergens gebruikt",
                 at(f->model_src, "id: ongebruikt"), "{{veld:ID}}");
    assert_int_equal(diag_error_count(&f->d), 1);
}

static void test_check_term_without_brackets(void **state)
{
    fx *f = *state;
    check_model(f, EDITS("De [[Deelnemers]] kunnen", "De Deelnemers kunnen"), 0);
    expect_error(&f->d, "begrip 'Deelnemers' staat zonder [[ ]] in de tekst",
                 at(f->model_src, "De Deelnemers kunnen"), "[[ en ]]");
    assert_int_equal(diag_error_count(&f->d), 1);
}

static void test_check_term_inside_word_is_fine(void **state)
{
    fx *f = *state;
    /* "Deelnemerschap" and "Stuurgroep-leden" are not the defined terms;
     * they are only reported as capitalised words that no term covers. */
    check_model(
        f, EDITS("kunnen extra overleggen.", "kunnen Deelnemerschap en Stuurgroep-leden regelen."),
        0);
    assert_int_equal(f->d.count, 2);
    find_diag(&f->d, "'Deelnemerschap' staat met een hoofdletter midden in een zin");
    find_diag(&f->d, "'Stuurgroep-leden' staat met een hoofdletter midden in een zin");
}

/* The reference to the optional article "diensten" loses its guard. */
#define UNGUARD_DIENSTEN_REF                                                                       \
    "{{art:diensten}}.\"\n            alleen_als: diensten\n", "{{art:diensten}}.\"\n"

static void test_check_unguarded_reference(void **state)
{
    fx *f = *state;
    check_model(f, EDITS(UNGUARD_DIENSTEN_REF), 1);
    expect_error(
        &f->d,
        "'{{art:diensten}}' verwijst naar een optioneel artikel die alleen bestaat onder 'alleen_als: diensten'",
        at(f->model_src, "{{art:diensten}}."), "Zet dezelfde voorwaarde");
    expect_error(&f->d, "'[[Regionale Diensten]]' verwijst naar een begrip met een definitie",
                 at(f->model_src, "[[Regionale Diensten]] worden"), NULL);
    assert_int_equal(diag_error_count(&f->d), 2);
}

static void test_check_unguarded_reference_needs_all_combinations(void **state)
{
    fx *f = *state;
    check_model(f, EDITS(UNGUARD_DIENSTEN_REF), 0);
    assert_int_equal(f->d.count, 0);
}

static void test_check_term_used_only_under_a_condition(void **state)
{
    fx *f = *state;
    /* A term used only in an optional article, with an unconditional
     * definition: a region that drops the article keeps a dead definition. */
    check_model(
        f,
        EDITS(
            "begrippen:\n",
            "begrippen:\n  - id: overleg\n    term: Overleg\n    definitie: \"een bijeenkomst;\"\n",
            "kunnen extra overleggen.", "kunnen een extra [[Overleg]] houden."),
        1);
    find_diag(&f->d, "begrip 'Overleg' wordt alleen gebruikt in tekst onder voorwaarden");
}

static void test_check_term_with_the_condition_of_its_uses(void **state)
{
    fx *f = *state;
    /* With the same condition on the definition it is sound. */
    check_model(
        f,
        EDITS(
            "begrippen:\n",
            "begrippen:\n  - id: overleg\n    term: Overleg\n    definitie: \"een bijeenkomst;\"\n    alleen_als: extra\n",
            "kunnen extra overleggen.", "kunnen een extra [[Overleg]] houden."),
        1);
    assert_int_equal(f->d.count, 0);
}

static void test_check_reference_to_missing_lid(void **state)
{
    fx *f = *state;
    check_model(f, EDITS("{{art:stuurgroep.vergaderen}} en", "{{art:stuurgroep.vergadern}} en"), 0);
    expect_error(&f->d,
                 "'{{art:stuurgroep.vergadern}}': artikel 'stuurgroep' heeft geen lid 'vergadern'",
                 at(f->model_src, "{{art:stuurgroep.vergadern}}"), NULL);
}

static void test_check_duplicate_article_id(void **state)
{
    fx *f = *state;
    check_model(f, EDITS("id: duur\n", "id: extra\n"), 0);
    expect_error(&f->d, "artikel-id 'extra' komt twee keer voor",
                 at(f->model_src, "id: extra\n        titel: Duur"), NULL);
    assert_int_equal(count_diags(&f->d, "komt twee keer voor"), 1);
}

static void test_load_unknown_key_suggests(void **state)
{
    fx *f = *state;
    load_model(f, EDITS("    omschrijving: Gemeenten\n", "    omschrijvng: Gemeenten\n"));
    expect_error(&f->d, "onbekende sleutel 'omschrijvng' in een veld",
                 at(f->model_src, "omschrijvng"), "Bedoelde u 'omschrijving'?");
}

static void test_load_bad_markup_position_in_quoted_scalar(void **state)
{
    fx *f = *state;
    load_model(f, EDITS("{{art:stuurgroep.vergaderen.voorzitter}}",
                        "{{art:stuurgroep.vergaderen.voorzitter.x}}"));
    expect_error(&f->d, "ongeldige artikelverwijzing '{{art:stuurgroep.vergaderen.voorzitter.x}}'",
                 at(f->model_src, "{{art:stuurgroep.vergaderen.voorzitter.x}}"), NULL);
}

/* Regression test (generator/model.c, load_rich): a single-quoted scalar is treated
 * as mapping 1:1 onto the file, but each '' in it is one character of
 * text, so markup after it is reported one column too far left. */
static void test_load_position_after_single_quote_escape(void **state)
{
    fx *f = *state;
    load_model(f, EDITS("\"het Bureau notuleert;\"", "'het Bureau''s {{fout:x}}'"));
    expect_error(&f->d, "onbekende opmaak '{{fout:x}}'", at(f->model_src, "{{fout:x}}"), NULL);
}

/* ==== assembly: structure and numbering =============================== */

#define ALL_ARTICLES                                                                               \
    "- Overwegingen|Artikel 1 Definities|Artikel 2 Extra overleg|Artikel 3 De Stuurgroep|"         \
    "Artikel 4 Regionale Diensten|Artikel 5 Duur"

#define EXTRA_LID "\"De [[Deelnemers]] kunnen extra overleggen.\""

static void test_check_count_unknown_counter_and_wordings(void **state)
{
    fx *f = *state;
    check_model(f,
                EDITS(EXTRA_LID,
                      "\"{{aantal:leden|De [[Deelnemer]] kan|De [[Deelnemers]] kunnen}} extra "
                      "overleggen; {{aantal:deelnemers|alleen zo}}, {{aantal:deelnemers|a|b|c}}.\""),
                0);
    expect_error(&f->d, "onbekende teller 'leden' in {{aantal:...}}",
                 at(f->model_src, "{{aantal:leden"), "deelnemers_eerste_lid");
    expect_error(&f->d, "{{aantal:deelnemers|...}} heeft 1 tekst; er horen er twee te staan",
                 at(f->model_src, "{{aantal:deelnemers|alleen"), NULL);
    expect_error(&f->d, "{{aantal:deelnemers|...}} heeft 3 teksten",
                 at(f->model_src, "{{aantal:deelnemers|a|b|c}}"), NULL);
    assert_int_equal(diag_error_count(&f->d), 3);
}

/* A wording is model text like any other: its terms count as used, and
 * an unmarked term in it is reported. */
static void test_check_count_wordings_are_checked(void **state)
{
    fx *f = *state;
    check_model(f,
                EDITS("begrippen:\n",
                      "begrippen:\n  - id: huis\n    term: Huis\n    definitie: \"het huis;\"\n",
                      EXTRA_LID,
                      "\"{{aantal:deelnemers|Het [[Huis]] kan|De Deelnemers kunnen}} extra "
                      "overleggen.\""),
                0);
    expect_error(&f->d, "begrip 'Deelnemers' staat zonder [[ ]] in de tekst",
                 at(f->model_src, "De Deelnemers kunnen}}"), NULL);
    assert_int_equal(count_diags(&f->d, "'Huis' wordt gedefinieerd maar nergens gebruikt"), 0);
    assert_int_equal(diag_error_count(&f->d), 1);
}

/* The extra lid in three wordings, by the three counters; the mini region
 * has one Deelnemer of the eerste lid and one of the tweede. */
#define EXTRA_COUNTED                                                                              \
    EXTRA_LID, "\"{{aantal:deelnemers|De [[Deelnemer]] kan|De [[Deelnemers]] kunnen}} extra "     \
               "overleggen; {{aantal:deelnemers_eerste_lid|die van het eerste lid beslist, zie "  \
               "{{art:stuurgroep}}|die van het eerste lid beslissen, zie {{art:diensten}}}}. "      \
               "{{aantal:deelnemers_tweede_lid|Eén van het tweede lid.|Meer of geen.}}\""

static void test_assemble_count_by_the_deelnemers(void **state)
{
    fx *f = *state;
    doc_node *doc = generate_ok(f, EDITS(EXTRA_COUNTED), NO_EDITS);
    assert_outline(article(doc, "extra"), DOC_LID,
                   "- De Deelnemers kunnen extra overleggen; die van het eerste lid beslist, zie "
                   "artikel" NBSP "3. Eén van het tweede lid.");
}

#define STICHTING                                                                                  \
    "  - naam: \"Stichting {{veld:zvh_naam}} [[Deelnemer]]\"\n"                                     \
    "    soort: stichting\n"                                                                       \
    "    ondertekenaar:\n"                                                                         \
    "      naam: \"!!str <b>B</b>\"\n"                                                             \
    "      functie: directeur\n"

static void test_assemble_count_two_of_the_eerste_lid(void **state)
{
    fx *f = *state;
    doc_node *doc =
        generate_ok(f, EDITS(EXTRA_COUNTED), EDITS("    soort: stichting\n", "    soort: gemeente\n"));
    assert_outline(article(doc, "extra"), DOC_LID,
                   "- De Deelnemers kunnen extra overleggen; die van het eerste lid beslissen, zie "
                   "artikel" NBSP "4. Meer of geen.");
}

static void test_assemble_count_of_one(void **state)
{
    fx *f = *state;
    doc_node *doc = generate_ok(f, EDITS(EXTRA_COUNTED), EDITS(STICHTING, ""));
    assert_outline(article(doc, "extra"), DOC_LID,
                   "- De Deelnemer kan extra overleggen; die van het eerste lid beslist, zie "
                   "artikel" NBSP "3. Meer of geen.");
}

/* An optional field without value drops its lid only when the region's
 * wording holds it. */
static void test_assemble_count_drops_only_the_chosen_wording(void **state)
{
    fx *f = *state;
    doc_node *doc = generate_ok(
        f,
        EDITS("\"Contact via {{veld:contact}}.\"",
              "\"{{aantal:deelnemers|Contact via {{veld:contact}}.|Geen vast contact.}}\""),
        NO_EDITS);
    assert_outline(article(doc, "stuurgroep")->last, DOC_LID, "3. Geen vast contact.");
}

/* While no Deelnemer is named yet, the text reads as for a group. */
static void test_assemble_count_while_the_deelnemers_are_open(void **state)
{
    fx *f = *state;
    doc_node *doc = generate_ok(f, EDITS(EXTRA_COUNTED),
                                EDITS("beheerorganisatie: Gemeente Aa\n", "beheerorganisatie:\n",
                                      "  - naam: Gemeente Aa\n"
                                      "    soort: gemeente\n"
                                      "    ondertekenaar:\n"
                                      "      naam: A. de Aa\n"
                                      "      functie: burgemeester\n",
                                      "", STICHTING, ""));
    assert_outline(article(doc, "extra"), DOC_LID,
                   "- De Deelnemers kunnen extra overleggen; die van het eerste lid beslissen, zie "
                   "artikel" NBSP "4. Meer of geen.");
}

static void test_assemble_articles_in_order(void **state)
{
    fx *f = *state;
    doc_node *doc = generate_ok(f, NO_EDITS, NO_EDITS);
    assert_int_equal(f->d.count, 0);
    assert_outline(doc, DOC_PART, "Deel A Begin|Deel B Structuur|Deel C Slot");
    assert_outline(doc, DOC_ARTICLE, ALL_ARTICLES);
    assert_int_equal(article(doc, "stuurgroep")->number, 3);
    assert_outline(doc, DOC_ANNEX,
                   "Bijlage 1 Lijst van Deelnemers|Bijlage 2 Overzicht Regionale Diensten");
}

/* Whole articles cited together read in the plural (Ar 3.29); a lid
 * beside an article does not join. */
static void test_assemble_references_in_the_plural(void **state)
{
    fx *f = *state;
    doc_node *doc = generate_ok(f,
                                EDITS("geldt {{art:diensten}}.",
                                      "gelden {{art:extra}}, {{art:stuurgroep}} en {{art:diensten}}."),
                                NO_EDITS);
    assert_outline(doc, DOC_REF,
                   "artikel" NBSP "4|artikel" NBSP "3|artikel" NBSP
                   "3, tweede lid, onder a|artikel" NBSP "3, tweede lid|"
                   "bijlage" NBSP "1|de artikelen" NBSP "2, 3 en 4");
    assert_outline(article(doc, "duur"), DOC_LID,
                   "1. Deze afspraken gelden vanaf 1" NBSP "februari" NBSP
                   "2026 voor de gemeenten Gemeente Aa, "
                   "Gemeente Bee en Gemeente Cee; zie artikel" NBSP "3, tweede lid en bijlage" NBSP
                   "1.|"
                   "2. Als Regionale Diensten worden uitgevoerd, gelden de artikelen" NBSP
                   "2, 3 en 4.");
}

static void test_assemble_references_resolved(void **state)
{
    fx *f = *state;
    doc_node *doc = generate_ok(f, NO_EDITS, NO_EDITS);
    assert_outline(doc, DOC_REF,
                   "artikel" NBSP "4|artikel" NBSP "3|artikel" NBSP
                   "3, tweede lid, onder a|artikel" NBSP "3, tweede lid|"
                   "bijlage" NBSP "1|artikel" NBSP "4");
    /* A reference keeps the position of its markup in the model. */
    doc_node *lid = article(doc, "diensten")->last;
    assert_int_equal(lid->kind, DOC_LID);
    assert_string_equal(lid->label, "2.");
    assert_int_equal(lid->first->next->kind, DOC_REF);
    assert_int_equal(lid->first->next->line, at(f->model_src, "Zie ook").line);
}

static void test_assemble_references_in_own_article_and_to_several_onderdelen(void **state)
{
    fx *f = *state;
    doc_node *doc =
        generate_ok(f,
                    EDITS("\"het Bureau notuleert;\"",
                          "\"zie {{art:stuurgroep.vergaderen}} en {{art:stuurgroep}};\"",
                          "\"Zie ook {{art:stuurgroep.vergaderen.voorzitter}}.\"",
                          "\"Zie ook {{art:stuurgroep.vergaderen.voorzitter,notulen}}.\""),
                    NO_EDITS);
    assert_outline(article(doc, "stuurgroep"), DOC_REF, "het tweede lid|dit artikel");
    assert_outline(article(doc, "diensten"), DOC_REF, "artikel" NBSP "3, tweede lid, onder a en b");
}

static void test_check_reference_to_missing_onderdeel_in_a_list(void **state)
{
    fx *f = *state;
    check_model(f,
                EDITS("{{art:stuurgroep.vergaderen.voorzitter}}",
                      "{{art:stuurgroep.vergaderen.voorzitter,notule}}"),
                0);
    find_diag(&f->d, "lid 'vergaderen' heeft geen onderdeel 'notule'");
}

static void test_assemble_leden_and_onderdelen(void **state)
{
    fx *f = *state;
    doc_node *doc = generate_ok(f, NO_EDITS, NO_EDITS);
    doc_node *sg = article(doc, "stuurgroep");
    /* The unanimity lid needs besluit=unaniem, the contact lid a contact. */
    assert_outline(
        sg, DOC_LID,
        "1. De Stuurgroep bestaat uit de Deelnemers: Gemeente Aa en Stichting "
        "{{veld:zvh_naam}} [[Deelnemer]].|"
        "2. De Stuurgroep vergadert vier keer per jaar en besluit met meerderheid van stemmen.");
    assert_outline(sg, DOC_ITEM, "a. de voorzitter komt van Gemeente Aa;|b. het Bureau notuleert.");
    /* An article with one lid numbers no lid. */
    assert_outline(article(doc, "extra"), DOC_LID, "- De Deelnemers kunnen extra overleggen.");
    assert_outline(article(doc, "definities"), DOC_ITEM,
                   " Deelnemer: een partij bij deze afspraken;|"
                   " Regionale Dienst: een taak als bedoeld in artikel" NBSP "4;|"
                   " Stuurgroep: het overleg van artikel" NBSP "3.");
}

/* A lid for a majority vote next to the unanimity lid: the two exclude
 * each other (alternatives, one place in the model). */
#define MAJORITY_LID                                                                               \
    "            alleen_als: besluit=unaniem\n",                                                   \
        "            alleen_als: besluit=unaniem\n"                                                \
        "          - id: meerderheid\n"                                                            \
        "            tekst: \"Bij staking van stemmen is het voorstel verworpen.\"\n"              \
        "            alleen_als: besluit=meerderheid\n"

static void test_check_alternatives_need_a_place_for_every_value(void **state)
{
    fx *f = *state;
    /* Without a default the choice field may stay empty: then neither
     * alternative is there, and their shared number would be empty. */
    check_model(f, EDITS("    standaard: meerderheid\n", "", MAJORITY_LID), 1);
    char msg[256];
    snprintf(msg, sizeof msg,
             "de leden op regel %d tot en met %d sluiten elkaar uit en delen daarom één nummer "
             "bij 'nummering: model', maar als 'besluit' niet is ingevuld staat er geen",
             at(f->model_src, "besluit=unaniem").line,
             at(f->model_src, "besluit=meerderheid").line);
    expect_error(&f->d, msg, at(f->model_src, "besluit=unaniem"), "standaardwaarde");
    assert_int_equal(count_diags(&f->d, "sluiten elkaar uit"), 1);
}

static void test_check_alternatives_with_a_default_are_one_place(void **state)
{
    fx *f = *state;
    check_model(f, EDITS(MAJORITY_LID), 1);
    assert_int_equal(diag_error_count(&f->d), 0);
}

static void test_assemble_model_numbering_keeps_lid_and_onderdeel_numbers(void **state)
{
    fx *f = *state;
    const char *const *notes_unanimous =
        EDITS("tekst: \"het Bureau notuleert;\"\n",
              "tekst: \"het Bureau notuleert;\"\n                alleen_als: besluit=unaniem\n");
    doc_node *doc = generate_ok(f, notes_unanimous, EDITS("regio:", "nummering: model\nregio:"));
    doc_node *sg = article(doc, "stuurgroep");
    assert_outline(
        sg, DOC_LID,
        "1. De Stuurgroep bestaat uit de Deelnemers: Gemeente Aa en Stichting "
        "{{veld:zvh_naam}} [[Deelnemer]].|"
        "2. De Stuurgroep vergadert vier keer per jaar en besluit met meerderheid van stemmen.|"
        "3. [vervallen]|4. [vervallen]");
    /* The dropped last onderdeel leaves the one before it last: ".". */
    assert_outline(sg, DOC_ITEM, "a. de voorzitter komt van Gemeente Aa.|b. [vervallen]");
    assert_true(find_node(sg, DOC_ITEM, "voorzitter")->next->dropped);
    assert_null(find_node(sg, DOC_ITEM, "voorzitter")->next->id);
}

static void test_assemble_model_numbering_alternatives_share_a_number(void **state)
{
    fx *f = *state;
    doc_node *doc =
        generate_ok(f, EDITS(MAJORITY_LID), EDITS("regio:", "nummering: model\nregio:"));
    assert_outline(find_node(article(doc, "stuurgroep"), DOC_LID, "meerderheid"), DOC_LID,
                   "3. Bij staking van stemmen is het voorstel verworpen.");
    assert_outline(find_node(article(doc, "stuurgroep"), DOC_LID, "meerderheid")->next, DOC_LID,
                   "4. [vervallen]");
    assert_null(find_node(doc, DOC_LID, "unaniem"));
}

static void test_assemble_field_types_rendered(void **state)
{
    fx *f = *state;
    doc_node *doc =
        generate_ok(f, NO_EDITS,
                    EDITS("  ingang: 2026-02-01\n", "  ingang: 2028-02-29\n  vergaderingen: 12\n"));
    assert_outline(article(doc, "duur"), DOC_LID,
                   "1. Deze afspraken gelden vanaf 29" NBSP "februari" NBSP
                   "2028 voor de gemeenten Gemeente Aa, "
                   "Gemeente Bee en Gemeente Cee; zie artikel" NBSP "3, tweede lid en bijlage" NBSP
                   "1.|"
                   "2. Als Regionale Diensten worden uitgevoerd, geldt artikel" NBSP "4.");
    assert_outline(find_node(article(doc, "stuurgroep"), DOC_LID, "vergaderen"), DOC_FIELD,
                   "twaalf|met meerderheid van stemmen|Gemeente Aa");
    assert_outline(article(doc, "diensten"), DOC_ITEM,
                   "a. Nazorg ex-gedetineerden; en|b. Radicaliseringsoverleg.");
}

static void test_assemble_extra_nee_renumbers(void **state)
{
    fx *f = *state;
    doc_node *doc = generate_ok(f, NO_EDITS, EDITS("  extra: ja\n", "  extra: nee\n"));
    assert_outline(doc, DOC_ARTICLE,
                   "- Overwegingen|Artikel 1 Definities|Artikel 2 De Stuurgroep|"
                   "Artikel 3 Regionale Diensten|Artikel 4 Duur");
    assert_null(find_node(doc, DOC_ARTICLE, "extra"));
    assert_outline(doc, DOC_REF,
                   "artikel" NBSP "3|artikel" NBSP "2|artikel" NBSP
                   "2, tweede lid, onder a|artikel" NBSP "2, tweede lid|"
                   "bijlage" NBSP "1|artikel" NBSP "3");
}

static void test_assemble_diensten_nee_drops_everything_of_it(void **state)
{
    fx *f = *state;
    doc_node *doc = generate_ok(f, NO_EDITS, EDITS("  diensten: ja\n", "  diensten: nee\n"));
    assert_outline(doc, DOC_ARTICLE,
                   "- Overwegingen|Artikel 1 Definities|Artikel 2 Extra overleg|"
                   "Artikel 3 De Stuurgroep|Artikel 4 Duur");
    assert_outline(
        article(doc, "definities"), DOC_ITEM,
        " Deelnemer: een partij bij deze afspraken;| Stuurgroep: het overleg van artikel" NBSP
        "3.");
    assert_null(find_node(doc, DOC_ITEM, "dienst"));
    assert_outline(doc, DOC_ANNEX, "Bijlage 1 Lijst van Deelnemers");
    /* Duur keeps one lid, so it loses its lid number. */
    assert_outline(article(doc, "duur"), DOC_REF, "artikel" NBSP "3, tweede lid|bijlage" NBSP "1");
    assert_null(article(doc, "duur")->first->label);
}

static void test_assemble_part_without_articles_is_dropped(void **state)
{
    fx *f = *state;
    doc_node *doc = generate_ok(f,
                                EDITS("      - id: stuurgroep\n", "  - id: X\n    titel: Los\n"
                                                                  "    artikelen:\n"
                                                                  "      - id: stuurgroep\n"),
                                EDITS("  extra: ja\n", "  extra: nee\n"));
    /* Deel B now holds only "extra"; without it, "Los" becomes Deel B. */
    assert_outline(doc, DOC_PART, "Deel A Begin|Deel B Los|Deel C Slot");
}

static void test_assemble_choice_condition(void **state)
{
    fx *f = *state;
    doc_node *doc = generate_ok(
        f, NO_EDITS, EDITS("  ingang: 2026-02-01\n", "  ingang: 2026-02-01\n  besluit: unaniem\n"));
    doc_node *lid = find_node(article(doc, "stuurgroep"), DOC_LID, "unaniem");
    assert_non_null(lid);
    assert_string_equal(lid->label, "3.");
    assert_outline(lid->prev, DOC_FIELD, "vier|met algemene stemmen|Gemeente Aa");
}

static void test_assemble_optional_field_adds_lid(void **state)
{
    fx *f = *state;
    doc_node *doc = generate_ok(
        f, NO_EDITS,
        EDITS("  ingang: 2026-02-01\n", "  ingang: 2026-02-01\n  contact: het Bureau\n"));
    doc_node *last = article(doc, "stuurgroep")->last;
    assert_string_equal(last->label, "3.");
    assert_outline(last, DOC_FIELD, "het Bureau");
}

static void test_assemble_missing_regional_text_drops_onderdeel(void **state)
{
    fx *f = *state;
    doc_node *doc = generate_ok(f, NO_EDITS,
                                EDITS("regionale_tekst:\n  historie: |\n"
                                      "    Sinds 2009 <samen> & verder.\n",
                                      ""));
    /* The onderdeel left last takes the closing full stop. */
    assert_outline(article(doc, "overwegingen"), DOC_ITEM, "a. de regio samenwerkt.");
    assert_outline(doc, DOC_REGIONAL, "");
}

static void test_assemble_regional_text(void **state)
{
    fx *f = *state;
    doc_node *doc = generate_ok(f, NO_EDITS, NO_EDITS);
    /* A block scalar's final line break is not text. */
    assert_outline(doc, DOC_REGIONAL, "Sinds 2009 <samen> & verder.");
}

/* Whether any inline node under n holds a line break. */
static int break_visit(doc_node *n, doc_event ev, void *ctx)
{
    (void)ctx;
    return ev == DOC_ENTER && doc_is_inline(n->kind) && strchr(n->text, '\n');
}

/* The kinds of n's children, one letter each: i inline, c continuation,
 * l list. */
static void assert_children(const doc_node *n, const char *expected)
{
    char got[32] = "";
    size_t k = 0;
    for (const doc_node *c = n->first; c && k + 1 < sizeof got; c = c->next)
        got[k++] = doc_is_inline(c->kind)        ? 'i'
                   : c->kind == DOC_CONTINUATION ? 'c'
                   : c->kind == DOC_LIST         ? 'l'
                                                 : '?';
    got[k] = '\0';
    assert_string_equal(got, expected);
}

static void test_assemble_blank_line_starts_a_further_paragraph(void **state)
{
    fx *f = *state;
    doc_node *doc = generate_ok(f, NO_EDITS,
                                EDITS("    Sinds 2009 <samen> & verder.\n",
                                      "    Sinds 2009\n    samen;\n\n\n    daarna\n"
                                      "    verder;\n\n    en nu;\n"));
    doc_node *item = find_node(doc, DOC_REGIONAL, "historie")->parent;
    assert_int_equal(item->kind, DOC_ITEM);
    assert_children(item, "icc");
    /* The file's wrapping is a space; blank lines, however many, one
     * paragraph break; the onderdeel keeps its label, its further
     * paragraphs have none. */
    assert_outline(item, DOC_REGIONAL, "Sinds 2009 samen;|daarna verder;|en nu;");
    assert_outline(item, DOC_CONTINUATION, "- daarna verder;|- en nu;");
    assert_string_equal(item->label, "b.");
    assert_int_equal(doc_walk(doc, break_visit, NULL), 0);
}

static void test_assemble_further_paragraphs_come_before_the_list(void **state)
{
    fx *f = *state;
    /* Regional text as the lid's own text, with the model's words after
     * it: they go with the last paragraph, and the onderdelen follow. */
    doc_node *doc = generate_ok(
        f,
        EDITS("- tekst: \"Overwegende dat:\"", "- tekst: \"Eerst. {{regio:historie}} Overwegende dat:\"",
              "- tekst: \"{{regio:historie}}\"", "- tekst: \"de regio het wil;\""),
        EDITS("    Sinds 2009 <samen> & verder.\n", "    Een.\n\n    Twee.\n"));
    doc_node *lid = find_node(doc, DOC_REGIONAL, "historie")->parent;
    assert_int_equal(lid->kind, DOC_LID);
    assert_children(lid, "iicl");
    assert_outline(lid, DOC_CONTINUATION, "- Twee. Overwegende dat:");
    char *first = doc_inline_text(lid);
    assert_string_equal(first, "Eerst. Een.");
    free(first);
    assert_outline(lid->last, DOC_ITEM, "a. de regio samenwerkt;|b. de regio het wil.");
}

static void test_error_blank_line_inside_a_sentence(void **state)
{
    fx *f = *state;
    /* The model's sentence runs on after the spot: a paragraph break
     * would split it, so the region is told where its text is. */
    generate(f, EDITS("- tekst: \"{{regio:historie}}\"", "- tekst: \"in {{regio:historie}} en zo;\""),
             EDITS("    Sinds 2009 <samen> & verder.\n", "    Een\n\n    twee\n"));
    assert_null(f->doc);
    expect_error(&f->d, "regionale tekst 'historie' staat midden in een zin",
                 at(f->region_src, "|\n    Een"), "zonder witregel");
    assert_int_equal(count_diags(&f->d, "midden in een zin"), 1);
}

static void test_a_sentence_may_run_on_without_a_blank_line(void **state)
{
    fx *f = *state;
    doc_node *doc = generate_ok(
        f, EDITS("- tekst: \"{{regio:historie}}\"", "- tekst: \"in {{regio:historie}} en zo;\""),
        EDITS("    Sinds 2009 <samen> & verder.\n", "    Een\n    twee\n"));
    assert_outline(article(doc, "overwegingen"), DOC_ITEM,
                   "a. de regio samenwerkt;|b. in Een twee en zo.");
}

static void test_assemble_parties_and_signatures(void **state)
{
    fx *f = *state;
    doc_node *doc = generate_ok(f, NO_EDITS, NO_EDITS);
    assert_outline(doc, DOC_HEADING, "- Partijen");
    doc_node *parties = doc->first->next->next;
    assert_int_equal(parties->kind, DOC_LIST);
    assert_outline(parties, DOC_ITEM,
                   "1. Gemeente Aa, te dezen vertegenwoordigd door A. de Aa, burgemeester;|"
                   "2. Stichting {{veld:zvh_naam}} [[Deelnemer]], te dezen vertegenwoordigd door "
                   "!!str <b>B</b>, directeur,");
    doc_node *sigs = find_node(doc, DOC_SIGNATURES, NULL);
    assert_outline(sigs, DOC_PARAGRAPH, "- Getekend te 's" NBHY "Hertogenbosch op 15" NBSP
                                        "januari" NBSP "2026.");
    doc_node *s = sigs->last;
    assert_int_equal(s->kind, DOC_SIGNATORY);
    assert_string_equal(s->sig->party, "Namens Stichting {{veld:zvh_naam}} [[Deelnemer]]");
    assert_string_equal(s->sig->name, "!!str <b>B</b>");
    assert_string_equal(s->sig->function, "directeur");
    assert_outline(find_node(doc, DOC_ANNEX, "lijst"), DOC_ITEM,
                   "a. Gemeente Aa (artikel" NBSP "2.27, eerste lid, WGS); en|"
                   "b. Stichting {{veld:zvh_naam}} [[Deelnemer]] (artikel" NBSP
                   "2.27, tweede lid, WGS).");
}

static void test_assemble_meta(void **state)
{
    fx *f = *state;
    doc_meta *meta = generate_ok(f, NO_EDITS, NO_EDITS)->meta;
    assert_string_equal(meta->title, "Afspraken Huis Súdwest" NBHY "Fryslân");
    assert_string_equal(meta->subtitle,
                        "Testtekst Bestuurlijke Afspraken, versie 0.9 van 3" NBSP "november" NBSP
                        "2025, in de opbouw van het Testmodel Bestuurlijke Afspraken, vastgesteld "
                        "op 22" NBSP "september" NBSP "2025 door de testgroep");
    assert_string_equal(meta->region, "Testregio & <Omstreken>");
    assert_string_equal(meta->model_name, "Testtekst Bestuurlijke Afspraken");
    assert_string_equal(meta->model_date, "3 november 2025");
    assert_string_equal(meta->reference_name, "Testmodel Bestuurlijke Afspraken");
    assert_string_equal(meta->reference_date, "22 september 2025");
    assert_string_equal(meta->language, "nl-NL");
    /* The signing date, at noon UTC. */
    assert_int_equal(meta->timestamp, 1768478400);
}

static void test_assemble_timestamp_option(void **state)
{
    fx *f = *state;
    generate_ok(f, NO_EDITS, NO_EDITS);
    assemble_options opt = {.timestamp = 1000};
    doc_node *doc = assemble(f->m, f->r, &opt, &f->d);
    assert_int_equal(doc->meta->timestamp, 1000);
    doc_free(doc);
    doc = assemble(f->m, f->r, NULL, &f->d);
    assert_int_equal(doc->meta->timestamp, 1768478400);
    doc_free(doc);
}

static void test_assemble_values_are_data(void **state)
{
    fx *f = *state;
    doc_node *doc = generate_ok(
        f, NO_EDITS,
        EDITS("  ingang: 2026-02-01\n",
              "  ingang: 2026-02-01\n  contact: '!!str {{veld:zvh_naam}} [[Deelnemer]] <b>x</b>'\n",
              "zvh_naam: Huis Súdwest-Fryslân", "zvh_naam: \"{{art:duur}} & [[Stuurgroep]]\""));
    doc_node *lid = article(doc, "stuurgroep")->last;
    assert_outline(lid, DOC_FIELD, "!!str {{veld:zvh_naam}} [[Deelnemer]] <b>x</b>");
    assert_outline(lid, DOC_TERM, "");
    assert_outline(lid, DOC_REF, "");
    assert_string_equal(doc->meta->title, "Afspraken {{art:duur}} & [[Stuurgroep]]");
}

/* ==== geheimhoudingsverklaringen ===================================== */

/* The mini model with a verklaring annex filled in per gemeente. */
#define DECLARATION_ANNEX(org_line)                                                                \
    EDITS("bijlagen:\n",                                                                           \
          "bijlagen:\n  - id: verklaring\n    titel: Verklaring\n    verklaring: ja\n"           \
          "    per: gemeenten\n    leden:\n      - tekst: \"Gegevens:\"\n        onderdelen:\n"   \
          "          - tekst: \"naam: ........\"\n            invullen: naam\n"                   \
          "          - tekst: " org_line "\n            invullen: organisatie\n")

static doc_node *generate_declarations(fx *f, const char *const *model_edits,
                                       const declaration_fill *one, declaration_list *out)
{
    load_model(f, model_edits);
    assert_int_equal(diag_error_count(&f->d), 0);
    load_region(f, NO_EDITS);
    assemble_options opt = {.timestamp = (time_t)-1, .definitive = 1};
    f->doc = assemble_with_declarations(f->m, f->r, &opt, one, out, &f->d);
    return f->doc;
}

/* A blank verklaring and one per gemeente, each a document of its own
 * whose organisation line carries the gemeente instead of the fill line. */
static void test_declarations_blank_and_per_organisation(void **state)
{
    fx *f = *state;
    declaration_list out = {0};
    assert_non_null(
        generate_declarations(f, DECLARATION_ANNEX("\"organisatie: ........\""), NULL, &out));
    assert_int_equal(out.count, 4);
    assert_string_equal(out.items[0].name, "verklaring-blanco");
    assert_string_equal(out.items[1].name, "verklaring-gemeente-aa");
    assert_string_equal(out.items[3].name, "verklaring-gemeente-cee");
    for (size_t i = 0; i < out.count; i++) {
        assert_int_equal(out.items[i].doc->kind, DOC_DOCUMENT);
        assert_string_equal(out.items[i].doc->meta->title, "Verklaring");
        assert_false(out.items[i].doc->meta->concept);
    }
    assert_outline(out.items[0].doc, DOC_FIELD, "");
    assert_outline(out.items[2].doc, DOC_FIELD, "Gemeente Bee");
    doc_node *line = find_node(out.items[2].doc, DOC_ITEM, NULL)->next;
    char *text = doc_inline_text(line);
    assert_string_equal(text, "organisatie: Gemeente Bee");
    free(text);
    declaration_list_free(&out);
}

/* On demand: the organisation and the person fill their lines. */
static void test_declaration_on_demand(void **state)
{
    fx *f = *state;
    declaration_list out = {0};
    declaration_fill one = {{NULL}};
    one.values[FILL_ORGANISATION] = "Gemeente Bee";
    one.values[FILL_NAME] = "J. Jansen";
    assert_non_null(
        generate_declarations(f, DECLARATION_ANNEX("\"organisatie: ........\""), &one, &out));
    assert_int_equal(out.count, 1);
    assert_string_equal(out.items[0].name, "verklaring-gemeente-bee-j-jansen");
    assert_outline(out.items[0].doc, DOC_FIELD, "J. Jansen|Gemeente Bee");
    declaration_list_free(&out);
}

/* A line to fill in must end with the fill line, or a value has no place:
 * the model check says so once, whatever the region. */
static void test_error_fill_line_without_the_fill_line(void **state)
{
    fx *f = *state;
    check_model(f, DECLARATION_ANNEX("\"organisatie:\""), 0);
    assert_int_equal(count_diags(&f->d, "eindigt niet met de invullijn"), 1);
    expect_error(&f->d, "eindigt niet met de invullijn", at(f->model_src, "tekst: \"organisatie:"),
                 "invullijn");
}

/* A verklaring per organisation needs a list of organisations. */
static void test_error_per_names_no_list_field(void **state)
{
    fx *f = *state;
    const char *const *edits = DECLARATION_ANNEX("\"organisatie: ........\"");
    check_model(f, (const char *const[]){edits[0], edits[1], "per: gemeenten", "per: ingang", NULL}, 0);
    expect_error(&f->d, "'per: ingang' van bijlage 'verklaring' noemt geen lijstveld",
                 at(f->model_src, "id: verklaring"), "organisaties of lijst");
}

/* ==== assembly: the region's input errors ============================= */

/* The region with one more line under velden. */
#define WITH_VALUE(line) EDITS("  ingang: 2026-02-01\n", "  ingang: 2026-02-01\n" line)

static void test_error_unknown_field(void **state)
{
    fx *f = *state;
    assert_null(generate(f, NO_EDITS, WITH_VALUE("  vergaderingn: 4\n")));
    expect_error(&f->d, "onbekend veld 'vergaderingn'", at(f->region_src, "vergaderingn"),
                 "Bedoelde u 'vergaderingen'?");
}

/* A concept shows a missing required value as a placeholder, with one
 * warning; a definitive document refuses it. */
static void test_missing_required_field_is_open_in_a_concept(void **state)
{
    fx *f = *state;
    doc_node *doc = generate_ok(f, NO_EDITS, EDITS("  ingang: 2026-02-01\n", ""));
    const diag *g = find_diag(&f->d, "verplicht veld 'ingang' (datum) ontbreekt onder 'velden'");
    assert_int_equal(g->severity, DIAG_WARNING);
    assert_int_equal(g->line, at(f->region_src, "velden:").line);
    assert_int_equal(f->d.count, 1);
    assert_outline(doc, DOC_PLACEHOLDER, "[IN TE VULLEN: Datum van ingang]");
    assert_true(doc->meta->concept);
    assert_string_equal(doc->meta->concept_mark, "CONCEPT");
}

static void test_error_missing_required_field(void **state)
{
    fx *f = *state;
    f->definitive = 1;
    assert_null(generate(f, NO_EDITS, EDITS("  ingang: 2026-02-01\n", "")));
    expect_error(&f->d, "verplicht veld 'ingang' (datum) ontbreekt onder 'velden'",
                 at(f->region_src, "velden:"), "definitief");
    assert_int_equal(diag_error_count(&f->d), 1);
}

/* Every open value of the region file is one warning and a placeholder
 * in the tree: the name of the region, the Beheerorganisatie, a
 * Deelnemer, its signatory's name and function, a required field. */
static void test_empty_values_are_placeholders(void **state)
{
    fx *f = *state;
    doc_node *doc = generate_ok(
        f, NO_EDITS,
        EDITS("beheerorganisatie: Gemeente Aa", "beheerorganisatie:", "      naam: A. de Aa",
              "      naam:", "      functie: burgemeester", "      functie: \"\"",
              "zvh_naam: Huis Súdwest-Fryslân", "zvh_naam:"));
    assert_int_equal(f->d.count, 4);
    assert_int_equal(diag_error_count(&f->d), 0);
    assert_non_null(find_diag(&f->d, "'beheerorganisatie' is nog niet ingevuld"));
    assert_non_null(find_diag(&f->d, "de naam van de ondertekenaar van Deelnemer 'Gemeente Aa'"));
    doc_node *sigs = find_node(doc, DOC_SIGNATURES, NULL);
    const doc_signatory *sig = sigs->first->next->sig;
    assert_string_equal(sig->name, "[IN TE VULLEN: naam van de ondertekenaar]");
    assert_string_equal(sig->function, "[IN TE VULLEN: functie van de ondertekenaar]");
    assert_int_equal(sig->open, DOC_SIG_NAME | DOC_SIG_FUNCTION);
    assert_string_equal(doc->meta->title, "Afspraken [IN TE VULLEN: naam van het huis]");
}

/* With a definitive document every open value is an error, in one run. */
static void test_definitive_reports_every_open_value(void **state)
{
    fx *f = *state;
    f->definitive = 1;
    assert_null(generate(f, NO_EDITS,
                         EDITS("beheerorganisatie: Gemeente Aa", "beheerorganisatie:",
                               "    ondertekenaar:\n      naam: A. de Aa\n      functie: burgemeester\n",
                               "", "zvh_naam: Huis Súdwest-Fryslân", "zvh_naam:")));
    assert_int_equal(diag_error_count(&f->d), 4);
    assert_int_equal(count_diags(&f->d, "is nog niet ingevuld"), 3);
    assert_int_equal(count_diags(&f->d, "verplicht veld 'zvh_naam' (tekst) is leeg"), 1);
}

static void test_error_unknown_optional_article(void **state)
{
    fx *f = *state;
    assert_null(generate(f, NO_EDITS, EDITS("  extra: ja\n", "  exta: ja\n")));
    expect_error(&f->d, "onbekend artikel 'exta'", at(f->region_src, "exta"),
                 "Bedoelde u 'extra'?");
}

static void test_error_mandatory_article_nee(void **state)
{
    fx *f = *state;
    assert_null(generate(f, NO_EDITS, EDITS("  extra: ja\n", "  extra: ja\n  stuurgroep: nee\n")));
    expect_error(&f->d, "artikel 'stuurgroep' is niet optioneel en kan niet worden weggelaten",
                 at(f->region_src, "stuurgroep: nee"), NULL);
}

static void test_warning_mandatory_article_ja(void **state)
{
    fx *f = *state;
    assert_non_null(generate(f, NO_EDITS, EDITS("  extra: ja\n", "  extra: ja\n  duur: ja\n")));
    assert_int_equal(diag_error_count(&f->d), 0);
    assert_int_equal(f->d.count, 1);
    assert_int_equal(f->d.items[0].severity, DIAG_WARNING);
    assert_int_equal(f->d.items[0].line, at(f->region_src, "duur: ja").line);
    assert_non_null(strstr(f->d.items[0].message, "'duur' is niet optioneel"));
}

static void test_error_number_out_of_bounds(void **state)
{
    fx *f = *state;
    assert_null(generate(f, NO_EDITS, WITH_VALUE("  vergaderingen: 13\n")));
    expect_error(&f->d, "13 ligt buiten de grenzen van veld 'vergaderingen': van 2 tot en met 12",
                 at(f->region_src, "13\n"), NULL);
}

static void test_error_number_below_min(void **state)
{
    fx *f = *state;
    assert_null(generate(f, NO_EDITS, WITH_VALUE("  vergaderingen: 1\n")));
    find_diag(&f->d, "1 ligt buiten de grenzen van veld 'vergaderingen'");
}

static void test_error_number_wrong_type(void **state)
{
    fx *f = *state;
    assert_null(generate(f, NO_EDITS, WITH_VALUE("  vergaderingen: vier\n")));
    expect_error(&f->d, "'vier' is geen geheel getal (veld 'vergaderingen')",
                 at(f->region_src, "vier"), "geheel getal");
}

static void test_error_list_for_scalar_field(void **state)
{
    fx *f = *state;
    assert_null(generate(f, NO_EDITS, WITH_VALUE("  vergaderingen:\n    - 4\n")));
    expect_error(&f->d, "veld 'vergaderingen' verwacht één waarde (getal), geen lijst",
                 at(f->region_src, "- 4\n"), NULL);
}

static void test_error_scalar_for_list_field(void **state)
{
    fx *f = *state;
    assert_null(generate(f, NO_EDITS,
                         EDITS("  diensten:\n    - Nazorg ex-gedetineerden\n",
                               "  diensten: Nazorg ex-gedetineerden\n",
                               "    - Radicaliseringsoverleg\n", "")));
    expect_error(&f->d, "veld 'diensten' verwacht een lijst", at(f->region_src, "Nazorg"), "'- '");
}

static void test_error_invalid_date(void **state)
{
    fx *f = *state;
    assert_null(generate(f, NO_EDITS, EDITS("ingang: 2026-02-01", "ingang: 2026-02-30")));
    expect_error(&f->d, "'2026-02-30' is geen geldige datum (veld 'ingang')",
                 at(f->region_src, "2026-02-30"), "JJJJ-MM-DD");
}

/* Regression test (generator/assemble.c, fill_fields): a required field whose value
 * is given but invalid is also reported as missing ("verplicht veld
 * 'ingang' (datum) ontbreekt"), a second, misleading error. */
static void test_error_invalid_required_value_reported_once(void **state)
{
    fx *f = *state;
    assert_null(generate(f, NO_EDITS, EDITS("ingang: 2026-02-01", "ingang: 2026-02-30")));
    assert_int_equal(count_diags(&f->d, "ontbreekt"), 0);
    assert_int_equal(diag_error_count(&f->d), 1);
}

static void test_error_unknown_choice(void **state)
{
    fx *f = *state;
    assert_null(generate(f, NO_EDITS, WITH_VALUE("  besluit: loting\n")));
    expect_error(&f->d, "'loting' is geen keuze van veld 'besluit'", at(f->region_src, "loting"),
                 "Mogelijk: 'unaniem', 'meerderheid'.");
}

/* Regression test (generator/assemble.c, render_scalar, FIELD_CHOICE): in
 * `best ? asprintf(..) : asprintf(..) < 0` the "< 0" binds to the second
 * call only, so with a suggestion the test is asprintf's length (true),
 * the hint is set to NULL and the string asprintf made leaks. */
static void test_error_unknown_choice_suggests(void **state)
{
    fx *f = *state;
    assert_null(generate(f, NO_EDITS, WITH_VALUE("  besluit: unaniemm\n")));
    expect_error(&f->d, "'unaniemm' is geen keuze van veld 'besluit'",
                 at(f->region_src, "unaniemm"),
                 "Bedoelde u 'unaniem'? Mogelijk: 'unaniem', 'meerderheid'.");
}

static void test_error_manager_not_a_member(void **state)
{
    fx *f = *state;
    assert_null(generate(
        f, NO_EDITS, EDITS("beheerorganisatie: Gemeente Aa", "beheerorganisatie: Gemeente Ab")));
    expect_error(&f->d, "'Gemeente Ab' (veld 'beheerorganisatie') is geen van de Deelnemers",
                 at(f->region_src, "Gemeente Ab"), "Bedoelde u 'Gemeente Aa'?");
}

static void test_error_builtin_field_under_velden(void **state)
{
    fx *f = *state;
    assert_null(generate(f, NO_EDITS, WITH_VALUE("  plaats: Utrecht\n")));
    expect_error(&f->d, "veld 'plaats' vult u niet onder 'velden'",
                 at(f->region_src, "plaats: Utrecht"), NULL);
}

static void test_errors_all_reported(void **state)
{
    fx *f = *state;
    assert_null(generate(f, NO_EDITS,
                         EDITS("  ingang: 2026-02-01\n",
                               "  ingang: 2026-02-01\n  vergaderingen: 99\n  onbekend: x\n",
                               "  extra: ja\n", "  extra: misschien\n")));
    assert_int_equal(diag_error_count(&f->d), 3);
    find_diag(&f->d, "99 ligt buiten");
    find_diag(&f->d, "onbekend veld 'onbekend'");
    find_diag(&f->d, "kies ja of nee voor artikel 'extra'");
}

static void test_error_reference_into_omitted_article(void **state)
{
    fx *f = *state;
    assert_null(
        generate(f, EDITS(UNGUARD_DIENSTEN_REF), EDITS("  diensten: ja\n", "  diensten: nee\n")));
    char *msg;
    assert_true(
        asprintf(&msg,
                 "artikel 'diensten' wordt weggelaten, maar de tekst op %s:%d verwijst ernaar "
                 "met '{{art:diensten}}'",
                 f->model_path, at(f->model_src, "{{art:diensten}}.").line) > 0);
    expect_error(&f->d, msg, at(f->region_src, "diensten: nee"), "Neem het artikel op");
    free(msg);
    expect_error(&f->d,
                 "begrip 'Regionale Diensten' wordt gebruikt, maar de definitie ervan valt weg",
                 at(f->model_src, "[[Regionale Diensten]] worden"), NULL);
    assert_int_equal(diag_error_count(&f->d), 2);
}

static int no_empty_list(doc_node *n, doc_event ev, void *ctx)
{
    (void)ctx;
    return ev == DOC_ENTER && n->kind == DOC_LIST && !n->first;
}

/* Regression test (generator/assemble.c, fillable/item_included): model/README.md
 * says an optional field without value leaves out the lid or onderdeel
 * in which it stands, but a lid with `lijst: FIELD` of such a field is
 * kept with an empty DOC_LIST ("Het Bureau voert deze Regionale
 * Diensten uit:" followed by nothing), here and in bijlage 2. */
static void test_assemble_unfilled_list_field_leaves_no_empty_list(void **state)
{
    fx *f = *state;
    doc_node *doc = generate_ok(f, NO_EDITS,
                                EDITS("  diensten:\n    - Nazorg ex-gedetineerden\n"
                                      "    - Radicaliseringsoverleg\n",
                                      ""));
    assert_int_equal(doc_walk(doc, no_empty_list, NULL), 0);
    assert_outline(article(doc, "diensten"), DOC_LID, "- Zie ook artikel" NBSP
                                "3, tweede lid, onder a.");
}

/* ==== region_load and region_slug ===================================== */

static void test_region_loads(void **state)
{
    fx *f = *state;
    region *r = load_region(f, NO_EDITS);
    assert_int_equal(f->d.count, 0);
    assert_int_equal(r->n_members, 2);
    assert_string_equal(r->members[0].soort, "gemeente");
    assert_string_equal(r->members[1].soort, "stichting");
    assert_string_equal(r->members[1].signer_name, "!!str <b>B</b>");
    assert_string_equal(r->sign_date, "2026-01-15");
    assert_int_equal(r->n_choices, 2);
    assert_int_equal(r->n_values, 4);
    assert_true(r->values[2].is_list);
    assert_int_equal(r->values[2].n_items, 3);
    assert_int_equal(r->values[2].item_pos[1].line, at(f->region_src, "- Gemeente Bee").line);
    assert_string_equal(r->texts[0].text, "Sinds 2009 <samen> & verder.");
    assert_null(r->slug);
}

static void expect_slug(const char *name, const char *slug, const char *expected)
{
    region r = {.name = (char *)name, .slug = (char *)slug};
    char *got = region_slug(&r);
    assert_non_null(got);
    assert_string_equal(got, expected);
    free(got);
}

static void test_region_slug(void **state)
{
    (void)state;
    expect_slug("'s-Hertogenbosch", NULL, "s-hertogenbosch");
    expect_slug("Súdwest-Fryslân", NULL, "sudwest-fryslan");
    expect_slug("Testregio & <Omstreken>", NULL, "testregio-omstreken");
    expect_slug("  Zorg- en Veiligheidshuis   IJssel!", NULL, "zorg-en-veiligheidshuis-ijssel");
    expect_slug("Noord-Veluwe 2", NULL, "noord-veluwe-2");
    expect_slug("€ ∞", NULL, "regio");
    expect_slug(NULL, NULL, "regio");
}

static void test_region_slug_bestandsnaam_wins(void **state)
{
    (void)state;
    expect_slug("'s-Hertogenbosch", "den-bosch", "den-bosch");
}

static void test_region_bad_bestandsnaam(void **state)
{
    fx *f = *state;
    load_region(f, EDITS("beheerorganisatie:", "bestandsnaam: noord_veluwe\nbeheerorganisatie:"));
    expect_error(&f->d, "'bestandsnaam' bevat het teken '_'", at(f->region_src, "noord_veluwe"),
                 "kleine letters");
}

static void test_region_unknown_key_suggests(void **state)
{
    fx *f = *state;
    load_region(f, EDITS("beheerorganisatie:", "beheerorganisatei:"));
    expect_error(&f->d, "onbekende sleutel 'beheerorganisatei' in het regiobestand",
                 at(f->region_src, "beheerorganisatei"), "Bedoelde u 'beheerorganisatie'?");
}

static void test_region_invalid_signing_date(void **state)
{
    fx *f = *state;
    region *r = load_region(f, EDITS("datum: 2026-01-15", "datum: 2025-02-29"));
    expect_error(&f->d, "'2025-02-29' is geen geldige datum", at(f->region_src, "2025-02-29"),
                 NULL);
    assert_null(r->sign_date);
}

/* A file from before soorten names the lid itself: say what replaced it. */
static void test_region_old_wgs_key(void **state)
{
    fx *f = *state;
    load_region(f, EDITS("soort: stichting", "wgs: tweede lid"));
    expect_error(&f->d, "'wgs' is vervangen door 'soort'", at(f->region_src, "wgs: tweede lid"),
                 "soort: burgemeester");
}

static void test_region_duplicate_member(void **state)
{
    fx *f = *state;
    load_region(f,
                EDITS("naam: \"Stichting {{veld:zvh_naam}} [[Deelnemer]]\"", "naam: Gemeente Aa"));
    expect_error(&f->d, "Deelnemer 'Gemeente Aa' staat twee keer in de lijst",
                 at(f->region_src, "naam: Gemeente Aa\n    soort: stichting"), NULL);
}

/* ==== main ============================================================ */

static int group_teardown(void **state)
{
    (void)state;
    markup_done();
    return 0;
}

#define T(t) cmocka_unit_test_setup_teardown(t, fx_setup, fx_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_markup_token_kinds),
        cmocka_unit_test(test_markup_ref_split),
        cmocka_unit_test(test_markup_spaces_inside_braces),
        cmocka_unit_test(test_markup_plain_text),
        cmocka_unit_test(test_markup_unknown_kind),
        cmocka_unit_test(test_markup_stray_braces),
        cmocka_unit_test(test_markup_column_counts_characters),
        cmocka_unit_test(test_markup_too_many_ref_parts),
        cmocka_unit_test(test_markup_empty_id),
        cmocka_unit_test(test_markup_multiline_reports_scalar_start),
        cmocka_unit_test(test_markup_count_alternatives),
        cmocka_unit_test(test_markup_count_error_inside_a_wording),
        cmocka_unit_test(test_markup_count_malformed),
        cmocka_unit_test(test_dutch_ordinals),
        cmocka_unit_test(test_dutch_quantity),
        cmocka_unit_test(test_dutch_parse_date),
        cmocka_unit_test(test_dutch_parse_date_digits_only),
        cmocka_unit_test(test_dutch_format_date),
        cmocka_unit_test(test_dutch_letters),
        cmocka_unit_test(test_suggest),
        T(test_mini_model_is_clean),
        T(test_model_loads_structure),
        T(test_check_unknown_field_in_text),
        T(test_check_unused_field),
        T(test_check_term_without_brackets),
        T(test_check_term_inside_word_is_fine),
        T(test_check_unguarded_reference),
        T(test_check_unguarded_reference_needs_all_combinations),
        T(test_check_term_used_only_under_a_condition),
        T(test_check_term_with_the_condition_of_its_uses),
        T(test_check_reference_to_missing_lid),
        T(test_check_count_unknown_counter_and_wordings),
        T(test_check_count_wordings_are_checked),
        T(test_assemble_count_by_the_deelnemers),
        T(test_assemble_count_two_of_the_eerste_lid),
        T(test_assemble_count_of_one),
        T(test_assemble_count_drops_only_the_chosen_wording),
        T(test_assemble_count_while_the_deelnemers_are_open),
        T(test_check_duplicate_article_id),
        T(test_load_unknown_key_suggests),
        T(test_load_bad_markup_position_in_quoted_scalar),
        T(test_load_position_after_single_quote_escape),
        T(test_assemble_articles_in_order),
        T(test_assemble_references_resolved),
        T(test_assemble_references_in_the_plural),
        T(test_assemble_references_in_own_article_and_to_several_onderdelen),
        T(test_check_reference_to_missing_onderdeel_in_a_list),
        T(test_assemble_leden_and_onderdelen),
        T(test_check_alternatives_need_a_place_for_every_value),
        T(test_check_alternatives_with_a_default_are_one_place),
        T(test_assemble_model_numbering_keeps_lid_and_onderdeel_numbers),
        T(test_assemble_model_numbering_alternatives_share_a_number),
        T(test_assemble_field_types_rendered),
        T(test_assemble_extra_nee_renumbers),
        T(test_assemble_diensten_nee_drops_everything_of_it),
        T(test_assemble_part_without_articles_is_dropped),
        T(test_assemble_choice_condition),
        T(test_assemble_optional_field_adds_lid),
        T(test_assemble_missing_regional_text_drops_onderdeel),
        T(test_assemble_regional_text),
        T(test_assemble_blank_line_starts_a_further_paragraph),
        T(test_assemble_further_paragraphs_come_before_the_list),
        T(test_error_blank_line_inside_a_sentence),
        T(test_a_sentence_may_run_on_without_a_blank_line),
        T(test_assemble_parties_and_signatures),
        T(test_assemble_meta),
        T(test_assemble_timestamp_option),
        T(test_assemble_values_are_data),
        T(test_assemble_unfilled_list_field_leaves_no_empty_list),
        T(test_error_unknown_field),
        T(test_missing_required_field_is_open_in_a_concept),
        T(test_error_missing_required_field),
        T(test_empty_values_are_placeholders),
        T(test_definitive_reports_every_open_value),
        T(test_declarations_blank_and_per_organisation),
        T(test_declaration_on_demand),
        T(test_error_fill_line_without_the_fill_line),
        T(test_error_per_names_no_list_field),
        T(test_error_unknown_optional_article),
        T(test_error_mandatory_article_nee),
        T(test_warning_mandatory_article_ja),
        T(test_error_number_out_of_bounds),
        T(test_error_number_below_min),
        T(test_error_number_wrong_type),
        T(test_error_list_for_scalar_field),
        T(test_error_scalar_for_list_field),
        T(test_error_invalid_date),
        T(test_error_invalid_required_value_reported_once),
        T(test_error_unknown_choice),
        T(test_error_unknown_choice_suggests),
        T(test_error_manager_not_a_member),
        T(test_error_builtin_field_under_velden),
        T(test_errors_all_reported),
        T(test_error_reference_into_omitted_article),
        T(test_region_loads),
        cmocka_unit_test(test_region_slug),
        cmocka_unit_test(test_region_slug_bestandsnaam_wins),
        T(test_region_bad_bestandsnaam),
        T(test_region_unknown_key_suggests),
        T(test_region_invalid_signing_date),
        T(test_region_old_wgs_key),
        T(test_region_duplicate_member),
    };
    return cmocka_run_group_tests_name("engine", tests, NULL, group_teardown) ? 1 : 0;
}
