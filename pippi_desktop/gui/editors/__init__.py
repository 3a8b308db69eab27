"""Record editors and what keeps their edits alive across a lock.

Every editor (part 2: visit, group session, assessment, …) subclasses `EditorDialog` and
implements the draft protocol (`DraftEditor`); `EditorHost` keeps the open editors, turns them
into encrypted drafts when the workspace locks and re-creates them after unlocking through
the factories registered per `draft_kind`.
"""

from pippi_desktop.gui.editors.base import DraftEditor, EditorDialog
from pippi_desktop.gui.editors.host import EditorFactory, EditorHost

__all__ = ["DraftEditor", "EditorDialog", "EditorFactory", "EditorHost"]
