"""inbox checks: days, duties, weekly rotation hand-overs

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30 12:10:00
"""
import sqlalchemy as sa
from alembic import op

import bot.store.models

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('inbox_days',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('rotation', sa.String(length=16), nullable=False),
    sa.Column('done_at', bot.store.models.UTCDateTime(), nullable=True),
    sa.Column('done_by_id', sa.Integer(), nullable=True),
    sa.Column('done_count', sa.Integer(), nullable=True),
    sa.Column('done_note', sa.Text(), nullable=True),
    sa.Column('escalated_at', bot.store.models.UTCDateTime(), nullable=True),
    sa.Column('created_at', bot.store.models.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['done_by_id'], ['people.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('day')
    )
    op.create_table('inbox_duties',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('day_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('next_send_at', bot.store.models.UTCDateTime(), nullable=True),
    sa.Column('sends', sa.Integer(), nullable=False),
    sa.Column('reminded_at', bot.store.models.UTCDateTime(), nullable=True),
    sa.Column('snoozed_at', bot.store.models.UTCDateTime(), nullable=True),
    sa.Column('help_requests', sa.Integer(), nullable=False),
    sa.Column('done_at', bot.store.models.UTCDateTime(), nullable=True),
    sa.Column('created_at', bot.store.models.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['day_id'], ['inbox_days.id'], ),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('person_id', 'day', name='uq_inbox_duty_person_day')
    )
    with op.batch_alter_table('inbox_duties', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_inbox_duties_day'), ['day'], unique=False)
        batch_op.create_index(batch_op.f('ix_inbox_duties_day_id'), ['day_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_inbox_duties_next_send_at'), ['next_send_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_inbox_duties_person_id'), ['person_id'], unique=False)

    op.create_table('inbox_week_overrides',
    sa.Column('week', sa.String(length=8), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('created_at', bot.store.models.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], ),
    sa.PrimaryKeyConstraint('week')
    )


def downgrade() -> None:
    op.drop_table('inbox_week_overrides')
    with op.batch_alter_table('inbox_duties', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_inbox_duties_person_id'))
        batch_op.drop_index(batch_op.f('ix_inbox_duties_next_send_at'))
        batch_op.drop_index(batch_op.f('ix_inbox_duties_day_id'))
        batch_op.drop_index(batch_op.f('ix_inbox_duties_day'))
    op.drop_table('inbox_duties')
    op.drop_table('inbox_days')
