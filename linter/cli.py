"""The ``gwlint`` command. Every error is one line on stderr and exit code 2."""
from __future__ import annotations

import argparse
import functools
import os
import sys

from .errors import GwlintError

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
COMMANDS = ("check", "rules", "rule", "lsp", "outline")


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, exit 2, like every other error
        raise GwlintError(f"usage: {message} (see gwlint --help)")


def _codes(value: str) -> tuple[str, ...]:
    return tuple(c.strip().upper() for c in value.split(",") if c.strip())


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="gwlint", description="Lint Chinese official speech drafts (公文).",
                epilog="Commands: check (default), rules, rule CODE, outline FILE, lsp.")
    p.add_argument("paths", nargs="*", metavar="PATH", help="files, folders or - for standard input")
    p.add_argument("--format", default="text", help="text, json, sarif, github, html, docx-comments")
    p.add_argument("--select", type=_codes, help="codes or prefixes to check, e.g. TY,PU")
    p.add_argument("--ignore", type=_codes, help="codes or prefixes to skip")
    p.add_argument("--fix", action="store_true", help="apply safe fixes")
    p.add_argument("--diff", action="store_true", help="show safe fixes as a diff, change nothing")
    p.add_argument("--unsafe-fixes", action="store_true", help="also apply fixes that need judgement")
    p.add_argument("--config", help="use this config file instead of searching for one")
    p.add_argument("--stdin-filename", help="path used for config and reports when reading -")
    p.add_argument("--statistics", action="store_true", help="print counts by rule")
    p.add_argument("-j", "--jobs", type=int, default=0, help="parallel workers (default: CPUs)")
    p.add_argument("-o", "--output", help="write the report to this file")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    p.add_argument("--version", action="store_true")
    return p


def use_color(mode: str, stream) -> bool:
    if mode == "always":
        return True
    if mode == "never" or os.environ.get("NO_COLOR"):
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def cmd_rules(args: list[str]) -> int:
    from .registry import default_registry

    for meta in default_registry().rules.values():
        print(f"{meta.code}  {meta.name:<32} {meta.severity:<8} {meta.summary}")
    return EXIT_CLEAN


def explain(meta) -> str:
    """A rule's documentation, shared by ``gwlint rule`` and LSP hover."""
    lines = [f"{meta.code} {meta.name} ({meta.severity})", "", meta.summary, "", meta.why, "", "错误示例:"]
    lines += [f"  ✗ {s}" for s in meta.bad]
    lines += ["正确示例:"] + [f"  ✓ {s}" for s in meta.good]
    return "\n".join(lines)


def cmd_rule(args: list[str]) -> int:
    from .registry import default_registry

    if len(args) != 1:
        raise GwlintError("usage: gwlint rule CODE")
    rules = default_registry().rules
    meta = rules.get(args[0].upper())
    if meta is None:
        raise GwlintError(f"unknown rule code '{args[0]}' (see gwlint rules)")
    print(explain(meta))
    return EXIT_CLEAN


def cmd_lsp(args: list[str]) -> int:
    from gwlint.lsp.server import main as lsp_main

    return lsp_main(args) or 0


def cmd_outline(args: list[str]) -> int:
    from .outline_cli import main as outline_main

    return outline_main(args)


def _read_stdin(ns) -> "FileResult":
    from .batch import effective_config, lint_document
    from .load import load_bytes, reader_for
    from .report import FileResult

    name = ns.stdin_filename or "-"
    try:
        cfg = effective_config("-", _options(ns), stdin_name=ns.stdin_filename)
        data = sys.stdin.buffer.read()
        doc = load_bytes(data, name if reader_for(name) else "-", cfg.max_file_size)
        doc.path = "-"
        result = lint_document(doc, cfg, _options(ns))
        result.path = "-"
        return result
    except GwlintError as exc:
        return FileResult("-", error=str(exc))


def _options(ns):
    from .batch import CheckOptions

    return CheckOptions(select=ns.select, ignore=ns.ignore, config_file=ns.config, fix=ns.fix,
                        diff=ns.diff, unsafe_fixes=ns.unsafe_fixes)


def cmd_check(argv: list[str]) -> int:
    from . import batch
    from .report import FORMATS, file_renderer, formatter

    ns = build_parser().parse_args(argv)
    if ns.version:
        from . import __version__

        print(f"gwlint {__version__}")
        return EXIT_CLEAN
    if not ns.paths:
        raise GwlintError("usage: no PATH given (try: gwlint seeds/, or gwlint - < draft.txt)")
    try:
        render = formatter(ns.format)
    except ImportError:
        raise GwlintError(f"usage: unknown --format '{ns.format}' (one of {', '.join(FORMATS)})") from None
    registry_patterns_check(ns)
    files, errors = batch.discover(ns.paths, ns.config)
    opts = _options(ns)
    results = []
    stdin_result = None
    for f in files:
        if f == "-":
            stdin_result = _read_stdin(ns)
    file_list = [f for f in files if f != "-"]
    show_progress = not ns.no_progress and sys.stderr.isatty() and ns.format != "docx-comments"
    fixing_stdin = ns.fix and not ns.diff and stdin_result is not None and stdin_result.document is not None \
        and stdin_result.document.writable
    report_stream = sys.stderr if fixing_stdin else sys.stdout  # the fixed text owns stdout
    color = use_color(ns.color, None if ns.output else report_stream)
    render_file = file_renderer(ns.format)
    per_file = functools.partial(render_file, color=color) if render_file and not ns.diff else None
    results = batch.run(file_list, opts, jobs=ns.jobs, progress=show_progress, render_file=per_file) if file_list else []
    if stdin_result is not None:
        results.insert(files.index("-"), stdin_result)
    for r in results:
        if r.error:
            errors.append(r.error)
    for e in errors:
        print(f"gwlint: error: {e}", file=sys.stderr)
    notice = batch.unwritable_notice(results)
    if notice:
        print(f"gwlint: {notice}", file=sys.stderr)
    ok = [r for r in results if r.linted]
    if fixing_stdin:
        # the fixed text owns stdout; what is left to report goes to stderr
        from .load import encode

        fixed = stdin_result.new_text if stdin_result.new_text is not None else stdin_result.document.text
        sys.stdout.flush()
        sys.stdout.buffer.write(encode(stdin_result.document, fixed))  # in the input's own encoding
        sys.stdout.buffer.flush()
    if ns.format == "docx-comments" and not errors:
        return _write_docx_comments(ns, ok)
    if ns.diff:
        for r in ok:
            if r.diff:
                sys.stdout.write(r.diff)
    else:
        out = open(ns.output, "w", encoding="utf-8") if ns.output else report_stream
        try:
            render(ok, out, color=color)
        finally:
            if ns.output:
                out.close()
    if ns.statistics:
        from collections import Counter

        counts = Counter()
        for r in ok:
            counts.update(r.counts())
        for (code, name), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            print(f"{n:6d}  {code}  {name}", file=sys.stderr)
    if errors:
        return EXIT_ERROR
    if ns.exit_zero or ns.diff:
        return EXIT_CLEAN
    return EXIT_FINDINGS if any(r.counts() for r in ok) else EXIT_CLEAN


def _write_docx_comments(ns, results) -> int:
    from .report.docx_comments import write

    if len(results) != 1 or not ns.output or not results[0].path.lower().endswith(".docx"):
        raise GwlintError("usage: --format docx-comments needs exactly one .docx file and -o reviewed.docx")
    r = results[0]
    from pathlib import Path

    if Path(ns.output).resolve() == Path(r.path).resolve():
        raise GwlintError("usage: -o must name a new file; the original .docx is never modified")
    n = write(r, r.path, ns.output)
    print(f"{ns.output}: {n} comment{'s' if n != 1 else ''} added", file=sys.stderr)
    return EXIT_FINDINGS if r.diagnostics and not ns.exit_zero else EXIT_CLEAN


def registry_patterns_check(ns) -> None:
    from .registry import default_registry

    reg = default_registry()
    for opt in ("select", "ignore"):
        for code in getattr(ns, opt) or ():
            if not reg.is_known_pattern(code):
                raise GwlintError(f"usage: --{opt}: unknown rule code or prefix '{code}'")


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    import logging

    logging.basicConfig(format="gwlint: %(message)s", level=logging.WARNING)
    try:
        if argv and argv[0] in COMMANDS:
            cmd, rest = argv[0], argv[1:]
            return {"check": cmd_check, "rules": cmd_rules, "rule": cmd_rule,
                    "lsp": cmd_lsp, "outline": cmd_outline}[cmd](rest)
        return cmd_check(argv)
    except GwlintError as exc:
        print(f"gwlint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("gwlint: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_CLEAN


def entry() -> None:
    sys.exit(main())


if __name__ == "__main__":
    entry()
