"""The open family's case file (the right pane): header, tabs, and what each tab shows."""
