"""The web view's test world: both demo stations' files uploaded to the real hub, a
second township (station B's enrolment row names 许村镇), and three hub users."""

from __future__ import annotations

from pathlib import Path

from hub_helpers import upload
from sqlalchemy import update
from sync_helpers import World

from app.models.sync import SyncStation
from app.services.township.summary import month_summary, months_with_activities
from app.sync.export import export_sync
from app.sync.hub.users import add_user

COUNTY = ("county1", "county-pass-1")
TOWN = ("town1", "town-pass-11")  # 城关镇 only: station A
OTHER_TOWN = "许村镇"  # station B's township in this world
XSS_NAME = '<script>alert("x")</script>东风村'


def upload_both(world: World, base: str, folder: Path) -> None:
    for station in (world.a, world.b):
        summary = export_sync(station.db, station.data_dir, folder)
        assert summary.path is not None
        response = upload(base, summary.path)
        assert response.status_code == 200, response.text


def set_up_users(world: World) -> None:
    db = world.town.db
    add_user(db, *COUNTY, "county")
    add_user(db, *TOWN, "township", ["城关镇"])
    with db.write() as session:
        session.execute(
            update(SyncStation)
            .where(SyncStation.station_id == world.b.station_id)
            .values(township=OTHER_TOWN)
        )


def rename_station_a(world: World, name: str) -> None:
    with world.town.db.write() as session:
        session.execute(
            update(SyncStation)
            .where(SyncStation.station_id == world.a.station_id)
            .values(name=name)
        )


def busiest_month(world: World) -> str:
    return months_with_activities(world.town.db, [world.a.station_id, world.b.station_id])[0]


def expected(world: World, month: str, station) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """The township summary service's figures of *station* in *month*, as the page shows."""
    from app.i18n import hours_text
    from app.services.station import get_station

    code = get_station(station.db).code
    rows = {s.code: s for s in month_summary(world.town.db, month).stations}
    f = rows[code]
    return {
        "sessions": str(f.sessions),
        "attendances": str(f.attendances),
        "volunteers": str(f.volunteers_active),
        "new": str(f.volunteers_new),
        "hours": hours_text(f.minutes),
        "issued": str(f.points_issued),
        "redeemed": str(f.points_redeemed),
        "redemptions": str(f.redemptions),
    }


def sign_in(client, user: str, password: str):  # type: ignore[no-untyped-def]
    """Sign in as a browser does: fetch the form (its token and cookie), then post it."""
    import re

    form = client.get("/web/login")
    token = re.search(r'name="csrf" value="([^"]*)"', form.text)
    assert token is not None, form.text
    return client.post(
        "/web/login", data={"username": user, "password": password, "csrf": token.group(1)}
    )
