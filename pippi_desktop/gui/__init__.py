"""Qt windows, dialogs, item models, widgets and background workers (the only Qt layer)."""
