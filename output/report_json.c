/* The clause report as JSON (report.h), built as a jansson tree, which
 * does the escaping and the layout. The structure is documented in
 * README.md ("vergelijk als JSON") and stays stable: keys are only ever
 * added. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

typedef struct {
    int oom;
} builder;

static void put(builder *b, json_t *o, const char *key, json_t *value)
{
    if (!o || !value || json_object_set_new(o, key, value))
        b->oom = 1;
}

static void put_str(builder *b, json_t *o, const char *key, const char *value)
{
    put(b, o, key, value ? json_string(value) : json_null());
}

static void append(builder *b, json_t *array, json_t *value)
{
    if (!array || !value || json_array_append_new(array, value))
        b->oom = 1;
}

static json_t *change(builder *b, const clause_change *ch)
{
    static const char *const ops[] = {"gelijk", "weg", "erbij"};
    json_t *o = json_object();
    put_str(b, o, "soort", change_kind_key(ch->kind));
    put_str(b, o, "id", ch->id);
    put_str(b, o, "plaats_oud", ch->where_old);
    put_str(b, o, "plaats_nieuw", ch->where_new);
    put_str(b, o, "oud", ch->old_text);
    put_str(b, o, "nieuw", ch->new_text);
    json_t *words = json_array();
    for (size_t i = 0; i < ch->n_runs; i++) {
        json_t *w = json_object();
        put_str(b, w, "op", ops[ch->runs[i].kind]);
        put_str(b, w, "tekst", ch->runs[i].text);
        append(b, words, w);
    }
    put(b, o, "woorden", words);
    return o;
}

static const char *clause_kind(doc_kind k)
{
    return k == DOC_ARTICLE ? "artikel" : k == DOC_ANNEX ? "bijlage" : k == DOC_HEADING ? "partijen" : "ondertekening";
}

static json_t *clause_json(builder *b, const clause *c)
{
    json_t *o = json_object();
    put_str(b, o, "soort", clause_kind(c->kind));
    put_str(b, o, "id", c->id);
    put_str(b, o, "nummer_oud", c->old_label);
    put_str(b, o, "nummer_nieuw", c->new_label);
    put_str(b, o, "titel", c->title);
    put_str(b, o, "status", clause_status_key(c->status));
    json_t *changes = json_array();
    for (size_t i = 0; i < c->n_changes; i++)
        append(b, changes, change(b, &c->changes[i]));
    put(b, o, "wijzigingen", changes);
    return o;
}

static json_t *summary(builder *b, const clause_report *r)
{
    json_t *o = json_object();
    for (int s = 0; s < N_CLAUSE_STATUS; s++)
        put(b, o, clause_status_key(s), json_integer((json_int_t)r->status_count[s]));
    json_t *kinds = json_object();
    for (int k = 0; k < N_CHANGE_KINDS; k++)
        put(b, kinds, change_kind_key(k), json_integer((json_int_t)r->change_count[k]));
    put(b, o, "wijzigingen", kinds);
    put(b, o, "vervallen_plaatsen_weg", json_integer((json_int_t)r->dropped_places[0]));
    put(b, o, "vervallen_plaatsen_erbij", json_integer((json_int_t)r->dropped_places[1]));
    return o;
}

static json_t *actions(builder *b, const action_list *l)
{
    json_t *a = json_array();
    for (size_t i = 0; i < l->n; i++) {
        const coord_action *x = &l->items[i];
        json_t *o = json_object();
        put_str(b, o, "soort", action_kind_key(x->kind));
        put_str(b, o, "id", x->id);
        put_str(b, o, "tekst", x->text);
        put_str(b, o, "toelichting", x->explanation);
        if (x->pos.file) {
            json_t *p = json_object();
            put_str(b, p, "bestand", x->pos.file);
            put(b, p, "regel", json_integer(x->pos.line));
            put(b, p, "kolom", json_integer(x->pos.column));
            put(b, o, "plaats", p);
        } else {
            put(b, o, "plaats", json_null());
        }
        append(b, a, o);
    }
    return a;
}

int report_json_render(const report_input *in, out_buf *out, diag_list *diags)
{
    builder b = {0};
    const clause_report *r = in->report;
    json_t *root = json_object();
    put_str(&b, root, "formaat", "afspraken-vergelijking");
    put(&b, root, "versie", json_integer(1));
    put_str(&b, root, "vergelijking", in->kind);
    put_str(&b, root, "oud", in->old_name);
    put_str(&b, root, "nieuw", in->new_name);
    put(&b, root, "verschillen", json_boolean(in->differs));
    put(&b, root, "samenvatting", summary(&b, r));
    json_t *renum = json_array();
    for (size_t i = 0; i < r->n_renumbered; i++) {
        const renumbering *n = &r->renumbered[i];
        json_t *o = json_object();
        put_str(&b, o, "soort", n->what);
        put(&b, o, "oud_van", json_integer(n->first_old));
        put(&b, o, "oud_tot_en_met", json_integer(n->last_old));
        put(&b, o, "nieuw_van", json_integer(n->first_new));
        put(&b, o, "nieuw_tot_en_met", json_integer(n->first_new + n->last_old - n->first_old));
        append(&b, renum, o);
    }
    put(&b, root, "vernummering", renum);
    json_t *clauses = json_array();
    for (size_t i = 0; i < r->n_clauses; i++)
        if (r->clauses[i].status != CLAUSE_SAME)
            append(&b, clauses, clause_json(&b, &r->clauses[i]));
    put(&b, root, "onderdelen", clauses);
    put(&b, root, "acties", in->actions ? actions(&b, in->actions) : json_null());
    char *text = b.oom ? NULL : json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    json_decref(root);
    if (!text) {
        diag_system(diags, "onvoldoende geheugen voor het verslag");
        return -1;
    }
    size_t len = strlen(text);
    out->data = (unsigned char *)text;
    out->len = len;
    /* A final newline, as a text file has. */
    unsigned char *d = realloc(out->data, len + 2);
    if (d) {
        d[len] = '\n';
        d[len + 1] = '\0';
        out->data = d;
        out->len = len + 1;
    }
    return 0;
}
