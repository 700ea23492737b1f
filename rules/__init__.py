"""gwlint's rule packs: ``<family>.toml`` documents each rule, ``<family>.py``
holds its checkers, ``data/`` holds lexicons. Found by linter.registry."""
