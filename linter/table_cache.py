"""A disk cache for the numpy tables that rules build from their data.

Building the TY sound-alike tables takes a noticeable part of start-up, and
every run builds the same ones. They are saved once as .npy files, in a
folder named after a fingerprint of what they were built from, and later
runs memory-map them: start-up is shorter, and the workers of a batch share
the pages.

The folder is ``$GWLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/gwlint``, else
``~/.cache/gwlint``; ``GWLINT_CACHE_DIR=`` (empty) turns the cache off. A
cache that cannot be read or written is never an error: the tables are then
built in memory, as without a cache.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path
from typing import Callable

import numpy as np

MANIFEST = "arrays.txt"  # written last: a folder without it is incomplete


def cache_root() -> Path | None:
    """Where cached tables live, or None when the cache is off."""
    configured = os.environ.get("GWLINT_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured.strip() else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "gwlint"


def fingerprint(sources: list[Path]) -> tuple[str, str]:
    """(where, what): ``where`` names the installation the sources belong to,
    so that two installations (a project's and pre-commit's) keep their own
    tables; ``what`` changes whenever a source file changes (size and
    modification time, as Python's own bytecode cache checks)."""
    paths = sorted(map(str, sources))
    where = hashlib.blake2b("\n".join(paths).encode(), digest_size=5).hexdigest()
    what = hashlib.blake2b(digest_size=8)
    for path in paths:
        st = os.stat(path)
        what.update(f"{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return where, what.hexdigest()


def cached_arrays(name: str, sources: list[Path], build: Callable[[], dict[str, np.ndarray]]) -> dict[str, np.ndarray]:
    """``build()``'s arrays, read-only, from the cache when ``sources`` have
    not changed since they were stored; else built now and stored."""
    root = cache_root()
    if root is None:
        return build()
    where, what = fingerprint(sources)
    folder = root / f"{name}-{where}-{what}"
    arrays = _load(folder)
    if arrays is None:
        arrays = build()
        _store(folder, arrays, stale=f"{name}-{where}-*")
    return arrays


DATA_FILE = "data.marshal"


def cached_data(name: str, sources: list[Path], build: Callable[[], object]):
    """``build()``'s value — plain data: dicts, tuples, lists, strings, numbers
    — from the cache when ``sources`` have not changed since it was stored;
    else built now and stored. Stored with marshal, which reads such data back
    several times faster than it is built (and, unlike pickle, runs no code);
    its format belongs to the Python version, which names the folder too."""
    import marshal
    import sys

    root = cache_root()
    if root is None:
        return build()
    where, what = fingerprint(sources)
    python = f"py{sys.version_info[0]}{sys.version_info[1]}"
    folder = root / f"{name}-{python}-{where}-{what}"
    try:
        return marshal.loads((folder / DATA_FILE).read_bytes())
    except (OSError, ValueError, EOFError, TypeError):  # missing or damaged: build anew
        pass
    value = build()
    _store_files(folder, {DATA_FILE: marshal.dumps(value)}, stale=f"{name}-{python}-{where}-*")
    return value


def _store_files(folder: Path, files: dict[str, bytes], stale: str) -> None:
    """Write the files into a temporary folder, then rename it into place
    (atomic: a reader sees all of it or none); older versions (``stale``) are removed."""
    root, tmp = folder.parent, None
    try:
        root.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(dir=root, prefix=".tmp-"))
        for n, data in files.items():
            (tmp / n).write_bytes(data)
        if folder.exists():
            shutil.rmtree(folder, ignore_errors=True)
        os.rename(tmp, folder)
        tmp = None
        for old in root.glob(stale):
            if old != folder:
                shutil.rmtree(old, ignore_errors=True)
    except OSError:
        pass  # read-only home, full disk, another process won the rename: run without the cache
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)


def _load(folder: Path) -> dict[str, np.ndarray] | None:
    try:
        names = (folder / MANIFEST).read_text(encoding="utf-8").split()
        # plain read-only arrays over the mapped files (not np.memmap: numpy
        # would wrap every result of indexing them in that subclass)
        return {n: np.load(folder / f"{n}.npy", mmap_mode="r", allow_pickle=False).view(np.ndarray)
                for n in names}
    except (OSError, ValueError, EOFError):  # missing, unreadable or damaged: build anew
        return None


def _store(folder: Path, arrays: dict[str, np.ndarray], stale: str) -> None:
    """The arrays as .npy files, and the manifest written last."""
    import io

    files = {}
    for n, a in arrays.items():
        buf = io.BytesIO()
        np.save(buf, np.ascontiguousarray(a), allow_pickle=False)
        files[f"{n}.npy"] = buf.getvalue()
    files[MANIFEST] = ("\n".join(arrays) + "\n").encode("utf-8")
    _store_files(folder, files, stale)
