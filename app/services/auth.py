"""操作员与权限 — operators, passwords, roles and the permission check.

Passwords are hashed with scrypt (stdlib ``hashlib.scrypt``, N=2^14, r=8, p=1,
16-byte salt).  Roles map to permissions in :data:`PERMISSIONS`; every service
that needs one calls :func:`require` first, so hiding a button is only a
courtesy — a 超市值守 calling an administrator's service is refused here.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import Database
from app.errors import AuthenticationFailed, NotFound, PermissionDenied, ValidationError
from app.i18n import QT_TRANSLATE_NOOP
from app.models import Operator, Role, utcnow
from app.services import audit

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
MIN_PASSWORD_LENGTH = 6
MAX_FAILED_LOGINS = 10

ROLE_LABELS = {
    Role.ADMIN: QT_TRANSLATE_NOOP("roles", "Station head / administrator"),
    Role.WORKER: QT_TRANSLATE_NOOP("roles", "Practice worker"),
    Role.COUNTER: QT_TRANSLATE_NOOP("roles", "Supermarket counter"),
}


class Permission(StrEnum):
    MANAGE_OPERATORS = "manage_operators"
    MANAGE_STATION = "manage_station"
    MANAGE_SETTINGS = "manage_settings"
    BACKUP = "backup"
    RESTORE = "restore"
    VIEW_AUDIT = "view_audit"
    DAILY_WORK = "daily_work"  # households, points, activities, volunteers
    REDEEM = "redeem"  # the supermarket counter
    VOID = "void"  # compensating entries for mistakes
    ADJUST_POINTS = "adjust_points"  # points corrections outside the rule catalogue
    APPROVE_HOURS = "approve_hours"  # approve/reject/correct service hours, grant stars


PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset(Permission),
    Role.WORKER: frozenset({Permission.DAILY_WORK, Permission.REDEEM, Permission.BACKUP}),
    Role.COUNTER: frozenset({Permission.REDEEM}),
}


@dataclass(frozen=True)
class Actor:
    """The signed-in operator, as services see them."""

    operator_id: str
    username: str
    display_name: str
    role: Role

    def can(self, permission: Permission) -> bool:
        return permission in PERMISSIONS[self.role]


SYSTEM = Actor("", "system", "system", Role.ADMIN)
"""The program itself (start-up backups, migrations, demo generation)."""


def require(actor: Actor, permission: Permission) -> None:
    if not actor.can(permission):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("errors", "Your role does not allow this action."),
        )


# --- passwords -----------------------------------------------------------------


def hash_password(password: str) -> str:
    salt = os.urandom(16)
    digest = hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=32
    )
    b64 = base64.b64encode
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${b64(salt).decode()}${b64(digest).decode()}"


def check_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        actual = hashlib.scrypt(
            password.encode("utf-8"),
            salt=base64.b64decode(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=32,
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, base64.b64decode(digest))


def validate_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A password needs at least {n} characters."),
            n=MIN_PASSWORD_LENGTH,
        )


def validate_username(username: str) -> str:
    username = username.strip()
    if not username or len(username) > 40 or any(c.isspace() for c in username):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A user name is 1–40 characters without spaces.")
        )
    return username


def generate_password() -> str:
    """A temporary password an administrator can read out: 8 unambiguous characters."""
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    return "".join(secrets.choice(alphabet) for _ in range(8))


# --- use cases -----------------------------------------------------------------


def _actor(op: Operator) -> Actor:
    return Actor(op.id, op.username, op.display_name, Role(op.role))


def login(db: Database, username: str, password: str) -> Actor:
    """Sign in; a wrong password and an unknown user get the same message."""
    wrong = QT_TRANSLATE_NOOP("errors", "Wrong user name or password.")
    with db.write() as session:
        op = session.scalar(select(Operator).where(Operator.username == username.strip()))
        if op is None:
            check_password(password, hash_password("timing"))  # same cost as a real check
            raise AuthenticationFailed(wrong)
        if not op.active:
            raise AuthenticationFailed(
                QT_TRANSLATE_NOOP("errors", "This account is disabled. Ask an administrator.")
            )
        if op.failed_logins >= MAX_FAILED_LOGINS:
            raise AuthenticationFailed(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "Too many wrong passwords. An administrator must reset this password.",
                )
            )
        if not check_password(password, op.password_hash):
            op.failed_logins += 1
            actor = _actor(op)
            audit.record(session, actor, "operator.login_failed", "operator", op.id)
            failed = AuthenticationFailed(wrong)
        else:
            op.failed_logins = 0
            op.last_login_at = utcnow()
            actor = _actor(op)
            audit.record(session, actor, "operator.login", "operator", op.id)
            return actor
    raise failed  # after the commit: the failed attempt is counted and audited


def verify_password(db: Database, actor: Actor, password: str) -> bool:
    """Unlock the lock screen: is *password* the signed-in operator's?"""
    with db.read() as session:
        op = session.get(Operator, actor.operator_id)
        return bool(op and op.active and check_password(password, op.password_hash))


def create_operator(
    db: Database,
    actor: Actor,
    username: str,
    display_name: str,
    role: Role,
    password: str,
    *,
    must_change_password: bool = False,
) -> str:
    require(actor, Permission.MANAGE_OPERATORS)
    with db.write() as session:
        return add_operator(
            session, actor, username, display_name, role, password, must_change_password
        )


def add_operator(
    session: Session,
    actor: Actor,
    username: str,
    display_name: str,
    role: Role,
    password: str,
    must_change_password: bool = False,
) -> str:
    """Step of a larger action (set-up, demo): add an operator in *session*."""
    username = validate_username(username)
    display_name = display_name.strip()
    if not display_name:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Please enter the person's name."))
    validate_password(password)
    exists = session.scalar(
        select(func.count()).select_from(Operator).where(Operator.username == username)
    )
    if exists:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The user name {name} is already taken."), name=username
        )
    op = Operator(
        username=username,
        display_name=display_name,
        role=Role(role).value,
        password_hash=hash_password(password),
        active=True,
        must_change_password=must_change_password,
        failed_logins=0,
    )
    session.add(op)
    session.flush()
    audit.record(
        session,
        actor,
        "operator.create",
        "operator",
        op.id,
        after={"username": username, "name": display_name, "role": op.role},
    )
    return op.id


def change_own_password(db: Database, actor: Actor, old: str, new: str) -> None:
    validate_password(new)
    with db.write() as session:
        op = session.get(Operator, actor.operator_id)
        if op is None or not check_password(old, op.password_hash):
            raise AuthenticationFailed(
                QT_TRANSLATE_NOOP("errors", "The current password is not correct.")
            )
        op.password_hash = hash_password(new)
        op.must_change_password = False
        audit.record(session, actor, "operator.change_password", "operator", op.id)


def reset_password(db: Database, actor: Actor, operator_id: str, new: str) -> None:
    """An administrator sets a new password; the operator must change it at next login."""
    require(actor, Permission.MANAGE_OPERATORS)
    validate_password(new)
    with db.write() as session:
        op = _get(session, operator_id)
        op.password_hash = hash_password(new)
        op.must_change_password = True
        op.failed_logins = 0
        audit.record(session, actor, "operator.reset_password", "operator", op.id)


def set_active(db: Database, actor: Actor, operator_id: str, active: bool) -> None:
    require(actor, Permission.MANAGE_OPERATORS)
    with db.write() as session:
        op = _get(session, operator_id)
        if not active and op.role == Role.ADMIN.value:
            admins = session.scalar(
                select(func.count())
                .select_from(Operator)
                .where(Operator.role == Role.ADMIN.value, Operator.active.is_(True))
            )
            if (admins or 0) <= 1:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("errors", "The last active administrator cannot be disabled.")
                )
        before = op.active
        op.active = active
        audit.record(
            session,
            actor,
            "operator.enable" if active else "operator.disable",
            "operator",
            op.id,
            before={"active": before},
            after={"active": active},
        )


def set_role(db: Database, actor: Actor, operator_id: str, role: Role) -> None:
    require(actor, Permission.MANAGE_OPERATORS)
    with db.write() as session:
        op = _get(session, operator_id)
        if op.role == Role.ADMIN.value and role != Role.ADMIN:
            admins = session.scalar(
                select(func.count())
                .select_from(Operator)
                .where(Operator.role == Role.ADMIN.value, Operator.active.is_(True))
            )
            if (admins or 0) <= 1:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("errors", "The station needs at least one administrator.")
                )
        before = op.role
        op.role = Role(role).value
        audit.record(
            session,
            actor,
            "operator.set_role",
            "operator",
            op.id,
            before={"role": before},
            after={"role": op.role},
        )


@dataclass(frozen=True)
class OperatorRow:
    id: str
    username: str
    display_name: str
    role: Role
    active: bool
    last_login_at: datetime | None


def list_operators(db: Database, actor: Actor) -> list[OperatorRow]:
    require(actor, Permission.MANAGE_OPERATORS)
    with db.read() as session:
        ops = session.scalars(select(Operator).order_by(Operator.created_at)).all()
        return [
            OperatorRow(o.id, o.username, o.display_name, Role(o.role), o.active, o.last_login_at)
            for o in ops
        ]


def must_change_password(db: Database, actor: Actor) -> bool:
    with db.read() as session:
        op = session.get(Operator, actor.operator_id)
        return bool(op and op.must_change_password)


def _get(session: Session, operator_id: str) -> Operator:
    op = session.get(Operator, operator_id)
    if op is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "No such operator."))
    return op
