"""Every reply template is a safe starting point: the whole text screens clean as a public reply."""

from __future__ import annotations

import pytest

from bot.inbox.replies import ORDER, all_replies
from bot.screening import Screener
from tests.inbox.conftest import inbox_services

OTHER_PRACTICE = {
    "names": ["Riverbend Family Health"],
    "phones": ["(312) 555-0142"],
    "urls": ["https://riverbend.example.org/"],
}


def _found(verdict, text: str) -> list[tuple[str, str]]:
    return [(f.kind, text[f.start : f.end]) for f in verdict.findings]


@pytest.mark.parametrize("practice", [None, OTHER_PRACTICE], ids=["default", "other-practice"])
def test_every_reply_template_screens_clean_as_a_reply(database_url, practice):
    services = inbox_services(database_url, practice=practice)
    try:
        with services.db.transaction() as session:
            screener = services.screeners.get(session)
        replies = all_replies(services)
        assert [reply.kind for reply in replies] == list(ORDER)
        phone = services.config.practice.phones[0]
        bare = Screener()  # no allow-list: the sentences themselves must be clean, not just the phone allowed
        for reply in replies:
            assert phone in reply.text
            verdict = screener.screen(reply.text, purpose="reply")
            assert verdict.verdict == "ok" and not verdict.findings, (reply.kind, _found(verdict, reply.text))
            sentences = reply.text.replace(phone, "our main number")
            verdict = bare.screen(sentences, purpose="reply")
            assert not verdict.findings, (reply.kind, _found(verdict, sentences))
            # The same screen still catches advice added to the template.
            advised = f"{reply.text} You should stop taking it and rest."
            assert "advice" in {f.kind for f in screener.screen(advised, purpose="reply").findings}, reply.kind
    finally:
        services.db.dispose()
