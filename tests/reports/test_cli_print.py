"""`print-sheet`, the command-line contract of issue 7, through real subprocesses."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE, CliResult, tree_hashes
from tests.reports import pdf_checks as pdf
from tests.reports.conftest import PrintWorkspace
from tests.reports.sample_family import LAST_WORDS, NAME_PARTS

ENV = {"PIPPI_PASSPHRASE": PASSPHRASE}


def run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> CliResult:
    """`python -m pippi_desktop print-sheet ARGS` in `cwd`, as the office's scripts run it."""
    full_env = {**os.environ, **ENV, **(env or {})}
    done = subprocess.run(
        [sys.executable, "-m", "pippi_desktop", "print-sheet", *map(str, args)],
        cwd=cwd,
        env=full_env,
        input="",
        capture_output=True,
        text=True,
        timeout=120,
    )
    return CliResult(done.returncode, done.stdout, done.stderr)


def _written(stdout: str) -> Path:
    match = re.search(r"(?:scritto in|written to) (.+\.pdf)\.", stdout)
    assert match, stdout
    return Path(match.group(1))


@pytest.mark.parametrize(
    ("kind", "extra", "title", "record"),
    [
        ("session", (), "Scheda della visita", "latest_visit_id"),
        ("triangle", (), "Valutazione del triangolo", "T2"),
        ("blank-triangle", (), "Triangolo da compilare", "family_id"),
        ("report", (), "Relazione sul percorso", "family_id"),
    ],
)
def test_each_family_document_without_o_goes_to_the_current_folder(
    print_workspace: PrintWorkspace,
    tmp_path: Path,
    kind: str,
    extra: tuple[str, ...],
    title: str,
    record: str,
) -> None:
    sample = print_workspace.sample
    result = run(
        print_workspace.root, "--family", sample.code, "--kind", kind, *extra, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    written = _written(result.stdout)
    assert written.parent == tmp_path and [p.name for p in tmp_path.iterdir()] == [written.name]
    assert re.fullmatch(r"[a-z-]+-[0-9a-f]{8}\.pdf", written.name)
    assert sample.code not in written.name and not any(p in written.name for p in NAME_PARTS)
    data = written.read_bytes()
    assert pdf.metadata(data)["/Title"] == title
    record_id = sample.assessment_ids[record] if record == "T2" else getattr(sample, record)
    assert record_id[:8] in pdf.text(data)
    assert "dati personali" in result.stdout and result.stderr == ""


def test_chosen_visit_and_assessment_and_english(
    print_workspace: PrintWorkspace, tmp_path: Path
) -> None:
    sample = print_workspace.sample
    out = tmp_path / "visit.pdf"
    result = run(
        print_workspace.root,
        "--family",
        sample.code.lower(),
        "--kind",
        "session",
        "--visit",
        sample.first_visit_id[:8],
        "-o",
        out,
        "--lang",
        "en",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert "Document written to" in result.stdout
    content = pdf.text(out.read_bytes())
    assert sample.first_visit_id[:8] in content and "Visit sheet" in content
    folder = tmp_path / "folder"
    folder.mkdir()
    result = run(
        print_workspace.root,
        "--family",
        sample.code,
        "--kind",
        "triangle",
        "--assessment",
        sample.assessment_ids["T0"],
        "-o",
        folder,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    (written,) = folder.iterdir()
    assert written.name.startswith("triangolo-")
    assert sample.assessment_ids["T0"][:8] in pdf.text(written.read_bytes())


def test_the_educators_notes_only_with_with_notes(
    print_workspace: PrintWorkspace, tmp_path: Path
) -> None:
    sample = print_workspace.sample
    plain, noted = tmp_path / "plain.pdf", tmp_path / "noted.pdf"
    args = (print_workspace.root, "--family", sample.code, "--kind", "session")
    assert run(*args, "-o", plain, cwd=tmp_path).returncode == 0
    assert run(*args, "--with-notes", "-o", noted, cwd=tmp_path).returncode == 0
    assert LAST_WORDS["visit_notes"] not in pdf.text(plain.read_bytes())
    assert "Osservazioni" not in pdf.text(plain.read_bytes())
    assert LAST_WORDS["visit_notes"] in pdf.text(noted.read_bytes())
    for lang, words in (("it", "osservazioni dell'educatore"), ("en", "educator's notes")):
        helped = run(print_workspace.root, "--help", "--lang", lang, cwd=tmp_path)
        assert helped.returncode == 0 and "--with-notes" in helped.stdout
        assert words in " ".join(helped.stdout.split()), lang


def test_attendance_register(print_workspace: PrintWorkspace, tmp_path: Path) -> None:
    session_id = print_workspace.sample.session_id
    out = tmp_path / "registro.pdf"
    result = run(
        print_workspace.root,
        "--group-session",
        session_id,
        "--kind",
        "attendance",
        "-o",
        out,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    content = pdf.text(out.read_bytes())
    assert "Registro delle presenze" in content and "Nguyễn Thị Hoa" in content


def test_office_batch_reports_its_time(print_workspace: PrintWorkspace, tmp_path: Path) -> None:
    folder = tmp_path / "relazioni"
    result = run(
        print_workspace.root, "--all-families", "--kind", "report", "-o", folder, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    count = len(print_workspace.family_codes)
    assert re.search(rf"Scritte {count} relazioni in .+ in \d+\.\d s\.", result.stdout)
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        f"relazione-percorso-{code}.pdf" for code in print_workspace.family_codes
    )


BAD = [
    # (arguments after PATH, exit code, words of the message)
    (("--family", "F-1999-ZZZZ-001", "--kind", "session"), 4, "Nessuna famiglia con il codice"),
    (("--family", "{code}", "--kind", "session", "--visit", "0" * 8), 4, "Nessuna visita"),
    (("--family", "{code}", "--kind", "triangle", "--assessment", "zzz"), 4, "Nessuna valutazione"),
    (("--family", "{empty}", "--kind", "session"), 4, "non ha ancora visite"),
    (("--family", "{empty}", "--kind", "triangle"), 4, "non ha ancora valutazioni"),
    (("--group-session", "0" * 36, "--kind", "attendance"), 4, "Nessun incontro di gruppo"),
    (("--family", "{code}", "--kind", "sheet"), 2, "valore non ammesso: 'sheet'"),
    (("--family", "{code}", "--kind", "report", "--visit", "{visit}"), 2, "--visit si usa con"),
    (("--family", "{code}", "--kind", "session", "--assessment", "x"), 2, "--assessment si usa"),
    (("--family", "{code}", "--kind", "report", "--with-notes"), 2, "--with-notes si usa con"),
    (("--family", "{code}", "--kind", "attendance"), 2, "--group-session"),
    (("--group-session", "{session}", "--kind", "report"), 2, "--kind attendance"),
    (("--all-families", "--kind", "session", "-o", "out"), 2, "--kind report"),
    (("--all-families", "--kind", "report"), 2, "-o CARTELLA"),
    (("--kind", "report"), 2, "--family"),
    (("--family", "{code}", "--group-session", "{session}", "--kind", "report"), 2, "non si può"),
    (("--family", "{code}", "--kind", "report", "-o", "missing/x.pdf"), 4, "Non riesco a scrivere"),
    (("--family", "{code}", "--kind", "report", "-o", "taken.pdf"), 4, "esiste già"),
    (("--family", "{code}", "--kind", "report", "--lang", "fr"), 2, "valore non ammesso: 'fr'"),
]


@pytest.mark.parametrize(("args", "code", "words"), BAD)
def test_bad_input_is_refused_with_a_sentence_and_nothing_is_written(
    print_workspace: PrintWorkspace, tmp_path: Path, args: tuple[str, ...], code: int, words: str
) -> None:
    sample = print_workspace.sample
    values = {
        "code": sample.code,
        "empty": print_workspace.empty_code,
        "visit": sample.latest_visit_id,
        "session": sample.session_id,
    }
    taken = tmp_path / "taken.pdf"
    taken.write_bytes(b"already here")
    before_files = sorted(p.name for p in tmp_path.iterdir())
    before = tree_hashes(print_workspace.root)
    result = run(print_workspace.root, *(a.format(**values) for a in args), cwd=tmp_path)
    assert result.returncode == code, result.stderr
    assert words in result.stderr
    assert "Traceback" not in result.stderr + result.stdout and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == before_files
    assert taken.read_bytes() == b"already here"
    assert tree_hashes(print_workspace.root) == before


def test_english_refusal_and_wrong_passphrase(
    print_workspace: PrintWorkspace, tmp_path: Path
) -> None:
    result = run(
        print_workspace.root,
        "--family",
        "F-1999-ZZZZ-001",
        "--kind",
        "report",
        "--lang",
        "en",
        cwd=tmp_path,
    )
    assert result.returncode == 4
    assert result.stderr.strip() == "No family with the code given in this workspace."
    wrong = run(
        print_workspace.root,
        "--family",
        print_workspace.sample.code,
        "--kind",
        "report",
        cwd=tmp_path,
        env={"PIPPI_PASSPHRASE": "non è questa la passphrase"},
    )
    assert wrong.returncode == 3 and list(tmp_path.iterdir()) == []


def test_command_line_kinds_are_the_document_kinds() -> None:
    from pippi_desktop.cli.print_commands import KINDS
    from pippi_desktop.services.print_service import DocumentKind

    assert tuple(kind.value for kind in DocumentKind) == KINDS


def test_self_test_prints_and_catches_a_build_without_fonts(tmp_path: Path) -> None:
    """The self-test's PDF step (run in the frozen build by CI) fails with one sentence when
    resources/fonts did not make it into the build."""
    from pippi_desktop.resource_paths import resources_dir

    partial = tmp_path / "resources"
    shutil.copytree(resources_dir(), partial, ignore=shutil.ignore_patterns("*.ttf"))
    temp = tmp_path / "temp"
    temp.mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "pippi_desktop", "self-test", "--temp-dir", str(temp)],
        env={**os.environ, "PIPPI_RESOURCES": str(partial)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 1
    assert done.stderr.strip() == (
        "Autoverifica non riuscita al passo «Documento PDF»: Manca un file dell'applicazione "
        "(DejaVuSans.ttf): reinstalla PIPPI Desktop."
    )
    assert "Traceback" not in done.stdout + done.stderr
    assert list(temp.iterdir()) == []
