"""Alembic environment for the station database.

Run by app.db.migrate with an open connection in ``config.attributes``; the
command-line ``alembic`` tool is not needed on a station PC.
"""

from __future__ import annotations

from alembic import context

from app.models import load_all
from app.models.base import Base

load_all()  # every table on Base.metadata

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = config.attributes["connection"]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things in place
        transaction_per_migration=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():  # pragma: no cover
    raise SystemExit("offline migrations are not supported")
run_migrations_online()
