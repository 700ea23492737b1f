"""Zipped formats (.odt, .ofd): open the archive and read members with the
size bounded, so that a zip bomb is refused before it is expanded."""
from __future__ import annotations

import io
import zipfile

from ..errors import InputError

MAX_UNCOMPRESSED = 200 * 1024 * 1024  # the same bound as .docx (gwlint.docx_io)
MAX_MEMBER = 64 * 1024 * 1024  # one XML part


def open_zip(data: bytes, path: str, what: str) -> zipfile.ZipFile:
    """The archive, or a one-line error when it is none or claims too much."""
    if not data.startswith(b"PK"):
        raise InputError(f"{path}: not a valid {what} (not a zip file)")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError):
        raise InputError(f"{path}: not a valid {what} (damaged or truncated zip file)") from None
    total = sum(i.file_size for i in infos)
    if total > MAX_UNCOMPRESSED:
        raise InputError(f"{path}: {what} expands to {total:,} bytes, refused (zip bomb?)")
    return zf


def names(zf: zipfile.ZipFile) -> set[str]:
    return {i.filename for i in zf.infolist()}


def read_member(zf: zipfile.ZipFile, member: str, path: str, what: str, limit: int | None = None) -> bytes:
    """A member's bytes; never more than ``limit`` (MAX_MEMBER), whatever
    its header says."""
    limit = MAX_MEMBER if limit is None else limit
    try:
        with zf.open(member) as f:
            data = f.read(limit + 1)
    except KeyError:
        raise InputError(f"{path}: not a valid {what} ({member} is missing)") from None
    except RuntimeError:  # an encrypted member
        raise InputError(f"{path}: {what} is password-protected (encrypted zip), cannot be read") from None
    except NotImplementedError:
        raise InputError(f"{path}: {what} uses an unsupported zip compression") from None
    except (zipfile.BadZipFile, EOFError, OSError, ValueError) as exc:
        raise InputError(f"{path}: damaged {what} ({member}: {type(exc).__name__})") from None
    except Exception as exc:  # zlib.error and friends on corrupt data
        raise InputError(f"{path}: damaged {what} ({member}: {type(exc).__name__})") from None
    if len(data) > limit:
        raise InputError(f"{path}: {member} expands to more than {limit:,} bytes, refused (zip bomb?)")
    return data
