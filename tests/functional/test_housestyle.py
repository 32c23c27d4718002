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
    assert set(sch["required"]) >= {"regio", "deelnemers", "ondertekening"}


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


summary()
