"""Rules keep no state between documents: only pure caches of loaded data
and of pure functions. Two different documents, linted in alternation and in
parallel threads, give each time exactly what each gives alone."""
import ast
import random
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from gwlint import Config, Document
from gwlint.engine import LineCache, lint
from gwlint.rules import bundled_registry

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
MARKDOWN = "# 会议纪要\n\n要**市帜鲜明**讲政治，请XX同志发言。\n\n- 一是抓落实\n- 二是抓落石\n"


def _documents():
    return [Document(SEEDS[0].read_text(encoding="utf-8"), path="a.txt"),
            Document(SEEDS[1].read_text(encoding="utf-8"), path="b.txt"),
            Document(MARKDOWN, path="c.md"), Document(MARKDOWN, path="c.txt")]


def _fingerprint(found):
    return [(d.code, d.span.start, d.span.end, d.message, d.fix) for d in found]


def test_alternating_documents_give_the_same_findings():
    docs, registry = _documents(), bundled_registry()
    alone = [_fingerprint(lint(d, Config(), registry)) for d in docs]
    assert all(alone) and alone[2] != alone[3]  # a .md and a .txt of one text differ: the kind reaches the rules
    cache = LineCache()  # the language server's way: one line cache for every document
    for _ in range(3):
        for d, want in zip(docs, alone):
            assert _fingerprint(lint(d, Config(), registry)) == want
            assert _fingerprint(lint(d, Config(), registry, cache=cache)) == want


def test_parallel_threads_give_the_same_findings():
    docs, registry = _documents(), bundled_registry()
    alone = [_fingerprint(lint(d, Config(), registry)) for d in docs]
    order = [random.Random(7).randrange(len(docs)) for _ in range(24)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(lambda i: (i, _fingerprint(lint(docs[i], Config(), registry))), order))
    assert all(found == alone[i] for i, found in got)


def test_no_rule_module_rebinds_module_state():
    """No `global` statement anywhere in the rule packs: a rule that needs data
    across rules of one call asks ctx.memo, and loaded data sits in caches."""
    offenders = [f"{p.name}:{node.lineno}" for p in (ROOT / "rules").glob("*.py")
                 for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))) if isinstance(node, ast.Global)]
    assert not offenders, offenders
