/* The ODT writer: package layout, reproducibility, escaping, headings,
 * the style contract between content.xml and styles.xml, and validity of
 * every part against the OASIS ODF 1.3 RELAX NG schemas. Run from the
 * repository root, where tests/schemas/ is found. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <zip.h>

#include "fixtures.h"
#include "output.h"

#define SCHEMA_DIR      "tests/schemas/odf-1.3/"
#define ODF_SCHEMA      SCHEMA_DIR "OpenDocument-v1.3-schema.rng"
#define MANIFEST_SCHEMA SCHEMA_DIR "OpenDocument-v1.3-manifest-schema.rng"
#define MIMETYPE        "application/vnd.oasis.opendocument.text"

/* Parsed once: the ODF schema is large. */
static xmlRelaxNGPtr odf_schema, manifest_schema;

/* ---- helpers ---- */

static void render(const doc_node *d, out_buf *out)
{
    diag_list dl = {0};
    int rc = odt_render(d, out, &dl);
    if (rc)
        diag_print(&dl, stderr);
    assert_int_equal(rc, 0);
    assert_int_equal(dl.count, 0);
    assert_non_null(out->data);
    diag_free(&dl);
}

static void render_fixture(out_buf *out)
{
    doc_node *d = fixture_document();
    assert_non_null(d);
    render(d, out);
    doc_free(d);
}

static zip_t *open_zip(const out_buf *odt)
{
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t *src = zip_source_buffer_create(odt->data, odt->len, 0, &err);
    assert_non_null(src);
    zip_t *z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
    if (!z)
        zip_source_free(src);
    zip_error_fini(&err);
    assert_non_null(z);
    return z;
}

/* The member's bytes, NUL-terminated for strstr; caller frees. */
static char *read_member(const out_buf *odt, const char *name, size_t *len)
{
    zip_t *z = open_zip(odt);
    zip_stat_t st;
    assert_int_equal(zip_stat(z, name, 0, &st), 0);
    char *data = malloc(st.size + 1);
    assert_non_null(data);
    zip_file_t *f = zip_fopen(z, name, 0);
    assert_non_null(f);
    assert_int_equal(zip_fread(f, data, st.size), (zip_int64_t)st.size);
    zip_fclose(f);
    zip_discard(z);
    data[st.size] = '\0';
    if (len)
        *len = st.size;
    return data;
}

static xmlDocPtr parse_member(const out_buf *odt, const char *name)
{
    size_t len;
    char *data = read_member(odt, name, &len);
    xmlDocPtr x = xmlReadMemory(data, (int)len, name, NULL, XML_PARSE_NONET);
    free(data);
    assert_non_null(x);
    return x;
}

static xmlXPathContextPtr xpath_context(xmlDocPtr x)
{
    static const char *const ns[][2] = {
        {"office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0"},
        {"style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0"},
        {"text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0"},
        {"fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"},
        {"meta", "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"},
        {"dc", "http://purl.org/dc/elements/1.1/"},
        {"manifest", "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"},
    };
    xmlXPathContextPtr ctx = xmlXPathNewContext(x);
    assert_non_null(ctx);
    for (size_t i = 0; i < sizeof ns / sizeof *ns; i++)
        assert_int_equal(xmlXPathRegisterNs(ctx, BAD_CAST ns[i][0], BAD_CAST ns[i][1]), 0);
    return ctx;
}

static xmlXPathObjectPtr xpath(xmlXPathContextPtr ctx, const char *expr)
{
    xmlXPathObjectPtr r = xmlXPathEvalExpression(BAD_CAST expr, ctx);
    assert_non_null(r);
    return r;
}

static int node_count(xmlXPathObjectPtr r)
{
    return r->nodesetval ? r->nodesetval->nodeNr : 0;
}

/* The string value of an XPath expression; caller frees. */
static char *xpath_string(xmlDocPtr x, const char *expr)
{
    xmlXPathContextPtr ctx = xpath_context(x);
    xmlXPathObjectPtr r = xpath(ctx, expr);
    char *s = (char *)xmlXPathCastToString(r);
    xmlXPathFreeObject(r);
    xmlXPathFreeContext(ctx);
    assert_non_null(s);
    return s;
}

static void assert_xpath_string(xmlDocPtr x, const char *expr, const char *want)
{
    char *got = xpath_string(x, expr);
    if (strcmp(got, want) != 0)
        fprintf(stderr, "%s: got \"%s\", want \"%s\"\n", expr, got, want);
    assert_string_equal(got, want);
    xmlFree(got);
}

static int validates(xmlRelaxNGPtr schema, xmlDocPtr x)
{
    xmlRelaxNGValidCtxtPtr v = xmlRelaxNGNewValidCtxt(schema);
    assert_non_null(v);
    int rc = xmlRelaxNGValidateDoc(v, x);
    xmlRelaxNGFreeValidCtxt(v);
    return rc;
}

typedef struct {
    char *name, *family;
} style_ref;

/* Every (style-name, family) that content.xml uses; text:span refers to
 * a character style, text:p and text:h to a paragraph style. */
static size_t used_styles(xmlDocPtr x, style_ref *out, size_t cap)
{
    xmlXPathContextPtr ctx = xpath_context(x);
    xmlXPathObjectPtr r = xpath(ctx, "//@*[local-name()='style-name']");
    size_t n = 0;
    for (int i = 0; i < node_count(r); i++) {
        xmlAttrPtr a = (xmlAttrPtr)r->nodesetval->nodeTab[i];
        const char *el = (const char *)a->parent->name;
        assert_true(n < cap);
        out[n].name = (char *)xmlNodeGetContent((xmlNodePtr)a);
        out[n].family = strcmp(el, "span") == 0 ? "text" : "paragraph";
        assert_true(strcmp(el, "span") == 0 || strcmp(el, "p") == 0 || strcmp(el, "h") == 0);
        n++;
    }
    xmlXPathFreeObject(r);
    xmlXPathFreeContext(ctx);
    return n;
}

static int style_defined(xmlDocPtr styles, const char *name, const char *family)
{
    char expr[512];
    snprintf(expr, sizeof expr,
             "count(/office:document-styles/office:styles/style:style"
             "[@style:name='%s' and @style:family='%s'])",
             name, family);
    char *s = xpath_string(styles, expr);
    int found = strcmp(s, "1") == 0;
    xmlFree(s);
    return found;
}

/* Every style content.xml names is defined in styles.xml, for the
 * family its element needs. */
static void assert_style_contract(const out_buf *odt)
{
    xmlDocPtr c = parse_member(odt, "content.xml");
    xmlDocPtr s = parse_member(odt, "styles.xml");
    style_ref used[256];
    size_t n = used_styles(c, used, 256);
    for (size_t i = 0; i < n; i++) {
        if (!style_defined(s, used[i].name, used[i].family))
            fprintf(stderr, "style %s (%s) used but not defined\n", used[i].name, used[i].family);
        assert_true(style_defined(s, used[i].name, used[i].family));
        xmlFree(used[i].name);
    }
    /* The contract holds by name alone: content.xml has no styles of its
     * own to fall back on. */
    assert_xpath_string(c, "count(//office:automatic-styles/*)", "0");
    xmlFreeDoc(c);
    xmlFreeDoc(s);
}

static void assert_valid_odt(const out_buf *odt)
{
    static const char *const parts[] = {"content.xml", "styles.xml", "meta.xml"};
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
        xmlDocPtr x = parse_member(odt, parts[i]);
        assert_int_equal(validates(odf_schema, x), 0);
        xmlFreeDoc(x);
    }
    xmlDocPtr m = parse_member(odt, "META-INF/manifest.xml");
    assert_int_equal(validates(manifest_schema, m), 0);
    xmlFreeDoc(m);
    assert_style_contract(odt);
}

static doc_node *minimal_document(void)
{
    doc_node *d = doc_new_document();
    assert_non_null(d);
    d->meta->timestamp = 1768478400;
    return d;
}

static doc_node *add_child(doc_node *parent, doc_kind kind, const char *label, const char *title)
{
    doc_node *n = doc_new(kind);
    assert_non_null(n);
    assert_int_equal(doc_set(&n->label, label), 0);
    assert_int_equal(doc_set(&n->title, title), 0);
    doc_append(parent, n);
    return n;
}

static void add_text(doc_node *parent, doc_kind kind, const char *text)
{
    doc_node *n = doc_new_inline(kind, text, strlen(text));
    assert_non_null(n);
    doc_append(parent, n);
}

/* ---- package ---- */

static void test_mimetype_first_and_stored(void **state)
{
    (void)state;
    out_buf odt;
    render_fixture(&odt);

    /* What `file` and ODF readers check: a local header at 0 whose name
     * is "mimetype", stored (method 0), no extra field, the media type
     * right after the name at offset 38. */
    size_t n = strlen(MIMETYPE);
    assert_true(odt.len > 38 + n);
    assert_memory_equal(odt.data, "PK\x03\x04", 4);
    assert_int_equal(odt.data[8] | odt.data[9] << 8, 0);
    assert_int_equal(odt.data[26] | odt.data[27] << 8, 8);
    assert_int_equal(odt.data[28] | odt.data[29] << 8, 0);
    assert_memory_equal(odt.data + 30, "mimetype", 8);
    assert_memory_equal(odt.data + 38, MIMETYPE, n);

    zip_t *z = open_zip(&odt);
    assert_string_equal(zip_get_name(z, 0, 0), "mimetype");
    zip_stat_t st;
    assert_int_equal(zip_stat_index(z, 0, 0, &st), 0);
    assert_int_equal(st.comp_method, ZIP_CM_STORE);
    assert_int_equal(st.size, n);
    zip_discard(z);

    size_t len;
    char *mt = read_member(&odt, "mimetype", &len);
    assert_int_equal(len, n);
    assert_string_equal(mt, MIMETYPE);
    free(mt);
    out_buf_free(&odt);
}

static void test_members_in_fixed_order(void **state)
{
    (void)state;
    static const char *const want[] = {"mimetype", "content.xml", "styles.xml", "meta.xml",
                                       "META-INF/manifest.xml"};
    out_buf odt;
    render_fixture(&odt);
    zip_t *z = open_zip(&odt);
    assert_int_equal(zip_get_num_entries(z, 0), 5);
    for (zip_uint64_t i = 0; i < 5; i++) {
        assert_string_equal(zip_get_name(z, i, 0), want[i]);
        zip_stat_t st;
        assert_int_equal(zip_stat_index(z, i, 0, &st), 0);
        assert_int_equal(st.mtime, 1768478400);
        if (i > 0)
            assert_int_equal(st.comp_method, ZIP_CM_DEFLATE);
    }
    zip_discard(z);
    out_buf_free(&odt);
}

static void test_same_tree_same_bytes(void **state)
{
    (void)state;
    out_buf a, b;
    render_fixture(&a);
    render_fixture(&b);
    assert_int_equal(a.len, b.len);
    assert_memory_equal(a.data, b.data, a.len);
    out_buf_free(&a);
    out_buf_free(&b);
}

static void test_rejects_non_document(void **state)
{
    (void)state;
    diag_list dl = {0};
    out_buf out = {(unsigned char *)"x", 1};
    doc_node *p = doc_new(DOC_PARAGRAPH);
    assert_int_equal(odt_render(p, &out, &dl), -1);
    assert_null(out.data);
    assert_int_equal(out.len, 0);
    assert_true(diag_has_system_error(&dl));
    assert_int_equal(odt_render(NULL, &out, &dl), -1);
    assert_int_equal(dl.count, 2);
    doc_free(p);
    diag_free(&dl);
}

/* ---- content ---- */

static void test_content_escapes_text(void **state)
{
    (void)state;
    out_buf odt;
    render_fixture(&odt);
    char *c = read_member(&odt, "content.xml", NULL);
    assert_non_null(strstr(c, "Zorg &amp; Veiligheid 's-Hertogenbosch"));
    assert_non_null(strstr(c, "Gemeente &lt;Súdwest-Fryslân&gt; &amp; "));
    assert_non_null(strstr(c, "Regionale tekst met &lt;tags&gt; &amp; ]]&gt; en 'quotes'."));
    /* Placeholder syntax is model text by now and printed literally. */
    assert_non_null(strstr(c, "tweede niveau {{veld:x}} [[Term]]"));
    assert_null(strstr(c, "<tags>"));
    assert_null(strstr(c, "loext:"));
    assert_non_null(strstr(c, "office:version=\"1.3\""));
    free(c);
    /* Read back, the text is exactly what the tree holds. */
    xmlDocPtr x = parse_member(&odt, "content.xml");
    assert_xpath_string(x, "count(//text:p[. = '1.Gemeente <Súdwest-Fryslân> & \"partners\"'])",
                        "1");
    assert_xpath_string(x, "string(//text:span[@text:style-name='Regionaal'])",
                        "Regionale tekst met <tags> & ]]> en 'quotes'.");
    xmlFreeDoc(x);
    out_buf_free(&odt);
}

static void test_headings_have_outline_levels(void **state)
{
    (void)state;
    static const struct {
        const char *level, *text;
    } want[] = {
        {"1", "Partijen"},
        {"1", "Deel A Overwegingen, definities en doel"},
        {"2", "Artikel 1 Definities"},
        {"1", "Deel B Structuur"},
        {"2", "Artikel 2 De Stuurgroep"},
        {"1", "Ondertekening"},
        {"1", "Bijlage 1 Model geheimhoudingsverklaring"},
    };
    out_buf odt;
    render_fixture(&odt);
    xmlDocPtr x = parse_member(&odt, "content.xml");
    xmlXPathContextPtr ctx = xpath_context(x);
    xmlXPathObjectPtr r = xpath(ctx, "//text:h");
    assert_int_equal(node_count(r), sizeof want / sizeof *want);
    for (int i = 0; i < node_count(r); i++) {
        xmlNodePtr h = r->nodesetval->nodeTab[i];
        xmlChar *level = xmlGetNsProp(h, BAD_CAST "outline-level",
                                      BAD_CAST "urn:oasis:names:tc:opendocument:xmlns:text:1.0");
        xmlChar *text = xmlNodeGetContent(h);
        assert_non_null(level);
        assert_string_equal((char *)level, want[i].level);
        assert_string_equal((char *)text, want[i].text);
        xmlFree(level);
        xmlFree(text);
    }
    xmlXPathFreeObject(r);
    xmlXPathFreeContext(ctx);
    xmlFreeDoc(x);
    out_buf_free(&odt);
}

/* Exact XML of the small parts, as libxlsxwriter's tests do. */
static void test_lid_and_item_paragraphs(void **state)
{
    (void)state;
    out_buf odt;
    render_fixture(&odt);
    char *c = read_member(&odt, "content.xml", NULL);
    assert_non_null(strstr(c, "<text:h text:style-name=\"Heading_20_2\" "
                              "text:outline-level=\"2\">Artikel 2 De Stuurgroep</text:h>"));
    assert_non_null(strstr(c, "<text:p text:style-name=\"Lid\">1.<text:tab/>"
                              "De Stuurgroep vergadert 4 keer per jaar.</text:p>"));
    assert_non_null(strstr(c, "<text:p text:style-name=\"Lid\">2.<text:tab/>"
                              "<text:span text:style-name=\"Regionaal\">Regionale tekst"));
    /* A lid without a label gets neither label nor tab. */
    assert_non_null(strstr(c, "<text:p text:style-name=\"Lid_20_zonder_20_nummer\">"
                              "In deze afspraken wordt verstaan onder:</text:p>"));
    /* A bullet item is marked with an en dash. */
    assert_non_null(strstr(c, "<text:p text:style-name=\"Onderdeel\">\xe2\x80\x93<text:tab/>"
                              "Gemeente Leeuwarden</text:p>"));
    free(c);
    out_buf_free(&odt);
}

static void test_nested_list_follows_parent(void **state)
{
    (void)state;
    out_buf odt;
    render_fixture(&odt);
    char *c = read_member(&odt, "content.xml", NULL);
    const char *item = strstr(c, "<text:p text:style-name=\"Onderdeel\">a.<text:tab/>");
    const char *sub = strstr(c, "<text:p text:style-name=\"Onderdeel_20_2\">1\xc2\xb0<text:tab/>"
                                "tweede niveau");
    assert_non_null(item);
    assert_non_null(sub);
    assert_true(item < sub);
    /* Nothing between the item's paragraph and its nested list. */
    const char *end = strstr(item, "</text:p>");
    assert_ptr_equal(end + strlen("</text:p>"), sub);
    free(c);
    out_buf_free(&odt);
}

static void test_signatory_block(void **state)
{
    (void)state;
    out_buf odt;
    render_fixture(&odt);
    char *c = read_member(&odt, "content.xml", NULL);
    assert_non_null(
        strstr(c, "<text:p text:style-name=\"Ondertekening_20_partij\">Namens Gemeente "
                  "Súdwest-Fryslân</text:p>"
                  "<text:p text:style-name=\"Ondertekening_20_ruimte\"/>"
                  "<text:p text:style-name=\"Ondertekening_20_naam\">J. de Vries</text:p>"
                  "<text:p text:style-name=\"Ondertekening_20_functie\">burgemeester</text:p>"));
    free(c);

    /* All but the last line keep with the next: the block stays on one
     * page. */
    xmlDocPtr s = parse_member(&odt, "styles.xml");
    static const char *const keep[] = {"Ondertekening_20_partij", "Ondertekening_20_ruimte",
                                       "Ondertekening_20_naam"};
    for (size_t i = 0; i < 3; i++) {
        char expr[256];
        snprintf(expr, sizeof expr,
                 "string(//style:style[@style:name='%s']/style:paragraph-properties/"
                 "@fo:keep-with-next)",
                 keep[i]);
        assert_xpath_string(s, expr, "always");
    }
    xmlFreeDoc(s);
    out_buf_free(&odt);
}

static void test_whitespace_survives(void **state)
{
    (void)state;
    doc_node *d = minimal_document();
    doc_node *p = add_child(d, DOC_PARAGRAPH, NULL, NULL);
    add_text(p, DOC_TEXT, " voor\nna\tdan   drie");
    add_text(p, DOC_REGIONAL, " regio\r\neind");
    out_buf odt;
    render(d, &odt);
    char *c = read_member(&odt, "content.xml", NULL);
    assert_non_null(
        strstr(c, "<text:p text:style-name=\"Text_20_body\"><text:s/>voor<text:line-break/>"
                  "na<text:tab/>dan <text:s text:c=\"2\"/>drie"
                  "<text:span text:style-name=\"Regionaal\"> regio<text:line-break/>eind"
                  "</text:span></text:p>"));
    free(c);
    assert_valid_odt(&odt);
    out_buf_free(&odt);
    doc_free(d);
}

/* A further paragraph (DOC_CONTINUATION) has no label and its parent's
 * text indent: its style follows the parent's, and it comes before the
 * parent's list. */
static void test_further_paragraphs_follow_their_block(void **state)
{
    (void)state;
    doc_node *d = minimal_document();
    doc_node *lid = add_child(d, DOC_LID, "1.", NULL);
    add_text(lid, DOC_REGIONAL, "een");
    add_text(add_child(lid, DOC_CONTINUATION, NULL, NULL), DOC_REGIONAL, "twee");
    doc_node *item = add_child(add_child(lid, DOC_LIST, NULL, NULL), DOC_ITEM, "a.", NULL);
    add_text(item, DOC_TEXT, "drie");
    doc_node *sub = add_child(add_child(item, DOC_LIST, NULL, NULL), DOC_ITEM, "1\u00b0", NULL);
    add_text(sub, DOC_TEXT, "vier");
    add_text(add_child(sub, DOC_CONTINUATION, NULL, NULL), DOC_TEXT, "vijf");
    doc_node *single = add_child(d, DOC_LID, NULL, NULL);
    add_text(single, DOC_TEXT, "zes");
    add_text(add_child(single, DOC_CONTINUATION, NULL, NULL), DOC_TEXT, "zeven");
    out_buf odt;
    render(d, &odt);
    char *c = read_member(&odt, "content.xml", NULL);
    assert_non_null(strstr(
        c, "<text:p text:style-name=\"Lid\">1.<text:tab/><text:span text:style-name=\"Regionaal\">"
           "een</text:span></text:p><text:p text:style-name=\"Lid_20_vervolg\"><text:span "
           "text:style-name=\"Regionaal\">twee</text:span></text:p>"
           "<text:p text:style-name=\"Onderdeel\">a.<text:tab/>drie</text:p>"));
    assert_non_null(strstr(c, "vier</text:p><text:p text:style-name=\"Onderdeel_20_2_20_vervolg\">"
                              "vijf</text:p>"));
    assert_non_null(strstr(c, "<text:p text:style-name=\"Lid_20_zonder_20_nummer\">zes</text:p>"
                              "<text:p text:style-name=\"Lid_20_zonder_20_nummer\">zeven</text:p>"));
    free(c);
    assert_valid_odt(&odt);
    out_buf_free(&odt);
    doc_free(d);
}

/* Deeper headings and lists than styles exist for reuse the deepest
 * style but keep their true outline level. */
static void test_deep_levels_clamp_to_deepest_style(void **state)
{
    (void)state;
    doc_node *d = minimal_document();
    doc_node *h = add_child(d, DOC_HEADING, NULL, "Diep");
    h->number = 5;
    doc_node *parent = d;
    for (int i = 0; i < 5; i++) {
        doc_node *list = add_child(parent, DOC_LIST, NULL, NULL);
        parent = add_child(list, DOC_ITEM, "x.", NULL);
        add_text(parent, DOC_TEXT, "niveau");
    }
    out_buf odt;
    render(d, &odt);
    char *c = read_member(&odt, "content.xml", NULL);
    assert_non_null(strstr(c, "<text:h text:style-name=\"Heading_20_3\" "
                              "text:outline-level=\"5\">Diep</text:h>"));
    const char *p = c;
    static const char *const styles[] = {"Onderdeel", "Onderdeel_20_2", "Onderdeel_20_3",
                                         "Onderdeel_20_3", "Onderdeel_20_3"};
    for (size_t i = 0; i < 5; i++) {
        char want[128];
        snprintf(want, sizeof want, "<text:p text:style-name=\"%s\">x.", styles[i]);
        p = strstr(p, want);
        assert_non_null(p);
        p++;
    }
    free(c);
    assert_valid_odt(&odt);
    out_buf_free(&odt);
    doc_free(d);
}

/* ---- styles ---- */

static void test_used_styles_are_defined(void **state)
{
    (void)state;
    out_buf odt;
    render_fixture(&odt);
    xmlDocPtr c = parse_member(&odt, "content.xml");
    style_ref used[256];
    size_t n = used_styles(c, used, 256);
    assert_true(n > 10);
    for (size_t i = 0; i < n; i++)
        xmlFree(used[i].name);
    xmlFreeDoc(c);
    assert_style_contract(&odt);
    out_buf_free(&odt);
}

static void test_style_references_resolve(void **state)
{
    (void)state;
    out_buf odt;
    render_fixture(&odt);
    xmlDocPtr s = parse_member(&odt, "styles.xml");
    /* Parents, next styles and the footer's style all exist. */
    assert_xpath_string(
        s,
        "count(//@style:parent-style-name[not(. = //office:styles/style:style/@style:name)]"
        " | //@style:next-style-name[not(. = //office:styles/style:style/@style:name)]"
        " | //text:p/@text:style-name[not(. = //office:styles/style:style/@style:name)])",
        "0");
    /* No name is defined twice. */
    assert_xpath_string(
        s,
        "count(//office:styles/style:style[@style:name = preceding-sibling::style:style/@style:name])",
        "0");
    xmlFreeDoc(s);
    out_buf_free(&odt);
}

static void test_required_styles(void **state)
{
    (void)state;
    static const char *const paragraph[] = {"Standard",
                                            "Text_20_body",
                                            "Title",
                                            "Subtitle",
                                            "Heading_20_1",
                                            "Heading_20_2",
                                            "Lid",
                                            "Onderdeel",
                                            "Onderdeel_20_2",
                                            "Ondertekening",
                                            "Ondertekening_20_partij",
                                            "Ondertekening_20_naam",
                                            "Footer"};
    out_buf odt;
    render_fixture(&odt);
    xmlDocPtr s = parse_member(&odt, "styles.xml");
    for (size_t i = 0; i < sizeof paragraph / sizeof *paragraph; i++)
        assert_true(style_defined(s, paragraph[i], "paragraph"));
    assert_true(style_defined(s, "Regionaal", "text"));
    assert_true(style_defined(s, "Begrip", "text"));
    assert_xpath_string(s,
                        "string(//style:style[@style:name='Heading_20_1']"
                        "/@style:display-name)",
                        "Heading 1");
    /* The lid's label hangs in the indent. */
    assert_xpath_string(s,
                        "string(//style:style[@style:name='Lid']/style:paragraph-properties"
                        "/@fo:text-indent)",
                        "-1cm");
    /* Dutch for spell check and hyphenation, inherited by every style. */
    assert_xpath_string(s,
                        "string(//style:default-style[@style:family='paragraph']"
                        "/style:text-properties/@fo:language)",
                        "nl");
    assert_xpath_string(s,
                        "string(//style:default-style[@style:family='paragraph']"
                        "/style:text-properties/@fo:country)",
                        "NL");
    xmlFreeDoc(s);
    /* Plain ODF 1.3: no LibreOffice extensions. */
    char *raw = read_member(&odt, "styles.xml", NULL);
    assert_null(strstr(raw, "loext"));
    free(raw);
    out_buf_free(&odt);
}

static void test_a4_page_with_numbered_footer(void **state)
{
    (void)state;
    out_buf odt;
    render_fixture(&odt);
    xmlDocPtr s = parse_member(&odt, "styles.xml");
    assert_xpath_string(s, "string(//style:master-page/@style:name)", "Standard");
    assert_xpath_string(s,
                        "string(//style:page-layout[@style:name = "
                        "//style:master-page[@style:name='Standard']/@style:page-layout-name]"
                        "/style:page-layout-properties/@fo:page-width)",
                        "21cm");
    assert_xpath_string(s,
                        "string(//style:page-layout/style:page-layout-properties"
                        "/@fo:page-height)",
                        "29.7cm");
    assert_xpath_string(s, "count(//style:master-page/style:footer//text:page-number)", "1");
    char *footer = xpath_string(s, "string(//style:master-page/style:footer)");
    assert_non_null(strstr(footer, "Bestuurlijke Afspraken Zorg & Veiligheid"));
    xmlFree(footer);
    xmlFreeDoc(s);
    out_buf_free(&odt);
}

/* Follows the parent chain, as a reader does, to the first style that
 * sets fo:break-before. */
static void test_annex_and_signatures_start_a_page(void **state)
{
    (void)state;
    out_buf odt;
    render_fixture(&odt);
    xmlDocPtr c = parse_member(&odt, "content.xml");
    xmlDocPtr s = parse_member(&odt, "styles.xml");
    static const char *const headings[] = {"Ondertekening",
                                           "Bijlage 1 Model geheimhoudingsverklaring"};
    for (size_t i = 0; i < 2; i++) {
        char expr[256];
        snprintf(expr, sizeof expr, "string(//text:h[. = '%s']/@text:style-name)", headings[i]);
        char *style = xpath_string(c, expr);
        assert_true(style[0] != '\0');
        char *brk = NULL;
        for (int depth = 0; depth < 10 && style[0]; depth++) {
            snprintf(expr, sizeof expr,
                     "string(//office:styles/style:style[@style:name='%s']"
                     "/style:paragraph-properties/@fo:break-before)",
                     style);
            brk = xpath_string(s, expr);
            if (brk[0])
                break;
            xmlFree(brk);
            brk = NULL;
            snprintf(expr, sizeof expr,
                     "string(//office:styles/style:style[@style:name='%s']"
                     "/@style:parent-style-name)",
                     style);
            char *parent = xpath_string(s, expr);
            xmlFree(style);
            style = parent;
        }
        assert_non_null(brk);
        assert_string_equal(brk, "page");
        xmlFree(brk);
        xmlFree(style);
    }
    /* Ordinary headings do not break. */
    assert_xpath_string(s,
                        "count(//style:style[@style:name='Heading_20_1' or "
                        "@style:name='Heading']/style:paragraph-properties/@fo:break-before)",
                        "0");
    xmlFreeDoc(c);
    xmlFreeDoc(s);
    out_buf_free(&odt);
}

/* ---- meta and manifest ---- */

static void test_meta(void **state)
{
    (void)state;
    out_buf odt;
    render_fixture(&odt);
    xmlDocPtr m = parse_member(&odt, "meta.xml");
    assert_xpath_string(m, "string(/office:document-meta/@office:version)", "1.3");
    assert_xpath_string(m, "string(//dc:title)",
                        "Bestuurlijke Afspraken Zorg & Veiligheid 's-Hertogenbosch");
    assert_xpath_string(m, "string(//dc:language)", "nl-NL");
    assert_xpath_string(m, "string(//meta:generator)", "afspraken");
    assert_xpath_string(m, "string(//dc:subject)",
                        "Eigen tekst van het project afspraken");
    assert_xpath_string(m, "string(//dc:creator)", "afspraken");
    assert_xpath_string(m, "string(//dc:description)",
                        "Modeltekst: Eigen tekst van het project afspraken, versie 0.2.");
    /* One element per keyword, never one joined phrase. */
    assert_xpath_string(m, "count(//meta:keyword)", "2");
    assert_xpath_string(m, "string(//meta:keyword[2])", "Eigen tekst van het project afspraken");
    assert_xpath_string(m, "string(//meta:creation-date)", "2026-01-15T12:00:00");
    assert_xpath_string(m, "string(//dc:date)", "2026-01-15T12:00:00");
    assert_xpath_string(m, "string(//meta:user-defined[@meta:name='Modelversie'])", "0.2");
    assert_xpath_string(m, "string(//meta:user-defined[@meta:name='Model'])",
                        "Eigen tekst van het project afspraken");
    assert_xpath_string(m, "string(//meta:user-defined[@meta:name='Referentie'])",
                        "Landelijk model Bestuurlijke Afspraken Zorg- en Veiligheidshuizen");
    xmlFreeDoc(m);
    out_buf_free(&odt);
}

static void test_manifest(void **state)
{
    (void)state;
    out_buf odt;
    render_fixture(&odt);
    xmlDocPtr m = parse_member(&odt, "META-INF/manifest.xml");
    assert_xpath_string(m, "string(/manifest:manifest/@manifest:version)", "1.3");
    assert_xpath_string(m,
                        "string(//manifest:file-entry[@manifest:full-path='/']"
                        "/@manifest:media-type)",
                        MIMETYPE);
    assert_xpath_string(m,
                        "string(//manifest:file-entry[@manifest:full-path='/']"
                        "/@manifest:version)",
                        "1.3");
    /* Every member but mimetype and the manifest is listed. */
    zip_t *z = open_zip(&odt);
    for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); i++) {
        const char *name = zip_get_name(z, (zip_uint64_t)i, 0);
        if (strcmp(name, "mimetype") == 0 || strcmp(name, "META-INF/manifest.xml") == 0)
            continue;
        char expr[256];
        snprintf(expr, sizeof expr, "count(//manifest:file-entry[@manifest:full-path='%s'])", name);
        assert_xpath_string(m, expr, "1");
    }
    zip_discard(z);
    xmlFreeDoc(m);
    out_buf_free(&odt);
}

/* ---- validity ---- */

static void test_fixture_parts_validate(void **state)
{
    (void)state;
    out_buf odt;
    render_fixture(&odt);
    assert_valid_odt(&odt);
    out_buf_free(&odt);
}

/* No title, no subtitle, no model: every optional element is left out
 * and what remains is still valid. Headings without text and a
 * signatory without details too. */
static void test_minimal_document_validates(void **state)
{
    (void)state;
    doc_node *d = minimal_document();
    add_child(d, DOC_ANNEX, NULL, NULL);
    doc_node *sigs = add_child(d, DOC_SIGNATURES, NULL, NULL);
    doc_node *s = add_child(sigs, DOC_SIGNATORY, NULL, NULL);
    s->sig = calloc(1, sizeof *s->sig);
    assert_non_null(s->sig);
    add_child(sigs, DOC_SIGNATORY, NULL, NULL); /* sig NULL: skipped */
    add_text(d, DOC_TEXT, "los");
    out_buf odt;
    render(d, &odt);
    assert_valid_odt(&odt);
    xmlDocPtr m = parse_member(&odt, "meta.xml");
    assert_xpath_string(m, "count(//dc:title)", "0");
    assert_xpath_string(m, "string(//dc:language)", "nl-NL");
    xmlFreeDoc(m);
    out_buf_free(&odt);
    doc_free(d);
}

static int load_schemas(void **state)
{
    (void)state;
    xmlRelaxNGParserCtxtPtr p = xmlRelaxNGNewParserCtxt(ODF_SCHEMA);
    odf_schema = p ? xmlRelaxNGParse(p) : NULL;
    xmlRelaxNGFreeParserCtxt(p);
    p = xmlRelaxNGNewParserCtxt(MANIFEST_SCHEMA);
    manifest_schema = p ? xmlRelaxNGParse(p) : NULL;
    xmlRelaxNGFreeParserCtxt(p);
    if (!odf_schema || !manifest_schema) {
        fprintf(stderr, "ODF schemas not found under %s (run from the repository root)\n",
                SCHEMA_DIR);
        return -1;
    }
    return 0;
}

static int free_schemas(void **state)
{
    (void)state;
    xmlRelaxNGFree(odf_schema);
    xmlRelaxNGFree(manifest_schema);
    odf_schema = manifest_schema = NULL;
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_mimetype_first_and_stored),
        cmocka_unit_test(test_members_in_fixed_order),
        cmocka_unit_test(test_same_tree_same_bytes),
        cmocka_unit_test(test_rejects_non_document),
        cmocka_unit_test(test_content_escapes_text),
        cmocka_unit_test(test_headings_have_outline_levels),
        cmocka_unit_test(test_lid_and_item_paragraphs),
        cmocka_unit_test(test_nested_list_follows_parent),
        cmocka_unit_test(test_signatory_block),
        cmocka_unit_test(test_whitespace_survives),
        cmocka_unit_test(test_deep_levels_clamp_to_deepest_style),
        cmocka_unit_test(test_used_styles_are_defined),
        cmocka_unit_test(test_style_references_resolve),
        cmocka_unit_test(test_required_styles),
        cmocka_unit_test(test_a4_page_with_numbered_footer),
        cmocka_unit_test(test_annex_and_signatures_start_a_page),
        cmocka_unit_test(test_meta),
        cmocka_unit_test(test_manifest),
        cmocka_unit_test(test_fixture_parts_validate),
        cmocka_unit_test(test_minimal_document_validates),
        cmocka_unit_test(test_further_paragraphs_follow_their_block),
    };
    int failed = cmocka_run_group_tests(tests, load_schemas, free_schemas);
    xmlCleanupParser();
    return failed;
}
