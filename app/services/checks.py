"""数据核对 — every "does the data still agree with itself" check in one place.

Cached values (household balances, goods on hand, volunteer hours and stars)
are updated with their ledgers in one transaction, and the audit log is a
hash chain; these checks recompute them, and the points of volunteer service
(积分银行) are checked against the records they were earned by, and each 四单
order's state against its history.  ``run_checks(db, full=False)`` is
the quick start-up check (a random sample of balances); ``full=True`` is the
whole station, for the CLI (``main.py check --full``) and the settings page.
Each result says what was checked and, when something disagrees, the first
few differences in words a station head can pass on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.db import Database
from app.i18n import QT_TRANSLATE_NOOP, translate

START_UP_SAMPLE = 200


@dataclass(frozen=True)
class CheckResult:
    name: str  # English source, translated in the "checks" context
    ok: bool
    checked: int
    problems: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        return translate("checks", self.name)


def _audit(db: Database, full: bool) -> CheckResult:
    from app.services.audit import verify_chain

    report = verify_chain(db)
    problems = () if report.ok else (f"#{report.broken_seq}: {report.reason}",)
    return CheckResult(
        QT_TRANSLATE_NOOP("checks", "Audit log chain"), report.ok, report.checked, problems
    )


def _schema(db: Database, full: bool) -> CheckResult:
    """The file's schema is the program's: no foreign trigger or view, every guard in place.

    On a database server's store (a township's PostgreSQL) there are no guard
    triggers to compare: its schema revision must be the program's."""
    import sqlite3

    from app.db.dialect import is_sqlite
    from app.db.schema_check import differences, expected_schema, schema_of

    if not is_sqlite(db.engine):
        from app.db import migrate

        current, head = migrate.current_revision(db.engine), migrate.head_revision()
        return CheckResult(
            QT_TRANSLATE_NOOP("checks", "Database schema and guard triggers"),
            current == head,
            1,
            () if current == head else (f"{current or '-'} ≠ {head}",),
        )

    con = sqlite3.connect(f"file:{db.path.as_posix()}?mode=ro", uri=True)
    try:
        revision = con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        actual = schema_of(con)
    finally:
        con.close()
    found = differences(actual, expected_schema(revision))
    return CheckResult(
        QT_TRANSLATE_NOOP("checks", "Database schema and guard triggers"),
        not found,
        len(actual.tables) + len(actual.triggers),
        tuple(found[:10]),
    )


def _seals(db: Database, full: bool) -> CheckResult:
    from app.services.audit import verify_seals

    report = verify_seals(db)
    problems = report.problems
    if report.total_problems > len(problems):
        problems += (f"… {report.total_problems - len(problems)} more",)
    return CheckResult(
        QT_TRANSLATE_NOOP("checks", "Every row accounted for in the audit log"),
        report.ok,
        report.checked,
        problems,
    )


def _anchors(db: Database, full: bool) -> CheckResult:
    from app.services.audit import verify_anchors

    report = verify_anchors(db)
    problems = () if report.ok else (f"#{report.broken_seq}: {report.reason}",)
    return CheckResult(
        QT_TRANSLATE_NOOP("checks", "Audit log against its signed anchors"),
        report.ok,
        report.checked,
        problems,
    )


def _balances(db: Database, full: bool) -> CheckResult:
    from app.services.points import verify_balances

    report = verify_balances(db, sample=None if full else START_UP_SAMPLE)
    return CheckResult(
        QT_TRANSLATE_NOOP("checks", "Household points balances"),
        report.ok,
        report.checked,
        tuple(f"{m.number}: {m.cached} ≠ {m.ledger}" for m in report.mismatches[:10]),
    )


def _stock(db: Database, full: bool) -> CheckResult:
    from app.services.supermarket import verify_stock

    wrong = verify_stock(db)
    return CheckResult(
        QT_TRANSLATE_NOOP("checks", "Goods on hand"),
        not wrong,
        -1,
        tuple(f"{name}: {cached} ≠ {ledger}" for _id, name, cached, ledger in wrong[:10]),
    )


def _hours(db: Database, full: bool) -> CheckResult:
    from app.services.volunteers.hours import verify

    report = verify(db)
    return CheckResult(
        QT_TRANSLATE_NOOP("checks", "Volunteer hours and stars"),
        report.ok,
        report.checked_volunteers,
        tuple(f"{m.kind} {m.target_id}: {m.cached} ≠ {m.ledger}" for m in report.mismatches[:10]),
    )


def _service_points(db: Database, full: bool) -> CheckResult:
    from app.services.volunteers.bank import verify

    checked, problems = verify(db)
    return CheckResult(
        QT_TRANSLATE_NOOP("checks", "Points for volunteer service"),
        not problems,
        checked,
        tuple(problems[:10]),
    )


def _orders(db: Database, full: bool) -> CheckResult:
    from app.services.orders import verify

    wrong = verify(db)
    return CheckResult(
        QT_TRANSLATE_NOOP("checks", "Service orders against their history"),
        not wrong,
        -1,
        tuple(f"{m.number}: {m.cached} ≠ {m.replayed}" for m in wrong[:10]),
    )


CHECKS: tuple[Callable[[Database, bool], CheckResult], ...] = (
    _schema,
    _audit,
    _anchors,
    _seals,
    _balances,
    _stock,
    _hours,
    _service_points,
    _orders,
)
QUICK: tuple[Callable[[Database, bool], CheckResult], ...] = (_balances,)


def run_checks(db: Database, *, full: bool) -> list[CheckResult]:
    """All checks (``full``) or the quick start-up sample; read-only, safe any time."""
    return [check(db, full) for check in (CHECKS if full else QUICK)]
