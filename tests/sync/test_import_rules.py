"""Rules of the office around the bundles: rollbacks, revocation, incarnations, escrow, keys."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import text

from pippi_desktop.domain.errors import EscrowUnavailable, FingerprintMismatch, WrongRole
from pippi_desktop.domain.record_inputs import FamilyInput
from pippi_desktop.services import bundle_export, bundle_import, trust_service
from pippi_desktop.services import casefile_service as cs
from pippi_desktop.services.escrow_service import recover_with_escrow
from pippi_desktop.services.open_workspace import store_of
from pippi_desktop.services.workspace_service import open_workspace
from pippi_desktop.storage.keyslots import ESCROW
from tests.conftest import NEW_PASSPHRASE, PASSPHRASE, tree_hashes
from tests.sync.helpers import office_state, restored_twin

OLD_WORKSPACES = Path(__file__).resolve().parents[1] / "data" / "workspaces"


def _export(educator) -> Path:
    result = bundle_export.export_bundle(educator)
    assert result.written and result.file is not None
    return result.file


def _reason(office, path: Path) -> str | None:
    (outcome,) = bundle_import.import_bundles(office, [path])
    return outcome.reason if outcome.status == "rejected" else outcome.status


def test_a_workspace_put_back_to_an_old_copy_is_caught(trusted, tmp_path: Path) -> None:
    office, (educator,) = trusted(1)
    cs.save_record(educator, FamilyInput(notes="prima"))
    root = educator.folder
    educator.close()
    stale = tmp_path / "stale-copy.pippiws"
    shutil.copytree(root, stale)  # what a hand-made copy of the folder would be
    with open_workspace(root, passphrase=PASSPHRASE) as current:
        cs.save_record(current, FamilyInput(notes="dopo la copia"))
        assert _reason(office, _export(current)) == "applied"
    before = office_state(office)
    with open_workspace(stale, passphrase=PASSPHRASE) as old:
        cs.save_record(old, FamilyInput(notes="sulla copia vecchia"))
        bundle = _export(old)  # the same device id and bundle number, other content
    assert _reason(office, bundle) == "rollback_detected"
    assert office_state(office) == before


def test_revoking_a_device_refuses_every_incarnation_of_it(trusted, tmp_path: Path) -> None:
    office, (educator,) = trusted(1)
    cs.save_record(educator, FamilyInput())
    assert _reason(office, _export(educator)) == "applied"
    twin = restored_twin(educator, tmp_path / "twin.pippiws")
    try:
        cs.save_record(twin, FamilyInput())
        bundle = _export(twin)
    finally:
        twin.close()
    revocation = trust_service.revoke_device(office, educator.identity.device_id)
    assert revocation.revoked_now
    before = office_state(office)
    assert _reason(office, bundle) == "revoked_device"
    assert office_state(office) == before
    assert len(office_state(office)["families"]) == 1  # what was imported stays


def test_a_restored_workspace_of_an_unregistered_device_is_unknown(new_workspace, tmp_path) -> None:
    office = new_workspace("office", role="office")
    educator = new_workspace("edu")
    card = trust_service.export_office_card(office, tmp_path / "office.card")
    trust_service.trust_office(educator, card.path, card.fingerprint)
    cs.save_record(educator, FamilyInput())
    twin = restored_twin(educator, tmp_path / "twin.pippiws")
    try:
        bundle = _export(twin)
    finally:
        twin.close()
    assert _reason(office, bundle) == "unknown_device"


def test_trusting_adds_an_escrow_slot_that_only_this_office_opens(new_workspace, tmp_path) -> None:
    office = new_workspace("office", role="office")
    other = new_workspace("other", role="office")
    educator = new_workspace("edu")
    card = trust_service.export_office_card(office, tmp_path / "office.card")
    with pytest.raises(FingerprintMismatch):
        trust_service.trust_office(educator, card.path, "0000 0000 0000 0000 0000 0000")
    assert not store_of(educator).keyslots.of_kind(ESCROW)
    trusted = trust_service.trust_office(educator, card.path, card.fingerprint)
    (slot,) = store_of(educator).keyslots.of_kind(ESCROW)
    assert slot.kdf["office_key_id"] == trusted.key_id
    root = educator.folder
    educator.close()
    with pytest.raises(EscrowUnavailable):
        recover_with_escrow(root, office=other, new_passphrase=NEW_PASSPHRASE)
    before = tree_hashes(root)
    with pytest.raises(WrongRole):
        recover_with_escrow(root, office=new_workspace("edu2"), new_passphrase=NEW_PASSPHRASE)
    assert tree_hashes(root) == before
    recover_with_escrow(root, office=office, new_passphrase=NEW_PASSPHRASE)
    with (
        open_workspace(root, passphrase=NEW_PASSPHRASE) as reopened,
        store_of(reopened).read() as connection,
    ):
        actions = [row[0] for row in connection.execute(text("SELECT action FROM audit_log"))]
    assert "passphrase_recovered_by_office" in actions
    with store_of(office).read() as connection:
        assert (
            connection.execute(
                text("SELECT count(*) FROM audit_log WHERE action = 'escrow_recovery'")
            ).scalar()
            == 1
        )


def test_a_workspace_of_an_older_schema_gets_its_keys_and_syncs(new_workspace, tmp_path) -> None:
    target = tmp_path / "old.pippiws"
    shutil.copytree(OLD_WORKSPACES / "schema-0001.pippiws", target)
    office = new_workspace("office", role="office")
    with open_workspace(target, passphrase="schema uno di prova") as old:
        with store_of(old).read() as connection:
            assert connection.execute(text("SELECT count(*) FROM sync_keys")).scalar() == 0
        from tests.sync.helpers import trust_pair

        trust_pair(office, old, tmp_path)
        cs.save_record(old, FamilyInput(implementation="PIPPI 12"))
        assert _reason(office, _export(old)) == "applied"
        with store_of(old).read() as connection:
            assert connection.execute(text("SELECT count(*) FROM sync_keys")).scalar() == 1


def test_the_outbox_status_counts_what_waits_to_be_sent(trusted) -> None:
    _office, (educator,) = trusted(1)
    status = bundle_export.outbox_status(educator)
    assert status.office_name == "Area office" and status.last_seq is None
    waiting = status.pending_operations  # the default catalogue, made with the workspace
    cs.save_record(educator, FamilyInput())
    assert bundle_export.outbox_status(educator).pending_operations == waiting + 2
    _export(educator)
    status = bundle_export.outbox_status(educator)
    assert status.pending_operations == 0 and status.last_seq == 1 and status.last_sent_at


def test_a_schema_0002_workspace_with_case_files_upgrades_and_syncs_them(
    new_workspace, tmp_path
) -> None:
    target = tmp_path / "old.pippiws"
    shutil.copytree(OLD_WORKSPACES / "schema-0002.pippiws", target)
    office = new_workspace("office", role="office")
    with open_workspace(target, passphrase="schema due di prova") as old:
        with store_of(old).read() as connection:
            assert (
                connection.execute(
                    text("SELECT value FROM workspace_meta WHERE key = 'fixture_canary'")
                ).scalar()
                == "made by schema 0002"
            )
            families = connection.execute(text("SELECT count(*) FROM families")).scalar()
            operations = connection.execute(text("SELECT count(*) FROM op_log")).scalar()
        assert families == 2 and operations > 100
        from tests.sync.helpers import trust_pair

        trust_pair(office, old, tmp_path)
        (outcome,) = bundle_import.import_bundles(office, [_export(old)])
        assert outcome.status == "applied" and outcome.operations == operations
    assert len(office_state(office)["families"]) == 2
    assert list((target / "backups").glob("pre-upgrade-0002-to-0003-*.pippibak"))
