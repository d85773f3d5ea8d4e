"""policy acknowledgements and job runs (issue 14)

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30 12:00:00
"""
import sqlalchemy as sa
from alembic import op

import bot.store.models

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.add_column(sa.Column('policy_acknowledged_at', bot.store.models.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column('policy_round', sa.Integer(), server_default='0', nullable=False))
    op.create_table('job_runs',
    sa.Column('job', sa.String(length=64), nullable=False),
    sa.Column('period', sa.String(length=32), nullable=False),
    sa.Column('started_at', bot.store.models.UTCDateTime(), nullable=False),
    sa.Column('finished_at', bot.store.models.UTCDateTime(), nullable=True),
    sa.Column('outcome', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('job', 'period')
    )


def downgrade() -> None:
    op.drop_table('job_runs')
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.drop_column('policy_round')
        batch_op.drop_column('policy_acknowledged_at')
