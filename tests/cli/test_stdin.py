"""Standard input with --stdin-filename: the name is shown in reports, picks
the configuration and its per-file-ignores, and says what kind of text it is."""
import json

from tests.helpers import run_cli

MD = "# 标题\n\n要把**重点工作**抓实，请XX同志发言。\n".encode("utf-8")


def test_reports_name_the_stdin_filename():
    proc = run_cli("--format", "json", "--stdin-filename", "notes/draft.txt", "-", stdin="请XX同志发言。".encode())
    assert {f["path"] for f in json.loads(proc.stdout)} == {"notes/draft.txt"}
    text = run_cli("--stdin-filename", "notes/draft.txt", "-", stdin="请XX同志发言。".encode()).stdout.decode()
    assert text.startswith("notes/draft.txt:1:2: PH001")


def test_without_a_filename_stdin_is_dash():
    proc = run_cli("--format", "json", "-", stdin="请XX同志发言。".encode())
    assert {f["path"] for f in json.loads(proc.stdout)} == {"-"}


def test_per_file_ignores_apply_to_stdin(tmp_path):
    (tmp_path / "gwlint.toml").write_text('[per-file-ignores]\n"drafts/*.txt" = ["PH"]\n', encoding="utf-8")
    ignored = run_cli("--format", "json", "--stdin-filename", "drafts/a.txt", "-", stdin="请XX同志发言。".encode(),
                      cwd=tmp_path)
    assert json.loads(ignored.stdout) == [] and ignored.returncode == 0
    other = run_cli("--format", "json", "--stdin-filename", "other/a.txt", "-", stdin="请XX同志发言。".encode(),
                    cwd=tmp_path)
    assert [f["code"] for f in json.loads(other.stdout)] == ["PH001"]


def test_markdown_piped_in_is_linted_as_markdown():
    as_md = json.loads(run_cli("--format", "json", "--stdin-filename", "a.md", "-", stdin=MD).stdout)
    as_txt = json.loads(run_cli("--format", "json", "-", stdin=MD).stdout)
    assert "PH002" not in {f["code"] for f in as_md}  # **emphasis** in Markdown is no placeholder
    assert "PH002" in {f["code"] for f in as_txt}
    assert "PH001" in {f["code"] for f in as_md}
