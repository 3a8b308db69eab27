"""Every printed document, built from a real encrypted workspace and read back with pypdf."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta

import pytest

from pippi_desktop.domain import triangle_geometry as tg
from pippi_desktop.domain.dates import long_date
from pippi_desktop.domain.i18n import Lang
from pippi_desktop.domain.record_inputs import FamilyInput, MicroProjectItemInput, VisitInput
from pippi_desktop.services import casefile_service as cs
from pippi_desktop.services import casefile_view
from pippi_desktop.services import print_service as ps
from pippi_desktop.services.open_workspace import OpenWorkspace
from pippi_desktop.services.print_service import DocumentKind, PrintedDocument, PrintRequest
from pippi_desktop.services.workspace_service import open_workspace
from tests.conftest import PASSPHRASE
from tests.reports import pdf_checks as pdf
from tests.reports.conftest import AMBITO, PrintWorkspace
from tests.reports.sample_family import LAST_WORDS, NAME_PARTS

KINDS = [kind.value for kind in DocumentKind]


@pytest.fixture(scope="module")
def workspace(print_workspace: PrintWorkspace) -> Iterator[OpenWorkspace]:
    opened = open_workspace(print_workspace.root, passphrase=PASSPHRASE)
    yield opened
    opened.close()


def _requests(print_workspace: PrintWorkspace, lang: Lang) -> dict[str, PrintRequest]:
    sample = print_workspace.sample
    family = sample.family_id
    return {
        "session": PrintRequest(DocumentKind.SESSION, family_id=family, lang=lang),
        "triangle": PrintRequest(
            DocumentKind.TRIANGLE,
            family_id=family,
            assessment_id=sample.assessment_ids["T1"],
            lang=lang,
        ),
        "blank-triangle": PrintRequest(DocumentKind.BLANK_TRIANGLE, family_id=family, lang=lang),
        "report": PrintRequest(DocumentKind.REPORT, family_id=family, lang=lang),
        "attendance": PrintRequest(
            DocumentKind.ATTENDANCE, session_id=sample.session_id, lang=lang
        ),
    }


@pytest.fixture(scope="module")
def italian(
    workspace: OpenWorkspace, print_workspace: PrintWorkspace
) -> dict[str, PrintedDocument]:
    return {
        kind: ps.render(workspace, request)
        for kind, request in _requests(print_workspace, Lang.IT).items()
    }


@pytest.fixture(scope="module")
def english(
    workspace: OpenWorkspace, print_workspace: PrintWorkspace
) -> dict[str, PrintedDocument]:
    return {
        kind: ps.render(workspace, request)
        for kind, request in _requests(print_workspace, Lang.EN).items()
    }


# What each document must name, beyond Latin-1 included.
EXPECTED_NAMES = {
    "session": ("Łukasz", "Nguyễn", "Ólafur", "Şebnem"),
    "triangle": ("Ólafur", "Łukasz", "Nguyễn"),
    "blank-triangle": ("Ólafur", "Zofia"),
    "report": ("Łukasz", "Nguyễn", "Ólafur", "Őrs", "Şebnem"),
    "attendance": ("Łukasz", "Nguyễn Thị Hoa", "Őrs"),
}


@pytest.mark.parametrize("kind", KINDS)
def test_names_beyond_latin1_print_as_written(
    italian: dict[str, PrintedDocument], print_workspace: PrintWorkspace, kind: str
) -> None:
    content = pdf.text(italian[kind].data)
    for name in EXPECTED_NAMES[kind]:
        assert name in content, (kind, name)
    assert AMBITO in content  # the header of every page
    if kind != "attendance":
        assert print_workspace.sample.code in content


@pytest.mark.parametrize("kind", KINDS)
def test_every_font_is_dejavu_and_embedded(italian: dict[str, PrintedDocument], kind: str) -> None:
    fonts = pdf.fonts(italian[kind].data)
    assert fonts
    for font in fonts:
        assert font["embedded"], font  # /FontFile2 in its descriptor: a TrueType subset
        assert "DejaVuSans" in font["base_font"], font
    assert {f["base_font"].split("+")[-1] for f in fonts} >= {"DejaVuSans", "DejaVuSans-Bold"}


@pytest.mark.parametrize("kind", KINDS)
def test_page_numbers_and_the_qr_code_on_every_page(
    italian: dict[str, PrintedDocument], kind: str
) -> None:
    document = italian[kind]
    pages = pdf.page_texts(document.data)
    total = len(pages)
    for number, page in enumerate(pages, start=1):
        assert f"Pagina {number} di {total}" in page
        assert document.record_id[:8] in page  # printed under the QR code
    # the same QR form, hundreds of dark modules, placed on every page
    counts = pdf.qr_forms(document.data)
    assert len(counts) == total and all(count > 100 for count in counts)
    assert ps.DocumentKind(kind) is document.kind


@pytest.mark.parametrize("kind", KINDS)
def test_metadata_names_the_kind_of_document_only(
    italian: dict[str, PrintedDocument], print_workspace: PrintWorkspace, kind: str
) -> None:
    info = pdf.metadata(italian[kind].data)
    assert info["/Title"] in {
        "Scheda della visita",
        "Valutazione del triangolo",
        "Triangolo da compilare",
        "Relazione sul percorso",
        "Registro delle presenze",
    }
    assert info["/Author"] == "PIPPI Desktop"
    joined = " ".join(info.values())
    personal = (*NAME_PARTS, "Kowalski", "Zofia", "Ferri", "Bianchi", print_workspace.sample.code)
    for value in (*personal, AMBITO, print_workspace.sample.family_id):
        assert value not in joined, (kind, value)
    assert b"/Metadata" not in italian[kind].data  # no XMP packet that could carry more


def test_long_notes_flow_over_pages_and_nothing_is_cut(
    italian: dict[str, PrintedDocument], workspace: OpenWorkspace, print_workspace: PrintWorkspace
) -> None:
    session = ps.render(
        workspace,
        PrintRequest(
            DocumentKind.SESSION, family_id=print_workspace.sample.family_id, with_notes=True
        ),
    ).data
    assert len(pdf.page_texts(session)) >= 4
    assert LAST_WORDS["visit_notes"] in pdf.text(session)
    assert pdf.layout_faults(session, Lang.IT) == []
    report = pdf.text(italian["report"].data)
    assert len(pdf.page_texts(italian["report"].data)) >= 8
    assert LAST_WORDS["family_notes"] in report
    assert LAST_WORDS["objective"] in report  # a table cell longer than a page
    final = ps.render(
        workspace,
        PrintRequest(
            DocumentKind.TRIANGLE,
            family_id=print_workspace.sample.family_id,
            assessment_id=print_workspace.sample.assessment_ids["T2"],
        ),
    )
    assert LAST_WORDS["child_words"] in pdf.text(final.data)


def test_session_sheet_says_what_was_agreed_and_the_next_appointment(
    italian: dict[str, PrintedDocument], workspace: OpenWorkspace, print_workspace: PrintWorkspace
) -> None:
    content = pdf.text(italian["session"].data)
    assert "Che cosa abbiamo concordato" in content
    assert "Leggere insieme dieci minuti ogni sera prima di dormire." in content
    case = casefile_view.case_file(workspace, print_workspace.sample.family_id)
    latest = case.visits[-1]
    assert latest.next_date is not None
    assert long_date(latest.next_date, weekday=True) + " alle 16:30" in content
    assert "Firma per la famiglia" in content and "Firma dell'educatore/educatrice" in content
    # a visit that names no objective shows the ones still open, under its own heading
    first = ps.render(
        workspace,
        PrintRequest(
            DocumentKind.SESSION,
            family_id=print_workspace.sample.family_id,
            visit_id=print_workspace.sample.first_visit_id,
        ),
    )
    first_text = pdf.text(first.data)
    assert "Gli impegni in corso" in first_text and "Che cosa abbiamo concordato" not in first_text
    assert len(pdf.page_texts(first.data)) == 1


def test_the_educators_notes_are_printed_only_when_asked(
    workspace: OpenWorkspace, print_workspace: PrintWorkspace
) -> None:
    sample = print_workspace.sample
    for lang, heading in ((Lang.IT, "Osservazioni"), (Lang.EN, "Notes")):
        request = PrintRequest(DocumentKind.SESSION, family_id=sample.family_id, lang=lang)
        default = pdf.text(ps.render(workspace, request).data)
        assert heading not in default and "ultime parole" not in default
        assert "Incontro sereno" not in default and "Durante l'incontro" not in default
        asked = pdf.text(ps.render(workspace, replace(request, with_notes=True)).data)
        assert heading in asked and LAST_WORDS["visit_notes"] in asked
    first = PrintRequest(
        DocumentKind.SESSION, family_id=sample.family_id, visit_id=sample.first_visit_id
    )
    assert "Incontro sereno" not in pdf.text(ps.render(workspace, first).data)
    assert "Incontro sereno" in pdf.text(ps.render(workspace, replace(first, with_notes=True)).data)


def test_commitments_in_progress_are_the_open_ones_with_status_and_overdue_marked(
    new_workspace,
) -> None:
    """A visit that names no objective lists the family's open ones: earliest deadline first
    (so the overdue lead, marked «scaduto»), undated last, each with its status; objectives
    already reached or not reached are left out."""
    workspace = new_workspace("commitments")
    today = date.today()
    with cs.unit_of_work(workspace) as uow:
        family = uow.create(FamilyInput(implementation="PIPPI 13"))
        for name, deadline, status in (
            ("Alfa", today + timedelta(days=40), "da_verificare"),
            ("Bravo", None, "parzialmente"),
            ("Charlie", today - timedelta(days=180), "da_verificare"),
            ("Delta", today - timedelta(days=200), "raggiunto"),
            ("Echo", today - timedelta(days=100), "non_raggiunto"),
            ("Foxtrot", today - timedelta(days=1), "parzialmente"),
        ):
            uow.create(
                MicroProjectItemInput(
                    family_id=family,
                    subdimension="bambino.salute",
                    objective=f"Obiettivo {name}.",
                    deadline=deadline,
                    verification_status=status,
                )
            )
        uow.create(VisitInput(family_id=family, date=today, place="casa"))
    for lang, overdue, to_check, partly in (
        (Lang.IT, "scaduto", "Da verificare", "Parzialmente raggiunto"),
        (Lang.EN, "overdue", "To be checked", "Partly reached"),
    ):
        data = ps.render(
            workspace, PrintRequest(DocumentKind.SESSION, family_id=family, lang=lang)
        ).data
        assert len(pdf.page_texts(data)) == 1
        content = pdf.text(data)
        assert "Delta" not in content and "Echo" not in content
        rows = re.findall(r"Obiettivo (\w+)\.(.*?)(?=Obiettivo \w+\.|$)", content)
        assert [name for name, _ in rows] == ["Charlie", "Foxtrot", "Alfa", "Bravo"]
        cells = {name: row for name, row in rows}
        assert overdue in cells["Charlie"] and overdue in cells["Foxtrot"]
        assert overdue not in cells["Alfa"] and overdue not in cells["Bravo"]
        assert to_check in cells["Charlie"] and partly in cells["Foxtrot"]
        assert to_check in cells["Alfa"] and partly in cells["Bravo"]


def test_triangle_is_drawn_with_the_shared_palette(italian: dict[str, PrintedDocument]) -> None:
    stream = pdf.first_page_stream(italian["triangle"].data)
    strokes = {
        tuple(round(float(v), 3) for v in match)
        for match in re.findall(r"([\d.]+) ([\d.]+) ([\d.]+) RG", stream)
    }
    dashes = set(re.findall(r"\[([\d. ]+)\] 0 d", stream))
    for key in ("T0", "T1", "T2"):
        style = tg.SERIES_STYLES[key]
        assert tuple(round(c, 3) for c in style.rgb) in strokes, key
        for width in (tg.SERIES_LINE_WIDTH, tg.HIGHLIGHT_LINE_WIDTH):
            lengths = style.dash_lengths(width)
            if lengths and " ".join(f"{v:g}" for v in lengths) in dashes:
                break
        else:
            assert not style.dash, (key, dashes)
    content = pdf.text(italian["triangle"].data)
    for label in ("T0 — inizio", "T1 — intermedio", "T2 — finale", "Legenda"):
        assert label in content
    assert "n.v." in content  # the sample's T1 has one "non valutabile"


def test_labels_come_from_the_vocabularies_and_the_catalogue(
    italian: dict[str, PrintedDocument],
) -> None:
    report = pdf.text(italian["report"].data)
    for label in (
        "Accompagnamento e monitoraggio (T1)",
        "Educativa domiciliare e territoriale",
        "Vicinanza solidale / famiglia d'appoggio",
        "Parzialmente raggiunto",
        "Salute e crescita",
        "Visite per mese",
    ):
        assert label in report
    blank = pdf.text(italian["blank-triangle"].data)
    for label in (
        "Di che cosa ho bisogno per crescere",
        "Autorealizzazione delle figure genitoriali",
        "La scuola e le altre risorse educative",
        "Le parole del bambino",
        "T2 — finale",
    ):
        assert label in blank
    assert "18. La scuola e le altre risorse educative" in blank
    register = pdf.text(italian["attendance"].data)
    assert "Gruppo genitori" in register and "Assente giustificato — turno di lavoro" in register


def test_english_documents_have_no_italian_furniture(english: dict[str, PrintedDocument]) -> None:
    for kind, document in english.items():
        content = pdf.text(document.data)
        pages = len(pdf.page_texts(document.data))
        assert f"Page 1 of {pages}" in content, kind
        for italian_word in ("Pagina", "Documento riservato", "Famiglia", "Data", "Firma", "Note"):
            assert not re.search(rf"\b{italian_word}\b", content), (kind, italian_word)
        assert pdf.metadata(document.data)["/Title"] in {
            "Visit sheet",
            "Triangle assessment",
            "Triangle form to fill in",
            "Progress report",
            "Attendance register",
        }
    session = pdf.text(english["session"].data)
    assert "Family home" in session and "Signature for the family" in session
    assert re.search(r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d+ ", session)
    assert "Health and growth" in pdf.text(english["triangle"].data)


def test_italian_documents_have_no_english_furniture(italian: dict[str, PrintedDocument]) -> None:
    for kind, document in italian.items():
        content = pdf.text(document.data)
        for english_word in ("Page", "Signature", "Family", "Date", "Legend", "Printed", "Notes"):
            assert not re.search(rf"\b{english_word}\b", content), (kind, english_word)


def test_user_text_is_printed_literally(new_workspace) -> None:
    workspace = new_workspace("literal")
    from pippi_desktop.services import casefile_service as cs

    with cs.unit_of_work(workspace) as uow:
        family_id = uow.create(FamilyInput(implementation="PIPPI 13"))
        uow.create(
            VisitInput(
                family_id=family_id,
                date=date.today(),
                place="casa",
                activities="Regole: a < b & c > d, <b>non grassetto</b>\x07 e basta.\n\n"
                + "Una parola lunghissima: "
                + "x" * 400
                + " fine.",
            )
        )
    document = ps.render(workspace, PrintRequest(DocumentKind.SESSION, family_id=family_id))
    content = pdf.text(document.data)
    assert "a < b & c > d, <b>non grassetto</b> e basta." in content
    assert content.count("x") >= 400 and "fine." in content  # split, not cut at the margin


@pytest.mark.parametrize("lang", [Lang.IT, Lang.EN])
def test_no_page_holds_only_a_table_header_or_only_the_signatures(
    italian: dict[str, PrintedDocument], english: dict[str, PrintedDocument], lang: Lang
) -> None:
    documents = italian if lang is Lang.IT else english
    for kind, document in documents.items():
        assert pdf.layout_faults(document.data, lang) == [], kind


def _colours(stream: str, operator: str) -> set[tuple[float, ...]]:
    return {
        tuple(round(float(v), 3) for v in match)
        for match in re.findall(rf"([\d.]+) ([\d.]+) ([\d.]+) {operator}\b", stream)
    }


def _rgb(hex_colour: str) -> tuple[float, ...]:
    value = hex_colour.lstrip("#")
    return tuple(round(int(value[i : i + 2], 16) / 255, 3) for i in (0, 2, 4))


def test_the_blank_form_draws_the_empty_triangle_and_asks_who_when_and_signatures(
    italian: dict[str, PrintedDocument], english: dict[str, PrintedDocument]
) -> None:
    data = italian["blank-triangle"].data
    stream = pdf.first_page_stream(data)
    assert _rgb(tg.FILL_COLOUR) in _colours(stream, "rg")  # the triangle's inside
    strokes = _colours(stream, "RG")
    assert _rgb(tg.OUTLINE_COLOUR) in strokes and _rgb(tg.GRID_COLOUR) in strokes
    assert len(re.findall(r"\bh\b", stream)) >= 2 + 5  # fill, outline and the score rings
    pages = pdf.page_texts(data)
    assert len(pages) <= 5
    first = pages[0]
    for number in range(1, 19):  # the axes' numbers and the list beside the drawing
        assert f"{number} " in first
    assert "Il bambino" in first and "L'ambiente" in first
    for words in ("Chi ha partecipato", "Łukasz Kowalski (padre)", "Operatori", "Data"):
        assert words in first, words
    last = pages[-1]
    for words in ("Firma dell'educatore/educatrice", "Firma per la famiglia", "Data", "Note"):
        assert words in last, words
    # four lines to write each text: 18 sub-dimensions x 4 texts x 4 lines, plus the rest
    assert pdf.text(data).count("Punti di forza") == 18
    english_text = pdf.text(english["blank-triangle"].data)
    assert "Who took part" in english_text and "Signatures" in english_text


def test_the_report_writes_dates_one_way_and_ends_with_who_wrote_it(
    italian: dict[str, PrintedDocument], english: dict[str, PrintedDocument]
) -> None:
    for document in (italian["report"], english["report"]):
        content = pdf.text(document.data)
        assert re.search(r"\b\d\d/\d\d/\d{4}\b", content)
        assert not re.search(
            r"\b\d{1,2} (gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|"
            r"ottobre|novembre|dicembre|January|February|March|April|June|July|August|"
            r"September|October|November|December) \d{4}\b",
            content,
        )
    last = pdf.page_texts(italian["report"].data)[-1]
    assert "Redatto da" in last and "Firma" in last and "Data" in last
    assert "Written by" in pdf.page_texts(english["report"].data)[-1]


def test_a_childs_triangle_and_scores_share_a_page_that_names_the_child(
    italian: dict[str, PrintedDocument],
) -> None:
    for number, page in enumerate(pdf.page_texts(italian["report"].data), start=1):
        if "Legenda" in page or "N. Sottodimensione" in page:
            assert "Legenda" in page and "N. Sottodimensione" in page, number
            assert "Punteggi di Ólafur Kowalski" in page, number
