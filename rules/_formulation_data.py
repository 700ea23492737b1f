"""The formulation pack under rules/data/formulations/, read once, lazily,
merged with the user's own entries from configuration.

- lists.toml: fixed lists in their fixed order (EX002), and the numbered
  labels that name them (EX003);
- terms.toml: superseded names of bodies (EX004) and wrong wordings of
  standard phrases (EX005);
- wordings.toml: truncated formulations (EX007) and wordings replaced by a
  newer official formulation (EX008);
- labels.toml: numbered and coined labels the norm puts in quotation marks
  (EX006).

Every entry names its source (a document and its year); entries that are
right before some date and wrong after it carry that date (``year``, and
``month`` where the change came within a year).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "formulations"

# what each term kind is reported as
TERM_CODES = {"superseded": "EX004", "canonical": "EX005", "truncated": "EX007", "outdated": "EX008"}
# kinds whose old form was right before the entry's date, so that the date matters
DATED_KINDS = ("superseded", "outdated")


@dataclass(frozen=True)
class FixedList:
    name: str
    items: tuple[str, ...]
    source: str
    year: int = 0  # since when the list has this form (三个自信 before 2016 was right)
    cues: tuple[str, ...] = ()  # words that introduce the label itself: 增强 “四个意识”
    bad: str = ""
    good: str = ""


@dataclass(frozen=True)
class Term:
    kind: str  # a key of TERM_CODES
    old: str
    new: str
    year: int
    source: str
    not_before: tuple[str, ...] = ()  # skip when the old form is followed by one of these
    month: int = 0
    not_after: tuple[str, ...] = ()  # skip when it is preceded by one of these (a longer word)
    only_after: tuple[str, ...] = ()  # report only when preceded by one of these (or by no Han character)
    bad: str = ""
    good: str = ""

    @property
    def code(self) -> str:
        return TERM_CODES[self.kind]


@dataclass(frozen=True)
class QuotedLabel:
    label: str
    source: str
    year: int = 0
    after: tuple[str, ...] = ()  # a label only when followed by one of these …
    before: tuple[str, ...] = ()  # … or preceded by one of these (when either is given)
    not_after: tuple[str, ...] = ()
    not_before: tuple[str, ...] = ()
    compound: bool = False  # “互联网+”: the quotes take in the word that follows
    bad: str = ""
    good: str = ""


def _load(name: str) -> dict:
    import tomli

    return tomli.loads((DATA / name).read_text(encoding="utf-8"))


def _strings(value) -> tuple[str, ...]:
    """A string or a list of strings, as a tuple."""
    if not value:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


@lru_cache(maxsize=1)
def builtin_lists() -> tuple[FixedList, ...]:
    return tuple(FixedList(e["name"], tuple(e["items"]), e["source"], int(e.get("year", 0)), _strings(e.get("cues")),
                           e.get("bad", ""), e.get("good", ""))
                 for e in _load("lists.toml")["list"])


def _term(e: dict) -> Term:
    return Term(e["kind"], e["old"], e["new"], int(e["year"]), e["source"], _strings(e.get("not_before")),
                int(e.get("month", 0)), _strings(e.get("not_after")), _strings(e.get("only_after")),
                e.get("bad", ""), e.get("good", ""))


@lru_cache(maxsize=1)
def builtin_terms() -> tuple[Term, ...]:
    entries = _load("terms.toml").get("term", []) + _load("wordings.toml").get("term", [])
    return tuple(_term(e) for e in entries if not e.get("skip") and e["old"] != e["new"])


@lru_cache(maxsize=1)
def builtin_labels() -> tuple[QuotedLabel, ...]:
    return tuple(QuotedLabel(e["label"], e["source"], int(e.get("year", 0)), _strings(e.get("after")),
                             _strings(e.get("before")), _strings(e.get("not_after")), _strings(e.get("not_before")),
                             bool(e.get("compound", False)), e.get("bad", ""), e.get("good", ""))
                 for e in _load("labels.toml").get("label", []))


def user_entries(formulations: tuple[dict, ...]) -> tuple[tuple[FixedList, ...], tuple[Term, ...]]:
    """User entries from config (validated by gwlint.config.parse_config):
    a list {name or label = "名称", items = [...], source} or a term
    {old = "...", new = "...", kind = "canonical"|"superseded"|"truncated"|"outdated",
    year or since, source, not_before}."""
    lists, terms = [], []
    for e in formulations:
        if "items" in e:
            lists.append(FixedList(e.get("name", e.get("label", "")), tuple(e["items"]), e.get("source", "用户配置")))
        else:
            terms.append(Term(e.get("kind", "canonical"), e["old"], e["new"], int(e.get("year", e.get("since", 0))),
                              e.get("source", "用户配置"), _strings(e.get("not_before"))))
    return tuple(lists), tuple(terms)
