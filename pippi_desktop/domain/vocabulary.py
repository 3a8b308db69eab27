"""The lists whose labels vary between Ambiti: phases, roles, places, dispositivi, …

Codes are stable identifiers stored in records and bundles; labels are data
(`resources/catalogue/vocabularies.json`), so an Ambito that calls the plan "PEF" changes a
label, not the code.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pippi_desktop.domain.i18n import Lang
from pippi_desktop.domain.text import LocalText

KINDS = (
    "phases",
    "member_roles",
    "sexes",
    "professions",
    "dispositivi",
    "places",
    "group_kinds",
    "attendance",
    "preassessment_outcomes",
    "conclusion_variants",
    "verification_statuses",
    "time_points",
)


@dataclass(frozen=True)
class Term:
    code: str
    label: LocalText
    flags: Mapping[str, bool] = field(default_factory=dict)


@dataclass(frozen=True)
class Vocabulary:
    version: str
    terms: Mapping[str, tuple[Term, ...]]

    def codes(self, kind: str) -> tuple[str, ...]:
        return tuple(term.code for term in self.terms[kind])

    def has(self, kind: str, code: str) -> bool:
        return any(term.code == code for term in self.terms[kind])

    def label(self, kind: str, code: str | None, lang: Lang = Lang.IT) -> str:
        if code is None:
            return ""
        for term in self.terms[kind]:
            if term.code == code:
                return term.label.get(lang)
        return code

    def flagged(self, kind: str, flag: str) -> tuple[str, ...]:
        return tuple(term.code for term in self.terms[kind] if term.flags.get(flag))

    def child_roles(self) -> tuple[str, ...]:
        return self.flagged("member_roles", "child")

    def phase_index(self, code: str) -> int:
        return self.codes("phases").index(code)


def parse_vocabulary(raw: Any) -> Vocabulary:
    if not isinstance(raw, dict) or raw.get("format") != "pippi-desktop/vocabularies":
        raise ValueError("not a vocabulary file")
    terms: dict[str, tuple[Term, ...]] = {}
    for kind in KINDS:
        items = raw.get(kind)
        if not isinstance(items, list) or not items:
            raise ValueError(f"missing list {kind}")
        parsed = []
        for item in items:
            code = item.get("code") if isinstance(item, dict) else None
            if not isinstance(code, str) or not code:
                raise ValueError(f"bad code in {kind}")
            flags = {k: bool(v) for k, v in item.items() if isinstance(v, bool)}
            parsed.append(Term(code, LocalText.from_json(item.get("label")), flags))
        if len({t.code for t in parsed}) != len(parsed):
            raise ValueError(f"duplicate code in {kind}")
        terms[kind] = tuple(parsed)
    return Vocabulary(version=str(raw.get("version", "")), terms=terms)
