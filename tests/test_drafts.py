"""Drafts: channel templates, limits, trimming that never mangles, overrides, start-up validation."""

from __future__ import annotations

import io
import re
from datetime import timedelta

import pytest

from bot.config import config_from_mapping
from bot.review.drafts import (
    CHANNEL_LIMITS,
    Draft,
    physician_slug,
    render_drafts,
    show_drafts,
    tracked_link,
    validate_post_templates,
)
from bot.review.post_text import doctor_name, find_urls, sentence_prefixes, x_length
from bot.store import Answer, Person, Prompt, PromptStatus, Question
from bot.templating import TemplateError, Templates
from tests.conftest import utc

CTA = ("This is general information, not medical advice. "
       "Call Lakeside Heart at (555) 123-4567 to make an appointment.")
QUESTION = "What should patients know about home blood pressure cuffs?"
TYPICAL = (
    "Most home cuffs are accurate if they fit your arm. Sit quietly for five minutes first, "
    "feet flat, arm at heart level. Take two readings a minute apart and write both down. "
    "Bring the cuff to your next visit so we can check it against ours."
)


def practice_config(**drafts):
    raw = {
        "practice": {
            "names": ["Lakeside Heart", "Lakeside Health System"],
            "phones": ["(555) 123-4567", "(555) 987-6543"],
            "urls": ["https://lakeside.example.org/heart?ref=rounds", "https://other.example.org/"],
            "hashtags": {"Cardiology": ["#HeartHealth", "BloodPressure"], "default": ["#Health"]},
        },
    }
    if drafts:
        raw["drafts"] = drafts
    return config_from_mapping(raw, env={})


def drafts_for(answer: str, templates: Templates | None = None, config=None,
               specialty: str = "Cardiology", name: str = "Dr. Priya Patel") -> dict[str, Draft]:
    config = config or practice_config()
    rendered = render_drafts(
        templates or Templates(), config.practice, config.drafts,
        physician_name=name, specialty=specialty, question=QUESTION,
        answer_text=answer, week="2026-W48",
    )
    return {draft.channel: draft for draft in rendered}


def answer_part(draft: Draft, answer: str) -> str:
    """The part of a .txt draft that came from the answer (first line of it up to the CTA)."""
    first_words = " ".join(answer.split()[:3])
    start = draft.text.index(first_words)
    return draft.text[start:draft.text.index("This is general information")].strip()


# --- the packaged channels ------------------------------------------------------------------


def test_packaged_channels_and_limits():
    drafts = drafts_for(TYPICAL)
    assert set(drafts) == {"blog", "facebook", "instagram", "linkedin", "x"}
    assert {c: d.limit for c, d in drafts.items()} == {
        "blog": None, "facebook": 1000, "instagram": 2200, "linkedin": 3000, "x": 280}
    assert CHANNEL_LIMITS["x"] == 280


def test_typical_answer_fits_every_channel_with_credit_cta_link_and_hashtags():
    drafts = drafts_for(TYPICAL)
    for channel, draft in drafts.items():
        assert draft.fits and draft.problem is None, channel
        assert draft.limit is None or draft.length <= draft.limit, channel
        assert re.search(r"(?i)patients often ask Dr\. Priya Patel|^Dr\. Priya Patel \(Cardiology\):",
                         draft.text), channel
        assert "Cardiology" in draft.text
        link = tracked_link("https://lakeside.example.org/heart?ref=rounds", channel, "2026-W48",
                            "priya-patel")
        expected_link = link.replace("&", "&amp;") if channel == "blog" else link
        assert expected_link in draft.text, channel
        assert CTA in draft.text, channel
        assert draft.text.index(CTA) < draft.text.index(expected_link), channel
    for channel in ("instagram", "linkedin"):
        assert TYPICAL in drafts[channel].text and QUESTION in drafts[channel].text
        assert not drafts[channel].trimmed
    for channel in ("facebook", "instagram", "linkedin"):
        assert drafts[channel].text.endswith("#HeartHealth #BloodPressure")
    assert drafts["x"].text.endswith("#HeartHealth #BloodPressure")
    assert "#" not in drafts["blog"].text.replace("&#", "")
    assert TYPICAL in drafts["blog"].text


def test_first_practice_name_phone_and_url_are_used():
    drafts = drafts_for(TYPICAL)
    for draft in drafts.values():
        assert "Lakeside Heart at (555) 123-4567" in draft.text
        assert "Lakeside Health System" not in draft.text
        assert "987-6543" not in draft.text
        assert "other.example.org" not in draft.text


def test_hashtags_fall_back_to_default_and_specialty_can_be_empty():
    assert drafts_for(TYPICAL, specialty="cardiology")["linkedin"].text.endswith(
        "#HeartHealth #BloodPressure")
    assert drafts_for(TYPICAL, specialty="Dermatology")["facebook"].text.endswith("#Health")
    drafts = drafts_for(TYPICAL, specialty="")
    assert "()" not in drafts["x"].text and ", :" not in drafts["facebook"].text
    assert drafts["instagram"].text.endswith("#Health")


def test_facebook_soft_limit_comes_from_config():
    drafts = drafts_for(TYPICAL, config=practice_config(facebook_soft_limit=2000))
    assert drafts["facebook"].limit == 2000 and TYPICAL in drafts["facebook"].text


# --- lengths, trimming, never mangling ------------------------------------------------------


def test_x_counts_every_url_as_23():
    long_url = "https://www.heart.org/en/health-topics/high-blood-pressure/understanding-" + "x" * 150
    answer = f"Our favourite guide is {long_url} and it is free."
    draft = drafts_for(answer)["x"]
    assert draft.fits, draft.problem
    assert long_url in draft.text  # whole
    assert draft.length == x_length(draft.text) <= 280
    assert len(draft.text) > 280  # by plain characters it would not have fitted
    assert x_length(f"see {long_url}.") == len("see ") + 23 + 1
    assert x_length("read cdc.gov today") == len("read ") + 23 + len(" today")
    assert x_length("é") == 1 and x_length("😀") == 2


def test_long_answer_is_trimmed_at_a_sentence_end_never_mid_word_or_url():
    url = "https://lakeside.example.org/guides/blood-pressure-at-home?lang=en"
    answer = (f"Home readings matter more than office ones. Dr. Smith's team uses {url} daily. "
              + " ".join(f"Sentence number {i} explains one more useful detail." for i in range(40)))
    drafts = drafts_for(answer)
    for channel in ("x", "facebook", "instagram"):
        draft = drafts[channel]
        assert draft.fits and draft.trimmed, channel
        assert draft.length <= draft.limit
        kept = answer_part(draft, answer)
        assert kept.endswith(" …"), channel
        body = kept.removesuffix(" …")
        assert answer.startswith(body) and body.endswith("."), channel
        assert CTA in draft.text
        link = tracked_link("https://lakeside.example.org/heart?ref=rounds", channel, "2026-W48",
                            "priya-patel")
        assert {draft.text[a:b] for a, b in find_urls(draft.text)} <= {url, link}, channel
        assert link in draft.text
    assert url in drafts["facebook"].text  # the URL is never cut
    assert answer in drafts["linkedin"].text and not drafts["linkedin"].trimmed
    assert "Dr. Smith" not in drafts["x"].text or "Dr. Smith's team uses" in drafts["x"].text


def test_answer_that_cannot_fit_is_reported_not_mangled():
    answer = ("When people check their pressure at home they should " + "really " * 40
              + "remember the cuff size printed on https://example.org/cuffs/a-very-long-path")
    draft = drafts_for(answer)["x"]
    assert not draft.fits and not draft.trimmed
    assert draft.problem == f"Too long for X ({draft.length}/280): shorten the answer or edit the draft"
    assert answer in draft.text  # whole answer, whole URL: the draft says so rather than cutting
    assert draft.length > 280


def test_sentence_prefixes_skip_abbreviations():
    text = "Dr. Lee agrees, e.g. with diet. Walk daily! Sleep well?"
    assert sentence_prefixes(text) == ["Dr. Lee agrees, e.g. with diet. Walk daily!",
                                       "Dr. Lee agrees, e.g. with diet."]
    assert sentence_prefixes("One sentence only") == []


# --- links and names ------------------------------------------------------------------------


def test_tracked_link_utm_parameters_exact():
    assert tracked_link("https://example.org/landing", "x", "2026-W48", "priya-patel") == (
        "https://example.org/landing?utm_source=x&utm_medium=social"
        "&utm_campaign=rounds-2026-W48&utm_content=priya-patel")


def test_tracked_link_keeps_existing_query_and_fragment_and_replaces_old_utm():
    link = tracked_link("https://example.org/p?ref=abc&empty=&utm_source=old#top", "facebook",
                        "2026-W01", "jose-nunez")
    assert link == ("https://example.org/p?ref=abc&empty=&utm_source=facebook&utm_medium=social"
                    "&utm_campaign=rounds-2026-W01&utm_content=jose-nunez#top")
    assert tracked_link("https://example.org", "x", "2026-W02", "a") .startswith(
        "https://example.org/?utm_source=x")


@pytest.mark.parametrize("name, slug", [
    ("Dr. Priya Patel", "priya-patel"), ("Priya Patel", "priya-patel"),
    ("Dr José Núñez-García", "jose-nunez-garcia"), ("Anne O'Neil, MD", "anne-o-neil"),
    ("Doctor Li", "li"), ("???", "physician"),
])
def test_physician_slug(name, slug):
    assert physician_slug(name) == slug


def test_doctor_name_adds_the_title_once():
    assert doctor_name("Priya Patel") == "Dr. Priya Patel"
    assert doctor_name("Dr. Priya Patel") == "Dr. Priya Patel"
    assert doctor_name("Priya Patel, MD") == "Dr. Priya Patel"


# --- physician text is a value, never template source ---------------------------------------


def test_template_syntax_and_markup_in_answers_come_out_literally():
    answer = "Try {{ 7*7 }} and {% raw %}x{% endraw %} or <script>alert(1)</script> & more."
    drafts = drafts_for(answer)
    for channel in ("x", "facebook", "instagram", "linkedin"):
        assert answer in drafts[channel].text, channel
        assert "49" not in drafts[channel].text
    blog = drafts["blog"].text
    assert "<script>" not in blog and "{{ 7*7 }}" in blog and "{% raw %}" in blog
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more." in blog
    question_drafts = render_drafts(
        Templates(), practice_config().practice, practice_config().drafts,
        physician_name="<b>Eve</b>", specialty="{{ 1+1 }}", question="<i>q</i>",
        answer_text="ok.", week="2026-W48")
    blog = next(d for d in question_drafts if d.channel == "blog").text
    assert "&lt;b&gt;Eve&lt;/b&gt;" in blog and "&lt;i&gt;q&lt;/i&gt;" in blog and "{{ 1+1 }}" in blog


# --- override folder ------------------------------------------------------------------------


def write(folder, name, text):
    path = folder / "posts" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_override_replaces_a_channel_and_adds_one(tmp_path):
    write(tmp_path, "x.txt.j2", "{# limit: 1000 #}\nOVERRIDDEN {{ doctor }}: {{ answer }} {{ link }}")
    write(tmp_path, "threads.txt.j2", "{# limit: 500 #}\nThreads {{ answer }} {{ link }}")
    write(tmp_path, "mastodon.txt.j2", "Toot {{ answer }}")
    write(tmp_path, "_partial.txt.j2", "not a channel")
    templates = Templates(tmp_path)
    validate_post_templates(templates)
    drafts = drafts_for(TYPICAL, templates=templates)
    assert set(drafts) == {"blog", "facebook", "instagram", "linkedin", "mastodon", "threads", "x"}
    assert drafts["x"].text.startswith("OVERRIDDEN Dr. Priya Patel: ")
    assert drafts["x"].limit == 280  # a comment can lower a platform limit, never raise it
    assert drafts["threads"].limit == 500 and drafts["threads"].fits
    assert "utm_source=threads" in drafts["threads"].text
    assert drafts["mastodon"].limit is None
    assert "patients often ask dr. priya patel" in drafts["facebook"].text.lower()  # packaged one


def test_broken_override_syntax_error_names_file_and_line(tmp_path):
    path = write(tmp_path, "facebook.txt.j2", "Hello\n{{ answer }}\n{% if short %}\nno end\n")
    templates = Templates(tmp_path)
    with pytest.raises(TemplateError) as caught:
        validate_post_templates(templates)
    assert f"{path}, line 4" in str(caught.value)  # Jinja reports where the template ended
    with pytest.raises(TemplateError, match=re.escape(str(path))):
        templates.check()


def test_broken_override_undefined_variable_names_file_and_line(tmp_path):
    path = write(tmp_path, "linkedin.txt.j2", "{{ doctor }}\n{{ answer }}\nCall {{ practice_phon }}\n")
    with pytest.raises(TemplateError) as caught:
        validate_post_templates(Templates(tmp_path))
    message = str(caught.value)
    assert f"{path}, line 3" in message and "practice_phon" in message


def test_undefined_variable_only_in_short_form_is_caught(tmp_path):
    path = write(tmp_path, "x.txt.j2", "{{ answer }}\n{% if short %}\n{{ oops }}\n{% endif %}\n")
    with pytest.raises(TemplateError, match=re.escape(f"{path}, line 3")):
        validate_post_templates(Templates(tmp_path))


def test_packaged_templates_validate():
    templates = Templates()
    templates.check()
    validate_post_templates(templates)


# --- rounds drafts show ANSWER_ID -----------------------------------------------------------


def insert_answer(services, text: str) -> int:
    now = utc(2026, 11, 24, 14, 0)
    with services.db.transaction() as session:
        person = Person(email="priya@example.org", name="Priya Patel", specialty="Cardiology",
                        timezone="America/New_York", weekday=1, local_time="09:00",
                        created_at=now, updated_at=now)
        question = Question(specialty="Cardiology", text=QUESTION, created_at=now)
        session.add_all([person, question])
        session.flush()
        prompt = Prompt(person_id=person.id, week="2026-W48", question_id=question.id,
                        status=PromptStatus.ANSWERED, due_at=now, expires_at=now + timedelta(days=6),
                        sent_at=now, answered_at=now)
        session.add(prompt)
        session.flush()
        answer = Answer(prompt_id=prompt.id, person_id=person.id, text=text,
                        created_at=now, updated_at=now)
        session.add(answer)
        session.flush()
        return answer.id


def test_show_drafts_prints_every_channel(services):
    answer_id = insert_answer(services, TYPICAL)
    out = io.StringIO()
    assert show_drafts(services, answer_id, out) == 0
    printed = out.getvalue()
    assert f"Drafts for answer {answer_id}: Priya Patel (Cardiology), week 2026-W48" in printed
    for label in ("X", "Facebook", "Instagram", "LinkedIn", "Blog"):
        assert f"== {label} [" in printed
    assert "/280]" in printed and "no limit]" in printed
    assert "utm_campaign=rounds-2026-W48" in printed and "utm_content=priya-patel" in printed


def test_show_drafts_reports_problems(services):
    answer_id = insert_answer(services, "A long sentence " + "that goes on " * 40 + "forever")
    out = io.StringIO()
    assert show_drafts(services, str(answer_id), out) == 0
    assert "!! Too long for X (" in out.getvalue()


def test_show_drafts_unknown_answer(services):
    out = io.StringIO()
    assert show_drafts(services, 424242, out) == 1
    assert out.getvalue() == "No answer with id 424242.\n"
    out = io.StringIO()
    assert show_drafts(services, "abc", out) == 1
    assert "must be a number" in out.getvalue()


def test_drafts_show_command(services, database_url):
    import argparse

    from bot.commands import Context
    from bot.commands import drafts as drafts_command

    answer_id = insert_answer(services, TYPICAL)
    parser = argparse.ArgumentParser(prog="rounds")
    drafts_command.register(parser.add_subparsers(dest="command"))
    out = io.StringIO()
    ctx = Context(parser.parse_args(["drafts", "show", str(answer_id)]), stdout=out,
                  _config=services.config, _services=services)
    assert ctx.args.handler(ctx) == 0
    assert "== X [" in out.getvalue()
    ctx = Context(parser.parse_args(["drafts", "show", "999"]), stdout=io.StringIO(),
                  _config=services.config, _services=services)
    assert ctx.args.handler(ctx) == 1
