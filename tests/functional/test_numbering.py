"""'nummering: model' for leden and onderdelen: a dropped one keeps its
model number as "3. [vervallen]" / "f. [vervallen]", later ones and the
references to them keep the model's numbers, alternatives share one
number, and the default numbering shows none of it. Read back with pandoc,
python-docx and the schemas; the model check reports broken alternatives.
"""

from common import *

import json

ALLES = os.path.join(ROOT, "regions", "alles.yaml")
VOORBEELD = os.path.join(ROOT, "regions", "voorbeeld.yaml")
DROPPED = load_yaml(MODEL)["model"]["vervallen"]

# The real model, with an id on the Stuurgroep's last task and one
# sentence citing it and a lid after a dropped one, so that references
# into the places after a dropped lid and onderdeel are tested.
MODEL_EDITS = [
    ("              - tekst: >-\n                  het aansturen van het [[Bureau]] op hoofdlijnen.",
     "              - id: aansturen\n                tekst: >-\n"
     "                  het aansturen van het [[Bureau]] op hoofdlijnen."),
    ("besluiten wordt geïnformeerd.",
     "besluiten wordt geïnformeerd. Bij de aansturing, bedoeld in\n"
     "              {{art:stuurgroep.taken.aansturen}}, geldt {{art:bureau.gezag}}."),
]


def edited(base, edits, name):
    src = open(base, encoding="utf-8").read()
    for old, new in edits:
        assert src.count(old) == 1, old
        src = src.replace(old, new)
    path = os.path.join(TMP, name)
    open(path, "w", encoding="utf-8").write(src)
    return path, src


TEST_MODEL, _ = edited(MODEL, MODEL_EDITS, "model-verwijzingen.yaml")
# Every optional article kept but the Stuurgroep's wider network (drops
# onderdeel f of the Stuurgroep's tasks); Regionale Diensten kept (drops
# the Bureau's third lid); unanimity (drops the last lid on a tied vote);
# Netwerkpartners kept (the second of two alternatives).
STABLE_EDITS = [("  stuurgroep-breder-netwerk: ja\n", "  stuurgroep-breder-netwerk: nee\n")]
STABLE, _ = edited(ALLES, STABLE_EDITS + [("\nbeheerorganisatie:", "\nnummering: model\nbeheerorganisatie:")],
                   "stabiel.yaml")
DEFAULT, _ = edited(ALLES, STABLE_EDITS, "doorlopend.yaml")


def model_numbers():
    numbers, n = {}, 0
    for part in load_yaml(MODEL)["delen"]:
        for a in part["artikelen"]:
            if a.get("genummerd", "ja") == "ja":
                n += 1
                numbers[a["id"]] = n
    return numbers


def lines_of(files):
    """Per format, the document's non-empty lines as pandoc reads them,
    with runs of white space made one space, and Markdown's escapes and
    the bullet before its lettered items gone."""
    out = {}
    for key, fmt in [("odt", "odt"), ("docx", "docx"), ("md", "markdown")]:
        if key not in files:
            continue
        text = pandoc_text(files[key], fmt).replace("\\", "")
        out[fmt] = [re.sub(r"^- ", "", re.sub(r"\s+", " ", l).strip())
                    for l in text.splitlines() if l.strip()]
    return out


def article(lines, number):
    """The lines of 'Artikel number', up to the next heading (the last
    such heading: the table of contents lists it first)."""
    start = [i for i, l in enumerate(lines) if re.match(rf"Artikel {number} \S", l)][-1]
    end = next((i for i in range(start + 1, len(lines))
                if re.match(r"(Artikel \d+|Deel [A-Z]|Bijlage \d+) ", lines[i])), len(lines))
    return lines[start:end]


def starting(lines, prefix):
    found = [l for l in lines if l.startswith(prefix)]
    assert len(found) == 1, (prefix, found)
    return found[0]


stable_files = generate(STABLE, os.path.join(TMP, "stabiel"), model=TEST_MODEL)
default_files = generate(DEFAULT, os.path.join(TMP, "doorlopend"), model=TEST_MODEL)
NUMBERS = model_numbers()


@test
def a_dropped_lid_keeps_its_number_and_later_leden_keep_theirs():
    for fmt, lines in lines_of(stable_files).items():
        bureau = article(lines, NUMBERS["bureau"])
        assert f"3. {DROPPED}" in bureau, (fmt, bureau)
        assert starting(bureau, "4. ").startswith("4. Het Bureau werkt onder het gezag"), fmt
        votes = article(lines, NUMBERS["stuurgroep-vergaderingen"])
        assert votes[-1] == f"4. {DROPPED}", (fmt, votes)
        assert starting(votes, "3. ").startswith("3. De Stuurgroep besluit met algemene"), fmt


@test
def a_dropped_onderdeel_keeps_its_letter_and_the_enumeration_still_closes():
    for fmt, lines in lines_of(stable_files).items():
        tasks = article(lines, NUMBERS["stuurgroep"])
        items = [l for l in tasks if re.match(r"[a-h]\. ", l)]
        assert [l[0] for l in items] == list("abcdefgh"), (fmt, items)
        assert items[5] == f"f. {DROPPED}", (fmt, items)
        assert items[6].startswith("g. het instemmen met de uitvoering van Regionale Diensten"), fmt
        assert items[6].endswith(";") and items[4].endswith(";"), (fmt, items)
        assert items[7] == "h. het aansturen van het Bureau op hoofdlijnen.", (fmt, items)


@test
def when_the_last_onderdeel_falls_away_the_one_before_closes_the_enumeration():
    # The model's last condition of an Incidentele deelnemer made optional.
    last = "              - id: regels\n"
    model, _ = edited(MODEL, [(last, last + "                alleen_als: netwerkpartners\n")],
                      "laatste-onderdeel.yaml")
    for name, numbering in [("stabiel", "nummering: model\n"), ("doorlopend", "")]:
        region, _ = edited(ALLES, [("  netwerkpartners: ja\n", "  netwerkpartners: nee\n"),
                                   ("\nbeheerorganisatie:",
                                    f"\n{numbering}beheerorganisatie:")], f"laatste-{name}.yaml")
        files = generate(region, os.path.join(TMP, f"laatste-{name}"), model=model)
        for fmt, lines in lines_of(files).items():
            part = article(lines, NUMBERS["incidentele-deelname"])
            items = [l for l in part if re.match(r"[a-c]\. ", l)]
            assert items[0].startswith("a. hij vóór zijn deelname") and \
                items[0].endswith("bijlage 1; en"), (name, fmt, items)
            assert items[1].endswith("waarvoor hij is uitgenodigd."), (name, fmt, items)
            assert items[2:] == ([f"c. {DROPPED}"] if numbering else []), (name, fmt, items)


@test
def alternatives_share_one_number_and_show_no_vervallen():
    for fmt, lines in lines_of(stable_files).items():
        part = article(lines, NUMBERS["incidentele-deelname"])
        assert not any(DROPPED in l for l in part), (fmt, part)
        first = starting(part, "a. ")
        assert "als medewerker van een Netwerkpartner" in first, (fmt, first)
        assert starting(part, "b. ").startswith("b. hij alleen toegang krijgt"), fmt
    # With no Netwerkpartners the other alternative takes the same letter.
    path, _ = edited(STABLE, [("  netwerkpartners: ja\n", "  netwerkpartners: nee\n")],
                     "zonder-netwerkpartners.yaml")
    lines = lines_of(generate(path, os.path.join(TMP, "zonder-np"), model=TEST_MODEL,
                              formats="docx"))
    part = article(lines["docx"], NUMBERS["incidentele-deelname"])
    first = starting(part, "a. ")
    assert first.startswith("a. hij vóór zijn deelname een geheimhoudingsverklaring"), first
    assert "Netwerkpartner" not in first, first
    assert starting(part, "b. ").startswith("b. hij alleen toegang krijgt"), part
    assert f"5. {DROPPED}" in part, part


@test
def references_after_a_dropped_lid_or_onderdeel_read_the_models_numbers():
    for fmt, lines in lines_of(stable_files).items():
        text = " ".join(lines)
        assert (f"Bij de aansturing, bedoeld in het vierde lid, onder h, geldt artikel "
                f"{NUMBERS['bureau']}, vierde lid.") in text, fmt
    for fmt, lines in lines_of(default_files).items():
        text = " ".join(lines)
        assert "Bij de aansturing, bedoeld in het vierde lid, onder g, geldt artikel " in text, fmt
        assert re.search(r"onder g, geldt artikel \d+, derde lid\.", text), fmt


@test
def the_default_numbering_shows_nothing_of_it():
    for fmt, lines in lines_of(default_files).items():
        assert not any(DROPPED in l for l in lines), fmt
        tasks = [l for l in article(lines, NUMBERS["stuurgroep"]) if re.match(r"[a-h]\. ", l)]
        assert tasks[-1] == "g. het aansturen van het Bureau op hoofdlijnen.", (fmt, tasks)
    for region in REGIONS:
        if load_yaml(region).get("nummering") == "model":
            continue
        text = pandoc_text(generate(region, os.path.join(TMP, "d-" + os.path.basename(region)),
                                    formats="docx")["docx"], "docx")
        assert DROPPED not in text, region


@test
def python_docx_reads_each_dropped_place_in_the_style_of_what_it_replaces():
    paras = [(p.text, p.style.name) for p in docx.Document(stable_files["docx"]).paragraphs
             if DROPPED in p.text]
    # In document order: the Stuurgroep's onderdeel f, the last lid on a
    # tied vote, the article on the wider network, the Bureau's third lid.
    assert paras == [(f"f.\t{DROPPED}", "Onderdeel"), (f"4.\t{DROPPED}", "Lid"),
                     (f"Artikel {NUMBERS['stuurgroep-breder-netwerk']} {DROPPED}", "Heading 2"),
                     (f"3.\t{DROPPED}", "Lid")], paras


@test
def the_documents_pass_their_schemas():
    check_odf_schema(stable_files["odt"], "stabiel")
    check_docx_schema(stable_files["docx"], "stabiel")


def voorbeeld_both_ways():
    stable, _ = edited(VOORBEELD, [("\nbeheerorganisatie:",
                                    "\nnummering: model\nbeheerorganisatie:")],
                       "voorbeeld-model.yaml")
    lines = lines_of(generate(stable, os.path.join(TMP, "vb-model"), formats="md"))["markdown"]
    places = [l for l in lines if l.endswith(DROPPED)]
    assert len(places) >= 6, places
    return stable, len(places)


@test
def vergelijk_reports_the_other_numbering_as_numbering_only():
    stable, places = voorbeeld_both_ways()
    p = run("vergelijk", VOORBEELD, stable)
    assert p.returncode in (0, 1), p.stderr
    assert "0 gewijzigd, 0 toegevoegd, 0 weggelaten" in p.stdout, p.stdout
    assert "wijzigingen:" not in p.stdout and DROPPED not in p.stdout, p.stdout
    assert f"vernummering: {places} vervallen plaatsen erbij (nummering van het model)" \
        in p.stdout, p.stdout
    back = run("vergelijk", stable, VOORBEELD)
    assert f"vernummering: {places} vervallen plaatsen weg (nummering van het model)" \
        in back.stdout, back.stdout
    j = json.loads(run("vergelijk", VOORBEELD, stable, "--formaat", "json").stdout)
    assert j["onderdelen"] == [], j["onderdelen"]
    assert j["samenvatting"]["vervallen_plaatsen_erbij"] == places, j["samenvatting"]
    assert j["samenvatting"]["vervallen_plaatsen_weg"] == 0, j["samenvatting"]
    assert not any(j["samenvatting"]["wijzigingen"].values()), j["samenvatting"]


@test
def the_redline_inserts_the_dropped_places_and_renumbers():
    stable, places = voorbeeld_both_ways()
    out = os.path.join(TMP, "redline")
    p = run("vergelijk", VOORBEELD, stable, "-o", out)
    assert p.returncode in (0, 1), p.stderr
    odt, docx_path = (os.path.join(out, f"vergelijking.{x}") for x in ("odt", "docx"))
    check_odf_schema(odt, "redline")
    check_docx_schema(docx_path, "redline")
    read = {}
    for how in ("accept", "reject"):
        r = subprocess.run(["pandoc", "-f", "docx", f"--track-changes={how}", "-t", "plain",
                            "--wrap=none", docx_path], capture_output=True, text=True)
        assert r.returncode == 0, r.stderr
        read[how] = [l.strip() for l in r.stdout.splitlines() if l.strip()]
    assert sum(l.endswith(DROPPED) for l in read["accept"]) == places, read["accept"]
    assert not any(DROPPED in l for l in read["reject"])
    assert "h. het aansturen van het Bureau op hoofdlijnen." in read["accept"]
    assert "g. het aansturen van het Bureau op hoofdlijnen." in read["reject"]


def condition(text):
    """An alleen_als as (kind, subject, value), or None."""
    if text is None:
        return None
    if "=" in text:
        field, value = text.split("=", 1)
        return ("veld", field.strip(), value.strip())
    if text.startswith("niet "):
        return ("artikel", text[5:].strip(), False)
    return ("artikel", text.strip(), True)


def places(items):
    """How many numbers a list of leden or onderdelen takes under
    'nummering: model': consecutive siblings whose conditions exclude each
    other pairwise (model/README.md, "Alternatieven") take one."""
    def exclusive(a, b):
        x, y = condition(a.get("alleen_als")), condition(b.get("alleen_als"))
        return x is not None and y is not None and x[:2] == y[:2] and x[2] != y[2]
    n, i = 0, 0
    while i < len(items):
        j = i + 1
        while j < len(items) and all(exclusive(items[k], items[j]) for k in range(i, j)):
            j += 1
        n, i = n + 1, j
    return n


def sections(md_lines, heading):
    """{number: (title, lines)} of the Markdown sections under heading."""
    out, current = {}, None
    for line in md_lines:
        m = re.match(rf"#+ {heading} (\d+) (.*)", line)
        if m:
            current = out.setdefault(int(m.group(1)), (m.group(2), []))
        elif line.startswith("#"):
            current = None
        elif current:
            current[1].append(line)
    return out


def letters(n):
    return [chr(ord("a") + i) for i in range(n)]


@test
def every_combination_of_options_keeps_the_models_numbers():
    """The oracle, from the model file alone: under 'nummering: model' every
    article, annex, lid and onderdeel has its model number whatever the
    region keeps, for all 32 combinations of optional articles (each with
    another way of deciding, so that the conditional lid comes and goes);
    and every combination assembles in both numberings, so every reference
    resolves."""
    model = load_yaml(MODEL)
    articles = [a for p in model["delen"] for a in p["artikelen"]
                if a.get("genummerd", "ja") == "ja"]
    optional = [a["id"] for a in articles if a.get("optioneel") == "ja"]
    ways = list(next(f for f in model["velden"] if f["id"] == "besluitvorming")["keuzes"])
    src = open(ALLES, encoding="utf-8").read()
    block = re.search(r"optionele_artikelen:\n(?:  .*\n)+", src).group(0)
    for k in range(2 ** len(optional)):
        keep = {a: (k >> i) & 1 for i, a in enumerate(optional)}
        chosen = "optionele_artikelen:\n" + "".join(
            f"  {a}: {'ja' if keep[a] else 'nee'}\n" for a in optional)
        way = ways[k % len(ways)]
        base = re.sub(r"  besluitvorming: \w+\n", f"  besluitvorming: {way}\n",
                      src.replace(block, chosen))
        for numbering in ("model", "doorlopend"):
            path = os.path.join(TMP, f"combinatie-{k}-{numbering}.yaml")
            open(path, "w", encoding="utf-8").write(
                base.replace("\nbeheerorganisatie:", f"\nnummering: {numbering}\nbeheerorganisatie:"))
            files = generate(path, os.path.join(TMP, f"combinatie-{k}-{numbering}"), formats="md")
            md = [l.rstrip() for l in open(files["md"], encoding="utf-8")]
            if numbering == "doorlopend":
                assert not any(DROPPED in l.replace("\\", "") for l in md), k
                continue
            arts = sections(md, "Artikel")
            assert sorted(arts) == list(range(1, len(articles) + 1)), (k, sorted(arts))
            for n, a in enumerate(articles, 1):
                title, body = arts[n]
                kept = a.get("optioneel") != "ja" or keep[a["id"]]
                assert title == (a["titel"] if kept else DROPPED.replace("[", "\\[")
                                 .replace("]", "\\]")), (k, n, title)
                if not kept:
                    continue
                leden = [int(m.group(1)) for m in (re.match(r"(\d+)\\\. ", l) for l in body) if m]
                slots = places(a["leden"])
                assert leden == (list(range(1, slots + 1)) if slots > 1 else []), (k, n, leden)
                runs = []
                for l in body:
                    m = re.match(r"- ([a-z])\\\. ", l)
                    if m and m.group(1) == "a":
                        runs.append([])
                    if m:
                        runs[-1].append(m.group(1))
                expected = [places(l["onderdelen"]) for l in a["leden"] if "onderdelen" in l]
                if any("lijst" in l or "begrippenlijst" in l for l in a["leden"]):
                    continue  # value lists have letters of their own
                for run in runs:
                    assert run == letters(len(run)), (k, n, run)
                lengths = iter(expected)
                assert all(len(run) in lengths for run in runs), (k, n, runs, expected)
            annexes = sections(md, "Bijlage")
            assert sorted(annexes) == list(range(1, len(model["bijlagen"]) + 1)), (k, annexes)


@test
def the_model_check_reports_alternatives_that_can_all_fall_away():
    src = open(MODEL, encoding="utf-8").read()
    lid = "          - alleen_als: besluitvorming=meerderheid\n"
    assert src.count(lid) == 1
    extra = "          - alleen_als: besluitvorming=unaniem\n            tekst: Een lid kan zich van stemming onthouden.\n"
    end = src.index("\n\n", src.index(lid))
    broken = src[:end + 1] + extra + src[end + 1:]
    path = os.path.join(TMP, "alternatieven.yaml")
    open(path, "w", encoding="utf-8").write(broken)
    line = broken[:broken.index(lid)].count("\n") + 1
    column = lid.index("besluitvorming") + 1
    p = run("controleer", "--model", path)
    assert p.returncode == 2, p.stderr
    assert (f"{path}:{line}:{column}: fout: de leden op regel {line} tot en met {line + 5} "
            "sluiten elkaar uit en delen daarom één nummer bij 'nummering: model', maar bij "
            "'besluitvorming: twee_derde' staat er geen") in p.stderr, p.stderr
    # Given the third choice as well, they are one place that is always there.
    whole = broken.replace(extra, extra + "          - alleen_als: besluitvorming=twee_derde\n"
                           "            tekst: Een lid kan zich van stemming onthouden.\n")
    open(path, "w", encoding="utf-8").write(whole)
    p = run("controleer", "--model", path)
    assert p.returncode == 0, p.stderr


@test
def the_real_models_alternatives_are_always_one_place():
    p = run("controleer", "--model", MODEL)
    assert p.returncode == 0, p.stderr
    p = run("controleer", "--model", TEST_MODEL)
    assert p.returncode == 0, p.stderr


summary()
