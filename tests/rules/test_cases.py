"""Every rule case of every family (tests/rules/<family>/cases.toml; the
format is described in tests/rules/cases.py)."""
import pytest

from gwlint.rules import bundled_registry
from tests.rules.cases import all_cases, check_case, count_by_rule

CASES = all_cases()
# Rules that promised at least ten bad and ten good cases of their own (the
# issues that built them asked for it); the older families have fewer.
TEN_EACH = ("NU", "ST", "LY", "DT", "DN", "GR", "NM007", "NM01", "EX006", "EX007", "EX008")
NOT_ALONE = {"ST002"}  # a missing part needs an outline: its cases share ST001's (tests/rules/structure)


def test_there_are_cases():
    assert len({c["family"] for c in CASES}) >= 3


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case):
    check_case(case)


@pytest.mark.parametrize("code", [c for c in bundled_registry().rules if c.startswith(TEN_EACH) and c not in NOT_ALONE])
def test_ten_bad_and_ten_good_cases(code):
    bad, good = count_by_rule(CASES, code)
    assert bad >= 10 and good >= 10, f"{code}: {bad} bad, {good} good cases"
