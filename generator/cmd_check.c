/* controleer: the model and any region files, reporting every problem. */
#include <stdio.h>

#include "assemble.h"
#include "cli.h"
#include "region.h"

int cmd_check(const options *o)
{
    diag_list d = {0};
    model *m = cli_open_model(o, 1, &d);
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
    return cli_finish(&d);
}
