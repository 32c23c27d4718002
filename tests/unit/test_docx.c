/* Unit tests of the DOCX writer: the package is read back with libzip and
 * every part with libxml2, and the checks are made on the parsed XML, so
 * they hold whatever the writer's formatting. */
#define _GNU_SOURCE /* asprintf */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "docx.h"
#include "fixtures.h"
#include "output.h"

static const char *const expected_parts[] = {
    "[Content_Types].xml", "_rels/.rels",         "docProps/core.xml",
    "docProps/app.xml",    "docProps/custom.xml", "word/document.xml",
    "word/styles.xml",     "word/settings.xml",   "word/footer1.xml",
    "word/fontTable.xml",
    "word/_rels/document.xml.rels",
};
#define N_PARTS (sizeof expected_parts / sizeof expected_parts[0])

/* A rendered package opened for reading. */
typedef struct {
    out_buf buf;
    zip_t *zip;
} rendered;

/* --- helpers ---------------------------------------------------------- */

static void render_into(const doc_node *doc, rendered *r)
{
    diag_list diags = {0};
    assert_int_equal(docx_render(doc, &r->buf, &diags), 0);
    assert_int_equal(diags.count, 0);
    diag_free(&diags);
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t *src = zip_source_buffer_create(r->buf.data, r->buf.len, 0, &err);
    assert_non_null(src);
    r->zip = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
    if (!r->zip)
        zip_source_free(src);
    assert_non_null(r->zip);
    zip_error_fini(&err);
}

static void rendered_close(rendered *r)
{
    if (r->zip)
        zip_discard(r->zip);
    out_buf_free(&r->buf);
}

static int setup_fixture(void **state)
{
    rendered *r = calloc(1, sizeof *r);
    doc_node *doc = fixture_document();
    if (!r || !doc)
        return -1;
    render_into(doc, r);
    doc_free(doc);
    *state = r;
    return 0;
}

static int teardown_fixture(void **state)
{
    rendered *r = *state;
    rendered_close(r);
    free(r);
    return 0;
}

/* The member's bytes, NUL-terminated (malloc'd), or NULL if absent. */
static char *member(zip_t *zip, const char *name, size_t *len)
{
    zip_stat_t st;
    if (zip_stat(zip, name, 0, &st) < 0)
        return NULL;
    zip_file_t *f = zip_fopen(zip, name, 0);
    assert_non_null(f);
    char *data = malloc(st.size + 1);
    assert_non_null(data);
    assert_int_equal(zip_fread(f, data, st.size), (zip_int64_t)st.size);
    zip_fclose(f);
    data[st.size] = '\0';
    if (len)
        *len = st.size;
    return data;
}

static xmlDocPtr parse_member(zip_t *zip, const char *name)
{
    size_t len;
    char *data = member(zip, name, &len);
    assert_non_null(data);
    xmlDocPtr doc =
        xmlReadMemory(data, (int)len, name, "UTF-8", XML_PARSE_NONET | XML_PARSE_NOBLANKS);
    free(data);
    return doc;
}

static xmlXPathObjectPtr eval(xmlDocPtr doc, const char *expr)
{
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    assert_non_null(ctx);
    static const char *const ns[][2] = {
        {"w", DOCX_NS_W},
        {"r", DOCX_NS_R},
        {"ct", "http://schemas.openxmlformats.org/package/2006/content-types"},
        {"rel", "http://schemas.openxmlformats.org/package/2006/relationships"},
        {"cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"},
        {"dc", "http://purl.org/dc/elements/1.1/"},
        {"dcterms", "http://purl.org/dc/terms/"},
        {"xsi", "http://www.w3.org/2001/XMLSchema-instance"},
        {"ep", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"},
    };
    for (size_t i = 0; i < sizeof ns / sizeof ns[0]; i++)
        assert_int_equal(xmlXPathRegisterNs(ctx, BAD_CAST ns[i][0], BAD_CAST ns[i][1]), 0);
    xmlXPathObjectPtr obj = xmlXPathEvalExpression(BAD_CAST expr, ctx);
    xmlXPathFreeContext(ctx);
    assert_non_null(obj);
    return obj;
}

/* string(expr); caller frees. */
static char *xp_string(xmlDocPtr doc, const char *expr)
{
    char *full;
    assert_true(asprintf(&full, "string(%s)", expr) > 0);
    xmlXPathObjectPtr obj = eval(doc, full);
    free(full);
    char *s = strdup(obj->stringval ? (const char *)obj->stringval : "");
    xmlXPathFreeObject(obj);
    return s;
}

static int xp_count(xmlDocPtr doc, const char *expr)
{
    char *full;
    assert_true(asprintf(&full, "count(%s)", expr) > 0);
    xmlXPathObjectPtr obj = eval(doc, full);
    free(full);
    int n = (int)obj->floatval;
    xmlXPathFreeObject(obj);
    return n;
}

static void assert_xp_string(xmlDocPtr doc, const char *expr, const char *want)
{
    char *got = xp_string(doc, expr);
    if (strcmp(got, want) != 0)
        fail_msg("%s: got \"%s\", want \"%s\"", expr, got, want);
    free(got);
}

/* The values of an attribute over a node set, as a malloc'd array of
 * malloc'd strings. */
static char **xp_values(xmlDocPtr doc, const char *expr, int *n)
{
    xmlXPathObjectPtr obj = eval(doc, expr);
    int count = obj->nodesetval ? obj->nodesetval->nodeNr : 0;
    char **vals = calloc((size_t)count + 1, sizeof *vals);
    assert_non_null(vals);
    for (int i = 0; i < count; i++)
        vals[i] = (char *)xmlNodeGetContent(obj->nodesetval->nodeTab[i]);
    xmlXPathFreeObject(obj);
    *n = count;
    return vals;
}

static void free_values(char **vals, int n)
{
    for (int i = 0; i < n; i++)
        xmlFree(vals[i]);
    free(vals);
}

/* A document with just the meta a writer needs and one paragraph of
 * text; caller frees. */
static doc_node *one_paragraph(const char *text)
{
    doc_node *d = doc_new_document();
    assert_non_null(d);
    doc_set(&d->meta->title, "Kort");
    d->meta->timestamp = 0;
    doc_node *p = doc_new(DOC_PARAGRAPH);
    doc_append(d, p);
    doc_append(p, doc_new_inline(DOC_TEXT, text, strlen(text)));
    return d;
}

/* --- the package ------------------------------------------------------ */

static void test_parts_in_fixed_order(void **state)
{
    rendered *r = *state;
    assert_int_equal(zip_get_num_entries(r->zip, 0), N_PARTS);
    for (size_t i = 0; i < N_PARTS; i++)
        assert_string_equal(zip_get_name(r->zip, i, 0), expected_parts[i]);
}

/* libzip stores and reads DOS dates in local time, so the round trip gives
 * back the fixture's timestamp (an even second) in any time zone. */
static void test_members_dated_from_timestamp(void **state)
{
    rendered *r = *state;
    for (size_t i = 0; i < N_PARTS; i++) {
        zip_stat_t st;
        assert_int_equal(zip_stat_index(r->zip, i, 0, &st), 0);
        assert_true(st.valid & ZIP_STAT_MTIME);
        assert_int_equal(st.mtime, 1768478400);
    }
}

static void test_same_tree_same_bytes(void **state)
{
    (void)state;
    doc_node *doc = fixture_document();
    doc_node *again = fixture_document();
    diag_list diags = {0};
    out_buf a, b, c;
    assert_int_equal(docx_render(doc, &a, &diags), 0);
    assert_int_equal(docx_render(doc, &b, &diags), 0);
    assert_int_equal(docx_render(again, &c, &diags), 0);
    assert_int_equal(a.len, b.len);
    assert_memory_equal(a.data, b.data, a.len);
    assert_int_equal(a.len, c.len);
    assert_memory_equal(a.data, c.data, a.len);
    out_buf_free(&a);
    out_buf_free(&b);
    out_buf_free(&c);
    diag_free(&diags);
    doc_free(doc);
    doc_free(again);
}

static void test_parts_are_well_formed(void **state)
{
    rendered *r = *state;
    for (size_t i = 0; i < N_PARTS; i++) {
        xmlDocPtr doc = parse_member(r->zip, expected_parts[i]);
        if (!doc)
            fail_msg("%s is not well-formed XML", expected_parts[i]);
        xmlFreeDoc(doc);
    }
}

/* Exact bytes of a small part, as libxlsxwriter checks its parts. */
static void test_package_rels_exact(void **state)
{
    (void)state;
    doc_node *doc = fixture_document();
    void *data;
    size_t len;
    assert_int_equal(docx_write_rels(doc, &data, &len), 0);
    const char *want =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
        "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
        "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>"
        "<Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties\" Target=\"docProps/custom.xml\"/>"
        "</Relationships>\n";
    assert_int_equal(len, strlen(want));
    assert_memory_equal(data, want, len);
    free(data);
    doc_free(doc);
}

/* The content type a part must have for the relationship that points at
 * it: the generic "xml" default would make Word reject the part. */
static const char *content_type_for(const char *rel_type)
{
    static const char *const map[][2] = {
        {"/officeDocument", "wordprocessingml.document.main+xml"},
        {"/core-properties", "package.core-properties+xml"},
        {"/extended-properties", "officedocument.extended-properties+xml"},
        {"/custom-properties", "officedocument.custom-properties+xml"},
        {"/styles", "wordprocessingml.styles+xml"},
        {"/settings", "wordprocessingml.settings+xml"},
        {"/footer", "wordprocessingml.footer+xml"},
        {"/fontTable", "wordprocessingml.fontTable+xml"},
    };
    const char *slash = strrchr(rel_type, '/');
    for (size_t i = 0; slash && i < sizeof map / sizeof map[0]; i++)
        if (strcmp(slash, map[i][0]) == 0)
            return map[i][1];
    fail_msg("unexpected relationship type %s", rel_type);
    return NULL;
}

/* Every relationship target of a .rels part exists in the zip and has the
 * content type its relationship calls for, by override or default. */
static void check_rels(zip_t *zip, xmlDocPtr types, const char *rels_name, const char *base)
{
    xmlDocPtr rels = parse_member(zip, rels_name);
    assert_non_null(rels);
    int n, ntypes;
    char **targets = xp_values(rels, "/rel:Relationships/rel:Relationship/@Target", &n);
    char **rel_types = xp_values(rels, "/rel:Relationships/rel:Relationship/@Type", &ntypes);
    assert_true(n > 0);
    assert_int_equal(n, ntypes);
    for (int i = 0; i < n; i++) {
        char *part;
        assert_true(asprintf(&part, "%s%s", base, targets[i]) > 0);
        if (zip_name_locate(zip, part, 0) < 0)
            fail_msg("%s: target %s is not in the package", rels_name, part);
        const char *dot = strrchr(part, '.');
        char *expr;
        /* An override wins over the extension's default. */
        assert_true(asprintf(&expr, "/ct:Types/ct:Override[@PartName='/%s']/@ContentType", part) >
                    0);
        char *type = xp_string(types, expr);
        if (!*type) {
            free(type);
            free(expr);
            assert_true(asprintf(&expr, "/ct:Types/ct:Default[@Extension='%s']/@ContentType",
                                 dot ? dot + 1 : "") > 0);
            type = xp_string(types, expr);
        }
        const char *want = content_type_for(rel_types[i]);
        size_t tl = strlen(type), wl = strlen(want);
        if (tl < wl || strcmp(type + tl - wl, want) != 0)
            fail_msg("%s has content type \"%s\", want ...%s", part, type, want);
        free(type);
        free(expr);
        free(part);
    }
    free_values(rel_types, ntypes);
    free_values(targets, n);
    xmlFreeDoc(rels);
}

static void test_relationships_resolve(void **state)
{
    rendered *r = *state;
    xmlDocPtr types = parse_member(r->zip, "[Content_Types].xml");
    assert_non_null(types);
    check_rels(r->zip, types, "_rels/.rels", "");
    check_rels(r->zip, types, "word/_rels/document.xml.rels", "word/");
    /* The main part's type is what makes the zip a Word document. */
    assert_xp_string(types, "/ct:Types/ct:Override[@PartName='/word/document.xml']/@ContentType",
                     "application/vnd.openxmlformats-officedocument."
                     "wordprocessingml.document.main+xml");
    xmlFreeDoc(types);

    /* The footer reference in document.xml names a footer relationship. */
    xmlDocPtr document = parse_member(r->zip, "word/document.xml");
    xmlDocPtr rels = parse_member(r->zip, "word/_rels/document.xml.rels");
    char *rid = xp_string(document, "//w:sectPr/w:footerReference/@r:id");
    char *expr;
    assert_true(asprintf(&expr, "/rel:Relationships/rel:Relationship[@Id='%s']/@Target", rid) > 0);
    assert_xp_string(rels, expr, "footer1.xml");
    free(expr);
    free(rid);
    xmlFreeDoc(rels);
    xmlFreeDoc(document);
}

/* --- document.xml ----------------------------------------------------- */

static void test_text_is_escaped(void **state)
{
    rendered *r = *state;
    char *raw = member(r->zip, "word/document.xml", NULL);
    assert_non_null(raw);
    assert_non_null(strstr(raw, "Gemeente &lt;Súdwest-Fryslân&gt; &amp;"));
    assert_non_null(strstr(raw, "met &lt;tags&gt; &amp; ]]&gt; en"));
    assert_non_null(strstr(raw, "Zorg &amp; Veiligheid 's-Hertogenbosch"));
    assert_null(strstr(raw, "<tags>"));
    free(raw);

    xmlDocPtr doc = parse_member(r->zip, "word/document.xml");
    assert_xp_string(doc, "//w:p[w:pPr/w:pStyle/@w:val='Title']",
                     "Bestuurlijke Afspraken Zorg & Veiligheid 's-Hertogenbosch");
    assert_xp_string(doc, "//w:p[w:pPr/w:pStyle/@w:val='Subtitle']",
                     "Zorg- en Veiligheidshuis Súdwest-Fryslân");
    assert_int_equal(xp_count(doc, "//w:t[.='Gemeente <Súdwest-Fryslân> & \"partners\"']"), 1);
    assert_int_equal(xp_count(doc, "//w:t[.='tweede niveau {{veld:x}} [[Term]]']"), 1);
    assert_int_equal(xp_count(doc, "//w:t[.='Naam: ……………………']"), 1);
    /* Leading and trailing spaces of runs survive. */
    assert_int_equal(xp_count(doc, "//w:t[not(@xml:space='preserve')]"), 0);
    assert_int_equal(xp_count(doc, "//w:t[.=' keer per jaar.']"), 1);
    xmlFreeDoc(doc);
}

static void test_headings(void **state)
{
    rendered *r = *state;
    xmlDocPtr doc = parse_member(r->zip, "word/document.xml");
    const char *h1 = "//w:p[w:pPr/w:pStyle/@w:val='Heading1']";
    const char *h2 = "//w:p[w:pPr/w:pStyle/@w:val='Heading2']";
    assert_int_equal(xp_count(doc, h1), 3);
    assert_int_equal(xp_count(doc, h2), 2);
    assert_xp_string(doc, "(//w:p[w:pPr/w:pStyle/@w:val='Heading1'])[1]", "Partijen");
    assert_xp_string(doc, "(//w:p[w:pPr/w:pStyle/@w:val='Heading1'])[2]",
                     "Deel A Overwegingen, definities en doel");
    assert_xp_string(doc, "(//w:p[w:pPr/w:pStyle/@w:val='Heading2'])[2]",
                     "Artikel 2 De Stuurgroep");
    /* The signature page and annexes have named styles of their own, as
     * in the ODT, which start a new page; no paragraph breaks a page by
     * direct formatting. */
    assert_xp_string(doc, "//w:p[w:pPr/w:pStyle/@w:val='Ondertekening']", "Ondertekening");
    assert_xp_string(doc, "//w:p[w:pPr/w:pStyle/@w:val='Bijlage']",
                     "Bijlage 1 Model geheimhoudingsverklaring");
    assert_int_equal(xp_count(doc, "//w:pageBreakBefore"), 0);
    xmlDocPtr s = parse_member(r->zip, "word/styles.xml");
    assert_int_equal(xp_count(s, "//w:style[w:pPr/w:pageBreakBefore]"), 2);
    assert_xp_string(s, "//w:style[@w:styleId='Bijlage']/w:basedOn/@w:val", "Heading1");
    assert_xp_string(s, "//w:style[@w:styleId='Ondertekening']/w:basedOn/@w:val", "Heading1");
    xmlFreeDoc(s);
    xmlFreeDoc(doc);
}

static void test_labels_tabs_and_levels(void **state)
{
    rendered *r = *state;
    xmlDocPtr doc = parse_member(r->zip, "word/document.xml");
    /* Label, then a tab, in the first run of the paragraph. */
    const char *lid1 = "//w:p[w:pPr/w:pStyle/@w:val='Lid'][w:r[1]/w:t='1.']";
    assert_int_equal(xp_count(doc, lid1), 1);
    assert_int_equal(xp_count(doc, "//w:p[w:pPr/w:pStyle/@w:val='Lid'][w:r[1]/w:t='1.']"
                                   "/w:r[1]/w:t/following-sibling::w:tab"),
                     1);
    assert_xp_string(doc, lid1, "1.De Stuurgroep vergadert 4 keer per jaar.");
    /* A lid without a label has no tab and a style without the hanging
     * indent: "Lid zonder nummer", as in the ODT. */
    const char *single = "//w:p[w:pPr/w:pStyle/@w:val='LidZonderNummer']"
                         "[.='In deze afspraken wordt verstaan onder:']";
    assert_int_equal(xp_count(doc, single), 1);
    assert_int_equal(xp_count(doc, "//w:p[w:pPr/w:pStyle/@w:val='LidZonderNummer']//w:tab"), 0);
    assert_int_equal(xp_count(doc, "//w:p/w:pPr/w:ind"), 0);
    /* Nested lists go one level deeper; a bullet item gets a dash. */
    assert_int_equal(xp_count(doc, "//w:p[w:pPr/w:pStyle/@w:val='Onderdeel'][w:r[1]/w:t='a.']"), 1);
    assert_int_equal(xp_count(doc, "//w:p[w:pPr/w:pStyle/@w:val='Onderdeel2'][w:r[1]/w:t='1°']"),
                     1);
    assert_int_equal(xp_count(doc, "//w:p[w:pPr/w:pStyle/@w:val='Onderdeel'][w:r[1]/w:t='–']"), 1);
    /* The sub-item follows its parent item. */
    assert_int_equal(
        xp_count(doc, "//w:p[w:r[1]/w:t='a.']/following-sibling::w:p[1][w:r[1]/w:t='1°']"), 1);
    xmlFreeDoc(doc);
}

static void test_inline_run_styles(void **state)
{
    rendered *r = *state;
    xmlDocPtr doc = parse_member(r->zip, "word/document.xml");
    assert_xp_string(doc, "//w:r[w:rPr/w:rStyle/@w:val='Regionaal']",
                     "Regionale tekst met <tags> & ]]> en 'quotes'.");
    assert_int_equal(xp_count(doc, "//w:r[w:rPr/w:rStyle/@w:val='Regionaal']"), 1);
    assert_xp_string(doc, "//w:r[w:rPr/w:rStyle/@w:val='Begrip']", "Deelnemer");
    /* Model text, fields and references carry no character style. */
    assert_int_equal(xp_count(doc, "//w:r[w:rPr][.='artikel 2, tweede lid']"), 0);
    assert_int_equal(xp_count(doc, "//w:r[.='artikel 2, tweede lid']"), 1);
    xmlFreeDoc(doc);
}

static void test_signatory_kept_together(void **state)
{
    rendered *r = *state;
    xmlDocPtr doc = parse_member(r->zip, "word/document.xml");
    assert_xp_string(doc, "//w:p[w:pPr/w:pStyle/@w:val='OndertekeningPartij']",
                     "Namens Gemeente Súdwest-Fryslân");
    assert_xp_string(doc, "//w:p[w:pPr/w:pStyle/@w:val='OndertekeningNaam']", "J. de Vries");
    assert_xp_string(doc, "//w:p[w:pPr/w:pStyle/@w:val='OndertekeningFunctie']", "burgemeester");
    /* The line to sign on is an empty paragraph whose style draws a rule. */
    assert_int_equal(xp_count(doc, "//w:p[w:pPr/w:pStyle/@w:val='OndertekeningRuimte'][not(w:r)]"),
                     1);
    xmlDocPtr s = parse_member(r->zip, "word/styles.xml");
    assert_xp_string(s, "//w:style[@w:styleId='OndertekeningRuimte']/w:pPr/w:pBdr/w:bottom/@w:sz",
                     "4");
    /* Every line but the function keeps with the next: party, authority
     * or place and date, the rule, the name. */
    assert_int_equal(xp_count(s, "//w:style[starts-with(@w:styleId,'Ondertekening')]"
                                 "[@w:styleId!='Ondertekening'][w:pPr/w:keepNext]"),
                     4);
    assert_int_equal(
        xp_count(s, "//w:style[@w:styleId='OndertekeningFunctie'][w:pPr/w:keepNext]"), 0);
    xmlFreeDoc(s);
    xmlFreeDoc(doc);
}

static void test_section_is_a4_with_footer(void **state)
{
    rendered *r = *state;
    xmlDocPtr doc = parse_member(r->zip, "word/document.xml");
    assert_int_equal(xp_count(doc, "/w:document/w:body/w:sectPr"), 1);
    /* sectPr is the body's last child. */
    assert_int_equal(xp_count(doc, "/w:document/w:body/*[last()][self::w:sectPr]"), 1);
    assert_xp_string(doc, "//w:sectPr/w:pgSz/@w:w", "11906");
    assert_xp_string(doc, "//w:sectPr/w:pgSz/@w:h", "16838");
    assert_xp_string(doc, "//w:sectPr/w:footerReference/@w:type", "default");
    xmlFreeDoc(doc);

    xmlDocPtr ftr = parse_member(r->zip, "word/footer1.xml");
    assert_int_equal(xp_count(ftr, "//w:fldSimple[normalize-space(@w:instr)='PAGE']"), 1);
    assert_int_equal(xp_count(ftr, "//w:t[.='Pagina ']"), 1);
    assert_int_equal(
        xp_count(ftr, "//w:t[.=\"Bestuurlijke Afspraken Zorg & Veiligheid 's-Hertogenbosch\"]"), 1);
    xmlFreeDoc(ftr);
}

static void test_newline_and_tab(void **state)
{
    (void)state;
    doc_node *d = one_paragraph("een\ntwee\tdrie\r\nvier");
    rendered r = {0};
    render_into(d, &r);
    xmlDocPtr doc = parse_member(r.zip, "word/document.xml");
    assert_int_equal(xp_count(doc, "//w:body/w:p/w:r/w:br"), 2);
    assert_int_equal(xp_count(doc, "//w:body/w:p/w:r/w:tab"), 1);
    assert_int_equal(
        xp_count(doc, "//w:t[contains(., '\n') or contains(., '\t') or contains(., '\r')]"), 0);
    /* The pieces stay in order within one run. */
    assert_int_equal(
        xp_count(doc, "//w:r[w:t[1]='een'][*[2][self::w:br]][w:t[2]='twee']"
                      "[*[4][self::w:tab]][w:t[3]='drie'][*[6][self::w:br]][w:t[4]='vier']"),
        1);
    xmlFreeDoc(doc);
    rendered_close(&r);
    doc_free(d);
}

/* --- styles.xml: the contract --------------------------------------- */

static int contains(char **vals, int n, const char *s)
{
    for (int i = 0; i < n; i++)
        if (strcmp(vals[i], s) == 0)
            return 1;
    return 0;
}

static void check_styles_defined(zip_t *zip, xmlDocPtr styles, const char *part)
{
    int ndef, nused;
    char **defined = xp_values(styles, "/w:styles/w:style/@w:styleId", &ndef);
    xmlDocPtr doc = parse_member(zip, part);
    char **used = xp_values(doc, "//w:pStyle/@w:val | //w:rStyle/@w:val", &nused);
    assert_true(nused > 0);
    for (int i = 0; i < nused; i++)
        if (!contains(defined, ndef, used[i]))
            fail_msg("%s uses style %s, which styles.xml does not define", part, used[i]);
    free_values(used, nused);
    free_values(defined, ndef);
    xmlFreeDoc(doc);
}

static void test_used_styles_are_defined(void **state)
{
    rendered *r = *state;
    xmlDocPtr styles = parse_member(r->zip, "word/styles.xml");
    check_styles_defined(r->zip, styles, "word/document.xml");
    check_styles_defined(r->zip, styles, "word/footer1.xml");
    /* No style is defined twice, and paragraph styles are used as such. */
    int n;
    char **ids = xp_values(styles, "/w:styles/w:style/@w:styleId", &n);
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++)
            assert_string_not_equal(ids[i], ids[j]);
    free_values(ids, n);
    xmlDocPtr doc = parse_member(r->zip, "word/document.xml");
    int np;
    char **pstyles = xp_values(doc, "//w:pStyle/@w:val", &np);
    for (int i = 0; i < np; i++) {
        char *expr;
        assert_true(asprintf(&expr, "/w:styles/w:style[@w:styleId='%s']/@w:type", pstyles[i]) > 0);
        assert_xp_string(styles, expr, "paragraph");
        free(expr);
    }
    free_values(pstyles, np);
    xmlFreeDoc(doc);
    xmlFreeDoc(styles);
}

static void test_style_definitions(void **state)
{
    rendered *r = *state;
    xmlDocPtr s = parse_member(r->zip, "word/styles.xml");
    assert_xp_string(s, "/w:styles/w:docDefaults/w:rPrDefault/w:rPr/w:lang/@w:val", "nl-NL");
    /* Every style of the house style, with its type. */
    for (int i = 0; i < STYLE_COUNT; i++) {
        const style_def *d = style_get((style_id)i);
        char *expr;
        assert_true(asprintf(&expr, "/w:styles/w:style[@w:styleId='%s']/@w:type", d->docx_id) > 0);
        assert_xp_string(s, expr, d->character ? "character" : "paragraph");
        free(expr);
    }
    /* Built-in heading names and outline levels, so Word's navigation and
     * pandoc's heading detection recognise them. */
    assert_xp_string(s, "//w:style[@w:styleId='Heading1']/w:name/@w:val", "heading 1");
    assert_xp_string(s, "//w:style[@w:styleId='Heading2']/w:name/@w:val", "heading 2");
    assert_xp_string(s, "//w:style[@w:styleId='Heading1']/w:pPr/w:outlineLvl/@w:val", "0");
    assert_xp_string(s, "//w:style[@w:styleId='Heading2']/w:pPr/w:outlineLvl/@w:val", "1");
    /* Hanging indents: the label sits one step left of the text. */
    assert_xp_string(s, "//w:style[@w:styleId='Lid']/w:pPr/w:ind/@w:hanging", "567");
    assert_xp_string(s, "//w:style[@w:styleId='Onderdeel']/w:pPr/w:ind/@w:left", "1134");
    assert_xp_string(s, "//w:style[@w:styleId='Onderdeel2']/w:pPr/w:ind/@w:left", "1701");
    /* Exactly one default paragraph style. */
    assert_int_equal(xp_count(s, "//w:style[@w:type='paragraph'][@w:default='1']"), 1);
    /* basedOn and next name defined styles. */
    assert_int_equal(xp_count(s, "//w:style/w:basedOn[not(@w:val = //w:style/@w:styleId)]"), 0);
    assert_int_equal(xp_count(s, "//w:style/w:next[not(@w:val = //w:style/@w:styleId)]"), 0);
    xmlFreeDoc(s);

    xmlDocPtr set = parse_member(r->zip, "word/settings.xml");
    assert_xp_string(set, "/w:settings/w:themeFontLang/@w:val", "nl-NL");
    assert_xp_string(
        set, "/w:settings/w:compat/w:compatSetting[@w:name='compatibilityMode']/@w:val", "15");
    xmlFreeDoc(set);
}

/* --- properties ------------------------------------------------------- */

static void test_core_properties(void **state)
{
    rendered *r = *state;
    xmlDocPtr core = parse_member(r->zip, "docProps/core.xml");
    assert_xp_string(core, "/cp:coreProperties/dc:title",
                     "Bestuurlijke Afspraken Zorg & Veiligheid 's-Hertogenbosch");
    assert_xp_string(core, "/cp:coreProperties/dc:subject",
                     "Eigen tekst van het project afspraken");
    /* ", " between keywords, as LibreOffice joins them on export. */
    assert_xp_string(core, "/cp:coreProperties/cp:keywords",
                     "Súdwest-Fryslân, Eigen tekst van het project afspraken");
    assert_xp_string(core, "/cp:coreProperties/dc:description",
                     "Modeltekst: Eigen tekst van het project afspraken, versie 0.2.");
    assert_xp_string(core, "/cp:coreProperties/dc:language", "nl-NL");
    assert_xp_string(core, "/cp:coreProperties/dc:creator", "afspraken");
    assert_xp_string(core, "/cp:coreProperties/cp:lastModifiedBy", "afspraken");
    assert_xp_string(core, "/cp:coreProperties/dcterms:created", "2026-01-15T12:00:00Z");
    assert_xp_string(core, "/cp:coreProperties/dcterms:modified", "2026-01-15T12:00:00Z");
    assert_xp_string(core, "/cp:coreProperties/dcterms:created/@xsi:type", "dcterms:W3CDTF");
    assert_xp_string(core, "/cp:coreProperties/dcterms:modified/@xsi:type", "dcterms:W3CDTF");
    xmlFreeDoc(core);

    xmlDocPtr app = parse_member(r->zip, "docProps/app.xml");
    assert_xp_string(app, "/ep:Properties/ep:Application", "afspraken");
    xmlFreeDoc(app);
}

/* --- edge cases ------------------------------------------------------- */

static void test_rejects_what_is_not_a_document(void **state)
{
    (void)state;
    diag_list diags = {0};
    out_buf out = {(unsigned char *)"stale", 5};
    doc_node *p = doc_new(DOC_PARAGRAPH);
    assert_int_equal(docx_render(p, &out, &diags), -1);
    assert_null(out.data);
    assert_int_equal(out.len, 0);
    assert_int_equal(diags.count, 1);
    assert_int_equal(diags.items[0].class, DIAG_SYSTEM);
    assert_true(diag_has_system_error(&diags));
    diag_free(&diags);
    doc_free(p);
}

/* No meta strings, no language, no children: still a valid package. */
static void test_empty_document(void **state)
{
    (void)state;
    doc_node *d = doc_new_document();
    rendered r = {0};
    render_into(d, &r);
    assert_int_equal(zip_get_num_entries(r.zip, 0), N_PARTS);
    for (size_t i = 0; i < N_PARTS; i++) {
        xmlDocPtr x = parse_member(r.zip, expected_parts[i]);
        assert_non_null(x);
        xmlFreeDoc(x);
    }
    xmlDocPtr core = parse_member(r.zip, "docProps/core.xml");
    assert_xp_string(core, "/cp:coreProperties/dc:title", "");
    assert_xp_string(core, "/cp:coreProperties/dc:language", "nl-NL");
    assert_xp_string(core, "/cp:coreProperties/dcterms:created", "1970-01-01T00:00:00Z");
    xmlFreeDoc(core);
    xmlDocPtr doc = parse_member(r.zip, "word/document.xml");
    assert_int_equal(xp_count(doc, "/w:document/w:body/*"), 1);
    xmlFreeDoc(doc);
    rendered_close(&r);
    doc_free(d);
}

/* Headings of level 2, headings without text, deep lists and stray
 * inline nodes where blocks belong. */
static void test_unusual_shapes(void **state)
{
    (void)state;
    doc_node *d = doc_new_document();
    doc_node *h = doc_new(DOC_HEADING);
    doc_set(&h->title, "Toelichting");
    h->number = 2;
    doc_append(d, h);
    doc_append(d, doc_new(DOC_ANNEX)); /* no label, no title */
    doc_append(d, doc_new_inline(DOC_TEXT, "los", 3));
    doc_append(d, doc_new_inline(DOC_REGIONAL, " en regionaal", 13));
    doc_node *parent = d;
    for (int i = 0; i < 12; i++) {
        doc_node *list = doc_new(DOC_LIST);
        doc_node *item = doc_new(DOC_ITEM);
        doc_setf(&item->label, "%d.", i + 1);
        doc_append(item, doc_new_inline(DOC_TEXT, "diep", 4));
        doc_append(list, item);
        doc_append(parent, list);
        parent = item;
    }
    rendered r = {0};
    render_into(d, &r);
    xmlDocPtr doc = parse_member(r.zip, "word/document.xml");
    assert_xp_string(doc, "//w:p[w:pPr/w:pStyle/@w:val='Heading2']", "Toelichting");
    /* An annex without text keeps its paragraph, whose style breaks the page. */
    assert_int_equal(xp_count(doc, "//w:p[w:pPr/w:pStyle/@w:val='Bijlage'][not(w:r)]"), 1);
    assert_xp_string(doc, "//w:p[w:r/w:rPr/w:rStyle/@w:val='Regionaal']", "los en regionaal");
    /* Indents grow with depth up to the deepest item style, then stay. */
    assert_int_equal(xp_count(doc, "//w:p[w:pPr/w:pStyle/@w:val='Onderdeel']"), 1);
    assert_int_equal(xp_count(doc, "//w:p[w:pPr/w:pStyle/@w:val='Onderdeel2']"), 1);
    assert_int_equal(xp_count(doc, "//w:p[w:pPr/w:pStyle/@w:val='Onderdeel3']"), 10);
    assert_xp_string(doc, "//w:p[w:r[1]/w:t='12.']/w:pPr/w:pStyle/@w:val", "Onderdeel3");
    xmlFreeDoc(doc);
    rendered_close(&r);
    doc_free(d);
}

static doc_node *block(doc_node *parent, doc_kind kind, const char *label, const char *text)
{
    doc_node *n = doc_new(kind);
    doc_set(&n->label, label);
    if (text)
        doc_append(n, doc_new_inline(DOC_TEXT, text, strlen(text)));
    doc_append(parent, n);
    return n;
}

/* A further paragraph (DOC_CONTINUATION) has no label and its parent's
 * text indent, in the style that follows the parent's, as in the ODT. */
static void test_further_paragraphs_follow_their_block(void **state)
{
    (void)state;
    doc_node *d = doc_new_document();
    doc_node *lid = block(d, DOC_LID, "1.", "een");
    block(lid, DOC_CONTINUATION, NULL, "twee");
    doc_node *item = block(block(lid, DOC_LIST, NULL, NULL), DOC_ITEM, "a.", "drie");
    doc_node *sub = block(block(item, DOC_LIST, NULL, NULL), DOC_ITEM, "1.", "vier");
    block(sub, DOC_CONTINUATION, NULL, "vijf");
    block(block(d, DOC_LID, NULL, "zes"), DOC_CONTINUATION, NULL, "zeven");
    rendered r = {0};
    render_into(d, &r);
    xmlDocPtr doc = parse_member(r.zip, "word/document.xml");
    assert_xp_string(doc, "//w:p[2][w:pPr/w:pStyle/@w:val='LidVervolg']", "twee");
    assert_xp_string(doc, "//w:p[3][w:pPr/w:pStyle/@w:val='Onderdeel']", "a.drie");
    assert_xp_string(doc, "//w:p[w:pPr/w:pStyle/@w:val='Onderdeel2Vervolg']", "vijf");
    assert_int_equal(xp_count(doc, "//w:p[w:pPr/w:pStyle/@w:val='LidZonderNummer']"), 2);
    assert_xp_string(doc, "//w:p[last()-0][w:pPr/w:pStyle/@w:val='LidZonderNummer']", "zeven");
    /* No label, so no tab: the text starts at the indent. */
    assert_int_equal(xp_count(doc, "//w:p[w:pPr/w:pStyle[contains(@w:val, 'Vervolg')]]//w:tab"),
                     0);
    xmlFreeDoc(doc);
    rendered_close(&r);
    doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parts_in_fixed_order),
        cmocka_unit_test(test_further_paragraphs_follow_their_block),
        cmocka_unit_test(test_members_dated_from_timestamp),
        cmocka_unit_test(test_parts_are_well_formed),
        cmocka_unit_test(test_relationships_resolve),
        cmocka_unit_test(test_text_is_escaped),
        cmocka_unit_test(test_headings),
        cmocka_unit_test(test_labels_tabs_and_levels),
        cmocka_unit_test(test_inline_run_styles),
        cmocka_unit_test(test_signatory_kept_together),
        cmocka_unit_test(test_section_is_a4_with_footer),
        cmocka_unit_test(test_used_styles_are_defined),
        cmocka_unit_test(test_style_definitions),
        cmocka_unit_test(test_core_properties),
    };
    const struct CMUnitTest standalone[] = {
        cmocka_unit_test(test_same_tree_same_bytes),
        cmocka_unit_test(test_package_rels_exact),
        cmocka_unit_test(test_newline_and_tab),
        cmocka_unit_test(test_rejects_what_is_not_a_document),
        cmocka_unit_test(test_empty_document),
        cmocka_unit_test(test_unusual_shapes),
    };
    int failed = cmocka_run_group_tests_name("docx: fixture document", tests, setup_fixture,
                                             teardown_fixture);
    failed += cmocka_run_group_tests_name("docx: other trees", standalone, NULL, NULL);
    xmlCleanupParser();
    return failed ? 1 : 0;
}
