"""Shared by the review tables of findings on the real documents in
../shared/data/realgov/ (tests/realdocs/*.tsv): how a finding is written in
a table row, and the findings of a set of families."""
from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from tests.helpers import ROOT

SHARED = ROOT.parent / "shared"
REALGOV = SHARED / "data" / "realgov"
HERE = Path(__file__).parent
VERDICTS = ("defect", "false-alarm", "residue")


def flagged(text: str, start: int, end: int) -> str:
    """The flagged text as a table shows it: one line, at most 40 characters."""
    s = text[start:end].replace("\t", " ").replace("\r\n", "⏎").replace("\r", "⏎").replace("\n", "⏎")
    return s if len(s) <= 40 else s[:40] + "…"


def documents() -> list[Path]:
    return sorted(REALGOV.glob("*.txt"))


def config_for(families):
    """The default configuration (errors and warnings) restricted to ``families``."""
    from gwlint.api import configure
    from gwlint.rules import bundled_registry

    every = {code[:2] for code in bundled_registry().rules}
    return configure({"ignore": sorted(every - set(families))})


def current_rows(families) -> list[tuple[str, int, str, str]]:
    """(file, line, code, flagged text) of every finding of ``families`` on realgov."""
    from gwlint import load_path
    from gwlint.api import lint_document

    cfg = config_for(families)
    rows = []
    for path in documents():
        doc = load_path(path)
        for d in lint_document(doc, cfg):
            rows.append((path.name, doc.position(d.span.start)[0] + 1, d.code, flagged(doc.text, d.span.start, d.span.end)))
    return rows


def read_table(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def key(row: dict) -> tuple[str, int, str, str]:
    return row["file"], int(row["line"]), row["code"], row["flagged"]


def multiset(rows) -> Counter:
    return Counter(rows)
