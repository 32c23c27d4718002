/* Construction, walking and freeing of the document tree. */
#define _GNU_SOURCE
#include "doc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

doc_node *doc_new(doc_kind kind)
{
    doc_node *n = calloc(1, sizeof *n);
    if (n)
        n->kind = kind;
    return n;
}

doc_node *doc_new_document(void)
{
    doc_node *n = doc_new(DOC_DOCUMENT);
    if (!n)
        return NULL;
    n->meta = calloc(1, sizeof *n->meta);
    if (!n->meta) {
        free(n);
        return NULL;
    }
    return n;
}

doc_node *doc_new_inline(doc_kind kind, const char *text, size_t len)
{
    doc_node *n = doc_new(kind);
    if (!n)
        return NULL;
    n->text = strndup(text, len);
    if (!n->text) {
        free(n);
        return NULL;
    }
    return n;
}

int doc_set(char **field, const char *s)
{
    char *copy = NULL;
    if (s && !(copy = strdup(s)))
        return -1;
    free(*field);
    *field = copy;
    return 0;
}

int doc_setf(char **field, const char *fmt, ...)
{
    va_list ap;
    char *s;
    va_start(ap, fmt);
    int r = vasprintf(&s, fmt, ap);
    va_end(ap);
    if (r < 0)
        return -1;
    free(*field);
    *field = s;
    return 0;
}

void doc_append(doc_node *parent, doc_node *child)
{
    child->parent = parent;
    child->next = NULL;
    child->prev = parent->last;
    if (parent->last)
        parent->last->next = child;
    else
        parent->first = child;
    parent->last = child;
}

const char *doc_property_title(const doc_meta *m)
{
    return m->property_title ? m->property_title : m->title;
}

int doc_add_keyword(doc_meta *m, const char *keyword)
{
    if (!keyword)
        return 0;
    char **k = reallocarray(m->keywords, m->n_keywords + 1, sizeof *k);
    if (!k)
        return -1;
    m->keywords = k;
    if (!(k[m->n_keywords] = strdup(keyword)))
        return -1;
    m->n_keywords++;
    return 0;
}

int doc_add_property(doc_meta *m, const char *name, const char *value)
{
    if (!value)
        return 0;
    doc_property *p = reallocarray(m->properties, m->n_properties + 1, sizeof *p);
    if (!p)
        return -1;
    m->properties = p;
    char *n = strdup(name), *v = strdup(value);
    if (!n || !v) {
        free(n);
        free(v);
        return -1;
    }
    p[m->n_properties++] = (doc_property){n, v};
    return 0;
}

void doc_insert_after(doc_node *sibling, doc_node *node)
{
    doc_node *parent = sibling->parent;
    node->parent = parent;
    node->prev = sibling;
    node->next = sibling->next;
    if (sibling->next)
        sibling->next->prev = node;
    else
        parent->last = node;
    sibling->next = node;
}

doc_node *doc_unlink(doc_node *node)
{
    doc_node *parent = node->parent;
    if (node->prev)
        node->prev->next = node->next;
    else if (parent)
        parent->first = node->next;
    if (node->next)
        node->next->prev = node->prev;
    else if (parent)
        parent->last = node->prev;
    node->parent = node->prev = node->next = NULL;
    return node;
}

const char *doc_image_mime(doc_image_type type)
{
    return type == DOC_IMAGE_PNG ? "image/png" : "image/jpeg";
}

const char *doc_image_ext(doc_image_type type)
{
    return type == DOC_IMAGE_PNG ? "png" : "jpeg";
}

static void free_meta(doc_meta *m)
{
    if (!m)
        return;
    free(m->title);
    free(m->property_title);
    free(m->subtitle);
    free(m->region);
    free(m->model_name);
    free(m->model_version);
    free(m->model_date);
    free(m->reference_name);
    free(m->reference_date);
    free(m->language);
    free(m->subject);
    free(m->description);
    free(m->creator);
    for (size_t i = 0; i < m->n_keywords; i++)
        free(m->keywords[i]);
    free(m->keywords);
    free(m->fingerprint);
    free(m->fingerprint_line);
    free(m->fingerprint_label);
    for (size_t i = 0; i < m->n_properties; i++) {
        free(m->properties[i].name);
        free(m->properties[i].value);
    }
    free(m->properties);
    free(m->change_author);
    free(m->old_title);
    free(m->old_subtitle);
    free(m->concept_mark);
    free(m->font);
    if (m->logo) {
        free(m->logo->data);
        free(m->logo->description);
    }
    free(m->logo);
    free(m);
}

static void free_sig(doc_signatory *s)
{
    if (!s)
        return;
    free(s->party);
    free(s->authority);
    free(s->place);
    free(s->date);
    free(s->name);
    free(s->function);
    free(s);
}

void doc_free(doc_node *node)
{
    /* Iterative over siblings, recursive over depth: the tree is shallow
     * (document, part, article, lid, list, item, inline). */
    while (node) {
        doc_node *next = node->next;
        doc_free(node->first);
        free(node->id);
        free(node->label);
        free(node->title);
        free(node->text);
        free(node->href);
        free(node->old_label);
        free(node->old_title);
        free_meta(node->meta);
        free_sig(node->sig);
        free(node);
        node = next;
    }
}

int doc_is_inline(doc_kind kind)
{
    return kind >= DOC_TEXT;
}

char *doc_inline_text(const doc_node *node)
{
    size_t len = 0;
    for (const doc_node *c = node->first; c; c = c->next)
        if (doc_is_inline(c->kind))
            len += strlen(c->text);
    char *s = malloc(len + 1);
    if (!s)
        return NULL;
    char *p = s;
    for (const doc_node *c = node->first; c; c = c->next)
        if (doc_is_inline(c->kind)) {
            size_t l = strlen(c->text);
            memcpy(p, c->text, l);
            p += l;
        }
    *p = '\0';
    return s;
}

int doc_walk(doc_node *root, doc_visit_fn fn, void *ctx)
{
    int r = fn(root, DOC_ENTER, ctx);
    if (r)
        return r;
    for (doc_node *c = root->first; c; c = c->next)
        if ((r = doc_walk(c, fn, ctx)))
            return r;
    return fn(root, DOC_EXIT, ctx);
}
