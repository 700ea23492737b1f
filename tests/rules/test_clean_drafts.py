"""Clean official prose gets no finding of any family: every clean_* fixture
(speeches of different kinds, .txt and .md) is linted with every rule."""
from pathlib import Path

import pytest

from gwlint import load_path

from gwlint.api import lint_document as lint

FIXTURES = Path(__file__).parent / "clean_drafts"


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("clean_*")), ids=lambda p: p.name)
def test_clean_fixture_has_no_finding(path):
    found = lint(load_path(path))
    doc = load_path(path)
    assert not found, [(doc.position(d.span.start)[0] + 1, d.code, d.message) for d in found]


def test_there_are_clean_fixtures_of_several_kinds():
    names = {p.name for p in FIXTURES.glob("clean_*")}
    assert {"clean_speech.txt", "clean_speech.md", "clean_speech_formulations.txt",
            "clean_speech_business.txt"} <= names
