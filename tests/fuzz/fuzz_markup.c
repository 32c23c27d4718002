/* libFuzzer target: the markup scanner on any text. The first byte picks
 * how the text's characters map to columns; the rest is the text. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../generator/markup.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int ready;
    diag_list d = {0};
    if (!ready && markup_init(&d))
        abort();
    ready = 1;
    if (size < 1)
        return 0;
    char *text = malloc(size);
    if (!text)
        return 0;
    memcpy(text, data + 1, size - 1);
    text[size - 1] = '\0';
    arena a = {0};
    rich_text out;
    src_pos pos = {"fuzz", 1 + data[0] / 3, 1};
    if (markup_scan(text, pos, (text_layout)(data[0] % 3), &a, &d, &out) == 0) {
        /* The tokens hold the text: literal text and markup as written. */
        size_t n = 0;
        for (size_t i = 0; i < out.count; i++)
            n += strlen(out.tokens[i].text);
        if (n != strlen(text))
            abort();
    }
    arena_free(&a);
    diag_free(&d);
    free(text);
    return 0;
}
