"""What a hub worker needs to know, passed from ``main.py hub`` through the environment.

uvicorn starts its worker processes from an import string (a factory), so
the settings travel as one JSON environment variable (:data:`ENV`); no
secret is in it (the township's keys stay in its data folder).
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from app.paths import DataDir
from app.sync import envelope

ENV = "WB_HUB_SETTINGS"

UPLOAD_TIMEOUT_S = 900.0
"""The longest one upload may take, body and import (a slow-loris upload is cut off).

A 2 GB file over a 20 Mbit/s line takes ~15 minutes; raise it for slower lines."""

ENROL_MAX_BYTES = 64 * 1024  # app.sync.enrol.MAX_BYTES
ENROL_TIMEOUT_S = 60.0  # an enrolment file is a few KB
RETRY_AFTER_S = 30


@dataclass(frozen=True)
class HubSettings:
    data_dir: str
    db_url: str = ""  # "": the data folder's station.db
    max_upload_bytes: int = envelope.MAX_FILE_BYTES
    upload_timeout_s: float = UPLOAD_TIMEOUT_S
    language: str = "zh_CN"  # the language of verdict sentences (errors follow the request)

    @property
    def folder(self) -> DataDir:
        return DataDir(Path(self.data_dir))

    @property
    def hub_folder(self) -> Path:
        return Path(self.data_dir) / "hub"

    def to_env(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_env(cls) -> HubSettings:
        raw = os.environ.get(ENV)
        if not raw:
            raise RuntimeError(f"{ENV} is not set: start the hub with `main.py hub`")
        data = json.loads(raw)
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})
