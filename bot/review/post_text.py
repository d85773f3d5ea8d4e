"""Text rules for social posts: tracked links, slugs, how each channel counts length, safe trims.

Kept apart from `bot.review.drafts` (which renders templates) so the rules can be read and tested
on their own. Nothing here ever cuts a word or a URL: trims happen only at sentence ends.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

X_URL_LENGTH = 23  # X wraps every link in t.co and counts it as 23 characters
ELLIPSIS = " …"

# A simple, robust URL finder: scheme or www. URLs, and bare domains with a common TLD (X
# links those too). Trailing punctuation is not part of the URL.
_URL = re.compile(
    r"(?:https?://|www\.)[^\s<>\"']+"
    r"|\b(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+"
    r"(?:com|org|net|gov|edu|io|co|us|uk|ca|au|de|info|health|care|clinic|md)\b(?:/[^\s<>\"']*)?",
    re.IGNORECASE,
)
_URL_TRAILING = ".,;:!?)]}'\""

# twitter-text v3: code points in these ranges weigh 1, all others (CJK, emoji, …) weigh 2.
_X_LIGHT_RANGES = ((0, 4351), (8192, 8205), (8208, 8223), (8242, 8247))

_TITLE = re.compile(r"^\s*(?:dr\.?|doctor)\s+", re.IGNORECASE)
_CREDENTIALS = re.compile(r"\s*,?\s+(?:md|m\.d\.|do|d\.o\.|phd|mbbs|facs|facc|facp)\.?\s*$",
                          re.IGNORECASE)

# A sentence ends at . ! ? (plus closing quotes/brackets) followed by whitespace, or at a line
# break; abbreviations such as "Dr." or "e.g." do not end one.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s)|\n")
_ABBREVIATIONS = {"dr", "mr", "mrs", "ms", "st", "vs", "etc", "e.g", "i.e", "approx", "no", "jr",
                  "sr", "prof", "mt", "ft", "dept", "fig"}


def find_urls(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of the URLs in `text`, trailing punctuation excluded."""
    spans = []
    for match in _URL.finditer(text):
        start, end = match.span()
        while end > start and text[end - 1] in _URL_TRAILING:
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


def _x_weight(char: str) -> int:
    code = ord(char)
    return 1 if any(low <= code <= high for low, high in _X_LIGHT_RANGES) else 2


def x_length(text: str) -> int:
    """Length as X counts it: every URL is 23, wide characters and emoji count 2."""
    text = unicodedata.normalize("NFC", text)
    total, position = 0, 0
    for start, end in find_urls(text):
        total += sum(_x_weight(c) for c in text[position:start]) + X_URL_LENGTH
        position = end
    return total + sum(_x_weight(c) for c in text[position:])


def plain_length(text: str) -> int:
    return len(text)


def physician_slug(name: str) -> str:
    """URL-safe slug of a physician's name without title or credentials: "Dr. Priya Patel" → "priya-patel"."""
    bare = _CREDENTIALS.sub("", _TITLE.sub("", name))
    ascii_name = unicodedata.normalize("NFKD", bare).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return slug or "physician"


def doctor_name(name: str) -> str:
    """The name as posts show it: "Priya Patel", "Dr Priya Patel", "Priya Patel, MD" → "Dr. Priya Patel"."""
    bare = _CREDENTIALS.sub("", _TITLE.sub("", name)).strip()
    return f"Dr. {bare}" if bare else name.strip()


def tracked_link(base_url: str, channel: str, week: str, physician_slug: str) -> str:
    """`base_url` with Rounds' UTM parameters; existing query parameters and fragment are kept.

    Existing utm_source/utm_medium/utm_campaign/utm_content values are replaced, other
    parameters keep their order and values (blank ones too).
    """
    ours = {
        "utm_source": channel,
        "utm_medium": "social",
        "utm_campaign": f"rounds-{week}",
        "utm_content": physician_slug,
    }
    parts = urlsplit(base_url)
    kept = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in ours]
    query = urlencode(kept + list(ours.items()))
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", query, parts.fragment))


def sentence_ends(text: str) -> list[int]:
    """Where each sentence of `text` ends (prefix lengths, rstripped, shortest first, whole text excluded).

    Linear in the text: one scan for sentence ends, and the abbreviation check looks back at
    most `_WORD_LOOKBACK` characters (the old version re-searched the whole prefix each time).
    """
    text = text.strip()
    ends: list[int] = []
    for match in _SENTENCE_END.finditer(text):
        if match.group() != "\n" and _ends_with_abbreviation(text, match.start()):
            continue
        end = match.end()
        while end > 0 and text[end - 1].isspace():
            end -= 1
        if 0 < end < len(text) and (not ends or ends[-1] != end):
            ends.append(end)
    return ends


def sentence_prefixes(text: str) -> list[str]:
    """Every prefix of `text` that ends at a sentence end, longest first (the whole text excluded)."""
    text = text.strip()
    return [text[:end] for end in reversed(sentence_ends(text))]


_WORD_LOOKBACK = 40
_LAST_WORD = re.compile(r"([A-Za-z.]+)$")


def _ends_with_abbreviation(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    word = _LAST_WORD.search(text, max(0, dot - _WORD_LOOKBACK), dot)
    if not word:
        return False
    token = word.group(1).lower().strip(".")
    return token in _ABBREVIATIONS or len(token) == 1  # initials such as "J."


def sentences(text: str) -> list[str]:
    """The text's sentences, stripped, in order (cut at `sentence_ends`: linear in the text)."""
    text = text.strip()
    cuts = [0, *sentence_ends(text), len(text)]
    return [piece for a, b in zip(cuts, cuts[1:], strict=False) if (piece := text[a:b].strip())]
