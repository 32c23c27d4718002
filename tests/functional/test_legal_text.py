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
        files = generate(os.path.join(ROOT, "regions", name), os.path.join(TMP, name))
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


summary()
