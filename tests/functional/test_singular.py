"""Singular and plural by the number of Deelnemers ({{aantal:...}} in the
model): a region with one Deelnemer reads "De Deelnemer verleent", one with
several "De Deelnemers verlenen", and the plural is the text the model had
before it could count. The documents are read back with python-docx, pandoc
and the schemas, not with our own code."""

import re
import shutil

from common import *

ONE = os.path.join(ROOT, "tests", "data", "een-deelnemer.yaml")
TWO = os.path.join(ROOT, "tests", "data", "twee-deelnemers.yaml")

# "de (Publieke) Deelnemers" with a verb in the plural, as the model's
# sentences about the group put it.
PLURAL_VERBS = ("verlenen|staan|hebben|kunnen|treffen|zorgen|stellen|evalueren|wijzen|"
                "vervangen|passen|beoordelen|sluiten|zien|laten|informeren|hanteren|zijn|"
                "willen|verzamelen|stemmen|behouden|die partij zijn")
GROUP_PLURAL = re.compile(r"\b[Dd]e (?:Publieke )?Deelnemers (?:%s)\b" % PLURAL_VERBS)

# A count with two wordings, each of which may hold {{...}} markup.
WORDING = r"((?:[^{}|]|\{\{[^{}]*\}\})*)"
COUNT = re.compile(r"\{\{aantal:(\w+)\|" + WORDING + r"\|" + WORDING + r"\}\}")


def docx_text(path):
    """Paragraph by paragraph, as Word reads the document."""
    return "\n".join(p.text for p in docx.Document(path).paragraphs)


def generated(region, name):
    out = os.path.join(TMP, name)
    p = run("genereer", region, "-o", out, "--formaat", "odt,docx,md")
    assert p.returncode == 0, p.stderr
    files = {n.rsplit(".", 1)[1]: os.path.join(out, n) for n in os.listdir(out)
             if os.path.isfile(os.path.join(out, n))}
    return p, files, out


def only_wording(model_text, which):
    """The model with every count replaced by its wording for one
    (which=2) or for more (which=3)."""
    return COUNT.sub(lambda m: m.group(which), model_text)


@test
def one_deelnemer_reads_in_the_singular():
    p, files, _ = generated(ONE, "een")
    assert "waarschuwing:" in p.stderr, "one Deelnemer leaves statutory Deelnemers missing"
    text = docx_text(files["docx"])
    for s in ("De ondergetekende:",
              "hierna te noemen: de Deelnemer;",
              "komt het volgende overeen:",
              "De Deelnemer verleent de Beheerorganisatie volmacht om namens hem, binnen de "
              "begroting",
              "De Publieke Deelnemer verleent haar daarnaast volmacht om namens hem de "
              "verwerkersovereenkomsten",
              "De Deelnemer staat in bijlage 3, met het lid van artikel 2.27 van de WGS waarop "
              "zijn deelname berust.",
              "De Publieke Deelnemer beoordeelt of een aangemelde Casus",
              "Hij is gezamenlijk verwerkingsverantwoordelijke",
              "Managementoverleg: het overleg van leidinggevenden van de Deelnemer,",
              "Stuurgroep: het bestuurlijk overleg van de Deelnemer,",
              "De Deelnemer heeft een Stuurgroep ingesteld.",
              "De Deelnemer zorgt ervoor dat een inbreuk",
              "nadat hij of het Bureau daarvan kennis heeft gekregen",
              "De Deelnemer die partij is bij deze afspraken, is:"):
        assert typeset(s) in text, f"not in the singular: {s!r}"
    # Where the model counts, no plural is left: only sentences about some
    # Deelnemers in a casus, or about several parties, keep "Deelnemers".
    left = GROUP_PLURAL.findall(text)
    assert not left, left
    for s in ("De Deelnemers verlenen", "ondergetekenden", "gezamenlijk te noemen",
              "komen het volgende overeen", "volmacht om namens hen"):
        assert s not in text, s
    assert "de betrokken Deelnemers" in text, "a subset in a casus stays plural"


@test
def one_deelnemer_documents_are_valid():
    _, files, out = generated(ONE, "een-schema")
    check_docx_schema(files["docx"], "een Deelnemer")
    check_odf_schema(files["odt"], "een Deelnemer")
    # pandoc reads the ODT to the same singular text as the DOCX.
    odt = pandoc_text(files["odt"], "odt")
    assert "De Deelnemer verleent de Beheerorganisatie volmacht" in odt
    assert not GROUP_PLURAL.findall(odt)
    # The verklaringen, documents of their own, count the same way.
    folder = os.path.join(out, "verklaringen")
    decls = [os.path.join(folder, n) for n in sorted(os.listdir(folder)) if n.endswith(".docx")]
    assert decls, "no verklaringen written"
    for d in decls:
        t = docx_text(d)
        assert "namens de Publieke Deelnemer:" in t, d
        assert "Publieke Deelnemers" not in t, d
        check_docx_schema(d, os.path.basename(d))


@test
def counts_of_all_and_of_each_lid_are_apart():
    # Two Deelnemers: one of the eerste lid, one of the tweede.
    _, files, _ = generated(TWO, "twee")
    text = docx_text(files["docx"])
    assert "De Deelnemers verlenen de Beheerorganisatie volmacht om namens hen," in text
    assert "De Publieke Deelnemer verleent haar daarnaast volmacht om namens hem" in text
    assert ("De Private Deelnemer neemt deel aan de behandeling van een Casus wanneer de "
            "Publieke Deelnemer hem daarbij betrekt. De Private Deelnemer verstrekt") in text
    assert "De Private Deelnemer is geen gezamenlijke verwerkingsverantwoordelijke" in text
    assert "hierna gezamenlijk te noemen: de Deelnemers" in text
    assert "De ondergetekenden:" in text


@test
def several_deelnemers_read_in_the_plural():
    _, files, _ = generated(os.path.join(ROOT, "regions", "voorbeeld.yaml"), "voorbeeld")
    text = docx_text(files["docx"])
    assert "De Deelnemers verlenen de Beheerorganisatie volmacht om namens hen," in text
    assert "De Publieke Deelnemers verlenen haar daarnaast volmacht om namens hen" in text
    assert "De Deelnemer verleent" not in text and "De Publieke Deelnemer beoordeelt" not in text
    assert "De Private Deelnemers nemen deel" in text


@test
def plural_is_the_text_without_counts():
    """Every example region reads word for word as with a model whose
    counts are replaced by their plural: counting changed nothing for a
    region with several Deelnemers."""
    with open(MODEL, encoding="utf-8") as f:
        src = f.read()
    counts = COUNT.findall(src)
    assert len(counts) > 80, len(counts)
    assert {c[0] for c in counts} == {"deelnemers", "deelnemers_eerste_lid",
                                      "deelnemers_tweede_lid"}
    plural = os.path.join(TMP, "meervoud.yaml")
    with open(plural, "w", encoding="utf-8") as f:
        f.write(only_wording(src, 3))
    for region in REGIONS:
        name = os.path.basename(region)[:-5]
        a = generate(region, os.path.join(TMP, "met-" + name), formats="docx")
        b = generate(region, os.path.join(TMP, "zonder-" + name), model=plural, formats="docx")
        assert pandoc_text(a["docx"], "docx") == pandoc_text(b["docx"], "docx"), region


def bad_model(old, new):
    with open(MODEL, encoding="utf-8") as f:
        src = f.read()
    assert old in src, old
    path = os.path.join(TMP, "fout-model.yaml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(src.replace(old, new, 1))
    line = src[:src.index(old)].count("\n") + 1
    return path, line


@test
def model_check_reports_a_bad_count_at_its_place():
    intro = '"{{aantal:deelnemers|De ondergetekende:|De ondergetekenden:}}"'
    for new, message in (
            ('"{{aantal:leden|De ondergetekende:|De ondergetekenden:}}"',
             "onbekende teller 'leden' in {{aantal:...}}"),
            ('"{{aantal:deelnemers|De ondergetekende:}}"',
             "{{aantal:deelnemers|...}} heeft 1 tekst; er horen er twee te staan"),
            ('"{{aantal:deelnemers}}"',
             "'{{aantal:deelnemers}}' noemt geen tekst bij één en bij meer")):
        path, line = bad_model(intro, new)
        # "  inleiding: " precedes the quote; the markup starts one further.
        where = f"{path}:{line}:15: fout: {message}"
        p = run("controleer", "--model", path, ONE)
        assert p.returncode == 2, (p.returncode, p.stderr)
        assert where in p.stderr, p.stderr
        out = os.path.join(TMP, "niets")
        shutil.rmtree(out, ignore_errors=True)
        p = run("genereer", ONE, "--model", path, "-o", out)
        assert p.returncode == 2, p.stderr
        assert not os.path.exists(out) or not os.listdir(out), "written despite the error"


summary()
