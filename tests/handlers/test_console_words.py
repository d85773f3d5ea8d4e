"""The /rounds words in the console: `:rounds WORDS`, and the same words typed as a DM; pictures as alt text."""

from __future__ import annotations

from tests.conftest import utc
from tests.handlers.test_console import add_person, console_services, drive, seed_questions  # noqa: F401


def test_console_rounds_words_and_dm_words(console_services):  # noqa: F811 (the fixture)
    add_person(console_services.db, "lee@example.org", "Dr. Ana Lee")
    seed_questions(console_services.db, "What do patients ask most?")
    text = drive(console_services, ":as Ana", ":rounds status", ":rounds dance", "settings time 08:30",
                 ":rounds pause 2w", start=utc(2026, 11, 23, 14))
    assert "questions on Tuesdays at 09:00 (America/New_York)" in text
    assert "Rounds words" in text  # unknown words: help
    assert "Tuesdays at 08:30" in text  # typed in the DM
    assert "Paused until Mon Dec 7" in text


def test_a_picture_is_shown_as_its_alt_text():
    from bot.chat import Image, OutgoingMessage
    from handlers.console.render import render_message

    chart = Image("rounds.png", "Rounds: last 8 weeks", "Weekly chart, oldest first. Nov 23: 2 sent.", "iVBORw0=")
    shown = render_message(3, "Rounds", OutgoingMessage(text="The last 8 weeks", image=chart))
    assert shown.splitlines()[1:] == ["    The last 8 weeks",
                                      "    [picture: Weekly chart, oldest first. Nov 23: 2 sent.]"]
