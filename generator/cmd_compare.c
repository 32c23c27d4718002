/* vergelijk: a region against the model text, two region files, or one
 * region under two model versions; the clause report on standard output
 * and, with -o, the redlines (ODT and DOCX with tracked changes). Exit
 * status as diff(1): 0 no difference, 1 differences, 2 input error,
 * 3 system error. Every input error of every file is reported before
 * anything is written. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../output/output.h"
#include "../output/report.h"
#include "assemble.h"
#include "clause_report.h"
#include "cli.h"
#include "compare.h"
#include "region.h"
#include "update.h"

enum { EXIT_DIFFERENT = 1 };

typedef enum { REPORT_TEXT, REPORT_MD, REPORT_JSON } report_format;

typedef struct {
    model *old_model, *new_model; /* the same model outside a model update */
    region *old_region, *new_region;
    region *view; /* the region as the new model can take it */
    doc_node *old_doc, *new_doc, *merged;
    clause_report report;
    action_list actions;
    char *old_name, *new_name;
} comparison;

static int parse_format(const char *s, report_format *f)
{
    if (!s || !strcmp(s, "tekst"))
        *f = REPORT_TEXT;
    else if (!strcmp(s, "md"))
        *f = REPORT_MD;
    else if (!strcmp(s, "json"))
        *f = REPORT_JSON;
    else
        return cli_usage_error("onbekend formaat '%s'; kies uit tekst, md en json", s);
    return 0;
}

static model *open_model_at(const options *o, const char *path, diag_list *d)
{
    options copy = *o;
    copy.model_path = path;
    return cli_open_model(&copy, 0, d);
}

/* Loads and assembles both sides; every problem goes to d. */
static void load(const options *o, const char **kind, comparison *c, diag_list *d)
{
    time_t fixed = cli_fixed_timestamp(d);
    assemble_options plain = {.timestamp = fixed};
    if (o->model_old) {
        *kind = "modelupdate";
        c->old_model = open_model_at(o, o->model_old, d);
        c->new_model = open_model_at(o, o->model_new, d);
        c->old_region = region_load(o->files[0], d);
        if (!c->old_model || !c->new_model || !c->old_region)
            return;
        c->old_doc = assemble(c->old_model, c->old_region, &plain, d);
        if (!(c->view = update_region_view(c->new_model, c->old_region))) {
            diag_system(d, "onvoldoende geheugen");
            return;
        }
        /* As a concept: what the file still lacks for the new model is a
         * placeholder there, and one of the coordinator's actions here. */
        c->new_doc = assemble(c->new_model, c->view, &plain, d);
        if (update_actions(c->old_model, c->new_model, c->old_region, &c->actions))
            diag_system(d, "onvoldoende geheugen");
        if (asprintf(&c->old_name, "%s onder model %s", o->files[0], o->model_old) < 0 ||
            asprintf(&c->new_name, "%s onder model %s", o->files[0], o->model_new) < 0)
            diag_system(d, "onvoldoende geheugen");
        return;
    }
    c->old_model = cli_open_model(o, 0, d);
    c->new_model = c->old_model;
    if (!c->old_model)
        return;
    if (o->n_files == 2) {
        *kind = "versies";
        c->old_region = region_load(o->files[0], d);
        c->new_region = region_load(o->files[1], d);
        if (c->old_region)
            c->old_doc = assemble(c->old_model, c->old_region, &plain, d);
        if (c->new_region)
            c->new_doc = assemble(c->new_model, c->new_region, &plain, d);
        c->old_name = strdup(o->files[0]);
        c->new_name = strdup(o->files[1]);
    } else {
        *kind = "model";
        c->new_region = region_load(o->files[0], d);
        if (!c->new_region)
            return;
        assemble_options base = {.timestamp = fixed, .model_text = 1};
        c->new_doc = assemble(c->new_model, c->new_region, &plain, d);
        if (c->new_doc)
            c->old_doc = assemble(c->old_model, c->new_region, &base, d);
        if (asprintf(&c->old_name, "het model (%s, versie %s)", c->old_model->name,
                     c->old_model->version ? c->old_model->version : "?") < 0)
            c->old_name = NULL;
        c->new_name = strdup(o->files[0]);
    }
    if (!c->old_name || !c->new_name)
        diag_system(d, "onvoldoende geheugen");
}

/* The redlines into -o: the merged tree through the ODT and DOCX writers. */
static void write_redlines(const options *o, const comparison *c, diag_list *d)
{
    static const struct {
        const char *ext;
        int (*render)(const doc_node *, out_buf *, diag_list *);
    } writers[] = {{"odt", odt_render}, {"docx", docx_render}};
    out_set *set = out_set_new(o->out_dir);
    if (!set) {
        diag_system(d, "onvoldoende geheugen");
        return;
    }
    for (size_t i = 0; i < 2 && !diag_error_count(d); i++) {
        out_buf buf = {0};
        char name[32];
        snprintf(name, sizeof name, "vergelijking.%s", writers[i].ext);
        if (writers[i].render(c->merged, &buf, d) == 0)
            out_set_add(set, name, &buf, d);
    }
    if (!diag_error_count(d) && out_set_commit(set, d) == 0)
        for (size_t i = 0; i < out_set_count(set); i++)
            fprintf(stderr, "geschreven: %s\n", out_set_path(set, i));
    out_set_free(set);
}

int cmd_compare(const options *o)
{
    diag_list d = {0};
    report_format format = REPORT_TEXT;
    if (o->n_files < 1 || o->n_files > 2)
        return cli_usage_error("%s", "vergelijk verwacht één of twee regiobestanden");
    if (!o->model_old != !o->model_new)
        return cli_usage_error("%s", "--model-oud en --model-nieuw horen bij elkaar");
    if (o->model_old && o->n_files != 1)
        return cli_usage_error("%s", "vergelijk met --model-oud en --model-nieuw verwacht één regiobestand");
    if (o->out_dir && !*o->out_dir)
        return cli_usage_error("%s", "-o verwacht een map");
    if (parse_format(o->formats, &format))
        return EXIT_INPUT;
    comparison c = {0};
    const char *kind = "model";
    load(o, &kind, &c, &d);
    int differs = 0;
    out_buf text = {0};
    if (c.old_doc && c.new_doc && !diag_error_count(&d)) {
        time_t date = c.new_doc->meta->timestamp;
        if (!(c.merged = compare_merge(c.old_doc, c.new_doc, "afspraken", date)) ||
            clause_report_build(c.merged, c.old_model, c.new_model, &c.report))
            diag_system(&d, "onvoldoende geheugen bij het vergelijken");
    }
    if (c.merged && !diag_error_count(&d)) {
        differs = compare_differs(c.merged);
        report_input in = {kind, c.old_name, c.new_name, &c.report,
                           o->model_old ? &c.actions : NULL, differs};
        if (format == REPORT_JSON)
            report_json_render(&in, &text, &d);
        else
            report_text_render(&in, format == REPORT_MD, &text, &d);
        if (o->out_dir && !diag_error_count(&d))
            write_redlines(o, &c, &d);
        if (!diag_error_count(&d) && text.len && fwrite(text.data, 1, text.len, stdout) != text.len)
            diag_system(&d, "kan het verslag niet schrijven");
    }
    out_buf_free(&text);
    clause_report_free(&c.report);
    action_list_free(&c.actions);
    doc_free(c.merged);
    doc_free(c.old_doc);
    doc_free(c.new_doc);
    free(c.view);
    region_free(c.old_region);
    region_free(c.new_region);
    if (c.new_model != c.old_model)
        model_free(c.new_model);
    model_free(c.old_model);
    free(c.old_name);
    free(c.new_name);
    int rc = cli_finish(&d);
    return rc == EXIT_OK && differs ? EXIT_DIFFERENT : rc;
}
