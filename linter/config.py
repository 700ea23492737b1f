"""User configuration: ``gwlint.toml`` or ``[tool.gwlint]`` in ``pyproject.toml``.

The file is found by walking up from the linted file. Every key is checked:
an unknown key or a value of the wrong type is an error naming the key.
"""
from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from pathlib import Path, PurePosixPath

from .errors import ConfigError
from .model import SEVERITIES

CONFIG_NAMES = ("gwlint.toml", "pyproject.toml")
DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024  # bytes; larger files are refused
TYPO_SENSITIVITIES = ("default", "review")  # other tools set this key: keep the name and values


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()  # (code or prefix, severity)
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    allow: frozenset[str] = frozenset()
    # Extra data supplied by the user, for the rule families that use it.
    lexicon: tuple[str, ...] = ()  # extra fixed expressions (TY)
    confusions: tuple[tuple[str, str], ...] = ()  # (wrong, right) pairs (TY)
    formulations: tuple[dict, ...] = ()  # extra EX entries
    typo_sensitivity: str = "default"  # TY context layer: "default", or "review" (more suspects, TY004)
    exclude: tuple[str, ...] = ()
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    root: str | None = None  # folder of the config file; patterns are relative to it
    source: str | None = None  # the config file itself

    @cached_property
    def fingerprint(self) -> int:
        """Identifies the settings that can change a rule's output (for caches)."""
        return hash(repr((self.allow, self.lexicon, self.confusions, self.formulations, self.typo_sensitivity)))

    def ignored_for(self, path: str) -> tuple[str, ...]:
        """Codes or prefixes that ``per-file-ignores`` switches off for ``path``."""
        if not self.per_file_ignores or path == "-":
            return ()
        rel = _relative(path, self.root)
        out: list[str] = []
        for pattern, codes in self.per_file_ignores:
            if _glob_match(rel, pattern):
                out.extend(codes)
        return tuple(out)

    def is_excluded(self, path: str) -> bool:
        rel = _relative(path, self.root)
        return any(_glob_match(rel, p) for p in self.exclude)

    def severity_for(self, code: str, default: str) -> str:
        best, best_len = default, -1
        for key, sev in self.severity:
            if code.startswith(key) and len(key) > best_len:
                best, best_len = sev, len(key)
        return best

    def with_overrides(self, select=None, ignore=None) -> "Config":
        if select is None and ignore is None:
            return self
        cfg = self
        if select is not None:
            cfg = replace(cfg, select=tuple(select))
        if ignore is not None:
            cfg = replace(cfg, ignore=cfg.ignore + tuple(ignore))
        return cfg


def _relative(path: str, root: str | None) -> str:
    p = Path(path)
    if root:
        try:
            return PurePosixPath(p.resolve().relative_to(Path(root).resolve())).as_posix()
        except (ValueError, OSError):
            pass
    return PurePosixPath(p).as_posix()


def _glob_match(rel: str, pattern: str) -> bool:
    pattern = pattern.rstrip("/")
    if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(rel, pattern + "/*"):
        return True
    # a pattern without a slash matches any path component, as in .gitignore
    if "/" not in pattern:
        return any(fnmatch.fnmatch(part, pattern) for part in PurePosixPath(rel).parts)
    return False


# ---------------------------------------------------------------- parsing

def _codes(key: str, value) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [v for v in value.split(",") if v.strip()]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"key '{key}' must be a list of rule codes or prefixes")
    return tuple(v.strip().upper() for v in value)


def _strings(key: str, value) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"key '{key}' must be a list of strings")
    return tuple(value)


def _check_known_codes(key: str, codes, registry) -> None:
    for c in codes:
        if not registry.is_known_pattern(c):
            raise ConfigError(f"key '{key}': unknown rule code or prefix '{c}'")


def parse_config(data: dict, source: str | None = None, registry=None) -> Config:
    """Validate a ``[tool.gwlint]`` or ``gwlint.toml`` table."""
    from .registry import default_registry

    registry = registry or default_registry()
    where = f"{source}: " if source else ""
    root = str(Path(source).parent) if source else None
    base_dir = Path(root) if root else Path.cwd()
    kw: dict = {"root": root, "source": source}
    try:
        for key, value in data.items():
            if key in ("select", "ignore"):
                codes = _codes(key, value)
                _check_known_codes(key, codes, registry)
                kw[key] = codes
            elif key == "severity":
                if not isinstance(value, dict):
                    raise ConfigError("key 'severity' must be a table of CODE = \"error|warning|info|hint\"")
                pairs = []
                for code, sev in value.items():
                    _check_known_codes(f"severity.{code}", [code], registry)
                    if sev not in SEVERITIES:
                        raise ConfigError(f"key 'severity.{code}' must be one of {', '.join(SEVERITIES)}")
                    pairs.append((code.upper(), sev))
                kw["severity"] = tuple(pairs)
            elif key == "per-file-ignores":
                if not isinstance(value, dict):
                    raise ConfigError("key 'per-file-ignores' must be a table of \"glob\" = [codes]")
                pfi = []
                for pattern, codes in value.items():
                    codes = _codes(f"per-file-ignores.{pattern}", codes)
                    _check_known_codes(f"per-file-ignores.{pattern}", codes, registry)
                    pfi.append((pattern, codes))
                kw["per_file_ignores"] = tuple(pfi)
            elif key == "allow":
                kw["allow"] = frozenset(w for w in _strings(key, value) if w)
            elif key == "exclude":
                kw["exclude"] = _strings(key, value)
            elif key == "lexicon":
                kw["lexicon"] = _read_word_lists(key, _strings(key, value), base_dir)
            elif key == "confusions":
                if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) and k and v for k, v in value.items()):
                    raise ConfigError("key 'confusions' must be a table of \"wrong\" = \"right\"")
                kw["confusions"] = tuple(value.items())
            elif key == "formulations":
                if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
                    raise ConfigError("key 'formulations' must be an array of tables ([[formulations]])")
                kw["formulations"] = tuple(_formulation(i, v) for i, v in enumerate(value))
            elif key == "typo-sensitivity":
                if value not in TYPO_SENSITIVITIES:
                    raise ConfigError("key 'typo-sensitivity' must be one of " + ", ".join(f'"{v}"' for v in TYPO_SENSITIVITIES))
                kw["typo_sensitivity"] = value
            elif key == "max-file-size":
                if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
                    raise ConfigError("key 'max-file-size' must be a positive number of bytes")
                kw["max_file_size"] = value
            else:
                raise ConfigError(f"unknown key '{key}'")
    except ConfigError as exc:
        raise ConfigError(f"{where}{exc}") from None
    return Config(**kw)


LIST_KEYS = {"name", "label", "items", "source"}
TERM_KEYS = {"old", "new", "kind", "year", "since", "source", "not_before"}
TERM_KINDS = ("canonical", "superseded")


def _formulation(i: int, entry: dict) -> dict:
    """One [[formulations]] table: a fixed list (name or label, items) or a
    term (old, new); see rules/_formulation_data.user_entries."""
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
        return dict(entry)
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
    return dict(entry)


def _read_word_lists(key: str, files: tuple[str, ...], base: Path) -> tuple[str, ...]:
    """Read user lexicon files: one entry per line, '#' starts a comment."""
    words: list[str] = []
    for name in files:
        path = (base / name) if not Path(name).is_absolute() else Path(name)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"key '{key}': cannot read {path}: {exc.__class__.__name__}") from None
        for line in text.splitlines():
            line = line.split("#", 1)[0].strip()
            if line:
                words.append(line.split()[0])
    return tuple(words)


def read_config_file(path: Path, registry=None) -> Config:
    import tomli

    try:
        raw = path.read_bytes().decode("utf-8-sig")
        data = tomli.loads(raw)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: config is not UTF-8") from None
    except tomli.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: malformed TOML: {exc}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("gwlint", {})
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: key 'tool.gwlint' must be a table")
    return parse_config(data, str(path), registry)


def find_config_file(start: Path) -> Path | None:
    """The nearest gwlint.toml, or pyproject.toml with [tool.gwlint], above ``start``."""
    try:
        folder = start.resolve()
    except OSError:
        return None
    if not folder.is_dir():
        folder = folder.parent
    for d in (folder, *folder.parents):
        candidate = d / "gwlint.toml"
        if candidate.is_file():
            return candidate
        pyproject = d / "pyproject.toml"
        if pyproject.is_file():
            try:
                if "[tool.gwlint" in pyproject.read_text(encoding="utf-8", errors="replace"):
                    return pyproject
            except OSError:
                continue
    return None


@lru_cache(maxsize=64)
def _cached_config(path: str, mtime: float) -> Config:
    return read_config_file(Path(path))


def config_for(path: str | Path, explicit: str | None = None) -> Config:
    """The configuration that applies to ``path`` (``-`` means the cwd)."""
    if explicit:
        p = Path(explicit)
        if not p.is_file():
            raise ConfigError(f"{explicit}: config file not found")
        return read_config_file(p)
    start = Path.cwd() if str(path) == "-" else Path(path)
    found = find_config_file(start)
    if found is None:
        return Config()
    try:
        mtime = found.stat().st_mtime
    except OSError:
        mtime = 0.0
    return _cached_config(str(found), mtime)


DEFAULT_CONFIG = Config()
