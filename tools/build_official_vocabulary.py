#!/usr/bin/env python3
"""Mine the vocabulary of real official writing that TY's language model misjudges.

    .venv/bin/python tools/build_official_vocabulary.py [FOLDER ...]   (default ../shared/data/realgov)

Runs TY's context layer, without any evidence, over real, professionally
edited official documents; every span it would correct is a form the model
finds unlikely. A form that two or more of the documents use (惠企, 质效,
降碳, 医养) is a word of official writing, not a slip: it is written to
rules/data/typo/official_vocabulary.txt, one word per line with the number
of documents and of uses. Only this word list is kept, never the text.

It also writes rules/data/typo/official_frequency.tsv: for each word of the
language model that two or more of the documents use, how many do (the
register of official writing: TY weighs how common a form and its correction
are in it).
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "rules" / "data" / "typo" / "official_vocabulary.txt"
FREQUENCY_OUT = ROOT / "rules" / "data" / "typo" / "official_frequency.tsv"
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


def document_frequency(texts: list[str]) -> dict[str, int]:
    """word → how many of ``texts`` use it, for the words of the language model."""
    from gwlint.rules import _typo_vocabulary as vocab

    return vocab.document_frequency(texts, vocab.lm_word_set(vocab.lm_path()).__contains__)


def register_of(df: dict[str, int], documents: int, min_documents: int = MIN_DOCUMENTS):
    """The register of ``documents`` documents with document frequencies ``df``:
    the words two or more of them use."""
    from gwlint.rules._typo_vocabulary import Register

    return Register({w: n for w, n in df.items() if n >= min_documents}, documents)


def write_frequency(register, sources: list[str], path: Path = FREQUENCY_OUT) -> None:
    head = ("# word\tdocuments — words of the language model that two or more real official documents use,\n"
            "# and how many of them do, in: " + ", ".join(sources) + "\n"
            "# Built by tools/build_official_vocabulary.py (a word list; no text is kept).\n"
            f"# documents: {register.documents}\n")
    path.write_text(head + "".join(f"{w}\t{n}\n" for w, n in sorted(register.df.items())), encoding="utf-8")


def base_resources(register=None):
    """The detector with the hand-compiled vocabulary only (not the mined one)."""
    from gwlint.rules import _typo_data as data
    from gwlint.rules import _typo_vocabulary as vocab
    from gwlint.rules._typo_detector import build_resources

    official = vocab._word_file("new_terms.txt") | data.political_terms() | vocab._word_file("official_words.txt")
    return build_resources(official, register)


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
    sources = [f"{f.name}/ ({sum(1 for p in files if p.parent == f)} documents)" for f in folders]
    write(rows, sources)
    print(f"{len(rows)} words from {len(files)} documents → {OUT.relative_to(ROOT)}")
    register = register_of(document_frequency(texts), len(texts))
    write_frequency(register, sources)
    print(f"{len(register.df)} words → {FREQUENCY_OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
