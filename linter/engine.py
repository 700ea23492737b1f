"""``lint()``: the one entry point that the CLI, the language server, the
pre-commit hook and the batch reports all call."""
from __future__ import annotations

import logging
from collections import OrderedDict
from .config import DEFAULT_CONFIG, Config
from .model import Diagnostic, Document, Span
from .registry import Checker, Registry, default_registry

log = logging.getLogger("gwlint")


class LineCache:
    """Results of line-scoped checkers, keyed by (checker, line text, config).

    One keystroke changes one line, so the language server re-runs only the
    line-scoped checkers on that line. Bounded, least recently used first out.
    """

    def __init__(self, size: int = 50_000):
        self.size = size
        self._data: OrderedDict = OrderedDict()

    def get(self, key):
        value = self._data.get(key)
        if value is not None:
            self._data.move_to_end(key)
        return value

    def put(self, key, value) -> None:
        self._data[key] = value
        if len(self._data) > self.size:
            self._data.popitem(last=False)


def selected_codes(config: Config, registry: Registry, path: str) -> set[str]:
    codes = registry.matching(config.select)
    codes -= registry.matching(config.ignore)
    codes -= registry.matching(config.ignored_for(path))
    return codes


def _run_document_checker(checker: Checker, doc: Document, config: Config, on_error) -> list[Diagnostic]:
    try:
        return list(checker.func(doc, config))
    except Exception as exc:  # a broken rule must not take the tool down
        on_error(checker, exc)
        return []


def _run_line_checkers(checkers: list[Checker], doc: Document, config: Config, cache: LineCache | None,
                       on_error) -> list[Diagnostic]:
    """Run the line-scoped checkers line by line, with one cache entry per
    line for all of them: an edit re-runs them on the edited line only."""
    out: list[Diagnostic] = []
    suffix = doc.path.rsplit(".", 1)[-1].lower() if "." in doc.path else ""
    keys = tuple(c.key for c in checkers)
    failed: set[str] = set()
    rows = []  # (line, cache key, cached findings or None)
    for line in doc.lines:
        if line.text.strip():
            key = (keys, line.text, suffix, config.fingerprint)
            rows.append((line, key, cache.get(key) if cache is not None else None))
    pending = [line.text for line, _, found in rows if found is None]
    for checker in checkers:
        if checker.prepare is not None and pending:
            try:
                checker.prepare(pending, config)
            except Exception as exc:  # a broken rule must not take the tool down
                failed.add(checker.key)
                on_error(checker, exc)
    for line, key, found in rows:
        if found is None:
            sub = Document(line.text, path=doc.path, encoding=doc.encoding)
            collected: list[Diagnostic] = []
            clean = True
            for checker in checkers:
                if checker.key in failed:
                    continue
                try:
                    collected.extend(checker.func(sub, config))
                except Exception as exc:  # a broken rule must not take the tool down
                    failed.add(checker.key)
                    clean = False
                    on_error(checker, exc)
            found = tuple(collected)
            if cache is not None and clean:
                cache.put(key, found)
        if line.start:
            out.extend(d.shifted(line.start) for d in found)
        else:
            out.extend(found)
    return out


def _log_rule_error(checker: Checker, exc: Exception) -> None:
    log.error("rule %s failed: %s: %s", checker.key, type(exc).__name__, exc)


def _allowed_spans(text: str, words) -> list[Span]:
    spans = []
    for word in words:
        start = text.find(word)
        while start != -1:
            spans.append(Span(start, start + len(word)))
            start = text.find(word, start + 1)
    return spans


def lint(doc: Document, config: Config = DEFAULT_CONFIG, *, registry: Registry | None = None,
         cache: LineCache | None = None, on_error=_log_rule_error) -> list[Diagnostic]:
    """Run every selected rule on ``doc`` and return its findings, sorted."""
    registry = registry or default_registry()
    codes = selected_codes(config, registry, doc.path)
    active = [c for c in registry.checkers if c.codes & codes]
    found = _run_line_checkers([c for c in active if c.scope == "line"], doc, config, cache, on_error)
    for checker in active:
        if checker.scope == "document":
            found.extend(_run_document_checker(checker, doc, config, on_error))
    allowed = _allowed_spans(doc.text, config.allow) if config.allow else []
    n = len(doc.text)
    result: dict[tuple, Diagnostic] = {}
    for d in found:
        if d.code not in codes:
            continue
        if not (0 <= d.span.start <= d.span.end <= n):
            log.error("rule %s reported a span outside the text: %s", d.code, d.span)
            continue
        if allowed and any(d.span.overlaps(a) or (d.span.start == d.span.end and a.start <= d.span.start < a.end) for a in allowed):
            continue
        meta = registry.rules[d.code]
        # a rule may lower one finding's severity (EX004 in an undated document); the user's setting wins
        d = Diagnostic(d.code, d.message, d.span, d.fix, meta.name,
                       config.severity_for(d.code, d.severity or meta.severity), d.related)
        result.setdefault((d.span.start, d.span.end, d.code, d.message), d)
    return sorted(result.values(), key=lambda d: (d.span.start, d.span.end, d.code, d.message))
