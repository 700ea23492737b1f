"""The baseline file: fingerprints that survive edits elsewhere, counted
duplicates, paths relative to the baseline, a readable TOML that round-trips,
and what --add-baseline keeps, replaces and prunes."""
from collections import Counter

import pytest

from gwlint import ConfigError, Document
from gwlint.api import lint_document
from gwlint.baseline import Baseline, fingerprint, fingerprints, read_baseline, update
from gwlint.config import Config
from gwlint.model import Diagnostic, Span

CFG = Config(select=("PH001", "PU003"))
PH = "请XX同志发言。"


def findings(text, path):
    return lint_document(Document(text, path=path), CFG)


def baseline_of(tmp_path, files: dict[str, str]) -> Baseline:
    """A baseline that accepts every finding of these files as they are."""
    linted = []
    for name, text in files.items():
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8", errors="replace")
        linted.append((str(p), {"PH001", "PU003"}, fingerprints(Document(text, path=str(p)), findings(text, str(p)))))
    return update(str(tmp_path / ".gwlint-baseline.toml"), linted, None).baseline


def test_fingerprint_is_rule_text_and_context_on_its_line_without_whitespace():
    text = "同志们：\n  请 X X\u3000同志发言，会议到此结束。"
    d = Diagnostic("PH001", "", Span(text.index("X X"), text.index("X X") + 3))
    assert fingerprint(text, d) == ("PH001", "请", "XX", "同志发言，会")
    respaced = "同志们：\n请XX 同志 发言 ，会议到此结束。"
    d2 = Diagnostic("PH001", "", Span(respaced.index("XX"), respaced.index("XX") + 2))
    assert fingerprint(respaced, d2) == fingerprint(text, d)


def test_long_flagged_text_is_kept_as_head_and_tail():
    text = "甲" * 30 + "乙" * 30
    key = fingerprint(text, Diagnostic("LY003", "", Span(0, 60)))
    assert key[2] == "甲" * 20 + "…" + "乙" * 20


def test_edits_elsewhere_do_not_revive_entries(tmp_path):
    text = "同志们：\n" + PH + "\n会议到此结束。。\n"
    base = baseline_of(tmp_path, {"a.txt": text})
    path = str(tmp_path / "a.txt")
    edited = "第一部分。\n\n新加的一段话，写了很多内容。\n\n同志们：\n" + PH + "\n会议到此结束。。\n\n结尾又加了一段。\n"
    assert base.unmatched(Document(edited, path=path), findings(edited, path)) == []
    # an edit next to a finding changes its context: it is reported again, for review
    near = text.replace("请XX", "请XX、YY")
    assert [d.code for d in base.unmatched(Document(near, path=path), findings(near, path))] == ["PH001"]


def test_duplicates_are_counted(tmp_path):
    base = baseline_of(tmp_path, {"a.txt": "同志们：\n" + PH + "\n" + PH + "\n"})
    assert base.total() == 2
    path = str(tmp_path / "a.txt")
    three = "同志们：\n" + PH + "\n" + PH + "\n" + PH + "\n"
    left = base.unmatched(Document(three, path=path), findings(three, path))
    assert len(left) == 1 and three.count("\n", 0, left[0].span.start) == 3  # the new, last one
    one = "同志们：\n" + PH + "\n"
    assert base.unmatched(Document(one, path=path), findings(one, path)) == []  # a stale count is harmless


def test_the_same_line_four_times_is_one_entry_counted_four_times(tmp_path):
    base = baseline_of(tmp_path, {"a.txt": (PH + "\n") * 4})
    assert base.files["a.txt"] == Counter({("PH001", "请", "XX", "同志发言。"): 4})


def test_paths_are_relative_to_the_baseline_folder_so_the_tree_can_move(tmp_path):
    base = baseline_of(tmp_path / "proj", {"docs/a.txt": PH + "\n"})
    assert list(base.files) == ["docs/a.txt"]
    base.write()
    moved = tmp_path / "moved"
    (tmp_path / "proj").rename(moved)
    again = read_baseline(str(moved / ".gwlint-baseline.toml"))
    path = str(moved / "docs" / "a.txt")
    assert again.unmatched(Document(PH + "\n", path=path), findings(PH + "\n", path)) == []


def test_a_moved_file_is_a_new_file(tmp_path):
    """Entries are keyed by path: a file moved inside the tree has its findings
    reported again (re-run --add-baseline, which also drops the old path)."""
    base = baseline_of(tmp_path, {"a.txt": PH + "\n"})
    path = str(tmp_path / "sub" / "a.txt")
    assert len(base.unmatched(Document(PH + "\n", path=path), findings(PH + "\n", path))) == 1


def test_a_renamed_or_unknown_rule_is_a_stale_entry_not_an_error(tmp_path):
    (tmp_path / "b.toml").write_text(
        'version = 1\n[files]\n"a.txt" = [{ code = "CO004", before = "", text = "XX", after = "", count = 1 }]\n',
        encoding="utf-8")
    base = read_baseline(str(tmp_path / "b.toml"))
    path = str(tmp_path / "a.txt")
    assert [d.code for d in base.unmatched(Document(PH, path=path), findings(PH, path))] == ["PH001"]


def test_unnamed_standard_input_is_never_matched(tmp_path):
    base = baseline_of(tmp_path, {"a.txt": PH})
    assert len(base.unmatched(Document(PH, path="-"), findings(PH, "-"))) == 1


def test_the_file_round_trips_and_is_one_entry_per_line(tmp_path):
    odd = '引号"与\\反斜杠\t及\x7f控制符 XX 发言。'
    base = baseline_of(tmp_path, {"a.txt": PH + "\n", "文件 名.txt": odd + "\n", "b.txt": "甲XX" + "\ud800" + "乙\n"})
    base.write()
    text = (tmp_path / ".gwlint-baseline.toml").read_text(encoding="utf-8")
    assert text.startswith("# gwlint baseline") and "version = 1" in text
    assert '  { code = "PH001", before = "请", text = "XX", after = "同志发言。", count = 1 },' in text
    again = read_baseline(str(tmp_path / ".gwlint-baseline.toml"))
    assert again.files == base.files


@pytest.mark.parametrize("content, message", [
    ("version = 2\n", "baseline version 2 is not supported"),
    ("files = 3\n", "key 'files' must be a table"),
    ('[files]\n"a.txt" = [{ code = "PH001", count = 0 }]\n', "key 'count' must be a positive whole number"),
    ('[files]\n"a.txt" = [{ text = "XX" }]\n', "key 'code' is missing"),
    ("[files\n", "malformed baseline"),
])
def test_a_bad_baseline_is_a_one_line_error(tmp_path, content, message):
    path = tmp_path / ".gwlint-baseline.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as err:
        read_baseline(str(path))
    assert "\n" not in str(err.value) and str(path) in str(err.value)


def test_update_replaces_checked_codes_keeps_others_and_prunes_missing_files(tmp_path):
    path = str(tmp_path / ".gwlint-baseline.toml")
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    old = Baseline(path, {
        "a.txt": Counter({("PH001", "", "XX", "", ): 1, ("PU003", "", "。。", ""): 1}),
        "b.txt": Counter({("PH001", "", "YY", ""): 1}),  # not linted this time: kept
        "gone.txt": Counter({("PH001", "", "ZZ", ""): 1}),  # no longer exists: pruned
    })
    now = Counter({("PH001", "新", "XX", ""): 2})
    change = update(path, [(str(tmp_path / "a.txt"), {"PH001"}, now)], old)
    assert change.baseline.files == {
        "a.txt": Counter({("PH001", "新", "XX", ""): 2, ("PU003", "", "。。", ""): 1}),  # PU003 not checked: kept
        "b.txt": Counter({("PH001", "", "YY", ""): 1}),
    }
    assert (change.added, change.removed) == (2, 2)


def test_the_resolver_reads_a_baseline_once_and_again_when_it_comes_or_changes(tmp_path, monkeypatch):
    """The language server asks for every request: one stat per request, a new
    read only when the file appeared or changed."""
    import gwlint.baseline as baseline_module
    from gwlint.config import ConfigResolver
    from gwlint.rules import bundled_registry

    (tmp_path / "gwlint.toml").write_text("", encoding="utf-8")
    reads = []
    real = baseline_module.read_baseline
    monkeypatch.setattr(baseline_module, "read_baseline", lambda p: reads.append(p) or real(p))
    resolver = ConfigResolver(bundled_registry())
    path = tmp_path / "a.txt"
    assert resolver.for_path(path).baseline is None
    base = baseline_of(tmp_path, {"a.txt": PH + "\n"})
    base.write()
    first = resolver.for_path(path).baseline
    assert first is not None and first.total() == 1
    assert resolver.for_path(path).baseline is first and resolver.for_path(path) == resolver.for_path(path)
    assert len(reads) == 1
    (tmp_path / ".gwlint-baseline.toml").write_text('version = 1\n[files]\n', encoding="utf-8")
    assert resolver.for_path(path).baseline.total() == 0 and len(reads) == 2
    off = ConfigResolver(bundled_registry(), use_baseline=False).for_path(path)
    assert off.baseline is None and off.baseline_path == str(tmp_path / ".gwlint-baseline.toml")


def test_the_python_api_honours_a_baseline_key(tmp_path, monkeypatch):
    from gwlint.api import configure, lint_text

    base = baseline_of(tmp_path, {"a.txt": PH + "\n"})
    base.write()
    monkeypatch.chdir(tmp_path)
    cfg = configure({"select": ["PH001"], "baseline": ".gwlint-baseline.toml"})
    assert lint_text(PH + "\n", cfg, path="a.txt") == []
    assert [d.code for d in lint_text(PH + "\n", cfg, path="b.txt")] == ["PH001"]
    assert configure({}).baseline is None  # nothing is read unless asked for
