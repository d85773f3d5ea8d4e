"""Engine and transactions. One short transaction per unit of work; no global session."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker


def make_engine(url: str) -> Engine:
    """Create the engine; SQLite gets WAL, a busy timeout and BEGIN IMMEDIATE.

    BEGIN IMMEDIATE takes SQLite's write lock when a transaction starts, which is what
    `FOR UPDATE SKIP LOCKED` gives us on PostgreSQL: two processes never claim the same row.
    """
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_connection, _record):
            dbapi_connection.isolation_level = None  # let us emit BEGIN ourselves
            cursor = dbapi_connection.cursor()
            if ":memory:" not in url and url != "sqlite://":
                cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _on_begin(connection):
            connection.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    return create_engine(url, pool_size=20, max_overflow=20, pool_pre_ping=True)


class FairLock:
    """A lock handed to waiting threads in the order they asked for it.

    SQLite has one writer at a time, and its busy handler lets a thread that commits and
    begins again at once win over one that is sleeping between retries. During a fan-out the
    thread queueing 10,000 questions kept the delivery thread from recording results for
    seconds, so sending stalled. Taking turns in arrival order inside the process fixes that.
    A thread that already holds the lock passes straight through (nested use behaves as before).
    """

    def __init__(self):
        self._condition = threading.Condition(threading.Lock())
        self._next_ticket = 0
        self._serving = 0
        self._owner: int | None = None
        self._depth = 0

    def __enter__(self) -> None:
        me = threading.get_ident()
        with self._condition:
            if self._owner == me:
                self._depth += 1
                return
            ticket = self._next_ticket
            self._next_ticket += 1
            while ticket != self._serving:
                self._condition.wait()
            self._owner, self._depth = me, 1

    def __exit__(self, *exc_info) -> None:
        with self._condition:
            self._depth -= 1
            if self._depth:
                return
            self._owner = None
            self._serving += 1
            self._condition.notify_all()


class Database:
    """The engine plus a session factory; built once in `build_services` and passed around."""

    def __init__(self, url: str):
        self.url = url
        self.engine = make_engine(url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        # Every SQLite transaction writes under BEGIN IMMEDIATE: threads take turns fairly.
        self._turns = FairLock() if url.startswith("sqlite") else None

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work commits on success and rolls back on any exception."""
        with self._turns or nullcontext(), self._sessions() as session, session.begin():
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


def migrations_dir() -> Path:
    """Alembic scripts: the repository's `migrations/`, or the copy shipped in the wheel."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here.parent / "migrations", here / "_migrations"):
        if (candidate / "env.py").is_file():
            return candidate
    raise FileNotFoundError("Rounds' migrations folder is missing from this installation")


_REVISION = re.compile(r"^(down_revision|revision)\s*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)


def head_revision() -> str | None:
    """The newest migration, read from the scripts' `revision` / `down_revision` lines (the one
    no other script builds on); None if that is not a single linear head."""
    revisions, parents = set(), set()
    for script in (migrations_dir() / "versions").glob("*.py"):
        for key, value in _REVISION.findall(script.read_text("utf-8")):
            (revisions if key == "revision" else parents).add(value)
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def at_head(url: str) -> bool:
    """Whether the database already carries the newest migration: then every command can skip
    loading alembic, which costs about a second at each start."""
    head = head_revision()
    if head is None:
        return False
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            versions = connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    except DBAPIError:  # no such table yet (a new database), or it cannot be read: let alembic decide
        return False
    finally:
        engine.dispose()
    return versions == [head]


def upgrade(url: str, revision: str = "head") -> None:
    """Apply migrations up to `revision` (what `rounds db upgrade` and start-up run)."""
    if revision == "head" and at_head(url):
        return
    from alembic import command
    from alembic.config import Config as AlembicConfig

    config = AlembicConfig()
    config.set_main_option("script_location", str(migrations_dir()))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    config.attributes["configure_logger"] = False
    command.upgrade(config, revision)
