"""initial record

Revision ID: 0001
Revises: 
Create Date: 2026-11-22 07:09:07.331580
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    
    op.create_table('bot_state',
    sa.Column('key', sa.String(length=500), nullable=False),
    sa.Column('etag', sa.String(length=64), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_bot_state'))
    )
    op.create_table('conversation_ref',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.String(length=64), nullable=False),
    sa.Column('conversation_id', sa.String(length=400), nullable=False),
    sa.Column('conversation_type', sa.String(length=30), nullable=True),
    sa.Column('service_url', sa.String(length=500), nullable=False),
    sa.Column('team_id', sa.String(length=200), nullable=True),
    sa.Column('channel_id', sa.String(length=200), nullable=True),
    sa.Column('reference', sa.JSON(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_conversation_ref')),
    sa.UniqueConstraint('tenant_id', 'conversation_id', name=op.f('uq_conversation_ref_tenant_id_conversation_id'))
    )
    op.create_table('outbox',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.String(length=64), nullable=True),
    sa.Column('conversation_id', sa.String(length=400), nullable=False),
    sa.Column('source_activity_id', sa.String(length=200), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('service_url', sa.String(length=500), nullable=True),
    sa.Column('reply_to_id', sa.String(length=200), nullable=True),
    sa.Column('target_activity_id', sa.String(length=200), nullable=True),
    sa.Column('coalesce_key', sa.String(length=200), nullable=True),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('sent_activity_id', sa.String(length=200), nullable=True),
    sa.Column('sent_conversation_id', sa.String(length=400), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outbox'))
    )
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.create_index('ix_outbox_coalesce', ['coalesce_key', 'status'], unique=False)
        batch_op.create_index('ix_outbox_source', ['conversation_id', 'source_activity_id'], unique=False)
        batch_op.create_index('ix_outbox_status_next', ['status', 'next_attempt_at'], unique=False)

    op.create_table('processed_activity',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('conversation_id', sa.String(length=400), nullable=False),
    sa.Column('activity_id', sa.String(length=200), nullable=False),
    sa.Column('invoke_response', sa.JSON(), nullable=True),
    sa.Column('processed_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_processed_activity')),
    sa.UniqueConstraint('conversation_id', 'activity_id', name=op.f('uq_processed_activity_conversation_id_activity_id'))
    )
    op.create_table('tenant',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tenant'))
    )
    op.create_table('body',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('name_key', sa.String(length=300), nullable=False),
    sa.Column('short_name', sa.String(length=60), nullable=True),
    sa.Column('short_key', sa.String(length=60), nullable=True),
    sa.Column('numbering', sa.String(length=20), nullable=False),
    sa.Column('sharing', sa.String(length=20), nullable=False),
    sa.Column('form', sa.String(length=30), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_body_tenant_id_tenant')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_body')),
    sa.UniqueConstraint('tenant_id', 'name_key', name=op.f('uq_body_tenant_id_name_key'))
    )
    with op.batch_alter_table('body', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_body_short_key'), ['short_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_body_tenant_id'), ['tenant_id'], unique=False)

    op.create_table('person',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.String(length=64), nullable=False),
    sa.Column('display_name', sa.String(length=200), nullable=False),
    sa.Column('name_key', sa.String(length=200), nullable=False),
    sa.Column('organisation', sa.String(length=300), nullable=True),
    sa.Column('title', sa.String(length=300), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_person_tenant_id_tenant')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person'))
    )
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_name_key'), ['name_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_tenant_id'), ['tenant_id'], unique=False)

    op.create_table('audit_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.String(length=64), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor_person_id', sa.Integer(), nullable=True),
    sa.Column('actor_label', sa.String(length=300), nullable=True),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('action', sa.String(length=60), nullable=False),
    sa.Column('entity', sa.String(length=40), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=True),
    sa.Column('before', sa.JSON(), nullable=True),
    sa.Column('after', sa.JSON(), nullable=True),
    sa.Column('activity_id', sa.String(length=200), nullable=True),
    sa.ForeignKeyConstraint(['actor_person_id'], ['person.id'], name=op.f('fk_audit_event_actor_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_event'))
    )
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.create_index('ix_audit_entity', ['entity', 'entity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_event_tenant_id'), ['tenant_id'], unique=False)

    op.create_table('body_conversation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.String(length=64), nullable=False),
    sa.Column('body_id', sa.Integer(), nullable=False),
    sa.Column('conversation_id', sa.String(length=400), nullable=False),
    sa.Column('conversation_type', sa.String(length=30), nullable=True),
    sa.Column('team_id', sa.String(length=200), nullable=True),
    sa.Column('channel_id', sa.String(length=200), nullable=True),
    sa.Column('bound_by_person_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['body_id'], ['body.id'], name=op.f('fk_body_conversation_body_id_body')),
    sa.ForeignKeyConstraint(['bound_by_person_id'], ['person.id'], name=op.f('fk_body_conversation_bound_by_person_id_person')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_body_conversation_tenant_id_tenant')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_body_conversation')),
    sa.UniqueConstraint('tenant_id', 'conversation_id', name=op.f('uq_body_conversation_tenant_id_conversation_id'))
    )
    with op.batch_alter_table('body_conversation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_body_conversation_body_id'), ['body_id'], unique=False)

    op.create_table('meeting',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.String(length=64), nullable=False),
    sa.Column('body_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=True),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('start_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('end_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('place', sa.String(length=300), nullable=True),
    sa.Column('form', sa.String(length=30), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('conversation_id', sa.String(length=400), nullable=True),
    sa.Column('teams_meeting_id', sa.String(length=400), nullable=True),
    sa.Column('chair_person_id', sa.Integer(), nullable=True),
    sa.Column('secretary_person_id', sa.Integer(), nullable=True),
    sa.Column('current_item_id', sa.Integer(), nullable=True),
    sa.Column('justerat_on', sa.Date(), nullable=True),
    sa.Column('justering_how', sa.String(length=100), nullable=True),
    sa.Column('published_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('next_meeting_text', sa.String(length=300), nullable=True),
    sa.Column('next_meeting_date', sa.Date(), nullable=True),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('text', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['body_id'], ['body.id'], name=op.f('fk_meeting_body_id_body')),
    sa.ForeignKeyConstraint(['chair_person_id'], ['person.id'], name=op.f('fk_meeting_chair_person_id_person')),
    sa.ForeignKeyConstraint(['current_item_id'], ['item.id'], name='fk_meeting_current_item', use_alter=True),
    sa.ForeignKeyConstraint(['secretary_person_id'], ['person.id'], name=op.f('fk_meeting_secretary_person_id_person')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_meeting_tenant_id_tenant')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting'))
    )
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.create_index('ix_meeting_body_date', ['body_id', 'date'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_conversation_id'), ['conversation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_tenant_id'), ['tenant_id'], unique=False)

    op.create_table('membership',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('body_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=30), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=True),
    sa.Column('valid_to', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['body_id'], ['body.id'], name=op.f('fk_membership_body_id_body')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_membership_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_membership')),
    sa.UniqueConstraint('body_id', 'person_id', 'role', name=op.f('uq_membership_body_id_person_id_role'))
    )
    with op.batch_alter_table('membership', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_membership_body_id'), ['body_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_membership_person_id'), ['person_id'], unique=False)

    op.create_table('person_identity',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.String(length=64), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('provider', sa.String(length=20), nullable=False),
    sa.Column('subject', sa.String(length=300), nullable=False),
    sa.Column('home_tenant_id', sa.String(length=64), nullable=True),
    sa.Column('aad_object_id', sa.String(length=64), nullable=True),
    sa.Column('teams_user_id', sa.String(length=300), nullable=True),
    sa.Column('display_name', sa.String(length=200), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_person_identity_person_id_person')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_person_identity_tenant_id_tenant')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person_identity')),
    sa.UniqueConstraint('tenant_id', 'provider', 'subject', name=op.f('uq_person_identity_tenant_id_provider_subject'))
    )
    with op.batch_alter_table('person_identity', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_identity_person_id'), ['person_id'], unique=False)

    op.create_table('attendance',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('absence_kind', sa.String(length=20), nullable=True),
    sa.Column('role', sa.String(length=30), nullable=True),
    sa.Column('is_justerare', sa.Boolean(), nullable=False),
    sa.Column('substitute_for_person_id', sa.Integer(), nullable=True),
    sa.Column('partial_note', sa.String(length=200), nullable=True),
    sa.Column('joined_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('left_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('recorded_by_person_id', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_attendance_meeting_id_meeting')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_attendance_person_id_person')),
    sa.ForeignKeyConstraint(['recorded_by_person_id'], ['person.id'], name=op.f('fk_attendance_recorded_by_person_id_person')),
    sa.ForeignKeyConstraint(['substitute_for_person_id'], ['person.id'], name=op.f('fk_attendance_substitute_for_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attendance')),
    sa.UniqueConstraint('meeting_id', 'person_id', name=op.f('uq_attendance_meeting_id_person_id'))
    )
    with op.batch_alter_table('attendance', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attendance_meeting_id'), ['meeting_id'], unique=False)

    op.create_table('download_token',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('tenant_id', sa.String(length=64), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('public', sa.Boolean(), nullable=False),
    sa.Column('fmt', sa.String(length=10), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_download_token_meeting_id_meeting')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_download_token')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_download_token_token_hash'))
    )
    op.create_table('imported_file',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.String(length=64), nullable=False),
    sa.Column('body_id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=True),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('filename', sa.String(length=500), nullable=False),
    sa.Column('imported_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['body_id'], ['body.id'], name=op.f('fk_imported_file_body_id_body')),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_imported_file_meeting_id_meeting')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_imported_file_tenant_id_tenant')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_imported_file')),
    sa.UniqueConstraint('tenant_id', 'sha256', name=op.f('uq_imported_file_tenant_id_sha256'))
    )
    op.create_table('item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.String(length=64), nullable=False),
    sa.Column('body_id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=True),
    sa.Column('number_scope', sa.String(length=40), nullable=True),
    sa.Column('label', sa.String(length=20), nullable=True),
    sa.Column('is_paragraph', sa.Boolean(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('presenters', sa.String(length=500), nullable=True),
    sa.Column('text', sa.Text(), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('remit_to', sa.String(length=300), nullable=True),
    sa.Column('outcome', sa.Text(), nullable=True),
    sa.Column('confidential', sa.Boolean(), nullable=False),
    sa.Column('diarienummer', sa.String(length=100), nullable=True),
    sa.Column('created_by_person_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['body_id'], ['body.id'], name=op.f('fk_item_body_id_body')),
    sa.ForeignKeyConstraint(['created_by_person_id'], ['person.id'], name=op.f('fk_item_created_by_person_id_person')),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_item_meeting_id_meeting')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_item_tenant_id_tenant')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_item')),
    sa.UniqueConstraint('body_id', 'number_scope', 'number', name=op.f('uq_item_body_id_number_scope_number'))
    )
    with op.batch_alter_table('item', schema=None) as batch_op:
        batch_op.create_index('ix_item_meeting_position', ['meeting_id', 'position'], unique=False)

    op.create_table('link_request',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.String(length=64), nullable=False),
    sa.Column('body_id', sa.Integer(), nullable=False),
    sa.Column('identity_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('decided_by_person_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['body_id'], ['body.id'], name=op.f('fk_link_request_body_id_body')),
    sa.ForeignKeyConstraint(['decided_by_person_id'], ['person.id'], name=op.f('fk_link_request_decided_by_person_id_person')),
    sa.ForeignKeyConstraint(['identity_id'], ['person_identity.id'], name=op.f('fk_link_request_identity_id_person_identity')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_link_request_person_id_person')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_link_request_tenant_id_tenant')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_link_request'))
    )
    op.create_table('minutes_approval',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('verdict', sa.String(length=20), nullable=False),
    sa.Column('comment', sa.Text(), nullable=True),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_minutes_approval_meeting_id_meeting')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_minutes_approval_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_minutes_approval')),
    sa.UniqueConstraint('meeting_id', 'person_id', name=op.f('uq_minutes_approval_meeting_id_person_id'))
    )
    with op.batch_alter_table('minutes_approval', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_minutes_approval_meeting_id'), ['meeting_id'], unique=False)

    op.create_table('agenda_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['item_id'], ['item.id'], name=op.f('fk_agenda_entry_item_id_item')),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_agenda_entry_meeting_id_meeting')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agenda_entry')),
    sa.UniqueConstraint('meeting_id', 'position', name=op.f('uq_agenda_entry_meeting_id_position'))
    )
    with op.batch_alter_table('agenda_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agenda_entry_meeting_id'), ['meeting_id'], unique=False)

    op.create_table('correction',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=True),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('what', sa.Text(), nullable=False),
    sa.Column('why', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['item_id'], ['item.id'], name=op.f('fk_correction_item_id_item')),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_correction_meeting_id_meeting')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_correction_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_correction'))
    )
    with op.batch_alter_table('correction', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_correction_meeting_id'), ['meeting_id'], unique=False)

    op.create_table('decision',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.String(length=64), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('phrase', sa.String(length=300), nullable=True),
    sa.Column('clauses', sa.JSON(), nullable=False),
    sa.Column('text', sa.Text(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('superseded_by_id', sa.Integer(), nullable=True),
    sa.Column('reported_by_body', sa.String(length=300), nullable=True),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('source_activity_id', sa.String(length=200), nullable=True),
    sa.Column('recorded_by_person_id', sa.Integer(), nullable=True),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['item.id'], name=op.f('fk_decision_item_id_item')),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_decision_meeting_id_meeting')),
    sa.ForeignKeyConstraint(['recorded_by_person_id'], ['person.id'], name=op.f('fk_decision_recorded_by_person_id_person')),
    sa.ForeignKeyConstraint(['superseded_by_id'], ['decision.id'], name=op.f('fk_decision_superseded_by_id_decision')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_decision_tenant_id_tenant')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_decision'))
    )
    with op.batch_alter_table('decision', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_decision_item_id'), ['item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_decision_meeting_id'), ['meeting_id'], unique=False)

    op.create_table('item_attachment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=500), nullable=False),
    sa.Column('url', sa.String(length=2000), nullable=True),
    sa.ForeignKeyConstraint(['item_id'], ['item.id'], name=op.f('fk_item_attachment_item_id_item')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_item_attachment'))
    )
    with op.batch_alter_table('item_attachment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_item_attachment_item_id'), ['item_id'], unique=False)

    op.create_table('jav',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['item.id'], name=op.f('fk_jav_item_id_item')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_jav_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_jav')),
    sa.UniqueConstraint('item_id', 'person_id', name=op.f('uq_jav_item_id_person_id'))
    )
    with op.batch_alter_table('jav', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_jav_item_id'), ['item_id'], unique=False)

    op.create_table('assignment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.String(length=64), nullable=False),
    sa.Column('body_id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=True),
    sa.Column('item_id', sa.Integer(), nullable=True),
    sa.Column('decision_id', sa.Integer(), nullable=True),
    sa.Column('assignee_text', sa.String(length=300), nullable=True),
    sa.Column('assignee_person_id', sa.Integer(), nullable=True),
    sa.Column('what', sa.Text(), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('due_text', sa.String(length=200), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('done_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_by_person_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['assignee_person_id'], ['person.id'], name=op.f('fk_assignment_assignee_person_id_person')),
    sa.ForeignKeyConstraint(['body_id'], ['body.id'], name=op.f('fk_assignment_body_id_body')),
    sa.ForeignKeyConstraint(['created_by_person_id'], ['person.id'], name=op.f('fk_assignment_created_by_person_id_person')),
    sa.ForeignKeyConstraint(['decision_id'], ['decision.id'], name=op.f('fk_assignment_decision_id_decision')),
    sa.ForeignKeyConstraint(['item_id'], ['item.id'], name=op.f('fk_assignment_item_id_item')),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_assignment_meeting_id_meeting')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_assignment_tenant_id_tenant')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assignment'))
    )
    with op.batch_alter_table('assignment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assignment_body_id'), ['body_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_assignment_tenant_id'), ['tenant_id'], unique=False)

    op.create_table('decision_note',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('decision_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['decision_id'], ['decision.id'], name=op.f('fk_decision_note_decision_id_decision')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_decision_note_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_decision_note'))
    )
    with op.batch_alter_table('decision_note', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_decision_note_decision_id'), ['decision_id'], unique=False)

    


def downgrade() -> None:
    
    with op.batch_alter_table('decision_note', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_decision_note_decision_id'))

    op.drop_table('decision_note')
    with op.batch_alter_table('assignment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_assignment_tenant_id'))
        batch_op.drop_index(batch_op.f('ix_assignment_body_id'))

    op.drop_table('assignment')
    with op.batch_alter_table('jav', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_jav_item_id'))

    op.drop_table('jav')
    with op.batch_alter_table('item_attachment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_item_attachment_item_id'))

    op.drop_table('item_attachment')
    with op.batch_alter_table('decision', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_decision_meeting_id'))
        batch_op.drop_index(batch_op.f('ix_decision_item_id'))

    op.drop_table('decision')
    with op.batch_alter_table('correction', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_correction_meeting_id'))

    op.drop_table('correction')
    with op.batch_alter_table('agenda_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agenda_entry_meeting_id'))

    op.drop_table('agenda_entry')
    with op.batch_alter_table('minutes_approval', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_minutes_approval_meeting_id'))

    op.drop_table('minutes_approval')
    op.drop_table('link_request')
    with op.batch_alter_table('item', schema=None) as batch_op:
        batch_op.drop_index('ix_item_meeting_position')

    op.drop_table('item')
    op.drop_table('imported_file')
    op.drop_table('download_token')
    with op.batch_alter_table('attendance', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attendance_meeting_id'))

    op.drop_table('attendance')
    with op.batch_alter_table('person_identity', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_identity_person_id'))

    op.drop_table('person_identity')
    with op.batch_alter_table('membership', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_membership_person_id'))
        batch_op.drop_index(batch_op.f('ix_membership_body_id'))

    op.drop_table('membership')
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_tenant_id'))
        batch_op.drop_index(batch_op.f('ix_meeting_conversation_id'))
        batch_op.drop_index('ix_meeting_body_date')

    op.drop_table('meeting')
    with op.batch_alter_table('body_conversation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_body_conversation_body_id'))

    op.drop_table('body_conversation')
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_event_tenant_id'))
        batch_op.drop_index('ix_audit_entity')

    op.drop_table('audit_event')
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_tenant_id'))
        batch_op.drop_index(batch_op.f('ix_person_name_key'))

    op.drop_table('person')
    with op.batch_alter_table('body', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_body_tenant_id'))
        batch_op.drop_index(batch_op.f('ix_body_short_key'))

    op.drop_table('body')
    op.drop_table('tenant')
    op.drop_table('processed_activity')
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_index('ix_outbox_status_next')
        batch_op.drop_index('ix_outbox_source')
        batch_op.drop_index('ix_outbox_coalesce')

    op.drop_table('outbox')
    op.drop_table('conversation_ref')
    op.drop_table('bot_state')
    
