"""Word 97–2003 (.doc) and WPS (.wps) drafts, converted to .docx by
LibreOffice and read like any .docx.

Each conversion runs in a private temporary folder (LibreOffice's own
profile and temporary files included, so that concurrent runs never share
one) that is removed afterwards, whatever happens, with a time limit.

What a file holds is checked first: many ".doc" files from office systems
are really RTF, .docx or a web page, and LibreOffice would read anything it
does not recognise as plain text.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..errors import InputError
from . import _tools

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the compound file of Word 97–2003 and WPS
INSTALL_HINT = "Debian/Ubuntu: apt-get install libreoffice-writer-nogui; elsewhere install LibreOffice"


def read_doc(data: bytes, path: str):
    return _read(data, path, ".doc")


def read_wps(data: bytes, path: str):
    return _read(data, path, ".wps")


def _read(data: bytes, path: str, suffix: str):
    doc = _read_what_it_holds(data, path, suffix)
    doc.kind = doc.encoding = suffix[1:]  # to the user it is a .doc (or .wps), whatever it holds
    return doc


def _read_what_it_holds(data: bytes, path: str, suffix: str):
    head = data[:512].lstrip()
    if head.startswith(b"{\\rtf"):
        from .rtf import read as read_rtf

        return read_rtf(data, path)
    if data.startswith(b"PK\x03\x04"):
        from ..docx_io import read_docx

        return read_docx(data, path)
    if not data.startswith(OLE_MAGIC):
        lowered = head.lower()
        if lowered.startswith((b"<html", b"<!doctype", b"mime-version", b"<?xml")) or b"<html" in lowered:
            raise InputError(f"{path}: is a web page (HTML/XML) named {suffix}, not a Word document; "
                             f"save it as .docx in Word or WPS")
        raise InputError(f"{path}: not a Word 97–2003 or WPS document (no compound-file signature)")
    return convert_to_docx(data, path, suffix)


def convert_to_docx(data: bytes, path: str, suffix: str):
    """The file converted by ``soffice --headless --convert-to docx``, read."""
    soffice = _tools.find("soffice", path, suffix, INSTALL_HINT)
    with tempfile.TemporaryDirectory(prefix="gwlint-office-", ignore_cleanup_errors=True) as tmp:
        source = os.path.join(tmp, "draft" + suffix)
        outdir = os.path.join(tmp, "out")
        with open(source, "wb") as f:
            f.write(data)
        env = dict(os.environ, TMPDIR=tmp, HOME=tmp)
        argv = [soffice, "-env:UserInstallation=" + Path(tmp, "profile").as_uri(), "--headless", "--invisible",
                "--nologo", "--norestore", "--nolockcheck", "--nodefault",
                "--convert-to", "docx", "--outdir", outdir, source]
        proc = _tools.run(argv, path, f"LibreOffice converting {suffix}", env=env)
        converted = os.path.join(outdir, "draft.docx")
        if not os.path.exists(converted):
            raise InputError(f"{path}: LibreOffice could not convert this {suffix} (damaged or password-protected?): "
                             f"{_tools.last_line(proc.stderr or proc.stdout)}")
        with open(converted, "rb") as f:
            converted_data = f.read()
    from ..docx_io import read_docx

    return read_docx(converted_data, path)
