/* verifieer: is the text of an ODT or DOCX still the text genereer made?
 * Recomputes the fingerprint from the text read back and compares it
 * with the one in the document's properties, or with the manifest's;
 * the per-section fingerprints name what changed. With a manifest the
 * file's bytes are checked too, so a PDF can be verified as a file. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "fingerprint.h"
#include "manifest.h"
#include "readback.h"

/* The sections the document's properties describe, in their order:
 * "Vingerafdruk onderdeel 001" = "<hash> <id or -> <heading>". */
typedef struct {
    const char *prop; /* property name, for the order */
    char hash[FP_HEX_LEN + 1];
    char *id, *heading;
} stored_section;

static int by_prop(const void *a, const void *b)
{
    return strcmp(((const stored_section *)a)->prop, ((const stored_section *)b)->prop);
}

static void free_stored(stored_section *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(s[i].id);
        free(s[i].heading);
    }
    free(s);
}

/* Fills *out and *n (both empty when there are none); -1 with both
 * empty when memory ran out. */
static int stored_sections(const readback *rb, stored_section **out, size_t *n)
{
    stored_section *s = NULL;
    *out = NULL;
    *n = 0;
    size_t prefix = strlen(FP_PROP_SECTION);
    for (size_t i = 0; i < rb->n_props; i++) {
        const doc_property *p = &rb->props[i];
        const char *v = p->value;
        if (strncmp(p->name, FP_PROP_SECTION, prefix) || strlen(v) < FP_HEX_LEN + 2 ||
            v[FP_HEX_LEN] != ' ')
            continue;
        stored_section *g = reallocarray(s, *n + 1, sizeof *s);
        if (!g)
            goto oom;
        s = g;
        stored_section *t = &s[(*n)++];
        memset(t, 0, sizeof *t);
        t->prop = p->name;
        memcpy(t->hash, v, FP_HEX_LEN);
        t->hash[FP_HEX_LEN] = '\0';
        const char *id = v + FP_HEX_LEN + 1, *sp = strchr(id, ' ');
        t->id = strndup(id, sp ? (size_t)(sp - id) : strlen(id));
        t->heading = strdup(sp ? sp + 1 : "");
        if (!t->id || !t->heading)
            goto oom;
    }
    if (*n)
        qsort(s, *n, sizeof *s, by_prop);
    *out = s;
    return 0;
oom:
    free_stored(s, *n);
    *n = 0;
    return -1;
}

/* Whether paragraph p opens the section with this heading: it starts
 * with the heading ("Artikel 7") followed by its end or a space. */
static int opens(const char *p, const char *heading)
{
    size_t n = strlen(heading);
    return n && !strncmp(p, heading, n) && (p[n] == '\0' || p[n] == ' ');
}

/* Splits the paragraphs into the stored sections by their headings, in
 * order (the next section first, then any later one, so a deleted
 * heading does not hide the rest), and hashes each. */
static int rebuild(const readback *rb, const stored_section *s, size_t n, fp_document *f)
{
    for (size_t i = 0; i < n; i++)
        fp_add_section(f, strcmp(s[i].id, "-") ? s[i].id : NULL, s[i].heading);
    if (!n)
        fp_add_section(f, NULL, NULL);
    size_t cur = 0;
    for (size_t p = 0; p < rb->n_paras; p++) {
        for (size_t j = cur + 1; j < n; j++)
            if (opens(rb->paras[p], s[j].heading)) {
                cur = j;
                break;
            }
        char *text = strdup(rb->paras[p]);
        if (!text)
            return -1;
        fp_add_paragraph(f, text);
        f->paras[f->n_paras - 1].section = cur;
    }
    return fp_hash(f);
}

static void print_short(const char *label, const char *hash)
{
    char brief[20];
    fp_short(hash, brief);
    printf("%s%s", label, brief);
}

/* Names the sections whose text differs from what was generated. */
static void report_sections(const fp_document *f, const stored_section *s, size_t n)
{
    if (!n) {
        puts("  Welke onderdelen gewijzigd zijn, is niet te zeggen: het document heeft geen "
             "vingerafdrukken per onderdeel.");
        return;
    }
    for (size_t i = 0; i < n; i++) {
        if (!strcmp(f->sections[i].hash, s[i].hash))
            continue;
        printf("  gewijzigd: %s", *s[i].heading ? s[i].heading : "(zonder kop)");
        if (strcmp(s[i].id, "-"))
            printf(" (%s)", s[i].id);
        putchar('\n');
    }
}

static int has_extension(const char *path, const char *ext)
{
    size_t n = strlen(path), e = strlen(ext);
    return n > e && !strcasecmp(path + n - e, ext);
}

/* Checks the file's text; the expected fingerprint comes from the
 * manifest when given, else from the document itself. */
static int verify_text(const char *path, const manifest_entry *me, int bytes_equal, diag_list *d)
{
    readback rb;
    if (readback_load(path, &rb, d)) {
        readback_free(&rb);
        return -1;
    }
    const char *own = readback_property(&rb, FP_PROP_DOCUMENT);
    const char *expected = me && *me->fingerprint ? me->fingerprint : own;
    if (!expected || strlen(expected) != FP_HEX_LEN) {
        diag_add(d, DIAG_ERROR, DIAG_INPUT, path, 0, 0,
                 "Alleen documenten die afspraken maakte hebben een vingerafdruk; geef anders "
                 "het manifest mee met --manifest.",
                 "het document heeft geen vingerafdruk (eigenschap '%s')", FP_PROP_DOCUMENT);
        readback_free(&rb);
        return -1;
    }
    size_t n;
    stored_section *s;
    fp_document f = {0};
    int rc;
    if (stored_sections(&rb, &s, &n) || rebuild(&rb, s, n, &f)) {
        diag_system(d, "onvoldoende geheugen");
        rc = -1;
    } else if (!strcmp(f.hash, expected)) {
        printf("%s: ", path);
        if (bytes_equal)
            printf("het bestand is byte voor byte het bestand uit het manifest; ");
        else if (me)
            printf("de bytes verschillen van het manifest (opnieuw opgeslagen of andere "
                   "opmaak), maar ");
        print_short("de tekst is de gegenereerde tekst (vingerafdruk ", expected);
        puts(").");
        rc = 0;
    } else {
        printf("%s: de tekst is gewijzigd sinds het genereren", path);
        print_short(" (vingerafdruk ", expected);
        print_short(", nu ", f.hash);
        puts(").");
        report_sections(&f, s, n);
        rc = 1;
    }
    fp_document_free(&f);
    free_stored(s, n);
    readback_free(&rb);
    return rc;
}

int cmd_verify(const options *o)
{
    diag_list d = {0};
    if (o->n_files != 1)
        return cli_usage_error("%s", "verifieer verwacht precies één document");
    const char *path = o->files[0];
    manifest_entry me;
    char sha[FP_HEX_LEN + 1];
    int rc = -1;
    if (o->manifest_path) {
        if (manifest_lookup(o->manifest_path, path, &me, &d) == 0 && !me.found)
            diag_add(&d, DIAG_ERROR, DIAG_INPUT, o->manifest_path, 0, 0,
                     "Geef het manifest dat genereer naast dit document schreef.",
                     "het manifest noemt geen bestand met de naam van %s", path);
        else if (me.found && fp_sha256_file(path, sha))
            diag_add(&d, DIAG_ERROR, DIAG_INPUT, path, 0, 0, NULL, "kan het bestand niet lezen: %s",
                     diag_errno_text(errno));
        if (diag_error_count(&d))
            return cli_finish(&d);
    }
    int bytes_equal = o->manifest_path && !strcmp(sha, me.sha256);
    int has_text = has_extension(path, ".odt") || has_extension(path, ".docx");
    if (!o->manifest_path && !has_text) {
        diag_add(&d, DIAG_ERROR, DIAG_INPUT, path, 0, 0,
                 "Een ander bestand, zoals een PDF, controleert u met --manifest.",
                 "verifieer leest de tekst van ODT- en DOCX-bestanden");
    } else if (o->manifest_path && (!has_text || !*me.fingerprint)) {
        /* A PDF or Markdown file: only its bytes can be checked. */
        printf("%s: %s\n", path,
               bytes_equal ? "het bestand is byte voor byte het bestand uit het manifest."
                           : "het bestand is niet het bestand uit het manifest (de SHA-256 "
                             "verschilt).");
        rc = bytes_equal ? 0 : 1;
    } else {
        rc = verify_text(path, o->manifest_path ? &me : NULL, bytes_equal, &d);
    }
    int code = cli_finish(&d);
    return code != EXIT_OK ? code : rc == 1 ? EXIT_CHANGED : EXIT_OK;
}
