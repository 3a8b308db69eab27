"""A throw-away demo workspace with synthetic data, for the quick start and screenshots."""

from __future__ import annotations

import secrets
import tempfile
from dataclasses import dataclass
from pathlib import Path

from pippi_desktop.services.open_workspace import OpenWorkspace
from pippi_desktop.services.workspace_service import create_workspace

_WORDS = [
    "aquilone",
    "girasole",
    "lanterna",
    "mandorla",
    "nuvola",
    "ortica",
    "pendolo",
    "quaderno",
    "ruscello",
    "sentiero",
    "tamburo",
    "uliveto",
    "vaniglia",
    "zattera",
    "bussola",
    "cometa",
    "fienile",
    "gabbiano",
    "melograno",
    "ombrello",
]


@dataclass(frozen=True)
class DemoWorkspace:
    path: Path
    passphrase: str
    recovery_code: str
    workspace: OpenWorkspace


def demo_passphrase() -> str:
    return "-".join(secrets.choice(_WORDS) for _ in range(4))


def create_demo_workspace(
    parent: Path | None = None, *, name: str = "Demo educatore"
) -> DemoWorkspace:
    folder = Path(parent) if parent else Path(tempfile.mkdtemp(prefix="pippi-demo-"))
    path = folder / "demo.pippiws"
    passphrase = demo_passphrase()
    created = create_workspace(path, role="educator", name=name, passphrase=passphrase)
    return DemoWorkspace(path, passphrase, created.recovery_code, created.workspace)
