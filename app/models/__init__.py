"""SQLAlchemy 2.0 typed ORM models: the station's tables, no Qt.

Importing this package registers the core tables (station, operators, audit
log, counters); the feature tables load on first use (see ``_FEATURES``).
"""

import importlib
from typing import TYPE_CHECKING, Any

from app.models.audit import AuditAnchor, AuditEntry, RowSeal
from app.models.base import Base, ChangeCounter, LocalState, Syncable, syncable_tables, utcnow
from app.models.station import Operator, Role, Station, StationMode

__all__ = [
    "AuditAnchor",
    "AuditEntry",
    "Base",
    "ChangeCounter",
    "LocalState",
    "Operator",
    "Role",
    "RowSeal",
    "Station",
    "StationMode",
    "Syncable",
    "syncable_tables",
    "utcnow",
]


# Feature models load on first use (PEP 562), not at start-up: the sign-in
# path needs only the tables above, and mapping ~40 more classes costs
# ~120 ms of every start.  Naming any of them — ``from app.models import
# Household`` — loads every feature module at once, so foreign keys between
# them always resolve.  Code that needs the complete metadata (create_all,
# Alembic, the guard triggers) calls :func:`load_all`.
_FEATURES: dict[str, tuple[str, ...]] = {
    "app.models.households": (
        "Card",
        "Household",
        "Member",
    ),
    "app.models.points": (
        "EntryKind",
        "PeriodState",
        "PointBatch",
        "PointEntry",
        "PointPeriod",
        "PointRule",
        "RuleKind",
    ),
    "app.models.reports": (
        "ReportReview",
        "ReportSnapshot",
        "ReviewState",
    ),
    "app.models.supermarket": (
        "Goods",
        "MoveKind",
        "PrintLog",
        "Redemption",
        "RedemptionLine",
        "RedemptionVoid",
        "StockMove",
    ),
    "app.models.activities": (
        "Activity",
        "ActivityPhoto",
        "ActivityState",
        "ActivityTeam",
        "Participation",
        "Presence",
        "PresenceState",
        "ScanAction",
        "ScanEvent",
        "ScanStatus",
    ),
    "app.models.volunteers": (
        "Certificate",
        "CertificateEvent",
        "CertificateKind",
        "NationalExport",
        "NationalExportRecord",
        "RecordSource",
        "RecordStatus",
        "ServiceRecord",
        "ServiceRecordCorrection",
        "ServiceRecordDecision",
        "ServiceRecordState",
        "StarGrant",
        "TeamMembership",
        "Volunteer",
        "VolunteerAccount",
        "VolunteerAward",
        "VolunteerEvaluation",
        "VolunteerStatus",
        "VolunteerTeam",
        "VolunteerTraining",
    ),
    "app.models.orders": (
        "OrderAction",
        "OrderState",
        "ServiceMenuItem",
        "ServiceOrder",
        "ServiceOrderEvent",
        "ServiceOrderPhoto",
    ),
    "app.models.sync": (
        "SyncAck",
        "SyncCoverage",
        "SyncImportLog",
        "SyncPersonHash",
        "SyncQuarantine",
        "SyncStation",
    ),
}
_LAZY = {name: module for module, names in _FEATURES.items() for name in names}
__all__ += sorted(_LAZY)


def load_all() -> None:
    """Import every feature model module (registers all tables on ``Base.metadata``)."""
    for module in _FEATURES:
        importlib.import_module(module)


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    load_all()
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


if TYPE_CHECKING:  # what type checkers see: the same names, imported eagerly
    from app.models.activities import (
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
    from app.models.households import (
        Card,
        Household,
        Member,
    )
    from app.models.orders import (
        OrderAction,
        OrderState,
        ServiceMenuItem,
        ServiceOrder,
        ServiceOrderEvent,
        ServiceOrderPhoto,
    )
    from app.models.points import (
        EntryKind,
        PeriodState,
        PointBatch,
        PointEntry,
        PointPeriod,
        PointRule,
        RuleKind,
    )
    from app.models.reports import (
        ReportReview,
        ReportSnapshot,
        ReviewState,
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
    from app.models.sync import (
        SyncAck,
        SyncCoverage,
        SyncImportLog,
        SyncPersonHash,
        SyncQuarantine,
        SyncStation,
    )
    from app.models.volunteers import (
        Certificate,
        CertificateEvent,
        CertificateKind,
        NationalExport,
        NationalExportRecord,
        RecordSource,
        RecordStatus,
        ServiceRecord,
        ServiceRecordCorrection,
        ServiceRecordDecision,
        ServiceRecordState,
        StarGrant,
        TeamMembership,
        Volunteer,
        VolunteerAccount,
        VolunteerAward,
        VolunteerEvaluation,
        VolunteerStatus,
        VolunteerTeam,
        VolunteerTraining,
    )
