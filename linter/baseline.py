"""The baseline: findings accepted as they stand in an existing archive, for
files that cannot carry comments (plain text, Word). ``gwlint --add-baseline``
writes ``.gwlint-baseline.toml``; later runs report only findings not in it.

An entry is a rule and a fingerprint of the flagged text with a few
characters either side on its own line, whitespace removed, so that edits
elsewhere in the file (new paragraphs, other lines, spacing) do not revive
it, while an edit next to a finding brings it back for review; the same
fingerprint twice in a file is one entry with ``count = 2``. Paths are
relative to the baseline's folder. TOML, like gwlint.toml: one entry per
line, readable in a review and in a diff.
"""
from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path, PurePath

from .errors import ConfigError
from .model import Diagnostic, Document

VERSION = 1
CONTEXT = 6  # characters either side, whitespace not counted
LONG = 40  # a longer flagged text is kept as its head … tail
HEADER = """\
# gwlint baseline: findings accepted as they stand. gwlint reports only the
# findings that are not listed here. Written by `gwlint --add-baseline`; run it
# again to add new findings and drop the ones that are gone.
# An entry: the rule, the flagged text and up to {n} characters either side on
# its line (whitespace removed), and how many such findings the file may have.
""".format(n=CONTEXT)

Key = tuple[str, str, str, str]  # (code, before, text, after)


def _clean(s: str) -> str:
    """Whitespace removed, and a character TOML cannot hold (a lone
    surrogate) replaced: the same on writing and on comparing."""
    s = "".join(s.split())
    return s.encode("utf-8", "replace").decode("utf-8") if any("\ud800" <= c <= "\udfff" for c in s) else s


_BREAKS = "\r\n"


def _context_before(text: str, start: int) -> str:
    """Up to CONTEXT characters before ``start`` on its line, whitespace not counted."""
    out, i = [], start - 1
    while i >= 0 and len(out) < CONTEXT and text[i] not in _BREAKS:
        if not text[i].isspace():
            out.append(text[i])
        i -= 1
    return _clean("".join(reversed(out)))


def _context_after(text: str, end: int) -> str:
    out, i = [], end
    while i < len(text) and len(out) < CONTEXT and text[i] not in _BREAKS:
        if not text[i].isspace():
            out.append(text[i])
        i += 1
    return _clean("".join(out))


def fingerprint(text: str, d: Diagnostic) -> Key:
    flagged = _clean(text[d.span.start:d.span.end])
    if len(flagged) > LONG:
        flagged = f"{flagged[:LONG // 2]}…{flagged[-(LONG // 2):]}"
    return d.code, _context_before(text, d.span.start), flagged, _context_after(text, d.span.end)


def fingerprints(doc: Document, found) -> Counter:
    return Counter(fingerprint(doc.text, d) for d in found)


@dataclass(eq=False)  # compared by identity: the resolver hands out one object per version of the file
class Baseline:
    path: str
    files: dict[str, Counter]  # path relative to the baseline's folder → Counter of Keys

    @property
    def folder(self) -> Path:
        return Path(self.path).parent

    def key_of(self, path: str) -> str | None:
        """A linted file's name in the baseline (None for unnamed standard input)."""
        return relative_key(path, self.folder)

    def unmatched(self, doc: Document, found: list[Diagnostic]) -> list[Diagnostic]:
        """The findings the baseline does not cover. Each entry covers as many
        findings as its count, the first ones in the document."""
        if not self.files:
            return found
        entries = self.files.get(self.key_of(doc.path) or "")
        if not entries:
            return found
        left = Counter(entries)
        out = []
        for d in found:
            key = fingerprint(doc.text, d)
            if left[key] > 0:
                left[key] -= 1
            else:
                out.append(d)
        return out

    def dumps(self) -> str:
        lines = [HEADER, f"version = {VERSION}", "", "[files]"]
        for name in sorted(self.files):
            entries = self.files[name]
            if not entries:
                continue
            lines.append(f"{_toml_str(name)} = [")
            for (code, before, text, after), n in sorted(entries.items()):
                lines.append(f"  {{ code = {_toml_str(code)}, before = {_toml_str(before)}, "
                             f"text = {_toml_str(text)}, after = {_toml_str(after)}, count = {n} }},")
            lines.append("]")
        return "\n".join(lines) + "\n"

    def write(self) -> None:
        from .fixes import write_atomic

        Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        write_atomic(self.path, self.dumps().encode("utf-8"))

    def total(self) -> int:
        return sum(sum(c.values()) for c in self.files.values())


def relative_key(path: str, folder: Path) -> str | None:
    if path == "-":
        return None
    try:
        full = Path(path).resolve()
        return PurePath(os.path.relpath(full, folder.resolve())).as_posix()
    except (OSError, ValueError):  # another drive on Windows
        return Path(path).absolute().as_posix()


def _toml_str(s: str) -> str:
    out = ['"']
    for c in s:
        if c in '"\\':
            out.append("\\" + c)
        elif c < " " or c == "\x7f":
            out.append(f"\\u{ord(c):04X}")
        else:
            out.append(c)
    out.append('"')
    return "".join(out)


def read_baseline(path: str) -> Baseline:
    """Read a baseline file; a malformed one is a one-line error naming it."""
    from .config import read_toml

    data = read_toml(Path(path), "baseline")
    version = data.get("version", VERSION)
    if version != VERSION:
        raise ConfigError(f"{path}: baseline version {version!r} is not supported (this gwlint reads {VERSION})")
    table = data.get("files", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: key 'files' must be a table of \"path\" = [entries]")
    files: dict[str, Counter] = {}
    for name, entries in table.items():
        if not isinstance(entries, list):
            raise ConfigError(f"{path}: key 'files.\"{name}\"' must be a list of entries")
        counts: Counter = Counter()
        for i, e in enumerate(entries):
            where = f"{path}: files.\"{name}\"[{i}]"
            if not isinstance(e, dict):
                raise ConfigError(f"{where}: must be a table {{ code, before, text, after, count }}")
            for key in ("code", "before", "text", "after"):
                if not isinstance(e.get(key, ""), str):
                    raise ConfigError(f"{where}: key '{key}' must be a string")
            n = e.get("count", 1)
            if not isinstance(n, int) or isinstance(n, bool) or n < 1:
                raise ConfigError(f"{where}: key 'count' must be a positive whole number")
            if not e.get("code"):
                raise ConfigError(f"{where}: key 'code' is missing")
            counts[(e["code"].upper(), _clean(e.get("before", "")), _clean(e.get("text", "")),
                    _clean(e.get("after", "")))] += n
        files[PurePath(name).as_posix()] = counts
    return Baseline(str(path), files)


@dataclass
class Update:
    """What ``--add-baseline`` changed in one baseline file."""

    baseline: Baseline
    added: int
    removed: int


def update(path: str, linted: list[tuple[str, set[str], Counter]], existing: Baseline | None) -> Update:
    """The baseline at ``path`` brought up to date with this run.

    ``linted``: (file, codes checked in it, fingerprints of its findings).
    For each file linted, its entries for the codes checked are replaced by
    its findings now; entries of other codes and of files not linted stay,
    unless the file no longer exists (then they go: stale entries are pruned).
    """
    folder = Path(path).parent
    old = {k: Counter(v) for k, v in (existing.files if existing else {}).items()}
    files = {k: Counter(v) for k, v in old.items()}
    seen: set[str] = set()
    for file, codes, found in linted:
        key = relative_key(file, folder)
        if key is None:
            continue
        if key in seen:  # the same file twice on the command line
            continue
        seen.add(key)
        kept = Counter({k: n for k, n in files.get(key, Counter()).items() if k[0] not in codes})
        files[key] = kept + found
    for key in list(files):
        if key not in seen and not (folder / key).exists():
            del files[key]
    files = {k: v for k, v in files.items() if v}
    added = removed = 0
    for key in set(old) | set(files):
        before, after = old.get(key, Counter()), files.get(key, Counter())
        added += sum((after - before).values())
        removed += sum((before - after).values())
    return Update(Baseline(str(path), files), added, removed)


def add_findings(path: str, doc: Document, found: list[Diagnostic]) -> Baseline:
    """Accept these findings of ``doc`` into the baseline at ``path`` (created
    if need be): the editor's "add to baseline". Other entries are kept."""
    existing = read_baseline(path) if os.path.exists(path) else Baseline(str(path), {})
    key = relative_key(doc.path, Path(path).parent)
    if key is None:
        raise ConfigError("standard input has no path to record in a baseline")
    files = {k: Counter(v) for k, v in existing.files.items()}
    files.setdefault(key, Counter()).update(fingerprints(doc, found))
    baseline = Baseline(str(path), files)
    baseline.write()
    return baseline
