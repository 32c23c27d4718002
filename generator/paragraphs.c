/* Paragraph breaks in regional text. The region loader keeps a blank line
 * of regional text as one "\n" (region.c); here, once for every writer,
 * each break ends the paragraph and begins a DOC_CONTINUATION of the same
 * lid, onderdeel or paragraph (doc.h), which takes the rest of the
 * regional text and whatever follows it in that block. */
#include "assembly.h"

#include <ctype.h>
#include <string.h>

/* Punctuation after which the model's text may start a new paragraph. */
static const char sentence_end[] = ".!?;:";

static int holds_inlines(const doc_node *n)
{
    return n->kind == DOC_PARAGRAPH || n->kind == DOC_LID || n->kind == DOC_ITEM;
}

/* Where the region wrote the text of n's spot: the author fixes it there,
 * not in the model. */
static src_pos region_pos(const ctx *c, const doc_node *n)
{
    for (size_t i = 0; n->id && i < c->r->n_texts; i++)
        if (c->r->texts[i].id && !strcmp(c->r->texts[i].id, n->id))
            return c->r->texts[i].pos;
    return (src_pos){n->file, n->line, n->column};
}

/* The last character before n in its paragraph that is not white space,
 * or 0 when n begins the paragraph. */
static char last_before(const doc_node *n)
{
    for (const doc_node *p = n->prev; p && doc_is_inline(p->kind); p = p->prev) {
        size_t len = strlen(p->text);
        while (len && isspace((unsigned char)p->text[len - 1]))
            len--;
        if (len)
            return p->text[len - 1];
    }
    return 0;
}

/* Whether the inline nodes from n on hold words, not only white space
 * and the punctuation that closes a sentence. */
static int words_from(const doc_node *n)
{
    for (; n && doc_is_inline(n->kind); n = n->next)
        for (const char *s = n->text; *s; s++)
            if (!isspace((unsigned char)*s) && !strchr(sentence_end, *s))
                return 1;
    return 0;
}

/* A spot with the model's words on both sides in one sentence: a break
 * there would split the model's sentence over two paragraphs. */
static int inside_sentence(const doc_node *n, const doc_node *next)
{
    char before = last_before(n);
    return before && !strchr(sentence_end, before) && words_from(next);
}

static int blank(char ch)
{
    return ch == ' ' || ch == '\t';
}

/* Splits regional node n at its breaks: n keeps the text before the
 * first, and each further piece begins a continuation of block, placed
 * after n's paragraph. Returns the last continuation. */
static doc_node *split(ctx *c, doc_node *block, doc_node *n)
{
    doc_node *after = n->parent == block ? n : n->parent;
    char *end = strchr(n->text, '\n');
    for (const char *rest = end; rest && !c->oom;) {
        rest += strspn(rest, "\n \t");
        if (!*rest)
            break;
        const char *stop = strchr(rest, '\n');
        size_t len = stop ? (size_t)(stop - rest) : strlen(rest);
        while (len && blank(rest[len - 1]))
            len--;
        doc_node *cont = doc_new(DOC_CONTINUATION);
        doc_node *piece = doc_new_inline(DOC_REGIONAL, rest, len);
        if (!cont || !piece || doc_set(&piece->id, n->id)) {
            doc_free(cont);
            doc_free(piece);
            c->oom = 1;
            break;
        }
        cont->file = piece->file = n->file;
        cont->line = piece->line = n->line;
        cont->column = piece->column = n->column;
        doc_append(cont, piece);
        doc_insert_after(after, cont);
        after = cont;
        rest = stop;
    }
    while (end > n->text && blank(end[-1]))
        end--;
    *end = '\0';
    return after;
}

/* The inline children of block, from the first break on, move into its
 * continuations; they come before any list, as doc.h has it. */
static void split_block(ctx *c, doc_node *block)
{
    doc_node *into = block;
    for (doc_node *n = block->first, *next; n && doc_is_inline(n->kind) && !c->oom; n = next) {
        next = n->next;
        if (into != block)
            doc_append(into, doc_unlink(n));
        if (n->kind != DOC_REGIONAL || !strchr(n->text, '\n'))
            continue;
        if (inside_sentence(n, next))
            input_error(c, region_pos(c, n),
                        "Schrijf deze tekst als één alinea, zonder witregel: de zin van het "
                        "model loopt door na de regionale tekst.",
                        "regionale tekst '%s' staat midden in een zin; een witregel kan daar "
                        "geen nieuwe alinea beginnen",
                        n->id ? n->id : "");
        else
            into = split(c, block, n);
    }
}

void split_paragraphs(ctx *c, doc_node *n)
{
    if (holds_inlines(n))
        split_block(c, n);
    for (doc_node *ch = n->first; ch && !c->oom; ch = ch->next)
        if (!doc_is_inline(ch->kind))
            split_paragraphs(c, ch);
}
