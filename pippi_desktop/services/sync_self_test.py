"""The self-test's sync step: a real office, trust set-up, a bundle out and back in.

Proves in the built application that HPKE, Ed25519 and the whole import pipeline work: the
test workspace of the earlier steps trusts a new office made in the self-test folder (with the
real key cost), the office registers it, a bundle is exported, imported (the family written by
the "record" step must arrive), imported again ("already imported"), and a copy with one byte
changed is refused.
"""

from __future__ import annotations

from pippi_desktop.domain.errors import SelfTestFailed
from pippi_desktop.services import bundle_export, bundle_import, casefile_view, trust_service
from pippi_desktop.services.self_test import SelfTestContext
from pippi_desktop.services.workspace_service import create_workspace

OFFICE_FOLDER = "ufficio-autoverifica.pippiws"


def check_bundle(ctx: SelfTestContext) -> str:
    educator = ctx.require_workspace()
    if ctx.folder is None:
        raise SelfTestFailed("temp_folder")
    folder = ctx.folder
    office = create_workspace(
        folder / OFFICE_FOLDER,
        role="office",
        name="Ufficio di prova",
        passphrase=ctx.passphrase,
        default_kdf_cost=True,
    ).workspace
    try:
        office_card = trust_service.export_office_card(office, folder / "ufficio.card")
        trust_service.trust_office(educator, office_card.path, office_card.fingerprint)
        device_card = trust_service.export_device_card(educator, folder / "dispositivo.card")
        trust_service.register_device(
            office, device_card.path, device_card.fingerprint, educator="Autoverifica"
        )
        sent = bundle_export.export_bundle(educator, output=folder)
        if not sent.written or sent.file is None:
            raise SelfTestFailed("bundle", detail="export")
        (first,) = bundle_import.import_bundles(office, [sent.file], lang=ctx.lang)
        if first.status != bundle_import.APPLIED:
            raise SelfTestFailed("bundle", detail=first.reason or first.status)
        family_id = ctx.notes.get("family_id")
        if family_id is not None and len(casefile_view.case_file(office, family_id).visits) != 1:
            raise SelfTestFailed("bundle", detail="content")
        (again,) = bundle_import.import_bundles(office, [sent.file], lang=ctx.lang)
        damaged = folder / "alterato.pippi"
        data = bytearray(sent.file.read_bytes())
        data[len(data) // 2] ^= 0x01
        damaged.write_bytes(bytes(data))
        (refused,) = bundle_import.import_bundles(office, [damaged], lang=ctx.lang)
        if again.status != bundle_import.ALREADY_IMPORTED or refused.reason != "not_a_bundle":
            raise SelfTestFailed("bundle", detail="replay")
    finally:
        office.close()
    return ctx.ngettext(
        "{count} modifica firmata, cifrata e importata; copia alterata rifiutata",
        "{count} modifiche firmate, cifrate e importate; copia alterata rifiutata",
        sent.operations,
    ).format(count=sent.operations)
