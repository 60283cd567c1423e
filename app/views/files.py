"""Where file dialogs start and what they suggest.

A save dialog starts in the folder the person used last (remembered in the
station's UI settings), else in their Documents folder — never in the program's
working folder.  Suggested file names are in the UI language, e.g. ``户卡-2026-12-01.pdf``.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from app.settings import LAST_FOLDER, Settings

_settings: list[Settings] = []
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def remember_folders_in(settings: Settings | None) -> None:
    """Remember the last folder in *settings* (the session's; None forgets)."""
    _settings.clear()
    if settings is not None:
        _settings.append(settings)


def start_folder() -> Path:
    """The last folder used if it still exists, else Documents, else the home folder."""
    if _settings:
        last = str(_settings[0].get(LAST_FOLDER) or "")
        if last and Path(last).is_dir():
            return Path(last)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def remember_folder(path: str | Path) -> None:
    """Note the folder of a chosen file (or a chosen folder) for the next dialog."""
    folder = Path(path)
    if not folder.is_dir():
        folder = folder.parent
    if _settings and folder.is_dir():
        _settings[0].set(LAST_FOLDER, str(folder))


def safe_file_name(name: str) -> str:
    """*name* with the characters a file name may not hold replaced (``积分榜 2026-11``)."""
    cleaned = _UNSAFE.sub("-", name).strip(" .-")
    return cleaned or QCoreApplication.translate("Files", "document")


def dated_file_name(stem: str, suffix: str, day: date | None = None) -> str:
    """``户卡`` -> ``户卡-2026-12-01.pdf``."""
    return f"{safe_file_name(stem)}-{(day or date.today()).isoformat()}{suffix}"


def save_file_name(parent: QWidget | None, title: str, file_name: str, filters: str) -> str:
    """Ask where to save *file_name*; '' when cancelled.  The folder is remembered."""
    path, _ = QFileDialog.getSaveFileName(
        parent, title, str(start_folder() / safe_file_name(file_name)), filters
    )
    if path:
        remember_folder(path)
    return path


def open_file_name(parent: QWidget | None, title: str, filters: str) -> str:
    """Ask for a file to open; '' when cancelled.  The folder is remembered."""
    path, _ = QFileDialog.getOpenFileName(parent, title, str(start_folder()), filters)
    if path:
        remember_folder(path)
    return path


def open_file_names(parent: QWidget | None, title: str, filters: str) -> list[str]:
    paths, _ = QFileDialog.getOpenFileNames(parent, title, str(start_folder()), filters)
    if paths:
        remember_folder(paths[0])
    return list(paths)
