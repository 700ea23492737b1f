"""EX and CO fixture cases (tests/rules/fixtures/formulations/cases.toml):
each text gets exactly the EX and CO findings it lists."""
from collections import Counter

import pytest

from tests.rules._fixture_cases import check_case, load_cases

CASES = load_cases("formulations")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_formulation_case(case):
    check_case(case, ("EX", "CO"))


def test_every_new_rule_has_ten_bad_and_ten_good_cases():
    bad = Counter(c["rule"] for c in CASES if any(c["rule"] in e for e in c["expect"]))
    good = Counter(c["rule"] for c in CASES if not c["expect"])
    for code in ("EX006", "EX007", "EX008"):
        assert bad[code] >= 10 and good[code] >= 10, (code, bad[code], good[code])
