/* The model overview behind `afspraken model` (see describe.h). */
#include "describe.h"

#include "dutch.h"
#include "wrap.h"

void model_describe(const model *m, FILE *out)
{
    char date[64] = "", ref_date[64] = "";
    int y, mo, d;
    if (m->date && !dutch_parse_date(m->date, &y, &mo, &d))
        dutch_format_date(y, mo, d, date, sizeof date);
    if (m->ref_date && !dutch_parse_date(m->ref_date, &y, &mo, &d))
        dutch_format_date(y, mo, d, ref_date, sizeof ref_date);
    /* The text and its reference on lines of their own: the overview must
     * not present a rendering as the text the reference's authors set. */
    fprintf(out, "Modeltekst: %s\nversie %s van %s\n", m->name, m->version, date);
    fprintf(out, "Volgt de opbouw van: %s, vastgesteld op %s door de %s\n", m->ref_name, ref_date,
            m->ref_set_by);
    int no = 0, part = 0;
    for (size_t p = 0; p < m->n_parts; p++) {
        fprintf(out, "\nDeel %c  %s\n", 'A' + part++, m->parts[p].title);
        for (size_t i = 0; i < m->parts[p].n_articles; i++) {
            const model_article *a = &m->parts[p].articles[i];
            if (a->numbered)
                fprintf(out, "  artikel %-3d %-28s %s%s\n", ++no, a->id, a->title,
                        a->optional ? "  [optioneel]" : "");
            else
                fprintf(out, "  %-11s %-28s %s\n", "-", a->id, a->title);
            if (a->optional)
                wrap_text(out, "              wanneer: ", "                       ", a->explanation,
                          79);
        }
    }
    fputs("\nVelden (onder 'velden:' in het regiobestand)\n", out);
    for (size_t i = 0; i < m->n_fields; i++) {
        const model_field *f = &m->fields[i];
        if (f->builtin)
            continue;
        fprintf(out, "  %-28s %s", f->id, field_type_name(f->type));
        if (f->type == FIELD_NUMBER)
            fprintf(out, " %ld-%ld", f->min, f->max);
        if (f->type == FIELD_CHOICE)
            for (size_t j = 0; j < f->n_choices; j++)
                fprintf(out, "%s%s", j ? "|" : " ", f->choices[j].key);
        fprintf(out, "%s%s%s\n", f->required ? ", verplicht" : "",
                f->default_value ? ", standaard " : "", f->default_value ? f->default_value : "");
        wrap_text(out, "                               ", "                               ",
                  f->description, 79);
    }
    fputs("\nRegionale tekst (onder 'regionale_tekst:')\n", out);
    for (size_t i = 0; i < m->n_spots; i++)
        fprintf(out, "  %-28s %s%s\n", m->spots[i].id, m->spots[i].description,
                m->spots[i].required ? " (verplicht)" : "");
    fputs("\nBijlagen\n", out);
    for (size_t i = 0; i < m->n_annexes; i++) {
        const model_annex *b = &m->annexes[i];
        char buf[160] = "";
        if (b->cond.kind != COND_NONE)
            condition_text(&b->cond, buf, sizeof buf);
        fprintf(out, "  %-28s %s%s%s%s\n", b->id, b->title, *buf ? "  [" : "", buf,
                *buf ? "]" : "");
    }
}
