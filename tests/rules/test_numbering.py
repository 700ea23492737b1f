"""NU: numbering situations (fixtures/numbering/cases.toml) and whole speeches
whose numbering restarts legitimately under each new parent."""
from pathlib import Path

import pytest

from gwlint import Document, load_path

from gwlint.api import lint_document as lint
from gwlint.config import Config
from tests.rules._fixture_cases import FIXTURES, check_case, load_cases

CASES = load_cases("numbering")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_numbering_case(case):
    check_case(case, ("NU",))


def test_every_rule_has_ten_bad_and_ten_good_cases():
    for code in ("NU001", "NU002", "NU003", "NU004"):
        mine = [c for c in CASES if c["rule"] == code]
        bad = [c for c in mine if any(code in e for e in c["expect"])]
        assert len(bad) >= 10 and len(mine) - len(bad) >= 10, code


SPEECHES = sorted((FIXTURES / "numbering").glob("restarts_*.txt"))


@pytest.mark.parametrize("path", SPEECHES, ids=[p.name for p in SPEECHES])
def test_legitimate_restarts_are_clean(path):
    assert lint(load_path(path), Config(select=("NU", "ST", "LY"))) == []


def test_numbering_fixes_are_suggestions_or_safe_where_mechanical():
    text = "一.总体要求\n（一）提高认识\n（三）压实责任\n"
    found = {d.code: d for d in lint(Document(text), Config(select=("NU",)))}
    assert found["NU003"].fix.safe and found["NU003"].fix.edits[0].text == "一、"
    assert not found["NU001"].fix.safe and found["NU001"].fix.edits[0].text == "（二）"
