/* Change marks of a merged tree, as the writers need them (redline.h). */
#include "redline.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

int redline_wanted(const doc_node *doc)
{
    return doc && doc->meta && doc->meta->change_author;
}

doc_change redline_block_change(const doc_node *n)
{
    for (; n; n = n->parent)
        if (n->change != DOC_SAME)
            return n->change;
    return DOC_SAME;
}

doc_change redline_inline_change(const doc_node *block, const doc_node *n)
{
    doc_change c = redline_block_change(block);
    return c != DOC_SAME ? c : n->change;
}

static int is_paragraph_block(const doc_node *n)
{
    return !doc_is_inline(n->kind) && n->kind != DOC_LIST && n->kind != DOC_DOCUMENT;
}

/* Pre-order successor among block nodes, lists included. */
static const doc_node *next_block_node(const doc_node *n)
{
    for (const doc_node *c = n->first; c; c = c->next)
        if (!doc_is_inline(c->kind))
            return c;
    for (; n; n = n->parent)
        for (const doc_node *s = n->next; s; s = s->next)
            if (!doc_is_inline(s->kind))
                return s;
    return NULL;
}

const doc_node *redline_next_block(const doc_node *n)
{
    do
        n = next_block_node(n);
    while (n && !is_paragraph_block(n));
    return n;
}

const doc_node *redline_tail(const doc_node *doc)
{
    const doc_node *tail = NULL;
    int same_seen = 0;
    for (const doc_node *n = redline_next_block(doc); n; n = redline_next_block(n)) {
        if (redline_block_change(n) == DOC_SAME) {
            same_seen = 1;
            tail = NULL;
        } else if (!tail && same_seen) {
            tail = n;
        }
    }
    return tail;
}

void redline_heading_parts(const doc_node *n, const char *parts[3][2])
{
    const char *label = n->label ? n->label : "", *title = n->title ? n->title : "";
    const char *old_label = n->old_label ? n->old_label : label;
    const char *old_title = n->old_title ? n->old_title : title;
    parts[0][0] = old_label;
    parts[0][1] = label;
    parts[1][0] = *old_label && *old_title ? " " : "";
    parts[1][1] = *label && *title ? " " : "";
    parts[2][0] = old_title;
    parts[2][1] = title;
}

const char *redline_old_label(const doc_node *n, const char *bullet)
{
    if (!n || !n->old_label || redline_block_change(n) != DOC_SAME)
        return NULL;
    return !*n->old_label && n->kind == DOC_ITEM ? bullet : n->old_label;
}

size_t redline_same_words(const char *old, const char *now)
{
    size_t n = 0;
    for (size_t i = 0; old[i] && old[i] == now[i]; i++)
        if (old[i] == ' ')
            n = i + 1;
    return n;
}

static int is_heading(const doc_node *n)
{
    return n->kind == DOC_PART || n->kind == DOC_ARTICLE || n->kind == DOC_ANNEX ||
           n->kind == DOC_HEADING || n->kind == DOC_SIGNATURES;
}

/* For a heading part written as old deleted then new inserted: whether
 * the first (last) written text of the heading is inserted. */
static int heading_edge_inserted(const doc_node *n, int last)
{
    const char *parts[3][2];
    redline_heading_parts(n, parts);
    for (int k = 0; k < 3; k++) {
        int i = last ? 2 - k : k;
        if (!*parts[i][0] && !*parts[i][1])
            continue;
        if (!strcmp(parts[i][0], parts[i][1]))
            return 0;
        return last ? *parts[i][1] != '\0' : !*parts[i][0];
    }
    return 0;
}

int redline_starts_inserted(const doc_node *n, const char *bullet)
{
    if (!n)
        return 0;
    doc_change c = redline_block_change(n);
    if (c != DOC_SAME)
        return c == DOC_INSERTED;
    if (is_heading(n))
        return (n->old_label || n->old_title) && heading_edge_inserted(n, 0);
    if (n->kind == DOC_SIGNATORY)
        return 0;
    const char *old = redline_old_label(n, bullet);
    if (old)
        return !*old;
    if (n->label || n->kind == DOC_ITEM)
        return 0;
    return n->first && doc_is_inline(n->first->kind) && n->first->change == DOC_INSERTED;
}

int redline_ends_inserted(const doc_node *n)
{
    if (!n || redline_block_change(n) != DOC_SAME)
        return 0;
    if (is_heading(n))
        return (n->old_label || n->old_title) && heading_edge_inserted(n, 1);
    const doc_node *last = NULL;
    for (const doc_node *c = n->first; c; c = c->next)
        if (doc_is_inline(c->kind))
            last = c;
    return last && last->change == DOC_INSERTED;
}

void redline_date(const doc_node *doc, char *buf, size_t size, int zulu)
{
    time_t t = doc->meta->change_date;
    struct tm tm;
    if (!gmtime_r(&t, &tm) || !strftime(buf, size, "%Y-%m-%dT%H:%M:%S", &tm))
        snprintf(buf, size, "1970-01-01T00:00:00");
    if (zulu)
        snprintf(buf + 19, size > 19 ? size - 19 : 0, "Z");
}
