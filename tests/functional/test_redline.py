"""Functional tests of the redline documents: an ODT with text:tracked-changes
and a DOCX with w:ins/w:del, read by a reader of our own in Python
(tracked.py: zipfile and xml.etree, not the C writers) that accepts or
rejects every change.
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

from common import *  # noqa: F401,F403 - the shared test vocabulary
from tracked import *  # noqa: F401,F403 - reading tracked changes

HARNESS = os.path.join(ROOT, "build", "san", "test_redline")


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
