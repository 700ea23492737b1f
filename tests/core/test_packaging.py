"""What `pip install .` gives a user: one package, `gwlint`, with its rule
packs and data; nothing named linter, rules or lsp at top level (PyPI has a
popular `rules`); `import gwlint` works in a fresh virtual environment; and
the build prints no setuptools warnings."""
import json
import subprocess
import sys
import zipfile

import pytest

from tests.helpers import ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "-v", "--no-deps", "-w", str(out), str(ROOT)],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return next(out.glob("gwlint-*.whl")), proc.stdout + proc.stderr


def test_the_build_prints_no_setuptools_warnings(wheel):
    _, log = wheel
    noisy = [line for line in log.splitlines()
             if ("Warning" in line or "!!" in line or "deprecat" in line.lower()) and "byte-compiling" not in line
             and "Location 'file:" not in line]
    assert not noisy, "\n".join(noisy[:20])


def test_the_wheel_installs_one_package_named_gwlint(wheel):
    names = zipfile.ZipFile(wheel[0]).namelist()
    top = {n.split("/")[0] for n in names}
    assert {t for t in top if not t.endswith(".dist-info")} == {"gwlint"}
    assert {"gwlint/rules/typos.toml", "gwlint/rules/data/typo/words.txt", "gwlint/lsp/server.py",
            "gwlint/cli/__init__.py", "gwlint/api.py"} <= set(names)
    packs = {"gwlint/" + p.relative_to(ROOT).as_posix() for p in (ROOT / "rules").glob("*.toml")}
    data = {"gwlint/" + p.relative_to(ROOT).as_posix() for p in (ROOT / "rules").rglob("data/**/*") if p.is_file()}
    assert packs and packs <= set(names) and data <= set(names)


def test_import_gwlint_in_a_fresh_venv(tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    pip = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", str(ROOT)],
                         capture_output=True, text=True, timeout=900)
    assert pip.returncode == 0, pip.stderr[-2000:]
    probe = """
import json, gwlint
found = gwlint.lint_text("请XX同志发言，要市帜鲜明讲政治。")
missing = []
for name in ("linter", "rules", "lsp"):
    try:
        __import__(name)
    except ImportError:
        missing.append(name)
print(json.dumps({"codes": sorted({d.code for d in found}), "missing": missing,
                  "api": [hasattr(gwlint, n) for n in ("lint_text", "lint_path", "Config", "Diagnostic")]}))
"""
    proc = subprocess.run([str(venv / "bin" / "python"), "-c", probe], capture_output=True, text=True,
                          cwd=tmp_path, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    got = json.loads(proc.stdout)
    assert "PH001" in got["codes"]
    assert got["missing"] == ["linter", "rules", "lsp"]
    assert got["api"] == [True, True, True, True]
