"""The two languages of the application and how the core picks one.

Qt widgets translate through Qt Linguist; the core (errors, command-line texts) through the
small tables in `messages.py`, looked up with `text()`.
"""

from __future__ import annotations

import os
from enum import StrEnum


class Lang(StrEnum):
    IT = "it"
    EN = "en"


def parse_lang(value: str | None) -> Lang:
    """`en`, `EN`, `en_GB.UTF-8` -> English; anything else -> Italian, the default."""
    if value and value.strip().lower().startswith("en"):
        return Lang.EN
    return Lang.IT


def lang_from_env() -> Lang:
    return parse_lang(os.environ.get("PIPPI_LANG"))
