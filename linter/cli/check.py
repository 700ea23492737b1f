"""``gwlint [check] PATH...``: lint files, folders or standard input and
report; exit 0 (no findings), 1 (findings) or 2 (a usage, config or input error)."""
from __future__ import annotations

import functools
import os
import sys
from collections import Counter

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


def _check_patterns(ns, registry) -> None:
    for opt in ("select", "ignore"):
        for code in getattr(ns, opt) or ():
            if not registry.is_known_pattern(code):
                raise GwlintError(f"usage: --{opt}: unknown rule code or prefix '{code}'")


def _report_format(name: str):
    from ..report import FORMATS

    if name == DOCX_COMMENTS:
        return None
    if name not in FORMATS:
        raise GwlintError(f"usage: unknown --format '{name}' (one of {', '.join([*FORMATS, DOCX_COMMENTS])})")
    return FORMATS[name]


def cmd_check(argv: list[str]) -> int:
    from gwlint.rules import bundled_registry

    from . import files, pool
    from .one_file import check_stdin, unwritable_notice

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
    paths, errors = files.discover(ns.paths, resolver)
    stdin_result = check_stdin(sys.stdin.buffer.read(), opts, resolver) if "-" in paths else None
    on_disk = [p for p in paths if p != "-"]
    fixing_stdin = ns.fix and not ns.diff and stdin_result is not None and stdin_result.linted \
        and stdin_result.document.writable
    report_stream = sys.stderr if fixing_stdin else sys.stdout  # the fixed text owns stdout
    color = use_color(ns.color, None if ns.output else report_stream)
    per_file = None
    if fmt is not None and fmt.render_file and not ns.diff:
        per_file = functools.partial(fmt.render_file, color=color)
    show_progress = not ns.no_progress and sys.stderr.isatty() and fmt is not None
    if ns.add_baseline:
        per_file = None  # the findings themselves come back, to be recorded
    results = pool.run(on_disk, opts, resolver, jobs=ns.jobs, progress=show_progress,
                       render_file=per_file) if on_disk else []
    if stdin_result is not None:
        results.insert(paths.index("-"), stdin_result)
    errors += [r.error for r in results if r.error]
    for e in errors:
        print(f"gwlint: error: {e}", file=sys.stderr)
    notice = unwritable_notice(results)
    if notice:
        print(f"gwlint: {notice}", file=sys.stderr)
    ok = [r for r in results if r.linted]
    if ns.add_baseline:
        from .add_baseline import add_baseline

        return add_baseline(ok, resolver, bool(errors))
    if fixing_stdin:
        _write_fixed_stdin(stdin_result)
    if fmt is None:
        return _write_docx_comments(ns, ok, bool(errors))
    if ns.diff:
        for r in ok:
            if r.fix and r.fix.diff:
                sys.stdout.write(r.fix.diff)
    else:
        out = open(ns.output, "w", encoding="utf-8") if ns.output else report_stream
        try:
            fmt.render(ok, out, color=color, rules=registry.rules)
        finally:
            if ns.output:
                out.close()
    if ns.statistics:
        _print_statistics(ok)
    if errors:
        return EXIT_ERROR
    if ns.exit_zero or ns.diff:
        return EXIT_CLEAN
    return EXIT_FINDINGS if any(r.counts() for r in ok) else EXIT_CLEAN


def _write_fixed_stdin(result) -> None:
    """The fixed text of standard input, in its own encoding, to stdout."""
    from ..load import encode

    text = result.fix.text if result.fix else result.document.text
    sys.stdout.flush()
    sys.stdout.buffer.write(encode(result.document, text))
    sys.stdout.buffer.flush()


def _print_statistics(results) -> None:
    counts = Counter()
    for r in results:
        counts.update(r.counts())
    for (code, name), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"{n:6d}  {code}  {name}", file=sys.stderr)


def _write_docx_comments(ns, results, had_errors: bool) -> int:
    """--format docx-comments -o reviewed.docx: a copy of one .docx with the findings as comments."""
    from pathlib import Path

    from ..docx_comments import write

    if had_errors:
        return EXIT_ERROR
    if len(results) != 1 or not ns.output or not results[0].path.lower().endswith(".docx"):
        raise GwlintError("usage: --format docx-comments needs exactly one .docx file and -o reviewed.docx")
    r = results[0]
    if Path(ns.output).resolve() == Path(r.path).resolve():
        raise GwlintError("usage: -o must name a new file; the original .docx is never modified")
    n = write(r, r.path, ns.output)
    print(f"{ns.output}: {n} comment{'s' if n != 1 else ''} added", file=sys.stderr)
    return EXIT_FINDINGS if r.diagnostics and not ns.exit_zero else EXIT_CLEAN
