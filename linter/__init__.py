"""gwlint: a writing-quality linter for Chinese official speech drafts (公文)."""
from .config import Config, config_for
from .engine import LineCache, lint
from .errors import ConfigError, GwlintError, InputError
from .load import load_bytes, load_path, load_text
from .model import Diagnostic, Document, Edit, Fix, RuleMeta, Span

__version__ = "0.1.0"
__all__ = ["Config", "ConfigError", "Diagnostic", "Document", "Edit", "Fix", "GwlintError",
           "InputError", "LineCache", "RuleMeta", "Span", "config_for", "lint", "load_bytes",
           "load_path", "load_text"]
