"""HTML made from a post's plain text, only where HTML is consumed (webhook blog field, .html export).

Drafts are stored and shown as readable text. Making the HTML from the approved text (not from
a separate HTML template) means an edit made in chat reaches the blog too, and escaping happens
exactly once: `&` in the text becomes `&amp;` here and nowhere else.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape

from bot.review.post_text import find_urls

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def _linked(text: str) -> str:
    """Escape a line of text, turning its URLs into links (href and label escaped once)."""
    pieces, cursor = [], 0
    for start, end in find_urls(text):
        url = text[start:end]
        href = url if url.lower().startswith(("http://", "https://")) else f"https://{url}"
        pieces.append(escape(text[cursor:start], quote=False))
        pieces.append(f'<a href="{escape(href)}">{escape(url, quote=False)}</a>')
        cursor = end
    pieces.append(escape(text[cursor:], quote=False))
    return "".join(pieces)


def text_to_html(text: str) -> str:
    """Paragraphs (blank-line separated) as <p>, single line breaks as <br>, URLs as links."""
    paragraphs = [p.strip() for p in _PARAGRAPH_BREAK.split(text.strip()) if p.strip()]
    return "\n".join("<p>" + "<br>\n".join(_linked(line) for line in p.splitlines()) + "</p>"
                     for p in paragraphs)


def html_document(title: str, sections: Sequence[tuple[str, str]]) -> str:
    """A small standalone HTML page: one <article> per (heading, post text)."""
    articles = "\n".join(f"<article>\n<h2>{escape(heading, quote=False)}</h2>\n{text_to_html(text)}\n</article>"
                         for heading, text in sections)
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{escape(title, quote=False)}</title>\n</head>\n<body>\n<h1>{escape(title, quote=False)}</h1>\n"
            f"{articles}\n</body>\n</html>\n")
