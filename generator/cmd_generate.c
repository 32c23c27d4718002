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
    int any = 0;
    for (size_t i = 0; i < N_FORMATS; i++)
        any |= wanted[i];
    if (ok && !any) {
        cli_usage_error("%s", "--formaat noemt geen formaat; kies uit odt, docx en md");
        ok = 0;
    }
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
    out_set *set = NULL;
    /* Assemble even when the file had problems: controleer and genereer
     * report every problem at once, and assemble returns no tree then. */
    if (r) {
        assemble_options opt = {cli_fixed_timestamp(&d)};
        doc = assemble(m, r, &opt, &d);
    }
    if (doc) {
        slug = region_slug(r);
        if (slug && o->out_dir)
            dir = strdup(o->out_dir);
        else if (slug && asprintf(&dir, "out/%s", slug) < 0)
            dir = NULL;
        if (!dir || !(set = out_set_new(dir)))
            diag_system(&d, "onvoldoende geheugen");
    }
    /* Render everything before writing anything: a failing writer must
     * not leave a new ODT beside an old DOCX. */
    for (size_t i = 0; set && i < N_FORMATS && !diag_error_count(&d); i++) {
        if (!wanted[i])
            continue;
        out_buf buf = {0};
        char *name;
        if (formats[i].render(doc, &buf, &d)) {
            out_buf_free(&buf);
        } else if (asprintf(&name, "%s.%s", slug, formats[i].name) < 0) {
            out_buf_free(&buf);
            diag_system(&d, "onvoldoende geheugen");
        } else {
            out_set_add(set, name, &buf, &d);
            free(name);
        }
    }
    if (set && !diag_error_count(&d) && out_set_commit(set, &d) == 0)
        for (size_t i = 0; i < out_set_count(set); i++)
            printf("geschreven: %s\n", out_set_path(set, i));
    out_set_free(set);
    free(slug);
    free(dir);
    doc_free(doc);
    region_free(r);
    model_free(m);
    return cli_finish(&d);
}
