/* Word wrapping for terminal output (see wrap.h). */
#include "wrap.h"

#include <string.h>

/* Columns, not bytes: Dutch text has é, ë and the like. */
static size_t columns(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

void wrap_text(FILE *out, const char *first_prefix, const char *prefix, const char *text,
               size_t width)
{
    size_t col = columns(first_prefix, strlen(first_prefix));
    fputs(first_prefix, out);
    int first_word = 1;
    while (*text) {
        while (*text == ' ' || *text == '\n')
            text++;
        size_t w = strcspn(text, " \n");
        if (!w)
            break;
        size_t wc = columns(text, w);
        if (!first_word && col + 1 + wc > width) {
            fprintf(out, "\n%s", prefix);
            col = columns(prefix, strlen(prefix));
            first_word = 1;
        }
        if (!first_word) {
            fputc(' ', out);
            col++;
        }
        fwrite(text, 1, w, out);
        col += wc;
        text += w;
        first_word = 0;
    }
    fputc('\n', out);
}
