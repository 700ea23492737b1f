"""NU: numbering situations (cases.toml, run by tests/rules/test_cases.py) and whole speeches
whose numbering restarts legitimately under each new parent."""
from pathlib import Path

import pytest

from gwlint import Document, load_path

from gwlint.api import lint_document as lint
from gwlint.config import Config

HERE = Path(__file__).parent


SPEECHES = sorted(HERE.glob("restarts_*.txt"))


@pytest.mark.parametrize("path", SPEECHES, ids=[p.name for p in SPEECHES])
def test_legitimate_restarts_are_clean(path):
    assert lint(load_path(path), Config(select=("NU", "ST", "LY"))) == []


def test_numbering_fixes_are_suggestions_or_safe_where_mechanical():
    text = "一.总体要求\n（一）提高认识\n（三）压实责任\n"
    found = {d.code: d for d in lint(Document(text), Config(select=("NU",)))}
    assert found["NU003"].fix.safe and found["NU003"].fix.edits[0].text == "一、"
    assert not found["NU001"].fix.safe and found["NU001"].fix.edits[0].text == "（二）"
