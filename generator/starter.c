/* The starter region file (see starter.h). Text from the model and the
 * region name are written as YAML double-quoted scalars or comments; a
 * name can hold any character, so it is quoted with escapes. */
#define _GNU_SOURCE
#include "starter.h"

#include <stdlib.h>
#include <string.h>

#include "wrap.h"

static void put_quoted(FILE *out, const char *s)
{
    fputc('"', out);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        const unsigned char *u = (const unsigned char *)s;
        if (c == '"' || c == '\\') {
            fprintf(out, "\\%c", c);
        } else if (c == 0xC2 && u[1] == 0x85) {
            /* NEL, LS and PS end a line in YAML even between quotes. */
            fputs("\\N", out);
            s++;
        } else if (c == 0xE2 && u[1] == 0x80 && (u[2] == 0xA8 || u[2] == 0xA9)) {
            fputs(u[2] == 0xA8 ? "\\L" : "\\P", out);
            s += 2;
        } else if (c < 0x20) {
            fprintf(out, "\\x%02X", c);
        } else {
            fputc(c, out);
        }
    }
    fputc('"', out);
}

/* A comment of several lines. */
static void put_comment(FILE *out, const char *indent, const char *text)
{
    char prefix[32];
    snprintf(prefix, sizeof prefix, "%s# ", indent);
    wrap_text(out, prefix, prefix, text, 78);
}

static void put_field(FILE *out, const model_field *f)
{
    fputc('\n', out);
    put_comment(out, "  ", f->description);
    const char *type = field_type_name(f->type);
    if (f->type == FIELD_NUMBER)
        fprintf(out, "  # %s van %ld tot en met %ld\n", type, f->min, f->max);
    else if (f->type == FIELD_CHOICE) {
        fputs("  # keuze uit:\n", out);
        for (size_t i = 0; i < f->n_choices; i++) {
            char first[96];
            snprintf(first, sizeof first, "  #   %s: ", f->choices[i].key);
            wrap_text(out, first, "  #     ", f->choices[i].text, 78);
        }
    } else if (f->type == FIELD_DATE)
        fputs("  # datum als JJJJ-MM-DD\n", out);
    else if (f->type == FIELD_ORGS || f->type == FIELD_LIST)
        fputs("  # een lijst: elk element op een eigen regel, beginnend met '- '\n", out);
    if (f->required)
        fprintf(out, "  %s:    # VERPLICHT (%s)\n", f->id, type);
    else if (f->default_value)
        fprintf(out, "  # %s: %s    # standaard\n", f->id, f->default_value);
    else if (f->type == FIELD_ORGS || f->type == FIELD_LIST)
        fprintf(out, "  # %s:\n  #   - ...\n", f->id);
    else
        fprintf(out, "  # %s:    # (%s) niet ingevuld: de tekst die dit veld gebruikt vervalt\n",
                f->id, type);
}

static void put_member(FILE *out, const model_soort *s, const char *indent)
{
    fprintf(out, "%s- naam:    # VERPLICHT (tekst): %s%s\n", indent, s->name ? s->name : s->id,
            s->per_gemeente ? " van ..." : "");
    fprintf(out, "%s  soort: %s\n", indent, s->id);
    if (s->per_gemeente)
        fprintf(out, "%s  gemeente:    # VERPLICHT (tekst): zoals in het werkgebied\n", indent);
    fprintf(out,
            "%s  ondertekenaar:\n%s    naam:    # VERPLICHT (tekst)\n"
            "%s    functie:    # VERPLICHT (tekst)\n"
            "%s    # grondslag: krachtens mandaat van ...    # optioneel: de bevoegdheid\n",
            indent, indent, indent, indent);
}

/* A block for every soort of the eerste lid: the law makes each of them a
 * deelnemer and a joint controller; the soort per gemeente once, to be
 * repeated for every gemeente. The tweede lid as commented examples. */
static void put_members(const model *m, FILE *out)
{
    fputs("# De Deelnemers, zoals artikel 2.27 WGS ze noemt: 'soort' zegt welke, en daaruit\n"
          "# volgt het lid. Herhaal de blokken met 'gemeente:' voor elke gemeente van het\n"
          "# werkgebied: de wet noemt de burgemeester en het college elk als deelnemer.\n"
          "deelnemers:\n",
          out);
    for (size_t i = 0; i < m->n_soorten; i++)
        if (m->soorten[i].lid == 1)
            put_member(out, &m->soorten[i], "  ");
    fputs("\n# Deelnemers uit het tweede lid: haal '# ' weg en vul in waar dat geldt.\n", out);
    for (size_t i = 0; i < m->n_soorten; i++)
        if (m->soorten[i].lid == 2)
            put_member(out, &m->soorten[i], "  # ");
    fputc('\n', out);
}

void starter_write(const model *m, const char *name, const char *schema, FILE *out)
{
    char *intro;
    if (schema)
        fprintf(out, "# yaml-language-server: $schema=%s\n", schema);
    if (asprintf(&intro, "Regiobestand voor afspraken, gemaakt uit de modeltekst \"%s\", versie %s.",
                 m->name, m->version) >= 0) {
        put_comment(out, "", intro);
        free(intro);
    }
    fputs("# Vul elke waarde in die met VERPLICHT is gemarkeerd; zolang er een open is,\n"
          "# maakt 'afspraken genereer' een concept met [IN TE VULLEN: ...] op die plek.\n"
          "# Regels die met '#' beginnen zijn uitleg of een keuze die u kunt aanzetten\n"
          "# door '# ' weg te halen.\n"
          "# Controleer het bestand met: afspraken controleer DIT-BESTAND.yaml\n\n",
          out);
    fputs("regio: ", out);
    if (name)
        put_quoted(out, name);
    else
        fputs("   # VERPLICHT (tekst): naam van de regio", out);
    fputs(
        "\n# bestandsnaam: naam-van-de-regio    # map en bestandsnamen; anders afgeleid van regio\n",
        out);
    fputs("beheerorganisatie:    # VERPLICHT (deelnemer): de naam van een Deelnemer uit het "
          "eerste lid\n",
          out);
    fputs("# Met plaats en datum tekenen alle Deelnemers samen; leeg laten als elke\n"
          "# Deelnemer apart tekent, met een eigen plaats en datum.\n"
          "ondertekening:\n"
          "  plaats:    # tekst, of leeg\n"
          "  datum:    # JJJJ-MM-DD, of leeg\n\n",
          out);
    fputs("# Het logo boven de titel: een PNG- of JPEG-bestand van ten hoogste 2 MB naast\n"
          "# dit bestand (of in een map daaronder), 2 cm hoog getoond.\n"
          "# logo: logo.png\n\n",
          out);
    put_members(m, out);
    fputs("# Optionele artikelen: ja = opnemen, nee = weglaten.\n"
          "optionele_artikelen:\n",
          out);
    for (size_t p = 0; p < m->n_parts; p++)
        for (size_t i = 0; i < m->parts[p].n_articles; i++) {
            const model_article *a = &m->parts[p].articles[i];
            if (!a->optional)
                continue;
            fputc('\n', out);
            fprintf(out, "  # %s\n", a->title);
            put_comment(out, "  ", a->explanation);
            fprintf(out, "  %s: ja\n", a->id);
        }
    fputs("\nvelden:\n", out);
    for (size_t i = 0; i < m->n_fields; i++)
        if (!m->fields[i].builtin)
            put_field(out, &m->fields[i]);
    fputs("\n# Regionale tekst: de plekken waar het model ruimte laat voor regionale invulling.\n"
          "regionale_tekst:\n",
          out);
    for (size_t i = 0; i < m->n_spots; i++) {
        const model_spot *s = &m->spots[i];
        fputc('\n', out);
        put_comment(out, "  ", s->description);
        if (s->required)
            fprintf(out, "  %s:    # VERPLICHT (tekst)\n", s->id);
        else
            fprintf(out, "  # %s: >\n  #   ...\n", s->id);
    }
}
