"""Load the UI language into Qt, for the desktop app (the other commands translate
with the same ``.ts`` catalogue through :func:`app.i18n.use_catalog`, without Qt).

``station_<lang>.qm`` files are compiled from the ``.ts`` sources in
``resources/translations`` by ``scripts/build_translations.py`` (run by the
set-up command).  English is the source language: ``station_en.qm`` holds only
the plural forms ("1 activity", "2 activities"); Chinese (zh_CN) is the default.  Qt's own ``qtbase_zh_CN.qm`` is loaded too,
so standard buttons (OK, Cancel) speak Chinese.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.i18n import DEFAULT_LANGUAGE, LANGUAGES, QT_TRANSLATE_NOOP
from app.resources import translations_dir

log = logging.getLogger(__name__)
_installed: list[QTranslator] = []

# Labels of Qt's own dialogs that Qt 6 changed (it added accelerators) and its
# bundled qtbase_zh_CN.qm does not cover yet: our .ts translates them, and Qt
# finds them there after not finding them in qtbase.
QT_DIALOG_TEXTS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Page &Set:"),
)


def current_language() -> str:
    """The UI language in effect: ``zh_CN`` or ``en`` (:func:`install_translators` set
    the default locale; without it, the system's)."""
    return "zh_CN" if QLocale().name().startswith("zh") else "en"


def install_translators(app: QCoreApplication, language: str | None) -> str:
    """Install the translators for *language*; returns the language in effect."""
    language = language if language in LANGUAGES else DEFAULT_LANGUAGE
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    else:
        QLocale.setDefault(QLocale(language))
    ours = QTranslator(app)
    qm = translations_dir() / f"station_{language}.qm"
    if ours.load(str(qm)):
        app.installTranslator(ours)
        _installed.append(ours)
    else:
        log.warning("translation %s not found; run the set-up command to build it", qm)
    if language == "en":
        return language
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return language
