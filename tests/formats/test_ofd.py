"""OFD (GB/T 33190) read from its XML: text runs placed by X/Y grouped into
lines and paragraphs, whatever order and pieces the writer used; bad
packages refused in one line."""
from __future__ import annotations

import subprocess
import sys

import pytest

from gwlint import InputError, lint_document as lint, load_bytes, load_text
from gwlint.formats.ofd import _deltas
from tests.formats.conftest import BODY, TITLE
from tests.formats.makers import ofd, zip_files

PARAGRAPHS = [TITLE, *BODY]


def _read(data: bytes) -> list[str]:
    return load_bytes(data, "x.ofd").text.split("\n")


def test_runs_in_any_order_and_pieces_read_the_same():
    """Converters write a line as several runs and objects, not always in
    reading order, and locate parts absolutely or relatively."""
    plain = _read(ofd(BODY, title=TITLE))
    assert plain == PARAGRAPHS
    for seed in range(3):
        assert _read(ofd(BODY, title=TITLE, split_runs=True, shuffle=True, absolute_locs=True, seed=seed)) == plain


def test_paragraphs_run_on_across_pages_and_page_numbers_are_dropped():
    long = "作风建设永远在路上，必须常抓不懈、久久为功。" * 60  # three pages
    assert _read(ofd(["同志们：", long, "谢谢大家！"])) == ["同志们：", long, "谢谢大家！"]


def test_a_hard_wrapped_draft_keeps_its_breaks():
    """Lines the author broke at 16 characters, narrower than the page: the
    same LY001 findings as the .txt; the page's own wraps give none."""
    paragraphs = [p for p in BODY if len(p) > 30]
    wrapped = [p[i:i + 16] for p in paragraphs for i in range(0, len(p), 16)]
    doc = load_bytes(ofd(paragraphs, wrap_at=16, indent=False), "x.ofd")
    assert doc.text.split("\n") == wrapped
    txt = load_text("\n".join(wrapped))
    ly001 = [d.span for d in lint(txt) if d.code == "LY001"]
    assert len(ly001) > 5 and [d.span for d in lint(doc) if d.code == "LY001"] == ly001
    assert not [d for d in lint(load_bytes(ofd(paragraphs), "y.ofd")) if d.code == "LY001"]


def test_findings_are_reported_by_paragraph():
    doc = load_bytes(ofd(["同志们：", "请XX同志发言。"]), "x.ofd")
    (d,) = [d for d in lint(doc) if d.code == "PH001"]
    assert doc.paragraph_starts == (0, 5) and d.span.start == 6


def test_delta_x_with_g_repeats():
    assert _deltas("g 3 5.6 2 g 2 1") == [5.6, 5.6, 5.6, 2.0, 1.0, 1.0]
    assert _deltas("") == [] and _deltas("g x y") == [] and _deltas("1 z") == [1.0, 0.0]


def test_issue_17_ofd_is_linted(tmp_path):
    f = tmp_path / "公文.ofd"
    f.write_bytes(ofd(["同志们：", "请XX同志发言。"]))
    out = subprocess.run([sys.executable, "-m", "gwlint", str(f)], capture_output=True, text=True, timeout=60)
    assert out.returncode == 1 and "PH001" in out.stdout


def _package(**parts) -> bytes:
    good = {"OFD.xml": '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml'
                       '</ofd:DocRoot></ofd:DocBody></ofd:OFD>',
            "Doc_0/Document.xml": '<ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Pages><ofd:Page ID="1" '
                                  'BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>',
            "Doc_0/Pages/Page_0/Content.xml": '<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content/>'
                                              '</ofd:Page>'}
    good.update(parts)
    return zip_files({k: v for k, v in good.items() if v is not None})


BAD = {
    "not a zip": (b"%PDF-1.4 not an ofd", "not a zip file"),
    "truncated": (ofd(["正文"])[:300], "damaged or truncated"),
    "no OFD.xml": (zip_files({"a.txt": "x"}), "OFD.xml is missing"),
    "wrong root": (_package(**{"OFD.xml": "<html/>"}), "no ofd:OFD root"),
    "no DocRoot": (_package(**{"OFD.xml": '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"/>'}), "no DocBody/DocRoot"),
    "missing page": (_package(**{"Doc_0/Pages/Page_0/Content.xml": None}), "Content.xml is missing"),
    "entity bomb": (_package(**{"OFD.xml": '<!DOCTYPE a [<!ENTITY x "xx">]><a>&x;</a>'}), "refused"),
    "no text": (_package(), "no text objects"),
    "encrypted": (_package(**{"Doc_0/Encryptions.xml": "<x/>"}), "encrypted"),
}


@pytest.mark.parametrize("case", BAD)
def test_bad_packages_are_one_line_errors(case):
    data, message = BAD[case]
    with pytest.raises(InputError, match=message) as exc:
        load_bytes(data, "bad.ofd")
    assert "\n" not in str(exc.value) and str(exc.value).startswith("bad.ofd: ")
