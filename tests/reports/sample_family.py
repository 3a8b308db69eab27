"""A family made to stress printing: 18 months of data, names beyond Latin-1, very long notes.

Written through `casefile_service` like real data. The longest texts end with words that
appear nowhere else (`LAST_WORDS`), so a test can prove nothing was cut.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from pippi_desktop.domain.record_inputs import (
    AssessmentEntryInput,
    AssessmentInput,
    AttendanceInput,
    DispositivoInput,
    EquipeMemberInput,
    FamilyInput,
    GroupSessionInput,
    MicroProjectItemInput,
    PersonInput,
    VisitInput,
)
from pippi_desktop.services import casefile_service as cs
from pippi_desktop.services import casefile_view
from pippi_desktop.services.catalogue_service import active_catalogue
from pippi_desktop.services.open_workspace import OpenWorkspace

NAMES = ("Łukasz Kowalski", "Nguyễn Thị Hoa", "Ólafur Kowalski", "Zofia Kowalska")
NAME_PARTS = ("Łukasz", "Nguyễn", "Ólafur", "Őrs", "Şebnem")
LAST_WORDS = {
    "family_notes": "finisce qui la nota lunghissima sulla famiglia",
    "visit_notes": "ultime parole delle osservazioni della visita",
    "objective": "termine dell'obiettivo molto lungo",
    "child_words": "così ha detto alla fine Ólafur",
}

_SENTENCES = (
    "Durante l'incontro la mamma ha raccontato come è andata la settimana a scuola e a casa.",
    "Il papà è arrivato più tardi dal lavoro ma ha partecipato con attenzione al gioco.",
    "Abbiamo ripreso insieme le regole della sera: cena, compiti, un po' di gioco e poi a letto.",
    "Ólafur ha mostrato con orgoglio il quaderno e ha letto ad alta voce una pagina.",
    "Zofia ha disegnato la famiglia e ha voluto spiegare chi è ciascuno nel disegno.",
    "Si è parlato della visita dal pediatra e delle difficoltà con gli orari dell'autobus.",
    "La nonna si è offerta di accompagnare i bambini a scuola il martedì e il giovedì.",
)


def long_text(words: int, ending: str) -> str:
    """About `words` words of believable notes in paragraphs, then `ending`."""
    paragraphs, current, count, index = [], [], 0, 0
    while count < words:
        sentence = _SENTENCES[index % len(_SENTENCES)]
        current.append(sentence)
        count += len(sentence.split())
        index += 1
        if len(current) == 5:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs) + f"\n\nIn conclusione: {ending}."


@dataclass(frozen=True)
class SampleFamily:
    family_id: str
    code: str
    child_id: str
    latest_visit_id: str
    first_visit_id: str
    assessment_ids: dict[str, str]  # time point -> id
    session_id: str


def make_sample_family(
    workspace: OpenWorkspace, *, today: date | None = None, note_words: int = 6000
) -> SampleFamily:
    today = today or date.today()
    start = today - timedelta(days=560)
    catalogue = active_catalogue(workspace)
    subs = [sub.sub_id for sub in catalogue.subdimensions()]
    with cs.unit_of_work(workspace, today=today) as uow:
        family_id = uow.create(
            FamilyInput(
                implementation="PIPPI 13",
                referral_date=start - timedelta(days=40),
                referral_source="Scuola primaria «Gianni Rodari»",
                preassessment_outcome="inclusa",
                start_date=start,
                notes=long_text(note_words, LAST_WORDS["family_notes"]),
            )
        )
        people = {}
        for key, given, surname, role, born in (
            ("father", "Łukasz", "Kowalski", "padre", date(1986, 3, 14)),
            ("mother", "Thị Hoa", "Nguyễn", "madre", date(1990, 9, 2)),
            ("son", "Ólafur", "Kowalski", "figlio", today - timedelta(days=365 * 9 + 40)),
            ("daughter", "Zofia", "Kowalska", "figlia", today - timedelta(days=365 * 5 + 10)),
            ("grandmother", "Şebnem", "Yılmaz", "nonna", date(1958, 1, 20)),
        ):
            person = PersonInput(
                family_id=family_id,
                given_name=given,
                family_name=surname,
                role=role,
                birth_date=born,
            )
            if key == "son":
                person = replace(
                    person, school="Scuola primaria «Gianni Rodari»", school_class="3ª B"
                )
            people[key] = uow.create(person)
        equipe = {}
        for key, name, profession, organisation in (
            ("social", "Anna Bianchi", "assistente_sociale", "Servizio sociale dell'Ambito"),
            ("educator", "Giulia Ferri", "educatore_domiciliare", "Cooperativa sociale Aurora"),
            ("psychologist", "Őrs Németh", "psicologo", "ASL — Consultorio familiare"),
            ("teacher", "Chiara D'Angelo", "insegnante", "Istituto comprensivo statale"),
        ):
            equipe[key] = uow.create(
                EquipeMemberInput(
                    family_id=family_id,
                    name=name,
                    profession=profession,
                    organisation=organisation,
                    start_date=start,
                    case_manager=key == "social",
                )
            )
        for kind in ("educativa_domiciliare", "gruppi", "vicinanza_solidale"):
            uow.create(DispositivoInput(family_id=family_id, kind=kind, start_date=start))
        for code, offset in (
            ("segnalazione", 3),
            ("progetto_quadro", 14),
            ("assessment", 30),
            ("progettazione", 60),
            ("accompagnamento", 120),
        ):
            uow.set_phase(family_id, code, start + timedelta(days=offset))

        assessment_ids = {}
        for index, (point, offset) in enumerate((("T0", 35), ("T1", 280), ("T2", 530))):
            assessment = uow.create(
                AssessmentInput(
                    family_id=family_id,
                    child_id=people["son"],
                    time_point=point,
                    date=start + timedelta(days=offset),
                    participants_people=[people["mother"], people["father"], people["son"]],
                    participants_equipe=[equipe["educator"], equipe["social"]],
                    notes="Valutazione fatta a casa, in cucina, con tutta la famiglia.",
                )
            )
            assessment_ids[point] = assessment
            for number, sub in enumerate(subs):
                entry = AssessmentEntryInput(subdimension=sub)
                if point == "T1" and number == 4:
                    entry = replace(entry, not_assessable=True)
                else:
                    score = max(1, min(6, 1 + (number * 7 + index * 5) % 4 + index))
                    entry = replace(entry, score=score)
                if number % 3 == 0:
                    entry = replace(
                        entry,
                        strengths="La famiglia riconosce i progressi e ne parla volentieri.",
                        needs="Servono orari più regolari e un aiuto per i compiti.",
                    )
                if sub.startswith("bambino.") and number % 2 == 0:
                    child_words = (
                        "«Mi piace quando la mamma legge con me.» "
                        + (
                            long_text(700, LAST_WORDS["child_words"])
                            if number == 0 and point == "T2"
                            else ""
                        )
                    ).strip()
                    entry = replace(entry, child_words=child_words)
                uow.save_entries(assessment, [entry])

        objectives = []
        for number, sub in enumerate(subs[:3]):
            objectives.append(
                uow.create(
                    MicroProjectItemInput(
                        family_id=family_id,
                        child_id=people["son"],
                        subdimension=sub,
                        objective=long_text(1500, LAST_WORDS["objective"])
                        if number == 0
                        else "Leggere insieme dieci minuti ogni sera prima di dormire.",
                        expected_results="Ólafur legge con più sicurezza e piacere.",
                        actions="La mamma sceglie un libro in biblioteca ogni due settimane.",
                        responsible_people=[people["mother"]],
                        responsible_equipe=[equipe["educator"]],
                        deadline=start + timedelta(days=270),
                        verification_status=("raggiunto", "parzialmente", "da_verificare")[number],
                        verification_notes="Verificato alla valutazione T1."
                        if number < 2
                        else None,
                    )
                )
            )

        visit_ids = []
        day = start + timedelta(days=5)
        while day <= today - timedelta(days=3):
            last = day + timedelta(days=7) > today - timedelta(days=3)
            visit = VisitInput(
                family_id=family_id,
                date=day,
                start_time="16:30",
                duration_minutes=90,
                place="casa",
                present_people=(people["mother"], people["son"], people["daughter"]),
                present_equipe=(equipe["educator"],),
                activities="Gioco dell'oca delle emozioni e lettura condivisa.",
                notes=(
                    long_text(note_words // 2, LAST_WORDS["visit_notes"])
                    if last
                    else "Incontro sereno; i bambini erano contenti."
                ),
                objectives=tuple(objectives[1:]) if last else (),
                next_date=day + timedelta(days=7),
                next_time="16:30",
                next_notes="Portare il libro della biblioteca." if last else None,
            )
            visit_ids.append(uow.create(visit))
            day += timedelta(days=7)

        session_id = uow.create(
            GroupSessionInput(
                kind="genitori",
                date=today - timedelta(days=10),
                start_time="17:30",
                duration_minutes=90,
                topic="Le regole in famiglia: dire di no senza litigare",
                facilitators=["Giulia Ferri", "Őrs Németh"],
                place="Centro per le famiglie",
            )
        )
        uow.set_attendance(
            AttendanceInput(session_id=session_id, person_id=people["mother"], status="presente")
        )
        uow.set_attendance(
            AttendanceInput(
                session_id=session_id,
                person_id=people["father"],
                status="giustificato",
                notes="turno di lavoro",
            )
        )
    return SampleFamily(
        family_id=family_id,
        code=casefile_view.case_file(workspace, family_id).family.code,
        child_id=people["son"],
        latest_visit_id=visit_ids[-1],
        first_visit_id=visit_ids[0],
        assessment_ids=assessment_ids,
        session_id=session_id,
    )
