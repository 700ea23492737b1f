"""The "ignore here" code actions: an inline directive where the format has
comments (Markdown), else "add to baseline" (plain text), which records this
one finding in the baseline file the configuration names."""
from __future__ import annotations

from pathlib import Path

from lsprotocol import types

from gwlint.baseline import add_findings
from gwlint.config import BASELINE_NAME, Config
from gwlint.fixes import write_atomic
from gwlint.errors import ConfigError
from gwlint.model import Diagnostic, Document, Span
from gwlint.suppress import COMMENT_KINDS, ignore_here

from . import convert

CMD_BASELINE = "gwlint.addToBaseline"


def suppress_actions(doc: Document, d: Diagnostic, uri: str, encoding: str,
                     lsp_diag: types.Diagnostic) -> list[types.CodeAction]:
    if doc.kind in COMMENT_KINDS:
        edit = ignore_here(doc, d.code, d.span.start)
        if edit is None:
            return []
        form = "disable-line" if "disable-line" in edit.text else "disable-next-line"
        return [types.CodeAction(
            title=f"在此处忽略 {d.code}（<!-- gwlint-{form} -->）", kind=types.CodeActionKind.QuickFix,
            diagnostics=[lsp_diag],
            edit=types.WorkspaceEdit(changes={uri: convert.to_text_edits(doc, [edit], encoding)}))]
    if not uri.startswith("file:"):
        return []
    return [types.CodeAction(
        title=f"把此处的 {d.code} 加入基线（.gwlint-baseline.toml，不再报告）", kind=types.CodeActionKind.QuickFix,
        diagnostics=[lsp_diag],
        command=types.Command(title="baseline", command=CMD_BASELINE,
                              arguments=[uri, d.code, d.span.start, d.span.end]))]


def add_to_baseline(doc: Document, cfg: Config, code: str, start: int, end: int, workspace_config: Path) -> str:
    """Record one finding (as the code action named it) in the baseline in
    force. Without a config file, the baseline goes beside the workspace's
    gwlint.toml, created empty if need be (as "ignore in this file" does), so
    that the next lint finds it whatever the server's working folder."""
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(doc.text)):
        raise ConfigError(f"{CMD_BASELINE}: the finding {start}–{end} is not in the document")
    path = cfg.baseline_path
    if cfg.source is None:
        if not workspace_config.exists():
            write_atomic(workspace_config, "# gwlint configuration: see README, section Configuration\n".encode())
        path = str(workspace_config.parent / BASELINE_NAME)
    add_findings(path, doc, [Diagnostic(str(code), "", Span(start, end))])
    return path
