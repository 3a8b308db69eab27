"""What an operation changed: the one value the "data changed" signal carries (Anki's
`OpChanges`). Views look at the kinds they show and refresh only when touched.

Kinds are short names of record families ("families", "visits", "assessments", …); services
will return their own "what changed" value (issue 4) and the operation maps it to this.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DataChanges:
    kinds: frozenset[str] = frozenset()
    everything: bool = False

    @classmethod
    def of(cls, *kinds: str) -> DataChanges:
        return cls(kinds=frozenset(kinds))

    @classmethod
    def all(cls) -> DataChanges:
        """After an import or a workspace switch: every view reloads."""
        return cls(everything=True)

    def touches(self, *kinds: str) -> bool:
        return self.everything or bool(self.kinds.intersection(kinds))

    def __bool__(self) -> bool:
        return self.everything or bool(self.kinds)
