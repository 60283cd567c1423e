"""Translation helpers shared by every layer.

The UI's source strings are English; Chinese (zh_CN) is the default language
and is supplied by ``resources/translations/station_zh_CN.ts``.  Qt widgets use
``self.tr()``.  Code below the views (services, printing, sync) must not need a
QApplication, so it marks its user-facing texts with :func:`QT_TRANSLATE_NOOP`
(picked up by ``pyside6-lupdate`` by name) and the views translate them at
display time with :func:`translate`.

Without Qt — the command line's non-GUI commands, the hub — :func:`use_catalog`
reads the same ``.ts`` source the GUI's ``.qm`` is compiled from, so
:func:`translate` gives the same sentences and PySide6 is never loaded.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

LANGUAGES = {"zh_CN": "简体中文", "en": "English"}
DEFAULT_LANGUAGE = "zh_CN"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark *text* for extraction into the .ts files without translating it."""
    return text


Catalog = dict[tuple[str, str], str]
_catalog: Catalog | None = None


def read_catalog(ts_file: Path) -> Catalog:
    """(context, source) -> translation of a Qt Linguist ``.ts`` file, finished or
    not, without obsolete entries and plural forms (which only Qt applies)."""
    import xml.etree.ElementTree as ET

    out: Catalog = {}
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            source = message.findtext("source")
            if translation is None or source is None or message.get("numerus") == "yes":
                continue
            if translation.get("type") in ("obsolete", "vanished") or not translation.text:
                continue
            out[(name, source)] = translation.text
    return out


def use_catalog(language: str | None) -> Catalog | None:
    """Translate with the ``.ts`` catalogue of *language* instead of Qt (None: Qt
    again); returns the catalogue in effect before, to restore it."""
    global _catalog
    before = _catalog
    if language is None:
        _catalog = None
        return before
    from app.resources import translations_dir

    language = language if language in LANGUAGES else DEFAULT_LANGUAGE
    ts = translations_dir() / f"station_{language}.ts"
    _catalog = read_catalog(ts) if language != "en" and ts.exists() else {}
    return before


def restore_catalog(catalog: Catalog | None) -> None:
    global _catalog
    _catalog = catalog


def translate(context: str, text: str, **kwargs: Any) -> str:
    """Translate *text* in *context*, then fill ``{named}`` fields: with the catalogue
    when one is in use, else with Qt's translators if Qt is loaded (never loading it)."""
    if _catalog is not None:
        translated = _catalog.get((context, text), text)
    else:
        qt = sys.modules.get("PySide6.QtCore")
        translated = qt.QCoreApplication.translate(context, text) if qt is not None else text
    return translated.format(**kwargs) if kwargs else translated


def hours_text(minutes: int) -> str:
    """``90`` -> ``"1.5"``: service minutes as hours with at most one decimal — the one
    hours formatter of the lists, the kiosk, the certificates and their PDFs."""
    text = f"{minutes / 60:.1f}"
    return text[:-2] if text.endswith(".0") else text


HOURS_UNIT = QT_TRANSLATE_NOOP("Hours", "{h} h")  # Chinese: {h} 小时


def hours_with_unit(minutes: int) -> str:
    """``90`` -> ``1.5 h`` (``1.5 小时``): hours with their unit, in running text."""
    return translate("Hours", HOURS_UNIT, h=hours_text(minutes))


LIST_SEPARATOR = QT_TRANSLATE_NOOP("Lists", ", ")  # Chinese: 、


def join_list(items: Iterable[str]) -> str:
    """Items of a list in running text: ``a, b, c`` in English, ``甲、乙、丙`` in Chinese."""
    return translate("Lists", LIST_SEPARATOR).join(items)
