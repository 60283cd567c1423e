"""The bundled CJK font, registered with Qt and made the application font.

Many village PCs (and every fresh domestic Linux install without the CJK
package) have no Chinese font, so Chinese would render as empty boxes.  The
WenQuanYi Micro Hei font ships in ``resources/fonts`` (Apache-2.0 or GPL-3+
with font exception; see ``LICENSE-wqy-microhei.txt``) and is the first family
of the application font; the system's own fonts remain fallbacks.

The base size is a little larger than Qt's default (11 pt instead of 9 pt):
many of the people at a station are older and read the screen from a chair.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from app.resources import FONT_FAMILY, font_path

log = logging.getLogger(__name__)

BASE_POINT_SIZE = 11

_registered: list[str] = []


def register_fonts() -> list[str]:
    """Add the bundled font to Qt's font database (once); returns its families."""
    if _registered:
        return list(_registered)
    path = font_path()
    font_id = QFontDatabase.addApplicationFont(str(path)) if path.is_file() else -1
    if font_id < 0:
        log.warning("bundled font %s could not be loaded; Chinese may not render", path)
        return []
    _registered.extend(QFontDatabase.applicationFontFamilies(font_id))
    return list(_registered)


def install_application_font(app: QApplication, point_size: int = BASE_POINT_SIZE) -> QFont:
    """Register the bundled font and make it the application's default font."""
    families = register_fonts()
    # Micro Hei (not its Mono sibling) first, then whatever the system offers.
    proportional = [f for f in families if "Mono" not in f] or [FONT_FAMILY]
    font = QFont(app.font())
    font.setFamilies([*proportional, *font.families()])
    font.setPointSize(point_size)
    app.setFont(font)
    return font
