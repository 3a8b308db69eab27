"""What `pippi-desktop` does without a command: the window, a demo, or screenshots."""

from __future__ import annotations

import argparse
import os
import sys

from pippi_desktop.cli.app import CliContext
from pippi_desktop.cli.workspace_commands import print_info
from pippi_desktop.domain.errors import EXIT_OK
from pippi_desktop.domain.i18n import Lang, parse_lang
from pippi_desktop.services.demo_service import create_demo_workspace
from pippi_desktop.services.workspace_service import workspace_info

DEMO_FAMILIES = 20  # synthetic families in the window's demo workspace (a few seconds)


def has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] == "offscreen":
        return False
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def run_headless_demo(ctx: CliContext) -> int:
    demo = create_demo_workspace()
    with demo.workspace as workspace:
        info = workspace_info(workspace)
    ctx.say(
        "Nessuno schermo disponibile: creata un'area di lavoro dimostrativa in {path}\n"
        "Passphrase: {passphrase}\n",
        "No display available: created a demo workspace in {path}\nPassphrase: {passphrase}\n",
        path=demo.path,
        passphrase=demo.passphrase,
    )
    print_info(info, ctx)
    return EXIT_OK


def _explicit_lang(args: argparse.Namespace) -> Lang | None:
    """The language asked for on this run (--lang or PIPPI_LANG); None: the saved setting."""
    chosen = getattr(args, "lang", None) or os.environ.get("PIPPI_LANG")
    return parse_lang(chosen) if chosen else None


def launch_application(args: argparse.Namespace, ctx: CliContext) -> int:
    """`pippi-desktop` without a command. Qt is imported only here, lazily (gui/app.py)."""
    if args.screenshot:
        from pippi_desktop.gui.app import take_screenshots

        return take_screenshots(args.screenshot, lang=ctx.lang)
    if not has_display():
        return run_headless_demo(ctx)
    if args.demo:
        from pippi_desktop.services.demo_data import fill_demo_data  # Faker: only for the demo

        demo = create_demo_workspace()
        fill_demo_data(demo.workspace, DEMO_FAMILIES)
        ctx.say(
            "Area di lavoro dimostrativa in {path}\nPassphrase (serve dopo il blocco): "
            "{passphrase}",
            "Demo workspace in {path}\nPassphrase (needed after locking): {passphrase}",
            path=demo.path,
            passphrase=demo.passphrase,
        )
        from pippi_desktop.gui.app import run_demo_window

        return run_demo_window(demo, lang=_explicit_lang(args))
    from pippi_desktop.gui.app import run_window

    return run_window(lang=_explicit_lang(args))
