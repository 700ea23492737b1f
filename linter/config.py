"""User configuration: ``gwlint.toml`` or ``[tool.gwlint]`` in ``pyproject.toml``.

The file is found by walking up from the linted file. Every key is checked:
an unknown key or a value of the wrong type is an error naming the key.
``extend = "path"`` builds on another file (shared office-wide settings):
its keys apply unless this file sets them; ``extend-ignore`` and the other
``extend-*`` keys add to what is in force instead of replacing it.
"""
from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass, field, replace
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
    sources: tuple[str, ...] = ()  # every file it was read from: itself, then the files it extends
    baseline_path: str | None = None  # the baseline file in force (which may not exist yet)
    baseline: object = field(default=None, repr=False)  # that file, read (gwlint.baseline.Baseline)

    def option(self, key: str, default: Hashable = None) -> Hashable:
        """A pack option as set in this configuration (packs' defaults aside)."""
        return dict(self.options).get(key, default)

    def ignored_for(self, path: str) -> tuple[str, ...]:
        """Codes or prefixes that ``per-file-ignores`` switches off for ``path``."""
        if not self.per_file_ignores or path == "-":
            return ()
        where = _Where(path, self.root)
        out: list[str] = []
        for pattern, codes in self.per_file_ignores:
            if where.matches(pattern):
                out.extend(codes)
        return tuple(out)

    def is_excluded(self, path: str) -> bool:
        where = _Where(path, self.root)
        return any(where.matches(p) for p in self.exclude)

    def severity_for(self, code: str, default: str) -> str:
        best, best_len = default, -1
        for key, sev in self.severity:
            if code.startswith(key) and len(key) > best_len:
                best, best_len = sev, len(key)
        return best

    def with_overrides(self, select=None, ignore=None, options=None, extend_select=None) -> "Config":
        """This configuration with the command line's or the editor's choices
        on top: ``select`` replaces, ``extend_select`` adds to the selection,
        ``ignore`` adds, ``options`` (a dict of parsed pack options, such as
        typo-sensitivity) replace those set here."""
        if select is None and ignore is None and not options and not extend_select:
            return self
        cfg = self
        if select is not None:
            cfg = replace(cfg, select=tuple(select))
        if extend_select:
            cfg = replace(cfg, select=cfg.select + tuple(extend_select))
        if ignore is not None:
            cfg = replace(cfg, ignore=cfg.ignore + tuple(ignore))
        if options:
            cfg = replace(cfg, options=tuple(sorted({**dict(cfg.options), **options}.items())))
        return cfg


class _Where:
    """A path as patterns see it: relative to the config's folder, or absolute
    for the patterns an extended file in another folder anchored there."""

    def __init__(self, path: str, root: str | None):
        self.path = path
        self.rel = _relative(path, root)

    def matches(self, pattern: str) -> bool:
        if os.path.isabs(pattern):
            try:
                return _glob_match(Path(self.path).resolve().as_posix(), pattern)
            except OSError:
                return False
        return _glob_match(self.rel, pattern)


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


BASELINE_NAME = ".gwlint-baseline.toml"  # beside the config file, unless ``baseline`` names another
# extend-KEY adds to KEY instead of replacing it: lists are appended, tables merged key by key
EXTENDING_KEYS = {"extend-select": "select", "extend-ignore": "ignore", "extend-allow": "allow",
                  "extend-exclude": "exclude", "extend-per-file-ignores": "per_file_ignores",
                  "extend-severity": "severity"}


@dataclass
class _Layer:
    """One configuration file (or table), parsed: the Config fields it sets,
    what its ``extend-*`` keys add, and its pack options."""

    source: str | None
    root: str | None
    fields: dict
    adds: dict
    options: dict


def _parse_value(core: str, value, registry, base_dir: Path, key: str):
    """(Config field, parsed value) of a core key, or None for a pack option.
    ``key`` is the key as written (``extend-ignore`` for ``ignore``), for messages."""
    if core in ("select", "ignore"):
        codes = _codes(key, value)
        _check_known_codes(key, codes, registry)
        return core, codes
    if core == "severity":
        if not isinstance(value, dict):
            raise ConfigError(f"key '{key}' must be a table of CODE = \"error|warning|info|hint\"")
        pairs = []
        for code, sev in value.items():
            _check_known_codes(f"{key}.{code}", [code], registry)
            if sev not in SEVERITIES:
                raise ConfigError(f"key '{key}.{code}' must be one of {', '.join(SEVERITIES)}")
            pairs.append((code.upper(), sev))
        return "severity", tuple(pairs)
    if core == "per-file-ignores":
        if not isinstance(value, dict):
            raise ConfigError(f"key '{key}' must be a table of \"glob\" = [codes]")
        pfi = []
        for pattern, codes in value.items():
            codes = _codes(f"{key}.{pattern}", codes)
            _check_known_codes(f"{key}.{pattern}", codes, registry)
            pfi.append((pattern, codes))
        return "per_file_ignores", tuple(pfi)
    if core == "allow":
        return "allow", frozenset(w for w in strings(key, value) if w)
    if core == "exclude":
        return "exclude", strings(key, value)
    if core == "max-file-size":
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            raise ConfigError(f"key '{key}' must be a positive number of bytes")
        return "max_file_size", value
    if core == "baseline":
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(f"key '{key}' must be the path of a baseline file")
        return "baseline_path", os.path.normpath(base_dir / _expand(value))
    return None


def _expand(path: str) -> str:
    return os.path.expandvars(os.path.expanduser(path))


def _parse_layer(data: dict, source: str | None, registry) -> _Layer:
    where = f"{source}: " if source else ""
    root = str(Path(source).parent) if source else None
    base_dir = Path(root) if root else Path.cwd()
    layer = _Layer(source, root, {}, {}, {})
    try:
        for key, value in data.items():
            if key == "extend":
                continue
            target = EXTENDING_KEYS.get(key)
            parsed = _parse_value(target.replace("_", "-") if target else key, value, registry, base_dir, key)
            if parsed is not None:
                (layer.adds if target else layer.fields)[parsed[0]] = parsed[1]
            elif key in registry.options:
                layer.options[key] = registry.options[key].parse(value, base_dir)
            else:
                raise ConfigError(f"unknown key '{key}'")
    except ConfigError as exc:
        raise ConfigError(f"{where}{exc}") from None
    return layer


def _anchored(name: str, value, layer_root: str | None, root: str | None):
    """Globs of an extended file in another folder stay relative to that file's
    folder (as in ruff): those with a slash become absolute; a bare name such
    as ``*.bak.txt`` matches in any folder anyway."""
    if name not in ("exclude", "per_file_ignores") or layer_root is None or root is None \
            or Path(layer_root).resolve() == Path(root).resolve():
        return value
    base = Path(layer_root).resolve().as_posix().rstrip("/")

    def anchor(p: str) -> str:
        if "/" not in p.rstrip("/") or os.path.isabs(p):
            return p
        return f"{base}/{p[2:] if p.startswith('./') else p}"

    if name == "exclude":
        return tuple(anchor(p) for p in value)
    return tuple((anchor(p), codes) for p, codes in value)


def _merge_add(field_name: str, current, more):
    if field_name == "allow":
        return current | more
    if field_name == "severity":
        return tuple({**dict(current), **dict(more)}.items())
    return tuple(current) + tuple(more)


def _combine(layers: list[_Layer]) -> Config:
    """One Config from a chain of layers, the extended (base) file first and
    the file itself last: a later layer's keys replace an earlier one's, its
    ``extend-*`` keys add to them."""
    leaf = layers[-1]
    values: dict = {}
    options: dict = {}
    for layer in layers:
        for name, value in layer.fields.items():
            values[name] = _anchored(name, value, layer.root, leaf.root)
        for name, value in layer.adds.items():
            current = values.get(name, getattr(DEFAULT_CONFIG, name))
            values[name] = _merge_add(name, current, _anchored(name, value, layer.root, leaf.root))
        options.update(layer.options)
    if "baseline_path" not in values and leaf.source:
        values["baseline_path"] = str(Path(leaf.root) / BASELINE_NAME)
    sources = tuple(layer.source for layer in reversed(layers) if layer.source)
    return Config(**values, options=tuple(sorted(options.items())), root=leaf.root, source=leaf.source,
                  sources=sources)


def parse_config(data: dict, source: str | None, registry) -> Config:
    """Validate a ``[tool.gwlint]`` or ``gwlint.toml`` table, and the files it
    extends. The core keys are read here; every other key must be an option
    some rule pack of ``registry`` declares, and that pack parses it."""
    return _combine(_chain(data, source, registry, ()))


def _chain(data: dict, source: str | None, registry, seen: tuple[Path, ...]) -> list[_Layer]:
    """The layers of a table and of the files it extends, base first."""
    layer = _parse_layer(data, source, registry)
    if "extend" not in data:
        return [layer]
    where = f"{source}: " if source else ""
    value = data["extend"]
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{where}key 'extend' must be the path of another gwlint.toml or pyproject.toml")
    base_dir = Path(layer.root) if layer.root else Path.cwd()
    target = Path(os.path.normpath(base_dir / _expand(value)))
    try:
        resolved = target.resolve()
    except OSError:
        resolved = target
    here = Path(source).resolve() if source else None
    if resolved in seen or resolved == here:
        names = " → ".join(str(p) for p in (*seen, *([here] if here else []), resolved))
        raise ConfigError(f"{where}key 'extend': a cycle ({names})")
    if not target.is_file():
        raise ConfigError(f"{where}key 'extend': no such file {target}")
    return _chain(_read_table(target), str(target), registry, (*seen, *([here] if here else []))) + [layer]


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


def read_toml(path: Path, what: str = "config") -> dict:
    """A TOML file (a config, a baseline); every problem is one ConfigError line naming it."""
    import tomli

    try:
        raw = read_regular(path, MAX_CONFIG_SIZE, what)[0].decode("utf-8-sig")
        return tomli.loads(raw)
    except InputError as exc:
        raise ConfigError(f"cannot read {what}: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{path}: malformed TOML: nested too deeply") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: {what} is not UTF-8") from None
    except tomli.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: malformed {'TOML' if what == 'config' else what}: {exc}") from None


def _read_table(path: Path) -> dict:
    """The gwlint table of a config file: the whole gwlint.toml, or
    ``[tool.gwlint]`` of a pyproject.toml."""
    data = read_toml(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("gwlint", {})
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: key 'tool.gwlint' must be a table")
    return data


def read_config_file(path: Path, registry) -> Config:
    return parse_config(_read_table(path), str(path), registry)


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


def with_baseline(cfg: Config) -> Config:
    """``cfg`` with the baseline file it names read (if that file exists)."""
    from .baseline import read_baseline

    path = cfg.baseline_path
    return replace(cfg, baseline=read_baseline(path) if path and os.path.isfile(path) else None)


def _stamp(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


class ConfigResolver:
    """The configuration that applies to each file, found once per folder and
    read once per version of each config file (and of every file it extends,
    and of its baseline), with the command line's or the editor's
    ``select``/``ignore`` on top. The CLI keeps one for a run, the language
    server one for a session (``forget()`` when config files change).

    ``baseline`` names a baseline file for every path (``--baseline``);
    ``use_baseline=False`` leaves baselines unread (``--add-baseline``, which
    needs every finding, and ``--no-baseline``).
    """

    def __init__(self, registry, explicit: str | None = None, select=None, ignore=None,
                 baseline: str | None = None, use_baseline: bool = True, extend_select=None):
        self.registry = registry
        self.explicit = explicit
        self.select, self.ignore, self.extend_select = select, ignore, extend_select
        self.options: dict = {}  # pack options chosen in the editor, parsed (typo-sensitivity…)
        self.baseline = str(Path(baseline).absolute()) if baseline else None
        self.use_baseline = use_baseline
        self._found: dict[str, Path | None] = {}  # folder → the config file in force there
        self._read: dict[str, tuple[tuple, Config]] = {}  # config file → (stamps of its sources, Config)
        self._baselines: dict[str, tuple] = {}  # baseline file → (its stamp, Baseline or None)

    def forget(self) -> None:
        """Config files were added, changed or removed: look again."""
        self._found.clear()
        self._read.clear()
        self._baselines.clear()

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

    def _config(self, found: Path) -> Config:
        cached = self._read.get(str(found))
        if cached is not None and cached[0] == tuple(_stamp(s) for s in cached[1].sources):
            return cached[1]
        if _stamp(str(found)) is None:
            raise ConfigError(f"{found}: config file not found")
        cfg = read_config_file(found, self.registry)
        self._read[str(found)] = (tuple(_stamp(s) for s in cfg.sources), cfg)
        return cfg

    def _with_baseline(self, cfg: Config) -> Config:
        path = self.baseline or cfg.baseline_path or str(Path.cwd() / BASELINE_NAME)
        if not self.use_baseline:
            return replace(cfg, baseline_path=path) if path != cfg.baseline_path else cfg
        stamp = _stamp(path)
        cached = self._baselines.get(path)
        if cached is None or cached[0] != stamp:
            from .baseline import read_baseline

            cached = self._baselines[path] = (stamp, read_baseline(path) if stamp else None)
        return replace(cfg, baseline_path=path, baseline=cached[1])

    def for_path(self, path: str | Path) -> Config:
        """The configuration for ``path``, overrides applied."""
        found = self.config_file(path)
        cfg = DEFAULT_CONFIG if found is None else self._config(found)
        return self._with_baseline(cfg).with_overrides(self.select, self.ignore, self.options,
                                                       extend_select=self.extend_select)


DEFAULT_CONFIG = Config()
