/* libFuzzer target: the loaders, the model check, the assembler and every
 * writer on arbitrary input. The first byte picks what the rest is: even,
 * a region file for the small test model; odd, a model file. Run from the
 * repository root (the test model is read from tests/data). */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "../../generator/assemble.h"
#include "../../generator/check.h"
#include "../../generator/describe.h"
#include "../../generator/starter.h"
#include "../../output/output.h"

/* The loaders read files; a memfd gives the input a path without touching
 * the disk. Returns the fd, or -1. */
static int input_file(const uint8_t *data, size_t size, char *path, size_t len)
{
    int fd = memfd_create("fuzz", 0);
    if (fd < 0)
        return -1;
    if (write(fd, data, size) != (ssize_t)size) {
        close(fd);
        return -1;
    }
    snprintf(path, len, "/proc/self/fd/%d", fd);
    return fd;
}

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

static void fuzz_region(const char *path)
{
    static model *mini;
    diag_list d = {0};
    if (!mini && !(mini = model_load("tests/data/mini-model.yaml", &d)))
        abort();
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
}

static void fuzz_model(const char *path)
{
    diag_list d = {0};
    model *m = model_load(path, &d);
    if (m && !diag_error_count(&d)) {
        model_check(m, 1, &d);
        FILE *sink = fopen("/dev/null", "w");
        if (sink) {
            model_describe(m, sink);
            starter_write(m, "regio", sink);
            fclose(sink);
        }
    }
    model_free(m);
    diag_free(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    char path[64];
    int fd = input_file(data + 1, size - 1, path, sizeof path);
    if (fd < 0)
        return 0;
    if (data[0] & 1)
        fuzz_model(path);
    else
        fuzz_region(path);
    close(fd);
    return 0;
}
