"""Running the real CLI in-process and as a subprocess."""
import io
import json
import os
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_cli(*args, stdin: bytes | None = None, cwd=None) -> subprocess.CompletedProcess:
    """Run ``python -m gwlint ARGS`` the way a user runs gwlint."""
    env = dict(os.environ, NO_COLOR="1", PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "gwlint", *map(str, args)], input=stdin,
                          capture_output=True, cwd=cwd or ROOT, env=env, timeout=300)


def run_json(*args, **kw):
    proc = run_cli("--format", "json", *args, **kw)
    return proc, json.loads(proc.stdout.decode("utf-8") or "[]")


def config_for(path, explicit=None):
    """The configuration the CLI would use for ``path``."""
    from gwlint.config import ConfigResolver
    from gwlint.rules import bundled_registry

    return ConfigResolver(bundled_registry(), explicit).for_path(path)
