"""Activities: validation, lists by month and category, quotas, photos, states."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hostile import images
from PIL import Image
from volunteers_factory import DAY, TASK, make_world, new_activity, snapshot, volunteer_card

from app.errors import NotFound, PermissionDenied, ValidationError
from app.services import activities, volunteers
from app.services.activities import ActivityData, ActivityFilter
from app.services.volunteers import kiosk

T8 = DAY.replace(hour=8)


@pytest.fixture
def w(station_db, data_dir):
    db, admin = station_db
    return make_world(db, admin, data_dir)


def _data(**kw) -> ActivityData:
    base = {
        "title": "文艺演出",
        "category": TASK,
        "starts_at": T8,
        "ends_at": T8 + timedelta(hours=2),
    }
    base.update(kw)
    return ActivityData(**base)


@pytest.mark.parametrize(
    "data",
    [
        _data(title=" "),
        _data(category="打牌"),
        _data(platform="游戏"),
        _data(ends_at=T8),
        _data(ends_at=T8 + timedelta(days=40)),
        _data(capacity=0),
        _data(hours_cap_minutes=0),
        _data(points_rule_code="NOPE"),
        _data(team_ids=("no-team",)),
    ],
)
def test_bad_activity_forms_are_refused(w, data) -> None:
    before = snapshot(w.db)
    with pytest.raises((ValidationError, NotFound)):
        activities.create_activity(w.db, w.worker, data)
    assert snapshot(w.db) == before


def test_deduction_rules_cannot_be_an_activity_reward(w) -> None:
    from app.services import points

    points.create_rule(w.db, w.admin, points.RuleData(code="KF1", name="扣分", points=-2))
    with pytest.raises(ValidationError, match="adds points"):
        activities.create_activity(w.db, w.worker, _data(points_rule_code="kf1"))


def test_create_with_teams_and_list_by_month_and_category(w) -> None:
    volunteers.seed_default_teams(w.db, w.admin)
    team = volunteers.list_teams(w.db)[0]
    a = activities.create_activity(
        w.db, w.worker, _data(team_ids=(team.id,), platform="理论宣讲", points_rule_code="hd5")
    )
    assert a.team_names == (team.name,) and a.points_rule_code == "HD5" and a.state == "planned"
    assert a.recorder_name == "李秀英"
    activities.create_activity(
        w.db,
        w.worker,
        _data(title="六月", starts_at=datetime(2026, 6, 1, 9), ends_at=datetime(2026, 6, 1, 11)),
    )
    activities.create_activity(w.db, w.worker, _data(title="文化", category="丰富活跃文化生活"))
    may = ActivityFilter(month="2026-05")
    assert activities.count_activities(w.db, may) == 3  # incl. the world's own activity
    assert activities.count_activities(w.db, ActivityFilter(month="2026-06")) == 1
    assert activities.count_activities(w.db, ActivityFilter(category="丰富活跃文化生活")) == 1
    rows = activities.fetch_activities(w.db, 0, 10, ActivityFilter(text="六"))
    assert [r.title for r in rows] == ["六月"]
    with pytest.raises(ValidationError):
        activities.count_activities(w.db, ActivityFilter(month="May"))


def test_quota_progress_counts_activities_and_theory_sessions(w) -> None:
    progress = activities.quota_progress(w.db, "2026-05")
    assert (progress.activities, progress.target_activities) == (1, 8)
    assert (progress.theory, progress.target_theory, progress.met) == (0, 3, False)
    for i in range(7):
        activities.create_activity(
            w.db, w.worker, _data(title=f"宣讲{i}", platform="理论宣讲" if i < 3 else "文化服务")
        )
    progress = activities.quota_progress(w.db, "2026-05")
    assert (progress.activities, progress.theory, progress.met) == (8, 3, True)


def test_a_closed_activity_keeps_its_schedule_and_can_be_reopened_by_the_head(w) -> None:
    aid = new_activity(w.db, w.worker)
    activities.close_activity(w.db, w.worker, aid, DAY.replace(hour=12))
    view = activities.get_activity(w.db, aid)
    with pytest.raises(activities.ActivityRefused):
        activities.update_activity(
            w.db, w.worker, aid, _data(title="改", starts_at=T8, ends_at=T8 + timedelta(hours=1))
        )
    activities.update_activity(
        w.db,
        w.worker,
        aid,
        _data(title="改名", starts_at=view.starts_at, ends_at=view.ends_at),
    )
    with pytest.raises(activities.ActivityRefused):
        activities.open_activity(w.db, w.worker, aid)
    with pytest.raises(PermissionDenied):
        activities.reopen_activity(w.db, w.worker, aid, "误关")
    assert activities.reopen_activity(w.db, w.admin, aid, "误关").state == "open"


def test_cancel_only_before_anyone_scanned(w) -> None:
    aid = new_activity(w.db, w.worker, open_it=False)
    activities.cancel_activity(w.db, w.worker, aid, "下雨")
    with pytest.raises(NotFound):
        activities.get_activity(w.db, aid)
    _, card = volunteer_card(w)
    kiosk.scan(w.db, w.worker, w.key, w.activity_id, card, "in", T8)
    with pytest.raises(activities.ActivityRefused):
        activities.cancel_activity(w.db, w.worker, w.activity_id, "下雨")


def test_photos_are_copied_into_the_data_folder(w, tmp_path: Path) -> None:
    src = images.write(tmp_path / "现场.JPG", images.jpeg(120, 90))
    photo = activities.add_photo(w.db, w.worker, w.data_dir.photos, w.activity_id, src, "合影")
    stored = w.data_dir.photos / photo.path
    assert Image.open(stored).size == (120, 90) and photo.size_bytes == stored.stat().st_size
    assert photo.path.startswith(f"{w.activity_id}/") and photo.path.endswith(".jpg")
    assert [p.caption for p in activities.list_photos(w.db, w.activity_id)] == ["合影"]
    activities.remove_photo(w.db, w.worker, photo.id)
    assert activities.list_photos(w.db, w.activity_id) == []
    assert stored.exists()  # a tombstone: backups may still name the file


@pytest.mark.parametrize("name", ["notes.txt", "missing.jpg", "empty.png"])
def test_bad_photos_are_refused(w, tmp_path: Path, name: str) -> None:
    src = tmp_path / name
    if name != "missing.jpg":
        src.write_bytes(b"" if name == "empty.png" else b"hello")
    before = snapshot(w.db)
    with pytest.raises(ValidationError):
        activities.add_photo(w.db, w.worker, w.data_dir.photos, w.activity_id, src)
    assert snapshot(w.db) == before
    assert not list(w.data_dir.photos.rglob("*.*"))


def test_photo_for_a_missing_activity_leaves_no_file(w, tmp_path: Path) -> None:
    src = tmp_path / "a.png"
    src.write_bytes(b"png")
    with pytest.raises(NotFound):
        activities.add_photo(w.db, w.worker, w.data_dir.photos, "nope", src)
    assert not list(w.data_dir.photos.rglob("*.png"))


def test_activity_stats(w) -> None:
    _, card = volunteer_card(w)
    kiosk.scan(w.db, w.worker, w.key, w.activity_id, card, "in", T8)
    kiosk.scan(w.db, w.worker, w.key, w.activity_id, card, "out", T8 + timedelta(hours=2))
    stats = activities.activity_stats(w.db, w.activity_id)
    assert (stats.volunteers, stats.present, stats.minutes, stats.participants) == (1, 0, 120, 1)
