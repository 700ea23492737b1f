"""gwlint's bundled rule packs (``gwlint.rules``): ``<family>.toml`` documents
each rule, ``<family>.py`` holds its checkers and the configuration keys it
reads, ``data/`` holds lexicons. Front ends wire them in with
``bundled_registry()``; the core never imports this package."""
from __future__ import annotations

import sys
from functools import lru_cache


@lru_cache(maxsize=1)
def bundled_registry():
    """The registry of every bundled rule pack, read and checked once."""
    from gwlint.registry import build_registry

    return build_registry(sys.modules[__name__])
