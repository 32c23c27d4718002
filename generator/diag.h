/* Diagnostics: every problem found while loading, checking, assembling or
 * writing is appended here as a value; only main decides how to print it
 * and which exit code follows. Messages are Dutch, for the user. */
#ifndef AFSPRAKEN_DIAG_H
#define AFSPRAKEN_DIAG_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

typedef enum { DIAG_ERROR, DIAG_WARNING } diag_severity;

/* What kind of failure: decides the exit code in main. */
typedef enum {
    DIAG_INPUT, /* the user's model or region file is wrong: exit 2 */
    DIAG_SYSTEM /* I/O, library or memory failure: exit 3 */
} diag_class;

typedef struct {
    diag_severity severity;
    diag_class class;
    char *file; /* NULL when no file is concerned */
    int line;   /* 1-based; 0 when unknown */
    int column; /* 1-based; 0 when unknown */
    char *message;
    char *hint; /* NULL or a suggestion of what to do */
} diag;

/* At most DIAG_MAX diagnostics are kept: a file with fifty thousand
 * mistakes is reported by its first ones, and sorting and printing stay
 * cheap. The rest are counted. */
#define DIAG_MAX 1000

typedef struct {
    diag *items;
    size_t count, cap;
    int lost;             /* set when a diagnostic could not be stored (no memory) */
    size_t dropped;       /* diagnostics past DIAG_MAX, not kept */
    size_t dropped_errors; /* of those, errors */
    int dropped_system;   /* set when one of those was a system error */
} diag_list;

/* Appends a diagnostic; file and hint may be NULL. Never fails visibly:
 * on allocation failure it sets list->lost, which counts as an error. */
void diag_add(diag_list *list, diag_severity sev, diag_class cls, const char *file, int line,
              int column, const char *hint, const char *fmt, ...)
    __attribute__((format(printf, 8, 9)));

/* The same with the arguments as a va_list, for wrappers that add a
 * position of their own. */
void diag_vadd(diag_list *list, diag_severity sev, diag_class cls, const char *file, int line,
               int column, const char *hint, const char *fmt, va_list ap);

/* Shorthands for the two common cases. */
#define diag_input(l, file, line, col, hint, ...)                                                  \
    diag_add((l), DIAG_ERROR, DIAG_INPUT, (file), (line), (col), (hint), __VA_ARGS__)
#define diag_system(l, ...) diag_add((l), DIAG_ERROR, DIAG_SYSTEM, NULL, 0, 0, NULL, __VA_ARGS__)

/* The system's errno values in Dutch: the C library speaks English here,
 * and every message a user reads is Dutch. */
const char *diag_errno_text(int err);

size_t diag_error_count(const diag_list *list);
size_t diag_warning_count(const diag_list *list);
int diag_has_system_error(const diag_list *list);

/* Sorts by file, line and column, keeping the order of equal positions,
 * so a user reads the problems top to bottom. */
void diag_sort(diag_list *list);

/* "file:line:column: fout: message" and an indented hint line; all
 * errors before all warnings ("waarschuwing:"). */
void diag_print(const diag_list *list, FILE *out);

/* Frees the items; the list itself may live on the stack. */
void diag_free(diag_list *list);

#endif
