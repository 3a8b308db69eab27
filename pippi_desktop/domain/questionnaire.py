"""Scored questionnaires (T0/T2 instruments) as data: the definition format and its parser.

The application ships the machinery and one demo questionnaire written for it
(`resources/questionnaires/demo-benessere.json`); the item texts of published instruments are
licensed, so an Ambito loads the definitions it may use. The format (`docs/questionnaires.md`):

    format "pippi-desktop/questionnaire", version 1, id, revision, title {it, en},
    respondents [codes of RESPONDENTS],
    options [{value, label}], items [{id, text, scale, reverse}],
    scales [{id, label, in_total, min_answered}], bands [{scale, from, to, label}]

Parsing is strict: an unknown key, a duplicate id (or JSON key), an item naming a missing scale,
overlapping bands, a wrong type or a number out of range refuses the whole file with
`InvalidFile("questionnaire", detail=…)` naming the place. Sizes are bounded before anything is
parsed or allocated. Scoring is `domain/questionnaire_scoring.py`.

Every response stores the questionnaire id and revision it was answered with; `raw` (canonical
JSON) is what is stored and synced, `digest` tells two contents of the same revision apart.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from pippi_desktop.domain.errors import InvalidFile
from pippi_desktop.domain.i18n import N_, NC_, Lang, Message
from pippi_desktop.domain.text import LocalText

FORMAT = "pippi-desktop/questionnaire"
FORMAT_VERSION = 1
TOTAL = "total"  # the key of the total score, next to the scale ids
MAX_BYTES = 256 * 1024
MAX_OPTIONS = 20
MAX_ITEMS = 200
MAX_SCALES = 30
MAX_BANDS = 200
MIN_VALUE, MAX_VALUE = 0, 100  # option values: no negative scores, so rounding is unambiguous
MAX_LABEL = 300
MAX_ITEM_TEXT = 600
_ID = re.compile(r"^[a-z0-9][a-z0-9_.\-]{0,63}$")
_REVISION = re.compile(r"^[0-9A-Za-z][0-9A-Za-z.\-]{0,31}$")

# Who fills a questionnaire in. Codes are stored in responses; labels are ours.
RESPONDENTS: dict[str, Message] = {
    "parent": NC_("respondent", "Genitore"),
    "teacher": NC_("respondent", "Insegnante"),
    "child": NC_("respondent", "Bambino/a"),
    "operator": NC_("respondent", "Operatore dell'équipe"),
}
TOTAL_LABEL = NC_("questionnaire", "Totale")

_TOP_KEYS = (
    "format",
    "version",
    "id",
    "revision",
    "title",
    "respondents",
    "options",
    "items",
    "scales",
    "bands",
)
_OPTION_KEYS = ("value", "label")
_ITEM_KEYS = ("id", "text", "scale", "reverse")
_ITEM_OPTIONAL = ("reverse",)
_SCALE_KEYS = ("id", "label", "in_total", "min_answered")
_BAND_KEYS = ("scale", "from", "to", "label")
_LABEL_KEYS = ("it", "en")


@dataclass(frozen=True)
class AnswerOption:
    value: int
    label: LocalText


@dataclass(frozen=True)
class Item:
    item_id: str
    text: LocalText
    scale_id: str
    reverse: bool


@dataclass(frozen=True)
class Scale:
    scale_id: str
    label: LocalText
    in_total: bool
    min_answered: int
    item_ids: tuple[str, ...]


@dataclass(frozen=True)
class Band:
    """A score range of a scale (or of the total, `scale_id == TOTAL`): from ≤ score ≤ to."""

    scale_id: str
    low: int
    high: int
    label: LocalText

    def contains(self, score: int) -> bool:
        return self.low <= score <= self.high


@dataclass(frozen=True)
class Questionnaire:
    questionnaire_id: str
    revision: str
    title: LocalText
    respondents: tuple[str, ...]
    options: tuple[AnswerOption, ...]  # sorted by value
    items: tuple[Item, ...]  # in the order they are asked
    scales: tuple[Scale, ...]
    bands: tuple[Band, ...]  # sorted by scale, then by `from`
    raw: str  # canonical JSON, what is stored and synced

    @property
    def key(self) -> tuple[str, str]:
        return (self.questionnaire_id, self.revision)

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.raw.encode("utf-8")).hexdigest()

    @property
    def min_value(self) -> int:
        return self.options[0].value

    @property
    def max_value(self) -> int:
        return self.options[-1].value

    @property
    def option_values(self) -> tuple[int, ...]:
        return tuple(option.value for option in self.options)

    @property
    def has_total(self) -> bool:
        """A total exists when at least one scale is counted in it."""
        return any(scale.in_total for scale in self.scales)

    def score_keys(self) -> tuple[str, ...]:
        """The keys of a response's scores: every scale id, then `total` when there is one."""
        keys = tuple(scale.scale_id for scale in self.scales)
        return (*keys, TOTAL) if self.has_total else keys

    def item(self, item_id: str) -> Item | None:
        for item in self.items:
            if item.item_id == item_id:
                return item
        return None

    def scale(self, scale_id: str) -> Scale | None:
        for scale in self.scales:
            if scale.scale_id == scale_id:
                return scale
        return None

    def items_of(self, scale_id: str) -> tuple[Item, ...]:
        return tuple(item for item in self.items if item.scale_id == scale_id)

    def total_item_ids(self) -> tuple[str, ...]:
        return tuple(i for scale in self.scales if scale.in_total for i in scale.item_ids)

    def bands_for(self, key: str) -> tuple[Band, ...]:
        """The bands of a scale id or of `total`, lowest first."""
        return tuple(band for band in self.bands if band.scale_id == key)

    def score_range(self, key: str) -> tuple[int, int]:
        """The lowest and highest score a scale (or the total) can reach."""
        count = len(self.total_item_ids()) if key == TOTAL else len(self.items_of(key))
        return (count * self.min_value, count * self.max_value)

    def label(self, key: str, lang: Lang = Lang.IT) -> str:
        """The label of a scale id or of `total`."""
        if key == TOTAL:
            return TOTAL_LABEL.translated(lang)
        scale = self.scale(key)
        return scale.label.get(lang) if scale else key

    def option_label(self, value: int, lang: Lang = Lang.IT) -> str:
        for option in self.options:
            if option.value == value:
                return option.label.get(lang)
        return str(value)


def respondent_label(code: str, lang: Lang = Lang.IT) -> str:
    message = RESPONDENTS.get(code)
    return message.translated(lang) if message is not None else code


class _Problem(Exception):
    def __init__(self, detail: Message) -> None:
        super().__init__("questionnaire")
        self.detail = detail


def _require(condition: bool, detail: Message) -> None:
    if not condition:
        raise _Problem(detail)


def _shown(key: object) -> str:
    """A key from the file as a message shows it: short, one line."""
    text = " ".join(str(key).split())
    return text if len(text) <= 40 else text[:39] + "…"


# `where` below is a place in the file with its preposition ("nella domanda «e1»", "nel
# titolo"), so a sentence reads "chiave sconosciuta «x» nella domanda «e1»" in Italian too.


def _object(
    raw: Any,
    keys: Iterable[str],
    *,
    where: Message,
    what: Message,
    optional: Iterable[str] = (),
) -> None:
    """`raw` is a JSON object with exactly `keys` (those in `optional` may be missing)."""
    _require(isinstance(raw, dict), N_("{what} non è un oggetto JSON").bind(what=what))
    allowed = tuple(keys)
    for key in raw:
        _require(
            key in allowed,
            N_("chiave sconosciuta «{key}» {where}").bind(key=_shown(key), where=where),
        )
    for key in allowed:
        _require(
            key in raw or key in optional,
            N_("manca la chiave «{key}» {where}").bind(key=key, where=where),
        )


def _list(raw: Any, *, key: str, minimum: int, maximum: int) -> list[Any]:
    _require(isinstance(raw, list), N_("«{key}» deve essere un elenco").bind(key=key))
    _require(
        minimum <= len(raw) <= maximum,
        N_("«{key}» deve avere da {minimum} a {maximum} elementi").bind(
            key=key, minimum=minimum, maximum=maximum
        ),
    )
    return list(raw)


def _int(raw: Any, *, key: str, where: Message, minimum: int, maximum: int) -> int:
    # bool is an int in Python, never in this format
    _require(
        isinstance(raw, int) and not isinstance(raw, bool),
        N_("«{key}» {where} deve essere un numero intero").bind(key=key, where=where),
    )
    _require(
        minimum <= raw <= maximum,
        N_("«{key}» {where} deve essere tra {minimum} e {maximum}").bind(
            key=key, where=where, minimum=minimum, maximum=maximum
        ),
    )
    return int(raw)


def _bool(raw: Any, *, key: str, where: Message) -> bool:
    _require(
        isinstance(raw, bool),
        N_("«{key}» {where} deve essere true oppure false").bind(key=key, where=where),
    )
    return bool(raw)


def _id(raw: Any, *, key: str, where: Message) -> str:
    _require(
        isinstance(raw, str) and bool(_ID.match(raw)),
        N_(
            "«{key}» {where} non è un identificativo valido (lettere minuscole, cifre, «-», «_», "
            "«.»; al massimo 64 caratteri)"
        ).bind(key=key, where=where),
    )
    return str(raw)


def _label(raw: Any, where: Message, *, maximum: int = MAX_LABEL) -> LocalText:
    """A label like the catalogue's `LocalText`: {"it": …, "en": …} (English optional, shown
    in Italian when missing) or one string for both languages. `source` is the Italian."""
    if isinstance(raw, dict):
        _object(raw, _LABEL_KEYS, where=where, what=N_("un testo"), optional=("en",))
        source, translation = raw["it"], raw.get("en", "")
    else:
        _require(
            isinstance(raw, str),
            N_("il testo {where} deve essere una stringa o un oggetto con «it» ed «en»").bind(
                where=where
            ),
        )
        source = translation = raw
    _require(
        isinstance(source, str) and bool(source.strip()),
        N_("manca il testo italiano {where}").bind(where=where),
    )
    _require(
        isinstance(translation, str),
        N_("il testo inglese {where} deve essere una stringa").bind(where=where),
    )
    _require(
        len(source) <= maximum and len(translation) <= maximum,
        N_("testo troppo lungo {where} (al massimo {maximum} caratteri)").bind(
            where=where, maximum=maximum
        ),
    )
    return LocalText(source, translation)


def _unique(ident: str, seen: set[str], what: Message) -> None:
    _require(
        ident not in seen,
        N_("{what} «{ident}» compare due volte").bind(what=what, ident=ident),
    )
    seen.add(ident)


def _parse_respondents(raw: Any) -> tuple[str, ...]:
    codes = _list(raw, key="respondents", minimum=1, maximum=len(RESPONDENTS))
    seen: set[str] = set()
    for code in codes:
        _require(
            isinstance(code, str) and code in RESPONDENTS,
            N_("in «respondents» sono ammessi solo: {allowed}").bind(
                allowed=", ".join(RESPONDENTS)
            ),
        )
        _unique(code, seen, N_("il codice di chi compila"))
    return tuple(codes)


def _parse_options(raw: Any) -> tuple[AnswerOption, ...]:
    options: list[AnswerOption] = []
    seen: set[str] = set()
    for index, item in enumerate(_list(raw, key="options", minimum=2, maximum=MAX_OPTIONS), 1):
        where = N_("nell'opzione di risposta {index}").bind(index=index)
        what = N_("l'opzione di risposta {index}").bind(index=index)
        _object(item, _OPTION_KEYS, where=where, what=what)
        value = _int(item["value"], key="value", where=where, minimum=MIN_VALUE, maximum=MAX_VALUE)
        _unique(str(value), seen, N_("il valore di risposta"))
        options.append(AnswerOption(value, _label(item["label"], where)))
    return tuple(sorted(options, key=lambda option: option.value))


def _parse_items(raw: Any) -> tuple[Item, ...]:
    items: list[Item] = []
    seen: set[str] = set()
    for index, item in enumerate(_list(raw, key="items", minimum=1, maximum=MAX_ITEMS), 1):
        where = N_("nella domanda {index}").bind(index=index)
        what = N_("la domanda {index}").bind(index=index)
        _object(item, _ITEM_KEYS, where=where, what=what, optional=_ITEM_OPTIONAL)
        item_id = _id(item["id"], key="id", where=where)
        _unique(item_id, seen, N_("la domanda"))
        where = N_("nella domanda «{item}»").bind(item=item_id)
        items.append(
            Item(
                item_id=item_id,
                text=_label(item["text"], where, maximum=MAX_ITEM_TEXT),
                scale_id=_id(item["scale"], key="scale", where=where),
                reverse=_bool(item.get("reverse", False), key="reverse", where=where),
            )
        )
    return tuple(items)


def _parse_scales(raw: Any, items: tuple[Item, ...]) -> tuple[Scale, ...]:
    scales: list[Scale] = []
    seen: set[str] = set()
    for index, scale in enumerate(_list(raw, key="scales", minimum=1, maximum=MAX_SCALES), 1):
        where = N_("nella scala {index}").bind(index=index)
        what = N_("la scala {index}").bind(index=index)
        _object(scale, _SCALE_KEYS, where=where, what=what)
        scale_id = _id(scale["id"], key="id", where=where)
        _require(
            scale_id != TOTAL,
            N_("«{total}» è riservato al punteggio totale: scegli un altro identificativo").bind(
                total=TOTAL
            ),
        )
        _unique(scale_id, seen, N_("la scala"))
        where = N_("nella scala «{scale}»").bind(scale=scale_id)
        item_ids = tuple(item.item_id for item in items if item.scale_id == scale_id)
        _require(
            bool(item_ids),
            N_("nessuna domanda appartiene alla scala «{scale}»").bind(scale=scale_id),
        )
        scales.append(
            Scale(
                scale_id=scale_id,
                label=_label(scale["label"], where),
                in_total=_bool(scale["in_total"], key="in_total", where=where),
                min_answered=_int(
                    scale["min_answered"],
                    key="min_answered",
                    where=where,
                    minimum=1,
                    maximum=len(item_ids),
                ),
                item_ids=item_ids,
            )
        )
    for item in items:
        _require(
            item.scale_id in seen,
            N_("la domanda «{item}» indica la scala «{scale}», che non esiste").bind(
                item=item.item_id, scale=item.scale_id
            ),
        )
    return tuple(scales)


def _parse_bands(raw: Any, ranges: dict[str, tuple[int, int]]) -> tuple[Band, ...]:
    bands = []
    for index, band in enumerate(_list(raw, key="bands", minimum=0, maximum=MAX_BANDS), 1):
        where = N_("nella fascia {index}").bind(index=index)
        _object(band, _BAND_KEYS, where=where, what=N_("la fascia {index}").bind(index=index))
        scale_id = band["scale"]
        _require(
            isinstance(scale_id, str) and scale_id in ranges,
            N_("la fascia {index} indica una scala che non esiste").bind(index=index)
            if scale_id != TOTAL
            else N_("la fascia {index} è del totale, ma nessuna scala è nel totale").bind(
                index=index
            ),
        )
        lowest, highest = ranges[scale_id]
        low = _int(band["from"], key="from", where=where, minimum=lowest, maximum=highest)
        high = _int(band["to"], key="to", where=where, minimum=lowest, maximum=highest)
        _require(low <= high, N_("«from» è maggiore di «to» {where}").bind(where=where))
        bands.append(Band(scale_id, low, high, _label(band["label"], where)))
    order = {key: position for position, key in enumerate(ranges)}
    bands.sort(key=lambda band: (order[band.scale_id], band.low))
    for before, after in pairwise(bands):
        _require(
            before.scale_id != after.scale_id or before.high < after.low,
            N_("due fasce di «{scale}» si sovrappongono ({low1}–{high1} e {low2}–{high2})").bind(
                scale=before.scale_id,
                low1=before.low,
                high1=before.high,
                low2=after.low,
                high2=after.high,
            ),
        )
    return tuple(bands)


def parse_questionnaire(raw: Any) -> Questionnaire:
    """Validate a parsed JSON value; `InvalidFile('questionnaire', detail=…)` names the problem."""
    try:
        _object(raw, _TOP_KEYS, where=N_("nel questionario"), what=N_("il file"))
        _require(
            raw["format"] == FORMAT,
            N_("il campo «format» deve essere «{format}»").bind(format=FORMAT),
        )
        _require(
            type(raw["version"]) is int and raw["version"] == FORMAT_VERSION,
            N_("versione del formato non supportata (questa applicazione legge la {version})").bind(
                version=FORMAT_VERSION
            ),
        )
        questionnaire_id = _id(raw["id"], key="id", where=N_("nel questionario"))
        revision = raw["revision"]
        _require(
            isinstance(revision, str) and bool(_REVISION.match(revision)),
            N_("la revisione del questionario non è valida (es. «2026-1»)"),
        )
        title = _label(raw["title"], N_("nel titolo"))
        respondents = _parse_respondents(raw["respondents"])
        options = _parse_options(raw["options"])
        items = _parse_items(raw["items"])
        scales = _parse_scales(raw["scales"], items)
        draft = Questionnaire(
            questionnaire_id=questionnaire_id,
            revision=revision,
            title=title,
            respondents=respondents,
            options=options,
            items=items,
            scales=scales,
            bands=(),
            raw="",
        )
        ranges = {key: draft.score_range(key) for key in draft.score_keys()}
        bands = _parse_bands(raw["bands"], ranges)
    except _Problem as problem:
        raise InvalidFile("questionnaire", detail=problem.detail) from None
    canonical = json.dumps(raw, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return Questionnaire(
        questionnaire_id=questionnaire_id,
        revision=revision,
        title=title,
        respondents=respondents,
        options=options,
        items=items,
        scales=scales,
        bands=bands,
        raw=canonical,
    )


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        _require(
            key not in result,
            N_("la chiave «{key}» compare due volte nello stesso oggetto").bind(key=_shown(key)),
        )
        result[key] = value
    return result


def _no_constant(name: str) -> Any:
    raise _Problem(N_("il file contiene «{name}», che non è un numero JSON").bind(name=name))


def parse_questionnaire_bytes(data: bytes) -> Questionnaire:
    """A definition file's bytes (UTF-8, a leading byte-order mark allowed) -> Questionnaire."""
    if len(data) > MAX_BYTES:
        raise InvalidFile(
            "questionnaire",
            detail=N_("il file è troppo grande (al massimo {maximum} KiB)").bind(
                maximum=MAX_BYTES // 1024
            ),
        )
    try:
        text = data.decode("utf-8-sig")
        raw = json.loads(text, object_pairs_hook=_no_duplicate_keys, parse_constant=_no_constant)
    except _Problem as problem:
        raise InvalidFile("questionnaire", detail=problem.detail) from None
    except (UnicodeDecodeError, ValueError, RecursionError):
        # ValueError: not JSON, or an integer too long to convert
        raise InvalidFile("questionnaire", detail=N_("il file non è JSON valido (UTF-8)")) from None
    return parse_questionnaire(raw)
