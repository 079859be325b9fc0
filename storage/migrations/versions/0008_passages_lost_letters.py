"""passages of minutes that lost letters (U+FFFD where å, ä, ö stood) are written anew: such a
letter now stays inside its word ("�rsm�tet"), where it split the word in two before, so the
word is found by its readable spelling

Revision ID: 0008_passages_lost_letters
Revises: 0007_meeting_date_stated
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_passages_lost_letters"
down_revision = "0007_meeting_date_stated"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from storage.passages import rebuild_meetings

    bind = op.get_bind()
    # Only the meetings whose passages hold the replacement character; the rest are unchanged.
    ids = list(
        bind.execute(
            sa.text("SELECT DISTINCT meeting_id FROM ask_passage WHERE text LIKE :lost"),
            {"lost": "%\ufffd%"},
        ).scalars()
    )
    if ids:
        rebuild_meetings(bind, ids)


def downgrade() -> None:
    """The passages stay as written: the earlier analyzer reads them as it did."""
