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


def discover(paths: list[str]) -> tuple[list[str], list[str]]:
    """Expand folders recursively into lintable files, in path order.

    Returns (files, errors). A path given explicitly is linted whatever its
    suffix; inside folders only .txt, .md and .docx files are taken.
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
                errors.append(f"{given}: no .txt, .md or .docx files in this folder")
            files.extend(found)
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


def effective_config(path: str, opts: CheckOptions, stdin_name: str | None = None) -> Config:
    cfg = config_for(stdin_name or path, opts.config_file)
    return cfg.with_overrides(opts.select, opts.ignore)


def lint_document(doc: Document, cfg: Config, opts: CheckOptions) -> FileResult:
    result = FileResult(doc.path, doc)
    if (opts.fix or opts.diff) and doc.paragraph_starts is None:
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


def run(files: list[str], opts: CheckOptions) -> list[FileResult]:
    return [lint_file(f, opts) for f in files]
