"""The hub's web users (``hub_user``) and which townships each may see.

A hub user only reads: ``county`` sees every township of this hub,
``township`` only the townships listed (names like 城关镇, or a township's
code).  The stations of the hub are grouped by the township their enrolment
file named (``sync_station.township``; an older enrolment without one counts
as the hub's own township).

Passwords use the app's scrypt hash.  Five wrong passwords in a row lock the
user for five minutes (no delay is added to any answer); the lock is kept in
the database, so every worker sees it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from app.db import Database
from app.errors import ValidationError
from app.i18n import QT_TRANSLATE_NOOP
from app.models import Station, utcnow
from app.models.sync import HubUser, SyncStation

COUNTY = "county"
TOWNSHIP = "township"
ROLES = (COUNTY, TOWNSHIP)
MAX_FAILURES = 5
LOCK = timedelta(minutes=5)
_NAME = re.compile(r"[A-Za-z0-9_.\-]{1,50}")


@dataclass(frozen=True)
class WebUser:
    username: str
    role: str
    townships: tuple[str, ...]
    created_at: datetime
    disabled: bool
    signed_out_at: datetime | None = None


@dataclass(frozen=True)
class TownshipGroup:
    """One township of the hub and its enrolled stations (id, code, name), by code."""

    key: str  # the township's name as the stations' enrolment files give it
    code: str  # the hub's own code for its own township, else ""
    stations: tuple[tuple[str, str, str], ...]


def _user(row: HubUser) -> WebUser:
    try:
        towns = tuple(str(t) for t in json.loads(row.townships or "[]"))
    except ValueError:
        towns = ()
    return WebUser(
        row.username, row.role, towns, row.created_at, bool(row.disabled), row.signed_out_at
    )


def add_user(
    db: Database, username: str, password: str, role: str, townships: Sequence[str] = ()
) -> WebUser:
    from app.services.auth import hash_password

    if not _NAME.fullmatch(username):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors",
                "A user name is 1 to 50 letters, digits, '.', '-' or '_'.",
            )
        )
    if role not in ROLES:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The role is county or township."),
        )
    towns = [t.strip() for t in townships if t.strip()]
    if role == TOWNSHIP and not towns:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A township user needs at least one --township.")
        )
    if len(password) < 8:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The password must have at least 8 characters.")
        )
    with db.write() as session:
        if session.get(HubUser, username) is not None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "There is already a hub user {name}."), name=username
            )
        row = HubUser(
            username=username,
            password_hash=hash_password(password),
            role=role,
            townships=json.dumps(towns if role == TOWNSHIP else [], ensure_ascii=False),
            created_at=utcnow(),
            disabled=False,
            failures=0,
        )
        session.add(row)
        session.flush()
        return _user(row)


def list_users(db: Database) -> list[WebUser]:
    with db.read() as session:
        return [_user(r) for r in session.scalars(select(HubUser).order_by(HubUser.username))]


def disable_user(db: Database, username: str) -> WebUser:
    with db.write() as session:
        row = session.get(HubUser, username)
        if row is None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "There is no hub user {name}."), name=username
            )
        row.disabled = True
        row.signed_out_at = utcnow()
        return _user(row)


def get_user(db: Database, username: str) -> WebUser | None:
    with db.read() as session:
        row = session.get(HubUser, username)
        return _user(row) if row is not None else None


@dataclass(frozen=True)
class SignIn:
    """The outcome of a sign-in: the user, or why not (``wrong``, ``locked``, ``disabled``)."""

    user: WebUser | None
    refusal: str = ""


def authenticate(db: Database, username: str, password: str, now: datetime | None = None) -> SignIn:
    """Check a password; counts failures and locks after :data:`MAX_FAILURES`."""
    from app.services.auth import check_password, hash_password

    now = now or utcnow()
    with db.read() as session:
        row = session.get(HubUser, username[:50])
        if row is None:
            check_password(password, hash_password("timing"))  # the same cost as a real check
            return SignIn(None, "wrong")
        if row.disabled:
            return SignIn(None, "disabled")
        if row.locked_until is not None and row.locked_until > now:
            return SignIn(None, "locked")
        stored = row.password_hash
    ok = check_password(password, stored)
    with db.write() as session:
        row = session.get(HubUser, username[:50])
        if row is None:
            return SignIn(None, "wrong")
        if ok:
            row.failures = 0
            row.locked_until = None
            return SignIn(_user(row))
        row.failures = (row.failures or 0) + 1
        if row.failures >= MAX_FAILURES:
            row.failures = 0
            row.locked_until = now + LOCK
            return SignIn(None, "locked")
        return SignIn(None, "wrong")


def sign_out(db: Database, username: str) -> None:
    with db.write() as session:
        row = session.get(HubUser, username)
        if row is not None:
            row.signed_out_at = utcnow()


def township_groups(db: Database, own_station_id: str) -> list[TownshipGroup]:
    """The hub's townships and their enrolled stations; the hub's own township first."""
    with db.read() as session:
        own = session.get(Station, own_station_id)
        own_name = (own.township if own is not None else "") or (own.name if own else "")
        own_code = own.code if own is not None else ""
        groups: dict[str, list[tuple[str, str, str]]] = {own_name: []}
        for st in session.scalars(select(SyncStation).order_by(SyncStation.code)):
            groups.setdefault(st.township or own_name, []).append((st.station_id, st.code, st.name))
    out = [TownshipGroup(own_name, own_code, tuple(groups.pop(own_name)))]
    out += [TownshipGroup(k, "", tuple(v)) for k, v in sorted(groups.items())]
    return out


def may_see(user: WebUser, group: TownshipGroup) -> bool:
    if user.role == COUNTY:
        return True
    return any(t in (group.key, group.code) for t in user.townships if t)
