"""The path that paints the unlock dialog imports only what the dialog needs.

Starting the window used to take six times as long as a bare Qt window, almost all of it in
imports the dialog does not use (docs/benchmarks.md). This test runs that path in a fresh
interpreter, a real subprocess: the command line's entry point parsing no command, the Qt
application, the controller, the probe of a real workspace and the unlock dialog built for
it; then it lists what was imported. A later change that brings one of `NOT_BEFORE_UNLOCK`
back onto the path fails here, whatever it costs on this machine (no timing is measured).
Then it lets the worker warm up, and checks that the modules unlocking needs came in.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

from pippi_desktop.services.open_workspace import OpenWorkspace

# module -> why the unlock dialog must paint without it
NOT_BEFORE_UNLOCK = {
    "sqlalchemy": "the database layer: the worker imports it when the passphrase is submitted",
    "sqlcipher3": "the encrypted database driver, opened after the key is unwrapped",
    "alembic": "migrations run when the workspace opens",
    "cryptography": "Argon2id and the key slots: needed once the passphrase is submitted",
    "reportlab": "printing, reached from the main window",
    "faker": "demo data only",
    "babel": "dates in words, for the case file",
    "logging.handlers": "the application log opens once the first window has painted",
    "platformdirs": "where the application log lives: asked when it opens",
    "importlib.metadata": "the version is a constant; asking the metadata scanned sys.path",
    "pippi_desktop.storage.keyslots": "its key unwrapping brings cryptography",
    "pippi_desktop.services.workspace_service": "the unlock itself, imported on the worker",
    "pippi_desktop.services.draft_service": "drafts exist only once a workspace was open",
    "pippi_desktop.gui.main_window": "built while the KDF runs, after the dialog",
    "pippi_desktop.gui.editors.base": "record editors open from the main window",
    "pippi_desktop.gui.editors.registry": "every record editor, registered with the window",
    "pippi_desktop.gui.first_run": "the wizard of the first run, not of an unlock",
    "pippi_desktop.gui.recovery_dialog": "opened only when the passphrase is forgotten",
    "pippi_desktop.cli.workspace_commands": "command modules: only the one that runs",
    "pippi_desktop.cli.casefile_commands": "command modules: only the one that runs",
    "pippi_desktop.cli.print_commands": "command modules: only the one that runs",
    "pippi_desktop.cli.sync_commands": "command modules: only the one that runs",
    "pippi_desktop.cli.selftest_command": "command modules: only the one that runs",
}

# what unlocking needs, imported by the warm-up once the dialog is painted
WARMED_UP = (
    "sqlalchemy",
    "cryptography",
    "pippi_desktop.services.workspace_service",
    "pippi_desktop.gui.main_window",
    "pippi_desktop.gui.editors.registry",
)

LAUNCH = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path

    from pippi_desktop.cli import main  # the console script's entry point
    from pippi_desktop.cli.app import build_parser
    from pippi_desktop.cli.registry import commands_to_load, load_commands

    args = build_parser(load_commands(commands_to_load([]))).parse_args([])
    assert getattr(args, "_run", None) is None  # no command: the window
    from pippi_desktop.cli import launch  # what main() imports for it

    from pippi_desktop.gui.app import prepare_application  # run_window's module
    from pippi_desktop.gui.controller import AppController
    from pippi_desktop.gui.settings import Settings
    from pippi_desktop.services.workspace_probe import probe_workspace

    app = prepare_application()
    controller = AppController(app, Settings(Path(sys.argv[2])))
    found = probe_workspace(Path(sys.argv[1]))
    dialog = controller.show_unlock(found.path, found.workspace_id)
    before = sorted(sys.modules)

    dialog.first_painted.emit()  # what the dialog says once painted: the warm-up starts
    controller.warm_up.wait()
    after = sorted(sys.modules)
    controller.shutdown()
    print(json.dumps({"before": before, "after": after}))
    """
)


def _launch(workspace: Path, settings: Path) -> dict[str, list[str]]:
    result = subprocess.run(
        [sys.executable, "-c", LAUNCH, str(workspace), str(settings)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    loaded: dict[str, list[str]] = json.loads(result.stdout.splitlines()[-1])
    return loaded


def _imported(modules: list[str], name: str) -> bool:
    return any(module == name or module.startswith(name + ".") for module in modules)


def test_the_unlock_dialog_paints_before_the_heavy_modules_are_imported(
    new_workspace: Callable[..., OpenWorkspace], tmp_path: Path
) -> None:
    workspace = new_workspace("avvio")
    root = workspace.folder
    workspace.close()
    loaded = _launch(root, tmp_path / "settings.ini")

    early = {
        name: why for name, why in NOT_BEFORE_UNLOCK.items() if _imported(loaded["before"], name)
    }
    assert early == {}, "imported before the unlock dialog could paint"
    assert "pippi_desktop.gui.unlock_dialog" in loaded["before"]  # the test ran the real path

    missing = [name for name in WARMED_UP if not _imported(loaded["after"], name)]
    assert missing == [], "the warm-up left out what unlocking needs"
