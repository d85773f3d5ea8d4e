"""The digest's numbers against a scenario with known counts, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

from bot.metrics.digest import chart_data, digest_text
from bot.metrics.numbers import WEEK, period_numbers
from tests.metrics import scenario


def test_numbers_and_changes_match_the_scenario(services):
    scenario.build(services)
    end = scenario.DIGEST_DUE
    with services.db.transaction() as session:
        current, previous = period_numbers(session, end - WEEK, end)
        data = chart_data(session, end, "America/New_York")
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
    assert current.inbox_on_time is None  # not tracked: never a made-up zero
    assert [(p.name, p.sent, p.answered) for p in current.physicians] == [("Dr. Bo Kim", 1, 0),
                                                                          ("Dr. Ana Lee", 1, 1)]
    assert data.sent == (0, 0, 0, 0, 0, 1, 2, 2)
    assert data.answered == (0, 0, 0, 0, 0, 1, 2, 1)
    assert data.approved == (0, 0, 0, 0, 0, 1, 0, 2)
    assert data.labels[-1] == "Nov 19" and len(data.labels) == 8

    text = digest_text(current, previous, "America/New_York")
    for line in ("Questions sent: 2 (±0)", "Answered: 1 (−1), response rate 50% (−50 pts)",
                 "Dr. Bo Kim 0/1 · Dr. Ana Lee 1/1", "Not asked: 1 opted out, 1 paused",
                 "Held for PHI: 1 (+1); overridden: 1 (+1)",
                 "Drafts: approved: 2 (+2), rejected: 0 (−1), sent back: 0 (±0)",
                 "Time to approve: median 1d 13h, slowest 3d 0h", "Posts scheduled for next week: 2 (+2)",
                 "Inbox checks: not tracked yet"):
        assert line in text, text
