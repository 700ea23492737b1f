"""gwlint's VS Code extension (editors/vscode): the README's build commands
run verbatim in a copy of the folder (npm ci, npm run package), the .vsix is
checked, and `node --test` runs the compiled extension against a fake
`vscode` module: it activates, its vscode-languageclient spawns `gwlint lsp`
and gets diagnostics, and its commands work. Real VS Code cannot run here.

The build needs npm and the npm registry; the tests skip only without npm."""
import json
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from tests.helpers import ROOT
from tests.editors.helpers import gwlint_wrapper, snippet

SOURCE = ROOT / "editors" / "vscode"
MANIFEST = json.loads((SOURCE / "package.json").read_text(encoding="utf-8"))
NPM = shutil.which("npm")
needs_npm = pytest.mark.skipif(NPM is None, reason="npm not installed (install.sh --test installs nodejs and npm)")


def _sh(command: str, cwd: Path, env=None, timeout=900) -> str:
    proc = subprocess.run(command, shell=True, cwd=cwd, capture_output=True, timeout=timeout,
                          env=dict(os.environ, **(env or {}), NO_COLOR="1", FORCE_COLOR="0"))
    out = (proc.stdout + proc.stderr).decode("utf-8", "replace")
    assert proc.returncode == 0, f"{command} (in {cwd}) exited {proc.returncode}:\n{out[-3000:]}"
    return out


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A copy of editors/vscode, built by the README's commands as written
    (all but `code --install-extension`, which needs VS Code)."""
    if NPM is None:
        pytest.skip("npm not installed")
    root = tmp_path_factory.mktemp("checkout")
    shutil.copytree(SOURCE, root / "editors" / "vscode",
                    ignore=shutil.ignore_patterns("node_modules", "out", "dist", "*.vsix"))
    cwd = root
    for line in snippet("vscode-build").splitlines():
        command = line.split("#", 1)[0].strip()
        if command.startswith("cd "):
            cwd = cwd / command[3:].strip()
        elif command.startswith("code "):
            continue
        elif command:
            _sh(command, cwd)
    return cwd


def test_manifest_contributes_the_settings_and_commands():
    props = MANIFEST["contributes"]["configuration"]["properties"]
    assert props["gwlint.path"]["default"] == "gwlint"
    assert props["gwlint.typoSensitivity"]["enum"] == ["default", "review"]
    assert props["gwlint.select"]["type"] == props["gwlint.ignore"]["type"] == "array"
    commands = {c["command"] for c in MANIFEST["contributes"]["commands"]}
    assert {"gwlint.lintWorkspace", "gwlint.addWordToAllowList"} <= commands
    # the server registers gwlint.addToAllowList itself (through the client): no clash
    assert "gwlint.addToAllowList" not in commands
    assert MANIFEST["main"] == "./dist/extension.js"


def test_versions_are_pinned_and_follow_gwlint():
    from gwlint.version import __version__

    assert MANIFEST["version"] == __version__
    assert f"gwlint-{MANIFEST['version']}.vsix" in snippet("vscode-build")
    for deps in (MANIFEST["dependencies"], MANIFEST["devDependencies"]):
        for name, spec in deps.items():
            assert re.fullmatch(r"\d+\.\d+\.\d+", spec), f"{name} {spec}: pin an exact version"
    lock = json.loads((SOURCE / "package-lock.json").read_text(encoding="utf-8"))
    assert lock["packages"][""]["dependencies"] == MANIFEST["dependencies"]
    assert lock["packages"][""]["devDependencies"] == MANIFEST["devDependencies"]
    assert not [k for k, v in lock["packages"].items() if "resolved" in v], "no registry URLs in the lock file"


@needs_npm
def test_the_vsix_has_the_manifest_the_extension_and_only_runtime_dependencies(built):
    vsix = built / f"gwlint-{MANIFEST['version']}.vsix"
    assert vsix.exists(), sorted(p.name for p in built.iterdir())
    size = vsix.stat().st_size
    print(f"\n{vsix.name}: {size} bytes ({size / 1024:.0f} KiB)")
    assert size < 500_000, size  # one bundle; no node_modules, no dev dependencies
    with zipfile.ZipFile(vsix) as z:
        names = set(z.namelist())
        packaged = json.loads(z.read("extension/package.json"))
        identity = ET.fromstring(z.read("extension.vsixmanifest")).find(".//{*}Identity")
        bundle = z.read("extension/dist/extension.js").decode("utf-8")
    for key in ("name", "version", "publisher", "main", "engines", "activationEvents", "capabilities", "contributes"):
        assert packaged[key] == MANIFEST[key], key
    assert (identity.get("Id"), identity.get("Version"), identity.get("Publisher")) == ("gwlint", MANIFEST["version"],
                                                                                      "gwlint")
    assert names == {"extension.vsixmanifest", "[Content_Types].xml", "extension/package.json",
                     "extension/readme.md", "extension/dist/extension.js"}, names
    # vscode-languageclient is inside the bundle; only `vscode` is left to the editor
    assert "Sending request" in bundle and 'require("vscode")' in bundle
    assert "gwlint.addToAllowList" in bundle and "gwlint.lintWorkspace" in bundle


@needs_npm
@pytest.mark.needs_lm
def test_the_extension_activates_against_a_vscode_stub_and_its_client_gets_diagnostics(built, tmp_path):
    out = _sh("npm test", built, env={"GWLINT_PATH": str(gwlint_wrapper(tmp_path))},
              timeout=600)
    assert re.search(r"^# fail 0$", out, re.M), out[-3000:]
    passed = int(re.search(r"^# pass (\d+)$", out, re.M).group(1))
    assert passed >= 13, out[-3000:]
    for name in ("the client spawns gwlint lsp and gets diagnostics for the open document",
                 "the settings reach the server as initializationOptions",
                 "Add Word to Allow List proposes the finding at the cursor",
                 "Lint Workspace lists the findings of the files not open"):
        assert re.search(rf"^ok \d+ - {re.escape(name)}", out, re.M), name
