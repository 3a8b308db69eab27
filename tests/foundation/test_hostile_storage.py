"""A full disk and read-only media (issue 13, point 3), with real processes.

Disk full: the command runs under `prlimit --fsize=N`, so a write past N bytes fails with
EFBIG exactly as a full disk fails a write (SQLite says "disk I/O error"). Each command must
end with exit 5 and the one sentence that names the cause, remove its temporary files and
leave the workspace as it was. N is chosen from the sizes a run without the limit wrote.

Read-only media: a read-only bind mount of the workspace folder in a private mount namespace
(`unshare -m`, root), or `chmod` when the tests run as another user; skipped with the reason
otherwise. Reading commands work there; writing commands say the workspace is read-only.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from pippi_desktop.domain.record_inputs import FamilyInput, VisitInput
from pippi_desktop.services import casefile_service as cs
from pippi_desktop.services import casefile_view, trust_service
from pippi_desktop.services.workspace_service import create_workspace, open_workspace
from pippi_desktop.storage import keyslots as ks
from tests.conftest import NEW_PASSPHRASE, PASSPHRASE, CliResult, run_cli, tree_hashes

ENV = {"PIPPI_PASSPHRASE": PASSPHRASE}
FULL_IT = "Il disco è pieno"
FULL_EN = "The disk is full"
READ_ONLY_IT = "supporto di sola lettura"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX rlimits and mounts")


def _limited(limit: int, *args: str | Path, env: dict[str, str] | None = None) -> CliResult:
    if shutil.which("prlimit") is None:
        pytest.skip("prlimit (util-linux) is not installed: no way to simulate a full disk")
    completed = subprocess.run(
        ["prlimit", f"--fsize={limit}", sys.executable, "-m", "pippi_desktop", *map(str, args)],
        env={**os.environ, **(env or {})},
        input="",
        capture_output=True,
        text=True,
        timeout=300,
    )
    return CliResult(completed.returncode, completed.stdout, completed.stderr)


def _temporaries(*folders: Path) -> list[str]:
    found = []
    for folder in folders:
        for path in folder.rglob("*"):
            name = path.name
            if name.endswith(".tmp") or (name.startswith(".") and ".db" in name):
                found.append(str(path))
    return found


def _families(workspace, count: int, *, words: int = 60) -> None:
    with cs.unit_of_work(workspace) as uow:
        for index in range(count):
            family = uow.create(FamilyInput(implementation="PIPPI 13"))
            uow.create(
                VisitInput(
                    family_id=family,
                    date="2026-10-01",
                    place="casa",
                    notes=" ".join(f"parola{index}x{n}" for n in range(words)),
                )
            )


def _disk_full(result: CliResult) -> None:
    assert result.returncode == 5, result.stdout + result.stderr
    assert FULL_IT in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and "imprevisto" not in result.stderr


@pytest.fixture(scope="module")
def field(tmp_path_factory) -> dict:
    """An educator with data (a database bigger than the limits below) and its office."""
    root = tmp_path_factory.mktemp("full")
    office = create_workspace(
        root / "office.pippiws", role="office", name="U", passphrase=PASSPHRASE
    )
    educator = create_workspace(
        root / "edu.pippiws", role="educator", name="E", passphrase=PASSPHRASE
    )
    with office.workspace as o, educator.workspace as e:
        card = trust_service.export_office_card(o, root / "office.card")
        trust_service.trust_office(e, card.path, card.fingerprint)
        device = trust_service.export_device_card(e, root / "device.card")
        trust_service.register_device(o, device.path, device.fingerprint, educator="Anna")
        _families(e, 150)
        family = casefile_view.list_families(e)[0]
    return {
        "root": root,
        "office": root / "office.pippiws",
        "educator": root / "edu.pippiws",
        "family": family.code,
    }


def _copy(field: dict, name: str, tmp_path: Path) -> Path:
    target = tmp_path / f"{name}.pippiws"
    shutil.copytree(field[name], target)
    return target


def test_backup_on_a_full_disk(field, tmp_path: Path) -> None:
    educator = _copy(field, "educator", tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    before = tree_hashes(educator)
    limit = (educator / "workspace.db").stat().st_size // 2
    result = _limited(limit, "backup", educator, "-o", out / "b.pippibak", env=ENV)
    _disk_full(result)
    assert list(out.iterdir()) == []  # neither the backup nor its scratch copy
    assert _temporaries(educator) == []
    assert tree_hashes(educator) == before
    english = _limited(limit, "--lang", "en", "backup", educator, "-o", out / "b.pippibak", env=ENV)
    assert english.returncode == 5 and FULL_EN in english.stderr


def test_export_bundle_on_a_full_disk(field, tmp_path: Path) -> None:
    educator = _copy(field, "educator", tmp_path)
    probe = _copy(field, "educator", tmp_path / "probe")
    made = run_cli("export-bundle", probe, "--json", env=ENV)
    assert made.returncode == 0, made.stderr
    size = Path(json.loads(made.stdout)["file"]).stat().st_size
    assert size > 64 * 1024, (
        "the bundle must be bigger than the limit for this test to mean anything"
    )
    before = tree_hashes(educator)
    result = _limited(size // 2, "export-bundle", educator, env=ENV)
    _disk_full(result)
    assert list((educator / "outbox").iterdir()) == []  # nothing that could be sent by mistake
    assert tree_hashes(educator) == before
    again = run_cli("export-bundle", educator, "--json", env=ENV)  # and the same bundle works later
    assert again.returncode == 0 and json.loads(again.stdout)["seq"] == 1


def test_import_bundle_on_a_full_disk(field, tmp_path: Path) -> None:
    office = _copy(field, "office", tmp_path)
    educator = _copy(field, "educator", tmp_path)
    made = run_cli("export-bundle", educator, "--json", env=ENV)
    bundle = Path(json.loads(made.stdout)["file"])
    before = tree_hashes(office)
    result = _limited(bundle.stat().st_size // 2, "import-bundle", office, bundle, env=ENV)
    _disk_full(result)
    assert tree_hashes(office) == before
    assert _temporaries(office) == []
    done = run_cli("import-bundle", office, bundle, "--json", env=ENV)
    assert done.returncode == 0 and json.loads(done.stdout)[0]["status"] == "applied"


def test_print_sheet_on_a_full_disk(field, tmp_path: Path) -> None:
    educator = _copy(field, "educator", tmp_path)
    probe = tmp_path / "probe.pdf"
    args = ("print-sheet", educator, "--family", field["family"], "--kind", "report")
    assert run_cli(*args, "-o", probe, env=ENV).returncode == 0
    # SQLite sizes its -shm file to 32 KiB: the limit must leave room for that
    limit = 36 * 1024
    assert probe.stat().st_size > limit + 4096, "the PDF must be bigger than the limit"
    out = tmp_path / "out"
    out.mkdir()
    before = tree_hashes(educator)
    result = _limited(limit, *args, "-o", out / "r.pdf", env=ENV)
    _disk_full(result)
    assert list(out.iterdir()) == []
    assert tree_hashes(educator) == before


def test_rekey_on_a_full_disk_keeps_the_old_key(field, tmp_path: Path) -> None:
    """The WAL that `PRAGMA rekey` fills is a little bigger than the database: a limit just
    above the database's size stops the rekey (which SQLCipher does not report by itself)."""
    educator = _copy(field, "educator", tmp_path)
    before = tree_hashes(educator)
    limit = (educator / "workspace.db").stat().st_size + 1024
    env = {**ENV, "PIPPI_NEW_PASSPHRASE": NEW_PASSPHRASE}
    result = _limited(limit, "change-passphrase", educator, env=env)
    _disk_full(result)
    assert tree_hashes(educator) == before
    assert ks.load(educator / "keyslots.json")[0].pending is None
    open_workspace(educator, passphrase=PASSPHRASE).close()
    assert run_cli("info", educator, env={"PIPPI_PASSPHRASE": NEW_PASSPHRASE}).returncode == 3


# --- read-only media -----------------------------------------------------------------------------


def _can_bind_read_only(tmp_path: Path) -> str | None:
    if shutil.which("unshare") is None:
        return "unshare is not installed"
    probe = tmp_path / "probe"
    probe.mkdir()
    script = f"mount --bind {shlex.quote(str(probe))} {shlex.quote(str(probe))} && mount -o remount,ro,bind {shlex.quote(str(probe))} && ! touch {shlex.quote(str(probe / 'x'))} 2>/dev/null"
    done = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, timeout=30)
    return None if done.returncode == 0 else "no read-only bind mount here (needs root)"


def _read_only(path: Path, *args: str | Path, env: dict[str, str]) -> CliResult:
    """Run the command with `path` mounted read-only for that process only."""
    quoted = shlex.quote(str(path))
    command = " ".join(
        shlex.quote(str(part)) for part in (sys.executable, "-m", "pippi_desktop", *args)
    )
    script = (
        f"mount --bind {quoted} {quoted} && mount -o remount,ro,bind {quoted} && exec {command}"
    )
    completed = subprocess.run(
        ["unshare", "-m", "sh", "-c", script],
        env={**os.environ, **env},
        input="",
        capture_output=True,
        text=True,
        timeout=300,
    )
    return CliResult(completed.returncode, completed.stdout, completed.stderr)


@pytest.fixture
def read_only_runner(tmp_path: Path):
    if os.geteuid() != 0:

        def with_chmod(path: Path, *args: str | Path, env: dict[str, str]) -> CliResult:
            modes = {p: p.stat().st_mode for p in [path, *path.rglob("*")]}
            for p in modes:
                p.chmod(stat.S_IMODE(modes[p]) & ~0o222)
            try:
                return run_cli(*args, env=env)
            finally:
                for p, mode in modes.items():
                    p.chmod(stat.S_IMODE(mode))

        return with_chmod
    reason = _can_bind_read_only(tmp_path)
    if reason is not None:
        print(f"read-only media tests skipped: {reason}")
        pytest.skip(reason)
    return _read_only


def test_reading_commands_work_on_read_only_media(field, tmp_path: Path, read_only_runner) -> None:
    educator = _copy(field, "educator", tmp_path)
    before = tree_hashes(educator)
    family = field["family"]
    out = tmp_path / "out"
    out.mkdir()
    for args in (
        ("info", educator, "--json"),
        ("families", educator),
        ("family", educator, family),
        ("export-data", educator, "-o", out / "dati.json"),
        ("print-sheet", educator, "--family", family, "--kind", "session", "-o", out / "s.pdf"),
        ("verify", educator),
        ("backup", educator, "-o", out / "rescue.pippibak"),
    ):
        result = read_only_runner(educator, *args, env=ENV)
        assert result.returncode == 0, (args[0], result.stdout + result.stderr)
    assert {p.name for p in out.iterdir()} == {"dati.json", "s.pdf", "rescue.pippibak"}
    assert tree_hashes(educator) == before
    restored = run_cli("restore", out / "rescue.pippibak", tmp_path / "r.pippiws", env=ENV)
    assert restored.returncode == 0, restored.stderr


def test_writing_commands_say_the_media_is_read_only(
    field, tmp_path: Path, read_only_runner
) -> None:
    educator = _copy(field, "educator", tmp_path)
    before = tree_hashes(educator)
    env = {**ENV, "PIPPI_NEW_PASSPHRASE": NEW_PASSPHRASE}
    for args in (
        ("change-passphrase", educator),
        ("export-bundle", educator),
        ("new-recovery-code", educator),
    ):
        result = read_only_runner(educator, *args, env=env)
        assert result.returncode == 5, (args[0], result.stdout + result.stderr)
        assert READ_ONLY_IT in result.stderr and "Traceback" not in result.stderr
    into = read_only_runner(educator, "backup", educator, "-o", educator / "b.pippibak", env=ENV)
    assert into.returncode == 5 and READ_ONLY_IT in into.stderr, into.stderr
    assert tree_hashes(educator) == before


def test_a_bundle_for_a_read_only_stick_leaves_nothing_behind(
    field, tmp_path: Path, read_only_runner
) -> None:
    """The outbox copy is written, the copy to the stick fails, and removing the (absent)
    copy on the stick fails too: the first error is the one shown, the outbox is emptied."""
    educator = _copy(field, "educator", tmp_path)
    stick = tmp_path / "chiavetta"
    stick.mkdir()
    before = tree_hashes(educator)
    result = read_only_runner(stick, "export-bundle", educator, "-o", stick, env=ENV)
    assert result.returncode == 5, result.stdout + result.stderr
    assert "La destinazione" in result.stderr and "Traceback" not in result.stderr
    assert list((educator / "outbox").iterdir()) == [] and list(stick.iterdir()) == []
    assert tree_hashes(educator) == before


def test_an_unclean_workspace_on_read_only_media_says_so(
    field, tmp_path: Path, read_only_runner
) -> None:
    educator = _copy(field, "educator", tmp_path)
    (educator / "workspace.db-wal").write_bytes(b"\0" * 100)  # what a crash would leave
    result = read_only_runner(educator, "info", educator, env=ENV)
    assert result.returncode == 5 and "non è stata chiusa correttamente" in result.stderr


# --- permissions, secrets ------------------------------------------------------------------------


def test_opening_tightens_loose_permissions_and_logs_it(new_workspace, tmp_path: Path) -> None:
    workspace = new_workspace("perm")
    root = workspace.folder
    workspace.close()
    for path in [root, *root.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    assert run_cli("info", root, env=ENV).returncode == 0
    for path in [root, *root.rglob("*")]:
        expected = 0o700 if path.is_dir() else 0o600
        assert stat.S_IMODE(path.stat().st_mode) == expected, path
    log = (root / "logs" / "pippi.log").read_text()
    assert "permissions tightened to owner-only" in log
    assert str(root) not in log and root.name not in log


def test_a_secret_longer_than_4_kib_ends_the_command_at_once(
    made_root: Path, tmp_path: Path
) -> None:
    zero = run_cli("info", made_root, "--passphrase-file", "/dev/zero")
    assert zero.returncode == 2 and "4096" in zero.stderr
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (200 << 20))  # the 200 MB file
    assert run_cli("info", made_root, "--passphrase-file", big).returncode == 2
    assert run_cli("info", made_root, env={"PIPPI_PASSPHRASE": "x" * 5000}).returncode == 2
    code = run_cli(
        "recover",
        made_root,
        "--recovery-code-file",
        "/dev/zero",
        env={"PIPPI_NEW_PASSPHRASE": NEW_PASSPHRASE},
    )
    assert code.returncode == 2
    exactly = tmp_path / "exact.txt"
    exactly.write_text("a" * 4096 + "\n")
    assert run_cli("info", made_root, "--passphrase-file", exactly).returncode == 3  # read, wrong


@pytest.fixture
def made_root(new_workspace) -> Path:
    workspace = new_workspace("secret")
    workspace.close()
    return workspace.folder
