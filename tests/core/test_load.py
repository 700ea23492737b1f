"""Decoding: BOM, then UTF-8, then GB18030; the text is kept exactly."""
import codecs

import pytest

from gwlint import InputError, load_bytes, load_path
from gwlint.load import encode

TEXT = "同志们：\r\n今天我们召开会议，请XX同志发言。\n最后一行\r"


@pytest.mark.parametrize("data, encoding, bom", [
    (TEXT.encode("utf-8"), "utf-8", False),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8", True),
    (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le", True),
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be", True),
    (TEXT.encode("gbk"), "gb18030", False),
    (TEXT.encode("gb18030"), "gb18030", False),
])
def test_decoding_keeps_text_exactly(data, encoding, bom):
    doc = load_bytes(data, "x.txt")
    assert doc.text == TEXT
    assert (doc.encoding, doc.bom) == (encoding, bom)
    assert encode(doc, doc.text) == data


def test_gbk_file_is_linted(tmp_path):
    from gwlint.api import lint_document as lint

    f = tmp_path / "gbk.txt"
    f.write_bytes("请XX同志发言。".encode("gbk"))
    doc = load_path(f)
    assert [d.code for d in lint(doc)] == ["PH001"]


def test_utf16_without_bom():
    doc = load_bytes("请XX同志发言。".encode("utf-16-le"), "x.txt")
    assert doc.text == "请XX同志发言。"


def test_lines_for_every_ending():
    doc = load_bytes(TEXT.encode("utf-8"), "x.txt")
    assert [l.text for l in doc.lines] == ["同志们：", "今天我们召开会议，请XX同志发言。", "最后一行", ""]
    assert doc.position(TEXT.index("XX")) == (1, 10)


def test_size_limit(tmp_path):
    f = tmp_path / "big.txt"
    f.write_bytes(b"a" * 2000)
    with pytest.raises(InputError, match="over the limit"):
        load_path(f, max_size=1000)


def test_bom_with_invalid_utf8():
    with pytest.raises(InputError):
        load_bytes(codecs.BOM_UTF8 + b"\xff\xff", "x.txt")
