/* schema: the JSON Schema of region files for this model, to standard
 * output, for editors with the YAML language server. */
#include <errno.h>
#include <stdio.h>

#include "cli.h"
#include "schema.h"

int cmd_schema(const options *o)
{
    diag_list d = {0};
    model *m = cli_open_model(o, 1, &d);
    if (m && schema_write(m, stdout))
        diag_system(&d, "onvoldoende geheugen voor het schema");
    model_free(m);
    if (fflush(stdout))
        diag_system(&d, "schrijven naar de uitvoer mislukt: %s", diag_errno_text(errno));
    return cli_finish(&d);
}
