"""The ``gwlint`` command: a front end over ``gwlint.lint``. Every error is
one line on stderr and exit code 2, never a traceback.

- ``args``: the command line; ``check``: the checking pipeline and exit codes;
- ``files``: which files a run lints; ``one_file``: load, lint, fix one file;
- ``pool``: many files in worker processes; ``commands``: rules, rule, outline, lsp.
"""
from __future__ import annotations

import os
import sys

from ..errors import GwlintError

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _commands() -> dict:
    from .check import cmd_check
    from .commands import cmd_lsp, cmd_outline, cmd_rule, cmd_rules

    return {"check": cmd_check, "rules": cmd_rules, "rule": cmd_rule, "lsp": cmd_lsp, "outline": cmd_outline}


def _survive_any_console() -> None:
    """Whatever the console's encoding (a Chinese Windows console is GBK,
    ``PYTHONIOENCODING=gbk``), what it cannot show is replaced, never a crash."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="replace" if stream is sys.stdout else "backslashreplace")
        except (AttributeError, ValueError):
            pass


def _one_line(message: str) -> None:
    from ..display import printable

    try:
        print(f"gwlint: error: {printable(message)}", file=sys.stderr)
    except (OSError, ValueError):
        pass


def _silence_stdout() -> None:
    """After a broken pipe: nothing more goes to stdout (not even Python's
    flush at exit, which would print its own traceback)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    import logging

    _survive_any_console()
    logging.basicConfig(format="gwlint: %(message)s", level=logging.WARNING)
    try:
        commands = _commands()
        if argv and argv[0] in commands:
            return commands[argv[0]](argv[1:])
        return commands["check"](argv)
    except GwlintError as exc:
        _one_line(str(exc))
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("gwlint: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        _silence_stdout()
        _one_line("the output was closed before the report was written (broken pipe)")
        return EXIT_ERROR
    except MemoryError:
        _one_line("out of memory")
        return EXIT_ERROR
    except OSError as exc:
        _one_line(f"{exc.strerror or exc}" + (f": {exc.filename}" if exc.filename else ""))
        return EXIT_ERROR
    except Exception as exc:  # a bug: still one line and exit 2; GWLINT_DEBUG=1 shows the traceback
        if os.environ.get("GWLINT_DEBUG"):
            raise
        _one_line(f"internal error: {type(exc).__name__}: {exc} (GWLINT_DEBUG=1 shows where; please report it)")
        return EXIT_ERROR


def entry() -> None:
    code = main()
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
        _one_line("the output was closed before the report was written (broken pipe)")
        code = EXIT_ERROR
    except (OSError, ValueError):
        pass
    sys.exit(code)
