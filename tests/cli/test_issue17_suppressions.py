"""Issue 17, "Why" item 1, as a user hit it: no way to silence one finding in
one place — no inline directives, no baseline for an existing archive, and
`extend` an unknown config key. Each reproduction, run as the user ran it."""
import json

from tests.helpers import run_cli

DRAFT = "同志们：\n请XX同志发言，会议到此结束。。\n"


def test_an_inline_directive_silences_one_finding_in_one_place(tmp_path):
    (tmp_path / "draft.md").write_text(
        "同志们：\n\n<!-- gwlint-disable-next-line PH001 -->\n请XX同志发言。\n\n请XX同志发言。\n", encoding="utf-8")
    proc = run_cli("--format", "json", "draft.md", cwd=tmp_path)
    items = json.loads(proc.stdout)
    assert [(i["code"], i["start"]["line"]) for i in items] == [("PH001", 6)]


def test_a_baseline_for_an_existing_archive(tmp_path):
    archive = tmp_path / "archive"
    archive.mkdir()
    for i in range(3):
        (archive / f"{i}.txt").write_text(DRAFT, encoding="utf-8")
    proc = run_cli("--add-baseline", "archive", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr.decode()
    assert run_cli("archive", cwd=tmp_path).returncode == 0
    (archive / "new.txt").write_text(DRAFT, encoding="utf-8")
    proc = run_cli("--format", "json", "archive", cwd=tmp_path)
    assert proc.returncode == 1
    assert {i["path"] for i in json.loads(proc.stdout)} == {"archive/new.txt"}


def test_extend_is_a_config_key(tmp_path):
    (tmp_path / "office.toml").write_text('ignore = ["PU"]\n', encoding="utf-8")
    (tmp_path / "gwlint.toml").write_text('extend = "office.toml"\n', encoding="utf-8")
    (tmp_path / "draft.txt").write_text(DRAFT, encoding="utf-8")
    proc = run_cli("--format", "json", "draft.txt", cwd=tmp_path)
    assert "unknown key" not in proc.stderr.decode()
    assert [i["code"] for i in json.loads(proc.stdout)] == ["PH001"]
