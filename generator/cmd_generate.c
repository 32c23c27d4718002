/* genereer: the documents of one region, or of every region in a batch
 * (several files or a folder) with the model loaded and checked once.
 * Each region's set is rendered in memory and then written all at once. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/hash.h>

#include "../output/output.h"
#include "assemble.h"
#include "cli.h"
#include "fingerprint.h"
#include "manifest.h"
#include "region.h"

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* Hashes the model and region files, fingerprints the agreement and its
 * verklaringen and starts the manifest; NULL with a diagnostic on failure. */
static manifest *start_manifest(const model *m, const region *r, doc_node *doc,
                                const declaration_list *decls, diag_list *d)
{
    char model_sha[FP_HEX_LEN + 1], region_sha[FP_HEX_LEN + 1];
    const char *unreadable = fp_sha256_file(m->file, model_sha)     ? m->file
                             : fp_sha256_file(r->file, region_sha) ? r->file
                                                                   : NULL;
    if (unreadable) {
        diag_system(d, "kan %s niet opnieuw lezen: %s", unreadable, diag_errno_text(errno));
        return NULL;
    }
    manifest_info info = {
        .tool_version = AFSPRAKEN_VERSION,
        .model_name = m->name,
        .model_version = m->version,
        .model_sha256 = model_sha,
        .region_name = r->name,
        .region_file = base_name(r->file),
        .region_sha256 = region_sha,
        .concept = doc->meta->concept,
    };
    int failed = fingerprint_document(doc, region_sha);
    for (size_t i = 0; !failed && i < decls->count; i++)
        failed = fingerprint_document(decls->items[i].doc, region_sha);
    manifest *mf = failed ? NULL : manifest_new(&info);
    if (!mf)
        diag_system(d, "onvoldoende geheugen");
    return mf;
}

/* Renders the manifest as the set's last file. */
static void add_manifest(out_set *set, const manifest *mf, const char *slug, diag_list *d)
{
    out_buf buf = {0};
    char *name;
    if (asprintf(&name, "%s.manifest.json", slug) < 0) {
        diag_system(d, "onvoldoende geheugen");
        return;
    }
    if (manifest_render(mf, &buf.data, &buf.len))
        diag_system(d, "onvoldoende geheugen");
    else
        out_set_add(set, name, &buf, d);
    free(name);
}

/* Where a region's files go: -o itself for a single region, a subfolder
 * per region under -o (or out/) in a batch. Caller frees. */
static char *region_dir(const options *o, const char *slug, int batch)
{
    char *dir = NULL;
    if (o->out_dir && !batch)
        dir = strdup(o->out_dir);
    else if (asprintf(&dir, "%s/%s", o->out_dir ? o->out_dir : "out", slug) < 0)
        dir = NULL;
    return dir;
}

/* One region from its file to a written set; every problem goes to d.
 * slugs holds the folder names of the batch so far: two regions into one
 * folder would overwrite each other's documents. */
static void generate_region(const model *m, const options *o, const char *path,
                            const int wanted[CLI_N_FORMATS], int batch, xmlHashTablePtr slugs,
                            diag_list *d)
{
    region *r = region_load(path, d);
    doc_node *doc = NULL;
    char *slug = NULL, *dir = NULL;
    out_set *set = NULL;
    manifest *mf = NULL;
    /* Assemble even when the file had problems: controleer and genereer
     * report every problem at once, and assemble returns no tree then. */
    declaration_list decls = {0};
    if (r) {
        assemble_options opt = {cli_fixed_timestamp(d), o->definitive};
        doc = assemble_with_declarations(m, r, &opt, NULL, &decls, d);
    }
    if (doc && (mf = start_manifest(m, r, doc, &decls, d))) {
        slug = region_slug(r);
        if (!slug || !(dir = region_dir(o, slug, batch)) || !(set = out_set_new(dir)))
            diag_system(d, "onvoldoende geheugen");
        else if (xmlHashLookup(slugs, (const xmlChar *)dir))
            diag_input(d, r->file, r->name_pos.line, r->name_pos.column,
                       "Geef een van beide regio's een andere 'bestandsnaam'.",
                       "een andere regio in deze opdracht schrijft ook naar %s", dir);
        else if (xmlHashAddEntry(slugs, (const xmlChar *)dir, (void *)path))
            diag_system(d, "onvoldoende geheugen");
    }
    /* Render everything before writing anything: a failing writer must
     * not leave a new ODT beside an old DOCX. */
    if (set)
        cli_add_rendered(set, mf, doc, slug, wanted, d);
    for (size_t i = 0; set && i < decls.count && !diag_error_count(d); i++) {
        char *stem;
        if (asprintf(&stem, "verklaringen/%s", decls.items[i].name) < 0) {
            diag_system(d, "onvoldoende geheugen");
            break;
        }
        cli_add_rendered(set, mf, decls.items[i].doc, stem, wanted, d);
        free(stem);
    }
    if (set && !diag_error_count(d))
        add_manifest(set, mf, slug, d);
    if (set && !diag_error_count(d) && out_set_commit(set, d) == 0)
        for (size_t i = 0; i < out_set_count(set); i++)
            printf("geschreven: %s\n", out_set_path(set, i));
    out_set_free(set);
    manifest_free(mf);
    free(slug);
    free(dir);
    declaration_list_free(&decls);
    doc_free(doc);
    region_free(r);
}

int cmd_generate(const options *o)
{
    int wanted[CLI_N_FORMATS];
    if (!o->n_files)
        return cli_usage_error("%s", "genereer verwacht een regiobestand of een map met regiobestanden");
    if (cli_parse_formats(o->formats, wanted))
        return EXIT_INPUT;
    diag_list d = {0};
    if (cli_check_soffice(wanted, &d))
        return cli_finish(&d);
    region_files files = {0};
    model *m = cli_open_model(o, 0, &d);
    if (!m || cli_region_files(o, &files, &d)) {
        model_free(m);
        return cli_finish(&d);
    }
    /* A folder or several files is a batch: one subfolder per region. */
    int batch = files.n > 1 || files.from_folder;
    int rc = cli_finish(&d), written = 0, refused = 0;
    xmlHashTablePtr slugs = xmlHashCreate((int)files.n);
    for (size_t i = 0; slugs && i < files.n && rc != EXIT_SYSTEM; i++) {
        diag_list rd = {0};
        generate_region(m, o, files.paths[i], wanted, batch, slugs, &rd);
        int region_rc = cli_finish(&rd);
        if (region_rc == EXIT_OK)
            written++;
        else
            refused++;
        if (region_rc > rc)
            rc = region_rc;
    }
    if (!slugs) {
        diag_system(&d, "onvoldoende geheugen");
        rc = cli_finish(&d);
    }
    if (batch)
        fprintf(stderr, "genereer: %d %s geschreven, %d geweigerd\n", written,
                written == 1 ? "regio" : "regio's", refused);
    xmlHashFree(slugs, NULL);
    cli_region_files_free(&files);
    model_free(m);
    return rc;
}
