"""What an operation changed: the one value the "data changed" signal carries (Anki's
`OpChanges`). Views look at the kinds and families they show and refresh only when touched.

Kinds are the record kinds of `domain/record_types.py` ("family", "person", "visit",
"assessment", …). A service's own "what changed" value (`casefile_service` returns one with
kinds, record ids and family ids) becomes this through `DataChanges.from_service`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol


class ServiceChanges(Protocol):
    """The shape of `storage.changes.DataChanges` as services return it (no import needed)."""

    kinds: set[str]
    record_ids: set[str]
    family_ids: set[str]


@dataclass(frozen=True)
class DataChanges:
    kinds: frozenset[str] = frozenset()
    everything: bool = False
    family_ids: frozenset[str] = frozenset()
    record_ids: frozenset[str] = frozenset()

    @classmethod
    def of(cls, *kinds: str, family_ids: Iterable[str] = ()) -> DataChanges:
        return cls(kinds=frozenset(kinds), family_ids=frozenset(family_ids))

    @classmethod
    def all(cls) -> DataChanges:
        """After an import or a workspace switch: every view reloads."""
        return cls(everything=True)

    @classmethod
    def from_service(cls, changes: ServiceChanges) -> DataChanges:
        return cls(
            kinds=frozenset(changes.kinds),
            family_ids=frozenset(changes.family_ids),
            record_ids=frozenset(changes.record_ids),
        )

    def touches(self, *kinds: str) -> bool:
        return self.everything or bool(self.kinds.intersection(kinds))

    def touches_family(self, family_id: str | None, *kinds: str) -> bool:
        """True when this family (and, if given, one of `kinds`) may have changed."""
        if self.everything:
            return True
        if family_id is None or family_id not in self.family_ids:
            return False
        return not kinds or self.touches(*kinds)

    def __bool__(self) -> bool:
        return self.everything or bool(self.kinds)
