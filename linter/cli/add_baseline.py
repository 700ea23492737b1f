"""``gwlint --add-baseline PATH...``: record the findings as they stand in the
baseline each file's configuration names (``.gwlint-baseline.toml`` beside
it, ``baseline = "..."``, or ``--baseline FILE``), so later runs report only
new ones. Like ruff's ``--add-noqa``, it prints what it did, not the findings."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from . import EXIT_CLEAN, EXIT_ERROR


def add_baseline(results, resolver, had_errors: bool) -> int:
    from ..baseline import fingerprints, read_baseline, update
    from ..engine import selected_codes

    by_target: dict[str, list] = {}
    for r in results:
        cfg = resolver.for_path(r.path)
        codes = selected_codes(cfg, resolver.registry, r.path)
        by_target.setdefault(cfg.baseline_path, []).append((r.path, codes, fingerprints(r.document, r.diagnostics)))
    for target, linted in by_target.items():
        existing = read_baseline(target) if os.path.exists(target) else None
        change = update(target, linted, existing)
        if existing is None and not change.baseline.files:
            print(f"gwlint: no findings to record in {_shown(target)}", file=sys.stderr)
            continue
        change.baseline.write()
        files = len(change.baseline.files)
        print(f"gwlint: {_shown(target)}: {change.baseline.total()} findings in {files} file{'s' if files != 1 else ''}"
              f" ({change.added} added, {change.removed} removed)", file=sys.stderr)
    return EXIT_ERROR if had_errors else EXIT_CLEAN


def _shown(path: str) -> str:
    try:
        return Path(os.path.relpath(path)).as_posix()
    except ValueError:
        return path
