"""Shared helpers of the functional tests: run build/afspraken as a user
would and check what it writes with readers we did not write (xmllint with
the OASIS schemas, LibreOffice, pandoc, python-docx, odfpy, zipfile,
PyYAML).

Every test file in tests/functional/ whose name starts with test_ imports
this module, marks its tests with @test (each runs at once, in file order)
and ends with summary(); run.sh runs every such file.
"""


import os
import re
import shutil
import subprocess
import sys
import tempfile
import traceback
import zipfile

import docx
import docx.text.paragraph
import yaml
from docx.oxml.ns import qn
from docx.oxml.text.run import CT_R
from odf import opendocument, teletype
from odf.namespaces import TEXTNS
from odf.text import H

# python-docx 0.8.11 (Debian 12) leaves w:noBreakHyphen out of a run's
# text, and the runs of a w:hyperlink out of a paragraph's. Word writes
# the first for a no-break hyphen (ECMA-376 Part 1, 17.3.3.18), and Word,
# LibreOffice and pandoc read it as U+2011; python-docx 1.x reads links'
# text. The tests read both as those readers do.
def _run_text(r):
    parts = []
    for child in r:
        if child.tag == qn("w:t"):
            parts.append(child.text or "")
        elif child.tag == qn("w:tab"):
            parts.append("\t")
        elif child.tag in (qn("w:br"), qn("w:cr")):
            parts.append("\n")
        elif child.tag == qn("w:noBreakHyphen"):
            parts.append("\u2011")
    return "".join(parts)


def _paragraph_text(paragraph):
    return "".join(_run_text(r) for r in paragraph._p.iter(qn("w:r"))
                   if r.getparent().tag in (qn("w:p"), qn("w:hyperlink")))


CT_R.text = property(_run_text, CT_R.text.fset)
docx.text.paragraph.Paragraph.text = property(_paragraph_text,
                                              docx.text.paragraph.Paragraph.text.fset)

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.environ.get("AFSPRAKEN", os.path.join(ROOT, "build", "afspraken"))
MODEL = os.path.join(ROOT, "model", "landelijk-model.yaml")
MINI_MODEL = os.path.join(ROOT, "tests", "data", "mini-model.yaml")
MINI_REGION = os.path.join(ROOT, "tests", "data", "mini-region.yaml")
SCHEMA_DIR = os.path.join(ROOT, "tests", "schemas")
SCHEMAS = os.path.join(SCHEMA_DIR, "odf-1.3")
OOXML = os.path.join(SCHEMA_DIR, "ooxml-transitional")
REGIONS = sorted(
    os.path.join(ROOT, "regions", f)
    for f in os.listdir(os.path.join(ROOT, "regions"))
    if f.endswith(".yaml")
)

TMP = tempfile.mkdtemp(prefix="afspraken-test-")
results = {"passed": 0, "failed": 0}


def test(fn):
    """Runs fn as one test, counting and reporting its outcome."""
    try:
        fn()
    except Exception:  # noqa: BLE001 - every failure is reported the same way
        results["failed"] += 1
        print(f"FOUT  {fn.__name__}")
        traceback.print_exc(limit=3)
    else:
        results["passed"] += 1
        print(f"goed  {fn.__name__}")
    return fn


def run(*args, env=None, cwd=ROOT):
    e = dict(os.environ)
    e.update(env or {})
    return subprocess.run([BIN, *args], capture_output=True, text=True, env=e, cwd=cwd)


def generate(region, out, model=None, formats="odt,docx,md", env=None):
    args = ["genereer", region, "-o", out, "--formaat", formats]
    if model:
        args += ["--model", model]
    p = run(*args, env=env)
    assert p.returncode == 0, f"genereer {region}: {p.returncode}\n{p.stderr}"
    # Files only: the verklaringen are in a folder of their own.
    return {n.rsplit(".", 1)[1]: os.path.join(out, n) for n in os.listdir(out)
            if os.path.isfile(os.path.join(out, n)) and "." in n}


NBSP, NBHY = "\u00a0", "\u2011"
_MONTH = ("(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|"
          "november|december)")


def typeset(text):
    """The typography of README.md ("Typografie"), written again from its
    words: what every format shows for text given as plain."""
    def upper_after(m):
        return m.group(1) + (NBHY if m.group(2).isupper() else "-")
    word = r"(?<![^\W_])"   # not after a letter or digit
    end = r"(?![^\W_])"     # not before one
    text = re.sub(word + r"(['\u2019]s)-(?=(\w))", upper_after, text)
    text = re.sub(word + r"([^\W\d_]+)-(?=(\w))",
                  lambda m: upper_after(m) if m.group(1)[0].isupper() else m.group(0), text)
    for before, after in [
            (word + r"(?:[Aa]rtikel(?:en)?|[Aa]rt\.|[Ll]id|[Ll]eden|[Bb]ijlagen?|[Hh]oofdstuk"
             r"|[Pp]aragraaf|§)", r"\d"),
            (word + r"[Dd]eel", r"(?:[A-Z]|\d+)" + end),
            (word + r"\d{1,2}", "(?i:" + _MONTH + ")" + end),
            (word + "(?i:" + _MONTH + ")", r"\d{4}" + end),
            (word + r"\d{4}", r"[A-Z]{2}" + end),
            (r"(?:€|" + word + "EUR)", r"\d"),
            (r"\d", r"(?:euro|EUR)" + end)]:
        text = re.sub(f"({before}) (?={after})", "\\1" + NBSP, text)
    return text


def load_yaml(path):
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=yaml.BaseLoader)  # every scalar as text


def expected_articles(model_path, region_path):
    """The oracle: kept articles with their final numbers, computed from the
    YAML files by this test, independently of the C engine. With
    'nummering: model' a dropped article keeps its number, titled as the
    model's 'vervallen' says, and is listed among the headings."""
    m, r = load_yaml(model_path), load_yaml(region_path)
    choices = r.get("optionele_artikelen") or {}
    stable = r.get("nummering") == "model"
    kept, dropped, n = [], [], 0
    for part in m["delen"]:
        for a in part["artikelen"]:
            numbered = a.get("genummerd", "ja") == "ja"
            if a.get("optioneel") == "ja" and choices.get(a["id"], "ja") == "nee":
                dropped.append(a["titel"])
                if stable and numbered:
                    n += 1
                    kept.append(f"Artikel {n} {m['model']['vervallen']}")
            elif numbered:
                n += 1
                kept.append(f"Artikel {n} {a['titel']}")
    return kept, dropped


def escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def odt_member(path, name):
    with zipfile.ZipFile(path) as z:
        return z.read(name)


def odt_headings(path, level):
    doc = opendocument.load(path)
    return [
        teletype.extractText(h)
        for h in doc.getElementsByType(H)
        if h.getAttrNS(TEXTNS, "outline-level") == str(level)
    ]


def docx_headings(path, style):
    return [p.text for p in docx.Document(path).paragraphs if p.style.name == style]


def pandoc_text(path, fmt):
    p = subprocess.run(["pandoc", "-f", fmt, "-t", "plain", "--wrap=none", path],
                       capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    return p.stdout


def soffice_convert_all(paths, fmt, outdir):
    """LibreOffice's conversions of paths to fmt (or its own save, for the
    same format) in outdir, in one start of LibreOffice, with a profile of
    the tests' own; the new files' paths, in the order of paths."""
    os.makedirs(outdir, exist_ok=True)
    profile = "file://" + os.path.join(TMP, "lo-profile")
    p = subprocess.run(["soffice", "--headless", f"-env:UserInstallation={profile}",
                        "--convert-to", fmt, "--outdir", outdir, *paths],
                       capture_output=True, text=True, timeout=600)
    assert p.returncode == 0, p.stderr
    outs = [os.path.join(outdir, os.path.splitext(os.path.basename(path))[0] + "." + fmt.split(":")[0])
            for path in paths]
    for out in outs:
        assert os.path.exists(out), p.stdout + p.stderr
    return outs


def soffice_convert(path, fmt, outdir):
    """soffice_convert_all for one file."""
    return soffice_convert_all([path], fmt, outdir)[0]


def pdf_pages(pdf):
    """The number of pages pdfinfo counts in pdf."""
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def assert_in_order(needles, haystack, what):
    at = 0
    for n in needles:
        i = haystack.find(n, at)
        assert i >= 0, f"{what}: '{n}' ontbreekt of staat niet op volgorde"
        at = i + len(n)


def check_odf_schema(odt, where):
    """Every XML part of an ODT valid against the ODF 1.3 schemas; the
    four parts every document has must be there."""
    d = os.path.join(TMP, where)
    with zipfile.ZipFile(odt) as z:
        z.extractall(d)
        names = z.namelist()
        first = z.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
        assert z.read("mimetype") == b"application/vnd.oasis.opendocument.text"
    doc_rng = os.path.join(SCHEMAS, "OpenDocument-v1.3-schema.rng")
    man_rng = os.path.join(SCHEMAS, "OpenDocument-v1.3-manifest-schema.rng")
    assert {"content.xml", "styles.xml", "meta.xml", "META-INF/manifest.xml"} <= set(names)
    for part in (n for n in names if n.endswith(".xml")):
        rng = man_rng if part == "META-INF/manifest.xml" else doc_rng
        p = subprocess.run(["xmllint", "--noout", "--relaxng", rng, os.path.join(d, part)],
                           capture_output=True, text=True)
        assert p.returncode == 0, f"{odt} {part}: {p.stderr[-2000:]}"


def docx_part_schema(name):
    """The ECMA-376 schema a DOCX part is checked against (tests/schemas/README.md)."""
    if name == "[Content_Types].xml":
        return os.path.join(OOXML, "opc-contentTypes.xsd")
    if name.endswith(".rels"):
        return os.path.join(OOXML, "opc-relationships.xsd")
    if name.startswith("word/") and name.endswith(".xml"):
        return os.path.join(SCHEMA_DIR, "wrap-wml.xsd")
    return {
        "docProps/core.xml": os.path.join(SCHEMA_DIR, "wrap-opc-coreProperties.xsd"),
        "docProps/app.xml": os.path.join(OOXML, "shared-documentPropertiesExtended.xsd"),
        "docProps/custom.xml": os.path.join(OOXML, "shared-documentPropertiesCustom.xsd"),
    }.get(name)


def check_docx_schema(path, where):
    """Every XML part of a DOCX valid against ECMA-376 Transitional and OPC;
    a part no schema is known for is itself a failure."""
    d = os.path.join(TMP, where)
    with zipfile.ZipFile(path) as z:
        z.extractall(d)
        names = z.namelist()
    env = dict(os.environ, XML_CATALOG_FILES=os.path.join(OOXML, "catalog.xml"))
    for name in names:
        if name.endswith("/") or not (name.endswith(".xml") or name.endswith(".rels")):
            continue
        xsd = docx_part_schema(name)
        assert xsd, f"{path}: geen schema voor {name}"
        p = subprocess.run(["xmllint", "--noout", "--nonet", "--schema", xsd,
                            os.path.join(d, name)], capture_output=True, text=True, env=env)
        assert p.returncode == 0, f"{path} {name}: {p.stderr[-2000:]}"


def summary():
    """Prints "N passed, N failed" and exits 1 when any failed."""
    try:
        print(f"{results['passed']} passed, {results['failed']} failed")
    finally:
        shutil.rmtree(TMP, ignore_errors=True)
    sys.exit(1 if results["failed"] else 0)
