"""The README stays current: it lists every rule and its two set-up commands
are the ones .ci/run runs."""
from gwlint.rules import bundled_registry
from tests.helpers import ROOT


def test_readme_lists_every_rule():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [c for c in bundled_registry().rules if f"| {c} |" not in readme]
    assert not missing, f"README rule table lacks {missing}"


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = "./install.sh --test && .venv/bin/python -m pytest -q"
    assert command in readme and command in ci
    assert "./install.sh && .venv/bin/gwlint seeds/" in readme
