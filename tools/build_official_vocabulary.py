#!/usr/bin/env python3
"""Mine the vocabulary of real official writing that TY's language model misjudges.

    .venv/bin/python tools/build_official_vocabulary.py [FOLDER ...]   (default ../shared/data/realgov)

Runs TY's context layer, without any evidence, over real, professionally
edited official documents; every span it would correct is a form the model
finds unlikely. A form that two or more of the documents use (惠企, 质效,
降碳, 医养) is a word of official writing, not a slip: it is written to
rules/data/typo/official_vocabulary.txt, one word per line with the number
of documents and of uses. Only this word list is kept, never the text.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "rules" / "data" / "typo" / "official_vocabulary.txt"
MIN_DOCUMENTS = 2
RAW_GAIN = 3.0  # every correction the model favours this much is looked at


def lines_of(text: str) -> list[str]:
    return [x for x in re.split(r"\r\n|\r|\n", text) if x.strip()]


def mine(texts: list[str], res, min_documents: int = MIN_DOCUMENTS) -> list[tuple[str, int, int]]:
    """(word, documents, uses) of the forms the detector doubts that
    ``min_documents`` or more of ``texts`` use."""
    from gwlint.rules._typo_detector import detect_raw

    forms = set()
    for text in texts:
        lines = lines_of(text)
        for line, found in zip(lines, detect_raw(lines, res, RAW_GAIN)):
            for x in found:
                if x.end - x.start >= 2:
                    forms.add(line[x.start:x.end])
    out = []
    for w in sorted(forms):
        counts = [t.count(w) for t in texts]
        docs = sum(1 for c in counts if c)
        if docs >= min_documents:
            out.append((w, docs, sum(counts)))
    return out


def base_resources():
    """The detector with the hand-compiled vocabulary only (not the mined one)."""
    from gwlint.rules import _typo_data as data
    from gwlint.rules import _typo_vocabulary as vocab
    from gwlint.rules._typo_detector import build_resources

    official = vocab._word_file("new_terms.txt") | data.political_terms() | vocab._word_file("official_words.txt")
    return build_resources(official)


def write(rows, sources: list[str], path: Path = OUT) -> None:
    head = ("# word\tdocuments\tuses — forms of real official writing that TY's language model finds unlikely,\n"
            "# used by two or more of the documents in: " + ", ".join(sources) + "\n"
            "# Mined by tools/build_official_vocabulary.py (a word list; no text is kept).\n")
    path.write_text(head + "".join(f"{w}\t{d}\t{n}\n" for w, d, n in rows), encoding="utf-8")


def main() -> None:
    folders = [Path(a) for a in sys.argv[1:]] or [ROOT.parent / "shared" / "data" / "realgov"]
    files = sorted(p for f in folders for p in f.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in files]
    rows = mine(texts, base_resources())
    write(rows, [f"{f.name}/ ({sum(1 for p in files if p.parent == f)} documents)" for f in folders])
    print(f"{len(rows)} words from {len(files)} documents → {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
