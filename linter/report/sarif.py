"""``--format sarif``: SARIF 2.1.0, for code-scanning dashboards."""
from __future__ import annotations

import json
import os
from urllib.parse import quote

from ..display import json_safe
from ..version import __version__

LEVEL = {"error": "error", "warning": "warning", "info": "note", "hint": "note"}


def _uri(path: str) -> str:
    """A URI reference (RFC 3986): the path's bytes, percent-encoded, so
    spaces, '#', '%', controls and non-UTF-8 names survive; relative paths stay
    relative, absolute ones become file:// URIs."""
    if path == "-":
        return "stdin"
    raw = os.fsencode(path).replace(os.sep.encode(), b"/")
    encoded = quote(raw, safe="/")
    return "file://" + encoded if raw.startswith(b"/") else encoded


def _region(doc, start: int, end: int) -> dict:
    sl, sc = doc.position(start)
    el, ec = doc.position(end)
    return {"startLine": sl + 1, "startColumn": sc + 1, "endLine": el + 1, "endColumn": ec + 1,
            "charOffset": start, "charLength": end - start}


def build(results, rules: dict) -> dict:
    """The SARIF log; ``rules``: code → RuleMeta, for the rule descriptions."""
    used = sorted({d.code for r in results for d in r.diagnostics})
    index = {code: i for i, code in enumerate(used)}
    out_results = []
    for r in results:
        for d in r.diagnostics:
            item = {
                "ruleId": d.code, "ruleIndex": index[d.code], "level": LEVEL.get(d.severity, "warning"),
                "message": {"text": d.message},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(r.path)},
                                                    "region": _region(r.document, d.span.start, d.span.end)}}],
            }
            if d.related:
                item["relatedLocations"] = [
                    {"id": i, "message": {"text": m}, "physicalLocation": {
                        "artifactLocation": {"uri": _uri(r.path)}, "region": _region(r.document, s.start, s.end)}}
                    for i, (s, m) in enumerate(d.related)]
            if d.fix:
                item["fixes"] = [{"description": {"text": d.fix.title}, "artifactChanges": [{
                    "artifactLocation": {"uri": _uri(r.path)},
                    "replacements": [{"deletedRegion": {"charOffset": e.start, "charLength": e.end - e.start},
                                      "insertedContent": {"text": e.text}} for e in d.fix.edits]}]}]
            out_results.append(item)
    driver_rules = [{"id": code, "name": rules[code].name,
                     "shortDescription": {"text": rules[code].summary},
                     "fullDescription": {"text": rules[code].why},
                     "help": {"text": rules[code].why},
                     "defaultConfiguration": {"level": LEVEL.get(rules[code].severity, "warning")}}
                    for code in used]
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "gwlint", "version": __version__, "rules": driver_rules}},
            "columnKind": "unicodeCodePoints",
            "results": out_results,
        }],
    }


def render(results, stream, color: bool = False, rules=None) -> None:
    stream.write(json_safe(json.dumps(build(results, rules or {}), ensure_ascii=False, indent=1)))
    stream.write("\n")
