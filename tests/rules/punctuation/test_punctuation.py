"""PU and NM: --fix on the seeds, related locations (fix results and clean
mixed-language text are rule cases: cases.toml)."""
import shutil

import pytest

from gwlint import Document, cli, load_path

from gwlint.api import lint_document as lint
from gwlint.config import Config
from gwlint.fixes import fix_text

PU_NM = Config(select=("PU", "NM"))


def fixed(text: str) -> str:
    return fix_text(text, lambda t: lint(Document(t, path="x.txt"), PU_NM))[0]


@pytest.mark.parametrize("seed", ["001_fdbb133df198b9b9.txt", "004_f95eedb844636dc0.txt"])
def test_fix_on_seed_leaves_no_pu_and_is_idempotent(tmp_path, seeds_dir, seed):
    target = tmp_path / seed
    shutil.copy(seeds_dir / seed, target)
    cli.main(["--fix", "--format", "json", str(target)])
    once = target.read_bytes()
    assert [d for d in lint(load_path(target), Config(select=("PU",)))
            if d.fix and d.fix.safe] == []
    remaining = [d.code for d in lint(load_path(target), Config(select=("PU",)))]
    assert remaining == [], remaining
    cli.main(["--fix", "--format", "json", str(target)])
    assert target.read_bytes() == once


def test_thousands_separator_related_locations():
    doc = Document("投资12,000元，收入35000元，支出28000元。")
    found = lint(doc, Config(select=("NM006",)))
    assert len(found) == 1 and doc.text[found[0].span.start:found[0].span.end] == "12,000"
    assert len(found[0].related) == 2
