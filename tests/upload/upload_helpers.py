"""What the upload tests share besides fixtures (not a test module)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.db import Database
from app.paths import DataDir


@dataclass
class Demo:
    root: Path
    station: DataDir  # 东风村 (330481101001), enrolled at the township, synced once
    township: DataDir
    db: Database  # the station's database, open

    def reopen(self) -> Database:
        """A new Database object on the station (a restart of the program)."""
        self.db.dispose()
        self.db = Database(self.station.database)
        return self.db
