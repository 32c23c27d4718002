/* libFuzzer target: a model file through the loader, the model check over
 * every combination of optional articles, the description (afspraken
 * model) and the starter file (afspraken init). */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>

#include "../../generator/check.h"
#include "../../generator/describe.h"
#include "../../generator/schema.h"
#include "../../generator/starter.h"
#include "fuzz_file.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[64];
    int fd = fuzz_file(data, size, path, sizeof path);
    if (fd < 0)
        return 0;
    diag_list d = {0};
    model *m = model_load(path, &d);
    if (m && !diag_error_count(&d)) {
        model_check(m, 1, &d);
        FILE *sink = fopen("/dev/null", "w");
        if (sink) {
            model_describe(m, sink);
            starter_write(m, "regio", "regio.schema.json", sink);
            schema_write(m, sink);
            fclose(sink);
        }
    }
    model_free(m);
    diag_free(&d);
    close(fd);
    return 0;
}
