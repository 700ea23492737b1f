"""The command line of ``gwlint check``, parsed into what a run needs."""
from __future__ import annotations

import argparse
from dataclasses import dataclass

from ..errors import GwlintError


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, exit 2, like every other error
        raise GwlintError(f"usage: {message} (see gwlint --help)")


def _codes(value: str) -> tuple[str, ...]:
    return tuple(c.strip().upper() for c in value.split(",") if c.strip())


def build_parser() -> argparse.ArgumentParser:
    from ..report import FORMATS

    p = _Parser(prog="gwlint", description="Lint Chinese official speech drafts (公文).",
                epilog="Commands: check (default), rules, rule CODE, outline FILE, lsp.")
    p.add_argument("paths", nargs="*", metavar="PATH", help="files, folders or - for standard input")
    p.add_argument("--format", default="text",
                   help=f"{', '.join(FORMATS)}; or docx-comments (with -o: a copy of a .docx with comments)")
    p.add_argument("--select", type=_codes, help="codes or prefixes to check, e.g. TY,PU")
    p.add_argument("--extend-select", type=_codes, help="codes or prefixes to check besides those selected")
    p.add_argument("--ignore", type=_codes, help="codes or prefixes to skip")
    p.add_argument("--fix", action="store_true", help="apply safe fixes")
    p.add_argument("--diff", action="store_true",
                   help="show safe fixes as a diff, change nothing; exit 1 if there are any")
    p.add_argument("--unsafe-fixes", action="store_true", help="also apply fixes that need judgement")
    p.add_argument("--config", help="use this config file instead of searching for one")
    p.add_argument("--stdin-filename", help="the name standard input (-) is reported, configured and typed by")
    p.add_argument("--statistics", action="store_true",
                   help="print counts by rule instead of the findings (with -o: besides the report)")
    p.add_argument("--show-files", action="store_true", help="list the files that would be checked, check none")
    p.add_argument("--follow-links", action="store_true",
                   help="in folders, follow symlinks that lead out of the folder (off: they are skipped)")
    p.add_argument("-q", "--quiet", action="store_true", help="the findings and errors only: no summary, notes "
                   "or progress bar")
    p.add_argument("-j", "--jobs", type=int, default=0, help="parallel workers (default: CPUs)")
    p.add_argument("-o", "--output", help="write the report to this file")
    p.add_argument("--dask-scheduler", metavar="ADDRESS",
                   help="check the files on a Dask cluster (tcp://host:8786; pip install 'gwlint[scale]'); "
                        "the workers must see the same paths")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    p.add_argument("--add-baseline", action="store_true",
                   help="accept the findings as they stand: write them to the baseline (.gwlint-baseline.toml), "
                        "which later runs leave out")
    p.add_argument("--baseline", metavar="FILE", help="use this baseline file instead of the configuration's")
    p.add_argument("--no-baseline", action="store_true", help="report every finding, baselined or not")
    p.add_argument("--version", action="store_true")
    return p


@dataclass(frozen=True)
class CheckOptions:
    """What the command line asked for, shared by every file of a run (and
    sent to batch workers, so it stays small and picklable)."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    config_file: str | None = None
    fix: bool = False
    diff: bool = False
    unsafe_fixes: bool = False
    stdin_filename: str | None = None
    baseline: str | None = None  # --baseline FILE
    use_baseline: bool = True  # False with --no-baseline and --add-baseline (which needs every finding)
    extend_select: tuple[str, ...] | None = None  # --extend-select: added to the selection

    @classmethod
    def of(cls, ns) -> "CheckOptions":
        return cls(ns.select, ns.ignore, ns.config, ns.fix, ns.diff, ns.unsafe_fixes, ns.stdin_filename,
                   baseline=ns.baseline, use_baseline=not (ns.no_baseline or ns.add_baseline),
                   extend_select=ns.extend_select)

    def resolver(self, registry):
        """Finds each file's configuration, with these options' select/ignore on top."""
        from ..config import ConfigResolver

        return ConfigResolver(registry, self.config_file, self.select, self.ignore, baseline=self.baseline,
                              use_baseline=self.use_baseline, extend_select=self.extend_select)
