#define _GNU_SOURCE
/* libFuzzer target: verifieer's reader on any bytes, as a file it is
 * given. Seeds are our own ODT and DOCX, also repacked without
 * compression so that mutations reach the XML. What it reads back must be
 * normalised text already: normalising a paragraph again changes nothing. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../generator/fingerprint.h"
#include "../../generator/readback.h"
#include "fuzz_file.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[64];
    int fd = fuzz_file(data, size, path, sizeof path);
    if (fd < 0)
        return 0;
    readback rb;
    diag_list d = {0};
    if (readback_load(path, &rb, &d) == 0) {
        for (size_t i = 0; i < rb.n_paras; i++) {
            fp_text t = {0};
            fp_text_add(&t, rb.paras[i], strlen(rb.paras[i]));
            if (!t.failed && strcmp(fp_text_str(&t), rb.paras[i]))
                abort();
            fp_text_free(&t);
        }
    } else if (!diag_error_count(&d)) {
        /* A refusal always says why. */
        abort();
    }
    readback_free(&rb);
    diag_free(&d);
    close(fd);
    return 0;
}
