"""The config package the hub serves: the newest in ``<data>/hub/config/``.

The hub re-publishes (:func:`app.sync.config.publish_config`, the township's
own function) when a station's acknowledgement changed since its last
package, when the set of enrolled stations changed, when the township reviewed
a submitted report (the decision goes down to the station), or when the township
published a newer version itself (to a USB stick): so a station fetching its
config always gets its latest acknowledgement.  Before the township ever
published and before any file arrived there is nothing to serve (204).  One
worker at a time decides (a file lock); what the last package was made from
is kept beside it in ``state.json``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from app.db import Database
from app.models import ReportReview
from app.models.sync import SyncStation
from app.paths import DataDir
from app.services.station import get_state
from app.sync.config import PUBLISHED_VERSION, SUFFIX, publish_config
from app.sync.hub.storage import file_lock
from app.sync.importer import acknowledgements

STATE = "state.json"
KEEP = 3  # packages kept in the folder (a fetch in flight may still read an older one)
_NAME = re.compile(r"_config_(\d+)" + re.escape(SUFFIX) + "$")


def _packages(folder: Path) -> list[tuple[int, Path]]:
    found = []
    for path in folder.glob("*" + SUFFIX):
        m = _NAME.search(path.name)
        if m:
            found.append((int(m.group(1)), path))
    return sorted(found)


def _facts(db: Database) -> dict[str, Any]:
    acks = {sid: [inc, seq] for sid, (inc, seq) in acknowledgements(db).items()}
    with db.read() as session:
        stations = sorted(session.scalars(select(SyncStation.station_id)))
        # append-only: a new decision on a report raises the count
        reviews = session.scalar(select(func.count()).select_from(ReportReview)) or 0
    return {"acks": acks, "stations": stations, "reviews": reviews}


def current_package(db: Database, data_dir: DataDir, folder: Path) -> tuple[int, Path] | None:
    """(version, file) of the package to serve, re-published first when needed."""
    folder.mkdir(parents=True, exist_ok=True)
    with file_lock(folder / ".lock"):
        packages = _packages(folder)
        newest = packages[-1] if packages else None
        published = get_state(db, PUBLISHED_VERSION) or "0"
        published_v = int(published) if published.isdigit() else 0
        facts = _facts(db)
        try:
            state = json.loads((folder / STATE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            state = {}
        if newest is None:
            needed = published_v > 0 or bool(facts["acks"])
        else:
            needed = (
                published_v > newest[0]
                or state.get("acks") != facts["acks"]
                or state.get("stations") != facts["stations"]
                or state.get("reviews", 0) != facts["reviews"]
            )
        if not needed:
            return newest
        summary = publish_config(db, data_dir, folder)
        tmp = folder / (STATE + ".part")
        tmp.write_text(json.dumps(dict(facts, version=summary.version)), encoding="utf-8")
        tmp.replace(folder / STATE)
        for _version, old in _packages(folder)[:-KEEP]:
            old.unlink(missing_ok=True)
        return summary.version, summary.path
