/* genereer: one region's documents, rendered in memory and then written. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../output/output.h"
#include "assemble.h"
#include "cli.h"
#include "region.h"

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
            cli_usage_error("onbekend formaat '%s'; kies uit odt, docx en md", t);
            ok = 0;
        }
    }
    free(copy);
    return ok ? 0 : -1;
}

int cmd_generate(const options *o)
{
    diag_list d = {0};
    int wanted[N_FORMATS];
    if (o->n_files != 1)
        return cli_usage_error("%s", "genereer verwacht precies één regiobestand");
    if (parse_formats(o->formats ? o->formats : "odt,docx,md", wanted))
        return EXIT_INPUT;
    model *m = cli_open_model(o, 0, &d);
    region *r = m ? region_load(o->files[0], &d) : NULL;
    doc_node *doc = NULL;
    char *slug = NULL, *dir = NULL;
    out_buf bufs[N_FORMATS] = {{0}};
    /* Assemble even when the file had problems: controleer and genereer
     * report every problem at once, and assemble returns no tree then. */
    if (r) {
        assemble_options opt = {cli_fixed_timestamp(&d)};
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
    if (doc && dir && !diag_error_count(&d) && !cli_mkdir_p(dir, &d)) {
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
    return cli_finish(&d);
}
