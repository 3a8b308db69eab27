from __future__ import annotations

import pytest

from pippi_desktop.domain.errors import WeakPassphrase
from pippi_desktop.domain.i18n import Lang
from pippi_desktop.services.workspace_service import validate_new_passphrase


@pytest.mark.parametrize(
    ("passphrase", "reason"),
    [
        ("corta", "too_short"),
        ("123456789", "too_short"),
        ("password123", "common"),
        ("Password2024!", "common"),
        ("forzajuve1897", "common"),
        ("Tiamotanto!!", "common"),
        ("qwertyuiop", "common"),
        ("aaaaaaaaaaaa", "repetitive"),
        ("ciaociaociao", "common"),
        ("abababababab", "repetitive"),
        ("asdfghjklasdf", "repetitive"),
    ],
)
def test_weak_passphrases_are_refused_with_a_reason(passphrase: str, reason: str) -> None:
    with pytest.raises(WeakPassphrase) as caught:
        validate_new_passphrase(passphrase)
    assert caught.value.variant == reason
    assert caught.value.message(Lang.IT)
    assert caught.value.message(Lang.EN) != caught.value.message(Lang.IT)


@pytest.mark.parametrize(
    "passphrase", ["la volpe salta il recinto", "Girasole-Ortica-42", "caffè alle sette"]
)
def test_reasonable_passphrases_pass(passphrase: str) -> None:
    validate_new_passphrase(passphrase)


def test_the_message_says_why_in_plain_words() -> None:
    with pytest.raises(WeakPassphrase) as caught:
        validate_new_passphrase("breve")
    assert "almeno 10 caratteri" in caught.value.message(Lang.IT)
    assert "at least 10 characters" in caught.value.message(Lang.EN)
