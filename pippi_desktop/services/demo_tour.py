"""The whole product on demo data, without a window: what the quick start shows with no display.

An educator's workspace is filled with synthetic families; an office workspace is created
beside it; the trust set-up is done (office card, fingerprint, device card, registration); the
educator sends a bundle, the office imports it; and the office prints a family's progress
report. Every step goes through the same services as the command line and the window, with the
real key cost, so the tour is an honest end-to-end run. Everything stays in one temporary
folder the caller prints.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pippi_desktop.domain.i18n import Lang
from pippi_desktop.services import (
    bundle_export,
    bundle_import,
    casefile_view,
    print_service,
    trust_service,
)
from pippi_desktop.services.demo_data import fill_demo_data
from pippi_desktop.services.demo_service import DemoWorkspace, create_demo_workspace
from pippi_desktop.services.workspace_service import create_workspace, workspace_info

TOUR_FAMILIES = 12
OFFICE_FOLDER = "ufficio.pippiws"


@dataclass(frozen=True)
class DemoTour:
    educator: DemoWorkspace
    educator_info: dict[str, Any]
    office_path: Path
    office_fingerprint: str
    device_fingerprint: str
    bundle: Path
    imported: bundle_import.ImportOutcome
    office_families: int
    report: Path
    report_family_code: str


def run_demo_tour(
    folder: Path | None = None, *, families: int = TOUR_FAMILIES, lang: Lang = Lang.IT
) -> DemoTour:
    """Educator -> bundle -> office -> printed report, in `folder` (a new temporary one)."""
    root = Path(folder) if folder else Path(tempfile.mkdtemp(prefix="pippi-demo-"))
    demo = create_demo_workspace(root)
    educator = demo.workspace
    office = create_workspace(
        root / OFFICE_FOLDER, role="office", name="Demo ufficio", passphrase=demo.passphrase
    ).workspace
    try:
        fill_demo_data(educator, families)
        office_card = trust_service.export_office_card(office, root / "ufficio.pippicard")
        trust_service.trust_office(educator, office_card.path, office_card.fingerprint)
        device_card = trust_service.export_device_card(educator, root / "portatile.pippicard")
        trust_service.register_device(
            office, device_card.path, device_card.fingerprint, educator="Educatrice demo"
        )
        sent = bundle_export.export_bundle(educator, output=root)
        if sent.file is None:  # pragma: no cover - demo data always has something to send
            raise RuntimeError("the demo bundle was not written")
        (imported,) = bundle_import.import_bundles(office, [sent.file], lang=lang)
        first = casefile_view.list_families(office, limit=1)[0]
        report = root / print_service.report_file_name(first.code, lang)
        print_service.write_progress_report(office, first.id, report, lang=lang)
        office_families = casefile_view.count_families(office)
        info = workspace_info(educator)
    finally:
        office.close()
        educator.close()
    return DemoTour(
        educator=demo,
        educator_info=info,
        office_path=root / OFFICE_FOLDER,
        office_fingerprint=office_card.fingerprint,
        device_fingerprint=device_card.fingerprint,
        bundle=sent.file,
        imported=imported,
        office_families=office_families,
        report=report,
        report_family_code=first.code,
    )
