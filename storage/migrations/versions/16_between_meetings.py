"""between meetings: planned meetings, draft agendas, scheduled posts, answers on assignments

Revision ID: 16_between_meetings
Revises: 0003
Create Date: 2026-12-01 03:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "16_between_meetings"
down_revision = "0003"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "body_rhythm",
        sa.Column("body_id", sa.Integer(), nullable=False),
        sa.Column("kallelse_days", sa.Integer(), nullable=False),
        sa.Column("kallelse_mode", sa.String(length=20), nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.ForeignKeyConstraint(["body_id"], ["body.id"], name="fk_body_rhythm_body_id_body"),
        sa.PrimaryKeyConstraint("body_id", name="pk_body_rhythm"),
    )
    op.create_table(
        "planned_meeting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tenant_id", sa.String(length=64), nullable=False),
        sa.Column("body_id", sa.Integer(), nullable=False),
        sa.Column("starts_at", TS, nullable=False),
        sa.Column("ends_at", TS, nullable=True),
        sa.Column("place", sa.String(length=300), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("kallelse_sent_at", TS, nullable=True),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("created_by_person_id", sa.Integer(), nullable=True),
        sa.Column("created_at", TS, nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenant.id"], name="fk_planned_meeting_tenant_id_tenant"
        ),
        sa.ForeignKeyConstraint(["body_id"], ["body.id"], name="fk_planned_meeting_body_id_body"),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name="fk_planned_meeting_meeting_id_meeting"
        ),
        sa.ForeignKeyConstraint(
            ["created_by_person_id"],
            ["person.id"],
            name="fk_planned_meeting_created_by_person_id_person",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_planned_meeting"),
    )
    op.create_index("ix_planned_meeting_body_start", "planned_meeting", ["body_id", "starts_at"])
    op.create_table(
        "planned_agenda_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("planned_meeting_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("created_at", TS, nullable=False),
        sa.ForeignKeyConstraint(
            ["planned_meeting_id"],
            ["planned_meeting.id"],
            name="fk_planned_agenda_item_planned_meeting_id_planned_meeting",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name="fk_planned_agenda_item_person_id_person"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_planned_agenda_item"),
    )
    op.create_index(
        "ix_planned_agenda_item_planned_meeting_id", "planned_agenda_item", ["planned_meeting_id"]
    )
    op.create_table(
        "scheduled_post",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("tenant_id", sa.String(length=64), nullable=False),
        sa.Column("body_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("due_at", TS, nullable=False),
        sa.Column("deadline_at", TS, nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", TS, nullable=False),
        sa.Column("late", sa.Boolean(), nullable=False),
        sa.Column("planned_meeting_id", sa.Integer(), nullable=True),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("assignment_id", sa.Integer(), nullable=True),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("outbox_ids", sa.JSON(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("sent_at", TS, nullable=True),
        sa.Column("created_at", TS, nullable=False),
        sa.ForeignKeyConstraint(["body_id"], ["body.id"], name="fk_scheduled_post_body_id_body"),
        sa.ForeignKeyConstraint(
            ["planned_meeting_id"],
            ["planned_meeting.id"],
            name="fk_scheduled_post_planned_meeting_id_planned_meeting",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name="fk_scheduled_post_meeting_id_meeting"
        ),
        sa.ForeignKeyConstraint(
            ["assignment_id"], ["assignment.id"], name="fk_scheduled_post_assignment_id_assignment"
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name="fk_scheduled_post_person_id_person"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_scheduled_post"),
        sa.UniqueConstraint("key", name="uq_scheduled_post_key"),
    )
    op.create_index(
        "ix_scheduled_post_status_next", "scheduled_post", ["status", "next_attempt_at"]
    )
    op.create_index("ix_scheduled_post_body_id", "scheduled_post", ["body_id"])
    op.create_index("ix_scheduled_post_meeting_id", "scheduled_post", ["meeting_id"])
    op.create_index("ix_scheduled_post_assignment_id", "scheduled_post", ["assignment_id"])
    op.create_table(
        "assignment_note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assignment_id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("item_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("created_at", TS, nullable=False),
        sa.ForeignKeyConstraint(
            ["assignment_id"], ["assignment.id"], name="fk_assignment_note_assignment_id_assignment"
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name="fk_assignment_note_meeting_id_meeting"
        ),
        sa.ForeignKeyConstraint(["item_id"], ["item.id"], name="fk_assignment_note_item_id_item"),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name="fk_assignment_note_person_id_person"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_assignment_note"),
    )
    op.create_index("ix_assignment_note_assignment_id", "assignment_note", ["assignment_id"])
    op.create_index("ix_assignment_status_due", "assignment", ["status", "due_date"])
    op.create_index("ix_meeting_status", "meeting", ["status"])


def downgrade() -> None:
    op.drop_index("ix_meeting_status", table_name="meeting")
    op.drop_index("ix_assignment_status_due", table_name="assignment")
    op.drop_table("assignment_note")
    op.drop_table("scheduled_post")
    op.drop_table("planned_agenda_item")
    op.drop_table("planned_meeting")
    op.drop_table("body_rhythm")
