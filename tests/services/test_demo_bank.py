"""The demo station's 志愿者积分银行: volunteers whose hours earned points, some redeemed."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from app.demo.station import create_demo_station
from app.models import PointEntry, Redemption, Volunteer, VolunteerAccount
from app.paths import DataDir
from app.services import checks
from app.services.volunteers import bank


def test_the_demo_station_has_points_from_service_and_some_spent(tmp_path: Path) -> None:
    db = create_demo_station(DataDir(tmp_path / "demo"), "small")
    try:
        with db.read() as s:
            service = s.execute(
                select(PointEntry.household_id, PointEntry.member_id, PointEntry.points).where(
                    PointEntry.link_type == bank.LINK
                )
            ).all()
            accounts = list(s.scalars(select(VolunteerAccount.household_id)))
            residents = s.scalar(
                select(func.count()).select_from(Volunteer).where(Volunteer.member_id.is_not(None))
            )
            spent = s.scalar(
                select(func.count())
                .select_from(Redemption)
                .where(Redemption.household_id.in_(accounts))
            )
        assert service and all(p > 0 for *_, p in service)
        assert any(m is not None for _, m, _p in service)  # a resident's, for the household
        assert any(h in accounts for h, _m, _p in service)  # an outside volunteer's own
        assert residents and accounts and spent
        assert [(c.name, c.problems) for c in checks.run_checks(db, full=True) if not c.ok] == []
    finally:
        db.dispose()
