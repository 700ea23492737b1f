"""``gwlint [check] PATH...``: lint files, folders or standard input and
report; exit 0 (no findings), 1 (findings, or changes with --diff) or 2 (a
usage, config or input error)."""
from __future__ import annotations

import functools
import os
import sys
from collections import Counter

from ..display import printable
from ..errors import GwlintError
from . import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS
from .args import CheckOptions, build_parser

DOCX_COMMENTS = "docx-comments"  # an output mode (a reviewed copy of a .docx), not a report format


def use_color(mode: str, stream) -> bool:
    if mode == "always":
        return True
    if mode == "never" or os.environ.get("NO_COLOR"):
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def error(message: str) -> None:
    print(f"gwlint: error: {printable(message)}", file=sys.stderr)


def note(message: str) -> None:
    print(f"gwlint: note: {printable(message)}", file=sys.stderr)


def _check_patterns(ns, registry) -> None:
    for opt in ("select", "extend_select", "ignore"):
        for code in getattr(ns, opt) or ():
            if not registry.is_known_pattern(code):
                raise GwlintError(f"usage: --{opt.replace('_', '-')}: unknown rule code or prefix '{code}'")


def _report_format(name: str):
    from ..report import FORMATS

    if name == DOCX_COMMENTS:
        return None
    if name not in FORMATS:
        raise GwlintError(f"usage: unknown --format '{name}' (one of {', '.join([*FORMATS, DOCX_COMMENTS])})")
    return FORMATS[name]


def _check_output(output: str | None, inputs: list[str]) -> None:
    """-o must name a file that can be written and is none of the inputs
    (compared by device and inode, so a hard link or another spelling of an
    input is caught too)."""
    if not output:
        return
    if os.path.isdir(output):
        raise GwlintError(f"-o {output}: is a folder; name a file")
    parent = os.path.dirname(os.path.abspath(output))
    if not os.path.isdir(parent):
        raise GwlintError(f"-o {output}: folder {parent} does not exist")
    try:
        out = os.stat(output)
    except OSError:
        return  # a new file
    for path in inputs:
        try:
            st = os.stat(path)
        except OSError:
            continue
        if (st.st_dev, st.st_ino) == (out.st_dev, out.st_ino):
            raise GwlintError(f"usage: -o {output} is the input {path}; the report would overwrite it "
                              "(inputs are never modified by -o)")


def cmd_check(argv: list[str]) -> int:
    from gwlint.rules import bundled_registry

    from . import files, pool
    from .one_file import check_stdin

    ns = build_parser().parse_args(argv)
    if ns.version:
        from ..version import __version__

        print(f"gwlint {__version__}")
        return EXIT_CLEAN
    if not ns.paths:
        raise GwlintError("usage: no PATH given (try: gwlint seeds/, or gwlint - < draft.txt)")
    fmt = _report_format(ns.format)
    if ns.add_baseline and (ns.fix or ns.diff or ns.no_baseline):
        raise GwlintError("usage: --add-baseline records findings as they stand: not with --fix, --diff "
                          "or --no-baseline")
    registry = bundled_registry()
    _check_patterns(ns, registry)
    opts = CheckOptions.of(ns)
    resolver = opts.resolver(registry)
    found = files.discover(ns.paths, resolver, follow_links=ns.follow_links)
    if not ns.quiet:
        for n in found.notes:
            note(n)
    paths, errors = found.files, list(found.errors)
    if ns.show_files:
        for p in paths:
            print(printable(p))
        for e in errors:
            error(e)
        return EXIT_ERROR if errors else EXIT_CLEAN
    on_disk = [p for p in paths if p != "-"]
    _check_output(ns.output, on_disk)
    stdin_result = check_stdin(sys.stdin.buffer, opts, resolver) if "-" in paths else None
    fixing_stdin = ns.fix and not ns.diff and stdin_result is not None and stdin_result.linted \
        and stdin_result.document.writable
    report_stream = sys.stderr if fixing_stdin else sys.stdout  # the fixed text owns stdout
    color = use_color(ns.color, None if ns.output else report_stream)
    per_file = None
    if fmt is not None and fmt.render_file and not ns.diff:
        per_file = functools.partial(fmt.render_file, color=color)
    show_progress = not ns.no_progress and not ns.quiet and sys.stderr.isatty() and fmt is not None
    if ns.add_baseline:
        per_file = None  # the findings themselves come back, to be recorded
    if ns.dask_scheduler and on_disk:
        results = _run_on_dask(ns.dask_scheduler, on_disk, opts, per_file)
    else:
        results = pool.run(on_disk, opts, resolver, jobs=ns.jobs, progress=show_progress,
                           render_file=per_file) if on_disk else []
    if stdin_result is not None:
        results.insert(paths.index("-"), stdin_result)
    errors += [r.error for r in results if r.error]
    for e in errors:
        error(e)
    ok = [r for r in results if r.linted]
    if ns.add_baseline:
        from .add_baseline import add_baseline

        return add_baseline(ok, resolver, bool(errors))
    if not ns.quiet:
        _notes_on_results(ok, ns)
    if fixing_stdin:
        _write_fixed_stdin(stdin_result)
    if fmt is None:
        return _write_docx_comments(ns, ok, bool(errors), on_disk)
    changes = False
    if ns.diff:
        for r in ok:
            if r.fix and r.fix.diff:
                sys.stdout.write(printable_diff(r.fix.diff))
                changes = True
    elif ns.statistics and not ns.output:
        _print_statistics(ok, ns.format)  # ruff's convention: the counts instead of the findings
    else:
        _write_report(fmt, ok, ns, report_stream, color, registry, summary=not ns.quiet and bool(ok or not errors))
        if ns.statistics:
            _print_statistics(ok, "text")
    if errors:
        return EXIT_ERROR
    if ns.exit_zero:
        return EXIT_CLEAN
    if ns.diff:
        return EXIT_FINDINGS if changes else EXIT_CLEAN
    return EXIT_FINDINGS if any(r.counts() for r in ok) else EXIT_CLEAN


def _run_on_dask(address: str, files: list[str], opts, render_file) -> list:
    from . import scale

    client = scale.connect(address)
    try:
        return scale.run(files, opts, client, render_file=render_file)
    finally:
        client.close()


def printable_diff(diff: str) -> str:
    """A diff's lines with control characters escaped (its line breaks kept)."""
    return "".join(printable(line[:-1]) + "\n" if line.endswith("\n") else printable(line)
                   for line in diff.splitlines(keepends=True))


def _notes_on_results(ok, ns) -> None:
    from .one_file import MAX_FINDINGS_PER_FILE, unwritable_notice

    notice = unwritable_notice(ok)
    if notice:
        note(notice)
    for r in ok:
        if r.dropped:
            note(f"{r.path}: {MAX_FINDINGS_PER_FILE + r.dropped:,} findings; only the first "
                 f"{MAX_FINDINGS_PER_FILE:,} are reported (the per-file limit)")


def _write_report(fmt, ok, ns, stream, color: bool, registry, summary: bool) -> None:
    extra = {"summary_line": summary} if fmt.name == "text" else {}
    if not ns.output:
        fmt.render(ok, stream, color=color, rules=registry.rules, **extra)
        return
    try:
        with open(ns.output, "w", encoding="utf-8") as out:
            fmt.render(ok, out, color=color, rules=registry.rules, **extra)
    except OSError as exc:
        raise GwlintError(f"-o {ns.output}: cannot write the report: {exc.strerror or exc}") from None


def _write_fixed_stdin(result) -> None:
    """The fixed text of standard input, in its own encoding, to stdout."""
    from ..load import encode

    text = result.fix.text if result.fix else result.document.text
    sys.stdout.flush()
    sys.stdout.buffer.write(encode(result.document, text))
    sys.stdout.buffer.flush()


def _print_statistics(results, fmt: str) -> None:
    """Counts by rule, most frequent first, on stdout: a table, or with
    ``--format json`` a JSON array of {"code", "name", "count"}."""
    counts = Counter()
    for r in results:
        counts.update(r.counts())
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if fmt == "json":
        import json

        print(json.dumps([{"code": c, "name": n, "count": k} for (c, n), k in rows], ensure_ascii=False))
        return
    for (code, name), n in rows:
        print(f"{n:6d}  {code}  {name}")


def _write_docx_comments(ns, results, had_errors: bool, inputs: list[str]) -> int:
    """--format docx-comments -o reviewed.docx: a copy of one .docx with the findings as comments."""
    from ..docx_comments import write

    if had_errors:
        return EXIT_ERROR
    if len(results) != 1 or not ns.output or not results[0].path.lower().endswith(".docx"):
        raise GwlintError("usage: --format docx-comments needs exactly one .docx file and -o reviewed.docx")
    r = results[0]
    try:
        if os.path.exists(ns.output) and os.path.samefile(ns.output, r.path):
            raise GwlintError("usage: -o must name a new file; the original .docx is never modified")
        n = write(r, r.path, ns.output)
    except OSError as exc:
        raise GwlintError(f"-o {ns.output}: cannot write: {exc.strerror or exc}") from None
    if not ns.quiet:
        print(f"{printable(ns.output)}: {n} comment{'s' if n != 1 else ''} added", file=sys.stderr)
    return EXIT_FINDINGS if r.diagnostics and not ns.exit_zero else EXIT_CLEAN
