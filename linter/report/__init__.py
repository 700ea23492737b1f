"""Report formats. Each module renders the results of a run to a stream:
``render(results, stream, color=False, rules=None)``; a format made file by
file also has ``render_file(result, color=False) -> str``, so that batch
workers can render their own files."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from importlib import import_module

from ..model import Diagnostic, Document


@dataclass
class FixOutcome:
    """What ``--fix`` or ``--diff`` did to one file."""

    applied: int  # fixes applied
    text: str  # the fixed text
    diff: str | None = None  # unified diff, with --diff


@dataclass
class FileResult:
    """What checking one file gave: its findings, or the error that stopped it."""

    path: str
    document: Document | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    error: str | None = None
    fix: FixOutcome | None = None
    unwritable: str | None = None  # with --fix/--diff: the kind of a file gwlint cannot write back
    dropped: int = 0  # findings past the per-file limit, not kept

    @property
    def linted(self) -> bool:
        return self.error is None

    @property
    def fixed(self) -> int:
        return self.fix.applied if self.fix else 0

    def counts(self) -> Counter:
        """Findings by (code, name): for summaries, --statistics and the exit code."""
        return Counter((d.code, d.name) for d in self.diagnostics)


@dataclass
class RenderedFile:
    """A file as a batch worker sends it back when the format is made file by
    file: its part of the report, already rendered, and its counts. Thousands
    of findings are slow to pickle, and the parent's CPU is the one a batch
    waits on."""

    path: str
    error: str | None
    fixed: int
    rendered: str
    tally: Counter
    unwritable: str | None = None
    dropped: int = 0

    @property
    def linted(self) -> bool:
        return self.error is None

    def counts(self) -> Counter:
        return self.tally

    @classmethod
    def of(cls, result: FileResult, render_file) -> "RenderedFile":
        return cls(result.path, result.error, result.fixed,
                   render_file(result) if result.linted else "", result.counts(), result.unwritable, result.dropped)


def part(result, render_file, color: bool = False) -> str:
    """A file's part of the report, rendered here unless a worker did it."""
    if isinstance(result, RenderedFile):
        return result.rendered
    return render_file(result, color=color)


@dataclass(frozen=True)
class Format:
    name: str
    module: str  # in gwlint.report
    summary: str

    def load(self):
        return import_module(f"{__name__}.{self.module}")

    def render(self, results, stream, color: bool = False, rules=None, **options) -> None:
        """``options``: what only some formats take (text: ``summary_line=False``)."""
        self.load().render(results, stream, color=color, rules=rules, **options)

    @property
    def render_file(self):
        """``render_file(result, color=False)`` for a format made file by file, else None."""
        return getattr(self.load(), "render_file", None)


FORMATS = {f.name: f for f in (
    Format("text", "text", "for people: each finding in context, then a summary"),
    Format("json", "json_", "the JSON contract of DESIGN.md: one object per finding"),
    Format("sarif", "sarif", "SARIF 2.1.0, for code-scanning dashboards"),
    Format("github", "github", "GitHub Actions annotations"),
    Format("html", "html", "one self-contained page with a summary and a filter"),
)}
