"""Key slots and recovery codes, on their own."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pippi_desktop.domain.errors import WorkspaceDamaged, WrongPassphrase, WrongRecoveryCode
from pippi_desktop.storage import key_wrap
from pippi_desktop.storage import keyslots as ks

FAST = key_wrap.Argon2Params(memory_kib=65536, iterations=1, parallelism=1)


def _slots(passphrase: str = "una frase abbastanza lunga") -> tuple[ks.KeySlots, bytearray, str]:
    data_key = key_wrap.new_data_key()
    code = key_wrap.new_recovery_code()
    slots = ks.KeySlots(
        workspace_id="w-1",
        slots=(
            ks.make_passphrase_slot("w-1", data_key, passphrase, FAST),
            ks.make_recovery_slot("w-1", data_key, code),
        ),
    )
    return slots, data_key, code


def test_recovery_code_shape_and_entropy() -> None:
    code = key_wrap.new_recovery_code()
    groups = code.split("-")
    assert len(groups) == 8 and all(len(g) == 4 for g in groups)
    assert set(code.replace("-", "")) <= set(key_wrap.CROCKFORD)
    assert key_wrap.RECOVERY_RANDOM_CHARS * 5 >= 128
    assert len({key_wrap.new_recovery_code() for _ in range(50)}) == 50


def test_recovery_code_reading_rules() -> None:
    code = key_wrap.new_recovery_code()
    body = key_wrap.parse_recovery_code(code)
    sloppy = code.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    assert key_wrap.parse_recovery_code(sloppy) == body


@given(st.integers(min_value=0, max_value=31), st.integers(min_value=0, max_value=31))
def test_a_single_typo_is_caught_before_any_kdf(position: int, shift: int) -> None:
    code = key_wrap.new_recovery_code().replace("-", "")
    index = position % len(code)
    replacement = key_wrap.CROCKFORD[(key_wrap.CROCKFORD.index(code[index]) + 1 + shift % 31) % 32]
    typo = code[:index] + replacement + code[index + 1 :]
    # a 10-bit check misses about one typo in a thousand; those fail later as a wrong code
    try:
        key_wrap.parse_recovery_code(typo)
    except WrongRecoveryCode as error:
        assert error.variant == "mistyped"


def test_unlock_with_each_slot_and_refuse_wrong_secrets() -> None:
    slots, data_key, code = _slots()
    assert ks.unlock_with_passphrase(slots, "una frase abbastanza lunga") == data_key
    assert ks.unlock_with_recovery_code(slots, code) == data_key
    with pytest.raises(WrongPassphrase):
        ks.unlock_with_passphrase(slots, "una frase abbastanza lungA")
    with pytest.raises(WrongRecoveryCode):
        ks.unlock_with_recovery_code(slots, key_wrap.new_recovery_code())


def test_passphrase_is_unicode_normalised() -> None:
    slots, data_key, _ = _slots("caffè è pronto già")
    decomposed = "caffe\u0300 e\u0300 pronto gia\u0300"
    assert ks.unlock_with_passphrase(slots, decomposed) == data_key


def test_file_round_trip_and_mac(tmp_path) -> None:
    slots, data_key, _ = _slots()
    path = tmp_path / "keyslots.json"
    ks.save(path, slots, data_key)
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    loaded, mac = ks.load(path)
    assert loaded == slots
    ks.check_mac(loaded, mac, data_key)
    with pytest.raises(WorkspaceDamaged):
        ks.check_mac(loaded, mac, key_wrap.new_data_key())


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[: len(raw) // 2],
        lambda raw: b"",
        lambda raw: b"\x00" * 100,
        lambda raw: raw.replace(b'"memory_kib": 65536', b'"memory_kib": 65537'),
        lambda raw: raw.replace(b'"iterations": 1', b'"iterations": 2'),
    ],
    ids=["truncated", "empty", "binary", "edited-memory", "edited-iterations"],
)
def test_truncated_or_edited_file_is_damaged_not_a_wrong_passphrase(tmp_path, damage) -> None:
    slots, data_key, _ = _slots()
    path = tmp_path / "keyslots.json"
    ks.save(path, slots, data_key)
    raw = path.read_bytes()
    damaged = damage(raw)
    assert damaged != raw
    path.write_bytes(damaged)
    with pytest.raises(WorkspaceDamaged) as caught:
        ks.load(path)
    assert caught.value.variant == "keyslots"


def test_a_weakened_slot_with_a_recomputed_checksum_does_not_open(tmp_path) -> None:
    """Someone lowers the KDF cost and fixes the checksum: the AEAD binding still refuses."""
    import hashlib

    slots, data_key, _ = _slots()
    path = tmp_path / "keyslots.json"
    ks.save(path, slots, data_key)
    raw = json.loads(path.read_bytes())
    raw["slots"][0]["kdf"]["parallelism"] = 2
    del raw["checksum"]
    raw["checksum"] = hashlib.sha256(ks.canonical_json(raw)).hexdigest()
    path.write_text(json.dumps(raw))
    loaded, _ = ks.load(path)
    with pytest.raises(WrongPassphrase):
        ks.unlock_with_passphrase(loaded, "una frase abbastanza lunga")


def test_argon2_floor_is_enforced() -> None:
    assert key_wrap.Argon2Params(memory_kib=1024, iterations=0).clamped().memory_kib == 65536
    assert key_wrap.Argon2Params().memory_kib == 256 * 1024
    assert key_wrap.Argon2Params().iterations == 3
    assert key_wrap.Argon2Params().parallelism == 4
