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
} style;

static const style text_style = {"[-", "-]", "{+", "+}", "", "", "  ", "    "};
static const style md_style = {"~~", "~~", "**", "**", "# ", "## ", "- ", "  - "};

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
    fputc('\n', f);
}

static void heading(FILE *f, const style *st, const clause *c)
{
    const char *label = c->new_label ? c->new_label : c->old_label;
    fputs(st->h2, f);
    if (label && *label)
        fprintf(f, "%s", label);
    if (c->old_label && c->new_label && strcmp(c->old_label, c->new_label))
        fprintf(f, " (was %s)", *c->old_label ? c->old_label : "zonder nummer");
    if (c->title)
        fprintf(f, "%s%s", label && *label ? ": " : "", c->title);
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

static void change(FILE *f, const style *st, const clause_change *ch)
{
    fprintf(f, "%s%s", st->item, change_kind_name(ch->kind));
    if (ch->id && ch->kind != CHANGE_OPTIONAL_DROPPED && ch->kind != CHANGE_OPTIONAL_KEPT &&
        ch->kind != CHANGE_ARTICLE_ADDED && ch->kind != CHANGE_ARTICLE_REMOVED)
        fprintf(f, " '%s'", ch->id);
    where(f, ch);
    if (ch->n_runs) {
        fputs(": ", f);
        for (size_t i = 0; i < ch->n_runs; i++) {
            const word_run *w = &ch->runs[i];
            if (w->kind == DIFF_DELETE)
                fprintf(f, "%s%s%s", st->del_open, w->text, st->del_close);
            else if (w->kind == DIFF_INSERT)
                fprintf(f, "%s%s%s", st->ins_open, w->text, st->ins_close);
            else
                fputs(w->text, f);
        }
        fputc('\n', f);
        return;
    }
    fputc('\n', f);
    if (ch->kind == CHANGE_OPTIONAL_DROPPED || ch->kind == CHANGE_OPTIONAL_KEPT ||
        ch->kind == CHANGE_ARTICLE_ADDED || ch->kind == CHANGE_ARTICLE_REMOVED)
        return; /* the whole article: its heading says enough */
    if (ch->old_text)
        fprintf(f, "%swas:   %s\n", st->sub, ch->old_text);
    if (ch->new_text)
        fprintf(f, "%swordt: %s\n", st->sub, ch->new_text);
}

static void actions(FILE *f, const style *st, const report_input *in)
{
    fprintf(f, "%sWat de co\u00f6rdinator moet doen in het regiobestand voor %s\n\n", st->h2,
            in->new_name);
    if (!in->actions->n)
        fprintf(f, "%sniets\n", st->item);
    for (size_t i = 0; i < in->actions->n; i++) {
        const coord_action *a = &in->actions->items[i];
        fprintf(f, "%s%s.", st->item, a->text);
        if (a->pos.file)
            fprintf(f, " (%s:%d:%d)", a->pos.file, a->pos.line, a->pos.column);
        fputc('\n', f);
        if (a->explanation)
            fprintf(f, "%sToelichting: %s\n", st->sub, a->explanation);
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
    if (!clause_report_differs(r) && !(in->actions && in->actions->n))
        return 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f) {
        diag_system(diags, "onvoldoende geheugen voor het verslag");
        return -1;
    }
    fprintf(f, "%sVergelijking van %s (oud) met %s (nieuw)\n\n", st->h1, in->old_name,
            in->new_name);
    summary(f, st, r);
    for (size_t i = 0; i < r->n_clauses; i++) {
        const clause *c = &r->clauses[i];
        if (c->status == CLAUSE_SAME)
            continue;
        heading(f, st, c);
        for (size_t j = 0; j < c->n_changes; j++)
            change(f, st, &c->changes[j]);
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
