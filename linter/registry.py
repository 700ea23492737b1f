"""Rule packs: how gwlint reads them and checks that they are well formed.

A rule pack is a Python package. For each family it holds:

- ``<family>.toml``: one ``[[rule]]`` table per rule (its documentation and
  good and bad examples, which the test suite runs);
- ``<family>.py``: the checker functions, marked with ``@checks``, and an
  ``OPTIONS`` tuple naming the configuration keys the family reads.

The core never imports a pack. A front end builds a ``Registry`` from one
(the bundled pack is ``gwlint.rules.bundled_registry()``) and passes it to
``parse_config`` and ``lint``.
"""
from __future__ import annotations

import importlib
import pkgutil
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from types import ModuleType
from typing import Callable, Hashable, Iterable

from .errors import PackError
from .model import SEVERITIES, Diagnostic, RuleMeta

CODE_RE = re.compile(r"^[A-Z]{2}\d{3}$")
REQUIRED_KEYS = ("code", "name", "severity", "summary", "why", "bad", "good")
OPTIONAL_KEYS = ("fixable", "retired")
SCOPES = ("line", "lines", "document")

CheckFunc = Callable[..., Iterable[Diagnostic]]


def checks(*codes: str, scope: str = "document"):
    """Mark a function as the checker for ``codes``. Every checker receives a
    ``RuleContext`` (``ctx``) as its last argument. By scope:

    - ``"document"``: ``f(doc, ctx)`` sees the whole document;
    - ``"line"``: ``f(doc, ctx)`` sees one line at a time (``doc`` holds just
      that line); the engine caches its findings by line text, which keeps
      the language server fast on long documents;
    - ``"lines"``: ``f(lines, ctx)`` takes the texts of many lines at once and
      returns one list of findings per line (offsets within that line), for
      work done better in bulk, such as one vectorised pass; cached like
      ``"line"``, so it is handed only the lines not in the cache.
    """
    if scope not in SCOPES:
        raise ValueError(scope)

    def mark(func):
        func.gwlint_codes = frozenset(codes)
        func.gwlint_scope = scope
        return func

    return mark


@dataclass(frozen=True)
class Option:
    """A configuration key that a rule pack reads, and how to read it.

    ``parse(value, base)`` turns the raw TOML value into a hashable value (a
    tuple, a frozenset, a frozen dataclass), reading any file it names
    relative to ``base``, the folder of the configuration file; it raises
    ``ConfigError`` with a message naming the key. Rules find the parsed value,
    or ``default``, in ``ctx.options[key]``. ``asks_for`` names the rules a
    value asks for, as naming them in ``select`` would (typo-sensitivity =
    "review" asks for TY004, an info rule otherwise not shown).
    """

    key: str
    parse: Callable[[object, Path], Hashable]
    default: Hashable
    summary: str = ""
    asks_for: tuple[tuple[Hashable, tuple[str, ...]], ...] = ()  # (value, codes)


@dataclass(frozen=True)
class Checker:
    func: CheckFunc
    codes: frozenset[str]
    scope: str

    @cached_property
    def key(self) -> str:
        return f"{self.func.__module__}.{self.func.__qualname__}"


@dataclass(frozen=True)
class Registry:
    rules: dict[str, RuleMeta]
    checkers: tuple[Checker, ...]
    options: dict[str, Option]

    def matching(self, patterns: Iterable[str]) -> set[str]:
        """Codes matched by codes or prefixes (``TY``, ``TY0``, ``ALL``)."""
        out: set[str] = set()
        for p in patterns:
            p = p.strip().upper()
            if p == "ALL":
                out.update(c for c, m in self.rules.items() if not m.retired)
            else:
                out.update(c for c, m in self.rules.items() if c.startswith(p) and not m.retired)
        return out

    def is_known_pattern(self, pattern: str) -> bool:
        p = pattern.strip().upper()
        return p == "ALL" or any(c.startswith(p) for c in self.rules)

    @cached_property
    def default_options(self) -> dict[str, Hashable]:
        return {key: opt.default for key, opt in self.options.items()}

    def asked_for(self, given: tuple[tuple[str, Hashable], ...]) -> set[str]:
        """The codes the pack options set in a configuration ask for."""
        out: set[str] = set()
        for key, value in given:
            opt = self.options.get(key)
            for wanted, codes in (opt.asks_for if opt else ()):
                if value == wanted:
                    out.update(codes)
        return out

    def resolve_options(self, given: tuple[tuple[str, Hashable], ...]) -> dict[str, Hashable]:
        """Every pack option: the parsed values ``given``, else the defaults."""
        if not given:
            return self.default_options
        return {**self.default_options, **dict(given)}

    def __hash__(self) -> int:  # one registry per pack, compared by identity
        return id(self)

    def __eq__(self, other) -> bool:
        return self is other


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
        retired = entry.get("retired", "")
        if not isinstance(retired, str):
            raise PackError(f"{where}: key 'retired' must be a string (why the rule was retired)")
        for key in ("bad", "good"):
            val = entry[key]
            # a retired rule reports nothing: it keeps its documentation, not examples
            if not isinstance(val, list) or not (val or retired) or not all(isinstance(s, str) for s in val):
                raise PackError(f"{where}: key '{key}' must be a non-empty list of strings")
        metas.append(RuleMeta(code, entry["name"], entry["severity"], entry["summary"],
                              entry["why"], tuple(entry["bad"]), tuple(entry["good"]),
                              source=path.name, retired=retired))
    return metas


def _pack_modules(package: ModuleType) -> list[ModuleType]:
    """The family modules of a pack (not its ``_helpers``), imported."""
    modules = []
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        try:
            modules.append(importlib.import_module(f"{package.__name__}.{info.name}"))
        except Exception as exc:  # a broken pack is reported in one line, like a malformed TOML pack
            where = getattr(exc, "filename", None) or f"{info.name}.py"
            line = f":{exc.lineno}" if getattr(exc, "lineno", None) else ""
            raise PackError(f"rule pack {Path(where).name}{line}: cannot load: {type(exc).__name__}: "
                            f"{getattr(exc, 'msg', None) or exc}") from None
    return modules


RESERVED_KEYS = frozenset({"select", "ignore", "extend-select", "severity", "per-file-ignores", "allow",
                           "exclude", "max-file-size", "extend", "baseline", "extend-ignore", "extend-allow",
                           "extend-exclude", "extend-per-file-ignores", "extend-severity"})


def _collect(module: ModuleType) -> tuple[list[Checker], list[Option]]:
    checkers = [Checker(value, value.gwlint_codes, value.gwlint_scope) for value in vars(module).values()
                if getattr(value, "gwlint_codes", None) and getattr(value, "__module__", None) == module.__name__]
    options = list(getattr(module, "OPTIONS", ()))
    for opt in options:
        if not isinstance(opt, Option):
            raise PackError(f"{module.__name__}: OPTIONS must hold Option entries, got {opt!r}")
    return checkers, options


def build_registry(package: ModuleType) -> Registry:
    """Read every rule pack of ``package`` and check that they fit together:
    each code documented once and checked, each option key declared once."""
    directory = Path(package.__file__).parent
    metas: dict[str, RuleMeta] = {}
    for path in sorted(directory.glob("*.toml")):
        for meta in _load_pack(path):
            if meta.code in metas:
                raise PackError(f"{path}: rule {meta.code}: key 'code' duplicates a rule in {metas[meta.code].source}")
            metas[meta.code] = meta
    checkers: list[Checker] = []
    options: dict[str, Option] = {}
    for module in _pack_modules(package):
        found, declared = _collect(module)
        checkers += found
        for opt in declared:
            if opt.key in RESERVED_KEYS or opt.key in options:
                raise PackError(f"{module.__name__}: option '{opt.key}' is already a configuration key")
            options[opt.key] = opt
    covered: set[str] = set()
    for checker in checkers:
        for code in checker.codes:
            if code not in metas:
                raise PackError(f"{checker.key}: checks {code}, which no rule pack documents")
        covered |= checker.codes
    for code, meta in metas.items():
        if meta.retired and code in covered:
            raise PackError(f"{directory / meta.source}: rule {code}: key 'retired' is set but a checker still checks it")
        if code not in covered and not meta.retired:
            raise PackError(f"{directory / meta.source}: rule {code}: key 'code' has no checker in "
                            f"{directory.name}/*.py")
    return Registry(dict(sorted(metas.items())), tuple(checkers), options)
