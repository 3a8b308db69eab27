"""The application's self-test: the real parts, end to end, in a throw-away folder.

`pippi-desktop self-test` runs `STEPS` (plus the GUI's step, added by the command line) in
order: each step is a named function that gets a `SelfTestContext` and returns a short note for
people, or raises. The first failure stops the run; the temporary folder is removed in every
case. CI runs it inside the frozen build, where it proves that the bundled migrations,
resources and libraries really work: nothing is lowered for it (the workspace gets the default
256 MiB Argon2id, whatever `PIPPI_KDF_*` say).

Adding a step is one line in `STEPS` (or, for the GUI, in `cli/selftest_command.py`):

    SelfTestStep("bundle", "etichetta italiana", "English label", lazy("module", "function")),

where `function(ctx: SelfTestContext) -> str` lives in your own module; `lazy` imports it only
when the step runs, so the command line stays quick to start and no import cycle appears.
A step whose `run` is None is reported as skipped ("not built yet").
"""

from __future__ import annotations

import importlib
import logging
import os
import secrets
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import text

import pippi_desktop
from pippi_desktop.domain.errors import PippiError, SelfTestFailed
from pippi_desktop.domain.i18n import Lang
from pippi_desktop.resource_paths import resources_dir
from pippi_desktop.services.workspace_service import (
    create_workspace,
    open_workspace,
    verify_workspace,
)
from pippi_desktop.storage import migrate
from pippi_desktop.storage.atomic import write_atomic
from pippi_desktop.storage.audit import AuditEvent
from pippi_desktop.storage.key_wrap import DEFAULT_ITERATIONS, DEFAULT_MEMORY_KIB, Argon2Params
from pippi_desktop.storage.meta import read_meta_values, write_meta_values
from pippi_desktop.storage.workspace import Workspace

log = logging.getLogger(__name__)

OK = "ok"
FAILED = "failed"
SKIPPED = "skipped"

WORKSPACE_FOLDER = "autoverifica.pippiws"
RECORD_KEY = "self_test_record"


@dataclass
class SelfTestContext:
    """What the steps share: the language, the temporary folder, the open test workspace."""

    lang: Lang = Lang.IT
    temp_parent: Path | None = None
    passphrase: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    folder: Path | None = None
    workspace: Workspace | None = None
    notes: dict[str, Any] = field(default_factory=dict)  # values a step hands to a later one

    def t(self, italian: str, english: str) -> str:
        return english if self.lang is Lang.EN else italian

    @property
    def workspace_path(self) -> Path:
        if self.folder is None:
            raise SelfTestFailed("temp_folder")
        return self.folder / WORKSPACE_FOLDER

    def require_workspace(self) -> Workspace:
        if self.workspace is None or not self.workspace.is_open:
            self.workspace = open_workspace(self.workspace_path, passphrase=self.passphrase)
        return self.workspace

    def lock_workspace(self) -> None:
        if self.workspace is not None:
            self.workspace.close()
            self.workspace = None

    def clean_up(self) -> None:
        """Close the workspace and remove the temporary folder (also after a failure)."""
        try:
            self.lock_workspace()
        finally:
            if self.folder is not None:
                shutil.rmtree(self.folder, ignore_errors=True)
                if self.folder.exists():
                    log.warning("self-test folder could not be removed completely")
                self.folder = None


StepFunction = Callable[[SelfTestContext], str]


@dataclass(frozen=True)
class SelfTestStep:
    name: str  # stable key, shown in --json
    label_it: str
    label_en: str
    run: StepFunction | None = None  # None: the feature is not built yet

    def label(self, lang: Lang) -> str:
        return self.label_en if lang is Lang.EN else self.label_it


@dataclass(frozen=True)
class StepResult:
    name: str
    status: str  # ok | failed | skipped
    seconds: float
    message: str

    def as_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "status": self.status,
            "seconds": round(self.seconds, 3),
            "message": self.message,
        }


@dataclass(frozen=True)
class SelfTestReport:
    results: tuple[StepResult, ...]

    @property
    def ok(self) -> bool:
        return all(result.status != FAILED for result in self.results)

    @property
    def failed(self) -> StepResult | None:
        return next((r for r in self.results if r.status == FAILED), None)

    @property
    def seconds(self) -> float:
        return sum(result.seconds for result in self.results)

    def as_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "app_version": pippi_desktop.__version__,
            "frozen": bool(getattr(sys, "frozen", False)),
            "steps": [result.as_json() for result in self.results],
        }


def lazy(module: str, function: str) -> StepFunction:
    """A step function imported only when the step runs."""

    def run(ctx: SelfTestContext) -> str:
        step: StepFunction = getattr(importlib.import_module(module), function)
        return step(ctx)

    return run


def run_self_test(
    steps: Sequence[SelfTestStep],
    *,
    lang: Lang = Lang.IT,
    temp_parent: Path | None = None,
    on_result: Callable[[SelfTestStep, StepResult], None] | None = None,
) -> SelfTestReport:
    """Run `steps` in order until the first failure; always remove what they made."""
    ctx = SelfTestContext(lang=lang, temp_parent=temp_parent)
    results: list[StepResult] = []
    try:
        for step in steps:
            result = _run_step(step, ctx)
            results.append(result)
            if on_result is not None:
                on_result(step, result)
            if result.status == FAILED:
                break
    finally:
        ctx.clean_up()
    return SelfTestReport(tuple(results))


def _run_step(step: SelfTestStep, ctx: SelfTestContext) -> StepResult:
    if step.run is None:
        return StepResult(step.name, SKIPPED, 0.0, ctx.t("non ancora realizzato", "not built yet"))
    start = time.perf_counter()
    try:
        message = step.run(ctx)
    except Exception as error:
        failure = _as_failure(error)
        if type(failure) is SelfTestFailed and failure.variant == "":
            log.error("self-test step %s failed", step.name, exc_info=True)
        else:
            log.info("self-test step %s failed: %s", step.name, failure.code)
        return StepResult(step.name, FAILED, time.perf_counter() - start, failure.message(ctx.lang))
    return StepResult(step.name, OK, time.perf_counter() - start, message)


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except (OSError, ValueError):
        return False
    return True


def _as_failure(error: Exception) -> PippiError:
    """The one sentence for a failed step: typed errors speak for themselves."""
    if isinstance(error, PippiError):
        return error
    filename = getattr(error, "filename", None)
    if isinstance(error, FileNotFoundError) and filename:
        missing = Path(os.fsdecode(filename))
        package_dir = Path(pippi_desktop.__file__).parent
        if _inside(missing, resources_dir()) or _inside(missing, package_dir):
            return SelfTestFailed("app_file_missing", file=missing.name)
    return SelfTestFailed()


# --- the steps of the core ---------------------------------------------------------------------


def make_temp_folder(ctx: SelfTestContext) -> str:
    """A private temporary folder where an atomic write (temp file, fsync, rename) works."""
    try:
        ctx.folder = Path(tempfile.mkdtemp(prefix="pippi-selftest-", dir=ctx.temp_parent))
        os.chmod(ctx.folder, 0o700)
        probe = ctx.folder / "probe.bin"
        data = secrets.token_bytes(4096)
        write_atomic(probe, data)
        if probe.read_bytes() != data:
            raise OSError("read back differs")
        probe.unlink()
    except OSError:
        raise SelfTestFailed("temp_folder") from None
    return ctx.t("scrittura atomica riuscita", "atomic write works")


def create_encrypted_workspace(ctx: SelfTestContext) -> str:
    """A new workspace protected with the default Argon2id cost, as an educator gets it."""
    created = create_workspace(
        ctx.workspace_path,
        role="educator",
        name="Autoverifica",
        passphrase=ctx.passphrase,
        kdf=Argon2Params(),
    )
    ctx.workspace = created.workspace
    used = created.workspace.keyslots.passphrase_params()
    if used.memory_kib < DEFAULT_MEMORY_KIB or used.iterations < DEFAULT_ITERATIONS:
        raise SelfTestFailed(
            "kdf_cost", memory=DEFAULT_MEMORY_KIB // 1024, passes=DEFAULT_ITERATIONS
        )
    return ctx.t(
        "Argon2id {memory} MiB, {passes} passaggi, {lanes} corsie",
        "Argon2id {memory} MiB, {passes} passes, {lanes} lanes",
    ).format(memory=used.memory_kib // 1024, passes=used.iterations, lanes=used.parallelism)


def check_migrations(ctx: SelfTestContext) -> str:
    """The schema is at the newest revision and Alembic loads every migration script."""
    workspace = ctx.require_workspace()
    known = migrate.known_revisions()
    with workspace.read() as connection:
        current = migrate.current_revision(connection)
    if current != known[-1]:
        raise SelfTestFailed(
            "schema", found=migrate.schema_number(current), expected=int(known[-1])
        )
    loaded = migrate.loadable_revisions()
    if loaded != known:
        raise SelfTestFailed(
            "migrations", loaded=len(set(loaded) & set(known)), expected=len(known)
        )
    return ctx.t(
        "schema {schema}; migrazioni caricate: {count}",
        "schema {schema}; migrations loaded: {count}",
    ).format(schema=int(known[-1]), count=len(known))


def write_and_read_record(ctx: SelfTestContext) -> str:
    """Write, lock, unlock again with the passphrase, read back the same value.

    TODO(case file, issue 4): once the case-file service is on main, write and read a real
    record here (a synthetic family through the case-file service) instead of this
    workspace_meta value and its audit entry.
    """
    workspace = ctx.require_workspace()
    token = secrets.token_hex(16)
    with workspace.write() as connection:
        write_meta_values(connection, {RECORD_KEY: token})
        workspace.audit(connection, AuditEvent("self_test", "workspace", RECORD_KEY))
    ctx.lock_workspace()
    workspace = ctx.require_workspace()
    with workspace.read() as connection:
        stored = read_meta_values(connection).get(RECORD_KEY)
        last_action = connection.execute(
            text("SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1")
        ).scalar()
    if stored != token or last_action != "self_test":
        raise SelfTestFailed("record_mismatch")
    return ctx.t(
        "scritto, bloccato, riaperto con la passphrase e riletto",
        "written, locked, reopened with the passphrase and read back",
    )


def verify_test_workspace(ctx: SelfTestContext) -> str:
    """What `pippi-desktop verify` checks: cipher, database, schema, activity-log chain."""
    ctx.lock_workspace()
    report = verify_workspace(ctx.workspace_path, passphrase=ctx.passphrase)
    if not report.ok:
        problems = [str(check["name"]) for check in report.checks if not check["ok"]]
        raise SelfTestFailed("verify", checks=", ".join(problems))
    ctx.require_workspace()  # later steps get the workspace open
    return ctx.t("{count} controlli superati", "{count} checks passed").format(
        count=len(report.checks)
    )


STEPS: list[SelfTestStep] = [
    SelfTestStep("temp_folder", "Cartella temporanea", "Temporary folder", make_temp_folder),
    SelfTestStep(
        "workspace",
        "Area di lavoro cifrata (chiave reale)",
        "Encrypted workspace (real key cost)",
        create_encrypted_workspace,
    ),
    SelfTestStep("migrations", "Migrazioni dello schema", "Schema migrations", check_migrations),
    SelfTestStep(
        "record", "Scrittura e lettura di un dato", "Write and read a record", write_and_read_record
    ),
    SelfTestStep("verify", "Controllo d'integrità", "Integrity check", verify_test_workspace),
    # sync (issue 6): give this step its run, e.g. lazy("pippi_desktop.services.<module>",
    # "<function>"): export a bundle from ctx.require_workspace() and import it into an office
    # workspace made in ctx.folder.
    SelfTestStep(
        "bundle",
        "Pacchetto di sincronizzazione (esportazione e importazione)",
        "Sync bundle (export and import)",
    ),
    # reports (issue 7): give this step its run, e.g. lazy(...): build a PDF into ctx.folder.
    SelfTestStep("pdf", "Documento PDF", "PDF document"),
]
