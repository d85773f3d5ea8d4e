"""Names and places from the token tagger, filtered through the same allow-lists and masks as the
rules. What makes a run a person (or not) is in `name_shapes`; advice and stories from the sentence
models are in `sentence_findings`."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.screening.cities import is_big_city
from bot.screening.clinical_titles import DOCTOR_BEFORE
from bot.screening.context import (
    COLLEAGUE_AFTER,
    STAFF_BEFORE,
    STAFF_ROLE,
    cared_for_after,
    has_person_cue,
    sentence_at,
    staff_sentence,
)
from bot.screening.dates import FOREIGN_WEEKDAYS, GATHERING, WEEKDAYS
from bot.screening.facilities import SITE, SITE_MOVE, words
from bot.screening.findings import LEARNED_REASONS, Finding
from bot.screening.lay_titles import LAY_TITLE_BEFORE, PERSON_TITLE, PRONOUN_TITLES
from bot.screening.learned import TokenTagger
from bot.screening.lexicon import _DRUG_ENDING, Gazetteer
from bot.screening.memo import memo
from bot.screening.name_shapes import (
    _CREDENTIAL,
    _CUE_BEFORE,
    _DOSE_AFTER,
    _MED_WORD,
    _NEVER_NAMES,
    _TAKING_BEFORE,
    _TITLE_BEFORE,
    _UPPER,
    _WORD,
    SUBJECT_VERBS,
    _abbreviation,
    _acronym_run,
    _addressed_by_name,
    _after_section_label,
    _drug_brand,
    _full_name_shape,
    _mostly_upper,
    _name_context,
    _not_a_person_word,
    _notation_word,
    _opens_sentence,
    _public_place,
    _section_label,
    listed_any,
)
from bot.screening.names import (
    _CREDENTIAL_AFTER,
    _EPONYM_WORDS,
    _INTERJECTIONS,
    EPONYM_AFTER,
    EPONYM_TAIL,
    Roster,
    eponym_mask,
)
from bot.screening.not_patients import historical
from bot.screening.other_languages import (
    ELIDED,
    STATE_AFTER,
    SUBJECT_BEFORE,
    german,
    in_its_language,
    language_word,
    unaccented,
)
from bot.screening.places import _LARGE_PLACES, STATES, place_statistic
from bot.screening.public_figures import care_given, colleague_given_care, famous_sentence, public_figure
from bot.screening.term_shapes import (
    COMPASS_HEADS,
    _in_label_list,
    _in_place_name,
    _join_inverted,
    _title_case_term,
    _venue,
)
from bot.screening.untagged import (
    _CALENDAR,
    _NOT_NAME_LOWER,
    _NOT_PLACE_LOWER,
    _WRITER_BEFORE,
    RESIDENCE_JUST_BEFORE,
    _strip,
    lower_case_homes,
    lower_case_places,
    untagged_names_given_care,
    untagged_places,
)

# A run with a listed given or family name needs less confidence than an unlisted word.
NAME_THRESHOLD = 0.5
NAME_THRESHOLD_UNLISTED = 0.75
# A capitalised run at least this sure needs no cue around it.
NAME_THRESHOLD_SURE = 0.95
# A capitalised given and family name in text with hardly another capital letter (the pair's own two and a
# couple more): the tagger's doubt from the lower-case words around it is no doubt about the name.
NAME_THRESHOLD_STANDS_OUT = 0.25
_FEW_CAPITALS = 4
PLACE_THRESHOLD = 0.6
PLACE_THRESHOLD_UNLISTED = 0.7
# A place is PHI when it locates a person: a person in the text, or words about living or staying.
_RESIDENCE = re.compile(
    r"(?i:\b(?:lives?|living|lived|resides?|residing|moved|staying|stays|transferred|admitted|discharged?|seen at"
    r"|sent to|returned to|from|visiting"
    r"|room|rm|bed|apt|home"
    # the same in the other languages: 'vive en', 'mora em', 'wohnt in', 'abita a', 'habite à', 'nakatira sa'
    r"|vive|vivía|vivia|reside|mora|morava|wohnt|wohnte|lebt|lebte|abita|abitava|vit|vivait|habite|habitait"
    r"|nakatira|ingresad[oa]|internad[oa]|ricoverat[oa]|hospitalisée?|aufgenommen|habitación|habitacion|quarto"
    r"|chambre|stanza|zimmer)\b)"
)
_CAPITALISED = re.compile(r"\b[A-Z][a-z]")
_STATE_HEAD_BEFORE = re.compile(rf"\b({COMPASS_HEADS}|New)\s+$")
_WEEKDAY_WORDS = frozenset((WEEKDAYS + "|" + FOREIGN_WEEKDAYS).lower().split("|"))
# A preposition or article before a weekday, or a date after it: the day, not a person.
_DAY_OPENER = re.compile(
    r"(?i:\b(?:on|this|next|last|every|am|an|jeden|le|ce|chaque|el|los|este|cada|próximo|o|no|nesta|neste|aos|il|la"
    r"|ogni|questo|questa|di|de|du)\s+$)"
)
_DATE_AFTER = re.compile(r"\.?,?\s+(?:\d|(?:le|el|il|den|der|o|a) \d)")
# A day's number before a month ('le 12 avril', 'am 3. Mai', '14 de marzo'): the month, not a person named Avril.
_DAY_BEFORE = re.compile(r"\d(?:\.|º|er)?\s+(?:de\s+)?$")
_EPONYM_WORDS_LOWER = frozenset(w.lower() for w in _EPONYM_WORDS)



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
        if low in _NEVER_NAMES:
            return True  # a relation or a title the run took in: 'dottor Mitchell Bennett', 'Dr.ssa Cathy Wise'
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


_VERBS_AFTER_SUBJECT = frozenset(SUBJECT_VERBS)
# Function words of Hindi and Arabic as chat writes them in Latin letters.
_ROMANISED_WORDS = frozenset(
    "hai hain ki ka ke ko se mat aap aapko apni tum tumhe nahi nahin aur bhi roz kal abhi yeh ye woh karna karo lena"
    " lo wala wali el w ya fel fi men 3ala ba3d abl msh mesh enta enti lazem laazim khod bokra delwa2ti kteer".split()
)


def _opens_upper(text: str, start: int) -> bool:
    """The sentence's first letter is a capital (after quotes, brackets, a bullet or a number)."""
    first = _FIRST_LETTER.search(text, start, start + 40)
    return first is not None and first.group(0).isupper()


_FIRST_LETTER = re.compile(r"[^\W\d_]")
_PLACE_PREPOSITION = re.compile(r"(?i:\b(?:of|in|across|from|to|all over|around|throughout)\s+$)")


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
    # Counted once: a count per name run is quadratic in a long text of names.
    capitalised = len(_CAPITALISED.findall(text))
    # Writing that capitalises a word inside a sentence ('… a Columbus, Ohio …') capitalises its names too.
    names_capitalised = _CAPITAL_INSIDE.search(text) is not None
    upper_count = memo(lambda: len(_UPPER.findall(text)))
    romanised_chat = memo(lambda: len(_ROMANISED_WORDS & {w.lower() for w in _WORD.findall(text)}) >= 3)
    sentences_capitalised = memo(lambda: len(sentences) > 1 and all(_opens_upper(text, s) for s, _ in sentences))
    # Vietnamese or Tagalog text: asked once per text, not once per name run (a long text of runs would be quadratic)
    vietnamese = memo(lambda: _VIETNAMESE_LETTERS.search(text) is not None)
    tagalog = memo(lambda: len(_TAGALOG_WORDS.findall(text)) >= 2)
    if caseless or capitalised <= 1:  # lower-case chat (one capital may open it)
        yield from lower_case_places(text, tagger.gazetteer, allowed_places or allowed_words)
        yield from lower_case_homes(text, allowed_places or allowed_words)
        runs = tagger.spans(text)
    else:
        runs = tagger.spans(text)
        yield from untagged_places(text, tagger.gazetteer, allowed_places or allowed_words, runs)
        yield from untagged_names_given_care(text, tagger.gazetteer, sentences, roster)
    if not runs:
        return
    mask = eponym_mask(text)
    # Eponyms ('Parkinson's, Alzheimer's') go first, so two of them are never joined into one name.
    gaz = tagger.gazetteer
    # ... unless a patient cue comes just before or care is given in the sentence: 'my patient Tommy John',
    # 'Lou Gehrig came to my clinic' are people, not the surgery or the disease.
    def eponym(start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in mask) and not _patient_namesake(text, start, end, sentences)

    runs = _join_inverted(text, [r for r in runs if not eponym(r[1], r[2])], gaz)
    named = [(r[1], r[2]) for r in runs if r[0] == "NAME"]
    for label, start, end, confidence, inverted in runs:
        start, end = _trim_plain(text, start, end, gaz, caseless)
        town = STATE_AFTER.match(text, end) and not _CUE_BEFORE.search(text, max(0, start - 30), start)
        if label == "NAME" and town:
            label = "LOC"  # 'à Columbus, Ohio', 'Dublin, Ohio': a town and its state, whatever the tagger thought
        acronym = _TRAILING_ACRONYM.search(text, start, end)
        if acronym and not caseless and any(c.islower() for c in text[start : acronym.start()]):
            end = acronym.start()  # "jose hernandez's DKA": the condition's acronym is not part of the name
        glued = _GLUED_STOP.search(text, start, end)
        if glued and not LAY_TITLE_BEFORE.search(text[max(0, start - 16) : glued.end()]):
            start = glued.end()  # 'I said no.Not today': a full stop typed without its space ends a sentence
        elided = ELIDED.match(text, start, end)
        if elided:
            start = elided.end()  # "d'Haïti", "l'Amélie": the article elided before the name is not part of it
        ends = [m.end() for m in _WORD.finditer(text, start, end)] if label == "NAME" else []
        if ends:
            end = ends[-1]  # a number the run swallowed ('Fenella Quist 207-555-0139') is not the name
        words = [_strip(w) for w in _WORD.findall(text[start:end])]
        words = [w for w in words if w]
        if not words or eponym(start, end):
            continue
        if label == "NAME" and is_big_city(words) and not (len(words) == 1 and words[0] in gaz.first):
            label = "LOC"  # 'laughed out of Vienna': a city of millions, held as a place is, beside someone there
        if mask and _NAMED_FOR_BEFORE.search(text, max(0, start - 60), start):
            continue  # 'Hashimoto's thyroiditis is named for Hakaru Hashimoto': the eponym's namesake, history
        own_sentence = sentence_at(sentences, start)
        if place_statistic(text, start, own_sentence) and not care_given(text, *own_sentence):
            continue  # 'Columbus, Ohio has one of the higher infant mortality rates': everyone's town, no one's
        if _in_web_address(text, start, end):
            continue  # 'lakeshorechildrens.org', 'jane.doe@': the URL and email detectors judge addresses
        if label == "NAME" and roster is not None:
            if roster.allows(words, text[max(0, start - 24) : start]) and not cared_for_after(text, end):
                continue  # one allow-listed person, not a namesake under 'Mrs.' or after 'my patient'
        elif label != "NAME" and _public_place(words, allowed_places or allowed_words, gaz):
            continue
        elif all(w in (allowed_words if label == "NAME" else allowed_places or allowed_words) for w in words):
            continue
        if _abbreviation(text[start:end]) or all(_notation_word(w) for w in _WORD.findall(text[start:end])):
            continue  # 'MoCA', 'eGFR', 'D-dimer', 'X-ray'
        if label == "NAME" and _section_label(text, start, end, words, gaz):
            continue  # 'Constitutional:', 'Assessment and Plan:', 'HEENT:' head a section, they name no one
        titled_word = LAY_TITLE_BEFORE.search(text[max(0, start - 16) : start]) and all(gaz.flags(w) for w in words)
        if label == "NAME" and not caseless and not titled_word and _acronym_run(text[start:end], words, gaz):
            continue  # 'CPAP, GERD', 'TKA, CABG', 'NSTEMI': acronyms in mixed-case text
        if label == "NAME" and not listed_any(words, gaz) and _not_a_person_word(text, start, end):
            continue  # 'Klebsiella pneumoniae' (a genus and species), 'Electronically signed' (an adverb)
        if label == "NAME" and not caseless and not titled_word and (
            _title_case_term(text, start, end, gaz) or _in_place_name(text, start) or _venue(text, start, end, gaz)
        ):
            continue  # 'Multiple Myeloma', 'Foley Catheter', 'Patient Safety huddle'; 'San Diego'
        if (
            label == "NAME"
            and all(unaccented(w).title() in _LARGE_PLACES for w in words)
            and (
                not (care_given(text, *sentence_at(sentences, start)) or cared_for_after(text, end))
                or _PLACE_PREPOSITION.search(text, max(0, start - 16), start)  # 'half of america agrees'
            )
        ):
            continue  # 'how America talked about heart disease': a country, unless care is given to the name
        if (
            label == "NAME"
            and len(words) == 1
            and text[start].islower()
            and words[0] not in gaz.last
            and _NUMBER_BEFORE.search(text, max(0, start - 8), start)
        ):
            continue  # 'più di 50 anni', '3 semaines': a unit after its number
        if (
            label == "NAME"
            # one word, or a lower-case word with a noun ('weniger Salz'): no name of German's runs lower case
            and (len(words) == 1 or any(w.islower() for w in text[start:end].split()))
            and not any(w in gaz.first or w in gaz.last for w in words)
            and not _CAPITALISED_NEIGHBOUR.search(text[max(0, start - 24) : start])
            and not re.match(r"\s+[A-Z]", text[end : end + 2])
            and german(text, sentence_at(sentences, start))
        ):
            continue  # 'erklären wir jeden Schritt', 'weniger Salz': German capitalises every noun
        if label == "NAME" and len(words) == 1 and words[0] in _ADDRESS_WORDS and (vietnamese() or tagalog()):
            continue  # 'Kuya, wag mo munang inumin ...', 'Anh bị gout rồi đó': a word of address, no one's name
        if (
            label == "NAME"
            and len(words) > 1
            and any(w.islower() for w in text[start:end].split()[1:])
            and vietnamese()
        ):
            continue  # 'Nói chung, ...': Vietnamese writes every syllable of a name with a capital
        if (
            label == "NAME"
            and _GERMAN_NUMBER_BEFORE.search(text, max(0, start - 8), start)
            and german(text, sentence_at(sentences, start))
        ):
            continue  # 'zehn Tage lang', '3 Wochen': German capitalises the unit after a number, names or not
        if (
            label == "NAME"
            and len(words) > 1
            and any(w.islower() for w in text[start:end].split())
            and any(w[:1].isupper() for w in text[start:end].split())  # (all lower case: 'juan carlos in triage')
            and all(language_word(w, raw, gaz) for w, raw in zip(words, text[start:end].split(), strict=False))
            and not _CUE_BEFORE.search(text, max(0, start - 30), start)
            and not (care_given(text, *sentence_at(sentences, start)) or cared_for_after(text, end))
        ):
            continue  # 'Tome las tabletas', 'einer Konferenz', 'Dipende dalla': the language took in a name's place
        if (
            label == "NAME"
            and len(words) == 1
            and text[start:end].islower()
            and gaz.in_vocab(words[0])
            and _CLAUSE_AFTER.match(text, end)
        ):
            continue  # 'my patient said thank you', 'her son said she ...': a verb before its object, no name
        if (
            label == "NAME"
            and len(words) == 1
            and text[start:end].islower()
            and SUBJECT_BEFORE.search(text, max(0, start - 12), start)
        ):
            continue  # 'si usted fuma', 'Lei beve': a verb after its subject, not a name
        if (
            label == "NAME"
            and in_its_language(text, start, end, words, gaz, sentence_at(sentences, start))
            and not _CUE_BEFORE.search(text, max(0, start - 30), start)
            and not (care_given(text, *sentence_at(sentences, start)) or cared_for_after(text, end))
        ):
            continue  # 'Uma dose por ano', 'bajan la fiebre, pero solo': a sentence's own language, not a name
        if (
            label == "NAME"
            and len(words) == 1
            and text[start:end].islower()
            and words[0] not in gaz.first
            and _listed_with_things(text, start, end, gaz, named)
        ):
            continue  # 'someone brought pancit + jollof + pierogi': one of a list of things, not of people
        if (
            label == "NAME"
            and len(words) == 1
            and _LATIN_LETTER.search(text, start, end) is None
            and not _CUE_BEFORE.search(text, max(0, start - 30), start)
        ):
            continue  # 'Сонливость, набор веса ...': one word of a script the tagger never read, capitalised as any
        if label == "NAME" and len(words) == 1 and words[0] in _INTERJECTIONS and _PUNCT_AFTER.match(text, end):
            continue  # 'PT: Oh, okay': an interjection, not the Korean family name in 'Oh Min-ji'
        if label == "NAME" and len(words) == 1 and words[0] in _CALENDAR and (
            _DAY_BEFORE.search(text, max(0, start - 8), start) or _DATE_AFTER.match(text, end)
        ):
            continue  # 'le 12 avril', 'Jan. 6': a month beside its day
        if label == "NAME" and len(words) == 1 and words[0] in _WEEKDAY_WORDS and (
            _DAY_OPENER.search(text, max(0, start - 12), start) or _DATE_AFTER.match(text, end)
        ):
            continue  # 'am Samstag, 17. Mai', 'el domingo': a day of the week, not Mr. Domingo
        head = _STATE_HEAD_BEFORE.search(text, max(0, start - 8), start) if label == "NAME" else None
        if head and f"{head.group(1)} {text[start:end]}" in STATES:
            continue  # 'West Virginia', 'North Carolina': a state, not Virginia or Carolina
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
            # In writing that capitalises almost nothing, a capitalised given and family name was typed with
            # care: 'pls read ur prep sheet. Priya Raman if ur reading this, u did great yesterday'.
            stands_out = (
                len(words) == 2
                and words[0] in gaz.first
                and (words[1] in gaz.last or not gaz.in_vocab(words[1]))
                and not any(w in gaz.common or w in _NOT_NAME_LOWER for w in words)
                and text[start:end].istitle()
                and upper_count() <= _FEW_CAPITALS
            )
            threshold = NAME_THRESHOLD if listed or inverted or titled else NAME_THRESHOLD_UNLISTED
            if confidence < (NAME_THRESHOLD_STANDS_OUT if stands_out else threshold):
                continue
            if all(w in _NOT_NAME_LOWER or w in _EPONYM_WORDS_LOWER for w in words) and not _patient_namesake(
                text, start, end, sentences
            ):
                continue
            if _CREDENTIAL.search(text[start:end]) or _CREDENTIAL_AFTER.match(text, end):
                continue  # 'Savannah Parks, MD': a clinician signing, not a patient
            lower = text[start:end].islower() or caseless
            if not lower and _prose_inside(text[start:end], tail=True):
                # "Jan Weber hatte einen Herzinfarkt": the name is the capitalised words before the clause goes on;
                # "Smetta l'ibuprofene subito" leaves one word, a command and its object, not a name.
                cut = _clause_start(text, start, end)
                if len(text[start:cut].split()) < 2:
                    continue
                end = cut
                words = [w for w in (_strip(w) for w in _WORD.findall(text[start:end])) if w]
            if lower and words and words[-1] in _VERBS_AFTER_SUBJECT:
                if len(words) == 1:
                    continue  # 'My patient said "stop it"': the verb in the name's place, whatever names it also is
                end = start + text[start:end].rstrip().rfind(" ")  # 'grace said': the name, then its verb
                words = words[:-1]
                if len(words) == 1 and gaz.in_vocab(words[0]) and words[0] not in gaz.first:
                    continue  # 'couldnt talk for weeks said': a word of the sentence before the verb, no name
            dictionary = all("v" in gaz.flags(w) and not {"F", "L"} & set(gaz.flags(w)) for w in words)
            if lower and dictionary and not titled:
                continue  # lower-case dictionary words on no name list: 'bacteria', 'asymmetry', 'kindly'
            if (
                not caseless
                and len(words) == 1
                and text[start:end].islower()
                and "v" in gaz.flags(words[0])
                and "F" not in gaz.flags(words[0])
                and not titled
                and text[:1].isupper()
                and upper_count() >= 2
            ):
                continue  # 'Dear reader, ...': in writing that capitalises, a lower-case word that is also a surname
            if (
                lower and not caseless and not titled and not listed and capitalised > 3
                and any(_LOWER_COMPOUND.fullmatch(w) for w in words)
            ):
                continue  # cased writing capitalises names: 'hands-only demo', 'sugar-free gum' are terms
            # 'Last, First' (two name runs around a comma) or a capitalised run the tagger is all but
            # sure of is a name in any context; otherwise an unlisted or lower-case run needs a cue.
            # Ambiguous shapes need a cue too: a short ALL-CAPS word in mixed-case text (an acronym:
            # 'UCL', 'RAI') and a capitalised dictionary word opening a sentence ('Forum post:').
            # A field opened by a section label ('HEENT: Normocephalic', 'Nose: Septum midline') is
            # capitalised because it opens the field: its capital says nothing.
            ambiguous = not inverted and (
                (
                    (_after_section_label(text, start) or _in_label_list(text, start))
                    and not listed
                    and not _full_name_shape(text[start:end])
                )
                or len(words) == 1 and (
                    (text[start:end].isupper() and len(words[0]) <= 4 and not _mostly_upper(text))
                    or (_opens_sentence(text, start) and gaz.in_vocab(words[0]))
                )
            )
            # Lower-case, the tagger must be as sure and no word may be a dictionary word ('cristea').
            sure = inverted or (
                not ambiguous
                and confidence >= NAME_THRESHOLD_SURE
                and (
                    not lower
                    # a lone lower-case word opening a sentence may be any word; a given and family name
                    # in a row ('doris kaminski, 93, still ...') is a name wherever the sentence starts
                    or not (any(gaz.in_vocab(w) for w in words) or (len(words) < 2 and _opens_sentence(text, start)))
                    # a given name then a family name, neither a common word: 'maria lopez', 'jane doe', 'li wei'
                    # (an old dictionary's 'maria', 'doe' and 'li' are no reason to doubt the pair)
                    or _given_and_family(words, gaz)
                )
                # one lower-case word in writing that capitalises names elsewhere needs a cue ('60 anni di cure')
                and not (lower and not caseless and len(words) == 1 and names_capitalised)
                # ... and any lower-case run in writing that opens every sentence with a capital: such a writer
                # capitalises names too ('Cảm ơn bạn đã hỏi! Nói chung, ...', 'Salamat sa tanong! ...')
                and not (lower and not caseless and sentences_capitalised())
                # ... and any lower-case run in Hindi or Arabic written in Latin letters, whose words no list knows
                # ('aap apni BP ki dawai band mat karna', 'abl el nom el leila')
                and not (lower and romanised_chat())
            )
            needs_cue = (lower or not listed or ambiguous) and not sure
            if needs_cue and not _name_context(text, start, end, lower or ambiguous):
                continue
            if DOCTOR_BEFORE.search(text[max(0, start - 30) : start]) and not cared_for_after(text, end):
                continue
            if (
                STAFF_ROLE.match(text, end)
                or _colleague(text, start, end)
                or staff_sentence(text, sentence_at(sentences, start))
            ) and not colleague_given_care(text, sentence_at(sentences, start), end):
                continue  # 'Maria at the front desk', 'Grace, our nurse': the practice's staff, not a patient
            if public_figure(text, sentence_at(sentences, start), start, words):
                continue  # 'Tom Hanks has talked about his diabetes': public knowledge, no care given
            honorific = LAY_TITLE_BEFORE.search(text[max(0, start - 16) : start])
            begin = start - len(honorific.group(0)) if honorific else start
            yield Finding("name", begin, end, LEARNED_REASONS["name"])
        else:
            resides = RESIDENCE_JUST_BEFORE.search(text, max(0, start - 60), start) is not None
            if confidence < (PLACE_THRESHOLD if listed or resides else PLACE_THRESHOLD_UNLISTED):
                continue
            if words[0] in _CALENDAR:
                continue  # 'from october ninth': a date, not a place
            if not caseless and text[start:end].islower() and upper_count() > 1 and all(
                gaz.in_vocab(w) for w in words
            ):
                continue  # cased writing capitalises its towns: 'at discharge', 'basal-bolus' are plain words
            if len(words) == 1 and len(words[0]) <= 4 and (text[start:end].islower() or text[start:end].isupper()):
                continue  # a unit or a ward ('icu', 'PACU', 'er'), not a town
            if not caseless and _prose_inside(text[start:end]):
                continue  # 'Genau das ist bei Blutdruckmitteln das Problem': a clause, not a place's name
            # 'the South', 'West Texas' are regions; 'North Mollyside' is a town.
            if " ".join(words) in _NOT_PLACE_LOWER or all(w in _NOT_PLACE_LOWER for w in words):
                continue
            if not (has_person_cue(text, 0, len(text)) or _others_residence(text)):
                continue
            own = sentence_at(sentences, start)
            if (historical(text, own) or famous_sentence(text, *own)) and not care_given(text, *own):
                continue  # 'described by Thomas Addison at Guy's Hospital, London, in 1855': history's place
            if GATHERING.search(text, *own) and not has_person_cue(text, *own) and not care_given(text, *own):
                continue  # 'Our 5K steps off from the Scioto Mile on Saturday': an event's venue, open to all
            if _OUR_SITE_BEFORE.search(text, max(0, start - 40), start) or (
                _OUR_SITE_AFTER.match(text, end) and _OURS.search(text, *sentence_at(sentences, start))
            ):
                continue  # 'our clinic opens in Ashbury', 'our lab at the Ashbury outpatient center': no one's home
            if staff_sentence(text, sentence_at(sentences, start)) and not colleague_given_care(
                text, sentence_at(sentences, start), end
            ):
                continue  # 'Please welcome Dr. Wade, who joins us after her fellowship in Cincinnati': a colleague's CV
            yield Finding("geography", start, end, LEARNED_REASONS["geography"])


# A place named as the hospital's own site: 'our clinic opens in Ashbury', 'at the Ashbury outpatient center'.
_OUR_SITE_BEFORE = re.compile(
    rf"(?i:\b(?:{words(SITE_MOVE)})\s+(?:opens|opened"
    r"|is opening|will open|moves|moved|is moving|will move|is)\s+(?:\w+\s+)?(?:in|to)\s+$)"
)
_OURS = re.compile(r"(?i:\b(?:our|we|we'll|we're|us|nuestr[oa]s?|noss[oa]s?|notre|nos|unser\w*|nostr[oa])\b)")
_OUR_SITE_AFTER = re.compile(
    r"(?i:\s+(?:(?:outpatient|urgent|primary|family|main|satellite|community|medical|health|walk-in|care|surgery"
    r"|imaging|cancer|heart|women's|children's)\s+){0,2}"
    rf"(?:{words(SITE)})\b)"
)


# A lower-case compound of two words ('hands-only', 'sugar-free'): a term's shape, not a name's.
_LOWER_COMPOUND = re.compile(r"[a-z]{3,}-[a-z]{3,}")


# A host name or address around a run: 'lakeshorechildrens.org', 'www.mayo.edu/x', 'name@host'.
_WEB_ADDRESS = re.compile(
    # (each from a word's start only: from every letter of a long word, the scan would be quadratic)
    r"(?i:(?<![\w.-])[\w.-]*\w\.(?:org|com|net|gov|edu|io|us|info|health|care|co|uk|fr|br|ca|mx|au|nz|nl|ch)\b"
    r"[\w/.?=&%-]*|(?<![\w.+-])[\w.+-]+@[\w.-]+)"
)


def _in_web_address(text: str, start: int, end: int) -> bool:
    """The run lies inside a web or email address (looked at in a short window around it)."""
    if (
        text[end : end + 1] not in (".", "@")
        and text[max(0, start - 1) : start] not in (".", "@", "/")
        and "." not in text[start:end]
        and "@" not in text[start:end]
    ):
        return False  # no dot, '@' or slash in or next to the run: no address around it
    if end - start > 60:
        return False
    lo = max(0, start - 40)
    return any(m.start() <= start and end <= m.end() for m in _WEB_ADDRESS.finditer(text, lo, min(len(text), end + 60)))


def _patient_namesake(text: str, start: int, end: int, sentences: list[tuple[int, int]]) -> bool:
    """A name that is also an eponym ('Tommy John', 'Lou Gehrig', 'john'), used as a person: not followed by what
    the eponym names ('Tommy John surgery', 'Lou Gehrig's disease'), with a patient cue before it ('my patient
    Tommy John', 'my patient john') or, for a full name, care given in its sentence ('Lou Gehrig came to my
    clinic')."""
    if EPONYM_AFTER.match(text, end) or EPONYM_TAIL.search(text, start, end):
        return False  # ('Tommy John surgery is ...': the span holds what the eponym names)
    if _PATIENT_BEFORE.search(text, max(0, start - 24), start):
        return True  # 'my patient john fell again', 'my patient Tommy John'
    return len(text[start:end].split()) >= 2 and care_given(text, *sentence_at(sentences, start))


_LATIN_LETTER = re.compile(r"[A-Za-zÀ-ɏ]")


# What an eponym is named for, right before a name: 'named for Hakaru Hashimoto, a young Japanese surgeon', 'named after
# the Dodgers pitcher Tommy John', 'named after Dr. Frank Jobe'.
_NAMED_FOR_BEFORE = re.compile(
    r"(?i:\bnamed (?:for|after)\s+(?:(?:Dr\.?|Sir|Saint|St\.?|the|a|an)\s+)?(?:[A-Za-z'’-]+\s+){0,3}$)"
)


# A list's joints: '+', '&', 'and', 'or' (not a comma, which also sets off a name: 'her husband, hank, got ...').
_JOINT = r"(?:\s*[+&/]\s*|\s+(?:and|or|n)\s+)"
_LIST_ITEM_BEFORE = re.compile(rf"(?i:(?:^|{_JOINT}|\s)([a-z][a-z'-]+){_JOINT}$)")
_LIST_ITEM_AFTER = re.compile(rf"(?i:{_JOINT}([a-z][a-z'-]+)(?={_JOINT}|[\s.!?]|$))")


def _listed_with_things(text: str, start: int, end: int, gaz, named: list[tuple[int, int]]) -> bool:
    """A lower-case word in a list whose neighbour is a lower-case word on no name list that the tagger did not take
    for a name either ('pancit + jollof + pierogi', 'beans and pozole'): the list holds things, not people."""
    neighbours = []
    before = _LIST_ITEM_BEFORE.search(text, max(0, start - 30), start)
    if before:
        neighbours.append(before.span(1))
    after = _LIST_ITEM_AFTER.match(text, end)
    if after:
        neighbours.append(after.span(1))
    for lo, hi in neighbours:
        word = text[lo:hi]
        if not word.islower() or word in gaz.first or word in gaz.last or len(word) < 3:
            continue
        if word in ("and", "or", "the", "my", "his", "her", "their", "our", "a", "an"):
            continue
        if any(s < hi and lo < e for s, e in named):
            continue
        return True
    return False


def _colleague(text: str, start: int, end: int) -> bool:
    """A colleague by team, duty or post ('Rachel from marketing', 'Kevin is on call', 'the new fellow,
    Arjun'), unless a patient or relation cue comes just before ('my patient Kevin is on call')."""
    if not (COLLEAGUE_AFTER.match(text, end) or STAFF_BEFORE.search(text, max(0, start - 40), start)):
        return False
    return not _PATIENT_BEFORE.search(text, max(0, start - 24), start)


_PATIENT_BEFORE = re.compile(
    rf"(?i:\b(?:patient|pt|{PERSON_TITLE}|son|daughter|husband|wife|mom|dad|mother|father|grandma|grandpa)\.?\s+$)"
)


def _others_residence(text: str) -> bool:
    """A residence or stay word whose subject is not the writer."""
    return any(
        not _WRITER_BEFORE.search(text, max(0, m.start() - 20), m.start()) for m in _RESIDENCE.finditer(text)
    )


# The small words a place's name may hold ('Stratford-upon-Avon', 'Lake of the Woods', 'Rio de Janeiro').
_PLACE_JOINERS = frozenset(
    "of the on upon de del della la las los le les du des da do dos das di am an der den im sur en y e and van von"
    " zu ter ten bin ibn al el".split()
)


def _clause_start(text: str, start: int, end: int) -> int:
    """Where, in a run, the first lower-case word that no name holds begins (the end of the name before it)."""
    for match in re.finditer(r"\S+", text[start:end]):
        word = match.group(0)
        if match.start() and word.islower() and word not in _PLACE_JOINERS:
            return start + len(text[start : start + match.start()].rstrip())
    return end


def _prose_inside(run: str, tail: bool = False) -> bool:
    """In cased writing a name (of a place, or with tail=True of a person) is its capitalised words and
    joiners; a lower-case word of any other kind inside a run of three or more words makes it a clause."""
    words = run.split()
    inner = words[1:] if tail else words[1:-1]
    return len(words) >= 3 and any(w.islower() and w not in _PLACE_JOINERS for w in inner)


_PUNCT_AFTER = re.compile(r"[,.!?]")
# A capitalised word just before, or a lay title ('Herr', 'Frau'): a name's other half, not a German noun alone.
_CAPITALISED_NEIGHBOUR = re.compile(r"(?:\b[A-Z][a-z]+\.?|\b(?:Herr|Frau|Dr|Prof)\.?)\s+$")
_NUMBER_BEFORE = re.compile(r"\d\s+$")
# Kinship words used to address anyone, in Vietnamese (also its words for 'you') and Tagalog: in text of their own
# language they are no one's name ('Anh' is also a given name in an English sentence).
# (the kinship titles are lay_titles' own; 'nanay', 'tatay' are mother and father, said to any elder)
_ADDRESS_WORDS = PRONOUN_TITLES | frozenset("nanay tatay inay itay nay tay".split())
_VIETNAMESE_LETTERS = re.compile(r"[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđơư]", re.IGNORECASE)
_TAGALOG_WORDS = re.compile(r"(?i:\b(?:ang|ng|mga|po|yung|mo|nyo|niyo|ko|sa|na|wag|huwag|muna|lang|naman)\b)")


_GERMAN_NUMBER_BEFORE = re.compile(r"(?i:(?:\b\d+|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|zwölf|zwanzig)\s+$)")


# What a verb takes after it: a pronoun, an article, 'that', 'thank you', 'to', 'no'.
_CLAUSE_AFTER = re.compile(
    r"\s+(?:she|he|they|it|that|thank|thanks|to|no|yes|i|we|you|the|a|an|his|her|their|this|so|something)\b"
)
_CAPITAL_INSIDE = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]+")
_TRAILING_ACRONYM = re.compile(r"\s+[A-Z]{2,5}$")


# A full stop glued to the next sentence's first word ('no.Not'), not an initial ('J.R.') or a title ('Mrs.Alvarez').
_GLUED_STOP = re.compile(r"(?<![a-z])[a-z]{2,}\.(?=[A-Z][a-z])")


def _given_and_family(words: list[str], gaz: Gazetteer) -> bool:
    return (
        len(words) == 2
        and words[0] in gaz.first
        and words[1] in gaz.last
        and not any(w in gaz.common or w in _NOT_NAME_LOWER for w in words)
    )
