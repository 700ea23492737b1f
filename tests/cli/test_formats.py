"""--format takes a name from the formats table; anything else is a one-line usage error."""
import pytest

from gwlint.report import FORMATS
from tests.helpers import run_cli


@pytest.mark.parametrize("name", ["__init__", "json_", "docx_comments", "nope", ""])
def test_an_unknown_format_is_a_one_line_error(tmp_path, name):
    f = tmp_path / "a.txt"
    f.write_text("请XX同志发言。", encoding="utf-8")
    proc = run_cli("--format", name, f)
    err = proc.stderr.decode()
    assert proc.returncode == 2 and err.count("\n") == 1 and "unknown --format" in err and "Traceback" not in err


def test_the_formats_table_lists_every_report_format():
    assert set(FORMATS) == {"text", "json", "sarif", "github", "html"}
    for fmt in FORMATS.values():
        assert callable(fmt.load().render)


def test_docx_comments_is_an_output_mode_not_a_report(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("请XX同志发言。", encoding="utf-8")
    proc = run_cli("--format", "docx-comments", f)
    assert proc.returncode == 2 and "needs exactly one .docx file and -o" in proc.stderr.decode()
