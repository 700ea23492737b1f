"""How the engine runs checkers of each scope. A ``lines`` checker sees, in
one call, every line the engine is about to check, and only those: lines
whose findings are cached are not checked again (that keeps one keystroke in
the language server cheap). Its findings are per line, moved to the line's
place in the document. A rule's data comes in through ``ctx``: the pack
options, and a memo shared by the rules of one lint() call."""
from dataclasses import replace

from gwlint import Config, Document
from gwlint.engine import LineCache, RuleContext, lint
from gwlint.model import Diagnostic, Span
from gwlint.rules import bundled_registry


def _registry(*checkers):
    return replace(bundled_registry(), checkers=tuple(checkers))


def test_lines_checker_gets_the_uncached_lines_in_one_call():
    from gwlint.registry import Checker

    calls: list[list[str]] = []

    def flag_q(lines, ctx):
        calls.append(list(lines))
        return [[Diagnostic("PH001", "test", Span(i, i + 1))] if (i := t.find("Ｑ")) >= 0 else [] for t in lines]

    registry = _registry(Checker(flag_q, frozenset({"PH001"}), "lines"))
    cache = LineCache()
    cfg = Config(select=("PH001",))
    first = lint(Document("甲Ｑ\n\n乙\n丙Ｑ\n"), cfg, registry, cache=cache)
    assert calls == [["甲Ｑ", "乙", "丙Ｑ"]]  # blank lines are never checked
    assert [d.span.start for d in first] == [1, 7]
    calls.clear()
    second = lint(Document("甲Ｑ\n\n乙改\n丙Ｑ\n"), cfg, registry, cache=cache)
    assert calls == [["乙改"]]  # only the edited line
    assert [d.span.start for d in second] == [1, 8]


def test_the_line_cache_keys_on_pack_options():
    """A changed lexicon must not be answered from the cache of the old one."""
    from gwlint.api import configure

    cache = LineCache()
    text = Document("要推进四下基层工作。\n")
    registry = bundled_registry()
    assert not [d for d in lint(text, configure({"select": ["TY002"]}), registry, cache=cache)]
    with_pair = configure({"select": ["TY002"], "confusions": {"四下基层": "四下基层工作法"}})
    assert [d.code for d in lint(text, with_pair, registry, cache=cache)] == ["TY002"]


def test_memo_computes_once_per_call():
    ctx = RuleContext({}, "txt")
    calls = []
    assert ctx.memo("k", lambda: calls.append(1) or 42) == 42
    assert ctx.memo("k", lambda: calls.append(1) or 43) == 42
    assert calls == [1]


def test_document_rules_share_the_memo_of_one_call():
    """Two rules that read one whole-document analysis get it computed once."""
    from gwlint.registry import Checker

    computed = []

    def analysis(doc, ctx):
        return ctx.memo("analysis", lambda: computed.append(doc.text) or len(doc.text))

    def rule_a(doc, ctx):
        return [Diagnostic("PH001", f"a{analysis(doc, ctx)}", Span(0, 1))]

    def rule_b(doc, ctx):
        return [Diagnostic("PH002", f"b{analysis(doc, ctx)}", Span(0, 1))]

    registry = _registry(Checker(rule_a, frozenset({"PH001"}), "document"),
                         Checker(rule_b, frozenset({"PH002"}), "document"))
    found = lint(Document("甲乙丙"), Config(select=("PH001", "PH002")), registry)
    assert [d.message for d in found] == ["a3", "b3"] and computed == ["甲乙丙"]
    lint(Document("甲乙"), Config(select=("PH001", "PH002")), registry)
    assert computed == ["甲乙丙", "甲乙"]  # a new call, a new memo
