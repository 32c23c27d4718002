"""Typography and links: no-break hyphens in names ("'s-Hertogenbosch")
and no-break spaces between "artikel" and its number, inside dates and
amounts, in every format; e-mail and web addresses in values are links in
ODT and DOCX and text in Markdown. Read back by readers we did not write:
python-docx (the runs' XML), odfpy, pandoc, LibreOffice and pdftotext;
the documents stay valid and verifieer still recognises them after
LibreOffice saves them."""

from common import *

import json

from odf.text import P

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DOCX_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

# alles.yaml is the region of 's-Hertogenbosch; a date and an amount in
# regional text, a date in a field.
SRC = open(os.path.join(ROOT, "regions", "alles.yaml"), encoding="utf-8").read()
REGION = os.path.join(TMP, "typografie.yaml")
# An e-mail address and a web address in a field, a web address in
# regional text.
MAIL, WEB, PORTAL = "privacy@zvh-meierij.nl", "www.zvh-meierij.nl", "https://aanmelden.zvh-meierij.nl"
LINKS = {"mailto:" + MAIL: MAIL, "https://" + WEB: WEB, PORTAL: PORTAL}
with open(REGION, "w", encoding="utf-8") as f:
    f.write(SRC.replace("    jaar (minimum < € 10.000 per gemeente).",
                        "    jaar (minimum < € 10.000 per gemeente, maximum 250.000 euro),\n"
                        "    voor het eerst op 1 maart 2027.")
            .replace(f"<{MAIL}>", f"<{MAIL}> of {WEB}."))
OUT = os.path.join(TMP, "typografie")
files = generate(REGION, OUT)

TITLE = typeset("Zorg- en Veiligheidshuis 's-Hertogenbosch & Meierij")
AMOUNTS = f"€{NBSP}10.000 per gemeente, maximum 250.000{NBSP}euro"
DATE = f"1{NBSP}maart{NBSP}2027"
REFERENCE = f"artikel{NBSP}2.27, eerste lid"
EXPECTED = [TITLE, f"5200{NBSP}GZ 's{NBHY}Hertogenbosch", f"Sint{NBHY}Michielsgestel", AMOUNTS,
            DATE, REFERENCE]


def odt_paragraphs(path):
    doc = opendocument.load(path)
    return [teletype.extractText(p) for p in doc.getElementsByType(P)] + \
        [teletype.extractText(h) for h in doc.getElementsByType(H)]


def docx_runs(path):
    """Each paragraph's runs as Word reads them, straight from the XML:
    w:t text, and w:noBreakHyphen as the character it stands for."""
    paras = []
    for p in docx.Document(path).element.body.iter(W + "p"):
        text = []
        for r in p.iter(W + "r"):
            for child in r:
                if child.tag == W + "t":
                    text.append(child.text or "")
                elif child.tag == W + "noBreakHyphen":
                    text.append(NBHY)
                elif child.tag == W + "tab":
                    text.append("\t")
        paras.append("".join(text))
    return paras


def pandoc_blocks(path, fmt):
    p = subprocess.run(["pandoc", "-f", fmt, "-t", "json", path], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    return json.loads(p.stdout)["blocks"]


def walk(x, visit):
    """Calls visit on every element of pandoc's JSON, unless visit returns
    True for an element whose content it took itself."""
    if isinstance(x, dict):
        if not visit(x):
            for v in x.values():
                walk(v, visit)
    elif isinstance(x, list):
        for v in x:
            walk(v, visit)


def plain(x):
    """The text of pandoc's elements: the Str elements joined by what lies
    between them."""
    parts = []

    def visit(e):
        if e.get("t") == "Str":
            parts.append(e["c"])
        elif e.get("t") in ("Space", "SoftBreak", "LineBreak"):
            parts.append(" ")
        else:
            return False
        return True
    walk(x, visit)
    return "".join(parts)


def pandoc_strings(path, fmt):
    return plain(pandoc_blocks(path, fmt))


def pandoc_links(path, fmt):
    """Every Link pandoc reads: (target, text)."""
    links = []

    def visit(e):
        if e.get("t") == "Link":
            links.append((e["c"][2][0], plain(e["c"][1])))
        return False
    walk(pandoc_blocks(path, fmt), visit)
    return links


@test
def docx_runs_carry_no_break_spaces_and_words_no_break_hyphen():
    paras = docx_runs(files["docx"])
    text = "\n".join(paras)
    for want in EXPECTED:
        assert want in text, want
    assert paras[0] == typeset("Bestuurlijke Afspraken Zorg- en Veiligheidshuis "
                               "'s-Hertogenbosch & Meierij"), paras[0]
    # Word's own element for the no-break hyphen, not the character: Word
    # draws it with the font's hyphen (Liberation Sans, the house font's
    # twin, has no glyph for U+2011).
    xml = odt_member(files["docx"], "word/document.xml").decode("utf-8")
    assert "<w:noBreakHyphen/>" in xml and NBHY not in xml
    assert re.search(r"<w:t xml:space=\"preserve\">[^<]*'s</w:t><w:noBreakHyphen/>"
                     r"<w:t xml:space=\"preserve\">Hertogenbosch", xml)
    # The footer repeats the title, no-break hyphen and all.
    footer = odt_member(files["docx"], "word/footer1.xml").decode("utf-8")
    assert "'s</w:t><w:noBreakHyphen/>" in footer


@test
def odt_carries_the_characters_as_libreoffice_does():
    text = "\n".join(odt_paragraphs(files["odt"]))
    for want in EXPECTED:
        assert want in text, want
    # Labels stay as they are: a heading starts its line.
    assert "Artikel 2 " in text and f"Artikel{NBSP}2" not in text


@test
def markdown_has_the_literal_characters():
    md = open(files["md"], encoding="utf-8").read()
    for want in [f"'s{NBHY}Hertogenbosch", f"Sint{NBHY}Michielsgestel", DATE, REFERENCE,
                 f"€{NBSP}10.000", f"250.000{NBSP}euro"]:
        assert want in md, want
    # Headings keep their labels; the words of the agreement keep theirs:
    # "Zorg- en" may break after its hyphen.
    assert "## Artikel 2 " in md
    assert "Zorg- en Veiligheidshuis" in md


@test
def pandoc_reads_the_characters_in_every_format():
    for fmt, key in [("docx", "docx"), ("odt", "odt"), ("markdown", "md")]:
        # pandoc's Markdown reader makes quotes typographic.
        text = pandoc_strings(files[key], fmt).replace("\u2019", "'")
        for want in EXPECTED:
            assert want in text, (fmt, want)


@test
def documents_stay_valid():
    check_odf_schema(files["odt"], "typografie-odf")
    check_docx_schema(files["docx"], "typografie-ooxml")


@test
def verifieer_recognises_the_text_after_libreoffice_saves_it():
    for fmt in ("odt", "docx"):
        p = run("verifieer", files[fmt], "--manifest", files["json"])
        assert p.returncode == 0, p.stdout + p.stderr
        resaved = soffice_convert(files[fmt], fmt, os.path.join(TMP, "typografie-lo"))
        p = run("verifieer", resaved)
        assert p.returncode == 0, p.stdout + p.stderr
    # LibreOffice keeps the characters: U+2011 in its ODT, Word's element
    # in its DOCX.
    resaved = os.path.join(TMP, "typografie-lo", os.path.basename(files["odt"]))
    assert TITLE in "\n".join(odt_paragraphs(resaved))
    resaved = resaved[:-3] + "docx"
    assert "<w:noBreakHyphen/>" in odt_member(resaved, "word/document.xml").decode("utf-8")
    assert TITLE in "\n".join(docx_runs(resaved))


@test
def libreoffice_converts_both_to_pdf():
    pages = {}
    for fmt in ("odt", "docx"):
        pdf = soffice_convert(files[fmt], "pdf", os.path.join(TMP, "typografie-pdf-" + fmt))
        text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True,
                              text=True).stdout
        pages[fmt] = len([pg for pg in text.split("\f") if pg.strip()])
        # The no-break hyphen prints as a hyphen; the name is never split.
        flat = " ".join(text.split())
        assert re.search("'s[-\u2011]Hertogenbosch", flat), fmt
        assert not re.search(r"'s[-\u2011]\s*\n\s*Hertogenbosch", text), fmt
        assert not re.search(r"\bartikel\s*\n\s*\d", text), fmt
    assert abs(pages["odt"] - pages["docx"]) <= 1, pages


# ------------------------------------------------------------------ links

@test
def addresses_are_links_in_odt():
    from odf.text import A
    doc = opendocument.load(files["odt"])
    links = {a.getAttribute("href"): (teletype.extractText(a), a.getAttribute("stylename"))
             for a in doc.getElementsByType(A)}
    assert links == {href: (text, "Internet_20_link") for href, text in LINKS.items()}, links
    assert sorted(pandoc_links(files["odt"], "odt")) == sorted(LINKS.items())


@test
def addresses_are_links_in_docx():
    d = docx.Document(files["docx"])
    found = {}
    for h in d.element.body.iter(W + "hyperlink"):
        rel = d.part.rels[h.get("{%s}id" % DOCX_R)]
        assert rel.is_external and rel.reltype.endswith("/hyperlink"), rel.reltype
        runs = list(h.iter(W + "r"))
        assert all(r.find(W + "rPr/" + W + "rStyle").get(W + "val") == "Hyperlink" for r in runs)
        found[rel.target_ref] = "".join(t.text for t in h.iter(W + "t"))
    assert found == LINKS, found
    # The link style comes from the house style, as Word names it.
    styles = {s.style_id: s for s in d.styles}
    assert styles["Hyperlink"].font.underline and styles["Hyperlink"].type == 2  # character
    assert sorted(pandoc_links(files["docx"], "docx")) == sorted(LINKS.items())
    # python-docx reads the addresses in the paragraph's text.
    text = "\n".join(p.text for p in d.paragraphs)
    assert f"<{MAIL}> of {WEB}." in text and f"<{PORTAL}>" in text


@test
def addresses_are_text_in_markdown():
    md = open(files["md"], encoding="utf-8").read()
    assert pandoc_links(files["md"], "markdown") == []
    text = pandoc_strings(files["md"], "markdown")
    for address in LINKS.values():
        assert address in text, address
    # In a concept the address in regional text is inside its emphasis.
    assert f"_Aanmelding gebeurt via het beveiligde portaal \\<{PORTAL}\\> of telefonisch" in md


@test
def a_changed_address_is_a_changed_link_in_the_redlines():
    newer = os.path.join(TMP, "typografie-adres.yaml")
    with open(newer, "w", encoding="utf-8") as f:
        f.write(open(REGION, encoding="utf-8").read().replace(MAIL, "avg@zvh-meierij.nl"))
    out = os.path.join(TMP, "typografie-redline")
    p = run("vergelijk", REGION, newer, "-o", out)
    assert p.returncode == 1, p.stderr
    docx_path, odt_path = os.path.join(out, "vergelijking.docx"), os.path.join(out, "vergelijking.odt")
    check_docx_schema(docx_path, "typografie-redline-ooxml")
    check_odf_schema(odt_path, "typografie-redline-odf")
    xml = odt_member(docx_path, "word/document.xml").decode("utf-8")
    # The old link deleted, the new one inserted, each with its target.
    assert re.search(r'<w:hyperlink r:id="(rIdL\d+)"[^>]*><w:del [^>]*><w:r>.*?'
                     r'<w:delText xml:space="preserve">privacy@zvh-meierij.nl</w:delText>', xml)
    assert re.search(r'<w:hyperlink r:id="(rIdL\d+)"[^>]*><w:ins [^>]*><w:r>.*?'
                     r'<w:t xml:space="preserve">avg@zvh-meierij.nl</w:t>', xml)
    targets = {r.target_ref for r in docx.Document(docx_path).part.rels.values() if r.is_external}
    assert {"mailto:" + MAIL, "mailto:avg@zvh-meierij.nl"} <= targets, targets
    # pandoc accepts the changes by default: only the new link remains.
    links = dict(pandoc_links(docx_path, "docx"))
    assert links.get("mailto:avg@zvh-meierij.nl") == "avg@zvh-meierij.nl" and \
        "mailto:" + MAIL not in links, links
    content = odt_member(odt_path, "content.xml").decode("utf-8")
    assert 'xlink:href="mailto:avg@zvh-meierij.nl"' in content
    # The deleted link is in the tracked change's deleted text.
    changes = content[content.index("<text:tracked-changes"):content.index("</text:tracked-changes>")]
    assert f'xlink:href="mailto:{MAIL}"' in changes


@test
def vergelijk_diffs_the_number_not_the_reference():
    """A no-break space joins "artikel" and its number on the line, not in
    the word diff: a changed number is one changed word."""
    newer = os.path.join(TMP, "typografie-nieuw.yaml")
    with open(newer, "w", encoding="utf-8") as f:
        f.write(open(REGION, encoding="utf-8").read().replace(
            "voor het eerst op 1 maart 2027.", "voor het eerst op 2 maart 2027."))
    p = run("vergelijk", REGION, newer, "--formaat", "json")
    assert p.returncode == 1, p.stderr
    report = json.loads(p.stdout)
    words = [w for part in report["onderdelen"] for c in part["wijzigingen"]
             for w in (c["woorden"] or [])]
    changed = [(w["op"], w["tekst"]) for w in words if w["op"] != "gelijk"]
    assert changed == [("weg", "1"), ("erbij", "2")], changed


summary()
