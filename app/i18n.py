"""Translation helpers shared by every layer.

The UI's source strings are English; Chinese (zh_CN) is the default language
and is supplied by ``resources/translations/station_zh_CN.ts``.  Qt widgets use
``self.tr()``.  Code below the views (services, printing, sync) must not need a
QApplication, so it marks its user-facing texts with :func:`QT_TRANSLATE_NOOP`
(picked up by ``pyside6-lupdate`` by name) and the views translate them at
display time with :func:`translate`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

LANGUAGES = {"zh_CN": "简体中文", "en": "English"}
DEFAULT_LANGUAGE = "zh_CN"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark *text* for extraction into the .ts files without translating it."""
    return text


def translate(context: str, text: str, **kwargs: Any) -> str:
    """Translate *text* in *context* if Qt is loaded, then fill ``{named}`` fields."""
    try:
        from PySide6.QtCore import QCoreApplication

        translated = QCoreApplication.translate(context, text)
    except ImportError:  # pragma: no cover - the hub may run without Qt
        translated = text
    return translated.format(**kwargs) if kwargs else translated


LIST_SEPARATOR = QT_TRANSLATE_NOOP("Lists", ", ")  # Chinese: 、


def join_list(items: Iterable[str]) -> str:
    """Items of a list in running text: ``a, b, c`` in English, ``甲、乙、丙`` in Chinese."""
    return translate("Lists", LIST_SEPARATOR).join(items)
