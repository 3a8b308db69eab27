"""Synthetic but believable families for demos, screenshots and benchmarks.

Everything is written through the same unit of work as real data (validation, change log,
audit), twenty families per transaction. Names come from Faker `it_IT`; the texts from the phrase
banks in `resources/demo/phrases_it.json`. The same seed on the same day gives the same content
(record ids and family codes differ between workspaces, by design); running it again continues
with new families, because the random stream also depends on how many families exist already.

Each family gets 2–6 members (1–3 children), an équipe, dispositivi, the pathway phases,
visits every one to two weeks for up to 18 months, group sessions every two to three weeks with
attendance, T0/T1/T2 assessments per child whose scores tend to improve, and micro-project
objectives on the weakest sub-dimensions, checked at T1/T2.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from pippi_desktop.domain.catalogue import Catalogue
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
    RecordInput,
    VisitInput,
)
from pippi_desktop.resource_paths import resource
from pippi_desktop.services import casefile_service as cs
from pippi_desktop.services import casefile_view
from pippi_desktop.services.catalogue_service import active_catalogue
from pippi_desktop.services.open_workspace import OpenWorkspace

if TYPE_CHECKING:  # Faker takes a while to import: only when demo data is made
    from faker import Faker

IMPLEMENTATIONS = ("PIPPI 11", "PIPPI 12", "PIPPI 13")
PROGRAMME_DAYS = 548  # 18 months
FAMILIES_PER_TRANSACTION = 20  # each commit costs an fsync; a batch keeps 1,000 families fast


@lru_cache(maxsize=1)
def _phrases() -> dict[str, Any]:
    with open(resource("demo", "phrases_it.json"), encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


@dataclass(frozen=True)
class DemoResult:
    families: int
    records: int


class _FamilyMaker:
    def __init__(self, rng: random.Random, fake: Faker, today: date, catalogue: Catalogue) -> None:
        self.rng, self.fake, self.today, self.catalogue = rng, fake, today, catalogue
        self.phrases = _phrases()
        self.records = 0

    def pick(self, key: str) -> str:
        return str(self.rng.choice(self.phrases[key]))

    def day(self, start: date, days: int) -> date:
        return min(start + timedelta(days=days), self.today)

    def create(self, uow: cs.UnitOfWork, value: RecordInput, record_id: str | None = None) -> str:
        self.records += 1
        return uow.create(value, record_id=record_id)

    def make(self, uow: cs.UnitOfWork, sessions: list[tuple[str, str, date]]) -> None:
        rng, fake, today = self.rng, self.fake, self.today
        elapsed = rng.randint(20, PROGRAMME_DAYS + 120)
        start = today - timedelta(days=elapsed)
        concluded = elapsed > PROGRAMME_DAYS
        referral = start - timedelta(days=rng.randint(20, 90))
        implementation = IMPLEMENTATIONS[min(2, max(0, 2 - elapsed // 300 + rng.randint(-1, 0)))]
        family = FamilyInput(
            implementation=implementation,
            referral_date=referral,
            referral_source=self.pick("referral_sources"),
            preassessment_outcome="inclusa",
            start_date=start,
        )
        family_id = self.create(uow, family)
        surname = fake.last_name()
        people = self._members(uow, family_id, surname, start)
        children = [p for p in people if p[1] in ("figlio", "figlia")]
        equipe = self._equipe(
            uow, family_id, start, has_school=any(age >= 3 for _, _, age in children)
        )
        self._dispositivi(uow, family_id, start, concluded)
        objectives = self._assessments_and_microproject(
            uow, family_id, children, people, equipe, start, elapsed
        )
        self._visits(uow, family_id, people, equipe, objectives, start, elapsed)
        self._groups(uow, people, sessions, start, elapsed)
        self._phases(uow, family_id, family, start, elapsed, concluded)

    def _members(
        self, uow: cs.UnitOfWork, family_id: str, surname: str, start: date
    ) -> list[tuple[str, str, int]]:
        rng, fake = self.rng, self.fake
        people: list[tuple[str, str, int]] = []
        mother_age = rng.randint(24, 48)
        roles = [("madre", mother_age)]
        if rng.random() < 0.6:
            roles.append(
                ("padre" if rng.random() < 0.8 else "partner", mother_age + rng.randint(-3, 8))
            )
        for _ in range(rng.choice((1, 1, 2, 2, 3))):
            roles.append(
                (rng.choice(("figlio", "figlia")), rng.randint(0, min(16, mother_age - 18)))
            )
        if rng.random() < 0.25 and len(roles) < 6:
            roles.append((rng.choice(("nonna", "nonno")), mother_age + rng.randint(22, 30)))
        for role, age in roles:
            female = role in ("madre", "figlia", "nonna") or (
                role == "partner" and rng.random() < 0.2
            )
            given = fake.first_name_female() if female else fake.first_name_male()
            born = self.today - timedelta(days=age * 365 + rng.randint(0, 364))
            family_name = (
                surname
                if role not in ("nonna", "nonno", "partner") or rng.random() < 0.5
                else fake.last_name()
            )
            school, school_class = (
                self._school(age) if role in ("figlio", "figlia") else (None, None)
            )
            person = PersonInput(
                family_id=family_id,
                given_name=given,
                family_name=family_name,
                role=role,
                birth_date=born,
                sex="F" if female else "M",
                school=school,
                school_class=school_class,
            )
            people.append((self.create(uow, person), role, age))
        return people

    def _school(self, age: int) -> tuple[str | None, str | None]:
        """A school and class that fit the child's age (Italian school stages)."""
        rng, schools = self.rng, self.phrases["schools_by_stage"]
        if age < 1:
            return None, None
        if age < 3:
            return rng.choice(schools["nido"]), None
        if age < 6:
            return (
                rng.choice(schools["infanzia"]),
                "sezione " + rng.choice(("gialla", "blu", "verde")),
            )
        stage, first_age = (
            ("primaria", 6)
            if age < 11
            else ("secondaria_1", 11)
            if age < 14
            else ("secondaria_2", 14)
        )
        return rng.choice(schools[stage]), f"{age - first_age + 1}ª {rng.choice('ABCD')}"

    def _equipe(
        self, uow: cs.UnitOfWork, family_id: str, start: date, *, has_school: bool
    ) -> list[str]:
        rng, fake = self.rng, self.fake
        wanted = ["assistente_sociale", "educatore_domiciliare", "psicologo"]
        if has_school:
            wanted.append("insegnante")
        if rng.random() < 0.4:
            wanted.append("pediatra")
        if rng.random() < 0.35:
            wanted.append("famiglia_appoggio")
        organisations = self.phrases["organisations"]
        members = []
        for profession in wanted:
            name = (
                f"Famiglia {fake.last_name()}"
                if profession == "famiglia_appoggio"
                else f"{fake.first_name()} {fake.last_name()}"
            )
            member = EquipeMemberInput(
                family_id=family_id,
                name=name,
                profession=profession,
                organisation=rng.choice(organisations[profession]),
                start_date=start,
                case_manager=profession == "assistente_sociale",
            )
            members.append(self.create(uow, member))
        return members

    def _dispositivi(
        self, uow: cs.UnitOfWork, family_id: str, start: date, concluded: bool
    ) -> None:
        end = start + timedelta(days=PROGRAMME_DAYS) if concluded else None
        for kind, chance in (
            ("educativa_domiciliare", 1.0),
            ("gruppi", 0.75),
            ("scuola_famiglia", 0.6),
            ("vicinanza_solidale", 0.45),
            ("specialistici", 0.25),
            ("sostegno_economico", 0.3),
        ):
            if self.rng.random() < chance:
                self.create(
                    uow,
                    DispositivoInput(
                        family_id=family_id, kind=kind, start_date=start, end_date=end
                    ),
                )

    def _assessments_and_microproject(
        self,
        uow: cs.UnitOfWork,
        family_id: str,
        children: list[tuple[str, str, int]],
        people: list[tuple[str, str, int]],
        equipe: list[str],
        start: date,
        elapsed: int,
    ) -> list[str]:
        rng = self.rng
        subs = [sub.sub_id for sub in self.catalogue.subdimensions()]
        adults = [pid for pid, role, _ in people if role not in ("figlio", "figlia")]
        objectives: list[str] = []
        for child_id, _, _ in children:
            base = {sub: rng.choice((1, 2, 2, 3, 3, 3, 4, 4, 5)) for sub in subs}
            weak = sorted(subs, key=lambda s: (base[s], rng.random()))[: rng.randint(2, 4)]
            items: list[tuple[str, MicroProjectItemInput]] = []
            for index, (point, offset) in enumerate((("T0", 35), ("T1", 280), ("T2", 530))):
                if elapsed < offset + 5:
                    break
                when = self.day(start, offset + rng.randint(-7, 7))
                assessment = self.create(
                    uow,
                    AssessmentInput(
                        family_id=family_id,
                        child_id=child_id,
                        time_point=point,
                        date=when,
                        participants_people=(*adults[:2], child_id),
                        participants_equipe=tuple(equipe[:2]),
                    ),
                )
                for sub in subs:
                    gain = index * (1.2 if sub in weak else 0.5)
                    entry = AssessmentEntryInput(assessment_id=assessment, subdimension=sub)
                    if rng.random() < 0.06:
                        entry = replace(entry, not_assessable=True)
                    else:
                        score = max(1, min(6, round(base[sub] + gain + rng.uniform(-0.8, 0.8))))
                        entry = replace(entry, score=score)
                    if sub in weak or rng.random() < 0.15:
                        entry = replace(
                            entry,
                            strengths=self.pick("strengths"),
                            needs=self.pick("needs"),
                            sources=self.pick("sources"),
                        )
                        if sub.startswith("bambino.") and rng.random() < 0.6:
                            entry = replace(entry, child_words=self.pick("child_words"))
                    self.create(uow, entry, record_id=cs.entry_id(assessment, sub))
                if point == "T0":
                    for sub in weak:
                        item = MicroProjectItemInput(
                            family_id=family_id,
                            child_id=child_id,
                            subdimension=sub,
                            objective=self.pick("objectives"),
                            expected_results=self.pick("expected_results"),
                            actions=self.pick("actions"),
                            responsible_people=tuple(adults[:1]),
                            responsible_equipe=tuple(equipe[1:2]),
                            deadline=start + timedelta(days=rng.choice((180, 270, 365))),
                        )
                        items.append((self.create(uow, item), item))
            if elapsed > 290:
                for item_id, item in items:
                    status = rng.choice(
                        ("raggiunto", "parzialmente", "parzialmente", "non_raggiunto", "raggiunto")
                    )
                    checked = replace(
                        item,
                        verification_status=status,
                        verification_notes=self.pick("verification_notes"),
                    )
                    uow.update(item_id, checked, before=item)
            objectives.extend(item_id for item_id, _item in items)
        return objectives

    def _visits(
        self,
        uow: cs.UnitOfWork,
        family_id: str,
        people: list[tuple[str, str, int]],
        equipe: list[str],
        objectives: list[str],
        start: date,
        elapsed: int,
    ) -> None:
        rng = self.rng
        educator = equipe[1] if len(equipe) > 1 else None
        day = _weekday(start + timedelta(days=rng.randint(2, 10)))
        end = start + timedelta(days=min(elapsed, PROGRAMME_DAYS))
        while day <= end and day <= self.today:
            present = [pid for pid, _, _ in people if rng.random() < 0.7] or [people[0][0]]
            next_day = _weekday(day + timedelta(days=rng.choice((7, 7, 7, 14, 10))))
            start_time = f"{rng.choice((9, 10, 15, 16, 17))}:{rng.choice(('00', '30'))}"
            visit = VisitInput(
                family_id=family_id,
                date=day,
                start_time=start_time,
                duration_minutes=rng.choice((60, 90, 90, 120)),
                place=rng.choice(("casa", "casa", "casa", "territorio", "scuola", "servizio")),
                present_people=tuple(present),
                present_equipe=(educator,) if educator else (),
                activities=self.pick("activities"),
                notes=" ".join(self.pick("notes") for _ in range(rng.randint(1, 3))),
                objectives=tuple(rng.sample(objectives, k=min(len(objectives), rng.randint(0, 2)))),
            )
            if next_day <= end:
                visit = replace(visit, next_date=next_day, next_time=start_time)
            self.create(uow, visit)
            day = next_day

    def _groups(
        self,
        uow: cs.UnitOfWork,
        people: list[tuple[str, str, int]],
        sessions: list[tuple[str, str, date]],
        start: date,
        elapsed: int,
    ) -> None:
        if self.rng.random() > 0.75:
            return
        end = start + timedelta(days=min(elapsed, PROGRAMME_DAYS))
        for session_id, kind, when in sessions:
            if not start <= when <= end:
                continue
            invited = [
                pid
                for pid, role, age in people
                if (kind == "genitori" and role in ("madre", "padre", "partner"))
                or (kind == "bambini" and role in ("figlio", "figlia") and age >= 5)
            ]
            for person_id in invited:
                status = self.rng.choices(
                    ("presente", "assente", "giustificato"), weights=(7, 2, 1)
                )[0]
                self.records += 1
                uow.set_attendance(
                    AttendanceInput(session_id=session_id, person_id=person_id, status=status)
                )

    def _phases(
        self,
        uow: cs.UnitOfWork,
        family_id: str,
        family: FamilyInput,
        start: date,
        elapsed: int,
        concluded: bool,
    ) -> None:
        steps = (
            ("segnalazione", 3),
            ("progetto_quadro", 14),
            ("assessment", 30),
            ("progettazione", 60),
            ("accompagnamento", 120),
        )
        for code, offset in steps:
            if elapsed > offset:
                uow.set_phase(family_id, code, self.day(start, offset))
        if concluded:
            uow.set_phase(family_id, "conclusione", self.day(start, PROGRAMME_DAYS))
            concluded_family = replace(
                family,
                conclusion_date=self.day(start, PROGRAMME_DAYS),
                conclusion_variant=self.rng.choice(("A", "A", "B", "B", "C")),
                child_placed_out=self.rng.random() < 0.04,
                conclusion_notes=self.pick("conclusion_notes"),
            )
            uow.update(family_id, concluded_family, before=family)


def _sessions(
    uow: cs.UnitOfWork, rng: random.Random, today: date, fake: Faker
) -> list[tuple[str, str, date]]:
    """Group sessions of the last 20 months: parents and children, every 2–3 weeks."""
    sessions = []
    phrases = _phrases()
    for kind, topics in (
        ("genitori", "group_topics_genitori"),
        ("bambini", "group_topics_bambini"),
    ):
        day = _weekday(today - timedelta(days=PROGRAMME_DAYS + 120))
        while day <= today:
            session_id = uow.create(
                GroupSessionInput(
                    kind=kind,
                    date=day,
                    start_time="17:30" if kind == "genitori" else "16:30",
                    duration_minutes=90,
                    topic=rng.choice(phrases[topics]),
                    facilitators=tuple(f"{fake.first_name()} {fake.last_name()}" for _ in range(2)),
                    place="Centro per le famiglie",
                )
            )
            sessions.append((session_id, kind, day))
            day = _weekday(day + timedelta(days=rng.choice((14, 21))))
    return sessions


def _weekday(day: date) -> date:
    """Services work Monday to Friday: a Saturday or Sunday moves to the Monday after."""
    return day + timedelta(days=(7 - day.weekday()) % 7) if day.weekday() >= 5 else day


def fill_demo_data(
    workspace: OpenWorkspace,
    families: int,
    *,
    seed: int = 1,
    today: date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> DemoResult:
    """Add `families` synthetic families; one transaction per family (and one for the groups)."""
    today = today or date.today()
    existing = casefile_view.count_families(workspace)
    rng = random.Random(f"{seed}/{existing}")
    from faker import Faker

    fake = Faker("it_IT")
    fake.seed_instance(rng.randint(0, 2**31))
    catalogue = active_catalogue(workspace)
    maker = _FamilyMaker(rng, fake, today, catalogue)
    with cs.unit_of_work(workspace, today=today) as uow:
        sessions = _sessions(uow, rng, today, fake)
    maker.records += len(sessions)
    done = 0
    while done < families:
        batch = min(FAMILIES_PER_TRANSACTION, families - done)
        with cs.unit_of_work(workspace, today=today) as uow:
            for _ in range(batch):
                maker.make(uow, sessions)
        done += batch
        if progress is not None:
            progress(done, families)
    return DemoResult(families=families, records=maker.records)
