"""Reliability: a run writes its whole set of documents or nothing, under a
lock, cleans up after itself and after a killed run; messages are Dutch at
the position of the cause; edge cases of the command line and the values."""

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
    return subprocess.Popen([BIN, "genereer", REGION, "-o", out, *extra], env=e, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


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
    assert len(leftovers(out)) == 4, leftovers(out)  # three temporaries and the lock
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
        f.write("regio: x\n")
    out = os.path.join(TMP, "nooit")
    p = run("genereer", region, "-o", out, "--model", MINI_MODEL)
    assert p.returncode == 2 and not os.path.exists(out), p.stderr


summary()
