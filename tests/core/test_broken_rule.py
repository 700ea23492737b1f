"""A rule that throws must not take the tool down: lint() logs it through
on_error, skips that rule for the document, and still returns every other
finding. The CLI, the batch runner and the language server all call lint(),
so this holds for each of them."""
from dataclasses import replace

from gwlint import Config, Document
from gwlint.engine import lint
from gwlint.registry import Checker
from gwlint.rules import bundled_registry


def _broken(doc, ctx):
    raise RuntimeError("boom")
    yield  # a generator, like the real checkers


def _broken_bulk(lines, ctx):
    raise ValueError("bulk boom")


def _with(*extra):
    registry = bundled_registry()
    return replace(registry, checkers=registry.checkers + tuple(extra))


def test_a_throwing_checker_is_skipped_and_reported():
    registry = _with(Checker(_broken, frozenset({"PH001"}), "line"), Checker(_broken, frozenset({"PU001"}), "document"))
    errors = []
    found = lint(Document("同志们:\n请XX同志发言。\n"), Config(), registry,
                 on_error=lambda checker, exc: errors.append(str(exc)))
    assert {"PH001", "PU001"} <= {d.code for d in found}  # the real checkers still ran
    assert errors == ["boom", "boom"]  # once per broken checker, not once per line


def test_a_throwing_bulk_checker_skips_only_itself():
    registry = _with(Checker(_broken_bulk, frozenset({"PH001"}), "lines"))
    errors = []
    found = lint(Document("请XX同志发言。\n同志们:\n"), Config(), registry,
                 on_error=lambda checker, exc: errors.append(str(exc)))
    assert {"PH001", "PU001"} <= {d.code for d in found}
    assert errors == ["bulk boom"]


def test_a_bulk_checker_must_answer_for_every_line():
    registry = _with(Checker(lambda lines, ctx: [[]], frozenset({"PH001"}), "lines"))
    errors = []
    lint(Document("甲\n乙\n"), Config(select=("PH001",)), registry, on_error=lambda c, exc: errors.append(str(exc)))
    assert errors == ["returned findings for 1 lines, not 2"]
