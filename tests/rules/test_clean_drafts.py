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


def test_fix_leaves_every_clean_draft_byte_for_byte(tmp_path):
    """`gwlint --fix` (and --unsafe-fixes is not asked) changes nothing in a
    correctly written draft: a titled speech with a speaker line and headings,
    a Markdown notice with lists, a table and code, a numbered list followed
    by a sentence, and the other clean fixtures."""
    import shutil

    from tests.helpers import run_cli

    copies = []
    for path in sorted(FIXTURES.glob("clean_*")):
        shutil.copy(path, tmp_path / path.name)
        copies.append((path, tmp_path / path.name))
    proc = run_cli("--fix", "--no-progress", *[c for _, c in copies])
    assert proc.returncode == 0, proc.stdout.decode()[-2000:] + proc.stderr.decode()[-2000:]
    changed = [p.name for p, c in copies if p.read_bytes() != c.read_bytes()]
    assert not changed
