"""Domain rules on their own: validation, family codes, catalogue files, search keys."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pippi_desktop.domain.catalogue import parse_catalogue, parse_catalogue_bytes
from pippi_desktop.domain.errors import InvalidFile, InvalidRecord
from pippi_desktop.domain.family_codes import (
    CODE_PATTERN,
    device_tag,
    new_stats_code,
    next_family_code,
)
from pippi_desktop.domain.i18n import Lang
from pippi_desktop.domain.record_types import spec_for
from pippi_desktop.domain.text import search_key
from pippi_desktop.domain.validation import ValidationContext, check_record, clean_values
from pippi_desktop.resource_paths import resource
from pippi_desktop.services.reference_data import default_catalogue, vocabulary

TODAY = date(2026, 11, 23)
CTX = ValidationContext(vocabulary(), TODAY)
FAMILY = "3f2b6a1e-0000-4000-8000-000000000001"


def _visit(**extra):
    values = {"family_id": FAMILY, "date": "2026-11-20", "place": "casa", **extra}
    cleaned = clean_values(spec_for("visit"), values, vocabulary(), creating=True)
    check_record("visit", cleaned, CTX)
    return cleaned


def _refused(variant: str, field: str, action) -> None:
    with pytest.raises(InvalidRecord) as caught:
        action()
    assert caught.value.variant == variant
    assert caught.value.params["field"] == field
    assert caught.value.message(Lang.IT) and caught.value.message(Lang.EN)


def test_a_visit_accepts_italian_and_iso_dates_and_times() -> None:
    cleaned = _visit(date="20/11/2026", start_time="9.30", duration_minutes="90")
    assert cleaned["date"] == "2026-11-20" and cleaned["start_time"] == "09:30"
    assert cleaned["duration_minutes"] == 90


def test_visit_rules() -> None:
    _refused("future_date", "date", lambda: _visit(date="2026-11-24"))
    _refused("bad_date", "date", lambda: _visit(date="31/02/2026"))
    _refused("implausible_date", "date", lambda: _visit(date="1850-01-01"))
    _refused("required", "place", lambda: _visit(place=None))
    _refused("not_in_list", "place", lambda: _visit(place="spiaggia"))
    _refused("out_of_range", "duration_minutes", lambda: _visit(duration_minutes=2000))
    _refused("date_order", "next_date", lambda: _visit(next_date="2026-11-01"))
    _refused("too_long", "next_notes", lambda: _visit(next_notes="x" * 201))
    _refused("", "present_people", lambda: _visit(present_people=["not-a-uuid"]))
    _refused("", "unknown_field", lambda: _visit(unknown_field=1))


def test_person_birth_dates_must_be_plausible() -> None:
    def person(role: str, born: str) -> None:
        values = {
            "family_id": FAMILY,
            "given_name": "Nicolò",
            "family_name": "Rossi",
            "role": role,
            "birth_date": born,
        }
        check_record(
            "person", clean_values(spec_for("person"), values, vocabulary(), creating=True), CTX
        )

    person("figlio", "2015-06-07")
    person("nonna", "1940-01-01")
    _refused("future_date", "birth_date", lambda: person("figlio", "2027-01-01"))
    _refused("implausible_date", "birth_date", lambda: person("figlia", "1980-01-01"))


def test_assessment_extra_time_point_needs_a_label() -> None:
    values = {
        "family_id": FAMILY,
        "child_id": FAMILY,
        "time_point": "extra",
        "date": "2026-10-01",
        "catalogue_id": "c",
        "catalogue_version": "1",
    }
    cleaned = clean_values(spec_for("assessment"), values, vocabulary(), creating=True)
    _refused("required", "extra_label", lambda: check_record("assessment", cleaned, CTX))


def test_family_codes_are_per_device_and_sequential() -> None:
    tag = device_tag("5d7a6c1e-1111-4222-8333-444455556666")
    assert len(tag) == 4 and tag == device_tag("5d7a6c1e-1111-4222-8333-444455556666")
    first = next_family_code(2026, tag, [])
    assert CODE_PATTERN.match(first) and first.endswith("-001")
    assert next_family_code(2026, tag, [first, f"F-2026-{tag}-007", "F-2025-ZZZZ-099"]).endswith(
        "-008"
    )
    assert new_stats_code() != new_stats_code()


@given(st.text(min_size=1, max_size=40))
def test_search_key_ignores_accents_and_case(word: str) -> None:
    assert search_key(word.upper()) == search_key(word.lower()) or not word.isascii()
    assert search_key("Nicolò D'AMBRÒSIO") == "nicolo d'ambrosio"


def test_default_catalogue_matches_domain() -> None:
    catalogue = default_catalogue()
    assert [side.side_id for side in catalogue.sides] == ["bambino", "genitori", "ambiente"]
    assert [len(side.subdimensions) for side in catalogue.sides] == [7, 5, 6]
    assert (
        catalogue.scale.label(1) == "Problema grave"
        and catalogue.scale.label(6, Lang.EN) == "Strength"
    )
    assert catalogue.scale.label(None) == "Non valutabile"


def _raw_default() -> dict:
    return json.loads(resource("catalogue", "triangle-default.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("damage", "words"),
    [
        (lambda raw: raw.pop("sides"), "tre lati"),
        (lambda raw: raw["sides"].pop(), "tre lati"),
        (lambda raw: raw["scale"]["values"].pop(), "un'etichetta per ogni valore"),
        (lambda raw: raw.update(version="2026 bis!"), "versione del catalogo"),
        (
            lambda raw: raw["sides"][0]["subdimensions"].append(
                raw["sides"][0]["subdimensions"][0]
            ),
            "compare due volte",
        ),
        (lambda raw: raw["sides"][1]["subdimensions"][0].pop("label"), "etichetta italiana"),
        (lambda raw: raw.update(format="altro"), "format"),
    ],
)
def test_bad_catalogues_say_what_is_wrong(damage, words: str) -> None:
    raw = _raw_default()
    damage(raw)
    with pytest.raises(InvalidFile) as caught:
        parse_catalogue(raw)
    assert words in caught.value.message(Lang.IT)
    assert caught.value.message(Lang.EN) != caught.value.message(Lang.IT)


def test_catalogue_bytes_that_are_not_json() -> None:
    with pytest.raises(InvalidFile):
        parse_catalogue_bytes(b"\xff\xfe not json")
    with pytest.raises(InvalidFile):
        parse_catalogue_bytes(b"{" * (600 * 1024))
