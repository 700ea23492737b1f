import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
os.environ.setdefault("NO_COLOR", "1")


@pytest.fixture
def root() -> Path:
    return ROOT


@pytest.fixture
def seeds_dir() -> Path:
    return ROOT / "seeds"


def _language_model_present() -> bool:
    from gwlint.rules import _typo_data

    return _typo_data.language_model() is not None


def pytest_collection_modifyitems(config, items):
    """Tests marked ``needs_lm`` judge typos with the language model. Without
    it they are skipped — except in CI (``CI`` set), which installs the model
    and must not pass by skipping them: there they fail, saying why."""
    marked = [item for item in items if item.get_closest_marker("needs_lm")]
    if not marked or _language_model_present():
        return
    why = ("the language model is missing: apt-get install libime-data-language-model "
           "(or unset GWLINT_LANGUAGE_MODEL)")
    if os.environ.get("CI"):
        def fail(*args, **kwargs):
            pytest.fail(f"CI: {why}", pytrace=False)

        for item in marked:
            item.runtest = fail
    else:
        for item in marked:
            item.add_marker(pytest.mark.skip(reason=why))
