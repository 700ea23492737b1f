"""The new formats on the command line: found in folders, never written by
--fix (said once), read from standard input, and bad files of every format
a one-line error with exit code 2."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.formats.makers import odt, ofd
from tests.formats.test_rtf import word_rtf


def gwlint(*args, stdin: bytes | None = None, cwd=None):
    return subprocess.run([sys.executable, "-m", "gwlint", "--no-progress", *map(str, args)], input=stdin,
                          capture_output=True, timeout=120, cwd=cwd)


@pytest.fixture
def drafts(tmp_path):
    folder = tmp_path / "drafts"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.odt").write_bytes(odt(["请XX同志发言。"]))
    (folder / "sub" / "b.rtf").write_bytes(word_rtf("请XX同志发言。"))
    (folder / "sub" / "c.OFD").write_bytes(ofd(["同志们：", "请XX同志发言。"]))
    (folder / "notes.xlsx").write_bytes(b"PK not ours")
    return folder


def test_folders_take_the_new_suffixes(drafts):
    out = gwlint("--format", "json", drafts)
    assert out.returncode == 1, out.stderr
    paths = {f["path"].rsplit("/", 1)[-1] for f in json.loads(out.stdout)}
    assert paths == {"a.odt", "b.rtf", "c.OFD"}


def test_fix_never_writes_these_formats_and_says_so_once(drafts):
    before = {p: p.read_bytes() for p in drafts.rglob("*") if p.is_file()}
    out = gwlint("--fix", drafts)
    assert {p: p.read_bytes() for p in before} == before
    stderr = out.stderr.decode()
    notices = [l for l in stderr.splitlines() if "--fix cannot write" in l]
    assert len(notices) == 1 and ".odt (1 file)" in notices[0] and ".ofd (1 file)" in notices[0]
    assert out.returncode == 1 and out.stdout.decode().count("PH001") == 3


def test_diff_shows_nothing_for_these_formats(drafts):
    out = gwlint("--diff", drafts / "a.odt")
    assert out.stdout == b"" and b"--fix cannot write .odt" in out.stderr


def test_standard_input_with_a_file_name(drafts):
    out = gwlint("--stdin-filename", "draft.odt", "-", stdin=(drafts / "a.odt").read_bytes())
    assert out.returncode == 1 and b"PH001" in out.stdout


def test_fix_on_standard_input_does_not_write_a_word_file_to_stdout(drafts):
    out = gwlint("--fix", "--stdin-filename", "draft.odt", "-", stdin=(drafts / "a.odt").read_bytes())
    assert out.returncode == 1 and b"PH001" in out.stdout and b"Traceback" not in out.stderr
    assert b"--fix cannot write .odt" in out.stderr


BAD = {
    "x.odt": b"not a zip",
    "x.rtf": b"not rtf either",
    "x.doc": b"<html><body>web page</body></html>",
    "x.wps": b"garbage",
    "x.pdf": b"garbage",
    "x.ofd": b"PK\x03\x04truncated",
}


@pytest.mark.parametrize("name", BAD)
def test_bad_files_exit_2_with_one_line(tmp_path, name):
    f = tmp_path / name
    f.write_bytes(BAD[name])
    out = gwlint(f)
    stderr = out.stderr.decode()
    assert out.returncode == 2 and "Traceback" not in stderr
    assert [l for l in stderr.splitlines() if l.startswith("gwlint: error:")] == [stderr.splitlines()[0]]
    assert str(f) in stderr.splitlines()[0]
