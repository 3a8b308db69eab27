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
from pippi_desktop.domain.i18n import Lang
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
    def __init__(self, italian: str, english: str) -> None:
        super().__init__(english)
        self.pair = (italian, english)


def _require(condition: bool, italian: str, english: str) -> None:
    if not condition:
        raise _Problem(italian, english)


def _label(raw: Any, where_it: str, where_en: str) -> LocalText:
    try:
        label = LocalText.from_json(raw)
    except ValueError:
        raise _Problem(
            f"manca un'etichetta italiana valida in {where_it}",
            f"a valid Italian label is missing in {where_en}",
        ) from None
    _require(
        len(label.it) <= 300 and len(label.en) <= 300,
        f"etichetta troppo lunga in {where_it}",
        f"label too long in {where_en}",
    )
    return label


def _parse_scale(raw: Any) -> Scale:
    _require(isinstance(raw, dict), "manca la scala di valutazione", "the rating scale is missing")
    minimum, maximum = raw.get("min"), raw.get("max")
    _require(
        isinstance(minimum, int) and isinstance(maximum, int) and 0 <= minimum < maximum <= 20,
        "la scala deve avere un minimo e un massimo interi (da 0 a 20)",
        "the scale needs whole-number min and max (0 to 20)",
    )
    values = raw.get("values")
    _require(isinstance(values, list), "la scala non elenca i valori", "the scale lists no values")
    parsed = []
    for item in values:
        _require(
            isinstance(item, dict) and isinstance(item.get("value"), int),
            "un valore della scala non è un numero intero",
            "a scale value is not a whole number",
        )
        parsed.append(
            ScaleValue(
                item["value"],
                _label(
                    item.get("label"),
                    f"valore {item['value']} della scala",
                    f"scale value {item['value']}",
                ),
            )
        )
    _require(
        sorted(v.value for v in parsed) == list(range(minimum, maximum + 1)),
        f"la scala deve avere un'etichetta per ogni valore da {minimum} a {maximum}",
        f"the scale needs one label for each value from {minimum} to {maximum}",
    )
    nv = raw.get("not_assessable")
    _require(
        isinstance(nv, dict) and isinstance(nv.get("code"), str),
        "manca la voce «non valutabile» della scala",
        "the scale's 'not assessable' entry is missing",
    )
    scale_id = raw.get("id")
    _require(
        isinstance(scale_id, str) and bool(_ID.match(scale_id)),
        "l'identificativo della scala non è valido",
        "the scale id is not valid",
    )
    return Scale(
        scale_id=scale_id,
        minimum=minimum,
        maximum=maximum,
        values=tuple(sorted(parsed, key=lambda v: v.value)),
        not_assessable_code=nv["code"],
        not_assessable_label=_label(nv.get("label"), "«non valutabile»", "'not assessable'"),
        not_assessable_short=_label(
            nv.get("short", nv.get("label")), "«non valutabile»", "'not assessable'"
        ),
    )


def _parse_sides(raw: Any) -> tuple[Side, ...]:
    _require(
        isinstance(raw, list) and len(raw) == 3,
        "il triangolo deve avere esattamente tre lati",
        "the triangle must have exactly three sides",
    )
    sides, seen = [], set()
    for index, side in enumerate(raw, start=1):
        _require(
            isinstance(side, dict), f"il lato {index} non è valido", f"side {index} is not valid"
        )
        side_id = side.get("id")
        _require(
            isinstance(side_id, str) and bool(_ID.match(side_id)),
            f"il lato {index} ha un identificativo non valido",
            f"side {index} has an invalid id",
        )
        subs_raw = side.get("subdimensions")
        _require(
            isinstance(subs_raw, list) and 1 <= len(subs_raw) <= 30,
            f"il lato «{side_id}» deve avere da 1 a 30 sottodimensioni",
            f"side '{side_id}' needs 1 to 30 sub-dimensions",
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
                f"una sottodimensione del lato «{side_id}» ha un identificativo non valido",
                f"a sub-dimension of side '{side_id}' has an invalid id",
            )
            _require(
                sub_id not in seen,
                f"la sottodimensione «{sub_id}» compare due volte",
                f"sub-dimension '{sub_id}' appears twice",
            )
            seen.add(sub_id)
            subs.append(
                Subdimension(
                    sub_id, side_id, _label(sub.get("label"), f"«{sub_id}»", f"'{sub_id}'")
                )
            )
        sides.append(
            Side(
                side_id=side_id,
                title=_label(
                    side.get("title"),
                    f"il titolo del lato «{side_id}»",
                    f"the title of side '{side_id}'",
                ),
                question=_label(
                    side.get("question", side.get("title")),
                    f"la domanda del lato «{side_id}»",
                    f"the question of side '{side_id}'",
                ),
                subdimensions=tuple(subs),
            )
        )
    _require(
        len({s.side_id for s in sides}) == 3,
        "due lati hanno lo stesso identificativo",
        "two sides have the same id",
    )
    return tuple(sides)


def parse_catalogue(raw: Any) -> Catalogue:
    """Validate a parsed JSON value; `InvalidFile('catalogue', detail=…)` names the problem."""
    try:
        _require(
            isinstance(raw, dict),
            "il file non contiene un oggetto JSON",
            "the file holds no JSON object",
        )
        _require(
            raw.get("format") == FORMAT,
            f"il campo «format» deve essere «{FORMAT}»",
            f"the 'format' field must be '{FORMAT}'",
        )
        _require(
            raw.get("format_version") == FORMAT_VERSION,
            "versione del formato non supportata",
            "unsupported format version",
        )
        catalogue_id, version = raw.get("id"), raw.get("version")
        _require(
            isinstance(catalogue_id, str) and bool(_ID.match(catalogue_id)),
            "l'identificativo del catalogo non è valido",
            "the catalogue id is not valid",
        )
        _require(
            isinstance(version, str) and bool(_VERSION.match(version)),
            "la versione del catalogo non è valida (es. «2026.2»)",
            "the catalogue version is not valid (e.g. '2026.2')",
        )
        texts_raw = raw.get("texts")
        _require(
            isinstance(texts_raw, list),
            "manca l'elenco dei testi per sottodimensione",
            "the list of texts per sub-dimension is missing",
        )
        texts = []
        for item in texts_raw:
            text_id = item.get("id") if isinstance(item, dict) else None
            _require(
                text_id in TEXT_IDS,
                f"testo sconosciuto «{text_id}» (ammessi: {', '.join(TEXT_IDS)})",
                f"unknown text '{text_id}' (allowed: {', '.join(TEXT_IDS)})",
            )
            texts.append(
                (
                    str(text_id),
                    _label(item.get("label"), f"il testo «{text_id}»", f"text '{text_id}'"),
                )
            )
        return Catalogue(
            catalogue_id=catalogue_id,
            version=version,
            title=_label(raw.get("title"), "il titolo", "the title"),
            scale=_parse_scale(raw.get("scale")),
            texts=tuple(texts),
            sides=_parse_sides(raw.get("sides")),
            raw=json.dumps(raw, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
        )
    except _Problem as problem:
        raise InvalidFile("catalogue", detail=problem.pair) from None


def parse_catalogue_bytes(data: bytes) -> Catalogue:
    if len(data) > MAX_BYTES:
        raise InvalidFile("catalogue", detail=("il file è troppo grande", "the file is too large"))
    try:
        raw = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise InvalidFile(
            "catalogue",
            detail=("il file non è JSON valido (UTF-8)", "the file is not valid JSON (UTF-8)"),
        ) from None
    return parse_catalogue(raw)
