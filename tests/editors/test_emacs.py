"""A real editor: a headless Emacs loads the README's eglot snippet verbatim
(copied out of README.md) as its init.el, visits seed 000 and shows the
市帜鲜明 finding at the right line and column through Flymake.

The README used to say Emacs 29+; Debian 12's Emacs 28 with elpa-eglot works,
and this is the set-up the test runs (install.sh --test installs both). It
skips without Emacs or eglot, except in CI."""
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import ROOT
from tests.editors.helpers import gwlint_on_path, snippet
from tests.lsp.test_neovim import SEED

EMACS = shutil.which("emacs")


def _has_eglot() -> bool:
    probe = subprocess.run([EMACS, "--batch", "--eval",
                            "(progn (require 'package) (package-activate-all) (require 'eglot))"],
                           capture_output=True, timeout=120)
    return probe.returncode == 0


@pytest.mark.needs_lm
def test_readme_snippet_shows_the_fixed_phrase_typo_in_emacs(tmp_path):
    if EMACS is None or not _has_eglot():
        if os.environ.get("CI"):
            pytest.fail("emacs or eglot missing: install.sh --test installs emacs-nox and elpa-eglot")
        pytest.skip("emacs with eglot not installed (install.sh --test installs emacs-nox and elpa-eglot)")
    work = tmp_path / "drafts"
    work.mkdir()
    draft = work / SEED.name
    # the seed, with a trailing blank that the snippet's :ignore ["LY004"] silences
    draft.write_text(SEED.read_text(encoding="utf-8") + "谢谢大家！  \n", encoding="utf-8")
    init = tmp_path / "init.el"
    init.write_text(snippet("emacs"), encoding="utf-8")
    out = tmp_path / "diagnostics.txt"
    env = dict(os.environ, GWLINT_OUT=str(out), GWLINT_INIT=str(init), GWLINT_DRAFT=str(draft),
               PATH=gwlint_on_path(tmp_path), PYTHONPATH=str(ROOT), HOME=str(tmp_path))
    proc = subprocess.run([EMACS, "--batch", "-l", str(ROOT / "editors" / "emacs-collect-diagnostics.el")],
                          env=env, cwd=work, timeout=180, capture_output=True)
    context = f"exit {proc.returncode}; stderr: {proc.stderr.decode('utf-8', 'replace')[-2000:]}"
    assert out.exists(), context
    assert Path(f"{out}.server").read_text(encoding="utf-8") == "(gwlint lsp)", context
    rows = [r.split(":", 2) for r in out.read_text(encoding="utf-8").splitlines()]
    text = SEED.read_text(encoding="utf-8").split("\n")
    line = next(i for i, l in enumerate(text) if "市帜鲜明" in l)
    hits = [r for r in rows if "TY001" in r[2] and "旗帜鲜明" in r[2]]
    assert hits, (rows[:10], context)
    assert (int(hits[0][0]), int(hits[0][1])) == (line, text[line].index("市帜鲜明"))
    assert not [r for r in rows if "LY004" in r[2]], "the snippet's :initializationOptions did not reach the server"
