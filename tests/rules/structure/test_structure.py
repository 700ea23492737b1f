"""ST: outline residue, missing parts, announced counts, truncation and a
repeated title (cases.toml, run by tests/rules/test_cases.py), and the seed 004 situation."""

from gwlint import load_path

from gwlint.api import lint_document as lint
from gwlint.config import Config
from tests.rules.cases import load_cases


def test_missing_part_cases_share_the_outline_cases():
    """ST002 needs an outline: among the ST001 and ST002 cases, at least 4
    expect a missing part and 10 do not."""
    mine = [c for c in load_cases("structure") if c["rule"] in ("ST001", "ST002")]
    bad = [c for c in mine if any(e.split(" ", 2)[1] == "ST002" for e in c["expect"])]
    assert len(bad) >= 4 and len(mine) - len(bad) >= 10


def test_seed_004_outline_residue_missing_part_and_truncation(seeds_dir):
    doc = load_path(seeds_dir / "004_f95eedb844636dc0.txt")
    found = [(doc.position(d.span.start)[0] + 1, d.code, d.message) for d in lint(doc, Config(select=("ST",)))]
    assert [(line, code) for line, code, _ in found] == [(1, "ST001"), (4, "ST002"), (20, "ST004")]
    assert "四、坚持结果导向" in found[1][2]


def test_repeated_title_fix_deletes_the_copy_only_and_only_on_request():
    from gwlint.fixes import fix_text
    from gwlint import Document

    text = "在全县安全生产工作会议上的讲话\n在全县安全生产\n工作会议上的讲话\n同志们：\n今天开会。\n"
    relint = lambda t: lint(Document(t), Config(select=("ST005",)))
    assert fix_text(text, relint)[0] == text  # not a safe fix (issue 18, item 13)
    fixed, _ = fix_text(text, relint, unsafe=True)
    assert fixed == "在全县安全生产工作会议上的讲话\n同志们：\n今天开会。\n"


def test_sixteen_copies_of_a_title_are_left_alone_by_safe_fixes():
    """Deleting one copy at a time is not idempotent: a second --fix would
    change the file again. So the fix is a suggestion, not a safe fix."""
    from gwlint.fixes import fix_text
    from gwlint import Document

    text = "在全县安全生产工作会议上的讲话\n" * 16 + "同志们：\n今天开会。\n"
    relint = lambda t: lint(Document(t), Config(select=("ST",)))
    assert [d.code for d in relint(text)] == ["ST005"]
    once, _ = fix_text(text, relint, max_passes=1)
    assert once == text and fix_text(once, relint, max_passes=1)[0] == once
