"""Property tests over arbitrary Unicode text: lint() never fails, spans are
sound, fixes apply cleanly and are idempotent."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gwlint import Config, Document
from gwlint.engine import lint
from gwlint.rules import bundled_registry
from gwlint.fixes import apply_edits, choose_edits, fix_text

PIECES = st.sampled_from([
    "𠮷", "e\u0301", "\x00", "\x07", "\r", "\r\n", "\n", "\u2028", "\t", "\u3000", " ",
    ",", ".", ":", ";", "?", "!", "(", ")", '"', "'", "，", "。", "、", "；", "：", "？", "！",
    "“", "”", "‘", "’", "《", "》", "（", "）", "【", "】", "……", "——", "...", "--",
    "X", "XX", "*", "**", "×", "某某", "○○", "一、", "（一）", "1.", "（1）", "一是", "第一",
    "2020", "２０２３", "年", "月", "日", "的", "地", "得", "旗帜鲜明", "市帜鲜明", "纪委纪委",
    "四个意识", "习近平", "同志", "同志们：", "讲话", "http://a.cn/x", "10:30", "3.14", "v1.2.3",
])
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=4)), max_size=40).map("".join)

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _lint_strict(text: str, path: str = "x.txt"):
    errors = []
    found = lint(Document(text, path=path), Config(), bundled_registry(),
                 on_error=lambda checker, exc: errors.append((checker.key, repr(exc))))
    assert not errors, errors
    return found


@SETTINGS
@given(TEXT, st.sampled_from(["x.txt", "x.md"]))
def test_lint_never_fails_and_spans_are_sound(text, path):
    for d in _lint_strict(text, path):
        assert 0 <= d.span.start <= d.span.end <= len(text)
        assert d.name and d.severity and d.message
        if d.fix:
            for e in d.fix.edits:
                assert 0 <= e.start <= e.end <= len(text)
        for span, _ in d.related:
            assert 0 <= span.start <= span.end <= len(text)


@SETTINGS
@given(TEXT)
def test_fixes_apply_cleanly(text):
    found = _lint_strict(text)
    for unsafe in (False, True):
        edits = choose_edits(found, unsafe=unsafe)
        apply_edits(text, edits)  # raises on overlap or out-of-range


@SETTINGS
@given(TEXT)
def test_fixing_twice_is_fixing_once(text):
    once, _ = fix_text(text, lambda t: _lint_strict(t))
    twice, _ = fix_text(once, lambda t: _lint_strict(t))
    assert twice == once


@SETTINGS
@given(TEXT, st.data())
def test_lsp_positions_round_trip_in_every_encoding(text, data):
    from gwlint.model import Document
    from gwlint.lsp.convert import offset_to_position, position_to_offset

    doc = Document(text)
    offset = data.draw(st.integers(min_value=0, max_value=len(text)))
    # an offset inside a \r\n pair maps to the line end; compare line-relative offsets
    line = doc.lines[doc.position(offset)[0]]
    offset = min(offset, line.end)
    for enc in ("utf-8", "utf-16", "utf-32"):
        pos = offset_to_position(doc, offset, enc)
        assert position_to_offset(doc, pos, enc) == offset
