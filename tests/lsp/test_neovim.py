"""A real editor: headless Neovim attaches `gwlint lsp` to seed 000 and shows
the 市帜鲜明 finding at the right line and column."""
import os
import shutil
import subprocess
import sys

import pytest

from tests.core.helpers import ROOT

NVIM = shutil.which("nvim")


@pytest.mark.needs_lm
@pytest.mark.skipif(NVIM is None and not os.environ.get("CI"), reason="neovim not installed (install.sh --test installs it)")
def test_neovim_shows_the_fixed_phrase_typo(tmp_path):
    seed = ROOT / "seeds" / "000_0033c06120a015d5.txt"
    out = tmp_path / "diagnostics.txt"
    env = dict(os.environ, GWLINT_OUT=str(out), GWLINT_CMD=f"{sys.executable} -m gwlint lsp --debounce=0",
               PYTHONPATH=str(ROOT), HOME=str(tmp_path), XDG_STATE_HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path))
    subprocess.run([NVIM or "nvim", "--headless", "-u", "NONE", "-i", "NONE", "-n", str(seed), "-c",
                    f"luafile {ROOT / 'editors' / 'nvim-collect-diagnostics.lua'}"],
                   env=env, cwd=tmp_path, timeout=120, capture_output=True)
    rows = [r.split(":", 3) for r in out.read_text(encoding="utf-8").splitlines()]
    text = seed.read_text(encoding="utf-8").split("\n")
    line = next(i for i, l in enumerate(text) if "市帜鲜明" in l)
    byte_col = len(text[line][:text[line].index("市帜鲜明")].encode("utf-8"))
    assert line == 4  # the fifth line, as the catalog says
    hits = [r for r in rows if r[2] == "TY001" and "旗帜鲜明" in r[3]]
    assert hits, rows[:10]
    assert (int(hits[0][0]), int(hits[0][1])) == (line, byte_col)
