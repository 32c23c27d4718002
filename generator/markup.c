/* Scanning model text for inline markup with PCRE2 (see markup.h). */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "markup.h"

#include <pcre2.h>
#include <string.h>

/* One alternation: {{aantal:id|...}} whose alternatives may hold
 * {{kind:arg}} and [[term]], {{kind:arg}}, [[term]], or a stray delimiter
 * that signals malformed markup. */
static const char pattern[] =
    "\\{\\{\\s*aantal\\s*:\\s*([^{}|\\s]*)\\s*\\|((?:[^{}]|\\{\\{[^{}]*\\}\\})*)\\}\\}"
    "|\\{\\{\\s*([A-Za-z]+)\\s*:\\s*([^{}\\s]*)\\s*\\}\\}"
    "|\\[\\[([^\\[\\]{}]+?)\\]\\]"
    "|\\{\\{|\\}\\}|\\[\\[|\\]\\]";

static const markup_counter counters[] = {{"deelnemers", 0},
                                              {"deelnemers_eerste_lid", 1},
                                              {"deelnemers_tweede_lid", 2}};

const markup_counter *markup_find_counter(const char *id)
{
    for (size_t i = 0; i < sizeof counters / sizeof *counters; i++)
        if (!strcmp(counters[i].id, id))
            return &counters[i];
    return NULL;
}

static pcre2_code *re;
static pcre2_match_data *md;

int markup_init(diag_list *diags)
{
    if (re)
        return 0;
    int err;
    PCRE2_SIZE off;
    re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, PCRE2_UTF, &err, &off, NULL);
    if (re) {
        /* The scanner runs over every piece of model text: JIT when the
         * platform has it; pcre2_match falls back to the interpreter. */
        pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
        md = pcre2_match_data_create_from_pattern(re, NULL);
    }
    if (!re || !md) {
        PCRE2_UCHAR buf[256];
        pcre2_get_error_message(err, buf, sizeof buf);
        diag_system(diags, "interne fout in het opmaakpatroon: %s", (char *)buf);
        markup_done();
        return -1;
    }
    return 0;
}

void markup_done(void)
{
    pcre2_match_data_free(md);
    pcre2_code_free(re);
    md = NULL;
    re = NULL;
}

/* Position of byte offset off in the text: exact on a single-line scalar,
 * the scalar's start otherwise (folded lines no longer match the file). */
static src_pos pos_at(src_pos start, const char *text, size_t off, text_layout layout)
{
    if (layout == LAYOUT_START_ONLY)
        return start;
    for (size_t i = 0; i < off; i++) {
        if (((unsigned char)text[i] & 0xC0) != 0x80)
            start.column++;
        if (layout == LAYOUT_SINGLE_QUOTED && text[i] == '\'')
            start.column++;
    }
    return start;
}

static int push(arena *a, rich_text *out, size_t *cap, token t)
{
    if (out->count == *cap) {
        size_t ncap = *cap ? *cap * 2 : 8;
        token *n = arena_alloc(a, ncap * sizeof *n);
        if (!n)
            return -1;
        if (out->count)
            memcpy(n, out->tokens, out->count * sizeof *n);
        out->tokens = n;
        *cap = ncap;
    }
    out->tokens[out->count++] = t;
    return 0;
}

static int push_text(arena *a, rich_text *out, size_t *cap, const char *s, size_t len, src_pos pos)
{
    if (!len)
        return 0;
    token t = {.kind = TOK_TEXT, .text = arena_strndup(a, s, len), .pos = pos};
    return t.text ? push(a, out, cap, t) : -1;
}

static int split_ref(arena *a, token *t, const char *arg, size_t len)
{
    size_t start = 0, part = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && arg[i] != '.')
            continue;
        if (part == 3 || i == start)
            return 1;
        if (!(t->arg[part++] = arena_strndup(a, arg + start, i - start)))
            return -1;
        start = i + 1;
    }
    return 0;
}

static int scan(const char *text, src_pos pos, text_layout layout, arena *a, diag_list *diags,
                rich_text *out, int nested);

/* The alternatives of {{aantal:id|...}}: body (len bytes at offset off of
 * text) split at each '|' outside {{ }}, each scanned as markup of its
 * own. 0, or -1 when memory ran out. */
static int split_count(arena *a, diag_list *diags, token *t, const char *text, size_t off,
                       size_t len, src_pos pos, text_layout layout)
{
    const char *body = text + off;
    size_t n = 1;
    int inside = 0;
    for (size_t i = 0; i < len; i++) {
        if (body[i] == '{' || body[i] == '}')
            inside = body[i] == '{';
        else if (body[i] == '|' && !inside)
            n++;
    }
    if (!(t->alts = arena_alloc(a, n * sizeof *t->alts)))
        return -1;
    t->n_alts = n;
    size_t start = 0, k = 0;
    inside = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && (body[i] == '{' || body[i] == '}'))
            inside = body[i] == '{';
        if (i < len && (body[i] != '|' || inside))
            continue;
        char *alt = arena_strndup(a, body + start, i - start);
        if (!alt || scan(alt, pos_at(pos, text, off + start, layout), layout, a, diags,
                         &t->alts[k++], 1))
            return -1;
        start = i + 1;
    }
    return 0;
}

int markup_scan(const char *text, src_pos pos, text_layout layout, arena *a, diag_list *diags,
                rich_text *out)
{
    return scan(text, pos, layout, a, diags, out, 0);
}

/* nested: text is an alternative of a count, where another count would
 * make the choice ambiguous. */
static int scan(const char *text, src_pos pos, text_layout layout, arena *a, diag_list *diags,
                rich_text *out, int nested)
{
    memset(out, 0, sizeof *out);
    out->pos = pos;
    size_t cap = 0, len = strlen(text), at = 0;
    while (at <= len) {
        int rc = pcre2_match(re, (PCRE2_SPTR)text, len, at, at ? PCRE2_NO_UTF_CHECK : 0, md, NULL);
        if (rc < 0) {
            if (push_text(a, out, &cap, text + at, len - at, pos_at(pos, text, at, layout)))
                return -1;
            break;
        }
        /* A count's alternatives are scanned with the same match data:
         * keep the offsets. */
        PCRE2_SIZE ov[12];
        memcpy(ov, pcre2_get_ovector_pointer(md), sizeof ov);
        for (int g = rc; g < 6; g++)
            ov[2 * g] = ov[2 * g + 1] = PCRE2_UNSET;
        size_t s = ov[0], e = ov[1];
        if (push_text(a, out, &cap, text + at, s - at, pos_at(pos, text, at, layout)))
            return -1;
        token t = {.pos = pos_at(pos, text, s, layout)};
        if (!(t.text = arena_strndup(a, text + s, e - s)))
            return -1;
        int bad = 0;
        if (ov[2] != PCRE2_UNSET) {
            t.kind = TOK_COUNT;
            if (nested) {
                bad = 1;
                diag_input(diags, t.pos.file, t.pos.line, t.pos.column,
                           "Schrijf de zin twee keer uit, een keer per {{aantal:…}}.",
                           "'{{aantal:…}}' binnen een ander '{{aantal:…}}'");
            } else if (ov[3] == ov[2]) {
                bad = 1;
                diag_input(diags, t.pos.file, t.pos.line, t.pos.column,
                           "Zet na de ':' de teller, zoals {{aantal:deelnemers|…|…}}.",
                           "lege teller in '%s'", t.text);
            } else {
                if (!(t.arg[0] = arena_strndup(a, text + ov[2], ov[3] - ov[2])))
                    return -1;
                if (split_count(a, diags, &t, text, ov[4], ov[5] - ov[4], pos, layout))
                    return -1;
            }
        } else if (ov[6] != PCRE2_UNSET) {
            const char *kind = text + ov[6];
            size_t klen = ov[7] - ov[6];
            const char *arg = text + ov[8];
            size_t alen = ov[9] - ov[8];
            if (!alen) {
                bad = 1;
                diag_input(diags, t.pos.file, t.pos.line, t.pos.column,
                           "Zet na de ':' het id, zoals {{veld:zvh_naam}}.", "lege verwijzing '%s'",
                           t.text);
            } else if (klen == 4 && !memcmp(kind, "veld", 4)) {
                t.kind = TOK_FIELD;
            } else if (klen == 5 && !memcmp(kind, "regio", 5)) {
                t.kind = TOK_SPOT;
            } else if (klen == 7 && !memcmp(kind, "bijlage", 7)) {
                t.kind = TOK_ANNEX;
            } else if (klen == 3 && !memcmp(kind, "art", 3)) {
                t.kind = TOK_REF;
                int r = split_ref(a, &t, arg, alen);
                if (r < 0)
                    return -1;
                if (r > 0) {
                    bad = 1;
                    diag_input(
                        diags, t.pos.file, t.pos.line, t.pos.column,
                        "Schrijf {{art:ARTIKEL}}, {{art:ARTIKEL.LID}} of {{art:ARTIKEL.LID.ONDERDEEL}}.",
                        "ongeldige artikelverwijzing '%s'", t.text);
                }
            } else if (klen == 6 && !memcmp(kind, "aantal", 6)) {
                bad = 1;
                diag_input(diags, t.pos.file, t.pos.line, t.pos.column,
                           "Schrijf {{aantal:TELLER|bij één|bij meer}}, zoals "
                           "{{aantal:deelnemers|de [[Deelnemer]] verleent|de [[Deelnemers]] verlenen}}.",
                           "'%s' noemt geen tekst bij één en bij meer", t.text);
            } else {
                bad = 1;
                diag_input(diags, t.pos.file, t.pos.line, t.pos.column,
                           "Bekend zijn veld, regio, art, bijlage en aantal.",
                           "onbekende opmaak '%s'", t.text);
            }
            if (!bad && t.kind != TOK_REF && !(t.arg[0] = arena_strndup(a, arg, alen)))
                return -1;
        } else if (ov[10] != PCRE2_UNSET) {
            t.kind = TOK_TERM;
            if (!(t.arg[0] = arena_strndup(a, text + ov[10], ov[11] - ov[10])))
                return -1;
        } else {
            bad = 1;
            diag_input(diags, t.pos.file, t.pos.line, t.pos.column,
                       "Opmaak staat tussen {{ en }} (veld, regio, art, bijlage, aantal) of [[ en "
                       "]] (begrip).",
                       "losse '%s' zonder bijbehorende opmaak", t.text);
        }
        if (bad) {
            t.kind = TOK_TEXT;
            memset(t.arg, 0, sizeof t.arg);
            t.alts = NULL;
            t.n_alts = 0;
        }
        if (push(a, out, &cap, t))
            return -1;
        at = e;
        if (e == len)
            break;
    }
    return 0;
}
