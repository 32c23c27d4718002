/* docProps/custom.xml: the tree's custom document properties (among them
 * the text fingerprints verifieer reads back), as Word's "Properties,
 * Custom" tab shows them. */
#include "docx.h"

#define NS_CUSTOM "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
#define NS_VT     "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
/* The format id every user-defined property carries (ECMA-376 part 1,
 * 22.3.2.2); pids 0 and 1 are reserved, so they count from 2. */
#define FMTID_USER "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"

static int write_property(xmlw *x, const doc_property *p, size_t pid)
{
    return xmlw_start(x, "property") || xmlw_attr(x, "fmtid", FMTID_USER) ||
           xmlw_attrf(x, "pid", "%zu", pid) || xmlw_attr(x, "name", p->name) ||
           xmlw_element(x, "vt:lpwstr", p->value) || xmlw_end(x);
}

static int write_Properties(xmlw *x, const doc_node *doc)
{
    const doc_meta *m = doc->meta;
    if (xmlw_start(x, "Properties") || xmlw_attr(x, "xmlns", NS_CUSTOM) ||
        xmlw_attr(x, "xmlns:vt", NS_VT))
        return -1;
    for (size_t i = 0; i < m->n_properties; i++)
        if (write_property(x, &m->properties[i], i + 2))
            return -1;
    return xmlw_end(x);
}

int docx_write_custom(const doc_node *doc, void **data, size_t *len)
{
    return docx_write_part(doc, data, len, write_Properties);
}
