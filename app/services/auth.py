"""操作员与权限 — operators, passwords, roles and the permission check.

Passwords are hashed with scrypt (stdlib ``hashlib.scrypt``, N=2^14, r=8, p=1,
16-byte salt).  Roles map to permissions in :data:`PERMISSIONS`; every service
that needs one calls :func:`require` first, so hiding a button is only a
courtesy — a 超市值守 calling an administrator's service is refused here.

The :class:`Actor` a service receives is what the operator was when they signed
in.  An administrator may have disabled, demoted or removed them since, so
:func:`require` also notes the check, and the next write transaction in the
same thread re-checks it against the operator's row *inside that transaction*
(:func:`recheck_pending`, called by :meth:`app.db.Database.write`): a disabled
practitioner's Actor awards nothing, a demoted administrator voids nothing.

Wrong passwords — at the sign-in dialog, the lock screen or closing the kiosk,
all through :func:`_attempt` — are counted and audited.  After
:data:`LOCK_STEPS` consecutive failures the account waits a growing time (1,
5, then 15 minutes) instead of being locked for ever, so the only
administrator can never lock the station out; attempts during the wait are
audited too.  The last administrator who forgot the password is recovered with
``main.py reset-password`` on the PC itself, which needs the data folder's key
file and is audited (:func:`reset_password_offline`).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import READ_CHECKS, WRITE_CHECKS, Database
from app.errors import AuthenticationFailed, NotFound, PermissionDenied, ValidationError
from app.i18n import QT_TRANSLATE_NOOP
from app.models import AuditEntry, Operator, Role, utcnow
from app.services import audit

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
MIN_PASSWORD_LENGTH = 6
# (consecutive failures, wait before the next attempt): a growing delay, never a
# permanent lock (the only administrator must always be able to get back in)
LOCK_STEPS: tuple[tuple[int, timedelta], ...] = (
    (5, timedelta(minutes=1)),
    (10, timedelta(minutes=5)),
    (15, timedelta(minutes=15)),
)

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
    # the one export with full ID numbers (全国志愿服务信息系统): administrators only
    EXPORT_NATIONAL = "export_national"


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


_NOT_ALLOWED = QT_TRANSLATE_NOOP("errors", "Your role does not allow this action.")
_pending = threading.local()


def require(actor: Actor, permission: Permission) -> None:
    """Refuse unless *actor*'s role allows *permission*; re-checked at the next write."""
    if not actor.can(permission):
        raise PermissionDenied(_NOT_ALLOWED)
    if actor.operator_id:  # SYSTEM (the program itself) has no operator row
        checks = getattr(_pending, "checks", None)
        if checks is None:
            checks = _pending.checks = []
        checks.append((actor.operator_id, permission))


def recheck_pending(session: Session) -> None:
    """Re-check the permissions noted by :func:`require` against the operators' rows now.

    Called at the start of every write transaction, in it: an operator
    disabled, demoted or removed since signing in is refused and nothing is
    written.
    """
    checks = getattr(_pending, "checks", None)
    if not checks:
        return
    _pending.checks = []
    _recheck(session, checks)


def _recheck_on_read(session: Session, closing: bool) -> None:
    """A read that follows :func:`require` checks too; the notes end with the read.

    (A service that reads before it writes was checked here; one that only
    reads leaves nothing behind for an unrelated later write.)
    """
    checks = getattr(_pending, "checks", None)
    if not checks:
        return
    if closing:
        _pending.checks = []
    else:
        _recheck(session, checks)


ACTING_OPERATOR = "wb_acting_operator"  # session.info: who this write is for (the audit log)


def _recheck(session: Session, checks: list[tuple[str, Permission]]) -> None:
    session.info[ACTING_OPERATOR] = checks[-1][0]
    for operator_id, permission in dict.fromkeys(checks):
        op = session.get(Operator, operator_id)
        if op is None and not _ever_existed(session, operator_id):
            continue  # a note left by an action on another database (e.g. before a restore)
        if op is None or not op.active or permission not in PERMISSIONS[Role(op.role)]:
            raise PermissionDenied(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "Your account was changed by an administrator since you signed in "
                    "and no longer allows this action. Please sign in again.",
                )
            )


def _ever_existed(session: Session, operator_id: str) -> bool:
    """Was *operator_id* created in this database (and so removed behind the app's back)?"""
    return (
        session.scalar(
            select(AuditEntry.seq)
            .where(AuditEntry.target_id == operator_id, AuditEntry.action == "operator.create")
            .limit(1)
        )
        is not None
    )


WRITE_CHECKS.append(recheck_pending)
READ_CHECKS.append(_recheck_on_read)


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


def _wait_left(session: Session, op: Operator) -> timedelta | None:
    """How long *op* must still wait after consecutive wrong passwords (None: no wait)."""
    wait = next((delay for count, delay in reversed(LOCK_STEPS) if op.failed_logins >= count), None)
    if wait is None:
        return None
    last = session.scalar(
        select(func.max(AuditEntry.at)).where(
            AuditEntry.target_id == op.id,
            AuditEntry.action.in_(("operator.login_failed", "operator.unlock_failed")),
        )
    )
    if last is None:
        return None
    elapsed = utcnow() - last
    # a clock set back never makes the wait longer than one step
    left = wait - max(elapsed, timedelta(0))
    return min(left, wait) if left > timedelta(0) else None


def _attempt(session: Session, op: Operator, password: str, kind: str) -> bool:
    """One password attempt by *op* (sign-in or unlock): counted, audited, delayed.

    Raises :class:`AuthenticationFailed` while the account must wait; returns
    whether the password was right.  The caller commits, so a failure is kept.
    """
    actor = _actor(op)
    left = _wait_left(session, op)
    if left is not None:
        audit.record(session, actor, f"operator.{kind}_while_locked", "operator", op.id)
        minutes = max(1, -(-int(left.total_seconds()) // 60))
        raise AuthenticationFailed(
            QT_TRANSLATE_NOOP(
                "errors",
                "Too many wrong passwords. Please wait {minutes} minute(s) and try again, "
                "or ask an administrator to reset the password.",
            ),
            minutes=minutes,
        )
    if check_password(password, op.password_hash):
        op.failed_logins = 0
        return True
    op.failed_logins += 1
    audit.record(
        session,
        actor,
        f"operator.{kind}_failed",
        "operator",
        op.id,
        after={"failed_in_a_row": op.failed_logins},
    )
    return False


def login(db: Database, username: str, password: str) -> Actor:
    """Sign in; a wrong password and an unknown user get the same message."""
    wrong = QT_TRANSLATE_NOOP("errors", "Wrong user name or password.")
    failed: AuthenticationFailed | None = None
    with db.write() as session:
        op = session.scalar(select(Operator).where(Operator.username == username.strip()))
        if op is None:
            check_password(password, hash_password("timing"))  # same cost as a real check
            raise AuthenticationFailed(wrong)
        if not op.active:
            raise AuthenticationFailed(
                QT_TRANSLATE_NOOP("errors", "This account is disabled. Ask an administrator.")
            )
        try:
            ok = _attempt(session, op, password, "login")
        except AuthenticationFailed as exc:
            failed = exc  # raised after the commit, so the attempt stays audited
        else:
            if ok:
                op.last_login_at = utcnow()
                actor = _actor(op)
                audit.record(session, actor, "operator.login", "operator", op.id)
                return actor
            failed = AuthenticationFailed(wrong)
    raise failed  # after the commit: the failed attempt is counted and audited


def verify_password(db: Database, actor: Actor, password: str) -> bool:
    """Unlock the lock screen (or close the kiosk): is *password* the operator's?

    Counted and audited like a sign-in; raises :class:`AuthenticationFailed`
    while the account must wait, or when it was disabled or removed.
    """
    failed: AuthenticationFailed | None = None
    with db.write() as session:
        op = session.get(Operator, actor.operator_id)
        if op is None or not op.active:
            raise AuthenticationFailed(
                QT_TRANSLATE_NOOP("errors", "This account is disabled. Ask an administrator.")
            )
        try:
            return _attempt(session, op, password, "unlock")
        except AuthenticationFailed as exc:
            failed = exc
    raise failed


def reset_password_offline(db: Database, username: str, key_file: bytes) -> str:
    """``main.py reset-password``: a new temporary password for *username*, on the PC itself.

    The recovery for the last administrator who forgot the password: whoever
    runs it must be able to read the data folder's signing key (*key_file*,
    checked against the station's fingerprint), and it is audited.
    """
    from app.models.station import Station
    from app.services.keys import fingerprint_of_pem

    with db.write() as session:
        station = session.get(Station, db.station_id) if db.station_id else None
        if station is None or fingerprint_of_pem(key_file) != station.signing_key_fingerprint:
            raise PermissionDenied(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The key file of this data folder does not belong to its station; "
                    "the password was not reset.",
                )
            )
        op = session.scalar(select(Operator).where(Operator.username == username.strip()))
        if op is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No such operator."))
        password = generate_password()
        op.password_hash = hash_password(password)
        op.must_change_password = True
        op.failed_logins = 0
        op.active = True
        audit.record(
            session,
            SYSTEM,
            "operator.reset_password_offline",
            "operator",
            op.id,
            after={"username": op.username},
        )
        return password


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


def count_operators(db: Database) -> int:
    """How many operator accounts are active."""
    with db.read() as session:
        return (
            session.scalar(
                select(func.count()).select_from(Operator).where(Operator.active.is_(True))
            )
            or 0
        )


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
