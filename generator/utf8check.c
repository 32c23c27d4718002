/* Checking an input file's bytes with positions (see utf8check.h). */
#include "utf8check.h"

/* Decodes one sequence at s (n bytes left). Returns its length and the
 * code point in *cp, or 0 when the bytes are not valid UTF-8 (invalid
 * lead or continuation byte, truncated, overlong, surrogate, > U+10FFFF). */
static size_t decode(const unsigned char *s, size_t n, unsigned long *cp)
{
    static const unsigned long min[] = {0, 0, 0x80, 0x800, 0x10000};
    size_t len = s[0] < 0x80 ? 1 : (s[0] & 0xE0) == 0xC0 ? 2 : (s[0] & 0xF0) == 0xE0 ? 3
                               : (s[0] & 0xF8) == 0xF0 ? 4 : 0;
    if (!len || len > n)
        return 0;
    unsigned long c = len == 1 ? s[0] : s[0] & (0x7F >> len);
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        c = c << 6 | (s[i] & 0x3F);
    }
    if (c < min[len] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return len;
}

int utf8_check(const unsigned char *buf, size_t len, const char *file, diag_list *diags)
{
    size_t i = 0;
    int line = 1, column = 1;
    if (len >= 2 && ((buf[0] == 0xFF && buf[1] == 0xFE) || (buf[0] == 0xFE && buf[1] == 0xFF))) {
        diag_input(diags, file, 1, 1, "Sla het bestand op als UTF-8 (zonder BOM).",
                   "het bestand is in UTF-16 opgeslagen, niet in UTF-8");
        return -1;
    }
    if (len >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF)
        i = 3;
    while (i < len) {
        unsigned long c;
        size_t n = decode(buf + i, len - i, &c);
        if (!n) {
            diag_input(diags, file, line, column,
                       "Sla het bestand op als UTF-8, of typ dit teken opnieuw.",
                       "ongeldige UTF-8 (byte 0x%02X); het bestand is geen geldige UTF-8-tekst",
                       buf[i]);
            return -1;
        }
        if (c == 0xFEFF) {
            diag_input(diags, file, line, column,
                       "Verwijder dit onzichtbare teken; het hoort alleen aan het begin.",
                       "een bytevolgordeteken (BOM, U+FEFF) midden in het bestand");
            return -1;
        }
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F ||
            (c >= 0x80 && c <= 0x9F && c != 0x85) || c == 0xFFFE || c == 0xFFFF) {
            diag_input(diags, file, line, column, "Verwijder het onzichtbare teken.",
                       "stuurteken U+%04lX; dat mag niet in het bestand staan", c);
            return -1;
        }
        i += n;
        if (c == '\r' && i < len && buf[i] == '\n')
            i++;
        if (c == '\r' || c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029) {
            line++;
            column = 1;
        } else {
            column++;
        }
    }
    return 0;
}
