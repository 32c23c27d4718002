/* Reading an ODT or DOCX back (see readback.h): libzip opens the package
 * and checks it, libxml2 parses the parts, and a walk over each body
 * collects the paragraphs as the fingerprint sees them. */
#define _GNU_SOURCE
#include "readback.h"

#include <errno.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "fingerprint.h"

#define NS_OFFICE        "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_TEXT          "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_META          "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
#define NS_DRAW          "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
#define NS_W             "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_W_STRICT      "http://purl.oclc.org/ooxml/wordprocessingml/main"
#define NS_CUSTOM        "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
#define NS_CUSTOM_STRICT "http://purl.oclc.org/ooxml/officeDocument/customProperties"
#define ODT_MIMETYPE     "application/vnd.oasis.opendocument.text"

typedef struct {
    readback *r;
    const char *path;
    diag_list *d;
    fp_text para; /* the paragraph being read */
    int failed;   /* memory ran out */
    /* DOCX complex fields: nesting depth, and per level whether its
     * result is text (a hyperlink) or computed (page, TOC, reference). */
    int field_depth;
    unsigned char field_text[16];
    int in_instr; /* reading a field's instruction, at field_depth */
    char instr[16];
} reader;

/* --- small helpers ------------------------------------------------------ */

static int is(const xmlNode *n, const char *ns, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
           !strcmp((const char *)n->ns->href, ns) && !strcmp((const char *)n->name, name);
}

static int in_ns(const xmlNode *n, const char *ns)
{
    return n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
           !strcmp((const char *)n->ns->href, ns);
}

static int is_w(const xmlNode *n, const char *name)
{
    return is(n, NS_W, name) || is(n, NS_W_STRICT, name);
}

static int name_in(const xmlNode *n, const char *const *names)
{
    for (; *names; names++)
        if (!strcmp((const char *)n->name, *names))
            return 1;
    return 0;
}

static void add_text(reader *rd, const char *s)
{
    fp_text_add(&rd->para, s, strlen(s));
}

static void end_para(reader *rd)
{
    const char *s = fp_text_str(&rd->para);
    char *copy = rd->para.failed ? NULL : strdup(s);
    char **p = copy ? reallocarray(rd->r->paras, rd->r->n_paras + 1, sizeof *p) : NULL;
    if (!p) {
        free(copy);
        rd->failed = 1;
    } else {
        rd->r->paras = p;
        p[rd->r->n_paras++] = copy;
    }
    fp_text_free(&rd->para);
}

/* --- ODT ------------------------------------------------------------------ */

/* Containers whose text is not the document's own: generated indexes,
 * declarations, tracked deletions, comments, notes. */
static const char *const odt_skipped_blocks[] = {"tracked-changes",
                                                 "table-of-content",
                                                 "alphabetical-index",
                                                 "illustration-index",
                                                 "object-index",
                                                 "table-index",
                                                 "user-index",
                                                 "bibliography",
                                                 "sequence-decls",
                                                 "variable-decls",
                                                 "user-field-decls",
                                                 "dde-connection-decls",
                                                 "note",
                                                 "number",
                                                 NULL};

/* Fields whose text the word processor computes. */
static const char *const odt_fields[] = {"page-number",
                                         "page-count",
                                         "page-continuation",
                                         "date",
                                         "time",
                                         "chapter",
                                         "sequence",
                                         "bookmark-ref",
                                         "reference-ref",
                                         "sequence-ref",
                                         "note-ref",
                                         "file-name",
                                         "template-name",
                                         "word-count",
                                         "character-count",
                                         "paragraph-count",
                                         "table-count",
                                         "image-count",
                                         "object-count",
                                         "initial-creator",
                                         "creation-date",
                                         "creation-time",
                                         "modification-date",
                                         "modification-time",
                                         "print-date",
                                         "print-time",
                                         "editing-duration",
                                         "editing-cycles",
                                         "title",
                                         "subject",
                                         "description",
                                         "keywords",
                                         "creator",
                                         "author-name",
                                         "author-initials",
                                         "printed-by",
                                         "page-variable-get",
                                         "variable-get",
                                         "user-field-get",
                                         "expression",
                                         "text-input",
                                         NULL};

static void odt_inline(reader *rd, const xmlNode *n)
{
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            add_text(rd, (const char *)c->content);
            continue;
        }
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (in_ns(c, NS_TEXT)) {
            if (!strcmp((const char *)c->name, "s")) {
                /* text:c counts spaces; any count is one after collapsing. */
                fp_text_space(&rd->para);
            } else if (!strcmp((const char *)c->name, "tab") ||
                       !strcmp((const char *)c->name, "line-break")) {
                fp_text_space(&rd->para);
            } else if (!name_in(c, odt_fields) && !name_in(c, odt_skipped_blocks)) {
                odt_inline(rd, c);
            }
        } else if (!in_ns(c, NS_OFFICE) && !in_ns(c, NS_DRAW)) {
            /* Not office:annotation (a comment) nor a drawing or text box. */
            odt_inline(rd, c);
        }
    }
}

static void odt_blocks(reader *rd, const xmlNode *n)
{
    for (const xmlNode *c = n->children; c && !rd->failed; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (is(c, NS_TEXT, "p") || is(c, NS_TEXT, "h")) {
            odt_inline(rd, c);
            end_para(rd);
        } else if (in_ns(c, NS_TEXT) && name_in(c, odt_skipped_blocks)) {
            continue;
        } else if (!is(c, NS_OFFICE, "annotation") && !is(c, NS_OFFICE, "forms")) {
            odt_blocks(rd, c);
        }
    }
}

static const xmlNode *child(const xmlNode *n, const char *ns, const char *name)
{
    for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
        if (is(c, ns, name))
            return c;
    return NULL;
}

static int odt_body(reader *rd, xmlDoc *doc)
{
    const xmlNode *root = xmlDocGetRootElement(doc);
    const xmlNode *text = child(child(root, NS_OFFICE, "body"), NS_OFFICE, "text");
    if (!is(root, NS_OFFICE, "document-content") || !text)
        return -1;
    odt_blocks(rd, text);
    return 0;
}

/* Adds a property and frees the strings libxml2 gave; either may be NULL. */
static int add_property(reader *rd, xmlChar *name, xmlChar *value)
{
    doc_property *p = reallocarray(rd->r->props, rd->r->n_props + 1, sizeof *p);
    int rc = -1;
    if (p) {
        rd->r->props = p;
        p += rd->r->n_props++;
        p->name = strdup(name ? (const char *)name : "");
        p->value = strdup(value ? (const char *)value : "");
        rc = p->name && p->value ? 0 : -1;
    }
    xmlFree(name);
    xmlFree(value);
    return rc;
}

static int odt_properties(reader *rd, xmlDoc *doc)
{
    const xmlNode *meta = child(xmlDocGetRootElement(doc), NS_OFFICE, "meta");
    for (const xmlNode *c = meta ? meta->children : NULL; c; c = c->next) {
        if (!is(c, NS_META, "user-defined"))
            continue;
        if (add_property(rd, xmlGetNsProp(c, (const xmlChar *)"name", (const xmlChar *)NS_META),
                         xmlNodeGetContent(c)))
            return -1;
    }
    return 0;
}

/* --- DOCX ----------------------------------------------------------------- */

/* A complex field's parts: begin, instruction, separate, result, end.
 * Only a hyperlink's result is text. */
static void docx_fldchar(reader *rd, const xmlNode *c)
{
    xmlChar *type = xmlGetNsProp(c, (const xmlChar *)"fldCharType", c->ns->href);
    const char *t = type ? (const char *)type : "";
    if (!strcmp(t, "begin")) {
        rd->field_depth++;
        if (rd->field_depth <= (int)sizeof rd->field_text)
            rd->field_text[rd->field_depth - 1] = 0;
        rd->in_instr = 1;
        rd->instr[0] = '\0';
    } else if (!strcmp(t, "separate") && rd->field_depth > 0) {
        if (rd->field_depth <= (int)sizeof rd->field_text) {
            const char *s = rd->instr + strspn(rd->instr, " ");
            rd->field_text[rd->field_depth - 1] = !strncmp(s, "HYPERLINK", 9);
        }
        rd->in_instr = 0;
    } else if (!strcmp(t, "end") && rd->field_depth > 0) {
        rd->field_depth--;
        rd->in_instr = 0;
    }
    xmlFree(type);
}

/* Text outside fields, or in the result of a field whose result is text
 * at every level. */
static int in_text(const reader *rd)
{
    if (rd->in_instr)
        return 0;
    for (int i = 0; i < rd->field_depth; i++)
        if (i >= (int)sizeof rd->field_text || !rd->field_text[i])
            return 0;
    return 1;
}

static void docx_run(reader *rd, const xmlNode *r)
{
    for (const xmlNode *c = r->children; c; c = c->next) {
        if (is_w(c, "t")) {
            if (in_text(rd)) {
                xmlChar *s = xmlNodeGetContent(c);
                if (s)
                    add_text(rd, (const char *)s);
                xmlFree(s);
            }
        } else if (is_w(c, "instrText")) {
            xmlChar *s = xmlNodeGetContent(c);
            size_t have = strlen(rd->instr);
            if (s && rd->in_instr && have + 1 < sizeof rd->instr)
                snprintf(rd->instr + have, sizeof rd->instr - have, "%s", (const char *)s);
            xmlFree(s);
        } else if (is_w(c, "fldChar")) {
            docx_fldchar(rd, c);
        } else if (in_text(rd) &&
                   (is_w(c, "tab") || is_w(c, "ptab") || is_w(c, "br") || is_w(c, "cr"))) {
            fp_text_space(&rd->para);
        } else if (in_text(rd) && is_w(c, "noBreakHyphen")) {
            add_text(rd, "-");
        }
    }
}

static void docx_inline(reader *rd, const xmlNode *n)
{
    static const char *const containers[] = {"hyperlink", "ins", "moveTo",     "smartTag",
                                             "customXml", "sdt", "sdtContent", "dir",
                                             "bdo",       NULL};
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (is_w(c, "r")) {
            docx_run(rd, c);
        } else if (is_w(c, "fldSimple")) {
            /* A simple field's result is computed, unless it is a link. */
            xmlChar *instr = xmlGetNsProp(c, (const xmlChar *)"instr", c->ns->href);
            const char *s = instr ? (const char *)instr + strspn((const char *)instr, " ") : "";
            if (!strncmp(s, "HYPERLINK", 9))
                docx_inline(rd, c);
            xmlFree(instr);
        } else if ((in_ns(c, NS_W) || in_ns(c, NS_W_STRICT)) && name_in(c, containers)) {
            docx_inline(rd, c);
        }
    }
}

/* A content control holding a table of contents. */
static int is_toc(const xmlNode *sdt)
{
    const xmlNode *pr = NULL;
    for (const xmlNode *c = sdt->children; c; c = c->next)
        if (is_w(c, "sdtPr"))
            pr = c;
    for (const xmlNode *c = pr ? pr->children : NULL; c; c = c->next) {
        if (!is_w(c, "docPartObj"))
            continue;
        for (const xmlNode *g = c->children; g; g = g->next) {
            if (!is_w(g, "docPartGallery"))
                continue;
            xmlChar *v = xmlGetNsProp(g, (const xmlChar *)"val", g->ns->href);
            int toc = v && !strcmp((const char *)v, "Table of Contents");
            xmlFree(v);
            if (toc)
                return 1;
        }
    }
    return 0;
}

static void docx_blocks(reader *rd, const xmlNode *n)
{
    static const char *const containers[] = {"tbl",       "tr",  "tc",     "sdtContent",
                                             "customXml", "ins", "moveTo", NULL};
    for (const xmlNode *c = n->children; c && !rd->failed; c = c->next) {
        if (is_w(c, "p")) {
            docx_inline(rd, c);
            end_para(rd);
        } else if (is_w(c, "sdt")) {
            if (!is_toc(c))
                docx_blocks(rd, c);
        } else if ((in_ns(c, NS_W) || in_ns(c, NS_W_STRICT)) && name_in(c, containers)) {
            docx_blocks(rd, c);
        }
    }
}

static int docx_body(reader *rd, xmlDoc *doc)
{
    const xmlNode *root = xmlDocGetRootElement(doc), *body = NULL;
    for (const xmlNode *c = root ? root->children : NULL; c; c = c->next)
        if (is_w(c, "body"))
            body = c;
    if (!root || !is_w(root, "document") || !body)
        return -1;
    docx_blocks(rd, body);
    return 0;
}

static int docx_properties(reader *rd, xmlDoc *doc)
{
    const xmlNode *root = xmlDocGetRootElement(doc);
    for (const xmlNode *c = root ? root->children : NULL; c; c = c->next) {
        if (!is(c, NS_CUSTOM, "property") && !is(c, NS_CUSTOM_STRICT, "property"))
            continue;
        if (add_property(rd, xmlGetProp(c, (const xmlChar *)"name"), xmlNodeGetContent(c)))
            return -1;
    }
    return 0;
}

/* --- the package ---------------------------------------------------------- */

/* A member's bytes, or NULL: *missing says whether it is absent (1) or
 * could not be read (0, the package is damaged). */
static char *read_member(zip_t *z, const char *name, size_t *len, int *missing)
{
    zip_stat_t st;
    *missing = 0;
    if (zip_stat(z, name, 0, &st) < 0 || !(st.valid & ZIP_STAT_SIZE)) {
        *missing = 1;
        return NULL;
    }
    if (st.size > 256u << 20)
        return NULL;
    zip_file_t *f = zip_fopen(z, name, 0);
    char *buf = f ? malloc(st.size + 1) : NULL;
    zip_int64_t n = buf ? zip_fread(f, buf, st.size) : -1;
    /* zip_fclose reports a CRC mismatch. */
    int closed = f ? zip_fclose(f) : -1;
    int bad = closed != 0 || n != (zip_int64_t)st.size;
    if (bad || !buf) {
        free(buf);
        return NULL;
    }
    buf[st.size] = '\0';
    *len = st.size;
    return buf;
}

static void damaged(reader *rd, const char *why)
{
    diag_add(rd->d, DIAG_ERROR, DIAG_INPUT, rd->path, 0, 0,
             "Geef een ODT- of DOCX-bestand zoals afspraken het maakte, of een kopie daarvan.",
             "%s", why);
}

/* Parses a member and hands it to fn; missing_ok allows an absent part. */
static int parse_member(reader *rd, zip_t *z, const char *name, int missing_ok,
                        int (*fn)(reader *, xmlDoc *))
{
    size_t len;
    int missing;
    char *data = read_member(z, name, &len, &missing);
    if (!data) {
        if (missing && missing_ok)
            return 0;
        char *why = NULL;
        if (asprintf(&why,
                     missing ? "het onderdeel %s ontbreekt" : "het onderdeel %s is beschadigd",
                     name) < 0)
            why = NULL;
        damaged(rd, why ? why : name);
        free(why);
        return -1;
    }
    xmlDoc *doc = xmlReadMemory(data, (int)len, name, NULL,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    free(data);
    int rc = doc ? fn(rd, doc) : -1;
    xmlFreeDoc(doc);
    if (rc && !rd->failed) {
        char *why = NULL;
        if (asprintf(&why, "het onderdeel %s is geen geldig XML van het verwachte soort", name) < 0)
            why = NULL;
        damaged(rd, why ? why : name);
        free(why);
    }
    return rc;
}

int readback_load(const char *path, readback *out, diag_list *d)
{
    memset(out, 0, sizeof *out);
    reader rd = {.r = out, .path = path, .d = d};
    FILE *f = fopen(path, "rb");
    if (!f) {
        diag_add(d, DIAG_ERROR, DIAG_INPUT, path, 0, 0, NULL, "kan het bestand niet lezen: %s",
                 diag_errno_text(errno));
        return -1;
    }
    fclose(f);
    int zerr = 0;
    zip_t *z = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &zerr);
    if (!z) {
        damaged(&rd, "is geen ODT- of DOCX-bestand (geen zip-pakket, of het pakket is beschadigd)");
        return -1;
    }
    size_t len;
    int missing, rc;
    char *mime = read_member(z, "mimetype", &len, &missing);
    if (mime && !strncmp(mime, ODT_MIMETYPE, len) && len == strlen(ODT_MIMETYPE)) {
        out->format = "ODT";
        rc = parse_member(&rd, z, "content.xml", 0, odt_body) ||
             parse_member(&rd, z, "meta.xml", 1, odt_properties);
    } else if (zip_name_locate(z, "word/document.xml", 0) >= 0) {
        out->format = "DOCX";
        rc = parse_member(&rd, z, "word/document.xml", 0, docx_body) ||
             parse_member(&rd, z, "docProps/custom.xml", 1, docx_properties);
    } else {
        damaged(&rd, "is geen tekstdocument in ODT of DOCX (geen content.xml of "
                     "word/document.xml)");
        rc = -1;
    }
    free(mime);
    zip_discard(z);
    fp_text_free(&rd.para);
    if (rd.failed)
        diag_system(d, "onvoldoende geheugen");
    return rc || rd.failed ? -1 : 0;
}

const char *readback_property(const readback *r, const char *name)
{
    for (size_t i = 0; i < r->n_props; i++)
        if (!strcmp(r->props[i].name, name))
            return r->props[i].value;
    return NULL;
}

void readback_free(readback *r)
{
    for (size_t i = 0; i < r->n_paras; i++)
        free(r->paras[i]);
    for (size_t i = 0; i < r->n_props; i++) {
        free(r->props[i].name);
        free(r->props[i].value);
    }
    free(r->paras);
    free(r->props);
    memset(r, 0, sizeof *r);
}
