"""The EX and CO rule cases (tests/rules/formulations/cases.toml, run by
tests/rules/test_cases.py, which also counts ten bad and ten good per new rule)."""
from tests.rules.cases import load_cases

CASES = load_cases("formulations")


def test_cases_read_ex_and_co_together():
    assert all(c.get("select") == ["EX", "CO"] for c in CASES)
