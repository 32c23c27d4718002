"""Functional tests of the coordinator's working day (issue 11): the region
files' JSON Schema checked by an independent validator (python3-jsonschema),
and the house style both document formats share.

Run from the repository root: /usr/bin/python3 tests/functional/test_housestyle.py
"""

import json

import jsonschema

from common import *  # noqa: F401,F403 - the shared test vocabulary


class EditorLoader(yaml.SafeLoader):
    """YAML as the YAML language server reads it (YAML 1.2 core schema):
    numbers are numbers, but a date stays text."""


EditorLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def editor_yaml(path_or_text):
    text = open(path_or_text, encoding="utf-8").read() if os.path.exists(path_or_text) \
        else path_or_text
    return yaml.load(text, Loader=EditorLoader)


def schema(model=None):
    p = run("schema", *(["--model", model] if model else []))
    assert p.returncode == 0, p.stderr
    return json.loads(p.stdout)


def schema_errors(sch, data):
    v = jsonschema.Draft7Validator(sch)
    return sorted(v.iter_errors(data), key=lambda e: list(e.path))


# ------------------------------------------------------------------- schema

@test
def schema_is_a_valid_draft_7_schema_and_the_examples_pass_it():
    sch = schema()
    jsonschema.Draft7Validator.check_schema(sch)
    for region in REGIONS:
        errors = schema_errors(sch, editor_yaml(region))
        assert not errors, f"{region}: {[e.message for e in errors]}"
    mini = schema(MINI_MODEL)
    errors = schema_errors(mini, editor_yaml(MINI_REGION))
    assert not errors, [e.message for e in errors]


@test
def schema_flags_an_unknown_key_and_a_wrong_type():
    sch = schema()
    base = editor_yaml(os.path.join(ROOT, "regions", "voorbeeld.yaml"))
    typo = dict(base, deelnemer=base["deelnemers"])
    errors = schema_errors(sch, typo)
    assert any(e.validator == "additionalProperties" and "deelnemer" in e.message
               for e in errors), [e.message for e in errors]
    # A number field given as a word, and a list field given one name.
    m = load_yaml(MODEL)
    number = next(f["id"] for f in m["velden"] if f["type"] == "getal")
    listed = next(f["id"] for f in m["velden"] if f["type"] in ("organisaties", "lijst"))
    wrong = dict(base, velden=dict(base["velden"], **{number: "vaak", listed: "Gemeente Tiel"}))
    errors = schema_errors(sch, wrong)
    flagged = {e.path[-1]: e.validator for e in errors}
    assert flagged.get(number) == "type" and flagged.get(listed) == "type", flagged
    # Out of bounds, a choice that does not exist, an unknown article.
    f = next(f for f in m["velden"] if f["type"] == "getal")
    bad = dict(base, velden=dict(base["velden"], **{number: int(f["max"]) + 1}),
               optionele_artikelen={"bestaat-niet": "ja"})
    kinds = {e.validator for e in schema_errors(sch, bad)}
    assert {"maximum", "additionalProperties"} <= kinds, kinds


@test
def schema_carries_the_models_articles_fields_and_choices():
    sch = schema()
    m = load_yaml(MODEL)
    props = sch["properties"]
    arts = props["optionele_artikelen"]["properties"]
    optional = [a for d in m["delen"] for a in d["artikelen"] if a.get("optioneel") == "ja"]
    assert optional and sorted(arts) == sorted(a["id"] for a in optional)
    for a in optional:
        assert " ".join(arts[a["id"]]["description"].split()) == " ".join(a["toelichting"].split())
        assert arts[a["id"]]["enum"] == ["ja", "nee"]
    fields = props["velden"]["properties"]
    for f in m["velden"]:
        s = fields[f["id"]]
        assert s["description"] == f["omschrijving"]
        if f["type"] == "getal":
            assert (s["type"], s["minimum"], s["maximum"]) == ("integer", int(f["min"]),
                                                              int(f["max"]))
        if f["type"] == "keuze":
            assert {c["const"]: c["description"] for c in s["anyOf"]} == f["keuzes"]
    required = [f["id"] for f in m["velden"]
                if f.get("verplicht") == "ja" and "standaard" not in f]
    assert sorted(props["velden"].get("required", [])) == sorted(required)
    assert set(sch["required"]) >= {"regio", "deelnemers", "beheerorganisatie"}
    assert set(sch["properties"]["lettertype"]["enum"]) >= {"Arial", "Liberation Sans"}
    assert sch["properties"]["inhoudsopgave"]["enum"] == ["ja", "nee"]


@test
def init_points_the_editor_at_the_schema():
    p = run("init", "--regio", "Noord-Veluwe")
    assert p.returncode == 0, p.stderr
    first = p.stdout.splitlines()[0]
    m = re.match(r"^# yaml-language-server: \$schema=(.+)$", first)
    assert m, first
    assert json.load(open(m.group(1), encoding="utf-8")) == schema()


@test
def install_puts_the_schema_beside_the_model():
    prefix = os.path.join(TMP, "prefix")
    p = subprocess.run(["make", "-s", "install", f"PREFIX={prefix}"], cwd=ROOT,
                       capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    installed = os.path.join(prefix, "share", "afspraken", "regio.schema.json")
    assert json.load(open(installed, encoding="utf-8")) == schema()
    q = subprocess.run([os.path.join(prefix, "bin", "afspraken"), "init"],
                       capture_output=True, text=True, cwd=TMP)
    assert q.stdout.startswith(f"# yaml-language-server: $schema={installed}\n"), q.stdout[:200]


# -------------------------------------------------------------- house style

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
STYLE_NS = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
FO_NS = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
OWN_STYLES = ["Bijlage", "Ondertekening", "Lid", "Lid zonder nummer", "Onderdeel", "Onderdeel 2",
              "Ondertekening partij", "Ondertekening ruimte", "Ondertekening naam",
              "Ondertekening functie", "Regionaal", "Begrip"]

house = {}  # region -> {format: path}


def cm(value):
    """An ODF length ("2.5cm", "25mm", "1in", "12pt") in centimetres."""
    m = re.match(r"^(-?[0-9.]+)(cm|mm|in|pt)$", value)
    assert m, value
    return float(m.group(1)) * {"cm": 1, "mm": 0.1, "in": 2.54, "pt": 2.54 / 72}[m.group(2)]


def odt_styles(path):
    """Named styles of an ODT by display name: (family, paragraph and text
    properties as dicts of local attribute names)."""
    from xml.etree import ElementTree as ET
    root = ET.fromstring(odt_member(path, "styles.xml"))
    out = {}
    for st in root.iter(f"{{{STYLE_NS}}}style"):
        props = {}
        for child in st:
            for k, v in child.attrib.items():
                props[k.split("}")[1]] = v
        out[st.get(f"{{{STYLE_NS}}}display-name") or st.get(f"{{{STYLE_NS}}}name")] = (
            st.get(f"{{{STYLE_NS}}}family"), props)
    return root, out


@test
def house_style_documents_are_valid_and_have_the_same_pages():
    counts = []
    for i, region in enumerate(REGIONS):
        files = generate(region, os.path.join(TMP, f"house{i}"), formats="odt,docx")
        house[region] = files
        check_odf_schema(files["odt"], f"house-odf{i}")
        check_docx_schema(files["docx"], f"house-ooxml{i}")
        pages = {}
        for fmt in ("odt", "docx"):
            pdf = soffice_convert(files[fmt], "pdf", os.path.join(TMP, f"house-pdf{i}-{fmt}"))
            pages[fmt] = pdf_pages(pdf)
        counts.append(f"{os.path.basename(region)}: ODT {pages['odt']}, DOCX {pages['docx']}")
        assert abs(pages["odt"] - pages["docx"]) <= 1, counts[-1]
    print("      pagina's: " + "; ".join(counts))


@test
def both_formats_have_the_same_named_styles_and_use_them():
    for files in house.values():
        _, ostyles = odt_styles(files["odt"])
        d = docx.Document(files["docx"])
        dnames = {s.name for s in d.styles}
        for name in OWN_STYLES:
            assert name in ostyles, f"ODT mist stijl {name}"
            assert name in dnames, f"DOCX mist stijl {name}"
        used = {p.style.name for p in d.paragraphs}
        assert {"Bijlage", "Ondertekening", "Lid zonder nummer", "Ondertekening ruimte",
                "Ondertekening partij"} <= used, used
        odt = odt_member(files["odt"], "content.xml").decode()
        for name in ("Bijlage", "Ondertekening", "Lid_20_zonder_20_nummer",
                     "Ondertekening_20_ruimte"):
            assert f'text:style-name="{name}"' in odt, name
        # No direct formatting in the DOCX body: every look is a style.
        with zipfile.ZipFile(files["docx"]) as z:
            body = z.read("word/document.xml").decode()
        for direct in ("<w:ind ", "<w:spacing ", "<w:pageBreakBefore", "<w:keepNext", "<w:jc "):
            assert direct not in body, direct


@test
def fonts_sizes_margins_and_rules_are_equal_between_the_formats():
    for files in house.values():
        root, ostyles = odt_styles(files["odt"])
        d = docx.Document(files["docx"])
        # Font: the same family, with its metric-compatible twin declared.
        with zipfile.ZipFile(files["docx"]) as z:
            styles_xml = z.read("word/styles.xml").decode()
            fonts_xml = z.read("word/fontTable.xml").decode()
            settings_xml = z.read("word/settings.xml").decode()
        dfont = re.search(r'<w:rPrDefault><w:rPr><w:rFonts w:ascii="([^"]+)"', styles_xml).group(1)
        default = root.find(f".//{{{STYLE_NS}}}default-style/{{{STYLE_NS}}}text-properties")
        assert default.get(f"{{{STYLE_NS}}}font-name") == dfont == "Arial"
        assert '<w:altName w:val="Liberation Sans"/>' in fonts_xml
        faces = [f.get(f"{{{STYLE_NS}}}name") for f in root.iter(f"{{{STYLE_NS}}}font-face")]
        assert faces == ["Arial", "Liberation Sans"], faces
        # Hyphenation on, in Dutch, in both.
        assert default.get(f"{{{FO_NS}}}hyphenate") == "true"
        assert default.get(f"{{{FO_NS}}}language") == "nl"
        assert "<w:autoHyphenation/>" in settings_xml
        # Sizes of the styles that set one.
        for name, dname in [("Title", "Title"), ("Subtitle", "Subtitle"),
                            ("Heading 1", "Heading 1"), ("Heading 2", "Heading 2"),
                            ("Footer", "Footer"), ("Contents Heading", "TOC Heading")]:
            osize = cm(ostyles[name][1]["font-size"]) * 72 / 2.54
            assert abs(d.styles[dname].font.size.pt - osize) < 0.01, (name, osize)
        assert d.styles["Normal"].font.size.pt == 11
        assert abs(cm(default.get(f"{{{FO_NS}}}font-size")) * 72 / 2.54 - 11) < 0.01
        assert ostyles["Footer"][1]["color"].lower() == "#" + str(d.styles["Footer"].font.color.rgb).lower()
        # Page: A4, the same margins; ODF counts the footer inside the margin.
        sec = d.sections[0]
        layout = root.find(f".//{{{STYLE_NS}}}page-layout-properties").attrib
        footer = root.find(f".//{{{STYLE_NS}}}footer-style/{{{STYLE_NS}}}header-footer-properties")
        get = lambda k: cm(layout[f"{{{FO_NS}}}{k}"])
        assert abs(get("page-width") - sec.page_width.cm) < 0.01
        assert abs(get("page-height") - sec.page_height.cm) < 0.01
        for k, v in [("margin-left", sec.left_margin), ("margin-right", sec.right_margin)]:
            assert abs(get(k) - v.cm) < 0.01, k
        assert abs(get("margin-bottom") - sec.footer_distance.cm) < 0.01
        assert abs(get("margin-bottom") + cm(footer.get(f"{{{FO_NS}}}min-height"))
                   - sec.bottom_margin.cm) < 0.01
        # A concept's header likewise inside the top margin.
        header = root.find(f".//{{{STYLE_NS}}}header-style/{{{STYLE_NS}}}header-footer-properties")
        top = get("margin-top") + (cm(header.get(f"{{{FO_NS}}}min-height")) if header is not None
                                   else 0)
        assert abs(top - sec.top_margin.cm) < 0.01
        if header is not None:
            assert abs(get("margin-top") - sec.header_distance.cm) < 0.01
        # Indents of the hanging labels.
        for name in ("Lid", "Onderdeel", "Onderdeel 2"):
            o = ostyles[name][1]
            pf = d.styles[name].paragraph_format
            assert abs(cm(o["margin-left"]) - pf.left_indent.cm) < 0.01, name
            assert abs(-cm(o["text-indent"]) + pf.first_line_indent.cm) < 0.01, name
        # The rule to sign on: the same border, the same length.
        rule = ostyles["Ondertekening ruimte"][1]
        assert rule["border-bottom"].startswith("0.5pt solid")
        m = re.search(r'w:styleId="OndertekeningRuimte".*?<w:bottom w:val="single" w:sz="4"',
                      styles_xml)
        assert m, "DOCX zonder tekenlijn van 0,5 pt"
        assert abs(cm(rule["margin-right"]) -
                   d.styles["Ondertekening ruimte"].paragraph_format.right_indent.cm) < 0.01
        assert "....." not in pandoc_text(files["docx"], "docx")


# -------------------------------------------------------- table of contents

TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"


def odt_toc(path):
    from xml.etree import ElementTree as ET
    root = ET.fromstring(odt_member(path, "content.xml"))
    toc = root.find(f".//{{{TEXT_NS}}}table-of-content")
    if toc is None:
        return None
    body = toc.find(f"{{{TEXT_NS}}}index-body")
    return [("".join(p.itertext()).strip(), p.get(f"{{{TEXT_NS}}}style-name"))
            for p in body.findall(f"{{{TEXT_NS}}}p")]


def docx_toc(path):
    """The TOC entries, which python-docx does not list: Word keeps them
    in a content control (w:sdt)."""
    d = docx.Document(path)
    names = {st.style_id: st.name for st in d.styles}
    out = []
    for p in d.element.body.iter(f"{W}p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        name = names.get(style.get(f"{W}val"), "") if style is not None else ""
        if re.fullmatch(r"toc \d", name):
            out.append(("".join(t.text or "" for t in p.iter(f"{W}t")).strip(), name))
    return out


@test
def table_of_contents_is_filled_in_after_the_parties_in_both_formats():
    for region, files in house.items():
        # The headings of levels 1 and 2 as odfpy reads them from the body.
        doc = opendocument.load(files["odt"])
        heads = [teletype.extractText(h).strip() for h in doc.getElementsByType(H)
                 if h.getAttrNS(TEXTNS, "outline-level") in ("1", "2")]
        entries = odt_toc(files["odt"])
        assert entries, f"{region}: ODT zonder inhoudsopgave"
        assert [t for t, _ in entries] == heads, (entries[:5], heads[:5])
        assert {s for _, s in entries} == {"Contents_20_1", "Contents_20_2"}
        dentries = docx_toc(files["docx"])
        assert [t for t, _ in dentries] == heads
        kept, _ = expected_articles(MODEL, region)
        assert_in_order(kept, "\n".join(heads), "inhoudsopgave")
        assert any(t.startswith("Bijlage 1") for t in heads)
        # After the parties block, before Deel A; a TOC field in DOCX.
        text = pandoc_text(files["docx"], "docx")
        assert text.index("Inhoud") < text.index("Deel A")
        with zipfile.ZipFile(files["docx"]) as z:
            body = z.read("word/document.xml").decode()
        assert re.search(r'<w:instrText xml:space="preserve"> TOC \\o (&quot;|")1-2', body)
        assert 'w:dirty' not in body
        with zipfile.ZipFile(files["docx"]) as z:
            assert "updateFields" not in z.read("word/settings.xml").decode()


@test
def libreoffice_shows_the_entries_and_asks_nothing():
    # LibreOffice shows the entries as written (it asks nothing and
    # updates no index on opening), in both formats.
    for i, files in enumerate(list(house.values())[:1]):
        for fmt in ("odt", "docx"):
            out = os.path.join(TMP, f"house-pdf{i}-{fmt}")
            pdf = os.path.join(out, os.path.basename(files[fmt]).rsplit(".", 1)[0] + ".pdf")
            text = subprocess.run(["pdftotext", "-l", "4", pdf, "-"], capture_output=True,
                                  text=True).stdout
            page = text[text.index("Inhoud"):]
            assert "Deel A" in page and "Artikel 1" in page, fmt


@test
def a_region_can_switch_the_table_of_contents_off_and_choose_a_font():
    src = open(os.path.join(ROOT, "regions", "minimaal.yaml"), encoding="utf-8").read()
    path = os.path.join(TMP, "zonder-inhoud.yaml")
    open(path, "w", encoding="utf-8").write(
        src + "\ninhoudsopgave: nee\nlettertype: Times New Roman\n")
    files = generate(path, os.path.join(TMP, "zonder-inhoud"), formats="odt,docx")
    assert odt_toc(files["odt"]) is None and not docx_toc(files["docx"])
    check_odf_schema(files["odt"], "zonder-odf")
    check_docx_schema(files["docx"], "zonder-ooxml")
    root, _ = odt_styles(files["odt"])
    default = root.find(f".//{{{STYLE_NS}}}default-style/{{{STYLE_NS}}}text-properties")
    assert default.get(f"{{{STYLE_NS}}}font-name") == "Times New Roman"
    with zipfile.ZipFile(files["docx"]) as z:
        assert '<w:altName w:val="Liberation Serif"/>' in z.read("word/fontTable.xml").decode()
    open(path, "w", encoding="utf-8").write(src + "\nlettertype: Comic Sans\n")
    p = run("controleer", path)
    assert p.returncode == 2 and "onbekend lettertype 'Comic Sans'" in p.stderr, p.stderr
    assert re.search(r"zonder-inhoud.yaml:\d+:\d+: fout", p.stderr)


# ------------------------------------------------------------- properties

@test
def custom_properties_are_the_same_in_odt_and_docx():
    for region, files in house.items():
        from xml.etree import ElementTree as ET
        meta = ET.fromstring(odt_member(files["odt"], "meta.xml"))
        mns = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
        odt = {u.get(f"{{{mns}}}name"): u.text for u in meta.iter(f"{{{mns}}}user-defined")}
        cns = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
        vt = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
        custom = ET.fromstring(odt_member(files["docx"], "docProps/custom.xml"))
        dx = {p.get("name"): p.find(f"{{{vt}}}lpwstr").text for p in custom.iter(f"{{{cns}}}property")}
        assert odt == dx, set(odt) ^ set(dx)
        r = load_yaml(region)
        assert odt["Regio"] == r["regio"] and odt["Modelversie"]
        assert odt["Model"] and "Vingerafdruk" in odt


summary()
