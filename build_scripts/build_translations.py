"""Extract, update and compile the gettext catalogues: the one translation step of the project.

    .venv/bin/python build_scripts/build_translations.py           # rebuild what is stale
    .venv/bin/python build_scripts/build_translations.py --check   # exit 1 if anything is stale

1. Babel extracts every text marked with `_`, `N_`, `NC_`, `gettext`, `ngettext`, `pgettext`
   from `pippi_desktop/**/*.py` (the compiled Designer forms included: `build_forms.py`
   rewrites their `translate(…)` calls to `_(…)`), plus argparse's own texts from the running
   Python's `argparse` module -> `resources/locale/pippi_desktop.pot`;
2. each `resources/locale/<lang>/LC_MESSAGES/pippi_desktop.po` is updated from it (new texts
   come in untranslated, vanished ones are dropped: git keeps the history);
3. each `.po` is compiled to its `.mo`, which the application loads.

Our own texts are Italian (the source language); argparse's are English, and so are the few
texts of Qt's own dialogs that Qt's catalogues lack (`pippi_desktop/gui/qt_texts.py`, tagged
`qt`). So the Italian catalogue translates those English texts only, the English one ours
only, and any other language both. `tests/test_translations.py` fails when a text lacks its translation in any language,
when placeholders differ, or when the committed files are stale. Adding a language: copy the
.pot to `resources/locale/<lang>/LC_MESSAGES/pippi_desktop.po`, translate, run this script.

Locations are recorded as file names without line numbers, so moving code does not rewrite the
catalogues; the files are deterministic (fixed dates), so `--check` compares bytes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
from collections.abc import Iterable
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir, extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "pippi_desktop"
LOCALE = REPO / "resources" / "locale"
DOMAIN = "pippi_desktop"
POT = LOCALE / f"{DOMAIN}.pot"
SOURCE_LANGUAGE = "it"
ARGPARSE_LANGUAGE = "en"
ARGPARSE_TAG = "argparse"  # auto comment on argparse's texts (their source language is English)
QT_TAG = "qt"  # auto comment on the texts of Qt's own dialogs (English too)
QT_TEXTS = "pippi_desktop/gui/qt_texts.py"
KEYWORDS = {**DEFAULT_KEYWORDS, "NC_": ((1, "c"), 2)}
FIXED_DATE = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
HEADER = "Texts of PIPPI Desktop. Source language: Italian (argparse's own texts: English)."


def _new_catalog(locale: str | None) -> Catalog:
    return Catalog(
        locale=locale,
        domain=DOMAIN,
        header_comment=f"# {HEADER}",
        project="PIPPI Desktop",
        version="1",
        copyright_holder="PIPPI Desktop engineers",
        msgid_bugs_address="PIPPI Desktop engineers",
        last_translator="PIPPI Desktop engineers",
        language_team=f"{locale or 'all'}",
        creation_date=FIXED_DATE,
        revision_date=FIXED_DATE,
        fuzzy=False,
    )


def _own_messages() -> Iterable[tuple[str, str | tuple[str, ...], str | None, list[str]]]:
    for filename, _lineno, message, comments, context in extract_from_dir(
        str(PACKAGE),
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=("TRANSLATORS:",),
        strip_comment_tags=True,
    ):
        location = f"pippi_desktop/{Path(filename).as_posix()}"
        yield location, message, context, [*comments, QT_TAG] if location == QT_TEXTS else comments


def _argparse_messages() -> Iterable[tuple[str | tuple[str, ...], str | None]]:
    for _lineno, message, _comments, context in extract_from_file(
        "python", argparse.__file__, keywords={"_": None, "ngettext": (1, 2)}
    ):
        yield message, context


def extract() -> Catalog:
    """The template: every text of ours, then argparse's."""
    template = _new_catalog(None)
    for location, message, context, comments in _own_messages():
        template.add(message, locations=[(location, None)], auto_comments=comments, context=context)
    for message, context in _argparse_messages():
        key = message if isinstance(message, str) else message[0]
        if template.get(key, context) is None:
            template.add(message, auto_comments=[ARGPARSE_TAG], context=context)
    return template


def render_po(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=100, sort_output=False, include_lineno=False, omit_header=False)
    return out.getvalue()


def render_mo(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def languages() -> list[str]:
    if not LOCALE.is_dir():
        return []
    return sorted(
        child.name
        for child in LOCALE.iterdir()
        if (child / "LC_MESSAGES" / f"{DOMAIN}.po").is_file()
    )


def po_path(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalog(lang: str) -> Catalog:
    with po_path(lang).open("rb") as handle:
        return read_po(handle, locale=lang, domain=DOMAIN)


def updated(lang: str, template: Catalog) -> Catalog:
    """`lang`'s catalogue with the template's texts, in the template's order."""
    old = read_catalog(lang)
    new = _new_catalog(lang)
    new.mime_headers = [  # the translator's choices survive an update
        ("Plural-Forms", old.plural_forms),
        ("Last-Translator", old.last_translator),
        ("Language-Team", old.language_team),
    ]
    for message in template:
        if not message.id:
            continue
        previous = old.get(message.id, message.context)
        string: str | tuple[str, ...] = "" if not message.pluralizable else ("",) * new.num_plurals
        user_comments: list[str] = []
        if previous is not None and previous.pluralizable == message.pluralizable:
            string = previous.string
            user_comments = list(previous.user_comments)
        new[message.id] = Message(
            message.id,
            string,
            locations=message.locations,
            auto_comments=message.auto_comments,
            user_comments=user_comments,
            context=message.context,
        )
    return new


def needs_translation(message: Message, lang: str) -> bool:
    from_english = ARGPARSE_TAG in message.auto_comments or QT_TAG in message.auto_comments
    source = ARGPARSE_LANGUAGE if from_english else SOURCE_LANGUAGE
    return lang != source


def outputs(template: Catalog) -> dict[Path, bytes]:
    files = {POT: render_po(template)}
    for lang in languages():
        catalog = updated(lang, template)
        files[po_path(lang)] = render_po(catalog)
        files[po_path(lang).with_suffix(".mo")] = render_mo(catalog)
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a file is stale")
    args = parser.parse_args(argv)
    files = outputs(extract())
    stale = [
        path for path, data in files.items() if not path.is_file() or path.read_bytes() != data
    ]
    if args.check:
        for path in stale:
            print(f"stale: {path.relative_to(REPO)}", file=sys.stderr)
        return 1 if stale else 0
    for path in stale:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(files[path])
        print(f"wrote {path.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
