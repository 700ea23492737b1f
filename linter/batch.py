"""Linting many files: discovery, per-file work and (with --fix) writing back."""
from __future__ import annotations

import difflib
import os
from dataclasses import dataclass
from pathlib import Path

from .config import Config, config_for
from .engine import lint
from .errors import GwlintError, InputError
from .fixes import fix_text, write_atomic
from .load import LINTABLE_SUFFIXES, encode, load_path
from .model import Document
from .report import FileResult


@dataclass(frozen=True)
class CheckOptions:
    """What the command line asked for, shared by every file of a run."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    config_file: str | None = None
    fix: bool = False
    diff: bool = False
    unsafe_fixes: bool = False


def discover(paths: list[str], config_file: str | None = None) -> tuple[list[str], list[str]]:
    """Expand folders recursively into lintable files, in path order.

    Returns (files, errors). A path given explicitly is linted whatever its
    suffix; inside folders only files of a format gwlint reads are taken
    (LINTABLE_SUFFIXES: text, Word, OpenDocument, RTF, WPS, PDF, OFD), and
    files that .gitignore or the config's ``exclude`` name are skipped.
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
                errors.append(f"{given}: no lintable files in this folder ({' '.join(LINTABLE_SUFFIXES)})")
            ignored = git_ignored(found)
            kept = [f for f in found if f not in ignored and not _excluded(f, config_file)]
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


def _excluded(path: str, config_file: str | None) -> bool:
    try:
        return config_for(path, config_file).is_excluded(path)
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


def effective_config(path: str, opts: CheckOptions, stdin_name: str | None = None) -> Config:
    cfg = config_for(stdin_name or path, opts.config_file)
    return cfg.with_overrides(opts.select, opts.ignore)


def lint_document(doc: Document, cfg: Config, opts: CheckOptions) -> FileResult:
    result = FileResult(doc.path, doc)
    if (opts.fix or opts.diff) and not doc.writable:
        result.unwritable = doc.kind  # reported once for the run: see unwritable_notice
    elif opts.fix or opts.diff:
        fixed, n = fix_text(doc.text, lambda t: lint(Document(t, path=doc.path), cfg), opts.unsafe_fixes)
        if n:
            result.fixed = n
            new_doc = Document(fixed, path=doc.path, encoding=doc.encoding, bom=doc.bom)
            result.diff = unified_diff(doc, new_doc) if opts.diff else None
            if not opts.diff:
                result.document = new_doc
            result.new_text = fixed
    result.diagnostics = lint(result.document, cfg)
    return result


def unwritable_notice(results: list[FileResult]) -> str | None:
    """One line saying that --fix/--diff left files of formats gwlint
    cannot write unchanged (.docx, .pdf, …), or None."""
    from collections import Counter

    kinds = Counter(r.unwritable for r in results if r.unwritable)
    if not kinds:
        return None
    listed = ", ".join(f".{k} ({n} file{'s' if n != 1 else ''})" for k, n in sorted(kinds.items()))
    return f"--fix cannot write {listed}: their findings are reported, nothing in them was changed"


def unified_diff(old: Document, new: Document) -> str:
    a = old.text.splitlines(keepends=True)
    b = new.text.splitlines(keepends=True)
    return "".join(difflib.unified_diff(a, b, fromfile=old.path, tofile=old.path))


def lint_file(path: str, opts: CheckOptions) -> FileResult:
    """Lint (and maybe fix) one file; errors become FileResult.error."""
    try:
        cfg = effective_config(path, opts)
        doc = load_path(path, cfg.max_file_size)
        result = lint_document(doc, cfg, opts)
        new_text = result.new_text
        if opts.fix and not opts.diff and new_text is not None:
            write_atomic(path, encode(doc, new_text))
        return result
    except GwlintError as exc:
        return FileResult(path, error=str(exc))
    except OSError as exc:
        return FileResult(path, error=f"{path}: {exc.strerror or exc}")


def _warm_up(opts: CheckOptions) -> None:
    """Load rule packs and lexicons once, before workers fork, so that no
    worker pays for them per file — only those of the selected rules."""
    try:
        lint(Document("同志们：今天开会。"), Config().with_overrides(opts.select, opts.ignore))
    except Exception:
        pass


def _lint_in_worker(path: str, opts: CheckOptions, render_file) -> FileResult:
    """A worker's task: lint one file, and render its part of the report when
    the format is made file by file."""
    result = lint_file(path, opts)
    return result if render_file is None else result.for_parent(render_file)


def run(files: list[str], opts: CheckOptions, jobs: int = 1, progress: bool = False,
        render_file=None) -> list[FileResult]:
    """Lint ``files``; results come back in the order of ``files`` whatever
    the number of workers.

    With workers and a ``render_file`` (a format made file by file), each
    worker renders its files and sends back only that text and the counts.
    """
    import gc

    gc.set_threshold(50_000, 50, 100)  # linting allocates many short-lived objects and few cycles
    if jobs <= 0:
        jobs = os.cpu_count() or 1
    jobs = min(jobs, len(files)) or 1
    if jobs == 1:
        results = (lint_file(f, opts) for f in files)
        return list(_with_progress(results, len(files), progress))
    from concurrent.futures import ProcessPoolExecutor

    _warm_up(opts)
    gc.freeze()  # the loaded tables stay shared: no collector pass in a worker touches (and copies) them
    chunk = 1 if len(files) < 2000 else 4  # one file at a time: no worker idles at the end
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        results = pool.map(_lint_in_worker, files, [opts] * len(files), [render_file] * len(files),
                           chunksize=chunk)
        return list(_with_progress(results, len(files), progress))


def _with_progress(results, total: int, show: bool):
    if not show or total < 2:
        yield from results
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
    from rich.console import Console

    with Progress(TextColumn("gwlint"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("lint", total=total)
        for r in results:
            bar.advance(task)
            yield r
