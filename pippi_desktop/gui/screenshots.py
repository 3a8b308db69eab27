"""`pippi-desktop --screenshot DIR [--lang en]`: one PNG of each window, offscreen.

A fresh demo workspace (temporary folder, synthetic data) and temporary settings, so the
user's own preferences and workspaces are never touched. The main window is saved at
1366×768, the size of the usual field laptop; dialogs at their own size.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from pippi_desktop.domain.i18n import Lang

LAPTOP_SCREEN = (
    '{"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768, '
    '"logicalDpiX": 96, "logicalDpiY": 96, "logicalBaseDpi": 96, "dpr": 1}]}'
)


def _use_offscreen_laptop_screen(folder: Path) -> None:
    """Offscreen Qt with one 1366×768 screen (its default screen is 800×800)."""
    config = folder / "offscreen-screen.json"
    config.write_text(LAPTOP_SCREEN, encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


def _quiet_offscreen_warnings() -> None:
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        if "This plugin does not support" in message:
            return
        print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


def save_screenshots(out_dir: str | Path, *, lang: Lang) -> int:
    screen_dir = Path(tempfile.mkdtemp(prefix="pippi-screen-"))
    _use_offscreen_laptop_screen(screen_dir)
    _quiet_offscreen_warnings()
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QWidget

    from pippi_desktop.gui.app import prepare_application
    from pippi_desktop.gui.controller import AppController
    from pippi_desktop.gui.first_run.pages import (
        PAGE_CODE,
        PAGE_CONFIRM,
        PAGE_DETAILS,
        PAGE_PASSPHRASE,
        PAGE_START,
    )
    from pippi_desktop.gui.first_run.wizard import FirstRunWizard
    from pippi_desktop.gui.i18n import use_language
    from pippi_desktop.gui.settings import Settings
    from pippi_desktop.gui.unlock_dialog import UnlockDialog
    from pippi_desktop.services.demo_service import create_demo_workspace

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    app = prepare_application()
    use_language(lang)
    saved: list[Path] = []

    def grab(widget: QWidget, name: str) -> None:
        widget.show()
        app.processEvents()
        target = out / f"{name}-{lang.value}.png"
        widget.grab().save(str(target))
        saved.append(target)

    with tempfile.TemporaryDirectory(prefix="pippi-shots-") as tmp:
        settings = Settings(Path(tmp) / "settings.ini")
        controller = AppController(
            app, settings, remember_workspace=False, default_parent=Path(tmp)
        )
        try:
            demo = create_demo_workspace(Path(tmp))
            controller.start_with(demo.workspace)
            controller.runner.wait_until_idle()
            app.processEvents()
            window = controller.ensure_main_window()
            window.resize(QSize(1366, 768))
            grab(window, "main-window")
            about = window.show_about()
            grab(about, "about-dialog")
            about.close()
            preferences = controller.show_preferences()
            grab(preferences, "preferences-dialog")
            preferences.close()

            wizard = FirstRunWizard(controller.session, default_parent=Path(tmp))
            for page_id, name in (
                (PAGE_START, "wizard-1-start"),
                (PAGE_DETAILS, "wizard-2-details"),
                (PAGE_PASSPHRASE, "wizard-3-passphrase"),
                (PAGE_CODE, "wizard-4-recovery-code"),
                (PAGE_CONFIRM, "wizard-5-confirm"),
            ):
                wizard.show_page_for_screenshot(page_id)
                if page_id == PAGE_CODE:
                    wizard.code_page.set_code(demo.recovery_code)
                grab(wizard, name)
            wizard.close()
            wizard.deleteLater()

            controller.lock(ask_passphrase=False)
            controller.runner.wait_until_idle()
            app.processEvents()
            grab(window, "main-window-locked")
            unlock = UnlockDialog(
                demo.path,
                "screenshot",
                session=controller.session,
                settings=settings,
                parent=None,
            )
            grab(unlock, "unlock-dialog")
            recovery = unlock.open_recovery()
            grab(recovery, "recovery-dialog")
            recovery.close()
            unlock.close()
            unlock.deleteLater()
        finally:
            controller.shutdown()
            app.processEvents()
    shutil.rmtree(screen_dir, ignore_errors=True)
    for path in saved:
        print(path)
    return 0
