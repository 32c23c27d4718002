/* Dutch wording helpers (see dutch.h). */
#include "dutch.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

static const char *const ordinals[] = {
    "eerste",    "tweede",      "derde",      "vierde",      "vijfde",
    "zesde",     "zevende",     "achtste",    "negende",     "tiende",
    "elfde",     "twaalfde",    "dertiende",  "veertiende",  "vijftiende",
    "zestiende", "zeventiende", "achttiende", "negentiende", "twintigste",
};

static const char *const numbers[] = {
    "nul",      "\u00e9\u00e9n", "twee",     "drie",      "vier",      "vijf",      "zes",
    "zeven",    "acht",         "negen",    "tien",      "elf",       "twaalf",    "dertien",
    "veertien", "vijftien",     "zestien",  "zeventien", "achttien",  "negentien", "twintig",
};

static const char *const months[] = {
    "januari", "februari", "maart",     "april",   "mei",      "juni",
    "juli",    "augustus", "september", "oktober", "november", "december",
};

const char *dutch_ordinal(int n)
{
    return n >= 1 && n <= 20 ? ordinals[n - 1] : NULL;
}

const char *dutch_number_word(long n)
{
    return n >= 0 && n <= 20 ? numbers[n] : NULL;
}

void dutch_quantity(long n, const char *singular, const char *plural, char *buf, size_t size)
{
    const char *word = dutch_number_word(n);
    const char *unit = n == 1 ? singular : plural;
    if (word)
        snprintf(buf, size, "%s%s%s", word, unit ? " " : "", unit ? unit : "");
    else
        snprintf(buf, size, "%ld%s%s", n, unit ? " " : "", unit ? unit : "");
}

int dutch_parse_date(const char *s, int *y, int *m, int *d)
{
    /* sscanf alone would accept signs and blanks inside the fields. */
    for (int i = 0; i < 10; i++)
        if (i == 4 || i == 7 ? s[i] != '-' : !isdigit((unsigned char)s[i]))
            return -1;
    if (s[10] || sscanf(s, "%4d-%2d-%2d", y, m, d) != 3)
        return -1;
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (*y < 1900 || *y > 2999 || *m < 1 || *m > 12 || *d < 1 || *d > days[*m - 1])
        return -1;
    int leap = (*y % 4 == 0 && *y % 100 != 0) || *y % 400 == 0;
    if (*m == 2 && *d == 29 && !leap)
        return -1;
    return 0;
}

void dutch_format_date(int y, int m, int d, char *buf, size_t size)
{
    snprintf(buf, size, "%d %s %d", d, months[m - 1], y);
}

void dutch_letter(int n, char *buf, size_t size)
{
    char tmp[8];
    int i = 0;
    while (n > 0 && i < 7) {
        n--;
        tmp[i++] = (char)('a' + n % 26);
        n /= 26;
    }
    size_t j = 0;
    while (i > 0 && j + 1 < size)
        buf[j++] = tmp[--i];
    buf[j] = '\0';
}
