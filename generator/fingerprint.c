/* The text fingerprint (see fingerprint.h): the normaliser, the sections,
 * and the walk over the tree that mirrors what the ODT and DOCX writers
 * put in the body. */
#define _GNU_SOURCE
#include "fingerprint.h"
#include "grow.h"

#include <errno.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --- normalised text -------------------------------------------------- */

static void put_bytes(fp_text *t, const char *s, size_t n)
{
    if (t->failed)
        return;
    if (t->len + n + 1 > t->cap) {
        size_t cap = t->cap ? t->cap : 256;
        while (cap < t->len + n + 1)
            cap *= 2;
        char *b = realloc(t->buf, cap);
        if (!b) {
            t->failed = 1;
            return;
        }
        t->buf = b;
        t->cap = cap;
    }
    memcpy(t->buf + t->len, s, n);
    t->len += n;
    t->buf[t->len] = '\0';
}

/* One character of text (not white space): the pending space first. */
static void put_char(fp_text *t, const char *s, size_t n)
{
    if (t->space && t->len)
        put_bytes(t, " ", 1);
    t->space = 0;
    put_bytes(t, s, n);
}

#define ELLIPSIS "\xe2\x80\xa6"

/* A fill-in run that ends: four or more are white space, fewer are text. */
static void end_fill(fp_text *t)
{
    if (!t->n_fill)
        return;
    if (t->n_fill >= 4) {
        t->space = 1;
    } else {
        for (size_t i = 0; i < t->n_fill; i++) {
            if (t->fill == 'e')
                put_char(t, ELLIPSIS, 3);
            else
                put_char(t, &t->fill, 1);
        }
    }
    t->n_fill = 0;
    t->fill = 0;
}

/* The code point at s (n bytes left) and its length; -1 for a byte that
 * does not start valid UTF-8, which is then kept as one character. */
static long decode(const unsigned char *s, size_t n, size_t *len)
{
    *len = 1;
    if (s[0] < 0x80)
        return s[0];
    size_t need = s[0] >= 0xf0 ? 4 : s[0] >= 0xe0 ? 3 : s[0] >= 0xc0 ? 2 : 0;
    if (!need || need > n)
        return -1;
    long cp = s[0] & (0x7f >> need);
    for (size_t i = 1; i < need; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return -1;
        cp = cp << 6 | (s[i] & 0x3f);
    }
    *len = need;
    return cp;
}

static int is_space(long cp)
{
    return cp == ' ' || (cp >= 0x09 && cp <= 0x0d) || cp == 0x85 || cp == 0xa0 || cp == 0x1680 ||
           (cp >= 0x2000 && cp <= 0x200a) || cp == 0x2028 || cp == 0x2029 || cp == 0x202f ||
           cp == 0x205f || cp == 0x3000;
}

/* Invisible characters a word processor may add or drop on its own. */
static int is_dropped(long cp)
{
    return cp == 0xad || (cp >= 0x200b && cp <= 0x200d) || cp == 0x2060 || cp == 0xfeff;
}

void fp_text_add(fp_text *t, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    while (n) {
        size_t len;
        long cp = decode(p, n, &len);
        char fill = cp == '.' ? '.' : cp == '_' ? '_' : cp == 0x2026 ? 'e' : 0;
        p += len;
        n -= len;
        /* Dropped characters do not even split a fill-in run, so that
         * normalising twice changes nothing. */
        if (is_dropped(cp))
            continue;
        if (fill) {
            if (t->fill != fill)
                end_fill(t);
            t->fill = fill;
            t->n_fill++;
        } else {
            end_fill(t);
            if (is_space(cp))
                t->space = 1;
            else if (cp == 0x2011)
                put_char(t, "-", 1);
            else
                put_char(t, (const char *)p - len, len);
        }
    }
}

void fp_text_space(fp_text *t)
{
    end_fill(t);
    t->space = 1;
}

const char *fp_text_str(fp_text *t)
{
    end_fill(t);
    return t->buf ? t->buf : "";
}

void fp_text_free(fp_text *t)
{
    free(t->buf);
    memset(t, 0, sizeof *t);
}

static void to_hex(const unsigned char *md, unsigned int len, char *out)
{
    for (unsigned int i = 0; i < len; i++)
        snprintf(out + 2 * i, 3, "%02x", md[i]);
}

int fp_sha256_hex(const void *data, size_t len, char out[FP_HEX_LEN + 1])
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int md_len = 0;
    if (!EVP_Digest(data, len, md, &md_len, EVP_sha256(), NULL) || md_len * 2 != FP_HEX_LEN)
        return -1;
    to_hex(md, md_len, out);
    return 0;
}

int fp_sha256_file(const char *path, char out[FP_HEX_LEN + 1])
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    unsigned char buf[65536], md[EVP_MAX_MD_SIZE];
    unsigned int md_len = 0;
    int ok = ctx && EVP_DigestInit_ex(ctx, EVP_sha256(), NULL);
    size_t n;
    while (ok && (n = fread(buf, 1, sizeof buf, f)) > 0)
        ok = EVP_DigestUpdate(ctx, buf, n);
    int saved = ferror(f) ? errno : 0;
    ok = ok && !saved && EVP_DigestFinal_ex(ctx, md, &md_len) && md_len * 2 == FP_HEX_LEN;
    EVP_MD_CTX_free(ctx);
    fclose(f);
    if (!ok) {
        errno = saved;
        return -1;
    }
    to_hex(md, md_len, out);
    return 0;
}

void fp_short(const char *hash, char out[20])
{
    size_t o = 0;
    for (size_t i = 0; i < 16 && hash[i]; i++) {
        if (i && i % 4 == 0)
            out[o++] = ' ';
        out[o++] = hash[i];
    }
    out[o] = '\0';
}

/* --- sections and paragraphs ------------------------------------------ */

void fp_add_section(fp_document *f, const char *id, const char *heading)
{
    fp_section *grown = f->failed ? NULL
                                  : grow(f->sections, &f->cap_sections, f->n_sections,
                                         sizeof *f->sections);
    if (!grown) {
        f->failed = 1;
        return;
    }
    f->sections = grown;
    fp_section *s = &f->sections[f->n_sections];
    memset(s, 0, sizeof *s);
    fp_text h = {0};
    if (heading)
        fp_text_add(&h, heading, strlen(heading));
    s->heading = strdup(fp_text_str(&h));
    s->id = id ? strdup(id) : NULL;
    fp_text_free(&h);
    f->n_sections++;
    if (!s->heading || (id && !s->id) || h.failed)
        f->failed = 1;
}

void fp_add_paragraph(fp_document *f, char *text)
{
    if (!f->n_sections)
        fp_add_section(f, NULL, NULL);
    fp_paragraph *grown =
        f->failed ? NULL : grow(f->paras, &f->cap_paras, f->n_paras, sizeof *f->paras);
    if (!grown) {
        free(text);
        f->failed = 1;
        return;
    }
    f->paras = grown;
    f->paras[f->n_paras++] = (fp_paragraph){text, f->n_sections - 1};
}

static int hash_text(fp_text *t, char out[FP_HEX_LEN + 1])
{
    const char *s = fp_text_str(t);
    return t->failed ? -1 : fp_sha256_hex(s, strlen(s), out);
}

/* Every section's text is normalised on its own and the whole text as
 * one: a paragraph boundary is white space, so the whole is the sections
 * joined by single spaces either way. */
int fp_hash(fp_document *f)
{
    if (f->failed)
        return -1;
    fp_text whole = {0};
    int rc = 0;
    size_t p = 0;
    for (size_t s = 0; s < f->n_sections && !rc; s++) {
        fp_text part = {0};
        for (; p < f->n_paras && f->paras[p].section == s; p++) {
            const char *text = f->paras[p].text ? f->paras[p].text : "";
            fp_text_add(&part, text, strlen(text));
            fp_text_space(&part);
            fp_text_add(&whole, text, strlen(text));
            fp_text_space(&whole);
        }
        rc = hash_text(&part, f->sections[s].hash);
        fp_text_free(&part);
    }
    if (!rc)
        rc = hash_text(&whole, f->hash);
    fp_text_free(&whole);
    return rc;
}

void fp_document_free(fp_document *f)
{
    for (size_t i = 0; i < f->n_paras; i++)
        free(f->paras[i].text);
    for (size_t i = 0; i < f->n_sections; i++) {
        free(f->sections[i].id);
        free(f->sections[i].heading);
    }
    free(f->paras);
    free(f->sections);
    memset(f, 0, sizeof *f);
}

/* --- the tree, as the writers write it ---------------------------------- */

/* Builds one paragraph from pieces; a NULL piece is skipped. */
static void add_joined(fp_document *f, const char *a, const char *sep, const char *b)
{
    char *s;
    if (asprintf(&s, "%s%s%s", a ? a : "", a && b ? sep : "", b ? b : "") < 0) {
        f->failed = 1;
        return;
    }
    fp_add_paragraph(f, s);
}

/* A paragraph with an optional label, a tab, and the node's inline text. */
static void add_labelled(fp_document *f, const doc_node *n, const char *label)
{
    char *text = doc_inline_text(n);
    if (!text) {
        f->failed = 1;
        return;
    }
    add_joined(f, label, "\t", text);
    free(text);
}

/* The sections verifieer can name: parts, articles, annexes, the
 * signature page and the headings of the document's frame. */
static int starts_section(const doc_node *n)
{
    switch (n->kind) {
    case DOC_PART:
    case DOC_ARTICLE:
    case DOC_ANNEX:
    case DOC_SIGNATURES:
        return 1;
    case DOC_HEADING:
        return n->parent && n->parent->kind == DOC_DOCUMENT;
    default:
        return 0;
    }
}

static void add_blocks(fp_document *f, const doc_node *n);

static void add_block(fp_document *f, const doc_node *n)
{
    if (starts_section(n))
        fp_add_section(f, n->id, n->label ? n->label : n->title);
    switch (n->kind) {
    case DOC_PART:
    case DOC_ARTICLE:
    case DOC_ANNEX:
    case DOC_SIGNATURES:
    case DOC_HEADING:
        add_joined(f, n->label, " ", n->title);
        break;
    case DOC_PARAGRAPH:
    case DOC_LID:
        add_labelled(f, n, n->label);
        break;
    case DOC_CONTINUATION:
        add_labelled(f, n, NULL);
        break;
    case DOC_ITEM:
        add_labelled(f, n, n->label ? n->label : "\xe2\x80\x93");
        break;
    case DOC_SIGNATORY:
        /* The line to sign on is a fill-in line: white space. */
        if (n->sig) {
            const char *lines[] = {n->sig->party, n->sig->authority, n->sig->place,
                                   n->sig->date,  n->sig->name,      n->sig->function};
            for (size_t i = 0; i < sizeof lines / sizeof *lines; i++)
                if (lines[i])
                    add_joined(f, lines[i], "", NULL);
        }
        break;
    case DOC_LIST:
    case DOC_DOCUMENT:
        break;
    case DOC_TOC:
    case DOC_TOC_ENTRY:
        /* Generated from the headings, as readback skips it. */
        return;
    default:
        /* An inline node at block level: the writers give it a paragraph. */
        add_joined(f, n->text, "", NULL);
        break;
    }
    add_blocks(f, n);
}

/* Paragraphs, lids, items and their further paragraphs hold their inline
 * children in their own paragraph; anywhere else an inline node is a
 * paragraph of its own. */
static void add_blocks(fp_document *f, const doc_node *n)
{
    int holds_inlines = n->kind == DOC_PARAGRAPH || n->kind == DOC_LID || n->kind == DOC_ITEM ||
                        n->kind == DOC_CONTINUATION;
    for (const doc_node *c = n->first; c; c = c->next)
        if (!doc_is_inline(c->kind) || !holds_inlines)
            add_block(f, c);
}

int fp_from_tree(const doc_node *doc, fp_document *f)
{
    const doc_meta *m = doc->meta;
    fp_add_section(f, NULL, m->title);
    if (m->title)
        add_joined(f, m->title, "", NULL);
    if (m->subtitle)
        add_joined(f, m->subtitle, "", NULL);
    add_blocks(f, doc);
    return f->failed ? -1 : 0;
}

/* --- into the tree's metadata ----------------------------------------- */

/* Takes name and value (malloc'd, NULL when that failed). */
static int add_property(doc_meta *m, char *name, char *value)
{
    int r = name && value ? doc_add_property(m, name, value) : -1;
    free(name);
    free(value);
    return r;
}

static int set_meta(doc_meta *m, const fp_document *f, const char *region_sha256)
{
    char brief[20];
    fp_short(f->hash, brief);
    if (doc_set(&m->fingerprint, f->hash) ||
        (m->fingerprint_label
             ? doc_setf(&m->fingerprint_line, "%s: %s", m->fingerprint_label, brief)
             : doc_set(&m->fingerprint_line, brief)) ||
        add_property(m, strdup(FP_PROP_DOCUMENT), strdup(f->hash)) ||
        (region_sha256 && add_property(m, strdup(FP_PROP_REGION), strdup(region_sha256))))
        return -1;
    for (size_t i = 0; i < f->n_sections; i++) {
        const fp_section *s = &f->sections[i];
        char *name, *value;
        if (asprintf(&name, FP_PROP_SECTION "%03zu", i + 1) < 0)
            return -1;
        if (asprintf(&value, "%s %s %s", s->hash, s->id ? s->id : "-", s->heading) < 0) {
            free(name);
            return -1;
        }
        if (add_property(m, name, value))
            return -1;
    }
    return 0;
}

int fingerprint_document(doc_node *doc, const char *region_sha256)
{
    fp_document f = {0};
    int rc =
        fp_from_tree(doc, &f) || fp_hash(&f) || set_meta(doc->meta, &f, region_sha256) ? -1 : 0;
    fp_document_free(&f);
    return rc;
}
