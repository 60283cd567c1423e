"""Typed settings, declared once with their defaults (STYLE 5, DESIGN §7).

Stored with QSettings in INI format in the data folder (``settings.ini``), so
each station folder carries its own settings and a person can read them.  Each
:class:`Option` names its key, type, default and purpose; :class:`Settings`
reads and writes them with the right type and upgrades an older file by
``SETTINGS_VERSION`` (add a step to ``_UPGRADES`` when a key is renamed).
Station facts (name, code, township) are not settings: they live in the
database.  QtCore only — no widgets — so services and the CLI can use it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from app.i18n import DEFAULT_LANGUAGE
from app.services.backup import Retention
from app.services.changelog import LAST_VERSION_KEY

T = TypeVar("T")

SETTINGS_VERSION = 1


@dataclass(frozen=True)
class Option(Generic[T]):
    key: str
    type: type[T]
    default: T
    doc: str


LANGUAGE = Option("ui/language", str, DEFAULT_LANGUAGE, "UI language: zh_CN or en (on restart)")
IDLE_LOCK_MINUTES = Option(
    "security/idle_lock_minutes", int, 10, "Lock the screen after this many idle minutes; 0 = never"
)
BACKUP_KEEP_DAILY = Option("backup/keep_daily", int, 7, "Automatic daily backups kept")
BACKUP_KEEP_WEEKLY = Option("backup/keep_weekly", int, 4, "Automatic weekly backups kept")
BACKUP_KEEP_MONTHLY = Option("backup/keep_monthly", int, 12, "Automatic monthly backups kept")
LAST_USERNAME = Option("ui/last_username", str, "", "User name offered at the login screen")
LAST_FOLDER = Option("ui/last_folder", str, "", "Folder the last save or open dialog used")
SYNC_FOLDER = Option("sync/export_folder", str, "", "Folder (USB stick) the last sync file went to")
WINDOW_GEOMETRY = Option(
    "ui/main_window_geometry", QByteArray, QByteArray(), "Main window geometry"
)
WINDOW_STATE = Option("ui/main_window_state", QByteArray, QByteArray(), "Main window state")
LAST_VERSION = Option(
    LAST_VERSION_KEY,
    str,
    "",
    "The version whose main window last opened on this folder (app.services.changelog)",
)

ALL_OPTIONS: tuple[Option[Any], ...] = (
    LANGUAGE,
    IDLE_LOCK_MINUTES,
    BACKUP_KEEP_DAILY,
    BACKUP_KEEP_WEEKLY,
    BACKUP_KEEP_MONTHLY,
    LAST_USERNAME,
    LAST_FOLDER,
    SYNC_FOLDER,
    WINDOW_GEOMETRY,
    WINDOW_STATE,
    LAST_VERSION,
)

# version -> step that upgrades a file of that version to the next
_UPGRADES: dict[int, Callable[[QSettings], None]] = {}


class Settings:
    """The typed settings of one data folder."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._qs = QSettings(str(path), QSettings.Format.IniFormat)
        self._upgrade()

    def _upgrade(self) -> None:
        version = int(str(self._qs.value("settings_version", SETTINGS_VERSION)))
        while version < SETTINGS_VERSION:
            _UPGRADES[version](self._qs)
            version += 1
        self._qs.setValue("settings_version", SETTINGS_VERSION)

    def get(self, option: Option[T]) -> T:
        raw = self._qs.value(option.key, option.default)
        if raw is None:
            return option.default
        if option.type is bool:
            return (raw in (True, "true", "1", 1)) if not isinstance(raw, bool) else raw  # type: ignore[return-value]
        try:
            return option.type(raw)  # type: ignore[call-arg]
        except (TypeError, ValueError):
            return option.default

    def has(self, option: Option[Any]) -> bool:
        """Whether *option* was ever saved (else :meth:`get` gives its default)."""
        return bool(self._qs.contains(option.key))

    def set(self, option: Option[T], value: T) -> None:
        self._qs.setValue(option.key, value)

    def remove(self, option: Option[Any]) -> None:
        """Forget *option* (its value moved elsewhere); :meth:`get` gives the default."""
        self._qs.remove(option.key)

    def sync(self) -> None:
        self._qs.sync()


def backup_retention(settings: Settings) -> Retention:
    """The automatic backups to keep, as app.services.backup takes them."""
    return Retention(
        keep_daily=settings.get(BACKUP_KEEP_DAILY),
        keep_weekly=settings.get(BACKUP_KEEP_WEEKLY),
        keep_monthly=settings.get(BACKUP_KEEP_MONTHLY),
    )
