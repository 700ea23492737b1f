"""``lint()``: the one entry point that the CLI, the language server, the
pre-commit hook, the batch reports and the Python API all call."""
from __future__ import annotations

import bisect
import logging
from typing import Callable, Hashable, Mapping

from .markdown import inside_skipped, skipped_spans
from .config import Config
from .lru import LRU
from .model import Diagnostic, Document, Span
from .registry import Checker, Registry
from .suppress import VERBS, suppressions_of

log = logging.getLogger("gwlint")


class RuleContext:
    """What a rule receives besides the text, for one ``lint()`` call: the
    options of every pack (parsed, defaults filled in), the kind of document
    (txt, md, docx), and a memo for whole-document analyses that several
    rules read (the outline, the web-page residue, the phrase typos)."""

    __slots__ = ("options", "kind", "_memo")

    def __init__(self, options: Mapping[str, Hashable], kind: str = "txt"):
        self.options = options
        self.kind = kind
        self._memo: dict = {}

    def memo(self, key: Hashable, compute: Callable[[], object]):
        """``compute()``, once per ``lint()`` call and ``key``."""
        try:
            return self._memo[key]
        except KeyError:
            value = self._memo[key] = compute()
            return value


class LineCache(LRU):
    """Findings of the line-scoped checkers, keyed by (checkers, line text,
    document kind, pack options).

    One keystroke changes one line, so the language server re-runs only the
    line-scoped checkers on that line. Bounded, least recently used first out.
    """

    def __init__(self, size: int = 50_000):
        super().__init__(size)


# The tiers reported unless asked for otherwise: error (a certain defect) and
# warning (a probable one). An info rule (a style preference: the standard
# says 通常 or 宜) runs only when its code or family is named in ``select``
# (``ALL`` does not name it) or a ``severity`` setting raises it.
SHOWN_BY_DEFAULT = ("error", "warning")


def named_codes(config: Config, registry: Registry) -> set[str]:
    """The codes ``select`` names by code or family (``ALL`` names none), and
    those the pack options ask for (typo-sensitivity = "review": TY004)."""
    return (registry.matching(p for p in config.select if p.strip().upper() != "ALL")
            | registry.asked_for(config.options))


def selected_codes(config: Config, registry: Registry, path: str) -> set[str]:
    codes = registry.matching(config.select)
    codes -= registry.matching(config.ignore)
    codes -= registry.matching(config.ignored_for(path))
    named = named_codes(config, registry)
    return {c for c in codes
            if c in named or config.severity_for(c, registry.rules[c].severity) in SHOWN_BY_DEFAULT}


OnError = Callable[[Checker, Exception], None]


def _guarded(checker: Checker, on_error: OnError, failed: set[str], call):
    """``call()``, or None when the rule throws: a broken rule must not take
    the tool down; it is reported once and skipped for the rest of the call."""
    if checker.key in failed:
        return None
    try:
        return call()
    except Exception as exc:
        failed.add(checker.key)
        on_error(checker, exc)
        return None


def _run_line_checkers(checkers: list[Checker], doc: Document, ctx: RuleContext, options_key,
                       cache: LineCache | None, on_error: OnError) -> list[Diagnostic]:
    """Run the line- and lines-scoped checkers with one cache entry per line
    for all of them: an edit re-runs them on the edited lines only."""
    keys = tuple(c.key for c in checkers)
    rows = []  # (line, cache key, cached findings or None)
    for line in doc.lines:
        if line.text.strip():
            key = (keys, line.text, doc.kind, options_key)
            rows.append((line, key, cache.get(key) if cache is not None else None))
    pending = [row for row in rows if row[2] is None]
    failed: set[str] = set()
    per_line: list[list[Diagnostic]] = [[] for _ in pending]
    if pending:
        texts = [line.text for line, _, _ in pending]
        for checker in checkers:
            if checker.scope == "lines":
                found = _guarded(checker, on_error, failed, lambda: _per_line(checker.func(texts, ctx), len(texts)))
                if found is not None:
                    for bucket, more in zip(per_line, found):
                        bucket.extend(more)
            else:
                for bucket, text in zip(per_line, texts):
                    sub = Document(text, path=doc.path, encoding=doc.encoding, kind=doc.kind)
                    found = _guarded(checker, on_error, failed, lambda: list(checker.func(sub, ctx)))
                    if found is None:
                        break
                    bucket.extend(found)
    out: list[Diagnostic] = []
    fresh = iter(per_line)
    for line, key, found in rows:
        if found is None:
            found = tuple(next(fresh))
            if cache is not None and not failed:
                cache.put(key, found)
        if line.start:
            out.extend(d.shifted(line.start) for d in found)
        else:
            out.extend(found)
    return out


def _per_line(found, n: int) -> list:
    """A ``lines`` checker's answer: exactly one list of findings per line."""
    found = list(found)
    if len(found) != n:
        raise ValueError(f"returned findings for {len(found)} lines, not {n}")
    return found


def _log_rule_error(checker: Checker, exc: Exception) -> None:
    log.error("rule %s failed: %s: %s", checker.key, type(exc).__name__, exc)


def _allowed_spans(text: str, words) -> list[Span]:
    """Where the allowed words occur, merged into disjoint sorted spans."""
    spans = []
    for word in words:
        start = text.find(word)
        while start != -1:
            spans.append((start, start + len(word)))
            start = text.find(word, start + 1)
    spans.sort()
    merged: list[list[int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [Span(s, e) for s, e in merged]


class _Allowed:
    """Whether a finding touches an allowed word: one bisection per finding
    over the merged spans (testing every span for every finding was
    quadratic: 4 MB with five common words took minutes)."""

    def __init__(self, spans: list[Span]):
        self.spans = spans
        self.starts = [a.start for a in spans]

    def covers(self, span: Span) -> bool:
        # the last allowed span starting before the finding ends (or at its point)
        i = bisect.bisect_right(self.starts, span.start if span.start == span.end else span.end - 1) - 1
        if i < 0:
            return False
        a = self.spans[i]
        if span.start == span.end:
            return a.start <= span.start < a.end
        return span.overlaps(a)


_SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2, "hint": 3}


def _problem(d: Diagnostic) -> tuple:
    """What a finding is about: its span and, when it has a fix, the text the
    fix would write (two rules naming one replacement report one problem);
    without a fix, its rule and message."""
    if d.fix is not None:
        return (d.span.start, d.span.end, tuple(sorted((e.start, e.end, e.text) for e in d.fix.edits)))
    return (d.span.start, d.span.end, d.code, d.message)


def _preferred(d: Diagnostic) -> tuple:
    """Of two findings of one problem, the one to keep: a safe fix over a
    suggestion, then the more severe, then the lower code."""
    return (not (d.fix is not None and d.fix.safe), _SEVERITY_RANK.get(d.severity, 9), d.code, d.message)


_said = LRU(1000)  # directive warnings already given: once per process, not once per keystroke or fix pass


def _warn_bad_directives(doc: Document, directives, registry: Registry) -> None:
    """A directive gwlint cannot read is a warning on the log (stderr), as
    ruff warns about a `# noqa` code it does not know; it never widens a
    directive: unknown codes are dropped, the rest of the directive applies."""
    for d in directives:
        line = d.line + 1
        if d.verb not in VERBS:
            msg = f"{doc.path}:{line}: unknown directive 'gwlint-{d.verb}' (gwlint-{', gwlint-'.join(VERBS)})"
        else:
            unknown = [*d.bad, *(c for c in d.codes or () if not registry.is_known_pattern(c))]
            if not unknown:
                continue
            msg = (f"{doc.path}:{line}: gwlint-{d.verb}: unknown rule code or prefix "
                   f"{', '.join(repr(c) for c in unknown)}, ignored")
        if _said.get(msg) is None:
            _said.put(msg, True)
            log.warning(msg)


def lint(doc: Document, config: Config, registry: Registry, *, cache: LineCache | None = None,
         on_error: OnError = _log_rule_error) -> list[Diagnostic]:
    """Run every rule of ``registry`` that ``config`` selects on ``doc``, and
    return the findings, sorted, with names and severities filled in, one per
    span and problem: those the document's own directives (Markdown comments)
    and the configuration's baseline do not cover."""
    codes = selected_codes(config, registry, doc.path)
    named = named_codes(config, registry)
    active = [c for c in registry.checkers if c.codes & codes]
    ctx = RuleContext(registry.resolve_options(config.options), doc.kind)
    found = _run_line_checkers([c for c in active if c.scope != "document"], doc, ctx, config.options, cache,
                               on_error)
    failed: set[str] = set()
    for checker in active:
        if checker.scope == "document":
            found.extend(_guarded(checker, on_error, failed, lambda: list(checker.func(doc, ctx))) or ())
    allowed = _Allowed(_allowed_spans(doc.text, config.allow)) if config.allow else None
    skipped = skipped_spans(doc) if doc.kind == "md" else []
    suppressed = suppressions_of(doc)
    if suppressed:
        _warn_bad_directives(doc, suppressed.directives, registry)
    n = len(doc.text)
    result: dict[tuple, Diagnostic] = {}
    for d in found:
        if d.code not in codes:
            continue
        if not (0 <= d.span.start <= d.span.end <= n):
            log.error("rule %s reported a span outside the text: %s", d.code, d.span)
            continue
        if allowed is not None and allowed.covers(d.span):
            continue
        if skipped and inside_skipped(d.span, skipped):
            continue  # code, a link target or HTML in Markdown: no prose
        if suppressed and suppressed.silences(d.code, d.span):
            continue
        meta = registry.rules[d.code]
        # a rule may lower one finding's severity (EX004 in an undated document); the user's setting wins
        severity = config.severity_for(d.code, d.severity or meta.severity)
        if severity not in SHOWN_BY_DEFAULT and d.code not in named:
            continue  # an info finding (a rule may lower one) is shown only when its rule is asked for
        d = Diagnostic(d.code, d.message, d.span, d.fix, meta.name, severity, d.related)
        key = _problem(d)
        kept = result.get(key)
        if kept is None or _preferred(d) < _preferred(kept):
            result[key] = d
    out = sorted(result.values(), key=lambda d: (d.span.start, d.span.end, d.code, d.message))
    if config.baseline is not None:
        out = config.baseline.unmatched(doc, out)
    return out
