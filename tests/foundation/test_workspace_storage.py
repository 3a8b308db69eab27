"""The encrypted workspace on real files: create, lock, reopen, passphrases, migrations."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import OperationalError

from pippi_desktop.domain.errors import (
    SchemaTooNew,
    TargetNotEmpty,
    WorkspaceInUse,
    WorkspaceLocked,
    WrongPassphrase,
    WrongRecoveryCode,
)
from pippi_desktop.services import workspace_service as service
from pippi_desktop.services.open_workspace import OpenWorkspace, store_of
from pippi_desktop.storage import migrate
from pippi_desktop.storage.audit import AuditEvent, verify_audit
from tests.conftest import NEW_PASSPHRASE, PASSPHRASE

CANARY = "CANARY-Nicolò-Esposito-7f3a"


def _write_canary(workspace) -> None:
    with store_of(workspace).write() as connection:
        connection.execute(
            text("INSERT INTO workspace_meta (key, value) VALUES ('canary', :v)"), {"v": CANARY}
        )


def test_create_lock_and_reopen(new_workspace, tmp_path: Path) -> None:
    workspace = new_workspace("a")
    root = workspace.folder
    _write_canary(workspace)
    identity = workspace.identity
    workspace.close()
    with pytest.raises(WorkspaceLocked):
        store_of(workspace).engine  # noqa: B018 - a locked workspace has no engine
    assert not workspace.is_open

    reopened = service.open_workspace(root, passphrase=PASSPHRASE)
    with reopened:
        assert reopened.identity == identity
        with store_of(reopened).read() as connection:
            value = connection.execute(
                text("SELECT value FROM workspace_meta WHERE key='canary'")
            ).scalar()
        assert value == CANARY


def test_private_permissions(new_workspace) -> None:
    workspace = new_workspace("p")
    root = workspace.folder
    assert oct(root.stat().st_mode & 0o777) == "0o700"
    for path in root.rglob("*"):
        expected = "0o700" if path.is_dir() else "0o600"
        assert oct(path.stat().st_mode & 0o777) == expected, path.name


def test_no_plaintext_in_database_wal_or_backup(new_workspace, tmp_path: Path) -> None:
    workspace = new_workspace("c")
    _write_canary(workspace)
    backup = tmp_path / "copy.pippibak"
    service.backup_workspace(workspace, backup)
    files = [store_of(workspace).layout.db, backup]
    wal = store_of(workspace).layout.db.with_name("workspace.db-wal")
    if wal.exists():
        files.append(wal)
    for path in files:
        raw = path.read_bytes()
        assert not raw.startswith(b"SQLite format 3"), path.name
        assert CANARY.encode() not in raw, path.name
        assert "Nicolò".encode() not in raw, path.name
    assert wal in files, "the open workspace should have a WAL to check"


def test_wrong_passphrase_changes_nothing(new_workspace) -> None:
    from tests.conftest import tree_hashes

    workspace = new_workspace("w")
    root = workspace.folder
    workspace.close()
    before = tree_hashes(root)
    with pytest.raises(WrongPassphrase):
        service.open_workspace(root, passphrase="non è questa la passphrase")
    assert tree_hashes(root) == before


def test_change_passphrase_old_fails_new_and_recovery_work(new_workspace) -> None:
    workspace = new_workspace("cp")
    root, code = workspace.folder, workspace.recovery_code
    service.change_passphrase(workspace, NEW_PASSPHRASE, old=PASSPHRASE)
    workspace.close()
    with pytest.raises(WrongPassphrase):
        service.open_workspace(root, passphrase=PASSPHRASE)
    service.open_workspace(root, passphrase=NEW_PASSPHRASE).close()
    service.open_workspace(root, recovery_code=code).close()


def test_recover_with_code_sets_a_new_passphrase(new_workspace) -> None:
    workspace = new_workspace("r")
    root, code = workspace.folder, workspace.recovery_code
    workspace.close()
    service.recover_with_code(root, code, NEW_PASSPHRASE)
    service.open_workspace(root, passphrase=NEW_PASSPHRASE).close()
    with pytest.raises(WrongPassphrase):
        service.open_workspace(root, passphrase=PASSPHRASE)
    with pytest.raises(WrongRecoveryCode):
        service.recover_with_code(
            root, code[:-1] + ("A" if code[-1] != "A" else "B"), "un altra frase lunga"
        )


def test_second_open_is_in_use_in_process_and_across_processes(new_workspace) -> None:
    workspace = new_workspace("u")
    root = workspace.folder
    with pytest.raises(WorkspaceInUse):
        service.open_workspace(root, passphrase=PASSPHRASE)
    other = subprocess.run(
        [sys.executable, "-m", "pippi_desktop", "info", str(root)],
        env={**__import__("os").environ, "PIPPI_PASSPHRASE": PASSPHRASE},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert other.returncode == 5
    assert "già aperta" in other.stderr
    workspace.close()
    service.open_workspace(root, passphrase=PASSPHRASE).close()


def test_init_refuses_a_non_empty_folder(tmp_path: Path) -> None:
    target = tmp_path / "busy"
    target.mkdir()
    (target / "tesi.docx").write_bytes(b"x")
    with pytest.raises(TargetNotEmpty):
        service.create_workspace(target, role="educator", name="x", passphrase=PASSPHRASE)
    assert [p.name for p in target.iterdir()] == ["tesi.docx"]


def test_backup_and_restore_make_a_new_incarnation(new_workspace, tmp_path: Path) -> None:
    workspace = new_workspace("b")
    _write_canary(workspace)
    old = workspace.identity
    backup = tmp_path / "b.pippibak"
    service.backup_workspace(workspace, backup)
    assert oct(backup.stat().st_mode & 0o777) == "0o600"
    restored = service.restore_workspace(
        backup, tmp_path / "restored.pippiws", passphrase=PASSPHRASE
    )
    with restored:
        new = restored.identity
        assert new.workspace_id == old.workspace_id
        assert new.device_id != old.device_id
        assert new.incarnation == old.incarnation + 1
        with store_of(restored).read() as connection:
            values = dict(connection.execute(text("SELECT key, value FROM workspace_meta")).all())
            assert values["canary"] == CANARY
            assert old.device_id in values["previous_device_ids"]
            assert verify_audit(connection) == []
    with pytest.raises(TargetNotEmpty):
        service.restore_workspace(backup, tmp_path / "restored.pippiws", passphrase=PASSPHRASE)


def test_restore_with_wrong_passphrase_writes_nothing(new_workspace, tmp_path: Path) -> None:
    workspace = new_workspace("bw")
    backup = tmp_path / "bw.pippibak"
    service.backup_workspace(workspace, backup)
    with pytest.raises(WrongPassphrase):
        service.restore_workspace(
            backup, tmp_path / "out.pippiws", passphrase="sbagliata del tutto"
        )
    assert not (tmp_path / "out.pippiws").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bw.pippibak", "bw.pippiws"]


def test_schema_too_new_refuses_and_changes_nothing(new_workspace) -> None:
    from tests.conftest import tree_hashes

    workspace = new_workspace("n")
    root = workspace.folder
    with store_of(workspace).write() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    workspace.close()
    before = tree_hashes(root)
    with pytest.raises(SchemaTooNew) as caught:
        service.open_workspace(root, passphrase=PASSPHRASE)
    assert "9999" in caught.value.message() and "Aggiorna" in caught.value.message()
    assert tree_hashes(root) == before


def _copy_migrations(tmp_path: Path, extra: str | None = None) -> Path:
    location = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, location, ignore=shutil.ignore_patterns("__pycache__"))
    if extra:
        head = migrate.head_revision()
        number = f"{int(head) + 1:04d}"
        (location / "versions" / f"{number}_broken.py").write_text(
            extra.replace("{revision}", number).replace("{down}", head)
        )
    return location


BROKEN_MIGRATION = """
import sqlalchemy as sa
from alembic import op

revision = "{revision}"
down_revision = "{down}"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("half_done", sa.Column("id", sa.Integer, primary_key=True))
    with op.batch_alter_table("workspace_meta") as batch:
        batch.add_column(sa.Column("extra", sa.Text(), nullable=True))
    op.execute("INSERT INTO no_such_table VALUES (1)")


def downgrade():
    pass
"""


def test_a_failing_migration_leaves_the_previous_schema_intact(new_workspace, tmp_path) -> None:
    workspace = new_workspace("m")
    root = workspace.folder
    workspace.close()
    location = _copy_migrations(tmp_path, BROKEN_MIGRATION)
    with pytest.raises(OperationalError, match="no_such_table"):
        service._open_store(root, passphrase=PASSPHRASE, script_location=location)
    reopened = service.open_workspace(root, passphrase=PASSPHRASE)
    with reopened, store_of(reopened).read() as connection:
        inspector = inspect(connection)
        assert not inspector.has_table("half_done")
        assert "extra" not in {c["name"] for c in inspector.get_columns("workspace_meta")}
        assert migrate.current_revision(connection) == migrate.head_revision()
    # a backup was taken before trying
    assert list((root / "backups").glob("pre-upgrade-*.pippibak"))


GOOD_MIGRATION = BROKEN_MIGRATION.replace(
    '    op.execute("INSERT INTO no_such_table VALUES (1)")\n', ""
).replace(
    "def downgrade():\n    pass",
    """def downgrade():
    with op.batch_alter_table("workspace_meta") as batch:
        batch.drop_column("extra")
    op.drop_table("half_done")""",
)


def test_migrations_upgrade_with_a_backup_and_downgrade(new_workspace, tmp_path) -> None:
    workspace = new_workspace("g")
    root = workspace.folder
    _write_canary(workspace)
    workspace.close()
    location = _copy_migrations(tmp_path, GOOD_MIGRATION)
    upgraded = OpenWorkspace(
        service._open_store(root, passphrase=PASSPHRASE, script_location=location)
    )
    with upgraded:
        with store_of(upgraded).read() as connection:
            assert inspect(connection).has_table("half_done")
            assert migrate.current_revision(connection) == migrate.head_revision(location)
        backups = list((root / "backups").glob("pre-upgrade-*.pippibak"))
        assert len(backups) == 1
        migrate.downgrade(
            store_of(upgraded).engine, migrate.head_revision(), script_location=location
        )
        with store_of(upgraded).read() as connection:
            assert not inspect(connection).has_table("half_done")
            assert (
                connection.execute(
                    text("SELECT value FROM workspace_meta WHERE key='canary'")
                ).scalar()
                == CANARY
            )


def test_head_matches_alembic_and_the_chain_is_linear() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(migrate.MIGRATIONS_DIR))
    scripts = ScriptDirectory.from_config(config)
    assert scripts.get_heads() == [migrate.head_revision()]
    chain = [rev.revision for rev in scripts.walk_revisions()][::-1]
    assert tuple(chain) == migrate.known_revisions()


def test_audit_chain_detects_edits_and_removals(new_workspace) -> None:
    workspace = new_workspace("au")
    with store_of(workspace).write() as connection:
        store_of(workspace).audit(
            connection, *(AuditEvent("test", "thing", str(i)) for i in range(5))
        )
    with store_of(workspace).read() as connection:
        assert verify_audit(connection) == []
    with store_of(workspace).write() as connection:
        connection.execute(text("UPDATE audit_log SET action='other' WHERE seq=3"))
    with store_of(workspace).read() as connection:
        assert "edited_entry:3" in verify_audit(connection)
    with store_of(workspace).write() as connection:
        connection.execute(text("UPDATE audit_log SET action='test' WHERE seq=3"))
        connection.execute(text("DELETE FROM audit_log WHERE seq=4"))
    with store_of(workspace).read() as connection:
        problems = verify_audit(connection)
    assert "missing_entry:4" in problems
    with store_of(workspace).write() as connection:
        connection.execute(text("DELETE FROM audit_log WHERE seq>=4"))
    with store_of(workspace).read() as connection:
        assert verify_audit(connection) == ["truncated_tail"]


@pytest.mark.slow
def test_the_default_kdf_cost_works(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("PIPPI_KDF_MEMORY_KIB")
    monkeypatch.delenv("PIPPI_KDF_ITERATIONS")
    created = service.create_workspace(
        tmp_path / "d.pippiws", role="office", name="Ambito", passphrase=PASSPHRASE
    )
    with created.workspace as workspace:
        info = service.workspace_info(workspace)
    assert info["kdf"] == {
        "algorithm": "argon2id",
        "memory_kib": 262144,
        "iterations": 3,
        "parallelism": 4,
    }
    service.open_workspace(tmp_path / "d.pippiws", passphrase=PASSPHRASE).close()
