"""The session sheet of a home visit: brought to the visit or left with the family.

Read at a kitchen table, so: 12 pt text, plain Italian headings ("Chi c'era", "Che cosa abbiamo
fatto", "Che cosa abbiamo concordato"), who does what by when in a simple table, the next
appointment in words, and two signature lines. A usual visit fits one page; long texts flow
over as many pages as needed, and the next appointment and the signatures (one closing block)
always share their page with the end of the content.

The sheet is meant for the family: the educator's own notes on the visit («Osservazioni») are
printed only when asked (`with_notes`).

What was agreed: the micro-project objectives the visit worked on (`visit.objectives`); when
the visit names none, the family's objectives still open (`OPEN_STATUSES`), under a heading
that says so; when there are none at all, lines to write on. Each objective shows its
verification status; an open one whose deadline has passed (on the day of printing) says
«scaduto». Earliest deadline first, objectives with no deadline last.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from pippi_desktop.domain.catalogue import Catalogue
from pippi_desktop.domain.records import CaseFile, HomeVisit, MicroProjectItem
from pippi_desktop.reports import case_text
from pippi_desktop.reports.style import (
    CONTENT_WIDTH,
    PageInfo,
    PrintContext,
    Signer,
    Styles,
    WritingLines,
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

# Verification statuses (codes of the `verification_statuses` vocabulary) of objectives that
# are still being worked on.
OPEN_STATUSES = ("da_verificare", "parzialmente")
EDUCATOR_PROFESSION = "educatore_domiciliare"
GAP = "\u00a0" * 4  # non-breaking spaces: Paragraph keeps them


def subdimension_labels(catalogues: Sequence[Catalogue], context: PrintContext) -> dict[str, str]:
    """sub-dimension id -> label, from every catalogue given (later ones win)."""
    labels: dict[str, str] = {}
    for catalogue in catalogues:
        for sub in catalogue.subdimensions():
            labels[sub.sub_id] = sub.label.get(context.lang)
    return labels


def educator_of(visit: HomeVisit, case: CaseFile, context: PrintContext) -> str:
    if visit.educator:
        return visit.educator
    present = [case.equipe_member(mid) for mid in visit.present_equipe]
    educators = [m.name for m in present if m is not None and m.profession == EDUCATOR_PROFESSION]
    if educators:
        return ", ".join(educators)
    return ", ".join(case_text.equipe_names(case, visit.present_equipe, context))


def _info_table(case: CaseFile, visit: HomeVisit, styles: Styles, context: PrintContext) -> Table:
    _ = context._
    when = context.date(visit.date, weekday=True)
    if visit.start_time:
        # TRANSLATORS: the time of a visit, after its date ("lunedì 23 novembre 2026, ore 10:30")
        when += ", " + _("ore {time}").format(time=visit.start_time)
    if visit.duration_minutes:
        minutes = visit.duration_minutes
        when += " (" + context.ngettext("{n} minuto", "{n} minuti", minutes).format(n=minutes) + ")"
    family_present = ", ".join(case_text.people_with_roles(case, visit.present_people, context))
    operators = ", ".join(case_text.equipe_names(case, visit.present_equipe, context))
    present = f"{markup(family_present or '—')}"
    if operators:
        present += "<br/>" + markup(_("Operatori: {names}").format(names=operators))
    members = ", ".join(case_text.people_with_roles(case, [p.id for p in case.members], context))
    rows = [
        (_("Famiglia"), f"<b>{markup(case.family.code)}</b> — {markup(members)}"),
        (_("Quando"), markup(when)),
        (_("Dove"), markup(context.label("places", visit.place))),
        (_("Educatore/educatrice"), markup(educator_of(visit, case, context) or "—")),
        (_("Chi c'era"), present),
    ]
    return grid_table(
        [
            [Paragraph(markup(label), styles.cell_bold), rich(value, styles.cell)]
            for label, value in rows
        ],
        [50 * mm, CONTENT_WIDTH - 50 * mm],
        header=False,
        label_column=True,
    )


def by_deadline(items: list[MicroProjectItem]) -> list[MicroProjectItem]:
    """Earliest deadline first (so overdue ones lead), objectives with no deadline last."""
    return sorted(items, key=lambda item: (item.deadline is None, item.deadline or date.min))


def is_open(item: MicroProjectItem) -> bool:
    return item.verification_status in OPEN_STATUSES


def is_overdue(item: MicroProjectItem, today: date) -> bool:
    """Still open and its deadline has passed."""
    return is_open(item) and item.deadline is not None and item.deadline < today


def _agreed(case: CaseFile, visit: HomeVisit) -> tuple[list[MicroProjectItem], bool]:
    """The objectives to print and whether they are the visit's own (else the open ones)."""
    linked = [item for item in case.micro_project if item.id in set(visit.objectives)]
    if linked:
        return by_deadline(linked), True
    return by_deadline([item for item in case.micro_project if is_open(item)]), False


def _agreed_table(
    items: list[MicroProjectItem],
    case: CaseFile,
    labels: dict[str, str],
    styles: Styles,
    context: PrintContext,
) -> Table:
    _ = context._
    rows: list[list[object]] = [
        [
            Paragraph(_("Che cosa"), styles.cell_bold),
            Paragraph(_("Chi"), styles.cell_bold),
            Paragraph(_("Entro quando"), styles.cell_bold),
            Paragraph(_("A che punto siamo"), styles.cell_bold),
        ]
    ]
    for item in items:
        parts = [f"<b>{markup(item.objective)}</b>"]
        if item.actions:
            parts.append(markup(_("Azioni: {actions}").format(actions=item.actions)))
        area = labels.get(item.subdimension, item.subdimension)
        parts.append(f"<font size='{styles.base - 2}'>{markup(area)}</font>")
        deadline = markup(context.date(item.deadline)) or "—"
        if is_overdue(item, context.printed_on):
            # TRANSLATORS: under a deadline that has passed while the objective is still open
            deadline += "<br/><b>" + markup(context.pgettext("deadline", "scaduto")) + "</b>"
        rows.append(
            [
                rich("<br/>".join(parts), styles.cell),
                para(case_text.responsible(item, case, context), styles.cell, empty="—"),
                rich(deadline, styles.cell),
                para(context.label("verification_statuses", item.verification_status), styles.cell),
            ]
        )
    return grid_table(rows, [CONTENT_WIDTH - 94 * mm, 34 * mm, 30 * mm, 30 * mm])


def _signatures(visit: HomeVisit, case: CaseFile, styles: Styles, context: PrintContext) -> Table:
    """Two signature lines side by side: the educator's (name printed) and the family's."""
    _ = context._
    return signature_block(
        [
            Signer(_("Firma dell'educatore/educatrice"), educator_of(visit, case, context)),
            Signer(_("Firma per la famiglia"), _("Nome e cognome:")),
        ],
        styles,
    )


def _next_meeting(visit: HomeVisit, styles: Styles, context: PrintContext) -> Paragraph:
    _ = context._
    if visit.next_date:
        when = context.date(visit.next_date, weekday=True)
        if visit.next_time:
            when += " " + _("alle {time}").format(time=visit.next_time)
        text = f"<b>{markup(when)}</b>"
        if visit.next_notes:
            text += f"<br/>{markup(visit.next_notes)}"
    else:
        text = markup(_("data ____________________   ora __________")).replace("   ", GAP)
    return rich(text, styles.body)


def session_sheet_story(
    case: CaseFile,
    visit: HomeVisit,
    *,
    catalogues: Sequence[Catalogue],
    context: PrintContext,
    styles: Styles,
    with_notes: bool = False,
) -> list[Flowable]:
    _ = context._
    story: list[Flowable] = [
        Paragraph(_("Scheda della visita"), styles.title),
        _info_table(case, visit, styles, context),
    ]
    story += heading(_("Che cosa abbiamo fatto"), styles.heading)
    story += paragraphs(visit.activities, styles.body, empty="—")
    if with_notes and visit.notes:
        story += heading(_("Osservazioni"), styles.heading)
        story += paragraphs(visit.notes, styles.body)

    items, own = _agreed(case, visit)
    labels = subdimension_labels(catalogues, context)
    if items:
        title = _("Che cosa abbiamo concordato") if own else _("Gli impegni in corso")
        story += heading(title, styles.heading)
        story.append(_agreed_table(items, case, labels, styles, context))
    else:
        story += heading(_("Che cosa abbiamo concordato"), styles.heading)
        story.append(WritingLines(4))

    story.append(
        closing(
            [
                Paragraph(_("Il prossimo incontro"), styles.heading),
                _next_meeting(visit, styles, context),
                Spacer(1, 1 * mm),
                _signatures(visit, case, styles, context),
            ]
        )
    )
    return story


def render_session_sheet(
    case: CaseFile,
    visit: HomeVisit,
    *,
    catalogues: Sequence[Catalogue],
    context: PrintContext,
    with_notes: bool = False,
) -> bytes:
    """The sheet of `visit`; the educator's notes on it only `with_notes`."""
    styles = make_styles(12)

    def story() -> list[Flowable]:
        return session_sheet_story(
            case,
            visit,
            catalogues=catalogues,
            context=context,
            styles=styles,
            with_notes=with_notes,
        )

    page = PageInfo(
        title=context._("Scheda della visita"),
        record_kind="visit",
        record_id=visit.id,
    )
    return build_pdf(story, context=context, page=page)
