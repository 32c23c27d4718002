/* Markdown rendering of the document tree, for review, diffs and tests.
 * Pandoc's Markdown reads it back; everything from the tree is escaped
 * so that a value is shown literally, never as markup. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "output.h"

/* Characters that start markup somewhere in pandoc's Markdown. */
static const char specials[] = "\\`*_[]<>#|$@^~&{}";

void md_put_escaped(FILE *f, const char *s, int line_start)
{
    for (; *s; s++) {
        if (*s == '\r')
            continue;
        if (*s == '\n') {
            fputs("\\\n", f);
            line_start = 1;
            continue;
        }
        if (line_start) {
            if (*s == ' ' || *s == '\t')
                continue;
            size_t digits = strspn(s, "0123456789");
            if (digits && (s[digits] == '.' || s[digits] == ')')) {
                fprintf(f, "%.*s\\%c", (int)digits, s, s[digits]);
                s += digits;
                line_start = 0;
                continue;
            }
            if (*s == '-' || *s == '+')
                fputc('\\', f);
        }
        line_start = 0;
        if (strchr(specials, *s))
            fputc('\\', f);
        fputc(*s, f);
    }
}

/* In a concept regional text is marked so a reviewer sees what the region
 * wrote; a placeholder is strong in any document that has one. */
static int in_concept(const doc_node *n)
{
    while (n->parent)
        n = n->parent;
    return n->meta && n->meta->concept;
}

static const char *inline_mark(const doc_node *c, int concept)
{
    if (!c || !doc_is_inline(c->kind))
        return NULL;
    if (c->kind == DOC_PLACEHOLDER)
        return "**";
    /* An address in regional text is regional text too: one emphasis
     * around both, as pandoc does not close "_" before a letter. */
    int regional = c->kind == DOC_REGIONAL || (c->kind == DOC_LINK && c->number == DOC_REGIONAL);
    return regional && concept && *c->text ? "_" : NULL;
}

/* An address is written as text: Markdown is for reading and diffs, and a
 * link's target would show in it twice. */
static void put_inlines(FILE *f, const doc_node *n, int line_start)
{
    int concept = in_concept(n);
    for (const doc_node *c = n->first; c; c = c->next) {
        if (!doc_is_inline(c->kind))
            continue;
        const char *mark = inline_mark(c, concept);
        const char *before = c->prev ? inline_mark(c->prev, concept) : NULL;
        const char *after = inline_mark(c->next, concept);
        int opens = mark && (!before || strcmp(before, mark));
        if (opens)
            fputs(mark, f);
        md_put_escaped(f, c->text, line_start && !mark);
        if (mark && (!after || strcmp(after, mark)))
            fputs(mark, f);
        line_start = 0;
    }
}

/* A line of a signatory block; an open value is strong, as in the text. */
static void put_sign_line(FILE *f, const char *text, int open)
{
    if (open)
        fputs("**", f);
    md_put_escaped(f, text, !open);
    if (open)
        fputs("**", f);
}

/* "1." or "a." opens an ordered list in pandoc's Markdown; our labels
 * are text, so the dot is escaped. */
static void put_label(FILE *f, const char *label)
{
    size_t len = strlen(label);
    if (len && label[len - 1] == '.') {
        fprintf(f, "%.*s\\. ", (int)(len - 1), label);
        return;
    }
    md_put_escaped(f, label, 0);
    fputc(' ', f);
}

static void put_heading(FILE *f, int level, const doc_node *n)
{
    for (int i = 0; i < level; i++)
        fputc('#', f);
    fputc(' ', f);
    if (n->label) {
        md_put_escaped(f, n->label, 0);
        if (n->title)
            fputc(' ', f);
    }
    if (n->title)
        md_put_escaped(f, n->title, 0);
    fputs("\n\n", f);
}

static void put_blocks(FILE *f, const doc_node *n);

static void indent(FILE *f, int depth)
{
    for (int i = 0; i < depth; i++)
        fputs("    ", f);
}

/* An item; each further paragraph of it follows a blank line, indented
 * as the item's content, which keeps it inside the item. */
static void put_item(FILE *f, const doc_node *n, int depth)
{
    indent(f, depth);
    fputs("- ", f);
    if (n->label)
        put_label(f, n->label);
    put_inlines(f, n, !n->label);
    fputc('\n', f);
    for (const doc_node *c = n->first; c; c = c->next)
        if (c->kind == DOC_CONTINUATION) {
            fputc('\n', f);
            indent(f, depth + 1);
            put_inlines(f, c, 1);
            fputs("\n\n", f);
        } else if (c->kind == DOC_LIST) {
            for (const doc_node *i = c->first; i; i = i->next)
                put_item(f, i, depth + 1);
        }
}

static void put_block(FILE *f, const doc_node *n)
{
    switch (n->kind) {
    case DOC_PART:
    case DOC_ANNEX:
        put_heading(f, 2, n);
        put_blocks(f, n);
        break;
    case DOC_ARTICLE:
        put_heading(f, 3, n);
        put_blocks(f, n);
        break;
    case DOC_HEADING:
        put_heading(f, n->number + 1, n);
        break;
    case DOC_PARAGRAPH:
    case DOC_LID:
        if (n->label)
            put_label(f, n->label);
        put_inlines(f, n, !n->label);
        fputs("\n\n", f);
        for (const doc_node *c = n->first; c; c = c->next)
            if (c->kind == DOC_CONTINUATION) {
                put_inlines(f, c, 1);
                fputs("\n\n", f);
            } else if (c->kind == DOC_LIST) {
                for (const doc_node *i = c->first; i; i = i->next)
                    put_item(f, i, 0);
                fputc('\n', f);
            }
        break;
    case DOC_LIST:
        for (const doc_node *i = n->first; i; i = i->next)
            put_item(f, i, 0);
        fputc('\n', f);
        break;
    case DOC_SIGNATURES:
        put_heading(f, 2, n);
        put_blocks(f, n);
        break;
    case DOC_SIGNATORY: {
        const doc_signatory *sig = n->sig;
        const char *extra[] = {sig->authority, sig->place, sig->date};
        fputs("**", f);
        md_put_escaped(f, sig->party, 0);
        fputs("**", f);
        for (size_t i = 0; i < sizeof extra / sizeof *extra; i++)
            if (extra[i]) {
                fputs("\\\n", f);
                md_put_escaped(f, extra[i], 1);
            }
        fputs("\n\n\\.\\.\\.\\.\\.\\.\\.\\.\\.\\.\\.\\.\\.\\.\\.\\.\\.\\.\\.\\.\n\n", f);
        put_sign_line(f, sig->name, sig->open & DOC_SIG_NAME);
        fputs("\\\n", f);
        put_sign_line(f, sig->function, sig->open & DOC_SIG_FUNCTION);
        fputs("\n\n", f);
        break;
    }
    default:
        break;
    }
}

static void put_blocks(FILE *f, const doc_node *n)
{
    for (const doc_node *c = n->first; c; c = c->next)
        if (!doc_is_inline(c->kind))
            put_block(f, c);
}

int md_render(const doc_node *doc, out_buf *out, diag_list *diags)
{
    char *data = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&data, &len);
    out->data = NULL;
    out->len = 0;
    if (!f) {
        diag_system(diags, "onvoldoende geheugen voor Markdown");
        return -1;
    }
    const doc_meta *m = doc->meta;
    if (m->concept && m->concept_mark) {
        fputs("**", f);
        md_put_escaped(f, m->concept_mark, 0);
        fputs("**\n\n", f);
    }
    fputs("# ", f);
    md_put_escaped(f, m->title ? m->title : "", 0);
    fputs("\n\n", f);
    if (m->subtitle) {
        fputc('_', f);
        md_put_escaped(f, m->subtitle, 0);
        fputs("_\n\n", f);
    }
    put_blocks(f, doc);
    int err = ferror(f);
    if (fclose(f) || err) {
        free(data);
        diag_system(diags, "schrijven van Markdown mislukt");
        return -1;
    }
    out->data = (unsigned char *)data;
    out->len = len;
    return 0;
}
