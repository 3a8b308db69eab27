"""The bundle format piece by piece: envelope, manifest, cards, operation checks.

Property tests (hypothesis) cover the envelope at every chunk boundary and under any single
changed bit or any truncation; the operation checker is fed one wrong thing at a time.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import replace

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st

from pippi_desktop.domain.errors import BundleRejected, InvalidFile
from pippi_desktop.services.reference_data import default_catalogue, vocabulary
from pippi_desktop.sync import envelope
from pippi_desktop.sync.cards import DEVICE, OFFICE, make_card, normalise_fingerprint, parse_card
from pippi_desktop.sync.identity_keys import IdentityKeys
from pippi_desktop.sync.manifest import (
    FIELD_TO_OFFICE,
    GENESIS_HASH,
    KIND_CHANGES,
    Manifest,
    OperationRange,
    Section,
    parse_manifest,
)
from pippi_desktop.sync.operations import ValueChecker, check_operation

OFFICE_KEY = X25519PrivateKey.generate()
OTHER_KEY = X25519PrivateKey.generate()
CHUNK = envelope.MIN_CHUNK


def _seal(plaintext: bytes, chunk: int = CHUNK) -> bytes:
    return envelope.seal(
        plaintext, OFFICE_KEY.public_key(), direction=envelope.TO_OFFICE, chunk_size=chunk
    )


def _reason(data: bytes, key: X25519PrivateKey = OFFICE_KEY) -> str | None:
    try:
        envelope.open_sealed(data, key)
    except BundleRejected as error:
        return error.reason
    return None


# --- envelope -----------------------------------------------------------------------------------


@pytest.mark.parametrize("length", [1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 3 * CHUNK + 7])
def test_envelope_round_trip_at_chunk_boundaries(length: int) -> None:
    plaintext = bytes(range(256)) * (length // 256) + bytes(length % 256)
    sealed = _seal(plaintext)
    header, opened = envelope.open_sealed(sealed, OFFICE_KEY)
    assert opened == plaintext
    assert header.chunks == max(1, -(-length // CHUNK))
    assert len(sealed) == header.file_length


def test_the_envelope_hides_the_content_and_differs_every_time() -> None:
    plaintext = b"Famiglia Rossi, note della visita" * 40
    first, second = _seal(plaintext), _seal(plaintext)
    assert first != second
    assert b"Rossi" not in first and b"visita" not in first


def test_another_key_is_told_wrong_recipient() -> None:
    assert _reason(_seal(b"x" * 100), OTHER_KEY) == "wrong_recipient"


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_any_changed_bit_is_refused(data: st.DataObject) -> None:
    sealed = bytearray(_seal(b"operazioni " * 300))
    position = data.draw(st.integers(0, len(sealed) - 1))
    bit = data.draw(st.integers(0, 7))
    sealed[position] ^= 1 << bit
    assert _reason(bytes(sealed)) in {
        "not_a_bundle",
        "unsupported_version",
        "wrong_recipient",
        "too_large",
    }


@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_any_truncation_or_extension_is_refused(data: st.DataObject) -> None:
    sealed = _seal(b"operazioni " * 300)
    cut = data.draw(st.integers(0, len(sealed) - 1))
    assert _reason(sealed[:cut]) == "not_a_bundle"
    extra = data.draw(st.binary(min_size=1, max_size=64))
    assert _reason(sealed + extra) == "not_a_bundle"


@settings(max_examples=100, deadline=None)
@given(blob=st.binary(max_size=4096))
def test_random_bytes_are_not_a_bundle(blob: bytes) -> None:
    assert _reason(blob) == "not_a_bundle"
    assert _reason(envelope.MAGIC + blob) in {"not_a_bundle", "unsupported_version", "too_large"}


def test_a_declared_length_over_the_limit_is_too_large_before_any_decryption() -> None:
    sealed = bytearray(_seal(b"x" * 10))
    sealed[32:40] = (envelope.MAX_BUNDLE_BYTES + 1).to_bytes(8, "big")
    assert _reason(bytes(sealed)) == "too_large"


# --- manifest -----------------------------------------------------------------------------------


def _manifest() -> Manifest:
    device = str(uuid.uuid4())
    return Manifest(
        bundle_id=str(uuid.uuid4()),
        kind=KIND_CHANGES,
        direction=FIELD_TO_OFFICE,
        sender_device_id=device,
        sender_workspace_id=str(uuid.uuid4()),
        previous_device_ids=(),
        recipient_office_id=str(uuid.uuid4()),
        recipient_key_id="ab" * 16,
        seq=1,
        prev_hash=GENESIS_HASH,
        created_at="2026-11-23T10:00:00+00:00",
        app_version="0.1.0",
        schema_version=3,
        operation_ranges=(OperationRange(device, 1, 5),),
        audit_range=(1, 7),
        operation_count=5,
        audit_count=7,
        sections=(Section("operations", 10, "0" * 64), Section("audit", 3, "1" * 64)),
    )


def _reason_of_manifest(raw: bytes) -> str | None:
    try:
        parse_manifest(raw)
    except BundleRejected as error:
        return error.reason
    return None


def test_the_manifest_round_trips_in_canonical_form_only() -> None:
    manifest = _manifest()
    assert parse_manifest(manifest.encode()) == manifest
    pretty = json.dumps(manifest.to_json(), indent=1).encode()
    assert _reason_of_manifest(pretty) == "not_a_bundle"


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda m: m.update(extra=1), "not_a_bundle"),
        (lambda m: m.pop("counts"), "not_a_bundle"),
        (lambda m: m.update(format_version=2), "unsupported_version"),
        (lambda m: m.update(kind="assignments"), "unsupported_version"),
        (lambda m: m.update(seq=0), "not_a_bundle"),
        (lambda m: m.update(seq=True), "not_a_bundle"),
        (lambda m: m.update(prev_hash="Z" * 64), "not_a_bundle"),
        (lambda m: m["operation_ranges"][0].update(first=9), "not_a_bundle"),
        (lambda m: m["operation_ranges"][0].update(device_id=str(uuid.uuid4())), "not_a_bundle"),
        (lambda m: m["sections"].reverse(), "not_a_bundle"),
        (lambda m: m["sender"].update(device_id="not-a-uuid"), "not_a_bundle"),
    ],
)
def test_a_manifest_with_anything_off_is_refused(change, reason) -> None:
    raw = _manifest().to_json()
    change(raw)
    encoded = json.dumps(raw, sort_keys=True, separators=(",", ":")).encode()
    assert _reason_of_manifest(encoded) == reason


def test_a_manifest_with_a_repeated_key_is_refused() -> None:
    encoded = _manifest().encode()
    doubled = encoded[:-1] + b',"seq":2}'
    assert _reason_of_manifest(doubled) == "not_a_bundle"


# --- cards --------------------------------------------------------------------------------------


def _keys() -> IdentityKeys:
    return IdentityKeys(Ed25519PrivateKey.generate(), X25519PrivateKey.generate())


def test_a_card_round_trips_and_its_fingerprint_is_typed_loosely() -> None:
    card, data = make_card(
        OFFICE,
        _keys(),
        identity_id=str(uuid.uuid4()),
        workspace_id=str(uuid.uuid4()),
        name="Ambito Territoriale Sociale n. 3 – Città",
        app_version="0.1.0",
    )
    parsed = parse_card(data)
    assert parsed == card and parsed.kind == OFFICE
    fingerprint = card.fingerprint
    assert len(normalise_fingerprint(fingerprint)) == 24
    assert parsed.matches(fingerprint.lower())
    assert parsed.matches(fingerprint.replace(" ", ""))
    assert parsed.matches("-".join(fingerprint.split()))
    assert parsed.matches("  " + fingerprint.replace(" ", "  ") + "\n")
    wrong = ("1" if fingerprint[0] != "1" else "2") + fingerprint[1:]
    assert not parsed.matches(wrong)
    assert not parsed.matches(fingerprint[:-1])


def test_an_edited_card_is_refused() -> None:
    _card, data = make_card(
        DEVICE,
        _keys(),
        identity_id=str(uuid.uuid4()),
        workspace_id=str(uuid.uuid4()),
        name="Portatile di Anna",
        app_version="0.1.0",
    )
    for old, new in ((b"Anna", b"Anne"), (b'"version": 1', b'"version": 2')):
        with pytest.raises(InvalidFile):
            parse_card(data.replace(old, new))
    with pytest.raises(InvalidFile):
        parse_card(b"\x00" * 100)


# --- operation checks ---------------------------------------------------------------------------

DEVICE_ID = str(uuid.uuid4())
FAMILY_ID = str(uuid.uuid4())


def _visit_create(**changes) -> dict:
    return {
        "device_id": DEVICE_ID,
        "counter": 3,
        "lamport": 7,
        "hlc": f"1763891000000.00000.{DEVICE_ID}",
        "at": "2026-11-23T10:00:00.000+00:00",
        "record_type": "visit",
        "record_id": str(uuid.uuid4()),
        "action": "create",
        "changes": {"family_id": FAMILY_ID, "date": "2026-11-20", "place": "casa", **changes},
        "seen": {},
    }


def _check(raw: dict) -> None:
    check_operation(raw, ValueChecker(vocabulary()))


def test_a_well_formed_operation_passes() -> None:
    _check(_visit_create(notes="Incontro sereno.\nLa madre racconta.", duration_minutes=60))
    update = {**_visit_create(), "action": "update", "changes": {"notes": "altro"}}
    update["seen"] = {"notes": [5, DEVICE_ID]}
    _check(update)


def _mutations():
    yield "unknown kind", lambda op: op.update(record_type="diario")
    yield "unknown action", lambda op: op.update(action="merge")
    yield "unknown field", lambda op: op["changes"].update(colour="blu")
    yield "bad date", lambda op: op["changes"].update(date="2026-13-45")
    yield "italian date not encoded", lambda op: op["changes"].update(date="20/11/2026")
    yield "not in the vocabulary", lambda op: op["changes"].update(place="luna")
    yield "untrimmed text", lambda op: op["changes"].update(educator=" Anna ")
    yield "bool for an int", lambda op: op["changes"].update(duration_minutes=True)
    yield "out of range", lambda op: op["changes"].update(duration_minutes=5000)
    yield "string for an int", lambda op: op["changes"].update(duration_minutes="60")
    yield "bad ref", lambda op: op["changes"].update(family_id="famiglia-1")
    yield "required missing", lambda op: op["changes"].pop("date")
    yield "null in create", lambda op: op["changes"].update(notes=None)
    yield "seen in create", lambda op: op.update(seen={"date": None})
    yield "float lamport", lambda op: op.update(lamport=7.0)
    yield "zero counter", lambda op: op.update(counter=0)
    yield "hlc of another device", lambda op: op.update(hlc=f"1.00000.{uuid.uuid4()}")
    yield "bad timestamp", lambda op: op.update(at="ieri")
    yield "extra key", lambda op: op.update(extra=1)
    yield (
        "duplicate ids in a list",
        lambda op: op["changes"].update(present_people=[FAMILY_ID, FAMILY_ID]),
    )
    yield "empty list", lambda op: op["changes"].update(present_people=[])
    yield "tombstone in a create", lambda op: op["changes"].update(deleted=True)
    yield "id with a newline", lambda op: op.update(record_id=op["record_id"] + "\n")
    yield "id in capitals", lambda op: op.update(record_id=op["record_id"].upper())
    yield "foreign digits in the clock", lambda op: op.update(hlc="١" * 13 + op["hlc"][13:])


@pytest.mark.parametrize(("label", "mutate"), list(_mutations()), ids=[m[0] for m in _mutations()])
def test_an_operation_with_one_thing_wrong_is_refused(label, mutate) -> None:
    raw = _visit_create()
    mutate(raw)
    with pytest.raises(ValueError):
        _check(raw)


@pytest.mark.parametrize(
    "mutate",
    [
        lambda op: op["changes"].update(family_id=str(uuid.uuid4())),  # immutable
        lambda op: op["seen"].update(notes=[9, DEVICE_ID]),  # saw a newer version than itself
        lambda op: op.update(seen={}),  # seen must name every changed field
        lambda op: op["changes"].update(date=None),  # clearing a required field
    ],
)
def test_a_wrong_update_is_refused(mutate) -> None:
    raw = {**_visit_create(), "action": "update", "changes": {"notes": "x"}}
    raw["seen"] = {"notes": None}
    mutate(raw)
    if "family_id" in raw["changes"] or "date" in raw["changes"]:
        raw["seen"] = dict.fromkeys(raw["changes"])
    with pytest.raises(ValueError):
        _check(raw)


def test_a_delete_is_the_tombstone_and_nothing_else() -> None:
    raw = {**_visit_create(), "action": "delete", "changes": {"deleted": True}}
    raw["seen"] = {"deleted": None}
    _check(raw)
    for changes in ({"deleted": 1}, {"deleted": True, "notes": "x"}, {"deleted": False}):
        with pytest.raises(ValueError):
            _check({**raw, "changes": changes, "seen": dict.fromkeys(changes)})


def test_a_catalogue_must_be_the_catalogue_it_claims() -> None:
    catalogue = default_catalogue()
    raw = {
        **_visit_create(),
        "record_type": "catalogue",
        "changes": {
            "catalogue_id": catalogue.catalogue_id,
            "version": catalogue.version,
            "content": catalogue.raw,
            "digest": catalogue.digest,
        },
    }
    _check(raw)
    with pytest.raises(ValueError):
        _check({**raw, "changes": {**raw["changes"], "version": "9999.1"}})
    with pytest.raises(ValueError):
        _check({**raw, "changes": {**raw["changes"], "content": '{"format": "x"}'}})


def test_replace_keeps_manifest_frozen() -> None:
    manifest = _manifest()
    assert replace(manifest, seq=2).seq == 2 and manifest.seq == 1
