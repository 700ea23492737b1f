"""Reading and rewriting files that gwlint does not trust.

Reading: only regular files, opened without blocking (a FIFO named
``x.txt`` would otherwise hang the run) and read up to a limit (``/dev/zero``
or a file that grows while it is read never runs on forever).

Rewriting (``--fix``) is as careful as an editor's save:

- the file must be exactly what gwlint read (same inode, size, mtime and
  SHA-256, checked again just before the write), or it is left alone: another
  program saved it meanwhile;
- a symlink is written through to its target, never replaced by a file;
- a read-only file (no write permission bit) is refused, even for root;
- when gwlint can give a new file everything the old one had (a single link,
  an owner and group it may set, every extended attribute — POSIX ACLs are
  ones — copied and read back), the new text goes to a short temporary name
  beside the target and is renamed over it: atomic, so a crash or a full disk
  leaves the original whole;
- otherwise (hard links, another user's file, attributes that cannot be
  copied), the file is rewritten in place, which keeps its inode and with it
  every link, the owner, the group, the mode, ACLs and xattrs; first a
  verified copy of the original is made beside it, and if the rewrite fails
  the original is written back from it.
"""
from __future__ import annotations

import errno
import hashlib
import os
import secrets
import stat
from dataclasses import dataclass

from .errors import GwlintError, InputError

_CHUNK = 1 << 20


def _kind(mode: int) -> str | None:
    """What a non-regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "is a named pipe (FIFO), not a regular file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a regular file"
    return "is not a regular file"


def special_kind(path: str) -> str | None:
    """Why ``path`` (symlinks followed) is not a regular file, or None."""
    try:
        return _kind(os.stat(path).st_mode)
    except OSError:
        return None


def _over(name: str, size: int, limit: int, what: str) -> InputError:
    return InputError(f"{name}: {what} is {size:,} bytes, over the limit of {limit:,} (max-file-size)")


def read_regular(path: str | os.PathLike, limit: int | None = None, what: str = "file") -> tuple[bytes, os.stat_result]:
    """The bytes of a regular file and its ``stat``, read at most ``limit`` bytes.

    Raises InputError for anything else: a folder, a FIFO, a device, a socket,
    a missing or unreadable file, or more than ``limit`` bytes.
    """
    name = os.fsdecode(path)
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise InputError(f"{name}: is a socket, not a regular file") from None
        if exc.errno == errno.ELOOP:
            raise InputError(f"{name}: too many levels of symbolic links") from None
        raise InputError(f"{name}: cannot read: {exc.strerror or exc}") from None
    try:
        st = os.fstat(fd)
        why = _kind(st.st_mode)
        if why:
            raise InputError(f"{name}: {why}")
        if limit is not None and st.st_size > limit:
            raise _over(name, st.st_size, limit, what)
        os.set_blocking(fd, True)
        chunks, total = [], 0
        cap = None if limit is None else limit + 1
        while True:
            want = _CHUNK if cap is None else min(_CHUNK, cap - total)
            if want <= 0:
                break
            chunk = os.read(fd, want)
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if limit is not None and total > limit:
            raise _over(name, total, limit, what)  # it grew while being read
        return b"".join(chunks), st
    except InputError:
        raise
    except OSError as exc:
        raise InputError(f"{name}: cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


# ---------------------------------------------------------------- writing

@dataclass(frozen=True)
class Snapshot:
    """What a file was when gwlint read it; a fix is written only over this."""

    dev: int
    ino: int
    size: int
    mtime_ns: int
    sha256: str

    @classmethod
    def of(cls, st: os.stat_result, data: bytes) -> "Snapshot":
        return cls(st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, hashlib.sha256(data).hexdigest())


class NotWritten(GwlintError):
    """A fix that was not written, and why; the file is as it was."""


def _temp_name(folder: str) -> str:
    # short and fixed-length: a 250-byte file name still leaves room for it
    return os.path.join(folder, f".gwlint-{secrets.token_hex(6)}.tmp")


def _unchanged(real: str, name: str, expected: Snapshot | None) -> os.stat_result:
    """The target's stat, if it is still the file gwlint read; else NotWritten."""
    st = os.stat(real)
    if expected is None:
        return st
    changed = NotWritten(f"{name}: not fixed: the file changed since gwlint read it (another program saved it?)")
    if (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns) != (expected.dev, expected.ino, expected.size,
                                                                expected.mtime_ns):
        raise changed
    try:
        data, _ = read_regular(real, expected.size)
    except InputError:
        raise changed from None
    if hashlib.sha256(data).hexdigest() != expected.sha256:
        raise changed
    return st


def _xattrs(path_or_fd) -> dict[str, bytes]:
    try:
        names = os.listxattr(path_or_fd)
    except OSError as exc:
        if exc.errno in (errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS):
            return {}
        raise
    return {n: os.getxattr(path_or_fd, n) for n in names}


def _may_replace(st: os.stat_result, folder: str) -> bool:
    """Whether a new file can carry everything the old one had."""
    if st.st_nlink != 1 or not os.access(folder, os.W_OK | os.X_OK):
        return False
    euid = os.geteuid()
    if euid == 0:
        return True
    return st.st_uid == euid and (st.st_gid == os.getegid() or st.st_gid in os.getgroups())


def _fsync_folder(folder: str) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]


def _replace(real: str, name: str, data: bytes, st: os.stat_result, expected: Snapshot | None) -> bool:
    """Write a copy with the same metadata and rename it over ``real``.
    False (nothing changed) when the metadata could not all be carried over."""
    folder = os.path.dirname(real) or "."
    attrs = _xattrs(real)
    tmp = _temp_name(folder)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o600)
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
            if os.geteuid() == 0 or st.st_gid != os.fstat(fd).st_gid:
                os.fchown(fd, st.st_uid if os.geteuid() == 0 else -1, st.st_gid)
            os.fchmod(fd, stat.S_IMODE(st.st_mode))
            for key, value in attrs.items():
                os.setxattr(fd, key, value)
            new = os.fstat(fd)
            same = ((new.st_uid, new.st_gid, stat.S_IMODE(new.st_mode)) == (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode))
                    and _xattrs(fd) == attrs)
        except OSError as exc:
            if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EROFS):
                raise
            same = False
        finally:
            os.close(fd)
        if not same:
            os.unlink(tmp)
            return False
        _unchanged(real, name, expected)
        os.replace(tmp, real)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    _fsync_folder(folder)
    return True


def _rewrite_in_place(real: str, name: str, data: bytes, expected: Snapshot | None) -> None:
    """Keep the inode: copy the original aside (read back and compared), then
    overwrite the file; if that fails, write the original back."""
    folder = os.path.dirname(real) or "."
    original, _ = read_regular(real)
    backup = _temp_name(folder)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(backup, flags, 0o600)
    except OSError as exc:
        if exc.errno not in (errno.EACCES, errno.EPERM, errno.EROFS):
            raise
        import tempfile  # a file we may write in a folder we may not: the copy goes to the temporary folder

        backup = _temp_name(tempfile.gettempdir())
        fd = os.open(backup, flags, 0o600)
    try:
        _write_all(fd, original)
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        os.unlink(backup)
        raise
    os.close(fd)
    try:
        if read_regular(backup)[0] != original:
            raise NotWritten(f"{name}: not fixed: could not make a verified copy of the original")
        _unchanged(real, name, expected)
        fd = os.open(real, os.O_WRONLY | getattr(os, "O_CLOEXEC", 0))
        try:
            try:
                _write_all(fd, data)
                os.ftruncate(fd, len(data))
                os.fsync(fd)
            except BaseException:
                os.lseek(fd, 0, os.SEEK_SET)
                _write_all(fd, original)
                os.ftruncate(fd, len(original))
                os.fsync(fd)
                raise
        finally:
            os.close(fd)
    except BaseException as exc:
        try:
            restored = read_regular(real)[0] == original
        except InputError:
            restored = False
        if not restored:  # keep the copy and say where it is
            detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            raise NotWritten(f"{name}: fix failed ({detail}); the original is saved as {backup}") from None
        os.unlink(backup)
        raise
    os.unlink(backup)


def write_fixed(path: str | os.PathLike, data: bytes, expected: Snapshot | None = None) -> str:
    """Write ``data`` over the file at ``path`` (through a symlink, to its
    target), keeping everything about the file but its text. Returns how:
    ``"renamed"`` or ``"in place"``. Raises NotWritten (the file untouched)
    when the file changed since ``expected`` or is read-only."""
    name = os.fsdecode(path)
    real = os.path.realpath(path)
    st = os.stat(real)
    if not stat.S_ISREG(st.st_mode):
        raise NotWritten(f"{name}: not fixed: {_kind(st.st_mode)}")
    if not st.st_mode & 0o222 or not os.access(real, os.W_OK):
        raise NotWritten(f"{name}: not fixed: the file is read-only")
    st = _unchanged(real, name, expected)
    if _may_replace(st, os.path.dirname(real) or "."):
        if _replace(real, name, data, st, expected):
            return "renamed"
    _rewrite_in_place(real, name, data, expected)
    return "in place"
