"""A rule that throws must not take the tool down: lint() logs it through
on_error, skips that rule for the document, and still returns every other
finding. The CLI, the batch runner and the language server all call lint(),
so this holds for each of them."""
from dataclasses import replace

from gwlint import Document, lint
from gwlint.registry import Checker, default_registry


def _broken(doc, config):
    raise RuntimeError("boom")
    yield  # a generator, like the real checkers


def _broken_prepare(lines, config):
    raise ValueError("bulk boom")


def _with(*extra):
    registry = default_registry()
    return replace(registry, checkers=registry.checkers + tuple(extra))


def test_a_throwing_checker_is_skipped_and_reported():
    registry = _with(Checker(_broken, frozenset({"PH001"}), "line"), Checker(_broken, frozenset({"PU001"}), "document"))
    errors = []
    found = lint(Document("同志们:\n请XX同志发言。\n"), registry=registry,
                 on_error=lambda checker, exc: errors.append(str(exc)))
    assert {"PH001", "PU001"} <= {d.code for d in found}  # the real checkers still ran
    assert errors == ["boom", "boom"]  # once per broken checker, not once per line


def test_a_throwing_prepare_skips_its_checker_only():
    registry = _with(Checker(_broken, frozenset({"PH001"}), "line", _broken_prepare))
    errors = []
    found = lint(Document("请XX同志发言。\n要市帜鲜明讲政治。\n"), registry=registry,
                 on_error=lambda checker, exc: errors.append(str(exc)))
    assert {"PH001", "TY001"} <= {d.code for d in found}
    assert errors == ["bulk boom"]
