"""--format json follows DESIGN.md exactly: lines, columns and offsets agree with the text."""
import re

from tests.helpers import run_json

KEYS = {"path", "code", "name", "severity", "message", "start", "end", "fix"}
LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _line_starts(text):
    return [0] + [m.end() for m in LINE_BREAK.finditer(text)]


def _check_positions(text, item):
    starts = _line_starts(text)
    for key in ("start", "end"):
        pos = item[key]
        assert starts[pos["line"] - 1] + pos["column"] - 1 == pos["offset"]
    return text[item["start"]["offset"]:item["end"]["offset"]]


def test_contract_keys_and_types(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("同志们：\nXX同志主持会议。\n", encoding="utf-8")
    proc, items = run_json(f)
    assert proc.returncode == 1
    assert len(items) == 1
    item = items[0]
    assert KEYS <= set(item)
    assert item["path"] == str(f)
    assert item["code"] == "PH001" and item["name"] == "placeholder-x" and item["severity"] == "error"
    assert item["start"] == {"line": 2, "column": 1, "offset": 5}
    assert item["end"] == {"line": 2, "column": 3, "offset": 7}
    assert item["fix"] is None
    assert "姓名" in item["message"]


def test_crlf_positions(tmp_path):
    text = "同志们：\r\n今天开会。\r\n请XX同志发言，共有**人参加。\r\n"
    f = tmp_path / "crlf.txt"
    f.write_bytes(text.encode("utf-8"))
    _, items = run_json(f)
    assert [_check_positions(text, i) for i in items] == ["XX", "**"]
    assert items[0]["start"]["line"] == 3 and items[0]["start"]["column"] == 2


def test_lone_cr_positions(tmp_path):
    text = "第一行。\r第二行有XX。\r"
    f = tmp_path / "cr.txt"
    f.write_bytes(text.encode("utf-8"))
    _, items = run_json(f)
    assert items[0]["start"] == {"line": 2, "column": 5, "offset": 9}


def test_astral_character_before_finding(tmp_path):
    # 𠮷 is one code point (two UTF-16 units): columns count code points.
    text = "𠮷𠮷𠮷的XX同志\n"
    f = tmp_path / "astral.txt"
    f.write_text(text, encoding="utf-8")
    _, items = run_json(f)
    assert items[0]["start"] == {"line": 1, "column": 5, "offset": 4}
    assert _check_positions(text, items[0]) == "XX"


def test_u2028_is_not_a_line_break(tmp_path):
    text = "前文\u2028后文XX同志\n"
    f = tmp_path / "ls.txt"
    f.write_text(text, encoding="utf-8")
    _, items = run_json(f)
    assert items[0]["start"]["line"] == 1
    assert _check_positions(text, items[0]) == "XX"


def test_stdin_path_is_dash():
    proc, items = run_json("-", stdin="请XX同志发言。".encode("utf-8"))
    assert proc.returncode == 1
    assert items[0]["path"] == "-"


def test_findings_in_file_order(seeds_dir):
    _, items = run_json(seeds_dir)
    keys = [(i["path"], i["start"]["offset"]) for i in items]
    assert keys == sorted(keys)
