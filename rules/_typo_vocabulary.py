"""The vocabulary behind TY's candidate search and its evidence of intent.

- the language model's own vocabulary (about 165,000 words), read from the
  KenLM binary itself: the words the model can score are the words a
  correction may be;
- how each word and character is read (every reading of a polyphone), from
  readings.tsv and word_readings.tsv (built by tools/build_typo_vocabulary.py
  from pypinyin);
- look-alike characters (lookalikes.tsv, derived from pycorrector's stroke
  data, Apache-2.0);
- the vocabulary of real official writing: words that the model lacks but
  official documents use (official_vocabulary.txt, mined from real documents
  by tools/build_official_vocabulary.py; new_terms.txt, compiled by hand with
  sources).

Pure functions of their arguments, or lru_caches of data files.
"""
from __future__ import annotations

import mmap
from functools import lru_cache
from pathlib import Path

from gwlint.rules import _typo_data as data

DATA = data.DATA


def _rows(name: str) -> list[list[str]]:
    path = DATA / name
    if not path.is_file():
        return []
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=2)
def lm_vocabulary(path: str) -> tuple[str, ...]:
    """The words of a KenLM binary model, in the model's own order.

    KenLM stores its vocabulary at the end of the binary file as
    NUL-terminated strings, starting with ``<unk>``."""
    with open(path, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as m:
        start = m.rfind(b"\0<unk>\0")
        if start < 0:
            return ()
        tail = m[start + 1:]
    return tuple(w for w in tail.decode("utf-8", "replace").split("\0") if w)  # one decode, not one per word


@lru_cache(maxsize=2)
def lm_word_set(path: str) -> frozenset[str]:
    """The model's words as a set, built once for every reader."""
    return frozenset(lm_vocabulary(path))


def lm_path() -> str | None:
    """The language model's file (as _typo_data.language_model() finds it), or None."""
    return data.model_path()


def is_cjk_word(w: str) -> bool:
    return bool(w) and all("\u4e00" <= c <= "\u9fff" for c in w)


@lru_cache(maxsize=2)
def cjk_vocabulary(path: str) -> tuple[str, ...]:
    """The words of the model written in Chinese characters only (one pattern
    over the whole vocabulary: a Python test per word costs a tenth of a second)."""
    import re

    return tuple(re.findall(r"^[\u4e00-\u9fff]+$", "\n".join(lm_vocabulary(path)), re.M))


def sources(*code_files) -> list[Path]:
    """What tables built from the vocabulary depend on: the TY data, the
    model file, and the code that builds them (for the disk cache's key)."""
    return sorted(DATA.iterdir()) + [Path(lm_path())] + [Path(f) for f in code_files]


@lru_cache(maxsize=1)
def char_readings() -> dict[str, tuple[str, ...]]:
    """char → its toneless readings, the usual one first (行: xing, hang)."""
    return {r[0]: tuple(r[1].split()) for r in _rows("readings.tsv") if len(r) >= 2}


@lru_cache(maxsize=1)
def word_readings() -> dict[str, tuple[str, ...]]:
    """Words read otherwise than with the usual reading of each character (银行: yin hang)."""
    return {r[0]: tuple(r[1].split()) for r in _rows("word_readings.tsv") if len(r) >= 2}


def reading_of_word(w: str, readings=None, exceptions=None) -> tuple[str, ...] | None:
    """How the word ``w`` is read (None when a character has no reading)."""
    exceptions = word_readings() if exceptions is None else exceptions
    if w in exceptions:
        return exceptions[w]
    readings = char_readings() if readings is None else readings
    out = []
    for c in w:
        r = readings.get(c)
        if not r:
            return None
        out.append(r[0])
    return tuple(out)


@lru_cache(maxsize=1)
def lookalikes() -> dict[str, str]:
    """char → the characters that look like it, in a fixed order (a string:
    iterating a set would follow the process's string hashing, and results
    must not depend on the process)."""
    return {r[0]: "".join(sorted(set(r[1]))) for r in _rows("lookalikes.tsv") if len(r) >= 2}


def _word_file(name: str) -> frozenset[str]:
    out = set()
    for r in _rows(name):
        w = r[0].strip()
        if w:
            out.add(w)
    return frozenset(out)


@lru_cache(maxsize=1)
def official_vocabulary() -> frozenset[str]:
    """Words of real official writing that the language model may lack or
    misjudge: mined (official_vocabulary.txt), newer terms with their sources
    (new_terms.txt), the political terms, the team's official words, and the
    idioms of TY001 (a character inside one written right is meant)."""
    return (_word_file("official_vocabulary.txt") | _word_file("new_terms.txt")
            | data.political_terms() | _word_file("official_words.txt") | data.idioms())
