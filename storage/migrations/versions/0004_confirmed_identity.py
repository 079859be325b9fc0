"""confirmed identities (powers and sekretess need one), the import's one-time claim code,
and sender leases (one sender per conversation across instances)

Revision ID: 0004_i17
Revises: 0004_ask_passages
Create Date: 2026-12-01 03:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_i17"
down_revision = "0004_ask_passages"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("person_identity") as batch:
        batch.add_column(
            sa.Column("confirmed", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    with op.batch_alter_table("body") as batch:
        batch.add_column(sa.Column("claim_code_hash", sa.String(length=64), nullable=True))
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("owner", sa.String(length=100), nullable=True))
    op.create_table(
        "sender_lease",
        sa.Column("name", sa.String(length=420), primary_key=True),
        sa.Column("owner", sa.String(length=100), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_sender_lease_owner", "sender_lease", ["owner"])
    # Links made before: confirmed where the person was created for the identity (the person
    # is not older than it) or an admin approved the link; a display-name link stays unconfirmed.
    op.execute(
        """
        UPDATE person_identity SET confirmed = TRUE
        WHERE person_id IS NOT NULL AND provider <> 'teams' AND (
            EXISTS (SELECT 1 FROM person p WHERE p.id = person_identity.person_id
                    AND p.created_at >= person_identity.created_at)
            OR EXISTS (SELECT 1 FROM link_request l WHERE l.identity_id = person_identity.id
                       AND l.person_id = person_identity.person_id AND l.status = 'approved'))
        """
    )


def downgrade() -> None:
    op.drop_index("ix_sender_lease_owner", table_name="sender_lease")
    op.drop_table("sender_lease")
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("owner")
    with op.batch_alter_table("body") as batch:
        batch.drop_column("claim_code_hash")
    with op.batch_alter_table("person_identity") as batch:
        batch.drop_column("confirmed")
