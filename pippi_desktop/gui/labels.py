"""How record values read on screen: vocabulary labels in the current language, dates.

Vocabulary labels are data (`resources/catalogue/vocabularies.json`, Italian and English), so
they are looked up here at display time, not in the gettext catalogues. Dates show as
dd/MM/yyyy in both languages (the programme is Italian; its forms use that format).
"""

from __future__ import annotations

from datetime import date

from pippi_desktop.domain.catalogue import Catalogue
from pippi_desktop.domain.records import Person
from pippi_desktop.domain.vocabulary import Vocabulary
from pippi_desktop.gui.i18n import current_lang
from pippi_desktop.services.reference_data import vocabulary


def vocab() -> Vocabulary:
    return vocabulary()


def term(kind: str, code: str | None) -> str:
    """The label of a vocabulary code in the current language ("" for none)."""
    return vocabulary().label(kind, code, current_lang())


def terms(kind: str) -> list[tuple[str, str]]:
    """(code, label) of every term of a vocabulary list, in its order."""
    lang = current_lang()
    return [(t.code, t.label.get(lang)) for t in vocabulary().terms[kind]]


def day(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value is not None else ""


def person_label(person: Person) -> str:
    """ "Maria Rossi (madre)": name and role, for check lists and combo boxes."""
    return f"{person.full_name} ({term('member_roles', person.role).lower()})"


def subdimension_label(catalogue: Catalogue, sub_id: str) -> str:
    return catalogue.subdimension_label(sub_id, current_lang())


def side_title(catalogue: Catalogue, side_id: str) -> str:
    lang = current_lang()
    return next((s.title.get(lang) for s in catalogue.sides if s.side_id == side_id), side_id)


def is_child(person: Person) -> bool:
    return person.role in vocabulary().child_roles()
