/* The afspraken command: reads the arguments and dispatches to a command
 * (cmd_*.c). Each command has one row in the table below, with its usage
 * text, so a new command is one file and one row. */
#include <malloc.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "markup.h"

typedef struct {
    const char *name;
    int (*run)(const options *);
    int takes_files; /* 0: a file argument is a usage error */
    const char *usage; /* lines for --help */
} command;

static const command commands[] = {
    {"genereer", cmd_generate, 1,
     "  afspraken genereer REGIO.yaml|MAP ... [-o MAP] [--formaat odt,docx,md,pdf] [--definitief]\n"
     "      Maakt de documenten van een regio, standaard in out/<regio>/. Met\n"
     "      meer bestanden of een map: elke regio in een eigen map onder -o\n"
     "      (standaard out/); een regio met fouten wordt overgeslagen. Zonder\n"
     "      --definitief een concept, met CONCEPT op elke pagina en\n"
     "      [IN TE VULLEN: ...] waar nog een waarde ontbreekt (een waarschuwing\n"
     "      per open plek); met --definitief weigert het zolang er iets open is.\n"
     "      Naast de documenten een manifest (<regio>.manifest.json) met hun\n"
     "      SHA-256 en vingerafdrukken. PDF alleen op verzoek, via LibreOffice.\n"},
    {"verifieer", cmd_verify, 1,
     "  afspraken verifieer DOCUMENT [--manifest MANIFEST.json]\n"
     "      Controleert of de tekst van een ODT of DOCX de gegenereerde tekst is\n"
     "      (0) of gewijzigd (1), en noemt de gewijzigde artikelen; met --manifest\n"
     "      ook de bytes van het bestand (elk formaat, ook PDF).\n"},
    {"verklaring", cmd_declaration, 1,
     "  afspraken verklaring REGIO.yaml --organisatie NAAM [--naam NAAM] [--functie F]\n"
     "                       [--datum JJJJ-MM-DD] [--kenmerk K] [-o MAP] [--formaat ...]\n"
     "      Schrijft een geheimhoudingsverklaring voor een organisatie (en persoon),\n"
     "      standaard in out/<regio>/verklaringen/; wat niet is opgegeven blijft\n"
     "      een lijn om met de hand in te vullen.\n"},
    {"controleer", cmd_check, 1,
     "  afspraken controleer [REGIO.yaml|MAP ...] [--definitief]\n"
     "      Controleert het model en de regiobestanden en meldt elk probleem;\n"
     "      schrijft niets. Open plekken zijn waarschuwingen, met --definitief fouten.\n"},
    {"vergelijk", cmd_compare, 1,
     "  afspraken vergelijk REGIO.yaml [--formaat tekst|md|json] [-o MAP]\n"
     "  afspraken vergelijk OUD.yaml NIEUW.yaml [...]\n"
     "  afspraken vergelijk REGIO.yaml --model-oud A.yaml --model-nieuw B.yaml [...]\n"
     "      Vergelijkt per artikel: een regio met de tekst van het model, twee\n"
     "      regiobestanden, of een regio onder twee versies van het model (met\n"
     "      wat de coördinator in het regiobestand moet aanpassen). Het verslag\n"
     "      gaat naar de uitvoer; met -o ook MAP/vergelijking.odt en .docx met\n"
     "      bijgehouden wijzigingen. Afsluitcode 0: gelijk, 1: verschillen.\n"},
    {"model", cmd_model, 0,
     "  afspraken model\n"
     "      Toont de delen, artikelen (welke optioneel zijn en waarom), velden,\n"
     "      plekken voor regionale tekst en bijlagen van het model.\n"},
    {"init", cmd_init, 0,
     "  afspraken init [--regio NAAM]\n"
     "      Schrijft een beginbestand voor een nieuwe regio naar de uitvoer.\n"},
    {"schema", cmd_schema, 0,
     "  afspraken schema\n"
     "      Schrijft het JSON-schema van regiobestanden voor dit model naar de\n"
     "      uitvoer, voor aanvulling en controle in de editor.\n"},
};
#define N_COMMANDS (sizeof commands / sizeof *commands)

/* Options that take a value, and where main stores it. */
static const struct {
    const char *flag, *alias;
    size_t offset;
} value_options[] = {
    {"--model", NULL, offsetof(options, model_path)},
    {"-o", "--uitvoer", offsetof(options, out_dir)},
    {"--formaat", NULL, offsetof(options, formats)},
    {"--regio", NULL, offsetof(options, region_name)},
    {"--model-oud", NULL, offsetof(options, model_old)},
    {"--model-nieuw", NULL, offsetof(options, model_new)},
    {"--manifest", NULL, offsetof(options, manifest_path)},
    {"--organisatie", NULL, offsetof(options, organisation)},
    {"--naam", NULL, offsetof(options, person)},
    {"--functie", NULL, offsetof(options, function)},
    {"--datum", NULL, offsetof(options, date)},
    {"--kenmerk", NULL, offsetof(options, reference)},
};
#define N_VALUE_OPTIONS (sizeof value_options / sizeof *value_options)

/* Options without a value: main sets the int to 1. */
static const struct {
    const char *flag;
    size_t offset;
} flag_options[] = {
    {"--definitief", offsetof(options, definitive)},
};
#define N_FLAG_OPTIONS (sizeof flag_options / sizeof *flag_options)

static const char options_usage[] =
    "\n"
    "Opties:\n"
    "  -o, --uitvoer MAP   map voor de documenten (genereer, vergelijk)\n"
    "  --formaat LIJST     welke van odt, docx, md en pdf (genereer; standaard\n"
    "                      odt, docx en md);\n"
    "                      tekst, md of json (vergelijk; standaard tekst)\n"
    "  --model-oud BESTAND, --model-nieuw BESTAND\n"
    "                      twee versies van het model (vergelijk)\n"
    "  --regio NAAM        naam van de nieuwe regio (init)\n"
    "  --definitief        geen concept: weigert zolang er een waarde open is\n"
    "                      (genereer, verklaring, controleer)\n"
    "  --manifest BESTAND  het manifest van genereer (verifieer)\n"
    "  --organisatie NAAM, --naam NAAM, --functie F, --datum JJJJ-MM-DD, --kenmerk K\n"
    "                      wat een verklaring al invult (verklaring)\n"
    "  --model BESTAND     ander modelbestand dan het geïnstalleerde\n"
    "  -h, --help          deze hulp\n"
    "  --version           versie van afspraken\n"
    "\n"
    "Afsluitcodes: 0 goed, 1 verschillen (vergelijk) of tekst gewijzigd\n"
    "(verifieer), 2 fout in de invoer, 3 fout in het systeem.\n";

static void print_usage(FILE *out)
{
    fputs("afspraken - Bestuurlijke Afspraken voor een Zorg- en Veiligheidshuis\n\nGebruik:\n",
          out);
    for (size_t i = 0; i < N_COMMANDS; i++)
        fputs(commands[i].usage, out);
    fputs(options_usage, out);
}

static const char **value_slot(options *o, const char *arg)
{
    for (size_t i = 0; i < N_VALUE_OPTIONS; i++)
        if (!strcmp(arg, value_options[i].flag) ||
            (value_options[i].alias && !strcmp(arg, value_options[i].alias)))
            return (const char **)((char *)o + value_options[i].offset);
    return NULL;
}

static int *flag_slot(options *o, const char *arg)
{
    for (size_t i = 0; i < N_FLAG_OPTIONS; i++)
        if (!strcmp(arg, flag_options[i].flag))
            return (int *)((char *)o + flag_options[i].offset);
    return NULL;
}

static int parse_and_run(options *o, int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int *flag = flag_slot(o, a);
        if (flag) {
            *flag = 1;
            continue;
        }
        if (!strcmp(a, "-h") || !strcmp(a, "--help") || !strcmp(a, "help")) {
            print_usage(stdout);
            return EXIT_OK;
        }
        if (!strcmp(a, "--version")) {
            printf("afspraken %s\n", AFSPRAKEN_VERSION);
            return EXIT_OK;
        }
        const char **value = value_slot(o, a);
        if (value) {
            if (++i == argc)
                return cli_usage_error("'%s' verwacht een waarde", a);
            if (!*argv[i])
                return cli_usage_error("'%s' verwacht een waarde, geen lege tekst", a);
            *value = argv[i];
        } else if (a[0] == '-' && a[1]) {
            return cli_usage_error("onbekende optie '%s'", a);
        } else if (!o->command) {
            o->command = a;
        } else {
            o->files[o->n_files++] = a;
        }
    }
    if (!o->command) {
        print_usage(stderr);
        return EXIT_INPUT;
    }
    for (size_t i = 0; i < N_COMMANDS; i++) {
        if (strcmp(o->command, commands[i].name))
            continue;
        if (o->n_files && !commands[i].takes_files) {
            fprintf(stderr, "afspraken: fout: %s verwacht geen bestanden\n"
                            "Zie 'afspraken --help'.\n", commands[i].name);
            return EXIT_INPUT;
        }
        return commands[i].run(o);
    }
    fprintf(stderr, "afspraken: fout: onbekende opdracht '%s'; kies", o->command);
    for (size_t i = 0; i < N_COMMANDS; i++)
        fprintf(stderr, "%s %s", i == 0 ? "" : i + 1 < N_COMMANDS ? "," : " of", commands[i].name);
    fputs("\nZie 'afspraken --help'.\n", stderr);
    return EXIT_INPUT;
}

int main(int argc, char **argv)
{
    /* One short run: keep freed memory instead of returning it to the
     * kernel and faulting it in again for the next zip member. */
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
    mallopt(M_MMAP_THRESHOLD, 64 << 20);
    options o = {0};
    o.files = calloc((size_t)argc, sizeof *o.files);
    if (!o.files)
        return EXIT_SYSTEM;
    int rc = parse_and_run(&o, argc, argv);
    free(o.files);
    markup_done();
    return rc;
}
