"""Family codes that stay unique in an Ambito although laptops create them offline.

A code is `F-<year>-<device tag>-<number>`, e.g. `F-2026-K7QA-014`: the tag is 4 Crockford
base32 characters derived from the device id (20 bits), the number counts that device's
families of the year. Two laptops can only clash if their tags collide (about 1 in 1,000 for an
Ambito with 45 laptops) and they reach the same number in the same year. When it happens the
office sees both families, each with its own record id, flagged "codice duplicato" in the list
and in `conflicts`; it renames one (the code is an ordinary editable field), and nothing is
merged by code, ever: records are matched by UUID only.

The statistics code (`S-` + 10 characters, 50 random bits) has no link to names or the family
code: it is what pseudonymised exports carry.
"""

from __future__ import annotations

import hashlib
import re
import secrets

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_PATTERN = re.compile(r"^F-(\d{4})-([0-9A-HJKMNP-TV-Z]{4})-(\d{3,})$")


def device_tag(device_id: str) -> str:
    value = int.from_bytes(hashlib.sha256(device_id.encode("ascii")).digest()[:3], "big") >> 4
    return "".join(CROCKFORD[(value >> shift) & 31] for shift in (15, 10, 5, 0))


def family_code(year: int, tag: str, number: int) -> str:
    return f"F-{year:04d}-{tag}-{number:03d}"


def next_family_code(year: int, tag: str, existing_codes: list[str]) -> str:
    numbers = [
        int(match.group(3))
        for code in existing_codes
        if (match := CODE_PATTERN.match(code))
        and match.group(1) == f"{year:04d}"
        and match.group(2) == tag
    ]
    return family_code(year, tag, max(numbers, default=0) + 1)


def new_stats_code() -> str:
    return "S-" + "".join(secrets.choice(CROCKFORD) for _ in range(10))
