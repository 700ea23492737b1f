"""Errors that end in a one-line message and exit code 2, never a traceback."""


class GwlintError(Exception):
    """A problem the user can fix: bad input, bad configuration, bad rule pack."""


class InputError(GwlintError):
    """A file that cannot be read or decoded."""


class ConfigError(GwlintError):
    """Malformed or invalid configuration."""


class PackError(GwlintError):
    """A malformed rule pack under rules/."""
