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

# --- issue 3: households, points, supermarket ---------------------------------
from app.models.households import Card, Household, Member
from app.models.points import (
    EntryKind,
    PeriodState,
    PointBatch,
    PointEntry,
    PointPeriod,
    PointRule,
    RuleKind,
)
from app.models.supermarket import (
    Goods,
    MoveKind,
    PrintLog,
    Redemption,
    RedemptionLine,
    RedemptionVoid,
    StockMove,
)

__all__ += [
    "Card",
    "EntryKind",
    "Goods",
    "Household",
    "Member",
    "MoveKind",
    "PeriodState",
    "PointBatch",
    "PointEntry",
    "PointPeriod",
    "PointRule",
    "PrintLog",
    "Redemption",
    "RedemptionLine",
    "RedemptionVoid",
    "RuleKind",
    "StockMove",
]

# --- issue 4: volunteers, activities, kiosk, service hours, certificates -------
from app.models.activities import (  # noqa: E402
    Activity,
    ActivityPhoto,
    ActivityState,
    ActivityTeam,
    Participation,
    Presence,
    PresenceState,
    ScanAction,
    ScanEvent,
    ScanStatus,
)
from app.models.volunteers import (  # noqa: E402
    Certificate,
    CertificateEvent,
    CertificateKind,
    RecordSource,
    RecordStatus,
    ServiceRecord,
    ServiceRecordCorrection,
    ServiceRecordDecision,
    ServiceRecordState,
    StarGrant,
    TeamMembership,
    Volunteer,
    VolunteerAward,
    VolunteerEvaluation,
    VolunteerStatus,
    VolunteerTeam,
    VolunteerTraining,
)

__all__ += [
    "Activity",
    "ActivityPhoto",
    "ActivityState",
    "ActivityTeam",
    "Certificate",
    "CertificateEvent",
    "CertificateKind",
    "Participation",
    "Presence",
    "PresenceState",
    "RecordSource",
    "RecordStatus",
    "ScanAction",
    "ScanEvent",
    "ScanStatus",
    "ServiceRecord",
    "ServiceRecordCorrection",
    "ServiceRecordDecision",
    "ServiceRecordState",
    "StarGrant",
    "TeamMembership",
    "Volunteer",
    "VolunteerAward",
    "VolunteerEvaluation",
    "VolunteerStatus",
    "VolunteerTeam",
    "VolunteerTraining",
]
