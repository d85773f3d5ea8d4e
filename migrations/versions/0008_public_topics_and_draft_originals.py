"""public topic lines for questions, the original text of each draft

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30 12:00:00

`questions.public_topic` is the patient-facing hook a post leads with (the question itself speaks
to the physician, so posts never quote it); starter-bank questions get theirs from the shipped
CSV. `drafts.original_text` keeps what Rounds drafted, so an edited post can be shown beside it.
"""
import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('questions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('public_topic', sa.Text(), nullable=False, server_default=''))
    with op.batch_alter_table('drafts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('original_text', sa.Text(), nullable=True))
    from bot.weekly.questions import starter_topics

    questions = sa.table('questions', sa.column('specialty', sa.String), sa.column('text', sa.Text),
                         sa.column('public_topic', sa.Text))
    for (specialty, text), topic in starter_topics().items():
        op.execute(questions.update()
                   .where(questions.c.specialty == specialty, questions.c.text == text,
                          questions.c.public_topic == '')
                   .values(public_topic=topic))


def downgrade() -> None:
    with op.batch_alter_table('drafts', schema=None) as batch_op:
        batch_op.drop_column('original_text')
    with op.batch_alter_table('questions', schema=None) as batch_op:
        batch_op.drop_column('public_topic')
