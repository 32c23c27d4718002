/* Reading YAML with libyaml's document loader: every node keeps its line
 * and column, and each getter reports a Dutch diagnostic at the node it
 * rejects. libyaml's own error messages are mapped here and nowhere else.
 * Shared by the model and region loaders. */
#ifndef AFSPRAKEN_YAMLIN_H
#define AFSPRAKEN_YAMLIN_H

#include <yaml.h>

#include "arena.h"
#include "diag.h"

/* A position in a source file; file is owned by the loader's arena. */
typedef struct {
    const char *file;
    int line, column;
} src_pos;

typedef struct {
    yaml_document_t doc;
    int loaded;
    const char *file; /* arena copy of the path as the user gave it */
    arena *arena;
    diag_list *diags;
} ydoc;

/* Loads path; returns 0, or -1 with a diagnostic (unreadable file,
 * malformed YAML, more than one document, empty file). */
int ydoc_load(ydoc *y, const char *path, arena *a, diag_list *diags);
void ydoc_free(ydoc *y);

yaml_node_t *ydoc_root(ydoc *y);
src_pos ydoc_pos(const ydoc *y, const yaml_node_t *node);
/* Reports an input error at node. */
void ydoc_error(ydoc *y, const yaml_node_t *node, const char *hint, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Reports each key of map that is not in known (NULL-terminated), with a
 * suggestion, and each key given twice; what names the map in messages.
 * Returns the number of such keys, so callers can go on reading the known
 * ones and report every problem in one run, or -1 (reported) when map is
 * no mapping at all. */
int ymap_check(ydoc *y, yaml_node_t *map, const char *const *known, const char *what);
/* The value under key, or NULL when the key is absent (or map is not a
 * mapping). */
yaml_node_t *ymap_get(ydoc *y, yaml_node_t *map, const char *key);
/* Key node of the pair whose value is value, for positions of keys. */
yaml_node_t *ymap_key_of(ydoc *y, yaml_node_t *map, yaml_node_t *value);

/* Iteration over mappings and sequences without exposing libyaml's
 * index arithmetic. */
size_t ymap_size(const yaml_node_t *map);
yaml_node_t *ymap_key_at(ydoc *y, yaml_node_t *map, size_t i);
yaml_node_t *ymap_value_at(ydoc *y, yaml_node_t *map, size_t i);
size_t yseq_size(const yaml_node_t *seq);
yaml_node_t *yseq_at(ydoc *y, yaml_node_t *seq, size_t i);

/* A scalar's text as an arena copy, after checking it holds only
 * characters XML 1.0 allows. NULL with a diagnostic otherwise ("what"
 * names the value in the message). An empty scalar is reported when
 * nonempty is set. */
char *yscalar(ydoc *y, yaml_node_t *node, const char *what, int nonempty);
/* The value under key as text; NULL and a diagnostic when required and
 * absent, NULL silently when optional and absent. */
char *ymap_text(ydoc *y, yaml_node_t *map, const char *key, int required, const char *what);
/* The value under key as text, for a value a region may leave open for
 * now: absent or empty (only white space) is no error but returns NULL
 * with *open set to where the value belongs (the empty value, or map when
 * the key is absent). Otherwise as ymap_text, with open->file NULL. */
char *ymap_text_open(ydoc *y, yaml_node_t *map, const char *key, const char *what, src_pos *open);
/* Whether node is a scalar of only white space: a value not filled in. */
int yscalar_empty(const yaml_node_t *node);
/* "ja"/"nee" under key; absent gives dflt. Returns 0/1, or dflt with a
 * diagnostic for any other value. */
int ymap_bool(ydoc *y, yaml_node_t *map, const char *key, int dflt);
/* Requires node to be a sequence (reports otherwise); returns 0 or -1. */
int yseq_check(ydoc *y, yaml_node_t *node, const char *what);

#endif
