"""Findings from the learned models, filtered through the same allow-lists and masks as the rules."""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import cache, lru_cache

from bot.screening.advice import _MEDS, defer_scope, defers, full_stops
from bot.screening.context import has_person_cue
from bot.screening.dates import MONTHS, WEEKDAYS
from bot.screening.findings import Finding
from bot.screening.learned import (
    _DRUG_ENDING,
    DRUG_WORD,
    SCHEDULE,
    SentenceClassifier,
    TokenTagger,
    commands,
    load_advice_model,
    sentence_features,
)
from bot.screening.learned import (
    _IMPERATIVE as _IMPERATIVE_VERBS,
)
from bot.screening.names import _CREDENTIAL_AFTER, _DOCTOR_BEFORE, _EPONYM_WORDS, _NOT_NAMES, Roster, eponym_mask
from bot.screening.places import _LARGE_PLACES, STATES

# A run with a listed given or family name needs less confidence than an unlisted word.
NAME_THRESHOLD = 0.5
NAME_THRESHOLD_UNLISTED = 0.85
# A capitalised run at least this sure needs no cue around it.
NAME_THRESHOLD_SURE = 0.95
PLACE_THRESHOLD = 0.6
PLACE_THRESHOLD_UNLISTED = 0.7
ADVICE_THRESHOLD = 0.3
# 'You' or a command alone, with no drug, dose or test we know, is usually the general reader: be surer.
ADVICE_THRESHOLD_YOU_ONLY = 0.9
# A command passed on to 'you' ('we'd suggest you stop the <drug no list knows>'): the classifier judges.
ADVICE_THRESHOLD_TOLD = 0.6
# An amount on a schedule with no one named or commanded ('rest, fluids and 2 X every 4 hours').
ADVICE_THRESHOLD_UNADDRESSED = 0.6
_AMOUNT = re.compile(r"(?i:\b(?:\d+(?:\.\d+)?|one|two|three|four|five|ten|fifteen|twenty|half|a couple)\b)")
_UNLESS = re.compile(
    r"(?i:\bon (?:your|their) own\b|\bby (?:yourself|themselves)\b"
    r"|\b(?:prescriber|doctor|physician)['’]s (?:help|guidance|advice)"
    r"|\bunless (?:your|a|the) (?:doctor|surgeon|physician|provider|pharmacist|nurse|care team|prescriber)"
    r"|\b(?:your|a|the) (?:doctor|surgeon|physician|provider|pharmacist|care team|prescriber) (?:tells|says|decides)"
    r"|\bunless (?:instructed|told|directed|advised) otherwise\b)"
)
# A text that labels itself as general material ('Patient education:', 'Handout -', 'FAQ:') speaks to
# every reader: its commands need the classifier's full confidence.
_EDUCATION_LABEL = re.compile(
    r"(?i:^\W*(?:[\w ]{0,30}\b)?(?:education|educational|handout|faq|info sheet|fact sheet|leaflet|template"
    r"|general (?:info|information|instructions)|drug info|drug reference)\b[^:\n]{0,40}[:\-–—])"
)
# Someone particular in a story: 'whose ACL I fixed', 'who I started seeing'.
_STORY_CUE = re.compile(r"\b(?:who|whose|whom)\b")
_QUESTION_START = re.compile(
    r"(?i:(?:[\w#' ]{0,40}:\s*)?(?:do|does|did|can|could|should|is|are|will|would|how|what|when|why|which)\s)"
)
STORY_THRESHOLD = 0.4
# A place is PHI when it locates a person: a person in the text, or words about living or staying.
_RESIDENCE = re.compile(
    r"(?i:\b(?:lives?|living|lived|resides?|residing|moved|staying|stays|transferred|admitted|discharged?|seen at"
    r"|sent to|returned to|from|visiting"
    r"|room|rm|bed|apt|home)\b)"
)
_PLACE_HEADS = frozenset("el la las los san santa santo sao st saint sainte fort ft port mount mt lake camp".split())
_CAPITALISED = re.compile(r"\b[A-Z][a-z]")
_CALENDAR = frozenset((MONTHS + "|" + WEEKDAYS).lower().split("|"))
_NOT_NAME_LOWER = frozenset(w.lower() for w in _NOT_NAMES)
_EPONYM_WORDS_LOWER = frozenset(w.lower() for w in _EPONYM_WORDS)
# An unlisted word needs a cue that it names someone: a title, relation or greeting before it, or a
# verb of saying or visiting after it. Without one, 'Chest pain' or 'lower mortality' is not a name.
_CUE_BEFORE = re.compile(
    r"(?i:\b(?:mr|mrs|ms|mx|miss|sra?|srta|don|doña|mme|herr|frau|m|son|daughter|husband|wife|mom|mother|dad"
    r"|father|sister|brother|aunt|uncle|niece|nephew|grandma|grandpa|grandmother|grandfather|granddaughter"
    r"|grandson|partner|fianc[eé]e?|girlfriend|boyfriend|neighbou?r|roommate|caregiver|guardian|proxy|poa"
    r"|stepdad|stepmom|hijo|hija|esposo|esposa|pt|patient|named|called|contact|thanks|thank you|name is|name's"
    r"|shoutout|shout out|visited|hi|hey|dear|lol|omg|ugh|haha|re"
    # Titles of rank, office or calling: 'sergeant hollis', 'coach diaz', 'pastor mike'.
    r"|sgt|sergeant|officer|coach|pastor|capt|captain|judge|rev|reverend|deputy|chief|lt|lieutenant|major"
    r"|prof|professor|rabbi|imam|senator|mayor|corporal|private|elder|auntie|abuela|abuelo|t[ií]a|t[ií]o"
    # Verbs of telling, seeing or meeting someone: 'i told linda garcia', 'we talked to sarah'.
    r"|told|tell|telling|saw|see|seeing|seen|met|meet|meeting|treated|treating|examined|texted|emailed|messaged"
    r"|(?:talked|talking|talk|spoke|speaking|spoken|chatted|met|visited|checked in) (?:to|with|on))\b[\s,:.(]*"
    r"|[:(]\s*)$"
)
_CUE_AFTER_WORDS = (
    r"(?i:[\s,)]*(?:['’]s\b|said|says|asked|asks|was|is|came|comes|called|calls|texted|wants|has|had|who|and"
    r"|just|finally|keeps|got|gets|will|would|can|could|did|does|sent|told|loves|loved|reports|presented"
    r"|ambulating|tolerating|seen|here|from|\(|,\s*(?:(?:son|daughter|wife|husband|mom|dad)\b"
)
_CUE_AFTER = re.compile(_CUE_AFTER_WORDS + r"|\d|[a-z]+ *[,)])))")
# For a lower-case run, ', word,' after it is a list ('asymmetry, border, color'), not 'jo, 45,'.
_CUE_AFTER_STRICT = re.compile(_CUE_AFTER_WORDS + r"|\d)))")
# A possessive before a relation: "obi's mom", 'the Nguyens' daughter'.
_RELATION_AFTER = re.compile(
    r"\s+(?:son|daughter|husband|wife|mom|mother|dad|father|sister|brother|aunt|uncle|grandma|grandpa|kid|kids"
    r"|baby|boyfriend|girlfriend|partner|family|fianc[eé]e?|niece|nephew|grandson|granddaughter)\b",
    re.IGNORECASE,
)
_NOT_PLACE_LOWER = frozenset(w.lower() for w in STATES | _LARGE_PLACES)
_HONORIFIC_BEFORE = re.compile(r"(?i:\b(?:mr|mrs|ms|mx|miss|sra?|srta|don|doña|mme|herr|frau)\.?\s+)$")
_MED_WORD = re.compile(rf"(?:{_MEDS})")
_MEDS_NO_SHOTS = _MEDS.replace("|chemo|treatment|therapy|injections?|shots?", "")
_NEVER_NAMES = frozenset(
    """son daughter husband wife mom mother dad father sister brother aunt uncle niece nephew grandma grandpa
    grandmother grandfather granddaughter grandson partner fiance fiancee girlfriend boyfriend neighbor
    roommate caregiver guardian proxy poa stepdad stepmom hijo hija esposo esposa pt patient family friend
    collateral hallway bedside surgery clinic cardiology oncology pediatrics radiology my our your
    colleague colleagues sir madam doctor physician provider team
    na cl co2 bun cr ca mg phos wbc hgb hct plt alt ast alp inr ptt tsh cbc cmp bmp ua lfts lft ldh crp esr bnp
    trop bili alk lytes abg vbg hba1c ggt ck cpk lipase amylase ferritin tibc retic diff""".split()
)
_NOT_HEAD_TAIL = _NEVER_NAMES | frozenset(
    "with and for the to of in on at from by near now then her his their house home".split()
)
# Split a sentence further at any full stop, question mark or semicolon, whatever the next letter's case.
# A dash clause starts only where a run of spaces starts, else a long run is re-scanned from each space.
_CLAUSE_END = re.compile(r"(?<=[.!?;])\s+|\n+|(?<!\s)\s+[-–—]\s+")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
# Advice is aimed at someone: 'you', an imperative opening a clause, a dose, a drug, or 'I'll / we'll'.
_ADDRESSED = re.compile(
    r"(?i:(?:^|[.;:,!?-]\s*|\b(?:and|then|just|so|pls|please|now|also)\s+)(?:stop|start|restart|resume|take|cut|hold"
    r"|skip|double|halve|increase|decrease|reduce|go|put|give|use|try|switch|bump|drop|quit|keep|continue|apply|wean"
    r"|come|get|book|ice|rest|split|crush|chew|swallow|taper|finish|rub|spray|inject|lower|raise|add|change"
    r"|tome|tómese|deje|suspenda|aumente|dele|use|vaya|no tome|siga|empiece)\b"
    r"|\b(?:I'll|I will|we'll|we will|I'd|I would|we'd|we would|let's(?! (?:say|imagine|suppose|talk|look))"
    r"|I recommend|I'm going to|we're going to"
    r"|(?:I'm|we're|I am|we are) (?:upping|increasing|raising|lowering|decreasing|cutting|stopping|starting"
    r"|switching|changing|adding|bumping|holding|restarting|putting you|taking you)"
    r"|I'm gonna|we're gonna|le recomiendo|les recomiendo)\b"
    r"|\d\s*(?:mg|mcg|milligrams?|ml|units|puffs|tabs?|tablets?|pills?)\b)"
)
REASONS = {
    "name": "looks like a person's name (found by the name model from its context)",
    "geography": "names a town, facility or room where a particular person lives or stays",
    "advice": "reads as advice to one person about their own treatment or diagnosis",
    "patient_story": "describes a particular patient in enough detail that someone could recognise them",
}


def _plain_word(word: str, gaz) -> bool:
    """Words that are never a name on their own: relations, common words, drug names, single letters."""
    return (
        word in _NEVER_NAMES
        or word in gaz.common
        or len(word) == 1
        or _DRUG_ENDING.search(word) is not None
        or _MED_WORD.fullmatch(word) is not None
    )


def _trim_plain(text: str, start: int, end: int, gaz, caseless: bool = False) -> tuple[int, int]:
    """A run without the common words at its edges ('Mounjaro are' is 'Mounjaro')."""
    matches = list(_WORD.finditer(text, start, end))
    capitalised = not caseless and any(m.group(0)[0].isupper() for m in matches)

    def plain(word: str) -> bool:
        """Beside capitalised words, a lower-case dictionary word; in a lower-case run, a common word
        or a dictionary word that is on no name list ('hernandez finally came back')."""
        low = _strip(word)
        if capitalised:
            return low in gaz.common or (word.islower() and gaz.in_vocab(low))
        flags = gaz.flags(low)
        return "c" in flags or ("v" in flags and "F" not in flags and "L" not in flags)

    while len(matches) > 1 and plain(matches[-1].group(0)):
        matches.pop()
        end = matches[-1].end()
    while len(matches) > 1 and plain(matches[0].group(0)):
        matches.pop(0)
        start = matches[0].start()
    return start, end


def _abbreviation(word: str) -> bool:
    """'AFib', 'eGFR', 'HbA1c': short, several capitals, not all of them."""
    return len(word) <= 5 and sum(c.isupper() for c in word) >= 2 and not word.isupper()


def _strip(word: str) -> str:
    return re.sub(r"(?:['’]s|['’])$", "", word).strip(".").lower()


def tagged_findings(
    text: str,
    tagger: TokenTagger,
    allowed_words: frozenset[str],
    sentences: list[tuple[int, int]],
    allowed_places: frozenset[str] = frozenset(),
    roster: Roster | None = None,
) -> Iterator[Finding]:
    """Names and places from the token tagger, minus allow-listed people, doctors and eponyms."""
    # In ALL-CAPS text, capitals say nothing: every run is judged as a lower-case one would be.
    caseless = _mostly_upper(text)
    if caseless or len(_CAPITALISED.findall(text)) <= 1:  # lower-case chat (one capital may open it)
        yield from lower_case_places(text, tagger.gazetteer, allowed_places or allowed_words)
    runs = tagger.spans(text)
    if not runs:
        return
    mask = eponym_mask(text)
    # Eponyms ('Parkinson's, Alzheimer's') go first, so two of them are never joined into one name.
    runs = _join_inverted(text, [r for r in runs if not any(s <= r[1] and r[2] <= e for s, e in mask)])
    gaz = tagger.gazetteer
    for label, start, end, confidence, inverted in runs:
        start, end = _trim_plain(text, start, end, gaz, caseless)
        ends = [m.end() for m in _WORD.finditer(text, start, end)] if label == "NAME" else []
        if ends:
            end = ends[-1]  # a number the run swallowed ('Fenella Quist 207-555-0139') is not the name
        words = [_strip(w) for w in _WORD.findall(text[start:end])]
        words = [w for w in words if w]
        if not words or any(s <= start and end <= e for s, e in mask):
            continue
        if label == "NAME" and roster is not None:
            if roster.allows(words, text[max(0, start - 24) : start]):
                continue  # one allow-listed person, not a namesake under 'Mrs.' or after 'my patient'
        elif label != "NAME" and _public_place(words, allowed_places or allowed_words, gaz):
            continue
        elif all(w in (allowed_words if label == "NAME" else allowed_places or allowed_words) for w in words):
            continue
        if _abbreviation(text[start:end]) or all(_notation_word(w) for w in _WORD.findall(text[start:end])):
            continue  # 'MoCA', 'eGFR', 'D-dimer', 'X-ray'
        if label == "NAME" and _section_label(text, start, end, words, gaz):
            continue  # 'Constitutional:', 'Assessment and Plan:', 'HEENT:' head a section, they name no one
        titled_word = _HONORIFIC_BEFORE.search(text[max(0, start - 8) : start]) and all(gaz.flags(w) for w in words)
        if label == "NAME" and not caseless and not titled_word and _acronym_run(text[start:end], words, gaz):
            continue  # 'CPAP, GERD', 'TKA, CABG', 'NSTEMI': acronyms in mixed-case text
        if label == "NAME" and not listed_any(words, gaz) and _not_a_person_word(text, start, end):
            continue  # 'Klebsiella pneumoniae' (a genus and species), 'Electronically signed' (an adverb)
        if label == "NAME" and _DOSE_AFTER.match(text, end):
            continue  # a brand and its strength, not a person
        if (
            label == "NAME"
            and len(words) == 1
            and not (words[0] in gaz.first or words[0] in gaz.last)
            and _TAKING_BEFORE.search(text, max(0, start - 24), start)
        ):
            continue  # 'while taking Percocet', 'started on Brilinta': a brand no list knows
        addressed = label == "NAME" and _addressed_by_name(text, start, words, gaz)
        if all(_plain_word(w, gaz) for w in words) and not addressed:
            continue
        if _drug_brand(text, start, end, gaz):
            continue  # 'isotretinoin (Accutane)', 'Accutane (isotretinoin)'
        listed = any((w in gaz.first or w in gaz.last) and w not in _NOT_NAME_LOWER for w in words)
        if label == "NAME":
            # An unlisted run right after a title or relation word ('sergeant hollis', 'son don') needs
            # only the listed-name confidence: the word before says a name follows.
            titled = _TITLE_BEFORE.search(text, max(0, start - 16), start) is not None
            if confidence < (NAME_THRESHOLD if listed or inverted or titled else NAME_THRESHOLD_UNLISTED):
                continue
            if all(w in _NOT_NAME_LOWER or w in _EPONYM_WORDS_LOWER for w in words):
                continue
            if _CREDENTIAL.search(text[start:end]) or _CREDENTIAL_AFTER.match(text, end):
                continue  # 'Savannah Parks, MD': a clinician signing, not a patient
            lower = text[start:end].islower() or caseless
            dictionary = all("v" in gaz.flags(w) and not {"F", "L"} & set(gaz.flags(w)) for w in words)
            if lower and dictionary and not titled:
                continue  # lower-case dictionary words on no name list: 'bacteria', 'asymmetry', 'kindly'
            # 'Last, First' (two name runs around a comma) or a capitalised run the tagger is all but
            # sure of is a name in any context; otherwise an unlisted or lower-case run needs a cue.
            # Ambiguous shapes need a cue too: a short ALL-CAPS word in mixed-case text (an acronym:
            # 'UCL', 'RAI') and a capitalised dictionary word opening a sentence ('Forum post:').
            # A field opened by a section label ('HEENT: Normocephalic', 'Nose: Septum midline') is
            # capitalised because it opens the field: its capital says nothing.
            ambiguous = not inverted and (
                (_after_section_label(text, start) and not listed and not _full_name_shape(text[start:end]))
                or len(words) == 1 and (
                    (text[start:end].isupper() and len(words[0]) <= 4 and not _mostly_upper(text))
                    or (_opens_sentence(text, start) and gaz.in_vocab(words[0]))
                )
            )
            # Lower-case, the tagger must be as sure and no word may be a dictionary word ('cristea').
            sure = inverted or (
                not ambiguous
                and confidence >= NAME_THRESHOLD_SURE
                and (not lower or not (any(gaz.in_vocab(w) for w in words) or _opens_sentence(text, start)))
            )
            needs_cue = (lower or not listed or ambiguous) and not sure
            if needs_cue and not _name_context(text, start, end, lower or ambiguous):
                continue
            if _DOCTOR_BEFORE.search(text[max(0, start - 12) : start]):
                continue
            honorific = _HONORIFIC_BEFORE.search(text[max(0, start - 8) : start])
            begin = start - len(honorific.group(0)) if honorific else start
            yield Finding("name", begin, end, REASONS["name"])
        else:
            if confidence < (PLACE_THRESHOLD if listed else PLACE_THRESHOLD_UNLISTED):
                continue
            if words[0] in _CALENDAR:
                continue  # 'from october ninth': a date, not a place
            if not caseless and text[start:end].islower() and len(_UPPER.findall(text)) > 1 and all(
                gaz.in_vocab(w) for w in words
            ):
                continue  # cased writing capitalises its towns: 'at discharge', 'basal-bolus' are plain words
            if len(words) == 1 and len(words[0]) <= 4 and (text[start:end].islower() or text[start:end].isupper()):
                continue  # a unit or a ward ('icu', 'PACU', 'er'), not a town
            # 'the South', 'West Texas' are regions; 'North Mollyside' is a town.
            if " ".join(words) in _NOT_PLACE_LOWER or all(w in _NOT_PLACE_LOWER for w in words):
                continue
            if not (has_person_cue(text, 0, len(text)) or _RESIDENCE.search(text)):
                continue
            yield Finding("geography", start, end, REASONS["geography"])


# Where someone lives or stays, in lower-case chat: 'lives with son in rockville', 'drove in from x'.
_LOWER_PLACE = re.compile(
    r"\b(?:(?:is|comes|came(?: up| down| in| over)?|drove(?: in| up| down| over)?|visiting|transferred|moved"
    r"|moving|relocated)\s+(?:from|to)"
    r"|(?:lives?|living|lived|resides?|residing|staying|stays|stayed|grew up|place|house|home|farm|apartment"
    r"|trailer|cabin|stationed|based|moved|moving)"
    r"(?:\s+(?:alone|now|still|together|with (?:(?:her|his|their|my|our) )?[a-z]+))?"
    r"\s+(?:in|from|to|near|outside(?: of)?|at|out in|over in|up in|down in|by))\s+"
    r"((?:st|mt|ft)\.\s+[a-z][\w'-]*|[a-z][\w'-]*(?:\s+[a-z][\w'-]*){0,2})"
)


def lower_case_places(text: str, gaz, allowed: frozenset[str]) -> Iterator[Finding]:
    """Towns in lower-case text after words of living or coming from, when the place ends in a word on
    no dictionary or common list ('rockville', 'lake mandy'): in such text capitals cannot cue the tagger."""
    lowered = text.lower() if _mostly_upper(text) else text
    for match in _LOWER_PLACE.finditer(lowered):
        words = match.group(1).split()
        bare = [_strip(w) for w in words]
        unknown = [i for i, w in enumerate(bare) if w and not gaz.in_vocab(w) and w not in gaz.common]
        if not unknown and len(bare) > 1 and bare[0] in _PLACE_HEADS and bare[1] not in _NOT_HEAD_TAIL:
            unknown = [1]  # a town's head word: 'el paso', 'fort hood', 'san marcos', 'lake placid'
        if not unknown:
            continue
        last = unknown[-1] if unknown[0] == 0 or unknown[-1] <= 2 else unknown[0]
        bare, words = bare[: last + 1], words[: last + 1]
        if " ".join(bare) in _NOT_PLACE_LOWER or any(w in _NOT_PLACE_LOWER for w in bare):
            continue
        if len(bare) == 1 and len(bare[0]) <= 3:  # 'icu', 'er', 'pt'
            continue
        if any(w in _CALENDAR for w in bare):  # 'moved to thursday' is a date
            continue
        if all(w in allowed for w in bare) or any(_DRUG_ENDING.search(w) or _MED_WORD.fullmatch(w) for w in bare):
            continue
        start = match.start(1)
        yield Finding("geography", start, start + len(" ".join(words)), REASONS["geography"])


def sentence_findings(text: str, classifier: SentenceClassifier, sentences: list[tuple[int, int]]) -> Iterator[Finding]:
    """Advice and identifying stories, one finding per sentence the classifier is sure of."""
    spans = [piece for s, e in sentences for piece in _clauses(text, s, e)]
    spans = [(s, e) for s, e in spans if any(c.isalpha() for c in text[s:e])]
    pieces = [text[s:e] for s, e in spans]
    features = [sentence_features(piece) for piece in pieces]  # once, for both models
    scores = classifier.scores(pieces, features)
    advice_scores = load_advice_model(classifier.model_dir).scores(pieces, features)
    # A sentence of many clauses is searched once, not once per clause.
    defers_ = cache(lambda sentence: bool(defers(text, *sentence) or _UNLESS.search(text, *sentence)))
    education = _EDUCATION_LABEL.match(text) is not None
    stops = full_stops(text)
    for (start, end), score, advice_score in zip(spans, scores, advice_scores, strict=True):
        while end > start and text[end - 1] in " .!?;,":
            end -= 1
        sentence = defer_scope(stops, _containing(sentences, start) or (start, end), start, end)
        question = text[end : end + 1] == "?" or _QUESTION_START.match(text, start) is not None
        # The gate is only worth its regexes when the classifier clears the lowest threshold.
        likely = advice_score >= ADVICE_THRESHOLD and not question
        advice = likely and advice_score >= max(_addressed(text, start, end), 0.9 if education else 0.0)
        if advice and not defers_(sentence):
            yield Finding("advice", start, end, REASONS["advice"])
        elif score["STORY"] >= STORY_THRESHOLD and (
            has_person_cue(text, start, end) or _STORY_CUE.search(text, start, end)
        ):
            yield Finding("patient_story", start, end, REASONS["patient_story"])


def _containing(sentences: list[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    """The sentence holding pos, by binary search (a scan per clause is quadratic in clauses)."""
    i = bisect_right(sentences, (pos, math.inf)) - 1
    return sentences[i] if i >= 0 and sentences[i][0] <= pos < sentences[i][1] else None


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces, cursor = [], start
    for match in _CLAUSE_END.finditer(text, start, end):
        if match.start() > cursor:
            pieces.append((cursor, match.start()))
        cursor = match.end()
    if cursor < end:
        pieces.append((cursor, end))
    return pieces


_TREATMENT = re.compile(
    rf"(?i:\d\s*(?:mg|mcg|milligrams?|micrograms?|meq|iu|ml|units|puffs|tabs?|tablets?|pills?)\b(?!/)|\b(?:{_MEDS_NO_SHOTS})\b"
    r"|\b(?:cream|ointment|pastillas?|dosis|surgery|biopsy|colonoscopy|mammogram|scan|mri|ultrasound|x-?ray|echo"
    r"|egd|cath|stress test|sleep study|bloodwork|labs|restart|resume|wean|taper|discontinue|titrate)\b"
    # A diagnosis given to one person: 'sounds like you've got', 'that's classic', 'you have X, not Y'.
    r"|\b(?:sounds|looks|seems) like (?:you|your|it's|that's)\b|\byou(?:'ve| have)? got\b|\bclassic\b"
    r"|\b(?:that|this|it)(?:'s| is) (?:definitely|probably|likely|just|only|almost certainly)\b"
    # '<that / your> <thing ...> is just / probably <a diagnosis>'.
    r"|\b(?:that|this|your|the) [a-z]+(?: [a-z]+){0,4} (?:is|are|'s) (?:definitely|probably|likely|just|only"
    r"|almost certainly|most likely)\b"
    # Treatment verbs that only ever take a treatment: 'double the X', 'taper your X', 'wean off'.
    r"|\b(?:double|halve|triple|taper|wean|titrate|restart|resume|discontinue)\s+(?:the|your|it|off|down|up)\b"
    r"|\b(?:a couple|two|three|\d+) (?:of )?(?:the )?[a-z]+ (?=every|once|twice|at bedtime|as needed)"
    # Putting off care: 'don't bother with an echo', 'no need for the ER'.
    r"|\b(?:don't bother|no need)\b"
    # A dose change: 'from 75 to 88'; the reader's own body: 'that spot on your cheek'.
    r"|\bfrom \d+(?:\.\d+)? to \d+(?:\.\d+)?\b(?! (?:years|yrs|months|weeks|days|percent|%))"
    r"|\b(?:on|in|behind|under|around|near|inside|over) (?:your|ur|su) (?:left |right )?(?:arm|leg|back|chest|neck"
    r"|foot|feet|hand|face|knee|shoulder|scalp|ankle|ear|eye|nose|mouth|throat|skin|cheek|lip|toe|finger|wrist|hip"
    r"|elbow|belly|stomach|groin|head|forehead|chin|tongue|gums?|tooth|teeth|nail|thigh|calf|heel|breast|armpit)s?\b"
    # Spanish: medicine words and drug names with a Spanish ending ('metformina', 'ibuprofeno').
    r"|\b(?:antibi[oó]tico|medicamento|medicina|jarabe|pomada|inyecci[oó]n|paracetamol|acetaminof[eé]n"
    r"|c[aá]psula|tableta|comprimido|gotas)s?\b"
    r"|\b[a-z]+(?:formin|profen|pril|sartan|olol|statin|cilin|micin|azol|prazol)(?:[ao]s?)?\b"
    # A dose change by its shape: a change verb, then 'to <number>' ('upping the levo to 100').
    r"|\b(?:up|upping|bump|bumping|increase|increasing|decrease|decreasing|lower|lowering|raise|raising"
    r"|cut|cutting|drop|dropping|go|going|titrate|titrating)\b(?: [\w'-]+){0,3} to \d+(?:\.\d+)?\b"
    # Where a treatment is bought: 'pick up some X at the pharmacy'.
    r"|\b(?:pharmacy|drugstore|over[- ]the[- ]counter|otc|farmacia)\b)"
)
_YOU_WORD = re.compile(
    r"(?i:\b(?:you|your|yours|you're|you'll|you've|u|ur|usted|su|tu)\b|\b(?:I'll|I'd|we'll|we'd|let's)\b)"
)


# Chart shorthand for route and frequency: an order, a medication list or a nursing entry written for the
# chart, not a reader told what to do ('Cipro 500 mg PO BID x 7 days', 'Lantus 18 units qHS').
_CHART_ORDER = re.compile(
    r"\b(?:PO|IV|IVP|IM|SQ|SC|SL|BID|TID|QID|QHS|qHS|qhs|qAM|qPM|QD|qd|qod|QOD|PRN|ODT|gtt|AC/HS|IVPB"
    r"|[qQ]\d{1,2}(?:-\d{1,2})?(?:h|hr|hrs|H)|mL/h)\b"
)

# A medication-list entry: a drug name (maybe a release form) and its strength, no verb ('Zoloft 50 mg daily',
# 'Metformin XR 500 mg', 'Lidocaine 1% 5 mL').
_MED_ENTRY = re.compile(
    r"\W*[A-Za-z][\w-]*(?: [A-Z]{1,3})? \d+(?:\.\d+)?(?:/\d+)?\s?(?:mg|mcg|g|units|mL|%)(?![\w/])"
)
# A note's plan or order section, heading its own line: what follows is written for the chart.
_CHART_SECTION = re.compile(
    r"(?im:^[ \t]*(?:plan|a/p|assessment and plan|assessment/plan|recommendations?|recs|orders|medications"
    r"|meds|home meds|discharge medications|rx|hospital course|treatment)[ \t]*:)"
)
# The clause's first word after a filler: a listed imperative ('Take 1-2 tabs PO q6h') still instructs.
_FIRST_WORD = re.compile(r"\W*(?:(?:just|so|then|please|and|now|also)\s+)*([^\W\d_]+)", re.IGNORECASE)


def _addressed(text: str, start: int, end: int) -> float:
    """How sure the advice must be: lower for a treatment or diagnosis aimed at the reader, 2 if not aimed.

    Aimed at the reader: 'you', a first-person plan, or a clause that opens as a command (by its
    shape, learned.commands, not by a verb list). A treatment: a drug, dose, schedule, test or diagnosis.
    """
    segment = text[start:end]
    if _CHART_SECTION.search(text, 0, start) and not _YOU_WORD.search(segment):
        return 2.0  # an item under a note's 'Plan:' or 'Recommendations:': the chart's plan, not a reader's
    opener = _FIRST_WORD.match(segment)
    listed_order = _CHART_ORDER.search(segment) is not None or _MED_ENTRY.match(segment) is not None
    chart = listed_order and not _YOU_WORD.search(segment)
    if chart and not (opener and opener.group(1).lower() in _IMPERATIVE_VERBS):
        return 2.0  # an order or MAR line in chart shorthand ('Keppra 500 mg BID', 'Zofran 4 mg IV given')
    strong = (
        _TREATMENT.search(segment) is not None
        or DRUG_WORD.search(segment.lower()) is not None
        or SCHEDULE.search(segment) is not None
    )
    matches = [(m.group(0).lower(), _generic_you(segment, m.start(), m.end())) for m in _YOU_WORD.finditer(segment)]
    commanded = commands(segment)
    # Once a clause speaks of 'you' as anyone ('because you can't tell by looking'), a plain
    # 'you need the tissue' goes on in that sense; 'you should', 'you can take', 'your rash' do not.
    carried = any(generic for _, generic in matches) and not commanded and not _PARTICULAR.search(segment)
    you = any(not generic and (word in _POSSESSIVE or not carried) for word, generic in matches)
    if strong and (you or commanded or _ADDRESSED.search(segment)):
        return ADVICE_THRESHOLD
    if commanded == "told":
        return ADVICE_THRESHOLD_TOLD  # 'we'd suggest you stop the <a drug no list knows>'
    if you or commanded:
        return ADVICE_THRESHOLD_YOU_ONLY
    if _AMOUNT.search(segment) and SCHEDULE.search(segment):
        return ADVICE_THRESHOLD_UNADDRESSED
    return 2.0


# 'You' as anyone: after 'if / when / say', or before 'may / might / can't / usually' ('if you smoke',
# 'you can't tell by looking'). Advice says 'you should', 'you can take', 'your dose', or commands.
_GENERIC_BEFORE = re.compile(r"(?i:\b(?:if|when|whenever|once|unless|until|before|after|say|because|as|whether)\s+$)")
_GENERIC_AFTER = re.compile(
    r"(?i:\s+(?:can't|cannot|may|might|won't|wouldn't|probably|usually|often|typically|tend|generally|sometimes)\b)"
)


_POSSESSIVE = frozenset({"your", "ur", "su", "tu"})
_PARTICULAR = re.compile(
    r"(?i:\byou(?:'d| would)? (?:should|must|need to|have to|had better|'d better|'ll (?:want|need) to"
    r"|(?:are|'re) fine to|can (?:take|stop|start|use|try|skip|double|go|put|give))\b"
    r"|\byour (?:dose|doses|meds|medication|medications|pills?|prescription|labs|numbers|results)\b)"
)


def _generic_you(segment: str, start: int, end: int) -> bool:
    word = segment[start:end].lower().replace("’", "'")
    if word == "let's":  # 'let's say you're 55' is a supposition, not a plan
        return re.match(r"\s+(?:say|imagine|suppose|talk|look|be honest)\b", segment[end:], re.I) is not None
    if word not in ("you", "you're", "you've", "your", "u", "ur"):
        return False
    return bool(_GENERIC_BEFORE.search(segment[max(0, start - 12) : start]) or _GENERIC_AFTER.match(segment, end))


_INVERTED_GAP = re.compile(r"\s*,\s*")


def _join_inverted(text: str, runs: list[tuple[str, int, int, float]]) -> list[tuple[str, int, int, float, bool]]:
    """Runs, with two NAME runs around a comma ('Geisler, Gonul') joined into one inverted name."""
    out: list[tuple[str, int, int, float, bool]] = []
    for label, start, end, confidence in runs:
        # A capitalised word then a lower-case one ('Normocephalic, atraumatic') is a list, not 'Last, First'.
        # In cased writing two lower-case runs around a comma ('diltiazem, anticoagulate') are a list too.
        mismatched = bool(out) and text[start].islower() and (
            text[out[-1][1]].isupper() or len(_UPPER.findall(text)) > 1
        )
        gap = bool(out) and _INVERTED_GAP.fullmatch(text, out[-1][2], start) is not None
        if out and label == "NAME" == out[-1][0] and gap and not mismatched:
            prev = out.pop()
            out.append(("NAME", prev[1], end, min(prev[3], confidence), True))
        else:
            out.append((label, start, end, confidence, False))
    return out


# A label whose colon introduces a person ('Pt name:', 'Caller:', 'Emergency contact:'); any other label
# ('HEENT:', 'Plan:', 'Rx:', 'Skin:') introduces findings, so its colon is no cue for a name.
_PERSON_LABEL = re.compile(
    r"(?i:\b(?:name|names|patient|pt|client|resident|caller|contact|attn|attention|re|subject|from|to|cc|member"
    r"|insured|subscriber|guarantor|parent|guardian|mother|father|mom|dad|son|daughter|wife|husband|spouse"
    r"|partner|proxy|poa|nok|kin|informant|visitor|companion|interpreter|sender|recipient|dear|hi|hello"
    r"|referred by|for|with|per|by)\s*:\s*$)"
)


def _name_context(text: str, start: int, end: int, strict: bool = False) -> bool:
    """Something around a run of unlisted words says it names a person. Strict (a lower-case or
    ambiguous run): a bare colon or bracket before it is not enough ('Chemo education: nadir')."""
    window = text[max(0, start - 24) : start]
    before = _CUE_BEFORE.search(window)
    if before and strict and not any(c.isalpha() for c in before.group(0)):
        before = None
    if before and before.group(0).strip().startswith(":") and not _PERSON_LABEL.search(window):
        before = None  # a section header's colon: 'Neuro: Bibasilar', 'Rx: Norco'
    if before and _CLINICAL_NOTE_LABEL.search(window):
        before = None
    if _PERSON_LABEL.search(window):
        return True  # 'Name:', 'Emergency contact:', 'Caller:' introduce a person, in any case
    if text[end - 2 : end].lower() in ("'s", "’s") and _RELATION_AFTER.match(text, end):
        return True
    if _VOCATIVE_BEFORE.search(text, max(0, start - 12), start) and _VOCATIVE_AFTER.match(text, end):
        return True  # someone spoken to: 'okay so thi lan, the biopsy came back'
    if strict and before is None:
        # An acronym or an ordinary word is followed by 'is' or '(' as often as a name is.
        return _STRONG_AFTER.match(text, end) is not None
    return bool(before or (_CUE_AFTER_STRICT if strict else _CUE_AFTER).match(text, end))


_STRONG_AFTER = re.compile(
    r"(?i:\s*(?:['’]s\s+(?:mom|dad|wife|husband|son|daughter)\b|said|says|asked|asks|told|texted|called|calls"
    r"|wants|came in|reports|presented|is here|was admitted|was seen|has been|from\s+[a-z]))"
)
_BRACKETED_DRUG = re.compile(r"\s*\(\s*[a-z]+\s*\)")


def _drug_brand(text: str, start: int, end: int, gaz) -> bool:
    """A brand beside its generic name in brackets: 'isotretinoin (Accutane)', 'Mounjaro (tirzepatide)'.
    The word before the bracket is a drug, or a lower-case word on no list at all (a generic name)."""
    before = text[max(0, start - 30) : start]
    if before.endswith("(") or before.endswith("( "):
        word = re.search(r"([a-z]+)\s*\(\s*$", before)
        if word and (
            DRUG_WORD.fullmatch(word.group(1))
            or _MED_WORD.fullmatch(word.group(1))
            or (len(word.group(1)) > 5 and not gaz.flags(word.group(1)))
        ):
            return True
    after = _BRACKETED_DRUG.match(text, end)
    return bool(after and DRUG_WORD.search(after.group(0).lower()))


def _public_place(words: list[str], allowed: frozenset[str], gaz) -> bool:
    """The practice's own name, typos and trailing words aside ('lakeshore regional mdical center')."""
    if not words or words[0] not in allowed:
        return False
    return all(w in allowed or w in gaz.common or _near(w, allowed) for w in words)


def _near(word: str, allowed: frozenset[str]) -> bool:
    """One slip (a letter dropped, doubled, swapped or wrong) from an allowed word of five letters or more."""
    if len(word) < 4:
        return False
    for a in allowed:
        if len(a) >= 5 and a[0] == word[0] and abs(len(a) - len(word)) <= 1 and _one_edit(a, word):
            return True
    return False


def _one_edit(a: str, b: str) -> bool:
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) <= 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]])
    if len(a) > len(b):
        a, b = b, a
    i = next((k for k in range(len(a)) if a[k] != b[k]), len(a))
    return a[i:] == b[i + 1 :]


_GREETING_BEFORE = re.compile(r"(?i:\b(?:hi|hey|hello|dear|thanks|thank you|good morning|good afternoon)[\s,]+)$")


def _addressed_by_name(text: str, start: int, words: list[str], gaz) -> bool:
    """A name that is also a common word, after a title, relation or greeting: 'hi rosa', 'mrs. rose'."""
    if not any(w in gaz.first or w in gaz.last for w in words) or any(w in _NEVER_NAMES for w in words):
        return False
    window = max(0, start - 16)
    return bool(_TITLE_BEFORE.search(text, window, start) or _GREETING_BEFORE.search(text, window, start))


_TITLE_BEFORE = re.compile(
    r"(?i:\b(?:mr|mrs|ms|mx|miss|sra?|srta|mme|herr|frau|sgt|sergeant|officer|coach|pastor|capt|captain|judge"
    r"|rev|reverend|deputy|lt|lieutenant|rabbi|imam|senator|mayor|son|daughter|husband|wife|mom|dad|brother|pt|patient"
    r"|sister|grandson|granddaughter|niece|nephew|uncle|aunt|hijo|hija|esposo|esposa)\.?\s+"
    # Labels that introduce a person in a note or form: 'Contact: ', 'Caller - ', 'Pt name: '.
    r"|\b(?:contact|name|caller|visitor|resident|guardian|proxy|poa|attn|re|subject)\s*[:-]\s*)$"
)
_VOCATIVE_BEFORE = re.compile(r"(?i:(?:^|\b)(?:so|okay|ok|alright|sorry|look|listen)[\s,]+)$")
_VOCATIVE_AFTER = re.compile(r"\s*,\s*(?:you|your|you're|you've|i|we|the|how|what|did|do|are|is|can|let's)\b", re.I)
_CREDENTIAL = re.compile(r",\s*(?:M\.?D\.?|D\.?O\.?|NP|PA-C|RN|FNP|DNP|PhD)$")


# A clinical label right before the run: after 'Dx:', 'Rx:', 'Impression:' comes a finding or a drug.
_CLINICAL_NOTE_LABEL = re.compile(r"(?i:\b(?:dx|rx|sig|hx|impression|diagnosis|findings?|exam)\s*:\s*$)")
_LABEL_AFTER = re.compile(r"[ \t]*(?::|\n)")
_ROMAN = re.compile(r"(?:I{1,3}|IV|VI{0,3}|IX|X)$")


_LABEL_BEFORE = re.compile(r"(?:^|[\n.;])[ \t]*[A-Za-z][\w/&' -]{0,40}:[ \t]*$")


def _after_section_label(text: str, start: int) -> bool:
    """Right after a line's label and colon that introduces no person ('Ears: ', 'Assessment: ')."""
    window = text[max(0, start - 48) : start]
    return _LABEL_BEFORE.search(window) is not None and not _PERSON_LABEL.search(window)


def _full_name_shape(span: str) -> bool:
    """Two or more words, each capitalised and none all capitals: 'Tomasz Wierzbicki', not 'Septum midline'."""
    tokens = _WORD.findall(span)
    return len(tokens) >= 2 and all(t[0].isupper() and not t.isupper() for t in tokens)


def _notation_word(word: str) -> bool:
    """'D-dimer', 'X-ray', 'T-cell', 'MoCA', 'HbA1c': a letter-prefixed or mixed-capital clinical word."""
    return bool(re.fullmatch(r"[A-Za-z]-[a-z]+", word)) or _abbreviation(word)


def _section_label(text: str, start: int, end: int, words: list[str], gaz) -> bool:
    """A header opening a line or sentence and closed by a colon or line break: 'Constitutional:',
    'Review of Systems:', 'HEENT:'. Its words are dictionary words or acronyms, none a given name (a
    transcript's 'Marta:' names its speaker)."""
    if not _LABEL_AFTER.match(text, end) or not _opens_sentence(text, start):
        return False
    if any(w in gaz.first for w in words):
        return False
    return all(gaz.in_vocab(w) or (w.upper() == w and len(w) <= 6) for w in (x for x in _WORD.findall(text[start:end])))


def _acronym_run(span: str, words: list[str], gaz) -> bool:
    """Every word an ALL-CAPS token of at most six letters or a roman numeral, and one of them on no name
    list ('CPAP, GERD', 'NSTEMI'); 'LEE, ANN' in capitals is still a name."""
    tokens = [t.strip(".") for t in _WORD.findall(span)]
    tokens = [t for t in tokens if t.lower() not in _HONORIFIC_WORDS] or tokens  # 'MRS. POWERS' is POWERS
    if not tokens or not all(_ROMAN.match(t) or (t.isupper() and len(t) <= 6) for t in tokens):
        return False
    return any(not {"F", "L"} & set(gaz.flags(t.lower())) for t in tokens if not _ROMAN.match(t))


_HONORIFIC_WORDS = frozenset({"mr", "mrs", "ms", "mx", "miss", "dr"})
# A genus and its species epithet: 'Klebsiella pneumoniae', 'Staphylococcus aureus', 'Candida albicans'.
_BINOMIAL = re.compile(r"[A-Z][a-z]{3,} [a-z]{3,}(?:ae|us|is|um|ii|i|es|ensis|oides|a|ans|ens)\b")
_ADVERB = re.compile(r"[A-Z][a-z]{4,}ly\b")
_CLINICAL_TERM = re.compile(
    r"[A-Z][a-z]{3,}(?:emia|aemia|itis|osis|uria|algia|pathy|megaly|ectomy|otomy|ostomy|plasty|scopy|penia|plegia"
    r"|paresis|cytosis|lithiasis|rrhea|rrhoea|pnea|cardia|trophy|sclerosis|stenosis|ptysis|emesis|uresis)"
)


def listed_any(words: list[str], gaz) -> bool:
    return any(w in gaz.first or w in gaz.last for w in words)


def _not_a_person_word(text: str, start: int, end: int) -> bool:
    """An organism's Latin name, a lone capitalised adverb ('Electronically', 'Clinically') or a lone
    word built like a clinical term ('Hypokalemia', 'Polyuria', 'Cholecystectomy')."""
    if _CLINICAL_TERM.fullmatch(text, start, end):
        return True
    if _BINOMIAL.match(text, start) and text[start : start + 1].isupper():
        return True
    adverb = _ADVERB.match(text, start)
    return adverb is not None and adverb.end() == end


# A medication verb before one unlisted capitalised word: that word is a drug brand.
_TAKING_BEFORE = re.compile(
    r"(?i:\b(?:taking|takes|took|take|prescribed|restarted|resumed|discontinued|stopped|(?:started|is|was|remains"
    r"|stays|kept|continued?) on|dose of|course of|trial of|switched to|changed to|allergic to|allergy to)\s+)$"
)
# A drug and its strength: 'Norco 5/325', 'Eliquis 5 mg', 'Lantus 20 units'.
_DOSE_AFTER = re.compile(r"\s*\d+(?:\.\d+)?(?:/\d+(?:\.\d+)?)?\s*(?:mg|mcg|g|ml|units?|iu|meq|%|/\d)", re.I)


_UPPER = re.compile(r"[A-Z]")
_LOWER = re.compile(r"[a-z]")


@lru_cache(maxsize=64)
def _mostly_upper(text: str) -> bool:
    """ALL-CAPS text (most letters capitals); counted once per text."""
    upper = len(_UPPER.findall(text))
    return upper > 0.6 * (upper + len(_LOWER.findall(text)))


def _opens_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip(" \"'(")
    return not before or before[-1] in ".!?:\n"
