"""Sync speed (issue 6): export and import of 10,000 operations, against raw sqlcipher3.

    python benchmarks/sync.py [--ops 10000] [--office-ops 100000] [--repeat 3] [--keep DIR]

1. Export of about `--ops` operations (`export-bundle --full`: read, encode, sign, encrypt,
   write atomically, read back, record) and
2. import of that bundle into an office that already holds `--office-ops` operations (the
   whole pipeline: decrypt, manifest, signature, sequence, digests, every operation checked,
   merge, derived columns, receipt, audit, one commit),
   each against raw sqlcipher3 `executemany` of the same rows the import writes (operations,
   records, received audit entries) into a copy of the same office, in one transaction, in the
   same run. Target: ratio <= 3.
3. The same import into an office of about `--ops` operations versus the big office.
   Target: ratio <= 1.3 (the cost must follow the bundle, not the office). For context the
   same ratio of the raw inserts is printed: random-key B-tree inserts and the commit touch
   more pages in a bigger database whatever the application does.

Offices are copies of one office (same keys), filled by other devices' bundles; every timed
import starts from a fresh copy. Medians of `--repeat` runs. `--keep DIR` keeps the
generated workspaces (generating 100,000 operations of demo data takes a few minutes).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import report

os.environ.setdefault("PIPPI_KDF_MEMORY_KIB", "65536")
os.environ.setdefault("PIPPI_KDF_ITERATIONS", "1")

from sqlalchemy import text

from pippi_desktop.services import bundle_export, bundle_import, trust_service
from pippi_desktop.services.demo_data import fill_demo_data
from pippi_desktop.services.workspace_service import create_workspace, open_workspace
from pippi_desktop.storage import keyslots as ks
from pippi_desktop.storage.engine import connect_raw

PASSPHRASE = "misura la sincronizzazione"
SYNCED_TABLES = (
    "families",
    "people",
    "equipe_members",
    "dispositivi",
    "phase_records",
    "visits",
    "group_sessions",
    "group_attendance",
    "assessments",
    "assessment_entries",
    "microproject_items",
    "catalogues",
)


def _key(root: Path) -> bytes:
    slots, _ = ks.load(root / "keyslots.json")
    return bytes(ks.unlock_with_passphrase(slots, PASSPHRASE))


def _open(root: Path, key: bytes):
    return open_workspace(root, unlocker=lambda _slots: bytearray(key))


def _operations(workspace) -> int:
    with workspace.read() as connection:
        return int(connection.execute(text("SELECT count(*) FROM op_log")).scalar() or 0)


def _educator(root: Path, name: str, ops: int, seed: int):
    workspace = create_workspace(
        root / f"{name}.pippiws", role="educator", name=name, passphrase=PASSPHRASE
    ).workspace
    while _operations(workspace) < ops:
        fill_demo_data(workspace, 10, seed=seed)
    return workspace


def _trust(office, educator, root: Path, name: str) -> None:
    card = trust_service.export_office_card(office, root / f"office-for-{name}.card")
    trust_service.trust_office(educator, card.path, card.fingerprint)
    device = trust_service.export_device_card(educator, root / f"{name}.card")
    trust_service.register_device(office, device.path, device.fingerprint, educator=name)


def _prepare(root: Path, ops: int, office_ops: int) -> dict[str, Path]:
    """Office templates (small, big) holding other devices' data, and the measured bundle."""
    done = root / "ready"
    paths = {
        "small": root / "office-small.pippiws",
        "big": root / "office-big.pippiws",
        "bundle": root / "measured.pippi",
        "educator": root / "measured.pippiws",
    }
    if done.exists():
        return paths
    start = time.perf_counter()
    office = create_workspace(
        root / "office.pippiws", role="office", name="Ufficio", passphrase=PASSPHRASE
    ).workspace
    measured = _educator(root, "measured", ops, seed=1)
    small_filler = _educator(root, "small-filler", ops, seed=2)
    big_filler = _educator(root, "big-filler", office_ops, seed=3)
    for name, educator in (
        ("measured", measured),
        ("small-filler", small_filler),
        ("big-filler", big_filler),
    ):
        _trust(office, educator, root, name)
    fills = {}
    for name, educator in (("small", small_filler), ("big", big_filler)):
        result = bundle_export.export_bundle(educator)
        assert result.file is not None
        fills[name] = result.file
    bundle = bundle_export.export_bundle(measured)
    assert bundle.file is not None
    shutil.copy(bundle.file, paths["bundle"])
    office_root = office.layout.root
    for workspace in (office, measured, small_filler, big_filler):
        workspace.close()
    key = _key(office_root)
    for name in ("small", "big"):
        shutil.copytree(office_root, paths[name])
        with _open(paths[name], key) as filled:
            (outcome,) = bundle_import.import_bundles(filled, [fills[name]])
            assert outcome.status == "applied", outcome.reason
    done.write_text("ok")
    print(f"generated the workspaces in {time.perf_counter() - start:.0f} s")
    return paths


def _timed_import(template: Path, bundle: Path, key: bytes, scratch: Path) -> tuple[float, Path]:
    copy = scratch / f"import-{time.monotonic_ns()}.pippiws"
    shutil.copytree(template, copy)
    with _open(copy, key) as office:
        start = time.perf_counter()
        (outcome,) = bundle_import.import_bundles(office, [bundle])
        elapsed = time.perf_counter() - start
        assert outcome.status == "applied", outcome.reason
    return elapsed, copy


def _rows_written(imported: Path, key: bytes) -> list[tuple[str, list[str], list[tuple]]]:
    """The rows the import wrote: the device's operations and audit entries, its records."""
    connection = connect_raw(imported / "workspace.db", key)
    try:
        device = connection.execute(
            "SELECT device_id FROM bundles_received ORDER BY imported_at DESC LIMIT 1"
        ).fetchone()[0]
        tables = []

        def grab(table: str, where: str, *params: object) -> None:
            cursor = connection.execute(f"SELECT * FROM {table} WHERE {where}", params)
            columns = [item[0] for item in cursor.description]
            tables.append((table, columns, cursor.fetchall()))

        grab("op_log", "device_id = ?", device)
        grab("received_audit", "sender_device_id = ?", device)
        for table in SYNCED_TABLES:
            grab(table, "id IN (SELECT record_id FROM op_log WHERE device_id = ?)", device)
        return tables
    finally:
        connection.close()


def _timed_raw(template: Path, key: bytes, rows, scratch: Path) -> float:
    copy = scratch / f"raw-{time.monotonic_ns()}.pippiws"
    shutil.copytree(template, copy)
    connection = connect_raw(copy / "workspace.db", key)
    try:
        start = time.perf_counter()
        connection.execute("BEGIN")
        for table, columns, values in rows:
            marks = ", ".join("?" for _ in columns)
            connection.executemany(
                f"INSERT OR REPLACE INTO {table} ({', '.join(columns)}) VALUES ({marks})", values
            )
        connection.execute("COMMIT")
        elapsed = time.perf_counter() - start
    finally:
        connection.close()
    shutil.rmtree(copy)
    return elapsed


def _timed_export(educator_root: Path, key: bytes) -> tuple[float, int]:
    with _open(educator_root, key) as educator:
        start = time.perf_counter()
        result = bundle_export.export_bundle(educator, full=True)
        elapsed = time.perf_counter() - start
        assert result.written and result.file is not None
        result.file.unlink()
    return elapsed, result.operations


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--ops", type=int, default=10_000)
    parser.add_argument("--office-ops", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path)
    args = parser.parse_args()
    holder = None
    if args.keep is None:
        holder = tempfile.TemporaryDirectory()
        root = Path(holder.name)
    else:
        root = args.keep
        root.mkdir(parents=True, exist_ok=True)
    scratch_holder = tempfile.TemporaryDirectory(dir=root)
    scratch = Path(scratch_holder.name)
    try:
        paths = _prepare(root, args.ops, args.office_ops)
        office_key = _key(paths["big"])
        educator_key = _key(paths["educator"])
        for name in ("small", "big"):
            with _open(paths[name], office_key) as office:
                print(f"office {name}: {_operations(office)} operations")
        exports, sizes = [], []
        big, small, raw, raw_small = [], [], [], []
        rows = None
        for _ in range(args.repeat):
            elapsed, count = _timed_export(paths["educator"], educator_key)
            exports.append(elapsed)
            sizes.append(count)
            elapsed, imported = _timed_import(paths["big"], paths["bundle"], office_key, scratch)
            big.append(elapsed)
            if rows is None:
                rows = _rows_written(imported, office_key)
            shutil.rmtree(imported)
            elapsed, imported = _timed_import(paths["small"], paths["bundle"], office_key, scratch)
            small.append(elapsed)
            shutil.rmtree(imported)
            raw.append(_timed_raw(paths["big"], office_key, rows, scratch))
            raw_small.append(_timed_raw(paths["small"], office_key, rows, scratch))
        assert rows is not None
        written = sum(len(values) for _, _, values in rows)
        print(f"bundle: {sizes[0]} operations; the import writes {written} rows")
        baseline = statistics.median(raw)
        ok1 = report(
            f"export {sizes[0]} operations vs raw executemany of the rows",
            statistics.median(exports),
            baseline,
            target=3,
        )
        ok2 = report(
            "import into the big office vs raw executemany of the rows",
            statistics.median(big),
            baseline,
            target=3,
        )
        ok3 = report(
            "import into the big office vs into the small one",
            statistics.median(big),
            statistics.median(small),
            target=1.3,
        )
        report(
            "  for context: raw executemany into the big vs the small office",
            baseline,
            statistics.median(raw_small),
            target=1.3,
        )
        print(f"load average: {os.getloadavg()[0]:.2f} (2 cores shared)")
    finally:
        scratch_holder.cleanup()
        if holder is not None:
            holder.cleanup()
    return 0 if ok1 and ok2 and ok3 else 1


if __name__ == "__main__":
    sys.exit(main())
