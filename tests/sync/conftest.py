"""Fixtures of the sync tests: an office and educators that trust each other."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from pippi_desktop.services.open_workspace import OpenWorkspace
from tests.sync.helpers import trust_pair


@pytest.fixture
def trusted(
    new_workspace, tmp_path: Path
) -> Callable[..., tuple[OpenWorkspace, list[OpenWorkspace]]]:
    """Factory: an office and `n` educators, each trusting it and registered by it."""

    def make(n: int = 1) -> tuple[OpenWorkspace, list[OpenWorkspace]]:
        office = new_workspace("office", role="office")
        educators = []
        for index in range(n):
            educator = new_workspace(f"edu{index}")
            trust_pair(office, educator, tmp_path, name=f"Educatore {index}")
            educators.append(educator)
        return office, educators

    return make
