"""Dates written out for people: "23 novembre 2026", "lunedì 23 novembre 2026", "nov 2026".

Printed sheets and the GUI use these rather than `strftime("%B")`, whose month names depend on
the operating system's locale (a Windows laptop set to English would print "November" on an
Italian sheet). The words come from Babel's copy of the Unicode CLDR data (`babel.dates`), the
same in every build and on every system; the patterns below fix the order: Italian writes
months and weekdays in lower case and the day without a leading zero.
"""

from __future__ import annotations

from datetime import date

from babel.dates import format_date

from pippi_desktop.domain.i18n import Lang

# CLDR patterns (https://unicode.org/reports/tr35/tr35-dates.html): d day, EEEE weekday,
# MMMM/MMM month in a date, LLLL month standing alone, y year.
_LONG = "d MMMM y"
_LONG_WITH_WEEKDAY = "EEEE d MMMM y"
_MONTH_LABEL = "MMM y"
_MONTH_NAME = "LLLL"


def long_date(day: date | None, lang: Lang = Lang.IT, *, weekday: bool = False) -> str:
    """`23 novembre 2026` (`23 November 2026`); with `weekday`, `lunedì 23 novembre 2026`."""
    if day is None:
        return ""
    return format_date(day, _LONG_WITH_WEEKDAY if weekday else _LONG, locale=str(lang))


def short_date(day: date | None) -> str:
    """`23/11/2026`, the numeric form used in tables (the same in both languages here)."""
    return day.strftime("%d/%m/%Y") if day is not None else ""


def month_label(year: int, month: int, lang: Lang = Lang.IT) -> str:
    """`nov 2026` (`Nov 2026`): the label of one month in a chart or a table."""
    return format_date(date(year, month, 1), _MONTH_LABEL, locale=str(lang))


def month_name(month: int, lang: Lang = Lang.IT) -> str:
    """`novembre` (`November`): a month named on its own."""
    return format_date(date(2000, month, 1), _MONTH_NAME, locale=str(lang))
