/* reallocarray */
#define _DEFAULT_SOURCE
#include "grow.h"

#include <stdlib.h>

void *grow(void *items, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return items;
    size_t c = *cap ? *cap * 2 : 16;
    void *p = reallocarray(items, c, size);
    if (p)
        *cap = c;
    return p;
}
