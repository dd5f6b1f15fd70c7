"""The program's languages: Japanese (the source texts) and English, through Qt Linguist.

Texts on the screen are written in Japanese in the code and marked for translation:
- in a method of a Qt class (widget, dialog, model): ``self.tr("…")``;
- anywhere else (module-level functions, constants shown later): :func:`tr` below, or
  ``QT_TRANSLATE_NOOP("", "…")`` for a constant that is translated with :func:`tr` when shown;
- with values: ``self.tr("{n}世帯").format(n=…)`` — never an f-string inside ``tr``.

``pyside6-lupdate`` collects them into ``resources/translations/kyodo_en.ts`` (see
``tools/translations.py``), the English texts are filled in there, and ``pyside6-lrelease`` makes
the ``kyodo_en.qm`` the program loads. Messages that come from the models (what is wrong with an
input, why something was refused) stay Japanese for now.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

#: code → the language's own name (as shown in the 表示 settings)
LANGUAGES = {"ja": "日本語", "en": "English"}  # notr (each in its own language)

_installed: list[QTranslator] = []


def tr(text: str) -> str:
    """Translate a text outside a Qt class (the empty context, as ``pyside6-lupdate`` files it)."""
    return QCoreApplication.translate("", text)


def translation_file(language: str) -> Path:
    return Path(str(resources.files("kyodo_desktop.resources").joinpath(f"translations/kyodo_{language}.qm")))


def install_language(app: QCoreApplication, language: str) -> bool:
    """Use ``language`` for the texts of every window made from now on (Japanese: no translator).
    Returns False when its translation file is missing or cannot be read (Japanese is kept)."""
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    if language not in LANGUAGES or language == "ja":
        return language == "ja"
    translator = QTranslator(app)
    if not translator.load(str(translation_file(language))):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True
