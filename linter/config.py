"""User configuration: ``gwlint.toml`` or ``[tool.gwlint]`` in ``pyproject.toml``.

The file is found by walking up from the linted file. Every key is checked:
an unknown key or a value of the wrong type is an error naming the key.
"""
from __future__ import annotations

import fnmatch
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import Hashable

from .errors import ConfigError, InputError
from .safe_io import read_regular
from .model import SEVERITIES

CONFIG_NAMES = ("gwlint.toml", "pyproject.toml")
DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024  # bytes; larger files are refused
MAX_CONFIG_SIZE = 1 << 20  # bytes of a gwlint.toml or pyproject.toml
MAX_WORD_LIST_SIZE = 64 << 20  # bytes of one lexicon or word-list file


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()  # (code or prefix, severity)
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    allow: frozenset[str] = frozenset()
    exclude: tuple[str, ...] = ()
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    # The keys rule packs read (lexicon, formulations…), as their packs parsed
    # them: sorted (key, value) pairs, hashable, so caches can key on them.
    options: tuple[tuple[str, Hashable], ...] = ()
    root: str | None = None  # folder of the config file; patterns are relative to it
    source: str | None = None  # the config file itself

    def option(self, key: str, default: Hashable = None) -> Hashable:
        """A pack option as set in this configuration (packs' defaults aside)."""
        return dict(self.options).get(key, default)

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

    def with_overrides(self, select=None, ignore=None, extend_select=None) -> "Config":
        """The command line's or the editor's choice on top: ``select``
        replaces the selection, ``extend_select`` adds to it, ``ignore`` adds."""
        if select is None and ignore is None and not extend_select:
            return self
        cfg = self
        if select is not None:
            cfg = replace(cfg, select=tuple(select))
        if extend_select:
            cfg = replace(cfg, select=cfg.select + tuple(extend_select))
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


def strings(key: str, value) -> tuple[str, ...]:
    """A list of strings (core keys and pack options); anything else is an error naming the key."""
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"key '{key}' must be a list of strings")
    return tuple(value)


def _check_known_codes(key: str, codes, registry) -> None:
    for c in codes:
        if not registry.is_known_pattern(c):
            raise ConfigError(f"key '{key}': unknown rule code or prefix '{c}'")


def parse_config(data: dict, source: str | None, registry) -> Config:
    """Validate a ``[tool.gwlint]`` or ``gwlint.toml`` table. The core keys are
    read here; every other key must be an option some rule pack of
    ``registry`` declares, and that pack parses it."""
    where = f"{source}: " if source else ""
    root = str(Path(source).parent) if source else None
    base_dir = Path(root) if root else Path.cwd()
    kw: dict = {"root": root, "source": source}
    options: dict = {}
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
                kw["allow"] = frozenset(w for w in strings(key, value) if w)
            elif key == "exclude":
                kw["exclude"] = strings(key, value)
            elif key == "max-file-size":
                if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
                    raise ConfigError("key 'max-file-size' must be a positive number of bytes")
                kw["max_file_size"] = value
            elif key in registry.options:
                options[key] = registry.options[key].parse(value, base_dir)
            else:
                raise ConfigError(f"unknown key '{key}'")
    except ConfigError as exc:
        raise ConfigError(f"{where}{exc}") from None
    return Config(**kw, options=tuple(sorted(options.items())))


def read_word_lists(key: str, files: tuple[str, ...], base: Path) -> tuple[str, ...]:
    """Read the word-list files a pack option names (relative to the config
    file's folder): one entry per line, '#' starts a comment."""
    words: list[str] = []
    for name in files:
        path = (base / name) if not Path(name).is_absolute() else Path(name)
        try:  # a regular file of bounded size: not /dev/zero, not a FIFO
            text = read_regular(path, MAX_WORD_LIST_SIZE, "word list")[0].decode("utf-8-sig")
        except InputError as exc:
            raise ConfigError(f"key '{key}': cannot read {exc}") from None
        except UnicodeDecodeError as exc:
            raise ConfigError(f"key '{key}': cannot read {path}: {exc.__class__.__name__}") from None
        for line in text.splitlines():
            line = line.split("#", 1)[0].strip()
            if line:
                words.append(line.split()[0])
    return tuple(words)


def read_config_file(path: Path, registry) -> Config:
    import tomli

    try:
        raw = read_regular(path, MAX_CONFIG_SIZE, "config file")[0].decode("utf-8-sig")
        data = tomli.loads(raw)
    except InputError as exc:
        raise ConfigError(f"cannot read config: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{path}: malformed TOML: nested too deeply") from None
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


class ConfigResolver:
    """The configuration that applies to each file, found once per folder and
    read once per version of each config file, with the command line's or the
    editor's ``select``/``ignore`` on top. The CLI keeps one for a run, the
    language server one for a session (``forget()`` when config files change).
    """

    def __init__(self, registry, explicit: str | None = None, select=None, ignore=None, extend_select=None):
        self.registry = registry
        self.explicit = explicit
        self.select, self.ignore, self.extend_select = select, ignore, extend_select
        self._found: dict[str, Path | None] = {}  # folder → the config file in force there
        self._read: dict[str, tuple[tuple[int, int], Config]] = {}  # config file → (its stat, Config)

    def forget(self) -> None:
        """Config files were added, changed or removed: look again."""
        self._found.clear()
        self._read.clear()

    def config_file(self, path: str | Path) -> Path | None:
        """The config file that applies to ``path`` (``-``: the working folder)."""
        if self.explicit:
            return Path(self.explicit)
        start = Path.cwd() if str(path) == "-" else Path(path)
        try:
            folder = start.resolve()
            if not folder.is_dir():
                folder = folder.parent
        except OSError:
            return None
        key = str(folder)
        if key not in self._found:
            self._found[key] = find_config_file(folder)
        return self._found[key]

    def for_path(self, path: str | Path) -> Config:
        """The configuration for ``path``, overrides applied."""
        found = self.config_file(path)
        if found is None:
            cfg = DEFAULT_CONFIG
        else:
            try:
                st = found.stat()
            except OSError:
                raise ConfigError(f"{found}: config file not found") from None
            stamp = (st.st_mtime_ns, st.st_size)
            cached = self._read.get(str(found))
            if cached is None or cached[0] != stamp:
                cached = self._read[str(found)] = (stamp, read_config_file(found, self.registry))
            cfg = cached[1]
        return cfg.with_overrides(self.select, self.ignore, self.extend_select)


DEFAULT_CONFIG = Config()
