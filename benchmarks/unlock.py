"""Unlock cost: Argon2id alone against the whole unlock, with the default KDF (256 MiB, 3, 4).

    python benchmarks/unlock.py

Target (issue 3): everything around the KDF (reading key slots, unwrapping, MAC, lock file,
keying SQLCipher, schema check, identity, log) costs at most 20 % of the KDF itself.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import median_seconds

for name in ("PIPPI_KDF_MEMORY_KIB", "PIPPI_KDF_ITERATIONS", "PIPPI_KDF_PARALLELISM"):
    os.environ.pop(name, None)

from pippi_desktop.services.workspace_service import create_workspace, open_workspace  # noqa: E402
from pippi_desktop.storage import key_wrap  # noqa: E402

PASSPHRASE = "misura il tempo di sblocco"


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.pippiws"
        create_workspace(
            path, role="educator", name="bench", passphrase=PASSPHRASE
        ).workspace.close()
        params = key_wrap.Argon2Params()
        salt = key_wrap.new_salt()
        kdf = median_seconds(lambda: key_wrap.derive_passphrase_kek(PASSPHRASE, salt, params))
        unlock = median_seconds(lambda: open_workspace(path, passphrase=PASSPHRASE).close())
    overhead = unlock - kdf
    ratio = overhead / kdf
    print(
        f"Argon2id ({params.memory_kib // 1024} MiB, {params.iterations} passes, "
        f"{params.parallelism} lanes): {kdf * 1000:.0f} ms (median of 5)"
    )
    print(f"whole unlock (open + close):          {unlock * 1000:.0f} ms")
    print(
        f"around the KDF:                       {overhead * 1000:.1f} ms = {ratio:.1%} of the KDF "
        f"(target <= 20%) {'OK' if ratio <= 0.20 else 'OVER'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
