"""Reading redlines (tracked changes) as test_redline.py and
test_paragraphs.py check them: a reader of our own in Python (zipfile and
xml.etree, not the C writers) that accepts or rejects every change in a
DOCX (w:ins/w:del) or an ODT (text:tracked-changes), and LibreOffice over
UNO doing the same with Accept All and Reject All.
"""

import os
import subprocess
import time
import xml.etree.ElementTree as ET
import zipfile

from common import TMP

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
T = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
DC = "{http://purl.org/dc/elements/1.1/}"
PARA = ("para",)  # a paragraph break in a token stream

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
