/* controleer: the model and any region files, reporting every problem. */
#include <stdio.h>

#include "assemble.h"
#include "cli.h"
#include "region.h"

int cmd_check(const options *o)
{
    diag_list d = {0};
    region_files files = {0};
    model *m = cli_open_model(o, 1, &d);
    if (!m || cli_region_files(o, &files, &d)) {
        model_free(m);
        return cli_finish(&d);
    }
    for (size_t i = 0; i < files.n; i++) {
        size_t before = diag_error_count(&d), warned = diag_warning_count(&d);
        region *r = region_load(files.paths[i], &d);
        if (r) {
            assemble_options opt = {(time_t)-1, o->definitive};
            doc_free(assemble(m, r, &opt, &d));
        }
        size_t warnings = diag_warning_count(&d) - warned;
        if (diag_error_count(&d) == before && warnings)
            printf("%s: in orde, met %zu waarschuwing%s\n", files.paths[i], warnings,
                   warnings == 1 ? "" : "en");
        else if (diag_error_count(&d) == before)
            printf("%s: in orde\n", files.paths[i]);
        region_free(r);
    }
    if (!files.n)
        printf("model: in orde\n");
    cli_region_files_free(&files);
    model_free(m);
    return cli_finish(&d);
}
