/* E-mail and web addresses in what a region wrote become links: the
 * assembler splits a field value or regional text around each address
 * PCRE2 finds, so the writers see a DOC_LINK (doc.h) and make it a link
 * in ODT and DOCX and plain text in Markdown. Model text is not searched:
 * the model's words are the same for every region and hold no address.
 *
 * Found: "naam@domein.nl" (target "mailto:naam@domein.nl"), "http://…"
 * and "https://…" (as written), "www.…" (target "https://www.…"). An
 * address ends before white space, "<", ">" or a quote, and without the
 * punctuation that ends a sentence or closes a bracket around it. */
#ifndef AFSPRAKEN_LINKS_H
#define AFSPRAKEN_LINKS_H

#include "doc.h"

/* Splits every DOC_FIELD and DOC_REGIONAL node under docs[0] to
 * docs[n - 1], with the pattern compiled once for all, around the
 * addresses in its text; the pieces keep the node's kind, id and source
 * position, each address becomes a DOC_LINK with the same id. 0, or -1
 * when memory ran out (the tree is then intact, maybe partly linked). */
int links_apply(doc_node *const *docs, size_t n);

#endif
