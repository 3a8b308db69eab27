"""Opening the workspace named on the command line, with the passphrase from its sources."""

from __future__ import annotations

import argparse
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pippi_desktop.cli.app import CliContext
from pippi_desktop.cli.secrets_input import current_passphrase
from pippi_desktop.domain.errors import PippiError
from pippi_desktop.domain.i18n import _
from pippi_desktop.services.open_workspace import OpenWorkspace
from pippi_desktop.services.workspace_service import check_workspace_path, open_workspace

log = logging.getLogger(__name__)


def add_passphrase_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help=_("file la cui prima riga è la passphrase (altrimenti PIPPI_PASSPHRASE o richiesta)"),
    )


@contextmanager
def opened_workspace(
    path: str, args: argparse.Namespace, ctx: CliContext
) -> Iterator[OpenWorkspace]:
    """Open, yield, close; an unexpected error is logged while the workspace log is attached."""
    check_workspace_path(Path(path))
    passphrase = current_passphrase(getattr(args, "passphrase_file", None), ctx.lang)
    workspace = open_workspace(Path(path), passphrase=passphrase)
    try:
        yield workspace
    except PippiError:
        raise
    except Exception as error:
        log.error("unexpected error in command", exc_info=True)
        error.pippi_logged = True  # type: ignore[attr-defined]
        raise
    finally:
        workspace.close()
