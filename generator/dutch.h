/* Dutch wording of numbers, dates and lists, as a legal text writes them. */
#ifndef AFSPRAKEN_DUTCH_H
#define AFSPRAKEN_DUTCH_H

#include <stddef.h>

/* "eerste", "tweede", ... for 1..20; NULL outside that range. */
const char *dutch_ordinal(int n);

/* "één", "twee", ... "twintig" for 1..20, "nul" for 0; NULL otherwise:
 * the Aanwijzingen voor de regelgeving write small numbers in words. */
const char *dutch_number_word(long n);

/* n in words up to twenty, in digits above, followed by the singular or
 * plural unit when one is given: "één maand", "zes keer", "24 uur".
 * Writes into buf (at least 32 bytes plus the unit). */
void dutch_quantity(long n, const char *singular, const char *plural, char *buf, size_t size);

/* Parses "JJJJ-MM-DD" into y/m/d; returns 0 for a real calendar date. */
int dutch_parse_date(const char *s, int *y, int *m, int *d);

/* Writes "1 maart 2025" into buf (at least 32 bytes). */
void dutch_format_date(int y, int m, int d, char *buf, size_t size);

/* "a", "b", ... "z", "aa", "ab" for 1, 2, ...; buf at least 8 bytes. */
void dutch_letter(int n, char *buf, size_t size);

#endif
