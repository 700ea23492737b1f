"""Inline directives in Markdown: every form, applied by lint() itself (so
the CLI, the API and the language server agree), never read inside code."""
import logging

import pytest

from gwlint import Document
from gwlint.api import lint_document
from gwlint.config import Config
from gwlint.suppress import find_directives, ignore_here

PH = "请XX同志发言。"  # PH001 on XX
PU = "会议到此结束。。"  # PU003 on 。。
CFG = Config(select=("PH001", "PU003"))


def found(text, path="a.md", cfg=CFG):
    """(code, 1-based line) of every finding."""
    doc = Document(text, path=path)
    return [(d.code, doc.position(d.span.start)[0] + 1) for d in lint_document(doc, cfg)]


def md(*lines):
    return "\n".join(lines) + "\n"


def test_without_directives_both_rules_fire():
    assert found(md(PH, PU)) == [("PH001", 1), ("PU003", 2)]


def test_disable_until_enable():
    text = md(PH, "<!-- gwlint-disable -->", PH, PU, "<!-- gwlint-enable -->", PH)
    assert found(text) == [("PH001", 1), ("PH001", 6)]


def test_disable_without_enable_runs_to_the_end():
    assert found(md(PH, "<!-- gwlint-disable PH001 -->", PH, PU, PH)) == [("PH001", 1), ("PU003", 4)]


def test_codes_and_prefixes_commas_and_case():
    assert found(md("<!-- gwlint-disable ph, PU003 -->", PH, PU)) == []
    assert found(md("<!-- gwlint-disable PU -->", PH, PU)) == [("PH001", 2)]
    assert found(md("<!-- gwlint-disable ALL -->", PH, PU)) == []


def test_enable_some_codes_of_a_disable_all():
    text = md("<!-- gwlint-disable -->", PH, PU, "<!-- gwlint-enable PU -->", PH, PU)
    assert found(text) == [("PU003", 6)]


def test_overlapping_ranges_last_directive_for_a_code_decides():
    text = md("<!-- gwlint-disable PH PU -->",     # 1
              PH, PU,                              # 2, 3: both off
              "<!-- gwlint-enable PU003 -->",      # 4
              PH, PU,                              # 5, 6: PU back on
              "<!-- gwlint-disable PU003 -->",     # 7
              "<!-- gwlint-enable PH -->",         # 8
              PH, PU,                              # 9, 10: PH on, PU off
              "<!-- gwlint-enable -->",            # 11
              PH, PU)                              # 12, 13: all on
    assert found(text) == [("PU003", 6), ("PH001", 9), ("PH001", 12), ("PU003", 13)]


def test_nested_disables_are_not_counted():
    """As in ESLint and markdownlint: one enable ends a disable however many there were."""
    text = md("<!-- gwlint-disable PH001 -->", "<!-- gwlint-disable PH001 -->", PH,
              "<!-- gwlint-enable PH001 -->", PH)
    assert found(text) == [("PH001", 5)]


def test_disable_next_line():
    text = md("<!-- gwlint-disable-next-line PH001 -->", PH + PU, PH + PU)
    assert found(text) == [("PU003", 2), ("PH001", 3), ("PU003", 3)]
    assert found(md("<!-- gwlint-disable-next-line -->", PH + PU, PH)) == [("PH001", 3)]


def test_disable_next_line_after_text_on_its_line_and_the_line_it_is_on_is_not_covered():
    text = md(PH + "<!-- gwlint-disable-next-line PH001 -->", PH)
    assert found(text) == [("PH001", 1)]


def test_disable_next_line_at_the_end_of_the_file():
    assert found(PH + "\n<!-- gwlint-disable-next-line PH001 -->") == [("PH001", 1)]
    assert found(PH + "\n<!-- gwlint-disable-next-line PH001 -->\n") == [("PH001", 1)]


def test_disable_line():
    assert found(md(PH + " <!-- gwlint-disable-line PH001 -->", PH)) == [("PH001", 2)]


def test_a_directive_spread_over_lines_counts_from_its_last_line():
    text = "<!--\n  gwlint-disable-next-line\n  PH001\n-->\n" + PH + "\n"
    assert find_directives(text, "md")[0].codes == ("PH001",)
    assert found(text) == []


def test_a_reason_after_two_dashes_is_ignored():
    assert found(md("<!-- gwlint-disable-next-line PH001 -- 模板，姓名待定 -->", PH)) == []


@pytest.mark.parametrize("fence", ["```", "~~~", "````", "```text"])
def test_directives_inside_fenced_code_are_text(fence):
    close = fence.rstrip("text")
    text = md(fence, "<!-- gwlint-disable -->", close, PH, PU)
    assert find_directives(text, "md") == []
    assert found(text) == [("PH001", 4), ("PU003", 5)]


def test_fences_in_lists_and_quotes_and_unclosed_fences():
    assert find_directives(md("- 例子：", "", "    ```", "    <!-- gwlint-disable -->", "    ```"), "md") == []
    assert find_directives(md("> ```", "> <!-- gwlint-disable -->", "> ```"), "md") == []
    assert find_directives(md("```", "<!-- gwlint-disable -->"), "md") == []  # runs to the end
    # a shorter or a different fence does not close it
    assert find_directives(md("````", "```", "<!-- gwlint-disable -->", "~~~~", "````"), "md") == []


def test_after_the_fence_directives_work_again():
    text = md("```", "<!-- gwlint-disable -->", "```", "<!-- gwlint-disable-next-line -->", PH, PH)
    assert found(text) == [("PH001", 6)]


def test_directives_in_inline_code_are_text():
    text = md("写 `<!-- gwlint-disable -->` 可以关闭检查。", PH)
    assert find_directives(text, "md") == []
    assert found(text) == [("PH001", 2)]
    # after a closed code span on the same line, a directive is a directive
    assert len(find_directives(md("用 `x` 标记 <!-- gwlint-disable -->"), "md")) == 1


def test_plain_text_and_word_have_no_directives():
    text = md("<!-- gwlint-disable -->", PH)
    assert found(text, path="a.txt") == [("PH001", 2)]
    assert found(text, path="a.docx") == [("PH001", 2)]


def test_other_comments_and_near_misses_are_not_directives():
    text = md("<!-- 注意：gwlint-disable 不在开头 -->", "<!-- gwlint -->", PH)
    assert found(text) == [("PH001", 3)]


def test_unknown_codes_are_a_warning_and_never_widen_the_directive(caplog):
    caplog.set_level(logging.WARNING, logger="gwlint")
    text = md("<!-- gwlint-disable-next-line XY123 -->", PH, "<!-- gwlint-disable-next-line XY124 PU -->", PH + PU)
    assert found(text, path="warn-a.md") == [("PH001", 2), ("PH001", 4)]
    messages = [r.getMessage() for r in caplog.records]
    assert "warn-a.md:1: gwlint-disable-next-line: unknown rule code or prefix 'XY123', ignored" in messages
    assert any("warn-a.md:3:" in m and "'XY124'" in m for m in messages)


def test_a_misspelt_directive_is_a_warning(caplog):
    caplog.set_level(logging.WARNING, logger="gwlint")
    assert found(md("<!-- gwlint-disabel PH001 -->", PH), path="warn-b.md") == [("PH001", 2)]
    assert any(m.startswith("warn-b.md:1: unknown directive 'gwlint-disabel'") for m in caplog.messages)


def test_a_warning_is_given_once_not_on_every_lint(caplog):
    caplog.set_level(logging.WARNING, logger="gwlint")
    text = md("<!-- gwlint-disable QQ9 -->", PH)
    for _ in range(3):
        found(text, path="warn-c.md")
    assert sum("warn-c.md" in m for m in caplog.messages) == 1


def test_findings_that_start_in_a_directive_are_about_its_markup():
    """LY001 (a hard line break) must not offer to join a directive to the next
    line: that would move what it applies to."""
    lines = ["这是一段按固定宽度断开的文字，一行大约有三十个汉字那么宽，最后没有句号"] * 6
    text = md(*lines[:3], "<!-- gwlint-disable-next-line PH001 -->", *lines[3:])
    doc = Document(text, path="a.md")
    start, end = text.index("<!--"), text.index("-->") + 3
    assert not [d for d in lint_document(doc) if start <= d.span.start < end]


def test_fix_respects_directives():
    """--fix relints through lint(): a silenced finding's fix is not applied."""
    from gwlint.fixes import fix_text

    text = md("<!-- gwlint-disable-next-line PU003 -->", PU, PU)
    fixed, _ = fix_text(text, lambda t: lint_document(Document(t, path="a.md"), CFG))
    assert fixed == md("<!-- gwlint-disable-next-line PU003 -->", PU, "会议到此结束。")


def _apply(text, edit):
    return text[:edit.start] + edit.text + text[edit.end:]


@pytest.mark.parametrize("text, line, want", [
    # the first line of a block: a directive above it
    (md(PH), 0, md("<!-- gwlint-disable-next-line PH001 -->", PH)),
    (md("前言。", "", PH), 2, md("前言。", "", "<!-- gwlint-disable-next-line PH001 -->", PH)),
    (md("- 第一项", "", "  " + PH), 2, md("- 第一项", "", "  <!-- gwlint-disable-next-line PH001 -->", "  " + PH)),
    # inside a paragraph: at the end of the line, so the paragraph is not split
    (md("前言，", PH), 1, md("前言，", PH + " <!-- gwlint-disable-line PH001 -->")),
    # an existing directive gets the code
    (md("<!-- gwlint-disable-next-line PU003 -->", PH), 1, md("<!-- gwlint-disable-next-line PU003 PH001 -->", PH)),
    (md("前言，", PH + " <!-- gwlint-disable-line PU -->"), 1,
     md("前言，", PH + " <!-- gwlint-disable-line PU PH001 -->")),
])
def test_ignore_here_writes_a_directive_that_silences_exactly_that_finding(text, line, want):
    doc = Document(text, path="a.md")
    offset = doc.lines[line].start + doc.lines[line].text.index("XX")
    edit = ignore_here(doc, "PH001", offset)
    assert _apply(text, edit) == want
    assert ("PH001", line + 2 if want.count("\n") > text.count("\n") else line + 1) not in found(want)


def test_ignore_here_keeps_crlf_and_is_none_where_it_cannot_help():
    doc = Document("前言。\r\n\r\n" + PH + "\r\n", path="a.md")
    edit = ignore_here(doc, "PH001", doc.text.index("XX"))
    assert edit.text == "<!-- gwlint-disable-next-line PH001 -->\r\n"
    assert ignore_here(Document(PH, path="a.txt"), "PH001", 1) is None  # no comments in plain text
    assert ignore_here(Document(md("```", PH, "```"), path="a.md"), "PH001", 5) is None  # code
    done = Document(md("<!-- gwlint-disable-next-line -->", PH), path="a.md")
    assert ignore_here(done, "PH001", done.text.index("XX")) is None  # already silenced
