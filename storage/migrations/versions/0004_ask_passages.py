"""the record as passages for questions (ask_passage, ask_passage_term), filled from the record

Revision ID: 0004_ask_passages
Revises: 16_between_meetings
Create Date: 2026-12-01 03:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_ask_passages"
down_revision = "16_between_meetings"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    postgres = bind.dialect.name == "postgresql"
    # Terms are compared byte-wise (prefix ranges), whatever the database collation.
    term_type = sa.String(length=64, collation="C") if postgres else sa.String(length=64)
    op.create_table(
        "ask_passage",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("tenant_id", sa.String(length=64), nullable=False),
        sa.Column("body_id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=True),
        sa.Column("decision_id", sa.Integer(), nullable=True),
        sa.Column("meeting_date", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("label", sa.String(length=40), nullable=True),
        sa.Column("title", sa.String(length=500), nullable=True),
        sa.Column("standing", sa.String(length=20), nullable=True),
        sa.Column("confidential", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("text_hash", sa.String(length=16), nullable=False),
        sa.Column("vec", sa.LargeBinary(), nullable=True),
        sa.Column("vec_scale", sa.Float(), nullable=True),
        sa.Column("sig", sa.LargeBinary(), nullable=True),
    )
    op.create_index(
        "ix_ask_passage_tenant_body", "ask_passage", ["tenant_id", "body_id", "meeting_date"]
    )
    op.create_index("ix_ask_passage_meeting", "ask_passage", ["meeting_id"])
    op.create_table(
        "ask_passage_term",
        sa.Column("passage_id", sa.Integer(), nullable=False),
        sa.Column("term", term_type, nullable=False),
        sa.Column("rterm", term_type, nullable=False),
        sa.Column("tenant_id", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("passage_id", "term"),
    )
    op.create_index(
        "ix_ask_passage_term_tenant_term", "ask_passage_term", ["tenant_id", "term"]
    )
    op.create_index(
        "ix_ask_passage_term_tenant_rterm", "ask_passage_term", ["tenant_id", "rterm"]
    )
    # Existing records become searchable as passages now; vectors follow in the background.
    from storage.passages import rebuild_all_sync

    rebuild_all_sync(bind)


def downgrade() -> None:
    op.drop_table("ask_passage_term")
    op.drop_table("ask_passage")
