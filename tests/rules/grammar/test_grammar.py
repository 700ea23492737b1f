"""GR: the pattern list (rules/data/grammar/patterns.toml) and the fixture cases."""
import re

import pytest

from gwlint import Document
from gwlint.api import lint_document as lint
from gwlint.config import Config
from gwlint.rules import bundled_registry
from gwlint.rules.grammar import CODES, patterns

PATTERNS = patterns()


def test_every_pattern_is_complete_and_sourced():
    ids = [p.id for p in PATTERNS]
    assert len(ids) == len(set(ids))
    for p in PATTERNS:
        assert p.code in CODES and p.code in bundled_registry().rules, p.id
        assert len(p.source) >= 10 and p.message and p.bad and p.good, p.id
        for group in (p.span, p.drop):
            assert not group or group in p.regex.groupindex, (p.id, group)
        fields = set(re.findall(r"\{(\w+)\}", p.message))
        assert fields <= set(p.regex.groupindex), (p.id, fields)


@pytest.mark.parametrize("pattern", PATTERNS, ids=[p.id for p in PATTERNS])
def test_each_pattern_flags_its_bad_and_spares_its_good_examples(pattern):
    cfg = Config(select=(pattern.code,))
    for text in pattern.bad:
        assert any(pattern.regex.search(text) for _ in [0]), (pattern.id, text)
        assert lint(Document(text), cfg), (pattern.id, text)
    for text in pattern.good:
        assert not pattern.regex.search(text), (pattern.id, text)


def test_fixes_are_suggestions_only():
    text = "这次活动的目的是为了进一步提高认识，涉及到全市各个部门。"
    found = lint(Document(text), Config(select=("GR",)))
    assert len(found) == 2 and all(d.fix and not d.fix.safe for d in found)
    assert [e.text for d in found for e in d.fix.edits] == ["", ""]
    assert [text[d.fix.edits[0].start:d.fix.edits[0].end] for d in found] == ["为了", "到"]
