"""The File menu's keys and copies (issue 13): change the passphrase, a new recovery code,
write a backup, restore one. Each window runs its service call on the worker with a busy bar
and shows errors with the error module's sentence.

These windows are laid out in code, not in Qt Designer forms: they were written while the
GUI's texts moved from `self.tr()` to gettext (`_()`), and every text here already goes
through `_()`.
"""
