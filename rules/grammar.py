"""GR: redundancy (同义重复) and common 语病, from a sourced list of patterns.

The patterns live in rules/data/grammar/patterns.toml, one entry each with
its regex, message, source and its own bad and good examples. Each is
written so that a correct sentence cannot match: the "…" of a pair stays
inside one clause, and the readings where the words mean something else
(左右 as a verb, 以上 in 以上三点, 涉及到期贷款) are excluded. Fixes are
suggestions only: which word to keep is the author's choice.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from gwlint.model import Diagnostic, Edit, Fix, Span
from gwlint.registry import checks

DATA = Path(__file__).resolve().parent / "data" / "grammar" / "patterns.toml"
CODES = ("GR001", "GR002", "GR003")


@dataclass(frozen=True)
class Pattern:
    id: str
    code: str
    regex: re.Pattern
    message: str
    source: str
    span: str = ""  # the group to underline; the whole match if empty
    drop: str = ""  # the group a suggested fix deletes
    bad: tuple[str, ...] = ()
    good: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def patterns() -> tuple[Pattern, ...]:
    import tomli

    entries = tomli.loads(DATA.read_text(encoding="utf-8"))["pattern"]
    return tuple(Pattern(e["id"], e["code"], re.compile(e["pattern"]), e["message"], e["source"],
                         e.get("span", ""), e.get("drop", ""), tuple(e["bad"]), tuple(e["good"]))
                 for e in entries)


def _message(p: Pattern, m: re.Match) -> str:
    return p.message.format(**{k: v or "" for k, v in m.groupdict().items()})


def findings(text: str, code: str) -> list[Diagnostic]:
    """The findings of rule ``code`` on one line of text."""
    out = []
    for p in patterns():
        if p.code != code:
            continue
        for m in p.regex.finditer(text):
            s, e = m.span(p.span) if p.span else m.span()
            if p.span == "" and text[s:e].strip() != text[s:e]:
                s += len(text[s:e]) - len(text[s:e].lstrip())
            fix = None
            if p.drop and m.group(p.drop):
                ds, de = m.span(p.drop)
                fix = Fix(f"删去“{m.group(p.drop)}”", (Edit(ds, de, ""),), safe=False)
            out.append(Diagnostic(code, _message(p, m), Span(s, e), fix))
    return out


@checks("GR001", scope="line")
def redundancy(doc, ctx):
    return findings(doc.text, "GR001")


@checks("GR002", scope="line")
def mixed_construction(doc, ctx):
    return findings(doc.text, "GR002")


@checks("GR003", scope="line")
def missing_subject(doc, ctx):
    return findings(doc.text, "GR003")
