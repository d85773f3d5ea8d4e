"""Storage: SQLAlchemy 2 models and transactions (SQLite by default, PostgreSQL in production)."""

from bot.store.db import Database, upgrade
from bot.store.inbox import InboxDay, InboxDuty, InboxWeekOverride
from bot.store.models import (
    Answer,
    AnswerPart,
    AnswerStatus,
    AuditEvent,
    Base,
    ConsoleClock,
    ConsoleMessage,
    ConversationReference,
    DirectChannel,
    Draft,
    JobRun,
    OutboxMessage,
    OutboxStatus,
    Person,
    ProcessedEvent,
    Prompt,
    PromptStatus,
    Question,
    ReviewStatus,
)

__all__ = [
    "Answer", "AnswerPart", "AnswerStatus", "AuditEvent", "Base", "ConsoleClock", "ConsoleMessage",
    "ConversationReference",
    "Database", "DirectChannel",
    "Draft", "InboxDay", "InboxDuty", "InboxWeekOverride", "JobRun",
    "OutboxMessage", "OutboxStatus", "Person", "ProcessedEvent", "Prompt", "PromptStatus", "Question",
    "ReviewStatus", "upgrade",
]
