"""The hub's web view (issue 9): hub users, and the township each station belongs to.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02

* ``hub_user`` — who may sign in to the hub's read-only web page: ``county``
  (every township of the hub) or ``township`` (the townships listed, a JSON
  list of names or codes); the password hash is the app's scrypt; failures
  and ``locked_until`` (5 wrong passwords: 5 minutes), ``signed_out_at`` (a
  sign-out ends the sessions issued before it), ``disabled``;
* ``sync_station.township`` — the township named in the station's enrolment
  file ("" for an older enrolment: the hub's own township).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "sync_station",
        sa.Column("township", sa.String(length=100), nullable=False, server_default=""),
    )
    op.create_table(
        "hub_user",
        sa.Column("username", sa.String(length=50), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("townships", sa.Text(), nullable=False, server_default="[]"),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("disabled", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("failures", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("signed_out_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("username", name="pk_hub_user"),
    )


def downgrade() -> None:
    op.drop_table("hub_user")
    with op.batch_alter_table("sync_station") as batch:
        batch.drop_column("township")
