"""Careful edits to the configuration in force: add a word to `allow`, or a
rule to `per-file-ignores` for one file (`extend-allow` and
`extend-per-file-ignores` in a file that extends another and does not set
the key itself, so that the extended file's entries still apply).

The file is a `gwlint.toml` or a `pyproject.toml` (then the `[tool.gwlint]`
table is edited). tomlkit keeps everything else as it was: comments, also
inside a multi-line `allow = [...]`, order, layout. A symlinked config stays
a link: its target is rewritten. Before anything is written, the result is
read back and must be exactly the old configuration plus the one change, and
a configuration gwlint accepts; otherwise nothing is written.
"""
from __future__ import annotations

import copy
import os
import re
from pathlib import Path

from gwlint.config import parse_config
from gwlint.errors import ConfigError
from gwlint.fixes import write_atomic


class EditError(Exception):
    """The configuration could not be edited; nothing was written."""


def _gwlint_table(data: dict, config: Path):
    """The gwlint table of a parsed file (``tool.gwlint`` in pyproject.toml), or None."""
    if config.name != "pyproject.toml":
        return data
    tool = data.get("tool")
    return tool.get("gwlint") if isinstance(tool, dict) else None


def _read(config: Path) -> tuple[str, bool]:
    """The file's text (without a BOM) and whether it had one; ("", False) if it does not exist."""
    try:
        raw = config.read_bytes()
    except FileNotFoundError:
        return "", False
    except OSError as exc:
        raise EditError(f"{config}: cannot read: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise EditError(f"{config}: not UTF-8") from None
    return text, raw.startswith(b"\xef\xbb\xbf")


def _edit(config: Path, registry, changes, expect) -> bool:
    """Make the change to the gwlint table of ``config`` and write the
    result. ``expect(old_table)`` is the plain table the change must
    produce (None: the change is already there, nothing is written);
    ``changes`` are ways of making it on the tomlkit document, tried in turn
    until one gives exactly that and leaves the rest of the file alone."""
    import tomli
    import tomlkit
    from tomlkit.exceptions import TOMLKitError

    text, bom = _read(config)
    try:
        old_plain = tomli.loads(text)
        tomlkit.parse(text)
    except (tomli.TOMLDecodeError, TOMLKitError) as exc:
        raise EditError(f"{config}: malformed TOML ({exc}); fix it first") from None
    old_table = _gwlint_table(old_plain, config)
    if not isinstance(old_table, dict):
        raise EditError(f"{config}: no [tool.gwlint] table")
    try:
        parse_config(old_table, str(config), registry)
    except ConfigError as exc:
        raise EditError(f"the configuration in force has an error ({exc}); fix it first") from None
    wanted = expect(copy.deepcopy(old_table))
    if wanted is None:
        return False
    for change in changes:
        doc = tomlkit.parse(text)
        try:
            change(_gwlint_table(doc, config))
            new_text = tomlkit.dumps(doc)
            new_plain = tomli.loads(new_text)
        except (tomli.TOMLDecodeError, TOMLKitError):
            continue
        if _gwlint_table(new_plain, config) == wanted and _rest(new_plain, config) == _rest(old_plain, config):
            break
    else:
        raise EditError(f"{config}: cannot make this change safely in this file's layout; edit it by hand")
    try:
        parse_config(wanted, str(config), registry)
    except ConfigError as exc:
        raise EditError(str(exc)) from None
    if not text.endswith("\n\n"):  # a table added at the end leaves a blank line
        new_text = new_text.rstrip("\n") + "\n"
    # a symlinked config stays a link: rewrite its target
    target = Path(os.path.realpath(config))
    write_atomic(target, (b"\xef\xbb\xbf" if bom else b"") + new_text.encode("utf-8"))
    return True


def _rest(data: dict, config: Path) -> dict:
    """Everything in a parsed file but the gwlint table."""
    if config.name != "pyproject.toml":
        return {}
    tool = data.get("tool", {})
    return {**data, "tool": {k: v for k, v in tool.items() if k != "gwlint"}}


def _key_for(table: dict, key: str) -> str:
    """``key``, or ``extend-<key>`` in a file that extends another and does
    not set ``key`` itself: there ``key`` would replace the extended file's
    list whole (dropping its words), where ``extend-<key>`` adds to it."""
    if key not in table and "extend" in table:
        return f"extend-{key}"
    return key


def add_allowed_word(config: Path, word: str, registry) -> bool:
    """Add ``word`` to ``allow`` in ``config`` (created if missing). False if it was there."""

    def expect(table):
        words = table.setdefault(_key_for(table, "allow"), [])
        if word in words:
            return None
        words.append(word)
        return table

    def change(table):
        key = _key_for(table, "allow")
        if key in table:
            table[key].append(word)
        else:
            table[key] = [word]

    return _edit(config, registry, [change], expect)


_GLOB_SPECIAL = re.compile(r"([*?\[])")


def glob_literal(relpath: str) -> str:
    """``relpath`` as a per-file-ignores pattern that matches only itself."""
    return _GLOB_SPECIAL.sub(r"[\1]", relpath)


def ignore_rule_for_file(config: Path, relpath: str, code: str, registry) -> bool:
    """Add ``code`` to ``per-file-ignores`` for ``relpath`` (relative to the
    config's folder). False if it was there."""
    import tomlkit

    key = glob_literal(relpath)

    def expect(table):
        codes = table.setdefault(_key_for(table, "per-file-ignores"), {}).setdefault(key, [])
        if code in codes:
            return None
        codes.append(code)
        return table

    def change_with(make_table):
        def change(table):
            name = _key_for(table, "per-file-ignores")
            pfi = table.get(name)
            if pfi is None:
                table[name] = make_table()
            elif key in pfi:
                pfi[key].append(code)
            else:
                pfi[key] = [code]
        return change

    def new_table():
        t = tomlkit.table()
        t[key] = [code]
        t.add(tomlkit.nl())  # a blank line before whatever table follows
        return t

    def new_inline_table():
        t = tomlkit.inline_table()
        t[key] = [code]
        return t

    # a [per-file-ignores] table; beside dotted keys (gwlint.ignore = … under
    # [tool]) its header would land in the wrong place, and an inline table does not
    return _edit(config, registry, [change_with(new_table), change_with(new_inline_table)], expect)
