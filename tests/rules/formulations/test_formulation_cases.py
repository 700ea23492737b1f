"""The EX and CO rule cases (tests/rules/formulations/cases.toml, run by
tests/rules/test_cases.py): the new rules have ten bad and ten good each."""
from tests.rules.cases import count_by_rule, load_cases

CASES = load_cases("formulations")


def test_every_new_rule_has_ten_bad_and_ten_good_cases():
    for code in ("EX006", "EX007", "EX008"):
        bad, good = count_by_rule(CASES, code)
        assert bad >= 10 and good >= 10, (code, bad, good)


def test_cases_read_ex_and_co_together():
    assert all(c.get("select") == ["EX", "CO"] for c in CASES)
