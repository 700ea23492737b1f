"""Checking one file (or standard input): load it, lint it, and with --fix
or --diff fix it, writing the file back only with --fix."""
from __future__ import annotations

import difflib

from ..config import Config
from ..engine import lint
from ..errors import GwlintError
from ..fixes import fix_text
from ..load import encode, load_bytes, read_file
from ..model import Document
from ..report import FileResult, FixOutcome
from ..safe_io import Snapshot, write_fixed
from .args import CheckOptions

# Findings kept per file: a pathological draft (every character a finding)
# must not make a report of gigabytes. The rest is counted and said.
MAX_FINDINGS_PER_FILE = 10_000


def check_document(doc: Document, cfg: Config, registry, opts: CheckOptions) -> FileResult:
    """Lint ``doc``; with --fix or --diff, first fix it as far as fixes go."""
    result = FileResult(doc.path, doc)
    if (opts.fix or opts.diff) and not doc.writable:
        result.unwritable = doc.kind  # said once for the run: unwritable_notice
    elif opts.fix or opts.diff:
        relint = lambda text: lint(Document(text, path=doc.path, kind=doc.kind), cfg, registry)
        fixed, applied = fix_text(doc.text, relint, opts.unsafe_fixes)
        if applied:
            new_doc = Document(fixed, path=doc.path, encoding=doc.encoding, bom=doc.bom, kind=doc.kind)
            result.fix = FixOutcome(applied, fixed, unified_diff(doc, new_doc) if opts.diff else None)
            if not opts.diff:
                result.document = new_doc
    found = lint(result.document, cfg, registry)
    if len(found) > MAX_FINDINGS_PER_FILE:
        result.dropped = len(found) - MAX_FINDINGS_PER_FILE
        found = found[:MAX_FINDINGS_PER_FILE]
    result.diagnostics = found
    return result


def unwritable_notice(results) -> str | None:
    """One line saying that --fix/--diff left the files gwlint cannot write
    (.docx, .pdf, …) unchanged, or None."""
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


def check_file(path: str, opts: CheckOptions, resolver) -> FileResult:
    """Lint (and maybe fix) one file; a problem with it becomes FileResult.error."""
    try:
        cfg = resolver.for_path(path)
        data, st = read_file(path, cfg.max_file_size)
        doc = load_bytes(data, path, cfg.max_file_size)
        result = check_document(doc, cfg, resolver.registry, opts)
        if opts.fix and not opts.diff and result.fix is not None:
            try:
                fixed = encode(doc, result.fix.text)
            except UnicodeEncodeError:
                raise GwlintError(f"{path}: not fixed: a fix holds a character that {doc.encoding} cannot encode")
            write_fixed(path, fixed, Snapshot.of(st, data))
        return result
    except GwlintError as exc:
        return FileResult(path, error=str(exc))
    except OSError as exc:
        return FileResult(path, error=f"{path}: {exc.strerror or exc}")
    except MemoryError:
        return FileResult(path, error=f"{path}: out of memory while checking it")
    except RecursionError:
        return FileResult(path, error=f"{path}: nested too deeply to check")


def check_stdin(stream, opts: CheckOptions, resolver) -> FileResult:
    """Standard input (a binary stream, or its bytes), named (for reports,
    configuration and its kind) by --stdin-filename, else ``-``. It is read
    up to ``max-file-size`` and one byte (``- < /dev/zero`` ends), and never
    written: a fixed text goes to stdout."""
    name = opts.stdin_filename or "-"
    try:
        cfg = resolver.for_path(name)
        data = stream if isinstance(stream, bytes) else stream.read(cfg.max_file_size + 1)
        doc = load_bytes(data, name, cfg.max_file_size)
        return check_document(doc, cfg, resolver.registry, opts)
    except GwlintError as exc:
        return FileResult(name, error=str(exc))
    except OSError as exc:
        return FileResult(name, error=f"{name}: cannot read standard input: {exc.strerror or exc}")
