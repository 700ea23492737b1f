"""Which files a run lints: the paths given, with folders expanded."""
from __future__ import annotations

import os
from pathlib import Path

from ..errors import GwlintError
from ..load import LINTABLE_SUFFIXES


def discover(paths: list[str], resolver) -> tuple[list[str], list[str]]:
    """Expand folders recursively into lintable files, in path order.

    Returns (files, errors). A path given explicitly is linted whatever its
    suffix; inside folders only the lintable suffixes are taken, and files
    that .gitignore or the config's ``exclude`` name are skipped.
    """
    files: list[str] = []
    errors: list[str] = []
    for given in paths:
        p = Path(given)
        if given == "-":
            files.append("-")
        elif p.is_dir():
            found = sorted(_walk(p))
            if not found:
                kinds = ", ".join(LINTABLE_SUFFIXES[:-1]) + " or " + LINTABLE_SUFFIXES[-1]
                errors.append(f"{given}: no {kinds} files in this folder")
            ignored = git_ignored(found)
            kept = [f for f in found if f not in ignored and not _excluded(f, resolver)]
            if found and not kept:
                errors.append(f"{given}: every lintable file here is excluded (.gitignore or exclude)")
            files.extend(kept)
        elif p.exists() or p.is_symlink():
            files.append(given)
        else:
            errors.append(f"{given}: no such file or folder")
    return files, errors


def _walk(root: Path):
    """Files under ``root``; symlinked folders are not followed (no loops)."""
    for folder, dirs, names in os.walk(root, followlinks=False, onerror=None):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in names:
            if name.lower().endswith(LINTABLE_SUFFIXES) and not name.startswith((".", "~$")):
                yield os.path.join(folder, name)


def _excluded(path: str, resolver) -> bool:
    try:
        return resolver.for_path(path).is_excluded(path)
    except GwlintError:
        return False  # the config error is reported when the file is linted


def git_ignored(files: list[str]) -> set[str]:
    """The files git would ignore (when they sit in a git work tree)."""
    import shutil
    import subprocess

    if not files or shutil.which("git") is None:
        return set()
    by_dir: dict[str, list[str]] = {}
    for f in files:
        by_dir.setdefault(os.path.dirname(os.path.abspath(f)) or ".", []).append(f)
    ignored: set[str] = set()
    roots: dict[str, list[str]] = {}
    for folder, group in by_dir.items():
        try:
            top = subprocess.run(["git", "-C", folder, "rev-parse", "--show-toplevel"], capture_output=True,
                                 text=True, timeout=10)
        except (OSError, subprocess.SubprocessError):
            return set()
        if top.returncode == 0:
            roots.setdefault(top.stdout.strip(), []).extend(group)
    for top, group in roots.items():
        try:
            proc = subprocess.run(["git", "-C", top, "check-ignore", "--stdin", "-z"],
                                  input="\0".join(os.path.abspath(f) for f in group) + "\0",
                                  capture_output=True, text=True, timeout=30)
        except (OSError, subprocess.SubprocessError):
            continue
        hits = {h for h in proc.stdout.split("\0") if h}
        ignored.update(f for f in group if os.path.abspath(f) in hits)
    return ignored
