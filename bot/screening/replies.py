"""Text that confirms someone is (or was) a patient of the practice.

A public reply to a comment must not say 'we saw you last week' or 'as our patient', and neither may a
physician's answer that will be posted: confirming the relationship discloses PHI even with no
identifier in it. Screened in everything that may be published (answers and replies), not in notes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from bot.screening.context import sentence_spans
from bot.screening.findings import Finding
from bot.screening.learned import load_confirm_model, load_models
from bot.screening.lowered import Lowered
from bot.screening.public_figures import public_news
from bot.screening.relatives import FAMILY, FAMILY_ABROAD, alternation

_VISIT = (
    r"(?:visit|appointment|appt|procedure|surgery|operation|delivery|check-?up|physical|scan|mri|labs?"
    r"|test results?|results|stay|admission|consult|follow-?up)"
)
_SEEN = (
    r"(?:saw|seen|treated|examined|operated on|admitted|discharged|delivered|scoped|met|took care of"
    r"|cared for|looked after)"
)
_CONFIRMS = Lowered(
    rf"\b(?:we|I|our (?:team|staff|nurses?|doctors?))(?:'ve| have)? {_SEEN} (?:you|your \w+)\b"
    r"|\b(?:as|being|you're|you are|you were)(?: one of)? (?:our|my|a) (?:patients?|client)\b"
    r"|\bas a patient (?:of (?:ours|mine|this practice)|here)\b"
    rf"|\b(?:your|her|his) (?:recent|last|previous|latest|upcoming|next) {_VISIT}\b"
    rf"|\b(?:your|her|his) {_VISIT} (?:here|with us|with me|at our \w+)\b"
    r"|\b(?:when|since|after|before) you (?:were|came) (?:here|in|seen|admitted)\b"
    r"|\byou were (?:seen|admitted|discharged|treated|here)\b"
    r"|\b(?:your|her|his) (?:chart|records?|file|labs|results) (?:shows?|says|said|indicates?)\b"
    r"|\bour records show\b"
    # Remembering the reader, by the practice as much as by one clinician: 'we remember you!!', 'we all still
    # remember your'.
    r"|\b(?:I|we)(?: (?:all|still|definitely|totally|absolutely|do|sure|will always))* remember (?:you|your)\b"
    r"|\b(?:good|great|nice|glad|lovely) (?:to see|seeing|meeting) you (?:in|at|last|the other|yesterday|again)\b"
    rf"|\bsee you (?:at|for) your (?:next |follow-?up )?{_VISIT}\b"
    r"|\b(?:saw|seeing|treating) you (?:last|yesterday|on|in|at|this|earlier)\b"
    r"|\b(?:thank you|thanks) for being (?:a|our) (?:loyal )?patient\b"
    r"|\byour (?:upcoming |last |recent |next )?(?:appointments?|procedures?|surgery|test results?|lab work"
    r"|chart|records?|treatment|prescriptions?|x-rays?|bills?|balance|care plan) (?:on|at|with|from|here|last"
    r"|yesterday)\b"
    r"|\bwhen you (?:came|were|visited) (?:in|here|to see us|with us)\b"
    r"|\bsince your (?:last )?visit\b"
    r"|\bin your (?:file|chart)\b",
    re.IGNORECASE,
)
# The reader's own care, body or results, spoken of as known: 'we're glad your chemo is going smoothly', 'hope your
# new knee is healing well'. A public reply that knows how someone's treatment goes confirms the treatment.
_CARE = (
    r"(?:chemo|chemotherapy|radiation|infusions?|treatments?|therapy|physical therapy|PT|rehab|surgery|procedure"
    r"|operation|recovery|delivery|c-section|transplant|dialysis|biopsy|scans?|mri|ct|x-?rays?|results?|labs?"
    r"|tests?|diagnosis|prognosis|healing|incision|wound|stitches|cast|boot|brace|new (?:knee|hip|shoulder|heart valve)"
    r"|medications?|meds|prescriptions?|inhaler|insulin|sugars|a1c"
    r"|levels|numbers|cancer|tumou?r|asthma|diabetes|condition|injury|fracture|sprain|implant|stent|pacemaker"
    r"|pregnancy"
    # A procedure by its shape: a body part or device, then what was done to it ('knee replacement', 'ACL repair').
    # (the word is bounded: an unbounded [\w-]+ rescans a long hyphenated run from every position)
    r"|\w+(?:-\w+){0,2} (?:replacement|repair|reconstruction|removal|fusion|transplant|surgery|ablation|bypass"
    r"|implant|scope|injections?))"
)
_KNOWN_CARE = Lowered(
    rf"\b(?:your|ur)(?: (?:recent|new|latest|first|last|little|mom's|dad's|son's|daughter's|husband's|wife's"
    rf"|baby's))? {_CARE}\b(?: [\w-]{{1,40}}){{0,2}}? (?:went|is going|are going|has been going|have been going"
    r"|is healing|healed|turned out|came back|is working|are working|worked|looks? (?:good|great|better|fine)|looked"
    r"|is coming along|are coming along|is improving|improved|got better|is getting better|are getting better)\b",
    re.IGNORECASE,
)
# Having or caring for the reader in a place of care: 'a pleasure having you and your twins in the NICU'.
_CARED_FOR = Lowered(
    r"\b(?:having|had|have|seeing|caring for|taking care of|looking after|treating) (?:you|your \w+)(?: and your \w+)?"
    r"(?: (?:here|with us)\b| (?:in|on|at|during) (?:the|our|your) (?:NICU|ICU|PICU|unit|floor|ward|clinic|office"
    r"|practice|hospital|center|rehab|stay|visits?|appointments?|surgery|recovery|delivery|labor)\b)",
    re.IGNORECASE,
)
# Treatment that took place with the practice: 'finishing chemo with us', 'your stay with us'.
_WITH_US = Lowered(
    rf"\b{_CARE}\b(?: [\w-]{{1,40}}){{0,3}} (?:with us|here with us|at our (?:clinic|office|center|practice))\b", re.I
)
# Thanks or gladness about the reader's own care ('thanks for the kind words about your ACL repair'), and care the
# practice gave ('the new CPAP mask we fitted', 'we fitted your hearing aids'): the reply knows the treatment.
_THANKED_FOR_CARE = Lowered(
    rf"\b(?:kind words|review|feedback|update|note|card|shout-?out|message) (?:about|on|for|regarding) (?:your|ur)"
    rf"(?: (?:recent|new|mom's|dad's|son's|daughter's|husband's|wife's|baby's))? {_CARE}\b"
    # the reader's thanks for the care itself: 'your thank-you for delivering your baby girl'
    r"|\b(?:thanks|thank-you|thank you|gratitude) (?:to (?:us|her|him|them|our team) )?for (?:delivering|treating"
    r"|operating on|taking care of|caring for|looking after|stitching up|fixing|saving) (?:you|your|ur)\b",
    re.IGNORECASE,
)
_GIVEN_CARE = r"(?:fitted|prescribed|implanted|inserted|stitched(?: up)?|casted|operated on)"
_WE_GAVE = Lowered(
    rf"\b(?:the|your|that|those|this) (?:new )?[\w-]+(?: [\w-]+)? (?:we|I)(?:'ve| have)? {_GIVEN_CARE}\b"
    rf"|\b(?:we|I)(?:'ve| have)? {_GIVEN_CARE} (?:you|your|for you)\b",
    re.IGNORECASE,
)
REASON = "confirms that someone is a patient of the practice, which a public post must not do"


def find_patient_confirmations(
    text: str, features_of: Callable[[str], list[str]] | None = None, spans: list[tuple[int, int]] | None = None
) -> Iterator[Finding]:
    """Phrases that tell the reader (or the public) that a person was seen or treated here. `features_of` gives a
    sentence's sentence_features when the advice reader has already worked them out; `spans`, the text's sentences
    when the screen has them."""
    low = text.lower()
    exact: list[tuple[int, int]] = []
    for pattern in (_CONFIRMS, _KNOWN_CARE, _CARED_FOR, _WITH_US, _THANKED_FOR_CARE, _WE_GAVE):
        if pattern is _WITH_US and "with us" not in low and "at our" not in low:
            continue  # its own ending, looked for first: the long care alternation is costly to try at every word
        for match in pattern.finditer(text):
            if pattern is _KNOWN_CARE and _CONDITION_BEFORE.search(text, max(0, match.start() - 12), match.start()):
                continue  # 'if your back is still sore, ...': any reader it fits
            general = _NEXT_VISIT.match(match.group(0)) and _RAISE_BEFORE.search(
                text, max(0, match.start() - 80), match.start()
            )
            if general:
                continue  # 'worth bringing up at your next checkup': any reader's next visit, known to no one
            exact.append(match.span())
            yield Finding("patient_confirmation", match.start(), match.end(), REASON)
    # The model judges a whole sentence; where a phrase above already says which words confirm, the physician is
    # shown those words ('we saw you'), not the sentence around them.
    for found in _learned_confirmations(text, features_of, spans):
        if not any(found.start <= s and e <= found.end for s, e in exact):
            yield found


# A next visit as a time to raise something ('mention it at your next checkup'): advice to any reader.
_NEXT_VISIT = Lowered(r"(?i:(?:your|her|his) (?:upcoming|next) )")
_RAISE_BEFORE = Lowered(
    r"(?i:\b(?:bring(?:ing)?(?: \w+)? up|mention(?:ing)?|ask(?:ing)?(?: about)?|rais(?:e|ing)|discuss(?:ing)?"
    r"|talk(?:ing)? about|worth"
    # ... or something to take or book for it: 'bring all your pill bottles to your next visit'
    r"|bring(?:ing)?|take|taking|schedule|scheduling|book|booking|write down|jot down|save|keep)\b[^.!?]{0,60}$"
    # ... or the visit first, then what to do there: 'At your next visit, ask about colon cancer screening'
    r"|(?:^|[.!?]\s+)(?:at|before|during) $)"
)


CONFIRM_THRESHOLD = 0.5


# Whose care it would be: the reader, someone of theirs, or a baby by name.
_SOMEONE = Lowered(
    rf"(?i:\b(?:you|your|yours|you're|you've|u|ur|{alternation(FAMILY, FAMILY_ABROAD)}|baby|twins|little one"
    # Spanish, Portuguese and French: the reader ('su factura', 'seu exame', 'votre visite').
    r"|su|sus|usted|tu|tus|você|seu|sua|seus|suas|votre|vos|vous|ton|ta|tes)\b)"
)
_ANONYMOUS_PATIENT = Lowered(
    r"(?i:\b(?:a|one|this|some|another) (?:pt|patient|client|lady|guy|man|woman|kid|teen|mom|dad)\b"
    r"|\bone of (?:my|our) (?:patients|pts|clients)\b|\bsomeone\b|\bsomebody\b)"
)
_YOUR = Lowered(r"(?i:\b(?:your|ur|su|tu|seu|sua|votre|ton|ta|dein\w*|Ihr\w*)\b)")
_NOT_KNOWN = Lowered(
    r"(?i:\W*(?:if|when|whether|unless|to (?:book|schedule)|for (?:questions|anyone)|anyone|everyone)\b)"
)


def _learned_confirmations(
    text: str, features_of: Callable[[str], list[str]] | None = None, spans: list[tuple[int, int]] | None = None
) -> Iterator[Finding]:
    """Sentences the confirmation model finds likely, about someone, not a question or a condition. (The model's say
    is asked before the dearer question whether the sentence is public news.)"""
    model = load_confirm_model()
    if model is None:
        return
    if _FAQ.search(text):
        return  # 'Q: Can I take my BP pill before surgery? A: ... your surgical team will tell you': anyone's answer
    gazetteer = load_models()[0].gazetteer
    spans = sentence_spans(text) if spans is None else spans
    for index, (start, end) in enumerate(spans):
        while end > start and text[end - 1] in " .!;,":
            end -= 1
        if text[end - 1 : end] == "?" or not _SOMEONE.search(text, start, end) or _NOT_KNOWN.match(text, start):
            continue
        if _ANONYMOUS_PATIENT.search(text, start, end) and not _YOUR.search(text, start, end):
            continue  # 'had a pt a while back who was sure it was heartburn': a story of no one the reader knows
        if _BODY_OF_ANYONE.match(text, start, end) and not _ITS_NEWS.search(text, start, end):
            continue  # 'Your liver is the bouncer at the club', 'Your elbow doesn't care how nasty your curveball is'
        if _GIVING.search(text, start, end) and not _ITS_NEWS.search(text, start, end):
            continue  # 'Thank you, Mrs. Abernathy, for your generous donation to the NICU family lounge': a gift
        sentence = text[start:end]
        features = features_of(sentence) if features_of is not None else None
        if model.score(sentence, gazetteer, features) < CONFIRM_THRESHOLD:
            continue
        if public_news(text, start, end) or (index and public_news(text, *spans[index - 1])):
            continue  # 'Rafael Nadal has spoken publicly of it. Su caso ...': his case, which he made public
        yield Finding("patient_confirmation", start, end, REASON)


# What someone gave the hospital, thanked for: a donor's gift, time or support is no care received.
_GIVING = Lowered(
    r"(?i:\b(?:for|por|pela|pelo|pour|per|für) (?:your|ur|the|su|tu|sua|seu|votre|ta|la tua|il tuo|ihre?)"
    r" (?:[\w-]+ ){0,2}?(?:donations?|gifts?|contributions?|sponsorship|generosity|support|volunteer\w*"
    r"|fundrais\w*|donativos?|donaci[oó]n|doa[cç][aã]o|dons?|donazione|spende)\b)"
)


# 'Your <organ> is / does / loves ...': the reader's body as everyone's, in a figure of speech or a fact about organs;
# news of it ('your knee is healing well', 'your scan came back clear') is someone's care.
_BODY_OF_ANYONE = Lowered(
    r"(?i:\W*(?:(?:and|but|so|remember|honestly|fun fact)[,:]?\s+)?your (?:body|heart|liver|brain|gut|stomach|skin"
    r"|lungs?|kidneys?|bones?|joints?|knees?|elbows?|shoulders?|back|spine|muscles?|arteries|veins|blood vessels"
    r"|immune system|eyes?|ears?|teeth|feet|hands?|hips?|thyroid|pancreas|colon|bladder|prostate|microbiome)"
    r" (?:is|are|isn't|aren't|doesn't|don't|does|do|can't|cannot|won't|will|loves?|hates?|needs?|wants?|likes?"
    r"|works?|acts?|has|have|keeps?|gets?|deserves?|remembers?|thanks?)\b"
    # ... or in an analogy: 'Picture your rotator cuff as four little ropes', 'think of your kidneys like filters'
    r"|\W*(?:think of|picture|imagine) your [\w-]+(?: [\w-]+)? (?:as|like)\b)"
)
_ITS_NEWS = Lowered(
    r"(?i:\b(?:healing|healed|recover\w*|surgery|procedure|results?|scans?|x-?rays?|mri|labs?|came back|improv\w*"
    r"|swollen|infected|stitches|incision|cast|brace|new (?:knee|hip|heart valve)|since your|after your)\b)"
)
_FAQ = Lowered(r"(?i:(?:^|\s)(?:Q|Question)\s*[:.)-]\s[^\n]{3,300}?\?\s*(?:A|Answer)\s*[:.)-]\s)")


_CONDITION_BEFORE = Lowered(r"(?i:\b(?:if|when|whether|unless|once|until|in case)\s+$)")


# A name as one calls someone: one or two capitalised words, after a title or none.
# (capitals of the Latin, Latin Extended-A and Cyrillic alphabets: 'Łukasz', 'Дмитрий'; a title by its polite form
# in Polish and Russian too: 'Panie Tomaszu', 'Pani Anno')
_CAPITAL = "A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁ"
_CALLED = (
    rf"(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sr|Sra|Srta|Panie|Pani|Państwo)\.? )?[{_CAPITAL}][\w'’-]*(?: [{_CAPITAL}][\w'’-]*)?"
)
# Vietnamese calls by a kinship word before the name ('chị Hương'); the tagger's name may hold it.
_CALLED = rf"(?:(?:anh|chị|em|cô|chú|bác|ông|bà) )?{_CALLED}"


# Greetings and thanks in the other languages whose replies the screen reads by name: Polish, Russian, Somali,
# Tagalog, Haitian Creole.
_OTHER_LANGUAGE_GREETINGS = (
    r"dziękujemy|dziękuję|dzięki|спасибо|благодарим|здравствуйте|mahadsanid|salamat(?: po)?|mèsi|mesi|bonjou"
)


# A reply that opens by greeting or thanking the one who wrote in ('Thanks, Keisha!', 'Great question, Deshawn.',
# 'Ciao Giulia, grazie per la domanda!', 'Gracias por tu comentario, Alejandro.'): the name is the commenter's own,
# as they posted it. It says nothing of their care unless the reply does (a care word, a confirmation, advice).
_GREETED = re.compile(
    r"(?i:^\W*(?:(?:lol|haha+|aw+|omg|oh|yay|wow)\W+)?"  # 'lol thank you Mireille!!'
    r"(?:thanks|thank you|thank u|thank ya|thx|ty|tysm|hi|hiya|hello|hey+|dear|welcome|muchas gracias|mil gracias"
    rf"|{_OTHER_LANGUAGE_GREETINGS}"
    r"|c[ảá]m ơn(?: (?:anh|chị|em|cô|chú|bác|ông|bà))?|(?:great|good|excellent) (?:question|catch|point|idea)"
    r"|gracias|hola|obrigad[oa]|olá|ola|merci|bonjour|bonsoir|salut|coucou|danke|hallo|guten (?:tag|morgen|abend)"
    r"|grazie"
    # ... or answer them: 'Absolutely, Keisha —', 'Yes, Tom,', 'Of course, Ana!'
    r"|absolutely|yes|yep|sure|of course|definitely|no problem|you bet|good news|great news|sadly|unfortunately"
    r"|sí|claro|por supuesto|com certeza|bien sûr|certo|natürlich"
    r"|ciao|buongiorno|buonasera|salve|buenos días|buenas tardes|buenas noches|bom dia|boa tarde|boa noite)"
    r"(?:\s+(?:so much|again|for|por|pelo|pela|pour|für|per|beaucoup|mille fois|mucho|muito|vielmals|tante|mille)\b"
    r"[^,!.?\n:]{0,40})?[\s,]*)"
    rf"(?-i:{_CALLED})\s*$"
)
_GREETING_ENDS = frozenset(",!.?:;—–-")


# ... unless the reply speaks of the reader's own care, as a message to a patient does ('Hi Carla, the wound clinic
# moved your dressing change', 'Olá Rodrigo, seu prontuário foi atualizado', 'how the new meds are going').
_READERS_CARE = Lowered(
    r"(?i:\b(?:your|ur|seu|sua|seus|suas|su|sus|tu|tus|votre|vos|ihr|ihre|ihren|tuo|tua|tuoi)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:portal|chart|records?|file|prontu[aá]rio|expediente|dossier|cartella|akte|results?|resultados?"
    r"|r[ée]sultats?|befunde?|referto|meds|medications?|medicines?|prescriptions?|refills?|dressings?|wounds?"
    r"|stitches|cast|recovery|treatment|therapy|procedure|surgery|operation|replacement|diagnosis|story|journey"
    r"|care|doctor|nurse|surgeon|visit|appointment|appt|stay|bill|claim|referral|scan|x-?ray|mri|biopsy|labs?"
    rf"|{_VISIT})\b"
    r"|\b(?:new|your) meds\b|\bhow (?:you're|you are|are you) (?:doing|feeling|healing|recovering)\b)"
)


# The name first, then the thanks: 'Omar, thanks for the kind words about our new garden!'
_THANKS_AFTER = Lowered(
    r"(?i:\s*,\s*(?:thanks|thank you|thx|gracias|obrigad[oa]|merci|danke|grazie|great question|good question"
    # ... or goes on to speak to them: 'Denise, we want to hear about this', 'Sam, you can find ...'
    r"|we|we're|we've|we'd|we'll|you|you're|you've|you'll|yes|absolutely|welcome|so glad|happy to help)\b)"
)


def thanked_unknowingly(text: str, sentence: tuple[int, int]) -> bool:
    """A greeting in a language whose care words the screen does not read (Polish, Russian, Somali, Tagalog,
    Haitian Creole) lets the name go only when it thanks for kind words or a comment, which is no care."""
    if not _OTHER_GREETING.match(text, sentence[0], sentence[1]):
        return True
    return _THANKED_FOR_WORDS.search(text, *sentence) is not None


_OTHER_GREETING = re.compile(rf"(?i:\W*(?:{_OTHER_LANGUAGE_GREETINGS}|panie|pani)\b)")
_THANKED_FOR_WORDS = re.compile(
    r"(?i:\bза (?:\w+ )?(?:слова|отзыв|комментарий|поддержку)|\bza (?:\w+ )?(?:słowa|komentarz|opinię|wsparcie)"
    r"|\bereyadaada|\bfaallada|\bsa (?:\w+ )?(?:mensahe|komento|salita|suporta)|\bpou (?:\w+ )?(?:mo|kòmantè|sipò))"
)


def greeting_inside(text: str, start: int, end: int) -> int:
    """Where a name the tagger read with its greeting ('Dziękujemy, Panie Tomaszu', 'Mahadsanid Xamdi') starts
    without it: `start` itself when the span holds no greeting."""
    match = _LEADING_GREETING.match(text, start, end)
    return match.end() if match and match.end() < end else start


def greeted_commenter(text: str, sentence: tuple[int, int], start: int, end: int) -> bool:
    """Is text[start:end] the name a text calls its reader by: greeted at its sentence's opening ('Thanks, Keisha!',
    'Hey Ray 👋', 'Omar, thanks', 'Denise, we want to hear about this'), or set off by a comma at its close
    ('Thanks for the follow, Stephanie', 'We appreciate you, Lupe! ❤️', 'Great question, Mrs. Kowalski.')?

    (A greeting and a name are short: a longer stretch is not looked at, so long text stays linear.)"""
    sentence_start, sentence_end = sentence
    if end - start > 40:
        return False
    if (
        (
            (sentence_end - end <= 12 and not _WORD_CHAR.search(text, end, sentence_end))
            # (or a full stop and a wave close it before the next sentence: 'Love this, Keisha! 💛 Registration ...')
            or _CLOSED_AFTER.match(text, end) is not None
        )
        and _VOCATIVE_NAME.fullmatch(text, start, end)
    ):
        # Nothing but punctuation, emoji and space after it: a closing call, when a comma sets it off.
        if _COMMA_BEFORE.search(text, max(sentence_start, start - 3), start) or _THANKS_BEFORE.search(
            text, max(sentence_start, start - 20), start
        ):
            return True
    if end - sentence_start > 100:
        return False
    if _NAME_FIRST.match(text, sentence_start, end) and _THANKS_AFTER.match(text, end):
        return True
    if (
        end < len(text)
        and text[end:end + 3].lstrip()[:1] not in _GREETING_ENDS
        and not _EMOJI_AFTER.match(text, end)
        and not _THANKED_FOR.match(text, end)
    ):
        return False
    return _GREETED.match(text, sentence_start, end) is not None


def greeted_handle(text: str, sentence: tuple[int, int], start: int) -> bool:
    """Is the @handle at `start` the account a reply answers: opening its sentence ('@jenna_k thanks for the
    follow!') or right after a greeting or thanks ('Thanks @drmikefit!')?"""
    before = text[sentence[0] : start]
    return not _WORD_CHAR.search(before) or (
        len(before) <= 40 and (_GREETING_ONLY.fullmatch(before) or _HANDLE_GREETING.fullmatch(before)) is not None
    )


# Before an account's handle only (a handle is the commenter's by its shape; a name needs the shorter list): thanks
# for what they posted, delight, or a greeting in another language ('thx for the shoutout @bigmike_fd', 'Love this,
# @the_realdeb!', 'Maraming salamat po, @jojo.reyes!').
_HANDLE_GREETING = re.compile(
    r"(?i:\W*(?:(?:many |huge |big )?(?:thanks|thank you|thank u|thx|ty)(?: so much)?(?: for (?:the |your )?"
    r"(?:shout-?out|follow|love|kind words|comment|note|share|tag|support|question|feedback))?"
    r"|love (?:this|that|it)|we love (?:this|that|it)|aww+|so sweet|congrats|congratulations|welcome(?: back)?"
    rf"|hi|hey|hello|gracias|hola|merci|obrigad[oa]|(?:maraming )?(?:{_OTHER_LANGUAGE_GREETINGS}))\W*)"
)


_GREETING_ONLY = re.compile(
    r"(?i:\W*(?:thanks|thank you|thank u|thx|ty|hi|hey|hello|welcome|gracias|hola|merci|obrigad[oa])(?: so much)?\W*)"
)
_LEADING_GREETING = re.compile(
    r"(?i:(?:thanks|thank you|hi|hello|hey|dear|gracias|hola|merci|bonjour|obrigad[oa]|olá"
    rf"|{_OTHER_LANGUAGE_GREETINGS})[\s,!]+)"
)
_NAME_FIRST = re.compile(rf"\W*{_CALLED}\s*$")
_VOCATIVE_NAME = re.compile(_CALLED)
_WORD_CHAR = re.compile(r"\w")
_CLOSED_AFTER = re.compile(r"[!.?]+(?:\s*[\U0001F300-\U0001FAFF\u2600-\u27BF])*\s+(?=[\"'(\[]?[A-Z0-9])")
_COMMA_BEFORE = re.compile(r",\s*$")
# 'Thank you Hannah for sharing', 'Cảm ơn chị Hương đã gửi ...': what they are thanked for follows the name.
_THANKED_FOR = re.compile(r"\s+(?:for|por|pelo|pela|pour|per|für|đã|vì|za|sa)\s")
_THANKS_BEFORE = re.compile(
    r"(?i:\b(?:thanks|thank you|thank u|thx|ty|gracias|merci|obrigad[oa]|dziękujemy|dziękuję|спасибо|mahadsanid"
    r"|salamat|mèsi)\s+$)"
)
# An emoji or a wave after the greeted name ('Hey Ray 👋 good news, ...'), or a dash ('Absolutely, Keisha — our
# lactation group is open to anyone'): the greeting ends there, as at a full stop.
_EMOJI_AFTER = re.compile(r"\s*(?:[\U0001F300-\U0001FAFF\u2600-\u27BF]|[—–]|-\s)")


def greeted_first(text: str, sentence: tuple[int, int], end: int) -> bool:
    """The sentence opens with a greeting word and the name ('Hi Teresa,', 'Thanks Ken!'): what follows the comma
    is the reply's answer, which tells of the reader's care only in the words the whole reply is read for."""
    return (
        text[end : end + 1] in (",", "!", ".")
        and _GREETED.match(text, sentence[0], end) is not None
        # ('Hi Maria, the biopsy came back benign': news of care after the greeting is hers)
        and not _ITS_NEWS.search(text, end, sentence[1])
        # ... and so is their wait in a place of care ('lamentamos la espera en urgencias el martes')
        and not _WAITED_IN_CARE.search(text, end, sentence[1])
    )


_WAITED_IN_CARE = Lowered(
    r"(?i:\b(?:wait|waiting|espera|paghihintay|attente|attesa|wartezeit|demora)\b[^.!?\n]{0,30}?\b(?:er|ed|e\.r\."
    r"|emergency|urgent care|urgencias|urgences|emergência|pronto soccorso|notaufnahme|clinic|clínica|x-?ray|lab"
    r"|imaging|radiology|infusion|dialysis|surgery|pre-?op|triage)\b)"
)


def emoji_after(text: str, end: int) -> bool:
    return _EMOJI_AFTER.match(text, end) is not None


def refuses_to_discuss_care(sentence: str) -> bool:
    """'we can't give medical advice over social media', 'we can't confirm whether someone is a patient here': the
    care words in a refusal are the practice's rule, nobody's care."""
    return _REFUSAL.search(sentence) is not None


_REFUSAL = Lowered(
    r"(?i:\b(?:can't|cannot|can not|can’t|are(?:n't| not) able to|unable to|don't|do not|never)\s+"
    r"(?:give|offer|provide|discuss|confirm|share|talk about|comment on|answer)\b)"
)


def speaks_of_readers_care(text: str) -> bool:
    """'your dressing change', 'seu prontuário', 'how the new meds are going': a message to a patient; or
    news of the reader's life, glad or hopeful ('Glad everything came back clear', 'Good luck with round two',
    'Que bom que sua mãe teve alta'): a reply that knows what happened to them."""
    for care in _READERS_CARE.finditer(text):
        if not _ANYONES_DOCTOR.search(text, max(0, care.start() - 24), care.start() + 1):
            return True
    for news in _PERSONAL_NEWS.finditer(text):
        if _FEELING.fullmatch(news.group(0)) and _ABOUT_THE_HOSPITAL.match(text, news.end(), news.end() + 60):
            continue  # 'so sorry about the parking garage', 'nos alegra leer tu comentario': not their care
        return True
    return False


# 'call your doctor', 'ask your pharmacist about it': the reader's own clinician as anyone's, a referral for all.
_ANYONES_DOCTOR = re.compile(
    r"(?i:\b(?:call|ask|see|tell|talk to|talk with|speak (?:to|with)|check with|contact|reach out to)"
    r" (?:your|ur|their) (?:own |regular |usual |primary care |family )?(?:doctor|nurse|care team|surgeon"
    r"|pharmacist|provider|pcp|dr)\b)"
)


# Gladness or sympathy, which may be about the reader's care or only about the hospital's service.
_FEELING = re.compile(
    r"(?i:glad|happy to (?:hear|see|know)|good to (?:hear|see|know)|great to (?:hear|see)|so happy|sorry"
    r"|good luck|best of luck"
    r"|nos alegra|me alegra|ficamos felizes|siamo (?:felici|contenti)|freuen uns|heureux|ravis|que bom|qué bueno"
    r"|che bello|wie schön|quel plaisir|ci dispiace|lo sentimos|sentimos muito|désolés?|tut uns leid)"
)
# ... about a comment, an event, parking or a wait: the object follows within a few words, in the same sentence.
_ABOUT_THE_HOSPITAL = Lowered(
    # ... or about nothing said: 'We're sorry.', 'Good luck!!' (news of their care names it), or a refusal
    r"(?i:[\s!.…]*(?:$|\n)|\W*[.!?]|[\s,]*(?:but )?(?:we|i) (?:can't|cannot|can’t|are(?:n't| not) able)\b"
    # ... or about what they did with the hospital's page: 'So glad you found us!', 'happy you reached out'
    r"|\s+(?:that )?(?:you|u) (?:found us|follow(?:ed)? us|reached out|asked|wrote in|shared this|enjoyed|liked|loved"
    r" (?:the|our) (?:post|video|event|class|walk|run|fair))\b"
    # ... or about the hospital's own people: 'nos alegra saber que nuestro equipo de pediatría tiene tan buena fama'
    r"|[^.!?\n]{0,30}?\b(?:our|nuestr[oa]s?|noss[oa]s?|notre|nos|unser\w*|nostr[oa]|i nostri|le nostre)"
    r" (?:[\w-]+ ){0,2}?(?:team|staff|equipo|equipe|équipe|personal|personnel|nurses|enfermer[oa]s|volunteers"
    r"|voluntari[oa]s|bénévoles|hospital|hôpital|ospedale|krankenhaus|clinic|clínica|clinique|practice)\b"
    r"(?![^.!?\n]{0,40}\b(?:you|your|tu|su|você|seu|sua|vous|votre)\b)"
    # ... or about how the service left them: 'sorry to hear you're unhappy', 'you had a hard time getting through'
    r"|[^.!?\n]{0,30}?\b(?:unhappy|frustrat\w+|disappoint\w+|upset|(?:a hard|a tough|trouble|difficulty) (?:time )?"
    r"(?:getting|reaching|finding|with (?:the|our) (?:phone|website|app|portal login)))\b"
    r"|[^.!?\n]{0,40}?\b(?:comments?|comentarios?|commentaires?|kommentare?|commenti|feedback|messages?|mensajes?"
    r"|mensage(?:m|ns)|words|palabras|palavras|mots|parole|reviews?|reseñas?|avalia[çc][ãa]o|posts?|shout-?out"
    r"|event|evento|événement|veranstaltung|race|corrida|carrera|course|corsa|lauf|walk|caminhada|caminata|marcha"
    r"|passeggiata|marche|5k|gala|party|fiesta|festa|feria|fiera|feira|salon|fair|class|clase|aula|cours|kurs"
    r"|parking|garage|estacionamiento|estacionamento|parcheggio|parkplatz|wait(?:ing)?|hold time|delay|line|queue"
    r"|mix-?up|confusion|inconvenience|trouble finding|cafeteria|food|menu|wifi|wi-fi|website|app|phone tree)\b)"
)


# Gladness, wishes and sympathy, and the reader's family, in the languages screened: what a reply says when it
# knows the reader's news. A reply about hours, parking or jobs says none of it.
_PERSONAL_NEWS = Lowered(
    r"(?i:\b(?:glad|happy to (?:hear|see|know)|good to (?:hear|see|know)|great to (?:hear|see)|so happy|relieved"
    r"|congrat\w*|good luck|best of luck|wishing|wish (?:you|him|her|them|your)|hope (?:you|your|he|she|they|the)"
    r"|get well|feel(?:ing)? better|speedy|recover\w*|healing|heal|brave|strong|prayers?|thinking of|sorry"
    r"|condolences|ring (?:that|the) bell|welcome back|welcome home|nice to see you|miss(?:ed)? you|proud of you"
    r"|tut uns leid|lo sentimos|ci dispiace|sentimos muito|désolée?s?|qué bueno|wie schön"
    r"|your (?:mom|mother|dad|father|son|daughter|kid|kids|child|baby|little one|husband|wife|partner|grand\w+"
    r"|brother|sister|aunt|uncle|family|nurses?|doctors?|care team|surgeon)"
    r"|felicidades|felicitaciones|nos alegra|me alegra|que bom|ficamos felizes|parabéns|melhoras|recupera\w*"
    r"|mejor[ií]a|siamo (?:felici|contenti)|auguri|guarigione|gute besserung|glückwunsch|freuen uns|félicitations"
    r"|prompt rétablissement|bon rétablissement|heureux|ravis|speriamo|esperamos que|te esperamos|guari\w*|presto"
    r"|tu (?:pr[oó]xima )?(?:cita|consulta|control)|sua (?:pr[oó]xima )?consulta|(?:la tua|il tuo) (?:visita|controllo)"
    r"|tu (?:hij[oa]|beb[eé]|mam[aá]|pap[aá]|espos[oa]|familia)|sua (?:m[aã]e|filha|esposa|fam[ií]lia)"
    r"|seu (?:pai|filho|marido|beb[eê])|tu[oa] (?:padre|madre|figli[oa]|bambin[oa]|marito|moglie)"
    r"|ihre? (?:frau|mann|tochter|sohn|mutter|vater|kind|baby)|votre (?:m[eè]re|p[eè]re|fils|fille|b[ée]b[ée]))\b)"
)
