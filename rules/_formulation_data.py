"""The formulation pack under rules/data/formulations/, read once, lazily,
merged with the user's own entries from configuration."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

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


def user_entries(formulations: tuple[dict, ...]) -> tuple[tuple[FixedList, ...], tuple[Term, ...]]:
    """User entries from config (validated by linter.config.parse_config):
    a list {name or label = "名称", items = [...], source} or a term
    {old = "...", new = "...", kind = "canonical"|"superseded", year or since, source, not_before}."""
    lists, terms = [], []
    for e in formulations:
        if "items" in e:
            lists.append(FixedList(e.get("name", e.get("label", "")), tuple(e["items"]), e.get("source", "用户配置")))
        else:
            terms.append(Term(e.get("kind", "canonical"), e["old"], e["new"], int(e.get("year", e.get("since", 0))),
                              e.get("source", "用户配置"), e.get("not_before", "")))
    return tuple(lists), tuple(terms)
