"""A volunteer's card photo (issue 4: "name, number, team and optional photo").

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24

One nullable column, the photo's path relative to the photos folder, like
``goods.photo_path``.  SQLite adds it through a batch operation; the table's
guard trigger is not touched (adding a column does not drop it).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("volunteer") as batch:
        batch.add_column(sa.Column("photo_path", sa.String(length=260), nullable=True))


def downgrade() -> None:
    raise NotImplementedError("station schemas only move forward; restore a backup instead")
