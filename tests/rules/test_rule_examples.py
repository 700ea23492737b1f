"""Every rule's own bad examples must be flagged with its code, and its good
examples must not be flagged by it."""
import pytest

from gwlint import Document

from gwlint.api import lint_document as lint
from gwlint.config import Config
from gwlint.rules import bundled_registry

RULES = list(bundled_registry().rules.values())
NEEDS_LM = {"TY001", "TY003", "TY004"}  # their examples are judged by the language model
# rules reported only at another setting of a key (TY004: typo-sensitivity = "review")
SETTINGS = {"TY004": (("typo-sensitivity", "review"),)}


@pytest.mark.parametrize("meta", [pytest.param(m, marks=pytest.mark.needs_lm) if m.code in NEEDS_LM else m
                                  for m in RULES], ids=[m.code for m in RULES])
def test_bad_examples_are_flagged(meta):
    cfg = Config(select=(meta.code,), options=SETTINGS.get(meta.code, ()))
    for text in meta.bad:
        codes = {d.code for d in lint(Document(text, path="example.txt"), cfg)}
        assert meta.code in codes, f"{meta.code} missed its bad example: {text}"


@pytest.mark.parametrize("meta", RULES, ids=[m.code for m in RULES])
def test_good_examples_are_clean(meta):
    cfg = Config(select=(meta.code,), options=SETTINGS.get(meta.code, ()))
    for text in meta.good:
        found = [d for d in lint(Document(text, path="example.txt"), cfg)]
        assert not found, f"{meta.code} flagged its good example: {text}: {found}"
