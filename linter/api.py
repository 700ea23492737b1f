"""The Python API, a front end like the CLI and the language server: lint
text, a file or a Document with the bundled rule packs.

    import gwlint
    for d in gwlint.lint_text("要市帜鲜明讲政治。"):
        print(d.code, d.message, d.span.start, d.span.end)
"""
from __future__ import annotations

from pathlib import Path

from .config import Config, ConfigResolver, parse_config, with_baseline
from .engine import lint
from .load import load_path
from .model import Diagnostic, Document


def _registry():
    from gwlint.rules import bundled_registry

    return bundled_registry()


def configure(settings: dict | None = None) -> Config:
    """A configuration from a dict of gwlint.toml keys (checked, like a file;
    relative paths, such as ``extend`` and ``baseline``, from the working folder)."""
    cfg = parse_config(settings or {}, None, _registry())
    return with_baseline(cfg) if cfg.baseline_path else cfg


def lint_document(doc: Document, config: Config | None = None) -> list[Diagnostic]:
    """Findings in ``doc`` with the bundled rules (all of them by default)."""
    return lint(doc, config or Config(), _registry())


def lint_text(text: str, config: Config | dict | None = None, *, path: str = "-") -> list[Diagnostic]:
    """Findings in ``text``; ``path`` names it (its kind: .md, .txt) and
    ``config`` is a Config or a dict of gwlint.toml keys."""
    if isinstance(config, dict):
        config = configure(config)
    return lint_document(Document(text, path=path), config)


def lint_path(path: str | Path, config: Config | None = None) -> list[Diagnostic]:
    """Findings in a file (.txt, .md, .docx), with the configuration that
    applies to it (gwlint.toml or [tool.gwlint] above it) unless one is given."""
    path = str(path)
    if config is None:
        config = ConfigResolver(_registry()).for_path(path)
    return lint_document(load_path(path, config.max_file_size), config)
