/* The assembled document tree: the only structure the writers in output/
 * see. Everything a writer prints is resolved here already (numbers,
 * labels, cross-references, field values), so writers never number or
 * look anything up. */
#ifndef AFSPRAKEN_DOC_H
#define AFSPRAKEN_DOC_H

#include <stddef.h>
#include <time.h>

typedef enum {
    /* block kinds */
    DOC_DOCUMENT,   /* root; meta in doc_node.meta */
    DOC_PART,       /* "Deel A" + title; heading level 1 */
    DOC_ARTICLE,    /* "Artikel 7" + title; heading level 2 */
    DOC_ANNEX,      /* "Bijlage 1" + title; heading level 1, starts a page */
    DOC_HEADING,    /* unnumbered heading (e.g. "Partijen"); level in number */
    DOC_PARAGRAPH,  /* body paragraph; children are inline nodes, then
                       zero or more DOC_CONTINUATION */
    DOC_LID,        /* numbered lid; label "1." or NULL when the article
                       has a single lid; children are inline nodes, then
                       zero or more DOC_CONTINUATION, then at most one
                       DOC_LIST */
    DOC_LIST,       /* children are DOC_ITEM */
    DOC_ITEM,       /* label "a." or NULL for a bullet; children inline,
                       then zero or more DOC_CONTINUATION, then at most
                       one nested DOC_LIST */
    DOC_CONTINUATION, /* a further, unnumbered paragraph of its parent
                       (PARAGRAPH, LID or ITEM), begun by a blank line in
                       regional text; indented like the parent's text;
                       children are inline nodes. No inline node holds a
                       line break from regional text: the assembler
                       splits there (generator/paragraphs.c). */
    DOC_SIGNATURES, /* signature page; children DOC_SIGNATORY */
    DOC_SIGNATORY,  /* party, name and function in sig */
    DOC_TOC,        /* table of contents; title is its heading, children
                       DOC_TOC_ENTRY */
    DOC_TOC_ENTRY,  /* one heading as the table of contents lists it:
                       "Artikel 7 De Stuurgroep" in title, its outline
                       level in number */
    /* inline kinds: text always in doc_node.text, never NULL */
    DOC_TEXT,    /* model text */
    DOC_TERM,    /* a defined term as used in the text */
    DOC_FIELD,   /* a field value filled in by the region */
    DOC_REF,     /* a resolved cross-reference, e.g. "artikel 7, tweede lid" */
    DOC_REGIONAL,   /* regional text written by the region */
    DOC_PLACEHOLDER, /* a value still open in a concept, e.g. "[IN TE VULLEN:
                       naam van het Zorg- en Veiligheidshuis]": the full
                       text to show, highlighted */
    DOC_LINK /* an e-mail or web address found in a field value or
                regional text (generator/links.h): text is the address as
                written, href its target ("mailto:…", "https://…"), id
                the value's field or spot, number the kind of value it
                was found in (DOC_FIELD or DOC_REGIONAL) */
} doc_kind;

/* Change marks, set only in a merged tree made by compare_merge (every
 * other tree is all DOC_SAME). An inline node marked INSERTED or DELETED
 * is inserted or deleted text. A block node (PART, ARTICLE, ANNEX,
 * HEADING, PARAGRAPH, LID, ITEM, CONTINUATION, SIGNATORY) so marked is a
 * whole inserted or deleted block, and all its inline descendants carry
 * the same mark.
 * Accepting every mark gives the newer document, rejecting every mark the
 * older. */
typedef enum { DOC_SAME = 0, DOC_INSERTED, DOC_DELETED } doc_change;

/* A custom document property (ODT meta:user-defined, DOCX custom.xml). */
typedef struct {
    char *name;
    char *value;
} doc_property;

/* A picture the writers embed as it is: its bytes, already checked to be
 * a PNG or JPEG of type and pixel size (generator/image.h). The size to
 * show it at is the house style's (output/style.h), which both writers
 * read, so ODT and DOCX agree. */
typedef enum { DOC_IMAGE_PNG = 1, DOC_IMAGE_JPEG } doc_image_type;

typedef struct {
    unsigned char *data;
    size_t len;
    doc_image_type type;
    int width_px, height_px;
    char *description; /* what a screen reader says: "Logo Betuwe-Lingestreek" */
} doc_image;

/* "image/png" or "image/jpeg". */
const char *doc_image_mime(doc_image_type type);
/* The file extension the packages use: "png" or "jpeg". */
const char *doc_image_ext(doc_image_type type);

typedef struct {
    char *title;         /* document title, e.g. "Bestuurlijke Afspraken ..." */
    /* The title as written, for the title property (dc:title): without the
     * typography's no-break characters, so that a search for the title as
     * typed finds the document. Set by typography_apply; NULL before. */
    char *property_title;
    char *subtitle;      /* may be NULL */
    char *region;        /* region name */
    /* The model text the document was assembled from (model: naam, versie,
     * datum) and the reference whose structure it follows; kept apart so
     * that no property presents a project's rendering as the reference. */
    char *model_name;     /* e.g. "Eigen tekst van het project afspraken" */
    char *model_version;  /* e.g. "0.2" */
    char *model_date;     /* Dutch date of that version, e.g. "25 november 2026" */
    char *reference_name; /* e.g. "Landelijk model Bestuurlijke Afspraken ..." */
    char *reference_date; /* Dutch date the reference was set */
    char *language;      /* BCP 47, "nl-NL" */
    /* Document properties, decided once here so that ODT and DOCX show the
     * same: subject, a sentence describing the text, the program that made
     * it, and keywords (each whole; DOCX joins them with ", "). */
    char *subject;
    char *description;
    char *creator;
    char **keywords;
    size_t n_keywords;
    time_t timestamp;    /* fixed date for document metadata and zip entries */
    /* Set by fingerprint_document (generator/fingerprint.h), else NULL: */
    char *fingerprint;      /* SHA-256 of the normalised text, 64 hex digits */
    char *fingerprint_line; /* the footer's "Vingerafdruk: 3f9a c21e 4b7d 90aa" */
    doc_property *properties; /* in the order written */
    size_t n_properties;
    char *fingerprint_label; /* the footer's label, from the model; may be NULL */
    char *change_author; /* merged trees: author of the marks ("afspraken"), else NULL */
    time_t change_date;  /* merged trees: date of the marks, from the inputs, never the clock */
    char *old_title;     /* merged trees: the older side's title and subtitle */
    char *old_subtitle;  /* when they differ ("" for none), else NULL */
    /* A concept shows concept_mark ("CONCEPT") on every page and colours
     * regional text; a definitive document (concept 0) has neither, and
     * no DOC_PLACEHOLDER. */
    int concept;
    char *concept_mark;
    char *font;      /* the region's lettertype, NULL for the house font */
    doc_image *logo; /* the region's logo above the title; NULL for none */
} doc_meta;

/* Which lines of a signatory hold a placeholder (doc_signatory.open). */
enum { DOC_SIG_PARTY = 1, DOC_SIG_NAME = 2, DOC_SIG_FUNCTION = 4 };

/* Every line worded by the generator; writers print them as given, in
 * this order: party, authority, place, date, the line to sign on, name,
 * function, all kept together on one page. */
typedef struct {
    char *party;     /* whom the signer acts for: "Namens Gemeente Tiel" */
    char *authority; /* ground of authority, "krachtens mandaat van ..."; or NULL */
    char *place;     /* "Plaats: ......" when each Deelnemer signs apart (in */
    char *date;      /* counterparts); NULL when the page has one place and date */
    char *name;
    char *function;
    unsigned open;   /* DOC_SIG_* bits: those lines are placeholders */
} doc_signatory;

typedef struct doc_node doc_node;
struct doc_node {
    doc_kind kind;
    char *id;           /* stable id from the model (article, lid, annex) or
                           NULL; on DOC_FIELD the field's id, on DOC_REGIONAL
                           the spot's, on DOC_REF its target as written
                           ("art:taken.2", "bijlage:lijst") */
    char *label;        /* resolved number text: "Deel A", "Artikel 7", "1.", "a." or NULL */
    char *title;        /* heading text for PART, ARTICLE, ANNEX, HEADING or NULL */
    char *text;         /* inline kinds only */
    char *href;         /* DOC_LINK only: its target */
    char *old_label;    /* merged trees: the older side's label or title */
    char *old_title;    /* when it differs from label/title ("" when the
                           older had none); else NULL */
    doc_change change;  /* DOC_SAME except in a merged tree */
    int number;         /* article/lid number, heading level for DOC_HEADING */
    int dropped;        /* ARTICLE, ANNEX, LID, ITEM: a place the region
                           dropped, kept under `nummering: model` so that
                           later ones keep the model's numbers; it has no
                           id and reads as the model's 'vervallen' (the
                           title of an article or annex, the only text of
                           a lid or item) */
    const char *file;   /* source position; file points into a string the */
    int line, column;   /* tree's owner keeps alive (see doc_new_document) */
    doc_meta *meta;     /* DOC_DOCUMENT only */
    doc_signatory *sig; /* DOC_SIGNATORY only */
    doc_node *parent, *first, *last, *next, *prev;
};

/* Every constructor returns a node owned by the caller until it is added
 * to a parent with doc_append; NULL on allocation failure. Strings passed
 * in are copied; NULL strings stay NULL. */
doc_node *doc_new(doc_kind kind);
doc_node *doc_new_document(void);
doc_node *doc_new_inline(doc_kind kind, const char *text, size_t len);

/* Copy s into the node's field; return 0, or -1 on allocation failure. */
int doc_set(char **field, const char *s);
int doc_setf(char **field, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Adds a custom property (copies of name and value) to the list both
 * writers write; a NULL value adds nothing. 0, or -1 when memory ran out. */
int doc_add_property(doc_meta *m, const char *name, const char *value);

/* The title the document properties show: property_title, or title in a
 * tree the typography never saw. */
const char *doc_property_title(const doc_meta *m);

/* Adds a copy of keyword to m->keywords; NULL adds nothing. 0, or -1
 * when memory ran out. */
int doc_add_keyword(doc_meta *m, const char *keyword);

/* Appends child to parent; parent takes ownership. */
void doc_append(doc_node *parent, doc_node *child);

/* Puts node right after sibling, under sibling's parent, which takes
 * ownership. */
void doc_insert_after(doc_node *sibling, doc_node *node);

/* Takes node out of its parent; the caller owns it then. Returns node. */
doc_node *doc_unlink(doc_node *node);

/* Frees node and all its children. Accepts NULL. */
void doc_free(doc_node *node);

int doc_is_inline(doc_kind kind);

/* The plain text of a node's inline children, concatenated; caller frees.
 * NULL on allocation failure. */
char *doc_inline_text(const doc_node *node);

/* Pre-order walk with enter and exit events, as in cmark's iterator. */
typedef enum { DOC_ENTER, DOC_EXIT } doc_event;
typedef int (*doc_visit_fn)(doc_node *node, doc_event ev, void *ctx);
/* Calls fn for every node; stops and returns fn's value when non-zero. */
int doc_walk(doc_node *root, doc_visit_fn fn, void *ctx);

#endif
