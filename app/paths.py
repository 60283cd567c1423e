"""Where a station keeps its files.

One *data folder* holds everything of one station, so that copying the folder
moves the station::

    station.db            the SQLite database (WAL mode: also -wal / -shm)
    settings.ini          typed settings (QSettings INI format, see app.settings)
    keys/                 signing key (Ed25519) and card key, mode 0600
    backups/              automatic backups with retention
    logs/                 rotating log files
    photos/               activity photos (later issues)
    instance.lock         refuses a second instance on the same folder

The default is the per-user data folder given by platformdirs (on Linux
``~/.local/share/StationWorkbench``); ``--data-dir`` or the environment variable
``STATION_WORKBENCH_DATA`` overrides it.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

from app import APP_NAME

ENV_DATA_DIR = "STATION_WORKBENCH_DATA"


def default_data_dir() -> Path:
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False, roaming=False))


@dataclass(frozen=True)
class DataDir:
    """The files of one station's data folder."""

    root: Path

    @classmethod
    def resolve(cls, path: str | os.PathLike[str] | None = None) -> DataDir:
        root = Path(path).expanduser() if path else default_data_dir()
        return cls(root.resolve())

    def ensure(self) -> DataDir:
        for folder in (self.root, self.keys, self.backups, self.logs, self.photos):
            folder.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(OSError):  # e.g. a FAT-formatted stick has no modes
            os.chmod(self.keys, 0o700)
        return self

    @property
    def database(self) -> Path:
        return self.root / "station.db"

    @property
    def settings_file(self) -> Path:
        return self.root / "settings.ini"

    @property
    def keys(self) -> Path:
        return self.root / "keys"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def photos(self) -> Path:
        return self.root / "photos"

    @property
    def lock_file(self) -> Path:
        return self.root / "instance.lock"
