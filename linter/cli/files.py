"""Which files a run lints: the paths given, with folders expanded.

The folder walk trusts nothing in the folder (an unzipped archive of drafts
can carry anything):

- it runs no program: ``.gitignore`` files are read here with ``pathspec``
  (git's own matching rules), never by calling git, whose repository config
  (``core.fsmonitor``, hooks) could run a command;
- it does not follow a symlink out of the folder being linted, nor any
  symlinked folder (no loops), unless ``--follow-links``;
- it reads no FIFO, device or socket: each is skipped with a one-line note;
- it reads ``.gitignore`` files only up to a size, and hidden folders
  (``.git``, ``.venv``…) not at all;
- it lists each file once, whatever the names (symlinks, hard links) that
  lead to it.
"""
from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import GwlintError
from ..load import LINTABLE_SUFFIXES

MAX_IGNORE_FILE = 1 << 20  # bytes of one .gitignore that are read


@dataclass
class Discovery:
    files: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # things skipped on purpose, one line each


def natural_key(path: str):
    """d1, d2, d10 (not d1, d10, d2): digits compare as numbers."""
    return [int(t) if i % 2 else t.casefold() for i, t in enumerate(re.split(r"(\d+)", path))], path


def discover(paths: list[str], resolver, follow_links: bool = False) -> Discovery:
    """Expand folders recursively into lintable files, each folder's in
    natural order. A path given explicitly is linted whatever its suffix;
    inside folders only the lintable suffixes are taken, and files that
    .gitignore or the config's ``exclude`` name are skipped."""
    out = Discovery()
    for given in paths:
        p = Path(given)
        if given == "-":
            out.files.append("-")
        elif p.is_dir():
            found = sorted(_walk(given, follow_links, out.notes), key=natural_key)
            if not found:
                kinds = ", ".join(LINTABLE_SUFFIXES[:-1]) + " or " + LINTABLE_SUFFIXES[-1]
                out.errors.append(f"{given}: no {kinds} files in this folder")
            kept = [f for f in found if f is not _IGNORED and not _excluded(f, resolver)]
            if found and not kept:
                out.errors.append(f"{given}: every lintable file here is excluded (.gitignore or exclude)")
            out.files.extend(kept)
        elif p.exists() or p.is_symlink():
            out.files.append(given)
        else:
            out.errors.append(f"{given}: no such file or folder")
    out.files = _once_each(out.files)
    return out


def _once_each(files: list[str]) -> list[str]:
    """Each file once, whatever the names that lead to it (a symlink and its
    target, two hard links, a path given twice): the name that is not a
    symlink is kept, else the first. Two fixes of one file in one run would
    otherwise collide."""
    first: dict[tuple[int, int], int] = {}
    keep = [True] * len(files)
    for i, path in enumerate(files):
        if path == "-":
            continue
        try:
            st = os.stat(path)
        except OSError:
            continue  # reported when it is read
        key = (st.st_dev, st.st_ino)
        j = first.get(key)
        if j is None:
            first[key] = i
        elif os.path.islink(files[j]) and not os.path.islink(path):
            keep[j] = False
            first[key] = i
        else:
            keep[i] = False
    return [f for f, k in zip(files, keep) if k]


class _Ignored(str):
    """A file found but ignored by .gitignore (kept apart from 'none found')."""


_IGNORED = _Ignored("")


def _lintable(name: str) -> bool:
    return name.lower().endswith(LINTABLE_SUFFIXES) and not name.startswith((".", "~$"))


def _inside(real: str, root: str) -> bool:
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def _walk(root: str, follow_links: bool, notes: list[str]):
    """Lintable files under ``root`` (``_IGNORED`` for each one .gitignore drops)."""
    root_real = os.path.realpath(root)
    seen_dirs: set[tuple[int, int]] = set()
    stack = [(root, _GitIgnores.above(os.path.abspath(root)))]
    while stack:
        folder, ignores = stack.pop()
        try:
            st = os.stat(folder)
            if (st.st_dev, st.st_ino) in seen_dirs:
                continue  # a loop of symlinked folders (--follow-links)
            seen_dirs.add((st.st_dev, st.st_ino))
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue
        ignores = ignores.enter(folder)
        subfolders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                link = entry.is_symlink()
                is_dir = entry.is_dir(follow_symlinks=True)
            except OSError:
                continue
            if not is_dir and not _lintable(entry.name):
                continue
            if link:
                real = os.path.realpath(entry.path)
                if not os.path.exists(real):
                    notes.append(f"{entry.path}: a broken symlink, skipped")
                    continue
                if not follow_links:
                    if not _inside(real, root_real):
                        notes.append(f"{entry.path}: a symlink to outside the linted folder, skipped "
                                     "(--follow-links follows it)")
                        continue
                    if is_dir:
                        continue  # its files are linted where they are
            if ignores.ignored(entry.path, is_dir):
                if not is_dir:
                    yield _IGNORED
                continue
            if is_dir:
                subfolders.append(entry.path)
                continue
            try:
                mode = entry.stat(follow_symlinks=True).st_mode
            except OSError:
                continue
            if not stat.S_ISREG(mode):
                from ..safe_io import _kind

                notes.append(f"{entry.path}: {_kind(mode)}, skipped")
                continue
            yield entry.path
        stack.extend((sub, ignores) for sub in reversed(subfolders))


def _excluded(path: str, resolver) -> bool:
    try:
        return resolver.for_path(path).is_excluded(path)
    except GwlintError:
        return False  # the config error is reported when the file is linted


# ---------------------------------------------------------------- .gitignore

def _read_patterns(path: str) -> list[str]:
    from ..errors import InputError
    from ..safe_io import read_regular

    try:
        data, _ = read_regular(path, MAX_IGNORE_FILE)
    except InputError:
        return []
    # "**/**/**/x" is "**/x"; collapsing the runs keeps the matching linear
    return [re.sub(r"(\*\*/)+", "**/", line) for line in data.decode("utf-8", "replace").splitlines()]


def _spec(lines: list[str]):
    if not any(l.strip() and not l.lstrip().startswith("#") for l in lines):
        return None
    import pathspec

    try:
        return pathspec.GitIgnoreSpec.from_lines(lines)
    except Exception:  # a pattern pathspec cannot read: git would skip it too
        return None


def _is_work_tree(folder: str) -> bool:
    return os.path.lexists(os.path.join(folder, ".git"))


@dataclass(frozen=True)
class _GitIgnores:
    """The .gitignore files in force in a folder: those from the top of its git
    work tree down to it, deepest last (a deeper file overrides a higher one).
    Outside a git work tree there are none."""

    chain: tuple = ()  # (folder, PathSpec)
    in_tree: bool = False

    @classmethod
    def above(cls, folder: str) -> "_GitIgnores":
        """What applies on entering ``folder``: the .gitignore files of its
        work tree above it (the folder's own is added by ``enter``)."""
        parents = []
        d = os.path.dirname(folder)
        top = None
        if not _is_work_tree(folder):
            while True:
                parents.append(d)
                if _is_work_tree(d):
                    top = d
                    break
                up = os.path.dirname(d)
                if up == d:
                    break
                d = up
        if top is None:
            return cls()
        state = cls(in_tree=False)
        for d in reversed(parents):
            state = state.enter(d)
        return state

    def enter(self, folder: str) -> "_GitIgnores":
        if _is_work_tree(folder):  # the top of a work tree (or of a nested repository)
            lines = _read_patterns(os.path.join(folder, ".git", "info", "exclude"))
            chain = ((folder, _spec(lines)),) if _spec(lines) else ()
            state = _GitIgnores(chain, True)
        elif not self.in_tree:
            return self
        else:
            state = self
        spec = _spec(_read_patterns(os.path.join(folder, ".gitignore")))
        return _GitIgnores(state.chain + ((folder, spec),), True) if spec else state

    def ignored(self, path: str, is_dir: bool) -> bool:
        for base, spec in reversed(self.chain):
            rel = os.path.relpath(path, base).replace(os.sep, "/")
            result = spec.check_file(rel + "/" if is_dir else rel)
            if result.include is not None:
                return result.include
        return False
