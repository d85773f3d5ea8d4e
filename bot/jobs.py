"""Rounds' periodic jobs on a `schedule.Scheduler` of its own, with the database as the schedule.

The `schedule` library is only the ticker: it keeps jobs in memory, loses runs missed while the
process is down, and stops `run_pending` at the first exception. So:
- every job is wrapped by `guarded`: an exception is logged and the other jobs still run;
- what is due is decided from the database at each run, so a missed run is simply caught up
  by the next one (`run_due` catches up anything, the purge runs on the first check after its
  time of day when today's run is not recorded);
- a daily job claims its (job, day) row in `job_runs` (a unique key) before working, so two
  replicas never purge twice; a claim left unfinished by a crash is retaken after `STALE`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

import schedule
from sqlalchemy import update

from bot import weeks
from bot.outbox import insert_ignoring_duplicates
from bot.store import JobRun

logger = logging.getLogger(__name__)

RETENTION_JOB = "retention_purge"
CHECK_DAILY_SECONDS = 60
STALE = timedelta(hours=1)


def guarded(name: str, job: Callable[[], object]) -> Callable[[], None]:
    """Run `job`, logging (not raising) its exception, so one failure never stops the others."""

    def run() -> None:
        try:
            job()
        except Exception:
            logger.exception("periodic job %s failed; it runs again at its next time", name)

    run.__name__ = f"guarded_{name}"
    return run


def build_scheduler(services, jobs: dict[str, tuple[float, Callable[[], object]]] | None = None) -> schedule.Scheduler:
    """Rounds' scheduler: `run_due` every `[server] tick_seconds`, the daily purge check every minute.

    Args:
        services: the core `Services` (its `clock` gives "now" to every job).
        jobs: extra or replacement jobs, name → (every seconds, function); for tests and later features.
    """
    from bot.scheduler import run_due

    planned: dict[str, tuple[float, Callable[[], object]]] = {
        "tick": (services.config.server.tick_seconds, lambda: run_due(services, services.clock())),
        RETENTION_JOB: (CHECK_DAILY_SECONDS, lambda: run_daily_purge(services, services.clock())),
    }
    planned.update(jobs or {})
    scheduler = schedule.Scheduler()
    for name, (seconds, function) in planned.items():
        scheduler.every(seconds).seconds.do(guarded(name, function)).tag(name)
    return scheduler


def claim_daily(services, job: str, now: datetime) -> str | None:
    """Claim today's run of `job` (practice-local day); None if it ran or another process holds it."""
    day = weeks.local_date(now, services.config.practice.timezone).isoformat()
    with services.db.transaction() as session:
        if insert_ignoring_duplicates(session, JobRun, {"job": job, "period": day, "started_at": now,
                                                        "outcome": ""}):
            return day
        retaken = session.execute(
            update(JobRun).where(JobRun.job == job, JobRun.period == day, JobRun.finished_at.is_(None),
                                 JobRun.started_at < now - STALE)
            .values(started_at=now).returning(JobRun.job)
        ).first()
        return day if retaken else None


def finish_daily(services, job: str, day: str, now: datetime, outcome: str) -> None:
    with services.db.transaction() as session:
        session.execute(update(JobRun).where(JobRun.job == job, JobRun.period == day)
                        .values(finished_at=now, outcome=outcome[:200]))


def run_daily_purge(services, now: datetime) -> int | None:
    """The retention purge, once per practice day at/after `[retention] time`; returns answers purged.

    None when it is not due yet or already done today (here or in another replica).
    """
    from bot.retention import purge_answers

    retention = services.config.retention
    tz = services.config.practice.timezone
    due = weeks.local_instant(weeks.local_date(now, tz), retention.time, tz)
    if now < due:
        return None
    day = claim_daily(services, RETENTION_JOB, now)
    if day is None:
        return None
    report = purge_answers(services.db, retention.answer_days, now)
    finish_daily(services, RETENTION_JOB, day, now, f"purged {len(report.answer_ids)} answers")
    logger.info("retention purge for %s: %s answers older than %s days", day, len(report.answer_ids),
                retention.answer_days)
    return len(report.answer_ids)
