"""What a change to the workspace touched: the value services return and the GUI's "data
changed" signal carries (Anki's `OpChanges`). Views look at the kinds and families they show
and refresh only when touched.

Kinds are the record kinds of `domain/record_types.py` ("family", "person", "visit", …) plus
"sync" (cards, trust, devices, bundles) and whatever a window announces for itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class DataChanges:
    kinds: frozenset[str] = frozenset()
    record_ids: frozenset[str] = frozenset()
    family_ids: frozenset[str] = frozenset()
    everything: bool = False

    @classmethod
    def of(
        cls, *kinds: str, family_ids: Iterable[str] = (), record_ids: Iterable[str] = ()
    ) -> DataChanges:
        return cls(
            kinds=frozenset(kinds),
            record_ids=frozenset(record_ids),
            family_ids=frozenset(family_ids),
        )

    @classmethod
    def all(cls) -> DataChanges:
        """After an import or a workspace switch: every view reloads."""
        return cls(everything=True)

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
