"""search index: search_doc (+ FTS5 on SQLite, tsvector + GIN on PostgreSQL), vocabulary,
per-body counts, and the last question per conversation and speaker (for `fler`)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 08:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    postgres = bind.dialect.name == "postgresql"
    # Terms are compared byte-wise (prefix and suffix ranges), whatever the database collation.
    term_type = sa.String(length=64, collation="C") if postgres else sa.String(length=64)

    op.create_table(
        "search_doc",
        # Encodes meeting date, kind and entity (storage.search.doc_rowid): newest-first order
        # is id order. On SQLite it is the rowid, shared with the FTS5 table.
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            primary_key=True,
            autoincrement=False,
        ),
        sa.Column("doc_key", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("tenant_id", sa.String(length=64), nullable=False),
        sa.Column("body_id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=True),
        sa.Column("decision_id", sa.Integer(), nullable=True),
        sa.Column("meeting_date", sa.Date(), nullable=False),
        sa.Column("confidential", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_doc")),
        sa.UniqueConstraint("doc_key", name=op.f("uq_search_doc_doc_key")),
    )
    op.create_index("ix_search_doc_tenant_id_id", "search_doc", ["tenant_id", "id"])
    op.create_index("ix_search_doc_body_id_id", "search_doc", ["body_id", "id"])
    op.create_index("ix_search_doc_item_id", "search_doc", ["item_id"])
    op.create_index("ix_search_doc_meeting_id", "search_doc", ["meeting_id"])

    # The analyzed terms, apart from the slim rows that filtering and ranking read.
    op.create_table(
        "search_doc_terms",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            primary_key=True,
            autoincrement=False,
        ),
        sa.Column("terms", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_doc_terms")),
    )

    op.create_table(
        "search_term",
        sa.Column("tenant_id", sa.String(length=64), nullable=False),
        sa.Column("term", term_type, nullable=False),
        sa.Column("rev", term_type, nullable=False),
        sa.Column("df", sa.Integer(), nullable=False),
        sa.Column("sdf", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("tenant_id", "term", name=op.f("pk_search_term")),
    )
    # Covering indexes for the compound lookups (prefix and suffix ranges, then df).
    op.create_index(
        "ix_search_term_tenant_id_rev", "search_term", ["tenant_id", "rev", "term", "df"]
    )
    op.create_index("ix_search_term_tenant_id_term", "search_term", ["tenant_id", "term", "df"])

    op.create_table(
        "search_body_stats",
        sa.Column("body_id", sa.Integer(), nullable=False),
        sa.Column("tenant_id", sa.String(length=64), nullable=False),
        sa.Column("docs", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("body_id", name=op.f("pk_search_body_stats")),
    )

    op.create_table(
        "ask_state",
        sa.Column("tenant_id", sa.String(length=64), nullable=False),
        sa.Column("conversation_id", sa.String(length=400), nullable=False),
        sa.Column("speaker_key", sa.String(length=400), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("lang", sa.String(length=5), nullable=False),
        sa.Column("shown", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint(
            "tenant_id", "conversation_id", "speaker_key", name=op.f("pk_ask_state")
        ),
    )

    if postgres:
        op.execute("ALTER TABLE search_doc ADD COLUMN tsv tsvector NOT NULL")
        op.execute("CREATE INDEX ix_search_doc_tsv ON search_doc USING gin (tsv)")
    else:
        # Our analyzer makes the terms; FTS5 only splits them on spaces. remove_diacritics 0:
        # "för" and "for" stay apart (the folded copies have a column of their own).
        # scope holds a tenant token and a body token (storage.search.tenant_token,
        # body_token), so a scoped question is an intersection inside FTS5.
        op.execute(
            "CREATE VIRTUAL TABLE search_fts USING fts5(title, text, folded, scope, content='', "
            "detail='column', tokenize=\"unicode61 remove_diacritics 0\")"
        )

    # An existing record gets its index now.
    from storage.search import rebuild_all_sync

    rebuild_all_sync(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        op.execute("DROP TABLE IF EXISTS search_fts")
    op.drop_table("ask_state")
    op.drop_table("search_body_stats")
    op.drop_index("ix_search_term_tenant_id_term", table_name="search_term")
    op.drop_index("ix_search_term_tenant_id_rev", table_name="search_term")
    op.drop_table("search_term")
    op.drop_table("search_doc_terms")
    op.drop_index("ix_search_doc_meeting_id", table_name="search_doc")
    op.drop_index("ix_search_doc_item_id", table_name="search_doc")
    op.drop_index("ix_search_doc_body_id_id", table_name="search_doc")
    op.drop_index("ix_search_doc_tenant_id_id", table_name="search_doc")
    op.drop_table("search_doc")
