"""Finds the rule packs under ``rules/`` and checks that they are well formed.

A rule pack is a TOML file ``rules/<family>.toml`` holding one ``[[rule]]``
table per rule (its documentation and examples), next to a Python module
``rules/<family>.py`` whose checker functions are marked with ``@checks``.
"""
from __future__ import annotations

import importlib
import pkgutil
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Callable, Iterable

from .errors import PackError
from .model import SEVERITIES, Diagnostic, Document, RuleMeta

CODE_RE = re.compile(r"^[A-Z]{2}\d{3}$")
REQUIRED_KEYS = ("code", "name", "severity", "summary", "why", "bad", "good")
OPTIONAL_KEYS = ("fixable",)

CheckFunc = Callable[[Document, object], Iterable[Diagnostic]]


def checks(*codes: str, scope: str = "document", prepare: Callable | None = None):
    """Mark a function as the checker for ``codes``.

    ``scope="line"`` promises that the function looks at one line at a time:
    the engine then runs it per line and caches results by line text, which
    keeps the language server fast on long documents. A line checker may name
    a ``prepare(lines, config)`` function: the engine hands it every line it
    is about to check, at once, so that work done better in bulk (one
    vectorised pass instead of one per line) is done before the line loop.
    """
    if scope not in ("line", "document"):
        raise ValueError(scope)

    def mark(func):
        func.gwlint_codes = frozenset(codes)
        func.gwlint_scope = scope
        func.gwlint_prepare = prepare
        return func

    return mark


@dataclass(frozen=True)
class Checker:
    func: CheckFunc
    codes: frozenset[str]
    scope: str
    prepare: Callable | None = None

    @cached_property
    def key(self) -> str:
        return f"{self.func.__module__}.{self.func.__qualname__}"


@dataclass(frozen=True)
class Registry:
    rules: dict[str, RuleMeta]
    checkers: tuple[Checker, ...]

    def matching(self, patterns: Iterable[str]) -> set[str]:
        """Codes matched by codes or prefixes (``TY``, ``TY0``, ``ALL``)."""
        out: set[str] = set()
        for p in patterns:
            p = p.strip().upper()
            if p == "ALL":
                out.update(self.rules)
            else:
                out.update(c for c in self.rules if c.startswith(p))
        return out

    def is_known_pattern(self, pattern: str) -> bool:
        p = pattern.strip().upper()
        return p == "ALL" or any(c.startswith(p) for c in self.rules)


def rules_dir() -> Path:
    import gwlint.rules as rules

    return Path(rules.__file__).parent


def _load_pack(path: Path) -> list[RuleMeta]:
    import tomli

    try:
        data = tomli.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise PackError(f"{path}: cannot read rule pack: {exc}") from None
    except tomli.TOMLDecodeError as exc:
        raise PackError(f"{path}: malformed TOML: {exc}") from None
    entries = data.get("rule", [])
    if not isinstance(entries, list):
        raise PackError(f"{path}: key 'rule' must be an array of tables ([[rule]])")
    metas = []
    for i, entry in enumerate(entries):
        where = f"{path}: rule[{i}]"
        if not isinstance(entry, dict):
            raise PackError(f"{where}: must be a table")
        for key in entry:
            if key not in REQUIRED_KEYS and key not in OPTIONAL_KEYS:
                raise PackError(f"{where}: unknown key '{key}'")
        for key in REQUIRED_KEYS:
            if key not in entry:
                raise PackError(f"{where}: missing key '{key}'")
        code = entry["code"]
        if not isinstance(code, str) or not CODE_RE.match(code):
            raise PackError(f"{where}: key 'code' must look like 'TY001', got {code!r}")
        where = f"{path}: rule {code}"
        for key in ("name", "summary", "why"):
            if not isinstance(entry[key], str) or not entry[key].strip():
                raise PackError(f"{where}: key '{key}' must be a non-empty string")
        if entry["severity"] not in SEVERITIES:
            raise PackError(f"{where}: key 'severity' must be one of {', '.join(SEVERITIES)}")
        for key in ("bad", "good"):
            val = entry[key]
            if not isinstance(val, list) or not val or not all(isinstance(s, str) for s in val):
                raise PackError(f"{where}: key '{key}' must be a non-empty list of strings")
        metas.append(RuleMeta(code, entry["name"], entry["severity"], entry["summary"],
                              entry["why"], tuple(entry["bad"]), tuple(entry["good"]),
                              source=path.name))
    return metas


def _collect_checkers(package) -> list[Checker]:
    found = []
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        try:
            module = importlib.import_module(f"{package.__name__}.{info.name}")
        except Exception as exc:  # a broken pack is reported in one line, like a malformed TOML pack
            where = getattr(exc, "filename", None) or f"{info.name}.py"
            line = f":{exc.lineno}" if getattr(exc, "lineno", None) else ""
            raise PackError(f"rule pack {Path(where).name}{line}: cannot load: {type(exc).__name__}: "
                            f"{getattr(exc, 'msg', None) or exc}") from None
        for value in vars(module).values():
            codes = getattr(value, "gwlint_codes", None)
            if codes and getattr(value, "__module__", None) == module.__name__:
                found.append(Checker(value, codes, value.gwlint_scope, getattr(value, "gwlint_prepare", None)))
    return found


def build_registry(directory: Path, package) -> Registry:
    metas: dict[str, RuleMeta] = {}
    for path in sorted(directory.glob("*.toml")):
        for meta in _load_pack(path):
            if meta.code in metas:
                raise PackError(f"{path}: rule {meta.code}: key 'code' duplicates a rule in {metas[meta.code].source}")
            metas[meta.code] = meta
    checkers = _collect_checkers(package)
    covered: set[str] = set()
    for checker in checkers:
        for code in checker.codes:
            if code not in metas:
                raise PackError(f"{checker.key}: checks {code}, which no rule pack documents")
        covered |= checker.codes
    for code, meta in metas.items():
        if code not in covered:
            raise PackError(f"{directory / meta.source}: rule {code}: key 'code' has no checker in rules/*.py")
    return Registry(dict(sorted(metas.items())), tuple(checkers))


@lru_cache(maxsize=1)
def default_registry() -> Registry:
    import gwlint.rules as rules

    return build_registry(rules_dir(), rules)
