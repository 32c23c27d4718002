/* Unit tests of the links pass: which addresses in field values and
 * regional text become DOC_LINK nodes, with which target, and what stays
 * text around them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "links.h"

/* The paragraph's inline children after the pass, as "kind:text" joined
 * by "|", a link as "link:text>href". */
static char *linked(doc_kind kind, const char *text)
{
    doc_node *p = doc_new(DOC_PARAGRAPH);
    assert_non_null(p);
    doc_node *n = doc_new_inline(kind, text, strlen(text));
    assert_non_null(n);
    assert_int_equal(doc_set(&n->id, "contact"), 0);
    doc_append(p, n);
    assert_int_equal(links_apply(&p, 1), 0);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    for (doc_node *c = p->first; c; c = c->next) {
        /* every piece keeps the value's id */
        assert_string_equal(c->id, "contact");
        if (c->kind == DOC_LINK) {
            assert_int_equal(c->number, kind);
            fprintf(f, "%slink:%s>%s", c == p->first ? "" : "|", c->text, c->href);
        } else {
            assert_int_equal(c->kind, kind);
            fprintf(f, "%s%s", c == p->first ? "" : "|", c->text);
        }
    }
    fclose(f);
    doc_free(p);
    return buf;
}

static void assert_linked(doc_kind kind, const char *text, const char *want)
{
    char *got = linked(kind, text);
    assert_string_equal(got, want);
    free(got);
}

static void test_addresses_become_links(void **state)
{
    (void)state;
    assert_linked(DOC_FIELD, "Postbus 1, Tiel, privacy@zvh-tiel.nl.",
                  "Postbus 1, Tiel, |link:privacy@zvh-tiel.nl>mailto:privacy@zvh-tiel.nl|.");
    assert_linked(DOC_FIELD, "<info@zvh.nl> of www.zvh.nl/contact.",
                  "<|link:info@zvh.nl>mailto:info@zvh.nl|> of "
                  "|link:www.zvh.nl/contact>https://www.zvh.nl/contact|.");
    assert_linked(DOC_REGIONAL, "via https://aanmelden.zvh.nl/form?a=1&b=2 (portaal)",
                  "via |link:https://aanmelden.zvh.nl/form?a=1&b=2>"
                  "https://aanmelden.zvh.nl/form?a=1&b=2| (portaal)");
    assert_linked(DOC_FIELD, "http://zvh.nl", "link:http://zvh.nl>http://zvh.nl");
    assert_linked(DOC_FIELD, "f.de.vries+zvh@gemeente-tiel.nl",
                  "link:f.de.vries+zvh@gemeente-tiel.nl>mailto:f.de.vries+zvh@gemeente-tiel.nl");
}

static void test_what_is_no_address_stays_text(void **state)
{
    (void)state;
    const char *plain[] = {"het Bureau @ Tiel", "naam@",  "@zvh.nl",       "a@b", "wwwzvh.nl",
                           "zie artikel 2.27",  "e-mail", "versie 1.2.nl", ""};
    for (size_t i = 0; i < sizeof plain / sizeof *plain; i++)
        assert_linked(DOC_FIELD, plain[i], plain[i]);
}

static void test_model_text_is_not_searched(void **state)
{
    (void)state;
    doc_node *p = doc_new(DOC_PARAGRAPH);
    assert_non_null(p);
    doc_node *n = doc_new_inline(DOC_TEXT, "mail naar info@zvh.nl", 21);
    assert_non_null(n);
    doc_append(p, n);
    assert_int_equal(links_apply(&p, 1), 0);
    assert_ptr_equal(p->first, n);
    assert_null(n->next);
    doc_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_addresses_become_links),
        cmocka_unit_test(test_what_is_no_address_stays_text),
        cmocka_unit_test(test_model_text_is_not_searched),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
