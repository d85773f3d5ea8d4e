"""Adaptive Card rendering: user text stays literal (TextRuns, JSON-escaped), long cards are
shortened for display under Teams' size limit, and action data round-trips to an ActionEvent."""

from __future__ import annotations

import json

from bot.chat import Button, Card, CardSection, MessageRef, OutgoingMessage
from bot.templating import Templates
from handlers.teams.render import MAX_CARD_BYTES, form_card, message_activity, message_card, parse_action_data


def test_user_text_is_literal_and_the_card_is_valid_json():
    text = 'He said "**bold**" <at>everyone</at> {{ 7*7 }} \\ & </script>'
    card = message_card(Templates(), OutgoingMessage(text=text, buttons=(Button("OK", "prompt.skip", "1"),)))
    [run] = [i for block in card["body"] if block["type"] == "RichTextBlock" for i in block["inlines"]
             if i["text"] == text]
    assert run["type"] == "TextRun"


def test_huge_cards_are_shortened_under_the_limit():
    sections = tuple(CardSection(f"Draft {n}", "word " * 20_000) for n in range(5))
    message = OutgoingMessage(text="Drafts", card=Card("Title", sections), buttons=(Button("Approve", "a", "1"),))
    activity = message_activity(Templates(), message)
    assert len(json.dumps(activity.attachments[0].content).encode()) <= MAX_CARD_BYTES
    assert activity.summary == "Title"


def test_plain_messages_are_plain_text():
    activity = message_activity(Templates(), OutgoingMessage(text="Thanks!"))
    assert activity.text == "Thanks!" and activity.text_format == "plain" and not activity.attachments


def test_form_data_round_trips():
    from bot.chat import Form, FormField

    form = Form("Send back", "Send back", "review.sendback.submit", "7", (FormField("reason", "Why?"),),
                message=MessageRef("19:c@thread.tacv2", "msg-3"))
    card = form_card(Templates(), form)
    data = {**card["actions"][0]["data"], "reason": "Shorter, please"}
    assert parse_action_data(data) == ("review.sendback.submit", "7", {"reason": "Shorter, please"},
                                       MessageRef("19:c@thread.tacv2", "msg-3"))
