"""The README's set-up snippets, verbatim, so that the tests run exactly what
a user copies (and the README cannot drift from what is tested).

A snippet is the fenced code block right after `<!-- snippet: NAME -->`."""
import os
import re
import stat
import sys
from pathlib import Path

from tests.helpers import ROOT

README = ROOT / "README.md"


def snippet(name: str) -> str:
    text = README.read_text(encoding="utf-8")
    found = re.findall(r"<!-- snippet: " + re.escape(name) + r" -->\s*\n(`{3,})[^\n]*\n(.*?)\n\1[ \t]*\n",
                       text, re.S)
    assert len(found) == 1, f"README.md must have exactly one snippet named {name!r} (found {len(found)})"
    return found[0][1] + "\n"


def gwlint_wrapper(tmp_path) -> Path:
    """An executable `gwlint` that runs this checkout with this interpreter."""
    bindir = tmp_path / "bin"
    bindir.mkdir(exist_ok=True)
    wrapper = bindir / "gwlint"
    wrapper.write_text(f'#!/bin/sh\nPYTHONPATH="{ROOT}" exec "{sys.executable}" -m gwlint "$@"\n', encoding="utf-8")
    wrapper.chmod(wrapper.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return wrapper


def gwlint_on_path(tmp_path) -> str:
    """A PATH whose `gwlint` is gwlint_wrapper's, as the snippets name
    `gwlint` bare (as a user's PATH would have it)."""
    return f"{gwlint_wrapper(tmp_path).parent}{os.pathsep}{os.environ.get('PATH', '/usr/bin:/bin')}"
