"""Backups that cannot be forged (issue 13, point 2): a keyed seal over header and database.

The attack of the issue: flip a byte of the database part and recompute the header's SHA-256
(which is not keyed). `restore` must refuse it with exit 4 and leave no folder behind. Each
test builds the altered file by hand from a real backup written by the real command.
"""

from __future__ import annotations

import hashlib
import json
import struct
from pathlib import Path

import pytest

from pippi_desktop.domain.record_inputs import FamilyInput
from pippi_desktop.services import casefile_service as cs
from pippi_desktop.storage.backup import SEAL_BYTES
from tests.conftest import PASSPHRASE, run_cli

ENV = {"PIPPI_PASSPHRASE": PASSPHRASE}
PREFIX = struct.Struct(">8sBI")


@pytest.fixture(scope="module")
def backup(tmp_path_factory) -> Path:
    from pippi_desktop.services.workspace_service import create_workspace

    root = tmp_path_factory.mktemp("seal")
    created = create_workspace(
        root / "ws.pippiws", role="educator", name="S", passphrase=PASSPHRASE
    )
    with created.workspace as workspace:
        for index in range(5):
            cs.save_record(workspace, FamilyInput(implementation=f"PIPPI {index}"))
    out = root / "b.pippibak"
    result = run_cli("backup", root / "ws.pippiws", "-o", out, env=ENV)
    assert result.returncode == 0, result.stderr
    return out


def _split(data: bytes) -> tuple[int, dict, bytes, bytes]:
    _magic, version, length = PREFIX.unpack_from(data)
    header = json.loads(data[PREFIX.size : PREFIX.size + length])
    body = data[PREFIX.size + length :]
    return version, header, body, data[PREFIX.size : PREFIX.size + length]


def _join(version: int, header: dict, database: bytes, seal: bytes) -> bytes:
    raw = json.dumps(header, sort_keys=True).encode()
    return PREFIX.pack(b"PIPPIBAK", version, len(raw)) + raw + database + seal


def _restore(file: Path, target: Path, *extra: str):
    before = sorted(p.name for p in target.parent.iterdir())
    result = run_cli("restore", file, target, *extra, env=ENV)
    after = sorted(p.name for p in target.parent.iterdir())
    return result, before, after


def _flip(data: bytes, position: int) -> bytes:
    changed = bytearray(data)
    changed[position] ^= 0x01
    return bytes(changed)


def test_the_untouched_backup_restores(backup: Path, tmp_path: Path) -> None:
    """The control: the splitting and joining below gives back a file that restores."""
    version, header, body, _raw = _split(backup.read_bytes())
    assert version == 2
    copy = tmp_path / "same.pippibak"
    copy.write_bytes(_join(2, header, body[:-SEAL_BYTES], body[-SEAL_BYTES:]))
    result, _before, _after = _restore(copy, tmp_path / "ok.pippiws")
    assert result.returncode == 0, result.stderr


def _tampered_database(backup: Path) -> tuple[dict, bytes, bytes]:
    _version, header, body, _raw = _split(backup.read_bytes())
    database, seal = body[:-SEAL_BYTES], body[-SEAL_BYTES:]
    database = _flip(database, len(database) // 2)
    header["db_sha256"] = hashlib.sha256(database).hexdigest()  # the unkeyed digest, redone
    return header, database, seal


@pytest.mark.parametrize("lang", ["it", "en"])
def test_a_flipped_database_byte_with_a_recomputed_digest_is_refused(
    backup: Path, tmp_path: Path, lang: str
) -> None:
    header, database, seal = _tampered_database(backup)
    forged = tmp_path / "forged.pippibak"
    forged.write_bytes(_join(2, header, database, seal))
    result, before, after = _restore(forged, tmp_path / "r.pippiws", "--lang", lang)
    assert result.returncode == 4, result.stdout + result.stderr
    expected = "sigillo non corrisponde" if lang == "it" else "seal does not match"
    assert expected in result.stderr and "Traceback" not in result.stderr
    assert after == before  # no folder, no staging left over


def test_an_edited_header_or_a_cut_seal_is_refused(backup: Path, tmp_path: Path) -> None:
    _version, header, body, _raw = _split(backup.read_bytes())
    database, seal = body[:-SEAL_BYTES], body[-SEAL_BYTES:]
    cases = {
        "schema": _join(2, {**header, "schema_version": 1}, database, seal),
        "created": _join(2, {**header, "created_at": "2020-01-01T00:00:00+00:00"}, database, seal),
        "seal-cut": _join(2, header, database, seal[:-1]),
        "seal-flipped": _join(2, header, database, _flip(seal, 0)),
        "trailing-bytes": _join(2, header, database, seal + b"x"),
    }
    for name, content in cases.items():
        file = tmp_path / f"{name}.pippibak"
        file.write_bytes(content)
        result, before, after = _restore(file, tmp_path / f"{name}.pippiws")
        assert result.returncode == 4, name
        assert after == before, name


def test_an_old_format_backup_needs_to_be_asked_for_and_is_checked(
    backup: Path, tmp_path: Path
) -> None:
    """Format 1 (before issue 13) has no seal: refused unless --accept-old-format, and then
    kept only when SQLCipher's keyed HMAC of every page holds."""
    _version, header, body, _raw = _split(backup.read_bytes())
    old = tmp_path / "old.pippibak"
    old.write_bytes(_join(1, header, body[:-SEAL_BYTES], b""))
    refused, before, after = _restore(old, tmp_path / "a.pippiws")
    assert refused.returncode == 4 and "--accept-old-format" in refused.stderr
    assert after == before
    accepted, _before, _after = _restore(old, tmp_path / "b.pippiws", "--accept-old-format")
    assert accepted.returncode == 0, accepted.stderr
    assert run_cli("verify", tmp_path / "b.pippiws", env=ENV).returncode == 0

    header, database, _seal = _tampered_database(backup)
    forged_old = tmp_path / "forged-old.pippibak"
    forged_old.write_bytes(_join(1, header, database, b""))
    result, before, after = _restore(forged_old, tmp_path / "c.pippiws", "--accept-old-format")
    assert result.returncode == 4, result.stdout + result.stderr
    assert after == before
