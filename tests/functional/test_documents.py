"""Functional tests of the documents, the messages and the commands that
existed first: generation, the model check, init, install.

Run from the repository root: /usr/bin/python3 tests/functional/test_documents.py
"""

from common import *  # noqa: F401,F403 - the shared test vocabulary

# ---------------------------------------------------------------- documents

generated = {}  # region path -> {format: path}


def all_regions():
    return [(r, None) for r in REGIONS] + [(MINI_REGION, MINI_MODEL)]


@test
def every_region_generates_three_formats():
    assert len(REGIONS) >= 3, "verwacht ten minste drie voorbeeldregio's"
    for i, (region, model) in enumerate(all_regions()):
        files = generate(region, os.path.join(TMP, f"gen{i}"), model)
        assert set(files) == {"odt", "docx", "md", "json"}, files
        generated[region] = files


@test
def odt_is_valid_odf_1_3():
    for i, files in enumerate(generated.values()):
        check_odf_schema(files["odt"], f"odf{i}")
        assert b'office:version="1.3"' in odt_member(files["odt"], "content.xml")


@test
def docx_is_valid_ecma_376():
    for i, files in enumerate(generated.values()):
        check_docx_schema(files["docx"], f"ooxml{i}")


@test
def odt_and_docx_declare_dutch_and_a4():
    for files in generated.values():
        styles = odt_member(files["odt"], "styles.xml").decode()
        assert 'fo:language="nl"' in styles and 'fo:country="NL"' in styles
        assert 'fo:page-width="21cm"' in styles or 'fo:page-width="210mm"' in styles
        d = docx.Document(files["docx"])
        sec = d.sections[0]
        assert abs(sec.page_width.mm - 210) < 1 and abs(sec.page_height.mm - 297) < 1
        assert d.core_properties.language == "nl-NL"
        with zipfile.ZipFile(files["docx"]) as z:
            assert 'w:val="nl-NL"' in z.read("word/styles.xml").decode()


@test
def documents_carry_title_and_model_version():
    for region, files in generated.items():
        model = load_yaml(MINI_MODEL if region == MINI_REGION else MODEL)
        version = model["model"]["versie"]
        props = docx.Document(files["docx"]).core_properties
        assert props.title, "DOCX zonder titel"
        assert version in (props.keywords or "") + (props.comments or "")
        meta = odt_member(files["odt"], "meta.xml").decode()
        assert f"<dc:title>{escape(props.title)}</dc:title>" in meta
        assert version in meta



@test
def every_kept_article_in_order_in_every_reader():
    for region, files in generated.items():
        model = MINI_MODEL if region == MINI_REGION else MODEL
        kept, dropped = expected_articles(model, region)
        assert odt_headings(files["odt"], 2)[: len(kept) + 1], "ODT zonder artikelkoppen"
        assert [h for h in odt_headings(files["odt"], 2) if h.startswith("Artikel")] == kept
        assert [h for h in docx_headings(files["docx"], "Heading 2")
                if h.startswith("Artikel")] == kept
        for fmt, path in [("odt", files["odt"]), ("docx", files["docx"]),
                          ("markdown", files["md"])]:
            text = pandoc_text(path, fmt)
            assert_in_order(kept, text, f"{os.path.basename(region)} via pandoc {fmt}")
            for title in dropped:
                assert not re.search(rf"Artikel \d+ {re.escape(title)}\n", text), \
                    f"weggelaten artikel '{title}' staat in {path}"
            assert "{{" not in text.replace("{{veld:zvh_naam}}", ""), "onopgeloste opmaak"


@test
def libreoffice_converts_both_formats_to_pdf():
    out = os.path.join(TMP, "pdf")
    docs = [f[k] for f in generated.values() for k in ("odt", "docx")]
    # Copies with unique names: several regions may share a file name.
    srcs = []
    for i, d in enumerate(docs):
        dst = os.path.join(TMP, "lo", f"{i}-{os.path.basename(d)}")
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        shutil.copy(d, dst)
        srcs.append(dst)
    for pdf in soffice_convert_all(srcs, "pdf", out):
        text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True,
                              text=True).stdout
        assert "Artikel 1" in text and "Ondertekening" in text, f"{pdf} mist tekst"


@test
def values_are_printed_literally():
    src = open(MINI_REGION, encoding="utf-8").read()
    # Lines that Markdown would read as a list or a heading.
    src = src.replace("    Sinds 2009 <samen> & verder.\n",
                      "    Sinds 2009 <samen> & verder.\n    2010. Uitbreiding met - en + tekens;\n"
                      "    - geen lijst\n    # geen kop\n")
    path = os.path.join(TMP, "letterlijk.yaml")
    open(path, "w", encoding="utf-8").write(src)
    files = generate(path, os.path.join(TMP, "letterlijk"), MINI_MODEL)
    for fmt, path in [("odt", files["odt"]), ("docx", files["docx"]),
                      ("markdown", files["md"])]:
        text = pandoc_text(path, fmt)
        for literal in ["Stichting {{veld:zvh_naam}} [[Deelnemer]]", "!!str <b>B</b>",
                        "Sinds 2009 <samen> & verder.", "2010. Uitbreiding met - en + tekens;",
                        "- geen lijst", "# geen kop"]:
            assert literal in text.replace("\n", " ") or literal in text, \
                f"'{literal}' niet letterlijk in {fmt}"
        assert "\\" not in text, f"een escape is zichtbaar gebleven in {fmt}"


# ---------------------------------------------------- dropping and numbering

def mini_variant(name, **choices):
    """A copy of the mini region with other optional-article choices."""
    r = open(MINI_REGION, encoding="utf-8").read()
    for art, keep in choices.items():
        r = re.sub(rf"(\n  {art}:) \w+", rf"\1 {keep}", r)
    path = os.path.join(TMP, f"{name}.yaml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(r)
    return path


def texts_of(files):
    return {fmt: pandoc_text(files[k], fmt)
            for fmt, k in [("odt", "odt"), ("docx", "docx"), ("markdown", "md")]}


@test
def dropping_an_article_renumbers_and_updates_references():
    full = texts_of(generated[MINI_REGION])
    less = texts_of(generate(mini_variant("zonder-extra", extra="nee"),
                             os.path.join(TMP, "zonder-extra"), MINI_MODEL))
    for fmt in full:
        a, b = full[fmt], less[fmt]
        assert "Artikel 3 De Stuurgroep" in a and "Artikel 2 De Stuurgroep" in b, fmt
        assert "Extra overleg" not in b, fmt
        # Every reference follows the article to its new number.
        # A reference's number stays with its word on the line (U+00A0).
        assert f"Stuurgroep: het overleg van artikel{NBSP}3." in a
        assert f"Stuurgroep: het overleg van artikel{NBSP}2." in b
        assert f"zie artikel{NBSP}3, tweede lid en bijlage{NBSP}1" in a
        assert f"zie artikel{NBSP}2, tweede lid en bijlage{NBSP}1" in b
        assert f"Zie ook artikel{NBSP}3, tweede lid, onder a." in a
        assert f"Zie ook artikel{NBSP}2, tweede lid, onder a." in b
        assert f"geldt artikel{NBSP}4." in a and f"geldt artikel{NBSP}3." in b


@test
def dropping_regionale_diensten_removes_definition_lid_and_annex():
    t = texts_of(generate(mini_variant("zonder-diensten", diensten="nee"),
                          os.path.join(TMP, "zonder-diensten"), MINI_MODEL))
    for fmt, text in t.items():
        assert "Regionale Dienst" not in text, fmt
        assert "Bijlage 2" not in text and "Bijlage 1 Lijst van Deelnemers" in text, fmt
        assert "Artikel 4 Duur" in text, fmt


@test
def large_region_with_many_deelnemers_and_long_text():
    src = open(MINI_REGION, encoding="utf-8").read()
    members = "".join(
        f"  - naam: \"Gemeente Dorp-{i} & Súdwest <{i}>\"\n    soort: stichting\n"
        f"    ondertekenaar:\n      naam: P. {i}\n      functie: wethouder\n"
        for i in range(400))
    long_text = "Samen & veilig <regio>. " * 12000  # about 290 KB
    src = src.replace("deelnemers:\n", "deelnemers:\n" + members, 1)
    src = src.replace("    Sinds 2009 <samen> & verder.", "    " + long_text, 1)
    path = os.path.join(TMP, "groot.yaml")
    open(path, "w", encoding="utf-8").write(src)
    files = generate(path, os.path.join(TMP, "groot"), MINI_MODEL)
    check_odf_schema(files["odt"], "groot-odf")
    d = docx.Document(files["docx"])
    signers = [p.text for p in d.paragraphs if p.text.startswith("Namens ")]
    assert len(signers) == 402, len(signers)
    assert signers[0] == "Namens Gemeente Dorp-0 & Súdwest <0>", signers[0]
    assert signers[399] == "Namens Gemeente Dorp-399 & Súdwest <399>", signers[399]
    text = pandoc_text(files["odt"], "odt")
    assert text.count("Samen & veilig <regio>.") == 12000


@test
def references_read_as_dutch_legal_text():
    by_name = {os.path.basename(r): f for r, f in generated.items()}
    text = open(by_name["voorbeeld.yaml"]["md"], encoding="utf-8").read()
    assert "de instemming, bedoeld in het derde lid." in text
    # Several onderdelen of one lid in one reference.
    assert f"bedoeld in artikel{NBSP}13, tweede lid, onder b en c, en op" in text
    text = open(by_name["alles.yaml"]["md"], encoding="utf-8").read()
    assert "voldaan aan de voorwaarden van het tweede lid." in text


# ------------------------------------------------------ determinism, safety

@test
def same_input_gives_identical_bytes_in_any_time_zone():
    a = generate(MINI_REGION, os.path.join(TMP, "det-a"), MINI_MODEL)
    b = generate(MINI_REGION, os.path.join(TMP, "det-b"), MINI_MODEL,
                 env={"TZ": "Pacific/Kiritimati"})
    for fmt in a:
        assert open(a[fmt], "rb").read() == open(b[fmt], "rb").read(), fmt
    for region in REGIONS:
        c = generate(region, os.path.join(TMP, "det-c"))
        for fmt, path in c.items():
            assert open(path, "rb").read() == open(generated[region][fmt], "rb").read()
        shutil.rmtree(os.path.join(TMP, "det-c"))


@test
def source_date_epoch_sets_the_zip_dates():
    f = generate(MINI_REGION, os.path.join(TMP, "sde"), MINI_MODEL,
                 env={"SOURCE_DATE_EPOCH": "1735732800"})  # 2025-01-01 12:00 UTC
    for k in ("odt", "docx"):
        with zipfile.ZipFile(f[k]) as z:
            assert {i.date_time[:4] for i in z.infolist()} == {(2025, 1, 1, 12)}, k


@test
def failed_run_leaves_earlier_documents_intact():
    out = os.path.join(TMP, "atomic")
    files = generate(MINI_REGION, out, MINI_MODEL)
    before = {k: open(v, "rb").read() for k, v in files.items()}
    bad = os.path.join(TMP, "kapot.yaml")
    with open(bad, "w", encoding="utf-8") as f:
        f.write(open(MINI_REGION, encoding="utf-8").read().replace("ingang: 2026-02-01",
                                                                   "ingang: 2026-02-30"))
    p = run("genereer", bad, "-o", out, "--model", MINI_MODEL)
    assert p.returncode == 2, p.returncode
    assert sorted(os.listdir(out)) == sorted(os.path.basename(v) for v in files.values())
    for k, v in files.items():
        assert open(v, "rb").read() == before[k], k


@test
def unwritable_output_is_a_system_error_and_writes_nothing():
    blocker = os.path.join(TMP, "geen-map")
    open(blocker, "w").close()
    p = run("genereer", MINI_REGION, "--model", MINI_MODEL, "-o",
            os.path.join(blocker, "sub"))
    assert p.returncode == 3, (p.returncode, p.stderr)
    assert "kan map" in p.stderr


# ------------------------------------------------------------- input errors

def mini_with(old, new):
    src = open(MINI_REGION, encoding="utf-8").read()
    assert old in src, old
    path = os.path.join(TMP, "fout.yaml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(src.replace(old, new, 1))
    return path


# (what to change in the mini region, expected line:column and message, hint)
ERRORS = [
    ("zvh_naam: Huis", "zvh_nam: Huis", "21:3: fout: onbekend veld 'zvh_nam'",
     "Bedoelde u 'zvh_naam'?"),
    ("  extra: ja", "  extr: ja", "18:3: fout: onbekend artikel 'extr'", "Bedoelde u 'extra'?"),
    ("  extra: ja", "  stuurgroep: nee",
     "18:3: fout: artikel 'stuurgroep' is niet optioneel en kan niet worden weggelaten", None),
    ("velden:\n", "velden:\n  vergaderingen: veel\n",
     "21:18: fout: 'veel' is geen geheel getal (veld 'vergaderingen')", None),
    ("velden:\n", "velden:\n  vergaderingen: 40\n",
     "21:18: fout: 40 ligt buiten de grenzen van veld 'vergaderingen': van 2 tot en met 12", None),
    ("velden:\n", "velden:\n  besluit: meerderheld\n",
     "21:12: fout: 'meerderheld' is geen keuze van veld 'besluit'", "Bedoelde u 'meerderheid'?"),
    ("ingang: 2026-02-01", "ingang: 2026-02-30",
     "22:11: fout: '2026-02-30' is geen geldige datum (veld 'ingang')", None),
    ("  gemeenten:\n", "  gemeenten: Gemeente Aa\n  oud:\n",
     "23:14: fout: veld 'gemeenten' verwacht een lijst", None),
    ("deelnemers:", "deelnemer:", "6:1: fout: onbekende sleutel 'deelnemer' in het regiobestand",
     "Bedoelde u 'deelnemers'?"),
    ("beheerorganisatie: Gemeente Aa", "beheerorganisatie: Gemeente Aaa",
     "2:20: fout: 'Gemeente Aaa' (veld 'beheerorganisatie') is geen van de Deelnemers",
     "Bedoelde u 'Gemeente Aa'?"),
    ("      functie: burgemeester", "      functie: [burgemeester",
     "12:9: fout: ongeldige YAML: verwachtte ',' of ']' in een lijst tussen [ ]",
     "Dit begon op regel 11, kolom 16"),
    ("    soort: gemeente", "   soort: gemeente",
     "8:4: fout: ongeldige YAML: verwachtte hier een lijstelement met '-'", None),
    ("      functie: directeur", '      functie: "direc\\x01teur"',
     "16:16: fout: 'functie' in 'ondertekenaar' bevat een teken dat niet in een document mag staan",
     None),
    ("regio: Testregio", "regio: !!binary Testregio",
     "1:8: fout: YAML-tag '!!binary' wordt niet gebruikt", "tussen aanhalingstekens"),
    ("  - naam: Gemeente Aa", "  - !!python/object:os.system\n    naam: Gemeente Aa",
     "7:5: fout: YAML-tag '!!python/object:os.system' wordt niet gebruikt", None),
]


@test
def every_input_error_class_is_reported_with_position_and_exit_2():
    for old, new, expected, hint in ERRORS:
        path = mini_with(old, new)
        p = run("genereer", path, "--model", MINI_MODEL, "-o", os.path.join(TMP, "nooit"))
        assert p.returncode == 2, f"{new!r}: exit {p.returncode}\n{p.stderr}"
        assert f"{path}:{expected}" in p.stderr, f"{new!r}: verwacht '{expected}' in:\n{p.stderr}"
        if hint:
            assert hint in p.stderr, f"{new!r}: verwacht hint '{hint}'"
        assert not os.path.exists(os.path.join(TMP, "nooit")), "schreef toch een document"


@test
def controleer_reports_every_problem_in_one_run():
    src = open(MINI_REGION, encoding="utf-8").read()
    src = src.replace("extra: ja", "extr: ja").replace("ingang: 2026-02-01", "ingang: morgen")
    src = src.replace("zvh_naam: Huis", "zvh_nam: Huis")
    # An unknown key at the top does not stop the checks of what follows.
    src = src.replace("ondertekening:", "ondertekenning: ja\nondertekening:")
    path = os.path.join(TMP, "veel-fouten.yaml")
    open(path, "w", encoding="utf-8").write(src)
    p = run("controleer", path, "--model", MINI_MODEL, "--definitief")
    assert p.returncode == 2
    lines = [l for l in p.stderr.splitlines() if ": fout: " in l]
    # unknown key, unknown article, unknown field, bad date, missing zvh_naam
    assert len(lines) == 5, p.stderr
    assert "onbekende sleutel 'ondertekenning'" in lines[0] and "onbekend veld 'zvh_nam'" in p.stderr
    assert [int(l.split(":")[1]) for l in lines] == sorted(int(l.split(":")[1]) for l in lines)


@test
def reference_into_a_dropped_article_is_an_error():
    model = open(MINI_MODEL, encoding="utf-8").read().replace(
        '"Als [[Regionale Diensten]] worden uitgevoerd, geldt {{art:diensten}}."\n'
        "            alleen_als: diensten",
        '"Zie voor overleg {{art:extra}}."')
    mpath = os.path.join(TMP, "losse-verwijzing.yaml")
    open(mpath, "w", encoding="utf-8").write(model)
    region = mini_variant("zonder-extra-2", extra="nee")
    p = run("genereer", region, "--model", mpath, "-o", os.path.join(TMP, "nooit2"))
    assert p.returncode == 2, p.stderr
    assert f"{region}:18:3: fout: artikel 'extra' wordt weggelaten, maar de tekst op {mpath}:" \
        in p.stderr, p.stderr
    # The model check sees the same problem for every region at once.
    p = run("controleer", "--model", mpath)
    assert p.returncode == 2 and "'{{art:extra}}' verwijst naar een optioneel artikel" in p.stderr, \
        p.stderr


# ------------------------------------------------------------------ the model

@test
def national_model_passes_the_model_check():
    p = run("controleer")
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip() == "model: in orde"


@test
def model_check_fails_on_a_broken_copy():
    src = open(MODEL, encoding="utf-8").read()
    first_term = re.search(r"\[\[([^\]]+)\]\]", src.split("delen:", 1)[1]).group(1)
    broken = src.replace(f"[[{first_term}]]", first_term)
    path = os.path.join(TMP, "kapot-model.yaml")
    open(path, "w", encoding="utf-8").write(broken)
    p = run("controleer", "--model", path)
    assert p.returncode == 2
    assert f"fout: begrip '{first_term}' staat zonder [[ ]] in de tekst" in p.stderr, p.stderr
    # A capitalised word that is neither a term nor a declared proper name.
    assert "de landelijke stuurgroep" in src
    open(path, "w", encoding="utf-8").write(src.replace("de landelijke stuurgroep",
                                                        "de Landelijke Stuurgroep", 1))
    p = run("controleer", "--model", path)
    assert p.returncode == 2
    assert "fout: 'Landelijke' staat met een hoofdletter midden in een zin" in p.stderr, p.stderr
    assert "fout: begrip 'Stuurgroep' staat zonder [[ ]] in de tekst" in p.stderr, p.stderr


@test
def model_lists_articles_per_part_and_annexes():
    p = run("model")
    assert p.returncode == 0, p.stderr
    parts = re.findall(r"^Deel ([A-F])  ", p.stdout, re.M)
    assert parts == list("ABCDEF"), parts
    articles = re.findall(r"^  artikel +(\d+) ", p.stdout, re.M)
    assert 30 <= len(articles) <= 45, len(articles)
    assert [int(a) for a in articles] == list(range(1, len(articles) + 1))
    assert p.stdout.count("[optioneel]") >= 5
    annexes = p.stdout.split("\nBijlagen\n", 1)[1]
    assert "geheimhouding" in annexes.lower() and "Deelnemers" in annexes


@test
def national_model_has_what_the_toelichting_describes():
    m = load_yaml(MODEL)
    types = {f["type"] for f in m["velden"]}
    assert types == {"tekst", "getal", "datum", "keuze", "organisaties", "lijst", "deelnemer"}, \
        types
    ids = {a["id"] for p in m["delen"] for a in p["artikelen"]}
    for must in ["definities", "stuurgroep", "pga-overleg", "datalekken", "regionale-diensten",
                 "geprioriteerde-casussen", "netwerkpartners", "stuurgroep-breder-netwerk",
                 "bureau-breder-netwerk"]:
        assert must in ids, must
    assert len(m.get("regionaal", [])) >= 3


# --------------------------------------------------------------- init, cli

@test
def init_gives_a_file_that_generates_once_required_values_are_filled():
    p = run("init", "--regio", "Zorg & Veiligheid 's-Hertogenbosch")
    assert p.returncode == 0, p.stderr
    starter = os.path.join(TMP, "nieuw.yaml")
    open(starter, "w", encoding="utf-8").write(p.stdout)
    q = run("controleer", starter, "--definitief")
    assert q.returncode == 2, "een leeg beginbestand is nog niet definitief"
    # Every Deelnemer its own name; fields of type deelnemer name the first.
    fill = {"tekst": "Gemeente Voorbeeld", "datum": "2026-03-01", "getal": "3",
            "deelnemer": "Deelnemer 1"}
    lines, members = [], 0
    for line in p.stdout.splitlines():
        m = re.match(r"^(\s*(?:- )?)([a-z_]+):\s+# VERPLICHT \((\w+)\)", line)
        if m and m.group(3) in ("organisaties", "lijst"):
            line = f"{m.group(1)}{m.group(2)}:\n{m.group(1)}  - Gemeente Voorbeeld"
        elif m and m.group(1) == "  - " and m.group(2) == "naam":
            members += 1
            line = f"  - naam: Deelnemer {members}"
        elif m:
            line = f"{m.group(1)}{m.group(2)}: {fill[m.group(3)]}"
        lines.append(line)
    open(starter, "w", encoding="utf-8").write("\n".join(lines) + "\n")
    files = generate(starter, os.path.join(TMP, "init-out"))
    assert set(files) == {"odt", "docx", "md", "json"}
    assert f"Zorg & Veiligheid 's{NBHY}Hertogenbosch" in pandoc_text(files["docx"], "docx")


@test
def help_and_usage_errors_are_dutch():
    p = run("--help")
    assert p.returncode == 0 and "Gebruik:" in p.stdout and "genereer" in p.stdout
    p = run("genereer")
    assert p.returncode == 2 and "verwacht een regiobestand of een map" in p.stderr
    p = run("maak")
    assert p.returncode == 2 and "onbekende opdracht 'maak'" in p.stderr
    p = run("genereer", MINI_REGION, "--formaat", "rtf", "--model", MINI_MODEL)
    assert p.returncode == 2 and "onbekend formaat 'rtf'" in p.stderr
    p = run("genereer", os.path.join(TMP, "bestaat-niet.yaml"))
    assert p.returncode == 2 and "kan het bestand niet openen" in p.stderr


@test
def install_puts_binary_model_and_man_page_in_place():
    prefix = os.path.join(TMP, "prefix")
    p = subprocess.run(["make", "-s", "install", f"PREFIX={prefix}"], cwd=ROOT,
                       capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    assert os.path.exists(os.path.join(prefix, "share", "man", "man1", "afspraken.1"))
    installed = os.path.join(prefix, "bin", "afspraken")
    # Run from elsewhere: the installed binary must find its own model.
    q = subprocess.run([installed, "model"], capture_output=True, text=True, cwd=TMP)
    assert q.returncode == 0 and "Deel A" in q.stdout, q.stderr


summary()
