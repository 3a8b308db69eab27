"""The family progress report, for the office and the équipe.

The family at a glance (code, implementation, phase, dates, members, équipe), the pathway's
phases with their dates, the dispositivi, the home visits per month as a small bar chart and
the group sessions attended, the triangle of each child with T0/T1/T2 overlaid and their scores
side by side, the micro-project with its verification, the family's notes in full, and a
«Redatto da / Firma / Data» block to sign.

An office document made of tables, so every date is written one way, 23/11/2026
(`PrintContext.numeric_dates`), the footer's included. Each child's triangle, its legend and
its score table stay on one page when they fit one; when the table runs onto the next page
it carries the child's name in its repeated header.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from pippi_desktop.domain.catalogue import Catalogue
from pippi_desktop.domain.dates import month_label
from pippi_desktop.domain.records import CaseFile, HomeVisit
from pippi_desktop.reports import case_text
from pippi_desktop.reports.session_sheet import subdimension_labels
from pippi_desktop.reports.style import (
    ACCENT,
    CONTENT_WIDTH,
    FONT,
    INK,
    MUTED,
    PageInfo,
    PrintContext,
    Signer,
    Styles,
    build_pdf,
    closing,
    grid_table,
    heading,
    make_styles,
    markup,
    para,
    paragraphs,
    rich,
    signature_block,
)
from pippi_desktop.reports.triangle_chart import scale_legend, score_table
from pippi_desktop.reports.triangle_form import child_series, triangle_block

CHART_HEIGHT = 46 * mm
GRID = colors.HexColor("#DDDDDD")


def _months(first: date, last: date) -> list[tuple[int, int]]:
    months = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def visits_per_month(
    visits: Sequence[HomeVisit], *, start: date | None
) -> list[tuple[int, int, int]]:
    """(year, month, visits) from the first month of the pathway to the last visit."""
    if not visits:
        return []
    counts = Counter((v.date.year, v.date.month) for v in visits)
    first = min([v.date for v in visits] + ([start] if start else []))
    last = max(v.date for v in visits)
    return [(y, m, counts.get((y, m), 0)) for y, m in _months(first, last)]


class VisitsChart(Flowable):  # type: ignore[misc]
    """Visits per month as bars, with a light grid, the counts' scale and the month names.

    Drawn with plain canvas calls (ReportLab's chart widgets cost a tenth of the whole report).
    """

    def __init__(self, per_month: Sequence[tuple[int, int, int]], context: PrintContext) -> None:
        super().__init__()
        self.per_month = list(per_month)
        self.context = context
        self.width, self.height = CONTENT_WIDTH, CHART_HEIGHT

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        values = [count for _, _, count in self.per_month]
        top = max([*values, 1])
        step = 1 if top <= 6 else 2 if top <= 12 else 5
        ceiling = ((top + step - 1) // step) * step
        left, bottom = 8 * mm, 13 * mm
        width, height = self.width - left, self.height - bottom - 2 * mm
        canvas.saveState()
        canvas.setFont(FONT, 7)
        canvas.setLineWidth(0.4)
        for value in range(0, ceiling + 1, step):
            y = bottom + height * value / ceiling
            canvas.setStrokeColor(GRID if value else INK)
            canvas.line(left, y, left + width, y)
            canvas.setFillColor(MUTED)
            canvas.drawRightString(left - 1.5 * mm, y - 2.5, str(value))
        slot = width / len(values)
        bar = slot * 0.72
        many = len(values) > 10
        # with more than two years of months, name every other (or third) month
        label_every = 1 + len(values) // 25
        canvas.setFont(FONT, 6.5 if len(values) > 14 else 7.5)
        for index, ((year, month, _), value) in enumerate(zip(self.per_month, values, strict=True)):
            x = left + index * slot + (slot - bar) / 2
            if value:
                canvas.setFillColor(ACCENT)
                canvas.rect(x, bottom, bar, height * value / ceiling, stroke=0, fill=1)
            if index % label_every:
                continue
            canvas.setFillColor(MUTED)
            label = month_label(year, month, self.context.lang)
            centre = x + bar / 2
            if many:
                canvas.saveState()
                canvas.translate(centre + 2.5, bottom - 5)
                canvas.rotate(45)
                canvas.drawRightString(0, 0, label)
                canvas.restoreState()
            else:
                canvas.drawCentredString(centre, bottom - 9, label)
        canvas.restoreState()


def visits_chart(per_month: Sequence[tuple[int, int, int]], context: PrintContext) -> VisitsChart:
    return VisitsChart(per_month, context)


def _label_rows(rows: Sequence[tuple[str, str]], styles: Styles) -> Flowable:
    return grid_table(
        [
            [Paragraph(markup(label), styles.cell_bold), para(value, styles.cell, empty="—")]
            for label, value in rows
        ],
        [48 * mm, CONTENT_WIDTH - 48 * mm],
        header=False,
        label_column=True,
    )


def _summary(case: CaseFile, styles: Styles, context: PrintContext) -> Flowable:
    _, f = context._, case.family
    referral = context.date(f.referral_date)
    if f.referral_source:
        referral = f"{referral} — {f.referral_source}" if referral else f.referral_source
    rows = [
        (_("Codice famiglia"), f.code),
        (_("Implementazione"), f.implementation or ""),
        (_("Fase attuale"), context.label("phases", f.phase)),
        (_("Segnalazione"), referral),
        (
            _("Analisi preliminare"),
            context.label("preassessment_outcomes", f.preassessment_outcome),
        ),
        (_("Inizio del percorso"), context.date(f.start_date)),
    ]
    if f.conclusion_date or f.conclusion_variant:
        conclusion = ", ".join(
            part
            for part in (
                context.date(f.conclusion_date),
                context.label("conclusion_variants", f.conclusion_variant),
            )
            if part
        )
        rows.append((_("Conclusione"), conclusion))
        if f.child_placed_out is not None:
            rows.append(
                (
                    # TRANSLATORS: answered «sì» or «no» in the report's summary
                    _("C'è stato un allontanamento (figlio/a collocato/a fuori famiglia)"),
                    _("sì") if f.child_placed_out else _("no"),
                )
            )
    return _label_rows(rows, styles)


def _members(case: CaseFile, styles: Styles, context: PrintContext) -> Flowable:
    _ = context._
    rows: list[list[object]] = [
        [
            Paragraph(_("Nome"), styles.cell_bold),
            Paragraph(_("Ruolo"), styles.cell_bold),
            Paragraph(_("Data di nascita"), styles.cell_bold),
            Paragraph(_("Scuola e classe"), styles.cell_bold),
        ]
    ]
    for person in case.members:
        school = ", ".join(part for part in (person.school, person.school_class) if part)
        rows.append(
            [
                para(person.full_name, styles.cell_bold),
                para(context.label("member_roles", person.role), styles.cell),
                para(context.date(person.birth_date), styles.cell, empty="—"),
                para(school, styles.cell, empty="—"),
            ]
        )
    return grid_table(rows, [58 * mm, 30 * mm, 28 * mm, CONTENT_WIDTH - 116 * mm])


def _equipe(case: CaseFile, styles: Styles, context: PrintContext) -> Flowable:
    _ = context._
    rows: list[list[object]] = [
        [
            Paragraph(_("Nome"), styles.cell_bold),
            Paragraph(_("Professione"), styles.cell_bold),
            Paragraph(_("Ente"), styles.cell_bold),
            Paragraph(_("Periodo"), styles.cell_bold),
        ]
    ]
    for member in case.equipe:
        profession = context.label("professions", member.profession)
        if member.case_manager:
            profession += " — " + _("responsabile del caso")
        rows.append(
            [
                para(member.name, styles.cell_bold),
                para(profession, styles.cell),
                para(member.organisation, styles.cell, empty="—"),
                para(_period(member.start_date, member.end_date, context), styles.cell),
            ]
        )
    return grid_table(rows, [50 * mm, 44 * mm, 48 * mm, CONTENT_WIDTH - 142 * mm])


def _period(start: date | None, end: date | None, context: PrintContext) -> str:
    if start and end:
        return f"{context.date(start)} – {context.date(end)}"
    if start:
        return context._("dal {date}").format(date=context.date(start))
    if end:
        return context._("fino al {date}").format(date=context.date(end))
    return "—"


def _with_notes(
    header: list[object],
    rows: list[list[object]],
    notes: list[str | None],
    widths: list[float],
    styles: Styles,
    context: PrintContext,
) -> Flowable:
    """A table with a notes column only when some row has notes; the last column takes the
    rest of the width."""
    if any(notes):
        header = [*header, Paragraph(context._("Note"), styles.cell_bold)]
        rows = [[*row, para(note, styles.cell)] for row, note in zip(rows, notes, strict=True)]
        widths = [*widths, CONTENT_WIDTH - sum(widths)]
    else:
        widths = [*widths[:-1], CONTENT_WIDTH - sum(widths[:-1])]
    return grid_table([header, *rows], widths)


def _phases(case: CaseFile, styles: Styles, context: PrintContext) -> Flowable:
    _ = context._
    header: list[object] = [
        Paragraph(_("Data"), styles.cell_bold),
        Paragraph(_("Fase"), styles.cell_bold),
    ]
    rows: list[list[object]] = [
        [
            para(context.date(step.date), styles.cell),
            para(context.label("phases", step.phase), styles.cell_bold),
        ]
        for step in case.phases
    ]
    notes = [step.notes for step in case.phases]
    return _with_notes(header, rows, notes, [36 * mm, 76 * mm], styles, context)


def _dispositivi(case: CaseFile, styles: Styles, context: PrintContext) -> Flowable:
    _ = context._
    if not case.dispositivi:
        return Paragraph(
            context.pgettext("programme", "Nessun dispositivo registrato."), styles.muted
        )
    header: list[object] = [
        Paragraph(context.pgettext("programme", "Dispositivo"), styles.cell_bold),
        Paragraph(_("Periodo"), styles.cell_bold),
    ]
    rows: list[list[object]] = [
        [
            para(context.label("dispositivi", item.kind), styles.cell_bold),
            para(_period(item.start_date, item.end_date, context), styles.cell),
        ]
        for item in case.dispositivi
    ]
    notes = [item.notes for item in case.dispositivi]
    return _with_notes(header, rows, notes, [80 * mm, 44 * mm], styles, context)


def _visits(case: CaseFile, styles: Styles, context: PrintContext) -> list[Flowable]:
    _ = context._
    flowables: list[Flowable] = []
    if not case.visits:
        flowables.append(Paragraph(_("Nessuna visita registrata."), styles.muted))
    else:
        first, last = case.visits[0].date, case.visits[-1].date
        flowables.append(
            Paragraph(
                markup(
                    context.ngettext(
                        "{count} visita registrata, dal {first} al {last}.",
                        "{count} visite registrate, dal {first} al {last}.",
                        len(case.visits),
                    ).format(
                        count=len(case.visits),
                        first=context.date(first),
                        last=context.date(last),
                    )
                ),
                styles.body,
            )
        )
        per_month = visits_per_month(case.visits, start=case.family.start_date)
        flowables.append(
            KeepTogether(
                [
                    Paragraph(_("Visite per mese"), styles.subheading),
                    visits_chart(per_month, context),
                ]
            )
        )
    invited = sum(len(p.attendance) for p in case.group_sessions)
    present = sum(1 for p in case.group_sessions for a in p.attendance if a.status == "presente")
    if invited:
        flowables.append(
            Paragraph(
                markup(
                    _(
                        "Incontri di gruppo: {sessions}; presenze {present} su {invited} inviti."
                    ).format(sessions=len(case.group_sessions), present=present, invited=invited)
                ),
                styles.body,
            )
        )
    return flowables


def _triangles(
    case: CaseFile,
    catalogues: Mapping[tuple[str, str], Catalogue],
    styles: Styles,
    context: PrintContext,
) -> list[Flowable]:
    """The section: per child, the name, the triangle with its legend and the scale, and the
    score table, kept on one page when they fit (the section's heading with the first)."""
    _ = context._
    section = _("Il Mondo del Bambino")
    child_ids = list(dict.fromkeys(a.child_id for a in case.assessments))
    if not child_ids:
        return [
            *heading(section, styles.heading),
            Paragraph(_("Nessuna valutazione registrata."), styles.muted),
        ]
    flowables: list[Flowable] = []
    for index, child_id in enumerate(child_ids):
        latest = max(
            (a for a in case.assessments if a.child_id == child_id),
            key=lambda a: (a.date, a.created_at),
        )
        catalogue = catalogues[(latest.catalogue_id, latest.catalogue_version)]
        series = child_series(case, child_id, context)
        if not series:
            series = child_series(case, child_id, context, highlight=latest.id)
        marked = frozenset(
            item.subdimension for item in case.micro_project if item.child_id in (None, child_id)
        )
        name = case_text.child_name(case, child_id)
        block: list[Flowable] = [Paragraph(section, styles.heading)] if index == 0 else []
        block += [
            Paragraph(markup(name), styles.subheading),
            triangle_block(
                catalogue,
                series,
                styles=styles,
                context=context,
                drawing_width=CONTENT_WIDTH * 0.5,
                beside=[scale_legend(catalogue, styles, context)],
            ),
            Spacer(1, 2 * mm),
            score_table(
                catalogue,
                series,
                styles=styles,
                context=context,
                width=CONTENT_WIDTH,
                marked=marked,
                # TRANSLATORS: above a child's table of triangle scores, repeated on each page
                caption=_("Punteggi di {name}").format(name=name),
            ),
        ]
        flowables.append(KeepTogether(block))
    flowables.append(
        Paragraph(
            _("● sottodimensione con obiettivi nella micro-progettazione"),
            styles.muted,
        )
    )
    return flowables


def _micro_project(
    case: CaseFile, labels: Mapping[str, str], styles: Styles, context: PrintContext
) -> Flowable:
    _ = context._
    if not case.micro_project:
        return Paragraph(_("Nessun obiettivo registrato."), styles.muted)
    spaced = ParagraphStyle("cell_spaced", parent=styles.cell, spaceAfter=styles.cell.leading / 2)
    rows: list[list[object]] = [
        [
            Paragraph(_("Area"), styles.cell_bold),
            Paragraph(
                _("Obiettivo, risultati attesi, azioni"),
                styles.cell_bold,
            ),
            Paragraph(_("Chi ed entro quando"), styles.cell_bold),
            Paragraph(_("Verifica"), styles.cell_bold),
        ]
    ]
    for item in case.micro_project:
        area = markup(labels.get(item.subdimension, item.subdimension))
        child = case_text.child_name(case, item.child_id)
        if child:
            area += f"<br/><font color='#555555'>{markup(child)}</font>"
        # one Paragraph per paragraph: a cell longer than a page breaks between them
        objective = paragraphs(item.objective, spaced)
        if item.expected_results:
            label = markup(_("Risultati attesi"))
            objective.append(rich(f"<b>{label}:</b> {markup(item.expected_results)}", styles.cell))
        if item.actions:
            label = markup(_("Azioni"))
            objective.append(rich(f"<b>{label}:</b> {markup(item.actions)}", styles.cell))
        who = markup(case_text.responsible(item, case, context) or "—")
        if item.deadline:
            who += "<br/>" + markup(_("entro il {date}").format(date=context.date(item.deadline)))
        check = f"<b>{markup(context.label('verification_statuses', item.verification_status))}</b>"
        if item.verification_notes:
            check += f"<br/>{markup(item.verification_notes)}"
        rows.append(
            [
                rich(area, styles.cell),
                objective,
                rich(who, styles.cell),
                rich(check, styles.cell),
            ]
        )
    return grid_table(rows, [32 * mm, 72 * mm, 34 * mm, CONTENT_WIDTH - 138 * mm])


def progress_report_story(
    case: CaseFile,
    *,
    catalogues: Mapping[tuple[str, str], Catalogue],
    all_catalogues: Sequence[Catalogue],
    context: PrintContext,
    styles: Styles,
) -> list[Flowable]:
    _ = context._
    story: list[Flowable] = [
        Paragraph(_("Relazione sul percorso della famiglia"), styles.title),
        _summary(case, styles, context),
        *heading(_("La famiglia"), styles.heading),
        _members(case, styles, context),
        *heading(_("Équipe multidisciplinare"), styles.heading),
        _equipe(case, styles, context)
        if case.equipe
        else Paragraph(_("Nessun componente registrato."), styles.muted),
        *heading(_("Il percorso"), styles.heading),
        _phases(case, styles, context),
        *heading(context.pgettext("programme", "Dispositivi"), styles.heading),
        _dispositivi(case, styles, context),
        *heading(_("Visite e incontri"), styles.heading),
        *_visits(case, styles, context),
        *_triangles(case, catalogues, styles, context),
        *heading(_("Micro-progettazione"), styles.heading),
        _micro_project(case, subdimension_labels(all_catalogues, context), styles, context),
    ]
    f = case.family
    for title, text in (
        (_("Note dell'analisi preliminare"), f.preassessment_notes),
        (_("Note sulla famiglia"), f.notes),
        (_("Note della conclusione"), f.conclusion_notes),
    ):
        if text:
            story += heading(title, styles.heading)
            story += paragraphs(text, styles.body)
    story.append(
        closing(
            [
                Spacer(1, 6 * mm),
                signature_block(
                    [
                        Signer(_("Redatto da"), _("Nome, cognome e ruolo")),
                        Signer(_("Firma"), ""),
                        Signer(_("Data"), "", weight=0.6),
                    ],
                    styles,
                ),
            ]
        )
    )
    return story


def render_progress_report(
    case: CaseFile,
    *,
    catalogues: Mapping[tuple[str, str], Catalogue],
    all_catalogues: Sequence[Catalogue],
    context: PrintContext,
) -> bytes:
    styles = make_styles(10)
    context = replace(context, numeric_dates=True)

    def story() -> list[Flowable]:
        return progress_report_story(
            case,
            catalogues=catalogues,
            all_catalogues=all_catalogues,
            context=context,
            styles=styles,
        )

    page = PageInfo(
        title=context._("Relazione sul percorso"),
        record_kind="family",
        record_id=case.family.id,
    )
    return build_pdf(story, context=context, page=page)
