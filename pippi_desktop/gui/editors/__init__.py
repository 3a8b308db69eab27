"""Record editors and what keeps their edits alive across a lock.

Every editor (part 2: visit, group session, assessment, …) subclasses `EditorDialog` and
implements the draft protocol (`DraftEditor`); `EditorHost` keeps the open editors, turns them
into encrypted drafts when the workspace locks and re-creates them after unlocking through
the factories registered per `draft_kind`.

Import them from their modules: `editors.host` is on the path that paints the unlock dialog
(the controller owns the host from the start) and imports no service; `editors.base` and the
editors bring the services (SQLAlchemy), imported once the main window is built.
"""
