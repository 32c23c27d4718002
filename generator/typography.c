/* Dutch typography on the assembled tree (see typography.h): PCRE2 finds
 * each character to replace, a single space or hyphen matched after \K
 * with its context in lookarounds, so one pattern serves every rule and
 * a match never swallows the context of the next. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "typography.h"
#include "grow.h"

#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#define NBSP "\xc2\xa0"
#define NBHY "\xe2\x80\x91"

/* Not inside a word: the rules start at a word's first letter. */
#define WORD_START "(?<![\\p{L}\\p{N}])"
#define WORD_END   "(?![\\p{L}\\p{N}])"
#define MONTH                                                                                      \
    "(?i:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|"          \
    "december)"

static const char pattern[] =
    /* 's-Hertogenbosch, ’s-Gravenhage */
    WORD_START "['\u2019]s\\K-(?=\\p{Lu})"
               /* Gelderland-Zuid, Sint-Michielsgestel, Janssen-Bos; not "Zorg- en" */
               "|" WORD_START "\\p{Lu}\\p{L}*\\K-(?=\\p{Lu})"
               /* artikel 2.27, de artikelen 12, 13 en 15, lid 2, bijlage 1, § 3 */
               "|" WORD_START
               "(?:[Aa]rtikel(?:en)?|[Aa]rt\\.|[Ll]id|[Ll]eden|[Bb]ijlagen?|[Hh]oofdstuk"
               "|[Pp]aragraaf)\\K (?=\\d)"
               "|§\\K (?=\\d)"
               /* Deel A, deel 2 */
               "|" WORD_START "[Dd]eel\\K (?=(?:\\p{Lu}|\\d+)" WORD_END ")"
               /* 1 maart 2025: day and month, month and year */
               "|" WORD_START "\\d{1,2}\\K (?=" MONTH WORD_END ")"
               "|" WORD_START MONTH "\\K (?=\\d{4}" WORD_END ")"
               /* a postcode: 5200 GZ */
               "|" WORD_START "\\d{4}\\K (?=[A-Z]{2}" WORD_END ")"
               /* € 1.500, EUR 1.500, 1.500 euro */
               "|(?:€|" WORD_START "EUR)\\K (?=\\d)"
               "|\\d\\K (?=(?:euro|EUR)" WORD_END ")";

typedef struct {
    pcre2_code *re;
    pcre2_match_data *md;
} typesetter;

static int typesetter_open(typesetter *t)
{
    int err;
    PCRE2_SIZE off;
    t->re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_UCP, &err,
                          &off, NULL);
    if (!t->re)
        return -1;
    /* The pattern is tried at every character of the document: JIT where
     * available, the interpreter otherwise (pcre2_match chooses). */
    pcre2_jit_compile(t->re, PCRE2_JIT_COMPLETE);
    t->md = pcre2_match_data_create_from_pattern(t->re, NULL);
    return t->md ? 0 : -1;
}

static void typesetter_close(typesetter *t)
{
    pcre2_match_data_free(t->md);
    pcre2_code_free(t->re);
}

typedef struct {
    size_t *at; /* byte offsets of the characters to replace, ascending */
    size_t n, cap;
} marks;

/* Collects the marks in s. Text that is not valid UTF-8 (which the
 * loader refuses) is left as it is. 0, or -1 when memory ran out. */
static int find_marks(const typesetter *t, const char *s, size_t len, marks *m)
{
    m->n = 0;
    uint32_t opts = 0;
    PCRE2_SIZE start = 0;
    for (;;) {
        int rc = pcre2_match(t->re, (PCRE2_SPTR)s, len, start, opts, t->md, NULL);
        if (rc < 0)
            return rc == PCRE2_ERROR_NOMEMORY ? -1 : 0;
        /* PCRE2 would check the whole subject again on every call. */
        opts = PCRE2_NO_UTF_CHECK;
        const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(t->md);
        size_t *p = grow(m->at, &m->cap, m->n, sizeof *p);
        if (!p)
            return -1;
        m->at = p;
        m->at[m->n++] = ov[0];
        start = ov[1];
    }
}

/* s (len bytes, at offset base of the text the marks were found in) with
 * its marked characters replaced; NULL when memory ran out. *next is the
 * first mark to consider and is moved past those used. */
static char *rewrite(const char *s, size_t len, size_t base, const marks *m, size_t *next)
{
    size_t grow = 0, i;
    for (i = *next; i < m->n && m->at[i] < base + len; i++)
        grow += s[m->at[i] - base] == '-' ? strlen(NBHY) - 1 : strlen(NBSP) - 1;
    char *out = malloc(len + grow + 1), *o = out;
    if (!out)
        return NULL;
    size_t from = 0;
    for (i = *next; i < m->n && m->at[i] < base + len; i++) {
        size_t at = m->at[i] - base;
        memcpy(o, s + from, at - from);
        o += at - from;
        const char *twin = s[at] == '-' ? NBHY : NBSP;
        memcpy(o, twin, strlen(twin));
        o += strlen(twin);
        from = at + 1;
    }
    memcpy(o, s + from, len - from);
    o[len - from] = '\0';
    *next = i;
    return out;
}

/* Typesets *field in place (NULL stays NULL); 0 or -1. */
static int typeset_field(const typesetter *t, marks *m, char **field)
{
    if (!*field)
        return 0;
    size_t len = strlen(*field), next = 0;
    if (find_marks(t, *field, len, m))
        return -1;
    if (!m->n)
        return 0;
    char *s = rewrite(*field, len, 0, m, &next);
    if (!s)
        return -1;
    free(*field);
    *field = s;
    return 0;
}

/* The inline siblings from first up to (not including) end as one text. */
static int typeset_inlines(const typesetter *t, marks *m, doc_node *first, doc_node *end)
{
    size_t len = 0;
    for (doc_node *c = first; c != end; c = c->next)
        len += strlen(c->text);
    char *joined = malloc(len + 1), *p = joined;
    if (!joined)
        return -1;
    for (doc_node *c = first; c != end; c = c->next) {
        size_t l = strlen(c->text);
        memcpy(p, c->text, l);
        p += l;
    }
    *p = '\0';
    int rc = find_marks(t, joined, len, m);
    free(joined);
    size_t base = 0, next = 0;
    for (doc_node *c = first; !rc && c != end && next < m->n; c = c->next) {
        size_t l = strlen(c->text);
        if (m->at[next] < base + l) {
            char *s = rewrite(c->text, l, base, m, &next);
            if (!s)
                return -1;
            free(c->text);
            c->text = s;
        }
        base += l;
    }
    return rc;
}

static int typeset_node(const typesetter *t, marks *m, doc_node *n)
{
    /* A table of contents entry repeats its heading's label and title,
     * and is made from them after this pass. */
    if (n->kind == DOC_TOC_ENTRY)
        return 0;
    if (typeset_field(t, m, &n->title) || typeset_field(t, m, &n->old_title))
        return -1;
    if (n->meta && n->meta->title && !n->meta->property_title &&
        !(n->meta->property_title = strdup(n->meta->title)))
        return -1;
    if (n->meta &&
        (typeset_field(t, m, &n->meta->title) || typeset_field(t, m, &n->meta->subtitle) ||
         typeset_field(t, m, &n->meta->old_title) || typeset_field(t, m, &n->meta->old_subtitle)))
        return -1;
    if (n->sig) {
        char **lines[] = {&n->sig->party, &n->sig->authority, &n->sig->place,
                          &n->sig->date,  &n->sig->name,      &n->sig->function};
        for (size_t i = 0; i < sizeof lines / sizeof *lines; i++)
            if (typeset_field(t, m, lines[i]))
                return -1;
    }
    doc_node *c = n->first;
    while (c) {
        if (!doc_is_inline(c->kind) || c->kind == DOC_LINK) {
            /* An address is its target: it keeps every character. */
            if (c->kind != DOC_LINK && typeset_node(t, m, c))
                return -1;
            c = c->next;
            continue;
        }
        doc_node *end = c;
        while (end && doc_is_inline(end->kind) && end->kind != DOC_LINK)
            end = end->next;
        if (typeset_inlines(t, m, c, end))
            return -1;
        c = end;
    }
    return 0;
}

int typography_apply(doc_node *const *docs, size_t n)
{
    typesetter t = {0};
    marks m = {0};
    int rc = typesetter_open(&t);
    for (size_t i = 0; i < n && !rc; i++)
        rc = typeset_node(&t, &m, docs[i]) ? -1 : 0;
    free(m.at);
    typesetter_close(&t);
    return rc;
}

char *typography_text(const char *s)
{
    typesetter t = {0};
    marks m = {0};
    char *out = strdup(s);
    if (!out || typesetter_open(&t) || typeset_field(&t, &m, &out)) {
        free(out);
        out = NULL;
    }
    free(m.at);
    typesetter_close(&t);
    return out;
}
