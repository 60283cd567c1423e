"""Schema creation and upgrade: new files, released fixtures, model equality."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from app.db import Database, migrate
from app.models import Base
from app.services import audit

FIXTURES = sorted((Path(__file__).parent.parent / "fixtures").glob("schema_*.sqlite"))


def _diffs(db: Database) -> list[object]:
    with db.engine.connect() as conn:
        return list(compare_metadata(MigrationContext.configure(conn), Base.metadata))


def _triggers(path: Path) -> set[str]:
    con = sqlite3.connect(path)
    try:
        return {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
    finally:
        con.close()


def test_new_database_is_created_from_models_and_stamped_at_head(tmp_path: Path) -> None:
    db = Database(tmp_path / "new.db")
    assert migrate.ensure_schema(db.engine) == "created"
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    assert _diffs(db) == []
    assert migrate.ensure_schema(db.engine) == "current"
    db.dispose()


def test_migrations_from_empty_build_exactly_the_models(tmp_path: Path) -> None:
    """The revision chain and create_all must agree, or new and old stations differ."""
    migrated = Database(tmp_path / "migrated.db")
    migrate.upgrade(migrated.engine)
    created = Database(tmp_path / "created.db")
    migrate.create_new(created.engine)
    assert _diffs(migrated) == []
    assert _triggers(migrated.path) == _triggers(created.path)
    assert _triggers(created.path)  # the guards exist at all
    migrated.dispose()
    created.dispose()


def test_there_is_a_fixture_for_the_first_schema() -> None:
    assert any(p.name == "schema_0001.sqlite" for p in FIXTURES)


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_released_schema_upgrades_to_head_with_a_backup_first(
    fixture: Path, tmp_path: Path
) -> None:
    path = tmp_path / fixture.name
    shutil.copy(fixture, path)
    db = Database(path)
    before = migrate.current_revision(db.engine)
    backups: list[str] = []
    result = migrate.ensure_schema(db.engine, backup=backups.append)
    if before == migrate.head_revision():
        assert result == "current" and backups == []
    else:
        assert result == "upgraded"
        assert backups == [f"pre-migration-{before}"]
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    assert _diffs(db) == []
    # The fixture's data survived: its audit chain and every cache still verify.
    assert db.station_id is not None
    assert audit.verify_chain(db).ok
    from app.services import points, supermarket
    from app.services.volunteers import hours as service_hours

    assert points.verify_balances(db).mismatches == ()
    assert supermarket.verify_stock(db) == []
    assert service_hours.verify(db).mismatches == ()
    # every row that existed before schema 0005 was sealed by one baseline entry
    seals = audit.verify_seals(db)
    assert seals.ok, seals.problems
    assert seals.checked > 0
    db.dispose()


def test_start_up_head_check_agrees_with_alembic() -> None:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate.alembic_config())
    assert migrate.head_revision() == script.get_current_head()
    assert migrate.known_revisions() == {r.revision for r in script.walk_revisions()}


def test_a_current_database_opens_without_loading_alembic(tmp_path: Path) -> None:
    import subprocess
    import sys

    db = Database(tmp_path / "s.db")
    migrate.ensure_schema(db.engine)
    db.dispose()
    code = (
        "import sys; from app.db import Database, migrate;"
        f"db = Database({str(tmp_path / 's.db')!r});"
        "assert migrate.ensure_schema(db.engine) == 'current';"
        "print('alembic' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
