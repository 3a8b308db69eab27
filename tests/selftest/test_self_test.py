"""`pippi-desktop self-test` from source: real subprocesses, real failures, nothing left behind.

The suite lowers the KDF through PIPPI_KDF_* (conftest); the subprocesses inherit that, so the
"256 MiB" checks below also prove that the self-test ignores it and uses the real cost.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest

import pippi_desktop
from pippi_desktop.domain.i18n import N_, Lang
from pippi_desktop.services import self_test
from pippi_desktop.services.self_test import (
    FAILED,
    OK,
    SKIPPED,
    SelfTestContext,
    SelfTestStep,
    lazy,
    run_self_test,
)
from tests.conftest import run_cli

REPO = Path(__file__).resolve().parents[2]
ALL_STEPS = ["temp_folder", "workspace", "migrations", "record", "verify", "bundle", "pdf"]
ALL_STEPS += ["main_window"]
NOT_BUILT_YET: list[str] = []
CORE_STEPS = [name for name in ALL_STEPS if name not in NOT_BUILT_YET]


def _no_traceback(text: str) -> None:
    assert "Traceback" not in text
    assert "Error:" not in text  # no Python exception line either


def test_json_from_source_passes_with_the_real_kdf(tmp_path: Path) -> None:
    result = run_cli("self-test", "--json", "--lang", "en", "--temp-dir", tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert report["ok"] is True
    assert report["frozen"] is False
    assert report["app_version"] == pippi_desktop.__version__
    steps = report["steps"]
    assert [step["name"] for step in steps] == ALL_STEPS
    for step in steps:
        assert set(step) == {"name", "status", "seconds", "message"}
        assert step["status"] in (OK, SKIPPED)
        assert step["seconds"] >= 0
    by_name = {step["name"]: step for step in steps}
    assert all(by_name[name]["status"] == OK for name in CORE_STEPS)
    assert "Argon2id 256 MiB, 3 passes" in by_name["workspace"]["message"]
    assert by_name["main_window"]["message"].startswith("opened and closed (")
    assert "signed, encrypted and imported; altered copy refused" in by_name["bundle"]["message"]
    assert list(tmp_path.iterdir()) == [], "the self-test left files behind"


def test_text_output_is_italian_step_by_step(tmp_path: Path) -> None:
    result = run_cli("self-test", "--temp-dir", tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"Autoverifica di PIPPI Desktop {pippi_desktop.__version__}"
    step_lines = lines[1:-1]
    assert len(step_lines) == len(ALL_STEPS)
    assert step_lines[1].split()[0] == "ok" and "Area di lavoro cifrata" in step_lines[1]
    assert "256 MiB, 3 passaggi" in step_lines[1]
    assert step_lines[-3].split()[0] == "ok" and "copia alterata rifiutata" in step_lines[-3]
    assert step_lines[-2].split()[0] == "ok" and "caratteri DejaVu incorporati" in step_lines[-2]
    assert step_lines[-1].split()[0] == "ok" and "Finestra principale" in step_lines[-1]
    assert lines[-1].startswith("Autoverifica riuscita: 8 passi superati")
    assert result.stderr == ""
    assert list(tmp_path.iterdir()) == []


def test_a_missing_resource_fails_the_step_that_needs_it(tmp_path: Path) -> None:
    """A build that forgot one data file (the real condition: a copy of resources/ without
    the common-password list, which creating a workspace reads)."""
    partial = tmp_path / "resources"
    shutil.copytree(REPO / "resources", partial)
    (partial / "common_passwords.txt").unlink()
    temp = tmp_path / "temp"
    temp.mkdir()
    env = {"PIPPI_RESOURCES": str(partial)}

    result = run_cli("self-test", "--temp-dir", temp, env=env)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "Autoverifica non riuscita al passo «Area di lavoro cifrata (chiave reale)»: Manca un "
        "file dell'applicazione (common_passwords.txt): reinstalla PIPPI Desktop."
    )
    assert "ERRORE" in result.stdout.splitlines()[-1]
    _no_traceback(result.stdout + result.stderr)
    assert list(temp.iterdir()) == [], "a failed self-test must remove its folder too"

    result = run_cli("self-test", "--json", "--lang", "en", "--temp-dir", temp, env=env)
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["ok"] is False
    assert [(s["name"], s["status"]) for s in report["steps"]] == [
        ("temp_folder", OK),
        ("workspace", FAILED),
    ]
    assert report["steps"][-1]["message"] == (
        "A file of the application is missing (common_passwords.txt): reinstall PIPPI Desktop."
    )
    assert "Self-test failed at step “Encrypted workspace (real key cost)”" in result.stderr
    _no_traceback(result.stderr)
    assert list(temp.iterdir()) == []


def test_an_empty_resources_folder_says_reinstall(tmp_path: Path) -> None:
    """Without resources/ the self-test stops at the first step that needs one: one sentence
    naming the missing file, exit 1."""
    result = run_cli("self-test", env={"PIPPI_RESOURCES": str(tmp_path)})
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Manca un file dell'applicazione (" in result.stderr
    assert result.stderr.strip().endswith("): reinstalla PIPPI Desktop.")
    _no_traceback(result.stdout + result.stderr)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc is Linux's")
def test_a_temp_dir_nobody_can_write_fails_the_first_step() -> None:
    """/proc refuses new folders to every user, root included (CI may run as root)."""
    result = run_cli("self-test", "--json", "--temp-dir", "/proc")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert [(s["name"], s["status"]) for s in report["steps"]] == [("temp_folder", FAILED)]
    assert result.stderr.strip().startswith(
        "Autoverifica non riuscita al passo «Cartella temporanea»: Non riesco a creare o a "
        "scrivere la cartella temporanea"
    )
    _no_traceback(result.stderr)


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes into read-only folders"
)
def test_a_read_only_temp_dir_fails_the_first_step(tmp_path: Path) -> None:
    locked = tmp_path / "read-only"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        result = run_cli("self-test", "--lang", "en", "--temp-dir", locked)
    finally:
        locked.chmod(0o700)
    assert result.returncode == 1
    assert "Self-test failed at step “Temporary folder”" in result.stderr
    assert list(locked.iterdir()) == []


def test_bad_temp_dir_is_a_usage_error(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    result = run_cli("self-test", "--temp-dir", missing)
    assert result.returncode == 2
    assert result.stderr.startswith("Comando non valido: argomento --temp-dir: la cartella non")
    result = run_cli("self-test", "--lang", "en", "--temp-dir", missing)
    assert result.returncode == 2
    assert "the folder does not exist" in result.stderr
    result = run_cli("self-test", "--jsn")
    assert result.returncode == 2
    _no_traceback(result.stderr)
    assert not missing.exists()


# --- the runner on its own (real step functions, no workspace) --------------------------------


def _write_then_read_a_missing_file(ctx: SelfTestContext) -> str:
    assert ctx.folder is not None
    (ctx.folder / "made-by-a-step.txt").write_text("x", encoding="utf-8")
    (ctx.folder / "never-written.txt").read_bytes()
    return "unreachable"


def test_runner_stops_at_the_first_failure_and_removes_everything(tmp_path: Path) -> None:
    seen: list[str] = []
    steps = [
        SelfTestStep("temp_folder", N_("Cartella"), lazy(self_test.__name__, "make_temp_folder")),
        SelfTestStep("later_feature", N_("Più avanti")),
        SelfTestStep("breaks", N_("Si rompe"), _write_then_read_a_missing_file),
        SelfTestStep("never", N_("Mai"), self_test.create_encrypted_workspace),
    ]
    report = run_self_test(
        steps,
        lang=Lang.EN,
        temp_parent=tmp_path,
        on_result=lambda step, result: seen.append(f"{step.name}:{result.status}"),
    )
    assert seen == ["temp_folder:ok", "later_feature:skipped", "breaks:failed"]
    assert not report.ok
    assert report.failed is not None and report.failed.name == "breaks"
    assert report.failed.message == (
        "The check failed with an unexpected error; the details are in the application log."
    )
    assert report.as_json()["steps"][1] == {
        "name": "later_feature",
        "status": "skipped",
        "seconds": 0.0,
        "message": "not built yet",
    }
    assert list(tmp_path.iterdir()) == []


def test_every_step_has_a_unique_name_and_both_labels() -> None:
    from pippi_desktop.cli.selftest_command import all_steps

    steps = all_steps()
    assert [step.name for step in steps] == ALL_STEPS
    for step in steps:
        italian, english = step.label.translated(Lang.IT), step.label.translated(Lang.EN)
        assert italian and english and italian != english and italian != step.name
