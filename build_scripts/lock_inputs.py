"""What `requirements.lock` is made from, read from pyproject.toml (used by lock.sh and a test).

    python build_scripts/lock_inputs.py build-requires   # [build-system] requires, one a line
    python build_scripts/lock_inputs.py fingerprint      # the digest lock.sh writes in the lock

The lock covers the runtime dependencies, the `test` and `build` extras and the build system
(setuptools, wheel: `_env.sh` installs the project itself without build isolation, so nothing
is fetched outside the lock). The fingerprint is a digest of exactly those lists: it changes
when a dependency or a range in pyproject.toml changes, and not for comments or other tables.
"""

from __future__ import annotations

import hashlib
import json
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PYPROJECT = REPO / "pyproject.toml"
LOCK = REPO / "requirements.lock"
EXTRAS = ("test", "build")
FINGERPRINT_PREFIX = "# pyproject-inputs-sha256: "


def inputs(pyproject: Path = PYPROJECT) -> dict[str, list[str]]:
    """{"dependencies": [...], "test": [...], "build": [...], "build-system": [...]}"""
    data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    extras = data["project"].get("optional-dependencies", {})
    found = {"dependencies": list(data["project"].get("dependencies", []))}
    found.update({extra: list(extras.get(extra, [])) for extra in EXTRAS})
    found["build-system"] = list(data["build-system"]["requires"])
    return found


def fingerprint(pyproject: Path = PYPROJECT) -> str:
    canonical = json.dumps(inputs(pyproject), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def main(argv: list[str]) -> int:
    if argv == ["build-requires"]:
        print("\n".join(inputs()["build-system"]))
    elif argv == ["fingerprint"]:
        print(fingerprint())
    else:
        print("\n".join(__doc__.strip().splitlines()[2:4]), file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
