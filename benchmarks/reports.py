"""Printing speed (issue 7), against a baseline measured in the same run.

    python benchmarks/reports.py [--families 100] [--keep DIR]

1. The progress report of the family with the most data (18 months of visits, T0/T1/T2,
   micro-project), through `print_service.render` (reading the case file included), against
   a bare ReportLab document holding the same text: the words read back from our PDF, one
   Paragraph per line, same DejaVu fonts, no tables, drawings, header, footer or QR code.
   Target: ratio <= 2.
2. The office printing the report of every family in one command, as a real subprocess:
   `pippi-desktop print-sheet PATH --all-families --kind report -o DIR`. Reported: the total
   time and the time per family (no target: it is what an office waits for).

`--keep DIR` keeps the generated workspace there and reuses it next time.
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import demo_workspace, interleaved, report_pairs, timed

os.environ.setdefault("PIPPI_KDF_MEMORY_KIB", "65536")
os.environ.setdefault("PIPPI_KDF_ITERATIONS", "1")

from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate

from pippi_desktop.reports.style import FONT, markup, register_fonts
from pippi_desktop.services import casefile_view
from pippi_desktop.services import print_service as ps
from pippi_desktop.services.workspace_service import open_workspace

PASSPHRASE = "stampa le relazioni delle famiglie"


def _workspace(families: int, keep: Path | None) -> tuple[Path, object]:
    holder = None
    if keep is None:
        holder = tempfile.TemporaryDirectory()
        root = Path(holder.name) / "bench.pippiws"
    else:
        keep.mkdir(parents=True, exist_ok=True)
        root = keep / f"reports-{families}.pippiws"
    demo_workspace(
        root, families=families, passphrase=PASSPHRASE, name="Ambito Territoriale Sociale n. 11"
    )
    return root, holder


def _bare_document(lines: list[str]) -> bytes:
    style = ParagraphStyle("plain", fontName=FONT, fontSize=10, leading=13)
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build([Paragraph(markup(line), style) for line in lines])
    return buffer.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--families", type=int, default=100)
    parser.add_argument("--keep", type=Path)
    args = parser.parse_args()
    root, holder = _workspace(args.families, args.keep)
    register_fonts()
    ok = True
    with open_workspace(root, passphrase=PASSPHRASE) as workspace:
        summaries = casefile_view.list_families(workspace)
        richest = max(summaries, key=lambda s: (len(s.assessments), s.visits))
        case = casefile_view.case_file(workspace, richest.id)
        months = (case.visits[-1].date - case.visits[0].date).days / 30.4
        request = ps.PrintRequest(ps.DocumentKind.REPORT, family_id=richest.id)
        data = ps.render(workspace, request).data
        reader = PdfReader(io.BytesIO(data))
        lines = [line for page in reader.pages for line in page.extract_text().splitlines()]
        print(
            f"family: {len(case.visits)} visits over {months:.0f} months, "
            f"{len(case.assessments)} assessments, {len(case.micro_project)} objectives; "
            f"report {len(reader.pages)} pages, {len(lines)} lines of text"
        )
        pairs = interleaved(
            timed(lambda: ps.render(workspace, request)),
            timed(lambda: _bare_document(lines)),
            rounds=11,
        )
        ok &= report_pairs("progress report vs bare ReportLab, same text", pairs, target=2.0)

    with tempfile.TemporaryDirectory() as out:
        folder = Path(out) / "relazioni"
        env = {**os.environ, "PIPPI_PASSPHRASE": PASSPHRASE}
        start = time.perf_counter()
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "pippi_desktop",
                "print-sheet",
                str(root),
                "--all-families",
                "--kind",
                "report",
                "-o",
                str(folder),
            ],
            env=env,
            capture_output=True,
            text=True,
            timeout=3600,
        )
        elapsed = time.perf_counter() - start
        if done.returncode != 0:
            print(done.stderr)
            return 1
        files = len(list(folder.iterdir()))
        print(done.stdout.strip())
        print(
            f"{'office batch: print-sheet --all-families --kind report':<58} {elapsed:9.2f} s "
            f"for {files} families, {elapsed / files * 1000:.0f} ms per family (whole command)"
        )
    del holder
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
