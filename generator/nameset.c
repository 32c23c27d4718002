/* Duplicate detection with libxml2's hash table (see nameset.h). */
#include "nameset.h"

name_set name_set_new(size_t n)
{
    return (name_set){xmlHashCreate(n > 1 << 20 ? 1 << 20 : (int)n)};
}

int name_set_seen(name_set *s, const char *name)
{
    if (!s->table || !name)
        return 0;
    if (xmlHashLookup(s->table, (const xmlChar *)name))
        return 1;
    /* The payload only marks presence; any non-NULL pointer will do. */
    xmlHashAddEntry(s->table, (const xmlChar *)name, s);
    return 0;
}

void name_set_free(name_set *s)
{
    xmlHashFree(s->table, NULL);
    s->table = NULL;
}
