"""Advice and identifying stories from the sentence models, one finding per clause.

A clause the advice model finds likely is advice only when it is aimed at the reader (a command
by its shape, a plan, 'you' in the particular sense, with or without a known treatment) and does
not defer to a clinician; the PHI side (names and places from the token tagger) is in
`learned_findings`.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from bot.screening.advice import (
    _MEDS,
    GROUP_ADDRESS,
    POPULATION,
    defer_scope,
    defers,
    full_stops,
    leaflet_line,
    population_dose,
)
from bot.screening.context import STAFF_ROLE, any_reader, has_person_cue
from bot.screening.findings import Finding
from bot.screening.learned import (
    FOREIGN_COMMANDS,
    SCHEDULE,
    STEMMED_DRUG,
    Gazetteer,
    SentenceClassifier,
    commands,
    load_advice_model,
    load_models,
    sentence_features,
    unknown_object,
)
from bot.screening.learned_findings import REASONS
from bot.screening.memo import memo
from bot.screening.public_figures import famous_sentence
from bot.screening.stories import _DETAIL

_MEDS_NO_SHOTS = _MEDS.replace("|chemo|treatment|therapy|injections?|shots?", "")

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
_STORY_CUE = re.compile(
    r"\b(?:who|whose|whom)\b|(?i:\bwe (?:saw|treated|admitted|discharged|delivered|operated on|scoped|casted|met)\b)"
)


_QUESTION_START = re.compile(
    r"(?i:(?:[\w#' ]{0,40}:\s*)?(?:do|does|did|can|could|should|is|are|will|would|how|what|when|why|which)\s)"
)


# Calibrated on dev and the tune halves of the sets by other writers: stories score 0.6 and up, clean text
# with a person in it 0.35 and below.
STORY_THRESHOLD = 0.5


# Someone left anonymous or the writer's own: 'a patient once', 'I had someone last month who', 'one of
# my patients'. Without a detail that narrows them down (an age, a job, a street, 'yesterday') no one
# could be recognised.
_ANONYMOUS = re.compile(
    r"(?i:\b(?:someone|somebody|one of my patients|a (?:patient|client)|one patient|my (?:patient|pt)|this patient"
    r"|an? (?:(?:older|elderly|young|lovely|sweet|nice) )?(?:man|woman|guy|lady|gentleman|mom|dad|kid|teen|teenager)"
    # The writer's own family ('my kid had croup last winter'): the physician's life, not a patient's chart.
    r"|(?:my|our) (?:own )?(?:kids?|son|daughter|mom|mother|dad|father|husband|wife|partner|baby|family"
    r"|\d{1,2} ?(?:yo|y/o|year-old|yr-old|month-old))"
    r")\b)"
)


# Split a sentence further at any full stop, question mark or semicolon, whatever the next letter's case.
# A dash clause starts only where a run of spaces starts, else a long run is re-scanned from each space.
_CLAUSE_END = re.compile(r"(?<=[.!?;])\s+|\n+|(?<!\s)\s+[-–—]\s+")


# Advice is aimed at someone: 'you', an imperative opening a clause, a dose, a drug, or 'I'll / we'll'.
_ADDRESSED = re.compile(
    r"(?i:(?:^|[.;:,!?-]\s*|\b(?:and|then|just|so|pls|please|now|also)\s+)"
    # a command may be negated in the other languages ('não tome mais', 'non prenda', 'ne prenez pas')
    r"(?:(?:no|não|nao|non|ne|n')\s*)?(?:stop|start|restart|resume|take|cut|hold"
    r"|skip|double|halve|increase|decrease|reduce|go|put|give|use|try|switch|bump|drop|quit|keep|continue|apply|wean"
    r"|come|get|book|ice|rest|split|crush|chew|swallow|taper|finish|rub|spray|inject|lower|raise|add|change"
    r"|tome|tómese|deje|suspenda|aumente|dele|use|vaya|no tome|siga|empiece|póngase|pongase|evite|llame"
    rf"|{'|'.join(sorted(FOREIGN_COMMANDS, key=len, reverse=True))})\b"
    # German's polite command: a verb and 'Sie' ('Nehmen Sie ab morgen nur die halbe Tablette').
    r"|(?-i:(?:^|(?<=[.;:!?]\s))[A-ZÄÖÜ][a-zäöüß]+en Sie)\b"
    r"|\b(?:I'll|I will|we'll|we will|let's(?! (?:say|imagine|suppose|talk|look))"
    r"|(?:I'd|I would|we'd|we would)(?! (?:love|like|rather|prefer|say|think|guess|imagine|argue|add|note|agree"
    r"|bet|be (?:happy|glad|curious|interested))\b)"
    r"|I recommend|I'm going to|we're going to"
    r"|(?:I'm|we're|I am|we are) (?:upping|increasing|raising|lowering|decreasing|cutting|stopping|starting"
    r"|switching|changing|adding|bumping|holding|restarting|putting you|taking you)"
    r"|I'm gonna|we're gonna|le recomiendo|les recomiendo)\b"
    r"|\d\s*(?:mg|mcg|milligrams?|ml|units|puffs|tabs?|tablets?|pills?)\b)"
)


def sentence_findings(text: str, classifier: SentenceClassifier, sentences: list[tuple[int, int]]) -> Iterator[Finding]:
    """Advice and identifying stories, one finding per sentence the classifier is sure of."""
    spans = [piece for s, e in sentences for piece in _clauses(text, s, e)]
    spans = [(s, e) for s, e in spans if any(c.isalpha() for c in text[s:e])]
    pieces = [text[s:e] for s, e in spans]
    gazetteer = load_models(classifier.model_dir)[0].gazetteer
    features = [sentence_features(piece, gazetteer) for piece in pieces]  # once, for both models
    scores = classifier.scores(pieces, features)
    advice_scores = load_advice_model(classifier.model_dir).scores(pieces, features)
    # A sentence of many clauses is searched once, not once per clause.
    defers_ = memo(lambda sentence: bool(defers(text, *sentence) or _UNLESS.search(text, *sentence)))
    education = _EDUCATION_LABEL.match(text) is not None
    stops = full_stops(text)
    advice_model = load_advice_model(classifier.model_dir)
    clause_counts = Counter(_containing(sentences, start) for start, _ in spans)
    dx_score, dx_left = 0.0, 0  # a diagnosis just told to the reader, and for how many clauses it still reaches

    @memo
    def whole_score(sentence: tuple[int, int]) -> float:
        """A sentence of several clauses read as one: 'that's a migraine, not sinus - take the X next time'."""
        piece = text[sentence[0] : sentence[1]]
        return advice_model.scores([piece], [sentence_features(piece, gazetteer)])[0]

    for (start, end), score, advice_score in zip(spans, scores, advice_scores, strict=True):
        while end > start and text[end - 1] in " .!?;,":
            end -= 1
        whole = _containing(sentences, start)
        sentence = defer_scope(stops, whole or (start, end), start, end)
        question = text[end : end + 1] == "?" or (
            _QUESTION_START.match(text, start) is not None
            # 'Do the calf stretches 3 times daily.': 'do' before an object, closed by a full stop, instructs
            and not (text[end : end + 1] in ".!" and _DO_COMMAND.match(text, start))
        )
        # A clause with a treatment aimed at the reader may also borrow the score of its whole sentence.
        # (only for a clause with some sign of advice of its own: the whole sentence is a second model call)
        several = whole is not None and clause_counts[whole] > 1 and sentence != (start, end) and advice_score >= 0.1
        best = max(advice_score, whole_score(sentence)) if several and not question else advice_score
        # The gate is only worth its regexes when the classifier clears the lowest threshold.
        # A diagnosis told to the reader a clause or two before ('That's frozen shoulder. Start PT and ask about a
        # steroid injection.'): a command or 'you need to' after it may borrow its score. The gate below still
        # asks for a treatment in the command itself, else the clause's own score counts.
        lent = dx_left > 0 and not question and (commands(text[start:end]) or _PARTICULAR.search(text, start, end))
        if lent:
            best = max(best, dx_score)
        dx_left -= 1
        if advice_score >= ADVICE_THRESHOLD_TOLD and _DX_TOLD.match(text, start, end):
            dx_score, dx_left = advice_score, _DX_REACH
        likely = (
            best >= ADVICE_THRESHOLD or _labelled_order(text, start, end) or _permitted_change(text, start, end)
        ) and not question
        need = _addressed(text, start, end, sentence, gazetteer) if likely else 2.0
        if need > ADVICE_THRESHOLD_TOLD:
            best = advice_score  # 'you' or a command alone: only the clause's own words count
        advice = likely and best >= max(need, 0.9 if education else 0.0)
        deferred = defers_(sentence)
        if deferred and advice and _AFTER_DASH.search(text, sentence[0], start) and _AMOUNT.search(text, start, end):
            # 'Ask your doctor about X — actually, just start ten milligrams twice a day': a dose commanded after
            # a dash goes past the deferral before it; only a deferral in or after the clause still holds it back.
            deferred = defers_((start, sentence[1]))
        if advice and not deferred:
            yield Finding("advice", start, end, REASONS["advice"])
        elif (
            score["STORY"] >= STORY_THRESHOLD
            and (has_person_cue(text, start, end) or _particular_who(text, start, end))
            and not (_ANONYMOUS.search(text, start, end) and not _DETAIL.search(text, *sentence))
            and not STAFF_ROLE.search(text, start, end)
            and not famous_sentence(text, *sentence)  # 'Aaron Rodgers tore his Achilles four snaps into 2023'
        ):
            yield Finding("patient_story", start, end, REASONS["patient_story"])


# The clause opens right after a dash.
_AFTER_DASH = re.compile(r"\s[-–—]\s*\Z")


# 'That's frozen shoulder.', 'listen, that's gout', 'sounds like shingles', 'you've got plantar fasciitis': a
# diagnosis given to the reader, opening its clause after at most a few words of address or filler.
_DX_TOLD = re.compile(
    r"(?i:\W*(?:[\w']+,?\s+){0,4}?(?:(?:that|this|it)(?:'s|’s| is| could be| might be| sounds like| looks like)"
    r"|(?:sounds|looks|seems) like|you(?:'ve| have)? got|you have|you were diagnosed with)\s)"
)
# How many clauses after the diagnosis a command may still borrow its score ('that's gout. Classic. Big toe,
# red, hot. You gotta stop the X').
_DX_REACH = 3


# 'Do the stretches', 'do your exercises', 'do a warm soak': 'do' before an object is a command, not a question.
_DO_COMMAND = re.compile(r"(?i:(?:[\w#' ]{0,40}:\s*)?do (?:the|your|a|an|some|these|those|this|that|it|them)\b)")


# 'I still meet new parents every week who ...': a 'who' after people in the plural is no one in particular;
_PLURAL_PEOPLE = re.compile(
    r"(?i:\b(?:parents|people|patients|folks|moms|dads|kids|families|adults|women|men|teens|children|everyone|anyone"
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
    r"|egd|cath|stress test|sleep study|bloodwork|labs|restart|resume|wean|taper|discontinue|titrate"
    # tests by name and a re-check ('a lipid panel', 'a strep and mono test', 'recheck your glucose')
    r"|(?:lipid|metabolic|thyroid|iron|celiac|allergy) panel|(?:strep|mono|flu|covid|pregnancy|urine|blood|sugar"
    r"|glucose|a1c|hearing|vision|sleep|allergy|hiv|std|sti) tests?|re-?check|re-?test|pap (?:smear|test)|ekg|ecg"
    # care now: 'get to an emergency room now', 'come to L&D now', 'call 911'
    r"|(?:go|get|come|head|drive) (?:straight )?(?:to|into) (?:the |an |urgent )?(?:er|ed|emergency room|emergency"
    r"|urgent care|l&d|labor and delivery|hospital)|call 911|dial 911)\b"
    # A diagnosis given to one person: 'sounds like you've got', 'that's classic', 'you have X, not Y'.
    r"|\b(?:sounds|looks|seems) like (?:you|your|it's|that's)\b|\byou(?:'ve| have)? got\b(?! (?:this|it|that)\b)"
    r"|\bclassic\b"
    # A diagnosis by its shape, told to the reader: 'you have patellofemoral syndrome', 'you've got plantar fasciitis'.
    r"|\byou(?:'ve| have)(?: got)? (?:an? )?(?:[a-z-]+ ){0,2}(?:[a-z]+(?:itis|osis|emia|pathy|algia)|syndrome|disease"
    r"|disorder|infection|deficiency|fracture|sprain|strain|tear)\b"
    r"|\b(?:that|this|it)(?:'s| is) (?:definitely|probably|likely|just|only|almost certainly)\b"
    # '<that / your> <thing ...> is just / probably <a diagnosis>'.
    r"|\b(?:that|this|your|the) [a-z]+(?: [a-z]+){0,4} (?:is|are|'s) (?:definitely|probably|likely|just|only"
    r"|almost certainly|most likely)\b"
    # Treatment verbs that only ever take a treatment: 'double the X', 'taper your X', 'wean off'.
    r"|\b(?:double|halve|triple|taper|wean|titrate|restart|resume|discontinue)\s+(?:the|your|it|off|down|up)\b"
    r"|\b(?:a couple|two|three|\d+) (?:of )?(?:the )?[a-z]+ (?=every|once|twice|at bedtime|as needed)"
    # Care now: 'needs to be seen for that ear today', 'get her checked tonight'.
    r"|\b(?:seen|checked|looked at|evaluated)\b(?: [\w']+){0,4} (?:today|tonight|right away|asap|now|tomorrow)\b"
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
    # French, German, Italian and Portuguese medicine words ('deux comprimés', 'die halbe Tablette', 'la compressa').
    r"|\b(?:comprim[eé]|cachet|g[eé]lule|pilule|m[eé]dicament|sirop|pommade|tablette|medikament|kapsel|tropfen"
    r"|salbe|spritze|compress[ae]|pastiglia|pastiglie|farmac[oi]|medicinale|pomata|capsula|gocce|rem[eé]dio|xarope"
    r"|pomada)(?:s|n|en|i|e)?\b"
    r"|\b(?:colonscopia|colonoscop[ií]a|coloscopie|koloskopie|radiographie|radio des poumons|électrocardiogramme"
    r"|electrocardiograma|elettrocardiogramma|ecografia|échographie|ecograf[ií]a|ultraschall|röntgen|tac|resonancia"
    r"|risonanza|irm|prise de sang|análisis de sangre|exame de sangue|esami del sangue|blutabnahme|blutbild)\b"
    r"|\b[a-z]+(?:formin|prof[eè]n|pril|sartan|olol|statin|cill?in|micin|azol|prazol|pirin)(?:[aoe]s?|e)?\b"
    # A dose change by its shape: a change verb, then 'to <number>' ('upping the levo to 100').
    r"|\b(?:up|upping|bump|bumping|increase|increasing|decrease|decreasing|lower|lowering|raise|raising"
    r"|cut|cutting|drop|dropping|go|going|titrate|titrating)\b(?: [\w'-]+){0,3} to \d+(?:\.\d+)?\b"
    # Where a treatment is bought: 'pick up some X at the pharmacy'.
    r"|\b(?:pharmacy|drugstore|over[- ]the[- ]counter|otc|farmacia)\b)"
)


# A piece of content being made for the public: what it should say is editing, not advice.
_CONTENT = re.compile(
    r"(?i:(?<!wait )(?<!waiting )\b(?:for|in|on|into) (?:the|our|this|that|a|my|next|tomorrow's|sunday's)"
    r" (?:[\w'-]+ ){0,3}(?:video|blog|post"
    r"|reel|handout|article|newsletter|explainer|faq|slides?|caption|draft|podcast|episode|webinar|lecture|flyer"
    r"|brochure|infographic|thread|tiktok|script|segment|column|op-ed)\b)"
)


# The reader, or the one reader called by a polite address ('Sir, with 190 over 110 ...', 'Signora, smetta ...').
_SECOND_PERSON = re.compile(
    r"(?i:\b(?:you|your|yours|you're|you'll|you've|ur|usted|você|vous|votre|vos)\b"
    r"|\b(?:sir|ma'am|madam|señora|señor|signora|signore|madame|monsieur|senhora|senhor)(?=\s*,))"
)


# A diagnosis with no subject opens the clause: an answer to the reader's own description of their problem.
_DX_OPENING = re.compile(
    r"(?i:\W*(?:(?:yeah|yep|ok|okay|so|honestly|tbh|definitely|def|probably|almost certainly|most likely|totally"
    r"|this|that|it|to me)[\s,]+){0,3}(?:sounds|looks|seems|reads) (?:a lot |exactly |just )?like\b)"
)


_YOU_WORD = re.compile(
    r"(?i:\b(?:you|your|yours|you're|you'll|you've|(?<!\d )u|ur|usted|su|tu|sus|tus|você|seu|sua|vous|votre|vos"
    r"|aap|aapko|aapka|tuo|tua|dein|deine|deinen|dir|dich)\b|\b(?:I'll|we'll|let's)\b"
    r"|(?-i:(?<=[\w,;:] )(?:Sie|Ihnen|Ihr|Ihre[nmrs]?|Lei|Le|Suo|Sua|Suoi|Sue)\b)"
    # 'I'd love a handout', 'I'd rather say': a wish or a wording, no plan for anyone.
    r"|\b(?:I'd|we'd)\b(?! (?:love|like|rather|prefer|say|think|guess|imagine|argue|add|note|agree|bet)\b))"
)


# Chart shorthand for route and frequency: an order, a medication list or a nursing entry written for the
# chart, not a reader told what to do ('Cipro 500 mg PO BID x 7 days', 'Lantus 18 units qHS').
_CHART_ORDER = re.compile(
    r"\b(?:PO|IV|IVP|IM|SQ|SC|SL|BID|TID|QID|QHS|qHS|qhs|qAM|qPM|QD|qd|qod|QOD|PRN|ODT|gtt|AC/HS|IVPB"
    r"|[qQ]\d{1,2}(?:-\d{1,2})?(?:h|hr|hrs|H)|mL/h)\b"
    # a course in chart shorthand ('x 3 days', 'x7d') and the chart's own words for what the patient takes
    r"|\bx ?\d+ ?(?:d|days?|wks?|weeks?)\b|\bhome (?:dose|meds|medications|regimen)\b"
)
# Words that order the chart (continue, taper, hold ...) rather than instruct a patient in a sig (take, use, apply):
# with chart shorthand and no 'you', an order.
_SIG_VERBS = frozenset(
    """take use apply inhale chew swallow insert instill inject rub spray dissolve place
    tome tómese tomese use aplique ponga dele empiece siga""".split()
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


# The same labels after a full stop on one line ('Hx Hashimoto thyroiditis. Plan: continue levothyroxine 75 mcg'):
# a note's plan when nothing before it speaks to a reader.
_INLINE_CHART_SECTION = re.compile(
    r"(?i:(?<=[.;]) +(?:plan|a/p|assessment and plan|assessment/plan|recommendations?|recs|orders|dispo"
    r"|disposition)[ \t]*:)"
)


# Lab results in chart shorthand ('Na 134 (L), K 5.2', 'Cr 1.6', 'A1c 7.8%'): two or more in a text that speaks to
# no one make it a note, whose bare orders ('Hold lisinopril, repeat in AM') are written for the chart.
_LAB_VALUE = re.compile(
    r"\b(?:Na|K|Cl|CO2|HCO3|BUN|Cr|Creat|Hgb|Hb|Hct|WBC|Plt|PLT|plt|INR|PTT|TSH|fT4|A1c|HbA1c|LDL|HDL|TG|Mg|Phos|Ca"
    r"|ALT|AST|ALP|Tbili|T ?bili|Alb|glucose|BG|trop(?:onin)?|BNP|lactate|pH|pCO2|pO2|eGFR|GFR|ANC|CRP|ESR|ferritin"
    r"|PSA|Vit D|B12|lipase|UA)\b:? ?[<>]?\d"
)


# The reader's own finding stated: 'your rash is scabies', 'your PSA is 9.2', 'your echo looks normal'.
_YOUR_FINDING = re.compile(r"(?i:\byour [a-z0-9]+(?: [a-z0-9]+)? (?:is|are|was|were|looks|came back|shows)\b)")


# A heading that names its reader ('Dx for you:', 'Plan for you -', 'Your plan:'): the lines under it speak to that
# reader, even in chart shorthand ('Dx for you: strep throat. Amoxicillin 500 mg twice daily for 10 days').
_READER_LABEL = re.compile(
    r"(?im:^[^\S\n]*(?:[\w/&' ]{0,30}?\s)?(?:for you|your (?:plan|instructions|results|labs|meds|medications|dx"
    r"|diagnosis))\b[^:\n]{0,20}[:\-–—])"
)

# A sentence that opens by singling out one person who wrote in ('to the dad who messaged about ...', 'btw the guy
# who DMed the pic', 're the question about the kid's rash', 'al joven del mensaje privado'): what follows is
# for that person, as after 'Reply to u/x:'.
_ADDRESSEE = re.compile(
    r"(?i:(?:^|(?<=[.!?\n])\s*)\W{0,3}(?:(?:btw,?\s+|re:?\s+|@\w+\s+|(?:to|for|answering|responding to)\s+)?"
    r"(?:the|this|that|our|whoever|al|a la|para el|para la)\s+(?:[\w'’]+\s+){0,4}?(?:who\s+|that\s+|que\s+)?"
    r"(?:asked|asking|messaged|dm'?e?d|posted|wrote|commented|sent|shared|reached out|question|mensaje|pregunt[óo])\b"
    # 'Reply to u/kneepain22:', '@sam_r:', 'replying to jen —'
    r"|(?:(?:reply(?:ing)? to|answer(?:ing)? to)\s*@?|@)\s*(?:u/)?[\w.-]{1,40}\s*[:—–-]"
    # a heading for one reader: 'For the mom whose teen has had a sore throat for two weeks:'
    r"|(?:to|for)\s+(?:the|that)\s+(?:mom|dad|parent|person|guy|lady|man|woman|commenter|reader|poster|caregiver)"
    r"\s+(?:who|whose)\b[^:\n]{0,80}:))"
)


# The clause's first word after a filler: a listed imperative ('Take 1-2 tabs PO q6h') still instructs.
_FIRST_WORD = re.compile(r"\W*(?:(?:just|so|then|please|and|now|also)\s+)*([^\W\d_]+)", re.IGNORECASE)


class _TextCues(NamedTuple):
    """Where cues that reach across a whole text first occur (math.inf when they never do)."""

    reader_label: float  # end of the first heading that names its reader
    chart_section: float  # end of the first 'Plan:' / 'Recommendations:' heading at a line's start
    addressee: float  # start of the first sentence that singles out one person who wrote in
    inline_label: float  # start of the first 'Plan:' after a full stop
    second_person: float  # start of the first 'you' or 'your'
    lab_note: bool  # two or more lab values in chart shorthand
    your_finding: float  # end of the first 'your X is ...' not after 'if' or 'when'


@lru_cache(maxsize=64)
def _text_cues(text: str) -> _TextCues:
    label = _READER_LABEL.search(text)
    section = _CHART_SECTION.search(text)
    addressee = _ADDRESSEE.search(text)
    inline = _INLINE_CHART_SECTION.search(text)
    you = _SECOND_PERSON.search(text)
    findings = _YOUR_FINDING.finditer(text)
    finding = next((m for m in findings if not _GENERIC_BEFORE.search(text, max(0, m.start() - 12), m.start())), None)
    return _TextCues(
        label.end() if label else math.inf,
        section.end() if section else math.inf,
        addressee.start() if addressee else math.inf,
        inline.start() if inline else math.inf,
        you.start() if you else math.inf,
        len(_LAB_VALUE.findall(text, 0, 4000)) >= 2,
        finding.end() if finding else math.inf,
    )


# A change to a drug or dose permitted or asked of the reader in another language ('Pode reduzir a losartana para
# 25 mg', 'Vous pouvez arrêter le Doliprane', 'Sie sollten das Ramipril absetzen'): where the sentence model has
# seen little of a language, the shape says it. A leaflet's 'vous pouvez prendre' (take) is no change.
_CARE_NOW = re.compile(r"(?i:\b(?:pronto soccorso|urgencias|urgences|notaufnahme|emergência|pronto-socorro|er\b|911"
                       r"|dose|dosis|dosi))")
_PERMITTED_CHANGE = re.compile(
    r"(?i:\b(?:pode|podes|deve|devia|puede|puedes|debe|debes|deberías?|pouvez|devez|peux|dois|können|sollten|müssen"
    r"|kannst|solltest|può|puoi|deve|dovrebbe|devi)\s+(?:\w+\s+)?(?:arrêter|arreter|réduire|reduire|diminuer"
    r"|augmenter|suspendre|suspender|dejar|reducir|bajar|aumentar|subir|parar|reduzir|diminuir|suspender|absetzen"
    r"|reduzieren|erhöhen|erhoehen|halbieren|verdoppeln|sospendere|ridurre|aumentare|interrompere|smettere)\b)"
)


# One reader called politely, then a command in another language ('Signora, smetta il warfarin', 'Señora, suspenda
# la aspirina'): where the sentence model has seen little of the language, the address and the command say it.
_POLITE_COMMAND = re.compile(
    r"(?i:^\W*(?:sir|ma'am|madam|señora|señor|signora|signore|madame|monsieur|senhora|senhor|frau \w+|herr \w+)"
    rf"\s*,\s*(?:(?:per favore|por favor|s'il vous plaît|bitte)\s*,?\s*)?(?:{'|'.join(FOREIGN_COMMANDS)}"
    r"|raddoppi|dimezzi|vada|vaya|vá|allez|gehen sie)\b)"
)


def _permitted_change(text: str, start: int, end: int) -> bool:
    segment = text[start:end]
    if _POLITE_COMMAND.match(segment) and (
        _TREATMENT.search(segment) or STEMMED_DRUG.search(segment.lower()) or _CARE_NOW.search(segment)
    ):
        return True
    return (
        _PERMITTED_CHANGE.search(segment) is not None
        and (_TREATMENT.search(segment) is not None or STEMMED_DRUG.search(segment.lower()) is not None
             or unknown_drug_after_verb(segment))
        and not population_dose(text, (start, end))
        and not POPULATION.search(segment)  # 'a maioria das pessoas com diabetes pode reduzir o risco
    )


# A capitalised word right after a stopping verb and its article: a brand no list knows ('arrêter le Doliprane').
_BRAND_AFTER_STOP = re.compile(
    r"(?i:arrêter|arreter|suspender|absetzen|sospendere|parar|dejar)\s+(?:(?i:le|la|el|o|a|das|den|il|lo)\s+)?[A-Z]"
)


def unknown_drug_after_verb(segment: str) -> bool:
    return _BRAND_AFTER_STOP.search(segment) is not None


def _labelled_order(text: str, start: int, end: int) -> bool:
    """A medication order in chart shorthand after a heading or opener that names its one reader."""
    cues = _text_cues(text)
    if not (cues.reader_label <= start + 1 or cues.addressee <= start):
        return False
    segment = text[start:end]
    return _CHART_ORDER.search(segment) is not None or _MED_ENTRY.match(segment) is not None


# Asked by every clause of a sentence: answered once per sentence, so a long sentence of many short clauses
# ('stop it - stop it - ...') is not rescanned for each of them (advice.population_dose is cached the same way).
@lru_cache(maxsize=256)
def _content(text: str, sentence: tuple[int, int]) -> bool:
    return _CONTENT.search(text, *sentence) is not None


def _addressed(
    text: str, start: int, end: int, sentence: tuple[int, int] | None = None, gazetteer: Gazetteer | None = None
) -> float:
    """How sure the advice must be: lower for a treatment or diagnosis aimed at the reader, 2 if not aimed.

    Aimed at the reader: 'you', a first-person plan, or a clause that opens as a command (by its
    shape, learned.commands, not by a verb list). A treatment: a drug, dose, schedule, test or diagnosis.
    """
    segment = text[start:end]
    cues = _text_cues(text)  # once per text: a scan per clause would be quadratic in clauses
    if _labelled_order(text, start, end) or _permitted_change(text, start, end):
        return 0.0  # 'Dx for you: strep throat. Amoxicillin 500 mg twice daily': an order written to its reader
    if cues.reader_label <= start + 1 or cues.addressee <= start:
        strong = _TREATMENT.search(segment) or STEMMED_DRUG.search(segment.lower()) or SCHEDULE.search(segment)
        # The text names its one reader: a command there is for that person, not for anyone reading.
        return ADVICE_THRESHOLD if strong else ADVICE_THRESHOLD_TOLD
    if cues.chart_section <= start and not _YOU_WORD.search(segment):
        return 2.0  # an item under a note's 'Plan:' or 'Recommendations:': the chart's plan, not a reader's
    opener = _FIRST_WORD.match(segment)
    if (
        cues.inline_label <= start
        and cues.second_person >= end
        and not (opener and opener.group(1).lower() in _SIG_VERBS)
    ):
        return 2.0  # 'PHQ-9 of 14, moderate. Plan: start sertraline 50 mg': written for the chart, no reader in it
    if (
        not (opener and opener.group(1).lower() in _SIG_VERBS)
        and cues.lab_note
        and cues.second_person == math.inf
    ):
        return 2.0  # 'BMP: Na 134 (L), K 5.2 (H), Cr 1.6. Hold lisinopril, repeat in AM': a note's order
    listed_order = _CHART_ORDER.search(segment) is not None or _MED_ENTRY.match(segment) is not None
    # After the reader's own finding ('your rash is scabies. Permethrin 5% tonight'), the order is the reader's.
    told_finding = cues.your_finding <= start
    chart = listed_order and not _YOU_WORD.search(segment) and not told_finding
    if listed_order and told_finding:
        return ADVICE_THRESHOLD
    if chart and not (opener and opener.group(1).lower() in _SIG_VERBS):
        return 2.0  # an order or MAR line in chart shorthand ('Keppra 500 mg BID', 'Zofran 4 mg IV given')
    strong = (
        _TREATMENT.search(segment) is not None
        or STEMMED_DRUG.search(segment.lower()) is not None
        or SCHEDULE.search(segment) is not None
        or (gazetteer is not None and unknown_object(segment, gazetteer))
    )
    reader = any_reader(text, sentence or (start, end), start, end)
    if reader == "frame" or GROUP_ADDRESS.match(text, (sentence or (start, end))[0]):
        return 2.0  # 'for most people ...', 'the best thing you can do ...', 'I tell everyone ...': any reader
    matches = [(m.group(0).lower(), _generic_you(segment, m.start(), m.end())) for m in _YOU_WORD.finditer(segment)]
    commanded = commands(segment)
    if (not commanded or leaflet_line(text, sentence or (start, end))) and population_dose(
        text, sentence or (start, end)
    ):
        return 2.0  # 'a typical adult dose is 400 mg every 6 hours', 'most adults take 81 mg': no one addressed
    tells = strong and (_PARTICULAR.search(segment) or _ADDRESSED.search(segment))
    if reader == "cheer" and not commanded and not tells:
        # 'you've got this', 'trust me, you'll feel better once you start moving', 'hang in there, the first
        # week on insulin is the hardest': it expects; a command, 'you should' or a plan still tells.
        return 2.0
    # Once a clause speaks of 'you' as anyone ('because you can't tell by looking'), a plain
    # 'you need the tissue' goes on in that sense; 'you should', 'you can take', 'your rash' do not.
    # (only a 'you' after the general one is carried: 'you need an echo before you drive' is still for the reader)
    keeps_general = not commanded and not _PARTICULAR.search(segment)
    you = any(
        not generic and (word in _POSSESSIVE or not (keeps_general and any(g for _, g in matches[:i])))
        for i, (word, generic) in enumerate(matches)
    )
    if commanded and not strong and matches and all(generic for _, generic in matches):
        return 2.0  # 'drink plenty of fluids and rest when you have the flu': anyone who fits the condition
    if _content(text, sentence or (start, end)) and not _SECOND_PERSON.search(segment):
        return 2.0  # 'for the insulin video, I'd show the pen technique': writing for the public
    if strong and (you or commanded or _ADDRESSED.search(segment)):
        return ADVICE_THRESHOLD
    if commanded == "told":
        return ADVICE_THRESHOLD_TOLD  # 'we'd suggest you stop the <a drug no list knows>'
    if _DX_OPENING.match(segment):
        return ADVICE_THRESHOLD_TOLD  # 'definitely sounds like pinworms', 'looks like contact dermatitis to me'
    if you or commanded:
        return ADVICE_THRESHOLD_YOU_ONLY
    if _AMOUNT.search(segment) and SCHEDULE.search(segment):
        return ADVICE_THRESHOLD_UNADDRESSED
    return 2.0


# 'You' as anyone: after 'if / when / say', or before 'may / might / can't / usually' ('if you smoke',
# 'you can't tell by looking'). Advice says 'you should', 'you can take', 'your dose', or commands.
_GENERIC_BEFORE = re.compile(r"(?i:\b(?:if|when|whenever|once|unless|until|before|after|say|because|as|whether)\s+$)")


_WHETHER_BEFORE = re.compile(r"(?i:\b(?:see|check|notice|watch|find out|tell me|let me know) (?:if|whether)\s+$)")


_GENERIC_AFTER = re.compile(
    r"(?i:\s+(?:can't|cannot|may|might|won't|wouldn't|probably|usually|often|typically|tend|generally|sometimes"
    r"|(?:should |would |'d )?never|shouldn't ever|don't (?:ever )?need to)\b"
    # 'you'll probably feel sore' expects; 'you'll probably want to hold the X' still tells.
    r"|(?:'ll|'d|’ll)\s+(?:probably|usually|often|typically|likely)\b(?!\s+(?:want|need|have|wanna|gotta)\b))"
)


_POSSESSIVE = frozenset({"your", "ur", "su", "tu"})


_PARTICULAR = re.compile(
    r"(?i:\byou(?:'d| would)? (?:should|must|need to|have to|had better|'d better|'ll (?:want|need) to"
    r"|gotta|got to|'ve got to|have got to"
    r"|(?:are|'re) fine to|can (?:take|stop|start|use|try|skip|double|go|put|give))\b"
    r"|\byour (?:dose|doses|meds|medication|medications|pills?|prescription|labs|numbers|results)\b)"
)


def _generic_you(segment: str, start: int, end: int) -> bool:
    word = segment[start:end].lower().replace("’", "'")
    if word == "let's":  # 'let's say you're 55' is a supposition, not a plan
        return re.match(r"\s+(?:say|imagine|suppose|talk|look|be honest)\b", segment[end:], re.I) is not None
    if word not in ("you", "you're", "you've", "you'll", "your", "u", "ur"):
        return False
    before = segment[max(0, start - 20) : start]
    if _WHETHER_BEFORE.search(before):
        return False  # 'see if your bloating stops': whether, about this reader
    return bool(_GENERIC_BEFORE.search(before[-12:]) or _GENERIC_AFTER.match(segment, end))
