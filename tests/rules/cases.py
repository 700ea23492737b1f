"""Rule cases, in one format for every family: ``tests/rules/<family>/cases.toml``.

    [[case]]
    rule = "NU001"                 # the rule the case is about
    text = '''…'''                 # the document
    expect = ["3 NU001 编号跳号"]   # every finding of the selected rules, "LINE CODE message-fragment"
                                   # (LINE 1-based); [] means none at all
    select = ["NU"]                # optional: the rules linted (default: the rule's family)
    path = "case.md"               # optional: the document's name, hence its kind (default case.txt)
    fixed = '''…'''                # optional: the text once fixes are applied until none is left
    unsafe = true                  # optional, with `fixed`: unsafe fixes too
    settings = { allow = ["…"] }   # optional: gwlint.toml keys for this case

A case is "bad" for its rule when it expects a finding of that rule, else
"good" (a near miss). tests/rules/test_cases.py runs every case.
"""
from __future__ import annotations

from pathlib import Path

import tomli

from gwlint import Document
from gwlint.api import configure, lint_document
from gwlint.fixes import fix_text

HERE = Path(__file__).parent


def load_cases(family: str) -> list[dict]:
    """The cases of one family folder (``numbering``, ``layout``…)."""
    path = HERE / family / "cases.toml"
    cases = tomli.loads(path.read_text(encoding="utf-8"))["case"]
    for i, case in enumerate(cases):
        case["family"] = family
        case["id"] = f"{family}/{case['rule']}-{'bad' if is_bad(case) else 'good'}-{i}"
    return cases


def all_cases() -> list[dict]:
    return [c for d in sorted(HERE.iterdir()) if (d / "cases.toml").is_file() for c in load_cases(d.name)]


def is_bad(case: dict) -> bool:
    """A case that expects its rule to fire (a finding, or a fix that changes the text)."""
    return (any(e.split(" ", 2)[1] == case["rule"] for e in case.get("expect", []))
            or case.get("fixed", case["text"]) != case["text"])


def _config(case: dict):
    settings = dict(case.get("settings", {}))
    settings.setdefault("select", case.get("select", [case["rule"][:2]]))
    return configure(settings)


def findings(case: dict) -> list[tuple[int, str, str]]:
    doc = Document(case["text"], path=case.get("path", "case.txt"))
    return [(doc.position(d.span.start)[0] + 1, d.code, d.message) for d in lint_document(doc, _config(case))]


def check_case(case: dict) -> None:
    if "expect" in case:
        got = findings(case)
        unmatched = list(got)
        for entry in case["expect"]:
            line, code, fragment = entry.split(" ", 2)
            hit = next((g for g in unmatched if g[0] == int(line) and g[1] == code and fragment in g[2]), None)
            assert hit, f"expected {line} {code} “{fragment}” in {got}\n{case['text']}"
            unmatched.remove(hit)
        assert not unmatched, f"unexpected findings {unmatched}\n{case['text']}"
    if "fixed" in case:
        cfg, path = _config(case), case.get("path", "case.txt")
        fixed, _ = fix_text(case["text"], lambda t: lint_document(Document(t, path=path), cfg),
                            case.get("unsafe", False))
        assert fixed == case["fixed"], f"{case['text']!r} fixed to {fixed!r}, not {case['fixed']!r}"


def count_by_rule(cases: list[dict], code: str) -> tuple[int, int]:
    """(bad, good) cases about ``code``."""
    mine = [c for c in cases if c["rule"] == code]
    bad = sum(1 for c in mine if is_bad(c))
    return bad, len(mine) - bad
