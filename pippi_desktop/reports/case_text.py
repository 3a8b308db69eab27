"""Small wordings of the case file shared by the documents: names, people lists, who does what."""

from __future__ import annotations

from collections.abc import Sequence

from pippi_desktop.domain.records import Assessment, CaseFile, MicroProjectItem
from pippi_desktop.domain.text import search_key
from pippi_desktop.reports.style import PrintContext


def people_names(case: CaseFile, person_ids: Sequence[str]) -> list[str]:
    """The full names of these members of the family, in the order given (unknown ids left out)."""
    return [person.full_name for pid in person_ids if (person := case.person(pid)) is not None]


def people_with_roles(
    case: CaseFile, person_ids: Sequence[str], context: PrintContext
) -> list[str]:
    """ "Ana Kowalska (madre)" for each of these members of the family."""
    result = []
    for pid in person_ids:
        person = case.person(pid)
        if person is not None:
            role = context.label("member_roles", person.role).lower()
            result.append(f"{person.full_name} ({role})")
    return result


def equipe_names(
    case: CaseFile, member_ids: Sequence[str], context: PrintContext, *, profession: bool = True
) -> list[str]:
    """ "Anna Bianchi (assistente sociale)" for each of these équipe members."""
    result = []
    for mid in member_ids:
        member = case.equipe_member(mid)
        if member is not None:
            if profession:
                label = context.label("professions", member.profession).lower()
                result.append(f"{member.name} ({label})")
            else:
                result.append(member.name)
    return result


def family_surnames(case: CaseFile) -> str:
    """The family's surnames, each once, in the order the members were recorded."""
    seen: dict[str, str] = {}
    for person in case.members:
        seen.setdefault(search_key(person.family_name), person.family_name)
    return ", ".join(seen.values())


def responsible(item: MicroProjectItem, case: CaseFile, context: PrintContext) -> str:
    """Who does what for a micro-project objective: family members, équipe, others."""
    names = people_names(case, item.responsible_people)
    names += equipe_names(case, item.responsible_equipe, context, profession=False)
    if item.responsible_other:
        names.append(item.responsible_other)
    return ", ".join(names)


def time_point_label(assessment: Assessment, context: PrintContext) -> str:
    """ "T1 — intermedio", or the name given to an extra time point."""
    if assessment.time_point == "extra" and assessment.extra_label:
        return assessment.extra_label
    return context.label("time_points", assessment.time_point)


def child_name(case: CaseFile, child_id: str | None) -> str:
    person = case.person(child_id) if child_id else None
    return person.full_name if person is not None else ""


def ordered_members(case: CaseFile) -> list[str]:
    return [person.full_name for person in case.members]
