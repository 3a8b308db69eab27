"""The compiled forms are up to date with their sources and send their texts through gettext."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from types import ModuleType
from xml.etree import ElementTree

import pytest
from babel.messages.pofile import read_po

from pippi_desktop.domain.i18n import DOMAIN, locale_dir

REPO = Path(__file__).resolve().parents[2]


def _build_forms() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_forms", REPO / "build_scripts" / "build_forms.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def build_forms() -> ModuleType:
    return _build_forms()


def test_every_form_is_compiled_and_current(build_forms: ModuleType) -> None:
    sources = build_forms.ui_sources()
    assert len(sources) >= 11
    assert [p for ui in sources if (p := build_forms.form_problem(ui))] == []
    assert build_forms.orphan_forms() == []


def test_every_text_of_every_form_is_in_the_catalogues(build_forms: ModuleType) -> None:
    """Each translatable string of each .ui (its Designer comment as the context) is a
    message of the template, so build_translations.py extracted it from the compiled form."""
    with (locale_dir() / f"{DOMAIN}.pot").open("rb") as handle:
        template = read_po(handle)
    texts = [
        (string.get("comment"), string.text)
        for ui in build_forms.ui_sources()
        for string in ElementTree.parse(ui).getroot().iter("string")
        if string.text and string.get("notr") != "true"
    ]
    assert len(texts) > 400
    missing = [text for text in texts if template.get(text[1], context=text[0]) is None]
    assert missing == []
    assert template.get("&Nome:", context="given name") is not None  # person_editor.ui


def test_uic_output_is_rewritten_to_gettext(build_forms: ModuleType) -> None:
    generated = (
        "from PySide6.QtCore import (QCoreApplication,\n    QMetaObject)\n"
        "from PySide6.QtWidgets import QLabel\n"
        "\n"
        "class Ui_X(object):\n"
        "    def retranslateUi(self, X):\n"
        '        X.setWindowTitle(QCoreApplication.translate("X", u"Citt\\u00e0", None))\n'
        '        self.a.setText(QCoreApplication.translate("X", u"&Nome:", u"given name"))\n'
        '        self.b.setText(QCoreApplication.translate("X", u"Una riga.\\n"\n'
        '"L\'altra riga.", None))\n'
    )
    rewritten = build_forms.use_gettext(generated)
    assert "QCoreApplication.translate(" not in rewritten
    assert "from pippi_desktop.domain.i18n import _, pgettext\n\nclass Ui_X" in rewritten
    assert 'X.setWindowTitle(_(u"Citt\\u00e0"))' in rewritten
    assert 'self.a.setText(pgettext(u"given name", u"&Nome:"))' in rewritten
    assert 'self.b.setText(_(u"Una riga.\\n"\n"L\'altra riga."))' in rewritten
    compile(rewritten, "ui_x.py", "exec")


def test_a_form_still_calling_qt_translate_is_stale(
    build_forms: ModuleType, tmp_path: Path
) -> None:
    ui = REPO / "ui" / "about_dialog.ui"
    form = tmp_path / "ui_about_dialog.py"
    text = build_forms.form_target(ui).read_text()
    header, body = text.split("\n\n", 1)
    body = body.replace(
        '_(u"&Chiudi")', 'QCoreApplication.translate("AboutDialog", u"&Chiudi", None)'
    )
    old_hash = header.rsplit(" ", 1)[1]
    header = header.replace(old_hash, build_forms.sha256(body.encode("utf-8")))
    form.write_text(header + "\n\n" + body)
    assert "still calls Qt's translator" in build_forms.form_problem(ui, form)


def test_a_changed_ui_file_makes_its_form_stale(build_forms: ModuleType, tmp_path: Path) -> None:
    ui = tmp_path / "about_dialog.ui"
    form = tmp_path / "ui_about_dialog.py"
    shutil.copyfile(REPO / "ui" / "about_dialog.ui", ui)
    shutil.copyfile(build_forms.form_target(REPO / "ui" / "about_dialog.ui"), form)
    assert build_forms.form_problem(ui, form) is None
    ui.write_text(ui.read_text().replace("Chiudi", "Esci"))
    assert "older than" in build_forms.form_problem(ui, form)


def test_a_hand_edited_form_is_caught(build_forms: ModuleType, tmp_path: Path) -> None:
    ui = REPO / "ui" / "about_dialog.ui"
    form = tmp_path / "ui_about_dialog.py"
    form.write_text(build_forms.form_target(ui).read_text().replace("Chiudi", "Esci"))
    assert "edited by hand" in build_forms.form_problem(ui, form)


def test_a_form_imports_only_the_qt_names_it_uses(build_forms: ModuleType) -> None:
    generated = (
        "from PySide6.QtCore import (QCoreApplication, QDate,\n    QSize, Qt)\n"
        "from PySide6.QtGui import (QFont, QIcon)\n"
        "from PySide6.QtWidgets import QLabel, QWidget\n"
        "\n"
        "class Ui_X(object):\n"
        "    def setupUi(self, X):\n"
        "        X.setMinimumSize(QSize(520, 0))\n"
        "        self.a = QLabel(X)\n"
        "        self.a.setAlignment(Qt.AlignmentFlag.AlignCenter)\n"
    )
    assert build_forms.unused_qt_imports(generated) == [
        "QCoreApplication",
        "QDate",
        "QFont",
        "QIcon",
        "QWidget",
    ]
    pruned = build_forms.drop_unused_qt_imports(generated)
    assert pruned.startswith(
        "from PySide6.QtCore import QSize, Qt\nfrom PySide6.QtWidgets import QLabel\n\nclass Ui_X"
    )
    assert build_forms.unused_qt_imports(pruned) == []
    compile(pruned, "ui_x.py", "exec")


def test_a_form_importing_qt_names_it_does_not_use_is_stale(
    build_forms: ModuleType, tmp_path: Path
) -> None:
    ui = REPO / "ui" / "about_dialog.ui"
    form = tmp_path / "ui_about_dialog.py"
    header, body = build_forms.form_target(ui).read_text().split("\n\n", 1)
    body = "from PySide6.QtGui import QIcon\n" + body
    old_hash = header.rsplit(" ", 1)[1]
    form.write_text(
        header.replace(old_hash, build_forms.sha256(body.encode("utf-8"))) + "\n\n" + body
    )
    assert "does not use" in build_forms.form_problem(ui, form)
