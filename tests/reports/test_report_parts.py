"""Pieces of the documents on their own, without a workspace."""

from __future__ import annotations

from datetime import date

from pippi_desktop.domain.records import HomeVisit
from pippi_desktop.reports.progress_report import visits_per_month
from pippi_desktop.reports.style import make_styles, markup, paragraphs


def _visit(day: date) -> HomeVisit:
    return HomeVisit.from_row(
        {
            "id": "v",
            "created_at": "",
            "updated_at": "",
            "family_id": "f",
            "date": day.isoformat(),
            "place": "casa",
        }
    )


def test_visits_per_month_counts_every_month_including_empty_ones() -> None:
    visits = [_visit(date(2025, 11, 3)), _visit(date(2025, 11, 20)), _visit(date(2026, 2, 1))]
    assert visits_per_month(visits, start=date(2025, 10, 15)) == [
        (2025, 10, 0),
        (2025, 11, 2),
        (2025, 12, 0),
        (2026, 1, 0),
        (2026, 2, 1),
    ]
    assert visits_per_month([], start=date(2025, 1, 1)) == []


def test_user_text_becomes_safe_paragraphs() -> None:
    assert markup("a < b & c\r\nd\x00e") == "a &lt; b &amp; c<br/>de"
    assert markup(None) == ""
    styles = make_styles(11)
    assert len(paragraphs("uno\n\n\n  \ndue\ntre", styles.body)) == 2
    assert paragraphs("   ", styles.body) == []
    assert len(paragraphs(None, styles.body, empty="—")) == 1
