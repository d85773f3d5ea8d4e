"""Shared fixtures: a fresh database per test on SQLite and PostgreSQL, a recording chat, no network.

PostgreSQL tests use `ROUNDS_TEST_POSTGRES_URL` (default: the local server) and an isolated
schema per test. They are skipped when the server is unreachable, unless
`ROUNDS_REQUIRE_POSTGRES=1` (what `.ci/run` sets), in which case they fail.
"""

from __future__ import annotations

import itertools
import os
import socket
import uuid
from datetime import UTC, datetime

import pytest

from bot.chat import MessageRef, OutgoingMessage, PermanentSendError
from bot.config import config_from_mapping
from bot.services import build_services
from bot.store import Database, upgrade

POSTGRES_URL = os.environ.get(
    "ROUNDS_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
REQUIRE_POSTGRES = os.environ.get("ROUNDS_REQUIRE_POSTGRES") == "1"


# --- no network: tests may only talk to loopback ------------------------------------------

_real_connect = socket.socket.connect


def _loopback_only(self, address):
    host = address[0] if isinstance(address, tuple) else address
    if isinstance(host, str) and host not in ("127.0.0.1", "::1", "localhost") and not host.startswith("/"):
        raise RuntimeError(f"tests must not touch the network (tried to connect to {host!r})")
    return _real_connect(self, address)


@pytest.fixture(autouse=True, scope="session")
def _forbid_network():
    socket.socket.connect = _loopback_only
    yield
    socket.socket.connect = _real_connect


# --- databases ------------------------------------------------------------------------------


def _postgres_available() -> bool:
    import sqlalchemy

    try:
        engine = sqlalchemy.create_engine(POSTGRES_URL)
        with engine.connect():
            pass
        engine.dispose()
        return True
    except Exception:
        return False


@pytest.fixture(scope="session")
def postgres_available() -> bool:
    available = _postgres_available()
    if not available and REQUIRE_POSTGRES:
        pytest.fail(f"PostgreSQL is required (ROUNDS_REQUIRE_POSTGRES=1) but {POSTGRES_URL} is unreachable")
    return available


def make_postgres_schema_url() -> tuple[str, str]:
    """Create an empty schema and return (url whose search_path is that schema, schema name)."""
    import sqlalchemy

    schema = f"t_{uuid.uuid4().hex[:12]}"
    engine = sqlalchemy.create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    engine.dispose()
    separator = "&" if "?" in POSTGRES_URL else "?"
    return f"{POSTGRES_URL}{separator}options=-csearch_path%3D{schema}", schema


def drop_postgres_schema(schema: str) -> None:
    import sqlalchemy

    engine = sqlalchemy.create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request, tmp_path):
    """A migrated, empty database: once on SQLite, once on PostgreSQL."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'rounds.db'}"
        upgrade(url)
        yield url
        return
    yield from migrated_postgres_schema(request)


@pytest.fixture
def postgres_url(request):
    """A migrated, empty PostgreSQL schema, for tests that only make sense there."""
    yield from migrated_postgres_schema(request)


def migrated_postgres_schema(request):
    """Yield the URL of a fresh, migrated schema (skipped, or failed under CI, without a server)."""
    if not request.getfixturevalue("postgres_available"):
        pytest.skip(f"PostgreSQL not reachable at {POSTGRES_URL}")
    url, schema = make_postgres_schema_url()
    upgrade(url)
    try:
        yield url
    finally:
        drop_postgres_schema(schema)


@pytest.fixture
def db(database_url):
    database = Database(database_url)
    yield database
    database.dispose()


# --- a recording chat -------------------------------------------------------------------------


class RecordingChat:
    """An in-memory chat platform that records every call, for core tests."""

    def __init__(self, platform: str = "console"):
        self.platform = platform
        self.sent: list[tuple[str, OutgoingMessage, MessageRef]] = []
        self.updates: list[tuple[MessageRef, OutgoingMessage]] = []
        self.unknown_users: set[str] = set()
        self.emails: dict[str, str] = {}
        self._ts = itertools.count(1)

    def open_direct(self, user_id: str) -> str:
        if user_id in self.unknown_users:
            raise PermanentSendError(f"user_not_found: {user_id}")
        return f"D-{user_id}"

    def send(self, channel: str, message: OutgoingMessage) -> MessageRef:
        ref = MessageRef(channel, f"{next(self._ts)}.000100")
        self.sent.append((channel, message, ref))
        return ref

    def update(self, ref: MessageRef, message: OutgoingMessage) -> None:
        self.updates.append((ref, message))

    def find_sent(self, channel: str, key: str, since: datetime) -> MessageRef | None:
        for sent_channel, message, ref in self.sent:
            if sent_channel == channel and message.key == key:
                return ref
        return None

    def lookup_user_by_email(self, email: str) -> str | None:
        return self.emails.get(email.lower())

    def texts_to(self, user_id: str) -> list[str]:
        return [m.text for c, m, _ in self.sent if c == f"D-{user_id}"]


@pytest.fixture
def chat():
    return RecordingChat()


def make_config(database_url: str, **sections):
    raw = {"database": {"url": database_url}}
    raw.update(sections)
    return config_from_mapping(raw, env={})


@pytest.fixture
def services(database_url, chat):
    """Core services on a fresh database, with the recording chat as the console platform."""
    built = build_services(make_config(database_url), chats={"console": chat})
    yield built
    built.db.dispose()


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)
