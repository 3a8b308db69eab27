"""Escrow said plainly, and office keys that can change (issue 13, point 8), end to end.

`rotate-office-keys` gives the office a new exchange key and a new card. Laptops that have
not moved keep sending to the old key and the office still imports them (it keeps its old
private keys); a laptop moves with the new card (today `trust-office` with the new
fingerprint; later the office → laptop bundle of issue 14): its escrow slot is sealed to the
new key and its bundle numbers go on. Every step is a real subprocess on real files.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pippi_desktop.storage import keyslots as ks
from pippi_desktop.sync.envelope import read_header
from tests.conftest import NEW_PASSPHRASE, PASSPHRASE, run_cli

ENV = {"PIPPI_PASSPHRASE": PASSPHRASE}


def ok(*args, env=ENV) -> str:
    result = run_cli(*args, env=env)
    assert result.returncode == 0, f"{args}: {result.stdout}{result.stderr}"
    return result.stdout


def ok_json(*args, env=ENV):
    return json.loads(ok(*args, "--json", env=env))


def _escrow_key_ids(root: Path) -> list[str]:
    slots, _ = ks.load(root / "keyslots.json")
    return [str(slot.kdf["office_key_id"]) for slot in slots.of_kind(ks.ESCROW)]


def _recipient(bundle: str | Path) -> str:
    return read_header(Path(bundle).read_bytes()).recipient_key_id


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("office-keys")
    paths = {name: root / f"{name}.pippiws" for name in ("office", "anna", "bruno")}
    ok("init", paths["office"], "--role", "office", "--name", "Ambito 3")
    for name in ("anna", "bruno"):
        ok("init", paths[name], "--role", "educator", "--name", name)
        ok("demo-data", paths[name], "--families", "1", "--seed", str(len(name)))
    card = ok_json("office-card", paths["office"], "-o", root / "office.card")
    for name in ("anna", "bruno"):
        trusted = ok(
            "trust-office", paths[name], root / "office.card", "--fingerprint", card["fingerprint"]
        )
        assert "l'ufficio può riaprire questi dati in qualsiasi momento" in trusted
        device = ok_json("device-card", paths[name], "-o", root / f"{name}.card")
        ok(
            "register-device",
            paths["office"],
            root / f"{name}.card",
            "--fingerprint",
            device["fingerprint"],
            "--educator",
            name.title(),
        )
    paths["root"] = root
    paths["old_key"] = Path(_escrow_key_ids(paths["anna"])[0])
    return paths


def test_trust_office_says_plainly_that_the_office_can_reopen_the_data(world, tmp_path) -> None:
    english = run_cli("init", tmp_path / "e.pippiws", "--role", "educator", "--name", "E", env=ENV)
    assert english.returncode == 0
    card = ok_json("office-card", world["office"], "-o", tmp_path / "c.card")
    said = ok(
        "--lang",
        "en",
        "trust-office",
        tmp_path / "e.pippiws",
        tmp_path / "c.card",
        "--fingerprint",
        card["fingerprint"],
    )
    assert "the office can reopen this data at any time, without your passphrase" in said
    assert "any backup made from today on" in said


def test_rotated_office_keys_keep_old_bundles_importable_and_laptops_move(world) -> None:
    root, office, anna, bruno = world["root"], world["office"], world["anna"], world["bruno"]
    old_key = str(world["old_key"])
    before_rotation = ok_json("export-bundle", anna)["file"]
    assert _recipient(before_rotation) == old_key

    rotation = ok_json("rotate-office-keys", office, "-o", root / "office-2.card")
    assert set(rotation) >= {"fingerprint", "office_id", "key_id", "retired_key_ids"}
    assert rotation["key_id"] != old_key and old_key in rotation["retired_key_ids"]
    assert (root / "office-2.card").stat().st_mode & 0o077 == 0
    exists = run_cli("rotate-office-keys", office, "-o", root / "office-2.card", env=ENV)
    assert exists.returncode == 4  # the card file is never overwritten
    wrong_role = run_cli("rotate-office-keys", anna, "-o", root / "x.card", env=ENV)
    assert wrong_role.returncode == 5 and not (root / "x.card").exists()

    # a bundle sealed to the old key, and one written after the rotation by a laptop that
    # has not moved yet: both import
    ok("demo-data", bruno, "--families", "1", "--seed", "99")
    bruno_old = ok_json("export-bundle", bruno)["file"]
    assert _recipient(bruno_old) == old_key
    imported = ok_json("import-bundle", office, before_rotation, bruno_old)
    assert [item["status"] for item in imported] == ["applied", "applied"]

    # anna moves to the new key: in person, comparing the new fingerprint
    moved = ok(
        "trust-office", anna, root / "office-2.card", "--fingerprint", rotation["fingerprint"]
    )
    assert "ha una nuova chiave" in moved
    assert _escrow_key_ids(anna) == [rotation["key_id"]]
    ok("demo-data", anna, "--families", "1", "--seed", "5")
    after = ok_json("export-bundle", anna)
    assert after["seq"] == 2  # the numbering goes on across the office's keys
    assert _recipient(after["file"]) == rotation["key_id"]
    (item,) = ok_json("import-bundle", office, after["file"])
    assert item["status"] == "applied" and item["missing_seqs"] == []

    # escrow: the office opens anna's slot (new key) and bruno's (still the old key)
    lost = {"PIPPI_OFFICE_PASSPHRASE": PASSPHRASE, "PIPPI_NEW_PASSPHRASE": NEW_PASSPHRASE}
    for laptop in (anna, bruno):
        ok("recover-escrow", laptop, "--office", office, env=lost)
        assert run_cli("info", laptop, env={"PIPPI_PASSPHRASE": NEW_PASSPHRASE}).returncode == 0


def test_the_escrow_slot_follows_the_laptops_own_key_changes(world, tmp_path) -> None:
    """After a passphrase change (new data key) the office can still reopen the laptop."""
    laptop = tmp_path / "c.pippiws"
    ok("init", laptop, "--role", "educator", "--name", "C")
    card = ok_json("office-card", world["office"], "-o", tmp_path / "c.card")
    ok("trust-office", laptop, tmp_path / "c.card", "--fingerprint", card["fingerprint"])
    ok("change-passphrase", laptop, env={**ENV, "PIPPI_NEW_PASSPHRASE": NEW_PASSPHRASE})
    assert len(_escrow_key_ids(laptop)) == 1
    lost = {"PIPPI_OFFICE_PASSPHRASE": PASSPHRASE, "PIPPI_NEW_PASSPHRASE": "un'altra frase lunga"}
    ok("recover-escrow", laptop, "--office", world["office"], env=lost)
    assert run_cli("info", laptop, env={"PIPPI_PASSPHRASE": "un'altra frase lunga"}).returncode == 0
