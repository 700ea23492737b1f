"""The data every part of gwlint shares: documents, spans, fixes, diagnostics.

Positions are code-point offsets into the exact decoded text. Lines are split
on ``\\r\\n``, ``\\r`` or ``\\n`` only, as LSP defines them.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Iterator

LINE_BREAK = re.compile(r"\r\n|\r|\n")

SEVERITIES = ("error", "warning", "info", "hint")


@dataclass(frozen=True, order=True)
class Span:
    """A half-open range [start, end) of code-point offsets."""

    start: int
    end: int

    def shifted(self, by: int) -> "Span":
        return Span(self.start + by, self.end + by)

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class Edit:
    """Replace text[start:end] with ``text``."""

    start: int
    end: int
    text: str

    def shifted(self, by: int) -> "Edit":
        return Edit(self.start + by, self.end + by, self.text)


@dataclass(frozen=True)
class Fix:
    """A titled set of edits. ``safe`` fixes are applied by ``--fix``."""

    title: str
    edits: tuple[Edit, ...]
    safe: bool = False

    @classmethod
    def replace(cls, span: Span, text: str, safe: bool, title: str | None = None) -> "Fix":
        return cls(title or f"改为“{text}”", (Edit(span.start, span.end, text),), safe)

    @classmethod
    def delete(cls, span: Span, safe: bool, title: str = "删除") -> "Fix":
        return cls(title, (Edit(span.start, span.end, ""),), safe)

    def shifted(self, by: int) -> "Fix":
        return replace(self, edits=tuple(e.shifted(by) for e in self.edits))


@dataclass(frozen=True)
class Diagnostic:
    """One finding. Rules leave ``name`` empty and usually ``severity`` too; the
    engine fills them from the rule's metadata and the user's configuration. A
    rule sets ``severity`` only to report one finding below its rule's default
    (a superseded name in a document that gives no date of its own)."""

    code: str
    message: str
    span: Span
    fix: Fix | None = None
    name: str = ""
    severity: str = ""
    related: tuple[tuple[Span, str], ...] = ()

    def shifted(self, by: int) -> "Diagnostic":
        return Diagnostic(self.code, self.message, self.span.shifted(by), self.fix.shifted(by) if self.fix else None,
                          self.name, self.severity, tuple((s.shifted(by), m) for s, m in self.related))


@dataclass(frozen=True)
class RuleMeta:
    """A rule's documentation, read from a rule pack."""

    code: str
    name: str
    severity: str
    summary: str
    why: str
    bad: tuple[str, ...]
    good: tuple[str, ...]
    source: str = ""  # the pack file it came from
    retired: str = ""  # why the rule no longer reports anything (its code is never reused)

    @property
    def family(self) -> str:
        return self.code[:2]

    def explain(self) -> str:
        """The rule's documentation, as ``gwlint rule CODE`` and hover show it."""
        if self.retired:
            return "\n".join([f"{self.code} {self.name}（已停用）", "", self.summary, "", self.why, "",
                              f"已停用：{self.retired}"])
        lines = [f"{self.code} {self.name} ({self.severity})", "", self.summary, "", self.why, "", "错误示例:"]
        lines += [f"  ✗ {s}" for s in self.bad]
        lines += ["正确示例:"] + [f"  ✓ {s}" for s in self.good]
        return "\n".join(lines)


@dataclass(frozen=True)
class Line:
    """One line of a document, without its line break."""

    number: int  # 0-based
    start: int
    end: int  # exclusive, before the line break
    text: str


KINDS = ("txt", "md", "docx", "odt", "rtf", "doc", "wps", "pdf", "ofd")  # gwlint.load.READERS reads the others
WRITABLE_KINDS = ("txt", "md")


def kind_of(name: str) -> str:
    """The kind of document a file name says it is: its suffix if gwlint knows
    it, else plain text (``-``, ``.text``, no suffix)."""
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name.rsplit("/", 1)[-1] else ""
    return suffix if suffix in KINDS else "txt"


@dataclass
class Document:
    """Decoded text plus what is needed to report on it and write it back.

    ``path`` is the name reports show and configuration is looked up by: the
    file's path as given, the ``--stdin-filename``, or ``-``. ``kind`` is what
    the text is (txt, md, docx, odt, rtf, doc, wps, pdf, ofd), which rules may
    read (Markdown syntax is not prose); it follows ``path`` unless given.
    """

    text: str
    path: str = "-"
    encoding: str = "utf-8"
    bom: bool = False
    # For documents read from a word-processor or page format (.docx, .odt,
    # .pdf, …): the start offset of each paragraph in ``text``.
    paragraph_starts: tuple[int, ...] | None = None
    kind: str = ""

    def __post_init__(self):
        if not self.kind:
            self.kind = kind_of(self.path)

    @property
    def writable(self) -> bool:
        """Whether --fix can write this document back in its own format
        (plain text and Markdown; not Word, OpenDocument, RTF, PDF or OFD)."""
        return self.kind in WRITABLE_KINDS

    @cached_property
    def line_starts(self) -> list[int]:
        starts = [0]
        starts.extend(m.end() for m in LINE_BREAK.finditer(self.text))
        return starts

    @cached_property
    def lines(self) -> list[Line]:
        out = []
        text = self.text
        starts = self.line_starts
        for i, start in enumerate(starts):
            if i + 1 < len(starts):
                end = starts[i + 1]
                # strip the line break (\r\n, \r or \n) from the end
                if text[end - 1] == "\n" and end - 2 >= start and text[end - 2] == "\r":
                    end -= 2
                else:
                    end -= 1
            else:
                end = len(text)
            out.append(Line(i, start, end, text[start:end]))
        return out

    @cached_property
    def newline(self) -> str:
        """The dominant line ending, used when a fix inserts a line break."""
        m = LINE_BREAK.search(self.text)
        return m.group(0) if m else "\n"

    def position(self, offset: int) -> tuple[int, int]:
        """0-based (line, column) in code points for an offset."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line, offset - self.line_starts[line]

    def offset(self, line: int, column: int) -> int:
        """The offset of a 0-based (line, column), clamped to the line."""
        if line < 0:
            return 0
        if line >= len(self.line_starts):
            return len(self.text)
        ln = self.lines[line]
        return min(ln.start + max(0, column), ln.end)

    def line_at(self, offset: int) -> Line:
        return self.lines[self.position(offset)[0]]

    def iter_lines(self) -> Iterator[Line]:
        return iter(self.lines)
