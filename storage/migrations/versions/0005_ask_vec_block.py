"""dense recall over large scopes reads packed signatures (ask_vec_block), filled from the
passages that have vectors

Revision ID: 0005_ask_vec_block
Revises: 0004_i17
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_ask_vec_block"
down_revision = "0004_i17"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ask_vec_block",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("tenant_id", sa.String(64), nullable=False),
        sa.Column("body_id", sa.Integer, nullable=False),
        sa.Column("confidential", sa.Boolean, nullable=False),
        sa.Column("n", sa.Integer, nullable=False),
        sa.Column("dead", sa.Integer, nullable=False, server_default="0"),
        sa.Column("ids", sa.LargeBinary, nullable=False),
        sa.Column("days", sa.LargeBinary, nullable=False),
        sa.Column("sigs", sa.LargeBinary, nullable=False),
        sa.Column("codes", sa.LargeBinary, nullable=False),
        sa.Column("scales", sa.LargeBinary, nullable=False),
    )
    op.create_index(
        "ix_ask_vec_block_scope", "ask_vec_block", ["tenant_id", "body_id", "confidential"]
    )
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        # Signatures do not compress: store them out of line without trying.
        for column in ("ids", "days", "sigs", "codes", "scales"):
            op.execute(f"ALTER TABLE ask_vec_block ALTER COLUMN {column} SET STORAGE EXTERNAL")
    from storage.vector_store import repack_all

    repack_all(bind)


def downgrade() -> None:
    op.drop_table("ask_vec_block")
