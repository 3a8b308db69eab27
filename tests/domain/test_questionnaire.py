"""The questionnaire definition format: the demo file, and every refusal of the parser.

Each refused definition differs from a valid one in one point, so the test shows which rule
refused it (the Italian message names the place; the English one is its translation).
"""

from __future__ import annotations

import copy
import itertools
import json
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pippi_desktop.domain.errors import EXIT_REJECTED, InvalidFile
from pippi_desktop.domain.i18n import Lang
from pippi_desktop.domain.questionnaire import (
    MAX_BYTES,
    RESPONDENTS,
    TOTAL,
    Questionnaire,
    parse_questionnaire,
    parse_questionnaire_bytes,
    respondent_label,
)
from pippi_desktop.resource_paths import resource

DEMO = resource("questionnaires", "demo-benessere.json")


def demo_raw() -> dict[str, Any]:
    return json.loads(DEMO.read_text(encoding="utf-8"))


def mini_raw() -> dict[str, Any]:
    """The smallest valid definition: one scale of two items, counted in the total."""
    return {
        "format": "pippi-desktop/questionnaire",
        "version": 1,
        "id": "mini",
        "revision": "1",
        "title": {"it": "Prova", "en": "Test"},
        "respondents": ["parent"],
        "options": [
            {"value": 0, "label": {"it": "No", "en": "No"}},
            {"value": 1, "label": {"it": "Sì", "en": "Yes"}},
        ],
        "items": [
            {"id": "a", "text": {"it": "Prima", "en": "First"}, "scale": "s", "reverse": False},
            {"id": "b", "text": {"it": "Seconda", "en": "Second"}, "scale": "s"},
        ],
        "scales": [{"id": "s", "label": "Scala", "in_total": True, "min_answered": 1}],
        "bands": [{"scale": TOTAL, "from": 0, "to": 2, "label": {"it": "Tutto"}}],
    }


def refusal(raw: Any) -> InvalidFile:
    with pytest.raises(InvalidFile) as caught:
        parse_questionnaire(raw)
    return caught.value


def bytes_refusal(data: bytes) -> InvalidFile:
    with pytest.raises(InvalidFile) as caught:
        parse_questionnaire_bytes(data)
    return caught.value


# --- the demo questionnaire -------------------------------------------------------------------


def test_the_demo_questionnaire_loads_in_both_languages() -> None:
    questionnaire = parse_questionnaire_bytes(DEMO.read_bytes())
    assert questionnaire.key == ("demo-benessere", "2026-1")
    assert questionnaire.respondents == ("parent", "teacher", "child")
    assert questionnaire.option_values == (0, 1, 2, 3)
    assert [s.scale_id for s in questionnaire.scales] == [
        "emozioni",
        "relazioni",
        "autonomia",
        "interessi",
    ]
    assert questionnaire.score_keys()[-1] == TOTAL
    assert questionnaire.score_range(TOTAL) == (0, 36)
    assert questionnaire.score_range("interessi") == (0, 9)
    assert any(item.reverse for item in questionnaire.items)
    assert not all(scale.in_total for scale in questionnaire.scales)
    texts = [questionnaire.title, *(o.label for o in questionnaire.options)]
    texts += [i.text for i in questionnaire.items] + [s.label for s in questionnaire.scales]
    texts += [b.label for b in questionnaire.bands]
    assert all(text.it and text.en and text.it != text.en for text in texts)
    assert questionnaire.label("emozioni", Lang.EN) == "Emotions and calm"
    assert questionnaire.label(TOTAL, Lang.IT) == "Totale"
    assert questionnaire.label(TOTAL, Lang.EN) == "Total"
    assert questionnaire.option_label(3, Lang.EN) == "Almost always"


def test_every_band_of_the_demo_is_within_its_scale_and_they_cover_it() -> None:
    questionnaire = parse_questionnaire_bytes(DEMO.read_bytes())
    for key in ("emozioni", "relazioni", "autonomia", TOTAL):
        bands = questionnaire.bands_for(key)
        low, high = questionnaire.score_range(key)
        assert bands[0].low == low and bands[-1].high == high
        assert all(a.high + 1 == b.low for a, b in itertools.pairwise(bands))
    assert questionnaire.bands_for("interessi") == ()


def test_respondent_labels_are_translated() -> None:
    assert respondent_label("teacher", Lang.IT) == "Insegnante"
    assert respondent_label("teacher", Lang.EN) == "Teacher"
    assert {respondent_label(code, Lang.EN) for code in RESPONDENTS}.isdisjoint(
        {respondent_label(code, Lang.IT) for code in RESPONDENTS}
    )


def test_the_digest_is_of_the_content_not_of_its_layout() -> None:
    compact = json.dumps(demo_raw(), separators=(",", ":")).encode()
    spaced = json.dumps(dict(reversed(list(demo_raw().items()))), indent=4).encode()
    first, second = parse_questionnaire_bytes(compact), parse_questionnaire_bytes(spaced)
    assert first.digest == second.digest == parse_questionnaire_bytes(DEMO.read_bytes()).digest
    changed = demo_raw()
    changed["items"][0]["text"]["en"] += "!"
    assert parse_questionnaire(changed).digest != first.digest
    assert parse_questionnaire(json.loads(first.raw)).raw == first.raw


def test_a_byte_order_mark_and_a_missing_reverse_and_english_are_accepted() -> None:
    raw = mini_raw()
    questionnaire = parse_questionnaire_bytes(b"\xef\xbb\xbf" + json.dumps(raw).encode())
    assert [item.reverse for item in questionnaire.items] == [False, False]
    assert questionnaire.bands[0].label.get(Lang.EN) == "Tutto"  # English falls back
    assert questionnaire.scales[0].label.get(Lang.EN) == "Scala"  # a string is both


# --- every refusal: one point differs from a valid definition ------------------------------


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    """Damage: set the value at a dotted path ("items.0.scale")."""

    def damage(raw: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = raw
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        if isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value

    return damage


def _drop(path: str) -> Callable[[dict[str, Any]], None]:
    def damage(raw: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = raw
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        del node[int(last) if isinstance(node, list) else last]

    return damage


def _append(path: str, value: Callable[[dict[str, Any]], Any]) -> Callable[[dict[str, Any]], None]:
    def damage(raw: dict[str, Any]) -> None:
        raw[path].append(value(raw))

    return damage


DEMO_DAMAGE: list[tuple[str, Callable[[dict[str, Any]], None], str]] = [
    # unknown keys, at every level
    ("unknown top key", _set("licence", "x"), "chiave sconosciuta «licence» nel questionario"),
    ("unknown option key", _set("options.1.score", 1), "chiave sconosciuta «score»"),
    ("unknown item key", _set("items.2.reversed", True), "chiave sconosciuta «reversed»"),
    ("unknown scale key", _set("scales.0.weight", 2), "chiave sconosciuta «weight»"),
    ("unknown band key", _set("bands.0.colour", "red"), "chiave sconosciuta «colour»"),
    ("unknown label key", _set("items.0.text.fr", "Sourit"), "chiave sconosciuta «fr»"),
    # missing keys
    ("missing bands", _drop("bands"), "manca la chiave «bands»"),
    ("missing min_answered", _drop("scales.1.min_answered"), "manca la chiave «min_answered»"),
    ("missing item scale", _drop("items.3.scale"), "manca la chiave «scale»"),
    ("missing band to", _drop("bands.4.to"), "manca la chiave «to»"),
    ("missing Italian", _drop("scales.0.label.it"), "manca la chiave «it» nella scala «emo"),
    # duplicate ids
    ("duplicate item id", _set("items.1.id", "e1"), "la domanda «e1» compare due volte"),
    ("duplicate scale id", _set("scales.3.id", "emozioni"), "la scala «emozioni» compare due"),
    ("duplicate option value", _set("options.1.value", 0), "valore di risposta «0» compare due"),
    ("duplicate respondent", _set("respondents.2", "parent"), "chi compila «parent» compare"),
    # references
    (
        "item naming a missing scale",
        _set("items.5.scale", "emozione"),
        "la domanda «r2» indica la scala «emozione», che non esiste",
    ),
    ("band of a missing scale", _set("bands.0.scale", "gioco"), "fascia 1 indica una scala che"),
    (
        "scale without items",
        _append("scales", lambda raw: {**raw["scales"][3], "id": "vuota"}),
        "nessuna domanda appartiene alla scala «vuota»",
    ),
    ("scale named total", _set("scales.3.id", "total"), "riservato al punteggio totale"),
    # overlapping bands (touching edges overlap: from ≤ score ≤ to)
    ("bands sharing an edge", _set("bands.1.from", 5), "si sovrappongono (0–5 e 5–8)"),
    ("band inside another", _set("bands.10.to", 30), "si sovrappongono (18–30 e 27–36)"),
    (
        "a second band over a first",
        _append("bands", lambda raw: {**raw["bands"][0], "from": 3, "to": 4}),
        "si sovrappongono (0–5 e 3–4)",
    ),
    # wrong types
    ("version as text", _set("version", "1"), "versione del formato"),
    ("version as true", _set("version", True), "versione del formato"),
    ("version as float", _set("version", 1.0), "versione del formato"),
    ("option value as text", _set("options.0.value", "0"), "deve essere un numero intero"),
    ("option value as float", _set("options.2.value", 2.0), "deve essere un numero intero"),
    ("option value as bool", _set("options.1.value", True), "deve essere un numero intero"),
    ("reverse as text", _set("items.3.reverse", "sì"), "«reverse» nella domanda «e4» deve"),
    ("in_total as number", _set("scales.0.in_total", 1), "deve essere true oppure false"),
    ("min_answered as text", _set("scales.0.min_answered", "3"), "numero intero"),
    ("band from as float", _set("bands.0.from", 0.5), "numero intero"),
    ("items not a list", _set("items", {"e1": "x"}), "«items» deve essere un elenco"),
    ("option not an object", _set("options.0", 0), "l'opzione di risposta 1 non è un oggetto JSON"),
    ("label as number", _set("title", 7), "il testo nel titolo deve essere una stringa o"),
    ("English as number", _set("title.en", 7), "il testo inglese nel titolo deve essere"),
    ("respondent as number", _set("respondents.0", 1), "in «respondents» sono ammessi solo"),
    ("band scale as list", _set("bands.0.scale", ["emozioni"]), "fascia 1 indica una scala"),
    # out of range and bad values
    ("negative option value", _set("options.0.value", -1), "deve essere tra 0 e 100"),
    ("option value too big", _set("options.3.value", 101), "deve essere tra 0 e 100"),
    ("min_answered zero", _set("scales.0.min_answered", 0), "deve essere tra 1 e 4"),
    ("min_answered over items", _set("scales.3.min_answered", 4), "deve essere tra 1 e 3"),
    ("band beyond the scale", _set("bands.2.to", 13), "deve essere tra 0 e 12"),
    ("total band beyond", _set("bands.11.to", 37), "deve essere tra 0 e 36"),
    ("band from after to", _set("bands.1.from", 9), "«from» è maggiore di «to» nella fascia 2"),
    ("unknown respondent", _set("respondents.1", "nonno"), "ammessi solo: parent, teacher"),
    ("no respondents", _set("respondents", []), "«respondents» deve avere da 1 a 4"),
    ("one option", _set("options", [{"value": 0, "label": "x"}]), "«options» deve avere da 2"),
    ("no items", _set("items", []), "«items» deve avere da 1 a 200"),
    ("wrong format", _set("format", "pippi-desktop/triangle-catalogue"), "«format» deve essere"),
    ("format version 2", _set("version", 2), "versione del formato non supportata"),
    ("bad id", _set("id", "Demo Benessere"), "«id» nel questionario non è un identificativo"),
    ("bad item id", _set("items.0.id", "e 1"), "«id» nella domanda 1 non è un identificativo"),
    ("bad revision", _set("revision", "2026/1"), "revisione del questionario"),
    ("empty Italian", _set("items.0.text.it", "  "), "manca il testo italiano nella domanda «e1»"),
    ("label too long", _set("scales.0.label.en", "x" * 301), "al massimo 300 caratteri"),
    ("item text too long", _set("items.0.text.it", "x" * 601), "al massimo 600 caratteri"),
    ("too many items", _set("items", [{}] * 201), "«items» deve avere da 1 a 200"),
]


@pytest.mark.parametrize(
    ("damage", "words"),
    [pytest.param(damage, words, id=name) for name, damage, words in DEMO_DAMAGE],
)
def test_a_definition_differing_in_one_point_is_refused(damage, words: str) -> None:
    raw = demo_raw()
    parse_questionnaire(copy.deepcopy(raw))  # valid before the damage
    damage(raw)
    error = refusal(raw)
    assert error.exit_code == EXIT_REJECTED
    assert str(error) == "invalid_file:questionnaire"
    italian, english = error.message(Lang.IT), error.message(Lang.EN)
    assert italian.startswith("Il questionario non è valido: ")
    assert words in italian
    assert english.startswith("The questionnaire is not valid: ")
    assert english != italian


def test_a_band_of_the_total_needs_a_scale_in_the_total() -> None:
    raw = mini_raw()
    parse_questionnaire(copy.deepcopy(raw))
    raw["scales"][0]["in_total"] = False
    assert "nessuna scala è nel totale" in refusal(raw).message(Lang.IT)


def test_without_a_scale_in_the_total_there_is_no_total() -> None:
    raw = mini_raw()
    raw["scales"][0]["in_total"] = False
    raw["bands"] = []
    questionnaire = parse_questionnaire(raw)
    assert not questionnaire.has_total
    assert questionnaire.score_keys() == ("s",)


def test_a_single_value_band_next_to_another_is_accepted_and_a_touching_one_refused() -> None:
    raw = mini_raw()
    raw["bands"] = [
        {"scale": "s", "from": 0, "to": 0, "label": "zero"},
        {"scale": "s", "from": 1, "to": 2, "label": "uno o due"},
    ]
    assert [(b.low, b.high) for b in parse_questionnaire(copy.deepcopy(raw)).bands] == [
        (0, 0),
        (1, 2),
    ]
    raw["bands"][1]["from"] = 0
    assert "si sovrappongono (0–0 e 0–2)" in refusal(raw).message(Lang.IT)


def test_a_top_level_that_is_not_an_object_is_refused() -> None:
    for value in ([], "questionario", 1, None):
        assert "il file non è un oggetto JSON" in refusal(value).message(Lang.IT)


# --- refusals of the bytes ------------------------------------------------------------------


def _demo_bytes() -> bytes:
    return DEMO.read_bytes()


@pytest.mark.parametrize(
    ("data", "words"),
    [
        pytest.param(_demo_bytes().replace(b"{", b"[", 1), "non è JSON valido", id="not JSON"),
        pytest.param(
            _demo_bytes().replace("à".encode(), "à".encode("latin-1"), 1),
            "non è JSON valido",
            id="Latin-1, not UTF-8",
        ),
        pytest.param(
            _demo_bytes().replace(b'"value": 0', b'"value": NaN', 1),
            "«NaN», che non è un numero JSON",
            id="NaN",
        ),
        pytest.param(
            _demo_bytes().replace(b'"value": 0', b'"value": Infinity', 1),
            "«Infinity», che non è un numero JSON",
            id="Infinity",
        ),
        pytest.param(
            _demo_bytes().replace(b'"reverse": false', b'"reverse": false, "reverse": true', 1),
            "la chiave «reverse» compare due volte",
            id="duplicate JSON key",
        ),
        pytest.param(
            _demo_bytes().replace(b'"value": 0', b'"value": ' + b"9" * 5000, 1),
            "non è JSON valido",
            id="integer too long to read",
        ),
        pytest.param(b"[" * 100_000 + b"]" * 100_000, "non è JSON valido", id="deep nesting"),
        pytest.param(
            _demo_bytes() + b" " * (MAX_BYTES - len(_demo_bytes()) + 1),
            "troppo grande (al massimo 256 KiB)",
            id="one byte over the limit",
        ),
        pytest.param(b"", "non è JSON valido", id="empty"),
    ],
)
def test_bytes_that_are_not_a_definition_are_refused(data: bytes, words: str) -> None:
    error = bytes_refusal(data)
    assert words in error.message(Lang.IT)
    assert error.message(Lang.EN) != error.message(Lang.IT)


def test_the_size_limit_is_inclusive() -> None:
    data = _demo_bytes()
    parse_questionnaire_bytes(data + b" " * (MAX_BYTES - len(data)))


def test_the_size_is_checked_before_parsing() -> None:
    # a huge, deeply nested file would take long to parse: it is refused for its size alone
    error = bytes_refusal(b"[" * (MAX_BYTES + 1))
    assert "troppo grande" in error.message(Lang.IT)


# --- robustness: anything else is refused with the typed error, never another exception -----


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*prefix, index))
    return found


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**6), 10**6)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=6,
)


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_any_value_replaced_anywhere_is_accepted_or_refused_with_a_message(
    data: st.DataObject,
) -> None:
    raw = demo_raw()
    path = data.draw(st.sampled_from(_paths(raw)))
    node: Any = raw
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = data.draw(JSON_VALUES)
    try:
        questionnaire = parse_questionnaire(raw)
    except InvalidFile as error:
        assert error.variant == "questionnaire"
        assert error.message(Lang.IT) and error.message(Lang.EN)
    else:
        assert isinstance(questionnaire, Questionnaire)


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_any_cut_or_flipped_byte_is_accepted_or_refused_with_a_message(
    data: st.DataObject,
) -> None:
    blob = bytearray(_demo_bytes())
    position = data.draw(st.integers(0, len(blob) - 1))
    if data.draw(st.booleans()):
        blob[position] ^= 1 << data.draw(st.integers(0, 7))
    else:
        del blob[position:]
    try:
        parse_questionnaire_bytes(bytes(blob))
    except InvalidFile as error:
        assert error.variant == "questionnaire"
