"""Fingerprint, manifest, verifieer and PDF: what genereer records about
its documents and whether verifieer tells an edited text from a re-saved
one. Edits are made with tools we did not write (python-docx, Python's
zipfile, LibreOffice); hashes are checked with hashlib; the PDF is read
with pdftotext and pdfinfo."""

from common import *

import hashlib
import json
import unicodedata

VOORBEELD = os.path.join(ROOT, "regions", "voorbeeld.yaml")
ODT_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"

out = os.path.join(TMP, "verify")
files = generate(VOORBEELD, out)
manifest_path = files["json"]
manifest = json.load(open(manifest_path, encoding="utf-8"))
fingerprint = manifest["bestanden"][0]["vingerafdruk"]


def sha256(path):
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


def short(h):
    return " ".join(h[i:i + 4] for i in range(0, 16, 4))


def verify(path, *extra):
    return run("verifieer", path, *extra)


def copy(path, name):
    dest = os.path.join(TMP, name)
    shutil.copy(path, dest)
    return dest


def rezip(src, dest, replace):
    """A copy of the package src with members replaced, mimetype first and
    stored, as ODF asks."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = replace.get(info.filename, zin.read(info.filename))
            if callable(data):
                data = data(zin.read(info.filename))
            kind = zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED
            zout.writestr(info.filename, data, compress_type=kind)
    return dest


# The article this test edits: the first lid of "Artikel 2", as the
# oracle numbers the articles.
kept, _ = expected_articles(MODEL, VOORBEELD)
ARTICLE = kept[1]                      # "Artikel 2 <titel>"
ARTICLE_LABEL = " ".join(ARTICLE.split()[:2])


def normalise(text):
    """The normalisation README.md describes, written again from its words."""
    out = []
    for ch in text:
        if ch in "\u00ad\u200b\u200c\u200d\u2060\ufeff":
            continue
        if ch == "\u2011":
            ch = "-"
        out.append(" " if ch.isspace() or unicodedata.category(ch) == "Zs" else ch)
    s = "".join(out)
    s = re.sub(r"\.{4,}|_{4,}|\u2026{4,}", " ", s)
    return " ".join(s.split())


# --------------------------------------------------------------- manifest

@test
def manifest_hashes_are_those_of_the_files():
    assert manifest["afspraken"]
    assert manifest["model"]["sha256"] == sha256(MODEL)
    assert manifest["model"]["versie"] == load_yaml(MODEL)["model"]["versie"]
    assert manifest["regio"]["sha256"] == sha256(VOORBEELD)
    assert manifest["regio"]["bestand"] == "voorbeeld.yaml"
    assert manifest["status"] in ("concept", "definitief")
    names = {e["naam"]: e for e in manifest["bestanden"]}
    agreement = {os.path.basename(files[f]) for f in ("odt", "docx", "md")}
    assert agreement <= set(names)
    # The rest are the verklaringen beside the agreement, each its own entry.
    others = set(names) - agreement
    assert others and all(n.startswith("verklaringen/") for n in others), others
    for n in others:
        assert names[n]["sha256"] == sha256(os.path.join(os.path.dirname(files["odt"]), n)), n
        assert names[n]["vingerafdruk"] and names[n]["vingerafdruk"] != fingerprint, n
    for fmt in ("odt", "docx", "md"):
        entry = names[os.path.basename(files[fmt])]
        assert entry["sha256"] == sha256(files[fmt]), fmt
        assert entry["vingerafdruk"] == fingerprint, fmt


@test
def fingerprint_is_sha256_of_the_text_as_readme_describes():
    """Recomputed from python-docx's paragraphs and odfpy's, with the
    README's rules: an independent check of what genereer hashes."""
    paras = [p.text for p in docx.Document(files["docx"]).paragraphs]
    text = normalise(" ".join(paras))
    assert hashlib.sha256(text.encode("utf-8")).hexdigest() == fingerprint
    doc = opendocument.load(files["odt"])
    body = doc.text
    paras = [teletype.extractText(e) for e in body.childNodes
             if e.qname in ((ODT_TEXT, "p"), (ODT_TEXT, "h"))]
    text = normalise(" ".join(paras))
    assert hashlib.sha256(text.encode("utf-8")).hexdigest() == fingerprint


@test
def properties_carry_the_fingerprints():
    meta = odt_member(files["odt"], "meta.xml").decode()
    assert f'meta:name="Vingerafdruk" meta:value-type="string">{fingerprint}<' in meta
    assert f">{sha256(VOORBEELD)}<" in meta
    xml = odt_member(files["docx"], "docProps/custom.xml").decode()
    assert f'name="Vingerafdruk"><vt:lpwstr>{fingerprint}<' in xml
    assert f"{ARTICLE_LABEL}</vt:lpwstr>" in xml
    check_docx_schema(files["docx"], "verify-docx")
    check_odf_schema(files["odt"], "verify-odt")


@test
def footers_show_the_short_fingerprint():
    line = f"Vingerafdruk: {short(fingerprint)}"
    assert line in odt_member(files["odt"], "styles.xml").decode()
    footer = docx.Document(files["docx"]).sections[0].footer
    assert line in [p.text for p in footer.paragraphs]


@test
def regeneration_is_byte_identical():
    again = generate(VOORBEELD, os.path.join(TMP, "verify-again"))
    for fmt in ("odt", "docx", "md", "json"):
        assert open(files[fmt], "rb").read() == open(again[fmt], "rb").read(), fmt


# ---------------------------------------------------------------- verifieer

@test
def untouched_files_verify():
    for fmt in ("odt", "docx"):
        p = verify(files[fmt])
        assert p.returncode == 0, p.stdout + p.stderr
        assert "de tekst is de gegenereerde tekst" in p.stdout
        assert short(fingerprint) in p.stdout
        p = verify(files[fmt], "--manifest", manifest_path)
        assert p.returncode == 0 and "byte voor byte" in p.stdout, p.stdout + p.stderr
    p = verify(files["md"], "--manifest", manifest_path)
    assert p.returncode == 0 and "byte voor byte" in p.stdout


@test
def every_verklaring_verifies_and_shows_its_own_fingerprint():
    folder = os.path.join(os.path.dirname(files["odt"]), "verklaringen")
    entries = {e["naam"]: e for e in manifest["bestanden"]}
    checked = 0
    for name in sorted(os.listdir(folder)):
        if not name.endswith((".odt", ".docx")):
            continue
        path = os.path.join(folder, name)
        own = entries["verklaringen/" + name]["vingerafdruk"]
        p = verify(path, "--manifest", manifest_path)
        assert p.returncode == 0 and "byte voor byte" in p.stdout, p.stdout + p.stderr
        assert short(own) in p.stdout
        if name.endswith(".docx"):
            footer = docx.Document(path).sections[0].footer
            assert f"Vingerafdruk: {short(own)}" in [q.text for q in footer.paragraphs]
        checked += 1
    assert checked >= 2, os.listdir(folder)


def assert_changed_article(p):
    assert p.returncode == 1, p.stdout + p.stderr
    assert "gewijzigd sinds het genereren" in p.stdout
    changed = [l for l in p.stdout.splitlines() if l.strip().startswith("gewijzigd:")]
    assert len(changed) == 1 and ARTICLE_LABEL + " (" in changed[0], p.stdout


@test
def one_word_changed_by_python_docx_is_found():
    d = docx.Document(files["docx"])
    paras = d.paragraphs
    start = next(i for i, p in enumerate(paras) if p.text == ARTICLE)
    target = next(p for p in paras[start + 1:] if len(p.text.split()) > 3)
    run_ = max(target.runs, key=lambda r: len(r.text))
    words = run_.text.split(" ")
    i = max(range(len(words)), key=lambda k: len(words[k]))
    words[i] = "gewijzigd"
    run_.text = " ".join(words)
    edited = os.path.join(TMP, "edited.docx")
    d.save(edited)
    assert_changed_article(verify(edited))
    # Against the manifest too: its fingerprint is the reference.
    shutil.copy(edited, os.path.join(TMP, os.path.basename(files["docx"])))
    assert_changed_article(verify(os.path.join(TMP, os.path.basename(files["docx"])),
                                  "--manifest", manifest_path))


@test
def one_word_changed_in_odt_content_xml_is_found():
    def edit(content):
        text = content.decode()
        # The article itself, not its entry in the table of contents.
        at = text.index(escape(ARTICLE), max(text.find("</text:table-of-content>"), 0))
        p = text.index("<text:p ", at)
        body = text.index(">", p) + 1
        # Replace the paragraph's first long word.
        m = re.compile(r"[A-Za-z]{6,}").search(text, body)
        return (text[:m.start()] + "Gewijzigd" + text[m.end():]).encode()
    edited = rezip(files["odt"], os.path.join(TMP, "edited.odt"), {"content.xml": edit})
    assert_changed_article(verify(edited))


@test
def style_only_changes_are_not_changes():
    # ODT: another font and size in styles.xml.
    odt = rezip(files["odt"], os.path.join(TMP, "style.odt"), {
        "styles.xml": lambda b: b.replace(b"Liberation Sans", b"DejaVu Serif")
                                 .replace(b'fo:font-size="11pt"', b'fo:font-size="13pt"')})
    # DOCX: wider margins in document.xml and another font in styles.xml.
    docx_ = rezip(files["docx"], os.path.join(TMP, "style.docx"), {
        "word/document.xml": lambda b: re.sub(rb'w:left="\d+"', b'w:left="2500"', b),
        "word/styles.xml": lambda b: re.sub(rb'w:ascii="[^"]*"', b'w:ascii="DejaVu Serif"', b)})
    for path in (odt, docx_):
        assert open(path, "rb").read() != open(files[path.rsplit(".", 1)[1]], "rb").read()
        p = verify(path)
        assert p.returncode == 0, p.stdout + p.stderr


@test
def libreoffice_resave_is_not_a_change():
    resaved = os.path.join(TMP, "resaved")
    for fmt in ("odt", "docx"):
        path = soffice_convert(files[fmt], fmt, resaved)
        assert open(path, "rb").read() != open(files[fmt], "rb").read()
        p = verify(path)
        assert p.returncode == 0, p.stdout + p.stderr
        p = verify(path, "--manifest", manifest_path)
        assert p.returncode == 0 and "bytes verschillen" in p.stdout, p.stdout + p.stderr
    # ODT and DOCX carry the same text: LibreOffice's DOCX of our ODT too.
    path = soffice_convert(files["odt"], "docx", os.path.join(TMP, "crossed"))
    p = verify(path)
    assert p.returncode == 0 and short(fingerprint) in p.stdout, p.stdout + p.stderr


@test
def damaged_or_foreign_files_are_input_errors():
    truncated = os.path.join(TMP, "kapot.docx")
    data = open(files["docx"], "rb").read()
    open(truncated, "wb").write(data[:len(data) // 2])
    text = os.path.join(TMP, "tekst.odt")
    open(text, "w").write("geen document\n")
    bad_xml = rezip(files["odt"], os.path.join(TMP, "badxml.odt"),
                    {"content.xml": b"<office:document-content"})
    for path in (truncated, text, bad_xml):
        p = verify(path)
        assert p.returncode == 2, (path, p.returncode, p.stdout, p.stderr)
        assert "fout:" in p.stderr and p.stdout == ""
    p = verify(os.path.join(TMP, "bestaat-niet.odt"))
    assert p.returncode == 2 and "kan het bestand niet lezen" in p.stderr
    p = verify(files["odt"], "--manifest", files["md"])
    assert p.returncode == 2 and "geen geldige JSON" in p.stderr


# ---------------------------------------------------------------------- PDF

@test
def pdf_shows_the_fingerprint_and_verifies_by_manifest():
    pdf_out = os.path.join(TMP, "pdf")
    got = generate(VOORBEELD, pdf_out, formats="pdf")
    assert set(got) == {"pdf", "json"}
    text = subprocess.run(["pdftotext", got["pdf"], "-"], capture_output=True,
                          text=True).stdout
    assert f"Vingerafdruk: {short(fingerprint)}" in text
    info = subprocess.run(["pdfinfo", got["pdf"]], capture_output=True, text=True).stdout
    assert re.search(r"^Tagged:\s+yes$", info, re.M), info
    meta = subprocess.run(["pdfinfo", "-meta", got["pdf"]], capture_output=True,
                          text=True).stdout
    assert "<pdfaid:part>2</pdfaid:part>" in meta and "<pdfaid:conformance>B" in meta
    m = json.load(open(got["json"], encoding="utf-8"))
    assert m["bestanden"][0]["sha256"] == sha256(got["pdf"])
    assert m["bestanden"][0]["vingerafdruk"] == fingerprint
    p = verify(got["pdf"], "--manifest", got["json"])
    assert p.returncode == 0 and "byte voor byte" in p.stdout, p.stdout + p.stderr
    data = bytearray(open(got["pdf"], "rb").read())
    data[len(data) // 2] ^= 1
    open(got["pdf"], "wb").write(data)
    p = verify(got["pdf"], "--manifest", got["json"])
    assert p.returncode == 1 and "niet het bestand uit het manifest" in p.stdout
    p = verify(got["pdf"])
    assert p.returncode == 2 and "--manifest" in p.stderr


@test
def pdf_without_libreoffice_says_how_to_install_it():
    target = os.path.join(TMP, "no-soffice")
    p = run("genereer", VOORBEELD, "-o", target, "--formaat", "odt,pdf",
            env={"PATH": "/nonexistent"})
    assert p.returncode == 3, p.stderr
    assert "apt-get install libreoffice-writer-nogui" in p.stderr and "soffice" in p.stderr
    assert not os.path.exists(target)


summary()
