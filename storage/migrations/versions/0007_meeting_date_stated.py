"""whether the minutes state the meeting's date: an import whose text names none is dated the
import day, and the record says so instead of stating that day as the meeting's

Revision ID: 0007_meeting_date_stated
Revises: 0006_ask_term_postings
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_meeting_date_stated"
down_revision = "0006_ask_term_postings"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("meeting") as batch:
        batch.add_column(
            sa.Column("date_stated", sa.Boolean(), nullable=False, server_default=sa.true())
        )


def downgrade() -> None:
    with op.batch_alter_table("meeting") as batch:
        batch.drop_column("date_stated")
