"""The formulation pack under rules/data/formulations/, read once, lazily,
merged with the user's own entries from configuration."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from gwlint.errors import ConfigError

DATA = Path(__file__).resolve().parent / "data" / "formulations"


@dataclass(frozen=True)
class FixedList:
    name: str
    items: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class Term:
    kind: str  # "superseded" or "canonical"
    old: str
    new: str
    year: int
    source: str
    not_before: str = ""  # skip when the old form is followed by this (it is the new form)


def _load(name: str) -> dict:
    import tomli

    return tomli.loads((DATA / name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def builtin_lists() -> tuple[FixedList, ...]:
    return tuple(FixedList(e["name"], tuple(e["items"]), e["source"]) for e in _load("lists.toml")["list"])


@lru_cache(maxsize=1)
def builtin_terms() -> tuple[Term, ...]:
    return tuple(Term(e["kind"], e["old"], e["new"], int(e["year"]), e["source"], e.get("not_before", ""))
                 for e in _load("terms.toml")["term"] if not e.get("skip") and e["old"] != e["new"])


LIST_KEYS = {"name", "label", "items", "source"}
TERM_KEYS = {"old", "new", "kind", "year", "since", "source", "not_before"}
TERM_KINDS = ("canonical", "superseded")


def parse_user_entries(value, base=None) -> tuple[tuple[FixedList, ...], tuple[Term, ...]]:
    """The ``[[formulations]]`` tables of a configuration: fixed lists
    {name or label, items, source} and terms {old, new, kind, year or since,
    source, not_before}, checked key by key."""
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise ConfigError("key 'formulations' must be an array of tables ([[formulations]])")
    lists, terms = [], []
    for i, e in enumerate(value):
        _check_entry(i, e)
        if "items" in e:
            lists.append(FixedList(e.get("name", e.get("label", "")), tuple(e["items"]), e.get("source", "用户配置")))
        else:
            terms.append(Term(e.get("kind", "canonical"), e["old"], e["new"], int(e.get("year", e.get("since", 0))),
                              e.get("source", "用户配置"), e.get("not_before", "")))
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
