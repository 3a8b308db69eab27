"""Dates written out for people: "23 novembre 2026", "lunedì 23 novembre 2026", "nov 2026".

Printed sheets and the GUI use these rather than `strftime("%B")`, whose month names depend on
the operating system's locale (a Windows laptop set to English would print "November" on an
Italian sheet). Italian writes months and weekdays in lower case and the day without a
leading zero.
"""

from __future__ import annotations

from datetime import date

from pippi_desktop.domain.i18n import Lang

_MONTHS = {
    Lang.IT: (
        "gennaio",
        "febbraio",
        "marzo",
        "aprile",
        "maggio",
        "giugno",
        "luglio",
        "agosto",
        "settembre",
        "ottobre",
        "novembre",
        "dicembre",
    ),
    Lang.EN: (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}
_SHORT_MONTHS = {
    Lang.IT: ("gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"),
    Lang.EN: ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}
_WEEKDAYS = {
    Lang.IT: ("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"),
    Lang.EN: ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}


def long_date(day: date | None, lang: Lang = Lang.IT, *, weekday: bool = False) -> str:
    """`23 novembre 2026` (`23 November 2026`); with `weekday`, `lunedì 23 novembre 2026`."""
    if day is None:
        return ""
    text = f"{day.day} {_MONTHS[lang][day.month - 1]} {day.year}"
    return f"{_WEEKDAYS[lang][day.weekday()]} {text}" if weekday else text


def short_date(day: date | None) -> str:
    """`23/11/2026`, the numeric form used in tables (the same in both languages here)."""
    return day.strftime("%d/%m/%Y") if day is not None else ""


def month_label(year: int, month: int, lang: Lang = Lang.IT) -> str:
    """`nov 2026` (`Nov 2026`): the label of one month in a chart or a table."""
    return f"{_SHORT_MONTHS[lang][month - 1]} {year}"


def month_name(month: int, lang: Lang = Lang.IT) -> str:
    return _MONTHS[lang][month - 1]
