"""Batch generation: several region files or a folder in one run, the
model loaded once, each region's set written or refused on its own.

Run from the repository root: /usr/bin/python3 tests/functional/test_batch.py
"""

from common import *  # noqa: F401,F403 - the shared test vocabulary


def renamed(src, slug):
    """The region file's text with its bestandsnaam set to slug."""
    text = open(src, encoding="utf-8").read()
    text = re.sub(r"(?m)^bestandsnaam: .*\n", "", text)
    return text.rstrip("\n") + f"\nbestandsnaam: {slug}\n"


def batch_folder(name, bad=True):
    """A folder with copies of the example regions under other names, and
    optionally one region with an input error."""
    d = os.path.join(TMP, name)
    os.makedirs(d)
    for i, src in enumerate(REGIONS):
        text = renamed(src, f"regio-{i}")
        with open(os.path.join(d, f"r{i}.yaml"), "w", encoding="utf-8") as f:
            f.write(text)
    if bad:
        text = renamed(REGIONS[0], "kapot")
        with open(os.path.join(d, "kapot.yaml"), "w", encoding="utf-8") as f:
            f.write(text + "onbekend: 1\n")
    return d


@test
def a_folder_writes_good_regions_and_refuses_bad_ones():
    d = batch_folder("map")
    out = os.path.join(TMP, "map-uit")
    p = run("genereer", d, "-o", out)
    assert p.returncode == 2, p.stderr
    n = len(REGIONS)
    assert sorted(os.listdir(out)) == [f"regio-{i}" for i in range(n)], os.listdir(out)
    for i in range(n):
        folder = os.path.join(out, f"regio-{i}")
        assert sorted(n for n in os.listdir(folder) if os.path.isfile(os.path.join(folder, n))) \
            == [f"regio-{i}.docx", f"regio-{i}.manifest.json", f"regio-{i}.md", f"regio-{i}.odt"]
    lines = p.stderr.splitlines()
    bad = os.path.join(d, "kapot.yaml")
    assert any(l.startswith(f"{bad}:") and "onbekende sleutel 'onbekend'" in l
               for l in lines), p.stderr
    assert re.search(r":\d+:\d+: fout:", p.stderr)
    assert lines[-1] == f"genereer: {n} regio's geschreven, 1 geweigerd", lines[-1]


@test
def a_batch_gives_the_bytes_of_single_runs():
    d = batch_folder("zelfde", bad=False)
    out = os.path.join(TMP, "zelfde-uit")
    files = sorted(os.path.join(d, f) for f in os.listdir(d))
    p = run("genereer", *files, "-o", out)
    assert p.returncode == 0, p.stderr
    for i, f in enumerate(files):
        single = os.path.join(TMP, f"los-{i}")
        q = run("genereer", f, "-o", single)
        assert q.returncode == 0, q.stderr
        names = [os.path.relpath(os.path.join(base, n), single)
                 for base, _, ns in os.walk(single) for n in ns]
        assert any(n.startswith("verklaringen/") for n in names), names
        for name in names:
            with open(os.path.join(single, name), "rb") as a, \
                    open(os.path.join(out, f"regio-{i}", name), "rb") as b:
                assert a.read() == b.read(), f"{name} verschilt tussen los en in een batch"


@test
def two_regions_into_one_folder_is_an_input_error():
    d = os.path.join(TMP, "dubbel")
    os.makedirs(d)
    for name in ("a.yaml", "b.yaml"):
        shutil.copy(REGIONS[0], os.path.join(d, name))
    out = os.path.join(TMP, "dubbel-uit")
    p = run("genereer", d, "-o", out)
    assert p.returncode == 2
    assert re.search(r"b\.yaml:\d+:\d+: fout: een andere regio in deze opdracht schrijft ook naar",
                     p.stderr), p.stderr
    assert p.stderr.splitlines()[-1] == "genereer: 1 regio geschreven, 1 geweigerd"


@test
def controleer_takes_a_folder_and_an_empty_one_is_an_error():
    d = batch_folder("controle")
    p = run("controleer", d + "/")
    assert p.returncode == 2
    assert f"{d}/r0.yaml: in orde" in p.stdout, p.stdout
    assert p.stdout.count(": in orde") == len(REGIONS), p.stdout
    assert "kapot.yaml" in p.stderr and "kapot.yaml: in orde" not in p.stdout
    empty = os.path.join(TMP, "leeg")
    os.makedirs(empty)
    p = run("genereer", empty)
    assert p.returncode == 2 and f"{empty}: fout: de map bevat geen regiobestanden" in p.stderr


summary()
