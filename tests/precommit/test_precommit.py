"""The real pre-commit framework runs gwlint's hook (pre-commit try-repo):
it fails on a bad draft and passes on a clean one."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.core.helpers import ROOT

PRE_COMMIT = shutil.which("pre-commit") or str(Path(sys.executable).with_name("pre-commit"))


def _git(*args, cwd):
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.invalid",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.invalid")
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env=env)


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory):
    """A committed copy of this project, as pre-commit needs a git repository."""
    if shutil.which("git") is None or not Path(PRE_COMMIT).exists():
        pytest.skip("git or pre-commit not installed")
    repo = tmp_path_factory.mktemp("hookrepo")
    ignore = shutil.ignore_patterns(".venv", ".git", "build", "*.egg-info", "__pycache__", ".pytest_cache",
                                    ".hypothesis")
    shutil.copytree(ROOT, repo, dirs_exist_ok=True, ignore=ignore)
    _git("init", "-q", cwd=repo)
    _git("add", "-A", cwd=repo)
    _git("commit", "-qm", "snapshot", cwd=repo)
    return repo


def _try_repo(hook_repo, work, home):
    env = dict(os.environ, PRE_COMMIT_HOME=str(home), NO_COLOR="1")
    return subprocess.run([PRE_COMMIT, "try-repo", str(hook_repo), "gwlint", "--all-files"], cwd=work,
                          capture_output=True, env=env, timeout=1500)


@pytest.mark.slow
def test_hook_fails_on_a_bad_draft_and_passes_on_a_clean_one(hook_repo, tmp_path):
    home = tmp_path / "pre-commit-home"
    bad = tmp_path / "bad"
    bad.mkdir()
    _git("init", "-q", cwd=bad)
    (bad / "draft.txt").write_text("同志们：\n请XX同志发言。\n谢谢大家！\n", encoding="utf-8")
    _git("add", "-A", cwd=bad)
    proc = _try_repo(hook_repo, bad, home)
    out = proc.stdout.decode("utf-8", "replace")
    assert proc.returncode == 1, out[-2000:]
    assert "PH001" in out

    good = tmp_path / "good"
    good.mkdir()
    _git("init", "-q", cwd=good)
    (good / "draft.txt").write_text("同志们：\n今天我们召开会议，请张明同志发言。\n谢谢大家！\n", encoding="utf-8")
    _git("add", "-A", cwd=good)
    proc = _try_repo(hook_repo, good, home)
    assert proc.returncode == 0, proc.stdout.decode("utf-8", "replace")[-2000:]
