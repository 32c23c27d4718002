/* Storage, ordering and printing of diagnostics. */
#define _GNU_SOURCE
#include "diag.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void diag_add(diag_list *list, diag_severity sev, diag_class cls, const char *file, int line,
              int column, const char *hint, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vadd(list, sev, cls, file, line, column, hint, fmt, ap);
    va_end(ap);
}

void diag_vadd(diag_list *list, diag_severity sev, diag_class cls, const char *file, int line,
               int column, const char *hint, const char *fmt, va_list ap)
{
    if (list->count == list->cap) {
        size_t cap = list->cap ? list->cap * 2 : 16;
        diag *items = realloc(list->items, cap * sizeof *items);
        if (!items) {
            list->lost = 1;
            return;
        }
        list->items = items;
        list->cap = cap;
    }
    diag *d = &list->items[list->count];
    memset(d, 0, sizeof *d);
    d->severity = sev;
    d->class = cls;
    d->line = line;
    d->column = column;
    int r = vasprintf(&d->message, fmt, ap);
    if (r < 0 || (file && !(d->file = strdup(file))) || (hint && !(d->hint = strdup(hint)))) {
        if (r >= 0)
            free(d->message);
        free(d->file);
        list->lost = 1;
        return;
    }
    list->count++;
}

const char *diag_errno_text(int err)
{
    switch (err) {
    case ENOENT:
        return "het bestand of de map bestaat niet";
    case EACCES:
    case EPERM:
        return "geen toestemming";
    case ENOTDIR:
        return "een deel van het pad is geen map";
    case EISDIR:
        return "dit is een map, geen bestand";
    case ENOSPC:
        return "de schijf is vol";
    case EDQUOT:
        return "de schijfruimte (quota) is op";
    case EROFS:
        return "het bestandssysteem is alleen-lezen";
    case ENAMETOOLONG:
        return "de naam is te lang";
    case ENOMEM:
        return "onvoldoende geheugen";
    case EIO:
        return "invoer-/uitvoerfout van het apparaat";
    case EMFILE:
    case ENFILE:
        return "te veel open bestanden";
    case ELOOP:
        return "te veel symbolische koppelingen";
    default:
        return strerror(err);
    }
}

size_t diag_error_count(const diag_list *list)
{
    size_t n = list->lost ? 1 : 0;
    for (size_t i = 0; i < list->count; i++)
        if (list->items[i].severity == DIAG_ERROR)
            n++;
    return n;
}

int diag_has_system_error(const diag_list *list)
{
    if (list->lost)
        return 1;
    for (size_t i = 0; i < list->count; i++)
        if (list->items[i].severity == DIAG_ERROR && list->items[i].class == DIAG_SYSTEM)
            return 1;
    return 0;
}

static int position_cmp(const diag *a, const diag *b)
{
    if (!a->file || !b->file)
        return (a->file != NULL) - (b->file != NULL);
    int c = strcmp(a->file, b->file);
    if (c)
        return c;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    if (a->column != b->column)
        return a->column < b->column ? -1 : 1;
    return 0;
}

void diag_sort(diag_list *list)
{
    /* Insertion sort: stable, and lists are short. */
    for (size_t i = 1; i < list->count; i++) {
        diag d = list->items[i];
        size_t j = i;
        while (j > 0 && position_cmp(&list->items[j - 1], &d) > 0) {
            list->items[j] = list->items[j - 1];
            j--;
        }
        list->items[j] = d;
    }
}

void diag_print(const diag_list *list, FILE *out)
{
    for (size_t i = 0; i < list->count; i++) {
        const diag *d = &list->items[i];
        const char *sev = d->severity == DIAG_ERROR ? "fout" : "waarschuwing";
        if (d->file && d->line)
            fprintf(out, "%s:%d:%d: %s: %s\n", d->file, d->line, d->column, sev, d->message);
        else if (d->file)
            fprintf(out, "%s: %s: %s\n", d->file, sev, d->message);
        else
            fprintf(out, "afspraken: %s: %s\n", sev, d->message);
        if (d->hint)
            fprintf(out, "    %s\n", d->hint);
    }
    if (list->lost)
        fprintf(out, "afspraken: fout: onvoldoende geheugen om alle meldingen te bewaren\n");
}

void diag_free(diag_list *list)
{
    for (size_t i = 0; i < list->count; i++) {
        free(list->items[i].file);
        free(list->items[i].message);
        free(list->items[i].hint);
    }
    free(list->items);
    memset(list, 0, sizeof *list);
}
