#!/usr/bin/env python3
"""Inputs for the scaling table of bench/run.sh, written into a folder:
the example region with N Deelnemers (deelnemers-N.yaml), with about 1 MB
of regional text (tekst-1mb.yaml) and of web and e-mail addresses
(adressen-1mb.yaml), and files of about 1 MB that a loader
must refuse quickly (deep nesting, unknown keys, a long list)."""

import os
import sys

import yaml

src, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
with open(src, encoding="utf-8") as f:
    base = yaml.load(f, Loader=yaml.BaseLoader)  # every scalar as text


def write(name, data):
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        yaml.safe_dump(data, f, allow_unicode=True, sort_keys=False, width=1000)


for n in (100, 1000, 10000):
    r = dict(base)
    extra = n - len(base["deelnemers"])
    r["deelnemers"] = base["deelnemers"] + [
        {"naam": f"Stichting Deelnemer {i}", "soort": "ggz-instelling",
         "ondertekenaar": {"naam": f"D. Persoon {i}", "functie": "directeur"}}
        for i in range(extra)]
    write(f"deelnemers-{n}.yaml", r)

r = dict(base)
spot = next(iter(r["regionale_tekst"]))
paragraph = "Het Zorg- en Veiligheidshuis werkt samen met de gemeenten en partners. " * 10
r["regionale_tekst"] = dict(r["regionale_tekst"])
r["regionale_tekst"][spot] = "\n\n".join([paragraph.strip()] * (1024 * 1024 // len(paragraph)))
write("tekst-1mb.yaml", r)

# Every address a link of its own: the DOCX writer must find each link's
# relationship without a walk of the tree per link.
r["regionale_tekst"] = dict(r["regionale_tekst"])
r["regionale_tekst"][spot] = " ".join(f"https://zvh.nl/{i} p{i}@zvh.nl"
                                      for i in range(1024 * 1024 // 36))
write("adressen-1mb.yaml", r)

with open(os.path.join(out, "diep-1mb.yaml"), "w") as f:
    f.write("regio: " + "[" * (1024 * 1024) + "\n")
with open(os.path.join(out, "sleutels-1mb.yaml"), "w") as f:
    f.write("regio: x\n" + "".join(f"onbekend{i}: v\n" for i in range(70000)))
with open(os.path.join(out, "lijst-1mb.yaml"), "w") as f:
    f.write("regio: x\ndeelnemers:\n" + "- a\n" * 262000)
