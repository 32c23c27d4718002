/* A small assembled document built by hand, with every node kind and the
 * characters XML must escape, so writer tests do not depend on the model
 * or on YAML. */
#ifndef AFSPRAKEN_TEST_FIXTURES_H
#define AFSPRAKEN_TEST_FIXTURES_H

#include <stdlib.h>
#include <string.h>

#include "doc.h"

static doc_node *fx_add(doc_node *parent, doc_kind kind, const char *label, const char *title)
{
    doc_node *n = doc_new(kind);
    doc_set(&n->label, label);
    doc_set(&n->title, title);
    doc_append(parent, n);
    return n;
}

static void fx_inline(doc_node *parent, doc_kind kind, const char *text)
{
    doc_append(parent, doc_new_inline(kind, text, strlen(text)));
}

/* Caller frees with doc_free. */
static doc_node *fixture_document(void)
{
    doc_node *d = doc_new_document();
    doc_meta *m = d->meta;
    doc_set(&m->title, "Bestuurlijke Afspraken Zorg & Veiligheid 's-Hertogenbosch");
    doc_set(&m->subtitle, "Zorg- en Veiligheidshuis Súdwest-Fryslân");
    doc_set(&m->region, "Súdwest-Fryslân");
    doc_set(&m->model_name, "Eigen tekst van het project afspraken");
    doc_set(&m->model_version, "0.2");
    doc_set(&m->model_date, "25 november 2026");
    doc_set(&m->reference_name, "Landelijk model Bestuurlijke Afspraken Zorg- en Veiligheidshuizen");
    doc_set(&m->reference_date, "22 september 2025");
    doc_set(&m->language, "nl-NL");
    m->timestamp = 1768478400; /* 2026-01-15 12:00 UTC */
    /* As the assembler lists them for both writers. */
    doc_add_property(m, "Model", m->model_name);
    doc_add_property(m, "Modelversie", m->model_version);
    doc_add_property(m, "Referentie", m->reference_name);
    doc_set(&m->subject, m->model_name);
    doc_set(&m->creator, "afspraken");
    doc_set(&m->description, "Modeltekst: Eigen tekst van het project afspraken, versie 0.2.");
    doc_add_keyword(m, m->region);
    doc_add_keyword(m, m->model_name);

    doc_node *h = fx_add(d, DOC_HEADING, NULL, "Partijen");
    h->number = 1;
    doc_node *p = fx_add(d, DOC_PARAGRAPH, NULL, NULL);
    fx_inline(p, DOC_TEXT, "De ondergetekenden:");
    doc_node *l = fx_add(d, DOC_LIST, NULL, NULL);
    doc_node *it = fx_add(l, DOC_ITEM, "1.", NULL);
    fx_inline(it, DOC_FIELD, "Gemeente <Súdwest-Fryslân> & \"partners\"");

    doc_node *part = fx_add(d, DOC_PART, "Deel A", "Overwegingen, definities en doel");
    part->id = strdup("A");
    doc_node *a = fx_add(part, DOC_ARTICLE, "Artikel 1", "Definities");
    a->id = strdup("definities");
    a->number = 1;
    doc_node *lid = fx_add(a, DOC_LID, NULL, NULL);
    fx_inline(lid, DOC_TEXT, "In deze afspraken wordt verstaan onder:");
    doc_node *list = fx_add(lid, DOC_LIST, NULL, NULL);
    doc_node *item = fx_add(list, DOC_ITEM, "a.", NULL);
    fx_inline(item, DOC_TERM, "Deelnemer");
    fx_inline(item, DOC_TEXT, ": een partij als bedoeld in ");
    fx_inline(item, DOC_REF, "artikel 2, tweede lid");
    fx_inline(item, DOC_TEXT, ";");
    doc_node *sub = fx_add(item, DOC_LIST, NULL, NULL);
    doc_node *subitem = fx_add(sub, DOC_ITEM, "1°", NULL);
    fx_inline(subitem, DOC_TEXT, "tweede niveau {{veld:x}} [[Term]]");

    doc_node *part2 = fx_add(d, DOC_PART, "Deel B", "Structuur");
    doc_node *a2 = fx_add(part2, DOC_ARTICLE, "Artikel 2", "De Stuurgroep");
    a2->number = 2;
    doc_node *l1 = fx_add(a2, DOC_LID, "1.", NULL);
    fx_inline(l1, DOC_TEXT, "De Stuurgroep vergadert ");
    fx_inline(l1, DOC_FIELD, "4");
    fx_inline(l1, DOC_TEXT, " keer per jaar.");
    doc_node *l2 = fx_add(a2, DOC_LID, "2.", NULL);
    fx_inline(l2, DOC_REGIONAL, "Regionale tekst met <tags> & ]]> en 'quotes'.");
    doc_node *bl = fx_add(l2, DOC_LIST, NULL, NULL);
    doc_node *bullet = fx_add(bl, DOC_ITEM, NULL, NULL);
    fx_inline(bullet, DOC_FIELD, "Gemeente Leeuwarden");

    doc_node *sigs = fx_add(d, DOC_SIGNATURES, NULL, "Ondertekening");
    doc_node *sp = fx_add(sigs, DOC_PARAGRAPH, NULL, NULL);
    fx_inline(sp, DOC_TEXT, "Aldus overeengekomen te Sneek op 15 januari 2026.");
    doc_node *s = fx_add(sigs, DOC_SIGNATORY, NULL, NULL);
    s->sig = calloc(1, sizeof *s->sig);
    doc_set(&s->sig->party, "Namens Gemeente Súdwest-Fryslân");
    doc_set(&s->sig->name, "J. de Vries");
    doc_set(&s->sig->function, "burgemeester");

    doc_node *annex = fx_add(d, DOC_ANNEX, "Bijlage 1", "Model geheimhoudingsverklaring");
    annex->id = strdup("geheimhouding");
    doc_node *ap = fx_add(annex, DOC_PARAGRAPH, NULL, NULL);
    fx_inline(ap, DOC_TEXT, "Naam: ……………………");
    return d;
}

#endif
