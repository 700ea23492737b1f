"""--fix never loses text: a write that dies before the rename leaves the
original file intact, with no temporary file left behind."""
import os

import pytest

from gwlint import cli, fixes

ORIGINAL = "同志们:\r\n今天召开会议,请大家发言。\r\n".encode("gb18030")


def test_failed_rename_keeps_the_original(tmp_path, monkeypatch):
    f = tmp_path / "draft.txt"
    f.write_bytes(ORIGINAL)

    def crash(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    code = cli.main(["--fix", "--select", "PU", str(f)])
    assert f.read_bytes() == ORIGINAL
    assert [p.name for p in tmp_path.iterdir()] == ["draft.txt"]
    assert code == 2


def test_killed_while_writing_keeps_the_original(tmp_path, monkeypatch):
    """Simulate the process dying mid-write: the exception escapes write_atomic."""
    f = tmp_path / "draft.txt"
    f.write_bytes(ORIGINAL)
    real_fsync = os.fsync

    def die(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", die)
    with pytest.raises(KeyboardInterrupt):
        fixes.write_atomic(f, b"partial")
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert f.read_bytes() == ORIGINAL
    assert [p.name for p in tmp_path.iterdir()] == ["draft.txt"]


def test_write_atomic_keeps_permissions(tmp_path):
    f = tmp_path / "draft.txt"
    f.write_bytes(ORIGINAL)
    f.chmod(0o640)
    fixes.write_atomic(f, b"new")
    assert f.read_bytes() == b"new"
    assert (f.stat().st_mode & 0o777) == 0o640
