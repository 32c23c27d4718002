/* docProps/core.xml and docProps/app.xml: the document's title, model,
 * language and dates as Word's "Properties" show them. The dates come from
 * the tree's timestamp, never from the clock, so output is reproducible. */
#include <stdio.h>
#include <time.h>

#include "docx.h"

#define NS_CP       "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
#define NS_DC       "http://purl.org/dc/elements/1.1/"
#define NS_DCTERMS  "http://purl.org/dc/terms/"
#define NS_DCMITYPE "http://purl.org/dc/dcmitype/"
#define NS_XSI      "http://www.w3.org/2001/XMLSchema-instance"
#define NS_EXTENDED "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
#define NS_VT       "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"

#define APPLICATION "afspraken"

static const char *or_empty(const char *s)
{
    return s ? s : "";
}

/* W3CDTF in UTC, the profile of ISO 8601 that core properties require. */
static int format_w3cdtf(time_t t, char *buf, size_t size)
{
    struct tm tm;
    if (!gmtime_r(&t, &tm))
        return -1;
    return strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm) ? 0 : -1;
}

static int write_dcterms_date(xmlw *x, const char *name, const char *date)
{
    return xmlw_start(x, name) || xmlw_attr(x, "xsi:type", "dcterms:W3CDTF") ||
           xmlw_text(x, date) || xmlw_end(x);
}

/* ", " as LibreOffice joins them on export; its import splits at spaces,
 * commas, semicolons and colons alike, which is why the generator joins the
 * words of one keyword with no-break spaces. */
static int write_cp_keywords(xmlw *x, const doc_meta *m)
{
    if (xmlw_start(x, "cp:keywords"))
        return -1;
    for (size_t i = 0; i < m->n_keywords; i++)
        if ((i && xmlw_text(x, ", ")) || xmlw_text(x, m->keywords[i]))
            return -1;
    return xmlw_end(x);
}

static int write_cp_coreProperties(xmlw *x, const doc_node *doc)
{
    const doc_meta *m = doc->meta;
    char date[32];
    if (format_w3cdtf(m->timestamp, date, sizeof date))
        return -1;
    return xmlw_start(x, "cp:coreProperties") || xmlw_attr(x, "xmlns:cp", NS_CP) ||
           xmlw_attr(x, "xmlns:dc", NS_DC) || xmlw_attr(x, "xmlns:dcterms", NS_DCTERMS) ||
           xmlw_attr(x, "xmlns:dcmitype", NS_DCMITYPE) || xmlw_attr(x, "xmlns:xsi", NS_XSI) ||
           xmlw_element(x, "dc:title", or_empty(doc_property_title(m))) ||
           xmlw_element(x, "dc:subject", or_empty(m->subject)) ||
           xmlw_element(x, "dc:creator", or_empty(m->creator)) || write_cp_keywords(x, m) ||
           xmlw_element(x, "dc:description", or_empty(m->description)) ||
           xmlw_element(x, "cp:lastModifiedBy", APPLICATION) ||
           xmlw_element(x, "dc:language", docx_language(doc)) ||
           write_dcterms_date(x, "dcterms:created", date) ||
           write_dcterms_date(x, "dcterms:modified", date) || xmlw_end(x);
}

static int write_Properties(xmlw *x, const doc_node *doc)
{
    (void)doc;
    return xmlw_start(x, "Properties") || xmlw_attr(x, "xmlns", NS_EXTENDED) ||
           xmlw_attr(x, "xmlns:vt", NS_VT) || xmlw_element(x, "Application", APPLICATION) ||
           xmlw_element(x, "DocSecurity", "0") || xmlw_element(x, "ScaleCrop", "false") ||
           xmlw_element(x, "LinksUpToDate", "false") || xmlw_element(x, "SharedDoc", "false") ||
           xmlw_element(x, "HyperlinksChanged", "false") || xmlw_end(x);
}

int docx_write_core(const doc_node *doc, void **data, size_t *len)
{
    return docx_write_part(doc, data, len, write_cp_coreProperties);
}

int docx_write_app(const doc_node *doc, void **data, size_t *len)
{
    return docx_write_part(doc, data, len, write_Properties);
}
