"""The triangle catalogue ("Il Mondo del Bambino") and its rating scale, as versioned data.

A catalogue file (`resources/catalogue/triangle-default.json`, or one an Ambito loads) is
checked here field by field; every problem is reported with a plain sentence in Italian and
English naming where it is. The format:

    format "pippi-desktop/triangle-catalogue", format_version 1,
    id ("mondo-del-bambino"), version ("2026.1"), title {it, en},
    scale {id, min, max, values [{value, label}], not_assessable {code, label, short}},
    texts [{id, label}]  (the texts asked per sub-dimension),
    sides [3 × {id, title, question, subdimensions [{id, label}]}]

Every assessment stores the catalogue id and version it used; old versions stay loaded, so an
assessment always displays with its own labels.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any

from pippi_desktop.domain.errors import InvalidFile
from pippi_desktop.domain.i18n import N_, Lang, Message
from pippi_desktop.domain.text import LocalText

FORMAT = "pippi-desktop/triangle-catalogue"
FORMAT_VERSION = 1
MAX_BYTES = 512 * 1024
_ID = re.compile(r"^[a-z0-9][a-z0-9_.\-]{0,63}$")
_VERSION = re.compile(r"^[0-9A-Za-z][0-9A-Za-z.\-]{0,31}$")
TEXT_IDS = ("strengths", "needs", "child_words", "sources")


@dataclass(frozen=True)
class ScaleValue:
    value: int
    label: LocalText


@dataclass(frozen=True)
class Scale:
    scale_id: str
    minimum: int
    maximum: int
    values: tuple[ScaleValue, ...]
    not_assessable_code: str
    not_assessable_label: LocalText
    not_assessable_short: LocalText

    def label(self, score: int | None, lang: Lang = Lang.IT) -> str:
        if score is None:
            return self.not_assessable_label.get(lang)
        for item in self.values:
            if item.value == score:
                return item.label.get(lang)
        return str(score)

    def contains(self, score: int) -> bool:
        return self.minimum <= score <= self.maximum


@dataclass(frozen=True)
class Subdimension:
    sub_id: str
    side_id: str
    label: LocalText


@dataclass(frozen=True)
class Side:
    side_id: str
    title: LocalText
    question: LocalText
    subdimensions: tuple[Subdimension, ...]


@dataclass(frozen=True)
class Catalogue:
    catalogue_id: str
    version: str
    title: LocalText
    scale: Scale
    texts: tuple[tuple[str, LocalText], ...]
    sides: tuple[Side, ...]
    raw: str  # canonical JSON, what is stored and synced

    @property
    def key(self) -> tuple[str, str]:
        return (self.catalogue_id, self.version)

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.raw.encode("utf-8")).hexdigest()

    def subdimensions(self) -> tuple[Subdimension, ...]:
        return tuple(sub for side in self.sides for sub in side.subdimensions)

    def subdimension(self, sub_id: str) -> Subdimension | None:
        for sub in self.subdimensions():
            if sub.sub_id == sub_id:
                return sub
        return None

    def subdimension_label(self, sub_id: str, lang: Lang = Lang.IT) -> str:
        sub = self.subdimension(sub_id)
        return sub.label.get(lang) if sub else sub_id

    def text_label(self, text_id: str, lang: Lang = Lang.IT) -> str:
        for key, label in self.texts:
            if key == text_id:
                return label.get(lang)
        return text_id


class _Problem(Exception):
    def __init__(self, detail: Message) -> None:
        super().__init__("catalogue")
        self.detail = detail


def _require(condition: bool, detail: Message) -> None:
    if not condition:
        raise _Problem(detail)


def _label(raw: Any, where: Message) -> LocalText:
    try:
        label = LocalText.from_json(raw)
    except ValueError:
        raise _Problem(
            N_("manca un'etichetta italiana valida in {where}").bind(where=where)
        ) from None
    _require(
        len(label.it) <= 300 and len(label.en) <= 300,
        N_("etichetta troppo lunga in {where}").bind(where=where),
    )
    return label


def _parse_scale(raw: Any) -> Scale:
    _require(isinstance(raw, dict), N_("manca la scala di valutazione"))
    minimum, maximum = raw.get("min"), raw.get("max")
    _require(
        isinstance(minimum, int) and isinstance(maximum, int) and 0 <= minimum < maximum <= 20,
        N_("la scala deve avere un minimo e un massimo interi (da 0 a 20)"),
    )
    values = raw.get("values")
    _require(isinstance(values, list), N_("la scala non elenca i valori"))
    parsed = []
    for item in values:
        _require(
            isinstance(item, dict) and isinstance(item.get("value"), int),
            N_("un valore della scala non è un numero intero"),
        )
        parsed.append(
            ScaleValue(
                item["value"],
                _label(
                    item.get("label"), N_("valore {value} della scala").bind(value=item["value"])
                ),
            )
        )
    _require(
        sorted(v.value for v in parsed) == list(range(minimum, maximum + 1)),
        N_("la scala deve avere un'etichetta per ogni valore da {minimum} a {maximum}").bind(
            minimum=minimum, maximum=maximum
        ),
    )
    nv = raw.get("not_assessable")
    _require(
        isinstance(nv, dict) and isinstance(nv.get("code"), str),
        N_("manca la voce «non valutabile» della scala"),
    )
    scale_id = raw.get("id")
    _require(
        isinstance(scale_id, str) and bool(_ID.match(scale_id)),
        N_("l'identificativo della scala non è valido"),
    )
    return Scale(
        scale_id=scale_id,
        minimum=minimum,
        maximum=maximum,
        values=tuple(sorted(parsed, key=lambda v: v.value)),
        not_assessable_code=nv["code"],
        not_assessable_label=_label(nv.get("label"), N_("«non valutabile»")),
        not_assessable_short=_label(nv.get("short", nv.get("label")), N_("«non valutabile»")),
    )


def _parse_sides(raw: Any) -> tuple[Side, ...]:
    _require(
        isinstance(raw, list) and len(raw) == 3, N_("il triangolo deve avere esattamente tre lati")
    )
    sides, seen = [], set()
    for index, side in enumerate(raw, start=1):
        _require(isinstance(side, dict), N_("il lato {index} non è valido").bind(index=index))
        side_id = side.get("id")
        _require(
            isinstance(side_id, str) and bool(_ID.match(side_id)),
            N_("il lato {index} ha un identificativo non valido").bind(index=index),
        )
        subs_raw = side.get("subdimensions")
        _require(
            isinstance(subs_raw, list) and 1 <= len(subs_raw) <= 30,
            N_("il lato «{side}» deve avere da 1 a 30 sottodimensioni").bind(side=side_id),
        )
        subs = []
        for sub in subs_raw:
            sub_id = (
                str(sub.get("id"))
                if isinstance(sub, dict) and isinstance(sub.get("id"), str)
                else ""
            )
            _require(
                bool(_ID.match(sub_id)),
                N_("una sottodimensione del lato «{side}» ha un identificativo non valido").bind(
                    side=side_id
                ),
            )
            _require(
                sub_id not in seen,
                N_("la sottodimensione «{sub}» compare due volte").bind(sub=sub_id),
            )
            seen.add(sub_id)
            subs.append(
                Subdimension(
                    sub_id, side_id, _label(sub.get("label"), N_("«{sub}»").bind(sub=sub_id))
                )
            )
        sides.append(
            Side(
                side_id=side_id,
                title=_label(
                    side.get("title"), N_("il titolo del lato «{side}»").bind(side=side_id)
                ),
                question=_label(
                    side.get("question", side.get("title")),
                    N_("la domanda del lato «{side}»").bind(side=side_id),
                ),
                subdimensions=tuple(subs),
            )
        )
    _require(len({s.side_id for s in sides}) == 3, N_("due lati hanno lo stesso identificativo"))
    return tuple(sides)


def parse_catalogue(raw: Any) -> Catalogue:
    """Validate a parsed JSON value; `InvalidFile('catalogue', detail=…)` names the problem."""
    try:
        _require(isinstance(raw, dict), N_("il file non contiene un oggetto JSON"))
        _require(
            raw.get("format") == FORMAT,
            N_("il campo «format» deve essere «{format}»").bind(format=FORMAT),
        )
        _require(
            raw.get("format_version") == FORMAT_VERSION, N_("versione del formato non supportata")
        )
        catalogue_id, version = raw.get("id"), raw.get("version")
        _require(
            isinstance(catalogue_id, str) and bool(_ID.match(catalogue_id)),
            N_("l'identificativo del catalogo non è valido"),
        )
        _require(
            isinstance(version, str) and bool(_VERSION.match(version)),
            N_("la versione del catalogo non è valida (es. «2026.2»)"),
        )
        texts_raw = raw.get("texts")
        _require(isinstance(texts_raw, list), N_("manca l'elenco dei testi per sottodimensione"))
        texts = []
        for item in texts_raw:
            text_id = item.get("id") if isinstance(item, dict) else None
            _require(
                text_id in TEXT_IDS,
                N_("testo sconosciuto «{text}» (ammessi: {allowed})").bind(
                    text=text_id, allowed=", ".join(TEXT_IDS)
                ),
            )
            texts.append(
                (
                    str(text_id),
                    _label(item.get("label"), N_("il testo «{text}»").bind(text=text_id)),
                )
            )
        return Catalogue(
            catalogue_id=catalogue_id,
            version=version,
            title=_label(raw.get("title"), N_("il titolo")),
            scale=_parse_scale(raw.get("scale")),
            texts=tuple(texts),
            sides=_parse_sides(raw.get("sides")),
            raw=json.dumps(raw, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
        )
    except _Problem as problem:
        raise InvalidFile("catalogue", detail=problem.detail) from None


def parse_catalogue_bytes(data: bytes) -> Catalogue:
    if len(data) > MAX_BYTES:
        raise InvalidFile("catalogue", detail=N_("il file è troppo grande"))
    try:
        raw = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise InvalidFile(
            "catalogue",
            detail=N_("il file non è JSON valido (UTF-8)"),
        ) from None
    return parse_catalogue(raw)
