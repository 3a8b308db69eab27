"""Small text helpers of the domain: localised labels and accent-insensitive search keys."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

from pippi_desktop.domain.i18n import Lang


@dataclass(frozen=True)
class LocalText:
    """A label in Italian and English (English falls back to Italian)."""

    it: str
    en: str = ""

    def get(self, lang: Lang = Lang.IT) -> str:
        return (self.en or self.it) if lang is Lang.EN else self.it

    @classmethod
    def from_json(cls, raw: Any) -> LocalText:
        if isinstance(raw, str):
            return cls(raw, raw)
        if not isinstance(raw, dict) or not isinstance(raw.get("it"), str) or not raw["it"].strip():
            raise ValueError("label")
        english = raw.get("en", "")
        if not isinstance(english, str):
            raise ValueError("label")
        return cls(raw["it"], english)

    def to_json(self) -> dict[str, str]:
        return {"it": self.it, "en": self.en}


def search_key(text: str) -> str:
    """Lower case, accents removed, spaces collapsed: "Nicolò  D'Ambrosio" -> "nicolo d'ambrosio"."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())
