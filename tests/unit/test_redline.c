/* The redline writers: the ODT and DOCX writers over a merged tree with
 * change marks, built here by hand. Checks that every mark is well formed
 * (ids unique and resolved, deleted text only where deletions keep it),
 * that content.xml validates against ODF 1.3, and that a tree without a
 * change author is written without marks.
 *
 * With REDLINE_OUT=DIR set, each merged tree is also written to DIR with
 * the two documents it merges (NAME-oud, NAME-nieuw, NAME-redline; .odt
 * and .docx), so tests/functional/test_redline.py can check accept-all
 * and reject-all with readers of its own. */
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

#include "output.h"

#define ODF_SCHEMA "tests/schemas/odf-1.3/OpenDocument-v1.3-schema.rng"
#define NS_TEXT    "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_W       "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

static xmlRelaxNGPtr odf_schema;

/* ---- building merged trees ---- */

static doc_node *add(doc_node *parent, doc_kind kind, const char *label, const char *title,
                     doc_change change)
{
    doc_node *n = doc_new(kind);
    assert_non_null(n);
    doc_set(&n->label, label);
    doc_set(&n->title, title);
    n->change = change;
    doc_append(parent, n);
    return n;
}

static void text(doc_node *parent, doc_kind kind, const char *s, doc_change change)
{
    doc_node *n = doc_new_inline(kind, s, strlen(s));
    assert_non_null(n);
    n->change = change;
    doc_append(parent, n);
}

static void renumber(doc_node *n, const char *old_label, const char *old_title)
{
    doc_set(&n->old_label, old_label);
    doc_set(&n->old_title, old_title);
}

static doc_node *signatory(doc_node *sigs, const char *party, const char *name, doc_change c)
{
    doc_node *s = add(sigs, DOC_SIGNATORY, NULL, NULL, c);
    s->sig = calloc(1, sizeof *s->sig);
    assert_non_null(s->sig);
    doc_set(&s->sig->party, party);
    doc_set(&s->sig->name, name);
    doc_set(&s->sig->function, "burgemeester");
    return s;
}

static doc_node *merged_document(void)
{
    doc_node *d = doc_new_document();
    assert_non_null(d);
    doc_meta *m = d->meta;
    doc_set(&m->title, "Bestuurlijke Afspraken Zorg- en Veiligheidshuis");
    doc_set(&m->subtitle, "Regio Proefland");
    doc_set(&m->region, "Proefland");
    doc_set(&m->model_version, "1.0");
    doc_set(&m->language, "nl-NL");
    doc_set(&m->change_author, "afspraken");
    m->timestamp = 1768478400;   /* 2026-01-15 12:00 UTC */
    m->change_date = 1768478400;
    doc_node *h = add(d, DOC_HEADING, NULL, "Partijen", DOC_SAME);
    h->number = 1;
    doc_node *p = add(d, DOC_PARAGRAPH, NULL, NULL, DOC_SAME);
    text(p, DOC_TEXT, "De ondergetekenden komen overeen:", DOC_SAME);
    return d;
}

/* Every kind of change the comparison makes: a field value, a one-word
 * regional change, a dropped article with a list, renumbered and
 * retitled headings, an inserted and a deleted lid, an added article,
 * spaces at the edges of changes, and a tail that deletes one signatory
 * and adds another. */
static doc_node *merged_full(void)
{
    doc_node *d = merged_document();
    doc_set(&d->meta->old_subtitle, "Regio Proefland, versie 2025");
    doc_node *part = add(d, DOC_PART, "Deel A", "Afspraken", DOC_SAME);

    doc_node *a1 = add(part, DOC_ARTICLE, "Artikel 1", "De Stuurgroep", DOC_SAME);
    doc_node *l = add(a1, DOC_LID, "1.", NULL, DOC_SAME);
    text(l, DOC_TEXT, "De Stuurgroep vergadert ", DOC_SAME);
    text(l, DOC_FIELD, "4", DOC_DELETED);
    text(l, DOC_FIELD, "6", DOC_INSERTED);
    text(l, DOC_TEXT, " keer per jaar.", DOC_SAME);
    l = add(a1, DOC_LID, "2.", NULL, DOC_SAME);
    text(l, DOC_REGIONAL, "Het overleg is ", DOC_SAME);
    text(l, DOC_REGIONAL, "maandelijks", DOC_DELETED);
    text(l, DOC_REGIONAL, "wekelijks", DOC_INSERTED);
    text(l, DOC_REGIONAL, " in Tiel.", DOC_SAME);

    doc_node *a2 = add(part, DOC_ARTICLE, "Artikel 2", "Casusoverleg", DOC_DELETED);
    l = add(a2, DOC_LID, "1.", NULL, DOC_DELETED);
    text(l, DOC_TEXT, "Het casusoverleg  bespreekt:", DOC_DELETED);
    doc_node *list = add(l, DOC_LIST, NULL, NULL, DOC_SAME);
    doc_node *it = add(list, DOC_ITEM, "a.", NULL, DOC_DELETED);
    text(it, DOC_TERM, "Casus", DOC_DELETED);
    text(it, DOC_TEXT, "sen;\tmet een tab", DOC_DELETED);
    it = add(list, DOC_ITEM, "b.", NULL, DOC_DELETED);
    text(it, DOC_TEXT, "signalen.", DOC_DELETED);
    l = add(a2, DOC_LID, "2.", NULL, DOC_DELETED);
    text(l, DOC_TEXT, "Het verslag is vertrouwelijk.", DOC_DELETED);

    doc_node *a3 = add(part, DOC_ARTICLE, "Artikel 2", "Gegevens delen", DOC_SAME);
    renumber(a3, "Artikel 3", "Gegevensdeling");
    l = add(a3, DOC_LID, "1.", NULL, DOC_SAME);
    text(l, DOC_TEXT, "Partijen delen gegevens ", DOC_SAME);
    text(l, DOC_TEXT, "alleen ", DOC_INSERTED);
    text(l, DOC_TEXT, "volgens artikel ", DOC_SAME);
    text(l, DOC_REF, "3", DOC_DELETED);
    text(l, DOC_REF, "2", DOC_INSERTED);
    text(l, DOC_TEXT, ".", DOC_SAME);
    text(l, DOC_TEXT, " Dit geldt ook voor verslagen.", DOC_DELETED);
    l = add(a3, DOC_LID, "2.", NULL, DOC_INSERTED);
    text(l, DOC_TEXT, "Een nieuw lid over bewaartermijnen.", DOC_INSERTED);
    l = add(a3, DOC_LID, "3.", NULL, DOC_SAME);
    renumber(l, "2.", NULL);
    text(l, DOC_TEXT, "Het privacyprotocol is van toepassing.", DOC_SAME);
    l = add(a3, DOC_LID, "3.", NULL, DOC_DELETED);
    text(l, DOC_TEXT, "Een vervallen lid.", DOC_DELETED);
    l = add(a3, DOC_LID, "4.", NULL, DOC_SAME);
    renumber(l, "", NULL);
    text(l, DOC_TEXT, "Een lid dat eerst het enige was.", DOC_SAME);
    list = add(l, DOC_LIST, NULL, NULL, DOC_SAME);
    it = add(list, DOC_ITEM, "a.", NULL, DOC_SAME);
    renumber(it, "", NULL);
    text(it, DOC_TEXT, "een onderdeel dat een letter kreeg;", DOC_SAME);
    it = add(list, DOC_ITEM, NULL, NULL, DOC_SAME);
    renumber(it, "b.", NULL);
    text(it, DOC_TEXT, "een onderdeel dat zijn letter verloor.", DOC_SAME);

    doc_node *a4 = add(part, DOC_ARTICLE, "Artikel 3", "Evaluatie", DOC_INSERTED);
    l = add(a4, DOC_LID, NULL, NULL, DOC_INSERTED);
    text(l, DOC_TEXT, "Partijen evalueren jaarlijks.", DOC_INSERTED);

    doc_node *sigs = add(d, DOC_SIGNATURES, NULL, "Ondertekening", DOC_SAME);
    doc_node *p = add(sigs, DOC_PARAGRAPH, NULL, NULL, DOC_SAME);
    text(p, DOC_TEXT, "Aldus overeengekomen.", DOC_SAME);
    /* Open lines, as a concept has them, are placeholders. */
    signatory(sigs, "Namens Gemeente Tiel", "[IN TE VULLEN: naam]", DOC_SAME)->sig->open =
        DOC_SIG_NAME;
    signatory(sigs, "Namens Gemeente Buren", "B. de Wit", DOC_DELETED);
    signatory(sigs, "Namens Gemeente Culemborg", "[IN TE VULLEN: naam]", DOC_INSERTED)
        ->sig->open = DOC_SIG_NAME;
    return d;
}

/* The document ends in deleted blocks only. */
static doc_node *merged_tail_deleted(void)
{
    doc_node *d = merged_document();
    doc_set(&d->meta->old_title, "Bestuurlijke Afspraken 2025");
    doc_set(&d->meta->old_subtitle, "");
    doc_node *a = add(d, DOC_ARTICLE, "Artikel 1", "Slot", DOC_SAME);
    renumber(a, NULL, "");
    doc_node *l = add(a, DOC_LID, NULL, NULL, DOC_SAME);
    text(l, DOC_TEXT, "Deze afspraken gelden vier jaar.", DOC_SAME);
    doc_node *annex = add(d, DOC_ANNEX, "Bijlage 1", "Adressen", DOC_DELETED);
    doc_node *p = add(annex, DOC_PARAGRAPH, NULL, NULL, DOC_DELETED);
    text(p, DOC_TEXT, "Postbus 1, Tiel", DOC_DELETED);
    return d;
}

/* The document ends in inserted blocks, the first of them right after a
 * deleted one, and the first article is all new. */
static doc_node *merged_tail_inserted(void)
{
    doc_node *d = merged_document();
    free(d->meta->subtitle);
    d->meta->subtitle = NULL;
    doc_set(&d->meta->old_subtitle, "Regio Proefland");
    doc_node *a = add(d, DOC_ARTICLE, "Artikel 1", "Begin", DOC_INSERTED);
    doc_node *l = add(a, DOC_LID, NULL, NULL, DOC_INSERTED);
    text(l, DOC_TEXT, "Een nieuw begin.", DOC_INSERTED);
    a = add(d, DOC_ARTICLE, "Artikel 2", "Slot", DOC_SAME);
    renumber(a, "Artikel 1", NULL);
    l = add(a, DOC_LID, NULL, NULL, DOC_SAME);
    text(l, DOC_TEXT, "Deze afspraken gelden ", DOC_SAME);
    text(l, DOC_TEXT, "vier jaar", DOC_DELETED);
    text(l, DOC_TEXT, "vijf jaar", DOC_INSERTED);
    text(l, DOC_TEXT, ".", DOC_SAME);
    l = add(a, DOC_LID, NULL, NULL, DOC_DELETED);
    text(l, DOC_TEXT, "Tekst die vervalt.", DOC_DELETED);
    doc_node *annex = add(d, DOC_ANNEX, "Bijlage 1", "Adressen", DOC_INSERTED);
    doc_node *p = add(annex, DOC_PARAGRAPH, NULL, NULL, DOC_INSERTED);
    text(p, DOC_TEXT, "Postbus 1, Tiel", DOC_INSERTED);
    return d;
}

/* Insertions that end one paragraph and begin the next, which
 * LibreOffice would join into one change across the unchanged break. */
static doc_node *merged_adjacent(void)
{
    doc_node *d = merged_document();
    doc_node *p = add(d, DOC_PARAGRAPH, NULL, NULL, DOC_SAME);
    text(p, DOC_TEXT, "Eerste alinea ", DOC_SAME);
    text(p, DOC_FIELD, "met nieuw slot", DOC_INSERTED);
    p = add(d, DOC_PARAGRAPH, NULL, NULL, DOC_SAME);
    text(p, DOC_FIELD, "Nieuw begin", DOC_INSERTED);
    text(p, DOC_TEXT, " van de tweede alinea, ", DOC_SAME);
    text(p, DOC_TEXT, "en een nieuw slot", DOC_INSERTED);
    p = add(d, DOC_PARAGRAPH, NULL, NULL, DOC_INSERTED);
    text(p, DOC_TEXT, "Een nieuwe alinea.", DOC_INSERTED);
    doc_node *a = add(d, DOC_ARTICLE, "Artikel 1", "Nieuwe titel", DOC_SAME);
    renumber(a, NULL, "Titel");
    doc_node *l = add(a, DOC_LID, NULL, NULL, DOC_SAME);
    text(l, DOC_TEXT, "Ingevoegd ", DOC_INSERTED);
    text(l, DOC_TEXT, "begin, ", DOC_SAME);
    text(l, DOC_TEXT, "oud", DOC_DELETED);
    text(l, DOC_TEXT, "nieuw", DOC_INSERTED);
    a = add(d, DOC_ARTICLE, "Artikel 2", "Slot", DOC_SAME);
    renumber(a, "", NULL);
    l = add(a, DOC_LID, NULL, NULL, DOC_SAME);
    text(l, DOC_TEXT, "Deze afspraken gelden vier jaar.", DOC_SAME);
    return d;
}

/* One side of a merged tree, as the comparison's inputs would be: drop
 * leaves out what the other side has, and the older side keeps the older
 * labels and titles. Not a redline: no change author. */
static doc_node *side(const doc_node *n, doc_change drop)
{
    doc_node *c = doc_new(n->kind);
    assert_non_null(c);
    int older = drop == DOC_INSERTED;
    doc_set(&c->id, n->id);
    const char *label = older && n->old_label ? n->old_label : n->label;
    const char *title = older && n->old_title ? n->old_title : n->title;
    doc_set(&c->label, label && *label ? label : NULL);
    doc_set(&c->title, title && *title ? title : NULL);
    doc_set(&c->text, n->text);
    c->number = n->number;
    if (n->meta) {
        c->meta = calloc(1, sizeof *c->meta);
        assert_non_null(c->meta);
        const char *mtitle = older && n->meta->old_title ? n->meta->old_title : n->meta->title;
        const char *sub =
            older && n->meta->old_subtitle ? n->meta->old_subtitle : n->meta->subtitle;
        doc_set(&c->meta->title, mtitle && *mtitle ? mtitle : NULL);
        doc_set(&c->meta->subtitle, sub && *sub ? sub : NULL);
        doc_set(&c->meta->region, n->meta->region);
        doc_set(&c->meta->model_version, n->meta->model_version);
        doc_set(&c->meta->language, n->meta->language);
        c->meta->timestamp = n->meta->timestamp;
    }
    if (n->sig) {
        c->sig = calloc(1, sizeof *c->sig);
        assert_non_null(c->sig);
        doc_set(&c->sig->party, n->sig->party);
        doc_set(&c->sig->name, n->sig->name);
        doc_set(&c->sig->function, n->sig->function);
        c->sig->open = n->sig->open;
    }
    for (const doc_node *k = n->first; k; k = k->next)
        if (k->change != drop)
            doc_append(c, side(k, drop));
    return c;
}

/* ---- reading what was written ---- */

static char *member(const out_buf *pkg, const char *name)
{
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t *src = zip_source_buffer_create(pkg->data, pkg->len, 0, &err);
    assert_non_null(src);
    zip_t *z = zip_open_from_source(src, ZIP_RDONLY, &err);
    assert_non_null(z);
    zip_stat_t st;
    assert_int_equal(zip_stat(z, name, 0, &st), 0);
    zip_file_t *f = zip_fopen(z, name, 0);
    assert_non_null(f);
    char *data = malloc(st.size + 1);
    assert_non_null(data);
    assert_int_equal(zip_fread(f, data, st.size), (zip_int64_t)st.size);
    data[st.size] = '\0';
    zip_fclose(f);
    zip_discard(z);
    zip_error_fini(&err);
    return data;
}

static xmlDocPtr parse(const out_buf *pkg, const char *name)
{
    char *data = member(pkg, name);
    xmlDocPtr x = xmlReadMemory(data, (int)strlen(data), name, "UTF-8", XML_PARSE_NONET);
    free(data);
    assert_non_null(x);
    return x;
}

static xmlXPathObjectPtr eval(xmlDocPtr x, const char *fmt, ...)
{
    char expr[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(expr, sizeof expr, fmt, ap);
    va_end(ap);
    xmlXPathContextPtr ctx = xmlXPathNewContext(x);
    assert_non_null(ctx);
    xmlXPathRegisterNs(ctx, BAD_CAST "text", BAD_CAST NS_TEXT);
    xmlXPathRegisterNs(ctx, BAD_CAST "w", BAD_CAST NS_W);
    xmlXPathRegisterNs(ctx, BAD_CAST "dc", BAD_CAST "http://purl.org/dc/elements/1.1/");
    xmlXPathObjectPtr r = xmlXPathEvalExpression(BAD_CAST expr, ctx);
    xmlXPathFreeContext(ctx);
    assert_non_null(r);
    return r;
}

static int count(xmlDocPtr x, const char *fmt, const char *arg)
{
    char expr[512];
    snprintf(expr, sizeof expr, "count(%s)", fmt);
    xmlXPathObjectPtr r = eval(x, expr, arg);
    int n = (int)r->floatval;
    xmlXPathFreeObject(r);
    return n;
}

static void render(const doc_node *d, int (*fn)(const doc_node *, out_buf *, diag_list *),
                   out_buf *out)
{
    diag_list dl = {0};
    int rc = fn(d, out, &dl);
    if (rc)
        diag_print(&dl, stderr);
    assert_int_equal(rc, 0);
    diag_free(&dl);
}

static void save(const char *name, const char *suffix, const out_buf *b)
{
    const char *dir = getenv("REDLINE_OUT");
    if (!dir)
        return;
    char path[1024];
    snprintf(path, sizeof path, "%s/%s%s", dir, name, suffix);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(b->data, 1, b->len, f), b->len);
    assert_int_equal(fclose(f), 0);
}

/* ---- checks ---- */

/* Every mark names a region, every region is marked: an insertion by one
 * start and one end, a deletion by one point; creator and date given. */
static void check_odt(const out_buf *odt)
{
    xmlDocPtr x = parse(odt, "content.xml");
    xmlRelaxNGValidCtxtPtr v = xmlRelaxNGNewValidCtxt(odf_schema);
    assert_int_equal(xmlRelaxNGValidateDoc(v, x), 0);
    xmlRelaxNGFreeValidCtxt(v);
    xmlXPathObjectPtr regions = eval(x, "//text:changed-region");
    int n = regions->nodesetval ? regions->nodesetval->nodeNr : 0;
    assert_true(n > 0);
    for (int i = 0; i < n; i++) {
        xmlChar *id = xmlGetProp(regions->nodesetval->nodeTab[i], BAD_CAST "id");
        assert_non_null(id);
        const char *s = (const char *)id;
        if (count(x, "//text:changed-region[@text:id='%s']/text:insertion", s)) {
            assert_int_equal(count(x, "//text:change-start[@text:change-id='%s']", s), 1);
            assert_int_equal(count(x, "//text:change-end[@text:change-id='%s']", s), 1);
            assert_int_equal(count(x, "//text:change[@text:change-id='%s']", s), 0);
        } else {
            assert_int_equal(count(x, "//text:changed-region[@text:id='%s']/text:deletion", s), 1);
            assert_int_equal(count(x, "//text:change[@text:change-id='%s']", s), 1);
            assert_int_equal(count(x, "//text:change-start[@text:change-id='%s']", s), 0);
        }
        xmlFree(id);
    }
    xmlXPathFreeObject(regions);
    assert_int_equal(count(x, "//text:changed-region//dc:creator[. != '%s']", "afspraken"), 0);
    assert_int_equal(count(x, "//text:changed-region//dc:date[. != '%s']", "2026-01-15T12:00:00"),
                     0);
    /* No deletion point inside an insertion span would survive its
     * rejection: the body never nests a point between start and end. */
    assert_int_equal(count(x, "//text:change[preceding::text:change-start[1]/@text:change-id = "
                              "following::text:change-end[1]/@text:change-id]%s", ""),
                     0);
    xmlFreeDoc(x);
}

/* w:ids unique, author and date on every change, deleted text only as
 * w:delText inside w:del and never elsewhere. */
static void check_docx(const out_buf *docx)
{
    xmlDocPtr x = parse(docx, "word/document.xml");
    assert_true(count(x, "//w:ins|//w:del%s", "") > 0);
    assert_int_equal(count(x, "(//w:ins|//w:del)[not(@w:author='%s')]", "afspraken"), 0);
    assert_int_equal(count(x, "(//w:ins|//w:del)[not(@w:date='%s')]", "2026-01-15T12:00:00Z"), 0);
    assert_int_equal(count(x, "(//w:ins|//w:del)[@w:id = following::*[self::w:ins or "
                              "self::w:del]/@w:id]%s", ""),
                     0);
    assert_int_equal(count(x, "//w:del//w:t%s", ""), 0);
    assert_int_equal(count(x, "//w:delText[not(ancestor::w:del)]%s", ""), 0);
    assert_int_equal(count(x, "//w:ins//w:delText%s", ""), 0);
    xmlFreeDoc(x);
}

static void check_pair(const char *name, doc_node *merged)
{
    doc_node *older = side(merged, DOC_INSERTED), *newer = side(merged, DOC_DELETED);
    out_buf b = {0};
    render(merged, odt_render, &b);
    check_odt(&b);
    save(name, "-redline.odt", &b);
    out_buf_free(&b);
    render(merged, docx_render, &b);
    check_docx(&b);
    save(name, "-redline.docx", &b);
    out_buf_free(&b);
    const doc_node *sides[] = {older, newer};
    const char *suffix[][2] = {{"-oud.odt", "-oud.docx"}, {"-nieuw.odt", "-nieuw.docx"}};
    for (int i = 0; i < 2; i++) {
        render(sides[i], odt_render, &b);
        save(name, suffix[i][0], &b);
        out_buf_free(&b);
        render(sides[i], docx_render, &b);
        save(name, suffix[i][1], &b);
        out_buf_free(&b);
    }
    doc_free(older);
    doc_free(newer);
    doc_free(merged);
}

static void test_full(void **state)
{
    (void)state;
    check_pair("volledig", merged_full());
}

static void test_tail_deleted(void **state)
{
    (void)state;
    check_pair("staart-weg", merged_tail_deleted());
}

static void test_tail_inserted(void **state)
{
    (void)state;
    check_pair("staart-erbij", merged_tail_inserted());
}

/* The deleted field and the older article number live in deletions, the
 * newer ones between insertion marks. */
static void test_adjacent_insertions(void **state)
{
    (void)state;
    check_pair("aangrenzend", merged_adjacent());
}

static void test_changed_text_placed(void **state)
{
    (void)state;
    doc_node *d = merged_full();
    out_buf b = {0};
    render(d, odt_render, &b);
    xmlDocPtr x = parse(&b, "content.xml");
    assert_int_equal(count(x, "//text:deletion/text:p[. = '%s']", "4"), 1);
    assert_int_equal(count(x, "//text:deletion/text:h[starts-with(., '%s')]", "Artikel 2 Casus"), 1);
    /* Only the number of a renumbered heading is changed; the reference
     * to it changes too. */
    assert_int_equal(count(x, "//text:deletion/text:p[. = '%s']", "3"), 2);
    assert_int_equal(count(x, "//text:deletion/text:p[contains(., '%s')]", "Artikel"), 0);
    assert_int_equal(count(x, "//text:h[contains(., '%s')]", "Artikel 2 Gegevens delen"), 1);
    xmlFreeDoc(x);
    out_buf_free(&b);
    render(d, docx_render, &b);
    x = parse(&b, "word/document.xml");
    assert_int_equal(count(x, "//w:del/w:r/w:delText[. = '%s']", "4"), 1);
    assert_int_equal(count(x, "//w:ins/w:r/w:t[. = '%s']", "6"), 1);
    assert_int_equal(count(x, "//w:p[w:r/w:t = 'Artikel '][w:del/w:r/w:delText = '3']"
                              "[w:ins/w:r/w:t = '%s']",
                           "2"),
                     1);
    /* The dropped article's heading: text and paragraph mark deleted. */
    assert_int_equal(count(x, "//w:p[w:pPr/w:rPr/w:del][w:del/w:r/w:delText = '%s']",
                           "Artikel 2 Casusoverleg"),
                     1);
    xmlFreeDoc(x);
    out_buf_free(&b);
    doc_free(d);
}

/* Without a change author the tree is not a redline: no marks at all,
 * whatever the nodes say. */
static void test_no_author_no_marks(void **state)
{
    (void)state;
    doc_node *d = merged_full();
    free(d->meta->change_author);
    d->meta->change_author = NULL;
    out_buf b = {0};
    render(d, odt_render, &b);
    xmlDocPtr x = parse(&b, "content.xml");
    assert_int_equal(count(x, "//text:tracked-changes|//text:change-start|//text:change%s", ""), 0);
    xmlFreeDoc(x);
    out_buf_free(&b);
    render(d, docx_render, &b);
    x = parse(&b, "word/document.xml");
    assert_int_equal(count(x, "//w:ins|//w:del|//w:delText%s", ""), 0);
    xmlFreeDoc(x);
    out_buf_free(&b);
    doc_free(d);
}

static int load_schema(void **state)
{
    (void)state;
    xmlRelaxNGParserCtxtPtr p = xmlRelaxNGNewParserCtxt(ODF_SCHEMA);
    odf_schema = p ? xmlRelaxNGParse(p) : NULL;
    xmlRelaxNGFreeParserCtxt(p);
    return odf_schema ? 0 : -1;
}

static int free_schema(void **state)
{
    (void)state;
    xmlRelaxNGFree(odf_schema);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_full),
        cmocka_unit_test(test_tail_deleted),
        cmocka_unit_test(test_tail_inserted),
        cmocka_unit_test(test_adjacent_insertions),
        cmocka_unit_test(test_changed_text_placed),
        cmocka_unit_test(test_no_author_no_marks),
    };
    return cmocka_run_group_tests(tests, load_schema, free_schema);
}
