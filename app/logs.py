"""Logging to a rotating file in the data folder (``logs/station.log``).

Five files of 2 MB each: enough to see what happened last month on a PC that
nobody administers, small enough never to fill a disk.  Unhandled exceptions
are logged by the GUI's excepthook (app.views.application) and by the CLI.
"""

from __future__ import annotations

import logging
import logging.handlers

from app import __version__
from app.paths import DataDir

LOG_FILE = "station.log"


def setup_logging(data_dir: DataDir, level: int = logging.INFO) -> logging.Handler:
    data_dir.logs.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        data_dir.logs / LOG_FILE, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s [%(threadName)s] %(name)s: %(message)s")
    )
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "_wb_file", False)]:
        root.removeHandler(old)
        old.close()
    handler._wb_file = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    logging.getLogger(__name__).info(
        "Station Workbench %s, data folder %s", __version__, data_dir.root
    )
    return handler
