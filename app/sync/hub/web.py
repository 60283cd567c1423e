"""The hub's read-only web view for county and township staff (``/web/``).

Server-rendered HTML, no script at all, nothing fetched from elsewhere (the
CSS is inline, the charts are inline SVG drawn here).  Chinese first: English
with ``?lang=en`` or an ``Accept-Language: en…`` request.  Every value from
the database goes through :func:`html.escape`.

Sign-in: a hub user (:mod:`.users`) through the form; the session is a
cookie (HttpOnly, SameSite=Strict, 8 hours) signed with HMAC-SHA256 under a
secret kept in ``<data>/hub/web_secret`` (mode 0600).  Sign-out is a POST with
the session's CSRF token and ends every session of that user issued before.
Nothing else on the page changes data.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import html
import json
import os
import secrets
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlencode

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from app.i18n import QT_TRANSLATE_NOOP
from app.services.policy import FIVE_TASKS
from app.sync.hub.errors import language_of, translated
from app.sync.hub.users import (
    WebUser,
    authenticate,
    get_user,
    may_see,
    sign_out,
    township_groups,
)
from app.sync.hub.webdata import TownshipView, month_of, township_views

if TYPE_CHECKING:
    from app.sync.hub.app import Hub

COOKIE = "wb_session"
SESSION_S = 8 * 3600
# The sign-in form's token, also set as a cookie (double submit): a page of another
# site cannot post the form, so nobody is signed in to an account not their own.
LOGIN_COOKIE = "wb_login"
LOGIN_FORM_S = 3600
MAX_FORM_BYTES = 4096
ACTIVITY_COLOUR = "#2f6fb0"
POINTS_COLOUR = "#d9822b"
CONTEXT = "web"

# --- the words ------------------------------------------------------------------------

TITLE = QT_TRANSLATE_NOOP("web", "Station Workbench · township hub")
SIGN_IN = QT_TRANSLATE_NOOP("web", "Sign in")
SIGN_OUT = QT_TRANSLATE_NOOP("web", "Sign out")
USER = QT_TRANSLATE_NOOP("web", "User name")
PASSWORD = QT_TRANSLATE_NOOP("web", "Password")
WRONG = QT_TRANSLATE_NOOP("web", "The user name or the password is wrong.")
LOCKED = QT_TRANSLATE_NOOP("web", "Too many wrong passwords for this user: try again in 5 minutes.")
SIGNED_IN_AS = QT_TRANSLATE_NOOP("web", "Signed in as {name}")
ROLE_COUNTY = QT_TRANSLATE_NOOP("web", "county")
ROLE_TOWNSHIP = QT_TRANSLATE_NOOP("web", "township")
MONTH = QT_TRANSLATE_NOOP("web", "Month")
SHOW = QT_TRANSLATE_NOOP("web", "Show")
ALL_TOWNSHIPS = QT_TRANSLATE_NOOP("web", "All my townships")
STATIONS = QT_TRANSLATE_NOOP("web", "Stations' sync status")
CODE = QT_TRANSLATE_NOOP("web", "Code")
NAME = QT_TRANSLATE_NOOP("web", "Station")
LAST_UPLOAD = QT_TRANSLATE_NOOP("web", "Last upload")
DAYS_SILENT = QT_TRANSLATE_NOOP("web", "Days silent")
GAPS = QT_TRANSLATE_NOOP("web", "Gaps")
QUARANTINED = QT_TRANSLATE_NOOP("web", "Quarantined rows")
CHAIN = QT_TRANSLATE_NOOP("web", "Audit chain")
NEVER = QT_TRANSLATE_NOOP("web", "never")
NO_GAPS = QT_TRANSLATE_NOOP("web", "none")
REVOKED = QT_TRANSLATE_NOOP("web", "(enrolment revoked)")
NO_STATIONS = QT_TRANSLATE_NOOP("web", "No station of this township is enrolled yet.")
FIGURES = QT_TRANSLATE_NOOP("web", "Figures of {month}")
BY_CATEGORY = QT_TRANSLATE_NOOP("web", "Activities by category, {month}")
CATEGORY = QT_TRANSLATE_NOOP("web", "Category")
SESSIONS = QT_TRANSLATE_NOOP("web", "Activities (场次)")
ATTENDANCES = QT_TRANSLATE_NOOP("web", "Attendances (人次)")
VOLUNTEERS = QT_TRANSLATE_NOOP("web", "Active volunteers")
NEW_VOLUNTEERS = QT_TRANSLATE_NOOP("web", "New volunteers")
HOURS = QT_TRANSLATE_NOOP("web", "Service hours")
ISSUED = QT_TRANSLATE_NOOP("web", "Points issued")
REDEEMED = QT_TRANSLATE_NOOP("web", "Points redeemed")
REDEMPTIONS = QT_TRANSLATE_NOOP("web", "Redemptions")
TOTAL = QT_TRANSLATE_NOOP("web", "Total")
OTHER = QT_TRANSLATE_NOOP("web", "Other")
CHART_ACTIVITIES = QT_TRANSLATE_NOOP("web", "Activities per month, last 12 months")
CHART_POINTS = QT_TRANSLATE_NOOP("web", "Points issued per month, last 12 months")
FORBIDDEN_TITLE = QT_TRANSLATE_NOOP("web", "Not allowed")
FORBIDDEN = QT_TRANSLATE_NOOP(
    "web", "You may not see this township's figures. Ask the county for access."
)
BACK = QT_TRANSLATE_NOOP("web", "Back to my townships")
READ_ONLY = QT_TRANSLATE_NOOP(
    "web", "Read-only view of the figures the stations uploaded; nothing here changes them."
)
SESSION_ENDED = QT_TRANSLATE_NOOP("web", "You are signed out.")
EXPIRED_FORM = QT_TRANSLATE_NOOP("web", "The form has expired; sign in again.")
TOWNSHIP_LABEL = QT_TRANSLATE_NOOP("web", "Township")
TOWNSHIP_HEADING = QT_TRANSLATE_NOOP("web", "Township: {name}")

CSS = """
@font-face{font-family:"WB Hei";src:url("/web/font.ttf") format("truetype");font-display:swap}
*{box-sizing:border-box}
body{margin:0;font-family:"WB Hei","Noto Sans CJK SC","WenQuanYi Micro Hei","Microsoft YaHei",
"PingFang SC",sans-serif;font-size:14px;color:#222;background:#f4f5f7}
header{background:#8c1c13;color:#fff;padding:10px 20px;display:flex;align-items:center;gap:16px}
header h1{font-size:18px;margin:0;flex:1}
header form{margin:0}
header a,header span{color:#fff}
button,select,input{font:inherit}
button{padding:4px 14px;cursor:pointer}
main{padding:12px 20px;max-width:1320px}
section{background:#fff;border:1px solid #ddd;border-radius:4px;padding:10px 14px;margin:0 0 14px}
h2{font-size:17px;margin:4px 0 8px}
h3{font-size:15px;margin:10px 0 6px}
table{border-collapse:collapse;margin:0 0 6px}
th,td{border:1px solid #d6d6d6;padding:3px 8px;text-align:left;white-space:nowrap}
th{background:#f0f0f0;font-weight:600}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.stale{color:#c00;font-weight:600}
.bad{color:#c00}
.ok{color:#27733a}
.note{color:#666;font-size:12px}
.row{display:flex;flex-wrap:wrap;gap:14px;align-items:flex-start}
.login{max-width:360px;margin:60px auto;background:#fff;border:1px solid #ddd;padding:20px}
.login label{display:block;margin:10px 0 4px}
.login input{width:100%;padding:6px;font:inherit}
.login button{margin-top:14px}
.error{color:#c00;margin:8px 0}
.bar-chart text{font-size:11px;fill:#333}
"""


def _t(lang: str, text: str, **kw: Any) -> str:
    return translated(lang, CONTEXT, text, **kw)


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def language(request: Request) -> str:
    asked = request.query_params.get("lang", "")
    if asked:
        return "en" if asked.lower().startswith("en") else "zh_CN"
    return language_of(request.headers.get("accept-language"))


def _q(lang: str, **params: str) -> str:
    """A query string that keeps an explicit English choice."""
    values = {k: v for k, v in params.items() if v}
    if lang == "en":
        values["lang"] = "en"
    return ("?" + urlencode(values)) if values else ""


# --- the session ----------------------------------------------------------------------


def load_secret(hub_folder: Path) -> bytes:
    """The signing secret of the sessions: made once (0600), shared by the workers."""
    path = hub_folder / "web_secret"
    hub_folder.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass
    else:
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_hex(32))
    for _ in range(100):  # another worker may be writing it this instant
        raw = path.read_text(encoding="ascii").strip()
        if len(raw) == 64:
            os.chmod(path, 0o600)
            return bytes.fromhex(raw)
        time.sleep(0.01)
    raise RuntimeError(f"{path} is not a session secret")


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def make_session(secret: bytes, username: str, now: float | None = None) -> str:
    issued = round(now if now is not None else time.time(), 3)
    payload = {"u": username, "iat": issued, "exp": issued + SESSION_S, "c": secrets.token_hex(16)}
    body = _b64(json.dumps(payload, separators=(",", ":")).encode("utf-8"))
    mac = _b64(hmac.new(secret, body.encode("ascii"), hashlib.sha256).digest())
    return f"{body}.{mac}"


def read_session(secret: bytes, cookie: str | None, now: float | None = None) -> dict[str, Any]:
    """The payload of a valid, unexpired session cookie, else {}."""
    if not cookie or len(cookie) > 1000 or "." not in cookie:
        return {}
    body, _, mac = cookie.partition(".")
    good = _b64(hmac.new(secret, body.encode("ascii", "replace"), hashlib.sha256).digest())
    if not hmac.compare_digest(good, mac):
        return {}
    try:
        payload = json.loads(_unb64(body))
    except ValueError:
        return {}
    if not isinstance(payload, dict) or payload.get("exp", 0) <= (now or time.time()):
        return {}
    return payload


# --- pages ----------------------------------------------------------------------------


def _page(lang: str, title: str, body: str, header: str = "") -> str:
    html_lang = "en" if lang == "en" else "zh-CN"
    return (
        f'<!DOCTYPE html><html lang="{html_lang}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<link rel="icon" href="data:,">'
        f"<title>{_e(title)}</title><style>{CSS}</style></head><body>"
        f"{header}<main>{body}</main></body></html>"
    )


def login_page(lang: str, message: str = "", username: str = "", token: str = "") -> str:
    error = f'<p class="error" id="error">{_e(message)}</p>' if message else ""
    switch = (
        '<a href="/web/login">中文</a>'
        if lang == "en"
        else '<a href="/web/login?lang=en">English</a>'
    )
    body = (
        f'<form class="login" method="post" action="/web/login{_q(lang)}">'
        f'<input type="hidden" name="csrf" value="{_e(token)}">'
        f"<h2>{_e(_t(lang, TITLE))}</h2>{error}"
        f'<label for="username">{_e(_t(lang, USER))}</label>'
        f'<input id="username" name="username" autocomplete="username" maxlength="50" '
        f'value="{_e(username)}" required autofocus>'
        f'<label for="password">{_e(_t(lang, PASSWORD))}</label>'
        f'<input id="password" name="password" type="password" autocomplete="current-password" '
        f'maxlength="200" required>'
        f'<button id="sign-in" type="submit">{_e(_t(lang, SIGN_IN))}</button>'
        f'<p class="note">{switch}</p></form>'
    )
    return _page(lang, _t(lang, SIGN_IN), body)


def _header(lang: str, hub_name: str, user: WebUser, csrf: str, query: dict[str, str]) -> str:
    role = _t(lang, ROLE_COUNTY if user.role == "county" else ROLE_TOWNSHIP)
    other = dict(query)
    if lang == "en":
        switch = f'<a id="lang" href="/web/{_q("zh_CN", **other)}">中文</a>'
    else:
        switch = f'<a id="lang" href="/web/{_q("en", **other)}">English</a>'
    return (
        f"<header><h1>{_e(hub_name)} · {_e(_t(lang, TITLE))}</h1>"
        f'<span id="who">{_e(_t(lang, SIGNED_IN_AS, name=user.username))} ({_e(role)})</span>'
        f"{switch}"
        f'<form method="post" action="/web/logout{_q(lang)}">'
        f'<input type="hidden" name="csrf" value="{_e(csrf)}">'
        f'<button id="sign-out" type="submit">{_e(_t(lang, SIGN_OUT))}</button></form></header>'
    )


def _when(value: datetime | None, lang: str) -> str:
    """A stored time (UTC) in the hub's own time zone (the county's: Asia/Shanghai)."""
    if value is None:
        return _t(lang, NEVER)
    return value.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")


def _gaps(gaps: Sequence[tuple[int, int]], lang: str) -> str:
    from app.sync.importer import _MISSING

    if not gaps:
        return _t(lang, NO_GAPS)
    words = ", ".join(f"{a}–{b}" if a != b else str(a) for a, b in gaps)
    return translated(lang, "sync", _MISSING, ranges=words).rstrip("。.")


def _chain(problem: str, seq: int, lang: str) -> tuple[str, bool]:
    from app.sync.importer import _CHAIN_WORDS, _VERIFIED

    if not problem:
        return translated(lang, "sync", _VERIFIED, seq=seq), True
    kind, _, at = problem.partition(":")
    return translated(lang, "sync", _CHAIN_WORDS.get(kind, _CHAIN_WORDS["broken"]), seq=at), False


def _hours(minutes: int) -> str:
    from app.i18n import hours_text

    return hours_text(minutes)


def bar_chart(
    chart_id: str, title: str, labels: Sequence[str], values: Sequence[int], colour: str
) -> str:
    """A bar chart as inline SVG (one bar per month, its value above it)."""
    width, height, left, top, bottom = 440, 200, 8, 36, 28  # room above the tallest bar
    plot_h = height - top - bottom
    slot = (width - 2 * left) / max(1, len(values))
    peak = max([*values, 1])
    parts = [
        f'<svg class="bar-chart" id="{_e(chart_id)}" role="img" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{_e(title)}</title>"
        f'<text x="{left}" y="15" style="font-size:13px;font-weight:600">{_e(title)}</text>'
        f'<line x1="{left}" y1="{top + plot_h}" x2="{width - left}" y2="{top + plot_h}" '
        f'stroke="#999"/>'
    ]
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        h = round(plot_h * value / peak) if value > 0 else 0
        x = left + i * slot + slot * 0.15
        w = slot * 0.7
        y = top + plot_h - h
        parts.append(
            f'<rect class="bar" x="{x:.1f}" y="{y}" width="{w:.1f}" height="{h}" '
            f'fill="{colour}"><title>{_e(label)}: {value}</title></rect>'
            f'<text x="{x + w / 2:.1f}" y="{y - 4}" text-anchor="middle">'
            f"{value}</text>"
            f'<text x="{x + w / 2:.1f}" y="{height - 12}" text-anchor="middle">'
            f"{_e(label[2:])}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _township_section(view: TownshipView, lang: str, index: int) -> str:
    t = lambda s, **kw: _t(lang, s, **kw)  # noqa: E731
    s = view.summary
    head = (
        f"<tr><th>{_e(t(CODE))}</th><th>{_e(t(NAME))}</th><th>{_e(t(LAST_UPLOAD))}</th>"
        f"<th>{_e(t(DAYS_SILENT))}</th><th>{_e(t(GAPS))}</th><th>{_e(t(QUARANTINED))}</th>"
        f"<th>{_e(t(CHAIN))}</th></tr>"
    )
    rows = []
    for st in view.stations:
        days = "–" if st.days_silent is None else str(st.days_silent)
        chain, ok = _chain(st.chain_problem, st.chain_seq, lang)
        name = _e(st.name) + (f" {_e(t(REVOKED))}" if st.revoked else "")
        rows.append(
            f'<tr class="station" data-code="{_e(st.code)}"><td>{_e(st.code)}</td>'
            f'<td class="name">{name}</td>'
            f"<td>{_e(_when(st.last_upload, lang))}</td>"
            f'<td class="n days{" stale" if st.stale else ""}">{_e(days)}</td>'
            f'<td class="{"bad" if st.gaps else ""}">{_e(_gaps(st.gaps, lang))}</td>'
            f'<td class="n{" bad" if st.quarantined else ""}">{st.quarantined}</td>'
            f'<td class="{"ok" if ok else "bad"}">{_e(chain)}</td></tr>'
        )
    stations = (
        f'<table class="stations">{head}{"".join(rows)}</table>'
        if rows
        else f'<p class="note">{_e(t(NO_STATIONS))}</p>'
    )
    fig_head = (
        f"<tr><th>{_e(t(CODE))}</th><th>{_e(t(NAME))}</th><th>{_e(t(SESSIONS))}</th>"
        f"<th>{_e(t(ATTENDANCES))}</th><th>{_e(t(VOLUNTEERS))}</th>"
        f"<th>{_e(t(NEW_VOLUNTEERS))}</th><th>{_e(t(HOURS))}</th><th>{_e(t(ISSUED))}</th>"
        f"<th>{_e(t(REDEEMED))}</th><th>{_e(t(REDEMPTIONS))}</th></tr>"
    )

    def fig_row(f: Any, code: str, name: str, cls: str) -> str:
        cells = (
            f.sessions,
            f.attendances,
            f.volunteers_active,
            f.volunteers_new,
            _hours(f.minutes),
            f.points_issued,
            f.points_redeemed,
            f.redemptions,
        )
        keys = (
            "sessions",
            "attendances",
            "volunteers",
            "new",
            "hours",
            "issued",
            "redeemed",
            "redemptions",
        )
        tds = "".join(
            f'<td class="n" data-k="{k}">{_e(v)}</td>' for k, v in zip(keys, cells, strict=True)
        )
        return f'<tr class="{cls}" data-code="{_e(code)}"><td>{_e(code)}</td><td>{_e(name)}</td>{tds}</tr>'

    fig_rows = [fig_row(f, f.code, f.name, "figures") for f in s.stations]
    fig_rows.append(fig_row(s.totals, "", t(TOTAL), "total"))
    by_cat: dict[str, list[int]] = {}
    for c in s.categories:
        key = c.category if c.category in FIVE_TASKS else t(OTHER)
        cell = by_cat.setdefault(key, [0, 0])
        cell[0] += c.sessions
        cell[1] += c.attendances
    cats = [*FIVE_TASKS, *(k for k in by_cat if k not in FIVE_TASKS)]
    cat_rows = "".join(
        f'<tr class="category"><td>{_e(k)}</td><td class="n">{by_cat.get(k, [0, 0])[0]}</td>'
        f'<td class="n">{by_cat.get(k, [0, 0])[1]}</td></tr>'
        for k in cats
    )
    cat_table = (
        f'<table class="categories"><tr><th>{_e(t(CATEGORY))}</th><th>{_e(t(SESSIONS))}</th>'
        f"<th>{_e(t(ATTENDANCES))}</th></tr>{cat_rows}"
        f'<tr class="total"><td>{_e(t(TOTAL))}</td><td class="n">{s.totals.sessions}</td>'
        f'<td class="n">{s.totals.attendances}</td></tr></table>'
    )
    charts = bar_chart(
        f"chart-activities-{index}",
        t(CHART_ACTIVITIES),
        view.months,
        view.activities_by_month,
        ACTIVITY_COLOUR,
    ) + bar_chart(
        f"chart-points-{index}", t(CHART_POINTS), view.months, view.points_by_month, POINTS_COLOUR
    )
    name = view.group.key or view.group.code
    return (
        f'<section class="township" data-township="{_e(name)}">'
        f"<h2>{_e(t(TOWNSHIP_HEADING, name=name))}</h2>"
        f"<h3>{_e(t(STATIONS))}</h3>{stations}"
        f"<h3>{_e(t(FIGURES, month=s.month))}</h3>"
        f'<table class="figures">{fig_head}{"".join(fig_rows)}</table>'
        f'<div class="row"><div><h3>{_e(t(BY_CATEGORY, month=s.month))}</h3>{cat_table}</div>'
        f'<div class="charts">{charts}</div></div></section>'
    )


def main_page(
    lang: str,
    hub_name: str,
    user: WebUser,
    csrf: str,
    views: Sequence[TownshipView],
    month: str,
    township: str,
    choices: Sequence[str],
) -> str:
    query = {"month": month, "township": township}
    header = _header(lang, hub_name, user, csrf, query)
    options = [f'<option value="">{_e(_t(lang, ALL_TOWNSHIPS))}</option>'] + [
        f'<option value="{_e(c)}"{" selected" if c == township else ""}>{_e(c)}</option>'
        for c in choices
    ]
    lang_field = '<input type="hidden" name="lang" value="en">' if lang == "en" else ""
    from app.sync.hub.webdata import last_months

    today = datetime.now(UTC)
    newest = max(month, f"{today.year:04d}-{today.month:02d}")
    months = [
        f'<option value="{m}"{" selected" if m == month else ""}>{m}</option>'
        for m in reversed(last_months(newest, 36))
    ]
    picker = (
        f'<form class="picker" method="get" action="/web/">{lang_field}'
        f'<label>{_e(_t(lang, MONTH))} <select id="month" name="month">{"".join(months)}'
        f"</select></label> "
        f'<label>{_e(_t(lang, TOWNSHIP_LABEL))} <select name="township">{"".join(options)}'
        f"</select></label> "
        f'<button id="show" type="submit">{_e(_t(lang, SHOW))}</button>'
        f'<span class="note"> {_e(_t(lang, READ_ONLY))}</span></form>'
    )
    sections = "".join(_township_section(v, lang, i) for i, v in enumerate(views))
    return _page(lang, _t(lang, TITLE), f"<section>{picker}</section>{sections}", header)


def forbidden_page(lang: str) -> str:
    body = (
        f'<section id="forbidden"><h2>{_e(_t(lang, FORBIDDEN_TITLE))}</h2>'
        f"<p>{_e(_t(lang, FORBIDDEN))}</p>"
        f'<p><a href="/web/{_q(lang)}">{_e(_t(lang, BACK))}</a></p></section>'
    )
    return _page(lang, _t(lang, FORBIDDEN_TITLE), body)


# --- routes ---------------------------------------------------------------------------

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; font-src 'self'; "
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


def _html(text: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(text, status, headers=SECURITY_HEADERS)


def _login(lang: str, message: str = "", username: str = "", status: int = 200) -> Response:
    """The sign-in page with a fresh form token, set beside it as a cookie."""
    token = secrets.token_urlsafe(24)
    response = _html(login_page(lang, message, username, token), status)
    response.set_cookie(
        LOGIN_COOKIE, token, max_age=LOGIN_FORM_S, path="/web", httponly=True, samesite="strict"
    )
    return response


def same_origin(request: Request) -> bool:
    """False for a form posted from another site.

    A browser says where a request comes from in ``Sec-Fetch-Site``; one without
    it in ``Origin`` (``null`` under our ``no-referrer`` policy: then the form's
    token alone decides).  A client that is not a browser sends neither."""
    site = request.headers.get("sec-fetch-site")
    if site is not None:
        return site in ("same-origin", "none")
    origin = request.headers.get("origin")
    if not origin or origin == "null":
        return True
    host = request.headers.get("x-forwarded-host") or request.headers.get("host", "")
    return origin.split("://", 1)[-1].rstrip("/") == host.split(",")[0].strip()


def _redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, 303, headers=SECURITY_HEADERS)


async def _form(request: Request) -> dict[str, str]:
    data = bytearray()
    async for chunk in request.stream():
        data += chunk
        if len(data) > MAX_FORM_BYTES:
            return {}
    try:
        parsed = parse_qs(data.decode("utf-8"), keep_blank_values=True, max_num_fields=10)
    except (UnicodeDecodeError, ValueError):
        return {}
    return {k: v[0] for k, v in parsed.items() if v}


def add_web(app: FastAPI, hub: Hub) -> None:
    """The ``/web/`` routes on the hub's application."""
    secret = load_secret(hub.settings.hub_folder)

    def current(request: Request) -> tuple[WebUser, dict[str, Any]] | None:
        payload = read_session(secret, request.cookies.get(COOKIE))
        if not payload:
            return None
        user = get_user(hub.db, str(payload.get("u", "")))
        if user is None or user.disabled:
            return None
        if user.signed_out_at is not None:
            out = user.signed_out_at.replace(tzinfo=UTC).timestamp()
            if float(payload.get("iat", 0)) <= out:
                return None
        return user, payload

    def secure(request: Request) -> bool:
        proto = request.headers.get("x-forwarded-proto", request.url.scheme)
        return proto.split(",")[0].strip() == "https"

    @app.get("/web/font.ttf", include_in_schema=False)
    def font() -> Response:
        """The bundled CJK font (WenQuanYi Micro Hei), so any PC shows the page in Chinese."""
        from app.resources import font_path
        from app.sync.hub.webfont import web_font

        return Response(
            web_font(font_path()),
            media_type="font/ttf",
            headers={"Cache-Control": "public, max-age=86400", "X-Content-Type-Options": "nosniff"},
        )

    @app.get("/web", include_in_schema=False)
    def web_root(request: Request) -> Response:
        return _redirect("/web/" + _q(language(request)))

    @app.get("/web/login", include_in_schema=False)
    def login_form(request: Request) -> Response:
        lang = language(request)
        if current(request) is not None:
            return _redirect("/web/" + _q(lang))
        return _login(lang)

    @app.post("/web/login", include_in_schema=False)
    async def login(request: Request) -> Response:
        lang = language(request)
        form = await _form(request)
        username = form.get("username", "").strip()[:50]
        token = request.cookies.get(LOGIN_COOKIE, "")
        if (
            not same_origin(request)
            or not token
            or not hmac.compare_digest(token, form.get("csrf", ""))
        ):
            return _login(lang, _t(lang, EXPIRED_FORM), username, 403)
        password = form.get("password", "")[:200]
        result = await run_in_threadpool(authenticate, hub.db, username, password)
        if result.user is None:
            text = LOCKED if result.refusal == "locked" else WRONG
            return _login(lang, _t(lang, text), username, 401)
        response = _redirect("/web/" + _q(lang))
        response.delete_cookie(LOGIN_COOKIE, path="/web", httponly=True, samesite="strict")
        response.set_cookie(
            COOKIE,
            make_session(secret, result.user.username),
            max_age=SESSION_S,
            path="/web",
            httponly=True,
            samesite="strict",
            secure=secure(request),
        )
        return response

    @app.post("/web/logout", include_in_schema=False)
    async def logout(request: Request) -> Response:
        lang = language(request)
        form = await _form(request)
        found = await run_in_threadpool(current, request)
        if found is None:
            return _redirect("/web/login" + _q(lang))
        user, payload = found
        if not same_origin(request) or not hmac.compare_digest(
            str(payload.get("c", "")), form.get("csrf", "")
        ):
            return _login(lang, _t(lang, EXPIRED_FORM), status=403)
        await run_in_threadpool(sign_out, hub.db, user.username)
        response = _login(lang, _t(lang, SESSION_ENDED))
        response.delete_cookie(COOKIE, path="/web", httponly=True, samesite="strict")
        return response

    @app.get("/web/", include_in_schema=False)
    def main(request: Request) -> Response:
        started = time.perf_counter()
        lang = language(request)
        found = current(request)
        if found is None:
            return _redirect("/web/login" + _q(lang))
        user, payload = found
        now = datetime.now(UTC).replace(tzinfo=None)
        month = month_of(request.query_params.get("month"), now.date())
        asked = request.query_params.get("township", "").strip()[:100]
        groups = township_groups(hub.db, hub.township.station_id)
        visible = [g for g in groups if may_see(user, g)]
        if asked:
            chosen = [g for g in groups if asked in (g.key, g.code)]
            if not chosen or not may_see(user, chosen[0]):
                return _html(forbidden_page(lang), 403)
            shown = chosen[:1]
        else:
            shown = visible
        views = township_views(hub.db, shown, month, now)
        choices = [g.key or g.code for g in visible]
        page = main_page(
            lang, hub.township.name, user, str(payload.get("c", "")), views, month, asked, choices
        )
        response = _html(page)
        took = (time.perf_counter() - started) * 1000
        response.headers["Server-Timing"] = f"app;dur={took:.1f}"  # bench_web reads it
        return response
