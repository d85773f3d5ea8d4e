"""console clock: the console resumes at the simulated time it was left at

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30 18:00:00
"""
import sqlalchemy as sa
from alembic import op

import bot.store.models

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('console_clock',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('now', bot.store.models.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )


def downgrade() -> None:
    op.drop_table('console_clock')
