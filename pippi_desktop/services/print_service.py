"""Printing (issue 7): the case file's documents as PDF bytes, and written to files atomically.

The API of the GUI's *Stampa* menu and of `print-sheet`. Qt-free: the GUI runs these calls on
its worker like any other service call, then opens the file with the system viewer.

    render_session_sheet(workspace, family_id, visit_id=None, lang=…, with_notes=False) -> bytes
    render_triangle_form(workspace, family_id, assessment_id=None, lang=…) -> bytes
    render_blank_triangle_form(workspace, family_id, lang=…)              -> bytes
    render_progress_report(workspace, family_id, lang=…)                  -> bytes
    render_attendance_register(workspace, session_id, lang=…)             -> bytes
    write_session_sheet(workspace, family_id, path, …) and the same `write_*` for each kind
    render(workspace, PrintRequest) / write(workspace, PrintRequest, path) -> PrintedDocument
    print_all_reports(workspace, folder, lang=…)                           -> BatchResult
    default_file_name(kind, lang)                                          -> "scheda-visita-….pdf"

The session sheet is meant for the family: the educator's notes on the visit are printed only
with `with_notes=True` (`print-sheet --with-notes`).

Without a visit or assessment id the latest one is used (`UnknownRecord("no_visit")` /
`("no_assessment")` when there is none). An id may also be given by its first 8 or more
characters, as printed under each sheet's QR code. A record that does not exist, or belongs
to another family, is `UnknownRecord("visit")` / `("assessment")` / `("group_session")`.

Writing: `storage.atomic` (temp file, 0600, fsync, rename), then one audit entry
`document_printed` (record kind and id, the document kind: nothing personal), because a
printed sheet is personal data leaving the encrypted store. File names carry no personal data:
`default_file_name` adds a random suffix; the office batch names each report by the family's
pseudonymous code (see `report_file_name`).
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from pippi_desktop.domain.catalogue import Catalogue
from pippi_desktop.domain.errors import InvalidFile, SelfTestFailed, UnknownRecord
from pippi_desktop.domain.i18n import NC_, Lang
from pippi_desktop.domain.records import Assessment, CaseFile, GroupSession, HomeVisit
from pippi_desktop.reports import (
    attendance_register,
    progress_report,
    session_sheet,
    triangle_blank,
    triangle_form,
)
from pippi_desktop.reports.attendance_register import RegisterRow
from pippi_desktop.reports.style import PrintContext
from pippi_desktop.services import casefile_view, catalogue_service
from pippi_desktop.services.open_workspace import OpenWorkspace, store_of
from pippi_desktop.services.reference_data import default_catalogue, vocabulary
from pippi_desktop.storage import catalogue_queries
from pippi_desktop.storage.atomic import make_private_dir, write_atomic
from pippi_desktop.storage.audit import AuditEvent

if TYPE_CHECKING:
    from pippi_desktop.services.self_test import SelfTestContext

log = logging.getLogger(__name__)

MIN_ID_PREFIX = 8


class DocumentKind(StrEnum):
    SESSION = "session"
    TRIANGLE = "triangle"
    BLANK_TRIANGLE = "blank-triangle"
    REPORT = "report"
    ATTENDANCE = "attendance"


FAMILY_KINDS = (
    DocumentKind.SESSION,
    DocumentKind.TRIANGLE,
    DocumentKind.BLANK_TRIANGLE,
    DocumentKind.REPORT,
)

# The start of each file name, in the document's language ("file name": lower case, words
# joined by hyphens, no accents or spaces).
_FILE_STEMS = {
    DocumentKind.SESSION: NC_("file name", "scheda-visita"),
    DocumentKind.TRIANGLE: NC_("file name", "triangolo"),
    DocumentKind.BLANK_TRIANGLE: NC_("file name", "triangolo-da-compilare"),
    DocumentKind.REPORT: NC_("file name", "relazione-percorso"),
    DocumentKind.ATTENDANCE: NC_("file name", "registro-presenze"),
}
_NO_TAG = NC_("file name", "documento")


@dataclass(frozen=True)
class PrintRequest:
    kind: DocumentKind
    family_id: str | None = None  # every kind but attendance
    visit_id: str | None = None  # session sheet; None: the latest visit
    assessment_id: str | None = None  # filled triangle; None: the latest assessment
    session_id: str | None = None  # attendance register
    lang: Lang = Lang.IT
    with_notes: bool = False  # session sheet: the educator's notes («Osservazioni») too


@dataclass(frozen=True)
class PrintedDocument:
    kind: DocumentKind
    record_kind: str  # what the QR code names: visit, assessment, family, group_session
    record_id: str
    data: bytes


@dataclass(frozen=True)
class BatchResult:
    files: tuple[Path, ...]
    families: int


def default_file_name(kind: DocumentKind, lang: Lang = Lang.IT) -> str:
    """A file name without personal data: the kind of document and a random suffix."""
    return f"{_FILE_STEMS[kind].translated(lang)}-{secrets.token_hex(4)}.pdf"


def report_file_name(family_code: str, lang: Lang = Lang.IT) -> str:
    """`relazione-percorso-F-2026-K7QA-014.pdf`: the office batch's name for one family's report.

    The family code is the programme's pseudonymous identifier (`F-<year>-<device>-<n>`): no
    name, birth date or address can be read from it, it is printed on every sheet and it is how
    the office files paper. With a random name the office could not tell 100 reports apart
    without opening each one. Characters outside [A-Za-z0-9-] (a hand-edited code) become "_".
    """
    return document_file_name(DocumentKind.REPORT, family_code, lang)


def document_file_name(kind: DocumentKind, tag: str, lang: Lang = Lang.IT) -> str:
    """The kind of document and a tag without personal data (a family code, an ISO date):
    `scheda-visita-F-2026-K7QA-014.pdf`, `registro-presenze-2026-11-20.pdf`."""
    safe = "".join(ch if ch.isascii() and (ch.isalnum() or ch == "-") else "_" for ch in tag)
    return f"{_FILE_STEMS[kind].translated(lang)}-{safe or _NO_TAG.translated(lang)}.pdf"


# --- picking records -------------------------------------------------------------------------


def _match(records: Sequence[HomeVisit] | Sequence[Assessment], wanted: str) -> str | None:
    wanted = wanted.strip().lower()
    exact = [r.id for r in records if r.id == wanted]
    if exact:
        return exact[0]
    if len(wanted) >= MIN_ID_PREFIX:
        found = [r.id for r in records if r.id.startswith(wanted)]
        if len(found) == 1:
            return found[0]
    return None


def pick_visit(case: CaseFile, visit_id: str | None) -> HomeVisit:
    if not case.visits:
        raise UnknownRecord("visit" if visit_id else "no_visit")
    if visit_id is None:
        return max(case.visits, key=lambda v: (v.date, v.start_time or "", v.created_at))
    found = _match(case.visits, visit_id)
    if found is None:
        raise UnknownRecord("visit")
    return next(v for v in case.visits if v.id == found)


def pick_assessment(case: CaseFile, assessment_id: str | None) -> Assessment:
    if not case.assessments:
        raise UnknownRecord("assessment" if assessment_id else "no_assessment")
    if assessment_id is None:
        return max(case.assessments, key=lambda a: (a.date, a.created_at))
    found = _match(case.assessments, assessment_id)
    if found is None:
        raise UnknownRecord("assessment")
    return next(a for a in case.assessments if a.id == found)


def find_group_session_id(workspace: OpenWorkspace, session_id: str) -> str:
    """The id of a group session given whole or by its first 8+ characters."""
    wanted = session_id.strip().lower()
    sessions = casefile_view.list_group_sessions(workspace)
    exact = [s.id for s in sessions if s.id == wanted]
    if exact:
        return exact[0]
    if len(wanted) >= MIN_ID_PREFIX:
        found = [s.id for s in sessions if s.id.startswith(wanted)]
        if len(found) == 1:
            return found[0]
    raise UnknownRecord("group_session")


# --- rendering -------------------------------------------------------------------------------


def _context(workspace: OpenWorkspace, lang: Lang, today: date | None) -> PrintContext:
    return PrintContext(
        header_name=workspace.identity.name,
        lang=lang,
        vocabulary=vocabulary(),
        printed_on=today or date.today(),
    )


def _all_catalogues(workspace: OpenWorkspace) -> list[Catalogue]:
    with store_of(workspace).read() as connection:
        return catalogue_queries.catalogues(connection, default=default_catalogue())


def _assessment_catalogues(
    workspace: OpenWorkspace, assessments: Sequence[Assessment]
) -> dict[tuple[str, str], Catalogue]:
    keys = {(a.catalogue_id, a.catalogue_version) for a in assessments}
    return {key: catalogue_service.catalogue_for(workspace, *key) for key in sorted(keys)}


def _render_family_document(
    workspace: OpenWorkspace, request: PrintRequest, context: PrintContext, case: CaseFile
) -> PrintedDocument:
    kind = request.kind
    if kind is DocumentKind.SESSION:
        visit = pick_visit(case, request.visit_id)
        data = session_sheet.render_session_sheet(
            case,
            visit,
            catalogues=_all_catalogues(workspace),
            context=context,
            with_notes=request.with_notes,
        )
        return PrintedDocument(kind, "visit", visit.id, data)
    if kind is DocumentKind.TRIANGLE:
        assessment = pick_assessment(case, request.assessment_id)
        catalogue = catalogue_service.catalogue_for(
            workspace, assessment.catalogue_id, assessment.catalogue_version
        )
        data = triangle_form.render_triangle_form(
            case, assessment, catalogue=catalogue, context=context
        )
        return PrintedDocument(kind, "assessment", assessment.id, data)
    if kind is DocumentKind.BLANK_TRIANGLE:
        data = triangle_blank.render_blank_triangle_form(
            case, catalogue=catalogue_service.active_catalogue(workspace), context=context
        )
        return PrintedDocument(kind, "family", case.family.id, data)
    data = progress_report.render_progress_report(
        case,
        catalogues=_assessment_catalogues(workspace, case.assessments),
        all_catalogues=_all_catalogues(workspace),
        context=context,
    )
    return PrintedDocument(kind, "family", case.family.id, data)


def _register_rows(
    workspace: OpenWorkspace, session_id: str
) -> tuple[GroupSession, list[RegisterRow]]:
    session, attendance, people = casefile_view.group_session(workspace, session_id)
    codes = {summary.id: summary.code for summary in casefile_view.list_families(workspace)}
    rows = []
    for record in attendance:
        person = people.get(record.person_id)
        if person is None:
            continue
        rows.append(
            RegisterRow(
                given_name=person.given_name,
                family_name=person.family_name,
                family_code=codes.get(record.family_id, ""),
                status=record.status,
                notes=record.notes,
            )
        )
    return session, rows


def render(
    workspace: OpenWorkspace, request: PrintRequest, *, today: date | None = None
) -> PrintedDocument:
    """Build one document (nothing is written)."""
    context = _context(workspace, request.lang, today)
    if request.kind is DocumentKind.ATTENDANCE:
        if not request.session_id:
            raise UnknownRecord("group_session")
        session_id = find_group_session_id(workspace, request.session_id)
        session, rows = _register_rows(workspace, session_id)
        data = attendance_register.render_attendance_register(session, rows, context=context)
        return PrintedDocument(request.kind, "group_session", session.id, data)
    if not request.family_id:
        raise UnknownRecord("family")
    case = casefile_view.case_file(workspace, request.family_id)
    return _render_family_document(workspace, request, context, case)


def check_output_file(path: Path, *, replace: bool) -> None:
    """Refuse, before any work, a destination that cannot or must not be written."""
    path = Path(path)
    if path.is_dir() or not path.parent.is_dir():
        raise InvalidFile("output_unwritable")
    if path.exists() and not replace:
        raise InvalidFile("output_exists")


def _audit_event(kind: DocumentKind, record_kind: str, record_id: str) -> AuditEvent:
    """What the audit log keeps of a print: the record and the kind of document, no content."""
    return AuditEvent("document_printed", record_kind, record_id, (kind.value,))


def _audit(workspace: OpenWorkspace, events: Sequence[AuditEvent]) -> None:
    store = store_of(workspace)
    if store.read_only:  # a copy on read-only media: nothing can be recorded in it
        log.info("document printed from a read-only workspace: not in its audit log")
        return
    with store.write() as connection:
        store.audit(connection, *events)


def _write_file(path: Path, data: bytes) -> None:
    """Write atomically; a full disk or read-only media is `CannotWrite` (exit 5), naming it."""
    try:
        write_atomic(Path(path), data)
    except (IsADirectoryError, NotADirectoryError, FileNotFoundError):
        raise InvalidFile("output_unwritable") from None


def write(
    workspace: OpenWorkspace,
    request: PrintRequest,
    path: Path,
    *,
    replace: bool = False,
    today: date | None = None,
) -> PrintedDocument:
    """Build one document and write it to `path` atomically (owner-only); audited."""
    check_output_file(path, replace=replace)
    printed = render(workspace, request, today=today)
    _write_file(Path(path), printed.data)
    _audit(workspace, [_audit_event(printed.kind, printed.record_kind, printed.record_id)])
    return printed


def print_all_reports(
    workspace: OpenWorkspace,
    folder: Path,
    *,
    lang: Lang = Lang.IT,
    today: date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> BatchResult:
    """The progress report of every family, one PDF each in `folder` (created if missing).

    Nothing is written when a file of the batch already exists there or the folder cannot be
    made; each file is written atomically, and one audit transaction records them all.
    """
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise InvalidFile("output_unwritable")
    if not folder.parent.is_dir():
        raise InvalidFile("output_unwritable")
    families = casefile_view.list_families(workspace)
    names = [report_file_name(f.code, lang) for f in families]
    taken: set[str] = set()
    unique = []
    for family, name in zip(families, names, strict=True):
        if name in taken:  # two families with the same code (a clash flagged to the office)
            name = name.removesuffix(".pdf") + f"-{family.id[:8]}.pdf"
        taken.add(name)
        unique.append(folder / name)
    if any(path.exists() for path in unique):
        raise InvalidFile("output_exists")
    try:
        make_private_dir(folder)
    except OSError:
        raise InvalidFile("output_unwritable") from None
    context = _context(workspace, lang, today)
    all_catalogues = _all_catalogues(workspace)
    events: list[AuditEvent] = []
    for index, (summary, path) in enumerate(zip(families, unique, strict=True), start=1):
        case = casefile_view.case_file(workspace, summary.id)
        data = progress_report.render_progress_report(
            case,
            catalogues=_assessment_catalogues(workspace, case.assessments),
            all_catalogues=all_catalogues,
            context=context,
        )
        _write_file(path, data)
        events.append(_audit_event(DocumentKind.REPORT, "family", summary.id))
        if progress is not None:
            progress(index, len(families))
    if events:
        _audit(workspace, events)
    return BatchResult(files=tuple(unique), families=len(families))


# --- one function per document, for the GUI -------------------------------------------------


def _session(family_id: str, visit_id: str | None, lang: Lang, with_notes: bool) -> PrintRequest:
    return PrintRequest(
        DocumentKind.SESSION,
        family_id=family_id,
        visit_id=visit_id,
        lang=lang,
        with_notes=with_notes,
    )


def render_session_sheet(
    workspace: OpenWorkspace,
    family_id: str,
    *,
    visit_id: str | None = None,
    lang: Lang = Lang.IT,
    with_notes: bool = False,
) -> bytes:
    return render(workspace, _session(family_id, visit_id, lang, with_notes)).data


def render_triangle_form(
    workspace: OpenWorkspace,
    family_id: str,
    *,
    assessment_id: str | None = None,
    lang: Lang = Lang.IT,
) -> bytes:
    request = PrintRequest(
        DocumentKind.TRIANGLE, family_id=family_id, assessment_id=assessment_id, lang=lang
    )
    return render(workspace, request).data


def render_blank_triangle_form(
    workspace: OpenWorkspace, family_id: str, *, lang: Lang = Lang.IT
) -> bytes:
    request = PrintRequest(DocumentKind.BLANK_TRIANGLE, family_id=family_id, lang=lang)
    return render(workspace, request).data


def render_progress_report(
    workspace: OpenWorkspace, family_id: str, *, lang: Lang = Lang.IT
) -> bytes:
    request = PrintRequest(DocumentKind.REPORT, family_id=family_id, lang=lang)
    return render(workspace, request).data


def render_attendance_register(
    workspace: OpenWorkspace, session_id: str, *, lang: Lang = Lang.IT
) -> bytes:
    request = PrintRequest(DocumentKind.ATTENDANCE, session_id=session_id, lang=lang)
    return render(workspace, request).data


def write_session_sheet(
    workspace: OpenWorkspace,
    family_id: str,
    path: Path,
    *,
    visit_id: str | None = None,
    lang: Lang = Lang.IT,
    replace: bool = True,
    with_notes: bool = False,
) -> PrintedDocument:
    request = _session(family_id, visit_id, lang, with_notes)
    return write(workspace, request, path, replace=replace)


def write_triangle_form(
    workspace: OpenWorkspace,
    family_id: str,
    path: Path,
    *,
    assessment_id: str | None = None,
    lang: Lang = Lang.IT,
    replace: bool = True,
) -> PrintedDocument:
    request = PrintRequest(
        DocumentKind.TRIANGLE, family_id=family_id, assessment_id=assessment_id, lang=lang
    )
    return write(workspace, request, path, replace=replace)


def write_blank_triangle_form(
    workspace: OpenWorkspace,
    family_id: str,
    path: Path,
    *,
    lang: Lang = Lang.IT,
    replace: bool = True,
) -> PrintedDocument:
    request = PrintRequest(DocumentKind.BLANK_TRIANGLE, family_id=family_id, lang=lang)
    return write(workspace, request, path, replace=replace)


def write_progress_report(
    workspace: OpenWorkspace,
    family_id: str,
    path: Path,
    *,
    lang: Lang = Lang.IT,
    replace: bool = True,
) -> PrintedDocument:
    request = PrintRequest(DocumentKind.REPORT, family_id=family_id, lang=lang)
    return write(workspace, request, path, replace=replace)


def write_attendance_register(
    workspace: OpenWorkspace,
    session_id: str,
    path: Path,
    *,
    lang: Lang = Lang.IT,
    replace: bool = True,
) -> PrintedDocument:
    request = PrintRequest(DocumentKind.ATTENDANCE, session_id=session_id, lang=lang)
    return write(workspace, request, path, replace=replace)


def check_printing(ctx: SelfTestContext) -> str:
    """Self-test step: the session sheet of the family the `record` step wrote, to a file, with
    the shipped DejaVu fonts embedded (what breaks when a build forgets resources/fonts)."""
    workspace = ctx.require_workspace()
    if ctx.folder is None or "family_id" not in ctx.notes:
        raise SelfTestFailed("temp_folder" if ctx.folder is None else "record_mismatch")
    path = ctx.folder / default_file_name(DocumentKind.SESSION, ctx.lang)
    request = PrintRequest(DocumentKind.SESSION, family_id=ctx.notes["family_id"], lang=ctx.lang)
    write(workspace, request, path)
    data = path.read_bytes()
    if not data.startswith(b"%PDF-") or data.count(b"/FontFile2") < 2 or b"DejaVuSans" not in data:
        raise SelfTestFailed("pdf")
    return ctx._("scheda della visita scritta ({size} kB), caratteri DejaVu incorporati").format(
        size=len(data) // 1024
    )
