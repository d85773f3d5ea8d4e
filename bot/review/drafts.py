"""Drafts: one post per channel, rendered from `templates/posts/*.j2`, each within its limit.

Channels are the template files directly in `posts/` (packaged ones plus the configured
override folder's `posts/`, which can replace a channel or add one, e.g. `threads.txt.j2`);
files starting with "_" are partials, not channels. The channel name is the file name up to
its first dot. A template may state its own limit with a comment of its own, `{# limit: 500 #}`;
for the built-in channels the platform limit stays the ceiling. Unknown channels without such a
comment have no limit. The variables are documented once, in `templates/posts/README.md`.

Posts are plain text (HTML is made from the text only where HTML is consumed: `bot.review.html`).
A post leads with a patient-facing hook, never with the weekly question (which speaks to the
physician): the question's public topic line, else the answer's own first sentence.

Fitting a draft never cuts a word or a URL: Rounds tries the full template, then the
template's short form (`short=True`). On X the whole answer then becomes a numbered thread; on
other channels the answer may end at an earlier sentence end plus " …" (as long as the CTA and
link are still whole). If nothing fits, the draft keeps the whole answer and says why
(`fits=False`, `problem`); over a platform's hard limit it cannot be approved (`bot.review.limits`).

The longest fitting sentence end is found by binary search (a draft's length grows with the
prefix it shows), so fitting renders O(log n) times instead of once per sentence: a long
answer costs O(n log n), not O(n²). Answers are capped upstream as well.
"""

from __future__ import annotations

import re
import traceback
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from jinja2 import TemplateError as JinjaTemplateError
from jinja2 import TemplateSyntaxError

from bot.config import DraftsConfig, PracticeConfig
from bot.review.hashtags import hashtags_for
from bot.review.limits import (
    THREAD_BREAK,
    THREAD_CHANNELS,
    build_thread,
    channel_label,
    hard_problems,
    length_rule,
    measure,
    thread_parts,
)
from bot.review.post_text import (
    ELLIPSIS,
    doctor_name,
    physician_slug,
    sentence_ends,
    sentences,
    tracked_link,
)
from bot.templating import TemplateError, Templates
from bot.text import plain_text

__all__ = [
    "CHANNEL_LIMITS", "Draft", "channel_label", "channel_limit", "hashtags_for", "physician_slug",
    "post_channels", "post_hook", "render_drafts", "tracked_link", "validate_post_templates",
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
MAX_HOOK = 120  # an answer's first sentence leads the post only if it reads as a headline
_LIMIT_COMMENT = re.compile(r"\{#-?\s*limit\s*:\s*(\d+)\s*-?#\}")
_ANSWER_MARK = "\u2063ANSWER\u2063"  # where the answer goes, when a template is split for a thread


@dataclass(frozen=True)
class Draft:
    channel: str
    text: str
    length: int  # the longest post of a thread
    limit: int | None
    fits: bool
    problem: str | None
    trimmed: bool = False  # the answer was ended at an earlier sentence end to fit
    parts: int = 1  # posts in an X thread

    @property
    def label(self) -> str:
        return channel_label(self.channel)


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


def post_hook(public_topic: str, answer: str) -> tuple[str, str]:
    """(hook, answer body): the question's public topic, else the answer's short first sentence.

    The first sentence becomes the hook only when more of the answer follows, so nothing is
    said twice and nothing is lost. Neither case ever quotes the physician-facing question.
    """
    topic = " ".join(public_topic.split())
    if topic:
        return topic, answer
    parts = sentences(answer)
    if len(parts) > 1 and len(parts[0]) <= MAX_HOOK:
        rest = answer.strip()[answer.strip().index(parts[0]) + len(parts[0]):].strip()
        return parts[0], rest
    return "", answer


def specialty_label(specialty: str) -> str:
    """"family medicine" → "Family Medicine" (rosters often hold specialties lowercased)."""
    small = {"and", "of", "&"}
    words = specialty.strip().split()
    return " ".join(w if w in small or not w.islower() else w.capitalize() for w in words)


def render_drafts(templates: Templates, practice_config: PracticeConfig,
                  drafts_config: DraftsConfig, *, physician_name: str, specialty: str,
                  public_topic: str, answer_text: str, week: str) -> list[Draft]:
    """Render one draft per channel, each fitted to its limit without cutting words or URLs.

    Args:
        templates: the one sandboxed environment (override folder included).
        practice_config: public name, phone, landing URL and hashtags (the first of each is used).
        drafts_config: the Facebook soft limit.
        physician_name: the name on the roster ("Priya Patel" or "Dr. Priya Patel").
        specialty: the physician's specialty ("" for none).
        public_topic: the question's patient-facing topic line ("" derives a hook from the answer).
        answer_text: the physician's answer; only ever a context value, never template source.
        week: the prompt's ISO week, e.g. "2026-W48" (goes into utm_campaign).
    """
    slug = physician_slug(physician_name)
    # No controls or bidi overrides in a post, whatever called us.
    hook, body = post_hook(public_topic, plain_text(answer_text).strip())
    base = {
        "doctor": doctor_name(physician_name),
        "physician_name": physician_name,
        "specialty": specialty_label(specialty),
        "hook": hook,
        "practice_name": practice_config.name,
        "practice_phone": practice_config.phone,
        "hashtags": hashtags_for(practice_config, specialty),
    }
    drafts = []
    for channel, name in post_channels(templates).items():
        context = dict(base, channel=channel,
                       link=tracked_link(practice_config.url, channel, week, slug),
                       limit=channel_limit(templates, name, channel, drafts_config))
        drafts.append(_fit(templates, name, channel, context, body))
    return drafts


def _render(templates: Templates, name: str, context: dict[str, Any], answer: str,
            short: bool) -> str:
    return templates.render(name, **dict(context, answer=answer, short=short))


def _fitted(channel: str, text: str, limit: int | None, **extra: Any) -> Draft:
    """A draft of `text`; `fits` and `problem` say whether it is within every limit."""
    length = measure(channel, text)
    blocking = hard_problems(channel, text)
    parts = len(thread_parts(channel, text))
    if blocking:
        return Draft(channel, text, length, limit, False, blocking[0] + ": shorten the answer or edit the draft",
                     parts=parts, **extra)
    if limit is not None and length > limit:
        problem = (f"Longer than the {limit} characters set for {channel_label(channel)} "
                   f"({length}): consider shortening it")
        return Draft(channel, text, length, limit, False, problem, parts=parts, **extra)
    return Draft(channel, text, length, limit, True, None, parts=parts, **extra)


def _fit(templates: Templates, name: str, channel: str, context: dict[str, Any],
         answer: str) -> Draft:
    limit = context["limit"]
    count = length_rule(channel)
    full = _render(templates, name, context, answer, short=False)
    if limit is None or count(full) <= limit:
        return _fitted(channel, full, limit)
    short = _render(templates, name, context, answer, short=True)
    if count(short) <= limit:
        return _fitted(channel, short, limit)
    if channel in THREAD_CHANNELS:
        thread = _thread(templates, name, context, answer, limit)
        if thread is not None:
            return _fitted(channel, thread, limit)
        return _fitted(channel, short, limit)
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
        return _fitted(channel, best, limit, trimmed=True)
    return _fitted(channel, short, limit)


def _thread(templates: Templates, name: str, context: dict[str, Any], answer: str,
            limit: int) -> str | None:
    """The full form split around the answer: its head opens the thread, its tail ends it."""
    framed = _render(templates, name, context, _ANSWER_MARK, short=False)
    if framed.count(_ANSWER_MARK) != 1:
        return None
    head, tail = (part.strip() for part in framed.split(_ANSWER_MARK))
    posts = build_thread(head, answer, tail, limit, length_rule("x"))
    return THREAD_BREAK.join(posts) if posts else None


# --- start-up validation --------------------------------------------------------------------

SAMPLE_CONTEXT: Mapping[str, Any] = {
    "channel": "sample",
    "doctor": "Dr. Sample Name",
    "physician_name": "Sample Name",
    "specialty": "Cardiology",
    "hook": "Is chest pain always a heart attack?",
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
        if name.lower().removesuffix(".j2").endswith((".html", ".htm")):
            problems.append(f"{templates.env.get_template(name).filename or name}: post templates make "
                            "plain text (HTML is made from the text where it is consumed); rename it "
                            f"to posts/{channel}.txt.j2 and drop the markup")
            continue
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
