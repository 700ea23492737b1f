"""Small, careful edits to the workspace gwlint.toml: add a word to `allow`,
or a rule to `[per-file-ignores]` for one file. Other content is kept."""
from __future__ import annotations

import json
import re
from pathlib import Path

from gwlint.fixes import write_atomic


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.exists() else ""


def add_allowed_word(config: Path, word: str) -> None:
    import tomli

    text = _read(config)
    data = tomli.loads(text) if text else {}
    words = list(data.get("allow", []))
    if word in words:
        return
    words.append(word)
    line = "allow = " + json.dumps(words, ensure_ascii=False)
    pattern = re.compile(r"^allow\s*=\s*\[[^\]]*\]", re.M)
    if pattern.search(text):
        text = pattern.sub(lambda m: line, text, count=1)
    else:
        # top-level keys must come before the first table
        m = re.search(r"^\[", text, re.M)
        text = text[:m.start()] + line + "\n" + text[m.start():] if m else (text.rstrip("\n") + "\n" if text else "") + line + "\n"
    tomli.loads(text)  # never write a broken file
    write_atomic(config, text.encode("utf-8"))


def ignore_rule_for_file(config: Path, relpath: str, code: str) -> None:
    import tomli

    text = _read(config)
    data = tomli.loads(text) if text else {}
    table = data.get("per-file-ignores", {})
    codes = list(table.get(relpath, []))
    if code in codes:
        return
    codes.append(code)
    entry = f"{json.dumps(relpath, ensure_ascii=False)} = {json.dumps(codes)}"
    header = re.search(r"^\[per-file-ignores\]\s*$", text, re.M)
    key_line = re.compile(rf"^{re.escape(json.dumps(relpath, ensure_ascii=False))}\s*=.*$", re.M)
    if header and key_line.search(text):
        text = key_line.sub(lambda m: entry, text, count=1)
    elif header:
        text = text[:header.end()] + "\n" + entry + text[header.end():]
    else:
        text = (text.rstrip("\n") + "\n\n" if text else "") + "[per-file-ignores]\n" + entry + "\n"
    tomli.loads(text)
    write_atomic(config, text.encode("utf-8"))
