#!/usr/bin/env python3
"""Per-rule counts of the selected rules on the shared evaluation texts: the
real documents (../shared/data/realgov), the seed speeches (../shared/seeds)
and the correct side ("tgt") of the ECSpell sentences, each linted alone.

    .venv/bin/python tools/family_findings.py DT,DN,GR,NM          # counts
    .venv/bin/python tools/family_findings.py GR --list            # and every finding, to review
"""
import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from gwlint import Document, load_path
from gwlint.api import lint_document
from gwlint.config import Config

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def corpora():
    yield "realgov", ((p.name, load_path(p)) for p in sorted((SHARED / "data" / "realgov").glob("*.txt")))
    yield "seeds", ((p.name, load_path(p)) for p in sorted((SHARED / "seeds").glob("*.txt")))
    yield "ecspell-tgt", ((f"{p.name}:{i}", Document(json.loads(line)["tgt"]))
                          for p in sorted((SHARED / "data" / "ecspell").glob("*.jsonl"))
                          for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("select", help="codes or prefixes, comma-separated")
    ap.add_argument("--list", action="store_true", help="print every finding (tab-separated)")
    args = ap.parse_args()
    if not SHARED.is_dir():
        sys.exit(f"{SHARED} is absent")
    config = Config(select=tuple(args.select.split(",")))
    for name, docs in corpora():
        counts = Counter()
        for where, doc in docs:
            for d in lint_document(doc, config):
                counts[d.code] += 1
                if args.list:
                    line = doc.position(d.span.start)[0] + 1
                    context = doc.text[max(0, d.span.start - 12):d.span.end + 12].replace("\n", "⏎")
                    print(f"{name}\t{where}\t{line}\t{d.code}\t{doc.text[d.span.start:d.span.end]}\t{d.message}\t{context}")
        print(f"{name}: {sum(counts.values())} findings {dict(sorted(counts.items()))}")


if __name__ == "__main__":
    main()
