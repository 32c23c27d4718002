/* Assembling the document tree from the model and a region (see
 * assemble.h). Two passes: the first builds the tree and records where
 * every article, lid and onderdeel ended up; the second fills in the
 * cross-references, so a reference may point forward. */
#define _GNU_SOURCE
#include "assembly.h"

#include <libxml/hash.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dutch.h"
#include "grow.h"
#include "links.h"
#include "typography.h"

static doc_node *add(ctx *c, doc_node *parent, doc_kind kind, src_pos pos)
{
    doc_node *n = doc_new(kind);
    if (!n) {
        c->oom = 1;
        return NULL;
    }
    n->file = pos.file;
    n->line = pos.line;
    n->column = pos.column;
    doc_append(parent, n);
    return n;
}

static doc_node *add_inline(ctx *c, doc_node *parent, doc_kind kind, const char *text)
{
    doc_node *n = doc_new_inline(kind, text, strlen(text));
    if (!n) {
        c->oom = 1;
        return NULL;
    }
    doc_append(parent, n);
    return n;
}

static void add_inlinef(ctx *c, doc_node *parent, doc_kind kind, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void add_inlinef(ctx *c, doc_node *parent, doc_kind kind, const char *fmt, ...)
{
    char *text;
    va_list ap;
    va_start(ap, fmt);
    int r = vasprintf(&text, fmt, ap);
    va_end(ap);
    if (r < 0) {
        c->oom = 1;
        return;
    }
    add_inline(c, parent, kind, text);
    free(text);
}

static void set_str(ctx *c, char **field, const char *s)
{
    if (doc_set(field, s))
        c->oom = 1;
}

void add_rich(ctx *c, doc_node *parent, const rich_text *t)
{
    for (size_t i = 0; i < t->count; i++) {
        const token *k = &t->tokens[i];
        doc_node *n = NULL;
        switch (k->kind) {
        case TOK_TEXT:
            n = add_inline(c, parent, DOC_TEXT, k->text);
            break;
        case TOK_TERM: {
            const model_term *term = model_find_term(c->m, k->arg[0]);
            if (!term)
                input_error(c, k->pos,
                            "Voeg het begrip toe onder 'begrippen' of gebruik een bekende vorm.",
                            "onbekend begrip '%s'", k->arg[0]);
            else if (!holds(c, &term->cond))
                input_error(
                    c, k->pos, NULL,
                    "begrip '%s' wordt gebruikt, maar de definitie ervan valt weg door de gekozen artikelen",
                    k->arg[0]);
            n = add_inline(c, parent, DOC_TERM, k->arg[0]);
            break;
        }
        case TOK_FIELD: {
            const model_field *f = model_find_field(c->m, k->arg[0]);
            const field_value *v = f ? &c->values[field_index(c, f)] : NULL;
            if (!f)
                input_error(c, k->pos, NULL, "onbekend veld '%s' in de tekst van het model",
                            k->arg[0]);
            if (v && v->placeholder)
                n = add_inline(c, parent, DOC_PLACEHOLDER, v->placeholder);
            else
                n = add_inline(c, parent, DOC_FIELD, v && v->set ? v->text : "");
            if (n)
                set_str(c, &n->id, k->arg[0]);
            break;
        }
        case TOK_SPOT: {
            const model_spot *s = model_find_spot(c->m, k->arg[0]);
            const char *text = s ? c->spots[s - c->m->spots] : NULL;
            const char *open = s ? c->spot_open[s - c->m->spots] : NULL;
            if (!s)
                input_error(c, k->pos, NULL, "onbekende plek voor regionale tekst '%s'", k->arg[0]);
            /* The model's default is model text: a reader must tell the
             * region's own words from what the model says for it. */
            if (open)
                n = add_inline(c, parent, DOC_PLACEHOLDER, open);
            else if (text && text == s->default_text)
                n = add_inline(c, parent, DOC_TEXT, text);
            else
                n = add_inline(c, parent, DOC_REGIONAL, text ? text : "");
            if (n)
                set_str(c, &n->id, k->arg[0]);
            break;
        }
        case TOK_COUNT: {
            const rich_text *alt = count_choice(c, k);
            if (alt)
                add_rich(c, parent, alt);
            else
                input_error(c, k->pos, NULL, "'%s' in de tekst van het model telt niets bekends",
                            k->text);
            break;
        }
        case TOK_REF:
        case TOK_ANNEX:
            n = add_inline(c, parent, DOC_REF, k->text);
            if (n) {
                /* the target as written, without the braces */
                size_t len = strlen(k->text);
                if (len > 4 && !(n->id = strndup(k->text + 2, len - 4)))
                    c->oom = 1;
                pending_ref *p = grow(c->refs, &c->cap_refs, c->n_refs, sizeof *p);
                if (!p) {
                    c->oom = 1;
                    return;
                }
                c->refs = p;
                c->refs[c->n_refs++] = (pending_ref){n, k, c->current_article};
            }
            break;
        }
        if (n) {
            n->file = k->pos.file;
            n->line = k->pos.line;
            n->column = k->pos.column;
        }
    }
}

/* "a." on the first level of onderdelen, "1°" on the second; letter
 * gets the bare letter for references. */
static void item_label(int n, int depth, char *label, size_t size, char *letter)
{
    dutch_letter(n, letter, 8);
    if (depth)
        snprintf(label, size, "%d\u00b0", n);
    else
        snprintf(label, size, "%s.", letter);
}

static void add_member_value(ctx *c, doc_node *parent, const char *text, unsigned open)
{
    add_inline(c, parent, open ? DOC_PLACEHOLDER : DOC_FIELD, text);
}

/* An enumeration of values closes like the model's own onderdelen: ";"
 * after each, "; en" before the last and "." after it (Ar 3.29). A list
 * nested in an onderdeel ends with that onderdeel's own punctuation, which
 * the model writes, so it stays bare. */
static void close_value(ctx *c, doc_node *item, size_t i, size_t n, int depth)
{
    if (!depth)
        add_inline(c, item, DOC_TEXT, i + 1 == n ? "." : i + 2 == n ? "; en" : ";");
}

static void add_list_field(ctx *c, doc_node *parent, const model_item *it, int depth)
{
    doc_node *list = add(c, parent, DOC_LIST, it->pos);
    if (!list)
        return;
    char letter[8], label[32];
    if (!strcmp(it->list_field, "deelnemers")) {
        for (size_t i = 0; i < c->n_members; i++) {
            const member_view *mem = &c->members[i];
            doc_node *item = add(c, list, DOC_ITEM, mem->pos);
            if (!item)
                return;
            item_label((int)i + 1, depth, label, sizeof label, letter);
            set_str(c, &item->label, label);
            add_member_value(c, item, mem->name, mem->open & DOC_SIG_PARTY);
            const model_soort *s = mem->soort;
            const char *group = !s || !s->lid ? NULL
                                : s->reference ? s->reference
                                               : c->m->member_group[s->lid - 1];
            if (group)
                add_inlinef(c, item, DOC_TEXT, " %s", group);
            close_value(c, item, i, c->n_members, depth);
        }
        return;
    }
    const model_field *f = model_find_field(c->m, it->list_field);
    if (!f || (f->type != FIELD_ORGS && f->type != FIELD_LIST)) {
        input_error(c, it->pos, "Gebruik 'deelnemers' of een veld van type organisaties of lijst.",
                    "'lijst: %s' noemt geen lijstveld", it->list_field);
        return;
    }
    const field_value *v = &c->values[field_index(c, f)];
    if (v->placeholder) {
        doc_node *item = add(c, list, DOC_ITEM, it->pos);
        if (!item)
            return;
        item_label(1, depth, label, sizeof label, letter);
        set_str(c, &item->label, label);
        doc_node *open = add_inline(c, item, DOC_PLACEHOLDER, v->placeholder);
        if (open)
            set_str(c, &open->id, f->id);
        return;
    }
    for (size_t i = 0; i < v->n_items; i++) {
        doc_node *item = add(c, list, DOC_ITEM, it->pos);
        if (!item)
            return;
        item_label((int)i + 1, depth, label, sizeof label, letter);
        set_str(c, &item->label, label);
        doc_node *value = add_inline(c, item, DOC_FIELD, v->items[i]);
        if (value)
            set_str(c, &value->id, f->id);
        close_value(c, item, i, v->n_items, depth);
    }
}

/* The text node an item's punctuation ends, when the item ends in
 * text: not one that introduces a nested list. */
static doc_node *closing_text(const doc_node *item)
{
    doc_node *t = item ? item->last : NULL;
    return t && t->kind == DOC_TEXT ? t : NULL;
}

/* Where in s the closing ";", "; en" or "; of" starts, or NULL. */
static char *semicolon_end(char *s)
{
    char *end = strrchr(s, ';');
    return end && (!strcmp(end, ";") || !strcmp(end, "; en") || !strcmp(end, "; of")) ? end : NULL;
}

/* "en" or "of" when the model joins the last onderdeel with "; en" or
 * "; of", in one of its items (maybe one left out) or in the list. */
static const char *conjunction(const doc_node *list, const model_item *items, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const rich_text *t = &items[i].text;
        const token *k = t->count ? &t->tokens[t->count - 1] : NULL;
        char *end = k && k->kind == TOK_TEXT ? semicolon_end(k->text) : NULL;
        if (end && end[1])
            return end + 2;
    }
    for (const doc_node *it = list->first; it; it = it->next) {
        doc_node *t = closing_text(it);
        char *end = t ? semicolon_end(t->text) : NULL;
        if (end && end[1])
            return end + 2;
    }
    return NULL;
}

static void set_ending(ctx *c, doc_node *t, char *end, const char *ending)
{
    size_t keep = (size_t)(end - t->text);
    char *text = malloc(keep + strlen(ending) + 1);
    if (!text) {
        c->oom = 1;
        return;
    }
    memcpy(text, t->text, keep);
    strcpy(text + keep, ending);
    free(t->text);
    t->text = text;
}

/* The model ends onderdelen with ";", the one before the last with
 * "; en" (or "; of") and the last with "." (Ar 3.29). When conditions
 * leave another onderdeel last, it takes the ".", and the one before it
 * the "; en"; a "[vervallen]" place has no punctuation of its own, as in
 * consolidated law. */
static void close_list(ctx *c, doc_node *list, const model_item *items, size_t n)
{
    if (!list)
        return;
    doc_node *last = list->last, *before;
    while (last && last->dropped)
        last = last->prev;
    for (before = last ? last->prev : NULL; before && before->dropped; before = before->prev)
        ;
    const char *conj = conjunction(list, items, n);
    doc_node *t = closing_text(last);
    char *end = t ? semicolon_end(t->text) : NULL;
    if (end)
        set_ending(c, t, end, ".");
    t = closing_text(before);
    if (conj && t && (end = semicolon_end(t->text)) && !end[1]) {
        char ending[8];
        snprintf(ending, sizeof ending, "; %s", conj);
        set_ending(c, t, end, ending);
    }
}

/* Alphabetical as a dictionary sorts: case and diacritics do not count
 * (the two-byte UTF-8 letters of Latin-1 fold to their base letter). */
static int term_order(const void *a, const void *b)
{
    static const char latin1[] = "aaaaaaaceeeeiiiidnooooo-ouuuuyts"
                                 "aaaaaaaceeeeiiiidnooooo-ouuuuyty";
    const unsigned char *x = (const unsigned char *)(*(const model_term *const *)a)->term;
    const unsigned char *y = (const unsigned char *)(*(const model_term *const *)b)->term;
    for (;;) {
        int cx = *x, cy = *y;
        if (cx == 0xC3 && x[1] >= 0x80 && x[1] <= 0xBF)
            cx = latin1[*++x - 0x80];
        if (cy == 0xC3 && y[1] >= 0x80 && y[1] <= 0xBF)
            cy = latin1[*++y - 0x80];
        if (cx >= 'A' && cx <= 'Z')
            cx += 'a' - 'A';
        if (cy >= 'A' && cy <= 'Z')
            cy += 'a' - 'A';
        if (cx != cy || !cx)
            return cx - cy;
        x++;
        y++;
    }
}

/* Definitions in alphabetical order and without letters (Ar 3.59, third
 * lid), so that a definition that falls away never shifts the others;
 * the empty label marks an item set apart without a letter. */
static void add_term_list(ctx *c, doc_node *parent, src_pos pos)
{
    doc_node *list = add(c, parent, DOC_LIST, pos);
    const model_term **terms = calloc(c->m->n_terms + 1, sizeof *terms);
    if (!list || !terms) {
        c->oom = 1;
        free(terms);
        return;
    }
    size_t n = 0;
    for (size_t i = 0; i < c->m->n_terms; i++)
        if (c->m->terms[i].term && holds(c, &c->m->terms[i].cond))
            terms[n++] = &c->m->terms[i];
    qsort(terms, n, sizeof *terms, term_order);
    for (size_t i = 0; i < n; i++) {
        const model_term *t = terms[i];
        doc_node *item = add(c, list, DOC_ITEM, t->pos);
        if (!item)
            break;
        set_str(c, &item->label, "");
        set_str(c, &item->id, t->id);
        add_inline(c, item, DOC_TERM, t->term);
        add_inline(c, item, DOC_TEXT, ": ");
        add_rich(c, item, &t->definition);
    }
    free(terms);
    close_list(c, list, NULL, 0);
}

/* "c. [vervallen]": a place the region dropped, kept under `nummering:
 * model` so that the later ones keep the model's numbers. */
static doc_node *add_dropped(ctx *c, doc_node *parent, doc_kind kind, src_pos pos,
                             const char *label)
{
    doc_node *n = add(c, parent, kind, pos);
    if (!n)
        return NULL;
    n->dropped = 1;
    set_str(c, &n->label, label);
    add_inline(c, n, DOC_TEXT, c->m->dropped_title ? c->m->dropped_title : "");
    return n;
}

/* How many siblings from items[i] on take one number: under the model's
 * numbering (stable) a set of alternatives, else each item alone. */
static size_t slot_length(int stable, const model_item *items, size_t n, size_t i)
{
    return stable ? model_slot_length(items, n, i) : 1;
}

static int slot_included(const ctx *c, const model_item *items, size_t len)
{
    int any = 0;
    for (size_t j = 0; j < len; j++)
        any |= item_included(c, &items[j]);
    return any;
}

static void add_items(ctx *c, doc_node *parent, const model_item *items, size_t n, int depth,
                      int stable, const char *art_id, const char *lid_id, int art_no, int lid_no);

static void add_item(ctx *c, doc_node *list, const model_item *it, const char *label,
                     const char *letter, int depth, int stable, const char *art_id,
                     const char *lid_id, int art_no, int lid_no)
{
    doc_node *node = add(c, list, DOC_ITEM, it->pos);
    if (!node)
        return;
    set_str(c, &node->label, label);
    set_str(c, &node->id, it->id);
    add_rich(c, node, &it->text);
    if (c->fill && it->fill)
        fill_in(c, node, it);
    if (it->id && depth == 0 && art_id)
        record_target(c, art_id, lid_id ? lid_id : "", it->id, art_no, lid_no, letter);
    if (it->list_field)
        add_list_field(c, node, it, depth + 1);
    if (it->n_items)
        add_items(c, node, it->items, it->n_items, depth + 1, stable, NULL, NULL, 0, 0);
}

/* Adds the included onderdelen of a lid (depth 0) or onderdeel (depth 1);
 * under the model's numbering (stable) each place keeps its letter. */
static void add_items(ctx *c, doc_node *parent, const model_item *items, size_t n, int depth,
                      int stable, const char *art_id, const char *lid_id, int art_no, int lid_no)
{
    doc_node *list = NULL;
    int count = 0;
    char letter[8], label[32];
    for (size_t i = 0, len; i < n; i += len) {
        len = slot_length(stable, items, n, i);
        int any = slot_included(c, items + i, len);
        if (!any && !stable)
            continue;
        if (!list && !(list = add(c, parent, DOC_LIST, items[i].pos)))
            return;
        item_label(++count, depth, label, sizeof label, letter);
        if (!any)
            add_dropped(c, list, DOC_ITEM, items[i].pos, label);
        for (size_t j = i; any && j < i + len; j++)
            if (item_included(c, &items[j]))
                add_item(c, list, &items[j], label, letter, depth, stable, art_id, lid_id, art_no,
                         lid_no);
    }
    close_list(c, list, items, n);
}

static void add_lid(ctx *c, doc_node *parent, const model_item *it, int stable, const char *art_id,
                    int art_no, int lid_no, int shown_no)
{
    char label[32];
    doc_node *node = add(c, parent, DOC_LID, it->pos);
    if (!node)
        return;
    if (shown_no) {
        snprintf(label, sizeof label, "%d.", lid_no);
        set_str(c, &node->label, label);
    }
    node->number = lid_no;
    set_str(c, &node->id, it->id);
    add_rich(c, node, &it->text);
    if (c->fill && it->fill)
        fill_in(c, node, it);
    if (art_id && it->id)
        record_target(c, art_id, it->id, "", art_no, shown_no, NULL);
    if (it->list_field)
        add_list_field(c, node, it, 0);
    if (it->term_list)
        add_term_list(c, node, it->pos);
    if (it->n_items)
        add_items(c, node, it->items, it->n_items, 0, stable, art_id, it->id, art_no, shown_no);
}

/* Adds the included leden of an article or annex; art_id is NULL for an
 * annex, whose leden are not reference targets. An unnumbered article (the
 * overwegingen) has no lid numbers either: its leden are the recitals and
 * the closing "komen het volgende overeen:". Under the model's numbering
 * every place of the model in a numbered article or an annex keeps its
 * number, a dropped one as "3. [vervallen]"; the recitals, which nothing
 * cites, close up. */
void add_leden(ctx *c, doc_node *parent, const model_item *leden, size_t n, const char *art_id,
               int art_no, int number_leden)
{
    int stable = c->r->model_numbering && number_leden;
    size_t places = 0;
    for (size_t i = 0, len; i < n; i += len) {
        len = slot_length(stable, leden, n, i);
        places += stable || item_included(c, &leden[i]);
    }
    int numbered = number_leden && places > 1;
    int lid_no = 0;
    char label[32];
    for (size_t i = 0, len; i < n; i += len) {
        len = slot_length(stable, leden, n, i);
        int any = slot_included(c, leden + i, len);
        if (!any && !stable)
            continue;
        lid_no++;
        if (!any) {
            snprintf(label, sizeof label, "%d.", lid_no);
            doc_node *gone = add_dropped(c, parent, DOC_LID, leden[i].pos, numbered ? label : NULL);
            if (gone)
                gone->number = lid_no;
        }
        for (size_t j = i; any && j < i + len; j++)
            if (item_included(c, &leden[j]))
                add_lid(c, parent, &leden[j], stable, art_id, art_no, lid_no,
                        numbered ? lid_no : 0);
    }
}

int render_rich_plain(ctx *c, const rich_text *t, char **out)
{
    doc_node *tmp = doc_new(DOC_PARAGRAPH);
    if (!tmp) {
        c->oom = 1;
        return -1;
    }
    add_rich(c, tmp, t);
    *out = doc_inline_text(tmp);
    doc_free(tmp);
    if (!*out)
        c->oom = 1;
    return *out ? 0 : -1;
}

/* A model date (JJJJ-MM-DD, checked by the loader) in Dutch; NULL stays
 * NULL. */
static void set_dutch_date(ctx *c, char **out, const char *iso)
{
    int y, mo, d;
    char date[64];
    if (!iso || dutch_parse_date(iso, &y, &mo, &d))
        return;
    dutch_format_date(y, mo, d, date, sizeof date);
    set_str(c, out, date);
}

/* The model text, and apart from it the reference whose structure it
 * follows, so that the properties never present one as the other. */
static void build_description(ctx *c, doc_meta *m)
{
    char *s = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&s, &len);
    if (!f) {
        c->oom = 1;
        return;
    }
    fprintf(f, "Modeltekst: %s", m->model_name ? m->model_name : "");
    if (m->model_version)
        fprintf(f, ", versie %s", m->model_version);
    if (m->model_date)
        fprintf(f, " van %s", m->model_date);
    if (m->reference_name)
        fprintf(f, ". Referentie: %s", m->reference_name);
    if (m->reference_date)
        fprintf(f, ", vastgesteld op %s", m->reference_date);
    if (m->region)
        fprintf(f, ". Regio: %s", m->region);
    fputc('.', f);
    if (fclose(f))
        c->oom = 1;
    free(m->description);
    m->description = s;
}

/* A keyword of several words with no-break spaces between them: LibreOffice
 * splits DOCX keywords at plain spaces as well as at commas, and only this
 * keeps a name such as "Eigen tekst van het project afspraken" one keyword
 * in both readers. NULL stays NULL; the caller frees. */
static char *keyword_of(const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s), spaces = 0;
    for (size_t i = 0; i < n; i++)
        spaces += s[i] == ' ';
    char *k = malloc(n + spaces + 1), *w = k;
    if (!k)
        return NULL;
    for (size_t i = 0; i < n; i++)
        if (s[i] == ' ') {
            *w++ = '\xc2';
            *w++ = '\xa0';
        } else
            *w++ = s[i];
    *w = '\0';
    return k;
}

/* The region's logo with a description that names the region (set
 * before): a copy, since the tree outlives the region. */
static void set_logo(ctx *c, doc_meta *meta, const doc_image *logo)
{
    if (!logo->data)
        return;
    doc_image *copy = calloc(1, sizeof *copy);
    if (!copy || !(copy->data = malloc(logo->len)) ||
        doc_setf(&copy->description, "Logo %s", meta->region)) {
        if (copy)
            free(copy->data);
        free(copy);
        c->oom = 1;
        return;
    }
    memcpy(copy->data, logo->data, logo->len);
    copy->len = logo->len;
    copy->type = logo->type;
    copy->width_px = logo->width_px;
    copy->height_px = logo->height_px;
    meta->logo = copy;
}

/* Title, subject, description, creator and keywords: one decision that
 * both the ODT and the DOCX writer print as given. */
static void build_properties(ctx *c, doc_meta *m)
{
    /* The model text alone: the subtitle would name the reference too. */
    set_str(c, &m->subject, m->model_name);
    set_str(c, &m->creator, "afspraken");
    build_description(c, m);
    const char *const keywords[] = {m->region, m->model_name, m->reference_name};
    for (size_t i = 0; i < sizeof keywords / sizeof *keywords; i++) {
        char *k = keyword_of(keywords[i]);
        if ((keywords[i] && !k) || doc_add_keyword(m, k))
            c->oom = 1;
        free(k);
    }
}

void build_meta(ctx *c, doc_node *doc, const assemble_options *opt)
{
    doc_meta *meta = doc->meta;
    const model *m = c->m;
    render_rich_plain(c, &m->title, &meta->title);
    const field_value *regio = &c->values[field_index(c, model_find_field(m, "regio"))];
    set_str(c, &meta->region, c->r->name ? c->r->name : regio->placeholder);
    meta->concept = !c->definitive;
    if (meta->concept)
        set_str(c, &meta->concept_mark, m->concept_mark);
    set_str(c, &meta->model_name, m->name);
    set_str(c, &meta->model_version, m->version);
    set_str(c, &meta->reference_name, m->ref_name);
    set_str(c, &meta->fingerprint_label, m->fingerprint_label);
    set_str(c, &meta->language, "nl-NL");
    set_str(c, &meta->font, c->r->font);
    set_logo(c, meta, &c->r->logo);
    set_dutch_date(c, &meta->model_date, m->date);
    set_dutch_date(c, &meta->reference_date, m->ref_date);
    if (m->subtitle.count)
        render_rich_plain(c, &m->subtitle, &meta->subtitle);
    build_properties(c, meta);
    /* Custom properties, the same in ODT and DOCX. */
    static const char *const names[] = {"Regio", "Model", "Modelversie", "Modeldatum",
                                        "Referentie", "Referentie vastgesteld"};
    const char *const values[] = {meta->region,     meta->model_name,     meta->model_version,
                                  meta->model_date, meta->reference_name, meta->reference_date};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (doc_add_property(meta, names[i], values[i]))
            c->oom = 1;
    if (opt && opt->timestamp != (time_t)-1) {
        meta->timestamp = opt->timestamp;
        return;
    }
    /* The signing date, else the model text's date: never the clock. */
    int y = 2025, mo = 1, d = 1;
    if (c->r->sign_date)
        dutch_parse_date(c->r->sign_date, &y, &mo, &d);
    else if (m->date)
        dutch_parse_date(m->date, &y, &mo, &d);
    /* Civil date to days since 1970 (Howard Hinnant's algorithm), so the
     * result does not depend on the local time zone. */
    int yy = mo <= 2 ? y - 1 : y;
    int era = yy / 400;
    int yoe = yy - era * 400;
    int doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    long days = (long)era * 146097 + doe - 719468;
    meta->timestamp = (time_t)days * 86400 + 12 * 3600;
}

static void build_parties(ctx *c, doc_node *doc)
{
    const model *m = c->m;
    src_pos pos = {m->file, 0, 0};
    doc_node *h = add(c, doc, DOC_HEADING, pos);
    if (!h)
        return;
    h->number = 1;
    set_str(c, &h->title, m->parties_heading);
    if (m->parties_intro.count) {
        doc_node *p = add(c, doc, DOC_PARAGRAPH, m->parties_intro.pos);
        if (p)
            add_rich(c, p, &m->parties_intro);
    }
    doc_node *list = add(c, doc, DOC_LIST, pos);
    char label[32];
    for (size_t i = 0; list && i < c->n_members; i++) {
        const member_view *mem = &c->members[i];
        doc_node *item = add(c, list, DOC_ITEM, mem->pos);
        if (!item)
            return;
        snprintf(label, sizeof label, "%zu.", i + 1);
        set_str(c, &item->label, label);
        add_member_value(c, item, mem->name, mem->open & DOC_SIG_PARTY);
        add_inlinef(c, item, DOC_TEXT, ", %s ", m->represented_by ? m->represented_by : "");
        add_member_value(c, item, mem->signer, mem->open & DOC_SIG_NAME);
        add_inline(c, item, DOC_TEXT, ", ");
        add_member_value(c, item, mem->function, mem->open & DOC_SIG_FUNCTION);
        add_inline(c, item, DOC_TEXT, i + 1 == c->n_members ? "," : ";");
    }
    if (m->parties_closing.count) {
        doc_node *p = add(c, doc, DOC_PARAGRAPH, m->parties_closing.pos);
        if (p)
            add_rich(c, p, &m->parties_closing);
    }
}

/* The headings of the document's first two outline levels, as the
 * applications' own table of contents lists them, so it reads right
 * before any update. */
static void add_toc_entries(ctx *c, doc_node *toc, const doc_node *n)
{
    for (const doc_node *h = n->first; h; h = h->next) {
        int level = h->kind == DOC_ARTICLE ? 2 : h->kind == DOC_HEADING ? h->number : 1;
        if (h->kind != DOC_PART && h->kind != DOC_ARTICLE && h->kind != DOC_ANNEX &&
            h->kind != DOC_SIGNATURES && h->kind != DOC_HEADING)
            continue;
        if (level <= 2 && (h->label || h->title)) {
            doc_node *e = doc_new(DOC_TOC_ENTRY);
            if (!e) {
                c->oom = 1;
                return;
            }
            e->number = level < 1 ? 1 : level;
            if (doc_setf(&e->title, "%s%s%s", h->label ? h->label : "",
                         h->label && h->title ? " " : "", h->title ? h->title : ""))
                c->oom = 1;
            doc_append(toc, e);
        }
        if (h->kind == DOC_PART)
            add_toc_entries(c, toc, h);
    }
}

/* The table of contents after the parties block (after), unless the
 * model has no heading for it or the region switched it off. */
static void build_toc(ctx *c, doc_node *doc, doc_node *after)
{
    if (!c->m->toc_heading || c->r->no_toc || !after)
        return;
    doc_node *toc = doc_new(DOC_TOC);
    if (!toc || doc_set(&toc->title, c->m->toc_heading)) {
        doc_free(toc);
        c->oom = 1;
        return;
    }
    add_toc_entries(c, toc, doc);
    doc_insert_after(after, toc);
}

static void build_parts(ctx *c, doc_node *doc)
{
    const model *m = c->m;
    int part_no = 0, art_no = 0;
    size_t ai = 0;
    for (size_t p = 0; p < m->n_parts; p++) {
        const model_part *mp = &m->parts[p];
        size_t first = ai;
        int any = 0;
        for (size_t i = 0; i < mp->n_articles; i++)
            any |= c->kept[first + i];
        ai += mp->n_articles;
        /* The model's numbering keeps every part, so letters stay too. */
        if (!any && !c->r->model_numbering)
            continue;
        doc_node *part = add(c, doc, DOC_PART, mp->pos);
        if (!part)
            return;
        part_no++;
        part->number = part_no;
        if (doc_setf(&part->label, "Deel %c", 'A' + (part_no - 1) % 26))
            c->oom = 1;
        set_str(c, &part->title, mp->title);
        set_str(c, &part->id, mp->id);
        for (size_t i = 0; i < mp->n_articles; i++) {
            const model_article *a = &mp->articles[i];
            if (!c->kept[first + i]) {
                /* "Artikel 10 [vervallen]": later articles keep the number
                 * the model gives them, as national guidance cites it. */
                if (c->r->model_numbering && a->numbered) {
                    doc_node *gone = add(c, part, DOC_ARTICLE, a->pos);
                    if (!gone)
                        return;
                    gone->number = ++art_no;
                    gone->dropped = 1;
                    if (doc_setf(&gone->label, "Artikel %d", art_no))
                        c->oom = 1;
                    set_str(c, &gone->title, c->m->dropped_title ? c->m->dropped_title : "");
                }
                continue;
            }
            doc_node *art = add(c, part, DOC_ARTICLE, a->pos);
            if (!art)
                return;
            set_str(c, &art->title, a->title);
            set_str(c, &art->id, a->id);
            if (a->numbered) {
                art->number = ++art_no;
                if (doc_setf(&art->label, "Artikel %d", art_no))
                    c->oom = 1;
                if (a->id)
                    record_target(c, a->id, "", "", art_no, 0, NULL);
            }
            c->current_article = a->id;
            add_leden(c, art, a->leden, a->n_leden, a->numbered ? a->id : NULL, art_no,
                      a->numbered);
            c->current_article = NULL;
        }
    }
}

/* "Plaats: Apeldoorn", or the label and a line to fill in by hand. */
static char *sign_line(ctx *c, const char *label, const char *value)
{
    char *s;
    if (asprintf(&s, "%s %s", label ? label : "",
                 value ? value : c->m->fill_line ? c->m->fill_line : "") < 0) {
        c->oom = 1;
        return NULL;
    }
    return s;
}

/* One block per Deelnemer, in the region's order. With one place and
 * date for all the signing text names them; otherwise each Deelnemer
 * signs apart (in counterparts), with a place and a date line of its own. */
static void build_signatures(ctx *c, doc_node *doc)
{
    const model *m = c->m;
    src_pos pos = {m->file, 0, 0};
    doc_node *sigs = add(c, doc, DOC_SIGNATURES, pos);
    if (!sigs)
        return;
    set_str(c, &sigs->title, m->signing_heading);
    int shared = c->r->sign_place && c->r->sign_date;
    const rich_text *text = shared ? &m->signing_text : &m->signing_apart;
    if (text->count) {
        doc_node *p = add(c, sigs, DOC_PARAGRAPH, text->pos);
        if (p)
            add_rich(c, p, text);
    }
    const field_value *date = &c->values[field_index(c, model_find_field(m, "datum"))];
    for (size_t i = 0; i < c->n_members; i++) {
        const member_view *mem = &c->members[i];
        doc_node *s = add(c, sigs, DOC_SIGNATORY, mem->pos);
        if (!s)
            return;
        if (!(s->sig = calloc(1, sizeof *s->sig))) {
            c->oom = 1;
            return;
        }
        if (doc_setf(&s->sig->party, "%s %s", m->on_behalf ? m->on_behalf : "", mem->name))
            c->oom = 1;
        set_str(c, &s->sig->authority, mem->grounds);
        if (!shared) {
            s->sig->place = sign_line(c, m->sign_place, c->r->sign_place);
            s->sig->date = sign_line(c, m->sign_date, date->set ? date->text : NULL);
        }
        set_str(c, &s->sig->name, mem->signer);
        set_str(c, &s->sig->function, mem->function);
        s->sig->open = mem->open;
    }
}

static void build_annexes(ctx *c, doc_node *doc)
{
    int no = 0;
    for (size_t i = 0; i < c->m->n_annexes; i++) {
        const model_annex *b = &c->m->annexes[i];
        int kept = holds(c, &b->cond);
        if (!kept && !c->r->model_numbering)
            continue;
        doc_node *an = add(c, doc, DOC_ANNEX, b->pos);
        if (!an)
            return;
        an->number = ++no;
        if (doc_setf(&an->label, "Bijlage %d", no))
            c->oom = 1;
        if (!kept) {
            an->dropped = 1;
            set_str(c, &an->title, c->m->dropped_title ? c->m->dropped_title : "");
            continue;
        }
        set_str(c, &an->title, b->title);
        set_str(c, &an->id, b->id);
        if (b->id) {
            int *num = malloc(sizeof *num);
            if (!num) {
                c->oom = 1;
                return;
            }
            *num = no;
            if (xmlHashAddEntry(c->annex_numbers, (const xmlChar *)b->id, num) < 0)
                free(num);
        }
        add_leden(c, an, b->leden, b->n_leden, NULL, 0, 1);
    }
}

doc_node *assemble(const model *m, const region *r, const assemble_options *opt, diag_list *diags)
{
    return assemble_with_declarations(m, r, opt, NULL, NULL, diags);
}

doc_node *assemble_with_declarations(const model *m, const region *r, const assemble_options *opt,
                                     const declaration_fill *one, declaration_list *out,
                                     diag_list *diags)
{
    ctx c = {.m = m,
             .r = r,
             .diags = diags,
             .definitive = opt && opt->definitive,
             .model_text = opt && opt->model_text,
             .opt = opt};
    size_t errors_before = diag_error_count(diags);
    doc_node *doc = NULL;
    for (size_t p = 0; p < m->n_parts; p++)
        c.n_articles += m->parts[p].n_articles;
    c.kept = calloc(c.n_articles + 1, sizeof *c.kept);
    c.articles = calloc(c.n_articles + 1, sizeof *c.articles);
    c.values = calloc(m->n_fields + 1, sizeof *c.values);
    c.spots = calloc(m->n_spots + 1, sizeof *c.spots);
    c.spot_open = calloc(m->n_spots + 1, sizeof *c.spot_open);
    c.soorten = calloc(r->n_members + 1, sizeof *c.soorten);
    c.targets = xmlHashCreate(64);
    c.annex_numbers = xmlHashCreate(8);
    if (!c.kept || !c.articles || !c.values || !c.spots || !c.spot_open || !c.soorten ||
        !c.targets || !c.annex_numbers) {
        c.oom = 1;
        goto done;
    }
    size_t ai = 0;
    for (size_t p = 0; p < m->n_parts; p++)
        for (size_t i = 0; i < m->parts[p].n_articles; i++)
            c.articles[ai++] = &m->parts[p].articles[i];
    resolve_members(&c);
    fill_members(&c);
    if (c.model_text) {
        for (size_t i = 0; i < c.n_articles; i++)
            c.kept[i] = 1;
        fill_model_text(&c);
    } else {
        choose_articles(&c);
        if (r->model_numbering && !m->dropped_title)
            input_error(&c, r->numbering_pos,
                        "Het model noemt onder 'model:' geen 'vervallen'; kies 'doorlopend'.",
                        "dit model kan de nummers niet vasthouden: het zegt niet hoe een "
                        "weggelaten artikel heet");
        fill_fields(&c);
        check_members(&c);
        fill_spots(&c);
    }
    if (!(doc = doc_new_document())) {
        c.oom = 1;
        goto done;
    }
    build_meta(&c, doc, opt);
    build_parties(&c, doc);
    doc_node *parties_end = doc->last;
    build_parts(&c, doc);
    build_signatures(&c, doc);
    build_annexes(&c, doc);
    if (out)
        build_declarations(&c, one, out);
    if (!c.oom)
        resolve_refs(&c);
    split_paragraphs(&c, doc);
    for (size_t i = 0; out && i < out->count; i++)
        split_paragraphs(&c, out->items[i].doc);
    /* Links and typography once the text is final (an address keeps its
     * characters, so links first); the table of contents after them, so
     * that it repeats the headings as they stand. */
    size_t n_docs = 1 + (out ? out->count : 0);
    doc_node **docs = c.oom ? NULL : malloc(n_docs * sizeof *docs);
    for (size_t i = 0; docs && i < n_docs; i++)
        docs[i] = i ? out->items[i - 1].doc : doc;
    if (!docs || links_apply(docs, n_docs) || typography_apply(docs, n_docs))
        c.oom = 1;
    free(docs);
    build_toc(&c, doc, parties_end);
done:
    if (c.oom)
        diag_system(diags, "onvoldoende geheugen bij het samenstellen van het document");
    if (c.oom || diag_error_count(diags) > errors_before) {
        doc_free(doc);
        doc = NULL;
        if (out)
            declaration_list_free(out);
    }
    if (c.values)
        for (size_t i = 0; i < m->n_fields; i++) {
            free(c.values[i].text);
            free(c.values[i].placeholder);
        }
    free(c.values);
    for (size_t i = 0; c.spot_open && i < m->n_spots; i++)
        free(c.spot_open[i]);
    free(c.spot_open);
    for (size_t i = 0; i < c.n_members; i++)
        for (int j = 0; j < 3; j++)
            free(c.members[i].owned[j]);
    free(c.members);
    free(c.kept);
    free(c.articles);
    free(c.spots);
    free(c.soorten);
    free(c.refs);
    xmlHashFree(c.targets, free_entry);
    xmlHashFree(c.annex_numbers, free_entry);
    return doc;
}
