"""One translation mechanism: no (italian, english) pair and no text chosen by language in code.

Our texts are written once, in Italian, and translated through the gettext catalogues
(`domain/i18n.py`): `_()`, `N_()`, `ngettext()`, `pgettext()`, `translator(lang)`. This test
reads the source of `pippi_desktop/` (AST, not grep, so formatting does not hide anything) and
fails on the shapes a second mechanism takes:

- a choice on the language: `… if it else …`, `if lang is Lang.EN:`, `== Lang.EN`,
  `lang == "en"`, a table keyed by `Lang.IT` / `Lang.EN`;
- a pair handed to a message helper: `ctx.t("Famiglia", "Family")`, `t(*LABELS[key])`,
  `ctx.say("Fatto.", "Done.")`, `refuse("… si usa con …", "… goes with …")`;
- a table of pairs: `{"ok": ("ok", "ok"), "failed": ("ERRORE", "FAILED")}`;
- names that hold one language: `help_it`, `label_en`, `italian`, `english`;
- argparse monkey-patched (`argparse._ = …`): argparse is translated through its own gettext
  lookups (`cli/parser.py`);
- a text marked inside an f-string (`f"{_('Fase')}: …"`): Babel cannot see it there, so it
  would never reach the catalogues (write `_("Fase: {phase}").format(phase=…)`).

Each shape has its own small test below that feeds the checker a snippet, so a checker that
stopped seeing a shape fails too.
"""

from __future__ import annotations

import ast
import itertools
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "pippi_desktop"

# The compiled Designer forms are generated (build_forms.py rewrites their texts to `_()`).
EXCLUDED_FOLDERS = ("pippi_desktop/gui/forms/",)

# Known exceptions, each with its reason: (file, enclosing class or function, "" for the whole
# file).
ALLOWED = {
    ("pippi_desktop/domain/text.py", "LocalText"): (
        "data, not code: picks the Italian or English label read from the catalogue and "
        "vocabulary JSON files under resources/"
    ),
}

LANGUAGE_NAMES = {"it", "en", "lang", "language", "italian", "english"}
LANGUAGE_CODES = {"it", "en"}
ONE_LANGUAGE_NAME = re.compile(r"^(italian|english)$|_(it|en)$", re.IGNORECASE)
PAIR_HELPERS = {"t", "say", "refuse", "tr2", "pair"}
GETTEXT_CALLS = {"ngettext", "pgettext", "npgettext", "NC_", "dngettext", "dpgettext"}
MARKING_CALLS = GETTEXT_CALLS | {"_", "N_", "gettext"}
CODE_KEY = re.compile(r"^[a-z0-9]+([_.:/-][a-z0-9]+)+$")  # "start_time", "visit.date"


def _is_text(node: ast.AST) -> bool:
    """A string literal or f-string that reads as words (has a letter)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return any(ch.isalpha() for ch in node.value) and not CODE_KEY.match(node.value)
    if isinstance(node, ast.JoinedStr):
        return any(
            isinstance(part, ast.Constant) and any(ch.isalpha() for ch in str(part.value))
            for part in node.values
        )
    return False


def _is_prose(node: ast.AST) -> bool:
    """Text with a space between words: a sentence, not a key or a code."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return _is_text(node) and " " in node.value.strip()
    return isinstance(node, ast.JoinedStr) and _is_text(node)


def _is_lang_constant(node: ast.AST) -> bool:
    """`Lang.IT`, `Lang.EN` (any attribute of `Lang`)."""
    return (
        isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == "Lang"
        and node.attr.isupper()
    )


def _mentions_language(node: ast.AST) -> bool:
    """Does this expression look at a language (`it`, `lang`, `ctx.lang`, `Lang.EN`, …)?"""
    for sub in ast.walk(node):
        if isinstance(sub, ast.Name) and sub.id in LANGUAGE_NAMES:
            return True
        if isinstance(sub, ast.Attribute) and sub.attr in LANGUAGE_NAMES:
            return True
        if _is_lang_constant(sub):
            return True
    return False


def _call_name(node: ast.Call) -> str | None:
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return None


def _text_pair(node: ast.AST, *, prose: bool = False) -> bool:
    check = _is_prose if prose else _is_text
    return (
        isinstance(node, ast.Tuple)
        and len(node.elts) == 2
        and all(check(element) for element in node.elts)
    )


def _chooses_language(test: ast.AST) -> bool:
    """`it`, `not it`, or a comparison with a language: the test of a choice of text."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        test = test.operand
    if isinstance(test, ast.Name) and test.id in LANGUAGE_NAMES:
        return True
    return _compares_language(test)


class _Finder(ast.NodeVisitor):
    def __init__(self) -> None:
        self.findings: list[tuple[int, str, str]] = []  # line, enclosing function, what
        self.scope: list[str] = []

    def found(self, node: ast.AST, what: str) -> None:
        self.findings.append((getattr(node, "lineno", 0), ".".join(self.scope), what))

    def _scoped(self, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> None:
        self.scope.append(node.name)
        self.generic_visit(node)
        self.scope.pop()

    visit_FunctionDef = _scoped
    visit_AsyncFunctionDef = _scoped
    visit_ClassDef = _scoped

    def visit_IfExp(self, node: ast.IfExp) -> None:
        if _chooses_language(node.test):
            self.found(node, f"text chosen by language: {ast.unparse(node)[:80]}")
        self.generic_visit(node)

    def visit_If(self, node: ast.If) -> None:
        if _chooses_language(node.test):
            self.found(node, f"branch on the language: if {ast.unparse(node.test)[:80]}")
        self.generic_visit(node)

    def visit_Compare(self, node: ast.Compare) -> None:
        if _compares_language(node):
            self.found(node, f"language compared: {ast.unparse(node)[:80]}")
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        name = _call_name(node)
        args = node.args
        if name in PAIR_HELPERS and (
            any(isinstance(arg, ast.Starred) for arg in args)
            or (len(args) >= 2 and _is_text(args[0]) and _is_text(args[1]))
            or (name == "t" and len(args) >= 2)
        ):
            self.found(node, f"pair handed to {name}(): {ast.unparse(node)[:80]}")
        elif name not in GETTEXT_CALLS:
            if any(_is_prose(a) and _is_prose(b) for a, b in itertools.pairwise(args)):
                self.found(node, f"two sentences side by side: {ast.unparse(node)[:80]}")
            for arg in args:
                value = arg.value if isinstance(arg, ast.Starred) else arg
                if _text_pair(value, prose=True):
                    self.found(node, f"pair handed to {name}(): {ast.unparse(node)[:80]}")
        self.generic_visit(node)

    def visit_JoinedStr(self, node: ast.JoinedStr) -> None:
        for part in node.values:
            for sub in ast.walk(part):
                if isinstance(sub, ast.Call) and _call_name(sub) in MARKING_CALLS:
                    self.found(node, f"text marked inside an f-string: {ast.unparse(sub)[:80]}")
        self.generic_visit(node)

    def visit_Dict(self, node: ast.Dict) -> None:
        if any(key is not None and _is_lang_constant(key) for key in node.keys):
            self.found(node, "table keyed by language")
        elif node.values and all(_text_pair(value) for value in node.values):
            self.found(node, "table of (italian, english) pairs")
        self.generic_visit(node)

    def visit_Assign(self, node: ast.Assign) -> None:
        for target in node.targets:
            if (
                isinstance(target, ast.Attribute)
                and isinstance(target.value, ast.Name)
                and target.value.id == "argparse"
            ):
                self.found(node, f"argparse patched: {ast.unparse(target)}")
        self.generic_visit(node)

    def visit_Name(self, node: ast.Name) -> None:
        if ONE_LANGUAGE_NAME.search(node.id):
            self.found(node, f"name holding one language: {node.id}")

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if ONE_LANGUAGE_NAME.search(node.attr):
            self.found(node, f"name holding one language: {node.attr}")
        self.generic_visit(node)

    def visit_arg(self, node: ast.arg) -> None:
        if ONE_LANGUAGE_NAME.search(node.arg):
            self.found(node, f"name holding one language: {node.arg}")

    def visit_keyword(self, node: ast.keyword) -> None:
        if node.arg and ONE_LANGUAGE_NAME.search(node.arg):
            self.found(node, f"name holding one language: {node.arg}")
        self.generic_visit(node)


def _compares_language(node: ast.AST) -> bool:
    """`x is Lang.EN`, `lang == Lang.IT`, `lang == "en"`, `ctx.lang != "it"`."""
    if not isinstance(node, ast.Compare):
        return any(_compares_language(sub) for sub in ast.iter_child_nodes(node))
    sides = [node.left, *node.comparators]
    if any(_is_lang_constant(side) for side in sides):
        return True
    codes = [
        side for side in sides if isinstance(side, ast.Constant) and side.value in LANGUAGE_CODES
    ]
    return bool(codes) and any(_mentions_language(side) for side in sides if side not in codes)


def find_text_pairs(source: str) -> list[tuple[int, str, str]]:
    """(line, enclosing function, what) for each pair or language choice in `source`."""
    finder = _Finder()
    finder.visit(ast.parse(source))
    return finder.findings


def _checked_files() -> list[Path]:
    return [
        path
        for path in sorted(PACKAGE.rglob("*.py"))
        if not path.relative_to(REPO).as_posix().startswith(EXCLUDED_FOLDERS)
    ]


def test_no_text_pairs_or_language_choices_in_the_code() -> None:
    problems = []
    for path in _checked_files():
        relative = path.relative_to(REPO).as_posix()
        if (relative, "") in ALLOWED:
            continue
        for line, scope, what in find_text_pairs(path.read_text(encoding="utf-8")):
            if (relative, scope.split(".")[0]) not in ALLOWED:
                problems.append(f"{relative}:{line}: {what}")
    assert not problems, (
        "write the text once in Italian with _() / N_() / ngettext() and its English in "
        "resources/locale/en/LC_MESSAGES/pippi_desktop.po (docs/engineering.md):\n"
        + "\n".join(problems)
    )


def test_the_check_reads_the_code_it_means_to() -> None:
    names = {path.relative_to(REPO).as_posix() for path in _checked_files()}
    assert "pippi_desktop/cli/app.py" in names and "pippi_desktop/reports/style.py" in names
    assert "pippi_desktop/gui/main_window.py" in names
    assert not any(name.startswith("pippi_desktop/gui/forms/") for name in names)


# --- each shape is caught ---------------------------------------------------------------------

CAUGHT = {
    "if it else": 'help = "risultato in JSON" if it else "output as JSON"',
    "if not it else": 'metavar = "DIR" if not it else "CARTELLA"',
    "is Lang.EN": 'words = ("Page", "of") if context.lang is Lang.EN else ("Pagina", "di")',
    "== Lang.EN": "def f(lang):\n    if lang == Lang.EN:\n        return 'Page'\n    return 'Pagina'",
    "lang is Lang": "def f(lang):\n    it = lang is Lang.IT\n    return it",
    "lang == code": 'def f(ctx):\n    return ctx.lang == "en"',
    "variables by language": "def f(lang, italian, english):\n    return english if lang else italian",
    ".t() with two strings": 'x = ctx.t("Famiglia", "Family")',
    ".t() with f-strings": 'x = context.t(f"dal {d}", f"from {d}")',
    "t() alias": 'x = t("Nome", "Name")',
    ".t() with a starred pair": "x = ctx.t(*LABELS[key])",
    ".t() with names": "x = ctx.t(role_it, role_en)",
    "say() pair": 'ctx.say("Fatto: {n}.", "Done: {n}.", n=3)',
    "helper pair": 'raise refuse("--visit si usa con --kind session", "--visit goes with --kind session")',
    "two sentences to any call": 'Step("pdf", "Documento PDF creato", "PDF document made", run)',
    "tuple handed to a call": 'show(("Nuova passphrase: ", "New passphrase: "))',
    "table of pairs": 'LABELS = {"ok": ("ok", "ok"), "failed": ("ERRORE", "FAILED")}',
    "one-word pairs": 'ROLES = {"educator": ("educatore", "educator")}',
    "table keyed by language": 'MONTHS = {Lang.IT: ("gennaio",), Lang.EN: ("January",)}',
    "help_it / help_en fields": "class Command:\n    help_it: str\n    help_en: str",
    "label_it / label_en": "def label(self):\n    return self.label_it",
    "keyword by language": 'Step(name="x", label_it="Cartella", label_en="Folder")',
    "argparse._ patched": "import argparse\nargparse._ = _italian",
    "argparse.ngettext patched": "import argparse\nargparse.ngettext = _italian_n",
    "marked inside an f-string": """print(f"{_('Fase')}: {phase}")""",
    "document text inside an f-string": "x = f'<b>{markup(context._(\"Azioni\"))}:</b>'",
}


@pytest.mark.parametrize("snippet", CAUGHT.values(), ids=CAUGHT.keys())
def test_each_shape_is_caught(snippet: str) -> None:
    assert find_text_pairs(snippet), snippet


FINE = {
    "gettext": 'x = _("Famiglia")',
    "marked": 'TEXTS = {"": N_("Comando non valido: {detail}"), "x": N_("Manca la passphrase.")}',
    "plural": 'x = ngettext("{n} famiglia.", "{n} famiglie.", n).format(n=n)',
    "context": 'x = pgettext("device id", "Dispositivo")',
    "translator": 'x = translator(lang).gettext("Pagina {page} di {pages}")',
    "document language": 'x = context._("Pagina")',
    "keys, not texts": 'for status in ("ok", "skipped"):\n    counts[status] = 0',
    "a pick of words": 'role = rng.choice(("figlio", "figlia"))',
    "no language": "def f(lang):\n    return current if lang is None else lang",
    "languages as data": 'x = sorted(available_languages(), key=lambda code: code != "x")',
    "identifiers": 'FIELDS = {"visit": ("date", "start_time"), "person": ("given_name", "role")}',
}


@pytest.mark.parametrize("snippet", FINE.values(), ids=FINE.keys())
def test_gettext_code_is_not_flagged(snippet: str) -> None:
    assert find_text_pairs(snippet) == [], snippet
