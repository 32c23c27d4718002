/* What the ODT and DOCX writers share to write a merged, change-marked
 * tree (doc_change in generator/doc.h) as tracked changes. A tree whose
 * meta has no change_author is not a redline, and the writers then write
 * exactly what they write without this module.
 *
 * Every changed paragraph owns the paragraph mark after it, so a deleted
 * or inserted block is its text plus its paragraph break. That needs a
 * paragraph after it; the changed blocks at the very end of a document
 * (the tail) therefore own the mark before them instead. */
#ifndef AFSPRAKEN_REDLINE_H
#define AFSPRAKEN_REDLINE_H

#include <stddef.h>

#include "../generator/doc.h"

/* Whether doc (the DOC_DOCUMENT root) is a merged tree to write with
 * tracked changes. */
int redline_wanted(const doc_node *doc);

/* A block's change, inherited from the nearest changed ancestor, so the
 * paragraphs inside an inserted article are inserted too. */
doc_change redline_block_change(const doc_node *n);

/* The change of an inline node inside block: the block's when it has
 * one, else the node's own. */
doc_change redline_inline_change(const doc_node *block, const doc_node *n);

/* The next block after n in writing order (pre-order), skipping lists,
 * which write no paragraph of their own; NULL after the last. */
const doc_node *redline_next_block(const doc_node *n);

/* The first block of the changed run that ends the document, when a
 * block without change comes before it; else NULL. */
const doc_node *redline_tail(const doc_node *doc);

/* A heading's label, the space between, and its title, each on both
 * sides: parts[i][0] the older, parts[i][1] the newer, "" for none. */
void redline_heading_parts(const doc_node *n, const char *parts[3][2]);

/* The older label of a lid or item that kept its place but not its
 * label, as it was written ("" for none, the bullet for an unnumbered
 * item); NULL when the label did not change. */
const char *redline_old_label(const doc_node *n, const char *bullet);

/* The length of the words old and now begin with alike, up to and
 * including a space, so that "Artikel 16" against "Artikel 17" shows
 * only the number as changed. */
size_t redline_same_words(const char *old, const char *now);

/* Whether the paragraph of block n begins, or ends, with inserted text
 * (bullet: how an unnumbered item's label is written). LibreOffice joins
 * an insertion that ends a paragraph with one that begins the next into
 * one change, paragraph break included, so the writers must not leave
 * an unchanged break between two such insertions. */
int redline_starts_inserted(const doc_node *n, const char *bullet);
int redline_ends_inserted(const doc_node *n);

/* The change date as xsd:dateTime in UTC into buf (at least 21 bytes);
 * zulu adds the "Z" that WordprocessingML writes and ODF readers do not. */
void redline_date(const doc_node *doc, char *buf, size_t size, int zulu);

#endif
