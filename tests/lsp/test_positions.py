"""Position units and ranges, in-process: the per-line unit tables give the
positions a character-by-character count gives (in all three encodings),
and which findings a cursor or a selection touches (half-open spans)."""
from hypothesis import given, settings, strategies as st
from lsprotocol import types

from gwlint.lsp.convert import Positions, position_to_offset
from gwlint.lsp.server import findings_at
from gwlint.model import Diagnostic, Document, Span

ENCODINGS = ("utf-8", "utf-16", "utf-32")
# ASCII, CJK, a two-byte letter, an astral character, a lone surrogate and every line break
TEXT = st.text(alphabet=st.sampled_from(list("ab 中文é𠮷\ud800\r\n")), max_size=60)


def naive_units(s: str, encoding: str) -> int:
    if encoding == "utf-8":
        return len(s.encode("utf-8", "surrogatepass"))
    return len(s) if encoding == "utf-32" else len(s.encode("utf-16-le", "surrogatepass")) // 2


def naive_offset(doc: Document, pos: types.Position, encoding: str) -> int:
    if pos.line >= len(doc.lines):
        return len(doc.text)
    line = doc.lines[pos.line]
    used = 0
    for i, c in enumerate(line.text):
        if used >= pos.character:
            return line.start + i
        used += naive_units(c, encoding)
    return line.end


@settings(max_examples=300, deadline=None)
@given(TEXT, st.data())
def test_tables_agree_with_counting_characters(text, data):
    doc = Document(text)
    for enc in ENCODINGS:
        positions = Positions(doc, enc)
        for offset in range(len(text) + 1):
            line, col = doc.position(offset)
            col = min(col, len(doc.lines[line].text))
            want = types.Position(line=line, character=naive_units(doc.lines[line].text[:col], enc))
            assert positions.position(offset) == want, (text, offset, enc)
        pos = types.Position(line=data.draw(st.integers(0, len(doc.lines))), character=data.draw(st.integers(0, 130)))
        assert positions.offset(pos) == naive_offset(doc, pos, enc) == position_to_offset(doc, pos, enc)


def test_a_long_line_with_astral_characters():
    line = ("请𠮷XX同志发言。" * 12000)
    doc = Document("标题\n" + line + "\n")
    for enc in ENCODINGS:
        positions = Positions(doc, enc)
        for offset in (3, 4, 5, 6, 50_000, 50_003, len(doc.text) - 1):
            p = positions.position(offset)
            assert p.character == naive_units(doc.text[3:offset], enc) and p.line == 1
            assert positions.offset(p) == offset


def _finding(start, end):
    return Diagnostic("PH001", "m", Span(start, end), None)


def test_half_open_findings_at_a_cursor_and_a_selection():
    found = [_finding(2, 4), _finding(4, 4), _finding(6, 9)]
    assert findings_at(found, 2, 2) == [0]
    assert findings_at(found, 3, 3) == [0]
    assert findings_at(found, 4, 4) == [1]  # [2, 4) ends here: not under the cursor; the empty one at 4 is
    assert findings_at(found, 5, 5) == []
    assert findings_at(found, 9, 9) == []
    assert findings_at(found, 0, 2) == []  # a selection that ends where a finding starts
    assert findings_at(found, 0, 3) == [0]
    assert findings_at(found, 3, 7) == [0, 1, 2]
    assert findings_at(found, 4, 6) == [1]
