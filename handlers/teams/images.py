"""Pictures inside Adaptive Cards: a PNG as a data URI, made small enough for Teams' message limit.

Teams has no bot file upload into channels that works like Slack's, so the digest chart travels
inside the card (Image element, data URI, card schema ≥ 1.2). A message must stay under ~80 KB,
and the chart as rendered (about 1000×700 px, ~80 KB) does not fit once base64-encoded: it is
re-encoded with a 64-colour palette (a line chart has few colours), then narrowed, until it fits.
Pillow comes with matplotlib, which renders the chart. If nothing fits, the caller shows the
alt text instead.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Iterator

MAX_SIDE = 1024  # Teams shows card images up to 1024×1024 px
WIDTHS = (1024, 800, 640, 480)


def data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode()


def _smaller(png: bytes) -> Iterator[bytes]:
    """The PNG itself, then palette re-encodings at decreasing widths."""
    yield png
    from PIL import Image  # a matplotlib dependency; imported only when a picture is too big

    with Image.open(io.BytesIO(png)) as original:
        picture = original.convert("RGB")
    for width in WIDTHS:
        if width > picture.width and width != WIDTHS[0]:
            continue
        scale = min(1.0, width / picture.width, MAX_SIDE / picture.height)
        size = (max(1, round(picture.width * scale)), max(1, round(picture.height * scale)))
        resized = picture.resize(size, Image.Resampling.LANCZOS) if size != picture.size else picture
        buffer = io.BytesIO()
        resized.quantize(colors=64).save(buffer, format="PNG", optimize=True)
        yield buffer.getvalue()


def fitted_data_uri(png_base64: str, max_chars: int) -> str | None:
    """A data URI of the picture at most `max_chars` long, or None if even the smallest is bigger."""
    try:
        png = base64.b64decode(png_base64, validate=True)
    except ValueError:
        return None
    try:
        for candidate in _smaller(png):
            uri = data_uri(candidate)
            if len(uri) <= max_chars:
                return uri
    except OSError:  # not a picture Pillow can read
        return None
    return None
