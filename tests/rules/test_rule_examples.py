"""Every rule's own bad examples must be flagged with its code, and its good
examples must not be flagged by it."""
import pytest

from gwlint import Document, lint
from gwlint.config import Config
from gwlint.registry import default_registry

RULES = list(default_registry().rules.values())
# rules reported only at another setting of a key (TY004: typo-sensitivity = "review")
SETTINGS = {"TY004": {"typo_sensitivity": "review"}}


@pytest.mark.parametrize("meta", RULES, ids=[m.code for m in RULES])
def test_bad_examples_are_flagged(meta):
    cfg = Config(select=(meta.code,), **SETTINGS.get(meta.code, {}))
    for text in meta.bad:
        codes = {d.code for d in lint(Document(text, path="example.txt"), cfg)}
        assert meta.code in codes, f"{meta.code} missed its bad example: {text}"


@pytest.mark.parametrize("meta", RULES, ids=[m.code for m in RULES])
def test_good_examples_are_clean(meta):
    cfg = Config(select=(meta.code,), **SETTINGS.get(meta.code, {}))
    for text in meta.good:
        found = [d for d in lint(Document(text, path="example.txt"), cfg)]
        assert not found, f"{meta.code} flagged its good example: {text}: {found}"
