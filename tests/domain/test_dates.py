"""Dates written out for people, the same on every operating system's locale."""

from __future__ import annotations

from datetime import date

from pippi_desktop.domain.dates import long_date, month_label, month_name, short_date
from pippi_desktop.domain.i18n import Lang


def test_italian_and_english_long_dates() -> None:
    day = date(2026, 11, 23)
    assert long_date(day) == "23 novembre 2026"
    assert long_date(day, weekday=True) == "lunedì 23 novembre 2026"
    assert long_date(date(2027, 1, 1), Lang.IT, weekday=True) == "venerdì 1 gennaio 2027"
    assert long_date(day, Lang.EN) == "23 November 2026"
    assert long_date(day, Lang.EN, weekday=True) == "Monday 23 November 2026"
    assert long_date(None) == ""


def test_short_forms() -> None:
    assert short_date(date(2026, 3, 5)) == "05/03/2026"
    assert short_date(None) == ""
    assert month_label(2026, 8) == "ago 2026"
    assert month_label(2026, 8, Lang.EN) == "Aug 2026"


def test_every_month_in_both_languages() -> None:
    italian = [month_name(m) for m in range(1, 13)]
    assert italian[0] == "gennaio" and italian[7] == "agosto" and italian[11] == "dicembre"
    assert [month_name(m, Lang.EN) for m in (1, 5, 12)] == ["January", "May", "December"]
    assert [month_label(2026, m).split()[0] for m in range(1, 13)] == [
        "gen",
        "feb",
        "mar",
        "apr",
        "mag",
        "giu",
        "lug",
        "ago",
        "set",
        "ott",
        "nov",
        "dic",
    ]
