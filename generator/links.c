/* Addresses in field values and regional text as DOC_LINK nodes (see
 * links.h), found with PCRE2. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "links.h"

#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A host name label: letters, digits and inner hyphens. */
#define LABEL "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
/* What an address never holds: white space, angle brackets, quotes. */
#define NOT_IN_URL "\\s<>\"'\\x{2018}-\\x{201F}"

static const char pattern[] =
    /* 1: an e-mail address */
    "(?<![\\w.%+@-])([A-Za-z0-9._%+-]+@" LABEL "(?:\\." LABEL ")*\\.[A-Za-z]{2,})(?![\\w@-])"
    /* 2: a web address, without the punctuation that follows it */
    "|(?<![\\w./@-])((?:https?://|www\\.)[^" NOT_IN_URL "]*[^" NOT_IN_URL ".,;:!?)\\]}])";

typedef struct {
    pcre2_code *re;
    pcre2_match_data *md;
} linker;

/* A node of n's kind, id and position holding len bytes of s. */
static doc_node *piece(const doc_node *n, doc_kind kind, const char *s, size_t len)
{
    doc_node *p = doc_new_inline(kind, s, len);
    if (!p || doc_set(&p->id, n->id)) {
        doc_free(p);
        return NULL;
    }
    p->change = n->change;
    p->file = n->file;
    p->line = n->line;
    p->column = n->column;
    return p;
}

/* The pieces of n, in order, in a list of their own (first's siblings);
 * NULL with *none set when n holds no address. */
static doc_node *pieces(const linker *t, const doc_node *n, int *none, int *failed)
{
    doc_node holder = {0};
    const char *s = n->text;
    size_t len = strlen(s), from = 0;
    uint32_t opts = 0;
    *none = 1;
    for (;;) {
        int rc = pcre2_match(t->re, (PCRE2_SPTR)s, len, from, opts, t->md, NULL);
        if (rc < 0) {
            *failed = rc == PCRE2_ERROR_NOMEMORY;
            break;
        }
        opts = PCRE2_NO_UTF_CHECK; /* checked once, not on every call */
        const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(t->md);
        size_t start = ov[0], end = ov[1];
        const char *scheme = ov[2] != PCRE2_UNSET            ? "mailto:"
                             : strncmp(s + start, "www.", 4) ? ""
                                                             : "https://";
        doc_node *before = start > from ? piece(n, n->kind, s + from, start - from) : NULL;
        doc_node *link = piece(n, DOC_LINK, s + start, end - start);
        if ((start > from && !before) || !link ||
            doc_setf(&link->href, "%s%.*s", scheme, (int)(end - start), s + start)) {
            doc_free(before);
            doc_free(link);
            *failed = 1;
            break;
        }
        link->number = n->kind;
        if (before)
            doc_append(&holder, before);
        doc_append(&holder, link);
        *none = 0;
        from = end;
    }
    if (!*failed && !*none && from < len) {
        doc_node *after = piece(n, n->kind, s + from, len - from);
        if (after)
            doc_append(&holder, after);
        else
            *failed = 1;
    }
    doc_node *first = holder.first;
    for (doc_node *c = first; c; c = c->next)
        c->parent = NULL;
    if (*failed) {
        doc_free(first);
        return NULL;
    }
    return first;
}

/* Replaces n by its pieces when it holds an address. */
static int split(const linker *t, doc_node *n)
{
    int none = 1, failed = 0;
    doc_node *first = pieces(t, n, &none, &failed);
    if (failed)
        return -1;
    if (none)
        return 0;
    doc_node *at = n;
    while (first) {
        doc_node *next = first->next;
        first->next = NULL;
        doc_insert_after(at, first);
        at = first;
        first = next;
    }
    doc_free(doc_unlink(n));
    return 0;
}

static int link_children(const linker *t, doc_node *parent)
{
    for (doc_node *c = parent->first, *next; c; c = next) {
        next = c->next;
        if (c->kind == DOC_FIELD || c->kind == DOC_REGIONAL) {
            if (split(t, c))
                return -1;
        } else if (!doc_is_inline(c->kind) && link_children(t, c)) {
            return -1;
        }
    }
    return 0;
}

int links_apply(doc_node *const *docs, size_t n)
{
    int err;
    PCRE2_SIZE off;
    linker t = {0};
    t.re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_UCP, &err,
                         &off, NULL);
    if (t.re) /* JIT where available, as for the typography */
        pcre2_jit_compile(t.re, PCRE2_JIT_COMPLETE);
    t.md = t.re ? pcre2_match_data_create_from_pattern(t.re, NULL) : NULL;
    int rc = t.md ? 0 : -1;
    for (size_t i = 0; i < n && !rc; i++)
        rc = link_children(&t, docs[i]);
    pcre2_match_data_free(t.md);
    pcre2_code_free(t.re);
    return rc;
}
