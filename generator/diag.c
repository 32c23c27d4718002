/* Storage, ordering and printing of diagnostics. */
#define _GNU_SOURCE
#include "diag.h"
#include "grow.h"

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
    if (list->count == DIAG_MAX) {
        list->dropped++;
        list->dropped_errors += sev == DIAG_ERROR;
        list->dropped_system |= sev == DIAG_ERROR && cls == DIAG_SYSTEM;
        return;
    }
    diag *items = grow(list->items, &list->cap, list->count, sizeof *items);
    if (!items) {
        list->lost = 1;
        return;
    }
    list->items = items;
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

/* Every errno a file, folder, lock or memory operation can give. */
static const struct {
    int err;
    const char *text;
} errno_texts[] = {
    {ENOENT, "het bestand of de map bestaat niet"},
    {EACCES, "geen toestemming"},
    {EPERM, "geen toestemming"},
    {ENOTDIR, "een deel van het pad is geen map"},
    {EISDIR, "dit is een map, geen bestand"},
    {ENOSPC, "de schijf is vol"},
    {EDQUOT, "de schijfruimte (quota) is op"},
    {EFBIG, "het bestand wordt groter dan toegestaan (limiet op de bestandsgrootte)"},
    {EROFS, "het bestandssysteem is alleen-lezen"},
    {ENAMETOOLONG, "de naam is te lang"},
    {ENOMEM, "onvoldoende geheugen"},
    {EIO, "invoer-/uitvoerfout van het apparaat"},
    {EMFILE, "te veel open bestanden"},
    {ENFILE, "te veel open bestanden in het systeem"},
    {ELOOP, "te veel symbolische koppelingen, of een koppeling waar die niet mag"},
    {EEXIST, "er bestaat al iets met die naam"},
    {ENOTEMPTY, "de map is niet leeg"},
    {EBUSY, "het bestand of de map is in gebruik"},
    {ETXTBSY, "het bestand is in gebruik"},
    {EXDEV, "bestanden op verschillende bestandssystemen"},
    {EINVAL, "ongeldige waarde"},
    {EBADF, "ongeldige bestandsaanduiding"},
    {EFAULT, "ongeldig adres"},
    {EAGAIN, "tijdelijk niet beschikbaar; probeer het opnieuw"},
    {EINTR, "onderbroken"},
    {ENXIO, "het apparaat bestaat niet of is niet bereikbaar"},
    {ENODEV, "geen geschikt apparaat"},
    {ENOLCK, "geen vergrendeling beschikbaar"},
    {ENOSYS, "niet ondersteund door het systeem"},
    {ENOTSUP, "niet ondersteund door het bestandssysteem"},
    {EOVERFLOW, "het bestand is te groot om in te lezen"},
    {ESTALE, "verouderde verwijzing naar een netwerkbestand"},
    {EPIPE, "de ontvanger heeft de verbinding gesloten"},
    {ESPIPE, "geen gewoon bestand (kan niet zoeken)"},
    {EMLINK, "te veel koppelingen"},
    {ETIMEDOUT, "de verbinding duurde te lang"},
    {ENOTCONN, "niet verbonden"},
    {EDEADLK, "vergrendeling zou vastlopen"},
    {ERANGE, "waarde buiten het bereik"},
};

const char *diag_errno_text(int err)
{
    for (size_t i = 0; i < sizeof errno_texts / sizeof *errno_texts; i++)
        if (errno_texts[i].err == err)
            return errno_texts[i].text;
    /* Never the C library's English; the number lets a specialist look
     * it up. One thread, so one buffer is enough. */
    static char unknown[48];
    snprintf(unknown, sizeof unknown, "systeemfout nummer %d", err);
    return unknown;
}

size_t diag_error_count(const diag_list *list)
{
    size_t n = (list->lost ? 1 : 0) + list->dropped_errors;
    for (size_t i = 0; i < list->count; i++)
        if (list->items[i].severity == DIAG_ERROR)
            n++;
    return n;
}

size_t diag_warning_count(const diag_list *list)
{
    size_t n = 0;
    for (size_t i = 0; i < list->count; i++)
        n += list->items[i].severity == DIAG_WARNING;
    return n;
}

int diag_has_system_error(const diag_list *list)
{
    if (list->lost || list->dropped_system)
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

/* Errors first, then warnings, each top to bottom: what stops the
 * documents stands apart from what only asks for a second look. */
void diag_print(const diag_list *list, FILE *out)
{
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < list->count; i++) {
            const diag *d = &list->items[i];
            if ((d->severity == DIAG_ERROR) != (pass == 0))
                continue;
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
    if (list->dropped)
        fprintf(out, "afspraken: %s: en nog %zu meldingen; verbeter eerst de bovenstaande\n",
                list->dropped_errors ? "fout" : "waarschuwing", list->dropped);
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
