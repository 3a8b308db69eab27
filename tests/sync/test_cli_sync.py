"""The command-line contract of issue 6, end to end: real subprocesses, real files.

Two educators and one office: trust (the fingerprint typed in any case and spacing; a wrong
one exits 4 and changes nothing), device registration, export, import, re-import, incremental
export, conflicts, revocation and escrow recovery.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import NEW_PASSPHRASE, PASSPHRASE, run_cli, tree_hashes

ENV = {"PIPPI_PASSPHRASE": PASSPHRASE}
DEVICE_KEYS = {"device_id", "educator", "revoked", "last_seq", "missing_seqs", "last_import_at"}
IMPORT_KEYS = {
    "file",
    "status",
    "reason",
    "message",
    "device_id",
    "seq",
    "created",
    "updated",
    "deleted",
    "conflicts",
}


def ok(*args, env=ENV) -> str:
    result = run_cli(*args, env=env)
    assert result.returncode == 0, f"{args}: {result.stdout}{result.stderr}"
    assert "Traceback" not in result.stderr
    return result.stdout


def ok_json(*args, env=ENV):
    return json.loads(ok(*args, "--json", env=env))


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("cli-sync")
    paths = {name: root / f"{name}.pippiws" for name in ("office", "anna", "bruno")}
    ok("init", paths["office"], "--role", "office", "--name", "Ambito Sociale 7")
    ok("init", paths["anna"], "--role", "educator", "--name", "Portatile Anna")
    ok("init", paths["bruno"], "--role", "educator", "--name", "Portatile Bruno")
    ok("demo-data", paths["anna"], "--families", "2", "--seed", "11")
    ok("demo-data", paths["bruno"], "--families", "1", "--seed", "12")
    paths["root"] = root
    return paths


def test_trust_needs_the_right_fingerprint(world) -> None:
    card = world["root"] / "office.card"
    office = ok_json("office-card", world["office"], "-o", card)
    assert set(office) == {"fingerprint", "office_id"}
    before = tree_hashes(world["anna"])
    wrong = run_cli("trust-office", world["anna"], card, "--fingerprint", "AAAA BBBB", env=ENV)
    assert wrong.returncode == 4 and "impronta" in wrong.stderr
    assert tree_hashes(world["anna"]) == before
    typed = office["fingerprint"].lower().replace(" ", "")  # as someone might type it
    assert "Ufficio di fiducia" in ok("trust-office", world["anna"], card, "--fingerprint", typed)
    spaced = "  ".join(office["fingerprint"].split()).upper()
    ok("trust-office", world["bruno"], card, "--fingerprint", spaced)
    info = ok_json("info", world["anna"])
    assert "escrow" in info["key_slots"]
    again = ok("trust-office", world["anna"], card, "--fingerprint", office["fingerprint"])
    assert "già" in again
    device_as_office = run_cli(
        "trust-office", world["anna"], world["root"] / "nothing.card", "--fingerprint", "x", env=ENV
    )
    assert device_as_office.returncode == 4


def test_the_office_registers_devices_after_comparing(world) -> None:
    for name, educator in (("anna", "Anna Bianchi"), ("bruno", "Bruno Verdi")):
        card = world["root"] / f"{name}.card"
        device = ok_json("device-card", world[name], "-o", card)
        assert set(device) == {"fingerprint", "device_id"}
        world[f"{name}_id"] = device["device_id"]  # type: ignore[assignment]
        before = tree_hashes(world["office"])
        wrong = run_cli(
            "register-device",
            world["office"],
            card,
            "--fingerprint",
            device["fingerprint"][:-1] + ("0" if device["fingerprint"][-1] != "0" else "1"),
            "--educator",
            educator,
            env=ENV,
        )
        assert wrong.returncode == 4
        assert tree_hashes(world["office"]) == before
        ok(
            "register-device",
            world["office"],
            card,
            "--fingerprint",
            device["fingerprint"].lower(),
            "--educator",
            educator,
        )
    office_card_as_device = run_cli(
        "register-device",
        world["office"],
        world["root"] / "office.card",
        "--fingerprint",
        "x",
        "--educator",
        "X",
        env=ENV,
    )
    assert office_card_as_device.returncode == 4
    assert "scheda di un dispositivo" in office_card_as_device.stderr
    devices = ok_json("devices", world["office"])
    assert len(devices) == 2 and all(set(d) >= DEVICE_KEYS for d in devices)
    assert {d["educator"] for d in devices} == {"Anna Bianchi", "Bruno Verdi"}
    assert all(d["last_seq"] is None and d["missing_seqs"] == [] for d in devices)


def test_export_import_reimport_and_incremental_export(world) -> None:
    stick = world["root"] / "usb-stick"
    stick.mkdir()
    anna = ok_json("export-bundle", world["anna"], "-o", stick)
    assert set(anna) == {"written", "file", "seq", "operations"}
    assert anna["written"] and anna["seq"] == 1 and anna["operations"] > 100
    name = Path(anna["file"]).name
    assert (
        Path(anna["file"]).parent == stick and name.startswith("pippi-") and name.endswith(".pippi")
    )
    assert "Anna" not in name and "F-" not in name
    assert (world["anna"] / "outbox" / name).read_bytes() == Path(anna["file"]).read_bytes()
    assert Path(anna["file"]).stat().st_mode & 0o777 == 0o600
    bruno = ok_json("export-bundle", world["bruno"])
    assert Path(bruno["file"]).parent == world["bruno"] / "outbox"

    dry = run_cli("import-bundle", world["office"], anna["file"], "--dry-run", env=ENV)
    assert dry.returncode == 0 and "Famiglia" in dry.stdout and "F-" in dry.stdout
    assert json.loads(ok("families", world["office"], "--json")) == []

    result = ok_json("import-bundle", world["office"], anna["file"], bruno["file"])
    assert [item["status"] for item in result] == ["applied", "applied"]
    assert all(set(item) >= IMPORT_KEYS for item in result)
    assert result[0]["device_id"] == world["anna_id"] and result[0]["seq"] == 1
    assert result[0]["created"] > 100 and result[0]["reason"] is None
    families = ok_json("families", world["office"])
    assert len(families) == 3
    assert len(list((world["office"] / "inbox").iterdir())) == 2

    before = tree_hashes(world["office"])
    again = ok_json("import-bundle", world["office"], anna["file"])
    assert again[0]["status"] == "already_imported" and "già importato" in again[0]["message"]
    assert tree_hashes(world["office"]) == before

    outbox = sorted((world["anna"] / "outbox").iterdir())
    nothing = ok_json("export-bundle", world["anna"])
    assert nothing == {"written": False, "file": None, "seq": None, "operations": 0}
    assert sorted((world["anna"] / "outbox").iterdir()) == outbox
    assert "Nessuna modifica nuova" in ok("export-bundle", world["anna"])

    code = families[0]["code"]
    ok("demo-data", world["anna"], "--families", "1", "--seed", "13")
    second = ok_json("export-bundle", world["anna"])
    assert second["seq"] == 2 and second["operations"] > 0
    (imported,) = ok_json("import-bundle", world["office"], second["file"])
    assert imported["status"] == "applied" and imported["missing_seqs"] == []
    assert len(ok_json("families", world["office"])) == 4
    devices = {d["device_id"]: d for d in ok_json("devices", world["office"])}
    assert devices[world["anna_id"]]["last_seq"] == 2
    assert devices[world["anna_id"]]["last_import_at"]
    assert ok_json("conflicts", world["office"]) == []
    assert code


def test_a_revoked_device_is_refused_and_its_data_stays(world) -> None:
    revoked = ok("revoke-device", world["office"], world["bruno_id"])
    assert "revocato" in revoked
    assert "già revocato" in ok("revoke-device", world["office"], world["bruno_id"])
    unknown = run_cli(
        "revoke-device", world["office"], "00000000-0000-4000-8000-000000000000", env=ENV
    )
    assert unknown.returncode == 4
    ok("demo-data", world["bruno"], "--families", "1", "--seed", "14")
    bundle = ok_json("export-bundle", world["bruno"])
    before = tree_hashes(world["office"])
    result = run_cli("import-bundle", world["office"], bundle["file"], "--json", env=ENV)
    assert result.returncode == 4
    (item,) = json.loads(result.stdout)
    assert item["status"] == "rejected" and item["reason"] == "revoked_device"
    assert tree_hashes(world["office"]) == before
    assert len(ok_json("families", world["office"])) == 4  # Bruno's first family stays
    devices = {d["device_id"]: d for d in ok_json("devices", world["office"])}
    assert devices[world["bruno_id"]]["revoked"] is True


def test_the_office_recovers_an_educator_workspace_through_escrow(world) -> None:
    lost = {"PIPPI_OFFICE_PASSPHRASE": PASSPHRASE, "PIPPI_NEW_PASSPHRASE": NEW_PASSPHRASE}
    wrong_office = run_cli(
        "recover-escrow",
        world["anna"],
        "--office",
        world["office"],
        env={**lost, "PIPPI_OFFICE_PASSPHRASE": "non è questa la passphrase"},
    )
    assert wrong_office.returncode == 3 and "ufficio" in wrong_office.stderr
    result = run_cli("recover-escrow", world["anna"], "--office", world["office"], env=lost)
    assert result.returncode == 0, result.stderr
    old = run_cli("info", world["anna"], env=ENV)
    assert old.returncode == 3
    info = ok_json("info", world["anna"], env={"PIPPI_PASSPHRASE": NEW_PASSPHRASE})
    assert info["device_id"] == world["anna_id"]
    # a workspace that never trusted this office cannot be opened by it
    stranger = world["root"] / "stranger.pippiws"
    ok("init", stranger, "--role", "educator", "--name", "Altro")
    refused = run_cli("recover-escrow", stranger, "--office", world["office"], env=lost)
    assert refused.returncode == 3 and "copia della chiave" in refused.stderr
    no_secret = run_cli("recover-escrow", stranger, "--office", world["office"], env={})
    assert no_secret.returncode == 2


def test_commands_refuse_the_wrong_kind_of_workspace(world) -> None:
    card = world["root"] / "x.card"
    assert run_cli("office-card", world["bruno"], "-o", card, env=ENV).returncode == 5
    assert not card.exists()
    assert run_cli("device-card", world["office"], "-o", card, env=ENV).returncode == 5
    assert run_cli("export-bundle", world["office"], env=ENV).returncode == 5
    untrusted_root = world["root"] / "untrusted.pippiws"
    ok("init", untrusted_root, "--role", "educator", "--name", "Nuovo")
    untrusted = run_cli("export-bundle", untrusted_root, env=ENV)
    assert untrusted.returncode == 5 and "trust-office" in untrusted.stderr
    english = run_cli("--lang", "en", "import-bundle", world["bruno"], card, env=ENV)
    assert english.returncode == 5 and "office workspace" in english.stderr
