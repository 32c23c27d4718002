"""Deelnemers as the WGS names them and Dutch legislative drafting, read
back from the generated documents by pandoc and python-docx (readers we did
not write): soorten and their checks, the warnings, numbers in words with
their unit.

Run from the repository root: /usr/bin/python3 tests/functional/test_drafting.py
"""

from common import *  # noqa: F401,F403 - the shared test vocabulary

VOORBEELD = os.path.join(ROOT, "regions", "voorbeeld.yaml")


def flat(text):
    """Pandoc wraps lines; phrases are searched across the wrap."""
    return re.sub(r"\s+", " ", text)


def pos(src, needle):
    """'line:column' (1-based, in characters) of the first needle in src."""
    i = src.index(needle)
    line = src.count("\n", 0, i) + 1
    return f"{line}:{i - (src.rfind(chr(10), 0, i) + 1) + 1}"


counter = [0]


def variant(edits, base=VOORBEELD):
    """A copy of a region file with each (old, new) edit applied once;
    returns its path and text."""
    src = open(base, encoding="utf-8").read()
    for old, new in edits:
        assert old in src, old
        src = src.replace(old, new, 1)
    counter[0] += 1
    path = os.path.join(TMP, f"variant-{counter[0]}.yaml")
    open(path, "w", encoding="utf-8").write(src)
    return path, src


def texts(files):
    return {fmt: flat(pandoc_text(files[k], fmt))
            for k, fmt in [("odt", "odt"), ("docx", "docx"), ("md", "markdown")]}


COLLEGE_TIEL = """  - naam: het college van burgemeester en wethouders van Culemborg
    soort: college
    gemeente: Culemborg
    ondertekenaar:
      naam: A. Bakkali
      functie: burgemeester
"""

# --------------------------------------------------------- input errors

# (edits, the text whose position the message names, message, hint)
ERRORS = [
    ([("soort: politie", "soort: polite")], "polite",
     "fout: onbekende soort Deelnemer 'polite'", "Bedoelde u 'politie'?"),
    ([("beheerorganisatie: het college van burgemeester en wethouders van Tiel",
       "beheerorganisatie: Reclassering Nederland")], "Reclassering Nederland\n",
     "fout: veld 'beheerorganisatie' vraagt een openbare Deelnemer (eerste lid), maar "
     "'Reclassering Nederland' is van soort 'reclassering' (tweede lid)", "eerste lid"),
    ([("coordinerend_fg: het college van burgemeester en wethouders van Tiel",
       "coordinerend_fg: het college van burgemeester en wethouders van Tie")],
     "het college van burgemeester en wethouders van Tie\n",
     "fout: 'het college van burgemeester en wethouders van Tie' (veld 'coordinerend_fg') "
     "is geen van de Deelnemers",
     "Bedoelde u 'het college van burgemeester en wethouders van Tiel'?"),
    ([("contactpunt: het college van burgemeester en wethouders van Tiel",
       "contactpunt: Veilig Thuis Gelderland-Zuid")],
     "Veilig Thuis Gelderland-Zuid\n  contactpunt_bereikbaar",
     "fout: veld 'contactpunt' vraagt een openbare Deelnemer (eerste lid)", None),
    ([("    gemeente: Culemborg\n", "    gemeente: Culemborgg\n")], "Culemborgg",
     "fout: gemeente 'Culemborgg' staat niet in het werkgebied (veld 'gemeenten')",
     "Bedoelde u 'Culemborg'?"),
    ([("    soort: politie\n", "    wgs: eerste lid\n")], "wgs: eerste lid",
     "fout: 'wgs' is vervangen door 'soort'", "soort: burgemeester"),
    ([("    soort: politie\n", "    soort: politie\n    gemeente: Tiel\n")],
     "Tiel\n    ondertekenaar:\n      naam: R. Hoekstra",
     "fout: 'gemeente' hoort alleen bij een soort per gemeente", None),
]


@test
def every_new_input_error_names_its_place_and_writes_nothing():
    for edits, where, message, hint in ERRORS:
        path, src = variant(edits)
        out = os.path.join(TMP, "nooit")
        p = run("genereer", path, "-o", out)
        assert p.returncode == 2, f"{edits}: exit {p.returncode}\n{p.stderr}"
        at = pos(src, where)
        assert f"{path}:{at}: {message}" in p.stderr, \
            f"{edits}: verwacht '{at}: {message}' in:\n{p.stderr}"
        if hint:
            assert hint in p.stderr, f"{edits}: verwacht hint '{hint}' in:\n{p.stderr}"
        assert not os.path.exists(out), "schreef toch een document"


# ------------------------------------------------------------ warnings

@test
def a_warning_leaves_exit_0_and_writes_the_documents():
    path, src = variant([(COLLEGE_TIEL, "")])
    out = os.path.join(TMP, "waarschuwing")
    p = run("genereer", path, "-o", out)
    assert p.returncode == 0, p.stderr
    gemeente = src.index("    - Culemborg", src.index("gemeenten:"))
    at = pos(src[gemeente:], "Culemborg")
    line = src.count("\n", 0, gemeente) + int(at.split(":")[0])
    expected = f"{path}:{line}:7: waarschuwing: gemeente 'Culemborg' in het werkgebied heeft " \
               "geen Deelnemer van soort 'college'"
    assert expected in p.stderr, p.stderr
    assert "'soort: college' en 'gemeente: Culemborg'" in p.stderr
    written = os.listdir(out)
    for fmt in ("odt", "docx", "md"):
        assert f"betuwe-lingestreek.{fmt}" in written, written


@test
def a_missing_category_of_the_eerste_lid_is_a_warning():
    dji = """  - naam: Dienst Justitiële Inrichtingen
    soort: dienst-justitiele-inrichtingen
    ondertekenaar:
      naam: drs. E. Vermeulen
      functie: vestigingsdirecteur
"""
    path, src = variant([(dji, "")])
    p = run("controleer", path)
    assert p.returncode == 0, p.stderr
    assert f"{path}:{pos(src, 'deelnemers:')}: waarschuwing: geen Deelnemer van soort " \
           "'dienst-justitiele-inrichtingen' (de dienst justitiële inrichtingen)" in p.stderr, \
        p.stderr
    assert p.stdout.strip() == f"{path}: in orde, met 1 waarschuwing", p.stdout


@test
def an_early_ingangsdatum_is_a_warning_twice():
    path, src = variant([("ingangsdatum: 2026-02-01", "ingangsdatum: 2025-01-01")])
    p = run("controleer", path)
    assert p.returncode == 0, p.stderr
    at = pos(src, "2025-01-01")
    assert f"{path}:{at}: waarschuwing: veld 'ingangsdatum' (1 januari 2025) ligt vóór " \
           "1 maart 2025" in p.stderr, p.stderr
    assert f"{path}:{at}: waarschuwing: veld 'ingangsdatum' (1 januari 2025) ligt vóór " \
           "15 januari 2026 (veld 'datum')" in p.stderr, p.stderr


@test
def controleer_shows_errors_before_warnings():
    # The warning stands earlier in the file than the error.
    path, _ = variant([(COLLEGE_TIEL, ""), ("zvh_naam: ", "zvh_nam: ")])
    p = run("controleer", path)
    assert p.returncode == 2
    kinds = [l.split(": ")[1] for l in p.stderr.splitlines() if not l.startswith(" ")]
    assert kinds == sorted(kinds, key=lambda k: k != "fout") and "waarschuwing" in kinds, \
        p.stderr


@test
def the_example_regions_have_no_warnings():
    for region in REGIONS:
        p = run("controleer", region)
        assert p.returncode == 0 and "waarschuwing" not in p.stderr, p.stderr


# ------------------------------------------------------ numbers in words

SMALL = re.compile(r"\b(\d+) (maand|maanden|jaar|jaren|keer|uur)\b")


@test
def small_numbers_are_words_with_their_unit():
    for region in REGIONS:
        files = generate(region, os.path.join(TMP, "getallen-" + os.path.basename(region)))
        for fmt, text in texts(files).items():
            for number, unit in SMALL.findall(text):
                assert int(number) > 20, f"{region} {fmt}: '{number} {unit}'"
    at_minimum = [("opzegtermijn: 6", "opzegtermijn: 1"),
                  ("evaluatietermijn: 2", "evaluatietermijn: 1"),
                  ("meldtermijn_datalek: 12", "meldtermijn_datalek: 24")]
    path, _ = variant(at_minimum)
    for fmt, text in texts(generate(path, os.path.join(TMP, "minimum"))).items():
        assert "opzegtermijn van één maand" in text, fmt
        assert "binnen één jaar na de inwerkingtreding" in text, fmt
        assert "uiterlijk binnen 24 uur nadat" in text, fmt
        assert "één maanden" not in text and "1 maand" not in text, fmt


# ---------------------------------------------------------- references

@test
def cited_articles_and_leden_read_in_the_plural():
    for region in REGIONS:
        files = generate(region, os.path.join(TMP, "refs-" + os.path.basename(region)))
        for fmt, text in texts(files).items():
            assert not re.search(r"artikel \d+ en artikel \d+", text), \
                (region, fmt, re.search(r".{40}artikel \d+ en artikel \d+", text))
            assert re.search(r"de artikelen \d+ en \d+", text), (region, fmt)
            # Two leden of the same article: "het tweede en derde lid".
            assert not re.search(r"het \w+ lid en het \w+ lid", text), \
                (region, fmt, re.search(r".{40}het \w+ lid en het \w+ lid", text))
            assert "bedoeld in het tweede en derde lid" in text, (region, fmt)


# --------------------------------------------------------- definitions

def definitions(files):
    """The items of the lid with the definitions, as python-docx reads them:
    from the paragraph that opens the list up to the next lid or heading."""
    paras = docx.Document(files["docx"]).paragraphs
    start = next(i for i, p in enumerate(paras) if "wordt verstaan onder" in p.text)
    out = []
    for p in paras[start + 1:]:
        if p.style.name.startswith("Heading") or re.match(r"\d+\.\t", p.text):
            break
        out.append(p.text.strip())
    return out


@test
def definitions_are_alphabetical_and_unlettered():
    model = load_yaml(MODEL)
    for region in REGIONS:
        files = generate(region, os.path.join(TMP, "def-" + os.path.basename(region)))
        items = definitions(files)
        assert len(items) >= 10, items
        for item in items:
            assert not re.match(r"^[a-z]{1,2}[.)]\s", item), f"definitie met letter: {item}"
        terms = [i.split(":", 1)[0] for i in items]
        assert terms == sorted(terms, key=str.casefold), terms
        assert set(terms) <= {t["term"] for t in model["begrippen"]}, terms


# ------------------------------------------------------------ numbering

def model_numbers(model):
    numbers, n = {}, 0
    for part in model["delen"]:
        for a in part["artikelen"]:
            if a.get("genummerd", "ja") == "ja":
                n += 1
                numbers[a["id"]] = n
    return numbers


@test
def nummering_model_keeps_the_models_numbers_and_references():
    model = load_yaml(MODEL)
    numbers = model_numbers(model)
    path, _ = variant([("regio: Betuwe-Lingestreek\n",
                        "regio: Betuwe-Lingestreek\nnummering: model\n")])
    dropped = [a for p in model["delen"] for a in p["artikelen"]
               if a["id"] in ("geprioriteerde-casussen", "regionale-diensten")]
    assert len(dropped) == 2
    for fmt, text in texts(generate(path, os.path.join(TMP, "stabiel"))).items():
        for a in dropped:
            assert f"Artikel {numbers[a['id']]} [vervallen]" in text, (fmt, a["id"])
        last = max(numbers.items(), key=lambda kv: kv[1])
        title = next(a["titel"] for p in model["delen"] for a in p["artikelen"]
                     if a["id"] == last[0])
        assert f"Artikel {last[1]} {title}" in text, fmt
        # A definition that cites a whole article cites the model's number.
        cited = 0
        for term in model["begrippen"]:
            m = re.search(r"\{\{art:([a-z-]+)\}\}", term["definitie"])
            if m and m.group(1) in numbers and "alleen_als" not in term:
                assert re.search(rf"{re.escape(term['term'])}: [^;]*?artikel "
                                 rf"{numbers[m.group(1)]}\b", text), (fmt, term["term"])
                cited += 1
        assert cited >= 2, cited
    consecutive = texts(generate(VOORBEELD, os.path.join(TMP, "doorlopend")))["docx"]
    assert "[vervallen]" not in consecutive


@test
def nummering_model_needs_a_model_that_names_the_dropped_title():
    src = open(MODEL, encoding="utf-8").read()
    broken = re.sub(r"\n  vervallen: .*\n", "\n", src, count=1)
    assert broken != src
    mpath = os.path.join(TMP, "zonder-vervallen.yaml")
    open(mpath, "w", encoding="utf-8").write(broken)
    p = run("controleer", "--model", mpath)
    assert p.returncode == 2 and "'vervallen'" in p.stderr, p.stderr
    path, src = variant([("regio: Betuwe-Lingestreek\n",
                          "regio: Betuwe-Lingestreek\nnummering: modell\n")])
    p = run("controleer", path)
    assert p.returncode == 2, p.stderr
    assert f"{path}:{pos(src, 'modell')}: fout: onbekende waarde 'modell' voor 'nummering'" \
        in p.stderr, p.stderr


# ------------------------------------------------------- regional text

def runs_in_style(docx_path, style):
    return [r.text for p in docx.Document(docx_path).paragraphs for r in p.runs
            if r.style is not None and r.style.name == style]


@test
def a_default_text_is_model_text_and_a_regions_own_text_is_marked():
    model = load_yaml(MODEL)
    default = flat(next(s["standaard"] for s in model["regionaal"] if s["id"] == "verdeelsleutel"))
    files = generate(os.path.join(ROOT, "regions", "minimaal.yaml"), os.path.join(TMP, "std"))
    assert default in flat(pandoc_text(files["docx"], "docx"))
    assert not any(default[:40] in r for r in runs_in_style(files["docx"], "Regionaal"))
    own = generate(VOORBEELD, os.path.join(TMP, "eigen"))
    assert any("naar rato van hun aantal inwoners" in r
               for r in runs_in_style(own["docx"], "Regionaal"))


@test
def a_literal_block_reads_as_markdown_wrapping_is_a_space_a_blank_line_a_paragraph():
    path, _ = variant([("  samenwerking_historie: >-\n",
                        "  samenwerking_historie: |\n    eerste regel van de alinea\n"
                        "    loopt hier door\n\n    tweede alinea\n")])
    files = generate(path, os.path.join(TMP, "letterlijk"), formats="odt,docx")
    body = odt_member(files["odt"], "content.xml").decode()
    # The file's own wrapping is one space; the blank line a new paragraph
    # (tests/functional/test_paragraphs.py has the rest).
    assert "eerste regel van de alinea loopt hier door</text:span></text:p>" in body, \
        body[body.find("eerste regel") - 200:body.find("eerste regel") + 300]
    texts = [p.text for p in docx.Document(files["docx"]).paragraphs]
    assert any(t.endswith("eerste regel van de alinea loopt hier door") for t in texts), texts
    assert any(t.startswith("tweede alinea ") for t in texts), texts


def badly_closed_items(docx_path):
    """Onderdelen, as pandoc reads them from the DOCX, that do not close
    with ";", "; en", "; of", "." or ":" (one that opens a nested list).
    The last overweging runs on with "," into "komen het volgende
    overeen:"; the fill-in lines of a form end in dots. A place kept under
    'nummering: model' reads as consolidated law shows it: "c. [vervallen]",
    without punctuation of its own."""
    dropped = load_yaml(MODEL)["model"]["vervallen"]
    text = pandoc_text(docx_path, "docx")
    lines = [l.strip() for l in text.splitlines() if l.strip()]
    bad = []
    for i, line in enumerate(lines):
        if not re.match(r"([a-z]|\d+°)\.? ", line) or line.endswith("…"):
            continue
        if line.split(" ", 1)[1] == dropped:
            continue
        after = lines[i + 1] if i + 1 < len(lines) else ""
        if after.startswith("komen het volgende overeen"):
            ok = line.endswith(",")
        else:
            ok = line.endswith((";", "; en", "; of", ".", ":"))
        if not ok:
            bad.append(line)
    return bad


@test
def every_enumeration_item_closes_with_its_punctuation():
    for i, region in enumerate(REGIONS):
        files = generate(region, os.path.join(TMP, f"opsomming{i}"), formats="docx")
        bad = badly_closed_items(files["docx"])
        assert not bad, f"{region}: {bad[:5]}"
    # A list of values gets the same: ";" after each, "; en" before the last.
    text = pandoc_text(generate(VOORBEELD, os.path.join(TMP, "opsomming-v"),
                                formats="docx")["docx"], "docx")
    assert re.search(r"a\. Buren;\s+b\. Culemborg;\s+c\. Tiel; en\s+d\. West Betuwe\.", text)


summary()
