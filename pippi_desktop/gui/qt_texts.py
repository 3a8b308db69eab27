"""Qt's own texts that Qt's Italian catalogue lacks, translated in our gettext catalogues.

Qt draws some texts itself — the file dialog, the context menu of a text field, the buttons of
a message box, the calendar — and translates them with its own catalogue, `qtbase_<lang>.qm`
from PySide6's translations folder (`gui/i18n.py` installs it). Qt 6 changed a few of those
texts and the Italian catalogue still has only the old ones: the non-native file dialog's
"&Look in:" and "Files of &type:" (Qt 5's were "Look in:" and "Files of type:", without the
mnemonic) and the "Folder" / "Drive" of its Type column (moved to another class). So the file
dialog spoke English in the Italian window (issue 17).

The texts listed here are looked up in our catalogues by `QtTextsTranslator`, installed after
Qt's own catalogue, with Qt's class name as the context. Their source language is English (as
for argparse's texts), so `build_scripts/build_translations.py` tags them `qt` and every
language but English translates them. `tests/gui/test_qt_texts.py` opens the Qt dialogs we use,
records every text Qt asks for and fails when one stays English in Italian: add it here.
"""

from __future__ import annotations

from PySide6.QtCore import QTranslator

from pippi_desktop.domain.i18n import NC_, Message, pgettext

QT_TEXTS: tuple[Message, ...] = (
    NC_("QFileDialog", "&Look in:"),
    NC_("QFileDialog", "Files of &type:"),
    NC_("QAbstractFileIconProvider", "Folder"),
    NC_("QAbstractFileIconProvider", "Drive"),
)
_KEYS = frozenset((text.context, str(text)) for text in QT_TEXTS)


class QtTextsTranslator(QTranslator):
    """Answers Qt for the texts of `QT_TEXTS` from our catalogues, in the current language.

    Qt asks the translators installed last first; None (a null QString: not "", which Qt
    would take as the translation) passes the question on to Qt's own catalogue. Qt's
    disambiguation ("Folder" has two, one per platform) is ignored: both mean the same here.
    """

    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        if (context, source_text) not in _KEYS:
            return None
        text = pgettext(context, source_text)
        return None if text == source_text else text

    def isEmpty(self) -> bool:
        return False
