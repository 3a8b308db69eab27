"""Child process of `benchmarks/gui.py` (cold start): start, paint one window, print when.

    python benchmarks/_first_paint.py bare    a bare QMainWindow
    python benchmarks/_first_paint.py app     `pippi-desktop` with no arguments: the real
                                              command line, whose settings (PIPPI_SETTINGS_FILE)
                                              name a workspace, so it shows the unlock dialog

Both sides do the same things around the work measured: the QApplication is made first (the
application's `prepare_application` reuses it) with the same event filter; when the window
named on the command line receives its first paint event, a zero timer waits for the rest of
that paint pass (its child widgets, the flush to the screen), then the child prints
`time.monotonic()` (one clock for every process of the machine) and the CPU seconds the process
has used so far (all its threads), and leaves at once. The parent takes the same monotonic
clock just before starting the process. Nothing else is imported here first.
"""

import os
import sys
import time


def main() -> None:
    side = sys.argv[1]
    window_class = {"bare": "QMainWindow", "app": "UnlockDialog"}[side]

    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])

    def painted() -> None:
        sys.stdout.write(f"{time.monotonic()!r} {time.process_time()!r}\n")
        sys.stdout.flush()
        os._exit(0)

    class FirstPaint(QObject):
        seen = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if (
                not self.seen
                and event.type() == QEvent.Type.Paint
                and type(watched).__name__ == window_class
            ):
                self.seen = True
                QTimer.singleShot(0, painted)
            return False

    watch = FirstPaint()
    app.installEventFilter(watch)
    if side == "bare":
        from PySide6.QtWidgets import QMainWindow

        window = QMainWindow()
        window.show()
        app.exec()
    else:
        from pippi_desktop.cli import main as pippi_desktop

        pippi_desktop([])
    sys.exit("the window was never painted")


if __name__ == "__main__":
    main()
