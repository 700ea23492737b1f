"""Shared runner for the NU/ST/LY fixture cases under tests/rules/fixtures/<family>/cases.toml.

A case lists the exact findings its family must produce, as "LINE CODE fragment";
an empty list means the text must produce none of that family's findings.
"""
from __future__ import annotations

from pathlib import Path

import tomli

from gwlint import Document

from gwlint.api import lint_document as lint
from gwlint.config import Config

FIXTURES = Path(__file__).parent / "fixtures"


def load_cases(family_dir: str) -> list[dict]:
    data = tomli.loads((FIXTURES / family_dir / "cases.toml").read_text(encoding="utf-8"))
    cases = data["case"]
    for i, case in enumerate(cases):
        case["id"] = f"{case['rule']}-{'bad' if any(case['rule'] in e for e in case['expect']) else 'good'}-{i}"
    return cases


def findings(text: str, select: tuple[str, ...]) -> list[tuple[int, str, str]]:
    doc = Document(text, path="case.txt")
    return [(doc.position(d.span.start)[0] + 1, d.code, d.message) for d in lint(doc, Config(select=select))]


def check_case(case: dict, select: tuple[str, ...]) -> None:
    got = findings(case["text"], select)
    expected = []
    for entry in case["expect"]:
        line, code, fragment = entry.split(" ", 2)
        expected.append((int(line), code, fragment))
    unmatched = list(got)
    for line, code, fragment in expected:
        hit = next((g for g in unmatched if g[0] == line and g[1] == code and fragment in g[2]), None)
        assert hit, f"expected {line} {code} “{fragment}” in {got}\n{case['text']}"
        unmatched.remove(hit)
    assert not unmatched, f"unexpected findings {unmatched}\n{case['text']}"
