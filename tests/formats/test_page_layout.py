"""Positioned lines back into paragraphs (the part PDF and OFD share),
on pages laid out here: points, a 595×842 page, 16-point type."""
from __future__ import annotations

import pytest

from gwlint.formats.layout import Page, TextLine, paragraphs, space_for_gap

EM = 16.0
LEFT, RIGHT = 80.0, 515.0


def page(*lines: tuple[float, float, str], top: float = 100.0, pitch: float = 28.0) -> Page:
    """Lines given as (x0, x1, text), one under the other."""
    p = Page(595.0, 842.0)
    for i, (x0, x1, text) in enumerate(lines):
        y = top + i * pitch
        p.lines.append(TextLine(x0, x1, y, y + EM * 1.3, text, em=EM))
    return p


def full(text: str, indent: bool = False) -> tuple[float, float, str]:
    return (LEFT + (2 * EM if indent else 0), RIGHT, text)


def short(text: str, indent: bool = False) -> tuple[float, float, str]:
    x0 = LEFT + (2 * EM if indent else 0)
    return (x0, x0 + len(text) * EM, text)


def test_wraps_join_and_indents_start_paragraphs():
    p = page(full("第一段第一行", True), full("第一段第二行"), short("第一段完。"),
             full("第二段第一行", True), short("第二段完。"))
    assert paragraphs([p]) == ["第一段第一行第一段第二行第一段完。", "第二段第一行第二段完。"]


def test_a_short_line_is_a_break_the_author_made():
    p = page(full("满行", True), full("满行"), short("作者在这里回车"), short("下一行不缩进"), full("满行"), short("完。"))
    assert paragraphs([p]) == ["满行满行作者在这里回车", "下一行不缩进", "满行完。"]


def test_a_wider_gap_starts_a_paragraph():
    p = page(full("甲"), full("乙"), short("丙"))
    p.lines[2].top += 20
    p.lines[2].bottom += 20
    assert paragraphs([p]) == ["甲乙", "丙"]


@pytest.mark.parametrize("number", ["— 3 —", "- 3 -", "3", "第3页", "第 3 页 共 9 页", "3/9", "－3－"])
def test_page_numbers_at_the_foot_are_dropped(number):
    p1 = page(full("跨页段落", True), full("第一页末行"))
    p1.lines.append(TextLine(280.0, 320.0, 790.0, 790.0 + EM * 1.3, number, em=EM))
    p2 = page(full("第二页首行"), short("完。"))
    assert paragraphs([p1, p2]) == ["跨页段落第一页末行第二页首行完。"]


def test_a_number_in_the_body_is_kept():
    p = page(short("一、表格", True), short("3", True), short("完。", True), top=300)
    assert paragraphs([p]) == ["一、表格", "3", "完。"]


def test_latin_words_keep_their_space_across_a_wrap_numbers_do_not():
    p = page(full("完成了World", True), full("Bank项目，共20"), short("24个。"))
    assert paragraphs([p]) == ["完成了World Bank项目，共2024个。"]


@pytest.mark.parametrize("before, after, gap, expected", [
    ("2024", "年", 0.2 * EM, ""),  # a word processor's own gap between digits and Chinese
    ("2024", "年", 0.6 * EM, " "),
    ("World", "Bank", 0.25 * EM, " "),
    ("5", "G", 0.2 * EM, ""),  # “5G” with the digit in the Chinese font
    ("目", "录", 2 * EM, "\u3000\u3000"),
    ("1", "总则", 1 * EM, "\u3000"),
    ("调查", "，", 0.05 * EM, ""),
])
def test_space_for_gap(before, after, gap, expected):
    assert space_for_gap(before, after, gap, EM) == expected


def test_lines_broken_short_of_the_mirrored_margin_are_not_wraps():
    """Every line ends at the same place, far short of where the left margin
    says the right one is: the author broke them, not the page."""
    lines = [short("作者按二十个字断行的一行文字作者按二十个字断", False) for _ in range(6)]
    assert len(paragraphs([page(*lines)])) == 6


def test_spaces_typed_at_the_start_of_a_line_indent_it():
    """OFD writers may keep a typed indent as ideographic-space glyphs."""
    p = page(full("\u3000\u3000第一段"), full("满行"), full("\u3000\u3000第二段"), short("完。"))
    assert paragraphs([p]) == ["第一段满行", "第二段完。"]
