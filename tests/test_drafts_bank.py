"""Every starter-bank question × realistic answers × every shipped template: publishable as is.

No draft goes over a platform's hard limit, none holds an HTML tag or entity (people read them
in chat, CSV and Hootsuite), none quotes the physician-facing question, and each leads with the
question's public topic.
"""

from __future__ import annotations

import re

import pytest

from bot.config import config_from_mapping
from bot.review.drafts import post_hook, render_drafts
from bot.review.hashtags import BUILT_IN
from bot.review.limits import hard_problems, thread_parts
from bot.templating import Templates
from bot.weekly.questions import starter_rows

HTML = re.compile(r"<[a-zA-Z/][^>]*>|&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);")
SENTENCES = [
    "Most of the time it is nothing serious, but it is worth a call.",
    "Write down when it started and what makes it better or worse.",
    "Bring your medication list, including vitamins and supplements, to every visit.",
    "A short walk after meals helps more than most people expect.",
    "If you're unsure, call us; we'd rather see you early than late.",
    "Our guide at https://lakeside.example.org/guides/what-to-bring-to-your-first-visit has a checklist.",
    "Sleep, water and regular meals are not glamorous & they work.",
    "Don't be embarrassed to ask: we hear the same questions every day 🙂.",
]
ANSWERS = {
    "one sentence": SENTENCES[0],
    "typical": " ".join(SENTENCES[:4]),
    "long": " ".join(SENTENCES * 3),
    "very long": " ".join(SENTENCES * 12),  # ~5,000 characters
    "one run-on sentence": "People should know that " + "it really helps to ask questions early " * 40 + "on.",
}
CONFIG = config_from_mapping({"practice": {
    "names": ["Lakeside Family Health"], "phones": ["(555) 123-4567"],
    "urls": ["https://lakeside.example.org/book?ref=social&src=rounds"]}}, env={})
BANK = starter_rows()


def test_every_starter_question_has_a_public_topic_that_is_not_the_question():
    assert len(BANK) >= 100
    for row in BANK:
        topic = row["public_topic"].strip()
        assert topic and len(topic) <= 120, row
        assert topic != row["text"] and not re.search(r"\byou (?:wish|find|give|think|recommend|'d)\b", topic), row


@pytest.mark.parametrize("kind", sorted(ANSWERS))
def test_drafts_for_every_bank_question_stay_within_every_hard_limit(kind):
    answer = ANSWERS[kind]
    templates = Templates()
    for row in BANK:
        drafts = render_drafts(templates, CONFIG.practice, CONFIG.drafts, physician_name="Dr. Sofia Alvarez",
                               specialty=row["specialty"], public_topic=row["public_topic"], answer_text=answer,
                               week="2026-W49")
        assert {d.channel for d in drafts} == {"blog", "facebook", "instagram", "linkedin", "x"}
        for draft in drafts:
            where = (row["text"], kind, draft.channel)
            assert hard_problems(draft.channel, draft.text) == [], where
            assert not HTML.search(draft.text), where
            assert row["text"] not in draft.text, where
            assert draft.text.startswith(row["public_topic"]), where
            if draft.channel == "x":
                said = " ".join(re.sub(r" \(\d+/\d+\)$", "", p) for p in thread_parts("x", draft.text))
                assert " ".join(answer.split()) in " ".join(said.split()), where  # never truncated
            if draft.channel == "instagram":
                assert "link in our bio" in draft.text and "utm_source=instagram" not in draft.text, where
            if draft.channel != "blog":
                assert "#" in draft.text, where  # a new install's posts are not bare


def test_a_question_without_a_public_topic_leads_with_the_answers_first_sentence():
    answer = ANSWERS["typical"]
    assert post_hook("", answer) == (SENTENCES[0], answer.removeprefix(SENTENCES[0]).strip())
    assert post_hook("", "Only one sentence here.") == ("", "Only one sentence here.")
    drafts = render_drafts(Templates(), CONFIG.practice, CONFIG.drafts, physician_name="Dr. A B",
                           specialty="podiatry", public_topic="", answer_text=answer, week="2026-W49")
    for draft in drafts:
        assert draft.text.startswith(SENTENCES[0]), draft.channel
        assert draft.text.count(SENTENCES[0]) == 1, draft.channel  # said once, nothing lost


def test_built_in_hashtags_cover_every_specialty_in_the_bank():
    specialties = {row["specialty"] for row in BANK}
    assert specialties <= set(BUILT_IN)
    assert all(1 <= len(tags) <= 5 for tags in BUILT_IN.values())
