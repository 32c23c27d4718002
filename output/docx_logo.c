/* The logo's paragraph in word/document.xml: a DrawingML picture inline
 * in the text, as Word writes one (ECMA-376 Part 1, 20.4.2.8 inline and
 * 20.2.2.5 pic), sized by the house style as in the ODT. */
#include "docx.h"

/* 360000 EMU to the centimetre: 360 to the hundredth of a millimetre. */
#define EMU_PER_HMM 360L

/* Unique over the document's drawing objects: the logo is the only one. */
#define LOGO_DOCPR_ID "1"

static int write_ext(xmlw *x, const char *name, const doc_image *logo)
{
    int w, h;
    style_logo_size(logo->width_px, logo->height_px, &w, &h);
    return xmlw_start(x, name) || xmlw_attrf(x, "cx", "%ld", w * EMU_PER_HMM) ||
           xmlw_attrf(x, "cy", "%ld", h * EMU_PER_HMM) || xmlw_end(x);
}

/* The name and the text a screen reader gives, on the drawing and the
 * picture alike. */
static int write_names(xmlw *x, const char *element, const char *id, const doc_meta *m)
{
    return xmlw_start(x, element) || xmlw_attr(x, "id", id) || xmlw_attr(x, "name", "Logo") ||
           xmlw_attr(x, "descr", m->logo->description) || xmlw_end(x);
}

static int write_locks(xmlw *x, const char *element)
{
    return xmlw_start(x, element) || xmlw_attr(x, "noChangeAspect", "1") || xmlw_end(x);
}

static int write_pic_pic(xmlw *x, const doc_meta *m)
{
    return xmlw_start(x, "pic:pic") || xmlw_attr(x, "xmlns:pic", DOCX_NS_PIC) ||
           xmlw_start(x, "pic:nvPicPr") || write_names(x, "pic:cNvPr", "0", m) ||
           xmlw_start(x, "pic:cNvPicPr") || write_locks(x, "a:picLocks") || xmlw_end(x) ||
           xmlw_end(x) || xmlw_start(x, "pic:blipFill") ||
           xmlw_empty(x, "a:blip", "r:embed", DOCX_RID_LOGO) || xmlw_start(x, "a:stretch") ||
           xmlw_empty(x, "a:fillRect", NULL, NULL) || xmlw_end(x) || xmlw_end(x) ||
           xmlw_start(x, "pic:spPr") || xmlw_start(x, "a:xfrm") ||
           xmlw_start(x, "a:off") || xmlw_attr(x, "x", "0") || xmlw_attr(x, "y", "0") ||
           xmlw_end(x) || write_ext(x, "a:ext", m->logo) || xmlw_end(x) ||
           xmlw_start(x, "a:prstGeom") || xmlw_attr(x, "prst", "rect") ||
           xmlw_empty(x, "a:avLst", NULL, NULL) || xmlw_end(x) || xmlw_end(x) || xmlw_end(x);
}

static int write_wp_inline(xmlw *x, const doc_meta *m)
{
    return xmlw_start(x, "wp:inline") || xmlw_attr(x, "xmlns:wp", DOCX_NS_WP) ||
           xmlw_attr(x, "xmlns:a", DOCX_NS_A) ||
           xmlw_attr(x, "distT", "0") || xmlw_attr(x, "distB", "0") ||
           xmlw_attr(x, "distL", "0") || xmlw_attr(x, "distR", "0") ||
           write_ext(x, "wp:extent", m->logo) || xmlw_start(x, "wp:effectExtent") ||
           xmlw_attr(x, "l", "0") || xmlw_attr(x, "t", "0") || xmlw_attr(x, "r", "0") ||
           xmlw_attr(x, "b", "0") || xmlw_end(x) || write_names(x, "wp:docPr", LOGO_DOCPR_ID, m) ||
           xmlw_start(x, "wp:cNvGraphicFramePr") || write_locks(x, "a:graphicFrameLocks") ||
           xmlw_end(x) || xmlw_start(x, "a:graphic") ||
           xmlw_start(x, "a:graphicData") || xmlw_attr(x, "uri", DOCX_NS_PIC) ||
           write_pic_pic(x, m) || xmlw_end(x) || xmlw_end(x) || xmlw_end(x);
}

int docx_write_logo(xmlw *x, const doc_meta *m)
{
    return xmlw_start(x, "w:p") || xmlw_start(x, "w:pPr") ||
           xmlw_empty(x, "w:pStyle", "w:val", DOCX_STYLE(STYLE_LOGO)) || xmlw_end(x) ||
           xmlw_start(x, "w:r") || xmlw_start(x, "w:drawing") || write_wp_inline(x, m) ||
           xmlw_end(x) || xmlw_end(x) || xmlw_end(x);
}
