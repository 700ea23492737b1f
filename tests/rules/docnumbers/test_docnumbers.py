"""DN: document numbers and citations (cases.toml, run by tests/rules/test_cases.py)."""
import pytest

from gwlint import Document
from gwlint.api import lint_document as lint
from gwlint.config import Config
from gwlint.fixes import apply_edits, choose_edits

CODES = ("DN001", "DN002", "DN003")


def _safe_fix(text: str) -> str:
    for _ in range(5):
        edits = choose_edits(lint(Document(text), Config(select=("DN",))))
        if not edits:
            break
        text = apply_edits(text, edits)
    return text


@pytest.mark.parametrize("before, after", [
    ("（市政发[2024]第05号）", "（市政发〔2024〕5号）"),
    ("国办发【2019】004号", "国办发〔2019〕4号"),
    ("《关于X的意见》【市政发〔2024〕5号】", "《关于X的意见》（市政发〔2024〕5号）"),
])
def test_safe_fixes_write_the_standard_form(before, after):
    assert _safe_fix(before) == after


def test_reordering_a_citation_is_only_a_suggestion():
    text = "依据国办发〔2018〕118号《指导意见》，结合本地实际。"
    (d,) = lint(Document(text), Config(select=("DN003",)))
    assert not d.fix.safe and d.fix.edits[0].text == "《指导意见》（国办发〔2018〕118号）"
    assert _safe_fix(text) == text
