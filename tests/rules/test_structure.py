"""ST: outline residue, missing parts, announced counts, truncation and a
repeated title (fixtures/structure/cases.toml), and the seed 004 situation."""
import pytest

from gwlint import load_path

from gwlint.api import lint_document as lint
from gwlint.config import Config
from tests.rules._fixture_cases import check_case, load_cases

CASES = load_cases("structure")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_structure_case(case):
    check_case(case, ("ST",))


def test_every_rule_has_ten_bad_and_ten_good_cases():
    for code in ("ST001", "ST002", "ST003", "ST004", "ST005"):
        mine = [c for c in CASES if c["rule"] == code]
        bad = [c for c in mine if any(code in e for e in c["expect"])]
        good = [c for c in mine if not any(code in e for e in c["expect"])]
        if code == "ST002":  # a missing part needs an outline: its cases share ST001's
            mine = [c for c in CASES if c["rule"] in ("ST001", "ST002")]
            bad = [c for c in mine if any(code in e for e in c["expect"])]
            good = [c for c in mine if not any(code in e for e in c["expect"])]
            assert len(bad) >= 4 and len(good) >= 10, code
            continue
        assert len(bad) >= 10 and len(good) >= 10, code


def test_seed_004_outline_residue_missing_part_and_truncation(seeds_dir):
    doc = load_path(seeds_dir / "004_f95eedb844636dc0.txt")
    found = [(doc.position(d.span.start)[0] + 1, d.code, d.message) for d in lint(doc, Config(select=("ST",)))]
    assert [(line, code) for line, code, _ in found] == [(1, "ST001"), (4, "ST002"), (20, "ST004")]
    assert "四、坚持结果导向" in found[1][2]


def test_repeated_title_fix_deletes_the_copy_only():
    from gwlint.fixes import fix_text
    from gwlint import Document

    text = "在全县安全生产工作会议上的讲话\n在全县安全生产\n工作会议上的讲话\n同志们：\n今天开会。\n"
    fixed, _ = fix_text(text, lambda t: lint(Document(t), Config(select=("ST005",))))
    assert fixed == "在全县安全生产工作会议上的讲话\n同志们：\n今天开会。\n"
