"""Advice and identifying stories from the sentence models, one finding per clause.

A clause the advice model finds likely is advice only when it is aimed at the reader (a command
by its shape, a plan, 'you' in the particular sense, with or without a known treatment: `aimed`) and
does not defer to a clinician; the PHI side (names and places from the token tagger) is in
`learned_findings`.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterator

from bot.screening.advice import (
    DRUG_LABEL,
    defer_scope,
    defers,
    full_stops,
)
from bot.screening.aimed import (
    ADVICE_THRESHOLD,
    ADVICE_THRESHOLD_NAMED,
    ADVICE_THRESHOLD_TOLD,
    AMOUNT,
    PARTICULAR,
    addressed,
    labelled_order,
    permitted_change,
    planned,
    told_outright,
)
from bot.screening.clauses import commands, sentence_features
from bot.screening.context import ONE_READER, STAFF_ROLE, has_person_cue
from bot.screening.diagnoses import DX_TOLD
from bot.screening.dialogue import label_spans
from bot.screening.findings import LEARNED_REASONS, Finding
from bot.screening.learned import SentenceClassifier, load_advice_model, load_models
from bot.screening.lowered import Lowered
from bot.screening.memo import memo
from bot.screening.not_patients import historical, praised_for_serving
from bot.screening.public_figures import famous_sentence
from bot.screening.stories import _DETAIL, OCCUPATION

_UNLESS = Lowered(
    r"(?i:\bon (?:your|their) own\b|\bby (?:yourself|themselves)\b"
    r"|\b(?:prescriber|doctor|physician)['’]s (?:help|guidance|advice)"
    r"|\bunless (?:your|a|the) (?:doctor|surgeon|physician|provider|pharmacist|nurse|care team|prescriber)"
    r"|\b(?:your|a|the) (?:doctor|surgeon|physician|provider|pharmacist|care team|prescriber) (?:tells|says|decides)"
    r"|\bunless (?:instructed|told|directed|advised) otherwise\b)"
)


# A text that labels itself as general material ('Patient education:', 'Handout -', 'FAQ:') speaks to
# every reader: its commands need the classifier's full confidence.
# A clause labelled as the fact that answers a myth: a statement of what is true for everyone.
_FACT_LABEL = re.compile(r"(?i:\W*(?:fact|the fact|truth|the truth|reality|hecho|realidad|verdad|fato|verdade|fait"
                         r"|vrai|tatsache|wahrheit|fatto|verità)\s*[:\-–—]\s)")
# Under an education label (FAQ, leaflet, myth and fact) only a model all but certain tells one reader's plan: the
# label says the text is for everyone ('Myth: ... Fact: it's less likely only if you're exclusively breastfeeding').
ADVICE_THRESHOLD_EDUCATION = 0.98
_EDUCATION_LABEL = re.compile(
    r"(?i:^\W*(?:[\w ]{0,30}\b)?(?:education|educational|handout|faq|info sheet|fact sheet|leaflet|template"
    r"|general (?:info|information|instructions)|drug info|drug reference"
    r"|preguntas? frecuentes?|preguntas comunes|perguntas frequentes|questions fréquentes|foire aux questions"
    r"|häufige fragen|domande frequenti|myth|myths|mito|mythe)\b[^:\n]{0,40}[:\-–—])"
    # a physician answering the public's question: 'Dr. Loretta Wade answers: what does a sleep study involve?'
    r"|^\W*(?:Dr\.?|Doctor) [A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2} (?:answers|explains|asks)\s*:"
    # a column's headline, a physician on a topic: 'Dr. Robert Clark on kidney stones:', 'Dr. Wade on sunscreen -'
    r"|^\W*(?:Dr\.?|Doctor) [A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2} on [^:\n.!?]{2,40}(?::|\s[-–—]\s)"
)


# One person by their role, in an incident ('the quarterback struck during the homecoming game'): a cue for a story
# as much as 'he' is, when the model already reads one. (A role alone is not: 'The coach should know CPR.')
_ONE_ROLE = re.compile(rf"\b(?i:the|our|that) (?:[\w-]+ ){{0,2}}?(?i:{OCCUPATION})\b")


_INCIDENT = Lowered(
    r"(?i:\b(?:collapsed|struck|was hit|got hit|crashed|fell|fainted|passed out|was injured|got hurt|was hurt"
    r"|survived|went down|was shot|drowned|nearly drowned|was trapped|was pulled from|was rescued)\b)"
)


def _role_in_incident(text: str, start: int, end: int) -> bool:
    """'The quarterback struck during the Hilliard homecoming game survived': one person by role, in an event."""
    return _INCIDENT.search(text, start, end) is not None and _ONE_ROLE.search(text, start, end) is not None


# Someone particular in a story: 'whose ACL I fixed', 'who I started seeing'.
_STORY_CUE = re.compile(
    r"\b(?:who|whose|whom)\b|(?i:\bwe (?:saw|treated|admitted|discharged|delivered|operated on|scoped|casted|met)\b)"
)


# ('Do not restart the X until ...' is a command, not a question)
_QUESTION_START = Lowered(
    r"(?i:(?:[\w#' ]{0,40}:\s*)?(?:do(?! not\b)|does|did|can|could|should|is|are|will|would|how|what|when|why"
    r"|which)\s"
    # ('can u let him know ...', 'could you tell her to ...': a request to pass an order on, not a question)
    r"(?<!can\s)(?<!could\s)(?<!would\s)(?<!will\s)"
    r"|(?:[\w#' ]{0,40}:\s*)?(?:can|could|would|will)\s"
    r"(?!(?:you|u)\s+(?:please\s+|pls\s+|plz\s+)?(?:let|tell|ask|remind|make sure|have)\b))"
)


# Calibrated on dev and the tune halves of the sets by other writers: stories score 0.6 and up, clean text
# with a person in it 0.35 and below.
STORY_THRESHOLD = 0.5


# Someone left anonymous or the writer's own: 'a patient once', 'I had someone last month who', 'one of
# my patients'. Without a detail that narrows them down (an age, a job, a street, 'yesterday') no one
# could be recognised.
_ANONYMOUS = Lowered(
    r"(?i:\b(?:someone|somebody|one of my patients|a (?:patient|client)|one patient|my (?:patient|pt)|this patient"
    r"|an? (?:(?:older|elderly|young|lovely|sweet|nice) )?(?:man|woman|guy|lady|gentleman|mom|dad|kid|teen|teenager)"
    # The writer's own family ('my kid had croup last winter'): the physician's life, not a patient's chart.
    r"|(?:my|our) (?:own )?(?:kids?|son|daughter|mom|mother|dad|father|husband|wife|partner|baby|family"
    r"|\d{1,2} ?(?:yo|y/o|year-old|yr-old|month-old))"
    r")\b)"
)


# Split a sentence further at any full stop, question mark or semicolon, whatever the next letter's case.
# A dash clause starts only where a run of spaces starts, else a long run is re-scanned from each space.
# (not after a physician's title: 'Dr. Hannah Lindqvist, who retires ...' is one clause, about a physician)
# (only a physician's title: the story model learned from clauses cut at 'Mr.', so 'Lee who rang the bell today'
# is read as it was trained)
_TITLE_ABBREV = ("Dr", "Dra", "Prof")
_CLAUSE_END = re.compile(
    r"(?<=[.!?;])" + "".join(rf"(?<!\b{re.escape(a)}\.)" for a in _TITLE_ABBREV) + r"\s+|\n+|(?<!\s)\s+[-–—]\s+"
)


def sentence_findings(
    text: str,
    classifier: SentenceClassifier,
    sentences: list[tuple[int, int]],
    features_of: Callable[[str], list[str]] | None = None,
) -> Iterator[Finding]:
    """Advice and identifying stories, one finding per sentence the classifier is sure of. `features_of` gives a
    piece's sentence_features, shared with the other readers of the same text (the confirmation model)."""
    spoken = {start: end for start, end in label_spans(text)}  # a transcript's speaker labels
    spans = [piece for s, e in sentences for piece in _clauses(text, s, e, spoken)]
    spans = [(s, e) for s, e in spans if any(c.isalpha() for c in text[s:e])]
    pieces = [text[s:e] for s, e in spans]
    gazetteer = load_models(classifier.model_dir)[0].gazetteer
    if features_of is None:
        features_of = memo(lambda piece: sentence_features(piece, gazetteer))
    features = [features_of(piece) for piece in pieces]  # once, for both models
    advice_scores = load_advice_model(classifier.model_dir).scores(pieces, features)
    # A sentence of many clauses is searched once, not once per clause.
    defers_ = memo(lambda sentence: bool(defers(text, *sentence) or _UNLESS.search(text, *sentence)))
    education = _EDUCATION_LABEL.match(text) is not None
    # A drug's label speaks to every user: only a sentence that turns to one reader ('for you', 'tonight', 'given
    # your kidneys') tells anyone their own plan.
    label = DRUG_LABEL.search(text) is not None
    stops = full_stops(text)
    advice_model = load_advice_model(classifier.model_dir)
    clause_counts = Counter(_containing(sentences, start) for start, _ in spans)
    told = _diagnoses_told(text, spans, advice_scores, sentences, gazetteer)
    namesake = _NAMESAKE.search(text) is not None

    @memo
    def whole_score(sentence: tuple[int, int]) -> float:
        """A sentence of several clauses read as one: 'that's a migraine, not sinus - take the X next time'."""
        piece = text[sentence[0] : sentence[1]]
        return advice_model.scores([piece], [features_of(piece)])[0]

    def story_score(index: int) -> float:
        """The story model's say on one clause (its STORY marginal alone: the other two labels are not read)."""
        return classifier.story(features[index])

    def is_story(start: int, end: int, sentence: tuple[int, int], score: float, clause_start: int = -1) -> bool:
        """A story by the model, about one particular person, who is not left anonymous in the clause it is told in
        (from clause_start: 'a patient I saw years ago ..., because his came from woodworking dust')."""
        return (
            score >= STORY_THRESHOLD
            and (
                # (a part of a clause needs someone by a word for a person: 'ozempic came in a new pen' and 'We can't
                # confirm who is staying' are no one)
                (has_person_cue(text, start, end) and (clause_start < 0 or _SOMEONE.search(text, start, end)))
                or (_particular_who(text, start, end) and (clause_start < 0 or _ONE_WHO.search(text, start, end)))
                or _role_in_incident(text, start, end)
            )
            and not (
                _ANONYMOUS.search(text, start if clause_start < 0 else clause_start, end)
                and not _DETAIL.search(text, *sentence)
            )
            # a visit is about one person by its nature: in a transcript only a detail narrows them down
            and not (spoken and not _DETAIL.search(text, *sentence))
            and not STAFF_ROLE.search(text, start, end)
            and not _JOINS_US.search(text, start, end)  # 'She joins us from Minneapolis': a new colleague
            and not _praised(text, sentence, start, end)
            and not historical(text, sentence)  # 'who described it in 1932 together with Ginzburg': history
            and not famous_sentence(text, *sentence)  # 'Aaron Rodgers tore his Achilles four snaps into 2023'
            and not _NAMESAKE.search(text, *sentence)  # 'named for the pitcher who had it first': history
            # ... and what the text goes on to tell of the namesake: 'He came back and won 164 more games.'
            and not (namesake and _PRONOUN_OPENING.match(text, start))
        )

    for index, ((start, end), advice_score) in enumerate(zip(spans, advice_scores, strict=True)):
        while end > start and text[end - 1] in " .!?;,":
            end -= 1
        whole = _containing(sentences, start)
        sentence = defer_scope(stops, whole or (start, end), start, end)
        # ('... even if he's better by day 3 ok?': a statement with a tag, not a question)
        question = (
            (text[end : end + 1] == "?" and not _TAG_QUESTION.search(text, start, end))
            or _REPORTED_QUESTION.search(text, start, end) is not None
        ) or (
            _QUESTION_START.match(text, start) is not None
            # 'Do the calf stretches 3 times daily.': 'do' before an object, closed by a full stop, instructs
            and not (text[end : end + 1] in ".!" and _DO_COMMAND.match(text, start))
            # 'what I tell everyone is ...', 'what you need to do is ...': a statement that opens with 'what'
            and not (text[end : end + 1] != "?" and _PSEUDO_CLEFT.match(text, start, end))
        )
        # A clause with a treatment aimed at the reader may also borrow the score of its whole sentence.
        # (only for a clause with some sign of advice of its own: the whole sentence is a second model call)
        several = whole is not None and clause_counts[whole] > 1 and sentence != (start, end) and advice_score >= 0.1
        best = max(advice_score, whole_score(sentence)) if several and not question else advice_score
        # A diagnosis told to the reader a clause or two before or after ('That's frozen shoulder. Start PT and
        # ice it.', 'Soak it twice a day - it's an ingrown nail'): the text is about this reader's complaint, so a
        # command or 'you need to' beside it is their care, even home care, and borrows the diagnosis' score.
        lent = 0.0
        if told and not question and (commands(text[start:end]) or PARTICULAR.search(text, start, end)):
            lent = max((dx for i, dx in told if i != index and -_DX_REACH_BACK <= i - index <= _DX_REACH), default=0.0)
        best = max(best, lent)
        likely = (
            best >= ADVICE_THRESHOLD
            or labelled_order(text, start, end)
            or permitted_change(text, start, end)
            or planned(text, start, end)
            or told_outright(text, start, end)
        ) and not question
        need = addressed(text, start, end, sentence, gazetteer, lent > 0) if likely else 2.0
        if _FACT_LABEL.match(text, start) and not told_outright(text, start, end):
            need = 2.0  # 'Myth: ... Fact: it's less likely only if you're exclusively breastfeeding': said of anyone
        if _SUMMARY.match(text, start) or (_ANALOGY.match(text, start) and not told_outright(text, start, end)):
            need = 2.0  # 'think of it like a checkup for your brain', "That's hypertension in a nutshell"
        if lent and need < 2.0:
            need = min(need, ADVICE_THRESHOLD_TOLD)  # aimed at the reader, beside their diagnosis
        elif ADVICE_THRESHOLD_NAMED < need < 2.0 and index in dict(told):
            need = ADVICE_THRESHOLD_NAMED  # the diagnosis itself, as sure as 'That's X' must be
        if need > ADVICE_THRESHOLD_TOLD:
            best = advice_score  # 'you' or a command alone: only the clause's own words count
        advice = likely and best >= max(need, ADVICE_THRESHOLD_EDUCATION if education else 0.0)
        if advice and ((label and not ONE_READER.search(text, *sentence)) or historical(text, sentence)):
            advice = False  # (a label's line for every user; a sentence of medicine's history)
        deferred = advice and defers_(sentence)  # (only advice can be deferred: the search is not free)
        if deferred and _AFTER_DASH.search(text, sentence[0], start) and AMOUNT.search(text, start, end):
            # 'Ask your doctor about X — actually, just start ten milligrams twice a day': a dose commanded after
            # a dash goes past the deferral before it; only a deferral in or after the clause still holds it back.
            deferred = defers_((start, sentence[1]))
        if advice and not deferred:
            yield Finding("advice", start, end, LEARNED_REASONS["advice"])
        elif is_story(start, end, sentence, story_score(index)):
            yield Finding("patient_story", start, end, LEARNED_REASONS["patient_story"])
        elif not advice:
            # 'everyone asks if marathons are bad for the heart, probably bc of the guy who arrested at mile 22 of
            # the Columbus Marathon': a story told after a general opening, or before a general close ('the lifeguard
            # at the city pool with the basal cell on his nose reapplies every hour, so there's hope for us all'),
            # read on its own
            for a, b in _story_parts(text, start, end):
                if is_story(a, b, sentence, classifier.story(features_of(text[a:b])), start):
                    yield Finding("patient_story", a, b, LEARNED_REASONS["patient_story"])
                    break


def _story_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The part of a clause after a general opening and the part before a general close, when long enough to tell."""
    parts = []
    tail = _STORY_TAIL.search(text, start, end)
    if tail is not None and end - tail.end() > 20:
        parts.append((tail.end(), end))
    close = _GENERAL_CLOSE.search(text, start, end)
    if close is not None and close.start() - start > 20:
        parts.append((start, close.start()))
    return parts


# One person picked out by 'who' after a definite noun: 'the groundskeeper who got struck', 'that lady whose son'.
_ONE_WHO = re.compile(r"(?i:\b(?:the|that|this|our|one) (?:[\w-]+ ){0,2}?[\w-]+ (?:who|whose|whom)\b)")


# Someone by a word for a person, not by a verb of arriving ('came in').
_SOMEONE = re.compile(
    rf"(?i:\b(?:he|she|him|his|her|guy|man|woman|lady|gentleman|boy|girl|kid|baby|patient|pt|{OCCUPATION})\b)"
)


# Where a general close may follow a story: ', so there's hope for all of us', ', and honestly that's the answer'.
_GENERAL_CLOSE = Lowered(r"(?i:,\s*(?:so|and|but|which|though|lol|haha)\b)")


# Where a story may open after a general clause: ', probably because of the guy who ...', ', ever since we ...'.
_STORY_TAIL = Lowered(
    r"(?i:,\s*(?:(?:probably|maybe|mostly|especially|mainly|partly|ever|all)\s+)?(?:bc|b/c|because|cause|cuz|since"
    r"|after|ever since|thanks to|like)\b(?:\s+of)?\s+|\s(?:ever since|all because of)\s+)"
)


# A tag after a statement asks only for a nod: 'finish all 10 days, ok?', 'you need the ER tonight, got it?'.
_TAG_QUESTION = Lowered(
    r"(?i:[\s,]+¿?(?:ok|okay|k|kk|alright|all right|right|got it|yeah|deal|understood|sound good|sounds good|capisce"
    # ... and the other languages' nods: '¿ok?', '¿vale?', 'd'accord ?', 'né?', 'gell?', 'va bene?', 'nhé?', 'ha?'
    r"|vale|verdad|entendido|me entiende|d'accord|d’accord|compris|n'est-ce pas|hein|né|tá|tá bom|certo|entendeu"
    r"|gell|oder|verstanden|va bene|capito|vero|nhé|nha|nhỉ|được không|po|diba|di ba)"
    r"\W*\Z)"
)


# A question reported in quotes ('the #1 q about gabapentin is "do i have to take it forever"'): the patient's words.
_REPORTED_QUESTION = Lowered(
    r"(?i:\b(?:q|question|questions|asked|asks|ask|asking|wonder|wondering|wants to know)\b[^.;!?]{0,60}?[:\s]"
    r"['\"“‘](?:do|does|did|can|could|should|is|are|am|will|would|how|what|when|why|which|if)\b[^'\"”’]{0,160}['\"”’])"
)


# The clause opens right after a dash.
_AFTER_DASH = re.compile(r"\s[-–—]\s*\Z")


# How many clauses after the diagnosis a command may still borrow its score ('that's gout. Classic. Big toe,
# red, hot. You gotta stop the X'), and how many before it ('Nebulize her and suction her nose; it's bronchiolitis').
_DX_REACH = 3
_DX_REACH_BACK = 2


# An analogy or a summary, which explain to anyone: 'think of your arteries like garden hoses', 'picture your knee as a
# hinge', "that's hypertension in one sentence", "that's reflux in a nutshell".
_OPENING_FILLER = r"\W*(?:(?:so|just|basically|honestly|ok|okay|nah|and)[,.]?\s+)*"
_ANALOGY = Lowered(
    rf"(?i:{_OPENING_FILLER}(?:think of|picture|imagine)"
    r" (?:it|them|this|that|(?:your|the|a|an) [\w-]+(?: [\w-]+)?|[\w-]+) (?:like|as)\b)"
)
_SUMMARY = Lowered(
    rf"(?i:{_OPENING_FILLER}that'?s (?:basically |pretty much |just |really )?[^.!?,]{{1,40}}?"
    r" in (?:one sentence|a nutshell|a word|short)\b)"
)


# The person an eponym is named for ('Tommy John surgery ... named for the pitcher who had it first back in 1974'):
# a name in medicine's history, public as the eponym is.
_NAMESAKE = Lowered(r"(?i:\bnamed (?:for|after) (?:the|a|an|that|this)\b)")
_PRONOUN_OPENING = Lowered(r"(?i:\W*(?:he|she)\b)")
def _praised(text: str, sentence: tuple[int, int], start: int, end: int) -> bool:
    """The clause is about someone praised for serving ('shout out to Mr. Abernathy, the shop teacher who runs the
    CPR club'): asked of the name the clause opens with, or of the sentence's opening when the clause starts it."""
    return praised_for_serving(text, sentence, start, end) or praised_for_serving(text, sentence, sentence[0], end)


# Staff news: someone who joins the hospital's people.
_JOINS_US = Lowered(
    r"(?i:\b(?:joins|joined|joining|is joining|will join) (?:us|our (?:[\w-]+ ){0,2}?(?:team|staff|practice|group"
    r"|clinic|department|unit|faculty|medical staff))\b)"
)


def _diagnoses_told(
    text: str, spans: list[tuple[int, int]], advice_scores: list[float], sentences: list[tuple[int, int]], gazetteer
) -> list[tuple[int, float]]:
    """(clause index, advice score) of each clause that tells the reader a diagnosis and that the model is fairly
    sure of: not a question ('sounds like a cold?'), not said of a group ('that's plantar fasciitis in most people')."""
    return [
        (i, score)
        for i, ((start, end), score) in enumerate(zip(spans, advice_scores, strict=True))
        if score >= ADVICE_THRESHOLD_TOLD
        and DX_TOLD.match(text, start, end)
        and "?" not in text[start:end].rstrip()[-1:]
        and addressed(text, start, end, _containing(sentences, start), gazetteer) < 2.0
    ]


# A statement opening with 'what' or 'how' and its subject, then 'is' ('what I tell everyone is wear sunscreen',
# 'what you need to do is hold the metformin'): no question, whatever its first word.
_PSEUDO_CLEFT = Lowered(
    r"(?i:\W*(?:um |so |and |honestly |ok |okay )*(?:what|how|all) (?:i|we|you|u|they|most people|people|patients)\b"
    r"[^?]{0,50}?(?:\b(?:is|was|are)\b|:))"  # (or a heading: 'what i wish patients knew: ...')
)


# 'Do the stretches', 'do your exercises', 'do a warm soak': 'do' before an object is a command, not a question.
# (or before any object that is no subject: 'Do calf stretches', not 'Do you ...' or 'Do most people ...')
_DO_COMMAND = Lowered(
    r"(?i:(?:[\w#' ]{0,40}:\s*)?do (?:the|your|a|an|some|these|those|this|that|it|them\b"
    r"|(?!(?:you|u|ya|i|we|they|he|she|it|people|kids|children|most|many|all|any|patients|doctors|women|men|babies"
    r"|not|n't)\b)[a-z]+ (?:\w+s|exercises?|stretches|rest|ice|heat)\b))"
)


# 'I still meet new parents every week who ...': a 'who' after people in the plural is no one in particular;
_PLURAL_PEOPLE = Lowered(
    r"(?i:\b(?:parents|people|patients|folks|moms|dads|kids|families|adults|women|men|teens|children|everyone|anyone"
    r"|players|fans|athletes|runners|students|workers|drivers|riders|swimmers|golfers|hikers|gamers|smokers|vapers"
    r"|those|others|ones"
    # ... or after a colleague: 'discussed with attending, who agrees'.
    r"|attending|resident|fellow|intern|colleague|partner|nurse|surgeon|consultant|team|radiologist|pharmacist"
    r"|nurses|residents|fellows|interns|colleagues|doctors|physicians|surgeons|staff|volunteers|therapists)\b)"
)


def _particular_who(text: str, start: int, end: int) -> bool:
    cue = _STORY_CUE.search(text, start, end)
    return cue is not None and not _PLURAL_PEOPLE.search(text, max(start, cue.start() - 40), cue.start())


def _containing(sentences: list[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    """The sentence holding pos, by binary search (a scan per clause is quadratic in clauses)."""
    i = bisect_right(sentences, (pos, math.inf)) - 1
    return sentences[i] if i >= 0 and sentences[i][0] <= pos < sentences[i][1] else None


# The clinician's turn in a transcript ('DOCTOR: No, it's strep', 'Dr: start the cream'): the label names who speaks,
# and what they say opens after it, so a diagnosis or command is read from where the words begin. (The patient's
# label stays: 'PT:' is a cue that a particular person is talked about.)
_CLINICIAN_TURN = Lowered(
    r"(?i:(?:doctor|dr|dra|physician|provider|clinician|md|np|nurse|rn|a|médecin|medecin|docteur|doctora|médico"
    r"|medico|arzt|ärztin|bác sĩ|doktor|infirmière|enfermera|enfermeira)\s*:\s+)"
)


def _clauses(text: str, start: int, end: int, spoken: dict[int, int]) -> list[tuple[int, int]]:
    pieces, cursor = [], start
    # a clause ends where it ends, or where the next speaker's turn opens ('can she go back to soccer Dr: not yet')
    ends = [(m.start(), m.end()) for m in _CLAUSE_END.finditer(text, start, end)]
    ends += [(label, label) for label in spoken if start < label < end]
    for stop, resume in sorted(ends):
        if stop > cursor:
            pieces.append(_after_turn(text, cursor, stop, spoken))
        cursor = max(cursor, resume)
    if cursor < end:
        pieces.append(_after_turn(text, cursor, end, spoken))
    return pieces


def _after_turn(text: str, start: int, end: int, spoken: dict[int, int]) -> tuple[int, int]:
    """The clause without the speaker's label it opens with: a clinician's anywhere ('DOCTOR: No, it's strep'),
    and in a transcript of two or more speakers anyone's ('Mom: he loves the pool' is what mom said, not a note
    about her; a visit is about one person by its nature, and the label is no sign of a story)."""
    label_end = spoken.get(start) or spoken.get(start - 1)
    if label_end is not None and label_end < end:
        return label_end, end
    turn = _CLINICIAN_TURN.match(text, start, end)
    return (turn.end(), end) if turn and turn.end() < end else (start, end)
