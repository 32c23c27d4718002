"""Document properties: ODT meta.xml and DOCX core.xml carry the same title,
subject, keywords, description, language and creator, read back with
python-docx, zipfile + ElementTree and LibreOffice."""

import xml.etree.ElementTree as ET

from common import *

NS = {"office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
      "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
      "dc": "http://purl.org/dc/elements/1.1/"}
EXAMPLE = os.path.join(ROOT, "regions", "voorbeeld.yaml")
files = generate(EXAMPLE, os.path.join(TMP, "props"), formats="odt,docx")


def odt_meta(path):
    with zipfile.ZipFile(path) as z:
        meta = ET.fromstring(z.read("meta.xml")).find("office:meta", NS)

    def one(name):
        found = meta.findall(name, NS)
        assert len(found) == 1, f"{path}: {len(found)} keer {name}"
        return found[0].text

    return {"title": one("dc:title"), "subject": one("dc:subject"),
            "keywords": [k.text for k in meta.findall("meta:keyword", NS)],
            "description": one("dc:description"), "language": one("dc:language"),
            "creator": one("dc:creator")}


@test
def odt_and_docx_carry_the_same_properties():
    odt = odt_meta(files["odt"])
    core = docx.Document(files["docx"]).core_properties
    docx_props = {"title": core.title, "subject": core.subject,
                  "keywords": core.keywords.split(", "), "description": core.comments,
                  "language": core.language, "creator": core.author}
    assert odt == docx_props, f"ODT {odt}\nDOCX {docx_props}"
    region = load_yaml(EXAMPLE)["regio"]
    assert region in odt["keywords"] and len(odt["keywords"]) > 1, odt["keywords"]
    assert all(odt.values()), odt
    # The title property is the title as typed, so that a search finds it;
    # the title on the page has the typography's no-break hyphen.
    assert "-" in odt["title"] and "\u2011" not in odt["title"], odt["title"]
    shown = docx.Document(files["docx"]).paragraphs
    assert any(p.text.replace("\u2011", "-") == odt["title"] and "\u2011" in p.text
               for p in shown), [p.text for p in shown[:5]]
    assert region in odt["description"], odt["description"]


@test
def properties_pass_the_schemas():
    check_odf_schema(files["odt"], "properties")
    check_docx_schema(files["docx"], "properties")


@test
def libreoffice_reads_the_docx_keywords_apart():
    lo = odt_meta(soffice_convert(files["docx"], "odt", os.path.join(TMP, "props-lo")))
    # LibreOffice splits cp:keywords at plain spaces as well as at ", ";
    # the no-break spaces inside a keyword keep it whole.
    keywords = odt_meta(files["odt"])["keywords"]
    assert lo["keywords"] == keywords, lo["keywords"]
    assert any("\u00a0" in k for k in keywords) and not any(" " in k for k in keywords), keywords
    assert lo["title"] == odt_meta(files["odt"])["title"]


summary()
