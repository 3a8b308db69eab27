"""Scoring and the T0 → T2 comparison: golden cases, and properties against an independent
implementation written here from the rules of issue 16 (decimal arithmetic, ROUND_HALF_UP),
not from the code under test (integer arithmetic)."""

from __future__ import annotations

import copy
import itertools
import json
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pippi_desktop.domain.errors import EXIT_REJECTED, InvalidAnswers, InvalidFile
from pippi_desktop.domain.i18n import Lang
from pippi_desktop.domain.questionnaire import (
    TOTAL,
    Questionnaire,
    parse_questionnaire,
    parse_questionnaire_bytes,
)
from pippi_desktop.domain.questionnaire_scoring import check_answers, compare, score
from pippi_desktop.resource_paths import resource


def demo() -> Questionnaire:
    return parse_questionnaire_bytes(resource("questionnaires", "demo-benessere.json").read_bytes())


def definition(
    *,
    values: tuple[int, ...] = (0, 1, 2, 3),
    scales: dict[str, tuple[int, int, bool]],
    reverse: tuple[str, ...] = (),
    bands: tuple[tuple[str, int, int], ...] = (),
) -> Questionnaire:
    """A definition for a case: `scales` maps scale id -> (items, min_answered, in_total);
    items are named <scale id><n> from 1."""
    raw = {
        "format": "pippi-desktop/questionnaire",
        "version": 1,
        "id": "prova",
        "revision": "1",
        "title": "Prova",
        "respondents": ["parent"],
        "options": [{"value": v, "label": f"valore {v}"} for v in values],
        "items": [
            {"id": f"{s}{n}", "text": "Domanda", "scale": s, "reverse": f"{s}{n}" in reverse}
            for s, (count, _, _) in scales.items()
            for n in range(1, count + 1)
        ],
        "scales": [
            {"id": s, "label": s, "in_total": in_total, "min_answered": minimum}
            for s, (_, minimum, in_total) in scales.items()
        ],
        "bands": [
            {"scale": s, "from": low, "to": high, "label": f"{s} {low}-{high}"}
            for s, low, high in bands
        ],
    }
    return parse_questionnaire(raw)


# --- golden cases -----------------------------------------------------------------------------


def test_reversed_items_score_max_plus_min_minus_value() -> None:
    q = definition(scales={"a": (4, 4, True)}, reverse=("a2", "a4"))
    assert score(q, {"a1": 3, "a2": 3, "a3": 0, "a4": 0}).value("a") == 3 + 0 + 0 + 3
    assert score(q, {"a1": 1, "a2": 1, "a3": 2, "a4": 2}).value("a") == 1 + 2 + 2 + 1
    # options need not be contiguous: max + min − value even when that is no option's value
    q = definition(values=(1, 2, 5), scales={"a": (2, 2, True)}, reverse=("a2",))
    assert score(q, {"a1": 2, "a2": 2}).value("a") == 2 + (5 + 1 - 2)
    assert score(q, {"a1": 5, "a2": 5}).value("a") == 5 + 1


def test_all_answered_is_the_plain_sum_even_below_min_answered_rules() -> None:
    q = definition(scales={"a": (3, 3, True)})
    result = score(q, {"a1": 3, "a2": 2, "a3": 2}).get("a")
    assert result is not None
    assert (result.score, result.answered, result.items, result.prorated) == (7, 3, 3, False)


def test_missing_answers_below_min_answered_give_no_score() -> None:
    q = definition(scales={"a": (5, 3, True)})
    for answers in ({}, {"a1": 3}, {"a1": 3, "a2": 3}, {"a1": 3, "a2": 3, "a3": None}):
        assert score(q, answers).value("a") is None
        assert score(q, answers).band("a") is None
    assert score(q, {"a1": 3, "a2": 3}).get("a").answered == 2  # type: ignore[union-attr]


def test_missing_answers_at_and_above_min_answered_are_completed_from_the_mean() -> None:
    q = definition(scales={"a": (5, 3, True)})
    # exactly min_answered: 3 answers summing to 4 -> 4 / 3 × 5 = 6.67 -> 7
    at = score(q, {"a1": 1, "a2": 1, "a3": 2}).get("a")
    assert at is not None and (at.score, at.answered, at.prorated) == (7, 3, True)
    # above: 4 answers summing to 6 -> 6 / 4 × 5 = 7.5 -> 8
    assert score(q, {"a1": 0, "a2": 2, "a3": 2, "a4": 2, "a5": None}).value("a") == 8
    # reversed items are reversed before the mean: 3 answers 3, 3, (3+0−3) -> 6 / 3 × 5 = 10
    q = definition(scales={"a": (5, 3, True)}, reverse=("a3",))
    assert score(q, {"a1": 3, "a2": 3, "a3": 3}).value("a") == 10


@pytest.mark.parametrize(
    ("total", "expected", "bankers"),
    [
        (1, 2, 2),  # 1 / 4 × 6 = 1.5
        (3, 5, 4),  # 4.5: half up gives 5, Python's round (half to even) would give 4
        (5, 8, 8),  # 7.5
        (7, 11, 10),  # 10.5
        (2, 3, 3),  # 3.0
        (4, 6, 6),  # 6.0
    ],
)
def test_rounding_is_half_up_not_to_even(total: int, expected: int, bankers: int) -> None:
    q = definition(scales={"a": (6, 4, True)})
    values = [min(3, total - 3 * n) if total > 3 * n else 0 for n in range(4)]
    assert sum(values) == total
    answers = {f"a{n}": v for n, v in enumerate(values, start=1)}
    assert score(q, answers).value("a") == expected
    assert round(total / 4 * 6) == bankers


def test_the_total_sums_the_scales_in_the_total_and_is_null_if_one_is() -> None:
    q = definition(scales={"a": (2, 2, True), "b": (2, 1, True), "c": (2, 2, False)})
    full = {"a1": 1, "a2": 2, "b1": 3, "b2": 3, "c1": 0, "c2": 0}
    assert score(q, full).to_json() == {"a": 3, "b": 6, "c": 0, TOTAL: 9}
    without_c = {**full, "c2": None}  # c is not in the total
    assert score(q, without_c).to_json() == {"a": 3, "b": 6, "c": None, TOTAL: 9}
    b_prorated = {**full, "b2": None}  # 3 / 1 × 2 = 6
    assert score(q, b_prorated).to_json() == {"a": 3, "b": 6, "c": 0, TOTAL: 9}
    a_missing = {**full, "a2": None}
    assert score(q, a_missing).to_json() == {"a": None, "b": 6, "c": 0, TOTAL: None}
    total = score(q, full).get(TOTAL)
    assert total is not None and (total.answered, total.items) == (4, 4)


def test_without_a_scale_in_the_total_there_is_no_total_score() -> None:
    q = definition(scales={"a": (2, 1, False)})
    assert score(q, {"a1": 1}).to_json() == {"a": 2}


def test_bands_apply_from_their_lower_to_their_upper_edge_inclusive() -> None:
    q = definition(
        values=(0, 1),
        scales={"a": (10, 10, True)},
        bands=(("a", 0, 3), ("a", 4, 6), ("a", 8, 10), (TOTAL, 5, 5)),
    )

    def answers(points: int) -> dict[str, int]:
        return {f"a{n}": int(n <= points) for n in range(1, 11)}

    labels = {p: score(q, answers(p)).band_labels()["a"] for p in range(11)}
    assert labels == {
        0: "a 0-3",
        1: "a 0-3",
        2: "a 0-3",
        3: "a 0-3",
        4: "a 4-6",
        5: "a 4-6",
        6: "a 4-6",
        7: None,  # the gap between 6 and 8: no band
        8: "a 8-10",
        9: "a 8-10",
        10: "a 8-10",
    }
    assert [score(q, answers(p)).band_labels()[TOTAL] for p in (4, 5, 6)] == [
        None,
        "total 5-5",
        None,
    ]
    indexes = [score(q, answers(p)).get("a").band_index for p in (0, 3, 4, 7, 8)]  # type: ignore[union-attr]
    assert indexes == [0, 0, 1, None, 2]


def test_band_labels_follow_the_language() -> None:
    q = demo()
    answers = {item.item_id: 3 for item in q.items if not item.reverse}
    answers |= {item.item_id: 0 for item in q.items if item.reverse}
    scores = score(q, answers)
    assert scores.to_json() == {
        "emozioni": 12,
        "relazioni": 12,
        "autonomia": 12,
        "interessi": 9,
        TOTAL: 36,
    }
    assert scores.band_labels(Lang.IT)[TOTAL] == "Buono"
    assert scores.band_labels(Lang.EN) == {
        "emozioni": "Good",
        "relazioni": "Good",
        "autonomia": "Good",
        "interessi": None,
        TOTAL: "Good",
    }


# The worked examples of docs/questionnaires.md, with the demo questionnaire.
DOC_T0 = {
    "e1": 1, "e2": 1, "e3": 0, "e4": 2,
    "r1": 2, "r2": 1, "r3": 3,
    "a1": 1, "a2": 2, "a3": 1, "a4": 2,
    "i1": 1,
}  # fmt: skip
DOC_T2 = {
    "e1": 2, "e2": 2, "e3": 2, "e4": 1,
    "r1": 3, "r2": 2, "r3": 1, "r4": 2,
    "a1": 2, "a2": 2, "a3": 1, "a4": 3,
    "i1": 2, "i2": 1,
}  # fmt: skip


def test_the_worked_examples_of_the_documentation() -> None:
    q = demo()
    t0, t2 = score(q, DOC_T0), score(q, DOC_T2)
    # emozioni: 1 + 1 + 0 + (3 + 0 − 2) = 3; relazioni: 2 + 1 + (3 + 0 − 3) = 3 of 3 answers
    # -> 3 / 3 × 4 = 4; autonomia: 1 + 2 + (3 − 1) + 2 = 7; interessi: 1 answer < 2 -> null
    assert t0.to_json() == {"emozioni": 3, "relazioni": 4, "autonomia": 7, "interessi": None,
                            TOTAL: 14}  # fmt: skip
    assert t0.band_labels() == {
        "emozioni": "Da approfondire",
        "relazioni": "Da approfondire",
        "autonomia": "Intermedio",
        "interessi": None,
        TOTAL: "Da approfondire",
    }
    # emozioni: 2 + 2 + 2 + 2 = 8; relazioni: 3 + 2 + 2 + 2 = 9; autonomia: 2 + 2 + 2 + 3 = 9;
    # interessi: 2 of 3 answered, 3 / 2 × 3 = 4.5 -> 5 (half up)
    assert t2.to_json() == {"emozioni": 8, "relazioni": 9, "autonomia": 9, "interessi": 5,
                            TOTAL: 26}  # fmt: skip
    assert score(q, {**DOC_T2, "a1": None}).value("autonomia") == 9  # 7 / 3 × 4 = 9.33
    without_e = score(q, {**DOC_T2, "e1": None, "e2": None})
    assert (without_e.value("emozioni"), without_e.value(TOTAL)) == (None, None)
    comparison = compare(q, t0, t2)
    rows = {row.key: row for row in comparison.rows}
    assert [row.key for row in comparison.rows] == list(q.score_keys())
    assert {key: row.difference for key, row in rows.items()} == {
        "emozioni": 5,
        "relazioni": 5,
        "autonomia": 2,
        "interessi": None,
        TOTAL: 12,
    }
    assert {key: row.band_shift for key, row in rows.items()} == {
        "emozioni": 1,
        "relazioni": 2,
        "autonomia": 1,
        "interessi": None,
        TOTAL: 1,
    }
    assert rows["relazioni"].band_t2 is not None
    assert rows["relazioni"].band_t2.label.get(Lang.EN) == "Good"
    assert rows["emozioni"].band_changed is True
    assert rows["interessi"].band_changed is None
    assert comparison.same_revision


def test_the_comparison_with_a_missing_or_unchanged_side() -> None:
    q = demo()
    t0 = score(q, DOC_T0)
    only_t0 = compare(q, t0, None)
    assert all(row.t2 is None and row.difference is None for row in only_t0.rows)
    assert all(row.band_changed is None and row.band_shift is None for row in only_t0.rows)
    assert only_t0.revision_t2 is None and only_t0.same_revision
    same = compare(q, t0, score(q, DOC_T0))
    row = same.row("autonomia")
    assert row is not None
    assert (row.difference, row.band_changed, row.band_shift) == (0, False, 0)


def test_the_comparison_tells_two_revisions_apart_and_refuses_another_questionnaire() -> None:
    q = demo()
    raw = json.loads(q.raw)
    raw["revision"] = "2027-1"
    newer = parse_questionnaire(raw)
    comparison = compare(newer, score(q, DOC_T0), score(newer, DOC_T2))
    assert (comparison.revision_t0, comparison.revision_t2) == ("2026-1", "2027-1")
    assert not comparison.same_revision
    raw["id"] = "altro"
    with pytest.raises(ValueError):
        compare(q, score(q, DOC_T0), score(parse_questionnaire(raw), DOC_T2))


@pytest.mark.parametrize(
    ("answers", "variant", "words"),
    [
        ({"z9": 1}, "unknown_item", "una domanda che il questionario «demo-benessere» non ha"),
        ({"e1": 4}, "not_an_option", "alla domanda «e1» non è tra le opzioni"),
        ({"e2": -1}, "not_an_option", "«e2»"),
        ({"e1": True}, "not_an_option", "«e1»"),
        ({"e1": 1.0}, "not_an_option", "«e1»"),
        ({"e1": "1"}, "not_an_option", "«e1»"),
    ],
)
def test_answers_that_do_not_fit_are_refused(answers, variant: str, words: str) -> None:
    with pytest.raises(InvalidAnswers) as caught:
        score(demo(), {"e3": 2, **answers})
    error = caught.value
    assert error.variant == variant and error.exit_code == EXIT_REJECTED
    assert words in error.message(Lang.IT)
    assert error.message(Lang.EN) != error.message(Lang.IT)


def test_unanswered_items_may_be_missing_or_none() -> None:
    assert check_answers(demo(), {"e1": None, "e2": 0}) == {"e2": 0}


# --- properties against an independent implementation --------------------------------------


@st.composite
def raw_definitions(draw: st.DrawFn) -> dict[str, Any]:
    values = draw(st.lists(st.integers(0, 100), min_size=2, max_size=8, unique=True))
    scales, items = [], []
    for s in range(draw(st.integers(1, 5))):
        count = draw(st.integers(1, 8))
        for n in range(count):
            items.append(
                {
                    "id": f"q{s}-{n}",
                    "text": {"it": "Domanda", "en": "Question"},
                    "scale": f"s{s}",
                    "reverse": draw(st.booleans()),
                }
            )
        scales.append(
            {
                "id": f"s{s}",
                "label": "Scala",
                "in_total": draw(st.booleans()),
                "min_answered": draw(st.integers(1, count)),
            }
        )
    items = draw(st.permutations(items))
    lowest, highest = min(values), max(values)
    keys = {scale["id"]: sum(1 for i in items if i["scale"] == scale["id"]) for scale in scales}
    if any(scale["in_total"] for scale in scales):
        keys[TOTAL] = sum(keys[scale["id"]] for scale in scales if scale["in_total"])
    bands = []
    for key, count in keys.items():
        low, high = count * lowest, count * highest
        cuts = sorted(draw(st.sets(st.integers(low, high + 1), min_size=0, max_size=5)))
        for start, end in itertools.pairwise(cuts):
            if draw(st.booleans()):  # leave some gaps
                bands.append(
                    {"scale": key, "from": start, "to": end - 1, "label": f"{key}:{start}"}
                )
    return {
        "format": "pippi-desktop/questionnaire",
        "version": 1,
        "id": "casuale",
        "revision": "1",
        "title": {"it": "Casuale"},
        "respondents": ["parent", "child"],
        "options": [{"value": v, "label": str(v)} for v in draw(st.permutations(values))],
        "items": items,
        "scales": scales,
        "bands": draw(st.permutations(bands)),
    }


def raw_answers(raw: dict[str, Any]) -> st.SearchStrategy[dict[str, int | None]]:
    values = [option["value"] for option in raw["options"]]
    choice = st.one_of(st.none(), st.sampled_from(values))
    return st.fixed_dictionaries({}, optional={item["id"]: choice for item in raw["items"]})


def reference_scores(raw: dict[str, Any], answers: dict[str, int | None]) -> dict[str, Any]:
    """The rules of issue 16, written again from their wording: {key: (score, band label)}."""
    values = [option["value"] for option in raw["options"]]
    result: dict[str, Any] = {}
    total: int | None = 0
    for scale in raw["scales"]:
        its = [item for item in raw["items"] if item["scale"] == scale["id"]]
        scored = [
            max(values) + min(values) - answers[item["id"]]
            if item["reverse"]
            else answers[item["id"]]
            for item in its
            if answers.get(item["id"]) is not None
        ]
        if len(scored) == len(its):
            value: int | None = sum(scored)
        elif len(scored) >= scale["min_answered"]:
            mean_times_items = Decimal(sum(scored) * len(its)) / Decimal(len(scored))
            value = int(mean_times_items.quantize(Decimal(1), rounding=ROUND_HALF_UP))
        else:
            value = None
        result[scale["id"]] = value
        if scale["in_total"]:
            total = None if total is None or value is None else total + value
    if any(scale["in_total"] for scale in raw["scales"]):
        result[TOTAL] = total
    out = {}
    for key, value in result.items():
        labels = [
            band["label"]
            for band in raw["bands"]
            if band["scale"] == key and value is not None and band["from"] <= value <= band["to"]
        ]
        assert len(labels) <= 1
        out[key] = (value, labels[0] if labels else None)
    return out


@settings(max_examples=400, deadline=None)
@given(data=st.data())
def test_scores_agree_with_the_independent_implementation(data: st.DataObject) -> None:
    raw = data.draw(raw_definitions())
    q = parse_questionnaire(copy.deepcopy(raw))
    answers = data.draw(raw_answers(raw))
    scores = score(q, answers)
    expected = reference_scores(raw, answers)
    assert {key: (r.score, r.band.label.it if r.band else None) for key, r in
            zip(scores.to_json(), scores.results, strict=True)} == expected  # fmt: skip
    assert list(scores.to_json()) == list(q.score_keys())
    for result in scores.results:
        low, high = q.score_range(result.key)
        assert result.score is None or low <= result.score <= high
        assert result.band is None or result.band.contains(result.score)  # type: ignore[arg-type]


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_comparisons_agree_with_the_independent_implementation(data: st.DataObject) -> None:
    raw = data.draw(raw_definitions())
    q = parse_questionnaire(copy.deepcopy(raw))
    before, after = data.draw(raw_answers(raw)), data.draw(raw_answers(raw))
    comparison = compare(q, score(q, before), score(q, after))
    expected_t0, expected_t2 = reference_scores(raw, before), reference_scores(raw, after)
    for row in comparison.rows:
        (v0, b0), (v2, b2) = expected_t0[row.key], expected_t2[row.key]
        assert (row.t0, row.t2) == (v0, v2)
        assert row.difference == (None if v0 is None or v2 is None else v2 - v0)
        shown = (row.band_t0.label.it if row.band_t0 else None,
                 row.band_t2.label.it if row.band_t2 else None)  # fmt: skip
        assert shown == (b0, b2)
        assert row.band_changed == (None if v0 is None or v2 is None else b0 != b2)
        ordered = [band["label"] for band in sorted(
            (band for band in raw["bands"] if band["scale"] == row.key),
            key=lambda band: band["from"])]  # fmt: skip
        assert row.band_shift == (
            None if b0 is None or b2 is None else ordered.index(b2) - ordered.index(b0)
        )


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_the_order_of_the_file_and_its_layout_change_nothing(data: st.DataObject) -> None:
    raw = data.draw(raw_definitions())
    answers = data.draw(raw_answers(raw))
    shuffled = copy.deepcopy(raw)
    for key in ("options", "scales", "bands"):
        shuffled[key] = data.draw(st.permutations(shuffled[key]))
    first = parse_questionnaire(copy.deepcopy(raw))
    second = parse_questionnaire_bytes(json.dumps(shuffled, indent=1).encode("utf-8"))
    assert score(first, answers).to_json() == score(second, answers).to_json()
    assert score(first, answers).band_labels() == score(second, answers).band_labels()
    assert parse_questionnaire(json.loads(first.raw)).digest == first.digest


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_any_band_overlapping_another_is_refused(data: st.DataObject) -> None:
    raw = data.draw(raw_definitions())
    if not raw["bands"]:
        return
    band = data.draw(st.sampled_from(raw["bands"]))
    inside = data.draw(st.integers(band["from"], band["to"]))
    low = data.draw(st.integers(band["from"] - 3, inside))
    high = data.draw(st.integers(inside, band["to"] + 3))
    count_range = parse_questionnaire(copy.deepcopy(raw)).score_range(band["scale"])
    low, high = max(low, count_range[0]), min(high, count_range[1])
    raw["bands"].append({"scale": band["scale"], "from": low, "to": high, "label": "x"})
    with pytest.raises(InvalidFile) as caught:
        parse_questionnaire(raw)
    assert "si sovrappongono" in caught.value.message(Lang.IT)
