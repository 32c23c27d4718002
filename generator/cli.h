/* The afspraken command line: the options every command reads, and the
 * helpers the commands share. main.c parses the arguments and dispatches;
 * each command lives in a cmd_*.c file of its own. Only the commands print
 * diagnostics and pick the exit code (0 fine, 2 input error, 3 system or
 * I/O error), through cli_finish. */
#ifndef AFSPRAKEN_CLI_H
#define AFSPRAKEN_CLI_H

#include <time.h>

#include "../output/output.h"
#include "diag.h"
#include "manifest.h"
#include "model.h"

#define AFSPRAKEN_VERSION "0.1.0"

/* EXIT_CHANGED: verifieer found text that is not the generated text. */
enum { EXIT_OK = 0, EXIT_CHANGED = 1, EXIT_INPUT = 2, EXIT_SYSTEM = 3 };

/* Strings point into argv; files has room for argc entries. */
typedef struct {
    const char *command;
    const char *model_path;
    const char *out_dir;
    const char *formats;
    const char *region_name;
    int definitive; /* --definitief: refuse while any value is open */
    const char *model_old; /* vergelijk: the model versions to compare */
    const char *model_new;
    const char *manifest_path;
    /* verklaring: --organisatie, --naam, --functie, --datum, --kenmerk */
    const char *organisation, *person, *function, *date, *reference;
    const char **files;
    int n_files;
} options;

/* Sorts and prints d to stderr, frees it, and returns the exit code. */
int cli_finish(diag_list *d);

/* "afspraken: fout: <fmt with arg>" and a pointer to --help; EXIT_INPUT. */
int cli_usage_error(const char *fmt, const char *arg);

/* Loads the model (--model, else the installed or source copy) and checks
 * it, over every combination of optional articles when all_combinations.
 * NULL when it cannot be used; the reasons are in d. Caller frees. */
model *cli_open_model(const options *o, int all_combinations, diag_list *d);

/* Where the installed (or built) region schema is, for the editor line
 * of a starter file; caller frees, NULL when memory ran out. */
char *cli_find_schema(void);

/* SOURCE_DATE_EPOCH, or (time_t)-1 when unset; a value that is no number
 * or lies outside what a zip date can hold (1980-2107) is an input error. */
time_t cli_fixed_timestamp(diag_list *d);

/* The region files a command was given: each file as named, and for a
 * folder its *.yaml files in name order. */
typedef struct {
    char **paths;
    size_t n;
    int from_folder; /* a folder was among the arguments */
} region_files;

/* Fills files from o->files; -1 with a diagnostic when a folder cannot be
 * read or holds no region file. Free with cli_region_files_free. */
int cli_region_files(const options *o, region_files *files, diag_list *d);
void cli_region_files_free(region_files *files);

/* The formats a command writes a document in: odt, docx, md, pdf. */
#define CLI_N_FORMATS 4

/* Parses --formaat ("odt,docx"; NULL for odt, docx and md) into
 * wanted[]; a usage error (reported) for an unknown or empty list gives -1. */
int cli_parse_formats(const char *list, int wanted[CLI_N_FORMATS]);

/* Asked for a PDF without LibreOffice: -1 with a diagnostic that says how
 * to get it, before any work. */
int cli_check_soffice(const int wanted[CLI_N_FORMATS], diag_list *d);

/* Renders doc in every wanted format into set as "stem.odt" and so on,
 * and records each file in mf (unless NULL); problems go to d. */
void cli_add_rendered(out_set *set, manifest *mf, const doc_node *doc, const char *stem,
                      const int wanted[CLI_N_FORMATS], diag_list *d);

/* The commands; each returns the exit code. */
int cmd_generate(const options *o);
int cmd_declaration(const options *o);
int cmd_check(const options *o);
int cmd_compare(const options *o);
int cmd_model(const options *o);
int cmd_init(const options *o);
int cmd_schema(const options *o);
int cmd_verify(const options *o);

#endif
