/* Dutch typography on the assembled tree, once, so that every writer
 * (ODT, DOCX, Markdown, redline, verklaringen, PDF) prints it without
 * knowing of it. Where a line must not break, a plain character becomes
 * its no-break twin:
 *   - U+2011 NON-BREAKING HYPHEN after "'s" in a name ("'s-Hertogenbosch")
 *     and between the capitalised parts of a hyphenated name
 *     ("Gelderland-Zuid", "Janssen-Bos"); a hyphen before a space or a
 *     small letter ("Zorg- en Veiligheidshuis", "e-mail") stays;
 *   - U+00A0 NO-BREAK SPACE between "artikel", "artikelen", "art.", "lid",
 *     "leden", "bijlage", "bijlagen", "hoofdstuk", "paragraaf", "§" or
 *     "deel" and the number that follows ("artikel 2.27", "Deel A"),
 *     inside a date ("1 maart 2025"), in an amount ("€ 1.500",
 *     "1.500 euro") and in a postcode ("5200 GZ").
 * Only text changes: inline text (not a link's address, whose text is
 * its target), titles, the document's title and subtitle, the signature
 * lines. Labels ("Artikel 7") and ids do not:
 * a label starts its line, and reports and references use it as given. */
#ifndef AFSPRAKEN_TYPOGRAPHY_H
#define AFSPRAKEN_TYPOGRAPHY_H

#include "doc.h"

/* Typesets every text of the trees under docs[0] to docs[n - 1] (each a
 * DOC_DOCUMENT or any block), with the pattern compiled once for all. A
 * run of inline siblings is typeset as one text, so "artikel " in model
 * text before a field "7" is joined too. 0, or -1 when memory ran out
 * (the trees are then partly typeset, but intact). */
int typography_apply(doc_node *const *docs, size_t n);

/* The typeset form of s, malloc'd; NULL when memory ran out. */
char *typography_text(const char *s);

#endif
