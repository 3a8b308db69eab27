"""The application's self-test: the real parts, end to end, in a throw-away folder.

`pippi-desktop self-test` runs `STEPS` (plus the GUI's step, added by the command line) in
order: each step is a named function that gets a `SelfTestContext` and returns a short note for
people, or raises. The first failure stops the run; the temporary folder is removed in every
case. CI runs it inside the frozen build, where it proves that the bundled migrations,
resources and libraries really work: nothing is lowered for it (the workspace gets the default
256 MiB Argon2id, whatever `PIPPI_KDF_*` say).

Adding a step is one line in `STEPS` (or, for the GUI, in `cli/selftest_command.py`):

    SelfTestStep("bundle", N_("Etichetta in italiano"), lazy("module", "function")),

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
from datetime import date
from pathlib import Path
from typing import Any

import pippi_desktop
from pippi_desktop.domain.errors import AppFileMissing, PippiError, SelfTestFailed
from pippi_desktop.domain.i18n import N_, Lang, Message, translator
from pippi_desktop.domain.record_inputs import FamilyInput, PersonInput, VisitInput
from pippi_desktop.resource_paths import missing_app_file
from pippi_desktop.services import casefile_service, casefile_view
from pippi_desktop.services.open_workspace import OpenWorkspace, store_of
from pippi_desktop.services.workspace_service import (
    create_workspace,
    open_workspace,
    verify_workspace,
)
from pippi_desktop.storage import migrate
from pippi_desktop.storage.atomic import write_atomic
from pippi_desktop.storage.key_wrap import DEFAULT_ITERATIONS, DEFAULT_MEMORY_KIB

log = logging.getLogger(__name__)

OK = "ok"
FAILED = "failed"
SKIPPED = "skipped"

WORKSPACE_FOLDER = "autoverifica.pippiws"


@dataclass
class SelfTestContext:
    """What the steps share: the language, the temporary folder, the open test workspace."""

    lang: Lang = Lang.IT
    temp_parent: Path | None = None
    passphrase: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    folder: Path | None = None
    workspace: OpenWorkspace | None = None
    notes: dict[str, Any] = field(default_factory=dict)  # values a step hands to a later one

    def _(self, text: str) -> str:
        """`text` translated into the self-test's language (a step's note)."""
        return translator(self.lang).gettext(text)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return translator(self.lang).ngettext(singular, plural, count)

    @property
    def workspace_path(self) -> Path:
        if self.folder is None:
            raise SelfTestFailed("temp_folder")
        return self.folder / WORKSPACE_FOLDER

    def require_workspace(self) -> OpenWorkspace:
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
    label: Message  # marked with N_(): shown translated
    run: StepFunction | None = None  # None: the feature is not built yet


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
        return StepResult(step.name, SKIPPED, 0.0, ctx._("non ancora realizzato"))
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


def _as_failure(error: Exception) -> PippiError:
    """The one sentence for a failed step: typed errors speak for themselves."""
    if isinstance(error, PippiError):
        return error
    missing = missing_app_file(error)
    if missing is not None:
        return AppFileMissing(file=missing)
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
    return ctx._("scrittura atomica riuscita")


def create_encrypted_workspace(ctx: SelfTestContext) -> str:
    """A new workspace protected with the default Argon2id cost, as an educator gets it."""
    created = create_workspace(
        ctx.workspace_path,
        role="educator",
        name="Autoverifica",
        passphrase=ctx.passphrase,
        default_kdf_cost=True,
    )
    ctx.workspace = created.workspace
    used = store_of(created.workspace).keyslots.passphrase_params()
    if used.memory_kib < DEFAULT_MEMORY_KIB or used.iterations < DEFAULT_ITERATIONS:
        raise SelfTestFailed(
            "kdf_cost", memory=DEFAULT_MEMORY_KIB // 1024, passes=DEFAULT_ITERATIONS
        )
    return ctx._("Argon2id {memory} MiB, {passes} passaggi, {lanes} corsie").format(
        memory=used.memory_kib // 1024, passes=used.iterations, lanes=used.parallelism
    )


def check_migrations(ctx: SelfTestContext) -> str:
    """The schema is at the newest revision and Alembic loads every migration script."""
    workspace = ctx.require_workspace()
    known = migrate.known_revisions()
    with store_of(workspace).read() as connection:
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
    return ctx._("schema {schema}; migrazioni caricate: {count}").format(
        schema=int(known[-1]), count=len(known)
    )


def write_and_read_record(ctx: SelfTestContext) -> str:
    """A synthetic family, a child and a home visit through the case-file service; then lock,
    unlock again with the passphrase and read the case file back from disk."""
    workspace = ctx.require_workspace()
    note = f"Visita di prova dell'autoverifica: perché è così, àèìòù € {secrets.token_hex(8)}"
    with casefile_service.unit_of_work(workspace) as uow:
        family_id = uow.create(FamilyInput(implementation="Autoverifica"))
        child_id = uow.create(
            PersonInput(
                family_id=family_id,
                given_name="Nicolò",
                family_name="Autoverifica",
                role="figlio",
                birth_date=date(2016, 3, 1),
            )
        )
        uow.create(
            VisitInput(
                family_id=family_id,
                date=date.today(),
                place="casa",
                present_people=(child_id,),
                notes=note,
            )
        )
    ctx.lock_workspace()
    case = casefile_view.case_file(ctx.require_workspace(), family_id)
    child = case.person(child_id)
    if (
        child is None
        or child.full_name != "Nicolò Autoverifica"
        or [visit.notes for visit in case.visits] != [note]
    ):
        raise SelfTestFailed("record_mismatch")
    ctx.notes["family_id"] = family_id
    return ctx._(
        "famiglia, figlio e visita scritti, bloccati, riaperti con la passphrase e riletti"
    )


def verify_test_workspace(ctx: SelfTestContext) -> str:
    """What `pippi-desktop verify` checks: cipher, database, schema, activity-log chain."""
    ctx.lock_workspace()
    report = verify_workspace(ctx.workspace_path, passphrase=ctx.passphrase)
    if not report.ok:
        problems = [str(check["name"]) for check in report.checks if not check["ok"]]
        raise SelfTestFailed("verify", checks=", ".join(problems))
    ctx.require_workspace()  # later steps get the workspace open
    count = len(report.checks)
    return ctx.ngettext("{count} controllo superato", "{count} controlli superati", count).format(
        count=count
    )


STEPS: list[SelfTestStep] = [
    SelfTestStep("temp_folder", N_("Cartella temporanea"), make_temp_folder),
    SelfTestStep(
        "workspace", N_("Area di lavoro cifrata (chiave reale)"), create_encrypted_workspace
    ),
    SelfTestStep("migrations", N_("Migrazioni dello schema"), check_migrations),
    SelfTestStep(
        "record", N_("Cartella di una famiglia: scrittura e rilettura"), write_and_read_record
    ),
    SelfTestStep("verify", N_("Controllo d'integrità"), verify_test_workspace),
    SelfTestStep(
        "bundle",
        N_("Pacchetto di sincronizzazione (esportazione e importazione)"),
        lazy("pippi_desktop.services.sync_self_test", "check_bundle"),
    ),
    SelfTestStep(
        "pdf", N_("Documento PDF"), lazy("pippi_desktop.services.print_service", "check_printing")
    ),
]
