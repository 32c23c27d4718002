/* The model text as the base of a comparison (assemble_options.model_text):
 * each field and regional text spot is a placeholder (DOC_PLACEHOLDER, as
 * in a concept, with the field's or spot's id) "[id: omschrijving]", with the
 * description cut at its first clause and starting in lower case, so the
 * reader sees what the region fills in there. Only the model's own values
 * (its name, version, date and reference) are filled. */
#define _GNU_SOURCE
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assembly.h"

char *placeholder(const char *id, const char *description)
{
    const char *d = description ? description : "";
    size_t len = strcspn(d, ",.(;:");
    while (len && d[len - 1] == ' ')
        len--;
    char *s;
    if (asprintf(&s, "[%s%s%.*s]", id, len ? ": " : "", (int)len, d) < 0)
        return NULL;
    char *first = s + strlen(id) + 3;
    if (len && isupper((unsigned char)*first))
        *first = (char)tolower((unsigned char)*first);
    return s;
}

void fill_model_text(ctx *c)
{
    const model *m = c->m;
    for (size_t i = 0; i < m->n_fields; i++) {
        const model_field *f = &m->fields[i];
        field_value *out = &c->values[i];
        if (!f->id)
            continue;
        const char *raw = NULL;
        if (f->builtin && model_builtin(m, f->id, &raw)) {
            if (raw)
                render_scalar(c, f, raw, f->pos, out);
            continue;
        }
        /* Marked set as well, so that the lid an optional field stands in
         * stays in the model text. */
        if (!(out->placeholder = placeholder(f->id, f->description))) {
            c->oom = 1;
            return;
        }
        out->set = 1;
    }
    for (size_t i = 0; i < m->n_spots; i++) {
        const model_spot *s = &m->spots[i];
        if (!s->id)
            continue;
        if (!(c->spot_open[i] = placeholder(s->id, s->description))) {
            c->oom = 1;
            return;
        }
        c->spots[i] = c->spot_open[i];
    }
}
