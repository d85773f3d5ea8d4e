"""The compliance screen: runs every detector over an answer and merges the findings."""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from dataclasses import replace

from bot.screening.advice import find_advice
from bot.screening.biometrics import find_biometrics
from bot.screening.casing import recased_names
from bot.screening.clauses import sentence_features
from bot.screening.clinical_titles import CLINICAL_TITLE_WORDS
from bot.screening.codes import find_codes, find_photo_files
from bot.screening.companies import is_company
from bot.screening.context import context_care, sentence_at, sentence_spans
from bot.screening.dates import find_ages, find_dates
from bot.screening.dialogue import (
    clinicians_own_names,
    introduces_self,
    label_spans,
    named_speakers,
    said_to_listener,
)
from bot.screening.disguise import fold_look_alikes, screen_hashtags, screen_visible
from bot.screening.facilities import BODY, BODY_FIRST, words
from bot.screening.findings import AllowList, Finding, Verdict
from bot.screening.gates import (
    AGE_WORDS,
    BIOMETRIC_WORDS,
    DATE_WORDS,
    PLACE_WORDS,
    STREET_WORDS,
    may_hold_url,
    words_of,
)
from bot.screening.identifiers import (
    find_emails,
    find_handles,
    find_labelled,
    find_spoken_emails,
    find_spoken_urls,
    find_unlabelled,
    find_urls,
    url_hosts,
)
from bot.screening.invented import without_made_up_people, without_quoted_sayings
from bot.screening.lay_titles import may_hold_title
from bot.screening.learned import load_models
from bot.screening.learned_findings import tagged_findings
from bot.screening.memo import memo
from bot.screening.named_clinicians import without_clinicians_named_again
from bot.screening.names import NameFinder, Roster, name_tokens
from bot.screening.not_patients import without_non_patient_ages, without_non_patients, without_staff_origins
from bot.screening.organisms import without_medical_latin
from bot.screening.own_contact import without_practice_contacts
from bot.screening.phones import PhoneFinder
from bot.screening.places import find_addresses, find_geography
from bot.screening.preload import preload
from bot.screening.public_figures import care_given
from bot.screening.replies import (
    emoji_after,
    find_patient_confirmations,
    greeted_commenter,
    greeted_first,
    greeted_handle,
    greeting_inside,
    refuses_to_discuss_care,
    speaks_of_readers_care,
    thanked_unknowingly,
)
from bot.screening.script_names import MAY_HOLD as MAY_HOLD_SCRIPT_NAMES
from bot.screening.script_names import script_names
from bot.screening.sentence_findings import sentence_findings
from bot.screening.shorthand import SHORTHAND_WORDS, spelt_out, typed_span
from bot.screening.signatures import without_signatures
from bot.screening.spelled import spelled_names
from bot.screening.spoken import has_spoken_digits, original_span, spoken_digits
from bot.screening.stories import find_stories
from bot.screening.titled_names import (
    DEED_WORDS,
    PATIENT_WORDS,
    RANK_TITLE_WORDS,
    cared_for_clinicians,
    cared_for_ranks,
    families_by_surname,
    names_before_deeds,
    patients_named,
    titled_names,
)
from bot.screening.treatments import names_treatment
from bot.screening.vietnamese_names import vietnamese_full_names
from bot.text import screenable_text

# When two findings overlap, the more specific kind wins (a number labelled 'MRN' is not a phone).
_PRIORITY = {
    kind: rank
    for rank, kind in enumerate(
        (
            "ssn",
            "mrn",
            "health_plan",
            "account",
            "license",
            "vehicle",
            "device",
            "email",
            "url",
            "ip",
            "fax",
            "phone",
            "address",
            "age_over_89",
            "date",
            "geography",
            "name",
            "biometric",
            "photo",
            "other_id",
        )
    )
}
_NEVER_DROPPED = frozenset({"patient_story", "advice", "photo", "biometric", "patient_confirmation"})
PURPOSES = frozenset({"answer", "reply", "note", "internal"})
# Text that may be published: it must not show that the practice knows someone's care ('we saw you last
# week', 'glad your knee replacement went well'), whoever wrote it. Notes stay with the team.
_PUBLISHED = frozenset({"answer", "reply"})
_HAS_DIGIT = re.compile(r"\d")
_EXTRA_CACHE_SIZE = 256
_ZIP_WORDS = frozenset({"zip", "zipcode", "postal"})


class Screener:
    """Screens physician answers for PHI (block) and individual medical advice (warn)."""

    def __init__(self, allow: AllowList = AllowList(), region: str = "US") -> None:  # noqa: B008
        self._allow = allow
        self._region = region
        self._names = NameFinder(allow.names)
        self._phones = PhoneFinder(allow.phones, region)
        self._hosts = url_hosts(allow.urls)
        # The practice's own handles: its hosts' first labels and its names without spaces.
        self._handles = frozenset(
            h.split(".")[0].lower() for h in self._hosts if len(h.split(".")[0]) > 3
        ) | frozenset("".join(n.split()).lower() for n in allow.names) | frozenset(
            e.split("@")[0].lower() for e in allow.emails
        ) | _abbreviated_handles(allow.names)
        self._emails = frozenset(e.lower() for e in allow.emails)
        self._roster = Roster(allow.names)
        self._name_words = self._roster.words
        self._place_words = self._name_words | name_tokens(allow.places)
        self._extended: dict[AllowList, Screener] = {}
        preload()
        self._tagger, self._sentences = load_models()

    def _with_extra(self, extra: AllowList) -> Screener:
        """A screener with extra allowed items, cached per extra list (physicians repeat)."""
        screener = self._extended.get(extra)
        if screener is None:
            if len(self._extended) >= _EXTRA_CACHE_SIZE:
                self._extended.clear()
            screener = Screener(self._allow.merged(extra), self._region)
            self._extended[extra] = screener
        return screener

    def _screen_note(self, text: str, extra_allow: AllowList | None) -> Verdict:
        """A short note (a reason, a reject note): also read with its names re-cased (`casing`)."""
        verdict = self.screen(text, extra_allow, "internal")
        cased = recased_names(text, self._tagger.gazetteer.flags)
        if cased == text:
            return verdict
        more = [f for f in self.screen(cased, extra_allow, "internal").findings
                if f.category == "phi" and not any(f.start < g.end and g.start < f.end for g in verdict.findings)]
        return Verdict.from_findings(verdict.findings + tuple(more)) if more else verdict

    def _spoken_numbers(self, text: str) -> list[Finding]:
        """Identifiers read aloud ('oh-seven-nine-one-one, one two three'): the number detectors on the
        text with digit words rewritten as digits, their spans moved back onto the spoken words."""
        rewrite = spoken_digits(text)
        if rewrite is None:
            return []
        norm, where = rewrite
        out = []
        norm_words = words_of(norm)
        found = [*find_labelled(norm, norm_words), *find_unlabelled(norm), *self._phones.find(norm)]
        # A serial or id spelt out in letters and digits ('a c one nine three ...'); digits alone are the
        # phone and labelled detectors' to judge.
        found += [f for f in find_codes(norm, sentence_spans(norm)) if any(c.isalpha() for c in norm[f.start : f.end])]
        if norm_words & _ZIP_WORDS:  # 'my zip is four three two one five'
            found += find_geography(norm, sentence_spans(norm), self._place_words, norm_words)
        for finding in found:
            if not any(text[where[i]].isalpha() for i in range(finding.start, finding.end) if norm[i].isdigit()):
                continue  # written digits were screened already
            start, end = original_span(where, finding.start, finding.end, text)
            out.append(replace(finding, start=start, end=end))
        return out

    def screen(self, text: str, extra_allow: AllowList | None = None, purpose: str = "answer") -> Verdict:
        """Screen one answer; extra_allow adds e.g. the answering physician's own name.

        Args:
            text: the answer or reply draft.
            extra_allow: more allowed names etc. for this text (the author's own name).
            purpose: "answer" (a weekly answer) or "reply" (a public reply draft): both may be published,
                so both hold text that confirms someone is a patient ("we saw you last week", "as our
                patient"); "note" (an It's fine reason, a reject note: stays with the team, and names
                in any casing count); "internal" (a note's text as written, without re-casing).
        """
        if purpose not in PURPOSES:
            raise ValueError(f"unknown purpose {purpose!r}; expected one of {sorted(PURPOSES)}")
        if len(text) > WINDOW:
            return self._screen_windows(text, extra_allow, purpose)
        text = screenable_text(text)  # lone surrogates (JSON "\\ud800", undecodable stdin) crash the tagger
        hidden = screen_visible(text, lambda visible: self.screen(visible, extra_allow, purpose))
        if hidden is not None:  # zero-width characters or soft hyphens inside words
            return hidden
        tagged = screen_hashtags(text, lambda readable: self.screen(readable, extra_allow, purpose))
        if tagged is not None:  # '#PrayForMrsOkafor' read as the words it runs together
            return tagged
        text = fold_look_alikes(text)  # 'Jоhn' with a Cyrillic о reads as John, offsets unchanged
        if purpose == "note":
            return self._screen_note(text, extra_allow)
        if extra_allow is not None and extra_allow != AllowList():
            return self._with_extra(extra_allow).screen(text, purpose=purpose)
        spans = sentence_spans(text)
        words = words_of(text)
        digits = _HAS_DIGIT.search(text) is not None
        found: list[Finding] = []
        if digits:
            found.extend(find_labelled(text, words))
            found.extend(find_unlabelled(text))
            found.extend(self._phones.find(text))
            found.extend(find_codes(text, spans))
        elif words & _ROOM_WORDS:  # a room or bed read aloud: 'room four twelve'
            found.extend(find_codes(text, spans))
        if has_spoken_digits(words):
            found.extend(self._spoken_numbers(text))
        if "@" in text:
            found.extend(find_emails(text, self._emails, self._hosts))
            found.extend(find_handles(text, self._handles))
        if "dot" in words:
            found.extend(find_spoken_emails(text, self._emails, self._hosts))
            found.extend(find_spoken_urls(text, spans, self._hosts))
        if may_hold_url(text):
            email_spans = [(f.start, f.end) for f in found if f.kind == "email"]
            found.extend(find_urls(text, spans, self._hosts, email_spans))
        if digits or words & AGE_WORDS or "tuổi" in text:  # (Vietnamese splits on its accents: no word to gate on)
            found.extend(find_ages(text))
        if digits or words & DATE_WORDS:
            found.extend(find_dates(text, spans, words))
        if digits or words & STREET_WORDS:
            found.extend(find_addresses(text, spans, self._allow.addresses))
        if digits or words & PLACE_WORDS:
            found.extend(find_geography(text, spans, self._place_words, words))
        found.extend(self._names.find(text, words))
        if may_hold_title(words, text):
            found.extend(titled_names(text, self._tagger.gazetteer, self._roster, spans))
        found.extend(spelled_names(text, self._tagger.gazetteer))
        found.extend(vietnamese_full_names(text))
        if MAY_HOLD_SCRIPT_NAMES.search(text):
            found.extend(script_names(text))
        if ":" in text:
            found.extend(self._named_speakers(text))
        if words & PATIENT_WORDS:
            found.extend(patients_named(text, self._tagger.gazetteer, self._roster))
        if "he " in text:  # ('the Yoders', 'The Nguyens')
            found.extend(families_by_surname(text, self._tagger.gazetteer, self._roster))
        if words & DEED_WORDS:
            found.extend(names_before_deeds(text, self._tagger.gazetteer))
        if words & CLINICAL_TITLE_WORDS:
            found.extend(cared_for_clinicians(text))
        if words & RANK_TITLE_WORDS:
            found.extend(cared_for_ranks(text))
        if "." in text:
            found.extend(find_photo_files(text))
        if words & BIOMETRIC_WORDS:
            found.extend(find_biometrics(text, spans))
        found.extend(find_stories(text, spans, words))
        found.extend(tagged_findings(text, self._tagger, self._name_words, spans, self._place_words, self._roster))
        if _CAPS_RUN.search(text):
            found.extend(self._names_in_capitals(text, spans))
        found.extend(self._care_said(text, spans, words, purpose))
        if purpose in _PUBLISHED:
            found = _without_greeted_commenters(text, spans, found)
        found = without_non_patient_ages(text, spans, without_non_patients(text, spans, found))
        found = without_practice_contacts(text, spans, found)
        found = without_staff_origins(text, found, spans)
        found = without_medical_latin(text, found)
        found = _as_transcript(text, found, self._tagger.gazetteer)
        found = _outside_organisation_names(text, found)
        found = [f for f in found if f.kind != "name" or not is_company(text, f.start, f.end)]
        found = without_quoted_sayings(text, without_made_up_people(text, found))
        found = without_clinicians_named_again(text, without_signatures(text, found))
        found = self._without_stories_of_allowed_people(text, found)
        return Verdict.from_findings(_resolve(_outside_public_text(text, found, self._allow.addresses)))

    def _screen_windows(self, text: str, extra_allow: AllowList | None, purpose: str) -> Verdict:
        """A text longer than a window, screened window by window: overlapping windows cut at a line or sentence
        end, their findings moved back to the text's offsets. The tagger and the regexes need time and memory
        beyond the text's length on a very long one (a million characters took a gigabyte); a window keeps both
        in proportion, and the overlap keeps a sentence cut at one window's edge whole in the next."""
        found: list[Finding] = []
        start = 0
        while start < len(text):
            end = min(len(text), start + WINDOW)
            if end < len(text):
                cut = max(text.rfind("\n", end - OVERLAP, end), text.rfind(". ", end - OVERLAP, end))
                end = cut + 1 if cut > start else end
            window = self.screen(text[start:end], extra_allow, purpose)
            found += [replace(f, start=f.start + start, end=f.end + start) for f in window.findings]
            if end >= len(text):
                break
            space = text.find(" ", end - OVERLAP, end)  # (the next window opens at a word, not inside one)
            start = max(space + 1 if space >= 0 else end - OVERLAP, start + 1)
        return Verdict.from_findings(_resolve(found))

    def _care_said(
        self, text: str, spans: list[tuple[int, int]], words: frozenset[str], purpose: str, heard: bool = False
    ) -> list[Finding]:
        """Advice, stories and confirmations of care: read with chat shorthand spelt out ('u have strep, finish
        the amox'), their spans moved back onto the words as typed (`shorthand`); in a transcript, the advice in
        a clinician's turn also as said to the patient (`dialogue`)."""
        found = self._care_typed(text, spans, words, purpose)
        dialogue = None if heard else said_to_listener(text)
        if dialogue is not None:
            norm, where = dialogue
            spoken = self._care_said(norm, sentence_spans(norm), words_of(norm), purpose, heard=True)
            found += [replace(f, start=a, end=b) for f in spoken if f.kind == "advice"
                      for a, b in [typed_span(where, f.start, f.end)]]
        return found

    def _care_typed(
        self, text: str, spans: list[tuple[int, int]], words: frozenset[str], purpose: str
    ) -> list[Finding]:
        rewrite = spelt_out(text) if words & SHORTHAND_WORDS else None
        if rewrite is not None:
            norm, where = rewrite
            found = self._care_in(norm, sentence_spans(norm), words_of(norm), purpose)
            return [replace(f, start=a, end=b) for f in found for a, b in [typed_span(where, f.start, f.end)]]
        return self._care_in(text, spans, words, purpose)

    def _care_in(self, text: str, spans: list[tuple[int, int]], words: frozenset[str], purpose: str) -> list[Finding]:
        # Both models read a sentence's features: worked out once per piece of this text.
        features_of = memo(lambda piece: sentence_features(piece, self._tagger.gazetteer))
        found = [*find_advice(text, spans, words), *sentence_findings(text, self._sentences, spans, features_of)]
        if purpose in _PUBLISHED:
            found.extend(find_patient_confirmations(text, features_of, spans))
        return found

    def _names_in_capitals(self, text: str, spans: list[tuple[int, int]]) -> list[Finding]:
        """A name shouted in capitals in mixed-case text ('FARAH CABDI XASAN asked me ...'): the tagger learned names
        by their capitals, and a run of capitals is no name shape to it. Each run that has a word on the name lists
        or on no list is read again in Title case (a letter's case changes, no offset), and what the name readers find
        there is kept. A run of dictionary words ('HEART FAILURE CLINIC', 'PLEASE NOTE') is left as it is."""
        if sum(c.isupper() for c in text) > sum(c.islower() for c in text):
            return []  # written all in capitals: the readers treat it as caseless already
        gaz = self._tagger.gazetteer
        runs = [m for m in _CAPS_RUN.finditer(text) if _may_name(m.group(0), gaz)]
        if not runs:
            return []
        chars = list(text)
        for m in runs:
            chars[m.start() : m.end()] = m.group(0).title()
        recased = "".join(chars)
        found = [*self._names.find(recased), *tagged_findings(
            recased, self._tagger, self._name_words, spans, self._place_words, self._roster)]
        return [f for f in found if f.kind == "name" and any(m.start() <= f.start < m.end() for m in runs)]

    def _named_speakers(self, text: str) -> list[Finding]:
        """A transcript's speaker labelled by name ('Marisol: still swollen'), unless one of the practice's own."""
        return [
            Finding("name", start, end, "names the person speaking in a visit or call")
            for start, end in named_speakers(text)
            # (a name by the name lists, or a word no list knows: a heading such as 'Update:' is no speaker)
            if _name_or_unknown(self._tagger.gazetteer.flags(text[start:end].split()[0].lower()))
            and not self._roster.allows(text[start:end].split(), "")
        ]

    def _without_stories_of_allowed_people(self, text: str, found: list[Finding]) -> list[Finding]:
        """A 'who' story about the practice's own people ('Please welcome Dr. Loretta Wade and Dr. Mitchell Bennett,
        who just joined ...') is staff news when the text gives no one care; with care, it stays a story."""
        if not any(f.kind == "patient_story" for f in found) or context_care(text):
            return found
        kept = []
        for f in found:
            subject = _STORY_SUBJECT.match(text, f.start) if f.kind == "patient_story" else None
            if subject and self._roster.allows(subject.group(1).split(), text[max(0, f.start - 24) : f.start]):
                continue
            kept.append(f)
        return kept


_ROOM_WORDS = frozenset("room rm bed unit apt suite".split())


def _abbreviated_handles(names: frozenset[str]) -> frozenset[str]:
    """An organisation's handle as organisations shorten their names: its first word and the initials of the rest
    ('Lakeshore Regional Medical Center' is @LakeshoreRMC), or all the initials (@LRMC) when there are four or more.
    (Not a person's: 'Dr. Cathy Wise' abbreviates to nothing anyone would post under.)"""
    out = set()
    for name in names:
        words = re.findall(r"[A-Za-z]+", name)
        if len(words) < 3 or name.lower().startswith(("dr.", "dr ")):
            continue
        out.add(words[0].lower() + "".join(w[0] for w in words[1:]).lower())
        if len(words) >= 4:
            out.add("".join(w[0] for w in words).lower())
    return frozenset(out)


# The name a story opens with, just before its 'who' ('Mitchell Bennett, who just joined ...').
_STORY_SUBJECT = re.compile(r"((?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+),?\s+who\b")


# A run of capitalised words ending in what names an organisation or a thing ('the Chen-Whitaker Family Foundation',
# 'the Teddy Bear Clinic', 'the Rosa Parks Award'): a name inside it names the organisation, not a patient.
_ORGANISATION_RUN = re.compile(
    rf"\b(?:[A-Z][\w'’&.-]*\s+(?:(?:and|&)\s+(?=[A-Z]))?){{1,5}}(?:{words(BODY, capitalised=True)})\b"
    # the other languages' bodies, first ('Istituto Superiore di Sanità', 'Instituto de Salud Carlos III') or, in
    # German, glued last ('Robert Koch-Institut')
    rf"|\b(?:{words(BODY_FIRST, capitalised=True)})(?:\s+(?:(?:de|di|del|della|dei|des|du|da|do|dos|das|der|für|y|e"
    r"|et|und|la|le|el|l'|d')\s*){0,2}(?:[A-Z][\w'’.-]*|[IVX]+\b)){1,6}"
    rf"|\b(?:[A-Z][\w'’&.]*\s+){{0,4}}[A-Z][\w'’.]*-(?:{words(BODY_FIRST, capitalised=True)})\b"
)


def _outside_organisation_names(text: str, found: list[Finding]) -> list[Finding]:
    """Unless the text gives care to the one the body is named for: in the name's own sentence, or to the name said
    again outside the body's name ('The Kevin Brown Recovery Fund is covering Kevin's rehab after his stroke').
    Care elsewhere in the text is the body's work ('The Ruth and Alan Pressman Birthing Center turns 10! 25,000
    babies')."""
    if not any(f.kind == "name" for f in found):
        return found
    if not context_care(text):
        return _outside_organisation_runs(text, found, lambda f, runs: False)
    spans = sentence_spans(text)

    def cared_for(f: Finding, runs: list[tuple[int, int]]) -> bool:
        lo, hi = sentence_at(spans, f.start)
        if care_given(text, lo, hi) or context_care(text[lo:hi]):
            return True
        words = re.findall(r"[^\W\d_]{3,}", text[f.start : f.end])
        return any(
            not any(a <= m.start() < b for a, b in runs)
            for w in words
            for m in re.finditer(rf"\b{re.escape(w)}\b", text)
        )

    return _outside_organisation_runs(text, found, cared_for)


def _outside_organisation_runs(text: str, found: list[Finding], cared_for) -> list[Finding]:
    """The name findings inside an organisation's name dropped, unless `cared_for(finding, runs)`."""
    # A name the run ends with is the organisation's ('the Robert Koch Institute') unless its last word is also a
    # surname ('Jae-won Park', 'Matthew Hall'): then only a name inside the run is.
    runs = [
        (m.start(), m.end() + (m.group(0).rsplit(None, 1)[-1].lower() not in _SURNAME_BODIES))
        for m in _ORGANISATION_RUN.finditer(text)
    ]
    if not runs:
        return found
    return [
        f
        for f in found
        if f.kind != "name"
        or not any(
            a <= f.start
            # (or running on past the run in lower case only: 'la Organización ... de la Salud alerta sobre')
            and (f.end < b or (f.start < b < f.end and not any(c.isupper() for c in text[b : f.end])))
            for a, b in runs
        )
        or cared_for(f, runs)
    ]


_SURNAME_BODIES = frozenset({"park", "hall", "wing", "garden", "chair"})


_CARE_SAID = frozenset({"patient_confirmation", "advice", "patient_story"})


# Two to four words in capitals in a row: a heading, an acronym pair or a name shouted.
# (words of a bounded length: an unbounded one rescans 'A-A-A-…' from every letter)
_CAPS_RUN = re.compile(r"\b[A-Z][A-Z'’-]{1,30}(?:[ \t]+[A-Z][A-Z'’-]{1,30}){1,3}\b")


def _may_name(run: str, gazetteer) -> bool:
    """A run with a word on the name lists or on no list, and none a common word off the name lists."""
    flags = [gazetteer.flags(w.strip("'’-").lower()) for w in run.split()]
    if any(("v" in f or "c" in f) and "F" not in f and "L" not in f for f in flags):
        return False
    return any("F" in f or "L" in f or not f for f in flags)


def _name_or_unknown(flags: str) -> bool:
    return "F" in flags or "L" in flags or not flags


def _a_word(word: str, gazetteer) -> bool:
    """A dictionary word, or two run together ('freestyle', 'checkup'), and on no name list."""
    flags = gazetteer.flags(word)
    if "F" in flags or "L" in flags:
        return False
    if set(flags) & set("vc"):
        return True
    return any(
        "v" in gazetteer.flags(word[:i]) and "v" in gazetteer.flags(word[i:]) for i in range(3, len(word) - 2)
    )


def _as_transcript(text: str, found: list[Finding], gazetteer) -> list[Finding]:
    """A visit or call transcript is no public reply: what confirms care is the visit itself, and a clinician's
    own name ('RN: nurse line, this is Dana') is staff's; a speaker's label is no cue that a word after it is a name
    ('Dad: freestyle, he's fast'). Names, numbers and places of the patient stay held."""
    turns = clinicians_own_names(text) if ":" in text or "]" in text else []
    if not turns:
        return found
    label_ends = {end for _, end in label_spans(text)}
    kept = []
    for f in found:
        if f.kind == "patient_confirmation":
            continue
        word = text[f.start : f.end]
        # (a turn opens with a capital: 'Patient: Perfect, thanks.' is a word as much as 'Dad: freestyle' is)
        if f.kind == "name" and f.start in label_ends and word[1:].islower() and _a_word(word.lower(), gazetteer):
            continue
        turn = next(((s, e) for s, e in turns if s <= f.start < e), None)
        if f.kind == "name" and turn is not None and introduces_self(text, turn[0], f.start):
            continue
        kept.append(f)
    return kept


def _without_greeted_commenters(text: str, spans: list[tuple[int, int]], found: list[Finding]) -> list[Finding]:
    """Drop the name a reply greets its commenter by ('Thanks, Keisha!') when the text says nothing of anyone's
    care: no care word, no confirmation, no advice, no story. Then it is the name they posted under, nothing more."""
    if (
        not any(f.kind == "name" or _handle(text, f) for f in found)
        or any(f.kind in _CARE_SAID for f in found)
        or speaks_of_readers_care(text)
    ):
        return found

    def called(f: Finding) -> bool:
        sentence = sentence_at(spans, f.start)
        if _handle(text, f):
            # '@jenna_k thanks for the follow!': the account the reply answers, as public as the comment
            if not greeted_handle(text, sentence, f.start):
                return False
        elif not greeted_commenter(text, sentence, greeting_inside(text, f.start, f.end), f.end):
            return False
        if not thanked_unknowingly(text, sentence):
            return False
        # Care told in the sentence that calls them is theirs ('Ken, the colonoscopy prep ...'); a health fact
        # in a sentence of its own after 'Hi Sofia!' is the reply's answer to anyone.
        # (A wave after the name ends the greeting as a full stop would: 'Hey Ray 👋 the pharmacy ...'.)
        greeting = emoji_after(text, f.end) or greeted_first(text, sentence, f.end)
        said = text[sentence[0] : f.end] if greeting else text[sentence[0] : sentence[1]]
        return refuses_to_discuss_care(said) or (not context_care(said) and not names_treatment(said))

    return [f for f in found if not (f.kind == "name" or _handle(text, f)) or not called(f)]


def _handle(text: str, f: Finding) -> bool:
    return f.kind == "other_id" and text.startswith("@", f.start)


def _outside_public_text(text: str, found: list[Finding], public: frozenset[str]) -> list[Finding]:
    """Drop identifier findings inside the practice's own public text (its street address, ZIP included).

    The detectors see an address as street, city and ZIP pieces; an allow-listed address is public
    as a whole, so anything found inside one of its occurrences is too. Advice and stories stay.
    """
    if not public:
        return found
    lowered = text.lower()
    spans = []
    for value in public:
        needle, start = value.lower(), 0
        while needle and (start := lowered.find(needle, start)) != -1:
            spans.append((start, start + len(needle)))
            start += len(needle)
    return [f for f in found if f.category != "phi" or f.kind in _NEVER_DROPPED
            or not any(a <= f.start and f.end <= b for a, b in spans)]


# Longer text is screened in windows of this many characters, each overlapping the last by OVERLAP (`_screen_windows`).
WINDOW = 20_000
OVERLAP = 1_000


def _resolve(found: list[Finding]) -> tuple[Finding, ...]:
    """Merge duplicates and drop findings swallowed by a more specific overlapping one."""
    kept: list[Finding] = []
    # Kept identifier findings never overlap one another, nor kept findings of one never-dropped kind,
    # so each group is a sorted run of disjoint spans: a binary search, not a scan of everything kept.
    groups: dict[str | None, _DisjointSpans] = {}
    ranked = sorted(found, key=lambda f: (_PRIORITY.get(f.kind, 99), -(f.end - f.start), f.start))
    for finding in ranked:
        group = groups.setdefault(finding.kind if finding.kind in _NEVER_DROPPED else None, _DisjointSpans())
        if not group.overlaps(finding.start, finding.end):
            group.add(finding.start, finding.end)
            kept.append(finding)
    return tuple(sorted(kept, key=lambda f: (f.start, f.end, f.kind)))


class _DisjointSpans:
    """Non-overlapping (start, end) spans kept sorted, so an overlap test is a binary search."""

    def __init__(self) -> None:
        self._spans: list[tuple[int, int]] = []

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self._spans, (end,))  # spans before i start before `end`; their ends rise too
        return i > 0 and self._spans[i - 1][1] > start

    def add(self, start: int, end: int) -> None:
        insort(self._spans, (start, end))
