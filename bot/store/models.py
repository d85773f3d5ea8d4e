"""Tables. The database is the schedule: what is due, sent, answered lives here, not in memory."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator):
    """Stores aware datetimes as naive UTC and returns them aware, identically on SQLite and PG."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; pass an aware UTC datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    pass


class PromptStatus:
    SCHEDULED = "scheduled"  # row exists, question not yet sent (or snoozed until due_at)
    SENT = "sent"  # question delivered (queued in the outbox), waiting for an answer
    ANSWERED = "answered"
    SKIPPED = "skipped"
    PAUSED = "paused"
    EXPIRED = "expired"  # the week ended without an answer
    CANCELLED = "cancelled"  # person left the roster or opted out

    OPEN = (SCHEDULED, SENT)


class OutboxStatus:
    PENDING = "pending"
    SENDING = "sending"  # claimed by a worker; may or may not have reached the platform
    SENT = "sent"
    FAILED = "failed"  # refused for good; reported, never retried
    # A private reply the adapter posted right away (a held notice), recorded so a later change
    # can edit it: never claimed by delivery; `sent_ts` is set once the adapter reports it.
    REPLIED = "replied"
    SUPERSEDED = "superseded"  # such a reply, since replaced by an update saying why


class Person(Base):
    __tablename__ = "people"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    roles: Mapped[str] = mapped_column(String(200), default="physician")  # ";"-separated
    specialty: Mapped[str] = mapped_column(String(100), default="")
    timezone: Mapped[str] = mapped_column(String(64))
    weekday: Mapped[int] = mapped_column(Integer)  # Monday = 0
    local_time: Mapped[str] = mapped_column(String(5))  # "HH:MM"
    slack_user_id: Mapped[str | None] = mapped_column(String(32), unique=True, nullable=True)
    slack_dm_channel: Mapped[str | None] = mapped_column(String(32), nullable=True)
    teams_user_id: Mapped[str | None] = mapped_column(String(64), unique=True, nullable=True)  # AAD object id
    active: Mapped[bool] = mapped_column(Boolean, default=True)  # False once off the roster
    opted_out_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    paused_until: Mapped[datetime | None] = mapped_column(Date, nullable=True)  # local date
    # The social-media policy: nothing else is sent until it is acknowledged (bot/policy.py).
    # `policy_round` grows on `rounds policy reset`, so each reset asks everyone once more.
    policy_acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    policy_round: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    @property
    def role_set(self) -> frozenset[str]:
        return frozenset(r for r in self.roles.split(";") if r)

    @property
    def is_physician(self) -> bool:
        return "physician" in self.role_set

    @property
    def receives_questions(self) -> bool:
        return self.active and self.is_physician and self.opted_out_at is None


class Question(Base):
    __tablename__ = "questions"
    __table_args__ = (UniqueConstraint("specialty", "text", name="uq_question_text"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    specialty: Mapped[str] = mapped_column(String(100), default="")  # "" = general
    text: Mapped[str] = mapped_column(Text)
    # What a post leads with: the question speaks to the physician ("your patients"), so posts
    # never quote it. Empty: the post's hook comes from the answer instead.
    public_topic: Mapped[str] = mapped_column(Text, default="", server_default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Prompt(Base):
    """One physician's question for one ISO week (their local week): the unit of 'sent once'."""

    __tablename__ = "prompts"
    __table_args__ = (UniqueConstraint("person_id", "week", name="uq_prompt_person_week"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    week: Mapped[str] = mapped_column(String(8))  # "2026-W48"
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id"))
    status: Mapped[str] = mapped_column(String(16), default=PromptStatus.SCHEDULED, index=True)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)  # local Monday 00:00 after the week
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    sends: Mapped[int] = mapped_column(Integer, default=0)  # 1 + snoozes re-sent
    nudged_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    person: Mapped[Person] = relationship()
    question: Mapped[Question] = relationship()


class ReviewStatus:
    PENDING = "pending"  # card posted (or queued) in the marketing channel
    AWAITING_SIGNOFF = "awaiting_signoff"  # edited substantially; the physician must OK it
    APPROVED = "approved"
    REJECTED = "rejected"
    SENT_BACK = "sent_back"  # the physician was asked to change something

    DECIDABLE = (PENDING,)


class AnswerStatus:
    HELD = "held"  # the guard found PHI: only the physician sees it until revised or overridden
    # No longer set: "It's fine" once made the physician's next message the reason; it opens a form
    # now. Rows left in this status (from before) count as HELD (`bot.review.held_notices.HOLDING`).
    AWAITING_REASON = "awaiting_reason"
    READY = "ready"  # screened (clean, advice warning, or overridden) and drafted: ready for approval


class Answer(Base):
    __tablename__ = "answers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    prompt_id: Mapped[int] = mapped_column(ForeignKey("prompts.id"), unique=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    text: Mapped[str] = mapped_column(Text, default="")
    # +1 whenever `text` changes: a card, button or form shows one version, and a decision is a
    # compare-and-set on (id, version), so nothing decided on an outdated card takes effect.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    status: Mapped[str] = mapped_column(String(20), default=AnswerStatus.HELD, index=True)
    verdict: Mapped[str] = mapped_column(String(8), default="")  # ok | warn | block
    findings: Mapped[str] = mapped_column(Text, default="[]")  # JSON: kind, start, end, reason (no text)
    advice_suggestion: Mapped[str] = mapped_column(Text, default="")
    override_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    overridden_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    screened_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # Review by marketing (see ReviewStatus); decisions are compare-and-set on review_status.
    review_status: Mapped[str | None] = mapped_column(String(20), nullable=True, index=True)
    review_round: Mapped[int] = mapped_column(Integer, default=0)  # one card per round
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    decided_by: Mapped[str | None] = mapped_column(String(200), nullable=True)  # name shown to others
    decision_note: Mapped[str | None] = mapped_column(Text, nullable=True)  # reject reason / what to change
    reminded_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    escalated_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    prompt: Mapped[Prompt] = relationship()
    parts: Mapped[list[AnswerPart]] = relationship(order_by="AnswerPart.id", back_populates="answer")


class AnswerPart(Base):
    """One chat message that is part of an answer; an edit of that message replaces its text."""

    __tablename__ = "answer_parts"
    __table_args__ = (UniqueConstraint("channel", "ts", name="uq_answer_part_message"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    answer_id: Mapped[int] = mapped_column(ForeignKey("answers.id"), index=True)
    channel: Mapped[str] = mapped_column(String(64))
    ts: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)

    answer: Mapped[Answer] = relationship(back_populates="parts")


class OutboxMessage(Base):
    """A message to send exactly once; written in the same transaction as the state it reports."""

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    platform: Mapped[str] = mapped_column(String(16))
    # "user" (a DM) | "channel" | "update" (edit a sent message: recipient is "channel ts")
    # | "reply" (a private reply the adapter posted itself: recipient is the user id)
    recipient_kind: Mapped[str] = mapped_column(String(8))
    recipient: Mapped[str] = mapped_column(String(500))  # a user or channel id, or a webhook URL
    payload: Mapped[str] = mapped_column(Text)  # OutgoingMessage JSON
    status: Mapped[str] = mapped_column(String(16), default=OutboxStatus.PENDING, index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    not_before: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    claimed_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    first_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_error: Mapped[str | None] = mapped_column(String(500), nullable=True)
    sent_channel: Mapped[str | None] = mapped_column(String(64), nullable=True)
    sent_ts: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class ProcessedEvent(Base):
    """Dedupe keys for inbound events (Slack event_id, channel+ts), so retries act once."""

    __tablename__ = "processed_events"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class ConsoleMessage(Base):
    """The console's 'workspace': messages the bot sent while running without a chat platform."""

    __tablename__ = "console_messages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    channel: Mapped[str] = mapped_column(String(320), index=True)
    ts: Mapped[str] = mapped_column(String(32), unique=True)
    key: Mapped[str] = mapped_column(String(200), default="", index=True)
    payload: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ConsoleClock(Base):
    """The console's simulated time, one row: reopening the console resumes exactly there, even
    after clock moves that left no message or audit row behind."""

    __tablename__ = "console_clock"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)  # always 1
    now: Mapped[datetime] = mapped_column(UTCDateTime)


class Draft(Base):
    """One channel's post for an answer, rendered from its template."""

    __tablename__ = "drafts"
    __table_args__ = (
        UniqueConstraint("answer_id", "channel", name="uq_draft_answer_channel"),
        UniqueConstraint("channel", "slot_at", name="uq_draft_channel_slot"),  # one post per slot
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    answer_id: Mapped[int] = mapped_column(ForeignKey("answers.id"), index=True)
    channel: Mapped[str] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(Text)
    length: Mapped[int] = mapped_column(Integer)
    limit: Mapped[int | None] = mapped_column(Integer, nullable=True)
    fits: Mapped[bool] = mapped_column(Boolean, default=True)
    problem: Mapped[str | None] = mapped_column(String(300), nullable=True)
    slot_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True, index=True)  # calendar
    edited: Mapped[bool] = mapped_column(Boolean, default=False)
    original_text: Mapped[str | None] = mapped_column(Text, nullable=True)  # as drafted, before edits
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class AuditEvent(Base):
    """Append-only record of who did what to an answer or draft, and when (HIPAA audit controls).

    `detail` is JSON and never holds flagged text: kinds and spans, not content.
    """

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    actor_person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), nullable=True)
    actor: Mapped[str] = mapped_column(String(200))  # a person's name, or "rounds" for the system
    subject: Mapped[str] = mapped_column(String(20))  # "answer" | "draft"
    subject_id: Mapped[int] = mapped_column(Integer, index=True)
    action: Mapped[str] = mapped_column(String(30))  # received, screened, held, overridden, drafted, …
    detail: Mapped[str] = mapped_column(Text, default="{}")


class DirectChannel(Base):
    """A person's direct-message conversation id per platform, so it is opened once, not per send.

    (Slack's conversations.open allows about 50 calls a minute: re-opening 10,000 DMs after a
    restart would take hours.)
    """

    __tablename__ = "direct_channels"

    platform: Mapped[str] = mapped_column(String(16), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(320), primary_key=True)
    channel: Mapped[str] = mapped_column(String(320))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class JobRun(Base):
    """One run of a periodic job for one period (e.g. the purge of 2026-12-01): claimed once.

    The unique (job, period) key is what keeps two replicas from purging twice, and a period
    without a finished row is what a restarted process catches up.
    """

    __tablename__ = "job_runs"

    job: Mapped[str] = mapped_column(String(64), primary_key=True)
    period: Mapped[str] = mapped_column(String(32), primary_key=True)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    outcome: Mapped[str] = mapped_column(String(200), default="")


class ConversationReference(Base):
    """Where a proactive message can go on a platform that needs one (Teams): kept from any activity.

    Teams lets a bot write only into conversations it has seen (the app installed for the person
    or in the team), so each conversation's service URL, tenant and ids are stored when it is
    seen. `unreachable_at` is set when the platform refuses for good (the person blocked the
    bot): Rounds stops sending there and reports it instead of retrying forever.
    """

    __tablename__ = "conversation_references"

    platform: Mapped[str] = mapped_column(String(16), primary_key=True)
    conversation_id: Mapped[str] = mapped_column(String(500), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # "personal" | "channel" | "groupChat"
    user_id: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)  # AAD id (personal)
    name: Mapped[str | None] = mapped_column(String(200), nullable=True)  # channel or team name
    tenant_id: Mapped[str] = mapped_column(String(64), default="")
    service_url: Mapped[str] = mapped_column(String(500))
    reference: Mapped[str] = mapped_column(Text)  # the platform's serialized reference (JSON)
    unreachable_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    unreachable_reason: Mapped[str | None] = mapped_column(String(200), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
