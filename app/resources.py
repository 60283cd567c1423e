"""Where the bundled resources are: fonts, translations, stylesheet, icons.

From a source checkout they are in ``resources/`` beside ``app/``; in a
PyInstaller build they are unpacked under ``sys._MEIPASS/resources``.
"""

from __future__ import annotations

import sys
from pathlib import Path

FONT_FILE = "wqy-microhei.ttc"
FONT_FAMILY = "WenQuanYi Micro Hei"


def resources_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def font_path() -> Path:
    return resources_dir() / "fonts" / FONT_FILE


def translations_dir() -> Path:
    return resources_dir() / "translations"
