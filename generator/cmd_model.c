/* model and init: what the model holds, and a starter file for a region. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "describe.h"
#include "starter.h"

int cmd_model(const options *o)
{
    diag_list d = {0};
    model *m = cli_open_model(o, 1, &d);
    if (m)
        model_describe(m, stdout);
    model_free(m);
    return cli_finish(&d);
}

int cmd_init(const options *o)
{
    diag_list d = {0};
    model *m = cli_open_model(o, 1, &d);
    char *schema = m ? cli_find_schema() : NULL;
    if (m)
        starter_write(m, o->region_name, schema, stdout);
    free(schema);
    model_free(m);
    if (fflush(stdout))
        diag_system(&d, "schrijven naar de uitvoer mislukt: %s", diag_errno_text(errno));
    return cli_finish(&d);
}
