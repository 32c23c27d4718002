/* The text fingerprint: SHA-256 (OpenSSL's libcrypto) over a document's
 * normalised text, for the whole document and for each of its sections
 * (title, Partijen, every part, article and annex, the signature page).
 * `genereer` computes it from the assembled tree; `verifieer` from the
 * paragraphs it reads back out of an ODT or DOCX. Both feed the same
 * paragraphs to the same normaliser, so the two agree as long as the text
 * does. What counts as text is described in README.md ("Vingerafdruk").
 *
 * Normalisation of the paragraphs' raw text, in order:
 *   - every paragraph boundary, tab, line break and Unicode space
 *     (including no-break spaces) is white space; runs of white space
 *     become one space; none at the start or end;
 *   - soft hyphens, zero-width spaces and joiners, word joiners and the
 *     byte order mark are dropped; a non-breaking hyphen is "-";
 *   - fill-in lines (four or more of ".", "_" or "…" in a row) are
 *     white space: they are room for handwriting, drawn differently per
 *     format.
 * Nothing else changes: case, punctuation and every other character count. */
#ifndef AFSPRAKEN_FINGERPRINT_H
#define AFSPRAKEN_FINGERPRINT_H

#include <stddef.h>

#include "doc.h"

#define FP_HEX_LEN 64

/* Names of the document properties genereer writes and verifieer reads.
 * FP_PROP_SECTION is followed by a three-digit sequence number; its value
 * is "<hash> <id or -> <heading>". */
#define FP_PROP_DOCUMENT "Vingerafdruk"
#define FP_PROP_REGION   "Vingerafdruk regiobestand"
#define FP_PROP_SECTION  "Vingerafdruk onderdeel "

/* Normalised text, built incrementally. A failed allocation sets failed
 * and leaves the text as it was; callers check failed once at the end. */
typedef struct {
    char *buf; /* NUL-terminated; NULL until the first character */
    size_t len, cap;
    int space;   /* white space seen since the last character */
    char fill;   /* the character of a pending fill-in run, or 0 */
    size_t n_fill; /* its length in characters; "…" is one */
    int failed;
} fp_text;

/* Appends n bytes of UTF-8; invalid bytes are kept as they are. */
void fp_text_add(fp_text *t, const char *s, size_t n);
/* Appends white space (a paragraph boundary, tab or line break). */
void fp_text_space(fp_text *t);
/* The text so far ("" when empty); valid until the next call. */
const char *fp_text_str(fp_text *t);
void fp_text_free(fp_text *t);

/* SHA-256 of len bytes as 64 lower-case hex digits and a NUL; 0 or -1. */
int fp_sha256_hex(const void *data, size_t len, char out[FP_HEX_LEN + 1]);

/* SHA-256 of a file's bytes; 0, or -1 with errno set (0 when memory or
 * libcrypto failed). */
int fp_sha256_file(const char *path, char out[FP_HEX_LEN + 1]);

/* A document's paragraphs in order, each in one section. */
typedef struct {
    char *id;      /* stable id from the model, or NULL */
    char *heading; /* normalised label ("Artikel 7") or title ("Partijen") */
    char hash[FP_HEX_LEN + 1];
} fp_section;

typedef struct {
    char *text;     /* raw: tabs and breaks already spaces */
    size_t section; /* index into sections */
} fp_paragraph;

typedef struct {
    fp_paragraph *paras;
    size_t n_paras, cap_paras;
    fp_section *sections;
    size_t n_sections, cap_sections;
    char hash[FP_HEX_LEN + 1]; /* of the whole text, after fp_hash */
    int failed;                /* an allocation failed */
} fp_document;

/* Adds a paragraph to the last section (a first section is made when
 * there is none); text may be NULL for an empty one. Takes text. */
void fp_add_paragraph(fp_document *f, char *text);
/* Starts a section; id may be NULL. */
void fp_add_section(fp_document *f, const char *id, const char *heading);
/* Fills in every section's hash and the document's; 0 or -1. */
int fp_hash(fp_document *f);
void fp_document_free(fp_document *f);

/* The paragraphs of the assembled tree as the ODT and DOCX writers write
 * its body, in sections; 0 or -1 when memory ran out. */
int fp_from_tree(const doc_node *doc, fp_document *f);

/* Computes the tree's fingerprints and stores them in doc->meta: the full
 * hash, the short form for footers, and the document properties (with
 * region_sha256, the hash of the region file's bytes). 0 or -1 when
 * memory ran out. */
int fingerprint_document(doc_node *doc, const char *region_sha256);

/* "3f9a c21e 4b7d 90aa": the first 16 hex digits in groups of four, as
 * the footer shows them; out has room for 20 bytes. */
void fp_short(const char *hash, char out[20]);

#endif
