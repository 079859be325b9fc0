"""the question terms' postings are read from one covering index (tenant, term, passage):
document frequencies and postings lists come from the index alone, without the table

Revision ID: 0006_ask_term_postings
Revises: 0005_ask_vec_block
"""

from __future__ import annotations

from alembic import op

revision = "0006_ask_term_postings"
down_revision = "0005_ask_vec_block"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_ask_passage_term_postings", "ask_passage_term", ["tenant_id", "term", "passage_id"]
    )
    # Its (tenant, term) prefix is the new index's.
    op.drop_index("ix_ask_passage_term_tenant_term", table_name="ask_passage_term")


def downgrade() -> None:
    op.create_index("ix_ask_passage_term_tenant_term", "ask_passage_term", ["tenant_id", "term"])
    op.drop_index("ix_ask_passage_term_postings", table_name="ask_passage_term")
