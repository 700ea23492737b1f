"""OpenDocument text read natively: reading order, ODF white space, what is
left out, and every kind of bad file refused in one line."""
from __future__ import annotations

import io
import zipfile

import pytest

from gwlint import InputError, load_bytes
from gwlint.formats import _zip
from tests.formats.makers import CONTENT, odt, odt_package


def _body(xml: str) -> list[str]:
    data = odt([], body_xml=xml, footer=False)
    return load_bytes(data, "x.odt").text.split("\n")


def test_headings_lists_tables_and_sections_in_reading_order():
    xml = ('<text:h text:outline-level="1">一、总体要求</text:h>'
           '<text:list><text:list-item><text:p>第一项</text:p></text:list-item>'
           '<text:list-item><text:p>第二项</text:p></text:list-item></text:list>'
           '<table:table><table:table-row><table:table-cell><text:p>甲</text:p><text:p>甲续</text:p>'
           '</table:table-cell><table:table-cell><text:p>乙</text:p></table:table-cell></table:table-row>'
           '</table:table>'
           '<text:section><text:p>节内段落</text:p></text:section>')
    assert _body(xml) == ["一、总体要求", "第一项", "第二项", "甲", "甲续", "乙", "节内段落"]


def test_spaces_tabs_and_line_breaks():
    xml = ('<text:p><text:s text:c="2"/>缩进<text:tab/>制表  多个空格\n换行符\t<text:line-break/>'
           '第二行<text:span>，跨度</text:span><text:a>链接</text:a></text:p>')
    # text:s and text:tab are kept; a run of white space in the XML is one space
    assert _body(xml) == ["  缩进\t制表 多个空格 换行符 ", "第二行，跨度链接"]


def test_leading_white_space_of_a_paragraph_is_ignored():
    assert _body("<text:p>\n   开头</text:p>") == ["开头"]


def test_notes_comments_and_tracked_deletions_are_left_out():
    xml = ('<text:tracked-changes><text:changed-region text:id="c1"><text:deletion><text:p>删除的文字</text:p>'
           '</text:deletion></text:changed-region></text:tracked-changes>'
           '<text:p>正文<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation>'
           '<text:note-body><text:p>脚注</text:p></text:note-body></text:note>继续'
           '<office:annotation><dc:creator>审稿人</dc:creator><text:p>批注</text:p></office:annotation>。'
           '<text:change text:change-id="c1"/></text:p>')
    assert _body(xml) == ["正文继续。"]


def test_text_boxes_follow_their_paragraph():
    xml = ('<text:p>锚定段落<draw:frame draw:name="f"><draw:text-box><text:p>文本框</text:p></draw:text-box>'
           '</draw:frame>后文</text:p><text:p>下一段</text:p>')
    assert _body(xml) == ["锚定段落后文", "文本框", "下一段"]


def test_paragraph_starts_map_offsets_to_paragraphs():
    doc = load_bytes(odt(["第一段", "第二段XX"], footer=False), "x.odt")
    assert doc.paragraph_starts == (0, 4)
    assert doc.kind == "odt" and doc.encoding == "odt"


BAD = {
    "not a zip": (b"plain text, not a zip", "not a zip file"),
    "truncated zip": (odt(["正文"])[:200], "damaged or truncated"),
    "a spreadsheet": (odt_package(CONTENT.format(indent="0pt", body=""),
                                  mimetype="application/vnd.oasis.opendocument.spreadsheet"),
                      "not an OpenDocument text"),
    "malformed XML": (odt_package("<office:document-content>"), "malformed XML"),
    "an entity bomb": (odt_package('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
                                   '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><d>&b;</d>'), "refused"),
    "an external entity": (odt_package('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                                       '<d>&x;</d>'), "refused"),
    "no body": (odt_package('<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:'
                            'office:1.0"/>'), "no office:text body"),
    "password-protected": (odt_package(CONTENT.format(indent="0pt", body=""), manifest=(
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        '<manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/></manifest:file-entry>'
        '</manifest:manifest>')), "password-protected"),
}


@pytest.mark.parametrize("case", BAD)
def test_bad_files_are_one_line_errors(case):
    data, message = BAD[case]
    with pytest.raises(InputError, match=message) as exc:
        load_bytes(data, "bad.odt")
    assert "\n" not in str(exc.value) and str(exc.value).startswith("bad.odt: ")


def test_missing_content_xml():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    with pytest.raises(InputError, match="content.xml is missing"):
        load_bytes(buf.getvalue(), "x.odt")


def test_zip_bomb_refused_before_expanding(monkeypatch):
    monkeypatch.setattr(_zip, "MAX_UNCOMPRESSED", 10_000)
    with pytest.raises(InputError, match="zip bomb"):
        load_bytes(odt(["作风建设" * 5000]), "big.odt")


def test_one_part_is_bounded_on_what_is_read(monkeypatch):
    monkeypatch.setattr(_zip, "MAX_MEMBER", 5_000)
    with pytest.raises(InputError, match="zip bomb"):
        load_bytes(odt(["作风建设" * 5000]), "big.odt")
