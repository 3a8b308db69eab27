"""Give a dialog the size its texts need, within the screen.

Qt sizes a new window from its size hint, then the screen may make it narrower (a 1366-pixel
laptop, long English or German texts); the height was computed for the wider size, so word-
wrapped labels get cut. `fit_to_contents` picks the width first (the hint, at most 90 % of the
screen) and then asks the layout how tall it must be at that width.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def fit_to_contents(window: QWidget) -> None:
    layout = window.layout()
    if layout is None:
        return
    layout.activate()
    screen = window.screen().availableGeometry()
    width = max(window.minimumSizeHint().width(), window.minimumWidth())
    width = max(width, min(window.sizeHint().width(), int(screen.width() * 0.9)))
    height = window.sizeHint().height()
    if layout.hasHeightForWidth():
        height = max(height, layout.totalHeightForWidth(width))
    height = min(max(height, window.minimumSizeHint().height()), int(screen.height() * 0.95))
    window.resize(width, height)


def grow_to_contents(window: QWidget) -> None:
    """After a message appeared (an error under a field): taller if needed, same width, never
    taller than the screen (a big form keeps its size; its text boxes give up the room)."""
    layout = window.layout()
    if layout is None or not window.isVisible():
        return
    layout.activate()
    needed = max(window.minimumSizeHint().height(), window.sizeHint().height())
    if layout.hasHeightForWidth():
        needed = max(needed, layout.totalHeightForWidth(window.width()))
    needed = min(needed, int(window.screen().availableGeometry().height() * 0.95))
    if needed > window.height():
        window.resize(window.width(), needed)
