#!/usr/bin/env python3
"""gwlint side by side with autocorrect, the best-known CJK spacing and punctuation linter.

    .venv/bin/python -m pip install -e '.[bench]'      # or: pip install autocorrect-py
    .venv/bin/python benchmarks/compare_autocorrect.py [--all] [--no-timing] [--size-mb 1] [--runs 3]

The script prints three things:

1. What each tool flags that the other does not, on ``seeds/*.txt`` and on
   ``benchmarks/fixtures/autocorrect_compare.txt``. autocorrect's findings are
   the character differences between each original line and the line
   ``autocorrect.format_for(text, path)`` returns (the same text that
   ``autocorrect.lint_for`` reports, but with exact columns: lint_for trims
   the segments it reports, so its ``col`` is not a reliable position; the
   script checks that both name the same lines).
   A finding of one tool is matched by a finding of the other when both are
   on the same line, their spans overlap, and both are about the same kind
   of thing (punctuation, spacing, or character width). A space autocorrect
   wants to insert is a point; it covers the character on either side.
   gwlint findings outside autocorrect's scope (typos, placeholders,
   numbering, structure, formulations, consistency, number forms other than
   full-width digits, line layout) are only counted, not compared.
2. For every difference, a verdict by rule of thumb: is it a real problem in
   公文? GB/T 15834 and official documents put no space between Chinese and
   Latin letters or digits, around placeholders such as XX, or around URLs,
   and indent paragraphs with two full-width spaces; so autocorrect's spacing
   suggestions there are false alarms. Half-width , : ; ? ! ( ) in Chinese
   text, full-width digits and letters, and stray spaces inside Chinese text
   are real problems. Counts are printed by category, with examples
   (``--all`` prints every one). The requirement checked at the end: gwlint
   flags every real problem autocorrect flags, and none of its false alarms.
3. The time each tool takes on the ~1 MB throughput corpus of
   ``benchmarks/throughput.py``: gwlint in-process with select PU,NM and
   with ALL, autocorrect's ``format_for`` and ``lint_for`` per document.
   Each measurement runs in a fresh process (gwlint's caches would otherwise
   remember the documents), after an untimed warm-up.

It prints figures and asserts nothing.
"""
from __future__ import annotations

import argparse
import difflib
import json
import re
import statistics
import subprocess
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from gwlint.text import is_cjk  # noqa: E402

FIXTURE = ROOT / "benchmarks" / "fixtures" / "autocorrect_compare.txt"
LINE_BREAK = re.compile(r"\r\n|\r|\n")  # the line splitter of linter.model (LSP lines)

REAL, FALSE_ALARM, CHECK = "real problem", "not a problem in 公文", "check by hand"


# --------------------------------------------------------------------------- findings

@dataclass
class Finding:
    tool: str  # "autocorrect" or "gwlint"
    path: str
    line: int  # 1-based
    start: int  # 0-based column (code points) in the line
    end: int  # exclusive; a point (start == end) is widened to its neighbours when matching
    topic: str  # "punct", "space" or "width": what the finding is about; "" = outside the comparison
    category: str  # the key of the verdict table
    detail: str  # what the tool says or would change
    context: str  # the text around the finding

    def overlaps(self, other: "Finding") -> bool:
        a0, a1 = (self.start - 1, self.end + 1) if self.start == self.end else (self.start, self.end)
        b0, b1 = (other.start - 1, other.end + 1) if other.start == other.end else (other.start, other.end)
        return self.path == other.path and self.line == other.line and a0 < b1 and b0 < a1

    def where(self) -> str:
        return f"{Path(self.path).name}:{self.line}:{self.start + 1}"


def context(line: str, start: int, end: int, width: int = 12) -> str:
    """The text around [start, end), with the span marked by 【】."""
    left = line[max(0, start - width):start]
    right = line[end:end + width]
    return f"…{left}【{line[start:end]}】{right}…"


# autocorrect's categories: (topic, verdict, explanation)
AUTOCORRECT_CATEGORIES = {
    "halfwidth-punct": ("punct", REAL, "half-width , : ; ? ! . in Chinese text (GB/T 15834: full-width marks)"),
    "halfwidth-bracket": ("punct", REAL, "space suggested around a half-width ( ) [ ] in Chinese text: the space "
                                         "is wrong, the half-width bracket is the real problem"),
    "fullwidth-digit": ("width", REAL, "full-width digits (GB/T 15835: half-width Arabic digits)"),
    "fullwidth-latin": ("width", REAL, "full-width Latin letters (write them half-width)"),
    "stray-space": ("space", REAL, "stray space inside Chinese text or before/after a full-width mark"),
    "space-cjk-latin": ("space", FALSE_ALARM, "space between Chinese and Latin letters: 公文 puts none"),
    "space-cjk-digit": ("space", FALSE_ALARM, "space between Chinese and digits: 公文 puts none"),
    "space-placeholder": ("space", FALSE_ALARM, "space around an X/XX placeholder (the placeholder itself is "
                                                "gwlint's PH001, a different finding)"),
    "space-url": ("space", FALSE_ALARM, "space around a URL or e-mail address: 公文 puts none"),
    "indent-fullwidth-space": ("width", FALSE_ALARM, "full-width indent (　　) made half-width: 公文 indents "
                                                     "paragraphs with two full-width spaces"),
    "fullwidth-space-inline": ("width", FALSE_ALARM, "full-width space inside a line made half-width: used "
                                                     "for alignment (主　任), never a half-width space"),
    "other": ("", CHECK, "a change the rules of thumb do not cover"),
}

HALF_TO_FULL = {",": "，", ".": "。", ":": "：", ";": "；", "?": "？", "!": "！"}
BRACKETS = set("()[]")
URLISH = re.compile(r"(?:https?://|www\.)[A-Za-z0-9\-._~:/?#@!$&'*+,;=%]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.ASCII)


def _latin_run(line: str, i: int, step: int) -> str:
    """The run of ASCII (and ×) non-space characters from ``i`` in direction ``step``."""
    out = []
    while 0 <= i < len(line) and ((line[i].isascii() and not line[i].isspace()) or line[i] == "×"):
        out.append(line[i])
        i += step
    return "".join(out if step > 0 else reversed(out))


def _classify_insert(line: str, i: int, added: str) -> tuple[str, int, int]:
    """A space autocorrect wants inserted at column ``i``: (category, start, end)."""
    left = line[i - 1] if i > 0 else ""
    right = line[i] if i < len(line) else ""
    if right in BRACKETS:
        return "halfwidth-bracket", i, i + 1
    if left in BRACKETS:
        return "halfwidth-bracket", i - 1, i
    run = _latin_run(line, i, 1) if right and not is_cjk(right) else _latin_run(line, i - 1, -1)
    # the whole token the run belongs to (for a URL or e-mail, whose parts the run may cut)
    token_start = i if right and not is_cjk(right) else i - len(run)
    if any(m.start() <= token_start < m.end() or m.start() < token_start + len(run) <= m.end()
           for m in URLISH.finditer(line)):
        return "space-url", i, i
    # the word or number next to the space (the run may carry punctuation: “时限:2024”, “100%(”)
    word = re.findall(r"[A-Za-z0-9×.,%+~-]+", run)
    word = (word[0] if right and not is_cjk(right) else word[-1]) if word else ""
    if re.fullmatch(r"[Xx×]+", word):
        return "space-placeholder", i, i
    if re.fullmatch(r"[\d.,%~+-]+", word):
        return "space-cjk-digit", i, i
    if word:
        return "space-cjk-latin", i, i
    return "other", i, i


def _classify_replace(line: str, removed: str, added: str, at: int) -> str:
    """``removed`` (at column ``at`` of ``line``) replaced by ``added``: the category."""
    if not added.strip() and not removed.strip():
        return "indent-fullwidth-space" if not line[:at].strip() else "fullwidth-space-inline"
    if not added.strip():
        return "stray-space"
    if len(removed) == len(added) and all(unicodedata.normalize("NFKC", r) == a for r, a in zip(removed, added)):
        if removed.isdigit():
            return "fullwidth-digit"
        if removed.isalpha():
            return "fullwidth-latin"
    if len(removed) == len(added) and all(HALF_TO_FULL.get(r) == a for r, a in zip(removed, added)):
        return "halfwidth-punct"
    return "other"


def autocorrect_findings(path: str, text: str) -> list[Finding]:
    import autocorrect_py as autocorrect

    old_lines = LINE_BREAK.split(text)
    new_lines = LINE_BREAK.split(autocorrect.format_for(text, path))
    if len(old_lines) != len(new_lines):  # autocorrect has never done this; say so if it does
        print(f"warning: autocorrect changed the number of lines of {path}; skipped", file=sys.stderr)
        return []
    out = []
    for number, (old, new) in enumerate(zip(old_lines, new_lines), start=1):
        if old == new:
            continue
        ops = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
        for tag, i1, i2, j1, j2 in ops:
            if tag == "equal":
                continue
            removed, added = old[i1:i2], new[j1:j2]
            if tag == "insert" and not added.strip():
                category, start, end = _classify_insert(old, i1, added)
            elif tag == "delete" and not removed.strip():
                category, start, end = "stray-space", i1, i2
            elif tag == "replace" and len(removed) == len(added) and len(removed) > 1:
                # classify character by character, then merge neighbours of one category (１２３ → one finding)
                cats = [_classify_replace(old, r, a, i1 + k) for k, (r, a) in enumerate(zip(removed, added))]
                k = 0
                for category, group in groupby(cats):
                    n = len(list(group))
                    s, e = i1 + k, i1 + k + n
                    out.append(_finding(path, number, old, category, s, e, f"“{old[s:e]}”→“{added[k:k + n]}”"))
                    k += n
                continue
            else:
                category, start, end = _classify_replace(old, removed, added, i1), i1, i2
            verb = {"insert": f"insert “{added}”", "delete": f"delete “{removed}”"}.get(tag, f"“{removed}”→“{added}”")
            out.append(_finding(path, number, old, category, start, end, verb))
    return out


def _finding(path: str, line_no: int, line: str, category: str, start: int, end: int, detail: str) -> Finding:
    topic = AUTOCORRECT_CATEGORIES[category][0]
    return Finding("autocorrect", path, line_no, start, end, topic, category, detail, context(line, start, end))


# gwlint: which codes are about what autocorrect checks
GWLINT_TOPICS = {"PU": "punct", "PU010": "space", "PU011": "width", "NM002": "width", "LY003": "space", "LY004": "space"}


def gwlint_topic(code: str) -> str:
    return GWLINT_TOPICS.get(code, GWLINT_TOPICS.get(code[:2], ""))


def gwlint_findings(path: str, text: str) -> list[Finding]:
    from gwlint import Config, Document
    from gwlint.api import lint_document as lint

    doc = Document(text, path=path)
    out = []
    for d in lint(doc, Config()):
        line, col = doc.position(d.span.start)
        line_text = doc.lines[line].text
        end = min(d.span.end - doc.lines[line].start, len(line_text)) if d.span.end > d.span.start else col
        topic = gwlint_topic(d.code)
        out.append(Finding("gwlint", path, line + 1, col, max(end, col), topic, d.code, d.message,
                           context(line_text, col, max(end, col))))
    return out


def gwlint_verdict(f: Finding) -> tuple[str, str]:
    """(category, verdict) of a gwlint finding autocorrect does not share."""
    if f.category == "PU001":
        char = re.search(r"半角(?:括号)?“(.+?)”", f.detail)
        mark = char.group(1) if char else "?"
        # inside a URL, e-mail, time (9:30) or number (3,000), a half-width mark is right
        line = f.context.replace("【", "").replace("】", "")
        inner = f.context.split("【", 1)[1].split("】", 1)[0]
        left = f.context.split("【", 1)[0][-1:]
        right = f.context.split("】", 1)[1][:1]
        if URLISH.search(line) and any(inner in m.group(0) for m in URLISH.finditer(line)) and not is_cjk(left):
            return f"PU001 half-width “{mark}” in a URL/e-mail", FALSE_ALARM
        if left.isascii() and left.isalnum() and right.isascii() and right.isalnum():
            return f"PU001 half-width “{mark}” between Latin letters/digits", CHECK
        return f"PU001 half-width “{mark}” autocorrect leaves alone", REAL
    if f.category == "NM002":
        return "NM002 full-width digits", REAL
    if f.category.startswith("PU"):
        return f"{f.category} (GB/T 15834 rule autocorrect does not have)", REAL
    if f.category in ("LY003", "LY004"):
        return f"{f.category} (layout whitespace)", REAL
    return f.category, CHECK


# --------------------------------------------------------------------------- comparison

def compare(paths: list[Path], show_all: bool) -> None:
    import autocorrect_py as autocorrect

    ac_all: list[Finding] = []
    gw_all: list[Finding] = []
    disagree = []
    for p in paths:
        text = p.read_text(encoding="utf-8")
        rel = str(p.relative_to(ROOT))
        found = autocorrect_findings(rel, text)
        # the lines our diff finds changed must be the lines lint_for reports
        if {f.line for f in found} != {r.line for r in autocorrect.lint_for(text, rel).lines}:
            disagree.append(p.name)
        ac_all += found
        gw_all += gwlint_findings(rel, text)

    gw_in = [g for g in gw_all if g.topic]
    gw_out = [g for g in gw_all if not g.topic]

    def matched(f: Finding, others: list[Finding]) -> bool:
        return any(f.topic == o.topic and f.overlaps(o) for o in others)

    ac_only = [a for a in ac_all if not matched(a, gw_in)]
    ac_both = [a for a in ac_all if matched(a, gw_in)]
    gw_only = [g for g in gw_in if not matched(g, ac_all)]

    print(f"files: {len(paths)} ({', '.join(p.name for p in paths)})")
    print(f"autocorrect lint_for reports the same lines as the format_for diff: "
          f"{'yes' if not disagree else 'NO, in ' + ', '.join(disagree)}")
    print(f"autocorrect findings: {len(ac_all)}; gwlint findings: {len(gw_all)} "
          f"({len(gw_in)} about punctuation, spacing or width; {len(gw_out)} outside autocorrect's scope)")
    print(f"flagged by both: {len(ac_both)} autocorrect findings")
    both = Counter(a.category for a in ac_both)
    for cat, n in both.most_common():
        verdict = AUTOCORRECT_CATEGORIES[cat][1]
        warn = "   <-- gwlint shares a false alarm" if verdict == FALSE_ALARM else ""
        print(f"  {n:5d}  {cat}{warn}")

    # 1 + 2: the differences, with verdicts
    print("\n== 1+2. flagged by autocorrect only ==")
    by_cat: dict[str, list[Finding]] = defaultdict(list)
    for a in ac_only:
        by_cat[a.category].append(a)
    for cat, items in sorted(by_cat.items(), key=lambda kv: -len(kv[1])):
        _, verdict, why = AUTOCORRECT_CATEGORIES[cat]
        print(f"\n[{verdict}] {cat}: {len(items)} — {why}")
        for a in items if show_all or verdict != FALSE_ALARM else items[:4]:
            print(f"    {a.where():<32} {a.detail:<22} {a.context}")
        if not show_all and verdict == FALSE_ALARM and len(items) > 4:
            print(f"    … {len(items) - 4} more (--all)")

    print("\n== 1+2. flagged by gwlint only (punctuation, spacing, width) ==")
    gw_cat: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for g in gw_only:
        gw_cat[gwlint_verdict(g)].append(g)
    for (cat, verdict), items in sorted(gw_cat.items(), key=lambda kv: -len(kv[1])):
        print(f"\n[{verdict}] {cat}: {len(items)}")
        for g in items if show_all else items[:4]:
            print(f"    {g.where():<32} {g.context}")
        if not show_all and len(items) > 4:
            print(f"    … {len(items) - 4} more (--all)")
    families = Counter(g.category[:2] for g in gw_out)
    print("\ngwlint only, outside autocorrect's scope (not compared): "
          + ", ".join(f"{fam} {n}" for fam, n in sorted(families.items())))

    # verdict counts
    print("\n== verdict counts by category ==")
    print(f"{'tool':<12} {'category':<58} {'count':>5}  verdict")
    for cat, items in sorted(by_cat.items(), key=lambda kv: -len(kv[1])):
        print(f"{'autocorrect':<12} {cat:<58} {len(items):>5}  {AUTOCORRECT_CATEGORIES[cat][1]}")
    for (cat, verdict), items in sorted(gw_cat.items(), key=lambda kv: -len(kv[1])):
        print(f"{'gwlint':<12} {cat:<58} {len(items):>5}  {verdict}")
    totals = Counter()
    for cat, items in by_cat.items():
        totals["autocorrect only: " + AUTOCORRECT_CATEGORIES[cat][1]] += len(items)
    for (cat, verdict), items in gw_cat.items():
        totals["gwlint only: " + verdict] += len(items)
    for k, n in sorted(totals.items()):
        print(f"  {k:<50} {n:>5}")

    # the requirement of the issue
    missed = [a for a in ac_only if AUTOCORRECT_CATEGORIES[a.category][1] == REAL]
    shared_false = [a for a in ac_both if AUTOCORRECT_CATEGORIES[a.category][1] == FALSE_ALARM]
    unsure = [a for a in ac_only if AUTOCORRECT_CATEGORIES[a.category][1] == CHECK]
    print("\n== requirement: gwlint flags every real problem autocorrect flags, and none of its false alarms ==")
    print(f"real problems autocorrect flags that gwlint misses: {len(missed)}")
    for a in missed:
        print(f"    {a.where():<32} {a.category:<18} {a.detail:<22} {a.context}")
    print(f"autocorrect false alarms gwlint also flags: {len(shared_false)}")
    for a in shared_false:
        print(f"    {a.where():<32} {a.category:<18} {a.detail:<22} {a.context}")
    print(f"autocorrect changes no rule of thumb covers (check by hand): {len(unsure)}")


# --------------------------------------------------------------------------- timing

def time_child(which: str, size_mb: float) -> None:
    """Child process: warm up, then time one pass over the corpus; print JSON."""
    from throughput import corpus

    docs = corpus(size_mb)
    if which.startswith("gwlint"):
        from gwlint import Config, Document
        from gwlint.api import lint_document as lint

        cfg = Config(select=("PU", "NM")) if which == "gwlint-PU,NM" else Config()
        lint(Document("同志们：要旗帜鲜明讲政治。\n", path="warmup.txt"), cfg)
        t0 = time.perf_counter()
        n = sum(len(lint(Document(d, path=f"doc{i}.txt"), cfg)) for i, d in enumerate(docs))
    else:
        import autocorrect_py as autocorrect

        autocorrect.format_for("同志们:要旗帜鲜明讲政治。\n", "warmup.txt")
        t0 = time.perf_counter()
        if which == "autocorrect-format":
            n = sum(autocorrect.format_for(d, f"doc{i}.txt") != d for i, d in enumerate(docs))
        else:
            n = sum(len(autocorrect.lint_for(d, f"doc{i}.txt").lines) for i, d in enumerate(docs))
    print(json.dumps({"elapsed": time.perf_counter() - t0, "n": n}))


def timing(size_mb: float, runs: int) -> None:
    from throughput import corpus

    docs = corpus(size_mb)
    mb = sum(len(d.encode("utf-8")) for d in docs) / 1_000_000
    print(f"\n== 3. time on the throughput corpus: {len(docs)} documents, {mb:.2f} MB "
          f"(median of {runs} runs, each in a fresh process after a warm-up) ==")
    rows = [("gwlint-PU,NM", "gwlint, select PU,NM", "findings"),
            ("gwlint-ALL", "gwlint, select ALL", "findings"),
            ("autocorrect-format", "autocorrect format_for", "documents changed"),
            ("autocorrect-lint", "autocorrect lint_for", "lint lines")]
    for key, label, unit in rows:
        times, n = [], 0
        for _ in range(runs):
            out = subprocess.run([sys.executable, __file__, "--child", key, "--size-mb", str(size_mb)],
                                 capture_output=True, text=True)
            if out.returncode:
                break
            run = json.loads(out.stdout.strip().splitlines()[-1])
            times.append(run["elapsed"])
            n = run["n"]
        if not times:
            print(f"  {label:<24} failed: {out.stderr.strip().splitlines()[-1:]}")
            continue
        t = statistics.median(times)
        print(f"  {label:<24} {t:8.3f} s  {mb / t:8.2f} MB/s  ({n} {unit})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--all", action="store_true", help="print every difference, not examples")
    ap.add_argument("--no-timing", action="store_true", help="skip the throughput timing")
    ap.add_argument("--size-mb", type=float, default=1.0, help="size of the timing corpus")
    ap.add_argument("--runs", type=int, default=3, help="timing runs per tool (the median is printed)")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    try:
        import autocorrect_py  # noqa: F401
    except ImportError:
        sys.exit("autocorrect-py is not installed: .venv/bin/python -m pip install -e '.[bench]'")
    if args.child:
        time_child(args.child, args.size_mb)
        return
    paths = sorted((ROOT / "seeds").glob("*.txt")) + [FIXTURE]
    compare(paths, args.all)
    if not args.no_timing:
        timing(args.size_mb, args.runs)


if __name__ == "__main__":
    main()
