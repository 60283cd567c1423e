"""After sign-in a quick data check runs off the GUI thread and speaks up when it must."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from app.services import households
from app.services.households import HouseholdData, MemberData
from app.views.tasks import default_runner


@pytest.fixture(autouse=True)
def _check_at_once(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """In the app the check waits until the window has painted; here it need not."""
    monkeypatch.setattr("app.views.session.QUICK_CHECK_DELAY_MS", 0)


def _enter(qtbot, station_db, make_workbench):  # type: ignore[no-untyped-def]
    db, admin = station_db
    bench = make_workbench(db)
    bench.enter(admin)
    qtbot.waitExposed(bench.window)
    qtbot.waitUntil(default_runner().is_idle)
    return bench


def test_a_drifted_balance_is_reported_after_sign_in(
    qtbot, station_db, make_workbench, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    db, admin = station_db
    households.create_household(db, admin, HouseholdData("001"), MemberData(name="张三"))
    with db.write() as s:
        s.execute(text("UPDATE household SET balance = 5"))
    shown: list[str] = []
    monkeypatch.setattr(
        "app.views.session.QMessageBox.warning", lambda _p, _t, body: shown.append(body)
    )
    _enter(qtbot, station_db, make_workbench)
    qtbot.waitUntil(lambda: bool(shown))
    assert "001: 5 ≠ 0" in shown[0]


def test_a_sound_station_starts_quietly(qtbot, station_db, make_workbench, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(
        "app.views.session.QMessageBox.warning", lambda _p, _t, body: shown.append(body)
    )
    bench = _enter(qtbot, station_db, make_workbench)
    qtbot.waitUntil(lambda: bench.quick_check_results is not None)
    assert all(r.ok for r in bench.quick_check_results) and shown == []
