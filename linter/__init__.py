"""gwlint: a writing-quality linter for Chinese official speech drafts (公文).

The Python API (see the README):

    import gwlint
    gwlint.lint_text("要市帜鲜明讲政治。")          # → [Diagnostic(code="TY001", …)]
    gwlint.lint_path("drafts/speech.docx")
    gwlint.lint_text(text, {"select": ["TY", "PH"]})

Layers, imported one way only: the core (this package: model, load, config,
engine, registry, fixes, report) ← the rule packs (gwlint.rules) ← the front
ends (gwlint.api, gwlint.cli, gwlint.lsp).
"""
from .config import Config
from .errors import ConfigError, GwlintError, InputError
from .load import load_bytes, load_path, load_text
from .model import Diagnostic, Document, Edit, Fix, RuleMeta, Span

from .version import __version__
__all__ = ["Config", "ConfigError", "Diagnostic", "Document", "Edit", "Fix", "GwlintError", "InputError",
           "RuleMeta", "Span", "configure", "lint_document", "lint_path", "lint_text", "load_bytes", "load_path",
           "load_text"]
_API = ("configure", "lint_document", "lint_path", "lint_text")


def __getattr__(name: str):
    """The API functions live in gwlint.api, a front end that wires in the
    bundled rule packs; loaded on first use, so the core never imports them."""
    if name in _API:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'gwlint' has no attribute {name!r}")
