"""Running an outside converter (LibreOffice, pdftotext): found on PATH or
a one-line error saying how to install it; a timeout that ends the whole
process group (soffice starts soffice.bin), never a traceback."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess

from ..errors import InputError

TIMEOUT = float(os.environ.get("GWLINT_CONVERT_TIMEOUT", "120"))  # seconds per file


def find(program: str, path: str, what: str, how: str) -> str:
    found = shutil.which(program)
    if found is None:
        raise InputError(f"{path}: reading {what} needs {program}, which is not installed ({how})")
    return found


def run(argv: list[str], path: str, what: str, timeout: float | None = None,
        env: dict | None = None, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    """Run ``argv`` (``stdin`` on its standard input); InputError when it
    cannot start or runs out of time."""
    timeout = TIMEOUT if timeout is None else timeout
    try:
        proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL if stdin is None else subprocess.PIPE,
                                stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, start_new_session=True, env=env)
    except OSError as exc:
        raise InputError(f"{path}: cannot run {os.path.basename(argv[0])}: {exc.strerror or exc}") from None
    try:
        out, err = proc.communicate(stdin, timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(proc)
        raise InputError(f"{path}: {what} took longer than {timeout:g} s, stopped "
                         f"(GWLINT_CONVERT_TIMEOUT sets the limit)") from None
    except BaseException:
        _kill_group(proc)
        raise
    return subprocess.CompletedProcess(argv, proc.returncode, out, err)


def _kill_group(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    try:
        proc.communicate(timeout=10)
    except (subprocess.TimeoutExpired, ValueError, OSError):
        pass


def last_line(stderr: bytes) -> str:
    """The last meaningful line a tool printed, for an error message."""
    lines = [l.strip() for l in stderr.decode("utf-8", "replace").splitlines()]
    lines = [l for l in lines if l and "javaldx" not in l]
    return lines[-1][:200] if lines else "no message"
