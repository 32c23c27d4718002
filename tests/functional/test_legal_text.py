"""The legal substance of the national model text, read back from the
generated documents by pandoc (an independent reader), not from our own
tree: provenance, statutory references with their lid, the bounds the law
sets, and the geheimhoudingsverklaringen as forms that stand alone.

Run from the repository root: /usr/bin/python3 tests/functional/test_legal_text.py
"""

from common import *  # noqa: F401,F403 - the shared test vocabulary

texts = {}  # region file name -> {format: plain text as pandoc reads it}


def flat(text):
    """Pandoc wraps lines; legal phrases are searched across the wrap."""
    return re.sub(r"\s+", " ", text)


def region_text(name, fmt="docx"):
    if name not in texts:
        # The agreement's own text: without the table of contents, whose
        # entries repeat the headings before the text they head.
        region = os.path.join(TMP, "zonder-inhoud-" + name)
        with open(region, "w", encoding="utf-8") as f:
            f.write(open(os.path.join(ROOT, "regions", name), encoding="utf-8").read()
                    + "\ninhoudsopgave: nee\n")
        files = generate(region, os.path.join(TMP, name))
        texts[name] = {f: flat(pandoc_text(files[k], f))
                       for k, f in [("odt", "odt"), ("docx", "docx"), ("md", "markdown")]}
    return texts[name][fmt]


def subtitle(path, fmt):
    """The subtitle as pandoc reads it into the document's metadata."""
    p = subprocess.run(["pandoc", "-s", "-f", fmt, "-t", "plain", "--wrap=none",
                        "--template", os.path.join(TMP, "subtitle.tpl"), path],
                       capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    return flat(p.stdout).strip()


def every_text():
    for name in ("alles.yaml", "voorbeeld.yaml", "minimaal.yaml"):
        for fmt in ("odt", "docx", "markdown"):
            yield f"{name} via {fmt}", region_text(name, fmt)


# ------------------------------------------------------------- provenance

@test
def documents_name_their_model_text_apart_from_the_reference():
    m = load_yaml(MODEL)["model"]
    ref = m["referentie"]
    with open(os.path.join(TMP, "subtitle.tpl"), "w") as f:
        f.write("$subtitle$\n")
    for name in ("alles.yaml", "minimaal.yaml"):
        files = generate(os.path.join(ROOT, "regions", name), os.path.join(TMP, "sub" + name))
        for k, fmt in [("odt", "odt"), ("docx", "docx"), ("md", "markdown")]:
            # DOCX's Subtitle style becomes pandoc metadata; ODT and Markdown
            # keep it as the first paragraph after the title.
            sub = subtitle(files[k], fmt) or \
                flat(pandoc_text(files[k], fmt)).split("Partijen")[0].split(" ", 1)[1]
            sub = sub[sub.find(m["naam"]):] if m["naam"] in sub else sub
            assert sub.startswith(f"{m['naam']}, versie {m['versie']} van "), (k, sub)
            assert f"in de opbouw van het {ref['naam']}, vastgesteld op 22 september 2025" \
                in sub, (k, sub)
    for where, text in every_text():
        # The recital says the same, built from the same metadata.
        assert re.search(r'ontleend aan de modeltekst ["“]' + re.escape(m["naam"]) + '["”], versie ',
                         text), where
        # No sentence presents this text as the set version 1.0 of the model.
        assert not re.search(r"vastgesteld[^.;]{0,80}versie 1\.0", text), where
        assert not re.search(r"versie 1\.0[^.;]{0,80}vastgesteld", text), where
        assert "Op basis van het Landelijk model" not in text, where


@test
def model_overview_separates_text_and_reference():
    out = run("model").stdout
    first = out.split("\n", 3)
    assert first[0] == "Modeltekst: Eigen tekst van het project afspraken", first[0]
    assert first[2].startswith("Volgt de opbouw van: Landelijk model Bestuurlijke Afspraken"), \
        first[2]
    assert "vastgesteld op 22 september 2025" in first[2]


@test
def document_properties_carry_text_and_reference_apart():
    files = generate(os.path.join(ROOT, "regions", "minimaal.yaml"), os.path.join(TMP, "props"))
    props = docx.Document(files["docx"]).core_properties
    assert props.subject == "Eigen tekst van het project afspraken", props.subject
    assert "Referentie: Landelijk model" in (props.comments or ""), props.comments
    meta = odt_member(files["odt"], "meta.xml").decode()
    assert re.search(r'meta:name="Referentie"[^>]*>Landelijk model Bestuurlijke', meta)
    assert re.search(r'meta:name="Model"[^>]*>Eigen tekst van het project afspraken<', meta)


# ------------------------------------------------------------ the law

@test
def every_wgs_reference_names_its_lid():
    """Ar 3.29: "artikel 2.27, eerste lid, van de WGS", never a bare
    "artikel 1.8" for an article with several leden, never "(…, WGS)"."""
    # WGS articles with a single lid, or cited as a whole on purpose.
    whole = {"2.24", "2.25", "2.26", "2.31", "1.7", "1.11", "2.27"}
    for where, text in every_text():
        assert ", WGS" not in text and "lid WGS" not in text, where
        for m in re.finditer(r"artikel (\d\.\d+)(?![\d.])(?!,? (?:"
                             r"eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste|negende|"
                             r"tiende|elfde|twaalfde|dertiende))", text):
            art = m.group(1)
            assert art in whole, f"{where}: '{text[m.start():m.end() + 40]}'"
        assert "artikel 1.8, zevende lid, van de WGS" in text, where
        assert "artikel 2.31, dertiende lid, van de WGS" in text, where


@test
def datalek_internal_deadline_is_at_most_24_hours_from_awareness():
    m = load_yaml(MODEL)
    f = next(f for f in m["velden"] if f["id"] == "meldtermijn_datalek")
    assert int(f["max"]) <= 24, f["max"]
    src = open(os.path.join(ROOT, "regions", "voorbeeld.yaml"), encoding="utf-8").read()
    path = os.path.join(TMP, "datalek-25.yaml")
    with open(path, "w", encoding="utf-8") as out:
        out.write(re.sub(r"meldtermijn_datalek: \d+", "meldtermijn_datalek: 25", src))
    p = run("controleer", path)
    assert p.returncode == 2, (p.returncode, p.stderr)
    line = src[: src.index("meldtermijn_datalek")].count("\n") + 1
    assert re.search(rf"datalek-25\.yaml:{line}:\d+: fout:.*meldtermijn_datalek", p.stderr), p.stderr
    for where, text in every_text():
        assert "uur nadat zij of het Bureau daarvan kennis hebben gekregen" in text, where
        assert "72 uur van artikel 33, eerste lid, van de AVG loopt vanaf het moment waarop " \
               "een Publieke Deelnemer" in text, where
        assert "redenen voor de vertraging" in text, where


@test
def substance_of_the_review_is_in_every_region():
    for where, text in every_text():
        # L4: Betrokkene in the AVG's meaning; the casus person has a term of its own.
        assert "Betrokkene: een betrokkene als bedoeld in artikel 4, onder 1, van de AVG" in text
        assert "Hoofdpersoon: de natuurlijke persoon op wie een Casus betrekking heeft" in text
        # L1: the PGA radicalisering route of WGS 2.31, thirteenth lid.
        assert "voor overleg wordt aangemeld bij de politie, het openbaar ministerie of de " \
               "burgemeester van de gemeente van verblijf" in text, where
        # L8: the first-lid deelnemers close a casus.
        assert "De Publieke Deelnemers sluiten de Casus af" in text, where
        # L10: the deelnemer's own judgement of zwaarwegende redenen.
        assert "tenzij naar zijn oordeel zwaarwegende redenen" in text, where
        # L6: provision to third parties needs every condition of WGS 1.7.
        for must in ["op rechtmatigheid heeft getoetst", "geen Deelnemer daartegen bezwaar heeft",
                     "artikel 1.7, derde lid, van de WGS"]:
            assert must in text, (where, must)
        # L7: the jaarverslag reports the feedback of WGS 1.7, fourth lid.
        assert "terugkoppelingen over de effectiviteit en de bruikbaarheid" in text, where
        # Missing subjects of the review.
        for must in ["artikel 2.28, vierde lid, van de WGS", "commerciële werkzaamheden",
                     "artikel 41 van de UAVG", "artikel 35 van de AVG",
                     "artikel 30, eerste lid, van de AVG", "Baseline Informatiebeveiliging Overheid",
                     "Nederlands recht", "afzonderlijke exemplaren", "volmacht",
                     "Zonder nieuwe ondertekening door de Deelnemers worden gewijzigd"]:
            assert must in text, (where, must)
        # Drafting 8: recitals first, then the agreement.
        assert text.index("Overwegende dat:") < text.index("komen het volgende overeen:") \
            < text.index("Artikel 1 ")
        assert "in aanmerking nemende dat" not in text, where


@test
def plustaken_have_a_rule_with_or_without_the_optional_article():
    alles = region_text("alles.yaml")  # keeps regionale-diensten
    minimaal = region_text("minimaal.yaml")  # drops it
    assert "Het Bureau voert een Regionale Dienst alleen uit als" in alles
    assert "Het Bureau voert geen werkzaamheden uit die niet behoren tot" not in alles
    assert "Het Bureau voert geen werkzaamheden uit die niet behoren tot" in minimaal


# --------------------------------------------------------------- annexes

def annex(text, n):
    start = text.index(f"Bijlage {n} ")
    end = text.find(f"Bijlage {n + 1} ", start)
    return text[start:end if end > 0 else len(text)]


@test
def geheimhoudingsverklaringen_stand_alone():
    for name, title, region in [("alles.yaml", "Zorg- en Veiligheidshuis 's-Hertogenbosch & Meierij",
                                 "'s-Hertogenbosch"),
                                ("minimaal.yaml", "Zorg- en Veiligheidshuis Fryslân", "Fryslân")]:
        # flat() makes a no-break space a space; the no-break hyphen stays.
        title, region = typeset(title), typeset(region)
        text = region_text(name)
        forms = [annex(text, 1)] + ([annex(text, 2)] if name == "alles.yaml" else [])
        for form in forms:
            # Names the agreement and the region.
            assert f"Bestuurlijke Afspraken {title}, die gelden in de regio {region}" in form, name
            # Explains in plain words the terms and abbreviations it uses.
            for word in ["PGA-overleg: ", "Casus: ", "Betrokkene: ", "Incidentele deelnemer: ",
                         "Private Deelnemers: ", "Bureau: ", "AVG: de Algemene verordening",
                         "WGS: de Wet gegevensverwerking"]:
                assert word in form, (name, word)
            # Accountability to one's own organisation (WGS 1.11, first lid)
            # is allowed by the onderdeel on disclosure, not contradicted.
            assert "verantwoording af te leggen aan" in form and \
                "artikel 1.11, eerste lid, van de WGS" in form, name
            assert "niet aan anderen te verstrekken, tenzij" not in form, name
            # The signer's own data, the consequence of a breach, the Bureau's signature.
            assert "Wat er met uw eigen gegevens gebeurt" in form, name
            assert "artikel 272 van het Wetboek van Strafrecht" in form, name
            assert "Voor gezien door het Bureau van " + title in form, name


summary()
