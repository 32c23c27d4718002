/* verklaring: one geheimhoudingsverklaring on demand, for an organisation
 * (and person) invited to one overleg, in the region's words. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assemble.h"
#include "cli.h"
#include "dutch.h"
#include "fingerprint.h"
#include "region.h"
#include "utf8check.h"

/* Values from the command line go into a document like values from a
 * region file, so they meet the same rules for characters. */
static int check_value(const char *flag, const char *value, diag_list *d)
{
    return value ? utf8_check((const unsigned char *)value, strlen(value), flag, d) : 0;
}

int cmd_declaration(const options *o)
{
    int wanted[CLI_N_FORMATS];
    if (o->n_files != 1)
        return cli_usage_error("%s", "verklaring verwacht precies één regiobestand");
    if (!o->organisation || !*o->organisation)
        return cli_usage_error("%s", "verklaring verwacht --organisatie NAAM");
    if (cli_parse_formats(o->formats, wanted))
        return EXIT_INPUT;
    diag_list d = {0};
    if (cli_check_soffice(wanted, &d))
        return cli_finish(&d);
    char date[64];
    int y, mo, dd;
    if (o->date && dutch_parse_date(o->date, &y, &mo, &dd))
        return cli_usage_error("'%s' is geen datum; schrijf --datum JJJJ-MM-DD", o->date);
    if (o->date)
        dutch_format_date(y, mo, dd, date, sizeof date);
    declaration_fill fill = {{NULL}};
    fill.values[FILL_ORGANISATION] = o->organisation;
    fill.values[FILL_NAME] = o->person;
    fill.values[FILL_FUNCTION] = o->function;
    fill.values[FILL_DATE] = o->date ? date : NULL;
    fill.values[FILL_REFERENCE] = o->reference;
    if (check_value("--organisatie", o->organisation, &d) || check_value("--naam", o->person, &d) ||
        check_value("--functie", o->function, &d) || check_value("--kenmerk", o->reference, &d))
        return cli_finish(&d);
    model *m = cli_open_model(o, 0, &d);
    region *r = m ? region_load(o->files[0], &d) : NULL;
    declaration_list decls = {0};
    doc_node *doc = NULL;
    char *slug = NULL, *dir = NULL;
    out_set *set = NULL;
    if (r) {
        assemble_options opt = {cli_fixed_timestamp(&d), o->definitive};
        doc = assemble_with_declarations(m, r, &opt, &fill, &decls, &d);
    }
    if (doc && decls.count == 1) {
        slug = region_slug(r);
        if (o->out_dir)
            dir = strdup(o->out_dir);
        else if (slug && asprintf(&dir, "out/%s/verklaringen", slug) < 0)
            dir = NULL;
        /* Fingerprinted like the verklaringen genereer writes. */
        char region_sha[FP_HEX_LEN + 1];
        if (!dir || !(set = out_set_new(dir)))
            diag_system(&d, "onvoldoende geheugen");
        else if (fp_sha256_file(r->file, region_sha))
            diag_system(&d, "kan %s niet opnieuw lezen: %s", r->file, diag_errno_text(errno));
        else if (fingerprint_document(decls.items[0].doc, region_sha))
            diag_system(&d, "onvoldoende geheugen");
        else
            cli_add_rendered(set, NULL, decls.items[0].doc, decls.items[0].name, wanted, &d);
    }
    if (set && !diag_error_count(&d) && out_set_commit(set, &d) == 0)
        for (size_t i = 0; i < out_set_count(set); i++)
            printf("geschreven: %s\n", out_set_path(set, i));
    out_set_free(set);
    free(slug);
    free(dir);
    declaration_list_free(&decls);
    doc_free(doc);
    region_free(r);
    model_free(m);
    return cli_finish(&d);
}
