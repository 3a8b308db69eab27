"""JSON read strictly (cards, manifests, sections) and written canonically.

Strict: UTF-8 only, no duplicate keys, no NaN/Infinity, no floats at all (nothing we sign holds
one), bounded nesting. Anything else raises `ValueError`, which callers turn into their refusal.
Canonical: sorted keys, no spaces, ASCII escapes; the bytes that are hashed and signed.
"""

from __future__ import annotations

import json
import re
from typing import Any

_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
MAX_SAFE_INT = (1 << 53) - 1


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise ValueError("duplicate key")
    return result


def _no_constant(name: str) -> Any:
    raise ValueError("non-finite number")


def _no_float(text: str) -> Any:
    raise ValueError("float")


def loads_strict(data: bytes) -> Any:
    try:
        text = data.decode("utf-8")
        return json.loads(
            text,
            object_pairs_hook=_no_duplicates,
            parse_constant=_no_constant,
            parse_float=_no_float,
        )
    except (UnicodeDecodeError, RecursionError, json.JSONDecodeError) as error:
        raise ValueError("not strict JSON") from error


def loads_section(data: bytes) -> Any:
    """A section (already proved to be what the sender signed): no NaN, no floats, bounded
    nesting; parsed at C speed, so a repeated key is not looked for (the last one counts)."""
    try:
        return json.loads(data, parse_constant=_no_constant, parse_float=_no_float)
    except (UnicodeDecodeError, RecursionError, json.JSONDecodeError) as error:
        raise ValueError("not JSON") from error


def dumps_canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode(
        "ascii"
    )


def is_uuid(value: Any) -> bool:
    return isinstance(value, str) and _UUID.fullmatch(value) is not None


def is_hex64(value: Any) -> bool:
    return isinstance(value, str) and _HEX64.fullmatch(value) is not None


def is_int(value: Any, low: int = 0, high: int = MAX_SAFE_INT) -> bool:
    return type(value) is int and low <= value <= high


def is_text(value: Any, max_length: int, *, allow_empty: bool = False) -> bool:
    return (
        isinstance(value, str)
        and len(value) <= max_length
        and (allow_empty or bool(value))
        and "\x00" not in value
    )


def require(condition: bool) -> None:
    if not condition:
        raise ValueError("unexpected value")


def exact_keys(value: Any, keys: set[str]) -> dict[str, Any]:
    require(isinstance(value, dict) and set(value) == keys)
    result: dict[str, Any] = value
    return result
