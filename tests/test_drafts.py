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
    tracked_link,
    validate_post_templates,
)
from bot.review.html import text_to_html
from bot.review.limits import THREAD_BREAK, hard_problems, thread_parts
from bot.review.post_text import doctor_name, find_urls, sentence_prefixes, x_length
from bot.review.show import show_drafts
from bot.store import Answer, AnswerStatus, Person, Prompt, PromptStatus, Question
from bot.templating import TemplateError, Templates
from tests.conftest import utc

CTA = ("This is general information, not medical advice. "
       "Call Lakeside Heart at (555) 123-4567 to make an appointment.")
QUESTION = "What should patients know about home blood pressure cuffs?"
TOPIC = "Home blood pressure cuffs: getting a true reading"
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
        physician_name=name, specialty=specialty, public_topic=TOPIC,
        answer_text=answer, week="2026-W48",
    )
    return {draft.channel: draft for draft in rendered}


def answer_part(draft: Draft, answer: str) -> str:
    """The part of a .txt draft that came from the answer (first line of it up to the CTA)."""
    first_words = " ".join(answer.split()[:3])
    start = draft.text.index(first_words)
    end = draft.text.index("This is general information" if "This is general" in draft.text else "General info")
    return draft.text[start:end].strip()


# --- the packaged channels ------------------------------------------------------------------


def test_packaged_channels_and_limits():
    drafts = drafts_for(TYPICAL)
    assert set(drafts) == {"blog", "facebook", "instagram", "linkedin", "x"}
    assert {c: d.limit for c, d in drafts.items()} == {
        "blog": None, "facebook": 1000, "instagram": 2200, "linkedin": 3000, "x": 280}
    assert CHANNEL_LIMITS["x"] == 280


def test_typical_answer_fits_every_channel_with_hook_credit_cta_link_and_hashtags():
    drafts = drafts_for(TYPICAL)
    for channel, draft in drafts.items():
        assert draft.fits and draft.problem is None, channel
        assert draft.limit is None or draft.length <= draft.limit, channel
        assert draft.text.startswith(TOPIC + "\n\nDr. Priya Patel"), channel
        assert QUESTION not in draft.text, channel  # the question speaks to the physician
        link = tracked_link("https://lakeside.example.org/heart?ref=rounds", channel, "2026-W48",
                            "priya-patel")
        if channel == "instagram":  # caption links are not clickable: "link in bio", no URL
            assert "link in our bio" in draft.text and not find_urls(draft.text)
        else:
            assert link in draft.text, channel
        disclaimer = {"x": "General info, not medical advice.",
                      "instagram": CTA.split(" Call")[0]}.get(channel, CTA)
        assert disclaimer in draft.text, channel
        if channel != "x":
            assert TYPICAL in draft.text, channel
        assert not re.search(r"<[a-z/]|&[a-z#0-9]+;", draft.text), channel
    for channel in ("facebook", "instagram", "linkedin"):
        assert drafts[channel].text.endswith("#HeartHealth #BloodPressure")
    assert drafts["x"].parts == 2 and drafts["x"].text.endswith("#HeartHealth #BloodPressure (2/2)")
    thread_words = " ".join(re.sub(r" \(\d/2\)$", "", p) for p in thread_parts("x", drafts["x"].text)).split()
    assert " ".join(TYPICAL.split()) in " ".join(thread_words)  # the whole answer, across the thread
    assert "#" not in drafts["blog"].text


def test_first_practice_name_phone_and_url_are_used():
    drafts = drafts_for(TYPICAL)
    for draft in drafts.values():
        assert draft.channel == "x" or "Lakeside Heart at (555) 123-4567" in draft.text
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
    for channel in ("facebook", "instagram"):
        draft = drafts[channel]
        assert draft.fits and draft.trimmed, channel
        assert draft.length <= draft.limit
        kept = answer_part(draft, answer)
        assert kept.endswith(" …"), channel
        body = kept.removesuffix(" …")
        assert answer.startswith(body) and body.endswith("."), channel
        assert CTA.split(" Call")[0] in draft.text
    assert url in drafts["facebook"].text  # the URL is never cut
    assert answer in drafts["linkedin"].text and not drafts["linkedin"].trimmed


def test_x_answer_that_does_not_fit_is_a_numbered_thread_never_truncated():
    url = "https://lakeside.example.org/guides/blood-pressure-at-home?lang=en"
    answer = (f"Home readings matter more than office ones. Dr. Smith's team uses {url} daily. "
              + " ".join(f"Sentence number {i} explains one more useful detail." for i in range(40))
              + " One run-on sentence " + "that keeps going " * 30 + "ends here.")
    draft = drafts_for(answer)["x"]
    parts = thread_parts("x", draft.text)
    assert draft.fits and not draft.trimmed and draft.parts == len(parts) > 3
    assert draft.text == THREAD_BREAK.join(parts)
    for number, part in enumerate(parts, 1):
        assert x_length(part) <= 280 and part.endswith(f"({number}/{len(parts)})")
    assert parts[0].startswith(TOPIC) and "General info, not medical advice." in parts[-1]
    said = " ".join(re.sub(r" \(\d+/\d+\)$", "", p) for p in parts).split()
    assert " ".join(answer.split()) in " ".join(said)  # every word, in order, URL whole
    assert not hard_problems("x", draft.text)


def test_answer_that_cannot_fit_a_hard_limit_is_reported_not_mangled():
    answer = ("When people check their pressure at home they should " + "really " * 400
              + "remember the cuff size printed on https://example.org/cuffs/a-very-long-path")
    draft = drafts_for(answer)["instagram"]
    assert not draft.fits and not draft.trimmed
    assert draft.problem.startswith(f"Instagram post: {draft.length}/2200 characters, over the platform's limit")
    assert answer in draft.text  # whole answer, whole URL: the draft says so rather than cutting
    assert hard_problems("instagram", draft.text)


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
    for channel in ("x", "facebook", "instagram", "linkedin", "blog"):
        assert answer in drafts[channel].text, channel  # text stays text, nothing escaped twice
        assert "49" not in drafts[channel].text
    html = text_to_html(drafts["blog"].text)  # HTML only where HTML is consumed, escaped once
    assert "<script>" not in html and "{{ 7*7 }}" in html and "{% raw %}" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more." in html and "&amp;amp;" not in html
    question_drafts = render_drafts(
        Templates(), practice_config().practice, practice_config().drafts,
        physician_name="<b>Eve</b>", specialty="{{ 1+1 }}", public_topic="<i>q</i>",
        answer_text="ok.", week="2026-W48")
    blog = next(d for d in question_drafts if d.channel == "blog").text
    assert "<b>Eve</b>" in blog and "<i>q</i>" in blog and "{{ 1+1 }}" in blog
    assert "&lt;b&gt;Eve&lt;/b&gt;" in text_to_html(blog)


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
    assert drafts["x"].text.startswith("OVERRIDDEN Dr. Priya Patel:")
    assert drafts["x"].limit == 280  # a comment can lower a platform limit, never raise it
    assert drafts["threads"].limit == 500 and drafts["threads"].fits
    assert "utm_source=threads" in drafts["threads"].text
    assert drafts["mastodon"].limit is None
    assert drafts["facebook"].text.startswith(TOPIC + "\n\nDr. Priya Patel")  # the packaged one


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
        answer = Answer(prompt_id=prompt.id, person_id=person.id, text=text, status=AnswerStatus.READY,
                        verdict="ok", created_at=now, updated_at=now)
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
    answer_id = insert_answer(services, "A long sentence " + "that goes on " * 200 + "forever")
    out = io.StringIO()
    assert show_drafts(services, str(answer_id), out) == 0
    assert "!! Instagram post: " in out.getvalue() and "TOO LONG" in out.getvalue()
    assert "X [thread of " in out.getvalue()


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


def test_post_template_variables_are_documented_once_and_templates_stay_short():
    from pathlib import Path

    from bot.review.drafts import SAMPLE_CONTEXT

    posts = Path(Templates().packaged_dir) / "posts"
    readme = (posts / "README.md").read_text(encoding="utf-8")
    for variable in [*SAMPLE_CONTEXT, "short"]:
        assert f"`{variable}`" in readme, variable
    assert "question" not in SAMPLE_CONTEXT  # posts never quote the physician-facing question
    for template in posts.glob("*.j2"):
        source = template.read_text(encoding="utf-8")
        assert len(source.splitlines()) <= 15, template.name
        assert "physician_name" not in source.split("#}")[0], template.name  # no repeated variable list
        assert not template.name.endswith(".html.j2"), template.name  # posts are text


def test_an_html_post_template_is_refused_at_start_up(tmp_path):
    path = write(tmp_path, "blog.html.j2", "<p>{{ answer }}</p>")
    with pytest.raises(TemplateError, match=re.escape(str(path)) + ".*plain text"):
        validate_post_templates(Templates(tmp_path))
