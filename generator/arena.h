/* A region of memory that the model and region loaders allocate from and
 * free in one go: their data lives exactly as long as one run. */
#ifndef AFSPRAKEN_ARENA_H
#define AFSPRAKEN_ARENA_H

#include <stddef.h>

typedef struct arena_block arena_block;
typedef struct {
    arena_block *head;
} arena;

/* Zeroed memory owned by the arena; NULL when memory runs out. */
void *arena_alloc(arena *a, size_t size);
/* Copies of s (len bytes, NUL added); NULL when memory runs out or s is NULL. */
char *arena_strdup(arena *a, const char *s);
char *arena_strndup(arena *a, const char *s, size_t len);
/* Frees everything allocated from a; a can be used again afterwards. */
void arena_free(arena *a);

#endif
