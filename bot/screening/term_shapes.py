"""The shapes of runs that name a thing, not a person: a list of diagnoses or drugs ('Hypertension,
Hyperlipidemia', not 'Last, First'), items under a note's label, a Title Case term ('Multiple Myeloma',
'Patient Safety huddle'), a town's head word ('San Diego') and a place to meet ('at Genoa Park').
"""

from __future__ import annotations

import re

from bot.screening.lay_titles import NAME_CUE_TITLE_WORDS
from bot.screening.name_shapes import _CLINICAL_TERM, _UPPER, _WORD, _after_section_label

_INVERTED_GAP = re.compile(r"\s*,\s*")


def _join_inverted(
    text: str, runs: list[tuple[str, int, int, float]], gaz=None
) -> list[tuple[str, int, int, float, bool]]:
    """Runs, with two NAME runs around a comma ('Geisler, Gonul') joined into one inverted name,
    unless the two are items of a list (see _list_items)."""
    out: list[tuple[str, int, int, float, bool]] = []
    cased = len(_UPPER.findall(text)) > 1  # once: a count per run is quadratic in a long list of names
    for label, start, end, confidence in runs:
        # A capitalised word then a lower-case one ('Normocephalic, atraumatic') is a list, not 'Last, First'.
        # In cased writing two lower-case runs around a comma ('diltiazem, anticoagulate') are a list too.
        mismatched = bool(out) and text[start].islower() and (text[out[-1][1]].isupper() or cased)
        gap = bool(out) and _INVERTED_GAP.fullmatch(text, out[-1][2], start) is not None
        if (
            # 'Last, First' has two parts: a run joined already takes no third (and a long 'Li, Li, Li, ...'
            # is not re-read as one growing name, which was quadratic)
            out and label == "NAME" == out[-1][0] and gap and not mismatched and not out[-1][4]
            and not (gaz is not None and _list_items(text, out[-1][1], out[-1][2], start, end, gaz))
        ):
            prev = out.pop()
            out.append(("NAME", prev[1], end, min(prev[3], confidence), True))
        else:
            out.append((label, start, end, confidence, False))
    return out


_ITEM_BEFORE = re.compile(r"[A-Za-z][\w'’-]*\s*,\s*$")
_ITEM_AFTER = re.compile(r"\s*,\s*[A-Z][a-z]")


def _list_items(text: str, a_start: int, a_end: int, b_start: int, b_end: int, gaz) -> bool:
    """Two runs around a comma that are items of a list, not 'Last, First': a third item beside them
    ('Thiamine, Folate, Multivitamin'), words that are all terms on no name list ('Hypertension,
    Hyperlipidemia'), or a label that introduces no person ('Bowel Regimen: Senna, Miralax'); the first
    and the last only when most of the words are dictionary or clinical words. A listed family name then
    a listed given name stays a name."""
    first = [w.lower() for w in _WORD.findall(text[a_start:a_end])]
    second = [w.lower() for w in _WORD.findall(text[b_start:b_end])]
    if any(w in gaz.last or w in gaz.first for w in first) and any(w in gaz.first for w in second):
        return False
    words = first + second
    # Surnames on a census or sign-out ('Census: Abernathy, Vole, Quist') are words no dictionary knows:
    # a third item or a label makes list items only of words that are mostly dictionary or clinical words.
    termish = 2 * sum(gaz.in_vocab(w) or _clinical_word(w) for w in words) >= len(words)
    if termish and (_ITEM_BEFORE.search(text, max(0, a_start - 30), a_start) or _ITEM_AFTER.match(text, b_end)):
        return True
    if termish and _after_section_label(text, a_start):
        return True
    return not any(w in gaz.first or w in gaz.last for w in words) and (
        all(gaz.in_vocab(w) or _clinical_word(w) for w in words) and any(_clinical_word(w) for w in words)
    )


def _clinical_word(word: str) -> bool:
    """A lower-cased word built like a clinical term: 'hyperlipidemia', 'myeloma', 'cholecystectomy'."""
    return _CLINICAL_TERM.fullmatch(word[:1].upper() + word[1:]) is not None


_LIST_ITEM_BEFORE = re.compile(r"(?<![\w'’/-])[A-Za-z][\w'’/-]*(?: [A-Za-z][\w'’/-]*){0,3},\s*(?:and\s+)?$")


def _in_label_list(text: str, start: int) -> bool:
    """An item of a comma list that a label introducing no person opens: 'Meds: Lipitor, Zetia',
    'Problem list: Gout, Anemia, Obesity'. Its capital opens an item, it says nothing of a person."""
    pos = start
    for _ in range(12):
        if _after_section_label(text, pos):
            return True
        item = _LIST_ITEM_BEFORE.search(text, max(0, pos - 60), pos)
        if item is None:
            return False
        pos = item.start()
    return False


_CAP_LEFT = re.compile(r"([A-Z][a-z][\w'’-]*) $")
_CAP_RIGHT = re.compile(r" ([A-Z][a-z][\w'’-]*)")
_TITLE_WORDS = NAME_CUE_TITLE_WORDS | frozenset("dr sgt officer coach pastor".split())
# A town's capitalised head word ('San Diego', 'Fort Collins'), and the compass words that head a state or a town
# ('West Virginia', 'North Carolina'): one list for every finder that asks.
TOWN_HEADS = r"San|Santa|Santo|Sao|St\.?|Saint|Sainte|Fort|Ft\.?|Port|Mount|Mt\.?|Lake|Los|Las|El|Palm|Del|Costa"
COMPASS_HEADS = r"West|North|South|East"
_PLACE_HEAD = re.compile(rf"(?:{TOWN_HEADS}) $")


def _title_case_term(text: str, start: int, end: int, gaz) -> bool:
    """A run inside a chain of capitalised words that names a thing, not a person: 'Multiple Myeloma',
    'Foley Catheter', 'Patient Safety (huddle)', 'Heart Failure (clinic)'. The chain has two or more
    words, no given name, no title, and ends in a word that is a plain dictionary or clinical word on no
    name list, where a person's name would end in a family name, and holds no unknown word."""
    words = _WORD.findall(text[start:end])
    if not words or any(w.isupper() for w in words):
        return False
    lo, hi = start, end
    for _ in range(6):
        left = _CAP_LEFT.search(text, max(0, lo - 30), lo)
        if not left:
            break
        words.insert(0, left.group(1))
        lo = left.start()
    for _ in range(6):
        right = _CAP_RIGHT.match(text, hi)
        if not right:
            break
        words.append(right.group(1))
        hi = right.end()
    lows = [w.lower().rstrip(".").removesuffix("'s").removesuffix("’s") for w in words]
    if len(lows) < 2 or any(w in gaz.first or w in _TITLE_WORDS for w in lows):
        return False
    if lows[-1] in gaz.last:
        return False
    # Every word is a dictionary or clinical word ('Alonso Hurst': an unknown word is a cue for a name).
    return all(gaz.in_vocab(w) or _clinical_word(w) or (w in gaz.last and w is not lows[-1]) for w in lows)


def _in_place_name(text: str, start: int) -> bool:
    """The run follows a town's capitalised head word: 'San Diego', 'Fort Collins', 'Lake Tahoe'."""
    return _PLACE_HEAD.search(text, max(0, start - 8), start) is not None


_LANDMARK = frozenset(
    """park mile commons plaza square stadium arena field fields center centre hall auditorium pavilion garden
    gardens trail beach pier zoo museum library church chapel mall market lake river island bridge tower
    theater theatre amphitheater grounds campus building""".split()
)
_AT_BEFORE = re.compile(r"(?i:\b(?:at|to|from|near|in|outside|by|around)\s+(?:the\s+)?)$")


def _venue(text: str, start: int, end: int, gaz) -> bool:
    """A run inside a capitalised name that ends in a landmark word, after 'at / to / near': 'at Scioto
    Mile', 'starts at Genoa Park'. A place to meet, not a person (no word of it is a given name)."""
    lo, hi = start, end
    words = _WORD.findall(text[start:end])
    for _ in range(4):
        left = _CAP_LEFT.search(text, max(0, lo - 30), lo)
        if not left:
            break
        words.insert(0, left.group(1))
        lo = left.start()
    for _ in range(3):
        right = _CAP_RIGHT.match(text, hi)
        if not right:
            break
        words.append(right.group(1))
        hi = right.end()
    lows = [w.lower() for w in words]
    if len(lows) < 2 or lows[-1] not in _LANDMARK or any(w in gaz.first for w in lows[:-1]):
        return False
    return _AT_BEFORE.search(text, max(0, lo - 16), lo) is not None
