"""The same draft in every format reads as the same paragraphs and gets the
same findings, reported as paragraph and character, as the .txt."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from gwlint import lint_document as lint, load_path, load_text
from tests.formats.conftest import PARAGRAPHS, TABLE
from tests.formats.makers import needs

CELLS = [c for row in TABLE for c in row]
TXT_FINDINGS = [("PH001", "XX"), ("TY002", "再接再励")]


def _paragraphs(doc) -> list[str]:
    return [p for p in doc.text.split("\n") if p]  # LibreOffice may add an empty last paragraph


def _source(made, made_as, fmt):
    if fmt in ("odt", "ofd"):
        return made[fmt]
    if fmt == "pdf":
        needs("pdftotext")
    if fmt == "wps":  # WPS Office writes the Word 97–2003 compound format under its own suffix
        wps = made["folder"] / "draft.wps"
        wps.write_bytes(made_as("doc").read_bytes())
        return wps
    return made_as(fmt)


@pytest.mark.parametrize("fmt", ["odt", "ofd", "rtf", "docx", "doc", "wps", "pdf"])
def test_paragraphs_and_findings_match_the_txt(made, made_as, fmt):
    doc = load_path(_source(made, made_as, fmt))
    assert doc.kind == fmt and not doc.writable
    expected = PARAGRAPHS + ([] if fmt == "ofd" else CELLS)  # the hand-made OFD has no table
    assert _paragraphs(doc) == expected
    found = [(d.code, doc.text[d.span.start:d.span.end]) for d in lint(doc)]
    txt = load_text("\n".join(expected))
    assert found == [(d.code, txt.text[d.span.start:d.span.end]) for d in lint(txt)]
    assert set(TXT_FINDINGS) <= set(found)


@pytest.mark.parametrize("fmt", ["odt", "ofd", "rtf", "pdf"])
def test_json_reports_paragraph_and_character(made, made_as, fmt):
    path = _source(made, made_as, fmt)
    out = subprocess.run([sys.executable, "-m", "gwlint", "--format", "json", str(path)],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 1, out.stderr
    findings = json.loads(out.stdout)
    placeholder = next(f for f in findings if f["code"] == "PH001")
    paragraph = PARAGRAPHS.index(next(p for p in PARAGRAPHS if "XX" in p))
    assert placeholder["paragraph"] == {"number": paragraph + 1, "column": PARAGRAPHS[paragraph].index("XX") + 1}


def test_text_report_names_paragraph_lines(made):
    out = subprocess.run([sys.executable, "-m", "gwlint", str(made["odt"])], capture_output=True, text=True,
                         timeout=120)
    paragraph = next(i for i, p in enumerate(PARAGRAPHS) if "XX" in p) + 1
    assert f"draft.odt:{paragraph}:{PARAGRAPHS[paragraph - 1].index('XX') + 1}: PH001" in out.stdout
