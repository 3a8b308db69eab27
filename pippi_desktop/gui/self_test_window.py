"""The GUI's step of `pippi-desktop self-test`: the real main window, offscreen, then closed.

`cli/selftest_command.py` imports this module only when the step runs (the command line
never imports Qt itself). It starts Qt on the offscreen platform, installs the translators of
the self-test's language (so the built program proves its catalogues load), opens the main
window through the application controller on the self-test's workspace, as after unlocking,
and shuts everything down again. The controller takes the workspace over and closes it.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from pippi_desktop.domain.errors import SelfTestFailed

if TYPE_CHECKING:
    from pippi_desktop.services.self_test import SelfTestContext


def open_and_close_main_window(ctx: SelfTestContext) -> str:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before Qt starts: no screen is needed
    from pippi_desktop.gui.app import prepare_application
    from pippi_desktop.gui.controller import AppController
    from pippi_desktop.gui.i18n import use_language
    from pippi_desktop.gui.screenshots import _quiet_offscreen_warnings
    from pippi_desktop.gui.settings import Settings

    if ctx.folder is None:
        raise SelfTestFailed("temp_folder")
    _quiet_offscreen_warnings()
    app = prepare_application()
    use_language(ctx.lang)
    settings = Settings(ctx.folder / "settings.ini")  # never the user's own preferences
    controller = AppController(app, settings, remember_workspace=False, default_parent=ctx.folder)
    workspace = ctx.require_workspace()
    ctx.workspace = None  # the controller closes it on shutdown
    try:
        controller.start_with(workspace)
        controller.runner.wait_until_idle()
        app.processEvents()
        window = controller.ensure_main_window()
        window.show()
        app.processEvents()
        picture = window.grab()
        if (
            not window.isVisible()
            or picture.isNull()
            or "PIPPI Desktop" not in window.windowTitle()
        ):
            raise SelfTestFailed()
    finally:
        controller.shutdown()
        settings.sync()  # written now, inside the folder the self-test removes; not at exit
    return ctx._("aperta e chiusa ({width}×{height}, Qt {platform})").format(
        width=picture.width(), height=picture.height(), platform=app.platformName()
    )
