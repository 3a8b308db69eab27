"""Trust, set up once and in person: cards, trusting the office, registering and revoking devices.

The office writes its *office card*; the educator's workspace trusts it only when the short
fingerprint typed in (read from the office's screen or paper) matches, and then adds the
escrow key slot sealed to the office: from then on the office can open this workspace's data
(and every backup made from then on) with its own keys, at any time.

`rotate_office_keys` gives the office a new exchange key (the old ones stay in its key ring to
open what was sealed to them) and writes the new card. A laptop moves to it with
`_adopt_office_card` — through `trust_office` with the new card read in person today, through
the office → laptop bundle later (issue 14): same office, same signing key, new exchange key;
the escrow slot is sealed to the new key and bundle numbers go on. The educator's workspace
writes a *device card*; the office registers it, with the educator's name, after comparing its
fingerprint. A fingerprint that does not match changes nothing. Revoking a device refuses its
later bundles (every incarnation of it); what was already imported stays.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pippi_desktop.domain.errors import (
    FingerprintMismatch,
    InvalidFile,
    InvalidRecord,
    UnknownRecord,
    WrongRole,
)
from pippi_desktop.domain.i18n import N_
from pippi_desktop.domain.sync_records import DeviceRegistration, OfficeTrust
from pippi_desktop.domain.workspace_identity import ROLE_EDUCATOR, ROLE_OFFICE
from pippi_desktop.services._identity_keys import (
    ensure_keys,
    exchange_key_ring,
    rotate_exchange_key,
    stored_keys,
)
from pippi_desktop.services.open_workspace import OpenWorkspace, store_of
from pippi_desktop.storage import sync_queries
from pippi_desktop.storage.atomic import write_atomic
from pippi_desktop.storage.audit import AuditEvent
from pippi_desktop.storage.write_errors import remove_quietly
from pippi_desktop.sync import cards
from pippi_desktop.sync.escrow import CONSTRUCTION, seal_data_key
from pippi_desktop.sync.identity_keys import IdentityKeys
from pippi_desktop.sync.sequence import missing_seqs
from pippi_desktop.version import __version__

log = logging.getLogger(__name__)

# Said by trust-office and the GUI's trust dialog: what trusting an office gives it.
ESCROW_NOTICE = N_(
    "Attenzione: l'ufficio conserva una copia della chiave di questa area di lavoro, sigillata "
    "con la sua chiave. Con la cartella dell'area di lavoro, o con un backup fatto da oggi in "
    "poi, l'ufficio può riaprire questi dati in qualsiasi momento, senza la tua passphrase. "
    "Serve a non perdere mai le cartelle delle famiglie se passphrase e codice di recupero "
    "andassero persi."
)

MAX_EDUCATOR_NAME = 120
OFFICE = cards.OFFICE  # the kind of an office card
DEVICE = cards.DEVICE  # the kind of a device card


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def require_role(workspace: OpenWorkspace, role: str) -> None:
    if workspace.role != role:
        raise WrongRole("office_only" if role == ROLE_OFFICE else "educator_only")


def _sync_keys(workspace: OpenWorkspace) -> IdentityKeys:
    """This workspace's signing and exchange keys, made (once) if it has none yet."""
    store = store_of(workspace)
    with store.read() as connection:
        keys = stored_keys(connection)
    if keys is not None:
        return keys
    with store.write() as connection:
        return ensure_keys(connection)


# --- cards ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class CardExport:
    path: Path
    fingerprint: str
    identity_id: str


def check_output(path: Path) -> None:
    if path.exists():
        raise InvalidFile("output_exists")
    if not path.parent.is_dir():
        raise InvalidFile("output_unwritable")


def _write_card(path: Path, data: bytes) -> None:
    try:
        write_atomic(path, data)
    except PermissionError:
        raise InvalidFile("output_unwritable") from None


def _office_card(workspace: OpenWorkspace, keys: IdentityKeys) -> tuple[cards.Card, bytes]:
    identity = workspace.identity
    return cards.make_card(
        OFFICE,
        keys,
        identity_id=identity.workspace_id,
        workspace_id=identity.workspace_id,
        name=identity.name,
        app_version=__version__,
    )


def export_office_card(workspace: OpenWorkspace, out_path: Path) -> CardExport:
    require_role(workspace, ROLE_OFFICE)
    out_path = Path(out_path)
    check_output(out_path)
    card, data = _office_card(workspace, _sync_keys(workspace))
    _write_card(out_path, data)
    return CardExport(out_path, card.fingerprint, card.identity_id)


def export_device_card(workspace: OpenWorkspace, out_path: Path) -> CardExport:
    require_role(workspace, ROLE_EDUCATOR)
    out_path = Path(out_path)
    check_output(out_path)
    keys = _sync_keys(workspace)
    identity = workspace.identity
    with store_of(workspace).read() as connection:
        previous = sync_queries.previous_device_ids(connection)
    card, data = cards.make_card(
        DEVICE,
        keys,
        identity_id=identity.device_id,
        workspace_id=identity.workspace_id,
        name=identity.name,
        app_version=__version__,
        previous_device_ids=previous,
    )
    _write_card(out_path, data)
    return CardExport(out_path, card.fingerprint, card.identity_id)


@dataclass(frozen=True)
class CardInfo:
    """What a card says, to show before its fingerprint is compared."""

    kind: str  # OFFICE or DEVICE
    identity_id: str  # the office's workspace id, or the device id
    name: str  # the office's or the workspace's name
    fingerprint: str


def read_card(path: Path, kind: str) -> CardInfo:
    """Read and check a card file of `kind` (OFFICE or DEVICE); typed errors otherwise."""
    card = _read_card_file(path, kind)
    return CardInfo(card.kind, card.identity_id, card.name, card.fingerprint)


def _read_card_file(path: Path, kind: str) -> cards.Card:
    path = Path(path)
    try:
        if path.stat().st_size > 1 << 20:
            raise InvalidFile("card")
        data = path.read_bytes()
    except FileNotFoundError:
        raise InvalidFile("missing") from None
    except (IsADirectoryError, PermissionError):
        raise InvalidFile("unreadable") from None
    card = cards.parse_card(data)
    if card.kind != kind:
        raise InvalidFile("office_card_expected" if kind == OFFICE else "device_card_expected")
    return card


@dataclass(frozen=True)
class OfficeKeyRotation:
    card: CardExport
    key_id: str
    retired_key_ids: tuple[str, ...]


def rotate_office_keys(workspace: OpenWorkspace, out_path: Path) -> OfficeKeyRotation:
    """A new exchange key for the office and its new card in `out_path`, in one step: the
    card is written inside the transaction that changes the key, so either both happen or
    neither. Old keys stay in the ring: bundles and escrow slots sealed to them still open."""
    require_role(workspace, ROLE_OFFICE)
    store = store_of(workspace)
    out_path = Path(out_path)
    check_output(out_path)
    _sync_keys(workspace)
    written = False
    try:
        with store.write() as connection:
            keys = rotate_exchange_key(connection)
            retired = tuple(
                key_id for key_id in exchange_key_ring(connection) if key_id != keys.key_id
            )
            card, data = _office_card(workspace, keys)
            _write_card(out_path, data)
            written = True
            store.audit(connection, AuditEvent("office_keys_rotated", "office", keys.key_id))
    except BaseException:
        if written:  # the key did not change: its card must not exist
            remove_quietly(out_path)
        raise
    log.info("office exchange key rotated (%d retired keys kept)", len(retired))
    return OfficeKeyRotation(
        CardExport(out_path, card.fingerprint, card.identity_id), keys.key_id, retired
    )


# --- the educator trusts the office -----------------------------------------------------------


@dataclass(frozen=True)
class TrustedOffice:
    office_id: str
    name: str
    fingerprint: str
    key_id: str
    already: bool
    key_updated: bool = False


def trust_office(workspace: OpenWorkspace, card_path: Path, fingerprint: str) -> TrustedOffice:
    """Check the card and the typed fingerprint, then trust the office and add the escrow slot."""
    require_role(workspace, ROLE_EDUCATOR)
    card = _read_card_file(card_path, OFFICE)
    if not card.matches(fingerprint):
        log.info("office card refused: fingerprint mismatch")
        raise FingerprintMismatch()
    return _adopt_office_card(workspace, card)


def _adopt_office_card(workspace: OpenWorkspace, card: cards.Card) -> TrustedOffice:
    """Trust the office of a card already checked (fingerprint compared in person, or — issue
    14 — carried in a bundle signed by the trusted office's signing key).

    The same office with a new exchange key (`rotate-office-keys`) is a key update: the
    escrow slot is sealed to the new key, new bundles are encrypted to it, and bundle numbers
    go on from the last one sent under the old key."""
    store = store_of(workspace)
    identity = workspace.identity
    with store.read() as connection:
        current = sync_queries.trusted_office(connection)
        known_ids = sync_queries.office_key_ids(connection)
    already = (
        current is not None
        and current.office_id == card.identity_id
        and current.exchange_key == card.exchange_key.hex()
        and current.signing_key == card.signing_key.hex()
    )
    key_update = (
        current is not None
        and not already
        and current.office_id == card.identity_id
        and current.signing_key == card.signing_key.hex()
    )
    has_escrow = any(
        slot.kdf.get("office_key_id") == card.key_id for slot in store.keyslots.of_kind("escrow")
    )
    if not has_escrow:
        store.seal_escrow_slot(
            office_key_id=card.key_id,
            seal=lambda key: seal_data_key(key, card.exchange_key, identity.workspace_id),
            construction=CONSTRUCTION,
        )
    if not already:
        with store.write() as connection:
            ensure_keys(connection)
            chain = [*known_ids, card.key_id] if key_update else [card.key_id]
            sync_queries.set_trusted_office(
                connection,
                OfficeTrust(
                    office_id=card.identity_id,
                    name=card.name,
                    signing_key=card.signing_key.hex(),
                    exchange_key=card.exchange_key.hex(),
                    key_id=card.key_id,
                    fingerprint=card.fingerprint,
                    trusted_at=_now(),
                ),
                key_ids=chain,
            )
            action = "office_key_updated" if key_update else "office_trusted"
            store.audit(connection, AuditEvent(action, "office", card.identity_id))
        log.info("office key updated" if key_update else "office trusted")
    return TrustedOffice(
        card.identity_id, card.name, card.fingerprint, card.key_id, already, key_update
    )


# --- the office registers and revokes devices -------------------------------------------------


@dataclass(frozen=True)
class RegisteredDevice:
    device_id: str
    educator: str
    fingerprint: str
    already: bool


def _clean_educator(name: str) -> str:
    clean = " ".join(name.split())
    if not clean:
        raise InvalidRecord("required", field="educator")
    if len(clean) > MAX_EDUCATOR_NAME:
        raise InvalidRecord("too_long", field="educator", maximum=MAX_EDUCATOR_NAME)
    return clean


def register_device(
    workspace: OpenWorkspace, card_path: Path, fingerprint: str, *, educator: str
) -> RegisteredDevice:
    require_role(workspace, ROLE_OFFICE)
    store = store_of(workspace)
    educator = _clean_educator(educator)
    card = _read_card_file(card_path, DEVICE)
    if not card.matches(fingerprint):
        log.info("device card refused: fingerprint mismatch")
        raise FingerprintMismatch()
    with store.read() as connection:
        existing = sync_queries.device(connection, card.identity_id)
    if existing is not None:
        if (
            existing.signing_key != card.signing_key.hex()
            or existing.exchange_key != card.exchange_key.hex()
        ):
            raise InvalidFile("device_key_conflict")
        return RegisteredDevice(card.identity_id, existing.educator, card.fingerprint, True)
    with store.write() as connection:
        ensure_keys(connection)
        sync_queries.add_devices(
            connection,
            [
                DeviceRegistration(
                    device_id=card.identity_id,
                    workspace_id=card.workspace_id,
                    educator=educator,
                    workspace_name=card.name,
                    signing_key=card.signing_key.hex(),
                    exchange_key=card.exchange_key.hex(),
                    fingerprint=card.fingerprint,
                    registered_at=_now(),
                )
            ],
        )
        store.audit(connection, AuditEvent("device_registered", "device", card.identity_id))
    log.info("device registered")
    return RegisteredDevice(card.identity_id, educator, card.fingerprint, False)


@dataclass(frozen=True)
class Revocation:
    device_id: str
    revoked_now: bool
    device_ids: tuple[str, ...]  # every incarnation sharing the key


def revoke_device(workspace: OpenWorkspace, device_id: str) -> Revocation:
    require_role(workspace, ROLE_OFFICE)
    store = store_of(workspace)
    device_id = device_id.strip().lower()
    with store.write() as connection:
        row = sync_queries.device(connection, device_id)
        if row is None:
            raise UnknownRecord("device")
        changed = sync_queries.revoke_key(connection, row.signing_key, _now())
        ids = tuple(sorted(sync_queries.registration_ids(connection, row.signing_key)))
        if changed:
            store.audit(connection, AuditEvent("device_revoked", "device", device_id))
    if changed:
        log.info("device revoked")
    return Revocation(device_id, bool(changed), ids)


@dataclass(frozen=True)
class DeviceStatus:
    device_id: str
    educator: str
    workspace_name: str
    fingerprint: str
    registered_at: str
    revoked: bool
    revoked_at: str | None
    linked_to: str | None
    last_seq: int | None
    missing_seqs: list[int]
    last_import_at: str | None

    def as_json(self) -> dict[str, Any]:
        return {
            "device_id": self.device_id,
            "educator": self.educator,
            "revoked": self.revoked,
            "last_seq": self.last_seq,
            "missing_seqs": self.missing_seqs,
            "last_import_at": self.last_import_at,
            "revoked_at": self.revoked_at,
            "linked_to": self.linked_to,
            "fingerprint": self.fingerprint,
            "registered_at": self.registered_at,
        }


def list_devices(workspace: OpenWorkspace) -> list[DeviceStatus]:
    require_role(workspace, ROLE_OFFICE)
    with store_of(workspace).read() as connection:
        devices = sync_queries.all_devices(connection)
        receipts = sync_queries.receipts_by_device(connection)
    result = []
    for device in devices:
        rows = receipts.get(device.device_id, [])
        seqs = sorted(seq for seq, _imported_at in rows)
        result.append(
            DeviceStatus(
                device_id=device.device_id,
                educator=device.educator,
                workspace_name=device.workspace_name,
                fingerprint=device.fingerprint,
                registered_at=device.registered_at,
                revoked=device.revoked_at is not None,
                revoked_at=device.revoked_at,
                linked_to=device.linked_to,
                last_seq=seqs[-1] if seqs else None,
                missing_seqs=missing_seqs(seqs),
                last_import_at=max((imported_at for _seq, imported_at in rows), default=None),
            )
        )
    return result
