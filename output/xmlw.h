/* Checked helpers over libxml2's xmlTextWriter, which does the escaping.
 * Each call returns 0 or -1; callers chain them with || and report one
 * failure. Text must be valid UTF-8 without characters XML 1.0 forbids;
 * the generator guarantees that for everything in the tree. */
#ifndef AFSPRAKEN_XMLW_H
#define AFSPRAKEN_XMLW_H

#include <libxml/xmlwriter.h>
#include <stddef.h>

typedef struct {
    xmlBufferPtr buf;
    xmlTextWriterPtr w;
    /* The part writer's own state for this document, NULL unless it sets
     * it: the redline writers keep their change-tracking state here so
     * that every function that writes a paragraph can reach it. */
    void *ctx;
} xmlw;

/* Starts a document with the XML declaration (UTF-8, standalone yes). */
int xmlw_open(xmlw *x);
/* Starts a fragment: elements without an XML declaration, to be copied
 * into a document with xmlw_splice. Free it with xmlw_discard. */
int xmlw_open_fragment(xmlw *x);
/* Writes the fragment's markup so far into x as it is. */
int xmlw_splice(xmlw *x, xmlw *fragment);
/* Ends the document and moves its bytes to *data and *len (malloc'd). */
int xmlw_close(xmlw *x, void **data, size_t *len);
/* Frees what xmlw_open made when the document was not closed. */
void xmlw_discard(xmlw *x);

int xmlw_start(xmlw *x, const char *name);
int xmlw_end(xmlw *x);
int xmlw_attr(xmlw *x, const char *name, const char *value);
int xmlw_attrf(xmlw *x, const char *name, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int xmlw_text(xmlw *x, const char *text);
/* The first len bytes of text, which need not end there. */
int xmlw_text_len(xmlw *x, const char *text, size_t len);
/* <name attr="value"/> in one call; attr may be NULL. */
int xmlw_empty(xmlw *x, const char *name, const char *attr, const char *value);
/* <name>text</name>. */
int xmlw_element(xmlw *x, const char *name, const char *text);

#endif
