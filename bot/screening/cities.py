"""The world's large cities (`cities.txt`, written by tools/cities.py from GeoNames data, CC BY 4.0).

A name the tagger finds that is one of these ('Vienna', 'Tucson') is judged as a place: held beside someone who lives
or is cared for there, and passed in text about no one ('got laughed out of Vienna', 'clinics in Tucson').
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def big_cities() -> frozenset[str]:
    text = resources.files("bot.screening").joinpath("cities.txt").read_text("utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


def is_big_city(words: list[str]) -> bool:
    """Are the (lower-cased) words one large city's name?"""
    name = unicodedata.normalize("NFKD", " ".join(words).lower())
    return "".join(c for c in name if not unicodedata.combining(c)) in big_cities()
