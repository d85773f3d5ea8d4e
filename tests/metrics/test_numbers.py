"""The digest's numbers against a scenario with known counts, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

from bot.metrics.chart import alt_text
from bot.metrics.digest import chart_data, digest_text
from bot.metrics.numbers import WEEK, period_numbers
from tests.conftest import make_config, utc
from tests.metrics import scenario


def test_numbers_and_changes_match_the_scenario(services):
    scenario.build(services)
    end = scenario.DIGEST_DUE
    with services.db.transaction() as session:
        current, previous = period_numbers(session, end - WEEK, end, config=services.config)
        data = chart_data(session, services.config, end)
    assert (current.questions_sent, current.answered, current.response_rate) == (2, 1, 0.5)
    assert (previous.questions_sent, previous.answered, previous.response_rate) == (2, 2, 1.0)
    assert (current.opted_out, current.paused) == (1, 1)
    assert (current.held, current.overridden, previous.held, previous.overridden) == (1, 1, 0, 0)
    assert (current.approved, current.rejected, current.sent_back) == (2, 0, 0)
    assert (previous.approved, previous.rejected) == (0, 1)
    assert current.median_approval == timedelta(hours=37)  # (2 h + 72 h) / 2
    assert current.slowest_approval == timedelta(hours=72)
    assert previous.median_approval is None
    assert (current.posts_next_week, previous.posts_next_week) == (2, 0)
    # [inbox] is off in this config: only recorded days count (Nov 25, never recorded, is not missed).
    assert (current.inbox_on_time, current.inbox_late, current.inbox_missed) == (2, 1, 1)
    assert (previous.inbox_on_time, previous.inbox_late, previous.inbox_missed) == (2, 1, 1)
    assert [(p.name, p.sent, p.answered) for p in current.physicians] == [("Dr. Bo Kim", 1, 0),
                                                                          ("Dr. Ana Lee", 1, 1)]
    assert data.sent == (0, 0, 0, 0, 0, 1, 2, 2)
    assert data.answered == (0, 0, 0, 0, 0, 1, 2, 1)
    assert data.approved == (0, 0, 0, 0, 0, 1, 0, 2)
    assert data.labels[-1] == "Nov 19" and len(data.labels) == 8
    assert data.inbox_on_time == (None,) * 6 + (2, 2)  # weeks before the first recorded day: not tracked
    assert data.inbox_days == (None,) * 6 + (4, 4)

    text = digest_text(current, previous, "America/New_York")
    for line in ("Questions sent: 2 (±0)", "Answered: 1 (−1), response rate 50% (−50 pts)",
                 "Dr. Bo Kim 0/1 · Dr. Ana Lee 1/1", "Not asked: 1 opted out, 1 paused",
                 "Held for PHI: 1 (+1); overridden: 1 (+1)",
                 "Drafts: approved: 2 (+2), rejected: 0 (−1), sent back: 0 (±0)",
                 "Time to approve: median 1d 13h, slowest 3d 0h", "Posts scheduled for next week: 2 (+2)",
                 "Inbox checks: on time: 2 (±0), late: 1 (±0), missed: 1 (±0)"):
        assert line in text, text
    alt = alt_text(data)
    assert "Inbox checks on time, of working days: Oct 1 not tracked" in alt
    assert "Nov 12 2 of 4, Nov 19 2 of 4." in alt


def test_inbox_numbers_count_unrecorded_working_days_and_wait_for_the_deadline(services, database_url):
    """With [inbox] on, a working day nobody was reminded on is missed; today's check counts after its deadline."""
    scenario.build(services)
    config = make_config(database_url, inbox={"accounts": [{"name": "Facebook", "url": "https://example.org/inbox"}]})
    end = scenario.DIGEST_DUE
    with services.db.transaction() as session:
        current, previous = period_numbers(session, end - WEEK, end, config=config)
        before_deadline = period_numbers(session, end - WEEK, end, config=config, now=utc(2026, 11, 26, 16, 59))[0]
        data = chart_data(session, config, end)
        untracked = period_numbers(session, utc(2026, 11, 2), utc(2026, 11, 9), config=config)
    assert (current.inbox_on_time, current.inbox_late, current.inbox_missed) == (2, 1, 2)  # + Nov 25
    assert (previous.inbox_on_time, previous.inbox_late, previous.inbox_missed) == (2, 1, 1)  # Nov 13 not tracked
    assert (before_deadline.inbox_on_time, before_deadline.inbox_late, before_deadline.inbox_missed) == (2, 1, 1)
    assert data.inbox_days == (None,) * 6 + (4, 5)
    assert all(numbers.inbox_on_time is None for numbers in untracked)


def test_digest_says_when_inbox_checks_are_not_tracked(services):
    end = scenario.DIGEST_DUE
    with services.db.transaction() as session:
        current, previous = period_numbers(session, end - WEEK, end, config=services.config)
        data = chart_data(session, services.config, end)
    assert current.inbox_on_time is None and data.inbox_on_time == (None,) * 8  # never a made-up zero
    assert "Inbox checks: not tracked yet" in digest_text(current, previous, "America/New_York")
    assert "Inbox" not in alt_text(data)
