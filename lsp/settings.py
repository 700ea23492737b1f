"""The server's settings (initializationOptions, workspace/didChangeConfiguration
and ``gwlint lsp --debounce``), checked: a bad value is refused with a
message and the previous value stays, never a silent change of meaning."""
from __future__ import annotations

import math

DEBOUNCE_MIN_MS, DEBOUNCE_MAX_MS = 0, 5000  # one unit, milliseconds; clamped to this range
DEFAULT_DEBOUNCE_MS = 200


class SettingError(ValueError):
    """A setting that cannot be used; its message is for the user."""


def debounce_ms(value) -> tuple[float, str | None]:
    """The debounce in milliseconds, clamped, and a note when it was clamped.
    Anything but a finite number (a string, a boolean, Infinity, NaN) is refused."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise SettingError(f"debounce 应为毫秒数（{DEBOUNCE_MIN_MS}–{DEBOUNCE_MAX_MS}），收到的是 {value!r}")
    clamped = min(max(float(value), DEBOUNCE_MIN_MS), DEBOUNCE_MAX_MS)
    note = None
    if clamped != value:
        note = f"debounce {value} 毫秒超出范围，已按 {clamped:g} 毫秒处理（范围 {DEBOUNCE_MIN_MS}–{DEBOUNCE_MAX_MS}）"
    return clamped, note


def rule_codes(key: str, value, registry) -> tuple[str, ...]:
    """``select`` or ``ignore``: a list of known codes or prefixes (or one
    comma-separated string, as on the command line). An unknown code is
    refused: ``select = ["NOPE"]`` would otherwise switch every rule off."""
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise SettingError(f"{key} 应为规则代码或前缀的列表，收到的是 {value!r}")
    codes = tuple(v.strip().upper() for v in value if v.strip())
    unknown = [c for c in codes if not registry.is_known_pattern(c)]
    if unknown:
        raise SettingError(f"{key} 中有未知的规则代码或前缀：{', '.join(unknown)}")
    return codes
