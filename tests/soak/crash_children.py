"""Child processes that the crash tests kill with SIGKILL at random moments.

`python -m tests.soak.crash_children write PATH` opens the workspace and commits one small
transaction after another (a meta counter and an audit entry together), printing the counter
after each commit: a printed number is an acknowledged write and must survive the kill.

`python -m tests.soak.crash_children rekey PATH` opens the workspace with PIPPI_PASSPHRASE,
prints "ready" and changes the passphrase to PIPPI_NEW_PASSPHRASE (a rotation of the data
key), so the parent's kill falls on the rotation rather than on the start-up.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from sqlalchemy import text

from pippi_desktop.services.open_workspace import store_of
from pippi_desktop.services.workspace_service import change_passphrase, open_workspace
from pippi_desktop.storage.audit import AuditEvent
from pippi_desktop.storage.meta import write_meta_values


def write_forever(path: Path) -> None:
    workspace = open_workspace(path, passphrase=os.environ["PIPPI_PASSPHRASE"])
    with store_of(workspace).read() as connection:
        counter = int(
            connection.execute(
                text("SELECT value FROM workspace_meta WHERE key='crash_counter'")
            ).scalar()
            or 0
        )
    print("ready", flush=True)
    while True:
        counter += 1
        with store_of(workspace).write() as connection:
            write_meta_values(
                connection, {"crash_counter": str(counter), f"row_{counter}": "x" * 300}
            )
            store_of(workspace).audit(connection, AuditEvent("crash_test", "meta", str(counter)))
        print(counter, flush=True)


def rekey(path: Path) -> None:
    old, new = os.environ["PIPPI_PASSPHRASE"], os.environ["PIPPI_NEW_PASSPHRASE"]
    workspace = open_workspace(path, passphrase=old)
    print("ready", flush=True)
    change_passphrase(workspace, new, old=old)
    workspace.close()
    print("done", flush=True)


if __name__ == "__main__":
    if sys.argv[1] == "write":
        write_forever(Path(sys.argv[2]))
    elif sys.argv[1] == "rekey":
        rekey(Path(sys.argv[2]))
