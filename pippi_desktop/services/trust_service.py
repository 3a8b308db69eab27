"""Trust, set up once and in person: cards, trusting the office, registering and revoking devices.

The office writes its *office card*; the educator's workspace trusts it only when the short
fingerprint typed in (read from the office's screen or paper) matches, and then adds the
escrow key slot sealed to the office: from then on the office can open this workspace's data
(and every backup made from then on) with its own keys, at any time.

`rotate_office_keys` gives the office a new exchange key (the old ones stay in its key ring to
open what was sealed to them) and writes the new card. A laptop moves to it with
`adopt_office_card` — through `trust_office` with the new card read in person today, through
the office → laptop bundle later (issue 14): same office, same signing key, new exchange key;
the escrow slot is sealed to the new key and bundle numbers go on. The educator's workspace writes a *device card*; the
office registers it, with the educator's name, after comparing its fingerprint. A fingerprint
that does not match changes nothing. Revoking a device refuses its later bundles (every
incarnation of it); what was already imported stays.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from pippi_desktop.domain.errors import (
    FingerprintMismatch,
    InvalidFile,
    InvalidRecord,
    UnknownRecord,
    WrongRole,
)
from pippi_desktop.domain.i18n import N_
from pippi_desktop.storage.atomic import write_atomic
from pippi_desktop.storage.audit import AuditEvent
from pippi_desktop.storage.meta import (
    ROLE_EDUCATOR,
    ROLE_OFFICE,
    read_meta_values,
    write_meta_values,
)
from pippi_desktop.storage.orm import Base
from pippi_desktop.storage.sync_tables import BundleReceivedRow, DeviceRow, TrustedOfficeRow
from pippi_desktop.storage.workspace import Workspace
from pippi_desktop.storage.write_errors import remove_quietly
from pippi_desktop.sync import devices as device_registry
from pippi_desktop.sync.cards import DEVICE, OFFICE, Card, make_card, parse_card
from pippi_desktop.sync.escrow import CONSTRUCTION, seal_data_key
from pippi_desktop.sync.identity_keys import (
    IdentityKeys,
    ensure_identity_keys,
    exchange_key_ring,
    load_identity_keys,
    rotate_exchange_key,
)
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
_DEVICES = Base.metadata.tables[DeviceRow.__tablename__]
_RECEIVED = Base.metadata.tables[BundleReceivedRow.__tablename__]


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def require_role(workspace: Workspace, role: str) -> None:
    if workspace.identity.role != role:
        raise WrongRole("office_only" if role == ROLE_OFFICE else "educator_only")


def sync_keys(workspace: Workspace) -> IdentityKeys:
    """This workspace's signing and exchange keys, made (once) if it has none yet."""
    with workspace.read() as connection:
        keys = load_identity_keys(connection)
    if keys is not None:
        return keys
    with workspace.write() as connection:
        return ensure_identity_keys(connection)


def previous_device_ids(connection: Connection) -> tuple[str, ...]:
    raw = read_meta_values(connection).get("previous_device_ids", "")
    return tuple(item for item in raw.split(",") if item)


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


def _office_card(workspace: Workspace, keys: IdentityKeys) -> tuple[Card, bytes]:
    identity = workspace.identity
    return make_card(
        OFFICE,
        keys,
        identity_id=identity.workspace_id,
        workspace_id=identity.workspace_id,
        name=identity.name,
        app_version=__version__,
    )


def export_office_card(workspace: Workspace, out_path: Path) -> CardExport:
    require_role(workspace, ROLE_OFFICE)
    out_path = Path(out_path)
    check_output(out_path)
    card, data = _office_card(workspace, sync_keys(workspace))
    _write_card(out_path, data)
    return CardExport(out_path, card.fingerprint, card.identity_id)


def export_device_card(workspace: Workspace, out_path: Path) -> CardExport:
    require_role(workspace, ROLE_EDUCATOR)
    out_path = Path(out_path)
    check_output(out_path)
    keys = sync_keys(workspace)
    identity = workspace.identity
    with workspace.read() as connection:
        previous = previous_device_ids(connection)
    card, data = make_card(
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


def read_card_file(path: Path, kind: str) -> Card:
    path = Path(path)
    try:
        if path.stat().st_size > 1 << 20:
            raise InvalidFile("card")
        data = path.read_bytes()
    except FileNotFoundError:
        raise InvalidFile("missing") from None
    except (IsADirectoryError, PermissionError):
        raise InvalidFile("unreadable") from None
    card = parse_card(data)
    if card.kind != kind:
        raise InvalidFile("office_card_expected" if kind == OFFICE else "device_card_expected")
    return card


@dataclass(frozen=True)
class OfficeKeyRotation:
    card: CardExport
    key_id: str
    retired_key_ids: tuple[str, ...]


def rotate_office_keys(workspace: Workspace, out_path: Path) -> OfficeKeyRotation:
    """A new exchange key for the office and its new card in `out_path`, in one step: the
    card is written inside the transaction that changes the key, so either both happen or
    neither. Old keys stay in the ring: bundles and escrow slots sealed to them still open."""
    require_role(workspace, ROLE_OFFICE)
    out_path = Path(out_path)
    check_output(out_path)
    sync_keys(workspace)
    written = False
    try:
        with workspace.write() as connection:
            keys = rotate_exchange_key(connection)
            retired = tuple(
                key_id for key_id in exchange_key_ring(connection) if key_id != keys.key_id
            )
            card, data = _office_card(workspace, keys)
            _write_card(out_path, data)
            written = True
            workspace.audit(connection, AuditEvent("office_keys_rotated", "office", keys.key_id))
    except BaseException:
        if written:  # the key did not change: its card must not exist
            remove_quietly(out_path)
        raise
    log.info("office exchange key rotated (%d retired keys kept)", len(retired))
    return OfficeKeyRotation(
        CardExport(out_path, card.fingerprint, card.identity_id), keys.key_id, retired
    )


# --- the educator trusts the office -----------------------------------------------------------

OFFICE_KEY_IDS = "trusted_office_key_ids"  # every key id the trusted office used, oldest first


@dataclass(frozen=True)
class TrustedOffice:
    office_id: str
    name: str
    fingerprint: str
    key_id: str
    already: bool
    key_updated: bool = False


def trusted_office(connection: Connection) -> Any:
    return connection.execute(select(TrustedOfficeRow).where(TrustedOfficeRow.id == 1)).first()


def office_key_ids(connection: Connection) -> list[str]:
    """The trusted office's key ids, its current one last: bundle numbers run on across them."""
    office = trusted_office(connection)
    if office is None:
        return []
    kept = json.loads(read_meta_values(connection).get(OFFICE_KEY_IDS) or "[]")
    return [key_id for key_id in kept if key_id != office.key_id] + [str(office.key_id)]


def trust_office(workspace: Workspace, card_path: Path, fingerprint: str) -> TrustedOffice:
    """Check the card and the typed fingerprint, then trust the office and add the escrow slot."""
    require_role(workspace, ROLE_EDUCATOR)
    card = read_card_file(card_path, OFFICE)
    if not card.matches(fingerprint):
        log.info("office card refused: fingerprint mismatch")
        raise FingerprintMismatch()
    return adopt_office_card(workspace, card)


def adopt_office_card(workspace: Workspace, card: Card) -> TrustedOffice:
    """Trust the office of a card already checked (fingerprint compared in person, or — issue
    14 — carried in a bundle signed by the trusted office's signing key).

    The same office with a new exchange key (`rotate-office-keys`) is a key update: the
    escrow slot is sealed to the new key, new bundles are encrypted to it, and bundle numbers
    go on from the last one sent under the old key."""
    identity = workspace.identity
    with workspace.read() as connection:
        current = trusted_office(connection)
        known_ids = office_key_ids(connection)
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
        slot.kdf.get("office_key_id") == card.key_id
        for slot in workspace.keyslots.of_kind("escrow")
    )
    if not has_escrow:
        workspace.seal_escrow_slot(
            office_key_id=card.key_id,
            seal=lambda key: seal_data_key(key, card.exchange_key, identity.workspace_id),
            construction=CONSTRUCTION,
        )
    if not already:
        with workspace.write() as connection:
            ensure_identity_keys(connection)
            connection.execute(delete(TrustedOfficeRow))
            chain = [*known_ids, card.key_id] if key_update else [card.key_id]
            write_meta_values(connection, {OFFICE_KEY_IDS: json.dumps(chain)})
            connection.execute(
                insert(TrustedOfficeRow).values(
                    id=1,
                    office_id=card.identity_id,
                    name=card.name,
                    signing_key=card.signing_key.hex(),
                    exchange_key=card.exchange_key.hex(),
                    key_id=card.key_id,
                    fingerprint=card.fingerprint,
                    trusted_at=_now(),
                )
            )
            action = "office_key_updated" if key_update else "office_trusted"
            workspace.audit(connection, AuditEvent(action, "office", card.identity_id))
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
    workspace: Workspace, card_path: Path, fingerprint: str, *, educator: str
) -> RegisteredDevice:
    require_role(workspace, ROLE_OFFICE)
    educator = _clean_educator(educator)
    card = read_card_file(card_path, DEVICE)
    if not card.matches(fingerprint):
        log.info("device card refused: fingerprint mismatch")
        raise FingerprintMismatch()
    with workspace.read() as connection:
        existing = device_registry.device_row(connection, card.identity_id)
    if existing is not None:
        if (
            existing.signing_key != card.signing_key.hex()
            or existing.exchange_key != card.exchange_key.hex()
        ):
            raise InvalidFile("device_key_conflict")
        return RegisteredDevice(card.identity_id, existing.educator, card.fingerprint, True)
    with workspace.write() as connection:
        ensure_identity_keys(connection)
        connection.execute(
            insert(_DEVICES).values(
                device_id=card.identity_id,
                workspace_id=card.workspace_id,
                educator=educator,
                workspace_name=card.name,
                signing_key=card.signing_key.hex(),
                exchange_key=card.exchange_key.hex(),
                fingerprint=card.fingerprint,
                registered_at=_now(),
                revoked_at=None,
                linked_to=None,
            )
        )
        workspace.audit(connection, AuditEvent("device_registered", "device", card.identity_id))
    log.info("device registered")
    return RegisteredDevice(card.identity_id, educator, card.fingerprint, False)


@dataclass(frozen=True)
class Revocation:
    device_id: str
    revoked_now: bool
    device_ids: tuple[str, ...]  # every incarnation sharing the key


def revoke_device(workspace: Workspace, device_id: str) -> Revocation:
    require_role(workspace, ROLE_OFFICE)
    device_id = device_id.strip().lower()
    with workspace.write() as connection:
        row = device_registry.device_row(connection, device_id)
        if row is None:
            raise UnknownRecord("device")
        changed = device_registry.revoke_key(connection, row.signing_key, _now())
        ids = tuple(sorted(device_registry.registration_ids(connection, row.signing_key)))
        if changed:
            workspace.audit(connection, AuditEvent("device_revoked", "device", device_id))
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


def list_devices(workspace: Workspace) -> list[DeviceStatus]:
    require_role(workspace, ROLE_OFFICE)
    with workspace.read() as connection:
        devices = connection.execute(
            select(_DEVICES).order_by(_DEVICES.c.registered_at, _DEVICES.c.device_id)
        ).all()
        receipts: dict[str, list[Any]] = {}
        for row in connection.execute(
            select(_RECEIVED.c.device_id, _RECEIVED.c.seq, _RECEIVED.c.imported_at)
        ):
            receipts.setdefault(row.device_id, []).append(row)
    result = []
    for device in devices:
        rows = receipts.get(device.device_id, [])
        seqs = sorted(int(row.seq) for row in rows)
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
                last_import_at=max((row.imported_at for row in rows), default=None),
            )
        )
    return result
