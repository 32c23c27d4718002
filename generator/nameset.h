/* A set of names for finding duplicates in linear time (libxml2's hash
 * table): a list of Deelnemers or the keys of a mapping can be long, and a
 * pairwise comparison is quadratic. */
#ifndef AFSPRAKEN_NAMESET_H
#define AFSPRAKEN_NAMESET_H

#include <libxml/hash.h>

typedef struct {
    xmlHashTablePtr table; /* NULL when memory ran out: every name is new */
} name_set;

/* An empty set sized for about n names. Free with name_set_free. */
name_set name_set_new(size_t n);

/* 1 when name was added before, else adds it and returns 0. The set keeps
 * its own copy of the name. */
int name_set_seen(name_set *s, const char *name);

void name_set_free(name_set *s);

#endif
