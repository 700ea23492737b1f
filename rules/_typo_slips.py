"""TY003 and TY004: the context layer's findings, as diagnostics.

TY003 reports the slips of the default tier; with ``typo-sensitivity =
"review"`` TY004 also reports the weaker suspects (lower severity), for
proofreading a final draft. The work is done in bulk for many lines at once,
so that the vectorised first pass runs once; the text they come from is the
context in which a form repeated counts as meant.
"""
from __future__ import annotations

from gwlint.model import Diagnostic, Fix, Span
from gwlint.rules import _typo_detector as detector

KIND = {"同音": "同音字", "近音": "近音字", "形近": "形近字"}

def diagnostics(text: str, found) -> list[Diagnostic]:
    out = []
    for level, x in found:
        wrong = text[x.start:x.end]
        code = "TY003" if level == "default" else "TY004"
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
