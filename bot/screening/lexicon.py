"""The screen's word lists and word shapes: given and family names, common and dictionary words, drug-name
endings and units. The token tagger and the sentence models both read words through these.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from pathlib import Path

TOKEN = re.compile(r"[^\W\d_](?:[^\W_]|['’.-](?=[^\W\d_]))*|\d+(?:[.,:/-]\d+)*[A-Za-z]*|[^\w\s]")
_DRUG_ENDING = re.compile(
    r"(?:pril|sartan|olol|statin|dipine|azole|mab|nib|tide|gliptin|gliflozin|floxacin|cycline|cillin"
    r"|mycin|azepam|zolam|codone|profen|formin|oxetine|triptyline|parin|xaban|sone|terol|pentin|amine"
    r"|triptan|lukast|dronate|semide|thiazide|tidine|clovir|tadine)$"
)
# The same endings anywhere in a lower-cased text, in one scan. A match starts only where a run of
# letters starts: from every position inside a long run the greedy run would backtrack (quadratic).
DRUG_WORD = re.compile(r"(?<![a-z])[a-z]+" + _DRUG_ENDING.pattern.removesuffix("$") + r"\b")
# The same endings after a stem of two letters or more, for the sentence models ('april' is no 'a-pril').
STEMMED_DRUG = re.compile(r"(?<![a-z])[a-z]{2,}" + _DRUG_ENDING.pattern.removesuffix("$") + r"\b")
_UNIT = frozenset("mg mcg milligrams micrograms meq ml units puffs tabs tablets pills g iu cc drops".split())
# An amount written as one token ('400mg', '5g', '0.5ml', '20meq'): the dose cue, as for '400 mg'.
_GLUED_DOSE = re.compile(r"\d+(?:\.\d+)?(?:mg|mcg|g|ml|meq|iu|cc|units?|tabs?|puffs?)")



def shape(word: str) -> str:
    """Coarse word shape: Xx, x, X, d, Xd (mixed), p (punctuation)."""
    if word.isdigit():
        return "d"
    if not word[0].isalnum():
        return "p"
    if any(c.isdigit() for c in word):
        return "Xd"
    if word.isupper():
        return "X" if len(word) > 1 else "Xx"
    if word[0].isupper():
        return "Xx"
    return "x"


class SortedWords:
    """A large read-only word set kept as one sorted list: built in a fraction of a set's time (the
    dictionary has 200,000 words and start-up must stay short); membership is a binary search."""

    __slots__ = ("_words",)

    def __init__(self, words) -> None:
        self._words = sorted(words)

    def __contains__(self, word: object) -> bool:
        words = self._words
        i = bisect_left(words, word)
        return i < len(words) and words[i] == word

    def __len__(self) -> int:
        return len(self._words)

    def __iter__(self):
        return iter(self._words)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SortedWords) and self._words == other._words

    def __hash__(self) -> int:
        return hash(len(self._words))


@dataclass(frozen=True)
class Gazetteer:
    """Lower-cased given and family names (Faker locales, MIT) used as tagger features."""

    first: frozenset[str]
    last: frozenset[str]
    common: frozenset[str] = frozenset()
    # Dictionary words (base forms): a word in none of the lists is unknown, a cue for a name in context.
    vocab: SortedWords | frozenset[str] = frozenset()
    # Frequent words of Spanish, Portuguese, French, German and Italian that are no one's name (not a tagger feature:
    # a filter on the tagger's runs, `learned_findings`).
    frequent: frozenset[str] = frozenset()
    # The most frequent of those words and of Filipino, not English ones ('uma', 'pero', 'hanno', 'lang'): their
    # company tells the language of a sentence.
    function: frozenset[str] = frozenset()

    @classmethod
    def load(cls, path: Path) -> Gazetteer:
        # Sections start at '# first', '# last', ...: split once, not line by line (start-up time).
        buckets: dict[str, list[str]] = {}
        for section in ("\n" + path.read_text("utf-8")).split("\n# ")[1:]:
            name, _, body = section.partition("\n")
            buckets[name.strip()] = [w for w in body.split("\n") if w and not w.startswith("#")]
        first, last, common = (frozenset(buckets.get(k, ())) for k in ("first", "last", "common"))
        return cls(
            first,
            last,
            common,
            SortedWords(buckets.get("vocab", ())),
            frozenset(buckets.get("frequent", ())),
            frozenset(buckets.get("function", ())),
        )

    def flags(self, low: str) -> str:
        """The word's list flags: F given name, L family name, c common word, v dictionary word."""
        cache = self._cache()
        found = cache.get(low)
        if found is None:
            found = (
                ("F" if low in self.first else "")
                + ("L" if low in self.last else "")
                + ("c" if low in self.common else "")
                + ("v" if self.vocab and low[0].isalpha() and self.in_vocab(low) else "")
            )
            if len(cache) < 200_000:
                cache[low] = found
        return found

    def word_info(self, word: str) -> tuple[str, str, str, tuple[str, ...]]:
        """(lower-cased, shape, list flags, the word's own features), cached per process."""
        cache = self.__dict__.get("_info_cache")
        if cache is None:
            cache = {}
            object.__setattr__(self, "_info_cache", cache)
        info = cache.get(word)
        if info is None:
            low = word.lower()
            flags = self.flags(low)
            own = ("w=" + low, "s=" + shape(word), "g=" + flags, "p3=" + low[:3], "x3=" + low[-3:],
                   "x2=" + low[-2:], "x4=" + low[-4:], "len=" + str(min(len(low), 8)))
            info = (low, shape(word), flags, own)
            if len(cache) < 200_000:
                cache[word] = info
        return info

    def _cache(self) -> dict[str, str]:
        cache = self.__dict__.get("_flag_cache")
        if cache is None:
            cache = {}
            object.__setattr__(self, "_flag_cache", cache)
        return cache

    def in_vocab(self, low: str) -> bool:
        """A dictionary word, or an inflection of one ('asked', 'reports', 'ambulating', 'knees')."""
        vocab = self.vocab
        if low in vocab or low in self.common:
            return True
        if "-" in low:  # 'year-old', 'follow-up'
            return all(part in vocab or part in self.common for part in low.split("-") if part)
        head, apostrophe, tail = low.replace("’", "'").partition("'")
        if apostrophe and tail in _CLITICS:  # "i've", "can't", "she'll"
            return len(head) < 3 or self.in_vocab(head)
        for suffix, repl in _INFLECTIONS:
            if low.endswith(suffix) and len(low) - len(suffix) >= 3:
                stem = low[: -len(suffix)]
                if stem + repl in vocab:
                    return True
                if not repl and len(stem) > 3 and stem[-1] == stem[-2] and stem[:-1] in vocab:  # 'stopped'
                    return True
        return False


_INFLECTIONS = (
    ("ies", "y"), ("es", ""), ("s", ""), ("ied", "y"), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"),
    ("ly", ""), ("er", ""), ("est", ""),
)
_CLITICS = frozenset({"ve", "ll", "re", "d", "m", "t"})



# Fillers that can never be a command's verb ('uh the conference ...'); 'just', 'please' and the rest above can
# be followed by one.
_FILLERS = frozenset("um uh er erm hmm ok okay alright yeah yep like".split())
# Words of address before what one reader is told ('sis thats a UTI', 'señora tome la pastilla', 'sir stop the X'):
# the clause after one opens as if it were not there.
VOCATIVE_WORDS = (
    "sis bro dude buddy man hon honey babe girl mama mate fam friend ate kuya bhai yaar habibi habibti amiga amigo"
    " mija mijo chica chico sir ma'am maam madam señora señor senora senor doña signora signore madame monsieur"
    " senhora senhor"
).split()
