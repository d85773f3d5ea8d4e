"""Orders to one reader in the other languages the screen reads by rule, on a medicine or with a dose.

The advice model learned Spanish, Portuguese, French, German, Italian, Vietnamese and Tagalog from its grammar; here
are the shapes that need no model in any of them: a command with a dose ('Prenda 400 mg di ibuprofene', 'tómese dos
tabletas'), a command on a drug by name after the reader's pronoun or a modal ('Odstaw ten ibuprofen', 'Anh ngưng
uống thuốc huyết áp'), Polish 'proszę' orders and bans, and Hindi as chat writes it in Latin letters, whose command
comes last ('amoxicillin aaj se shuru karo'). Arabic and Hindi in Latin letters and Polish are read by rule only: a
retrain with them in the grammar cost more than it gained.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.screening.clauses import FOREIGN_COMMANDS
from bot.screening.lowered import Lowered


def other_language_order(text: str, start: int, end: int, named_drug: Callable[[str], bool]) -> bool:
    """Does the clause [start, end) order its reader about a medicine in another language? `named_drug` says whether
    a lower-case word names a drug."""
    if _POLISH_ORDER.match(text, start, end):
        return True
    # The order opens the clause, or its main clause after a condition, a vocative or an opening: 'mẹ em bị táo bón
    # thì cho bác uống Miralax 1 gói mỗi sáng', 'okay po, so, uh, itigil n'yo muna yung metformin'.
    for opening in (start, *(inner.end() for inner in _MAIN_CLAUSE.finditer(text, start, end))):
        if _FOREIGN_DOSE_ORDER.match(text, opening, end):
            return True
        named = _FOREIGN_DRUG_ORDER.match(text, opening, end)
        if named and any(
            _drug_in_any_language(_ELIDED.sub("", w), named_drug) for w in named.group("drug").lower().split()
        ):
            return True
    for verb_last in _HINDI_ORDER.finditer(text, start, end):
        ordered = (verb_last.group("drug") or verb_last.group("med")).lower()
        if ordered in _HINDI_MEDICINE or named_drug(ordered):
            return True
    return False


def _drug_in_any_language(word: str, named_drug: Callable[[str], bool]) -> bool:
    """A drug's name, or its Romance form with a final vowel added ('aspirina', 'ibuprofene', 'paracetamolo')."""
    return named_drug(word) or (len(word) > 5 and word[-1] in "aoe" and named_drug(word[:-1]))


# An article elided onto the drug's name in Italian and French ("l'aspirina", "d'ibuprofène").
_ELIDED = re.compile(r"^(?:l|d|dell|all|nell|dall|sull)['’]")


# Hindi in Latin letters puts the command last: 'amoxicillin aaj se shuru karo', 'yeh dawai band kar do'.
_HINDI_ORDER = Lowered(
    # (words of a bounded length: an unbounded one rescans 'a-a-a-…' from every letter)
    r"(?i:\b(?=(?P<drug>[a-z][\w-]{2,40})\b(?: [\w-]{1,40}){0,3}? (?:shuru karo|shuru kar do|band karo|band kar do"
    r"|le lo|lijiye|khao|khaiye|mat lo|mat khao|badha do|kam karo|kam kar do|leni hai|lena hai|leni hogi|lena hoga"
    r"|band mat karna|band mat karo|lena|lete rehna|lete raho)\b)"
    # ... or a ban before its object: 'khali pet mat lena ye dawa'
    r"|\b(?:mat|na) (?:lena|lo|lijiye|khana|khao) (?:ye|yeh|woh|apni|ap ki|aapki)? ?(?P<med>dawa|dawai|goli)\b)"
)
_HINDI_MEDICINE = frozenset({"dawai", "dawa", "goli"})
# Polish: 'proszę' with an infinitive, or a familiar ban, on a medicine ('nie pij alkoholu z tym antybiotykiem').
_POLISH_ORDER = Lowered(
    r"(?i:\W*(?:proszę (?:brać|przyjmować|zażywać|odstawić|stosować|zwiększyć|zmniejszyć)"
    r"|nie (?:pij|bierz|łącz|odstawiaj|przerywaj)|weź|wez|bierz|odstaw|przyjmuj|zażywaj|stosuj)"
    r"\b[^.;!?]{0,50}?\b(?:lek\w*|antybiotyk\w*|tabletk\w*|kropl\w*|maś\w*"
    r"|dawk\w*|insulin\w*|\d+ ?mg))"
)
# Amounts in words in the other languages ('tómese dos tabletas', 'prenez deux comprimés', 'weź dwie tabletki').
_FOREIGN_AMOUNTS = (
    r"una|uno|dos|tres|media|medio|um|uma|duas|meia|un|une|deux|trois|demi|eine[n]?|zwei|drei|halbe|due|tre|mezza"
    r"|mezzo|jedn[aą]|dwie|dwa|trzy|pół|hai|ba|nửa|isang|dalawang|tatlong|kalahating"
)
_SPANISH_COMMANDS = tuple("tome tómese tomese deje suspenda aumente baje dele empiece siga reduzca".split())
# A command in another language on a drug by name, after the reader's pronoun or a modal ('Odstaw ten ibuprofen',
# 'khod habbayteen panadol', 'Anh ngưng uống thuốc huyết áp', 'laazim tw2af el dawa').
_FOREIGN_DRUG_ORDER = Lowered(
    r"(?i:\W*(?:(?:anh|chị|em|bác|cô|chú|bạn|con|cháu|musi pan|musi pani|musisz|lazem|laazim|lazim)\s+)?"
    rf"(?:{'|'.join(sorted(FOREIGN_COMMANDS, key=len, reverse=True))}|zwiększyć|zmniejszyć|odstawić|brać|tw2af|tewa2af"
    # (the drug within four words: Tagalog puts its particles first, 'itigil n'yo muna yung metformin')
    r"|takhod)\s+(?P<drug>[^\W\d][\w'’-]*(?:\s+[^\W\d][\w'’-]*){0,3}))"
)
# A command in another language with a dose right after it ('Prenda 400 mg di ibuprofene ogni otto ore', 'tome 2
# comprimidos', 'uống 500 mg'): the formal or familiar imperative speaks to one reader, the dose is theirs.
_ANY_COMMAND = "|".join(sorted(FOREIGN_COMMANDS + _SPANISH_COMMANDS, key=len, reverse=True))
_FOREIGN_DOSE_ORDER = re.compile(
    # (after an aside in brackets: '(wrong window sorry) tómese dos tabletas'; Vietnamese gives it to someone:
    # 'cho bé uống', 'cho bác uống')
    rf"(?i:\W*(?:\([^()]{{0,40}}\)\W*)?(?:cho (?:bé|bác|con|cháu|mẹ|bố|ba|má|ông|bà|anh|chị|em)\s+)?"
    rf"(?:(?:{_ANY_COMMAND})\s+)"
    rf"(?:[^\W\d]+\s+){{0,2}}(?:\d+(?:[.,]\d+)?|{_FOREIGN_AMOUNTS})\s*(?:mg|mcg|µg|ml|g|gotas|gouttes|Tropfen|gocce"
    r"|unidades|unités|Einheiten|unità|comprimidos?|comprimés?|Tabletten?|compresse|pastillas?|cápsulas?|tabletas?"
    r"|capsules?|gélules?|Kapseln?|tabletk[aię]|tabletek|viên|gói|sachets?|sobres?|sachês?|Beutel|bustin[ae])\b)"
)
# Where the main clause opens after a condition or a vocative inside the clause: a comma, or a word for 'then'.
_MAIN_CLAUSE = Lowered(r"(?i:,\s*|\b(?:thì|thi|entonces|então|alors|dann|allora|tapos)\s+)")
