"""Lock-outs that cannot lock a station out for ever, every attempt counted, and
an Actor re-checked against the operator's current row on every write."""

from __future__ import annotations

from datetime import timedelta

import pytest
from household_factory import new_household
from sqlalchemy import func, select, text

from app.db import Database
from app.errors import AuthenticationFailed, PermissionDenied
from app.models import AuditEntry, Operator, Role
from app.paths import DataDir
from app.services import auth, points
from app.services.auth import Actor
from app.services.keys import SIGNING_KEY
from tests.conftest import ADMIN_PASSWORD


def _actions(db: Database, action: str) -> int:
    with db.read() as s:
        return int(
            s.scalar(
                select(func.count()).select_from(AuditEntry).where(AuditEntry.action == action)
            )
            or 0
        )


def _fail(db: Database, user: str, times: int) -> None:
    for _ in range(times):
        with pytest.raises(AuthenticationFailed):
            auth.login(db, user, "wrong-password")


@pytest.fixture
def later(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Move the clock (of sign-ins and of the audit log) forward by a given time."""
    from app.services import audit

    def move(delta: timedelta) -> None:
        now = auth.utcnow() + delta
        monkeypatch.setattr(auth, "utcnow", lambda: now)
        monkeypatch.setattr(audit, "utcnow", lambda: now)

    return move


def test_the_wait_grows_and_ends_so_the_only_admin_is_never_locked_out(
    station_db: tuple[Database, Actor], later
) -> None:  # type: ignore[no-untyped-def]
    db, _admin = station_db
    (first, wait1), (second, wait2), (third, wait3) = auth.LOCK_STEPS
    _fail(db, "admin", first)
    with pytest.raises(AuthenticationFailed, match="wait 1 minute"):
        auth.login(db, "admin", ADMIN_PASSWORD)
    for _ in range(second - first):  # each wrong one after a wait counts on
        later(wait1 + timedelta(seconds=1))
        _fail(db, "admin", 1)
    with pytest.raises(AuthenticationFailed, match="wait 5 minute"):
        auth.login(db, "admin", ADMIN_PASSWORD)
    for _ in range(third - second + 10):  # far past the last step: never more than 15 min
        later(wait2 + timedelta(minutes=11))
        _fail(db, "admin", 1)
    with pytest.raises(AuthenticationFailed, match="wait 15 minute"):
        auth.login(db, "admin", ADMIN_PASSWORD)
    later(wait3 + timedelta(seconds=1))
    assert auth.login(db, "admin", ADMIN_PASSWORD).username == "admin"


def test_attempts_during_the_wait_are_audited_and_not_checked(
    station_db: tuple[Database, Actor],
) -> None:
    db, _admin = station_db
    _fail(db, "admin", auth.LOCK_STEPS[0][0])
    for _ in range(3):
        with pytest.raises(AuthenticationFailed, match="Too many"):
            auth.login(db, "admin", ADMIN_PASSWORD)  # the right password does not help now
    assert _actions(db, "operator.login_while_locked") == 3
    assert _actions(db, "operator.login_failed") == auth.LOCK_STEPS[0][0]


def test_the_lock_screen_counts_and_audits_wrong_passwords(
    station_db: tuple[Database, Actor],
) -> None:
    db, admin = station_db
    for _ in range(auth.LOCK_STEPS[0][0]):
        assert auth.verify_password(db, admin, "guess") is False
    assert _actions(db, "operator.unlock_failed") == auth.LOCK_STEPS[0][0]
    with pytest.raises(AuthenticationFailed, match="Too many"):
        auth.verify_password(db, admin, ADMIN_PASSWORD)
    # the same count protects the sign-in dialog
    with pytest.raises(AuthenticationFailed, match="Too many"):
        auth.login(db, "admin", ADMIN_PASSWORD)


def test_the_lock_screen_refuses_an_operator_disabled_since(
    station_db: tuple[Database, Actor],
) -> None:
    db, admin = station_db
    op_id = auth.create_operator(db, admin, "w", "赵实践", Role.WORKER, "pw123456")
    worker = auth.login(db, "w", "pw123456")
    auth.set_active(db, admin, op_id, False)
    with pytest.raises(AuthenticationFailed, match="disabled"):
        auth.verify_password(db, worker, "pw123456")


def test_a_disabled_practitioner_awards_nothing(station_db: tuple[Database, Actor]) -> None:
    db, admin = station_db
    with db.write() as s:
        points.seed_default_rules(s)
    household = new_household(db, admin, "001")
    op_id = auth.create_operator(db, admin, "w", "赵实践", Role.WORKER, "pw123456")
    worker = auth.login(db, "w", "pw123456")
    points.award(db, worker, household.id, "BZ01")  # allowed while active
    auth.set_active(db, admin, op_id, False)
    with pytest.raises(PermissionDenied, match="changed by an administrator"):
        points.award(db, worker, household.id, "BZ01")
    assert points.balance(db, household.id) == 50


def test_a_demoted_administrator_creates_no_administrator(
    station_db: tuple[Database, Actor],
) -> None:
    db, admin = station_db
    op_id = auth.create_operator(db, admin, "boss2", "副站长", Role.ADMIN, "pw123456")
    boss2 = auth.login(db, "boss2", "pw123456")
    auth.set_role(db, admin, op_id, Role.WORKER)
    with pytest.raises(PermissionDenied):
        auth.create_operator(db, boss2, "sneak", "某人", Role.ADMIN, "pw123456")
    assert "sneak" not in {o.username for o in auth.list_operators(db, admin)}


def test_a_removed_operators_actor_writes_nothing(station_db: tuple[Database, Actor]) -> None:
    db, admin = station_db
    with db.write() as s:
        points.seed_default_rules(s)
    household = new_household(db, admin, "001")
    auth.create_operator(db, admin, "gone", "离职者", Role.ADMIN, "pw123456")
    gone = auth.login(db, "gone", "pw123456")
    with db.write() as s:  # removed behind the app's back
        s.execute(text("DELETE FROM operator WHERE username = 'gone'"))
    with pytest.raises(PermissionDenied):
        points.award(db, gone, household.id, "BZ01")
    assert points.balance(db, household.id) == 0


def test_reset_password_on_the_pc_needs_the_key_file_and_is_audited(
    station_db: tuple[Database, Actor], data_dir: DataDir, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    db, _admin = station_db
    _fail(db, "admin", 40)
    key_file = (data_dir.keys / SIGNING_KEY).read_bytes()
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    stranger = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    for wrong in (stranger, b"not a key"):
        with pytest.raises(PermissionDenied, match="key file"):
            auth.reset_password_offline(db, "admin", wrong)
    password = auth.reset_password_offline(db, "admin", key_file)
    actor = auth.login(db, "admin", password)
    assert auth.must_change_password(db, actor)
    assert _actions(db, "operator.reset_password_offline") == 1
    with db.read() as s:
        assert (
            s.scalars(select(Operator).where(Operator.username == "admin")).one().failed_logins == 0
        )
