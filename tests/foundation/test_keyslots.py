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
    assert [len(g) for g in groups] == [4] * 7 + [3]  # 30 random characters + 1 check symbol
    # never one of the five extra check symbols (*~$=U): awkward to type and to read aloud
    assert set(code.replace("-", "")) <= set(key_wrap.CROCKFORD)
    assert key_wrap.RECOVERY_RANDOM_CHARS * 5 >= 128
    assert len({key_wrap.new_recovery_code() for _ in range(50)}) == 50


def test_the_check_symbol_is_crockfords_mod_37() -> None:
    # Crockford's own example: 1234 in base 32 is "16J", 1234 mod 37 = 13 -> "D"
    assert key_wrap.check_symbol("16J") == "D"
    assert key_wrap.check_symbol("0") == "0"
    assert key_wrap.check_symbol("10") == key_wrap.CHECK_SYMBOLS[32 % 37] == "*"


def test_recovery_code_reading_rules() -> None:
    code = key_wrap.new_recovery_code()
    body = key_wrap.parse_recovery_code(code)
    sloppy = code.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    assert key_wrap.parse_recovery_code(sloppy) == body


@given(st.integers(min_value=0, max_value=30), st.integers(min_value=0, max_value=35))
def test_a_single_typo_is_caught_before_any_kdf(position: int, shift: int) -> None:
    code = key_wrap.new_recovery_code().replace("-", "")
    alphabet = key_wrap.CHECK_SYMBOLS if position == len(code) - 1 else key_wrap.CROCKFORD
    step = 1 + shift % (len(alphabet) - 1)
    replacement = alphabet[(alphabet.index(code[position]) + step) % len(alphabet)]
    typo = code[:position] + replacement + code[position + 1 :]
    with pytest.raises(WrongRecoveryCode) as caught:
        key_wrap.parse_recovery_code(typo)
    assert caught.value.variant == "mistyped"


def test_every_single_substitution_and_neighbour_swap_is_caught() -> None:
    """Exhaustive, for a few codes: each of the 31 positions, each other symbol."""
    for _ in range(5):
        code = key_wrap.new_recovery_code().replace("-", "")
        checked = 0
        for index, char in enumerate(code):
            alphabet = key_wrap.CHECK_SYMBOLS if index == len(code) - 1 else key_wrap.CROCKFORD
            for other in alphabet:
                if other == char:
                    continue
                with pytest.raises(WrongRecoveryCode):
                    key_wrap.parse_recovery_code(code[:index] + other + code[index + 1 :])
                checked += 1
        assert checked == 30 * 31 + 36
        for index in range(len(code) - 2):  # swaps inside the random part
            if code[index] != code[index + 1]:
                swapped = code[:index] + code[index + 1] + code[index] + code[index + 2 :]
                with pytest.raises(WrongRecoveryCode):
                    key_wrap.parse_recovery_code(swapped)


def test_codes_of_the_old_format_keep_working() -> None:
    """Before issue 13 codes had 2 check characters (32 in all): told apart by length."""
    old = key_wrap.new_legacy_recovery_code()
    assert [len(g) for g in old.split("-")] == [4] * 8
    body = key_wrap.parse_recovery_code(old)
    data_key = key_wrap.new_data_key()
    slots = ks.KeySlots("w-1", (ks.make_legacy_recovery_slot("w-1", data_key, old),))
    assert ks.unlock_with_recovery_code(slots, old.lower()) == data_key
    assert len(body) == key_wrap.RECOVERY_RANDOM_CHARS
    plain = old.replace("-", "")
    for wrong_length in (plain[:30], plain + "0"):  # neither the old nor the new length
        with pytest.raises(WrongRecoveryCode):
            key_wrap.parse_recovery_code(wrong_length)


def test_a_recovery_slot_follows_a_new_data_key_without_the_code() -> None:
    slots, data_key, code = _slots()
    [recovery] = slots.of_kind(ks.RECOVERY)
    new_key = key_wrap.new_data_key()
    resealed = ks.reseal_recovery_slot(recovery, "w-1", new_key)
    assert ks.unlock_with_recovery_code(ks.KeySlots("w-1", (resealed,)), code) == new_key
    with pytest.raises(WrongRecoveryCode):
        ks.unlock_with_recovery_code(ks.KeySlots("w-1", (resealed,)), key_wrap.new_recovery_code())
    with pytest.raises(WrongRecoveryCode):  # bound to its workspace id
        ks.unlock_with_recovery_code(ks.KeySlots("w-2", (resealed,)), code)
    legacy = ks.make_legacy_recovery_slot("w-1", data_key, code)
    with pytest.raises(ValueError):
        ks.reseal_recovery_slot(legacy, "w-1", new_key)


def test_pending_slots_round_trip_and_are_bound_by_both_keys(tmp_path) -> None:
    slots, data_key, _ = _slots()
    new_key = key_wrap.new_data_key()
    upcoming = ks.KeySlots(
        "w-1", (ks.make_passphrase_slot("w-1", new_key, "una frase diversa e lunga", FAST),)
    )
    staged = ks.with_pending(slots, upcoming, new_key)
    path = tmp_path / "keyslots.json"
    ks.save(path, staged, data_key)
    loaded, mac = ks.load(path)
    assert loaded.pending is not None and loaded.current() == ks.KeySlots("w-1", slots.slots)
    ks.check_mac(loaded, mac, data_key)
    after, after_mac = loaded.next()
    ks.check_mac(after, after_mac, new_key)
    with pytest.raises(WorkspaceDamaged):
        ks.check_mac(after, after_mac, data_key)
    # the file the rotation writes last carries exactly the MAC kept in `pending`
    ks.save(path, after, new_key)
    assert ks.load(path) == (after, after_mac)


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
