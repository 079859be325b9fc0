"""who the minutes are sent to ("Protokollet ska skickas till") and the body's letterhead

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 08:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("body") as batch:
        batch.add_column(sa.Column("distribution", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("letterhead", sa.String(length=300), nullable=True))
    with op.batch_alter_table("meeting") as batch:
        batch.add_column(sa.Column("distribution", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("meeting") as batch:
        batch.drop_column("distribution")
    with op.batch_alter_table("body") as batch:
        batch.drop_column("letterhead")
        batch.drop_column("distribution")
