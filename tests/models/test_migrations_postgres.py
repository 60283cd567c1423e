"""The Alembic revisions on PostgreSQL (a hub's store, issue 9), on a real private server.

tests/services/postgres_server.py starts the server (in CI a missing one is a
failure).  Every revision runs there as on SQLite: from an empty database
they build exactly the models, an older store's rows are kept (and sealed by
0005, as a station file's were), the guard triggers are plpgsql twins of
SQLite's, and two processes preparing one store at once migrate it once.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import IntegrityError

from app.db import Database, migrate
from app.models import Base, load_all
from app.models.base import guards
from app.sync.hub.storage import prepare_schema

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "services"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "sync"))
from pg_township import new_database
from postgres_server import postgres_server


@pytest.fixture(scope="module")
def server_url() -> Iterator[str]:
    with postgres_server() as url:
        yield url


@pytest.fixture
def pg(server_url: str) -> Iterator[Engine]:
    engine = create_engine(new_database(server_url))
    try:
        yield engine
    finally:
        engine.dispose()


def _sqlite_triggers(tmp_path: Path) -> set[str]:
    db = Database(tmp_path / "migrated.db")
    migrate.upgrade(db.engine)
    with db.engine.connect() as conn:
        names = conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        found = {str(n) for (n,) in names}
    db.dispose()
    return found


def test_the_revisions_build_the_models_on_an_empty_postgresql_database(
    pg: Engine, tmp_path: Path
) -> None:
    assert migrate.ensure_schema(pg) == "created"
    assert migrate.current_revision(pg) == migrate.head_revision()
    load_all()
    with pg.connect() as conn:
        # server defaults too: the columns the revisions added to filled tables have them
        context = MigrationContext.configure(conn, opts={"compare_server_default": True})
        assert compare_metadata(context, Base.metadata) == []
        assert conn.execute(text("SELECT id, value FROM change_counter")).all() == [(1, 0)]
        triggers = {
            str(n)
            for (n,) in conn.execute(text("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"))
        }
    # the same guards as a station's SQLite file, by name
    assert triggers == _sqlite_triggers(tmp_path)
    assert migrate.ensure_schema(pg) == "current"


def test_the_guards_on_postgresql_refuse_as_sqlites_do(pg: Engine) -> None:
    migrate.ensure_schema(pg)
    with pg.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO audit_row (entry_id, table_name, row_key, row_hash) "
                "VALUES ('e', 'household', 'k', 'h')"
            )
        )
    # an integrity violation, as SQLite's RAISE(ABORT): the importer quarantines the row
    with pytest.raises(IntegrityError, match="audit_row is append-only"), pg.begin() as conn:
        conn.execute(text("UPDATE audit_row SET row_hash = 'x'"))
    with pytest.raises(IntegrityError, match="never deleted"), pg.begin() as conn:
        conn.execute(text("DELETE FROM audit_row"))
    with pg.connect() as conn:
        assert conn.execute(text("SELECT row_hash FROM audit_row")).scalar() == "h"


def test_a_store_without_the_guards_gets_them_at_its_next_start(pg: Engine) -> None:
    """A store made by an earlier hub (create_all, stamped at head) had none."""
    migrate.ensure_schema(pg)
    with pg.begin() as conn:
        conn.execute(text("DROP TRIGGER trg_household_no_delete ON household"))
    assert migrate.ensure_schema(pg) == "current"
    with pg.connect() as conn:
        made = conn.execute(
            text("SELECT count(*) FROM pg_trigger WHERE tgname = 'trg_household_no_delete'")
        )
        assert made.scalar() == 1


def test_0005_seals_the_rows_of_a_postgresql_store_as_of_a_sqlite_file(
    pg: Engine, tmp_path: Path
) -> None:
    from app.services import audit

    migrate.upgrade(pg, "0004")
    with pg.begin() as conn:
        conn.execute(text(_STATION))
    assert migrate.ensure_schema(pg) == "upgraded"
    db = Database(tmp_path / "hub.db", engine=pg)
    assert db.station_id == "s1"  # 0006 named the PC's station
    with pg.connect() as conn:
        baseline = conn.execute(text("SELECT action, seq FROM audit_entry")).all()
        assert baseline == [("audit.seal_baseline", 1)]
    seals = audit.verify_seals(db)
    assert seals.ok and seals.checked == 1, seals.problems
    assert audit.verify_chain(db).ok


_STATION = (
    "INSERT INTO station (id, station_id, created_at, updated_at, row_version, change_seq, "
    "code, name, mode, village, township, county, leader_name, contact_phone, "
    "signing_key_fingerprint) VALUES ('s1', 's1', now(), now(), 1, 1, '330481101001', '站', "
    "'station', '', '', '', '', '', '')"
)


def test_the_guards_are_lifted_while_the_revisions_run_and_made_again(pg: Engine) -> None:
    """Revision 0006 rewrites the append-only anchors: on a guarded store too."""
    migrate.upgrade(pg, "0005")
    with pg.begin() as conn:
        conn.execute(text(_STATION))
        conn.execute(
            text(
                "INSERT INTO audit_anchor (seq, entry_hash, at, reason, signature) "
                "VALUES (1, 'h', now(), 'backup', 's')"
            )
        )
        # every guarded table exists at 0005 but the points accounts (0011), 四单 (0012),
        # the national exports (0013), 报送 (0014) and the 结项 photos (0015)
        newer = {
            "volunteer_account",
            "service_menu_item",
            "service_order",
            "service_order_event",
            "national_export",
            "national_export_record",
            "report_snapshot",
            "report_review",
            "service_order_photo",
        }
        later = {name for name, table, _event, _msg in guards() if table in newer}
        for statement in migrate.pg_guards(later):
            conn.exec_driver_sql(statement)
        guarded = _guard_count(conn) + len(later)
    told: list[str] = []
    assert migrate.ensure_schema(pg, backup=told.append) == "upgraded"
    assert told == ["pre-migration-0005"]
    with pg.connect() as conn:
        assert conn.execute(text("SELECT station_id FROM audit_anchor")).all() == [("s1",)]
        own = conn.execute(text("SELECT value FROM local_state WHERE key = 'own_station_id'"))
        assert own.all() == [("s1",)]
        assert _guard_count(conn) == guarded
    with pytest.raises(IntegrityError, match="append-only"), pg.begin() as conn:
        conn.execute(text("UPDATE audit_anchor SET reason = 'x'"))


def _guard_count(conn) -> int:
    return int(
        conn.execute(text("SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal")).scalar() or 0
    )


def test_two_processes_preparing_one_empty_store_at_once_migrate_it_once(
    pg: Engine, tmp_path: Path
) -> None:
    start = threading.Barrier(2)
    results: list[str] = []
    errors: list[Exception] = []

    def prepare() -> None:
        db = Database(tmp_path / "hub.db", engine=create_engine(pg.url))
        try:
            start.wait()
            results.append(prepare_schema(db))
        except Exception as exc:  # the assertion below shows it
            errors.append(exc)
        finally:
            db.dispose()

    threads = [threading.Thread(target=prepare) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sorted(results) == ["created", "current"]
    with pg.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).all() == [
            (migrate.head_revision(),)
        ]
        assert conn.execute(text("SELECT count(*) FROM change_counter")).scalar() == 1
