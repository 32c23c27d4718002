/* Myers' difference algorithm ("An O(ND) Difference Algorithm and Its
 * Variations", 1986), greedy forward search keeping each round's furthest
 * reaching paths for the walk back, and the word tokenizer. */
#include "worddiff.h"
#include "grow.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    diff_op *ops;
    size_t n, cap;
} op_list;

/* Appends a run, joining it to the previous one of the same kind. */
static int push(op_list *l, diff_kind kind, size_t a, size_t b, size_t len)
{
    if (!len)
        return 0;
    if (l->n && l->ops[l->n - 1].kind == kind) {
        l->ops[l->n - 1].len += len;
        return 0;
    }
    diff_op *p = grow(l->ops, &l->cap, l->n, sizeof *p);
    if (!p)
        return -1;
    l->ops = p;
    l->ops[l->n++] = (diff_op){kind, a, b, len};
    return 0;
}

/* The edit script backwards from the saved rounds (row d holds the
 * furthest x per diagonal after round d), then forwards as runs with each
 * stretch of changes as its deletions, then its insertions. */
static ssize_t walk_back(const ptrdiff_t *trace, size_t width, ptrdiff_t off, ptrdiff_t d_end,
                         size_t n, size_t m, diff_op **out)
{
    size_t max = n + m + 1, count = 0;
    unsigned char *step = malloc(max); /* 0 same, 1 delete, 2 insert */
    size_t *sa = malloc(max * sizeof *sa), *sb = malloc(max * sizeof *sb);
    op_list l = {0};
    ssize_t result = -1;
    if (!step || !sa || !sb)
        goto done;
    ptrdiff_t x = (ptrdiff_t)n, y = (ptrdiff_t)m;
    for (ptrdiff_t d = d_end; d > 0; d--) {
        const ptrdiff_t *pv = trace + (size_t)(d - 1) * width + off;
        ptrdiff_t k = x - y;
        ptrdiff_t prev_k = k == -d || (k != d && pv[k - 1] < pv[k + 1]) ? k + 1 : k - 1;
        ptrdiff_t px = pv[prev_k], py = px - prev_k;
        while (x > px && y > py) {
            x--, y--;
            step[count] = 0, sa[count] = (size_t)x, sb[count++] = (size_t)y;
        }
        if (x == px)
            y--, step[count] = 2;
        else
            x--, step[count] = 1;
        sa[count] = (size_t)x, sb[count++] = (size_t)y;
    }
    while (x > 0 && y > 0) {
        x--, y--;
        step[count] = 0, sa[count] = (size_t)x, sb[count++] = (size_t)y;
    }
    size_t i = count;
    while (i > 0) {
        if (step[i - 1] == 0) {
            if (push(&l, DIFF_SAME, sa[i - 1], sb[i - 1], 1))
                goto done;
            i--;
            continue;
        }
        size_t j = i;
        while (j > 0 && step[j - 1] != 0)
            j--;
        for (size_t s = i; s > j; s--)
            if (step[s - 1] == 1 && push(&l, DIFF_DELETE, sa[s - 1], sb[s - 1], 1))
                goto done;
        for (size_t s = i; s > j; s--)
            if (step[s - 1] == 2 && push(&l, DIFF_INSERT, sa[s - 1], sb[s - 1], 1))
                goto done;
        i = j;
    }
    *out = l.ops;
    l.ops = NULL;
    result = (ssize_t)l.n;
done:
    free(l.ops);
    free(step);
    free(sa);
    free(sb);
    return result;
}

ssize_t diff_run(size_t n, size_t m, diff_eq_fn eq, void *ctx, diff_op **ops)
{
    *ops = NULL;
    size_t max = n + m;
    size_t width = 2 * max + 3;
    ptrdiff_t off = (ptrdiff_t)max + 1;
    /* One row of furthest x per round; rounds are at most n + m + 1. */
    ptrdiff_t *trace = NULL;
    size_t rows = 0;
    for (ptrdiff_t d = 0; d <= (ptrdiff_t)max; d++) {
        if (SIZE_MAX / width / sizeof *trace <= rows + 1)
            goto oom;
        ptrdiff_t *t = realloc(trace, (rows + 1) * width * sizeof *t);
        if (!t)
            goto oom;
        trace = t;
        ptrdiff_t *v = trace + rows * width;
        const ptrdiff_t *pv = rows ? trace + (rows - 1) * width : NULL;
        rows++;
        for (ptrdiff_t k = -d; k <= d; k += 2) {
            ptrdiff_t x;
            if (d == 0)
                x = 0;
            else if (k == -d || (k != d && pv[off + k - 1] < pv[off + k + 1]))
                x = pv[off + k + 1];
            else
                x = pv[off + k - 1] + 1;
            ptrdiff_t y = x - k;
            while (x < (ptrdiff_t)n && y < (ptrdiff_t)m && y >= 0 && eq((size_t)x, (size_t)y, ctx))
                x++, y++;
            v[off + k] = x;
            if (x >= (ptrdiff_t)n && y >= (ptrdiff_t)m) {
                ssize_t r = walk_back(trace, width, off, d, n, m, ops);
                free(trace);
                return r;
            }
        }
    }
oom:
    free(trace);
    return -1;
}

/* The code point at s, its length in *len; a malformed byte is one
 * replacement character. */
static unsigned decode(const unsigned char *s, size_t *len)
{
    *len = 1;
    if (s[0] < 0x80)
        return s[0];
    if ((s[0] & 0xE0) == 0xC0 && (s[1] & 0xC0) == 0x80) {
        *len = 2;
        return (unsigned)(s[0] & 0x1F) << 6 | (s[1] & 0x3F);
    }
    if ((s[0] & 0xF0) == 0xE0 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
        *len = 3;
        return (unsigned)(s[0] & 0x0F) << 12 | (unsigned)(s[1] & 0x3F) << 6 | (s[2] & 0x3F);
    }
    if ((s[0] & 0xF8) == 0xF0 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80 &&
        (s[3] & 0xC0) == 0x80) {
        *len = 4;
        return (unsigned)(s[0] & 0x07) << 18 | (unsigned)(s[1] & 0x3F) << 12 |
               (unsigned)(s[2] & 0x3F) << 6 | (s[3] & 0x3F);
    }
    return 0xFFFD;
}

static word_kind classify(unsigned cp)
{
    if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || cp == 0x202F)
        return WORD_SPACE;
    if ((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))
        return WORD_TEXT;
    /* Latin-1 and later letters; the Latin-1 signs, general punctuation
     * (dashes, quotes) and the replacement character are marks. */
    if (cp >= 0xC0 && cp != 0xD7 && cp != 0xF7 && !(cp >= 0x2000 && cp <= 0x206F) &&
        cp != 0xFFFD)
        return WORD_TEXT;
    return WORD_PUNCT;
}

int word_tokens(const char *text, word_token **tokens, size_t *n, size_t *cap)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;
    while (s[i]) {
        size_t len;
        word_kind kind = classify(decode(s + i, &len));
        size_t start = i;
        i += len;
        if (kind != WORD_PUNCT)
            while (s[i]) {
                size_t l2;
                if (classify(decode(s + i, &l2)) != kind)
                    break;
                i += l2;
            }
        word_token *t = grow(*tokens, cap, *n, sizeof *t);
        if (!t)
            return -1;
        *tokens = t;
        (*tokens)[(*n)++] = (word_token){kind, start, i - start};
    }
    return 0;
}
