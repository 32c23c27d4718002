"""Reliability: a run writes its whole set of documents or nothing, under a
lock, cleans up after itself and after a killed run; messages are Dutch at
the position of the cause; edge cases of the command line and the values."""

import re
import resource
import signal
import subprocess
import time

from common import *

REGION = os.path.join(ROOT, "regions", "voorbeeld.yaml")
STOP = {"AFSPRAKEN_TEST_STOP_BEFORE_RENAME": "1"}


def snapshot(folder):
    """Every file below folder with its bytes."""
    out = {}
    for base, _, names in os.walk(folder):
        for n in names:
            p = os.path.join(base, n)
            with open(p, "rb") as f:
                out[os.path.relpath(p, folder)] = f.read()
    return out


def leftovers(folder):
    """Temporaries and lock files a run must not leave behind."""
    return [n for n in snapshot(folder) if n.endswith(".afspraken-tmp") or "afspraken.lock" in n]


def start(out, env=None, extra=()):
    e = dict(os.environ)
    e.update(env or {})
    # A session of its own: a run that stops itself (the test hook) must not
    # be in the process group of make and this script, or the kernel's
    # orphaned-group rule would send that whole group SIGHUP.
    return subprocess.Popen([BIN, "genereer", REGION, "-o", out, *extra], env=e, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)


def wait_stopped(p):
    """Waits until the run stopped itself before its renames (test hook)."""
    for _ in range(600):
        with open(f"/proc/{p.pid}/stat") as f:
            if f.read().rsplit(")", 1)[1].split()[0] == "T":
                return
        assert p.poll() is None, p.stderr.read()
        time.sleep(0.05)
    raise AssertionError("de run stopte niet voor het hernoemen")


def epoch(n):
    return {"SOURCE_DATE_EPOCH": str(n)}


def first_set(name):
    out = os.path.join(TMP, name)
    generate(REGION, out, env=epoch(1700000000))
    return out, snapshot(out)


@test
def file_size_limit_on_the_second_file_keeps_the_earlier_set():
    out, before = first_set("fsize")
    odt = len(before["betuwe-lingestreek.odt"])
    limit = odt + 512
    assert len(before["betuwe-lingestreek.docx"]) > limit

    def lower_limit():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    p = subprocess.run([BIN, "genereer", REGION, "-o", out], capture_output=True, text=True,
                       cwd=ROOT, env=dict(os.environ, **epoch(1800000000)),
                       preexec_fn=lower_limit)
    assert p.returncode == 3, (p.returncode, p.stderr)
    assert "groter dan toegestaan" in p.stderr, p.stderr
    assert "Too large" not in p.stderr and "geschreven" not in p.stdout
    assert snapshot(out) == before


@test
def killed_run_leaves_the_earlier_set_and_the_next_run_cleans_up():
    out, before = first_set("kill")
    p = start(out, env={**STOP, **epoch(1800000000)})
    wait_stopped(p)
    # A temporary per file of the set (the documents, the verklaringen and
    # the manifest) and the lock.
    assert len(leftovers(out)) == len(before) + 1, leftovers(out)
    p.kill()
    p.wait()
    assert {k: v for k, v in snapshot(out).items() if k in before} == before
    generate(REGION, out, env=epoch(1800000000))
    assert leftovers(out) == []
    after = snapshot(out)
    assert sorted(after) == sorted(before) and after != before


@test
def sigterm_before_the_renames_removes_the_temporaries():
    out, before = first_set("term")
    p = start(out, env={**STOP, **epoch(1800000000)})
    wait_stopped(p)
    p.send_signal(signal.SIGTERM)
    p.send_signal(signal.SIGCONT)
    p.wait()
    assert p.returncode == -signal.SIGTERM, p.returncode
    assert "geschreven" not in p.stdout.read()
    assert snapshot(out) == before


@test
def two_runs_into_one_folder_give_one_consistent_set():
    sets = {}
    for n in (1700000000, 1800000000):
        o = os.path.join(TMP, f"ref{n}")
        generate(REGION, o, env=epoch(n))
        sets[n] = snapshot(o)
    assert sets[1700000000] != sets[1800000000]
    out = os.path.join(TMP, "both")
    a = start(out, env={**STOP, **epoch(1700000000)})
    wait_stopped(a)
    b = start(out, env=epoch(1800000000))
    time.sleep(1)
    assert b.poll() is None, "de tweede run wachtte niet op de eerste"
    a.send_signal(signal.SIGCONT)
    assert a.wait() == 0 and b.wait() == 0, (a.stderr.read(), b.stderr.read())
    assert snapshot(out) == sets[1800000000]


@test
def a_run_that_cannot_get_the_lock_in_time_says_so_and_writes_nothing():
    out, before = first_set("wacht")
    a = start(out, env={**STOP, **epoch(1800000000)})
    wait_stopped(a)
    b = start(out, env=epoch(1900000000))
    try:
        _, err = b.communicate(timeout=90)  # the wait is 30 s
    finally:
        a.send_signal(signal.SIGCONT)
    assert b.returncode == 3, (b.returncode, err)
    assert "een andere afspraken-opdracht schrijft nog in deze map" in err, err
    assert a.wait() == 0, a.stderr.read()
    ref = os.path.join(TMP, "wacht-ref")
    generate(REGION, ref, env=epoch(1800000000))
    assert snapshot(out) == snapshot(ref) != before
    assert leftovers(out) == []


@test
def empty_output_folder_is_refused():
    p = run("genereer", REGION, "-o", "")
    assert p.returncode == 2 and "'-o' verwacht een waarde, geen lege tekst" in p.stderr, p.stderr


@test
def empty_format_list_is_refused():
    for value in ("", ","):
        out = os.path.join(TMP, "noformat")
        p = run("genereer", REGION, "-o", out, "--formaat", value)
        assert p.returncode == 2, (value, p.returncode, p.stderr)
        assert "formaat" in p.stderr
        assert not os.path.exists(out)


@test
def failed_write_leaves_no_new_folder():
    region = os.path.join(TMP, "lang.yaml")
    with open(MINI_REGION, encoding="utf-8") as f:
        text = f.read()
    with open(region, "w", encoding="utf-8") as f:
        f.write(text.replace("regio: Testregio & <Omstreken>", "regio: " + "Lang" * 80))
    out = os.path.join(TMP, "nieuw", "map")
    p = run("genereer", region, "-o", out, "--model", MINI_MODEL)
    assert p.returncode == 3, (p.returncode, p.stderr)
    assert "de naam is te lang" in p.stderr, p.stderr
    assert not os.path.exists(os.path.join(TMP, "nieuw"))


@test
def input_error_creates_no_folder():
    region = os.path.join(TMP, "fout.yaml")
    with open(region, "w", encoding="utf-8") as f:
        f.write("regio: x\nonbekend: ja\n")  # missing values alone make a concept
    out = os.path.join(TMP, "nooit")
    p = run("genereer", region, "-o", out, "--model", MINI_MODEL)
    assert p.returncode == 2 and not os.path.exists(out), p.stderr


ENGLISH = re.compile(r"\b(found|expected|did not|invalid|error|character|input|while|"
                     r"scanning|parsing|too large|permission|directory)\b", re.I)


def check_raw(name, data, *args):
    path = os.path.join(TMP, name)
    with open(path, "wb") as f:
        f.write(data)
    p = run("controleer", path, "--model", MINI_MODEL, *args)
    assert not ENGLISH.search(p.stderr), p.stderr
    return p, path


def one_error(p, path, where, text):
    """Exactly one problem, at where, in Dutch, with exit 2."""
    assert p.returncode == 2, (p.returncode, p.stderr)
    lines = [l for l in p.stderr.splitlines() if not l.startswith("    ")]
    assert lines == [f"{path}{where}: fout: {text}"], p.stderr


@test
def bad_bytes_are_reported_at_their_line_and_column():
    cases = [
        (b"regio: a\nbeheer: b\xc3(x\n", ":2:10",
         "ongeldige UTF-8 (byte 0xC3); het bestand is geen geldige UTF-8-tekst"),
        (b"regio: a\nx: \"\xc0\xaf\"\n", ":2:5",  # overlong '/'
         "ongeldige UTF-8 (byte 0xC0); het bestand is geen geldige UTF-8-tekst"),
        (b"regio: a\nx: \"\xed\xa0\x80\"\n", ":2:5",  # a surrogate
         "ongeldige UTF-8 (byte 0xED); het bestand is geen geldige UTF-8-tekst"),
        (b"regio: \xc3\xa9\xc3\xa9\r\nb: c\x01\n", ":2:5",
         "stuurteken U+0001; dat mag niet in het bestand staan"),
        (b"a: b\n\n  c: \x7f\n", ":3:6", "stuurteken U+007F; dat mag niet in het bestand staan"),
        (b"\xef\xbb\xbfregio: \xef\xbb\xbfa\n", ":1:8",
         "een bytevolgordeteken (BOM, U+FEFF) midden in het bestand"),
        (b"\xff\xfer\x00e\x00", ":1:1", "het bestand is in UTF-16 opgeslagen, niet in UTF-8"),
        (b"regio: \"abc\n", None, None),
    ]
    for i, (data, where, text) in enumerate(cases):
        p, path = check_raw(f"bytes{i}.yaml", data)
        if where:
            one_error(p, path, where, text)
        else:
            assert p.returncode == 2 and "ongeldige YAML" in p.stderr, p.stderr


@test
def a_bom_at_the_start_is_fine():
    with open(MINI_REGION, "rb") as f:
        data = f.read()
    p, _ = check_raw("bom.yaml", b"\xef\xbb\xbf" + data)
    assert p.returncode == 0, p.stderr


@test
def what_is_no_regular_file_is_named_as_such():
    fifo = os.path.join(TMP, "pijp.yaml")
    os.mkfifo(fifo)
    for path, kind in [(fifo, "een pipe (FIFO)"), ("/dev/null", "een apparaat")]:
        p = run("controleer", path, "--model", MINI_MODEL)
        one_error(p, path, "", f"dit is {kind}, geen gewoon bestand")
    # controleer takes a folder of regions; a model must be a file.
    p = run("controleer", "--model", TMP)
    one_error(p, TMP, "", "dit is een map, geen gewoon bestand")
    p = run("controleer", os.path.join(TMP, "bestaat-niet.yaml"), "--model", MINI_MODEL)
    assert "het bestand of de map bestaat niet" in p.stderr and p.returncode == 2


@test
def a_top_level_that_is_no_mapping_is_reported_once():
    for data in (b"- a\n- b\n", b"gewoon tekst\n"):
        p, path = check_raw("lijst.yaml", data)
        one_error(p, path, ":1:1", "het regiobestand moet een mapping (sleutel: waarde) zijn")
        g = run("genereer", path, "--model", MINI_MODEL, "-o", os.path.join(TMP, "nooit"))
        assert g.stderr == p.stderr and g.returncode == 2


@test
def nesting_and_size_are_bounded_where_the_bound_is_crossed():
    p, path = check_raw("diep.yaml", b"regio: " + b"[" * 100000 + b"\n")
    one_error(p, path, ":1:71", "de structuur is hier meer dan 64 niveaus diep genest")
    p, path = check_raw("lang.yaml", b"regio: x\ndeelnemers:\n" + b"- a\n" * 100001)
    one_error(p, path, ":100003:3", "meer dan 100000 elementen in één lijst")


@test
def many_problems_are_cut_off_with_a_count():
    data = "regio: x\n" + "".join(f"onbekend{i}: v\n" for i in range(5000))
    p, path = check_raw("veel.yaml", data.encode())
    assert p.returncode == 2
    assert p.stderr.count("onbekende sleutel") == 1000 - 0 or "en nog" in p.stderr, p.stderr[-300:]
    assert re.search(r"en nog \d+ meldingen", p.stderr), p.stderr[-300:]


@test
def libyaml_problems_read_in_dutch():
    for i, data in enumerate([b"a: [b\n", b"a: {b\n", b"a: b: c\n", b"a:\n\t- b\n",
                              b"a: *x\n", b"a: \"\\q\"\n", b"a: &x b\nc: &x d\n", b"%FOO\n---\na: b\n",
                              b"a: !<x b\n", b"a: |0\n  b\n", b"- a\nb: c\n", b"a: 'b\n"]):
        p, _ = check_raw(f"yaml{i}.yaml", data)
        assert p.returncode == 2 and "fout:" in p.stderr, (data, p.stderr)


def mini_with_value(field, value):
    with open(MINI_REGION, encoding="utf-8") as f:
        text = f.read()
    return text.replace("velden:\n", f"velden:\n  {field}: {value}\n", 1)


@test
def spaces_around_a_number_are_refused_on_both_sides():
    for value in ('" 5"', '"5 "', '"\t5"'):
        p, path = check_raw("getal.yaml", mini_with_value("vergaderingen", value).encode())
        assert p.returncode == 2, (value, p.stderr)
        assert "heeft een spatie voor of na het getal (veld 'vergaderingen')" in p.stderr, p.stderr
    p, _ = check_raw("getal.yaml", mini_with_value("vergaderingen", "5").encode())
    assert p.returncode == 0, p.stderr


@test
def dates_a_zip_cannot_hold_are_input_errors():
    for epoch_value in ("4354819200", "315532799", "-1", "12x", "99999999999999999999"):
        out = os.path.join(TMP, "sde")
        p = run("genereer", MINI_REGION, "--model", MINI_MODEL, "-o", out,
                env={"SOURCE_DATE_EPOCH": epoch_value})
        assert p.returncode == 2, (epoch_value, p.stderr)
        assert f"SOURCE_DATE_EPOCH '{epoch_value}'" in p.stderr and not os.path.exists(out)
    for edge in ("315532800", "4354819199"):
        generate(MINI_REGION, os.path.join(TMP, "sde" + edge), model=MINI_MODEL,
                 env={"SOURCE_DATE_EPOCH": edge})
    with open(MINI_REGION, encoding="utf-8") as f:
        text = f.read()
    for date in ("2108-01-01", "1979-12-31"):
        p, path = check_raw("datum.yaml", text.replace("2026-01-15", date).encode())
        one_error(p, path, ":5:10", f"de datum van ondertekening {date} ligt buiten 1980-2107, "
                  "wat een zip-bestand als datum kan bewaren")


@test
def init_writes_any_name_as_valid_yaml_or_refuses_it():
    for name in ["Noord \"x\" \\ #: & *a !b %c @d `e", "tab\there", "regel\nregel",
                 "Súdwest-Fryslân \u2028 \u2029 \u0085 einde", "- lijst", "ja", "~", "'quote'"]:
        p = run("init", "--regio", name)
        assert p.returncode == 0, p.stderr
        assert yaml.safe_load(p.stdout)["regio"] == name, name
    for raw in (b"a\x01b", b"a\xffb", b"a\xc0\xafb", b"\x7f", b"a\xc2\x9fb"):
        p = subprocess.run([BIN, "init", "--regio", raw], capture_output=True, cwd=ROOT)
        assert p.returncode == 2, (raw, p.returncode)
        assert "geen geldige UTF-8-tekst of bevat een stuurteken" in p.stderr.decode()
        assert p.stdout == b""


summary()
