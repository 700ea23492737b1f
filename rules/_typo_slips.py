"""TY003 and TY004: the context layer's findings, as diagnostics.

TY003 reports the slips of the default tier; with ``typo-sensitivity =
"review"`` TY004 also reports the weaker suspects (lower severity), for
proofreading a final draft. The work is done in bulk for all the lines a
document is about to have checked (prepare), so that the vectorised first
pass runs once, and so that a form the document repeats counts as meant.
"""
from __future__ import annotations

from gwlint.model import Diagnostic, Fix, Span
from gwlint.rules import _typo_detector as detector

KIND = {"同音": "同音字", "近音": "近音字", "形近": "形近字"}

# findings of the lines the engine is about to check, by (tier, line text) (see prepare)
_PREPARED: dict[tuple[str, str], list[Diagnostic]] = {}


def diagnostics(text: str, found) -> list[Diagnostic]:
    out = []
    for level, x in found:
        wrong = text[x.start:x.end]
        code = "TY003" if level == "default" else "TY004"
        if len(wrong) == 1:
            message = f"“{wrong}”疑为“{x.replacement}”之误（{KIND[x.kind]}）"
        else:
            message = f"“{wrong}”疑为“{x.replacement}”之误（{KIND[x.kind]}）"
        out.append(Diagnostic(code, message, Span(x.start, x.end), Fix.replace(Span(x.start, x.end), x.replacement,
                                                                               safe=False)))
    return out


def findings_for_lines(lines: list[str], tier: str, document: str | None = None) -> list[list[Diagnostic]]:
    """TY003/TY004 findings of each line (offsets within the line)."""
    res = detector.resources()
    if res is None:
        return [[] for _ in lines]
    found = detector.detect_lines(lines, res, tier, document)
    return [diagnostics(t, f) for t, f in zip(lines, found)]


def prepare(lines: list[str], tier: str) -> None:
    global _PREPARED
    results = findings_for_lines(lines, tier, "\n".join(lines))
    _PREPARED = {(tier, t): r for t, r in zip(lines, results)}


def context_slips(text: str, tier: str) -> list[Diagnostic]:
    got = _PREPARED.get((tier, text))
    if got is None:
        got = findings_for_lines([text], tier)[0]
    return got
