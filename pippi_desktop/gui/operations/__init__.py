"""Running service calls off the GUI thread (Anki's `CollectionOp`/`QueryOp` idea).

- `TaskRunner`: the single worker thread; every workspace call goes through it, in order.
- `Operation`: one call with `success`, `failure`, `busy` callbacks on the GUI thread.
- `WorkspaceSession.query(parent, call)` / `.write(parent, call, changes=…)` (gui/session.py)
  build operations whose call receives the open workspace; a write emits
  `session.data_changed(DataChanges)` after success (`services.changes.DataChanges`, the
  "what changed" value services return).
"""

from pippi_desktop.gui.operations.operation import Operation, as_user_error
from pippi_desktop.gui.operations.runner import Outcome, TaskRunner

__all__ = ["Operation", "Outcome", "TaskRunner", "as_user_error"]
