"""What `pippi-desktop` does without a command: the window, a demo, or screenshots."""

from __future__ import annotations

import argparse
import os
import sys

from pippi_desktop.cli.app import CliContext
from pippi_desktop.cli.workspace_commands import print_info
from pippi_desktop.domain.errors import EXIT_OK
from pippi_desktop.services.demo_service import create_demo_workspace
from pippi_desktop.services.workspace_service import workspace_info


def has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
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


def launch_application(args: argparse.Namespace, ctx: CliContext) -> int:
    # The window arrives with the GUI issue; until then every start is the headless demo.
    return run_headless_demo(ctx)
