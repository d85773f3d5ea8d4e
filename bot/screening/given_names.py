"""The forms given names go by ('jimmy' is James, 'mike' Michael), from the nicknames package's hand-curated table
(Apache-2.0): a physician on the roster by a short form, a patient's name no name list holds."""

from __future__ import annotations

from functools import lru_cache

from nicknames import NickNamer


@lru_cache(maxsize=1)
def nicknamer() -> NickNamer:
    return NickNamer()


@lru_cache(maxsize=4096)
def pet_form(word: str) -> bool:
    """A form some given name goes by ('jimmy', 'billy', 'sammy'), though no name list holds it."""
    return bool(nicknamer().canonicals_of(word))


@lru_cache(maxsize=4096)
def forms_of(word: str) -> frozenset[str]:
    """Every form a given name goes by, both ways ('michael' gives 'mike', 'mike' gives 'michael')."""
    namer = nicknamer()
    return frozenset(namer.nicknames_of(word) | namer.canonicals_of(word))
