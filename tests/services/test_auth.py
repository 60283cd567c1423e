"""Operators: passwords, login, lock-out, roles enforced in the services."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.db import Database
from app.errors import AuthenticationFailed, PermissionDenied, ValidationError
from app.models import AuditEntry, Operator, Role
from app.services import audit, auth
from app.services.auth import Actor, Permission
from tests.conftest import ADMIN_PASSWORD


def test_password_hash_is_salted_scrypt_and_checks() -> None:
    h1, h2 = auth.hash_password("秘密password"), auth.hash_password("秘密password")
    assert h1.startswith("scrypt$") and h1 != h2
    assert auth.check_password("秘密password", h1)
    assert not auth.check_password("wrong", h1)
    assert not auth.check_password("x", "garbage")


def test_login_succeeds_and_is_audited(station_db: tuple[Database, Actor]) -> None:
    db, admin = station_db
    actor = auth.login(db, "admin", ADMIN_PASSWORD)
    assert actor == admin
    with db.read() as s:
        actions = s.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)).all()
    assert actions[-1] == "operator.login"


def test_wrong_password_and_unknown_user_get_the_same_message(
    station_db: tuple[Database, Actor],
) -> None:
    db, _ = station_db
    with pytest.raises(AuthenticationFailed) as wrong:
        auth.login(db, "admin", "nope")
    with pytest.raises(AuthenticationFailed) as unknown:
        auth.login(db, "nobody", "nope")
    assert str(wrong.value) == str(unknown.value)
    with db.read() as s:
        assert s.scalars(select(Operator)).one().failed_logins == 1


def test_too_many_wrong_passwords_make_the_account_wait_until_reset(
    station_db: tuple[Database, Actor],
) -> None:
    db, admin = station_db
    auth.create_operator(db, admin, "clerk", "李值守", Role.COUNTER, "pw123456")
    for _ in range(auth.LOCK_STEPS[0][0]):
        with pytest.raises(AuthenticationFailed):
            auth.login(db, "clerk", "bad")
    with pytest.raises(AuthenticationFailed, match="Too many"):
        auth.login(db, "clerk", "pw123456")
    clerk_id = next(o.id for o in auth.list_operators(db, admin) if o.username == "clerk")
    auth.reset_password(db, admin, clerk_id, "newpass1")
    clerk = auth.login(db, "clerk", "newpass1")
    assert auth.must_change_password(db, clerk)
    auth.change_own_password(db, clerk, "newpass1", "mine1234")
    assert not auth.must_change_password(db, clerk)


def test_disabled_operator_cannot_sign_in(station_db: tuple[Database, Actor]) -> None:
    db, admin = station_db
    op_id = auth.create_operator(db, admin, "worker", "赵实践", Role.WORKER, "pw123456")
    auth.set_active(db, admin, op_id, False)
    with pytest.raises(AuthenticationFailed, match="disabled"):
        auth.login(db, "worker", "pw123456")


def test_counter_clerk_cannot_call_an_administrators_service(
    station_db: tuple[Database, Actor],
) -> None:
    db, admin = station_db
    auth.create_operator(db, admin, "clerk", "李值守", Role.COUNTER, "pw123456")
    clerk = auth.login(db, "clerk", "pw123456")
    entries = audit.count(db)
    with pytest.raises(PermissionDenied):
        auth.create_operator(db, clerk, "evil", "坏人", Role.ADMIN, "pw123456")
    with pytest.raises(PermissionDenied):
        auth.reset_password(db, clerk, admin.operator_id, "hacked1")
    with pytest.raises(PermissionDenied):
        auth.list_operators(db, clerk)
    assert audit.count(db) == entries  # nothing was written
    assert auth.login(db, "admin", ADMIN_PASSWORD)  # admin password unchanged


@pytest.mark.parametrize(
    ("role", "allowed", "denied"),
    [
        (Role.ADMIN, Permission.RESTORE, None),
        (Role.WORKER, Permission.DAILY_WORK, Permission.MANAGE_OPERATORS),
        (Role.COUNTER, Permission.REDEEM, Permission.DAILY_WORK),
    ],
)
def test_role_permissions(role: Role, allowed: Permission, denied: Permission | None) -> None:
    actor = Actor("x", "x", "x", role)
    assert actor.can(allowed)
    if denied:
        assert not actor.can(denied)
        with pytest.raises(PermissionDenied):
            auth.require(actor, denied)


def test_the_last_administrator_cannot_be_disabled_or_demoted(
    station_db: tuple[Database, Actor],
) -> None:
    db, admin = station_db
    with pytest.raises(ValidationError):
        auth.set_active(db, admin, admin.operator_id, False)
    with pytest.raises(ValidationError):
        auth.set_role(db, admin, admin.operator_id, Role.WORKER)


def test_user_names_are_unique_and_passwords_long_enough(
    station_db: tuple[Database, Actor],
) -> None:
    db, admin = station_db
    with pytest.raises(ValidationError, match="already taken"):
        auth.create_operator(db, admin, "admin", "又一个", Role.WORKER, "pw123456")
    with pytest.raises(ValidationError, match="at least"):
        auth.create_operator(db, admin, "short", "短", Role.WORKER, "123")
    with pytest.raises(ValidationError):
        auth.create_operator(db, admin, "has space", "空格", Role.WORKER, "pw123456")
