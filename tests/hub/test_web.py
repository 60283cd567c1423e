"""The hub's web view over HTTP (issue 9): hub users, sign-in, the session cookie,
the lockout, township visibility, sign-out with CSRF, escaping — against the real
server (``main.py hub --workers 2``).  The browser tests are in test_web_browser.py."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import httpx
from hub_server import ROOT, HubServer
from sqlalchemy import select
from sync_helpers import World
from web_helpers import (
    COUNTY,
    OTHER_TOWN,
    TOWN,
    XSS_NAME,
    rename_station_a,
    set_up_users,
    sign_in,
    upload_both,
)

from app.models import utcnow
from app.models.sync import SyncStation
from app.services.station import get_station
from app.sync.hub.users import authenticate, township_groups
from app.sync.hub.web import read_session


def _client(hub: HubServer) -> httpx.Client:
    return httpx.Client(base_url=hub.url, follow_redirects=False, timeout=60)


def test_hub_user_commands_add_list_and_disable(world: World) -> None:
    folder = str(world.town.data_dir.root)
    world.town.db.dispose()

    def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "main.py", "--data-dir", folder, "hub-user", *args],
            cwd=ROOT,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=120,
        )

    made = run(
        "add",
        "zhang",
        "--role",
        "township",
        "--township",
        "城关镇",
        "--password-stdin",
        stdin="long-enough-1\n",
    )
    assert made.returncode == 0, made.stderr
    assert "zhang" in made.stdout
    refused = run("add", "li", "--role", "township", "--password-stdin", stdin="long-enough-1\n")
    assert refused.returncode != 0 and "--township" in refused.stderr
    assert run("add", "wang", "--role", "county", "--password-stdin", stdin="x\n").returncode != 0
    listed = run("list").stdout.splitlines()
    assert [line.split("\t")[:3] for line in listed] == [["zhang", "township", "城关镇"]]
    assert run("disable", "zhang").returncode == 0
    assert "已停用" in run("list").stdout


def test_sign_in_sets_a_signed_httponly_strict_cookie_and_unsigned_requests_go_to_login(
    world: World, hub: HubServer
) -> None:
    set_up_users(world)
    with _client(hub) as c:
        first = c.get("/web/")
        assert first.status_code == 303 and first.headers["location"] == "/web/login"
        assert c.get("/web/login").status_code == 200
        wrong = sign_in(c, COUNTY[0], "not-the-password")
        assert wrong.status_code == 401 and "用户名或密码不正确" in wrong.text
        assert "wb_session" not in c.cookies
        ok = sign_in(c, *COUNTY)
        assert ok.status_code == 303 and ok.headers["location"] == "/web/"
        cookie = ok.headers["set-cookie"]
        for flag in ("HttpOnly", "SameSite=strict", "Path=/web", "Max-Age=28800"):
            assert flag.lower() in cookie.lower(), cookie
        page = c.get("/web/")
        assert page.status_code == 200 and "county1" in page.text
        assert "default-src 'none'" in page.headers["content-security-policy"]
        # a cookie edited by hand (another user name in it) is not a session
        value = c.cookies["wb_session"]
        body, _, mac = value.partition(".")
        c.cookies.set("wb_session", body[:-2] + "xx." + mac, path="/web")
        assert c.get("/web/").status_code == 303
    secret = world.town.data_dir.root / "hub" / "web_secret"
    assert stat.S_IMODE(os.stat(secret).st_mode) == 0o600
    assert read_session(bytes.fromhex(secret.read_text()), value)["u"] == COUNTY[0]


def test_five_wrong_passwords_lock_the_user_for_five_minutes(world: World, hub: HubServer) -> None:
    set_up_users(world)
    with _client(hub) as c:
        for _ in range(4):
            assert "用户名或密码不正确" in sign_in(c, TOWN[0], "wrong-wrong").text
        assert "5 分钟后再试" in sign_in(c, TOWN[0], "wrong-wrong").text
        locked = sign_in(c, *TOWN)  # the right password, while locked
        assert locked.status_code == 401 and "5 分钟后再试" in locked.text
        # another user is not locked
        assert sign_in(c, *COUNTY).status_code == 303
    later = utcnow() + timedelta(minutes=5, seconds=1)
    assert authenticate(world.town.db, *TOWN, now=later).user is not None


def test_a_township_user_sees_only_their_township_and_gets_403_for_another(
    world: World, hub: HubServer, tmp_path: Path
) -> None:
    upload_both(world, hub.url, tmp_path / "out")
    set_up_users(world)
    a, b = get_station(world.a.db).code, get_station(world.b.db).code
    with _client(hub) as c:
        sign_in(c, *TOWN)
        page = c.get("/web/")
        assert page.status_code == 200
        assert f'data-code="{a}"' in page.text and f'data-code="{b}"' not in page.text
        assert c.get("/web/", params={"township": "城关镇"}).status_code == 200
        other = c.get("/web/", params={"township": OTHER_TOWN, "lang": "en"})
        assert other.status_code == 403 and "may not see" in other.text
        assert b not in other.text
    with _client(hub) as c:
        sign_in(c, *COUNTY)
        page = c.get("/web/").text
        assert f'data-code="{a}"' in page and f'data-code="{b}"' in page
        only_b = c.get("/web/", params={"township": OTHER_TOWN}).text
        assert f'data-code="{b}"' in only_b and f'data-code="{a}"' not in only_b


def test_sign_out_needs_the_csrf_token_and_ends_the_session(world: World, hub: HubServer) -> None:
    set_up_users(world)
    with _client(hub) as c:
        sign_in(c, *COUNTY)
        page = c.get("/web/").text
        token = re.search(r'name="csrf" value="([0-9a-f]+)"', page)
        assert token is not None
        stolen = c.cookies["wb_session"]
        assert c.post("/web/logout", data={"csrf": "0" * 32}).status_code == 403
        assert c.get("/web/").status_code == 200  # still signed in
        out = c.post("/web/logout", data={"csrf": token.group(1)})
        assert out.status_code == 200 and "已退出登录" in out.text
        assert (
            'wb_session=""' in out.headers["set-cookie"] or "Max-Age=0" in out.headers["set-cookie"]
        )
        # signing in again at once (the same second as the sign-out) works
        assert sign_in(c, *COUNTY).status_code == 303
        assert c.get("/web/").status_code == 200
    with _client(hub) as c:  # the old cookie, kept by someone, no longer signs in
        c.cookies.set("wb_session", stolen, path="/web")
        assert c.get("/web/").status_code == 303


def test_sign_in_needs_the_forms_own_token_and_a_post_from_another_site_is_refused(
    world: World, hub: HubServer
) -> None:
    """Login CSRF: a page of another site posting the sign-in form (with the
    attacker's own user and password) must not sign the victim's browser in."""
    set_up_users(world)
    data = {"username": COUNTY[0], "password": COUNTY[1]}
    with _client(hub) as c:
        bare = c.post("/web/login", data=data)  # no form fetched: no token, no cookie
        assert bare.status_code == 403 and "表单已过期" in bare.text
        assert "wb_session" not in c.cookies
        form = c.get("/web/login")
        token = re.search(r'name="csrf" value="([^"]+)"', form.text)
        assert token is not None and c.cookies.get("wb_login") == token.group(1)
        forged = c.post("/web/login", data={**data, "csrf": "x" * 32})
        assert forged.status_code == 403 and "wb_session" not in c.cookies
        form = c.get("/web/login")
        token = re.search(r'name="csrf" value="([^"]+)"', form.text)
        assert token is not None
        other_site = c.post(
            "/web/login",
            data={**data, "csrf": token.group(1)},
            headers={"Origin": "http://evil.example"},
        )
        assert other_site.status_code == 403 and "wb_session" not in c.cookies
        token = re.search(r'name="csrf" value="([^"]+)"', other_site.text)  # a fresh form
        assert token is not None
        cross_site = c.post(
            "/web/login",
            data={**data, "csrf": token.group(1)},
            headers={"Sec-Fetch-Site": "cross-site", "Origin": "null"},
        )
        assert cross_site.status_code == 403 and "wb_session" not in c.cookies
        token = re.search(r'name="csrf" value="([^"]+)"', cross_site.text)
        assert token is not None
        same_site = c.post(
            "/web/login",
            data={**data, "csrf": token.group(1)},
            headers={"Origin": hub.url},
        )
        assert same_site.status_code == 303 and "wb_session" in c.cookies
        assert "wb_login" not in c.cookies  # the form's token is spent


def test_every_value_is_escaped_and_the_enrolment_township_is_kept(
    world: World, hub: HubServer, tmp_path: Path
) -> None:
    with world.town.db.read() as session:
        rows = {s.station_id: s.township for s in session.scalars(select(SyncStation))}
    assert rows[world.a.station_id] == get_station(world.a.db).township != ""
    upload_both(world, hub.url, tmp_path / "out")
    set_up_users(world)
    rename_station_a(world, XSS_NAME)
    groups = {g.key: g for g in township_groups(world.town.db, world.town.station_id)}
    assert [s[0] for s in groups[OTHER_TOWN].stations] == [world.b.station_id]
    with _client(hub) as c:
        sign_in(c, *COUNTY)
        page = c.get("/web/", params={"township": "<b>x</b>"})
        assert page.status_code == 403 and "<b>x</b>" not in page.text
        text = c.get("/web/").text
        assert "<script>" not in text
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;东风村" in text


def test_the_stations_table_shows_gaps_days_silent_in_red_and_never(
    world: World, hub: HubServer, tmp_path: Path
) -> None:
    from hub_helpers import upload
    from sqlalchemy import update

    from app.models.sync import SyncImportLog
    from app.services import points
    from app.services.auth import SYSTEM
    from app.sync.export import export_sync, set_acknowledged, sync_status

    set_up_users(world)
    a = world.a
    f1 = export_sync(a.db, a.data_dir, tmp_path / "1")
    assert upload(hub.url, f1.path).status_code == 200
    with a.db.read() as s:
        from app.models import Household, PointRule

        household = s.scalars(select(Household.id).order_by(Household.number)).first()
        rule = s.scalars(
            select(PointRule.code).where(PointRule.points > 0).order_by(PointRule.code)
        ).first()
    for _ in range(8):
        points.award(a.db, SYSTEM, household, rule)
    # the station believes the township holds five more changes than it does
    set_acknowledged(a.db, sync_status(a.db).incarnation, f1.seq_to + 5)
    f2 = export_sync(a.db, a.data_dir, tmp_path / "2")
    assert upload(hub.url, f2.path).status_code == 200
    with world.town.db.write() as session:  # station A's last upload was 20 days ago
        session.execute(
            update(SyncImportLog)
            .where(SyncImportLog.station_id == a.station_id)
            .values(imported_at=utcnow() - timedelta(days=20))
        )
    code_a, code_b = get_station(a.db).code, get_station(world.b.db).code
    with _client(hub) as c:
        sign_in(c, *COUNTY)
        page = c.get("/web/").text
    row_a = re.search(rf'<tr class="station" data-code="{code_a}">(.*?)</tr>', page)
    row_b = re.search(rf'<tr class="station" data-code="{code_b}">(.*?)</tr>', page)
    assert row_a is not None and row_b is not None
    assert '<td class="n days stale">20</td>' in row_a.group(1)
    assert f"缺少序号 {f1.seq_to + 1}–{f1.seq_to + 5}" in row_a.group(1)
    assert "审计链已核验" in row_a.group(1)
    # station B never uploaded: never, no days, red
    assert "<td>从未</td>" in row_b.group(1)
    assert '<td class="n days stale">–</td>' in row_b.group(1)


def test_the_county_view_reads_every_township_at_once_with_each_townships_own_figures(
    world: World, tmp_path: Path
) -> None:
    """The county page's figures per township equal the township's own summary, and the
    number of queries does not grow with the townships and stations shown (a county
    hub shows 100 townships of 2,500 stations)."""
    from sqlalchemy import event
    from web_helpers import busiest_month

    from app.services.township.summary import month_summary
    from app.sync.export import export_sync
    from app.sync.hub.webdata import by_month, township_views
    from app.sync.importer import import_file

    for station in (world.a, world.b):
        made = export_sync(station.db, station.data_dir, tmp_path / "out")
        assert made.path is not None
        import_file(world.town.db, made.path)
    set_up_users(world)
    db = world.town.db
    month = busiest_month(world)
    now = utcnow()
    groups = township_groups(db, get_station(db).id)
    assert len([g for g in groups if g.stations]) == 2

    statements: list[str] = []

    def count(*_args: object) -> None:
        statements.append("")

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        views = township_views(db, groups, month, now)
        together = len(statements)
        statements.clear()
        township_views(db, [g for g in groups if g.stations][:1], month, now)
        alone = len(statements)
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    assert together == alone, (together, alone)

    for view in views:
        own = month_summary(db, month, view.group.stations, with_details=False)
        assert view.summary == own
        assert view.summary.totals == own.totals
        ids = [s[0] for s in view.group.stations]
        charts = by_month(db, ids, list(view.months))
        assert list(view.activities_by_month) == [
            sum(charts[sid][0][i] for sid in ids) for i in range(len(view.months))
        ]
    assert sum(v.summary.totals.sessions for v in views) > 0
    assert all(v.summary.totals.sessions > 0 for v in views if v.group.stations)


def test_times_are_shown_in_the_hubs_time_zone_not_utc(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import time
    from datetime import datetime

    from app.sync.hub.web import _when

    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    try:
        assert _when(datetime(2026, 5, 1, 23, 30), "zh_CN") == "2026-05-02 07:30"
        assert _when(None, "zh_CN") == "从未"
    finally:
        monkeypatch.undo()
        time.tzset()
