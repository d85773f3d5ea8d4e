"""The Teams app package: `manifest.json` plus a 192×192 colour and a 32×32 outline icon, zipped.

The icons are drawn here (a white medical cross; on teal for the colour icon, on transparent
for the outline icon, as Teams requires) and written as PNGs with the standard library, so
the package needs no download and no image library.
"""

from __future__ import annotations

import io
import json
import struct
import zipfile
import zlib
from urllib.parse import urlparse

from bot.config import Config

MANIFEST_SCHEMA = "https://developer.microsoft.com/en-us/json-schemas/teams/v1.17/MicrosoftTeams.schema.json"
TEAL = (0, 120, 130, 255)
WHITE = (255, 255, 255, 255)
CLEAR = (0, 0, 0, 0)


def png(width: int, height: int, pixel) -> bytes:
    """An RGBA PNG whose pixel (x, y) is `pixel(x, y)` → (r, g, b, a)."""
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(width)) for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9))
            + chunk(b"IEND", b""))


def _cross(size: int, x: int, y: int) -> bool:
    """A plus sign filling the middle ~60% of a `size` square, arms a fifth of it wide."""
    arm, reach = size / 10, size * 0.3
    dx, dy = abs(x + 0.5 - size / 2), abs(y + 0.5 - size / 2)
    return (dx <= arm and dy <= reach) or (dy <= arm and dx <= reach)


def color_icon() -> bytes:
    return png(192, 192, lambda x, y: WHITE if _cross(192, x, y) else TEAL)


def outline_icon() -> bytes:
    return png(32, 32, lambda x, y: WHITE if _cross(32, x, y) else CLEAR)


def manifest(config: Config, domain: str, version: str = "1.0.0") -> dict:
    """The app manifest for the configured bot; `domain` is where `/api/messages` is served."""
    teams, practice = config.teams, config.practice
    if not teams.app_id:
        raise ValueError("teams.app_id (or MicrosoftAppId) is missing: the package names the bot by it")
    website = practice.url if practice.url.startswith("https://") else f"https://{domain}/"
    return {
        "$schema": MANIFEST_SCHEMA, "manifestVersion": "1.17", "version": version, "id": teams.app_id,
        "developer": {"name": practice.name[:32], "websiteUrl": website, "privacyUrl": website,
                      "termsOfUseUrl": website},
        "name": {"short": "Rounds", "full": f"Rounds for {practice.name}"[:100]},
        "description": {"short": "One question a week, turned into posts your practice approves."[:80],
                        "full": "Rounds asks physicians one question a week in a personal chat, screens "
                                "answers for patient information and advice, and posts drafts to the "
                                "marketing channel for one-tap approval."},
        "icons": {"color": "color.png", "outline": "outline.png"}, "accentColor": "#007882",
        "bots": [{"botId": teams.app_id, "scopes": ["personal", "team"], "isNotificationOnly": False,
                  "supportsFiles": False, "supportsCalling": False, "supportsVideo": False}],
        "permissions": ["identity", "messageTeamMembers"],
        "validDomains": [domain],
    }


def domain_of(value: str) -> str:
    """A bare host name from "rounds.example.org" or "https://rounds.example.org/api/messages"."""
    host = urlparse(value if "://" in value else f"https://{value}").hostname or ""
    if not host or "." not in host:
        raise ValueError(f"{value!r} is not a domain like rounds.example.org")
    return host


def build_package(config: Config, domain: str) -> bytes:
    """The zip Teams admins upload: manifest.json, color.png, outline.png at its root."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps(manifest(config, domain_of(domain)), indent=2))
        archive.writestr("color.png", color_icon())
        archive.writestr("outline.png", outline_icon())
    return buffer.getvalue()
