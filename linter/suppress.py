"""Inline suppression directives in files that can carry HTML comments
(Markdown today): the engine drops the findings they cover, after the rules
ran, so the CLI, the Python API and the language server all honour them.

    <!-- gwlint-disable TY001 PU -->        … until …   <!-- gwlint-enable -->
    <!-- gwlint-disable-next-line TY001 -->  the line after the comment
    <!-- gwlint-disable-line PH -->          the line the comment is on

Codes are codes or prefixes, separated by spaces or commas; none means every
rule. ``-- reason`` after the codes is a note for people and is ignored. For
a code, the last ``disable``/``enable`` before a finding that names it (or
names nothing) decides; there is no nesting count, as in ESLint and
markdownlint. A finding belongs where it starts. Directives inside fenced
code blocks and inline code spans are text, not directives.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .model import LINE_BREAK, Span

COMMENT_KINDS = frozenset({"md", "html"})  # document kinds whose format has HTML comments
VERBS = ("disable", "enable", "disable-next-line", "disable-line")

# The whole comment must be the directive: <!-- gwlint-VERB codes [-- reason] -->
_DIRECTIVE = re.compile(r"<!--\s*gwlint-(?P<verb>[A-Za-z-]*[A-Za-z])(?P<rest>(?:(?!-->|<!--).)*)-->", re.S)
_FENCE = re.compile(r"^[ \t]*(?:>[ \t]?)*[ \t]*(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
_TOKEN = re.compile(r"[^\s,，、]+")


@dataclass(frozen=True)
class Directive:
    verb: str
    codes: tuple[str, ...] | None  # None: every rule
    span: Span  # the whole comment
    line: int  # 0-based line the comment starts on
    end_line: int  # 0-based line the comment ends on
    bad: tuple[str, ...] = ()  # tokens that are not codes (reported by the engine, then ignored)


def _code_spans(line: str) -> list[tuple[int, int]]:
    """Inline code spans of one line: a run of backticks up to the next run of
    the same length (CommonMark); an unmatched run is literal."""
    runs = [(m.start(), m.end()) for m in re.finditer(r"`+", line)]
    spans, i = [], 0
    while i < len(runs):
        s, e = runs[i]
        for j in range(i + 1, len(runs)):
            if runs[j][1] - runs[j][0] == e - s:
                spans.append((s, runs[j][1]))
                i = j
                break
        i += 1
    return spans


def _fenced_lines(text: str, starts: list[int]) -> set[int]:
    """Line numbers inside fenced code blocks (``` or ~~~, fence lines included).
    Indentation and blockquote markers before a fence are accepted, so a fence
    in a list item or a quote counts; an unclosed fence runs to the end."""
    inside: set[int] = set()
    open_char, open_len = "", 0
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(text)
        line = text[start:end].rstrip("\r\n")
        m = _FENCE.match(line) if ("`" in line or "~" in line) else None
        if open_char:
            inside.add(n)
            if m and m.group("fence")[0] == open_char and len(m.group("fence")) >= open_len \
                    and not m.group("info").strip():
                open_char = ""
        elif m and not (m.group("fence")[0] == "`" and "`" in m.group("info")):
            open_char, open_len = m.group("fence")[0], len(m.group("fence"))
            inside.add(n)
    return inside


def _parse(verb: str, rest: str) -> tuple[tuple[str, ...] | None, tuple[str, ...]]:
    codes_part = rest.split("--", 1)[0]
    tokens = [t.upper() for t in _TOKEN.findall(codes_part)]
    if not tokens:
        return None, ()
    good = tuple(t for t in tokens if re.fullmatch(r"[A-Z]{1,2}\d{0,3}|ALL", t))
    bad = tuple(t for t in tokens if t not in good)
    return good, bad  # codes given but none usable: an empty tuple, never "every rule"


def find_directives(text: str, kind: str) -> list[Directive]:
    """The directives of a document, in order: one pass over the comments, one
    over the lines (for fences) only when a directive is there at all."""
    if kind not in COMMENT_KINDS or "gwlint-" not in text:
        return []
    matches = list(_DIRECTIVE.finditer(text))
    if not matches:
        return []
    starts = [0] + [m.end() for m in LINE_BREAK.finditer(text)]
    fenced = _fenced_lines(text, starts) if kind == "md" and ("```" in text or "~~~" in text) else set()
    out = []
    for m in matches:
        line = bisect.bisect_right(starts, m.start()) - 1
        if line in fenced:
            continue
        if kind == "md" and "`" in text[starts[line]:m.start()]:
            line_end = LINE_BREAK.search(text, m.start())
            line_text = text[starts[line]:line_end.start() if line_end else len(text)]
            col = m.start() - starts[line]
            if any(s <= col < e for s, e in _code_spans(line_text)):
                continue
        end_line = bisect.bisect_right(starts, m.end() - 1) - 1
        codes, bad = _parse(m.group("verb"), m.group("rest"))
        out.append(Directive(m.group("verb").lower(), codes, Span(m.start(), m.end()), line, end_line, bad))
    return out


def _matches(code: str, patterns: tuple[str, ...] | None) -> bool:
    return patterns is None or any(p == "ALL" or code.startswith(p) for p in patterns)


class Suppressions:
    """Which findings a document's directives silence."""

    def __init__(self, directives: list[Directive], line_starts: list[int]):
        self.directives = directives
        self._line_starts = line_starts
        self._regions: list[int] = []  # offsets where the disable/enable state changes
        self._states: list[tuple] = []  # the state from each of those offsets: ((verb, codes), …)
        self._lines: dict[int, list] = {}  # line → code patterns silenced on it (None: all)
        state: tuple = ()
        for d in directives:
            if d.verb in ("disable", "enable"):
                # a directive for every rule makes the earlier ones moot, one for
                # the same codes the earlier one for them
                kept = () if d.codes is None else tuple(s for s in state if s[1] != d.codes)
                state = kept + ((d.verb, d.codes),)
                self._regions.append(d.span.start)
                self._states.append(state)
            elif d.verb == "disable-line":
                self._lines.setdefault(d.line, []).append(d.codes)
            elif d.verb == "disable-next-line" and d.end_line + 1 < len(line_starts):
                self._lines.setdefault(d.end_line + 1, []).append(d.codes)

    def __bool__(self) -> bool:
        return bool(self.directives)

    def silences(self, code: str, span: Span) -> bool:
        start = span.start
        i = bisect.bisect_right(self._regions, start) - 1
        if i >= 0:
            for verb, codes in reversed(self._states[i]):
                if _matches(code, codes):
                    if verb == "disable":
                        return True
                    break
        if self._lines:
            line = bisect.bisect_right(self._line_starts, start) - 1
            if any(_matches(code, codes) for codes in self._lines.get(line, ())):
                return True
        # a finding that starts in a directive is about gwlint's own markup, not prose
        # (and a fix there, such as joining the comment to the next line, would move it)
        return any(d.span.start <= start < d.span.end for d in self.directives)


def suppressions_of(doc) -> Suppressions | None:
    """The suppressions of a Document, or None when it has no directive."""
    found = find_directives(doc.text, doc.kind)
    return Suppressions(found, doc.line_starts) if found else None


def _with_code(directive: Directive, code: str) -> str:
    codes = [*(directive.codes or ()), code]
    return f"<!-- gwlint-{directive.verb} {' '.join(codes)} -->"


def ignore_here(doc, code: str, offset: int):
    """The edit that silences ``code`` for a finding starting at ``offset``
    with a directive, or None where the format has no comments (or the line
    is code). Above the line (``disable-next-line``) when that starts a
    block, so no paragraph is split; at the end of the line
    (``disable-line``) inside a paragraph; an existing directive there gets
    the code added."""
    from .model import Edit

    if doc.kind not in COMMENT_KINDS:
        return None
    line = doc.line_at(offset)
    if doc.kind == "md" and line.number in _fenced_lines(doc.text, doc.line_starts):
        return None
    own = [d for d in find_directives(line.text, doc.kind) if d.verb == "disable-line"]
    if own:
        d = own[-1]
        if d.codes is None or code in d.codes:
            return None  # already silenced
        return Edit(line.start + d.span.start, line.start + d.span.end, _with_code(d, code))
    prev = doc.lines[line.number - 1] if line.number > 0 else None
    if prev is not None and prev.text.strip():
        above = find_directives(prev.text, doc.kind)
        if len(above) == 1 and above[0].verb == "disable-next-line" and \
                prev.text.strip() == prev.text[above[0].span.start:above[0].span.end]:
            d = above[0]
            if d.codes is None or code in d.codes:
                return None
            return Edit(prev.start + d.span.start, prev.start + d.span.end, _with_code(d, code))
        return Edit(line.end, line.end, f" <!-- gwlint-disable-line {code} -->")
    indent = line.text[:len(line.text) - len(line.text.lstrip(" \t"))]
    return Edit(line.start, line.start, f"{indent}<!-- gwlint-disable-next-line {code} -->{doc.newline}")
