"""The ``gwlint`` command: a front end over ``gwlint.lint``. Every error is
one line on stderr and exit code 2, never a traceback.

- ``args``: the command line; ``check``: the checking pipeline and exit codes;
- ``files``: which files a run lints; ``one_file``: load, lint, fix one file;
- ``pool``: many files in worker processes; ``commands``: rules, rule, outline, lsp.
"""
from __future__ import annotations

import sys

from ..errors import GwlintError

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _commands() -> dict:
    from .check import cmd_check
    from .commands import cmd_lsp, cmd_outline, cmd_rule, cmd_rules

    return {"check": cmd_check, "rules": cmd_rules, "rule": cmd_rule, "lsp": cmd_lsp, "outline": cmd_outline}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    import logging

    logging.basicConfig(format="gwlint: %(message)s", level=logging.WARNING)
    try:
        commands = _commands()
        if argv and argv[0] in commands:
            return commands[argv[0]](argv[1:])
        return commands["check"](argv)
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
