"""The command-line contract of issue 3, run as real subprocesses, bad input included."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import (
    NEW_PASSPHRASE,
    PASSPHRASE,
    log_grew_only,
    log_snapshot,
    run_cli,
    tree_hashes,
)

ENV = {"PIPPI_PASSPHRASE": PASSPHRASE}


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> tuple[Path, str]:
    """One workspace made by `init --json`, its recovery code; tests copy it before harm."""
    root = tmp_path_factory.mktemp("cli") / "base.pippiws"
    result = run_cli("init", root, "--role", "educator", "--name", "Coop Aurora", "--json", env=ENV)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) >= {"workspace_id", "device_id", "role", "name", "recovery_code"}
    assert data["role"] == "educator" and data["name"] == "Coop Aurora"
    return root, data["recovery_code"]


def _copy(made_root: Path, tmp_path: Path) -> Path:
    import shutil

    target = tmp_path / "copy.pippiws"
    shutil.copytree(made_root, target)
    return target


def test_info_json_has_the_contract_keys_and_no_secret(made, tmp_path) -> None:
    root, code = made
    result = run_cli("info", root, "--json", env=ENV)
    assert result.returncode == 0, result.stderr
    info = json.loads(result.stdout)
    for key in (
        "role",
        "name",
        "workspace_id",
        "device_id",
        "schema_version",
        "app_version",
        "kdf",
    ):
        assert key in info
    assert set(info["kdf"]) >= {"algorithm", "memory_kib", "iterations", "parallelism"}
    assert info["kdf"]["algorithm"] == "argon2id"
    assert code not in result.stdout and PASSPHRASE not in result.stdout
    assert "salt" not in result.stdout and "wrapped" not in result.stdout


def test_passphrase_sources_file_env_and_none(made, tmp_path) -> None:
    root, _ = made
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\nseconda riga ignorata\n")
    assert run_cli("info", root, "--passphrase-file", secret).returncode == 0
    no_source = run_cli("info", root)
    assert no_source.returncode == 2
    assert "--passphrase-file" in no_source.stderr and "PIPPI_PASSPHRASE" in no_source.stderr


def test_english_messages(made) -> None:
    root, _ = made
    wrong = {"PIPPI_PASSPHRASE": "questa non va bene"}
    italian = run_cli("info", root, env=wrong)
    english = run_cli("info", root, "--lang", "en", env=wrong)
    by_env = run_cli("info", root, env={**wrong, "PIPPI_LANG": "en"})
    assert italian.returncode == english.returncode == by_env.returncode == 3
    assert "passphrase non è corretta" in italian.stderr
    assert "passphrase is not correct" in english.stderr
    assert english.stderr == by_env.stderr


def test_change_passphrase_then_recover(made, tmp_path) -> None:
    root, code = made
    ws = _copy(root, tmp_path)
    changed = run_cli("change-passphrase", ws, env={**ENV, "PIPPI_NEW_PASSPHRASE": NEW_PASSPHRASE})
    assert changed.returncode == 0, changed.stderr
    assert run_cli("info", ws, env=ENV).returncode == 3
    assert run_cli("info", ws, env={"PIPPI_PASSPHRASE": NEW_PASSPHRASE}).returncode == 0
    code_file = tmp_path / "code.txt"
    code_file.write_text(code.lower() + "\n")
    new_file = tmp_path / "new.txt"
    new_file.write_text("terza passphrase molto lunga\n")
    recovered = run_cli(
        "recover", ws, "--recovery-code-file", code_file, "--new-passphrase-file", new_file
    )
    assert recovered.returncode == 0, recovered.stderr
    assert (
        run_cli("info", ws, env={"PIPPI_PASSPHRASE": "terza passphrase molto lunga"}).returncode
        == 0
    )


def test_backup_restore_verify(made, tmp_path) -> None:
    root, _ = made
    backup = tmp_path / "ws.pippibak"
    assert run_cli("backup", root, "-o", backup, env=ENV).returncode == 0
    restored = tmp_path / "restored.pippiws"
    result = run_cli("restore", backup, restored, env=ENV)
    assert result.returncode == 0, result.stderr
    before = json.loads(run_cli("info", root, "--json", env=ENV).stdout)
    after = json.loads(run_cli("info", restored, "--json", env=ENV).stdout)
    assert after["workspace_id"] == before["workspace_id"]
    assert after["device_id"] != before["device_id"]
    verify = run_cli("verify", restored, "--json", env=ENV)
    assert verify.returncode == 0, verify.stdout
    report = json.loads(verify.stdout)
    assert report["ok"] is True
    assert {c["name"] for c in report["checks"]} >= {
        "key_slots",
        "cipher_integrity",
        "quick_check",
        "schema",
        "audit_chain",
        "change_log",
    }


# --- bad input: exit code, one clear sentence, every file byte for byte unchanged -------------


def _flip(path: Path, offset: int) -> None:
    raw = bytearray(path.read_bytes())
    raw[offset] ^= 0x5A
    path.write_bytes(bytes(raw))


def _truncate(path: Path, size: int) -> None:
    path.write_bytes(path.read_bytes()[:size])


BAD_CASES = {
    # name: (prepare(ws, tmp) -> argv, env, exit code, words in the message)
    "missing path": (lambda ws, tmp: ["info", tmp / "nowhere.pippiws"], ENV, 5, "non esiste"),
    "plain file": (lambda ws, tmp: ["info", ws / "keyslots.json"], ENV, 5, "non è un'area"),
    "unrelated folder": (lambda ws, tmp: ["info", ws / "logs"], ENV, 5, "non è un'area"),
    "keyslots truncated": (
        lambda ws, tmp: (_truncate(ws / "keyslots.json", 200), ["info", ws])[1],
        ENV,
        5,
        "keyslots.json",
    ),
    "keyslots edited": (
        lambda ws, tmp: (
            (ws / "keyslots.json").write_text(
                (ws / "keyslots.json").read_text().replace('"iterations": 1', '"iterations": 9')
            ),
            ["info", ws],
        )[1],
        ENV,
        5,
        "keyslots.json",
    ),
    "database truncated": (
        lambda ws, tmp: (_truncate(ws / "workspace.db", 100), ["info", ws])[1],
        ENV,
        5,
        "workspace.db",
    ),
    "database first page flipped": (
        lambda ws, tmp: (_flip(ws / "workspace.db", 2000), ["info", ws])[1],
        ENV,
        5,
        "workspace.db",
    ),
    "database flipped, verify": (
        lambda ws, tmp: (_flip(ws / "workspace.db", 4096 * 2 + 1000), ["verify", ws])[1],
        ENV,
        5,
        "ripristina",
    ),
    "wrong passphrase": (
        lambda ws, tmp: ["info", ws],
        {"PIPPI_PASSPHRASE": "non è lei"},
        3,
        "non è corretta",
    ),
    "wrong recovery code": (
        lambda ws, tmp: (
            (tmp / "c.txt").write_text("0000-0000-0000-0000-0000-0000-0000-0000\n"),
            ["recover", ws, "--recovery-code-file", tmp / "c.txt"],
        )[1],
        {"PIPPI_NEW_PASSPHRASE": NEW_PASSPHRASE},
        3,
        "codice di recupero",
    ),
    "weak new passphrase": (
        lambda ws, tmp: ["change-passphrase", ws],
        {**ENV, "PIPPI_NEW_PASSPHRASE": "password123"},
        4,
        "usate più spesso",
    ),
    "short new passphrase": (
        lambda ws, tmp: ["change-passphrase", ws],
        {**ENV, "PIPPI_NEW_PASSPHRASE": "corta"},
        4,
        "almeno 10 caratteri",
    ),
    "init on non-empty folder": (
        lambda ws, tmp: ["init", ws, "--role", "educator", "--name", "X"],
        ENV,
        5,
        "già un'area di lavoro",
    ),
    "restore onto existing workspace": (
        lambda ws, tmp: (
            run_cli("backup", ws, "-o", tmp / "b.pippibak", env=ENV),
            ["restore", tmp / "b.pippibak", ws],
        )[1],
        ENV,
        5,
        "già un'area di lavoro",
    ),
    "restore of a file that is not a backup": (
        lambda ws, tmp: ["restore", ws / "keyslots.json", tmp / "new.pippiws"],
        ENV,
        4,
        "non è un backup",
    ),
    "bad role": (
        lambda ws, tmp: ["init", tmp / "n.pippiws", "--role", "boss", "--name", "X"],
        ENV,
        2,
        "valore non ammesso",
    ),
    "unknown command": (lambda ws, tmp: ["frobnicate"], ENV, 2, "valore non ammesso"),
}


@pytest.mark.parametrize("case", list(BAD_CASES), ids=list(BAD_CASES))
def test_bad_input_is_refused_and_changes_nothing(case: str, made, tmp_path: Path) -> None:
    prepare, env, code, words = BAD_CASES[case]
    root, _ = made
    ws = _copy(root, tmp_path)
    argv = prepare(ws, tmp_path)
    before, log_before = tree_hashes(ws), log_snapshot(ws)
    result = run_cli(*argv, env=env)
    assert result.returncode == code, (result.stdout, result.stderr)
    assert words in result.stderr + result.stdout
    assert "Traceback" not in result.stderr + result.stdout
    if argv[0] != "verify":  # verify reports on stdout, one line per check
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        assert len(lines) == 1, result.stderr
    assert tree_hashes(ws) == before
    assert log_grew_only(ws, log_before)
    assert not (tmp_path / "new.pippiws").exists()


def test_an_unexpected_error_is_one_sentence_exit_1_and_logged_without_its_message(
    made, tmp_path, monkeypatch, capsys
) -> None:
    """A bug inside a command: exit 1, one sentence, the log has frames but no message text."""
    from pippi_desktop.cli import main
    from pippi_desktop.services import workspace_service

    root, _ = made
    ws = _copy(root, tmp_path)

    def broken(workspace):
        raise RuntimeError("Nicolò Esposito, via Roma 3")

    monkeypatch.setattr(workspace_service, "workspace_info", broken)
    monkeypatch.setenv("PIPPI_PASSPHRASE", PASSPHRASE)
    code = main(["info", str(ws)])
    out = capsys.readouterr()
    assert code == 1
    assert out.err.strip() == (
        "Si è verificato un errore imprevisto. I dettagli sono nel registro dell'applicazione."
    )
    log = (ws / "logs" / "pippi.log").read_text()
    assert "RuntimeError" in log and "workspace_info" not in out.err
    assert "Nicolò" not in log and "via Roma" not in log
