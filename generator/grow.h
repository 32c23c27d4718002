/* The one way the program grows an array by one element. */
#ifndef AFSPRAKEN_GROW_H
#define AFSPRAKEN_GROW_H

#include <stddef.h>

/* Room for element n of items, an array with room for *cap elements of
 * size bytes: items itself while n < *cap, else items reallocated to
 * twice the room (16 the first time), with *cap updated. NULL when memory
 * ran out; items and *cap are then unchanged and still the caller's. */
void *grow(void *items, size_t *cap, size_t n, size_t size);

#endif
