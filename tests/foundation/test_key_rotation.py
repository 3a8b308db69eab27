"""Keys that really change (issue 13): a new passphrase, a recovery or a new recovery code
re-encrypts the database under a new data key, so the key slots of an older copy (a backup,
the automatic pre-upgrade backup) never open today's database, while that copy still opens
with the secrets of its day. Every check opens the real database file with the key the old
slots give."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import text

from pippi_desktop.domain.errors import WorkspaceDamaged, WrongPassphrase, WrongRecoveryCode
from pippi_desktop.domain.record_inputs import FamilyInput
from pippi_desktop.services import casefile_service as cs
from pippi_desktop.services import draft_service, workspace_service
from pippi_desktop.services.open_workspace import store_of
from pippi_desktop.storage import backup as backup_file
from pippi_desktop.storage import key_wrap
from pippi_desktop.storage import keyslots as ks
from pippi_desktop.storage.engine import connect_raw
from pippi_desktop.storage.rekey import database_opens, rekey_database
from tests.conftest import NEW_PASSPHRASE, PASSPHRASE, run_cli

ENV = {"PIPPI_PASSPHRASE": PASSPHRASE}
DATA = Path(__file__).resolve().parents[1] / "data" / "workspaces"


def _key_from(slots: ks.KeySlots, *, passphrase: str | None = None, code: str | None = None):
    if code is not None:
        return ks.unlock_with_recovery_code(slots, code)
    return ks.unlock_with_passphrase(slots, passphrase or PASSPHRASE)


def _opens(db: Path, key: bytes | bytearray) -> bool:
    return database_opens(db, key)


def _family_count(root: Path, passphrase: str) -> int:
    with workspace_service.open_workspace(root, passphrase=passphrase) as workspace:
        return _family_count_open(workspace)


def test_old_credentials_on_a_backup_do_not_open_todays_database(new_workspace, tmp_path) -> None:
    """The issue's scenario: backup, change passphrase, add a family; the old passphrase on
    the backup's key slots yields a key that no longer opens workspace.db, and the backup
    still restores with it."""
    workspace = new_workspace("rot")
    root, code = workspace.folder, workspace.recovery_code
    cs.save_record(workspace, FamilyInput(implementation="PIPPI 13"))
    workspace.close()
    backup = tmp_path / "prima.pippibak"
    assert run_cli("backup", root, "-o", backup, env=ENV).returncode == 0

    changed = run_cli(
        "change-passphrase", root, env={**ENV, "PIPPI_NEW_PASSPHRASE": NEW_PASSPHRASE}
    )
    assert changed.returncode == 0, changed.stderr
    assert "chiave dei dati sostituita" in changed.stdout
    assert "si aprono ancora, e solo, con la passphrase" in changed.stdout  # old backups
    with workspace_service.open_workspace(root, passphrase=NEW_PASSPHRASE) as reopened:
        cs.save_record(reopened, FamilyInput(implementation="PIPPI 14"))

    header, _offset = backup_file.read_header(backup)
    old_slots, _mac = header.keyslots()
    for old_key in (_key_from(old_slots), _key_from(old_slots, code=code)):
        assert not _opens(root / "workspace.db", old_key)  # today's database: no
    current, _ = ks.load(root / "keyslots.json")
    assert _opens(root / "workspace.db", _key_from(current, passphrase=NEW_PASSPHRASE))

    # the old passphrase is refused by today's workspace, the recovery code still works
    assert run_cli("info", root, env=ENV).returncode == 3
    assert run_cli("info", root, env={"PIPPI_PASSPHRASE": NEW_PASSPHRASE}).returncode == 0
    workspace_service.open_workspace(root, recovery_code=code).close()

    # the backup restores with the credentials of its day, holding the data of its day
    restored = tmp_path / "restored.pippiws"
    result = run_cli("restore", backup, restored, env=ENV)
    assert result.returncode == 0, result.stderr
    assert _family_count(restored, PASSPHRASE) == 1
    assert _family_count(root, NEW_PASSPHRASE) == 2
    assert (
        run_cli(
            "restore", backup, tmp_path / "r2.pippiws", env={"PIPPI_PASSPHRASE": NEW_PASSPHRASE}
        ).returncode
        == 3
    )


def test_the_pre_upgrade_backup_does_not_open_todays_database(tmp_path) -> None:
    target = tmp_path / "old.pippiws"
    shutil.copytree(DATA / "schema-0001.pippiws", target)
    old_passphrase = "schema uno di prova"
    workspace_service.open_workspace(target, passphrase=old_passphrase).close()  # upgrades
    (automatic,) = (target / "backups").glob("pre-upgrade-*.pippibak")
    header, _ = backup_file.read_header(automatic)
    old_key = _key_from(header.keyslots()[0], passphrase=old_passphrase)
    assert _opens(target / "workspace.db", old_key)  # before: the same key (the point 1)
    with workspace_service.open_workspace(target, passphrase=old_passphrase) as workspace:
        change = workspace_service.change_passphrase(workspace, NEW_PASSPHRASE, old=old_passphrase)
    assert not _opens(target / "workspace.db", old_key)
    # a workspace made before issue 13 had a recovery slot that cannot follow a new key
    assert change.recovery_code is not None
    old_code = (DATA / "schema-0001.recovery-code.txt").read_text().strip()
    with pytest.raises(WrongRecoveryCode):
        workspace_service.open_workspace(target, recovery_code=old_code)
    workspace_service.open_workspace(target, recovery_code=change.recovery_code).close()


def test_recover_rotates_and_keeps_the_code(new_workspace, tmp_path) -> None:
    workspace = new_workspace("rec")
    root, code = workspace.folder, workspace.recovery_code
    before = bytes(_key_from(ks.load(root / "keyslots.json")[0]))
    workspace.close()
    code_file = tmp_path / "code.txt"
    code_file.write_text(code.lower().replace("-", " ") + "\n")
    result = run_cli(
        "recover",
        root,
        "--recovery-code-file",
        code_file,
        env={"PIPPI_NEW_PASSPHRASE": NEW_PASSPHRASE},
    )
    assert result.returncode == 0, result.stderr
    assert "Il codice di recupero resta valido" in result.stdout
    assert not _opens(root / "workspace.db", before)
    workspace_service.open_workspace(root, recovery_code=code).close()
    with pytest.raises(WrongPassphrase):
        workspace_service.open_workspace(root, passphrase=PASSPHRASE)


def test_recover_with_an_old_format_code_keeps_that_code(tmp_path) -> None:
    target = tmp_path / "old.pippiws"
    shutil.copytree(DATA / "schema-0002.pippiws", target)
    old_code = (DATA / "schema-0002.recovery-code.txt").read_text().strip()
    change = workspace_service.recover_with_code(target, old_code, NEW_PASSPHRASE)
    assert change.recovery_code is None  # the code was given: its slot is made anew
    slots, _ = ks.load(target / "keyslots.json")
    assert not slots.has_legacy_recovery()
    workspace_service.open_workspace(target, recovery_code=old_code).close()


def test_new_recovery_code_shows_a_code_once_and_the_old_one_stops(new_workspace) -> None:
    workspace = new_workspace("code")
    root, old_code = workspace.folder, workspace.recovery_code
    old_key = bytes(_key_from(ks.load(root / "keyslots.json")[0]))
    workspace.close()
    result = run_cli("new-recovery-code", root, "--json", env=ENV)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert list(data) == ["recovery_code"]
    new_code = data["recovery_code"]
    assert key_wrap.parse_recovery_code(new_code) and new_code != old_code
    assert new_code not in (root / "keyslots.json").read_text()
    assert not _opens(root / "workspace.db", old_key)
    with pytest.raises(WrongRecoveryCode):
        workspace_service.open_workspace(root, recovery_code=old_code)
    workspace_service.open_workspace(root, recovery_code=new_code).close()
    workspace_service.open_workspace(root, passphrase=PASSPHRASE).close()
    plain = run_cli("new-recovery-code", root, env=ENV)
    assert plain.returncode == 0 and "Nuovo codice di recupero" in plain.stdout
    wrong = run_cli("new-recovery-code", root, env={"PIPPI_PASSPHRASE": "non è questa"})
    assert wrong.returncode == 3


def test_drafts_survive_a_change_of_the_data_key(new_workspace) -> None:
    workspace = new_workspace("drafts")
    saved = draft_service.save_draft(
        workspace,
        draft_service.DraftToSave("visit", "visit:new:x", "Visita", {"notes": "appunti"}),
    )
    workspace_service.change_passphrase(workspace, NEW_PASSPHRASE, old=PASSPHRASE)
    (draft,) = draft_service.list_drafts(workspace)
    assert draft.state == {"notes": "appunti"} and draft.key == "visit:new:x"
    assert draft.draft_id != saved.draft_id  # written again under the new key
    assert draft_service.draft_id_for(workspace, "visit:new:x") == draft.draft_id
    with store_of(workspace).read() as connection:
        leftover = connection.execute(
            text("SELECT count(*) FROM workspace_meta WHERE key = 'retired_draft_keys'")
        ).scalar()
    assert leftover == 0


def test_the_gui_path_proves_the_old_passphrase_first(new_workspace) -> None:
    workspace = new_workspace("gui")
    before = store_of(workspace).keyslots
    with pytest.raises(WrongPassphrase):
        workspace_service.change_passphrase(
            workspace, NEW_PASSPHRASE, old="non è quella giusta", check_old=True
        )
    with pytest.raises(WrongPassphrase):
        workspace_service.replace_recovery_code(workspace, "non è quella giusta")
    assert store_of(workspace).keyslots == before


# --- a rotation stopped between its steps -------------------------------------------------------


def _stage_rotation(workspace, *, rekey: bool) -> None:
    """Leave the folder as a kill would: the key file with both key sets, the database
    rekeyed or not; the workspace object is dropped without writing anything more."""
    root = workspace.folder
    old_key = bytes(_key_from(store_of(workspace).keyslots))
    new_key = key_wrap.new_data_key()
    upcoming = ks.KeySlots(
        store_of(workspace).keyslots.workspace_id,
        (
            ks.make_passphrase_slot(
                store_of(workspace).keyslots.workspace_id,
                new_key,
                NEW_PASSPHRASE,
                key_wrap.Argon2Params(65536, 1, 1),
            ),
            *[
                ks.reseal_recovery_slot(slot, store_of(workspace).keyslots.workspace_id, new_key)
                for slot in store_of(workspace).keyslots.of_kind(ks.RECOVERY)
            ],
        ),
    )
    staged = ks.with_pending(store_of(workspace).keyslots, upcoming, new_key)
    workspace.close()
    ks.save(root / "keyslots.json", staged, old_key)
    if rekey:
        rekey_database(root / "workspace.db", old_key, new_key)


@pytest.mark.parametrize("rekeyed", [False, True], ids=["before-rekey", "after-rekey"])
def test_a_rotation_killed_half_way_leaves_exactly_one_key_set(new_workspace, rekeyed) -> None:
    workspace = new_workspace(f"half-{rekeyed}")
    root, code = workspace.folder, workspace.recovery_code
    cs.save_record(workspace, FamilyInput(implementation="PIPPI 13"))
    _stage_rotation(workspace, rekey=rekeyed)
    assert ks.load(root / "keyslots.json")[0].pending is not None
    winner, loser = (NEW_PASSPHRASE, PASSPHRASE) if rekeyed else (PASSPHRASE, NEW_PASSPHRASE)
    with pytest.raises(WrongPassphrase):
        workspace_service.open_workspace(root, passphrase=loser)
    assert ks.load(root / "keyslots.json")[0].pending is not None  # a refusal changes nothing
    workspace_service.open_workspace(root, recovery_code=code).close()  # the code opens both
    assert ks.load(root / "keyslots.json")[0].pending is None  # ... and the file is finished
    with pytest.raises(WrongPassphrase):
        workspace_service.open_workspace(root, passphrase=loser)
    assert _family_count(root, winner) == 1
    assert (
        not (root / "workspace.db-wal").exists() or (root / "workspace.db-wal").stat().st_size == 0
    )


def test_a_damaged_database_in_the_middle_of_a_rotation_is_damage(new_workspace) -> None:
    workspace = new_workspace("dmg")
    root, code = workspace.folder, workspace.recovery_code
    _stage_rotation(workspace, rekey=False)
    (root / "workspace.db").write_bytes(b"\0" * 8192)
    with pytest.raises(WorkspaceDamaged):
        workspace_service.open_workspace(root, recovery_code=code)


def test_the_old_key_reads_nothing_left_in_the_folder(new_workspace, tmp_path) -> None:
    """After the rotation no file of the folder holds pages under the old key: the WAL (where
    `PRAGMA rekey` wrote the new pages) is folded into workspace.db and truncated."""
    workspace = new_workspace("wal")
    root = workspace.folder
    for index in range(30):
        cs.save_record(workspace, FamilyInput(implementation=f"PIPPI {index}"))
    old_key = bytes(_key_from(store_of(workspace).keyslots))
    new_slots: list[ks.KeySlots] = []

    def make_slots(key: bytes) -> ks.KeySlots:
        wid = store_of(workspace).keyslots.workspace_id
        params = key_wrap.Argon2Params(65536, 1, 1)
        made = ks.KeySlots(wid, (ks.make_passphrase_slot(wid, key, NEW_PASSPHRASE, params),))
        new_slots.append(made)
        return made

    store_of(workspace).rotate_data_key(make_slots)
    wal = root / "workspace.db-wal"
    assert not wal.exists() or wal.stat().st_size == 0
    alone = tmp_path / "alone.db"  # the main file on its own, as a thief copying it would
    shutil.copyfile(root / "workspace.db", alone)
    new_key = _key_from(new_slots[0], passphrase=NEW_PASSPHRASE)
    assert _opens(alone, new_key)
    with pytest.raises(WorkspaceDamaged):
        connect_raw(alone, old_key)
    assert _family_count_open(workspace) == 30
    workspace.close()


def _family_count_open(workspace) -> int:
    with store_of(workspace).read() as connection:
        return int(connection.execute(text("SELECT count(*) FROM families")).scalar() or 0)
