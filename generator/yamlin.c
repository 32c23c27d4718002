/* YAML reading with positions and Dutch diagnostics (see yamlin.h). */
#define _GNU_SOURCE
#include "yamlin.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "nameset.h"
#include "suggest.h"
#include "utf8check.h"

/* Bounds on any input: far above what a model or region needs, low enough
 * that any file is read or refused in well under a second. */
#define MAX_FILE_BYTES (16L << 20)
#define MAX_DEPTH 64
#define MAX_ITEMS 100000

/* libyaml's problem texts, in Dutch. Anything not listed gets a general
 * Dutch sentence: a user never reads libyaml's English. */
static const struct {
    const char *en, *nl;
} yaml_problems[] = {
    {"did not find expected key", "verwachtte hier een sleutel (let op het inspringen)"},
    {"did not find expected '-' indicator",
     "verwachtte hier een lijstelement met '-' (let op het inspringen)"},
    {"mapping values are not allowed in this context",
     "een ':' op een plek waar geen sleutel kan staan; zet de tekst tussen aanhalingstekens"},
    {"found character that cannot start any token",
     "teken waarmee geen YAML-waarde kan beginnen (een tab om in te springen?)"},
    {"found unexpected end of stream",
     "het bestand houdt onverwacht op (ontbreekt een afsluitend aanhalingsteken?)"},
    {"found undefined alias", "verwijzing naar een onbekend anker (*)"},
    {"did not find expected node content", "verwachtte hier een waarde"},
    {"found unknown escape character",
     "onbekende escape-reeks na '\\' in een tekst tussen dubbele aanhalingstekens"},
    {"control characters are not allowed", "het bestand bevat stuurtekens die YAML niet toestaat"},
    {"invalid leading UTF-8 octet", "het bestand is geen geldige UTF-8-tekst"},
    {"incomplete UTF-8 octet sequence", "het bestand is geen geldige UTF-8-tekst"},
    {"found unexpected ':'", "onverwachte ':'; zet de tekst tussen aanhalingstekens"},
    {"did not find expected ',' or ']'", "verwachtte ',' of ']' in een lijst tussen [ ]"},
    {"did not find expected ',' or '}'", "verwachtte ',' of '}' in een mapping tussen { }"},
    {"found a tab character that violate indentation",
     "een tab in het inspringen; gebruik spaties"},
    {"found duplicate anchor", "een anker (&) dat al eerder gebruikt is"},
    {"block sequence entries are not allowed in this context",
     "een lijstelement ('- ') op een plek waar geen lijst kan beginnen (let op het inspringen)"},
    {"could not find expected ':'", "verwachtte hier een ':' na de sleutel"},
    {"found unexpected document indicator",
     "een regel '---' of '...' midden in een waarde tussen aanhalingstekens"},
    {"did not find expected <document start>", "verwachtte het begin van een document ('---')"},
    {"did not find expected alphabetic or numeric character",
     "na '&' of '*' hoort de naam van een anker"},
    {"did not find expected whitespace or line break",
     "verwachtte hier een spatie of het einde van de regel"},
    {"did not find expected comment or line break",
     "na deze waarde mag op deze regel alleen nog commentaar ('#') staan"},
    {"found a comment without a line break", "commentaar zonder einde van de regel"},
    {"found extra characters", "te veel tekens op deze plek"},
    {"found an indentation indicator equal to 0",
     "inspringing 0 na '|' of '>' is niet toegestaan"},
    {"found a leading space", "een spatie voor '|' of '>' aan het begin"},
    {"did not find expected tag URI", "ongeldige YAML-tag (na '!')"},
    {"did not find URI escaped octet", "ongeldige %-code in een YAML-tag"},
    {"found undefined tag handle", "onbekend tagvoorvoegsel (na '!')"},
    {"found incompatible YAML document", "een YAML-versie die niet wordt ondersteund"},
    {"found duplicate %YAML directive", "de %YAML-regel staat twee keer in het bestand"},
    {"found duplicate %TAG directive", "een %TAG-regel staat twee keer in het bestand"},
    {"found unknown directive name", "onbekende regel die met '%' begint"},
    {"found unexpected end of plain scalar", "de waarde houdt onverwacht op"},
    {"found invalid Unicode character escape code", "ongeldige \\u- of \\U-code"},
    {"did not find expected hexdecimal number", "verwachtte een hexadecimaal getal na '\\x', '\\u' of '\\U'"},
    {"found a tab character where an indentation space is expected",
     "een tab in het inspringen; gebruik spaties"},
    {"exceeded maximum nesting depth", "de structuur is te diep genest"},
};

static const char *dutch_problem(const char *en)
{
    for (size_t i = 0; i < sizeof yaml_problems / sizeof *yaml_problems; i++)
        if (en && strstr(en, yaml_problems[i].en))
            return yaml_problems[i].nl;
    return NULL;
}

/* Reads the whole file; only a regular file is accepted, and only up to
 * MAX_FILE_BYTES. Returns the bytes (caller frees) or NULL with a
 * diagnostic. */
static unsigned char *read_input(const char *path, size_t *len, diag_list *diags)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        diag_input(diags, path, 0, 0, NULL, "kan het bestand niet openen: %s",
                   diag_errno_text(errno));
        return NULL;
    }
    struct stat st;
    const char *kind = NULL;
    if (fstat(fd, &st)) {
        diag_input(diags, path, 0, 0, NULL, "kan het bestand niet lezen: %s",
                   diag_errno_text(errno));
        close(fd);
        return NULL;
    }
    if (S_ISDIR(st.st_mode))
        kind = "een map";
    else if (S_ISFIFO(st.st_mode))
        kind = "een pipe (FIFO)";
    else if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))
        kind = "een apparaat";
    else if (S_ISSOCK(st.st_mode))
        kind = "een socket";
    if (kind) {
        diag_input(diags, path, 0, 0, "Geef het pad van een YAML-bestand.",
                   "dit is %s, geen gewoon bestand", kind);
        close(fd);
        return NULL;
    }
    if (st.st_size > MAX_FILE_BYTES) {
        diag_input(diags, path, 0, 0, NULL, "het bestand is groter dan %ld MB",
                   MAX_FILE_BYTES >> 20);
        close(fd);
        return NULL;
    }
    size_t cap = (size_t)st.st_size + 1, n = 0;
    unsigned char *buf = malloc(cap);
    int err = buf ? 0 : ENOMEM;
    while (!err) {
        if (n == cap) {
            unsigned char *b = cap < MAX_FILE_BYTES ? realloc(buf, 2 * cap) : NULL;
            if (!b) {
                err = cap < MAX_FILE_BYTES ? ENOMEM : EFBIG;
                break;
            }
            buf = b;
            cap *= 2;
        }
        ssize_t r = read(fd, buf + n, cap - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            err = errno;
        else if (r == 0)
            break;
        else
            n += (size_t)r;
    }
    close(fd);
    if (err == EFBIG) {
        diag_input(diags, path, 0, 0, NULL, "het bestand is groter dan %ld MB",
                   MAX_FILE_BYTES >> 20);
    } else if (err) {
        diag_add(diags, DIAG_ERROR, err == ENOMEM ? DIAG_SYSTEM : DIAG_INPUT, path, 0, 0, NULL,
                 "kan het bestand niet lezen: %s", diag_errno_text(err));
    }
    if (err) {
        free(buf);
        return NULL;
    }
    *len = n;
    return buf;
}

/* Reports libyaml's failure at its position, in Dutch. */
static void report_parser(const yaml_parser_t *parser, const char *path, diag_list *diags)
{
    yaml_mark_t m = parser->problem_offset || parser->problem_mark.line ||
                            parser->problem_mark.column
                        ? parser->problem_mark
                        : parser->context_mark;
    const char *nl = dutch_problem(parser->problem);
    char *hint = NULL;
    /* libyaml marks where it gave up; where the construct began (an
     * unclosed quote, say) is often what needs changing. */
    if (parser->context && parser->context_mark.line != m.line &&
        asprintf(&hint,
                 "Dit begon op regel %d, kolom %d; controleer daar het inspringen en de "
                 "aanhalingstekens.",
                 (int)parser->context_mark.line + 1, (int)parser->context_mark.column + 1) < 0)
        hint = NULL;
    const char *h =
        hint ? hint : "Controleer het inspringen en de aanhalingstekens op en vlak voor deze plek.";
    if (parser->error == YAML_MEMORY_ERROR)
        diag_system(diags, "onvoldoende geheugen bij het lezen van %s", path);
    else
        diag_input(diags, path, (int)m.line + 1, (int)m.column + 1, h, "ongeldige YAML: %s",
                   nl ? nl : "de opbouw van het bestand klopt hier niet");
    free(hint);
}

/* One pass over the events before the document is built: nesting depth
 * and the size of each mapping and list are bounded, and the first bound
 * crossed is reported where it is crossed. libyaml does the rest of its
 * work only on input within these bounds. Returns 0, or -1 reported. */
static int check_bounds(const unsigned char *buf, size_t len, const char *path, diag_list *diags)
{
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) {
        diag_system(diags, "onvoldoende geheugen voor de YAML-lezer");
        return -1;
    }
    yaml_parser_set_input_string(&parser, buf, len);
    size_t items[MAX_DEPTH + 1] = {0};
    int kinds[MAX_DEPTH + 1] = {0};
    int depth = 0, rc = 0;
    for (;;) {
        yaml_event_t e;
        if (!yaml_parser_parse(&parser, &e)) {
            report_parser(&parser, path, diags);
            rc = -1;
            break;
        }
        yaml_event_type_t t = e.type;
        yaml_mark_t m = e.start_mark;
        yaml_event_delete(&e);
        if (t == YAML_STREAM_END_EVENT)
            break;
        int node = t == YAML_SCALAR_EVENT || t == YAML_ALIAS_EVENT ||
                   t == YAML_SEQUENCE_START_EVENT || t == YAML_MAPPING_START_EVENT;
        /* A mapping holds a key and a value per item. */
        if (node && depth > 0 &&
            ++items[depth] > (kinds[depth] == YAML_MAPPING_START_EVENT ? 2 : 1) * MAX_ITEMS) {
            diag_input(diags, path, (int)m.line + 1, (int)m.column + 1,
                       "Splits de gegevens, of controleer of het bestand klopt.",
                       "meer dan %d elementen in één %s", MAX_ITEMS,
                       kinds[depth] == YAML_MAPPING_START_EVENT ? "mapping" : "lijst");
            rc = -1;
            break;
        }
        if (t == YAML_SEQUENCE_START_EVENT || t == YAML_MAPPING_START_EVENT) {
            if (depth == MAX_DEPTH) {
                diag_input(diags, path, (int)m.line + 1, (int)m.column + 1,
                           "Een model- of regiobestand is maar een paar niveaus diep; "
                           "controleer de haakjes en het inspringen.",
                           "de structuur is hier meer dan %d niveaus diep genest", MAX_DEPTH);
                rc = -1;
                break;
            }
            depth++;
            items[depth] = 0;
            kinds[depth] = t;
        } else if (t == YAML_SEQUENCE_END_EVENT || t == YAML_MAPPING_END_EVENT) {
            depth--;
        }
    }
    yaml_parser_delete(&parser);
    return rc;
}

int ydoc_load(ydoc *y, const char *path, arena *a, diag_list *diags)
{
    memset(y, 0, sizeof *y);
    y->arena = a;
    y->diags = diags;
    y->file = arena_strdup(a, path);
    if (!y->file) {
        diag_system(diags, "onvoldoende geheugen");
        return -1;
    }
    size_t len;
    unsigned char *buf = read_input(path, &len, diags);
    if (!buf)
        return -1;
    if (utf8_check(buf, len, path, diags) || check_bounds(buf, len, path, diags)) {
        free(buf);
        return -1;
    }
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) {
        free(buf);
        diag_system(diags, "onvoldoende geheugen voor de YAML-lezer");
        return -1;
    }
    yaml_parser_set_input_string(&parser, buf, len);
    int rc = -1;
    if (!yaml_parser_load(&parser, &y->doc)) {
        report_parser(&parser, path, diags);
    } else if (!yaml_document_get_root_node(&y->doc)) {
        yaml_document_delete(&y->doc);
        diag_input(diags, path, 1, 1, NULL, "het bestand is leeg");
    } else {
        y->loaded = 1;
        yaml_document_t extra;
        /* A second document would be silently ignored; say so instead. */
        if (yaml_parser_load(&parser, &extra)) {
            yaml_node_t *r = yaml_document_get_root_node(&extra);
            if (r) {
                diag_input(
                    diags, path, (int)r->start_mark.line + 1, (int)r->start_mark.column + 1,
                    "Verwijder de regel '---' en wat erna komt, of voeg de documenten samen.",
                    "het bestand bevat meer dan één YAML-document");
            } else {
                rc = 0;
            }
            yaml_document_delete(&extra);
        } else {
            rc = 0;
        }
    }
    yaml_parser_delete(&parser);
    free(buf);
    return rc;
}

void ydoc_free(ydoc *y)
{
    if (y->loaded)
        yaml_document_delete(&y->doc);
    y->loaded = 0;
}

yaml_node_t *ydoc_root(ydoc *y)
{
    return yaml_document_get_root_node(&y->doc);
}

src_pos ydoc_pos(const ydoc *y, const yaml_node_t *node)
{
    src_pos p = {y->file, 0, 0};
    if (node) {
        p.line = (int)node->start_mark.line + 1;
        p.column = (int)node->start_mark.column + 1;
    }
    return p;
}

void ydoc_error(ydoc *y, const yaml_node_t *node, const char *hint, const char *fmt, ...)
{
    src_pos p = ydoc_pos(y, node);
    va_list ap;
    va_start(ap, fmt);
    diag_vadd(y->diags, DIAG_ERROR, DIAG_INPUT, p.file, p.line, p.column, hint, fmt, ap);
    va_end(ap);
}

size_t ymap_size(const yaml_node_t *map)
{
    if (!map || map->type != YAML_MAPPING_NODE)
        return 0;
    return (size_t)(map->data.mapping.pairs.top - map->data.mapping.pairs.start);
}

yaml_node_t *ymap_key_at(ydoc *y, yaml_node_t *map, size_t i)
{
    return yaml_document_get_node(&y->doc, map->data.mapping.pairs.start[i].key);
}

yaml_node_t *ymap_value_at(ydoc *y, yaml_node_t *map, size_t i)
{
    return yaml_document_get_node(&y->doc, map->data.mapping.pairs.start[i].value);
}

size_t yseq_size(const yaml_node_t *seq)
{
    if (!seq || seq->type != YAML_SEQUENCE_NODE)
        return 0;
    return (size_t)(seq->data.sequence.items.top - seq->data.sequence.items.start);
}

yaml_node_t *yseq_at(ydoc *y, yaml_node_t *seq, size_t i)
{
    return yaml_document_get_node(&y->doc, seq->data.sequence.items.start[i]);
}

static const char *key_text(const yaml_node_t *k)
{
    return k && k->type == YAML_SCALAR_NODE ? (const char *)k->data.scalar.value : NULL;
}

/* A tag asks a YAML loader to construct something; we construct nothing,
 * so a tag other than the plain ones would be dropped without a word.
 * Say so instead: a value meant as text is written between quotes. */
static int unsupported_tag(ydoc *y, const yaml_node_t *node)
{
    static const char *const plain[] = {YAML_STR_TAG,  YAML_INT_TAG,  YAML_FLOAT_TAG,
                                        YAML_BOOL_TAG, YAML_NULL_TAG, YAML_TIMESTAMP_TAG,
                                        YAML_SEQ_TAG,  YAML_MAP_TAG,  NULL};
    const char *tag = (const char *)node->tag;
    for (const char *const *p = plain; tag && *p; p++)
        if (!strcmp(tag, *p))
            return 0;
    /* Show the tag as it was written: "!!binary", not its full name. */
    int core = tag && !strncmp(tag, "tag:yaml.org,2002:", 18);
    ydoc_error(y, node, "Zet de waarde tussen aanhalingstekens als de tekst zo bedoeld is.",
               "YAML-tag '%s%s' wordt niet gebruikt", core ? "!!" : "",
               tag ? tag + (core ? 18 : 0) : "?");
    return 1;
}

int ymap_check(ydoc *y, yaml_node_t *map, const char *const *known, const char *what)
{
    if (map && unsupported_tag(y, map))
        return -1;
    if (!map || map->type != YAML_MAPPING_NODE) {
        ydoc_error(y, map, "Schrijf hier sleutels met een waarde, zoals 'naam: ...'.",
                   "%s moet een mapping (sleutel: waarde) zijn", what);
        return -1;
    }
    int problems = 0;
    size_t n = ymap_size(map);
    name_set seen = name_set_new(n);
    for (size_t i = 0; i < n; i++) {
        yaml_node_t *k = ymap_key_at(y, map, i);
        const char *name = key_text(k);
        if (!name) {
            ydoc_error(y, k, NULL, "een sleutel in %s moet een tekst zijn", what);
            problems++;
            continue;
        }
        const char *const *kn = known;
        while (*kn && strcmp(*kn, name))
            kn++;
        if (!*kn) {
            /* Past DIAG_MAX the message is only counted: spare the search. */
            const char *best = NULL;
            if (y->diags->count < DIAG_MAX) {
                suggest s;
                suggest_start(&s, name);
                for (kn = known; *kn; kn++)
                    suggest_offer(&s, *kn);
                best = suggest_result(&s);
            }
            char *hint = NULL;
            if (best && asprintf(&hint, "Bedoelde u '%s'?", best) < 0)
                hint = NULL;
            ydoc_error(y, k, hint, "onbekende sleutel '%s' in %s", name, what);
            free(hint);
            problems++;
        }
        if (name_set_seen(&seen, name)) {
            ydoc_error(y, k, "Verwijder een van de twee.", "de sleutel '%s' staat twee keer in %s",
                       name, what);
            problems++;
        }
    }
    name_set_free(&seen);
    return problems;
}

yaml_node_t *ymap_get(ydoc *y, yaml_node_t *map, const char *key)
{
    size_t n = ymap_size(map);
    for (size_t i = 0; i < n; i++) {
        const char *name = key_text(ymap_key_at(y, map, i));
        if (name && !strcmp(name, key))
            return ymap_value_at(y, map, i);
    }
    return NULL;
}

yaml_node_t *ymap_key_of(ydoc *y, yaml_node_t *map, yaml_node_t *value)
{
    size_t n = ymap_size(map);
    for (size_t i = 0; i < n; i++)
        if (ymap_value_at(y, map, i) == value)
            return ymap_key_at(y, map, i);
    return NULL;
}

/* Characters XML 1.0 does not allow (most C0 controls, U+FFFE, U+FFFF);
 * libyaml already rejects invalid UTF-8 and raw controls in plain text,
 * but double-quoted escapes such as "\x01" still produce them. */
static int has_forbidden_char(const unsigned char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (s[i] < 0x20 && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
            return 1;
        if (s[i] == 0xEF && i + 2 < len && s[i + 1] == 0xBF &&
            (s[i + 2] == 0xBE || s[i + 2] == 0xBF))
            return 1;
    }
    return 0;
}

char *yscalar(ydoc *y, yaml_node_t *node, const char *what, int nonempty)
{
    if (!node || node->type != YAML_SCALAR_NODE) {
        ydoc_error(y, node, NULL, "%s moet een tekst of getal zijn, geen %s", what,
                   node && node->type == YAML_SEQUENCE_NODE ? "lijst" : "mapping");
        return NULL;
    }
    if (unsupported_tag(y, node))
        return NULL;
    const unsigned char *v = node->data.scalar.value;
    size_t len = node->data.scalar.length;
    if (memchr(v, '\0', len) || has_forbidden_char(v, len)) {
        ydoc_error(y, node, "Verwijder het stuurteken (bijvoorbeeld een \\x-escape).",
                   "%s bevat een teken dat niet in een document mag staan", what);
        return NULL;
    }
    if (nonempty) {
        size_t i = 0;
        while (i < len && (v[i] == ' ' || v[i] == '\t' || v[i] == '\n' || v[i] == '\r'))
            i++;
        if (i == len) {
            ydoc_error(y, node, NULL, "%s is leeg", what);
            return NULL;
        }
    }
    char *s = arena_strndup(y->arena, (const char *)v, len);
    if (!s)
        diag_system(y->diags, "onvoldoende geheugen");
    return s;
}

char *ymap_text(ydoc *y, yaml_node_t *map, const char *key, int required, const char *what)
{
    yaml_node_t *v = ymap_get(y, map, key);
    if (!v) {
        if (required)
            ydoc_error(y, map, NULL, "'%s' ontbreekt in %s", key, what);
        return NULL;
    }
    char *label;
    if (asprintf(&label, "'%s' in %s", key, what) < 0) {
        y->diags->lost = 1;
        return NULL;
    }
    char *s = yscalar(y, v, label, 1);
    free(label);
    return s;
}

int yscalar_empty(const yaml_node_t *node)
{
    if (!node || node->type != YAML_SCALAR_NODE)
        return 0;
    const unsigned char *v = node->data.scalar.value;
    size_t len = node->data.scalar.length;
    return strspn((const char *)v, " \t\r\n") >= len;
}

char *ymap_text_open(ydoc *y, yaml_node_t *map, const char *key, const char *what, src_pos *open)
{
    yaml_node_t *v = ymap_get(y, map, key);
    open->file = NULL;
    if (!v || yscalar_empty(v)) {
        *open = ydoc_pos(y, v ? v : map);
        return NULL;
    }
    return ymap_text(y, map, key, 0, what);
}

int ymap_bool(ydoc *y, yaml_node_t *map, const char *key, int dflt)
{
    yaml_node_t *v = ymap_get(y, map, key);
    if (!v)
        return dflt;
    const char *t = v->type == YAML_SCALAR_NODE ? (const char *)v->data.scalar.value : "";
    if (!strcmp(t, "ja"))
        return 1;
    if (!strcmp(t, "nee"))
        return 0;
    ydoc_error(y, v, "Schrijf 'ja' of 'nee'.", "'%s' moet ja of nee zijn", key);
    return dflt;
}

int yseq_check(ydoc *y, yaml_node_t *node, const char *what)
{
    if (node && unsupported_tag(y, node))
        return -1;
    if (node && node->type == YAML_SEQUENCE_NODE)
        return 0;
    ydoc_error(y, node, "Schrijf elk element op een eigen regel, beginnend met '- '.",
               "%s moet een lijst zijn", what);
    return -1;
}
