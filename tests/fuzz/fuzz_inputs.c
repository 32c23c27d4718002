/* libFuzzer target: a region file through the loader, the assembler and
 * every writer, with the small test model. Run from the repository root
 * (the test model is read from tests/data). */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdlib.h>

#include "../../generator/assemble.h"
#include "../../output/output.h"
#include "fuzz_file.h"

static void render_all(const doc_node *doc, diag_list *d)
{
    int (*const writers[])(const doc_node *, out_buf *, diag_list *) = {odt_render, docx_render,
                                                                        md_render};
    for (size_t i = 0; i < sizeof writers / sizeof *writers; i++) {
        out_buf out = {0};
        writers[i](doc, &out, d);
        out_buf_free(&out);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static model *mini;
    char path[64];
    diag_list d = {0};
    if (!mini && !(mini = model_load("tests/data/mini-model.yaml", &d)))
        abort();
    int fd = fuzz_file(data, size, path, sizeof path);
    if (fd < 0)
        return 0;
    region *r = region_load(path, &d);
    if (r) {
        assemble_options opt = {(time_t)-1};
        doc_node *doc = assemble(mini, r, &opt, &d);
        if (doc)
            render_all(doc, &d);
        doc_free(doc);
    }
    region_free(r);
    diag_free(&d);
    close(fd);
    return 0;
}
