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

from gwlint.errors import ConfigError

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


LIST_KEYS = {"name", "label", "items", "source"}
TERM_KEYS = {"old", "new", "kind", "year", "since", "source", "not_before"}
TERM_KINDS = tuple(TERM_CODES)  # canonical, superseded, truncated, outdated


def parse_user_entries(value, base=None) -> tuple[tuple[FixedList, ...], tuple[Term, ...]]:
    """The ``[[formulations]]`` tables of a configuration: fixed lists
    {name or label, items, source} and terms {old, new, kind = canonical |
    superseded | truncated | outdated, year or since, source, not_before},
    checked key by key."""
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise ConfigError("key 'formulations' must be an array of tables ([[formulations]])")
    lists, terms = [], []
    for i, e in enumerate(value):
        _check_entry(i, e)
        if "items" in e:
            lists.append(FixedList(e.get("name", e.get("label", "")), tuple(e["items"]), e.get("source", "用户配置")))
        else:
            terms.append(Term(e.get("kind", "canonical"), e["old"], e["new"], int(e.get("year", e.get("since", 0))),
                              e.get("source", "用户配置"), _strings(e.get("not_before"))))
    return tuple(lists), tuple(terms)


def _check_entry(i: int, entry: dict) -> None:
    """One [[formulations]] table: a fixed list (name or label, items) or a
    term (old, new); every error names the key."""
    where = f"formulations[{i}]"

    def text(key: str) -> None:
        if key in entry and (not isinstance(entry[key], str) or not entry[key].strip()):
            raise ConfigError(f"key '{where}.{key}' must be a non-empty string")

    if "items" in entry:
        kind, allowed = "a fixed list (one with 'items')", LIST_KEYS
    elif "old" in entry or "new" in entry:
        kind, allowed = "a term (one with 'old' and 'new')", TERM_KEYS
    else:
        raise ConfigError(f"key '{where}' must be a fixed list (name, items) or a term (old, new)")
    for key in entry:
        if key not in allowed:
            raise ConfigError(f"unknown key '{where}.{key}' in {kind}")
    for key in entry:
        if key not in ("items", "year", "since"):
            text(key)
    if "items" in entry:
        if "name" not in entry and "label" not in entry:
            raise ConfigError(f"key '{where}.name' is missing (the list's name or label)")
        if "name" in entry and "label" in entry:
            raise ConfigError(f"key '{where}.label' duplicates '{where}.name': give one of them")
        items = entry["items"]
        if (not isinstance(items, list) or len(items) < 2
                or not all(isinstance(v, str) and v.strip() for v in items)):
            raise ConfigError(f"key '{where}.items' must be an array of at least 2 non-empty strings")
        if len(set(items)) != len(items):
            raise ConfigError(f"key '{where}.items' repeats an item")
        return
    for key in ("old", "new"):
        if key not in entry:
            raise ConfigError(f"key '{where}.{key}' is missing")
    if entry["old"] == entry["new"]:
        raise ConfigError(f"key '{where}.new' is the same as '{where}.old'")
    if "kind" in entry and entry["kind"] not in TERM_KINDS:
        raise ConfigError(f"key '{where}.kind' must be one of {', '.join(TERM_KINDS)}")
    if "year" in entry and "since" in entry:
        raise ConfigError(f"key '{where}.since' duplicates '{where}.year': give one of them")
    for key in ("year", "since"):
        v = entry.get(key)
        if key in entry and (not isinstance(v, int) or isinstance(v, bool) or not 1900 <= v <= 2100):
            raise ConfigError(f"key '{where}.{key}' must be a year such as 2018")
