"""Concept and definitief, and the signature page: a region with open
values still generates, as a concept with placeholders and a mark on every
page; --definitief refuses it, naming every open value; the signature page
lists every Deelnemer, each block on one page.

Run from the repository root: /usr/bin/python3 tests/functional/test_concept.py
"""

from common import *  # noqa: F401,F403 - the shared test vocabulary

PLACEHOLDER = re.compile(r"\[IN TE VULLEN: [^\]]+\]")


def write(name, text):
    path = os.path.join(TMP, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def mini(name, *edits):
    """The mini region with (old, new) replacements, each of which must apply."""
    src = open(MINI_REGION, encoding="utf-8").read()
    for old, new in edits:
        assert old in src, old
        src = src.replace(old, new, 1)
    return write(name, src)


def diagnostics(stderr, kind):
    return [l for l in stderr.splitlines() if f": {kind}: " in l]


def pdf_page_texts(docs, name):
    """LibreOffice's PDF of each document (copied under unique names, with a
    profile of our own), read back with pdftotext: per document its pages."""
    srcs = []
    for i, d in enumerate(docs):
        dst = os.path.join(TMP, name, f"{i}-{os.path.basename(d)}")
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        shutil.copy(d, dst)
        srcs.append(dst)
    pages = []
    for pdf in soffice_convert_all(srcs, "pdf", os.path.join(TMP, name + "-pdf")):
        text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
        pages.append([pg for pg in text.split("\f") if pg.strip()])
    return pages


def docx_parts(path):
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n).decode("utf-8") for n in z.namelist() if n.endswith((".xml", ".rels"))}


# (what is open, edits to the mini region, model edits or None, open values)
INCOMPLETE = [
    ("verplicht veld", [("  ingang: 2026-02-01\n", "")], None, 1),
    ("lege verplichte waarde", [("zvh_naam: Huis Súdwest-Fryslân", "zvh_naam:")], None, 1),
    ("Beheerorganisatie", [("beheerorganisatie: Gemeente Aa", "beheerorganisatie:")], None, 1),
    ("Deelnemer zonder ondertekenaar",
     [("    ondertekenaar:\n      naam: A. de Aa\n      functie: burgemeester\n", "")], None, 2),
    ("Deelnemer zonder naam", [("  - naam: Gemeente Aa\n", "  - naam:\n")], None, 1),
    ("verplichte regionale tekst", [("regionale_tekst:\n  historie: |\n    Sinds 2009 <samen> & verder.\n",
                                     "")],
     ("  - id: historie\n", "  - id: historie\n    verplicht: ja\n"), 1),
]


def model_with(edit):
    if not edit:
        return MINI_MODEL
    src = open(MINI_MODEL, encoding="utf-8").read()
    assert edit[0] in src, edit[0]
    return write("model-" + str(abs(hash(edit))) + ".yaml", src.replace(*edit, 1))


@test
def definitief_refuses_each_incomplete_case_with_one_message_per_open_value():
    every = []
    for i, (what, edits, model_edit, count) in enumerate(INCOMPLETE):
        region = mini(f"open{i}.yaml", *edits)
        model = model_with(model_edit)
        out = os.path.join(TMP, f"def{i}")
        p = run("genereer", region, "--model", model, "-o", out, "--definitief")
        assert p.returncode == 2, f"{what}: exit {p.returncode}\n{p.stderr}"
        errors = diagnostics(p.stderr, "fout")
        assert len(errors) == count, f"{what}: {count} verwacht\n{p.stderr}"
        assert all(re.match(rf"{re.escape(region)}:\d+:\d+: fout: ", l) for l in errors), p.stderr
        assert not os.path.exists(out), f"{what}: schreef toch iets"
        # The same region as a concept: written, one warning per open value.
        p = run("genereer", region, "--model", model, "-o", out)
        assert p.returncode == 0, f"{what}: concept exit {p.returncode}\n{p.stderr}"
        warnings = diagnostics(p.stderr, "waarschuwing")
        assert len(warnings) == count, f"{what}: concept\n{p.stderr}"
        assert [w.split(": waarschuwing: ")[1] for w in warnings] == \
            [e.split(": fout: ")[1] for e in errors], what
        d = docx.Document(os.path.join(out, "testregio-omstreken.docx"))
        assert PLACEHOLDER.search("\n".join(p.text for p in d.paragraphs)), \
            f"{what}: geen plek om in te vullen"
        if not model_edit:
            every += edits
    # All at once: every open value is reported in one run.
    src = open(MINI_REGION, encoding="utf-8").read()
    for old, new in every:
        src = src.replace(old, new, 1)
    p = run("genereer", write("alles-open.yaml", src), "--model", MINI_MODEL, "-o",
            os.path.join(TMP, "nooit"), "--definitief")
    assert p.returncode == 2
    expected = sum(c for _, _, m, c in INCOMPLETE if not m)
    assert len(diagnostics(p.stderr, "fout")) == expected, p.stderr


@test
def wrong_values_stay_input_errors_in_a_concept():
    for old, new in [("zvh_naam: Huis Súdwest-Fryslân", "zvh_naam: [a, b]"),
                     ("  ingang: 2026-02-01", "  ingang: 2026-02-31"),
                     ("deelnemers:", "deelnemerz:"),
                     ("velden:\n", "velden:\n  vergaderingen: 40\n")]:
        out = os.path.join(TMP, "fout-concept")
        p = run("genereer", mini("fout.yaml", (old, new)), "--model", MINI_MODEL, "-o", out)
        assert p.returncode == 2, f"{new}: exit {p.returncode}\n{p.stderr}"
        assert diagnostics(p.stderr, "fout"), p.stderr
        assert not os.path.exists(out)


starter_files = {}


@test
def concept_of_an_unfilled_init_file_shows_concept_and_placeholders():
    p = run("init", "--regio", "Noord-Veluwe")
    assert p.returncode == 0, p.stderr
    starter = write("leeg.yaml", p.stdout)
    out = os.path.join(TMP, "leeg")
    p = run("genereer", starter, "-o", out)
    assert p.returncode == 0, p.stderr
    warnings = diagnostics(p.stderr, "waarschuwing")
    assert len(warnings) >= 8, p.stderr
    files = {n.rsplit(".", 1)[1]: os.path.join(out, n) for n in os.listdir(out)
             if os.path.isfile(os.path.join(out, n))}
    starter_files.update(files)
    assert "naam van het Zorg- en Veiligheidshuis" in open(MODEL, encoding="utf-8").read()
    for fmt, key in [("docx", "docx"), ("odt", "odt"), ("markdown", "md")]:
        text = pandoc_text(files[key], fmt)
        assert "[IN TE VULLEN: naam van het Zorg- en Veiligheidshuis]" in text, fmt
        assert "[IN TE VULLEN: naam van de ondertekenaar]" in text, fmt
    md = open(files["md"], encoding="utf-8").read()
    assert md.startswith("**CONCEPT**\n"), md[:80]
    # python-docx: the mark in the page header, placeholders in their own style.
    d = docx.Document(files["docx"])
    assert [p.text for p in d.sections[0].header.paragraphs] == ["CONCEPT"]
    runs = [r for p in d.paragraphs for r in p.runs if PLACEHOLDER.fullmatch(r.text)]
    assert runs and {r.style.name for r in runs} == {"In te vullen"}
    assert d.styles["In te vullen"].font.highlight_color is not None
    # odfpy: the mark in the master page's header, placeholders in a highlighted style.
    styles = odt_member(files["odt"], "styles.xml").decode()
    assert re.search(r"<style:header><text:p [^>]*>CONCEPT</text:p></style:header>", styles)
    assert re.search(r'style:name="In_20_te_20_vullen"[^/]*/?>\s*<style:text-properties[^>]*'
                     r'fo:background-color="#ffff00"', styles), styles[-3000:]
    content = odt_member(files["odt"], "content.xml").decode()
    assert '<text:span text:style-name="In_20_te_20_vullen">[IN TE VULLEN: ' in content
    # Definitief: refused, every open value an error, nothing written.
    out2 = os.path.join(TMP, "leeg-def")
    q = run("genereer", starter, "-o", out2, "--definitief")
    assert q.returncode == 2
    assert len(diagnostics(q.stderr, "fout")) == len(warnings), q.stderr
    assert not os.path.exists(out2)
    q = run("controleer", starter)
    assert q.returncode == 0 and len(diagnostics(q.stderr, "waarschuwing")) == len(warnings)


@test
def concept_documents_pass_the_schemas_and_libreoffice_with_concept_on_every_page():
    check_odf_schema(starter_files["odt"], "concept-odf")
    check_docx_schema(starter_files["docx"], "concept-ooxml")
    keys = ("odt", "docx")
    for key, pages in zip(keys, pdf_page_texts([starter_files[k] for k in keys], "concept")):
        assert len(pages) > 5, len(pages)
        assert all("CONCEPT" in pg for pg in pages), f"{key}: een pagina zonder CONCEPT"


@test
def a_definitive_document_has_no_marks_and_no_colour():
    region = os.path.join(ROOT, "regions", "voorbeeld.yaml")
    concept = generate(region, os.path.join(TMP, "vb-concept"))
    p = run("genereer", region, "-o", os.path.join(TMP, "vb-def"), "--definitief")
    assert p.returncode == 0 and not p.stderr, p.stderr
    final = {n.rsplit(".", 1)[1]: os.path.join(TMP, "vb-def", n)
             for n in os.listdir(os.path.join(TMP, "vb-def"))
             if os.path.isfile(os.path.join(TMP, "vb-def", n))}
    for files, is_concept in [(concept, True), (final, False)]:
        parts = docx_parts(files["docx"])
        assert ("word/header1.xml" in parts) == is_concept
        regional = re.search(r'w:styleId="Regionaal">.*?</w:style>', parts["word/styles.xml"]).group(0)
        assert ("w:color" in regional) == is_concept, regional
        styles = odt_member(files["odt"], "styles.xml").decode()
        assert ("<style:header>" in styles) == is_concept
        regional = re.search(r'style:name="Regionaal"[^>]*?(?:/>|>.*?</style:style>)',
                             styles).group(0)
        assert ("fo:color" in regional) == is_concept, regional
        md = open(files["md"], encoding="utf-8").read()
        assert ("CONCEPT" in md) == is_concept
        for fmt, key in [("docx", "docx"), ("odt", "odt"), ("markdown", "md")]:
            assert "IN TE VULLEN" not in pandoc_text(files[key], fmt)
    check_odf_schema(final["odt"], "def-odf")
    check_docx_schema(final["docx"], "def-ooxml")


# ------------------------------------------------------ the signature page

def signature_blocks_docx(path):
    """Per block, the lines of the signature page as python-docx reads them."""
    d = docx.Document(path)
    blocks, block = [], None
    for p in d.paragraphs:
        # The lines' styles: "Ondertekening partij", "... regel", "... ruimte"
        # (the rule to sign on), "... naam", "... functie".
        if not p.style.name.startswith("Ondertekening "):
            continue
        if p.text.startswith("Namens "):
            block = []
            blocks.append(block)
        block.append((p.text, bool(p.paragraph_format.keep_with_next
                                   or p.style.paragraph_format.keep_with_next)))
    return blocks


@test
def signature_page_lists_every_deelnemer_in_order_in_every_reader():
    for region in REGIONS:
        names = [m["naam"] for m in load_yaml(region)["deelnemers"]]
        files = generate(region, os.path.join(TMP, "sig-" + os.path.basename(region)))
        blocks = signature_blocks_docx(files["docx"])
        assert [b[0][0] for b in blocks] == [typeset(f"Namens {n}") for n in names], region
        # Every line of a block keeps with the next but the last.
        for b in blocks:
            assert [k for _, k in b] == [True] * (len(b) - 1) + [False], b
        doc = opendocument.load(files["odt"])
        from odf.text import P
        parties = [teletype.extractText(p) for p in doc.getElementsByType(P)
                   if p.getAttribute("stylename") == "Ondertekening_20_partij"]
        assert parties == [typeset(f"Namens {n}") for n in names], region
        for fmt, key in [("odt", "odt"), ("markdown", "md")]:
            # pandoc's Markdown reader makes quotes typographic.
            text = pandoc_text(files[key], fmt).replace("\u2019", "'")
            page = text[text.rindex("Ondertekening"):]
            assert_in_order([typeset(f"Namens {n}") for n in names], page, f"{region} {fmt}")
            assert sum(page.count(typeset(f"Namens {n}")) for n in set(names)) == len(names)


@test
def each_deelnemer_signs_apart_unless_the_region_gives_one_place_and_date():
    region = mini("apart.yaml",
                  ("ondertekening:\n  plaats: \"'s-Hertogenbosch\"\n  datum: 2026-01-15\n", ""),
                  ("      functie: burgemeester\n",
                   "      functie: burgemeester\n      grondslag: krachtens mandaat van het college\n"))
    files = generate(region, os.path.join(TMP, "apart"), MINI_MODEL)
    blocks = signature_blocks_docx(files["docx"])
    assert len(blocks) == 2
    for b in blocks:
        lines = [t for t, _ in b]
        assert lines[1 if len(lines) == 6 else 2].startswith("Plaats:"), lines
        assert any(t.startswith("Datum:") for t in lines), lines
    assert [t for t, _ in blocks[0]][1] == "krachtens mandaat van het college"
    text = pandoc_text(files["odt"], "odt")
    assert "Door elke Deelnemer apart getekend." in text
    assert text.count("Plaats:") == 2 and text.count("Datum:") == 2
    # One place and date for all: no lines of their own.
    files = generate(MINI_REGION, os.path.join(TMP, "samen"), MINI_MODEL)
    text = pandoc_text(files["docx"], "docx")
    assert f"Getekend te 's{NBHY}Hertogenbosch op 15{NBSP}januari{NBSP}2026." in text
    assert "Plaats:" not in text and "Datum:" not in text


@test
def each_signature_block_stays_on_one_page_in_libreoffice():
    src = open(MINI_REGION, encoding="utf-8").read()
    members = "".join(
        f"  - naam: Gemeente Dorp-{i}\n    soort: gemeente\n    ondertekenaar:\n"
        f"      naam: P. Ondertekenaar-{i}\n      functie: burgemeester\n"
        f"      grondslag: krachtens mandaat van de raad van Dorp-{i}\n"
        for i in range(14))
    src = src.replace("deelnemers:\n", "deelnemers:\n" + members, 1)
    src = src.replace("ondertekening:\n  plaats: \"'s-Hertogenbosch\"\n  datum: 2026-01-15\n", "")
    files = generate(write("veel.yaml", src), os.path.join(TMP, "veel"), MINI_MODEL)
    keys = ("odt", "docx")
    for key, pages in zip(keys, pdf_page_texts([files[k] for k in keys], "veel")):
        sig_pages = [pg for pg in pages if "Namens Gemeente Dorp-" in pg]
        assert len(sig_pages) >= 2, f"{key}: de blokken passen niet op één pagina"
        for i in range(14):
            on = [pg for pg in pages if f"Namens Gemeente Dorp-{i}\n" in pg]
            assert len(on) == 1, f"{key}: Dorp-{i}"
            for line in (f"krachtens mandaat van de raad van Dorp-{i}", "Plaats:",
                         f"P. Ondertekenaar-{i}"):
                assert line in on[0].split(f"Namens Gemeente Dorp-{i}\n", 1)[1], \
                    f"{key}: blok van Dorp-{i} is gesplitst ({line})"


# ----------------------------------------------- geheimhoudingsverklaringen

def slug(name):
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def expected_declarations(region_path):
    """From the YAML files alone: a blank verklaring per verklaring annex
    the region keeps, and one per organisation of the annex's 'per' field."""
    m, r = load_yaml(MODEL), load_yaml(region_path)
    choices = r.get("optionele_artikelen") or {}
    values = r.get("velden") or {}
    out = {}
    for b in m["bijlagen"]:
        if b.get("verklaring") != "ja":
            continue
        cond = b.get("alleen_als")
        if cond and choices.get(cond, "ja") == "nee":
            continue
        out[f"{b['id']}-blanco"] = (b["titel"], None)
        for org in (values.get(b["per"]) or []) if b.get("per") else []:
            out[f"{b['id']}-{slug(org)}"] = (b["titel"], org)
    return out


def docx_text(path):
    return "\n".join(p.text for p in docx.Document(path).paragraphs)


declaration_files = []


@test
def genereer_writes_a_blank_verklaring_per_annex_and_one_per_netwerkpartner():
    region = os.path.join(ROOT, "regions", "voorbeeld.yaml")
    r = load_yaml(region)
    expected = expected_declarations(region)
    assert any(org for _, org in expected.values()), "voorbeeld.yaml noemt geen netwerkpartners"
    out = os.path.join(TMP, "verklaringen")
    p = run("genereer", region, "-o", out, "--definitief")
    assert p.returncode == 0, p.stderr
    folder = os.path.join(out, "verklaringen")
    names = sorted(os.listdir(folder))
    assert names == sorted(f"{n}.{e}" for n in expected for e in ("odt", "docx", "md")), names
    date = f"15{NBSP}januari{NBSP}2026" if r["ondertekening"]["datum"] == "2026-01-15" else None
    zvh, regio = typeset(r["velden"]["zvh_naam"]), typeset(r["regio"])
    for stem, (title, org) in expected.items():
        docx_path = os.path.join(folder, stem + ".docx")
        declaration_files.extend(os.path.join(folder, f"{stem}.{e}") for e in ("odt", "docx"))
        d = docx.Document(docx_path)
        assert d.core_properties.title == title
        text = docx_text(docx_path)
        # It names the agreement: title, region and date.
        head = "\n".join(p.text for p in d.paragraphs[:3])
        assert zvh in head and regio in head and (date is None or date in head), head
        lines = [re.sub(r"^\w+\.\t", "", l) for l in text.splitlines()]
        lines = [l for l in lines if l.startswith("organisatie")]
        assert len(lines) == 1, text
        if org:
            assert lines[0].endswith(": " + typeset(org)), lines
        else:
            assert lines[0].endswith("……………………………………"), lines
        for other in {o for _, o in expected.values() if o and o != org}:
            assert typeset(other) not in text
        # The other readers see the same document.
        # In the manifest beside the agreement, with a fingerprint of its own.
        manifest = next(os.path.join(out, n) for n in os.listdir(out) if n.endswith(".json"))
        q = run("verifieer", docx_path, "--manifest", manifest)
        assert q.returncode == 0, q.stdout + q.stderr
        for fmt, ext in [("odt", "odt"), ("markdown", "md")]:
            t = pandoc_text(os.path.join(folder, f"{stem}.{ext}"), fmt).replace("\u2019", "'")
            assert title in t and zvh in t, (stem, fmt)
            assert typeset(org or "……") in t, (stem, fmt)
            assert "CONCEPT" not in t and "IN TE VULLEN" not in t


@test
def verklaringen_pass_the_schemas_and_libreoffice():
    assert declaration_files
    for i, f in enumerate(declaration_files):
        if f.endswith(".odt"):
            check_odf_schema(f, f"verkl-odf{i}")
        else:
            check_docx_schema(f, f"verkl-ooxml{i}")
    for f, pages in zip(declaration_files, pdf_page_texts(declaration_files, "verkl")):
        text = "".join(pages)
        assert "geheimhoudingsverklaring" in text and "Behorend bij" in text, f


@test
def verklaring_writes_one_on_demand():
    region = os.path.join(ROOT, "regions", "voorbeeld.yaml")
    m = load_yaml(MODEL)
    titles = {b["id"]: b["titel"] for b in m["bijlagen"] if b.get("verklaring") == "ja"}
    plain = next(b["id"] for b in m["bijlagen"] if b.get("verklaring") == "ja" and not b.get("per"))
    out = os.path.join(TMP, "op-verzoek")
    p = run("verklaring", region, "--organisatie", "Veilig Thuis Gelderland-Zuid", "--naam",
            "J. Jansen", "--datum", "2026-03-04", "--kenmerk", "ZVH-2026-17", "-o", out,
            "--definitief")
    assert p.returncode == 0, p.stderr
    stem = f"{plain}-veilig-thuis-gelderland-zuid-j-jansen"
    assert sorted(os.listdir(out)) == [f"{stem}.{e}" for e in ("docx", "md", "odt")]
    text = docx_text(os.path.join(out, stem + ".docx"))
    assert docx.Document(os.path.join(out, stem + ".docx")).core_properties.title == titles[plain]
    for line in ["naam: J. Jansen", f"organisatie: Veilig Thuis Gelderland{NBHY}Zuid",
                 "functie: ……………………………………", f": 4{NBSP}maart{NBSP}2026", ": ZVH-2026-17"]:
        assert line in text, (line, text[:600])
    check_odf_schema(os.path.join(out, stem + ".odt"), "op-verzoek-odf")
    check_docx_schema(os.path.join(out, stem + ".docx"), "op-verzoek-ooxml")
    assert "J. Jansen" in pandoc_text(os.path.join(out, stem + ".odt"), "odt")
    # A listed netwerkpartner gets the netwerkpartner's verklaring.
    org = load_yaml(region)["velden"]["netwerkpartners"][0]
    p = run("verklaring", region, "--organisatie", org, "-o", out, "--formaat", "docx")
    assert p.returncode == 0, p.stderr
    made = [l.split(": ", 1)[1] for l in p.stdout.splitlines()]
    assert len(made) == 1 and made[0].endswith(f"-{slug(org)}.docx"), made
    assert docx.Document(made[0]).core_properties.title != titles[plain]
    # Without an organisation, or with a date that is none: exit 2, nothing written.
    for args in [[], ["--organisatie", "X", "--datum", "2026-02-30"]]:
        bad = os.path.join(TMP, "nooit-verklaring")
        p = run("verklaring", region, *args, "-o", bad)
        assert p.returncode == 2 and "fout" in p.stderr and not os.path.exists(bad), p.stderr


summary()
