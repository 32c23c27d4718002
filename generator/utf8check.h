/* The bytes of an input file checked before libyaml sees them, so that a
 * bad byte is reported at its own line and column (libyaml's reader
 * reports such problems at the start of its buffer). */
#ifndef AFSPRAKEN_UTF8CHECK_H
#define AFSPRAKEN_UTF8CHECK_H

#include <stddef.h>

#include "diag.h"

/* Checks that buf is UTF-8 text YAML accepts: no invalid, overlong or
 * truncated sequences, no surrogates, no control characters other than
 * tab and line breaks, no U+FFFE/U+FFFF, a byte order mark only at the
 * very start and only UTF-8's. Lines and columns are counted as libyaml
 * counts them (columns in characters; CR LF, CR, LF, NEL, LS and PS end a
 * line; a leading BOM takes no column). Reports the first problem at its
 * position in file and returns -1; 0 when the text is fine. */
int utf8_check(const unsigned char *buf, size_t len, const char *file, diag_list *diags);

#endif
