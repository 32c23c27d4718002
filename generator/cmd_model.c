/* model and init: what the model holds, and a starter file for a region. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "describe.h"
#include "starter.h"
#include "utf8check.h"

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
    /* The starter file quotes and escapes the name; what no escape makes
     * valid (invalid UTF-8, characters a document cannot hold) is refused,
     * so the tool never writes a file it would itself reject. */
    diag_list name_check = {0};
    int bad = o->region_name &&
              utf8_check((const unsigned char *)o->region_name, strlen(o->region_name), NULL,
                         &name_check);
    diag_free(&name_check);
    if (bad)
        return cli_usage_error("%s", "de naam na --regio is geen geldige UTF-8-tekst of bevat "
                                     "een stuurteken");
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
