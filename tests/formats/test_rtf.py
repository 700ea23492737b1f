"""RTF through striprtf: Chinese as GBK bytes (Word, WPS) and as \\uN
escapes (LibreOffice, newer Word), tables, fields, and bad files."""
from __future__ import annotations

import pytest

from gwlint import InputError, lint_document as lint, load_bytes


def gbk(text: str) -> str:
    """Text as Word writes it in a Chinese RTF: \\'xx escapes of GBK bytes."""
    return "".join(c if c.isascii() else "".join(f"\\'{b:02x}" for b in c.encode("gbk")) for c in text)


# The way Word writes a Chinese RTF: the code page in the header, Chinese
# bytes under a Latin \f (charset 0) with a Chinese \dbch\af font.
WORD_HEADER = (r"{\rtf1\adeflang1025\ansi\ansicpg936\uc2\adeff31507\deff0\stshfdbch31505\stshfloch31506"
               r"\deflang1033\deflangfe2052{\fonttbl{\f0\fbidi \froman\fcharset0\fprq2 Times New Roman;}"
               r"{\f13\fbidi \fnil\fcharset134\fprq2 " + gbk("宋体") + r"{\*\falt SimSun};}"
               r"{\f31505\fbidi \fnil\fcharset134\fprq2 " + gbk("宋体") + r";}"
               r"{\f31506\fbidi \froman\fcharset0\fprq2 Calibri;}}"
               r"{\*\generator Microsoft Word 16.0;}{\info{\title " + gbk("讲话") + r"}{\author admin}}"
               "\n")


def word_paragraph(text: str) -> str:
    return (r"\pard\plain \ltrpar\qj\fi640 {\rtlch\fcs1 \af31507 \ltrch\fcs0 \hich\af31506\dbch\af31505"
            r"\loch\f31506 " + gbk(text) + r"}{\rtlch\fcs1 \af31507 \ltrch\fcs0 \par }" + "\n")


def word_rtf(*paragraphs: str, extra: str = "") -> bytes:
    return (WORD_HEADER + "".join(word_paragraph(p) for p in paragraphs) + extra + "}").encode("ascii")


def test_issue_17_word_rtf_is_read_not_taken_for_text():
    """Issue 17: .rtf was read as plain text, PH001 fired on `XX}{\\dbch` and
    every typo was missed."""
    data = word_rtf("同志们：", "请XX同志发言。希望大家再接再励。")
    doc = load_bytes(data, "speech.rtf")
    assert doc.text == "同志们：\n请XX同志发言。希望大家再接再励。"
    found = [(d.code, doc.text[d.span.start:d.span.end]) for d in lint(doc)]
    assert found == [("PH001", "XX"), ("TY002", "再接再励")]
    assert doc.kind == "rtf" and doc.paragraph_starts == (0, 5)


def test_unicode_escapes_with_fallback_bytes_and_astral_characters():
    # \uc2: each \uN is followed by two fallback bytes to skip; 𠀀 (U+20000) is a surrogate pair
    body = (r"\pard {\uc2\u20170\'bd\'f1\u22825\'cc\'ec" r"\u-10176\u-9216\'3f\'3f\uc1\u12290\'3f}\par ")
    doc = load_bytes((WORD_HEADER + body + "}").encode("ascii"), "x.rtf")
    assert doc.text == "今天\U00020000。"


def test_ansi_font_bytes_use_the_document_code_page():
    """A Latin font (charset 0) over GBK bytes: the bytes are decoded as GBK,
    not as cp1252 (what striprtf would do alone)."""
    data = (r"{\rtf1\ansi\ansicpg936{\fonttbl{\f0\fnil\fcharset0 Arial;}}\f0 " + gbk("作风建设") + r"\par}").encode()
    assert load_bytes(data, "x.rtf").text == "作风建设"


def test_table_cells_are_paragraphs_and_escapes_are_literal():
    table = (r"\trowd\cellx2000\cellx4000\pard\intbl {" + gbk("单位") + r"}\cell {" + gbk("责任人") + r"}\cell \row"
             "\n" r"\trowd\cellx2000\cellx4000\pard\intbl {A\\cell \{B\}}\cell {}\cell \row" "\n")
    doc = load_bytes(word_rtf("表格前", extra=table + word_paragraph("表格后")), "x.rtf")
    assert doc.text.split("\n") == ["表格前", "单位", "责任人", r"A\cell {B}", "", "表格后"]


def test_hyperlinks_keep_their_shown_text_only():
    link = (r"{\field{\*\fldinst {HYPERLINK " '"http://www.gov.cn/"' r"}}{\fldrslt {" + gbk("中国政府网") + r"}}}")
    doc = load_bytes(word_rtf("见", extra=r"\pard " + link + r"\par "), "x.rtf")
    assert doc.text.split("\n")[-1] == "中国政府网"


def test_headers_footers_and_footnotes_are_left_out():
    extra = (r"{\header \pard " + gbk("页眉") + r"\par}{\footer \pard " + gbk("页脚") + r"\par}"
             r"\pard " + gbk("正文") + r"{\footnote \pard " + gbk("脚注") + r"}" + gbk("继续") + r"\par ")
    assert load_bytes(word_rtf(extra=extra), "x.rtf").text == "正文继续"


@pytest.mark.parametrize("data, message", [
    (b"just some text", "not an RTF file"),
    (b"\x00\x01\x02binary", "not an RTF file"),
    (word_rtf("同志们：", "今天开会。")[:-40], "truncated"),
    (r"{\rtf1\ansi\ansicpg936 {\f0 ".encode() + b"\\'ff\\'ff" * 200 + b"}}", "cannot be decoded"),
])
def test_bad_files_are_one_line_errors(data, message):
    with pytest.raises(InputError, match=message) as exc:
        load_bytes(data, "bad.rtf")
    assert "\n" not in str(exc.value)


def test_text_after_the_document_group_is_ignored():
    data = word_rtf("正文") + b"\x00\x00trailing junk {"
    assert load_bytes(data, "x.rtf").text == "正文"
