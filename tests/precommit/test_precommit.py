"""The README's pre-commit snippets, copied verbatim out of README.md, run
through the real pre-commit framework: `try-repo`, the configuration (with
`rev: HEAD`, then `autoupdate --freeze` and `install` and a blocked commit) and
the `repo: local` hook. They fail on a bad draft and pass on a clean one.

Only the placeholder URL of the snippets is replaced, by a local git clone of
this project. The README's earlier snippet named `rev: v0.1.0`, a tag that
never existed ("pathspec 'v0.1.0' did not match")."""
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT
from tests.editors.helpers import gwlint_on_path, snippet

PRE_COMMIT = shutil.which("pre-commit") or str(Path(sys.executable).with_name("pre-commit"))
PLACEHOLDER = "https://git.example.org/your-org/gwlint"
BAD = "同志们：\n请XX同志发言。\n谢谢大家！\n"
GOOD = "同志们：\n今天我们召开会议，请张明同志发言。\n谢谢大家！\n"
GIT_ENV = dict(GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.invalid", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@example.invalid", GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1")


def _git(*args, cwd) -> str:
    proc = subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env=dict(os.environ, **GIT_ENV))
    return proc.stdout.decode("utf-8").strip()


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory):
    """A local clone of this project, as a user's copy of gwlint: a committed
    snapshot of the working tree (pre-commit needs a git repository)."""
    if shutil.which("git") is None or not Path(PRE_COMMIT).exists():
        pytest.skip("git or pre-commit not installed")
    repo = tmp_path_factory.mktemp("gwlint-clone")
    untracked = shutil.ignore_patterns(".venv", ".git", "build", "*.egg-info", "__pycache__", ".pytest_cache",
                                       ".hypothesis", "node_modules", "*.vsix")

    def ignore(folder, names):  # and the VS Code extension's build
        return set(untracked(folder, names)) | ({"out", "dist"} & set(names) if Path(folder).name == "vscode" else set())

    shutil.copytree(ROOT, repo, dirs_exist_ok=True, ignore=ignore)
    _git("init", "-q", "-b", "main", cwd=repo)
    _git("add", "-A", cwd=repo)
    _git("commit", "-qm", "snapshot", cwd=repo)
    return repo


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory):
    """One pre-commit cache for the module: each (repo, rev) installs gwlint once."""
    return tmp_path_factory.mktemp("pre-commit-home")


def _drafts(tmp_path: Path, name: str, text: str) -> Path:
    repo = tmp_path / name
    repo.mkdir()
    _git("init", "-q", cwd=repo)
    (repo / "draft.txt").write_text(text, encoding="utf-8")
    _git("add", "-A", cwd=repo)
    return repo


def _run(argv, cwd, home, path=None):
    env = dict(os.environ, **GIT_ENV, PRE_COMMIT_HOME=str(home), NO_COLOR="1")
    if path:
        env["PATH"] = path
    if argv[0] == "pre-commit":
        argv = [PRE_COMMIT, *argv[1:]]
    proc = subprocess.run(argv, cwd=cwd, capture_output=True, env=env, timeout=1500)
    return proc.returncode, (proc.stdout + proc.stderr).decode("utf-8", "replace")


def _commands(name: str) -> list[list[str]]:
    return [shlex.split(line) for line in snippet(name).splitlines() if line.strip()]


def _with_clone(text: str, hook_repo: Path) -> str:
    assert text.count(PLACEHOLDER) == 1, text
    return text.replace(PLACEHOLDER, str(hook_repo))


@pytest.mark.slow
def test_readme_try_repo_fails_on_a_bad_draft_and_passes_on_a_clean_one(hook_repo, pre_commit_home, tmp_path):
    [argv] = _commands("pre-commit-try")
    assert argv[:2] == ["pre-commit", "try-repo"] and argv[2] == PLACEHOLDER
    argv[2] = str(hook_repo)
    code, out = _run(argv, _drafts(tmp_path, "bad", BAD), pre_commit_home)
    assert code == 1, out[-2000:]
    assert "PH001" in out
    code, out = _run(argv, _drafts(tmp_path, "good", GOOD), pre_commit_home)
    assert code == 0, out[-2000:]


@pytest.mark.slow
def test_readme_config_works_as_written_then_pinned_and_installed(hook_repo, pre_commit_home, tmp_path):
    config = _with_clone(snippet("pre-commit-config"), hook_repo)
    bad = _drafts(tmp_path, "bad", BAD)
    (bad / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")

    # as written: rev HEAD exists (v0.1.0 did not), with pre-commit's warning
    code, out = _run(["pre-commit", "run", "--all-files"], bad, pre_commit_home)
    assert code == 1, out[-2000:]
    assert "PH001" in out and "did not match" not in out
    assert "mutable reference" in out  # as the README says

    # the README's next commands: pin, install; then a commit of the bad draft is refused
    for argv in _commands("pre-commit-install"):
        code, out = _run(argv, bad, pre_commit_home)
        assert code == 0, (argv, out[-2000:])
    head = _git("rev-parse", "HEAD", cwd=hook_repo)
    pinned = (bad / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert re.search(rf"^\s+rev: {head}\s", pinned, re.M), pinned
    assert pinned.replace(head, "HEAD", 1) == config  # nothing else changed

    _git("add", ".pre-commit-config.yaml", cwd=bad)
    code, out = _run(["git", "commit", "-qm", "draft"], bad, pre_commit_home)
    assert code != 0 and "PH001" in out, out[-2000:]
    assert "mutable reference" not in out  # pinned: no more warning

    good = _drafts(tmp_path, "good", GOOD)
    (good / ".pre-commit-config.yaml").write_text(pinned, encoding="utf-8")
    _git("add", ".pre-commit-config.yaml", cwd=good)
    code, out = _run(["pre-commit", "install"], good, pre_commit_home)
    assert code == 0, out
    code, out = _run(["git", "commit", "-qm", "draft"], good, pre_commit_home)
    assert code == 0, out[-2000:]



def test_readme_local_hook_uses_the_installed_gwlint(tmp_path):
    if shutil.which("git") is None or not Path(PRE_COMMIT).exists():
        pytest.skip("git or pre-commit not installed")
    config = snippet("pre-commit-local")
    path = gwlint_on_path(tmp_path)
    home = tmp_path / "pre-commit-home"
    bad = _drafts(tmp_path, "bad", BAD)
    (bad / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    code, out = _run(["pre-commit", "run", "--all-files"], bad, home, path=path)
    assert code == 1 and "PH001" in out, out[-2000:]
    good = _drafts(tmp_path, "good", GOOD)
    (good / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    code, out = _run(["pre-commit", "run", "--all-files"], good, home, path=path)
    assert code == 0, out[-2000:]
