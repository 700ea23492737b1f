"""PDF through pdftotext: the layout's wraps are joined, the draft's own line
breaks are kept (so LY001 sees what it sees in a .txt of the draft), page
numbers are dropped, and bad files are one-line errors."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from gwlint import InputError, lint_document as lint, load_bytes, load_path, load_text
from tests.helpers import ROOT
from tests.formats.makers import blank_pdf, needs, odt, soffice_convert

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def _seed_paragraphs(path) -> list[str]:
    return [p for p in path.read_text(encoding="utf-8").split("\n") if p.strip()]


def _pdf(tmp_path, paragraphs, name="draft", **kw):
    needs("pdftotext")
    src = tmp_path / f"{name}.odt"
    src.write_bytes(odt(paragraphs, **kw))
    return soffice_convert(src, "pdf", tmp_path)


def _ly001(doc) -> list[str]:
    return [doc.line_at(d.span.start).text for d in lint(doc) if d.code == "LY001"]


@pytest.mark.parametrize("seed", [SEEDS[0], SEEDS[2], SEEDS[3]], ids=lambda p: p.stem[:3])
def test_a_normal_draft_reads_as_its_paragraphs_without_wrap_alarms(tmp_path, seed):
    """Every paragraph wraps over several lines and pages in the PDF: none
    of those wraps is a finding, as none is in the .txt. (Seed 001 has
    “10 页”: a space typed between a digit and a Chinese character is as
    wide as the gap word processors leave there anyway, and is lost.)"""
    paragraphs = _seed_paragraphs(seed)
    doc = load_path(_pdf(tmp_path, paragraphs))
    # an indent typed as full-width spaces is the layout's indent in a PDF, as in a .docx
    assert doc.text.split("\n") == [p.lstrip("\u3000 ") for p in paragraphs]
    assert _ly001(doc) == _ly001(load_text("\n".join(paragraphs)))


@pytest.mark.parametrize("indent", ["0pt", "32pt"])
def test_a_hard_wrapped_draft_keeps_its_breaks(tmp_path, indent):
    """A draft whose author broke the lines (at 20 characters, narrower than
    the page): the PDF gives the same LY001 findings as the .txt."""
    paragraphs = _seed_paragraphs(SEEDS[0])[:8]
    wrapped = [p[i:i + 20] for p in paragraphs for i in range(0, len(p), 20)]
    doc = load_path(_pdf(tmp_path, wrapped, indent=indent))
    assert doc.text.split("\n") == wrapped
    expected = _ly001(load_text("\n".join(wrapped)))
    assert len(expected) > 20 and _ly001(doc) == expected


def test_page_numbers_are_dropped_and_paragraphs_run_on_across_pages(tmp_path):
    long = "作风建设永远在路上，必须常抓不懈、久久为功。" * 40  # two pages and more
    doc = load_path(_pdf(tmp_path, ["同志们：", long, "谢谢大家！"]))
    assert doc.text.split("\n") == ["同志们：", long, "谢谢大家！"]


def test_spacing_beside_latin_letters_and_digits(tmp_path):
    margin = "作风建设永远在路上，必须常抓不懈、久久为功。" * 4  # wraps: it shows where the margins are
    paragraphs = [margin, "2024年全市GDP增长5.2%，完成了World Bank项目。", "1\u3000总则", "目\u3000\u3000录", margin]
    assert load_path(_pdf(tmp_path, paragraphs)).text.split("\n") == paragraphs


def test_issue_17_pdf_no_longer_refused_as_binary(tmp_path):
    pdf = _pdf(tmp_path, ["请XX同志发言。"])
    out = subprocess.run([sys.executable, "-m", "gwlint", str(pdf)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 1 and "PH001" in out.stdout and "binary" not in out.stderr


def test_password_protected_pdf(tmp_path):
    needs("pdftotext")
    src = tmp_path / "secret.odt"
    src.write_bytes(odt(["机密文件"]))
    pdf = soffice_convert(src, 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
                               '"DocumentOpenPassword":{"type":"string","value":"secret"}}', tmp_path)
    with pytest.raises(InputError, match="password-protected") as exc:
        load_path(pdf)
    assert "\n" not in str(exc.value)


def test_truncated_pdf(tmp_path):
    data = _pdf(tmp_path, ["正文"]).read_bytes()
    with pytest.raises(InputError, match="damaged or truncated PDF"):
        load_bytes(data[:len(data) // 2], "cut.pdf")


def test_a_page_without_text_layer_is_a_scan():
    needs("pdftotext")
    with pytest.raises(InputError, match="no text layer"):
        load_bytes(blank_pdf(), "scan.pdf")


def test_not_a_pdf():
    with pytest.raises(InputError, match="not a PDF"):
        load_bytes(b"\x00\x01 not a pdf", "x.pdf")


def test_without_pdftotext_the_error_says_how_to_install(tmp_path):
    f = tmp_path / "x.pdf"
    f.write_bytes(blank_pdf())
    out = subprocess.run([sys.executable, "-m", "gwlint", str(f)], capture_output=True, text=True, timeout=60,
                         env=dict(os.environ, PATH=str(tmp_path / "empty")))
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert out.stderr.count("gwlint: error:") == 1 and "apt-get install poppler-utils" in out.stderr
