/* meta.xml: the tree's document properties, custom properties and dates. Dates come from the tree's
 * fixed timestamp, never the clock, so output is reproducible. */
#include <stdio.h>
#include <time.h>

#include "odt.h"

#define ODT_GENERATOR        "afspraken"
#define ODT_DEFAULT_LANGUAGE "nl-NL"

/* Skips absent values: an empty dc:title says less than none. */
static int odt_write_optional(xmlw *x, const char *name, const char *text)
{
    return text ? xmlw_element(x, name, text) : 0;
}

static int odt_write_meta_user_defined(xmlw *x, const char *name, const char *value)
{
    if (!value)
        return 0;
    return xmlw_start(x, "meta:user-defined") || xmlw_attr(x, "meta:name", name) ||
                   xmlw_attr(x, "meta:value-type", "string") || xmlw_text(x, value) || xmlw_end(x)
               ? -1
               : 0;
}

/* One meta:keyword per keyword, so none is split or merged on reading. */
static int odt_write_keywords(xmlw *x, const doc_meta *m)
{
    for (size_t i = 0; i < m->n_keywords; i++)
        if (xmlw_element(x, "meta:keyword", m->keywords[i]))
            return -1;
    return 0;
}

static int odt_write_properties(xmlw *x, const doc_meta *m)
{
    for (size_t i = 0; i < m->n_properties; i++)
        if (odt_write_meta_user_defined(x, m->properties[i].name, m->properties[i].value))
            return -1;
    return 0;
}

/* ISO 8601 in UTC without a zone suffix, as LibreOffice writes it. */
static int odt_format_date(time_t t, char *buf, size_t size)
{
    struct tm tm;
    if (!gmtime_r(&t, &tm))
        return -1;
    return strftime(buf, size, "%Y-%m-%dT%H:%M:%S", &tm) ? 0 : -1;
}

static int odt_write_meta_meta(xmlw *x, const doc_meta *m)
{
    char date[32];
    if (odt_format_date(m->timestamp, date, sizeof date))
        return -1;
    return xmlw_start(x, "office:meta") || xmlw_element(x, "meta:generator", ODT_GENERATOR) ||
                   odt_write_optional(x, "dc:title", doc_property_title(m)) ||
                   odt_write_optional(x, "dc:subject", m->subject) ||
                   odt_write_optional(x, "dc:description", m->description) ||
                   odt_write_keywords(x, m) ||
                   odt_write_optional(x, "meta:initial-creator", m->creator) ||
                   odt_write_optional(x, "dc:creator", m->creator) ||
                   xmlw_element(x, "dc:language",
                                m->language ? m->language : ODT_DEFAULT_LANGUAGE) ||
                   xmlw_element(x, "meta:creation-date", date) ||
                   xmlw_element(x, "dc:date", date) || odt_write_properties(x, m) || xmlw_end(x)
               ? -1
               : 0;
}

static int odt_write_meta_document_meta(xmlw *x, const doc_meta *m)
{
    return xmlw_start(x, "office:document-meta") || odt_xmlns(x, "office") ||
                   odt_xmlns(x, "meta") || odt_xmlns(x, "dc") || odt_xmlns(x, "xlink") ||
                   xmlw_attr(x, "office:version", ODT_VERSION) || odt_write_meta_meta(x, m) ||
                   xmlw_end(x)
               ? -1
               : 0;
}

int odt_write_meta(const doc_node *doc, void **data, size_t *len)
{
    xmlw x;
    if (xmlw_open(&x))
        return -1;
    if (odt_write_meta_document_meta(&x, doc->meta)) {
        xmlw_discard(&x);
        return -1;
    }
    return xmlw_close(&x, data, len);
}
