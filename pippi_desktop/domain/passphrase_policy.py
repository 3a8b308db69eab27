"""The passphrase rule: long enough, not a common password, not a keyboard run.

The common-password list is data (`resources/common_passwords.txt`): well-known lists plus the
Italian favourites (team names, "tiamo", "ciaociao"). The check compares the passphrase with
spaces, case and trailing digits or punctuation removed, so "Password2024!" counts as common.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from pippi_desktop.domain.errors import WeakPassphrase

MIN_LENGTH = 10

_KEYBOARD_ROWS = (
    "1234567890",
    "qwertyuiop",
    "asdfghjkl",
    "zxcvbnm",
    "abcdefghijklmnopqrstuvwxyz",
)


def _normalise(text: str) -> str:
    return re.sub(r"[\s\d\W_]+$", "", text.strip().lower()).replace(" ", "")


def _is_repetitive(text: str) -> bool:
    compact = text.lower().replace(" ", "")
    if len(set(compact)) <= 3:
        return True
    for size in range(1, 5):  # "abcabcabcabc", "ciaociaociao"
        repeats, rest = divmod(len(compact), size)
        if repeats >= 3 and rest == 0 and compact[:size] * repeats == compact:
            return True
    # the whole passphrase is a run along one keyboard row
    return any(compact in row * 3 or compact in row[::-1] * 3 for row in _KEYBOARD_ROWS)


@lru_cache(maxsize=1)
def _common_passwords_from(path_text: str) -> frozenset[str]:
    with open(path_text, encoding="utf-8") as handle:
        return frozenset(
            _normalise(line) for line in handle if line.strip() and not line.startswith("#")
        )


def load_common_passwords(path: str) -> frozenset[str]:
    return _common_passwords_from(path)


def check_passphrase(passphrase: str, *, common: Iterable[str] = ()) -> None:
    """Raise `WeakPassphrase` with the reason in plain words, or return quietly."""
    if len(passphrase) < MIN_LENGTH:
        raise WeakPassphrase("too_short", minimum=MIN_LENGTH)
    normalised = _normalise(passphrase)
    common_set = common if isinstance(common, frozenset) else frozenset(common)
    if normalised in common_set or passphrase.strip().lower() in common_set:
        raise WeakPassphrase("common")
    if _is_repetitive(passphrase):
        raise WeakPassphrase("repetitive")


def passphrase_strength(passphrase: str, *, common: Iterable[str] = ()) -> int:
    """0 (refused) to 4 (strong): a rough guide for the strength bar, not a guarantee."""
    try:
        check_passphrase(passphrase, common=common)
    except WeakPassphrase:
        return 0
    classes = sum(
        bool(re.search(pattern, passphrase))
        for pattern in (r"[a-zà-ü]", r"[A-ZÀ-Ü]", r"\d", r"[^\w]|_")
    )
    words = len(passphrase.split())
    score = 1
    if len(passphrase) >= 14:
        score += 1
    if len(passphrase) >= 20 or words >= 4:
        score += 1
    if classes >= 3:
        score += 1
    return min(score, 4)
