/* Checked helpers over xmlTextWriter (see xmlw.h). */
#include "xmlw.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define X(s) ((const xmlChar *)(s))

int xmlw_open_fragment(xmlw *x)
{
    x->w = NULL;
    x->ctx = NULL;
    x->buf = xmlBufferCreate();
    if (!x->buf)
        return -1;
    x->w = xmlNewTextWriterMemory(x->buf, 0);
    if (!x->w) {
        xmlw_discard(x);
        return -1;
    }
    return 0;
}

int xmlw_splice(xmlw *x, xmlw *fragment)
{
    if (xmlTextWriterFlush(fragment->w) < 0)
        return -1;
    int n = xmlBufferLength(fragment->buf);
    if (n == 0)
        return 0;
    return xmlTextWriterWriteRawLen(x->w, xmlBufferContent(fragment->buf), n) < 0 ? -1 : 0;
}

int xmlw_open(xmlw *x)
{
    if (xmlw_open_fragment(x))
        return -1;
    if (xmlTextWriterStartDocument(x->w, "1.0", "UTF-8", "yes") < 0) {
        xmlw_discard(x);
        return -1;
    }
    return 0;
}

int xmlw_close(xmlw *x, void **data, size_t *len)
{
    int r = xmlTextWriterEndDocument(x->w);
    xmlFreeTextWriter(x->w);
    x->w = NULL;
    if (r < 0) {
        xmlw_discard(x);
        return -1;
    }
    size_t n = (size_t)xmlBufferLength(x->buf);
    void *copy = malloc(n ? n : 1);
    if (!copy) {
        xmlw_discard(x);
        return -1;
    }
    memcpy(copy, xmlBufferContent(x->buf), n);
    xmlBufferFree(x->buf);
    x->buf = NULL;
    *data = copy;
    *len = n;
    return 0;
}

void xmlw_discard(xmlw *x)
{
    if (x->w)
        xmlFreeTextWriter(x->w);
    if (x->buf)
        xmlBufferFree(x->buf);
    x->w = NULL;
    x->buf = NULL;
}

int xmlw_start(xmlw *x, const char *name)
{
    return xmlTextWriterStartElement(x->w, X(name)) < 0 ? -1 : 0;
}

int xmlw_end(xmlw *x)
{
    return xmlTextWriterEndElement(x->w) < 0 ? -1 : 0;
}

int xmlw_attr(xmlw *x, const char *name, const char *value)
{
    return xmlTextWriterWriteAttribute(x->w, X(name), X(value)) < 0 ? -1 : 0;
}

int xmlw_attrf(xmlw *x, const char *name, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = xmlTextWriterWriteVFormatAttribute(x->w, X(name), fmt, ap);
    va_end(ap);
    return r < 0 ? -1 : 0;
}

int xmlw_text(xmlw *x, const char *text)
{
    return xmlTextWriterWriteString(x->w, X(text)) < 0 ? -1 : 0;
}

int xmlw_text_len(xmlw *x, const char *text, size_t len)
{
    if (text[len] == '\0')
        return xmlw_text(x, text);
    /* xmlTextWriter takes only whole strings; a copy is cheaper than its
     * printf-style "%.*s". */
    char stack[256];
    char *part = len < sizeof stack ? stack : malloc(len + 1);
    if (!part)
        return -1;
    memcpy(part, text, len);
    part[len] = '\0';
    int r = xmlw_text(x, part);
    if (part != stack)
        free(part);
    return r;
}

int xmlw_empty(xmlw *x, const char *name, const char *attr, const char *value)
{
    if (xmlw_start(x, name))
        return -1;
    if (attr && xmlw_attr(x, attr, value))
        return -1;
    return xmlw_end(x);
}

int xmlw_element(xmlw *x, const char *name, const char *text)
{
    return xmlw_start(x, name) || xmlw_text(x, text) || xmlw_end(x) ? -1 : 0;
}
