"""teams: conversation references, people.teams_user_id

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30
"""
import sqlalchemy as sa
from alembic import op

import bot.store.models

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('conversation_references',
    sa.Column('platform', sa.String(length=16), nullable=False),
    sa.Column('conversation_id', sa.String(length=500), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('user_id', sa.String(length=64), nullable=True),
    sa.Column('name', sa.String(length=200), nullable=True),
    sa.Column('tenant_id', sa.String(length=64), nullable=False),
    sa.Column('service_url', sa.String(length=500), nullable=False),
    sa.Column('reference', sa.Text(), nullable=False),
    sa.Column('unreachable_at', bot.store.models.UTCDateTime(), nullable=True),
    sa.Column('unreachable_reason', sa.String(length=200), nullable=True),
    sa.Column('created_at', bot.store.models.UTCDateTime(), nullable=False),
    sa.Column('updated_at', bot.store.models.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('platform', 'conversation_id')
    )
    with op.batch_alter_table('conversation_references', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_conversation_references_user_id'), ['user_id'], unique=False)
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.add_column(sa.Column('teams_user_id', sa.String(length=64), nullable=True))
        batch_op.create_unique_constraint('uq_people_teams_user_id', ['teams_user_id'])


def downgrade() -> None:
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.drop_constraint('uq_people_teams_user_id', type_='unique')
        batch_op.drop_column('teams_user_id')
    with op.batch_alter_table('conversation_references', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_conversation_references_user_id'))
    op.drop_table('conversation_references')
