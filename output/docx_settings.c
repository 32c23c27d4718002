/* word/settings.xml: document-wide settings. Children follow the order
 * CT_Settings prescribes; Word repairs a file whose order differs. */
#include "docx.h"

static int write_w_compatSetting(xmlw *x)
{
    /* Mode 15 (Word 2013 and later) so Word does not open the file in
     * compatibility mode with older layout rules. */
    return xmlw_start(x, "w:compatSetting") || xmlw_attr(x, "w:name", "compatibilityMode") ||
           xmlw_attr(x, "w:uri", "http://schemas.microsoft.com/office/word") ||
           xmlw_attr(x, "w:val", "15") || xmlw_end(x);
}

static int write_w_compat(xmlw *x)
{
    return xmlw_start(x, "w:compat") || write_w_compatSetting(x) || xmlw_end(x);
}

static int write_w_settings(xmlw *x, const doc_node *doc)
{
    const char *lang = docx_language(doc);
    return xmlw_start(x, "w:settings") || xmlw_attr(x, "xmlns:w", DOCX_NS_W) ||
           xmlw_empty(x, "w:zoom", "w:percent", "100") ||
           xmlw_empty(x, "w:defaultTabStop", "w:val", "709") ||
           /* Hyphenation on, as in the ODT; headings, titles and names
            * suppress it in their styles. */
           xmlw_empty(x, "w:autoHyphenation", NULL, NULL) ||
           xmlw_empty(x, "w:characterSpacingControl", "w:val", "doNotCompress") ||
           write_w_compat(x) || xmlw_empty(x, "w:themeFontLang", "w:val", lang) ||
           /* Dutch number conventions for fields and tables. */
           xmlw_empty(x, "w:decimalSymbol", "w:val", ",") ||
           xmlw_empty(x, "w:listSeparator", "w:val", ";") || xmlw_end(x);
}

int docx_write_settings(const doc_node *doc, void **data, size_t *len)
{
    return docx_write_part(doc, data, len, write_w_settings);
}
