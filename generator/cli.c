/* Helpers shared by the commands: printing diagnostics and the exit
 * code, finding and checking the model, the fixed date. */
#define _GNU_SOURCE
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "cli.h"
#include "schema.h"

#ifndef AFSPRAKEN_MODEL_DIR
#define AFSPRAKEN_MODEL_DIR "/usr/local/share/afspraken"
#endif
#define MODEL_FILE "landelijk-model.yaml"

static int exit_code(const diag_list *d)
{
    if (diag_has_system_error(d))
        return EXIT_SYSTEM;
    return diag_error_count(d) ? EXIT_INPUT : EXIT_OK;
}

int cli_finish(diag_list *d)
{
    diag_sort(d);
    diag_print(d, stderr);
    int rc = exit_code(d);
    diag_free(d);
    return rc;
}

int cli_usage_error(const char *fmt, const char *arg)
{
    fputs("afspraken: fout: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\nZie 'afspraken --help'.\n", stderr);
    return EXIT_INPUT;
}

static int file_exists(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

/* A file the program ships: beside the binary in the installed layout
 * (../share/afspraken/), then where the source tree keeps it (source_rel,
 * relative to the binary's folder), else in the compiled-in install
 * folder. Caller frees; NULL when memory ran out. */
static char *find_shipped(const char *file, const char *source_rel)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            const char *const rel[] = {"/../share/afspraken/", source_rel};
            for (size_t i = 0; i < 2; i++) {
                char *p;
                if (asprintf(&p, "%s%s%s", exe, rel[i], file) < 0)
                    return NULL;
                if (file_exists(p)) {
                    /* Without "bin/..": the path is shown to the user. */
                    char *real = realpath(p, NULL);
                    if (real) {
                        free(p);
                        return real;
                    }
                    return p;
                }
                free(p);
            }
        }
    }
    char *p;
    return asprintf(&p, "%s/%s", AFSPRAKEN_MODEL_DIR, file) < 0 ? NULL : p;
}

/* The model: --model, else the shipped one. Caller frees. */
static char *find_model(const char *given)
{
    return given ? strdup(given) : find_shipped(MODEL_FILE, "/../model/");
}

/* The schema is made by the build beside the binary (build/). */
char *cli_find_schema(void)
{
    return find_shipped(SCHEMA_FILE, "/");
}

/* Loads and checks the model; NULL when it cannot be used. */
model *cli_open_model(const options *o, int all_combinations, diag_list *d)
{
    char *path = find_model(o->model_path);
    if (!path) {
        diag_system(d, "onvoldoende geheugen");
        return NULL;
    }
    model *m = model_load(path, d);
    free(path);
    if (m && !diag_error_count(d))
        model_check(m, all_combinations, d);
    if (m && diag_error_count(d)) {
        model_free(m);
        return NULL;
    }
    return m;
}

time_t cli_fixed_timestamp(diag_list *d)
{
    /* What a zip file's date can hold: 1980-01-01 up to 2107-12-31 (UTC). */
    static const long long first = 315532800LL, last = 4354819199LL;
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    if (!sde || !*sde)
        return (time_t)-1;
    char *end;
    errno = 0;
    long long v = strtoll(sde, &end, 10);
    if (*end || !isdigit((unsigned char)sde[0])) {
        diag_input(d, NULL, 0, 0, "Geef het aantal seconden sinds 1 januari 1970 (UTC).",
                   "SOURCE_DATE_EPOCH '%s' is geen geheel aantal seconden", sde);
        return (time_t)-1;
    }
    if (errno == ERANGE || v < first || v > last) {
        diag_input(d, NULL, 0, 0, "Kies een moment tussen 315532800 en 4354819199.",
                   "SOURCE_DATE_EPOCH '%s' ligt buiten 1980-2107, wat een zip-bestand als "
                   "datum kan bewaren", sde);
        return (time_t)-1;
    }
    return (time_t)v;
}

static int add_path(region_files *f, char *path)
{
    char **grown = path ? realloc(f->paths, (f->n + 1) * sizeof *grown) : NULL;
    if (!grown) {
        free(path);
        return -1;
    }
    f->paths = grown;
    f->paths[f->n++] = path;
    return 0;
}

static int is_region_file(const struct dirent *e)
{
    size_t len = strlen(e->d_name);
    return e->d_name[0] != '.' && len > 5 && !strcmp(e->d_name + len - 5, ".yaml");
}

/* A folder's region files in name order; -1 with a diagnostic. */
static int add_folder(region_files *f, const char *dir, diag_list *d)
{
    struct dirent **list;
    int n = scandir(dir, &list, is_region_file, alphasort);
    if (n < 0) {
        diag_input(d, dir, 0, 0, NULL, "kan de map niet lezen: %s", diag_errno_text(errno));
        return -1;
    }
    int rc = 0;
    if (!n)
        diag_input(d, dir, 0, 0, "Regiobestanden eindigen op .yaml.",
                   "de map bevat geen regiobestanden");
    for (int i = 0; i < n; i++) {
        char *path;
        /* "regions/" and "regions" name the same files. */
        int sep = dir[strlen(dir) - 1] != '/';
        if (!rc && (asprintf(&path, "%s%s%s", dir, sep ? "/" : "", list[i]->d_name) < 0 ||
                    add_path(f, path))) {
            diag_system(d, "onvoldoende geheugen");
            rc = -1;
        }
        free(list[i]);
    }
    free(list);
    return n ? rc : -1;
}

int cli_region_files(const options *o, region_files *files, diag_list *d)
{
    for (int i = 0; i < o->n_files; i++) {
        struct stat st;
        if (stat(o->files[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            files->from_folder = 1;
            if (add_folder(files, o->files[i], d))
                return -1;
        } else if (add_path(files, strdup(o->files[i]))) {
            diag_system(d, "onvoldoende geheugen");
            return -1;
        }
    }
    return 0;
}

void cli_region_files_free(region_files *files)
{
    for (size_t i = 0; i < files->n; i++)
        free(files->paths[i]);
    free(files->paths);
    files->paths = NULL;
    files->n = 0;
}

typedef struct {
    const char *name;
    int (*render)(const doc_node *, out_buf *, diag_list *);
    int needs_soffice;
} format;

static const format formats[CLI_N_FORMATS] = {
    {"odt", odt_render, 0},
    {"docx", docx_render, 0},
    {"md", md_render, 0},
    {"pdf", pdf_render, 1},
};

int cli_parse_formats(const char *list, int wanted[CLI_N_FORMATS])
{
    memset(wanted, 0, CLI_N_FORMATS * sizeof *wanted);
    char *copy = strdup(list ? list : "odt,docx,md"), *save = NULL;
    if (!copy)
        return -1;
    int ok = 1;
    for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
        size_t i = 0;
        while (i < CLI_N_FORMATS && strcmp(t, formats[i].name))
            i++;
        if (i < CLI_N_FORMATS) {
            wanted[i] = 1;
        } else {
            cli_usage_error("onbekend formaat '%s'; kies uit odt, docx, md en pdf", t);
            ok = 0;
        }
    }
    free(copy);
    int any = 0;
    for (size_t i = 0; i < CLI_N_FORMATS; i++)
        any |= wanted[i];
    if (ok && !any) {
        cli_usage_error("%s", "--formaat noemt geen formaat; kies uit odt, docx, md en pdf");
        ok = 0;
    }
    return ok ? 0 : -1;
}

int cli_check_soffice(const int wanted[CLI_N_FORMATS], diag_list *d)
{
    for (size_t i = 0; i < CLI_N_FORMATS; i++)
        if (wanted[i] && formats[i].needs_soffice && !pdf_available()) {
            diag_system(d, "voor PDF is LibreOffice nodig, maar 'soffice' staat niet in het "
                           "PATH; installeer het (Debian en Ubuntu: 'sudo apt-get install "
                           "libreoffice-writer-nogui') of laat pdf weg uit --formaat");
            return -1;
        }
    return 0;
}

void cli_add_rendered(out_set *set, manifest *mf, const doc_node *doc, const char *stem,
                      const int wanted[CLI_N_FORMATS], diag_list *d)
{
    for (size_t i = 0; i < CLI_N_FORMATS && !diag_error_count(d); i++) {
        if (!wanted[i])
            continue;
        out_buf buf = {0};
        char *name;
        if (formats[i].render(doc, &buf, d)) {
            out_buf_free(&buf);
        } else if (asprintf(&name, "%s.%s", stem, formats[i].name) < 0) {
            out_buf_free(&buf);
            diag_system(d, "onvoldoende geheugen");
        } else if (mf && manifest_add(mf, name, buf.data, buf.len, doc->meta->fingerprint)) {
            out_buf_free(&buf);
            free(name);
            diag_system(d, "onvoldoende geheugen");
        } else {
            out_set_add(set, name, &buf, d);
            free(name);
        }
    }
}
