"""Regional text reads as Markdown: a blank line begins a new paragraph of
the lid or onderdeel it stands in, a single line break is a space, in
literal (|), folded (>) and plain YAML alike. Checked in what Word and
LibreOffice read (python3-docx, odfpy, pandoc), against the schemas, by
`verifieer`, and in a redline whose only change is a second paragraph
(accepted and rejected by our reader and by LibreOffice). A blank line
where the model's sentence runs on after the regional text is an input
error at the regional text.

Run from the repository root: /usr/bin/python3 tests/functional/test_paragraphs.py
"""

from odf.text import P

from common import *  # noqa: F401,F403 - the shared test vocabulary
from tracked import *  # noqa: F401,F403 - reading tracked changes

VOORBEELD = os.path.join(ROOT, "regions", "voorbeeld.yaml")

# spot -> (YAML as written, first paragraph, second paragraph, style of
# the second). Every style of scalar, the file's lines wrapped by hand.
SPOTS = {
    "regionale_accenten": (
        "|\n"
        "    Binnen dit doel besteden de Deelnemers bijzondere aandacht\n"
        "    aan jongeren die dreigen af te glijden.\n"
        "\n"
        "    Daarnaast gaat de aandacht uit naar personen\n"
        "    met verward gedrag.\n",
        "Binnen dit doel besteden de Deelnemers bijzondere aandacht aan jongeren die "
        "dreigen af te glijden.",
        "Daarnaast gaat de aandacht uit naar personen met verward gedrag.",
        "Lid vervolg"),
    "stuurgroep_samenstelling": (
        ">\n"
        "    De gemeenten Buren en West Betuwe laten zich\n"
        "    vertegenwoordigen door de burgemeester van Culemborg.\n"
        "\n"
        "    Een plaatsvervanger komt uit\n"
        "    dezelfde gemeente.\n",
        "De gemeenten Buren en West Betuwe laten zich vertegenwoordigen door de "
        "burgemeester van Culemborg.",
        "Een plaatsvervanger komt uit dezelfde gemeente.",
        "Lid vervolg"),
    "breder_netwerk": (
        "Tweemaal per jaar wordt het Regionaal Netwerk\n"
        "    Zorg en Veiligheid Rivierenland gefaciliteerd.\n"
        "\n"
        "    Ook woningcorporaties en onderwijs\n"
        "    nemen daaraan deel.\n",
        "Tweemaal per jaar wordt het Regionaal Netwerk Zorg en Veiligheid Rivierenland "
        "gefaciliteerd.",
        "Ook woningcorporaties en onderwijs nemen daaraan deel.",
        "Lid vervolg"),
    # An overweging: an onderdeel, so its second paragraph is indented
    # as an onderdeel's text.
    "samenwerking_historie": (
        "|\n"
        "    de gemeenten en ketenpartners sinds 2010\n"
        "    samenwerken in het Veiligheidshuis Tiel;\n"
        "\n"
        "    die samenwerking in 2016 is uitgebreid\n"
        "    tot Zorg- en Veiligheidshuis;\n",
        "de gemeenten en ketenpartners sinds 2010 samenwerken in het Veiligheidshuis Tiel;",
        "die samenwerking in 2016 is uitgebreid tot Zorg- en Veiligheidshuis;",
        "Onderdeel vervolg"),
}


def with_texts(src, name, texts):
    """A copy of region src in which each spot's entry under
    regionale_tekst (its key line and the lines indented under it) is
    replaced by the YAML given for it."""
    with open(src, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for spot, yaml_text in texts.items():
        start = lines.index(next(l for l in lines if l.startswith(f"  {spot}:")))
        end = start + 1
        while end < len(lines) and (lines[end].startswith("    ") or not lines[end].strip()):
            end += 1
        lines[start:end] = (f"  {spot}: " + yaml_text).rstrip("\n").split("\n")
    path = os.path.join(TMP, name + ".yaml")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    return path


REGION = with_texts(VOORBEELD, "alineas", {k: v[0] for k, v in SPOTS.items()})
# The same words with the blank lines gone: one paragraph per spot.
ONE = with_texts(VOORBEELD, "een-alinea", {k: v[0].replace("\n\n", "\n")
                                           for k, v in SPOTS.items()})
# Only the second paragraph of one lid changed.
CHANGED = with_texts(VOORBEELD, "tweede-gewijzigd", {
    **{k: v[0] for k, v in SPOTS.items()},
    "regionale_accenten": SPOTS["regionale_accenten"][0].replace(
        "met verward gedrag.", "met verward gedrag en hun naasten.")})

files = generate(REGION, os.path.join(TMP, "alineas"))


def body_text(paragraph):
    """A paragraph's text without its label and tab."""
    return paragraph.split("\t", 1)[-1]


@test
def docx_has_each_paragraph_as_a_w_p_and_no_line_breaks():
    d = docx.Document(files["docx"])
    paras = d.paragraphs
    for spot, (_, first, second, style) in SPOTS.items():
        i = next((i for i, p in enumerate(paras) if body_text(p.text) == first), None)
        assert i is not None, f"{spot}: geen alinea '{first}'"
        assert paras[i + 1].text == second, (spot, paras[i + 1].text)
        assert paras[i + 1].style.name == style, (spot, paras[i + 1].style.name)
        # The first paragraph keeps its number or letter; the second has none.
        assert "\t" in paras[i].text and "\t" not in paras[i + 1].text, spot
    with zipfile.ZipFile(files["docx"]) as z:
        body = z.read("word/document.xml").decode()
    assert "<w:br" not in body and "<w:cr" not in body


@test
def odt_has_each_paragraph_as_a_text_p_and_no_line_breaks():
    doc = opendocument.load(files["odt"])
    paras = [teletype.extractText(p) for p in doc.text.getElementsByType(P)]
    styles = [p.getAttribute("stylename") for p in doc.text.getElementsByType(P)]
    for spot, (_, first, second, style) in SPOTS.items():
        i = next((i for i, p in enumerate(paras) if body_text(p) == first), None)
        assert i is not None, f"{spot}: geen alinea '{first}'"
        assert paras[i + 1] == second, (spot, paras[i + 1])
        assert styles[i + 1] == style.replace(" ", "_20_"), (spot, styles[i + 1])
    content = odt_member(files["odt"], "content.xml").decode()
    assert "text:line-break" not in content


@test
def pandoc_reads_two_paragraphs_in_every_format():
    for fmt, path in (("markdown", files["md"]), ("odt", files["odt"]), ("docx", files["docx"])):
        paras = [" ".join(p.split()) for p in pandoc_text(path, fmt).split("\n\n")]
        for spot, (_, first, second, _) in SPOTS.items():
            hits = [i for i, p in enumerate(paras) if p.endswith(first)]
            assert len(hits) == 1, (fmt, spot, hits)
            assert paras[hits[0] + 1] == second, (fmt, spot, paras[hits[0] + 1])
        # The file's wrapping is a space, never a line break of the text.
        raw = pandoc_text(path, fmt)
        for _, first, second, _ in SPOTS.values():
            assert first in raw and second in raw, (fmt, first)


@test
def documents_are_valid_odf_and_ecma_376():
    check_odf_schema(files["odt"], "alineas-odf")
    check_docx_schema(files["docx"], "alineas-ooxml")


def fingerprint(path):
    with zipfile.ZipFile(path) as z:
        props = z.read("docProps/custom.xml").decode()
    return re.search(r'name="Vingerafdruk"[^>]*>\s*<vt:lpwstr>([0-9a-f]{64})<', props).group(1)


@test
def the_fingerprint_is_that_of_the_words_not_of_the_paragraphs():
    # A paragraph boundary is white space to the fingerprint, as the line
    # break was: splitting a lid in two keeps the text's fingerprint.
    one = generate(ONE, os.path.join(TMP, "een-alinea"), formats="docx")
    assert fingerprint(one["docx"]) == fingerprint(files["docx"])


@test
def verifieer_accepts_the_documents_and_names_an_edited_second_paragraph():
    for fmt in ("odt", "docx"):
        p = run("verifieer", files[fmt])
        assert p.returncode == 0, p.stdout + p.stderr
    d = docx.Document(files["docx"])
    second = SPOTS["stuurgroep_samenstelling"][2]
    target = next(p for p in d.paragraphs if p.text == second)
    target.runs[0].text = target.runs[0].text.replace("dezelfde", "een andere")
    edited = os.path.join(TMP, "alineas-bewerkt.docx")
    d.save(edited)
    p = run("verifieer", edited)
    assert p.returncode == 1, p.stdout + p.stderr
    changed = [l for l in p.stdout.splitlines() if l.strip().startswith("gewijzigd:")]
    # The article by its number and id: the Stuurgroep's.
    assert len(changed) == 1 and re.search(r"Artikel \d+ \(stuurgroep\)", changed[0]), p.stdout


@test
def the_pdf_has_the_two_paragraphs():
    out = generate(REGION, os.path.join(TMP, "alineas-pdf"), formats="pdf")
    text = subprocess.run(["pdftotext", "-layout", out["pdf"], "-"], capture_output=True,
                          text=True).stdout
    lines = [" ".join(l.split()) for l in text.splitlines()]
    for _, first, second, _ in SPOTS.values():
        # The second paragraph starts a line of its own, its first words
        # on it (a wrapped line could not start there).
        start = " ".join(second.split()[:3])
        assert any(l.startswith(start) for l in lines), (start, text[:2000])


# name -> {"oud"|"nieuw"|"redline": {"odt": path, "docx": path}}: a second
# paragraph changed, and a second paragraph added to each spot.
REDLINES = {}


def redline_pair(name, older, newer):
    d = os.path.join(TMP, "vergelijk", name)
    pair = {"oud": generate(older, os.path.join(d, "oud"), formats="odt,docx"),
            "nieuw": generate(newer, os.path.join(d, "nieuw"), formats="odt,docx")}
    p = run("vergelijk", older, newer, "-o", os.path.join(d, "redline"))
    assert p.returncode == 1, p.stdout + p.stderr
    pair["redline"] = {f: os.path.join(d, "redline", "vergelijking." + f)
                       for f in ("odt", "docx")}
    REDLINES[name] = pair
    return p


@test
def vergelijk_marks_only_the_changed_second_paragraph():
    p = redline_pair("tweede-gewijzigd", REGION, CHANGED)
    redline_pair("alinea-erbij", ONE, REGION)
    docx_redline = REDLINES["tweede-gewijzigd"]["redline"]["docx"]
    # The report: one regional text changed, in the lid it stands in.
    assert "1 × regionale tekst gewijzigd" in p.stdout, p.stdout
    line = next(l for l in p.stdout.splitlines() if "regionale_accenten" in l)
    assert re.search(r"\(lid \d+\): Daarnaast gaat de aandacht uit naar personen met verward "
                     r"gedrag\{\+ en hun naasten\+\}\.$", line), line
    # In the DOCX the change is inside the second paragraph alone.
    with zipfile.ZipFile(docx_redline) as z:
        root = ET.fromstring(z.read("word/document.xml"))
    changed = [p for p in root.iter(W + "p")
               if p.find(f".//{W}ins") is not None or p.find(f".//{W}del") is not None]
    assert len(changed) == 1, len(changed)
    style = changed[0].find(f"{W}pPr/{W}pStyle").get(W + "val")
    assert style == "LidVervolg", style


@test
def a_paragraph_more_or_less_is_a_changed_regional_text_in_the_report():
    for older, newer, mark in ((ONE, REGION, "{+"), (REGION, ONE, "[-")):
        p = run("vergelijk", older, newer)
        assert p.returncode == 1, p.stdout + p.stderr
        for spot, (_, _, second, _) in SPOTS.items():
            lines = [l.strip() for l in p.stdout.splitlines() if f"`{spot}`" in l]
            assert lines and all(l.startswith("regionale tekst gewijzigd") for l in lines), lines
            assert any(mark + second in l for l in lines), lines


@test
def the_redlines_accept_to_the_newer_and_reject_to_the_older():
    for name, s in REDLINES.items():
        assert_round_trip(s["redline"]["docx"], s["oud"]["docx"], s["nieuw"]["docx"],
                          docx_paragraphs)
        assert_round_trip(s["redline"]["odt"], s["oud"]["odt"], s["nieuw"]["odt"],
                          odt_paragraphs)
        check_odf_schema(s["redline"]["odt"], f"{name}-odf")
        check_docx_schema(s["redline"]["docx"], f"{name}-ooxml")


@test
def libreoffice_accepts_and_rejects_the_redlines_to_the_two_sides():
    with LibreOffice() as lo:
        for name, s in REDLINES.items():
            for fmt in ("odt", "docx"):
                changes, accepted = lo.paragraphs(s["redline"][fmt], "Accept")
                assert changes > 0, (name, fmt)
                _, rejected = lo.paragraphs(s["redline"][fmt], "Reject")
                _, newer = lo.paragraphs(s["nieuw"][fmt])
                _, older = lo.paragraphs(s["oud"][fmt])
                assert accepted == newer, f"{name} {fmt} accept: {first_difference(accepted, newer)}"
                assert rejected == older, f"{name} {fmt} reject: {first_difference(rejected, older)}"


@test
def every_spot_of_the_national_model_takes_a_second_paragraph():
    # No spot of the model stands inside a sentence, so regions/README.md
    # may say that a blank line works everywhere: alles.yaml keeps every
    # optional article, and so every spot.
    spots = [s["id"] for s in load_yaml(MODEL)["regionaal"]]
    with open(os.path.join(ROOT, "regions", "alles.yaml"), encoding="utf-8") as f:
        text = f.read()
    text = text[:text.index("\nregionale_tekst:")] + "\nregionale_tekst:\n" + "".join(
        f"  {s}: |\n    Eerste alinea bij {s};\n\n    tweede alinea bij {s};\n" for s in spots)
    path = os.path.join(TMP, "elke-plek.yaml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    out = generate(path, os.path.join(TMP, "elke-plek"), formats="docx")
    paras = [p.text for p in docx.Document(out["docx"]).paragraphs]
    for s in spots:
        i = next(i for i, p in enumerate(paras) if p.endswith(f"Eerste alinea bij {s};"))
        assert paras[i + 1].startswith(f"tweede alinea bij {s};"), (s, paras[i + 1])


@test
def the_example_region_shows_two_paragraphs_in_one_lid():
    out = generate(VOORBEELD, os.path.join(TMP, "voorbeeld"), formats="docx")
    paras = docx.Document(out["docx"]).paragraphs
    second = next(p for p in paras if p.text == "De overige Deelnemers dragen bij in natura.")
    assert second.style.name == "Lid vervolg", second.style.name


def mini_with(name, model_edit, region_text):
    """The test model with one edit, and the test region with its
    regional text as given; returns both paths."""
    with open(MINI_MODEL, encoding="utf-8") as f:
        model = f.read()
    assert model.count(model_edit[0]) == 1, model_edit[0]
    model_path = os.path.join(TMP, name + "-model.yaml")
    with open(model_path, "w", encoding="utf-8") as f:
        f.write(model.replace(*model_edit))
    region_path = with_texts(MINI_REGION, name + "-regio", {"historie": region_text})
    return model_path, region_path


@test
def a_blank_line_where_the_models_sentence_runs_on_is_an_input_error():
    model_path, region_path = mini_with(
        "midden", ('- tekst: "{{regio:historie}}"', '- tekst: "in {{regio:historie}} en zo;"'),
        "|\n    sinds 2009\n\n    samen\n")
    with open(region_path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    line = next(i for i, l in enumerate(lines) if l.startswith("  historie:")) + 1
    column = lines[line - 1].index("|") + 1
    out = os.path.join(TMP, "midden-uit")
    for args in (["controleer", region_path], ["genereer", region_path, "-o", out]):
        p = run(*args, "--model", model_path)
        assert p.returncode == 2, p.stdout + p.stderr
        assert (f"{region_path}:{line}:{column}: fout: regionale tekst 'historie' staat "
                "midden in een zin" in p.stderr), p.stderr
        assert "zonder witregel" in p.stderr, p.stderr
    assert not os.path.exists(out) or not os.listdir(out)
    # Without the blank line the sentence runs on through the text.
    _, region_path = mini_with(
        "midden-goed", ('- tekst: "{{regio:historie}}"', '- tekst: "in {{regio:historie}} en zo;"'),
        "|\n    sinds 2009\n    samen\n")
    p = run("genereer", region_path, "--model", model_path, "-o", os.path.join(TMP, "goed"),
            "--formaat", "md")
    assert p.returncode == 0, p.stderr
    md = open(os.path.join(TMP, "goed", next(f for f in os.listdir(os.path.join(TMP, "goed"))
                                              if f.endswith(".md"))), encoding="utf-8").read()
    assert "in _sinds 2009 samen_ en zo" in md, md


summary()
