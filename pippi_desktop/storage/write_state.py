"""What a committed write leaves for the next one: the device clock and the audit-log head."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class WriteState:
    device_id: str
    counter: int
    lamport: int
    hlc_wall_ms: int
    hlc_logical: int
    audit_seq: int
    audit_hash: str
