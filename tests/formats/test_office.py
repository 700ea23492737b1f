""".doc and .wps through LibreOffice: a private temporary folder that is
always removed, a time limit, concurrent runs, and one-line errors when
LibreOffice is missing, fails or hangs (a stand-in soffice plays those)."""
from __future__ import annotations

import os
import stat
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest

from gwlint import InputError, load_bytes, load_path
from gwlint.formats.office import OLE_MAGIC
from tests.formats.conftest import PARAGRAPHS
from tests.formats.makers import needs

ISSUE_17 = "binary file (contains NUL bytes)"


def _fake_soffice(folder: Path, script: str) -> Path:
    """A stand-in ``soffice`` first on PATH."""
    folder.mkdir(exist_ok=True)
    exe = folder / "soffice"
    exe.write_text("#!/bin/sh\n" + script)
    exe.chmod(exe.stat().st_mode | stat.S_IEXEC)
    return folder


@pytest.fixture
def private_tmp(tmp_path, monkeypatch):
    """Where the reader makes its temporary folders, to see them removed."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_doc_and_wps_convert_and_leave_nothing_behind(made_as, private_tmp):
    data = made_as("doc").read_bytes()
    assert data.startswith(OLE_MAGIC)
    for suffix in ("doc", "wps"):
        doc = load_bytes(data, f"draft.{suffix}")
        assert doc.kind == suffix and doc.paragraph_starts is not None
        assert [p for p in doc.text.split("\n") if p][:len(PARAGRAPHS)] == PARAGRAPHS
    assert list(private_tmp.iterdir()) == []


def test_concurrent_conversions_do_not_collide(made_as):
    """Each conversion has its own LibreOffice profile: two at once both work."""
    data = made_as("doc").read_bytes()
    results, errors = [], []

    def convert():
        try:
            results.append(load_bytes(data, "draft.doc").text)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=convert) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not errors and len(results) == 2 and results[0] == results[1]


def test_issue_17_doc_no_longer_refused_as_binary(made_as, tmp_path):
    path = tmp_path / "draft.doc"
    path.write_bytes(made_as("doc").read_bytes())
    out = subprocess.run([sys.executable, "-m", "gwlint", str(path)], capture_output=True, text=True, timeout=300)
    assert ISSUE_17 not in out.stderr and out.returncode == 1 and "PH001" in out.stdout


def test_what_a_doc_really_holds_is_checked_first(tmp_path):
    from tests.formats.test_rtf import word_rtf

    doc = load_bytes(word_rtf("其实是RTF"), "x.doc")  # an RTF saved under .doc, as office systems do
    assert (doc.text, doc.kind) == ("其实是RTF", "doc")
    with pytest.raises(InputError, match="web page"):
        load_bytes(b"<html><body>\xe6\x96\x87</body></html>", "x.doc")
    with pytest.raises(InputError, match="no compound-file signature"):
        load_bytes(b"garbage", "x.wps")


def test_docx_named_doc_is_read_as_docx():
    import io

    import docx

    buf = io.BytesIO()
    d = docx.Document()
    d.add_paragraph("改了扩展名的文档")
    d.save(buf)
    assert load_bytes(buf.getvalue(), "x.doc").text == "改了扩展名的文档"


def test_damaged_doc_is_a_one_line_error(made_as):
    needs("soffice")
    damaged = made_as("doc").read_bytes()[:3000]
    with pytest.raises(InputError, match="LibreOffice could not convert") as exc:
        load_bytes(damaged, "broken.doc")
    assert "\n" not in str(exc.value)


def test_without_libreoffice_the_error_says_how_to_install(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    with pytest.raises(InputError, match="apt-get install libreoffice-writer-nogui"):
        load_bytes(OLE_MAGIC + b"\x00" * 600, "x.doc")


def test_cli_without_libreoffice_exits_2_with_one_line(tmp_path):
    f = tmp_path / "x.wps"
    f.write_bytes(OLE_MAGIC + b"\x00" * 600)
    out = subprocess.run([sys.executable, "-m", "gwlint", str(f)], capture_output=True, text=True, timeout=60,
                         env=dict(os.environ, PATH=str(tmp_path / "empty")))
    assert out.returncode == 2
    errors = [l for l in out.stderr.splitlines() if l.startswith("gwlint: error:")]
    assert len(errors) == 1 and "libreoffice" in errors[0].lower() and "Traceback" not in out.stderr


def test_libreoffice_failing_is_a_one_line_error(tmp_path, monkeypatch, private_tmp):
    bin_dir = _fake_soffice(tmp_path / "bin", 'echo "Error: source file could not be loaded" >&2\nexit 1\n')
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    with pytest.raises(InputError, match="could not convert.*source file could not be loaded"):
        load_bytes(OLE_MAGIC + b"\x00" * 600, "x.doc")
    assert list(private_tmp.iterdir()) == []


def test_libreoffice_hanging_is_stopped_with_its_children(tmp_path, monkeypatch, private_tmp):
    """The whole process group ends at the time limit (soffice starts soffice.bin)."""
    pidfile = tmp_path / "child.pid"
    bin_dir = _fake_soffice(tmp_path / "bin", f"sleep 60 &\necho $! > {pidfile}\nwait\n")
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    from gwlint.formats import _tools

    monkeypatch.setattr(_tools, "TIMEOUT", 1.0)
    start = time.monotonic()
    with pytest.raises(InputError, match="took longer than 1 s"):
        load_bytes(OLE_MAGIC + b"\x00" * 600, "x.doc")
    assert time.monotonic() - start < 30
    child = int(pidfile.read_text())
    time.sleep(0.2)
    assert not _alive(child)
    assert list(private_tmp.iterdir()) == []


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split()[2] != "Z"
    except FileNotFoundError:
        return False


def test_load_path_uses_the_suffix(made_as, tmp_path):
    path = tmp_path / "draft.wps"
    path.write_bytes(made_as("doc").read_bytes())
    assert load_path(path).kind == "wps"
