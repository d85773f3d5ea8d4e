"""The world's large cities (`cities.txt`, written by tools/cities.py from GeoNames data, CC BY 4.0).

A name the tagger finds that is one of these ('Vienna', 'Tucson') is judged as a place: held beside someone who lives
or is cared for there, and passed in text about no one ('got laughed out of Vienna', 'clinics in Tucson').
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from bot.screening.other_languages import unaccented


@lru_cache(maxsize=1)
def big_cities() -> frozenset[str]:
    text = resources.files("bot.screening").joinpath("cities.txt").read_text("utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


def fold(name: str) -> str:
    """A city's name as `cities.txt` lists it: lower case, without accents ('Bogotá' is 'bogota')."""
    return unaccented(name.lower())


def is_big_city(words: list[str]) -> bool:
    """Are the words one large city's name?"""
    return fold(" ".join(words)) in big_cities()
