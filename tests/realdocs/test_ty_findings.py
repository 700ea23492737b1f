"""Every TY finding on the real documents in ../shared/data/realgov is
reviewed in ty_findings.tsv, and the table lists no finding that is gone:
a change that makes TY find something new there must be reviewed first."""
from pathlib import Path

import pytest

from gwlint import Document
from gwlint.api import lint_document as lint
from gwlint.config import Config

HERE = Path(__file__).resolve().parent
REALGOV = HERE.parent.parent.parent / "shared" / "data" / "realgov"

pytestmark = [pytest.mark.needs_lm, pytest.mark.slow]


def _table():
    rows = [line.split("\t") for line in (HERE / "ty_findings.tsv").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    assert all(len(r) == 8 and r[6] in ("defect", "false") and r[7].strip() for r in rows)
    return {tuple(r[:6]) for r in rows}


@pytest.mark.skipif(not REALGOV.is_dir(), reason="../shared/data/realgov is not here")
def test_every_ty_finding_on_real_documents_is_reviewed():
    found = set()
    for path in sorted(REALGOV.glob("*.txt")):
        doc = Document(path.read_text(encoding="utf-8"), path=path.name)
        for d in lint(doc, Config(select=("TY",))):
            line = doc.text.count("\n", 0, d.span.start) + 1
            col = d.span.start - (doc.text.rfind("\n", 0, d.span.start) + 1) + 1
            found.add((path.name, str(line), str(col), d.code, doc.text[d.span.start:d.span.end],
                       d.fix.edits[0].text if d.fix else ""))
    assert found == _table()
