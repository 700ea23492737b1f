"""Output formats. Each module renders a list of FileResult to a stream."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..model import Diagnostic, Document


@dataclass
class FileResult:
    """What linting one file gave: its findings, or the error that stopped it."""

    path: str
    document: Document | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    error: str | None = None
    fixed: int = 0  # fixes applied with --fix
    new_text: str | None = None  # the fixed text, when fixes applied
    diff: str | None = None  # unified diff, with --diff
    unwritable: str | None = None  # with --fix/--diff: the kind of a file gwlint cannot write back
    # Set on the light copy a worker sends back (see ``for_parent``):
    rendered: str | None = None  # this file's part of the report
    tally: Counter | None = None  # its findings counted by (code, name)

    @property
    def linted(self) -> bool:
        return self.error is None

    def counts(self) -> Counter:
        """Findings by (code, name): for summaries, --statistics and the exit code."""
        if self.tally is not None:
            return self.tally
        return Counter((d.code, d.name) for d in self.diagnostics)

    def for_parent(self, render_file) -> "FileResult":
        """What a worker sends back when the format renders file by file:
        the rendered text and the counts. Thousands of findings are slow to
        pickle and unpickle, and the parent's CPU is the one a batch waits on."""
        rendered = render_file(self) if self.linted else None
        return FileResult(self.path, error=self.error, fixed=self.fixed, diff=self.diff,
                          unwritable=self.unwritable, rendered=rendered, tally=self.counts())


def _format_module(name: str):
    from importlib import import_module

    module = {"text": "text", "json": "json_"}.get(name, name.replace("-", "_"))
    return import_module(f"{__name__}.{module}")


def formatter(name: str):
    """The ``render(results, stream, color=False)`` function of a format."""
    return _format_module(name).render


def file_renderer(name: str):
    """The format's ``render_file(result, color=False)``, for formats whose
    report is made file by file (so workers can render them), else None."""
    return getattr(_format_module(name), "render_file", None)


def rendered(result: FileResult, render_file, color: bool = False) -> str:
    """A file's part of the report, rendered here unless a worker did it."""
    if result.rendered is not None:
        return result.rendered
    return render_file(result, color=color)


FORMATS = ("text", "json", "sarif", "github", "html", "docx-comments")
