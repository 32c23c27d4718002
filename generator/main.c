/* The afspraken command: reads the arguments, runs the engine and the
 * writers, and is the one place that prints diagnostics and picks the
 * exit code (0 fine, 2 input error, 3 system or I/O error). */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../output/output.h"
#include "assemble.h"
#include "check.h"
#include "describe.h"
#include "diag.h"
#include "markup.h"
#include "model.h"
#include "region.h"
#include "starter.h"

#ifndef AFSPRAKEN_MODEL_DIR
#define AFSPRAKEN_MODEL_DIR "/usr/local/share/afspraken"
#endif
#define AFSPRAKEN_VERSION "0.1.0"
#define MODEL_FILE        "landelijk-model.yaml"

enum { EXIT_OK = 0, EXIT_INPUT = 2, EXIT_SYSTEM = 3 };

static const char usage[] =
    "afspraken - Bestuurlijke Afspraken voor een Zorg- en Veiligheidshuis\n"
    "\n"
    "Gebruik:\n"
    "  afspraken genereer REGIO.yaml [-o MAP] [--formaat odt,docx,md]\n"
    "      Maakt de documenten van een regio, standaard in out/<regio>/.\n"
    "  afspraken controleer [REGIO.yaml ...]\n"
    "      Controleert het model en de regiobestanden en meldt elk probleem;\n"
    "      schrijft niets.\n"
    "  afspraken model\n"
    "      Toont de delen, artikelen (welke optioneel zijn en waarom), velden,\n"
    "      plekken voor regionale tekst en bijlagen van het model.\n"
    "  afspraken init [--regio NAAM]\n"
    "      Schrijft een beginbestand voor een nieuwe regio naar de uitvoer.\n"
    "\n"
    "Opties:\n"
    "  -o, --uitvoer MAP   map voor de documenten (genereer)\n"
    "  --formaat LIJST     welke van odt, docx en md (genereer; standaard alle)\n"
    "  --regio NAAM        naam van de nieuwe regio (init)\n"
    "  --model BESTAND     ander modelbestand dan het geïnstalleerde\n"
    "  -h, --help          deze hulp\n"
    "  --version           versie van afspraken\n"
    "\n"
    "Afsluitcodes: 0 goed, 2 fout in de invoer, 3 fout in het systeem.\n";

typedef struct {
    const char *command;
    const char *model_path;
    const char *out_dir;
    const char *formats;
    const char *region_name;
    const char **files;
    int n_files;
} options;

static int exit_code(const diag_list *d)
{
    if (diag_has_system_error(d))
        return EXIT_SYSTEM;
    return diag_error_count(d) ? EXIT_INPUT : EXIT_OK;
}

static int finish(diag_list *d)
{
    diag_sort(d);
    diag_print(d, stderr);
    int rc = exit_code(d);
    diag_free(d);
    return rc;
}

static int usage_error(const char *fmt, const char *arg)
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

/* The model: --model, else beside the binary (installed layout, then the
 * source tree), else the compiled-in install folder. Caller frees. */
static char *find_model(const char *given)
{
    if (given)
        return strdup(given);
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            static const char *const rel[] = {"/../share/afspraken/" MODEL_FILE,
                                              "/../model/" MODEL_FILE};
            for (size_t i = 0; i < 2; i++) {
                char *p;
                if (asprintf(&p, "%s%s", exe, rel[i]) < 0)
                    return NULL;
                if (file_exists(p))
                    return p;
                free(p);
            }
        }
    }
    return strdup(AFSPRAKEN_MODEL_DIR "/" MODEL_FILE);
}

/* Loads and checks the model; NULL when it cannot be used. */
static model *open_model(const options *o, int all_combinations, diag_list *d)
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

static int mkdir_p(const char *dir, diag_list *d)
{
    char *p = strdup(dir);
    if (!p) {
        diag_system(d, "onvoldoende geheugen");
        return -1;
    }
    for (char *s = p + 1;; s++) {
        if (*s != '/' && *s)
            continue;
        char c = *s;
        *s = '\0';
        if (mkdir(p, 0777) && errno != EEXIST) {
            diag_system(d, "kan map %s niet maken: %s", p, diag_errno_text(errno));
            free(p);
            return -1;
        }
        if (!c)
            break;
        *s = c;
    }
    free(p);
    return 0;
}

typedef struct {
    const char *name;
    int (*render)(const doc_node *, out_buf *, diag_list *);
} format;

static const format formats[] = {
    {"odt", odt_render},
    {"docx", docx_render},
    {"md", md_render},
};
#define N_FORMATS (sizeof formats / sizeof *formats)

/* Parses "odt,docx" into wanted[]; reports an unknown name. */
static int parse_formats(const char *list, int wanted[N_FORMATS])
{
    memset(wanted, 0, N_FORMATS * sizeof *wanted);
    char *copy = strdup(list), *save = NULL;
    if (!copy)
        return -1;
    int ok = 1;
    for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
        size_t i = 0;
        while (i < N_FORMATS && strcmp(t, formats[i].name))
            i++;
        if (i < N_FORMATS) {
            wanted[i] = 1;
        } else {
            usage_error("onbekend formaat '%s'; kies uit odt, docx en md", t);
            ok = 0;
        }
    }
    free(copy);
    return ok ? 0 : -1;
}

static time_t fixed_timestamp(diag_list *d)
{
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    if (!sde || !*sde)
        return (time_t)-1;
    char *end;
    long long v = strtoll(sde, &end, 10);
    if (*end || v < 0) {
        diag_add(d, DIAG_WARNING, DIAG_INPUT, NULL, 0, 0, NULL,
                 "SOURCE_DATE_EPOCH is geen geheel aantal seconden; genegeerd");
        return (time_t)-1;
    }
    return (time_t)v;
}

static int cmd_generate(const options *o)
{
    diag_list d = {0};
    int wanted[N_FORMATS];
    if (o->n_files != 1)
        return usage_error("%s", "genereer verwacht precies één regiobestand");
    if (parse_formats(o->formats ? o->formats : "odt,docx,md", wanted))
        return EXIT_INPUT;
    model *m = open_model(o, 0, &d);
    region *r = m ? region_load(o->files[0], &d) : NULL;
    doc_node *doc = NULL;
    char *slug = NULL, *dir = NULL;
    out_buf bufs[N_FORMATS] = {{0}};
    /* Assemble even when the file had problems: controleer and genereer
     * report every problem at once, and assemble returns no tree then. */
    if (r) {
        assemble_options opt = {fixed_timestamp(&d)};
        doc = assemble(m, r, &opt, &d);
    }
    if (doc) {
        slug = region_slug(r);
        if (!slug ||
            (o->out_dir ? !(dir = strdup(o->out_dir)) : asprintf(&dir, "out/%s", slug) < 0)) {
            dir = NULL;
            diag_system(&d, "onvoldoende geheugen");
        }
    }
    /* Render everything before writing anything: a failing writer must
     * not leave a new ODT beside an old DOCX. */
    for (size_t i = 0; doc && dir && i < N_FORMATS && !diag_error_count(&d); i++)
        if (wanted[i])
            formats[i].render(doc, &bufs[i], &d);
    if (doc && dir && !diag_error_count(&d) && !mkdir_p(dir, &d)) {
        for (size_t i = 0; i < N_FORMATS; i++) {
            if (!wanted[i])
                continue;
            char *path;
            if (asprintf(&path, "%s/%s.%s", dir, slug, formats[i].name) < 0) {
                diag_system(&d, "onvoldoende geheugen");
                break;
            }
            if (atomic_write(path, bufs[i].data, bufs[i].len, &d) == 0)
                printf("geschreven: %s\n", path);
            free(path);
        }
    }
    for (size_t i = 0; i < N_FORMATS; i++)
        out_buf_free(&bufs[i]);
    free(slug);
    free(dir);
    doc_free(doc);
    region_free(r);
    model_free(m);
    return finish(&d);
}

static int cmd_check(const options *o)
{
    diag_list d = {0};
    model *m = open_model(o, 1, &d);
    for (int i = 0; m && i < o->n_files; i++) {
        size_t before = diag_error_count(&d);
        region *r = region_load(o->files[i], &d);
        if (r) {
            assemble_options opt = {(time_t)-1};
            doc_free(assemble(m, r, &opt, &d));
        }
        if (diag_error_count(&d) == before)
            printf("%s: in orde\n", o->files[i]);
        region_free(r);
    }
    if (m && !o->n_files)
        printf("model: in orde\n");
    model_free(m);
    return finish(&d);
}

static int cmd_model(const options *o)
{
    diag_list d = {0};
    model *m = open_model(o, 1, &d);
    if (m)
        model_describe(m, stdout);
    model_free(m);
    return finish(&d);
}

static int cmd_init(const options *o)
{
    diag_list d = {0};
    model *m = open_model(o, 1, &d);
    if (m)
        starter_write(m, o->region_name, stdout);
    model_free(m);
    if (fflush(stdout))
        diag_system(&d, "schrijven naar de uitvoer mislukt: %s", diag_errno_text(errno));
    return finish(&d);
}

int main(int argc, char **argv)
{
    /* One short run: keep freed memory instead of returning it to the
     * kernel and faulting it in again for the next zip member. */
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
    mallopt(M_MMAP_THRESHOLD, 64 << 20);
    options o = {0};
    o.files = calloc((size_t)argc, sizeof *o.files);
    if (!o.files)
        return EXIT_SYSTEM;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char **value = NULL;
        if (!strcmp(a, "-h") || !strcmp(a, "--help") || !strcmp(a, "help")) {
            fputs(usage, stdout);
            free(o.files);
            return EXIT_OK;
        }
        if (!strcmp(a, "--version")) {
            printf("afspraken %s\n", AFSPRAKEN_VERSION);
            free(o.files);
            return EXIT_OK;
        }
        if (!strcmp(a, "--model"))
            value = &o.model_path;
        else if (!strcmp(a, "-o") || !strcmp(a, "--uitvoer"))
            value = &o.out_dir;
        else if (!strcmp(a, "--formaat"))
            value = &o.formats;
        else if (!strcmp(a, "--regio"))
            value = &o.region_name;
        if (value) {
            if (++i == argc) {
                free(o.files);
                return usage_error("'%s' verwacht een waarde", a);
            }
            *value = argv[i];
        } else if (a[0] == '-' && a[1]) {
            free(o.files);
            return usage_error("onbekende optie '%s'", a);
        } else if (!o.command) {
            o.command = a;
        } else {
            o.files[o.n_files++] = a;
        }
    }
    int rc;
    if (!o.command) {
        fputs(usage, stderr);
        rc = EXIT_INPUT;
    } else if (!strcmp(o.command, "genereer")) {
        rc = cmd_generate(&o);
    } else if (!strcmp(o.command, "controleer")) {
        rc = cmd_check(&o);
    } else if (!strcmp(o.command, "model")) {
        rc = o.n_files ? usage_error("%s", "model verwacht geen bestanden") : cmd_model(&o);
    } else if (!strcmp(o.command, "init")) {
        rc = o.n_files ? usage_error("%s", "init verwacht geen bestanden") : cmd_init(&o);
    } else {
        rc = usage_error("onbekende opdracht '%s'; kies genereer, controleer, model of init",
                         o.command);
    }
    free(o.files);
    markup_done();
    return rc;
}
