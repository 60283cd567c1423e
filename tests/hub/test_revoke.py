"""revoke_station (app.sync.enrol): a township revokes an enrolment, once, with a reason."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sync_helpers import World

from app.models import AuditEntry
from app.sync.enrol import revoke_station
from app.sync.errors import EnrolmentRefused


def test_revoking_keeps_the_first_time_and_reason_and_is_audited(world: World) -> None:
    first = revoke_station(world.town.db, "330481101002", "PC stolen")
    assert first.revoked_at is not None and first.revoked_reason == "PC stolen"
    again = revoke_station(world.town.db, "330481101002", "another reason")
    assert again.revoked_at == first.revoked_at and again.revoked_reason == "PC stolen"
    with world.town.db.read() as s:
        actions = list(
            s.scalars(select(AuditEntry.action).where(AuditEntry.action == "sync.revoke_station"))
        )
    assert actions == ["sync.revoke_station"]


def test_revoking_needs_a_reason_an_enrolled_code_and_a_township(world: World) -> None:
    with pytest.raises(EnrolmentRefused):
        revoke_station(world.town.db, "330481101002", "   ")
    with pytest.raises(EnrolmentRefused):
        revoke_station(world.town.db, "330481109999", "gone")
    with pytest.raises(EnrolmentRefused):
        revoke_station(world.a.db, "330481101002", "not a township")
