"""The gettext catalogues: current, complete in every language, placeholders kept."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Message
from babel.messages.pofile import read_po

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "build_scripts"))

import build_translations  # noqa: E402

LANGUAGES = build_translations.languages()
_BRACE = re.compile(r"\{(\w*)[^{}]*\}")
_PERCENT = re.compile(r"%(?:\((\w+)\))?[sdr]")


def _catalog(lang: str) -> list[Message]:
    with build_translations.po_path(lang).open("rb") as handle:
        return [m for m in read_po(handle, locale=lang) if m.id]


def _placeholders(text: str) -> set[str]:
    return {f"{{{m}}}" for m in _BRACE.findall(text)} | {
        f"%({m})" for m in _PERCENT.findall(text) if m
    }


def test_the_catalogues_are_current() -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "build_scripts" / "build_translations.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, (
        "run build_scripts/build_translations.py and commit the catalogues:\n" + result.stderr
    )


def test_there_are_at_least_italian_and_english() -> None:
    assert {"it", "en"} <= set(LANGUAGES)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_text_is_translated(lang: str) -> None:
    missing = [
        message.id
        for message in _catalog(lang)
        if build_translations.needs_translation(message, lang)
        and (not message.string if isinstance(message.string, str) else not all(message.string))
    ]
    assert not missing, f"{len(missing)} texts lack their {lang} translation: {missing[:10]}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_translations_keep_the_placeholders(lang: str) -> None:
    wrong = []
    for message in _catalog(lang):
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        expected = set().union(*(_placeholders(text) for text in ids))
        for text in strings:
            if text and _placeholders(text) - expected:
                wrong.append((ids[0], text))
            if text and isinstance(message.id, str) and _placeholders(text) != expected:
                wrong.append((ids[0], text))
    assert not wrong, wrong[:5]
