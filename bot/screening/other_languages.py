"""Shapes of the other languages the screen reads, for judging the name tagger's runs.

The tagger learned names mostly from English; in Spanish, Portuguese, French, German and Italian a capitalised
word, a lower-case word after a pronoun or an elided article is often the language itself ('Uma dose por ano',
'si usted fuma', "d'Haïti", 'einer Konferenz'). These ask the gazetteer's lists of those languages' words
(`Gazetteer.frequent`, `Gazetteer.function`) and their grammar, never a list of names.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from functools import lru_cache

from bot.screening.lexicon import TOKEN, Gazetteer
from bot.screening.places import STATES


def language_word(word: str, raw: str, gaz: Gazetteer) -> bool:
    """A frequent word of the five other languages: in lower case any such word ('dalla', 'einer'), capitalised
    only one on no name list ('Dipende', 'Tome' but not 'Davide')."""
    return word in gaz.frequent and (raw.islower() or (word not in gaz.first and word not in gaz.last))


def in_its_language(
    text: str, start: int, end: int, words: list[str], gaz: Gazetteer, sentence: tuple[int, int]
) -> bool:
    """A run among at least two of the other languages' most frequent words (`Gazetteer.function`) that is
    itself made of that language: of its function words ('Uma', 'pero', 'hanno'), or of its frequent words on no
    name list, in lower case or as one word opening the sentence ('fiebre, pero', 'Pasensya na po'). Any other
    frequent word ('Luz', 'rosa mendes', 'Seu Olavo Brandão') may be someone's name even there."""
    if not gaz.function:
        return False
    raws = text[start:end].split()
    opening = len(words) == 1 and not text[sentence[0] : start].strip(" \t\n\"'(-")
    if not all(
        w in gaz.function
        or ((raw.islower() or opening) and w in gaz.frequent and w not in gaz.first and w not in gaz.last)
        for w, raw in zip(words, raws, strict=False)
    ):
        return False
    # (the sentence's function words are found once: a long sentence of many runs was read whole for each run)
    starts = _function_word_starts(text, sentence, gaz.function)
    return bisect_left(starts, start) + len(starts) - bisect_left(starts, end) >= 2


@lru_cache(maxsize=64)
def _function_word_starts(text: str, sentence: tuple[int, int], function: frozenset[str]) -> tuple[int, ...]:
    """Where each of the sentence's function words of the other languages starts, in order."""
    return tuple(m.start() for m in TOKEN.finditer(text, *sentence) if m.group(0).lower() in function)


# A state after a comma: the run before it is a town ('Columbus, Ohio'). (Not 'OH': 'MD' and 'PA' are credentials.)
STATE_AFTER = re.compile(rf",\s*(?:{'|'.join(sorted(STATES, key=len, reverse=True))})\b")


# A subject pronoun of the other languages: the lower-case word after it is its verb ('usted fuma', 'você bebe').
SUBJECT_BEFORE = re.compile(
    r"(?i:\b(?:usted|ustedes|él|ella|ellos|ellas|você|vocês|voce|ele|ela|eles|elas|vous|elle|elles|nous|Sie|er|wir"
    r"|lei|lui|voi|noi|loro|yo|eu|je|j'|tu)\s+$)"
)


# An article or preposition elided onto the next word in French and Italian: "d'Haïti", "l'Ouest", "dell'Ospedale".
ELIDED = re.compile(r"(?:[dDlLjJnNsScC]|[Qq]u|[Dd]ell|[Dd]all|[Nn]ell|[Ss]ull|[Aa]ll)['’](?=[^\W\d_])")


def unaccented(word: str) -> str:
    """'haïti' as 'haiti', 'sénégal' as 'senegal': the places list is written without accents."""
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


_GERMAN_WORDS = re.compile(
    r"\b(?:[Dd]er|[Dd]ie|[Dd]as|und|ist|nicht|mit|[Ee]in|[Ee]ine|einen|jeden|den|dem|des|sich|auf|für|[Ww]ir|ich|sie"
    r"|es|zu|von|bei|wurde|werden|haben|hat|sind|auch|noch|nach|wie|vor|aus|dass|unser|unsere|einmal|mehr|als|oder"
    # short sentences: the commonest adverbs and modals, and the numbers before a capitalised unit ('zehn Tage')
    r"|oft|nur|kann|können|wenn|aber|sehr|bis|man|kein|keine|immer|dann|meist|meistens|etwa|dauert"
    r"|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|zwölf)\b"
)


@lru_cache(maxsize=256)
def german(text: str, sentence: tuple[int, int]) -> bool:
    """A sentence in German (three of its commonest small words): there every noun is capitalised."""
    count = 0
    for _ in _GERMAN_WORDS.finditer(text, *sentence):
        count += 1
        if count >= 3:
            return True
    return False
