"""SQLAlchemy 2.0 typed ORM models: the station's tables, no Qt.

Importing this package registers every mapped class on ``Base.metadata`` —
Alembic's ``env.py``, ``create_all`` and the syncable-table list rely on it.
"""

from app.models.audit import AuditEntry
from app.models.base import Base, ChangeCounter, LocalState, Syncable, syncable_tables, utcnow
from app.models.station import Operator, Role, Station, StationMode

__all__ = [
    "AuditEntry",
    "Base",
    "ChangeCounter",
    "LocalState",
    "Operator",
    "Role",
    "Station",
    "StationMode",
    "Syncable",
    "syncable_tables",
    "utcnow",
]
