"""Every rule case of every family (tests/rules/<family>/cases.toml; the
format is described in tests/rules/cases.py)."""
import pytest

from tests.rules.cases import all_cases, check_case

CASES = all_cases()


def test_there_are_cases():
    assert len({c["family"] for c in CASES}) >= 3


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case):
    check_case(case)
