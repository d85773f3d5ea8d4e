"""The store's transactions: SQLite writers take turns in the order they asked."""

from __future__ import annotations

import threading
import time

from bot.store import Database, Question, upgrade
from bot.store.db import FairLock
from tests.conftest import utc

NOW = utc(2026, 11, 23)


def test_fair_lock_serves_waiters_in_arrival_order():
    lock, order, started = FairLock(), [], []

    def waiter(name: str) -> None:
        started.append(name)
        with lock:
            order.append(name)

    with lock:
        threads = []
        for name in "abcde":
            thread = threading.Thread(target=waiter, args=(name,))
            thread.start()
            threads.append(thread)
            while len(started) < len(threads) or not _waiting(lock, len(threads)):
                time.sleep(0.001)  # each waiter has its ticket before the next one starts
    for thread in threads:
        thread.join(5)
    assert order == list("abcde")


def _compute(seconds: float) -> None:
    until = time.perf_counter() + seconds
    while time.perf_counter() < until:
        pass


def _waiting(lock: FairLock, count: int) -> bool:
    with lock._condition:
        return lock._next_ticket == count + 1


def test_fair_lock_lets_its_holder_back_in():
    lock = FairLock()
    with lock, lock:
        pass
    with lock:  # released fully: another turn is possible
        pass


def test_a_thread_writing_in_a_loop_does_not_starve_another(tmp_path):
    """The fan-out stall: the thread queueing questions commits batch after batch, and the
    delivery thread, which also needs to write, waited seconds for a gap between them."""
    url = f"sqlite:///{tmp_path / 'fair.db'}"
    upgrade(url)
    db = Database(url)
    stop, batches, waits = threading.Event(), [0], []

    def queueing() -> None:
        while not stop.is_set():
            with db.transaction() as session:
                batches[0] += 1
                session.add(Question(specialty="q", text=f"q{batches[0]}", active=True, created_at=NOW))
                session.flush()  # holds SQLite's write lock from here to the commit
                _compute(0.1)  # a batch of work done holding the write lock (and the GIL)

    thread = threading.Thread(target=queueing)
    thread.start()
    try:
        time.sleep(0.2)
        for index in range(5):
            asked = time.monotonic()
            with db.transaction() as session:
                session.add(Question(specialty="d", text=f"d{index}", active=True, created_at=NOW))
            waits.append(time.monotonic() - asked)
    finally:
        stop.set()
        thread.join(10)
        db.dispose()
    # Taking turns, each write waits for at most one batch (0.1 s); without, up to many seconds.
    assert max(waits) < 1.0, waits
    assert batches[0] >= 3, "the queueing thread kept writing meanwhile"


def test_head_revision_is_alembics_head():
    from alembic.config import Config as AlembicConfig
    from alembic.script import ScriptDirectory

    from bot.store.db import head_revision, migrations_dir

    config = AlembicConfig()
    config.set_main_option("script_location", str(migrations_dir()))
    assert head_revision() == ScriptDirectory.from_config(config).get_current_head()


def test_a_database_already_migrated_starts_without_loading_alembic(tmp_path):
    """Every CLI command migrates first; once the database is current that costs no alembic import."""
    import subprocess
    import sys

    url = f"sqlite:///{tmp_path / 'current.db'}"
    probe = ("import sys; from bot.store import upgrade; upgrade(sys.argv[1]); "
             "print('alembic' in sys.modules)")
    first = subprocess.run([sys.executable, "-c", probe, url], capture_output=True, text=True, check=True)
    again = subprocess.run([sys.executable, "-c", probe, url], capture_output=True, text=True, check=True)
    assert (first.stdout.strip(), again.stdout.strip()) == ("True", "False")
