"""outbox: find a sent message by where it landed (card refreshes, forms shown in place of a card)

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30 13:00:00
"""
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_outbox_sent_ts', 'outbox', ['sent_ts'])


def downgrade() -> None:
    op.drop_index('ix_outbox_sent_ts', table_name='outbox')
