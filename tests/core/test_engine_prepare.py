"""A line checker's prepare step sees, in one call, every line the engine is
about to check — and only those: lines whose results are cached are not
prepared again (that keeps one keystroke in the language server cheap)."""
from dataclasses import replace

from gwlint import Document, lint
from gwlint.config import Config
from gwlint.engine import LineCache
from gwlint.model import Diagnostic, Span
from gwlint.registry import Checker, default_registry

CALLS: list[list[str]] = []


def _prepare(lines, config):
    CALLS.append(list(lines))


def _flag_x(doc, config):
    i = doc.text.find("Ｑ")
    if i >= 0:
        yield Diagnostic("PH001", "test", Span(i, i + 1))


def test_prepare_gets_the_uncached_lines_in_one_call():
    registry = default_registry()
    registry = replace(registry, checkers=(Checker(_flag_x, frozenset({"PH001"}), "line", _prepare),))
    cache = LineCache()
    cfg = Config(select=("PH001",))
    CALLS.clear()
    first = lint(Document("甲Ｑ\n\n乙\n丙Ｑ\n"), cfg, registry=registry, cache=cache)
    assert CALLS == [["甲Ｑ", "乙", "丙Ｑ"]]  # blank lines are never checked
    assert [d.span.start for d in first] == [1, 7]
    CALLS.clear()
    second = lint(Document("甲Ｑ\n\n乙改\n丙Ｑ\n"), cfg, registry=registry, cache=cache)
    assert CALLS == [["乙改"]]  # only the edited line
    assert [d.span.start for d in second] == [1, 8]
