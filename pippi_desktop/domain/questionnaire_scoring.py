"""Scoring a questionnaire's answers, and the comparison of two time points (T0 → T2).

The rules (`docs/questionnaires.md` has worked examples), exactly:

- an item's score is the value of the option chosen, or `max + min − value` when the item is
  `reverse` (max and min over the definition's options);
- a scale's score is the sum of its items' scores when all are answered; when at least
  `min_answered` are answered it is the mean of the answered scores times the number of items,
  rounded half up to an integer (2.5 → 3, 3.5 → 4: not Python's `round`, which goes to the even
  neighbour); otherwise null;
- `total` is the sum of the scales with `in_total`, null if any of them is null;
- a band applies when `from ≤ score ≤ to` (bands of a key never overlap, so at most one does).

Answers map item ids to option values; an unanswered item is missing or None. Scores are
integers: option values are 0–100, so every sum and mean is non-negative and "half up" has one
meaning. The arithmetic is on integers (no floating point).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from pippi_desktop.domain.errors import InvalidAnswers
from pippi_desktop.domain.i18n import Lang
from pippi_desktop.domain.questionnaire import TOTAL, Band, Item, Questionnaire

Answers = Mapping[str, int | None]


@dataclass(frozen=True)
class ScaleScore:
    """The score of one scale (or of the total) for one response."""

    key: str  # scale id or TOTAL
    score: int | None
    answered: int  # items answered
    items: int  # items counted
    band: Band | None
    band_index: int | None  # position of `band` among the key's bands, lowest first

    @property
    def prorated(self) -> bool:
        """True when the score was completed from the mean of fewer answers than items."""
        return self.score is not None and self.answered < self.items


@dataclass(frozen=True)
class Scores:
    questionnaire_id: str
    revision: str
    results: tuple[ScaleScore, ...]  # in the order of `Questionnaire.score_keys()`

    def get(self, key: str) -> ScaleScore | None:
        for result in self.results:
            if result.key == key:
                return result
        return None

    def value(self, key: str) -> int | None:
        result = self.get(key)
        return result.score if result else None

    def band(self, key: str) -> Band | None:
        result = self.get(key)
        return result.band if result else None

    def to_json(self) -> dict[str, int | None]:
        """`{scale id or "total": int or null}`, the `scores` of `family --json`."""
        return {result.key: result.score for result in self.results}

    def band_labels(self, lang: Lang = Lang.IT) -> dict[str, str | None]:
        """`{scale id or "total": label or null}`, the `bands` of `family --json`."""
        return {
            result.key: result.band.label.get(lang) if result.band else None
            for result in self.results
        }


def check_answers(questionnaire: Questionnaire, answers: Answers) -> dict[str, int]:
    """The answered items with their values; refuses an unknown item or a value not offered."""
    values = set(questionnaire.option_values)
    known = {item.item_id for item in questionnaire.items}
    checked: dict[str, int] = {}
    for item_id, value in answers.items():
        if item_id not in known:
            raise InvalidAnswers("unknown_item", questionnaire=questionnaire.questionnaire_id)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int) or value not in values:
            raise InvalidAnswers("not_an_option", item=item_id)
        checked[item_id] = value
    return checked


def item_score(questionnaire: Questionnaire, item: Item, value: int) -> int:
    if item.reverse:
        return questionnaire.max_value + questionnaire.min_value - value
    return value


def _scale_score(total: int, answered: int, items: int, min_answered: int) -> int | None:
    if answered == items:
        return total
    if answered < min_answered:
        return None
    # mean × items, rounded half up: floor(total × items / answered + 1/2), on integers
    return (2 * total * items + answered) // (2 * answered)


def _banded(
    questionnaire: Questionnaire, key: str, score: int | None, answered: int, items: int
) -> ScaleScore:
    if score is not None:
        for index, band in enumerate(questionnaire.bands_for(key)):
            if band.contains(score):
                return ScaleScore(key, score, answered, items, band, index)
    return ScaleScore(key, score, answered, items, None, None)


def score(questionnaire: Questionnaire, answers: Answers) -> Scores:
    """Every scale's score, the total's (when the definition has one) and their bands."""
    checked = check_answers(questionnaire, answers)
    results = []
    total: int | None = 0
    total_answered = total_items = 0
    for scale in questionnaire.scales:
        items = questionnaire.items_of(scale.scale_id)
        scored = [
            item_score(questionnaire, i, checked[i.item_id]) for i in items if i.item_id in checked
        ]
        value = _scale_score(sum(scored), len(scored), len(items), scale.min_answered)
        results.append(_banded(questionnaire, scale.scale_id, value, len(scored), len(items)))
        if scale.in_total:
            total = None if total is None or value is None else total + value
            total_answered += len(scored)
            total_items += len(items)
    if questionnaire.has_total:
        results.append(_banded(questionnaire, TOTAL, total, total_answered, total_items))
    return Scores(questionnaire.questionnaire_id, questionnaire.revision, tuple(results))


@dataclass(frozen=True)
class ComparisonRow:
    """One scale (or the total) at T0 and T2."""

    key: str
    t0: int | None
    t2: int | None
    band_t0: Band | None
    band_t2: Band | None
    band_shift: int | None  # bands moved up (+) or down (−); None when a band is unknown

    @property
    def difference(self) -> int | None:
        """T2 − T0, or None when either score is missing."""
        if self.t0 is None or self.t2 is None:
            return None
        return self.t2 - self.t0

    @property
    def band_changed(self) -> bool | None:
        """Whether the band differs; None when either score is missing."""
        if self.t0 is None or self.t2 is None:
            return None
        return self.band_t0 != self.band_t2


@dataclass(frozen=True)
class Comparison:
    questionnaire_id: str
    revision_t0: str | None
    revision_t2: str | None
    rows: tuple[ComparisonRow, ...]  # in the order of `Questionnaire.score_keys()`

    @property
    def same_revision(self) -> bool:
        """False when T0 and T2 were answered with different revisions of the definition
        (their bands may differ: say so next to the comparison)."""
        return (
            self.revision_t0 is None
            or self.revision_t2 is None
            or (self.revision_t0 == self.revision_t2)
        )

    def row(self, key: str) -> ComparisonRow | None:
        for row in self.rows:
            if row.key == key:
                return row
        return None


def compare(questionnaire: Questionnaire, t0: Scores | None, t2: Scores | None) -> Comparison:
    """Scale by scale, T0 against T2 (either may be missing: its values are then None).

    Each side is scored with the revision it was answered with; the rows follow
    `questionnaire` (usually the newest revision), and a scale a side's revision lacks has no
    value on that side.
    """
    for side in (t0, t2):
        if side is not None and side.questionnaire_id != questionnaire.questionnaire_id:
            raise ValueError("scores of another questionnaire")
    rows = []
    for key in questionnaire.score_keys():
        before = t0.get(key) if t0 else None
        after = t2.get(key) if t2 else None
        shift = None
        if before and after and before.band_index is not None and after.band_index is not None:
            shift = after.band_index - before.band_index
        rows.append(
            ComparisonRow(
                key=key,
                t0=before.score if before else None,
                t2=after.score if after else None,
                band_t0=before.band if before else None,
                band_t2=after.band if after else None,
                band_shift=shift,
            )
        )
    return Comparison(
        questionnaire_id=questionnaire.questionnaire_id,
        revision_t0=t0.revision if t0 else None,
        revision_t2=t2.revision if t2 else None,
        rows=tuple(rows),
    )
