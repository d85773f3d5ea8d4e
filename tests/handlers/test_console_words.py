"""The /rounds words in the console: `:rounds WORDS`, and the same words typed as a DM."""

from __future__ import annotations

import io

from bot.config import config_from_mapping
from bot.services import build_services
from bot.store import Person, Question
from handlers.console.run import run_console
from tests.conftest import utc


def test_console_rounds_words_and_dm_words(database_url):
    services = build_services(config_from_mapping({"database": {"url": database_url}}, env={}))
    created = utc(2026, 11, 1)
    with services.db.transaction() as session:
        session.add(Question(specialty="", text="What do patients ask most?", created_at=created))
        session.add(Person(email="lee@example.org", name="Dr. Ana Lee", roles="physician", specialty="",
                           timezone="America/New_York", weekday=1, local_time="09:00",
                           created_at=created, updated_at=created))
    script = "\n".join([":as Ana", ":rounds status", ":rounds dance", "settings time 08:30", ":rounds pause 2w",
                        ":quit"]) + "\n"
    output = io.StringIO()
    run_console(services, input=io.StringIO(script), output=output, clock_start=utc(2026, 11, 23, 14))
    text = output.getvalue()
    assert "questions on Tuesdays at 09:00 (America/New_York)" in text
    assert "Rounds words" in text  # unknown words: help
    assert "Tuesdays at 08:30" in text  # typed in the DM
    assert "Paused until Mon Dec 7" in text
    services.db.dispose()
