"""Output formats. Each module renders a list of FileResult to a stream."""
from __future__ import annotations

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


def formatter(name: str):
    """The ``render(results, stream, color=False)`` function of a format."""
    from importlib import import_module

    module = {"text": "text", "json": "json_"}.get(name, name.replace("-", "_"))
    return import_module(f"{__name__}.{module}").render


FORMATS = ("text", "json", "sarif", "github", "html", "docx-comments")
