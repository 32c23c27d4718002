/* The clause report as text or Markdown (report.h): a summary, then
 * every article or annex that differs, in document order, with its
 * number on each side. Deleted words are shown [-so-] and inserted words
 * {+so+} in text (as wdiff does), ~~so~~ and **so** in Markdown. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

typedef struct {
    const char *del_open, *del_close, *ins_open, *ins_close;
    const char *h1, *h2, *item, *sub;
    void (*put)(FILE *f, const char *s, int line_start); /* text from the inputs */
} style;

static void put_plain(FILE *f, const char *s, int line_start)
{
    (void)line_start;
    fputs(s, f);
}

static const style text_style = {"[-", "-]", "{+", "+}", "", "", "  ", "    ", put_plain};
static const style md_style = {"~~", "~~", "**", "**", "# ", "## ", "- ", "  - ", md_put_escaped};

static void summary(FILE *f, const style *st, const clause_report *r)
{
    fprintf(f, "%sSamenvatting\n\n", st->h2);
    fprintf(f, "%sartikelen, bijlagen en de partijen en ondertekening:", st->item);
    for (int s = 0; s < N_CLAUSE_STATUS; s++)
        fprintf(f, "%s %zu %s", s ? "," : "", r->status_count[s], clause_status_name(s));
    fputc('\n', f);
    int any = 0;
    for (int k = 0; k < N_CHANGE_KINDS; k++)
        if (r->change_count[k]) {
            fprintf(f, "%s%s %zu × %s", any ? "," : st->item, any ? "" : "wijzigingen:",
                    r->change_count[k], change_kind_name(k));
            any = 1;
        }
    if (any)
        fputc('\n', f);
    for (size_t i = 0; i < r->n_renumbered; i++) {
        const renumbering *n = &r->renumbered[i];
        int span = n->last_old - n->first_old;
        if (span)
            fprintf(f, "%svernummering: %s %d\u2013%d worden %d\u2013%d\n", st->item, n->what,
                    n->first_old, n->last_old, n->first_new, n->first_new + span);
        else
            fprintf(f, "%svernummering: %s %d wordt %d\n", st->item, n->what, n->first_old,
                    n->first_new);
    }
    const size_t *places = r->dropped_places;
    if (places[0] || places[1]) {
        size_t first = places[1] ? places[1] : places[0];
        fprintf(f, "%svernummering: %zu vervallen %s %s", st->item, first,
                first == 1 ? "plaats" : "plaatsen", places[1] ? "erbij" : "weg");
        if (places[0] && places[1])
            fprintf(f, " en %zu weg", places[0]);
        fputs(" (nummering van het model)\n", f);
    }
    fputc('\n', f);
}

static void heading(FILE *f, const style *st, const clause *c)
{
    const char *label = c->new_label ? c->new_label : c->old_label;
    fputs(st->h2, f);
    if (label && *label)
        st->put(f, label, 0);
    if (c->old_label && c->new_label && strcmp(c->old_label, c->new_label)) {
        fputs(" (was ", f);
        st->put(f, *c->old_label ? c->old_label : "zonder nummer", 0);
        fputc(')', f);
    }
    if (c->title) {
        fputs(label && *label ? ": " : "", f);
        st->put(f, c->title, 0);
    }
    fprintf(f, " \u2014 %s%s\n", clause_status_name(c->status),
            c->status == CLAUSE_DROPPED   ? " (oud)"
            : c->status == CLAUSE_ADDED   ? " (nieuw)"
                                          : "");
    if (*st->h2)
        fputc('\n', f);
}

static void where(FILE *f, const clause_change *ch)
{
    const char *w = ch->where_new ? ch->where_new : ch->where_old;
    if (w && *w)
        fprintf(f, " (%s", w);
    if (ch->where_old && ch->where_new && strcmp(ch->where_old, ch->where_new))
        fprintf(f, "%s%s", w && *w ? ", was " : " (was ", *ch->where_old ? ch->where_old : "zonder nummer");
    if ((w && *w) || (ch->where_old && ch->where_new && strcmp(ch->where_old, ch->where_new)))
        fputc(')', f);
}

static void change(FILE *f, const style *st, const clause *c, const clause_change *ch)
{
    fprintf(f, "%s%s", st->item, change_kind_name(ch->kind));
    if (ch->id && ch->kind != CHANGE_OPTIONAL_DROPPED && ch->kind != CHANGE_OPTIONAL_KEPT &&
        ch->kind != CHANGE_ARTICLE_ADDED && ch->kind != CHANGE_ARTICLE_REMOVED)
        fprintf(f, " `%s`", ch->id);
    where(f, ch);
    if (ch->n_runs) {
        fputs(": ", f);
        for (size_t i = 0; i < ch->n_runs; i++) {
            const word_run *w = &ch->runs[i];
            fputs(w->kind == DIFF_DELETE   ? st->del_open
                  : w->kind == DIFF_INSERT ? st->ins_open
                                           : "",
                  f);
            st->put(f, w->text, 0);
            fputs(w->kind == DIFF_DELETE   ? st->del_close
                  : w->kind == DIFF_INSERT ? st->ins_close
                                           : "",
                  f);
        }
        fputc('\n', f);
        return;
    }
    fputc('\n', f);
    if (c->status == CLAUSE_ADDED || c->status == CLAUSE_DROPPED)
        return; /* the whole article or annex: its heading says enough */
    const char *sides[2] = {ch->old_text, ch->new_text};
    for (int i = 0; i < 2; i++)
        if (sides[i]) {
            fprintf(f, "%s%s", st->sub, i ? "wordt: " : "was:   ");
            st->put(f, sides[i], 0);
            fputc('\n', f);
        }
}

static void actions(FILE *f, const style *st, const report_input *in)
{
    fprintf(f, "%sWat de co\u00f6rdinator moet doen in het regiobestand voor ", st->h2);
    st->put(f, in->new_name, 0);
    fputs("\n\n", f);
    if (!in->actions->n)
        fprintf(f, "%sniets\n", st->item);
    for (size_t i = 0; i < in->actions->n; i++) {
        const coord_action *a = &in->actions->items[i];
        fputs(st->item, f);
        st->put(f, a->text, 0);
        fputc('.', f);
        if (a->pos.file) {
            char where[64];
            snprintf(where, sizeof where, ":%d:%d", a->pos.line, a->pos.column);
            fputs(" (", f);
            st->put(f, a->pos.file, 0);
            st->put(f, where, 0);
            fputc(')', f);
        }
        fputc('\n', f);
        if (a->explanation) {
            fprintf(f, "%sToelichting: ", st->sub);
            st->put(f, a->explanation, 0);
            fputc('\n', f);
        }
    }
    fputc('\n', f);
}

int report_text_render(const report_input *in, int markdown, out_buf *out, diag_list *diags)
{
    const style *st = markdown ? &md_style : &text_style;
    const clause_report *r = in->report;
    char *buf = NULL;
    size_t len = 0;
    out->data = NULL;
    out->len = 0;
    if (!in->differs && !(in->actions && in->actions->n))
        return 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f) {
        diag_system(diags, "onvoldoende geheugen voor het verslag");
        return -1;
    }
    fprintf(f, "%sVergelijking van ", st->h1);
    st->put(f, in->old_name, 0);
    fputs(" (oud) met ", f);
    st->put(f, in->new_name, 0);
    fputs(" (nieuw)\n\n", f);
    summary(f, st, r);
    for (size_t i = 0; i < r->n_clauses; i++) {
        const clause *c = &r->clauses[i];
        if (c->status == CLAUSE_SAME)
            continue;
        heading(f, st, c);
        for (size_t j = 0; j < c->n_changes; j++)
            change(f, st, c, &c->changes[j]);
        fputc('\n', f);
    }
    if (in->actions)
        actions(f, st, in);
    if (fclose(f)) {
        free(buf);
        diag_system(diags, "onvoldoende geheugen voor het verslag");
        return -1;
    }
    /* One blank line at the end, not two. */
    while (len > 1 && buf[len - 1] == '\n' && buf[len - 2] == '\n')
        buf[--len] = '\0';
    out->data = (unsigned char *)buf;
    out->len = len;
    return 0;
}
