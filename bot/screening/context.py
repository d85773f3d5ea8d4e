"""Sentence spans and 'is this about one particular person?' cues shared by the detectors."""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from functools import lru_cache

from bot.screening.lay_titles import ABBREVIATIONS, PERSON_TITLE
from bot.screening.lowered import Lowered
from bot.screening.memo import memo
from bot.screening.relatives import FAMILY, FAMILY_ABROAD, alternation

_ABBREV = (*ABBREVIATIONS, "Dr", "St", "Jr", "Mt", "Ave", "Apt", "No", "vs", "e.g", "i.e")
_SENTENCE_END = re.compile(
    r"(?<=[.!?;])" + "".join(rf"(?<!\b{re.escape(a)}\.)" for a in _ABBREV) + r"\s+(?=[\"'(\[]?[A-Z0-9])"
    r"|(?<=;)\s+|\n+"
)

#: Words that point at one particular person (a patient or their family), not people in general.
PERSON_CUE = Lowered(
    r"\b(?:he|she|him|his|her|hers|himself|herself|patient|pt|"
    rf"{PERSON_TITLE}|{alternation(FAMILY, FAMILY_ABROAD)}|"
    r"widow|widower|newborn|toddler|boy|girl|gentleman|lady|"
    r"man|woman|guy|kid|child|baby|infant|teen|teenager|twins?|client|resident|came in|walked in|was admitted|"
    # A research participant is a person too ('one participant, enrolled on June 3 ...', 'Subject 014').
    r"participant|enrollee|subject(?! (?:to|matter|line|of|area|areas)\b)|decedent|"
    r"i (?:saw|treated|operated|delivered|admitted|discharged|diagnosed|examined|met|"
    r"cared|scoped|intubated|casted|stitched|sutured|referred|told|called)"
    # The patient and the family in the other languages (nouns only: their pronouns are too often 'you' or 'it').
    r"|paciente|patientin|patiente|paziente|pasyente|oma|opa"
    r"|beb[éê]|b[ée]b[ée]|neonat[oa]|nourrisson|säugling"
    # ... and their 'came in': 'llegó con', 'chegou com', 'est arrivée en', 'è arrivata in', 'kam mit'
    r"|lleg[óo] (?:con|a urgencias)|chegou (?:com|ao pronto)|est arrivée?|(?:è|sono) arrivat[oa]|kam mit"
    r"|wurde eingeliefert|vino (?:con|a (?:la consulta|urgencias))|veio (?:com|ao|à)|est venue? (?:avec|aux|à|en|hier)"
    r"|(?:è|sono) venut[oa]|war (?:\w+ ){0,4}bei uns"
    # ... and 'we saw / treated': 'atendemos ontem', 'que atendimos', 'wir behandelten', 'abbiamo visitato'
    r"|atendemos|atendimos|atendí|atendi|(?:wir )?behandelten|abbiamo (?:visitato|operato|ricoverato)"
    r"|nous avons (?:vu|opéré|soigné|hospitalisé)|(?:hemos|he) (?:visto|atendido|operado)"
    # a note's one-line patient: an age and a sex ('78 yo M', '34 y/o female', '6yo F')
    r"|(?:\d{1,3} ?|(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[ -](?:one|two|three|four|five"
    r"|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    r"|one|two|three|four|five|six|seven|eight|nine) )(?:yo|y/o|y\.o\.|yr old|year old)\s*(?:m|f|male|female)"
    r"(?=\W|$))\b",
    re.IGNORECASE,
)
#: General-population phrasing: 'your child', 'a child under 6', 'any patient', 'patients'.
_GENERIC_BEFORE = re.compile(
    r"\b(?:your|any|every|each|most|many|some|all|our|their|if a|when a|a|the average"
    # the same in the other languages: 'un paciente', 'cada paciente', 'su hijo', 'Ihr Kind', 'ogni paziente'
    r"|un|una|um|uma|une|ein|eine|einen|einem|cada|todo|toda|chaque|tout|jeder|jede|ogni|qualsiasi|cualquier"
    r"|su|sus|tu|tus|seu|sua|votre|vos|ton|ta|ihr|ihre|ihren|ihrem|dein|deine|tuo|tua|suo|vostro|vostra)\s+$",
    re.IGNORECASE,
)
# 'PT' in capitals before these is physical therapy: 'PT/OT', 'PT recommends', 'PT eval'.
_THERAPY_AFTER = re.compile(
    r"\s*(?:/\s*OT|and OT|(?:recommends|recommended|eval|evaluation|consult|sessions?|clearance)\b)"
)
_SPECIFIC_NOUNS = frozenset({"he", "she", "him", "his", "her", "hers", "himself", "herself"})


# The sentence speaks to any reader: a population ('for most people', 'everyone'), a rule ('as a rule',
# 'rule of thumb'), what the physician tells everyone.
# How the practice lets anyone in: 'you don't need a referral to see our urgent care team', 'walk-ins welcome'.
_PRACTICE_ACCESS = (
    r"\b(?:(?:you )?do(?:n't|n’t| not) need an? (?:referral|appointment) (?:to (?:see|visit|come to) )?(?:our|us)\b"
    r"|no (?:referral|appointment) (?:needed|necessary|required)|walk-ins? (?:are )?welcome)"
)
PRACTICE_ACCESS = Lowered(rf"(?i:{_PRACTICE_ACCESS})")
GENERAL_READER = re.compile(
    r"(?i:\b(?:for (?:most|many|all|the average) (?:people|folks|adults|patients|kids|women|men|of us)"
    r"|most (?:people|folks|adults|patients|of us|kids|cases)|as a (?:general )?rule"
    r"|rule of thumb|in general|generally|the (?:best|#1|number one|biggest|first|main) (?:thing|gift|advice|tip)"
    r"|I (?:always |usually |often )?(?:tell|remind|say to|advise) (?:everyone|everybody|people|folks|patients|all"
    r"|new|my patients|every \w+|any \w+)|people (?:with|on|who)|(?:myth|misconception)s?\b|for everyone"
    # a teaching aside: 'Pearl:', 'Fun fact for the group:', 'general counseling point', 'teaching point'
    r"|(?:pearl|fun fact|pro tip|general tip|teaching point|counseling point|counselling point)s?\b"
    r"|for (?:anyone|anybody)|(?:anyone|anybody|everyone|everybody) (?:who|whose|with)|whoever"
    # the weekly question's own frame: 'What I wish patients knew:', 'Lo que me gustaría que los pacientes supieran:'
    r"|(?:what|one thing|the thing|things) i wish (?:my |more |all )?(?:patients|pts|people|ppl|parents|families"
    r"|everyone|folks) knew|lo que me gustaría que (?:los|mis) pacientes supieran|điều tôi mong bệnh nhân biết"
    r"|o que eu gostaria que (?:os|meus) pacientes soubessem|ce que j'aimerais que (?:les|mes) patients sachent"
    # a condition of age or state that picks out a group of readers: 'if ur 50+', 'if you're over 65', 'if you're
    # pregnant or breastfeeding'
    r"|if (?:you're|youre|you are|ur|u r|ya|you re) (?:over |under |at least |older than |younger than )?\d{2}\b"
    r"|\b(?:esp|especially|particularly) if (?:you|u)\b"
    r"|if (?:you're|youre|you are|ur|u r) (?:pregnant|breastfeeding|nursing|diabetic|a smoker|a diabetic"
    r"|immunocompromised|over (?:fifty|sixty|sixty-five|seventy))\b"
    # a case made up to teach: 'hypothetically let's say you've got a patient on warfarin', 'imagine a patient ...'
    r"|\bhypothetically\b|\b(?:hypothetical|fictional|fictitious|made-up|imaginary)\b|\bfor example,? say\b"
    r"|\blet's (?:say|imagine|pretend)\b|(?<!I )(?<!I'd )\b(?:imagine|suppose) (?:a|an|you|that)\b"
    r"|\bsay you(?:'ve| have)? (?:got )?an? (?:patient|pt|kid|child|person|guy|lady|man|woman)\b"
    rf"|{_PRACTICE_ACCESS}"
    # a season everyone shares sets the time, not one reader's chart: 'start ur nasal spray before allergy season',
    # 'take your vitamin D in winter'
    r"|(?:before|during|ahead of|every|each|this) (?:the )?(?:allergy|pollen|flu|cold and flu|RSV|hay fever|ragweed"
    r"|tree pollen|grass pollen|tick|mosquito|sunburn|back-to-school) season\b"
    r"|\b(?:in|every|each|through|all) (?:the )?(?:winter|summer|spring|fall|autumn)(?: months)?\b"
    # the same in the other languages: 'Chi ha dolore al petto deve ...', 'Quien tenga fiebre ...', 'Wer ... hat'
    r"|(?-i:(?:^|(?<=[.!?:;]\s))(?:Chi|Quien|Quienes|Quem|Wer|Celui qui|Celle qui|Ceux qui))\b"
    r"|toda persona (?:que|con)|todo (?:aquele|paciente) que|toute personne (?:qui|ayant)|jede[rn]? (?:Patient|Mensch)"
    r"|chiunque|cualquier persona|qualquer pessoa|la mayoría de (?:las personas|los pacientes)|a maioria das pessoas"
    r"|la plupart des (?:gens|personnes|patients)|die meisten (?:Menschen|Patienten)|la maggior parte delle persone"
    r"|hầu hết mọi người|bất kỳ ai|nhiều người|karamihan(?: ng)?|sinumang|kahit sino))"
)


# After a frame, a turn to the one reader ('most people do fine, but you need to stop the X', 'people
# with afib take it, you should start it now'): the frame no longer covers what follows.
TURN_TO_ONE = Lowered(
    r"(?i:\b(?:but|however|though|although|except|whereas)\b"
    r"|\byou (?:should|must|need to|have to|'d better|had better)\b|\bI (?:want|need) you\b|\bgo ahead\b)"
)


# Encouragement and what to expect ('you've got this', 'trust me', 'you'll probably feel sore'): it speaks
# to anyone, but a treatment in the same clause ('stop the X, you'll feel better') is still a plan.
CHEER = Lowered(
    r"(?i:\b(?:you(?:'ve| have)? (?:totally |really |so )?got this|trust me|hang in there|keep (?:going|at it)"
    r"|you(?:'ll| will) (?:\w+ )?(?:feel|be|get) (?:so much |much |a lot |way )?(?:better|there|fine|great|stronger)"
    r"|you(?:'ll| will) (?:probably |likely |usually |typically |often )(?:feel|notice|have|see|be)))"
)


# One reader in particular: 'for you', 'in your case', 'with your kidney numbers', 'since your A1c'.
ONE_READER = Lowered(
    r"(?i:\bfor you\b(?! (?:all|guys|folks))|\bin your case\b|\b(?:with|since|given|because of) (?:your|ur)\b"
    r"|\byour (?:labs?|numbers|results?|levels?|scan|x-?ray|a1c|potassium|creatinine|kidney|liver|ekg|biopsy)\b"
    r"|\b(?:tonight|tomorrow|today|this (?:morning|afternoon|evening|week))\b"
    # a particular procedure, the reader's own: 'if your calf swells after the operation, come straight back'
    r"|\bafter the (?:operation|surgery|procedure|scope|c-section|cath|delivery)\b"
    # the reader's own report: 'reading your comment about tightness ...', 'from what you described'
    r"|\byour (?:comment|message|question|post|note|description|photo|pic)\b(?! (?:section|box)\b)"
    r"|\byou (?:said|mentioned|described|wrote|told us|told me)\b)"
)


# One of the practice's own staff, by their post: 'Maria at the front desk', 'Grace, our nurse'.
STAFF_ROLE = Lowered(
    r"(?i:,?\s*(?:\b(?:at|from|on|runs|working) (?:the |our )?(?:front desk|check-in|reception|billing office"
    r"|scheduling desk)\b"
    # a service no one is cared for in, as where a colleague comes from: 'rose from pharmacy just brought us cookies'
    r"|\bfrom (?:the |our )?(?:pharmacy|lab|IT|HR|pt/ot|dietary|cafeteria|kitchen|security|facilities|registration"
    r"|billing|transport|evs|environmental services|housekeeping|chaplaincy|child life|social work|case management"
    r"|interpreter services|marketing|comms|communications|admin|administration)\b(?!['’]s)"
    r"|\bour (?:(?:lead|head|senior|chief|new|clinical|staff) )?(?:nurse|nurses|MA|medical assistant"
    r"|receptionist|scheduler|office manager"
    r"|front desk|PA|NP|scribe|pharmacist|social worker|dietitian|care coordinator)\b"
    # any job title after 'our new': 'Meet Marco Bellini, our new director of pharmacy'
    r"|\bour new (?:\w+ ){0,2}?(?:director|manager|supervisor|coordinator|chief|chaplain|educator|navigator"
    r"|administrator|officer|president|lead|head)\b))"
)
# Job titles at a hospital or practice (never a lay title or a relation: those say a patient may follow).
STAFF_TITLE = (
    r"(?:(?:nurse|unit|charge|clinical|practice|office|lab|laboratory|pharmacy|nursing|program|project|case|care"
    r"|patient care|volunteer|research|quality|security|facilities|materials|department|medical|billing|front desk"
    r"|marketing|communications|IT|HR)\s+)?"
    r"(?:manager|director|supervisor|coordinator|secretary|administrator|educator|navigator|scheduler"
    r"|receptionist|registrar|clerk)"
    # Words that name a job only with what it is of: 'security officer', 'lab tech' (not 'Officer Diaz').
    r"|(?:nurse|unit|clinical|lab|laboratory|pharmacy|security|privacy|compliance|medical|surgical|ER|OR|x-ray"
    r"|radiology|ultrasound|billing|patient care|research|quality|IT|front desk|team|shift|child life|music therapy"
    r"|art therapy|housekeeping|EVS|dietary|volunteer)\s+(?:officer|technician|tech|assistant|aide|lead|specialist"
    r"|liaison)"
    r"|(?:therapy dog|pet therapy) handler"
    r"|(?:registered nurse|nurse practitioner|nurse|RN|LPN|CNA|NP|PA-C|CRNA|pharmacist|phlebotomist|sonographer"
    r"|radiographer|dietitian|dietician|nutritionist|social worker|chaplain|interpreter|paramedic|EMT|midwife|doula"
    r"|lactation consultant|respiratory therapist|physical therapist|occupational therapist|speech therapist"
    r"|therapist|psychologist|counsel(?:l)?or|hygienist|optometrist|podiatrist|surgeon|anesthesiologist|resident"
    r"|intern|preceptor|mentor|teammate|transporter|housekeeper|volunteer|CEO|CFO|COO|CNO|CMO|president"
    r"|enfermeira|enfermeiro|enfermera|enfermero|técnic[oa]|pflegerin|pfleger|krankenschwester|infermier[ae]"
    r"|infirmière|infirmier|secrétaire|volontari[oa]|voluntári[oa]|voluntari[oa]|bénévole|ehrenamtliche[rn]?"
    r"|vice president|chief \w+ officer)"
)


# After a name only (a sentence may say 'covering' of anyone): a colleague by team or duty.
COLLEAGUE_AFTER = Lowered(
    r"(?i:,?\s*(?:\b(?:from|in|on|at|en) (?:the |our |el |la )?(?:marketing|comms|communications|PR|IT|compliance"
    r"|legal|HR|GME|informatics|quality|web|social media|design|video|podcast|content|media|education|admin"
    r"|administration|research|the dean's office"
    # ... or a service no patient stays in: 'Maureen in Patient Accounts', 'Rose from the cafeteria'
    r"|pharmacy|cafeteria|kitchen|dietary|food services|nutrition services|security|facilities|patient accounts"
    r"|billing|registration|admitting|transport|evs|environmental services|housekeeping|chaplaincy"
    r"|interpreter services|volunteer services|central supply|sterile processing|the gift shop|social work"
    r"|case management|spiritual care|child life|infection control|our board|the board|the auxiliary"
    # ... or any team by name: 'Kiri and Manaaki from the Māori health team'
    r"|[\w-]+(?: [\w-]+)? team)"
    r"(?: team| office| department| dept| services)?\b"
    # ... or one a patient may be in, but not come from: 'dawn from the lab', 'mark from pt/ot'
    r"|\bfrom (?:the |our )?(?:lab|radiology|imaging|pt/ot|pt|ot|rehab|child life|spiritual care|infection control"
    r"|respiratory|case management|social work)(?: team| office| department| dept| services)?\b"
    # ... or a post in brackets or straight after a lower-case name: 'ngozi (night charge)', 'kiara np'
    r"|\s*\((?:night |day |weekend )?(?:charge|pgy-?\d|resident|fellow|intern|rn|np|pa|ma|cna|tech|attending"
    r"|chief|unit clerk|secretary|scribe|pharmd|rt|pt|ot|slp|crna|transport|lab|pharmacy|it|evs|radiology|security"
    r"|facilities|dietary|registration|billing|hr|marketing|comms|my (?:mentor|attending|preceptor|boss|colleague"
    r"|co-?resident|chief|pd|program director))\b[^)]{0,60}\)"
    r"|\s(?:np|pa|rn|ma|cna|lpn|pharmd|crna|rt|md)\b(?! (?:of|in|is a)\b)"
    r"|\b(?:is |was |will be )?(?:on call|covering|on service|on nights|on backup)\b"
    r"|\bfor covering\b"
    # ... or their post in apposition: 'fr ciaran the chaplain said', 'rosa, our unit clerk,'
    rf"|\s*,?\s*(?:the|our) (?:{STAFF_TITLE})\b))"
)
# The person just named is the one cared for: 'Dr. Nguyen was admitted to our ICU', 'Nurse Jackie Wong was
# diagnosed with leukemia', 'our own Dr. Kim is recovering from surgery', 'Tom Becker had a stroke last week'.
# Said of a physician, a colleague or anyone on the roster, that is a patient's information like any other.
_CARED_FOR_AFTER = Lowered(
    r"(?i:^(?:['’]s?)?(?:,[^,.;!?]{1,40},)?\s*(?:(?:from|in|on|of) [\w ]{1,25}?\s+)?"
    r"(?:(?:was|were|is|has been|had been|got|is being|is now|has|had|just|recently)\s+(?:(?:just|recently|finally|now"
    r"|been)\s+)?(?:admitted|readmitted|diagnosed|hospitali[sz]ed|intubated|discharged|treated|operated on"
    r"|recovering|our patient|a patient"
    r"|a (?:stroke|heart attack|seizure|miscarriage|fall|mastectomy|transplant)|surgery|chemo)"
    # 'Governor Ellis underwent a knee replacement', 'El Padre Gómez fue operado ayer'
    r"|(?:underwent|undergoes|is undergoing|will undergo|fue operad[oa]|foi operad[oa]|è stat[oa] operat[oa]"
    r"|a été opérée?|wurde operiert"
    # ... or had the event itself: 'Deacon Williams seized during the service', 'Coach Ruiz collapsed on the field'
    r"|seized|collapsed|coded|passed out|fainted|went into (?:cardiac )?arrest|had (?:a|his|her) (?:first )?"
    r"(?:seizure|stroke|heart attack|cardiac arrest))\b))"
)


def cared_for_after(text: str, end: int) -> bool:
    """Is the name ending at `end` the subject of care given ('… was admitted', '… is recovering')?"""
    return _CARED_FOR_AFTER.match(text[end : end + 90]) is not None




# A colleague by post before the name: 'the new fellow, Arjun', 'my co-resident Sam', 'our scribe Ana'.
STAFF_BEFORE = re.compile(
    # ('the chaplain here, Rev. ...', 'the new PA, Ifeoma', 'our interpreter team, led by ...')
    r"(?i:\b(?:team|unit|department|service|program),?\s+(?:led|run|headed) by\s+$"
    r"|\b(?:our|the|new|my|your)\s+(?:new\s+)?(?:fellow|intern|attending|hospitalist|scribe|colleague|PA|NP|RN|MA"
    r"|co-?worker|co-?resident|charge nurse|chief resident|program coordinator|division chief|chair|partner in practice"
    r"|comms person|marketing person|social media manager|rep|sales rep|vendor|trainer|instructor"
    r"|(?:[A-Z][\w&-]+ )rep)\s*,?\s*$"
    # A job title right before the name, as hospital news and staff chat write it ('Unit secretary Carla Delgado',
    # 'Security officer Luis Montalvo', 'shoutout to pharmacist hana'): with or without 'our' or 'the'.
    rf"|\b(?:{STAFF_TITLE})s?\b(?:\s+(?:here|too|also|now))?\s*,?\s*(?:(?-i:[A-Z])[\w'’-]*\.?\s+)?$"
    # ... or someone's own: 'Dr. Patel and his PA, Kim'
    r"|\b(?:his|her|their)\s+(?:PA|NP|RN|MA|nurse|scribe|resident|fellow|assistant|partner|colleague)\s*,?\s*$"
    # ... or a staff feature's heading: 'Volunteer spotlight: Mr. Henry Vo', 'Employee of the Month is Dana Cole'
    r"|\b(?:staff|volunteer|employee|nurse|team member|provider|physician|doctor|pharmacist|colleague|clinician)"
    r"\s+(?:spotlight|shout-?out|of the (?:month|year|quarter|week))\s*(?:is\s*)?[:,–—-]?\s*"
    r"(?:(?-i:[A-Z])[\w'’-]*\.?\s+)?$)"
)


def any_reader(text: str, sentence: tuple[int, int], start: int, end: int) -> str | None:
    """Is a clause (start, end) of sentence aimed at any reader? "frame" when the sentence up to the clause's
    end speaks to a population, "cheer" when it encourages or says what to expect; None when it does neither,
    or names one reader in particular ('for you', 'with your kidney numbers'). A condition ('if your sugars
    run high, double your insulin') is no frame: it picks out the readers it fits."""
    particular, frame, cheer = _reader_cues(text, sentence)
    if particular:
        return None
    if frame is not None and frame[0] < max(end, start + 1) and not _turn_between(text, sentence, frame[1], end):
        return "frame"
    if cheer is not None and cheer < max(end, start + 1):
        return "cheer"
    return None


def _turn_between(text: str, sentence: tuple[int, int], lo: int, hi: int) -> bool:
    """A turn to the one reader ('but you need to ...') wholly between lo and hi: a binary search over the
    sentence's turns, found once (a search per clause is quadratic in a long sentence of short clauses)."""
    turns = _turns(text, sentence)
    i = bisect_left(turns, (lo, -1))
    # A frame that heads the very clause ('in general you should take it fasting', 'Pearl: you should dose on
    # actual weight') is no turn away from it: the turn must come after more words than the frame's own.
    while i < len(turns) and turns[i][0] - lo <= 4 and not text[lo : turns[i][0]].strip(" ,:;-—"):
        i += 1
    return i < len(turns) and turns[i][1] <= hi


@lru_cache(maxsize=256)
def _turns(text: str, sentence: tuple[int, int]) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in TURN_TO_ONE.finditer(text, *sentence)]


@lru_cache(maxsize=512)
def _reader_cues(
    text: str, sentence: tuple[int, int]
) -> tuple[bool, tuple[int, int] | None, int | None]:
    """Once per sentence, however many clauses ask: does it name one reader, where its first frame is and
    where its first encouragement starts."""
    frame = GENERAL_READER.search(text, *sentence)
    cheer = CHEER.search(text, *sentence)
    return ONE_READER.search(text, *sentence) is not None, frame and frame.span(), cheer and cheer.start()


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Split text into (start, end) sentence spans without copying it."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def sentence_at(spans: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    """The sentence span that contains position pos."""
    # Binary search: a linear scan per finding is quadratic on text with many sentences and findings.
    i = bisect_right(spans, (pos, math.inf)) - 1
    for start, end in spans[max(i, 0) : i + 2]:
        if start <= pos < end or pos == end:
            return start, end
    return (0, spans[-1][1]) if spans else (0, 0)


def person_cue_by_sentence(text: str) -> Callable[[tuple[int, int]], bool]:
    """has_person_cue for one text, judging each sentence once however many findings it holds."""
    return memo(lambda sentence: has_person_cue(text, *sentence))


_CAPITALISED_NEXT = re.compile(r" [A-Z][a-z]")


def _title_case_noun(text: str, match: re.Match[str]) -> bool:
    """A cue noun spelt with a capital inside a sentence and followed by another capitalised word."""
    word = text[match.start() : match.end()]
    if not word[0].isupper() or word.isupper() or " " in word:
        return False
    before = text[max(0, match.start() - 3) : match.start()].rstrip(" \"'(")
    return bool(before) and before[-1] not in ".!?:\n" and _CAPITALISED_NEXT.match(text, match.end()) is not None


def has_person_cue(text: str, start: int, end: int) -> bool:
    """True if text[start:end] talks about one particular person rather than people in general."""
    for match in PERSON_CUE.finditer(text, start, end):
        # (the match is of the lower-cased text, `Lowered`: its words as written are the text's own)
        if text[match.start() : match.end()] == "PT" and _THERAPY_AFTER.match(text, match.end()):
            continue  # physical therapy ('PT/OT', 'PT recommends'), not the patient
        word = match.group(0).lower()
        if word in _SPECIFIC_NOUNS or word.startswith("i "):
            return True
        if _title_case_noun(text, match):
            continue  # 'the Resident Lunch', 'our Patient Safety huddle', 'Family Medicine': a name of a thing
        before = text[max(start, match.start() - 16) : match.start()]
        if not _GENERIC_BEFORE.search(before):
            return True
        if word in _FAMILY_NOUNS and _OUR_BEFORE.search(before):
            return True  # 'our daughter', 'our son': the writer's own family, one person
    return False


_FAMILY_NOUNS = frozenset(FAMILY) | frozenset("baby toddler twins twin newborn".split())
_OUR_BEFORE = Lowered(r"(?i:\bour\s+$)")


# A sentence among colleagues: thanks and shout-outs, a shift's duties, the team's own people ('shoutout to carlos
# and bea on EMS crew 3', 'who has the charge phone tonight, is it Yusuf or Mei?', 'notre secrétaire Nadia').
_STAFF_SENTENCE = Lowered(
    r"(?i:\b(?:shout-?outs?|shout out|kudos|props|big thanks|huge thanks|welcome aboard|welcome to the team)\b"
    r"|\b(?:charge (?:phone|pager|nurse)|the pager|float pool|on (?:ems |ambulance )?crew|on shift|night shift"
    r"|day shift|swap (?:shifts?|call)|cover(?:ing)? (?:my|your|the) shift|in-?service"
    r"|notre (?:secrétaire|infirmière|infirmier|collègue)|nuestra? (?:enfermera|enfermero|compañer[oa]|secretaria)"
    # a colleague's career or service: retirements, awards, certifications, welcomes, years with the hospital
    r"|voluntari[oa]s|volontari|bénévoles?|ehrenamtliche[nr]?|retir(?:es|ed|ing|ement)|employee of the (?:month|year)"
    r"|mitarbeiter(?:in)? des jahres|certification|certified"
    r"|promoted|joins? our|joined our|welcomes?|welcome to|bienvenid[oa]s?|bem-vind[oa]s?|bienvenue|willkommen"
    r"|benvenut[oa]|years (?:of service|in our|at (?:our|lakeshore)|with us)|volunteer(?:ed|s|ing)?|greet(?:s|ed|ing)"
    r" visitors|parabéns|felicitaciones|félicitations|herzlichen glückwunsch|congratulations|congrats"
    r"|gratulier\w*|felicitamos|félicitons|congratuliamo|complimenti a|parabenizamos"
    r"|concluíram|completed (?:her|his|their) (?:training|certification|residency|degree)"
    # staff news, donors and guests of the hospital: a spotlight, a work anniversary, a gift, a prayer led
    r"|(?:staff|employee|volunteer|team) spotlight|spotlight:|work anniversary|dienstjubiläum|new hire|employee"
    r"|coworkers|co-workers|joins? (?:us|the|our)|joined (?:us|the)|welcome back|worked here|works in"
    r"|honorary (?:chairs?|co-chairs?)|pictured|for leading"
    r"|meet (?:our|the)|^\W*meet \w+ \w+(?=\s*[,!–—])"
    r"|happy \d+(?:st|nd|rd|th) (?:work )?anniversary"
    r"|imam|rabbi|pastor|reverend|rev\.|chaplain|sus \d+ años en|seus \d+ anos|anni di servizio)\b)"
)


@lru_cache(maxsize=256)
def staff_sentence(text: str, sentence: tuple[int, int]) -> bool:
    """A sentence among colleagues, in a text that gives no care: 'his', 'little' or 'stitching' would bring a
    patient in ('shoutout to the er team for stitching up little mateo's chin, he's back on his bike')."""
    # Care anywhere in the text counts: 'Priya Nair is retiring. She has breast cancer.' A post that opens as staff
    # news goes on about the same colleague: 'Happy work anniversary to Priya Raghunathan! Priya started here ...'
    if context_care(text):
        return False
    staff_opening, gift_opening = _opening_news(text)
    if staff_opening or _STAFF_SENTENCE.search(text, *sentence):
        return True
    # A donor thanked, unless the text goes on to tell about them ('Merci à Sylvie Roy pour son don, elle qui a
    # passé trois semaines chez nous'): what follows a 'who' is often their own story, in words no list holds.
    return bool(
        (gift_opening or _GIFT.search(text, *sentence))
        # ('whose gift funded our new MRI suite' tells of the gift, not of them)
        and not any(not _GIFT.search(text, m.end(), m.end() + 40) for m in _ABOUT_THEM.finditer(text))
    )


# A gift or a sponsorship, in the languages screened ('pour leur généreux don', 'per la donazione').
_GIFT = Lowered(
    r"(?i:\b(?:donors?|donated|gifts? (?:from|of|to)|generous gift|sponsor\w*|donations?|donazion[ei]|donaci[oó]n"
    r"|doa[çc][ãa]o|donativos?|spenden?|gespendet|patroc[ií]n\w*|m[ée]c[èe]nes?|mecenat\w*|(?:généreux|leur|son|votre)"
    r" don|commandit\w*|funded|paid for|made possible|financ\w*|finanzi\w*)\b)"
)
# A clause about the person thanked: a relative pronoun or 'after his ...' ('who', 'que', 'qui', 'che', 'nach seiner').
_ABOUT_THEM = Lowered(
    r"(?i:,\s*(?:que|qui|dont|che|cuy[oa]|der|die|welche[rs]?)\b|\b(?:who|whose|lui qui|elle qui"
    r"|after (?:his|her|their)|nach (?:seiner|ihrer)"
    r"|dopo (?:il suo|la sua)|après (?:son|sa)|tras su|depois d[ao] seu|após)\b"
    r"|[.!—–-]\s+(?:he|she|they|il|elle|er|sie|ele|ela|él|ella|lui|lei)\s)"
)


@lru_cache(maxsize=64)
def _opening_news(text: str) -> tuple[bool, bool]:
    """(staff news, a gift) in the text's first sentence: once per text, not once per sentence asked about (a text
    with no full stop is one long first sentence)."""
    opening = _opening(text)
    return _STAFF_SENTENCE.search(text, 0, opening) is not None, _GIFT.search(text, 0, opening) is not None


def _opening(text: str) -> int:
    """The end of the text's first sentence."""
    stop = re.search(r"[.!?](?:\s|$)|\n", text)
    return stop.end() if stop else len(text)


@lru_cache(maxsize=64)
def context_care(text: str) -> bool:
    """Does the text speak of someone's care or health anywhere (a care word: treated, chemo, cancer, a leave)?"""
    return any(
        not _workplace(text, m.start(), m.end()) for pattern in (_CARE_WORD, _CARE_ROOM) for m in pattern.finditer(text)
    )


_GIFT_TO_UNIT = re.compile(
    r"(?i:\b(?:blankets|quilts|toys|books|meals|lunch|dinner|pizza|cookies|donations?|gifts?|cards|hats|supplies"
    r"|stitched|knitted|crocheted|donated|delivered|brought|sent|raised)\b[^.!?]{0,40}\b(?:for|to) (?:the|our) $)"
)


def _workplace(text: str, start: int, end: int) -> bool:
    """A care word in its workplace sense: a unit someone has worked on ('started in our ER', 'seit 2009 auf der
    Intensivstation'), or a clinician's patients as a group ('his patients' families', not 'one of our patients')."""
    word = text[start:end].lower()
    before = text[max(0, start - 40) : start]
    if _PLACE_AFTER.match(text, end) or (word in _DEPARTMENTS and _DEPARTMENT_BEFORE.search(before)):
        return True  # the word names a place or a service: 'the oncology infusion center', 'mark from pt/ot'
    if _AWARENESS_DAY_BEFORE.search(before):
        return True  # a campaign's name: 'World Stroke Day', 'National Cancer Survivors Month'
    if text[start - 1 : start] == "(" and text[end : end + 1] == ")" and start > 1 and text[start - 2] == " ":
        return True  # a colleague's service in brackets after their name: 'Kofi (PT)', 'Ana (ICU)'
    if _FIELD_BEFORE.search(before):
        return True  # a clinician's field: 'he's great with diabetes follow-ups', 'she specializes in heart failure'
    if word in _UNITS:
        # (or a unit given to: '40 blankets for the NICU', 'donated toys to our PICU')
        return _TENURE_BEFORE.search(before) is not None or _GIFT_TO_UNIT.search(before) is not None
    if word == "patients":
        return _STAFF_POSSESSIVE.search(before) is not None
    return False


_UNITS = frozenset(
    "er ed or icu nicu picu intensivstation station notaufnahme urgences urgencias pronto soccorso".split()
)
_TENURE_BEFORE = Lowered(
    r"(?i:\b(?:work(?:s|ed|ing)?|start(?:ed|s)?|began|served|nurse|nursing|years|since \d{4}|seit \d{4}|desde \d{4}"
    r"|depuis \d{4}|dal \d{4}|tätig|arbeitet|trabaja|trabalha|lavora|travaille)\b[^.!?]{0,25}$"
    r"|\bnurses['’]? $)"  # ('at the nurses' station')
)
# A care word naming the place or service it qualifies ('infusion center', 'patient rooms', 'pt/ot'), not care given.
_PLACE_AFTER = Lowered(
    r"(?i:(?:/[a-z]+)?\s+(?:(?!(?:to|the|our|in|at|on|a|an|from|his|her|their|and|or|for|with)\b)[\w-]+\s+)?"
    r"(?:center|centre|clinic|suite|unit|floor|wing|rooms|gym|department|dept|office|staff|desk|lounge|accounts"
    r"|billing|lobby|entrance|parking)\b"
    # ... or the team, campaign or line named for it ('the stroke team', 'World Stroke Day')
    r"|\s+(?:team|teams|awareness|walk|program|programs|service|services|class|classes|hotline|support group"
    r"|fund)\b)"
)
# A colleague's field of work, before the care word that names it.
_FIELD_BEFORE = Lowered(
    r"(?i:\b(?:(?:great|good|amazing|wonderful|brilliant|patient|so good) (?:with|at)|speciali[sz](?:es|ed|ing) in"
    r"|specialty (?:is|in)|expert (?:in|on)|expertise in|passion for|interest in|research (?:in|on)|trained in"
    r"|fellowship in|board[- ]certified in|focus(?:es|ed)? on|leads our|runs our|runs the) (?:[a-z-]+ )?$)"
)
_AWARENESS_DAY_BEFORE = Lowered(r"(?i:\b(?:world|national|international|global) (?:[a-z-]+ )?$)")
# ... or the service a colleague is from ('Autumn from PT', 'Kwame Asante, RN, from the neuro ICU'): not a patient
# moved from a unit ('transferred from the ICU').
_DEPARTMENTS = frozenset("pt icu nicu picu er ed or rehab rehabilitation dialysis radiation infusion station".split())
_DEPARTMENT_BEFORE = Lowered(
    r"(?i:(?<!transferred )(?<!moved )(?<!discharged )(?<!home )(?<!out )(?<!back )(?<!sent )(?<!came )"
    r"(?<!stepped down )\bfrom (?:the |our )?(?:[a-z-]+ )?$)"
)
_STAFF_POSSESSIVE = Lowered(r"(?i:(?<!of )\b(?:his|her|their|our)\s+$)")


# Care someone received ('shoutout to Oswaldo Ferreira who finished chemo'): a shout-out to a patient, not a colleague.
# The emergency or operating room as a place of care, not as a workplace ('our ED team captain'): in capitals only.
_CARE_ROOM = re.compile(
    r"\b(?:ER|ED|OR)(?! (?:(?i:team|staff|nurses?|docs|techs?|crew|colleagues|family|folks|leadership|director"
    r"|manager|captain))\b)\b"
)
_CARE_WORD = Lowered(
    r"(?i:\b(?:chemo\w*|surgery|surgeries|(?<!-)stitch\w*|biopsy|diagnos\w*|treated|admitted|discharged|recover\w*"
    r"|cancer(?! (?:center|centre|institute|program|programs|unit|wing|team|awareness|screenings?|survivors' day"
    r"|walk|run|research|care team|services)\b)"
    r"|tumou?r|transplant|delivered|born|fracture|broke|injur\w*|remission|dialysis"
    r"|n?icu(?! (?:wing|team|staff|nurses?|docs|renovation|expansion|opening|tour)\b)"
    r"|infusion|radiation|amputat\w*|stroke|heart attack|overdose|sober|clean for"
    # care given by the team, and the patient it was given to
    r"|saw|seen|treat\w*|manag(?:e|ed|ing)|car(?:e|ed|ing) for|took care|taking care|care of|nurs(?:ed|ing) \w+ back"
    r"|resuscitat\w*|intubat\w*|transfus\w*|sav(?:e|ed|ing) (?:his|her|their)"
    # a patient, not a department or post named for patients ('director of patient access', 'pt experience')
    r"|(?:patients?|pts?)(?! (?:access|experience|safety|relations|services|advocacy|advocate|portal|registration"
    r"|transport|care (?:tech|technician|coordinator|assistant|manager)|financial services|family advisory|falls"
    r"|satisfaction|outcomes|volumes?|flow|education|engagement|surveys?|scores)\b)"
    r"|insulin|drip|clinic visit|(?<!without an )(?<!without )(?<!no )(?:appointment|appt)|little|baby"
    # a stay ending: 'Welcome home, Officer Whitfield! ... she left after 3 weeks with us'
    # a birth, a first visit, a programme finished as a patient, and conditions by name
    r"|gave birth|giving birth|came to us (?:as|at|with|for|after)|graduate of our [\w ]{0,30}program"
    # (a condition naming a service, a post or a campaign is no one's: 'the heart failure clinic', 'diabetes educator')
    r"|(?:diabetes|diabetic|asthma|copd|hiv|epilepsy|sickle cell|cystic fibrosis|dementia|alzheimer'?s|parkinson'?s"
    r"|lupus|multiple sclerosis|heart failure|kidney failure|als|autism|addiction|opioid use|eating disorder)"
    r"(?! (?:clinic|clinics|educators?|program|programs|center|centre|team|unit|nurses?|specialists?|awareness|month"
    r"|walk|support|class|classes|camp|fair|screenings?|education|services?|research|prevention|care team)\b)"
    r"|welcome home|ring(?:s|ing)? (?:the|that) bell|rang the bell"
    r"|(?:days|weeks|months|nights) with us|(?:days|weeks|months) in (?:our|the) (?:icu|nicu|hospital)"
    r"|participant|subject|diary|chart|mrn|dob"
    # a colleague's own health: a diagnosis, a leave, a loss, a procedure (in the languages screened)
    r"|miscarriage|mastectomy|ivf|pregnan\w*|medical leave|sick leave|depression|anxiety|schizophrenia|bipolar"
    r"|leukemia|lymphoma|seizure|diagnosis|chemotherapy|hospice|fighting"
    r"|rehab\w*(?! (?:gym|unit|department|dept|team|staff|center|centre|floor|wing|services)\b)|battling|beat|survivor"
    r"|krebs|herzinfarkt|op|operation|operiert|intensivstation"
    r"|(?:(?<=der )|(?<=die )|(?<=zur )|(?<=auf )|(?<=unserer )|(?<=seiner )|(?<=ihrer ))station"
    r"|cancro|tumore|infarto|ictus|operat[oa]"
    r"|cáncer|câncer|operad[oa]|internad[oa]|ingresad[oa]|maladie|hospitalisée?"
    # a patient, care given, a birth and a leave in the other languages ('Rosa fue paciente de nuestra unidad',
    # 'Chiara è stata nostra paziente', 'Élodie a été soignée chez nous', 'recebeu alta')
    r"|pacientes?|paziente|pazienti|patiente|patientin|soign[ée]e?s?|behandelt|tratad[oa]s?|trattat[oa]|curad[oa]"
    r"|dimess[oa]|ricoverat[oa]|ricovero|(?:teve|recebeu|dad[oa] de|le dieron el|con el) alta|intervento"
    r"|intervenção|intervención|cirug[ií]a|cirurgia|chirurgie|chirurgia|urgencias|urgences|pronto soccorso"
    r"|notaufnahme|leucemia|leucémie|leukämie|parto|nacimiento|nascimento|naissance|geburt|entbindung"
    r"|maternity leave|licencia (?:de|por) maternidad|licença[- ]maternidade|congé (?:de )?maternité|mutterschutz"
    r"|rough delivery|(?:her|his|a|the) delivery|accident|accidente|acidente|incidente|unfall"
    r"|guari\w*|recupera\w*|rétablissement|genesung|besserung"
    r"|surviv\w*|survécu|sobreviv\w*|sopravviss\w*|überlebt\w*|cardiac arrest|arrêt cardiaque|paro cardíaco"
    r"|parada cardíaca|arresto cardiaco|herzstillstand|opéré\w*|réadaptation|reabilitação|rehabilitación"
    r"|riabilitazione|avc|acv|deu à luz|dio a luz|diede alla luce|a accouché"
    r"|réanimation|rianimazione|reanimação|reanimación|soins intensifs|terapia intensiva|cuidados intensivos"
    r"|sorti\w* de l'hôpital|überstanden"
    r"|trasplante|transplante|trapianto|transplantation|accouch\w*|curat[oa]|quimio\w*|chimio\w*|radioterapia"
    r"|radiothérapie|diálisis|diálise|dialisi|dialyse|prematur[oa]s?|prématuré\w*|as a patient|como paciente"
    r"|da bambin[oa]|de niñ[oa]|en tant que patient)\b)"
)
