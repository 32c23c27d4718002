"""Functional tests of the redline documents: an ODT with text:tracked-changes
and a DOCX with w:ins/w:del, read by a reader of our own in Python (zipfile
and xml.etree, not the C writers) that accepts or rejects every change.
Accepting every change must give exactly the text of the newer document,
rejecting every change exactly the older, each extracted the same way;
LibreOffice itself (over UNO: Accept All and Reject All, then its own
paragraph text) must agree; every part must validate against ODF 1.3 and
ECMA-376, and LibreOffice must convert both redlines to PDF.

The pairs come from `vergelijk -o` on edited copies of the example region
and on the test model pair (each side also made by `genereer`), and from
the unit test's hand-built merged trees, which reach the corners (a
document that ends in changes, insertions on both sides of a break;
tests/unit/test_redline.c writes them with REDLINE_OUT set).

Run from the repository root: /usr/bin/python3 tests/functional/test_redline.py
"""

import time
import xml.etree.ElementTree as ET

from common import *  # noqa: F401,F403 - the shared test vocabulary

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
T = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
DC = "{http://purl.org/dc/elements/1.1/}"
PARA = ("para",)  # a paragraph break in a token stream

HARNESS = os.path.join(ROOT, "build", "san", "test_redline")


# ---------------------------------------------------------------- DOCX reader

def docx_paragraphs(path, mode=None):
    """The body's paragraphs as text (a table of contents, which Word keeps
    in a content control, is not among them). mode "accept" drops w:del and joins a
    paragraph whose mark is deleted with the next; "reject" does the same
    for w:ins; None requires a document without changes."""
    with zipfile.ZipFile(path) as z:
        root = ET.fromstring(z.read("word/document.xml"))
    dropped = {"accept": W + "del", "reject": W + "ins"}.get(mode)

    def text(el):
        for c in el:
            if c.tag == W + "pPr":
                continue
            if c.tag in (W + "ins", W + "del"):
                assert mode, f"{path}: wijziging in een document zonder wijzigingen"
                if c.tag == dropped:
                    continue
            if c.tag in (W + "t", W + "delText"):
                yield c.text or ""
            elif c.tag == W + "tab":
                yield "\t"
            elif c.tag in (W + "br", W + "cr"):
                yield "\n"
            else:
                yield from text(c)

    out, carry = [], ""
    for p in root.find(W + "body").findall(W + "p"):
        s = carry + "".join(text(p))
        mark = p.find(f"{W}pPr/{W}rPr")
        if mark is not None and dropped and mark.find(dropped) is not None:
            carry = s
        else:
            out.append(s)
            carry = ""
    assert not carry, f"{path}: laatste alinea-einde vervalt"
    return out


# ---------------------------------------------------------------- ODT reader

def odt_tokens(p):
    """One text:p or text:h as tokens: characters after ODF's white space
    rules (ODF 1.3 Part 3, 6.1.2), and change marks as (kind, id)."""
    tokens, space = [], [True]

    def chars(s):
        for ch in s or "":
            if ch in " \t\n\r":
                if not space[0]:
                    tokens.append(" ")
                space[0] = True
            else:
                tokens.append(ch)
                space[0] = False

    def walk(el):
        chars(el.text)
        for c in el:
            tag = c.tag
            if tag == T + "s":
                tokens.append(" " * int(c.get(T + "c", "1")))
                space[0] = True
            elif tag == T + "tab":
                tokens.append("\t")
                space[0] = True
            elif tag == T + "line-break":
                tokens.append("\n")
                space[0] = True
            elif tag in (T + "change", T + "change-start", T + "change-end"):
                tokens.append((tag[len(T):], c.get(T + "change-id")))
            else:
                walk(c)
            chars(c.tail)

    walk(p)
    return tokens


def odt_read(path):
    """The body as one token stream (paragraphs end in PARA) and the changed
    regions: id -> ("insertion", None) or ("deletion", [tokens of each
    deleted paragraph])."""
    with zipfile.ZipFile(path) as z:
        root = ET.fromstring(z.read("content.xml"))
    office_text = root.find(f"{OFFICE}body/{OFFICE}text")
    regions = {}
    for r in office_text.iter(T + "changed-region"):
        rid = r.get("{http://www.w3.org/XML/1998/namespace}id")
        ins, dele = r.find(T + "insertion"), r.find(T + "deletion")
        info = (ins if ins is not None else dele).find(OFFICE + "change-info")
        assert info.find(DC + "creator").text == "afspraken", path
        assert info.find(DC + "date").text, path
        if ins is not None:
            regions[rid] = ("insertion", None)
        else:
            regions[rid] = ("deletion", [odt_tokens(p) for p in dele
                                         if p.tag in (T + "p", T + "h")])
    stream = []
    for el in office_text:
        if el.tag in (T + "p", T + "h"):
            stream += odt_tokens(el) + [PARA]
    return stream, regions


def split_paragraphs(tokens):
    out, cur = [], []
    for t in tokens:
        if t == PARA:
            out.append("".join(cur))
            cur = []
        else:
            assert isinstance(t, str), t
            cur.append(t)
    assert not cur, "tekst na de laatste alinea"
    return out


def odt_paragraphs(path, mode=None):
    stream, regions = odt_read(path)
    if mode is None:
        assert not regions, f"{path}: wijzigingen in een document zonder wijzigingen"
    out, skip_to = [], None
    for t in stream:
        if skip_to:
            if t == ("change-end", skip_to):
                skip_to = None
            continue
        if isinstance(t, tuple) and t != PARA:
            kind, rid = t
            assert rid in regions, f"{path}: {rid} zonder changed-region"
            region = regions[rid]
            if kind == "change-start":
                assert region[0] == "insertion", (path, rid)
                if mode == "reject":
                    skip_to = rid
            elif kind == "change":
                assert region[0] == "deletion", (path, rid)
                if mode == "reject":
                    for i, p in enumerate(region[1]):
                        out += ([PARA] if i else []) + p
            continue
        out.append(t)
    assert not skip_to, f"{path}: {skip_to} zonder change-end"
    return split_paragraphs(out)


def first_difference(a, b):
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return f"alinea {i}: {x!r} != {y!r}"
    return f"{len(a)} alinea's tegen {len(b)}"


def assert_round_trip(redline, older, newer, read):
    for mode, want in [("accept", newer), ("reject", older)]:
        got, expected = read(redline, mode), read(want)
        assert got == expected, f"{redline} {mode}: {first_difference(got, expected)}"


# ---------------------------------------------------------------- pairs

def harness_pairs():
    """name -> {"oud"|"nieuw"|"redline": {"odt": path, "docx": path}}"""
    if not os.path.exists(HARNESS):
        subprocess.run(["make", "-s", "build/san/test_redline"], cwd=ROOT, check=True)
    out = os.path.join(TMP, "harness")
    os.makedirs(out)
    p = subprocess.run([HARNESS], cwd=ROOT, capture_output=True, text=True,
                       env=dict(os.environ, REDLINE_OUT=out))
    assert p.returncode == 0, p.stdout + p.stderr
    pairs = {}
    for f in sorted(os.listdir(out)):
        stem, ext = f.rsplit(".", 1)
        name, side = stem.rsplit("-", 1)
        pairs.setdefault(name, {}).setdefault(side, {})[ext] = os.path.join(out, f)
    return pairs


VOORBEELD = os.path.join(ROOT, "regions", "voorbeeld.yaml")
UPDATE_REGION = os.path.join(ROOT, "tests", "data", "update-region.yaml")
MINI_MODEL_2 = os.path.join(ROOT, "tests", "data", "mini-model-2.yaml")


def edited(src, name, *subs):
    """A copy of src with each (old, new) replaced exactly once."""
    with open(src, encoding="utf-8") as f:
        text = f.read()
    for old, new in subs:
        assert text.count(old) == 1, f"{src}: '{old}' niet precies één keer"
        text = text.replace(old, new)
    path = os.path.join(TMP, name + ".yaml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def without_last_participant(src):
    """A copy of src without the last entry under deelnemers (the one
    right before optionele_artikelen)."""
    with open(src, encoding="utf-8") as f:
        text = f.read()
    end = text.index("\noptionele_artikelen:")
    start = text.rindex("\n  - naam:", 0, end)
    return edited(src, "deelnemer-weg", (text[start:end], "\n"))


def vergelijk_pair(name, older, newer, model_old=None, model_new=None):
    """Both sides by genereer and the redlines by vergelijk -o."""
    d = os.path.join(TMP, "vergelijk", name)
    sides = {"oud": generate(older, os.path.join(d, "oud"), model_old, "odt,docx"),
             "nieuw": generate(newer, os.path.join(d, "nieuw"), model_new, "odt,docx")}
    args = ["vergelijk", older] if older == newer else ["vergelijk", older, newer]
    if model_old != model_new:
        args += ["--model-oud", model_old, "--model-nieuw", model_new]
    elif model_old:
        args += ["--model", model_old]
    p = run(*args, "-o", os.path.join(d, "redline"))
    assert p.returncode == 1, f"vergelijk {name}: {p.returncode}\n{p.stderr}"
    sides["redline"] = {f: os.path.join(d, "redline", "vergelijking." + f) for f in ("odt", "docx")}
    return sides


def vergelijk_pairs():
    v = VOORBEELD
    # Valid under both model versions, so that genereer makes both sides.
    both = edited(UPDATE_REGION, "update-beide", ("  extra: ja\n", ""),
                  ("vergaderingen: 4", "vergaderingen: 8"),
                  ("besluit: meerderheid", "besluit: unaniem"), ("  contact: het Bureau\n", ""),
                  ("regionale_tekst:\n  historie: |\n    Sinds 2009 <samen> & verder.\n", ""))
    return {
        "artikel-weg": (v, edited(v, "artikel-weg", ("stuurgroep-breder-netwerk: ja",
                                                     "stuurgroep-breder-netwerk: nee"))),
        "artikel-erbij": (v, edited(v, "artikel-erbij", ("geprioriteerde-casussen: nee",
                                                         "geprioriteerde-casussen: ja"))),
        "een-woord": (v, edited(v, "een-woord", ("aandacht aan jongeren", "aandacht aan tieners"))),
        "veldwaarde": (v, edited(v, "veldwaarde", ("vergaderfrequentie: 4",
                                                   "vergaderfrequentie: 6"))),
        "keuze": (v, edited(v, "keuze", ("besluitvorming: meerderheid",
                                         "besluitvorming: twee_derde"))),
        "deelnemer-weg": (v, without_last_participant(v)),
        "modelversie": (both, both, MINI_MODEL, MINI_MODEL_2),
    }


PAIRS = {}


@test
def vergelijk_writes_redlines_for_every_pair():
    for name, args in vergelijk_pairs().items():
        PAIRS[name] = vergelijk_pair(name, *args)


@test
def harness_writes_pairs():
    harness = harness_pairs()
    assert {"volledig", "staart-weg", "staart-erbij", "aangrenzend"} <= set(harness)
    for name, sides in harness.items():
        assert set(sides) == {"oud", "nieuw", "redline"}, (name, sides)
    PAIRS.update(harness)


@test
def docx_accept_all_gives_newer_reject_all_older():
    for name, s in PAIRS.items():
        assert_round_trip(s["redline"]["docx"], s["oud"]["docx"], s["nieuw"]["docx"],
                          docx_paragraphs)


@test
def odt_accept_all_gives_newer_reject_all_older():
    for name, s in PAIRS.items():
        assert_round_trip(s["redline"]["odt"], s["oud"]["odt"], s["nieuw"]["odt"],
                          odt_paragraphs)


@test
def sides_differ_so_the_round_trip_means_something():
    for name, s in PAIRS.items():
        assert odt_paragraphs(s["oud"]["odt"]) != odt_paragraphs(s["nieuw"]["odt"]), name
        assert docx_paragraphs(s["oud"]["docx"]) != docx_paragraphs(s["nieuw"]["docx"]), name


@test
def redlines_are_valid_odf_and_ecma_376():
    for i, (name, s) in enumerate(PAIRS.items()):
        check_odf_schema(s["redline"]["odt"], f"redline-odf{i}")
        check_docx_schema(s["redline"]["docx"], f"redline-ooxml{i}")


@test
def libreoffice_converts_both_redlines_to_pdf():
    for fmt in ("odt", "docx"):
        out = os.path.join(TMP, "pdf-" + fmt)
        files = [s["redline"][fmt] for s in PAIRS.values()]
        p = subprocess.run(["soffice", "--headless", "--norestore",
                            f"-env:UserInstallation=file://{TMP}/lo-profile",
                            "--convert-to", "pdf", "--outdir", out, *files],
                           capture_output=True, text=True, timeout=600)
        assert p.returncode == 0, p.stderr
        for f in files:
            pdf = os.path.join(out, os.path.basename(f).rsplit(".", 1)[0] + ".pdf")
            assert os.path.exists(pdf), f"geen PDF voor {f}: {p.stdout}{p.stderr}"
            with open(pdf, "rb") as fh:
                assert fh.read(5) == b"%PDF-", pdf


class LibreOffice:
    """A headless LibreOffice reached over UNO through a named pipe."""

    def __enter__(self):
        import uno  # noqa: PLC0415 - only this test needs python3-uno
        self.uno = uno
        name = f"afspraken{os.getpid()}"
        self.proc = subprocess.Popen(
            ["soffice", "--headless", "--norestore", "--invisible",
             f"-env:UserInstallation=file://{TMP}/lo-uno", f"--accept=pipe,name={name};urp;"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        for _ in range(240):
            try:
                self.ctx = resolver.resolve(
                    f"uno:pipe,name={name};urp;StarOffice.ComponentContext")
                break
            except Exception:  # noqa: BLE001 - not listening yet
                time.sleep(0.5)
        else:
            self.proc.kill()
            raise AssertionError("LibreOffice luistert niet")
        return self

    def __exit__(self, *exc):
        self.proc.terminate()
        self.proc.wait(timeout=60)

    def paragraphs(self, path, action=None):
        """How many changes LibreOffice sees, and the body's paragraphs
        after Accept All or Reject All (action) or as loaded."""
        from com.sun.star.beans import PropertyValue  # noqa: PLC0415
        hidden = PropertyValue()
        hidden.Name, hidden.Value = "Hidden", True
        smgr = self.ctx.ServiceManager
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", self.ctx)
        doc = desktop.loadComponentFromURL(self.uno.systemPathToFileUrl(path), "_blank", 0,
                                           (hidden,))
        try:
            changes = doc.getRedlines().getCount()
            if action:
                helper = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper",
                                                        self.ctx)
                helper.executeDispatch(doc.getCurrentController().getFrame(),
                                       f".uno:{action}AllTrackedChanges", "", 0, ())
            out, e = [], doc.getText().createEnumeration()
            while e.hasMoreElements():
                p = e.nextElement()
                # The table of contents is an index section of its own; a
                # redline has none (it would list every heading twice).
                if (p.supportsService("com.sun.star.text.Paragraph")
                        and p.getPropertyValue("TextSection") is None):
                    out.append(p.getString())
            return changes, out
        finally:
            doc.close(True)


@test
def libreoffice_accepts_and_rejects_to_the_two_sides():
    with LibreOffice() as lo:
        for name, s in PAIRS.items():
            for fmt in ("odt", "docx"):
                redline = s["redline"][fmt]
                changes, accepted = lo.paragraphs(redline, "Accept")
                assert changes > 0, f"{redline}: LibreOffice ziet geen wijzigingen"
                _, rejected = lo.paragraphs(redline, "Reject")
                _, newer = lo.paragraphs(s["nieuw"][fmt])
                _, older = lo.paragraphs(s["oud"][fmt])
                assert accepted == newer, f"{redline} accept: {first_difference(accepted, newer)}"
                assert rejected == older, f"{redline} reject: {first_difference(rejected, older)}"


summary()
