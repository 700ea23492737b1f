#!/usr/bin/env python3
"""Rewrite the rule table in README.md from the rule packs.

    .venv/bin/python tools/update_readme_rules.py
"""
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from gwlint.rules import bundled_registry

START, END = "<!-- RULES START (tools/update_readme_rules.py) -->", "<!-- RULES END -->"


def main() -> None:
    rows = ["| code | name | summary |", "| --- | --- | --- |"]
    rows += [f"| {m.code} | {m.name} | {m.summary} |" for m in bundled_registry().rules.values()]
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(START) + r".*?" + re.escape(END), re.S)
    text = pattern.sub(lambda m: START + "\n" + "\n".join(rows) + "\n" + END, text)
    readme.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
