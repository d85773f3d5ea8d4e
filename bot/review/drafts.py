"""Drafts: one post per channel, rendered from `templates/posts/*.j2`, each within its limit.

Channels are the template files directly in `posts/` (packaged ones plus the configured
override folder's `posts/`, which can replace a channel or add one, e.g. `threads.txt.j2`);
files starting with "_" are partials, not channels. The channel name is the file name up to
its first dot. A template may state its own limit with a comment of its own, `{# limit: 500 #}`;
for the built-in channels the platform limit stays the ceiling. Unknown channels without such a
comment have no limit.

Fitting a draft never cuts a word or a URL: Rounds tries the full template, then the
template's short form (`short=True`), then the short form with the answer ended at an earlier
sentence end plus " …" (as long as the CTA and link are still whole). If nothing fits, the
draft keeps the whole answer and says why (`fits=False`, `problem`).

The longest fitting sentence end is found by binary search (a draft's length grows with the
prefix it shows), so fitting renders O(log n) times instead of once per sentence: a long
answer costs O(n log n), not O(n²). Answers are capped upstream as well.
"""

from __future__ import annotations

import re
import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TextIO

from jinja2 import TemplateError as JinjaTemplateError
from jinja2 import TemplateSyntaxError
from markupsafe import escape

from bot.config import DraftsConfig, PracticeConfig
from bot.review.post_text import (
    ELLIPSIS,
    doctor_name,
    physician_slug,
    plain_length,
    sentence_ends,
    tracked_link,
    x_length,
)
from bot.templating import TemplateError, Templates
from bot.text import plain_text

__all__ = [
    "CHANNEL_LIMITS", "Draft", "channel_limit", "drafts_for_answer", "physician_slug",
    "post_channels", "render_drafts", "show_drafts", "tracked_link", "validate_post_templates",
]

POSTS = "posts"
FACEBOOK_SOFT_LIMIT = "facebook_soft_limit"  # placeholder: the value comes from DraftsConfig
CHANNEL_LIMITS: Mapping[str, int | str | None] = {
    "x": 280,
    "instagram": 2200,
    "linkedin": 3000,
    "facebook": FACEBOOK_SOFT_LIMIT,
    "blog": None,
}
CHANNEL_LABELS = {"x": "X", "facebook": "Facebook", "instagram": "Instagram",
                  "linkedin": "LinkedIn", "blog": "Blog"}
LENGTH_RULES: Mapping[str, Callable[[str], int]] = {"x": x_length}
_LIMIT_COMMENT = re.compile(r"\{#-?\s*limit\s*:\s*(\d+)\s*-?#\}")


@dataclass(frozen=True)
class Draft:
    channel: str
    text: str
    length: int
    limit: int | None
    fits: bool
    problem: str | None
    trimmed: bool = False  # the answer was ended at an earlier sentence end to fit

    @property
    def label(self) -> str:
        return channel_label(self.channel)


def channel_label(channel: str) -> str:
    return CHANNEL_LABELS.get(channel, channel.replace("_", " ").replace("-", " ").title())


def post_channels(templates: Templates) -> dict[str, str]:
    """{channel: template name} for every channel template, packaged and override merged."""
    channels = {}
    for name in templates.names(POSTS):
        file = name[len(POSTS) + 1:]
        if "/" in file or file.startswith((".", "_")) or not file.endswith(".j2"):
            continue
        channels.setdefault(file.split(".", 1)[0], name)
    return dict(sorted(channels.items()))


def channel_limit(templates: Templates, template_name: str, channel: str,
                  drafts_config: DraftsConfig) -> int | None:
    """The built-in limit, lowered (never raised) by a `{# limit: N #}` comment in the template."""
    configured = CHANNEL_LIMITS.get(channel)
    builtin = drafts_config.facebook_soft_limit if configured == FACEBOOK_SOFT_LIMIT else configured
    source, _, _ = templates.env.loader.get_source(templates.env, template_name)
    stated = _LIMIT_COMMENT.search(source)
    if stated is None:
        return int(builtin) if builtin is not None else None
    own = int(stated.group(1))
    return own if builtin is None else min(own, int(builtin))


def hashtags_for(practice: PracticeConfig, specialty: str) -> list[str]:
    """Configured hashtags for the specialty (case-insensitive), else those under "default"."""
    wanted = specialty.strip().lower()
    by_key = {key.strip().lower(): tags for key, tags in practice.hashtags.items()}
    tags = by_key.get(wanted) if wanted else None
    if tags is None:
        tags = by_key.get("default", ())
    return [tag if tag.startswith("#") else f"#{tag}" for tag in (t.strip() for t in tags) if tag]


def _is_html(template_name: str) -> bool:
    return template_name.lower().removesuffix(".j2").endswith((".html", ".htm"))


def render_drafts(templates: Templates, practice_config: PracticeConfig,
                  drafts_config: DraftsConfig, *, physician_name: str, specialty: str,
                  question: str, answer_text: str, week: str) -> list[Draft]:
    """Render one draft per channel, each fitted to its limit without cutting words or URLs.

    Args:
        templates: the one sandboxed environment (override folder included).
        practice_config: public name, phone, landing URL and hashtags (the first of each is used).
        drafts_config: the Facebook soft limit.
        physician_name: the name on the roster ("Priya Patel" or "Dr. Priya Patel").
        specialty: the physician's specialty ("" for none).
        question: this week's question text.
        answer_text: the physician's answer; only ever a context value, never template source.
        week: the prompt's ISO week, e.g. "2026-W48" (goes into utm_campaign).
    """
    slug = physician_slug(physician_name)
    base = {
        "doctor": doctor_name(physician_name),
        "physician_name": physician_name,
        "specialty": specialty,
        "question": question.strip(),
        "practice_name": practice_config.name,
        "practice_phone": practice_config.phone,
        "hashtags": hashtags_for(practice_config, specialty),
    }
    drafts = []
    for channel, name in post_channels(templates).items():
        context = dict(base, channel=channel,
                       link=tracked_link(practice_config.url, channel, week, slug),
                       limit=channel_limit(templates, name, channel, drafts_config))
        drafts.append(_fit(templates, name, channel, context, answer_text.strip()))
    return drafts


def _render(templates: Templates, name: str, context: dict[str, Any], answer: str,
            short: bool) -> str:
    values = dict(context, answer=answer, short=short)
    values["answer"] = plain_text(answer)  # whatever called us: no controls or bidi overrides in a post
    if _is_html(name):  # escape here too, so an .html template is safe whatever the env does
        values = {k: _escaped(v) for k, v in values.items()}
    return templates.render(name, **values)


def _escaped(value: Any) -> Any:
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, list):
        return [escape(v) if isinstance(v, str) else v for v in value]
    return value


def _fit(templates: Templates, name: str, channel: str, context: dict[str, Any],
         answer: str) -> Draft:
    limit = context["limit"]
    count = LENGTH_RULES.get(channel, plain_length)
    full = _render(templates, name, context, answer, short=False)
    if limit is None or count(full) <= limit:
        return Draft(channel, full, count(full), limit, True, None)
    short = _render(templates, name, context, answer, short=True)
    if count(short) <= limit:
        return Draft(channel, short, count(short), limit, True, None)
    must_keep = [s for s in (context["link"], context["practice_phone"]) if s in short]
    best: str | None = None
    ends = sentence_ends(answer)
    low, high = 0, len(ends) - 1
    while low <= high:  # the longest prefix whose draft fits
        middle = (low + high) // 2
        text = _render(templates, name, context, answer[:ends[middle]] + ELLIPSIS, short=True)
        if count(text) <= limit and all(s in text for s in must_keep):
            best, low = text, middle + 1
        else:
            high = middle - 1
    if best is not None:
        return Draft(channel, best, count(best), limit, True, None, trimmed=True)
    problem = (f"Too long for {channel_label(channel)} ({count(short)}/{limit}): "
               "shorten the answer or edit the draft")
    return Draft(channel, short, count(short), limit, False, problem)


# --- start-up validation --------------------------------------------------------------------

SAMPLE_CONTEXT: Mapping[str, Any] = {
    "channel": "sample",
    "doctor": "Dr. Sample Name",
    "physician_name": "Sample Name",
    "specialty": "Cardiology",
    "question": "What is one thing patients often get wrong?",
    "answer": "A sample answer. It has two sentences.",
    "practice_name": "Sample Practice",
    "practice_phone": "(555) 010-0100",
    "link": "https://example.org/?utm_source=sample",
    "hashtags": ["#Sample"],
    "limit": 280,
}


def validate_post_templates(templates: Templates) -> None:
    """Render every post template (full and short form) with a sample context, at start-up.

    Raises:
        TemplateError: naming each broken file and line (syntax error, undefined variable, or
            anything the sandbox refuses).
    """
    problems = []
    for channel, name in post_channels(templates).items():
        for short in (False, True):
            try:
                templates.env.get_template(name).render(**dict(SAMPLE_CONTEXT, short=short))
            except TemplateSyntaxError as error:
                problems.append(f"{error.filename or name}, line {error.lineno}: {error.message}")
                break
            except JinjaTemplateError as error:
                filename, line = _template_location(templates, name, error)
                problems.append(f"{filename}, line {line}: {error.message or error} "
                                f"(channel {channel!r})")
                break
    if problems:
        raise TemplateError("broken post template(s):\n  " + "\n  ".join(problems))


def _template_location(templates: Templates, name: str, error: BaseException) -> tuple[str, int | str]:
    """File and line of the innermost template frame in the error's traceback."""
    filename = templates.env.get_template(name).filename or name
    line: int | str = "?"
    for frame in traceback.extract_tb(error.__traceback__):
        if frame.filename.endswith(".j2") or frame.filename == filename:
            filename, line = frame.filename, frame.lineno or "?"
    return filename, line


# --- `rounds drafts show ANSWER_ID` ---------------------------------------------------------


def drafts_for_answer(services: Any, answer_id: int) -> tuple[dict[str, str], list[Draft]] | None:
    """Load an answer with its prompt, person and question and render its drafts (None: no such answer)."""
    from bot.store import Answer

    with services.db.transaction() as session:
        answer = session.get(Answer, answer_id)
        if answer is None:
            return None
        prompt = answer.prompt
        facts = {"answer_id": str(answer.id), "physician": prompt.person.name,
                 "specialty": prompt.person.specialty, "week": prompt.week,
                 "question": prompt.question.text, "answer": answer.text}
    drafts = render_drafts(
        services.templates, services.config.practice, services.config.drafts,
        physician_name=facts["physician"], specialty=facts["specialty"],
        question=facts["question"], answer_text=facts["answer"], week=facts["week"],
    )
    return facts, drafts


def show_drafts(services: Any, answer_id: int | str, out: TextIO) -> int:
    """Print every channel's draft for an answer with length/limit and any problem; 1 if unknown."""
    try:
        number = int(answer_id)
    except (TypeError, ValueError):
        out.write(f"Answer id must be a number, got {answer_id!r}.\n")
        return 1
    loaded = drafts_for_answer(services, number)
    if loaded is None:
        out.write(f"No answer with id {number}.\n")
        return 1
    facts, drafts = loaded
    specialty = f" ({facts['specialty']})" if facts["specialty"] else ""
    out.write(f"Drafts for answer {number}: {facts['physician']}{specialty}, "
              f"week {facts['week']}\nQuestion: {facts['question']}\n")
    for draft in drafts:
        size = f"{draft.length}/{draft.limit}" if draft.limit else f"{draft.length}, no limit"
        notes = "" if draft.fits else "  TOO LONG"
        if draft.trimmed:
            notes += "  (answer shortened at a sentence end)"
        out.write(f"\n== {draft.label} [{size}]{notes} ==\n{draft.text}\n")
        if draft.problem:
            out.write(f"!! {draft.problem}\n")
    return 0
