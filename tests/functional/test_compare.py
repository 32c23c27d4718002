"""Functional tests of `afspraken vergelijk`: the clause report (text,
Markdown, JSON), its exit status, the coordinator's actions after a model
update, and the redlines. The JSON is read with Python's json module; the
redlines with the ODT and DOCX readers of test_redline.py (zipfile and
xml.etree, not our C code), which accept or reject every change: accepting
must give the text of the newer document as `genereer` writes it,
rejecting the older.

Pairs of region files are made from regions/voorbeeld.yaml by textual
edits; an edit whose text is missing fails the test at once.

Run from the repository root: /usr/bin/python3 tests/functional/test_compare.py
"""

import json

from common import *  # noqa: F401,F403 - the shared test vocabulary

# The readers of test_redline.py: everything before its pairs section.
with open(os.path.join(os.path.dirname(__file__), "test_redline.py"), encoding="utf-8") as fh:
    _src = fh.read().split("# ---------------------------------------------------------------- pairs")[0]
    exec(compile(_src.replace("from common import *", "", 1), "test_redline.py", "exec"))

EXAMPLE = os.path.join(ROOT, "regions", "voorbeeld.yaml")
ALLES = os.path.join(ROOT, "regions", "alles.yaml")
DATA = os.path.join(ROOT, "tests", "data")
MODEL_1 = os.path.join(DATA, "mini-model.yaml")
MODEL_2 = os.path.join(DATA, "mini-model-2.yaml")
UPDATE_REGION = os.path.join(DATA, "update-region.yaml")


def edited(name, edits, base=EXAMPLE):
    """A copy of base with each (old, new) applied once."""
    with open(base, encoding="utf-8") as fh:
        text = fh.read()
    for old, new in edits:
        assert old in text, f"{name}: '{old}' staat niet in {base}"
        text = text.replace(old, new, 1)
    path = os.path.join(TMP, name + ".yaml")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
    return path


def compare(*args, fmt=None, out=None):
    a = ["vergelijk", *args]
    if fmt:
        a += ["--formaat", fmt]
    if out:
        a += ["-o", out]
    return run(*a)


def compare_json(*args):
    p = compare(*args, fmt="json")
    assert p.returncode in (0, 1), p.stderr
    return p.returncode, json.loads(p.stdout)


def changed_clauses(report):
    return {c["id"]: c for c in report["onderdelen"]}


DROPPED = edited("zonder-netwerk", [("bureau-breder-netwerk: ja", "bureau-breder-netwerk: nee")])


@test
def identical_inputs_exit_0_with_an_empty_report():
    p = compare(EXAMPLE, EXAMPLE)
    assert p.returncode == 0, p.stderr
    assert p.stdout == "", p.stdout
    rc, j = compare_json(EXAMPLE, EXAMPLE)
    assert rc == 0 and j["verschillen"] is False and j["onderdelen"] == []


@test
def a_dropped_optional_article_is_one_entry():
    rc, j = compare_json(EXAMPLE, DROPPED)
    assert rc == 1
    gone = changed_clauses(j)["bureau-breder-netwerk"]
    assert gone["status"] == "weggelaten" and gone["nummer_nieuw"] is None, gone
    assert [c["soort"] for c in gone["wijzigingen"]] == ["optioneel_weggelaten"], gone
    assert j["samenvatting"]["weggelaten"] == 1


@test
def renumbering_after_a_dropped_article_is_one_line_not_edits():
    rc, j = compare_json(EXAMPLE, DROPPED)
    clauses = changed_clauses(j)
    gone = int(clauses["bureau-breder-netwerk"]["nummer_oud"].split()[1])
    # every later article changed number, and none of them is an edit
    assert j["vernummering"], j["vernummering"]
    r = j["vernummering"][0]
    assert r["oud_van"] == gone + 1 and r["nieuw_van"] == gone, r
    for c in clauses.values():
        if c["soort"] == "artikel" and c["id"] != "bureau-breder-netwerk":
            # only what depends on the dropped article's text may change
            for ch in c["wijzigingen"]:
                assert ch["soort"] in ("tekst_vervallen", "modeltekst"), ch
                for w in ch["woorden"]:
                    assert not re.fullmatch(r"\d+", w["tekst"].strip()), (c["id"], ch)
    text = compare(EXAMPLE, DROPPED).stdout
    assert re.search(r"vernummering: artikel \d+\u2013\d+ worden \d+\u2013\d+", text), text


@test
def a_one_word_change_in_regional_text_is_one_change_of_one_word():
    new = edited("een-woord", [("bijzondere\n    aandacht", "speciale\n    aandacht")])
    rc, j = compare_json(EXAMPLE, new)
    assert rc == 1
    changes = [ch for c in j["onderdelen"] for ch in c["wijzigingen"]]
    assert len(changes) == 1, changes
    ch = changes[0]
    assert ch["soort"] == "regionaal_gewijzigd" and ch["id"] == "regionale_accenten", ch
    ops = [(w["op"], w["tekst"]) for w in ch["woorden"] if w["op"] != "gelijk"]
    assert ops == [("weg", "bijzondere"), ("erbij", "speciale")], ops
    assert "[-bijzondere-]{+speciale+}" in compare(EXAMPLE, new).stdout


@test
def a_changed_field_value_shows_old_and_new():
    new = edited("vergaderen", [("vergaderfrequentie: 4", "vergaderfrequentie: 6")])
    rc, j = compare_json(EXAMPLE, new)
    changes = [ch for c in j["onderdelen"] for ch in c["wijzigingen"]]
    assert [(ch["soort"], ch["id"], ch["oud"], ch["nieuw"]) for ch in changes] == \
        [("veld", "vergaderfrequentie", "vier keer", "zes keer")], changes
    text = compare(EXAMPLE, new).stdout
    assert re.search(r"was: +vier keer\n +wordt: +zes keer\n", text), text


@test
def a_choice_change_shows_both_texts():
    with open(MODEL, encoding="utf-8") as fh:
        choices = yaml.safe_load(fh)["velden"]
    texts = next(f["keuzes"] for f in choices if f["id"] == "besluitvorming")
    new = edited("unaniem", [("besluitvorming: meerderheid", "besluitvorming: unaniem")])
    rc, j = compare_json(EXAMPLE, new)
    changes = [ch for c in j["onderdelen"] for ch in c["wijzigingen"]]
    choice = [ch for ch in changes if ch["soort"] == "keuze"]
    assert len(choice) == 1, changes
    assert choice[0]["oud"] == texts["meerderheid"] and choice[0]["nieuw"] == texts["unaniem"]
    # the lid that holds only under a majority vote goes with it
    assert [ch["soort"] for ch in changes if ch is not choice[0]] == ["tekst_vervallen"], changes


@test
def the_model_update_lists_every_kind_of_coordinator_action():
    p = compare(UPDATE_REGION, "--model-oud", MODEL_1, "--model-nieuw", MODEL_2, fmt="json")
    assert p.returncode == 1, p.stderr
    j = json.loads(p.stdout)
    kinds = {a["soort"]: a for a in j["acties"]}
    assert set(kinds) == {"optioneel_artikel_vervallen", "optioneel_artikel_nieuw",
                          "verplicht_veld_nieuw", "waarde_past_niet", "veld_vervallen",
                          "regionale_tekst_nieuw", "regionale_tekst_vervallen"}, sorted(kinds)
    assert kinds["optioneel_artikel_nieuw"]["toelichting"].startswith("Neem op als")
    unfit = {a["id"] for a in j["acties"] if a["soort"] == "waarde_past_niet"}
    assert unfit == {"vergaderingen", "besluit"}, unfit
    assert kinds["veld_vervallen"]["plaats"]["bestand"] == UPDATE_REGION
    clauses = changed_clauses(j)
    assert clauses["extra"]["wijzigingen"][0]["soort"] == "artikel_vervallen"
    assert clauses["klachten"]["wijzigingen"][0]["soort"] == "artikel_nieuw"
    words = [w for ch in clauses["stuurgroep"]["wijzigingen"] if ch["soort"] == "modeltekst"
             for w in ch["woorden"]]
    assert {"op": "erbij", "tekst": "is samengesteld "} in words, words
    text = compare(UPDATE_REGION, "--model-oud", MODEL_1, "--model-nieuw", MODEL_2).stdout
    assert "Wat de coördinator moet doen" in text and "Toelichting: Neem op als" in text


@test
def json_has_the_documented_keys():
    rc, j = compare_json(EXAMPLE, ALLES)
    assert list(j) == ["formaat", "versie", "vergelijking", "oud", "nieuw", "verschillen",
                       "samenvatting", "vernummering", "onderdelen", "acties"], list(j)
    assert j["formaat"] == "afspraken-vergelijking" and j["versie"] == 1
    assert j["vergelijking"] == "versies" and j["acties"] is None
    for c in j["onderdelen"]:
        assert list(c) == ["soort", "id", "nummer_oud", "nummer_nieuw", "titel", "status",
                           "wijzigingen"], list(c)
        for ch in c["wijzigingen"]:
            assert list(ch) == ["soort", "id", "plaats_oud", "plaats_nieuw", "oud", "nieuw",
                                "woorden"], list(ch)
    s = j["samenvatting"]
    assert sum(s[k] for k in ("ongewijzigd", "gewijzigd", "toegevoegd", "weggelaten")) > 40


@test
def against_the_model_every_placeholder_is_filled_in():
    p = compare(EXAMPLE, fmt="json")
    assert p.returncode == 1, p.stderr
    j = json.loads(p.stdout)
    assert j["vergelijking"] == "model"
    changes = [ch for c in j["onderdelen"] for ch in c["wijzigingen"]]
    field = next(ch for ch in changes if ch["id"] == "zvh_naam")
    assert field["oud"].startswith("[zvh_naam: naam van het Zorg- en Veiligheidshuis"), field
    spots = {ch["id"] for ch in changes if ch["soort"] == "regionaal_toegevoegd"}
    with open(EXAMPLE, encoding="utf-8") as fh:
        assert spots == set(yaml.safe_load(fh)["regionale_tekst"]), spots
    dropped = {c["id"] for c in j["onderdelen"]
               if c["status"] == "weggelaten" and c["soort"] == "artikel"}
    with open(EXAMPLE, encoding="utf-8") as fh:
        chosen = yaml.safe_load(fh)["optionele_artikelen"]
    assert dropped == {k for k, v in chosen.items() if v in (False, "nee")}, dropped


@test
def markdown_report_marks_deletions_and_insertions():
    new = edited("een-woord-md", [("bijzondere\n    aandacht", "speciale\n    aandacht")])
    md = compare(EXAMPLE, new, fmt="md").stdout
    assert md.startswith("# Vergelijking") and "## Samenvatting" in md
    assert "~~bijzondere~~**speciale**" in md, md
    # values with markup characters read back literally
    path = os.path.join(TMP, "verslag.md")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(compare(EXAMPLE, ALLES, fmt="md").stdout)
    assert "Stichting Zorg & Veiligheid <Oost>" in pandoc_text(path, "markdown")


@test
def input_errors_in_both_files_are_reported_together_and_nothing_is_written():
    bad1 = edited("fout1", [("vergaderfrequentie: 4", "vergaderfrequentie: 40")])
    bad2 = edited("fout2", [("bewaartermijn: 3", "bewaartermijn: drie")])
    out = os.path.join(TMP, "niets")
    p = compare(bad1, bad2, out=out)
    assert p.returncode == 2, p.returncode
    assert p.stdout == ""
    assert re.search(re.escape(bad1) + r":\d+:\d+: fout: 40 ligt buiten", p.stderr), p.stderr
    assert re.search(re.escape(bad2) + r":\d+:\d+: fout: 'drie' is geen geheel getal", p.stderr), p.stderr
    assert not os.path.exists(out)


def generated(region, name, model=None):
    out = os.path.join(TMP, "gen-" + name)
    return generate(region, out, model=model, formats="odt,docx")


def redline(args, name):
    out = os.path.join(TMP, "redline-" + name)
    p = compare(*args, out=out)
    assert p.returncode == 1, p.stderr
    return {"odt": os.path.join(out, "vergelijking.odt"),
            "docx": os.path.join(out, "vergelijking.docx")}


ROUND_TRIPS = {}

# A next version of the national model the example region fits: a reworded
# lid, a new optional article, a narrower bound.
NEXT_MODEL = edited("model-volgend", [
    ("      - id: managementoverleg\n", """      - id: klachten
        titel: Klachten
        optioneel: ja
        toelichting: Neem op als de regio een eigen klachtenregeling heeft.
        leden:
          - tekst: "Een klacht over het [[Bureau]] wordt binnen zes weken behandeld."

      - id: managementoverleg\n"""),
    ("    max: 12\n", "    max: 10\n"),
    ("De [[Stuurgroep]] vergadert ten minste", "De [[Stuurgroep]] komt ten minste"),
], base=MODEL)


@test
def redlines_accept_all_gives_the_newer_document_and_reject_all_the_older():
    pairs = {
        "versies": ([EXAMPLE, ALLES], generated(EXAMPLE, "oud"), generated(ALLES, "nieuw")),
        "weggelaten": ([EXAMPLE, DROPPED], generated(EXAMPLE, "oud2"),
                       generated(DROPPED, "nieuw2")),
        "modelupdate": ([EXAMPLE, "--model-oud", MODEL, "--model-nieuw", NEXT_MODEL],
                        generated(EXAMPLE, "m1", MODEL), generated(EXAMPLE, "m2", NEXT_MODEL)),
    }
    for name, (args, old, new) in pairs.items():
        r = ROUND_TRIPS[name] = redline(args, name)
        assert_round_trip(r["docx"], old["docx"], new["docx"], docx_paragraphs)
        assert_round_trip(r["odt"], old["odt"], new["odt"], odt_paragraphs)


@test
def redline_against_the_model_accepts_to_the_generated_document():
    r = ROUND_TRIPS["model"] = redline([EXAMPLE], "model")
    new = generated(EXAMPLE, "model-nieuw")
    assert docx_paragraphs(r["docx"], "accept") == docx_paragraphs(new["docx"])
    assert odt_paragraphs(r["odt"], "accept") == odt_paragraphs(new["odt"])
    rejected = "\n".join(docx_paragraphs(r["docx"], "reject"))
    assert "[zvh_naam: naam van het Zorg- en Veiligheidshuis]" in rejected


@test
def redlines_are_valid_and_libreoffice_converts_them():
    r = ROUND_TRIPS["versies"]
    check_odf_schema(r["odt"], "cmp-odf")
    check_docx_schema(r["docx"], "cmp-ooxml")
    out = os.path.join(TMP, "cmp-pdf")
    p = subprocess.run(["soffice", "--headless", "--norestore",
                        f"-env:UserInstallation=file://{TMP}/lo-profile",
                        "--convert-to", "pdf", "--outdir", out, r["odt"], r["docx"]],
                       capture_output=True, text=True, timeout=600)
    assert p.returncode == 0, p.stderr
    for f in os.listdir(out):
        with open(os.path.join(out, f), "rb") as fh:
            assert fh.read(5) == b"%PDF-", f
    assert len(os.listdir(out)) == 1  # both are vergelijking.pdf: the second overwrote


summary()
