"""The print service: which record is printed, files written atomically and audited, the
office batch, labels from the assessment's own catalogue version."""

from __future__ import annotations

import json
import re
import stat
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from pippi_desktop.domain.errors import InvalidFile, UnknownRecord
from pippi_desktop.domain.i18n import Lang
from pippi_desktop.domain.record_inputs import (
    AssessmentEntryInput,
    AssessmentInput,
    FamilyInput,
    PersonInput,
)
from pippi_desktop.resource_paths import resource
from pippi_desktop.services import casefile_service as cs
from pippi_desktop.services import casefile_view
from pippi_desktop.services import print_service as ps
from pippi_desktop.services.catalogue_service import load_catalogue_file
from pippi_desktop.services.open_workspace import OpenWorkspace, store_of
from pippi_desktop.services.print_service import DocumentKind, PrintRequest
from pippi_desktop.services.workspace_service import open_workspace
from pippi_desktop.storage.audit import verify_audit
from tests.conftest import PASSPHRASE
from tests.reports import pdf_checks as pdf
from tests.reports.conftest import PrintWorkspace
from tests.reports.sample_family import NAME_PARTS


@pytest.fixture(scope="module")
def workspace(print_workspace: PrintWorkspace) -> Iterator[OpenWorkspace]:
    opened = open_workspace(print_workspace.root, passphrase=PASSPHRASE)
    yield opened
    opened.close()


def _audit_rows(workspace: OpenWorkspace) -> list[dict]:
    with store_of(workspace).read() as connection:
        rows = connection.execute(
            text("SELECT action, record_type, record_id, fields FROM audit_log ORDER BY seq")
        ).mappings()
        return [dict(row) for row in rows]


def test_latest_records_by_default_and_ids_whole_or_by_prefix(
    workspace: OpenWorkspace, print_workspace: PrintWorkspace
) -> None:
    sample = print_workspace.sample
    case = casefile_view.case_file(workspace, sample.family_id)
    assert ps.pick_visit(case, None).id == sample.latest_visit_id
    assert ps.pick_visit(case, sample.first_visit_id).id == sample.first_visit_id
    assert ps.pick_visit(case, sample.first_visit_id[:8].upper()).id == sample.first_visit_id
    assert ps.pick_assessment(case, None).id == sample.assessment_ids["T2"]
    t0 = sample.assessment_ids["T0"]
    assert ps.pick_assessment(case, t0[:10]).id == t0
    for wrong in ("nope", sample.first_visit_id[:7], sample.assessment_ids["T0"]):
        with pytest.raises(UnknownRecord) as refused:
            ps.pick_visit(case, wrong)
        assert refused.value.variant == "visit"
    with pytest.raises(UnknownRecord) as refused:
        ps.pick_assessment(case, sample.latest_visit_id)
    assert refused.value.variant == "assessment"
    assert ps.find_group_session_id(workspace, sample.session_id[:8]) == sample.session_id


def test_a_family_with_nothing_recorded_yet(
    workspace: OpenWorkspace, print_workspace: PrintWorkspace
) -> None:
    family_id = casefile_view.find_family_id(workspace, print_workspace.empty_code)
    for kind, variant in (
        (DocumentKind.SESSION, "no_visit"),
        (DocumentKind.TRIANGLE, "no_assessment"),
    ):
        with pytest.raises(UnknownRecord) as refused:
            ps.render(workspace, PrintRequest(kind, family_id=family_id))
        assert refused.value.variant == variant
    other_family_visit = print_workspace.sample.latest_visit_id
    with pytest.raises(UnknownRecord) as refused:
        ps.render(
            workspace,
            PrintRequest(DocumentKind.SESSION, family_id=family_id, visit_id=other_family_visit),
        )
    assert refused.value.variant == "visit"
    # the blank form and the report still print, with what there is
    blank = ps.render(workspace, PrintRequest(DocumentKind.BLANK_TRIANGLE, family_id=family_id))
    report = pdf.text(
        ps.render(workspace, PrintRequest(DocumentKind.REPORT, family_id=family_id)).data
    )
    assert print_workspace.empty_code in pdf.text(blank.data)
    assert "Bartłomiej Wiśniewski" in report and "Nessuna visita registrata." in report
    with pytest.raises(UnknownRecord) as refused:
        ps.render(workspace, PrintRequest(DocumentKind.ATTENDANCE, session_id="0" * 36))
    assert refused.value.variant == "group_session"


def test_write_is_atomic_private_and_audited(
    workspace: OpenWorkspace, print_workspace: PrintWorkspace, tmp_path: Path
) -> None:
    target = tmp_path / "scheda.pdf"
    printed = ps.write_session_sheet(workspace, print_workspace.sample.family_id, target)
    assert target.read_bytes() == printed.data and printed.data.startswith(b"%PDF-")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["scheda.pdf"]  # no temporary file left
    last = _audit_rows(workspace)[-1]
    assert last == {
        "action": "document_printed",
        "record_type": "visit",
        "record_id": print_workspace.sample.latest_visit_id,
        "fields": json.dumps(["session"]),
    }
    with store_of(workspace).read() as connection:
        assert verify_audit(connection) == []
    # the GUI replaces a file the user chose; the command line refuses
    ps.write_session_sheet(workspace, print_workspace.sample.family_id, target, replace=True)
    before = target.read_bytes()
    with pytest.raises(InvalidFile) as refused:
        ps.write(
            workspace,
            PrintRequest(DocumentKind.REPORT, family_id=print_workspace.sample.family_id),
            target,
        )
    assert refused.value.variant == "output_exists" and target.read_bytes() == before
    with pytest.raises(InvalidFile) as refused:
        ps.write_progress_report(
            workspace, print_workspace.sample.family_id, tmp_path / "missing" / "r.pdf"
        )
    assert refused.value.variant == "output_unwritable"
    assert not (tmp_path / "missing").exists()


def test_file_names_carry_no_personal_data() -> None:
    names = {ps.default_file_name(kind) for kind in DocumentKind for _ in range(3)}
    assert len(names) == 15  # a random part: printing twice never clashes
    for name in names:
        assert re.fullmatch(r"[a-z-]+-[0-9a-f]{8}\.pdf", name), name
    assert ps.default_file_name(DocumentKind.SESSION).startswith("scheda-visita-")
    assert ps.default_file_name(DocumentKind.SESSION, Lang.EN).startswith("visit-sheet-")
    assert ps.report_file_name("F-2026-K7QA-014") == "relazione-percorso-F-2026-K7QA-014.pdf"
    odd = ps.report_file_name("F/../Łódź 1")  # a hand-edited code cannot leave the folder
    assert odd == "relazione-percorso-F______d__1.pdf"


def test_office_batch_writes_one_report_per_family(
    workspace: OpenWorkspace, print_workspace: PrintWorkspace, tmp_path: Path
) -> None:
    folder = tmp_path / "relazioni"
    seen: list[tuple[int, int]] = []
    result = ps.print_all_reports(
        workspace, folder, progress=lambda done, total: seen.append((done, total))
    )
    codes = print_workspace.family_codes
    assert result.families == len(codes) == len(list(folder.iterdir()))
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        f"relazione-percorso-{code}.pdf" for code in codes
    )
    assert seen[-1] == (len(codes), len(codes))
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for path in folder.iterdir():
        content = pdf.text(path.read_bytes())
        assert path.stem.removeprefix("relazione-percorso-") in content
        for part in NAME_PARTS:
            assert part not in path.name
    printed = [row for row in _audit_rows(workspace) if row["fields"] == json.dumps(["report"])]
    assert len(printed) >= len(codes)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    with pytest.raises(InvalidFile) as refused:
        ps.print_all_reports(workspace, folder)
    assert refused.value.variant == "output_exists"
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_labels_come_from_each_assessments_own_catalogue_version(
    new_workspace, tmp_path: Path
) -> None:
    workspace = new_workspace("catalogues")
    with cs.unit_of_work(workspace) as uow:
        family_id = uow.create(FamilyInput(implementation="PIPPI 13"))
        child = uow.create(
            PersonInput(family_id=family_id, given_name="Ólafur", family_name="K", role="figlio")
        )
    values = AssessmentInput(
        family_id=family_id, child_id=child, time_point="T0", date=date(2026, 1, 10)
    )
    old = cs.save_assessment(
        workspace, values, [AssessmentEntryInput(subdimension="bambino.salute", score=2)]
    ).record_id
    raw = json.loads(resource("catalogue", "triangle-default.json").read_text(encoding="utf-8"))
    raw["version"] = "2027.1"
    raw["sides"][0]["subdimensions"][0]["label"]["it"] = "Salute, crescita e sviluppo"
    new_file = tmp_path / "catalogo.json"
    new_file.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    load_catalogue_file(workspace, new_file)
    new = cs.save_assessment(
        workspace,
        replace(values, time_point="T1"),
        [AssessmentEntryInput(subdimension="bambino.salute", score=4)],
    ).record_id

    def printed(assessment_id: str) -> str:
        request = PrintRequest(
            DocumentKind.TRIANGLE, family_id=family_id, assessment_id=assessment_id
        )
        return pdf.text(ps.render(workspace, request).data)

    assert "Salute e crescita" in printed(old) and "Salute, crescita" not in printed(old)
    assert "Salute, crescita e sviluppo" in printed(new) and "versione 2027.1" in printed(new)
    blank = pdf.text(
        ps.render(workspace, PrintRequest(DocumentKind.BLANK_TRIANGLE, family_id=family_id)).data
    )
    assert "Salute, crescita e sviluppo" in blank  # new forms use the active catalogue
