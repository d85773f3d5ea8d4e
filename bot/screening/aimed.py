"""Is a clause of advice aimed at its reader, and does it name a treatment?

The advice model scores what a clause says; whether one person is being told it is a question of
shape: 'you' in the particular sense (not 'if you smoke'), a command, a plan ('I'll up the dose'), a
heading or opener that names one reader, a change permitted in another language, against chart
shorthand written for the record and leaflet lines for every reader. `addressed` answers with how
sure the model must be; `sentence_findings` asks it for each clause.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import NamedTuple

from bot.screening.advice import _MEDS, GROUP_ADDRESS, POPULATION, leaflet_line, population_dose
from bot.screening.clauses import FOREIGN_COMMANDS, SCHEDULE, commands, unknown_object
from bot.screening.context import GENERAL_READER, ONE_READER, TURN_TO_ONE, any_reader
from bot.screening.diagnoses import DX_NAMED, DX_OPENING, DX_STATED, IT_IS, WHAT_IS_BEFORE, YOU_HAVE, result_told
from bot.screening.lexicon import STEMMED_DRUG, Gazetteer
from bot.screening.lowered import Lowered
from bot.screening.memo import memo
from bot.screening.other_language_orders import other_language_order
from bot.screening.treatments import _DX_INSIDE, names_treatment

ADVICE_THRESHOLD = 0.3


# The writer's own plan for the reader, a treatment or test in it ('I need you to get an echo before the visit',
# 'we want him on a monitor'): as plain as a labelled order.
_PLAN_FOR_READER = Lowered(
    r"(?i:(?:\bI |\bwe |^\W*|(?<=[,;:.!?] ))(?:want|need|'d like|would like|'d want) (?:you|him|her)"
    r" (?:to (?:get|do|have|take(?! a look)|start|stop|restart|hold|schedule|book|use|keep)\b|on\b|off\b)"
    # leave to change a treatment at a time of the reader's own: 'ok to restart eliquis sun pm', "it's fine to
    # hold the lasix tomorrow" (a time makes it one reader's plan; 'it's ok to take ibuprofen with food' has none)
    r"|(?:^\W*|(?<=[,;:.!?] )|\b(?:it's|its|it is|you're|you are|ur) )(?:ok|okay|fine|safe|alright|all right) to"
    r" (?:restart|resume|start|stop|hold|skip|take|double|increase|decrease|go back on|come off|get back on)\b"
    r"(?=[^.;!?]{0,40}\b(?:tonight|tomorrow|tmrw|tmr|today|this (?:morning|evening|afternoon|weekend|week)"
    r"|(?:mon|tues?|wed|thu|thurs|fri|sat|sun)(?:day)?(?: (?:am|pm|night|morning|evening))?"
    r"|in \d+ (?:hours?|hrs?|days?)|after (?:the|your) \w+)\b)"
    # the writer's next step in the reader's treatment: 'We'll start with a low-salt diet and a water pill', 'I'm
    # going to put you on amoxicillin', 'let's bump the lisinopril to 20'
    r"|(?:^\W*|(?<=[,;:.!?] )|\b(?:so|ok|okay|then|and)\s+)(?P<next>we'll|we will|we're going to"
    r"|we are going to|i'll|i will"
    r"|i'm going to|i am going to|let's|let us)\s+(?:(?:go ahead and|just|also|probably)\s+)?"
    r"(?:start(?: you)?(?: on| with)?|put you on|switch you|bump|increase|decrease|lower|raise|try(?: you on)?|add"
    r"|prescribe|give you|get you on|stop|hold|taper|wean you)\b"
    # ... or what the writer prescribed for the reader's complaint: "rx'd doxy for ur tick bite", 'I sent in
    # amoxicillin for your ear infection'
    r"|\b(?:rx'?d|prescribed|sent in|called in|e-?prescribed)\b[^.;!?]{0,40}?\bfor (?:your|ur)\b"
    # ... or as the answer to the reader's own question ('yes ok to take the zyrtec w the prednisone', 'yep, fine to
    # stop it'): a yes opens it, and whatever it permits is theirs
    r"|^\W*(?P<yes>yes|yep|yeah|yup|yea|ya|sure|absolutely|definitely)\b[\s,.!-]*(?:(?:it's|its|it is|you're"
    r"|you are|ur)\s+)?"
    r"(?:totally |perfectly |completely )?(?:ok|okay|fine|safe|alright|all right) to"
    r" (?:restart|resume|start|stop|hold|skip|take|double|increase|decrease|go back on|come off|get back on|give|use"
    r"|mix|combine)\b"
    # the same in the other languages: 'necesito que te hagas', 'quiero que vaya', 'preciso que você faça',
    # 'ich möchte, dass Sie', 'ho bisogno che Lei faccia', 'je veux que vous fassiez'
    r"|\b(?:necesito|quiero|preciso|quero|je veux|j'aimerais|ho bisogno|voglio|vorrei)"
    r" (?:que|che|qu') (?:usted |você |voce |vous |tu |Lei |te |se |lo |la )?\w+"
    r"|\bich (?:möchte|will|brauche),? dass (?:Sie|du)\b"
    # what the writer is about to give or change for the reader: 'le voy a dar amoxicilina', 'vou te passar',
    # 'on va baisser le Lasilix', 'ich verschreibe Ihnen', 'le prescrivo'
    r"|\b(?:le|te|les) (?:voy|vamos) a (?:dar|recetar|poner|subir|bajar|cambiar|quitar|mandar|pedir)\b"
    r"|\b(?:vou|vamos) (?:te |lhe |lhes )?(?:dar|passar|receitar|aumentar|diminuir|baixar|suspender|trocar|pedir)\b"
    r"|\b(?:je vais|on va|nous allons) (?:vous |te )?(?:donner|prescrire|mettre|baisser|augmenter|arrêter|changer"
    r"|diminuer|demander)\b"
    r"|\b(?:ich|wir) (?:gebe|geben|verschreibe|verschreiben|erhöhe|erhöhen|reduziere|reduzieren|setze|setzen)"
    r" (?:Ihnen|dir|euch)\b|\b(?:le|ti) (?:do|prescrivo|aumento|riduco|cambio)\b)"
)


# Advice reported as given to one person: the verb, the person, 'to' or 'that'.
REPORTED_ADVICE = (
    r"\b(?:advised|instructed|counseled|counselled|urged|recommended(?: to)?|told)\s+(?:the\s+)?(?:pt|patient|her|him"
    r"|mom|dad|mother|father|wife|husband|daughter|son|parents?|family|caregiver)(?:'s\s+[\w-]+)?\s+(?:to|that)\b"
)
_REPORTED = Lowered(rf"(?i:{REPORTED_ADVICE})")
# ... or to be passed on to them, opening the clause: 'tell mom 7.5 mL of childrens motrin every 6 hrs', 'have him
# hold the lasix tomorrow', 'let ur husband know no lifting over 15 lbs' (not 'tell your doctor': anyone's clinician)
_RELAYED = Lowered(
    r"(?i:\W*(?:(?:ok|okay|so|pls|please|and|then)\s+)*(?:tell|let|remind|have|ask|make sure)\s+"
    r"(?:him|her|them|mom|dad|the (?:pt|patient|family|parents?|mom|dad)|pt|(?:ur|your) (?:husband|wife|son"
    r"|daughter|kid"
    r"|mom|dad|mother|father|partner|baby|boy|girl))\b(?:\s+know)?)"
)


@lru_cache(maxsize=4096)
def planned(text: str, start: int, end: int) -> bool:
    """The writer's plan for the reader with a treatment or test in it: advice without the classifier's say."""
    segment = text[start:end]
    told = _REPORTED.search(segment) or _RELAYED.match(segment)
    if told and (names_treatment(segment) or _SENT_NOW.search(segment)):
        return True  # 'advised pt to present to L&D immediately', 'tell mom 7.5 mL of childrens motrin every 6 hrs'
    plan = _PLAN_FOR_READER.search(segment)
    if plan is None or not names_treatment(segment):
        return False
    if plan.group("next") and (POPULATION.search(segment) or GENERAL_READER.search(segment)):
        return False  # 'For most people with high blood pressure, we'll start with a low-salt diet': the usual plan
    # ('Can I take ibuprofen with food? Yes, it's safe to take it with food.': the text's own question, for anyone)
    return not (plan.group("yes") and "?" in text[max(0, start - 300) : start])


# A command on the drug the reader already has, named with 'the' or 'your' ('take the sumatriptan fifty at the first
# sign', 'go up on the bupropion to three hundred', 'tell him to finish the whole bottle of amox'): a leaflet names a
# drug bare ('take ibuprofen with food') or by its class ('finish the antibiotics'); one reader's own drug is 'the X'.
_OWN_DRUG_ORDER = Lowered(
    r"(?i:\W*(?:(?:taper|plan|ok|okay|so|instructions|dose|dosing|for you|for him|for her)\s*:\s*)?"
    r"(?:(?:just|so|then|and|now|ok|okay|pls|please)\s+)*"
    r"(?:(?:tell|have|get|make) (?:him|her|them|your (?:husband|wife|son|daughter|kid|mom|dad|mother|father))"
    r" (?:to )?"
    # ... or what someone particular must do with it: 'she needs to come off the estrogen patch'
    r"|(?:he|she|they)(?:'d| would)? (?:should|must|needs? to|has to|have to|ought to|'s got to|has got to|can) )?"
    r"(?:take|stop|restart|resume|hold|cut|double|halve|finish|start|switch(?: from)?|go (?:up|down) on|bump(?: up)?"
    r"|increase|decrease|lower|raise|keep taking|skip|drop|taper|wean off|come off|get off|go back on|get back on"
    r"|chew|give (?:him|her|them))"
    # ... the drug by article or by count: 'chew one regular aspirin', 'give her half a benadryl'
    r"\s+(?:the|your|his|her|ur|(?:an?|one|two|half|half an?|\d+)(?:\s+(?:regular|baby|low-dose|extra|more))?)\s+"
    r"(?:(?:whole|rest of the|full) (?:bottle|course|box|pack) of (?:the )?)?"
    r"(?P<drug>[a-z][\w-]{2,}))"
)
# A stop said as a ban, after at most a name or a word of address: 'priya no more ibuprofen until ur kidney labs
# come back', 'ok no more naproxen for you'.
_NO_MORE = Lowered(r"(?i:\W*(?:[\w']+,?\s+){0,2}?no more\s+(?:(?:the|your|ur)\s+)?(?P<drug>[a-z][\w-]{2,}))")
# Specific drugs by name that no ending gives (the endings are lexicon.STEMMED_DRUG).
_NAMED_DRUGS = frozenset(
    """ibuprofen advil motrin tylenol acetaminophen naproxen aleve benadryl melatonin levothyroxine synthroid
    eliquis xarelto warfarin coumadin aspirin prednisone metformin lisinopril amlodipine atorvastatin lipitor
    losartan sertraline zoloft lexapro prozac ozempic wegovy semaglutide mounjaro adderall xanax gabapentin
    oxycodone lasix furosemide metoprolol amox amoxicillin augmentin keflex cephalexin azithromycin zpack cipro
    flonase zyrtec claritin sumatriptan imitrex bupropion wellbutrin estrogen estradiol progesterone tamoxifen
    plavix clopidogrel insulin lantus humalog jardiance farxiga trulicity victoza spironolactone hctz
    omeprazole prilosec pantoprazole protonix famotidine pepcid zofran ondansetron doxycycline bactrim
    nitrofurantoin macrobid valacyclovir valtrex acyclovir tamiflu albuterol symbicort advair singulair
    panadol paracetamol paracetamolu insuliny insulinę dawa dawai thuốc
    montelukast hydroxyzine trazodone ambien lithium lamictal lamotrigine keppra depakote topamax topiramate
    methotrexate humira allopurinol colchicine potassium iron""".split()
)


# What the reader's complaint comes from, told to them: 'the constipation is from the oxycodone', 'your cough is
# probably from the lisinopril'. (A drug must be the cause: 'the pain is from arthritis' is for the classifier.)
_CAUSE_TOLD = Lowered(
    r"(?i:\W*(?:(?:so|ok|okay|yeah|yep|honestly)[\s,]+)?(?:the|that|this|your|ur) (?:[\w'-]+ ){0,2}?[\w'-]+"
    r" (?:is|are|'s) (?:(?:probably|likely|almost certainly|definitely|most likely|prob) )?(?:from|due to|caused by"
    r"|a side effect of) (?P<cause>(?:the|your|ur|that) (?:new )?[\w-]+))"
)


@lru_cache(maxsize=4096)
def told_outright(text: str, start: int, end: int) -> bool:
    """A command on the reader's own drug by name, or a condition the reader is told they have ('your diagnosis is
    lupus', 'you have type 2 diabetes'): advice without the classifier's say."""
    if DX_STATED.match(text, start, end) and not GENERAL_READER.search(text, start, end):
        return True  # (not 'That's plantar fasciitis in most people who get heel pain')
    if result_told(text, start, end) and not GENERAL_READER.search(text, start, end):
        return True  # 'your ultrasound shows you have fatty liver disease'
    cause = _CAUSE_TOLD.match(text, start, end)
    if cause and names_treatment(cause.group("cause")) and not GENERAL_READER.search(text, start, end):
        return True  # 'The constipation is from the oxycodone - drink more fluids': the reader's complaint, explained
    if other_language_order(text, start, end, _named_drug):
        return True
    match = _OWN_DRUG_ORDER.match(text, start, end) or _run_on_order(text, start, end)
    if match is None and not GENERAL_READER.search(text, start, end):  # ('no more X for most people is a myth')
        match = _NO_MORE.match(text, start, end)
    if match is None:
        return False
    return _named_drug(match.group("drug").lower())


def _named_drug(word: str) -> bool:
    """A drug by a name on the list or by its stem (lower case)."""
    return word in _NAMED_DRUGS or STEMMED_DRUG.fullmatch(word) is not None


def _run_on_order(text: str, start: int, end: int) -> re.Match[str] | None:
    """The same command inside dictation that runs on with no stop ('anxiety meds take time increase the lexapro to
    twenty milligrams'): after a word that ends the thought before, not after a subject, a modal or a condition."""
    for verb in _RUN_ON_VERB.finditer(text, start, end):
        if _PUNCTUATION.search(text, start, verb.start()):
            return None  # the clause has its stops: the command would open its own clause
        if not _NOT_A_BOUNDARY.search(text, max(start, verb.start() - 16), verb.start()):
            return _OWN_DRUG_ORDER.match(text, verb.start(), end)
    return None


_RUN_ON_VERB = Lowered(
    r"(?i:(?<=\s)(?:increase|decrease|restart|resume|stop|hold|double|halve|cut|taper|take|switch(?: from)?"
    r"|go (?:up|down) on|bump(?: up)?)\s+(?:the|your|ur)\s)"
)
_PUNCTUATION = re.compile(r"[,.;:!?()]")
_NOT_A_BOUNDARY = Lowered(
    r"(?i:\b(?:if|when|whether|to|you|u|we|they|i|he|she|people|patients|folks|should|can|could|may|might|will"
    r"|would|don't|dont|not|never|and|or|usually|often|typically|sometimes|who|that|which|unless|before|after|until"
    r"|we'll|i'll|they'll|always|also|just)\s+$)"
)


# 'You' or a command alone, with no drug, dose or test we know, is usually the general reader: be surer.
ADVICE_THRESHOLD_YOU_ONLY = 0.9


# 'You' only in a general sense ('the boot stays on whenever ur walking', 'keep it up when you can'): the reader
# is spoken to, but the words alone don't say this reader; only a model all but certain of advice tells.
ADVICE_THRESHOLD_GENERIC_YOU = 0.98


# A command passed on to 'you' ('we'd suggest you stop the <drug no list knows>'): the classifier judges.
ADVICE_THRESHOLD_TOLD = 0.6


# 'That's X' opening a clause names what the reader described, or is small talk ('that's a great question'): only a
# classifier sure of a diagnosis tells them apart.
ADVICE_THRESHOLD_NAMED = 0.8



# An amount on a schedule with no one named or commanded ('rest, fluids and 2 X every 4 hours').
ADVICE_THRESHOLD_UNADDRESSED = 0.6


AMOUNT = Lowered(r"(?i:\b(?:\d+(?:\.\d+)?|one|two|three|four|five|ten|fifteen|twenty|half|a couple)\b)")


# Advice is aimed at someone: 'you', an imperative opening a clause, a dose, a drug, or 'I'll / we'll'.
_ADDRESSED = re.compile(
    r"(?i:(?:^|[.;:,!?-]\s*|\b(?:and|then|just|so|pls|please|now|also|por favor|bitte|per favore|s'il vous plaît)\s+)"
    # a command may be negated in the other languages ('não tome mais', 'non prenda', 'ne prenez pas')
    r"(?:(?:no|não|nao|non|ne|n')\s*)?(?:stop|start|restart|resume|take|cut|hold"
    r"|skip|double|halve|increase|decrease|reduce|go|put|give|use|try|switch|bump|drop|quit|keep|continue|apply|wean"
    r"|come|get|book|ice|rest|split|crush|chew|swallow|taper|finish|rub|spray|inject|lower|raise|add|change"
    r"|tome|tómese|deje|suspenda|aumente|dele|use|vaya|no tome|siga|empiece|póngase|pongase|evite|llame"
    rf"|{'|'.join(sorted(FOREIGN_COMMANDS, key=len, reverse=True))})\b"
    # German's polite command: a verb and 'Sie' ('Nehmen Sie ab morgen nur die halbe Tablette').
    r"|(?-i:(?:^|(?<=[.;:!?]\s))[A-ZÄÖÜ][a-zäöüß]+en Sie)\b"
    r"|\b(?:I'll|I will|we'll|we will|let's(?! (?:say|imagine|suppose|talk|look|call|name|pretend))"
    r"|(?:I'd|I would|we'd|we would)(?! (?:love|like|rather|prefer|say|think|guess|imagine|argue|add|note|agree"
    r"|bet|be (?:happy|glad|curious|interested))\b)"
    r"|I recommend|I'm going to|we're going to"
    r"|(?:I'm|we're|I am|we are) (?:upping|increasing|raising|lowering|decreasing|cutting|stopping|starting"
    r"|switching|changing|adding|bumping|holding|restarting|putting you|taking you)"
    r"|I'm gonna|we're gonna|le recomiendo|les recomiendo)\b"
    r"|\d\s*(?:mg|mcg|milligrams?|ml|units|puffs|tabs?|tablets?|pills?)\b)"
)



# A piece of content being made for the public: what it should say is editing, not advice.
_CONTENT = Lowered(
    r"(?i:(?<!wait )(?<!waiting )\b(?:for|in|on|into) (?:the|our|this|that|a|my|next|tomorrow's|sunday's)"
    r" (?:[\w'-]+ ){0,3}(?:video|blog|post"
    r"|reel|handout|article|newsletter|explainer|faq|slides?|caption|draft|podcast|episode|webinar|lecture|flyer"
    r"|brochure|infographic|thread|tiktok|script|segment|column|op-ed)\b)"
)


# The reader, or the one reader called by a polite address ('Sir, with 190 over 110 ...', 'Signora, smetta ...').
_SECOND_PERSON = Lowered(
    r"(?i:\b(?:you|your|yours|you're|you'll|you've|ur|usted|você|vous|votre|vos)\b"
    r"|\b(?:sir|ma'am|madam|señora|señor|signora|signore|madame|monsieur|senhora|senhor)(?=\s*,))"
)


_YOU_WORD = re.compile(
    r"(?i:\b(?:you|your|yours|you're|you'll|you've|(?<!\d )u|ur|usted|su|tu|sus|tus|você|voce|vc|seu|sua|vous|votre|vos"
    r"|du|deine[mnrs]?"
    # (a Vietnamese kinship word before a capitalised name is that person's title: 'Chị Trần Thị Mai hỏi ...')
    r"|aap|aapko|aapka|tuo|tua|dein|deine|deinen|dir|dich|bạn|(?:chị|bác)(?!\s+(?-i:[A-ZĐ]))|mo|ka|ninyo|niyo|kayo"
    r"|mong|kang|ikaw|tum|tumhe|tumhara|aapke|3andak|3andek|enta|enti|masz|musisz|o senhor|a senhora)\b"
    r"|\b(?:I'll|we'll|let's)\b"
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
    tome tómese tomese use aplique ponga dele empiece siga toma tómate usa aplica
    prenez prends appliquez applique utilisez utilise mettez
    prenda prendi applichi applica usi metta metti
    tomar passe
    nehmen nimm verwenden verwende wenden tragen trage""".split()
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
_INLINE_CHART_SECTION = Lowered(
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
_YOUR_FINDING = Lowered(r"(?i:\byour [a-z0-9]+(?: [a-z0-9]+)? (?:is|are|was|were|looks|came back|shows)\b)")


# A heading that names its reader ('Dx for you:', 'Plan for you -', 'Your plan:'): the lines under it speak to that
# reader, even in chart shorthand ('Dx for you: strep throat. Amoxicillin 500 mg twice daily for 10 days').
_READER_LABEL = re.compile(
    r"(?im:^[^\S\n]*(?:[\w/&' ]{0,30}?\s)?(?:for you|your (?:plan|instructions|results|labs|meds|medications|dx"
    r"|diagnosis)"
    # 'for your daughter's diarrhea:' names the one it is for as well
    r"|for your (?:son|daughter|child|kid|baby|boy|girl|toddler|teen|mom|mother|dad|father|husband|wife|partner"
    r"|grandma|grandpa|grandmother|grandfather)(?:'s|’s)?)\b[^:\n]{0,30}[:\-–—])"
)

# A sentence that opens by singling out one person who wrote in ('to the dad who messaged about ...', 'btw the guy
# who DMed the pic', 're the question about the kid's rash', 'al joven del mensaje privado'): what follows is
# for that person, as after 'Reply to u/x:'.
_ADDRESSEE = Lowered(
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


# A text that says it is a post or an answer for everyone ('thats it thats the post', "that's my whole answer", 'PSA:',
# 'for the bot:'): its commands are the post's message to any reader, unless a sentence turns to one.
_BROADCAST = Lowered(
    r"(?i:\b(?:that'?s it,? that'?s the post|that'?s the (?:whole )?post|that'?s (?:my|the) (?:whole |entire |only )?"
    r"(?:answer|take|psa|tip|message)|that is all|psa\s*(?::|!|—|for\b)|public service announcement"
    r"|for the (?:bot|post|newsletter|feed|socials)\b"
    r"|hot take|unpopular opinion|friendly reminder|reminder to (?:everyone|all|y'?all)))"
)


# What the reader sent or described, looked at before the answer: 'I looked at the photo of your mole', 'you say it's
# grown', 'what you describe ... is plantar fasciitis'. A command after it is for that reader's case.
_READERS_CASE = Lowered(
    r"(?i:\b(?:looked at|seen|saw|from|based on|thanks for|thank you for) (?:the|your|ur) (?:photo|pic|picture|image"
    r"|description|history|detailed history|symptoms|message|labs?|results?)\b"
    r"|\bwhat (?:you|u)(?:'re| are)? (?:describe|described|describing)\b"
    r"|\b(?:you|u) (?:say|said|describe|described|mention|mentioned|wrote|sent)\b)"
)


class _TextCues(NamedTuple):
    """Where cues that reach across a whole text first occur (math.inf when they never do)."""

    reader_label: float  # end of the first heading that names its reader
    chart_section: float  # end of the first 'Plan:' / 'Recommendations:' heading at a line's start
    addressee: float  # start of the first sentence that singles out one person who wrote in
    inline_label: float  # start of the first 'Plan:' after a full stop
    second_person: float  # start of the first 'you' or 'your'
    lab_note: bool  # two or more lab values in chart shorthand
    your_finding: float  # end of the first 'your X is ...' not after 'if' or 'when'
    broadcast: bool  # the text calls itself a post or an answer for everyone
    readers_case: float  # start of the first mention of what the reader sent or described


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
        _BROADCAST.search(text) is not None,
        case.start() if (case := _READERS_CASE.search(text)) else math.inf,
    )


# A change to a drug or dose permitted or asked of the reader in another language ('Pode reduzir a losartana para
# 25 mg', 'Vous pouvez arrêter le Doliprane', 'Sie sollten das Ramipril absetzen'): where the sentence model has
# seen little of a language, the shape says it. A leaflet's 'vous pouvez prendre' (take) is no change.
_CARE_NOW = Lowered(r"(?i:\b(?:pronto soccorso|urgencias|urgences|notaufnahme|emergência|pronto-socorro|er\b|911"
                       r"|dose|dosis|dosi))")
_PERMITTED_CHANGE = Lowered(
    r"(?i:\b(?:pode|podes|deve|devia|puede|puedes|debe|debes|deberías?|pouvez|devez|peux|dois|können|sollten|müssen"
    r"|kannst|solltest|musst|può|puoi|deve|dovrebbe|devi|tem que|tem q|tens de|tienes que|tiene que"
    # German's third person only for the reader's own ('Ihr Vater sollte das Metformin absetzen')
    r"|(?:Ihr|Ihre|dein|deine)\s+\w+\s+(?:sollte|muss|kann))\s+(?:\w+\s+){0,4}?"
    r"(?:arrêter|arreter|réduire|reduire|diminuer"
    r"|augmenter|suspendre|suspender|dejar|reducir|bajar|aumentar|subir|parar|reduzir|diminuir|suspender|absetzen"
    r"|reduzieren|erhöhen|erhoehen|halbieren|verdoppeln|sospendere|ridurre|aumentare|interrompere|smettere)\b)"
)


# One reader called politely, then a command in another language ('Signora, smetta il warfarin', 'Señora, suspenda
# la aspirina'): where the sentence model has seen little of the language, the address and the command say it.
_POLITE_COMMAND = Lowered(
    r"(?i:^\W*(?:sir|ma'am|madam|señora|señor|signora|signore|madame|monsieur|senhora|senhor|frau \w+|herr \w+)"
    rf"\s*,\s*(?:(?:per favore|por favor|s'il vous plaît|bitte)\s*,?\s*)?(?:{'|'.join(FOREIGN_COMMANDS)}"
    r"|raddoppi|dimezzi|vada|vaya|vá|allez|gehen sie)\b)"
)


# Asked for each clause by the sentence driver and again by `addressed`: answered once.
@lru_cache(maxsize=256)
def permitted_change(text: str, start: int, end: int) -> bool:
    segment = text[start:end]
    if _FOREIGN_ORDER_WORDS.isdisjoint(_LETTERS.findall(segment.lower())):
        return False
    if _POLITE_COMMAND.match(segment) and (names_treatment(segment) or _CARE_NOW.search(segment)):
        return True
    go = _MUST_GO.search(segment)
    if go and _CARE_NOW.search(segment) and not _IF_BEFORE.search(segment, max(0, go.start() - 16), go.start()):
        return True  # 'Vc tem que ir na emergência agora', 'Tuo padre deve andare al pronto soccorso adesso'
    now = _GO_NOW.search(segment)
    if now and _NOW_WORD.search(segment) and not _CONDITION_WORD.search(segment, 0, now.start()):
        return True  # 'geh heute noch zum hausarzt', 'cái nốt ruồi đó, đi khám da liễu liền đi em'
    change = _PERMITTED_CHANGE.search(segment)
    return (
        change is not None
        # 'Si tienes que dejar de tomar un medicamento', 'Nadie tiene que suspender ...': a condition, or no one
        and not _IF_BEFORE.search(segment, max(0, change.start() - 16), change.start())
        and not _NO_ONE_BEFORE.search(segment, max(0, change.start() - 12), change.start())
        and (names_treatment(segment) or _BRAND_AFTER_STOP.search(segment) is not None)
        and not population_dose(text, (start, end))
        and not POPULATION.search(segment)  # 'a maioria das pessoas com diabetes pode reduzir o risco
    )


# Told to go, in the other languages: a modal for one reader, then a verb of going a few words on.
# (a modal of the second person, or one after 'você', 'usted' or someone the reader cares for: 'Chi ha dolore al
# petto deve andare' and 'Todo paciente ... deve ir' are for anyone)
_MUST_GO = Lowered(
    r"(?i:(?:\b(?:debes|deberías|tienes que|tens de|devi|dovresti|dois|devrais|musst|solltest|müssen Sie|sollten Sie)"
    r"|\b(?:você|voce|vc|usted|lei|o senhor|a senhora|(?:tu[oa]|su[oa]?|seu|sua|votre|ton|ta|dein\w*|Ihr\w*)"
    r" [\w-]+)\s+(?:deve|debe|tem que|tem q|tiene que|doit|muss|sollte))"
    r"\s+(?:\w+\s+){0,3}?(?:ir|andare|aller|gehen|venir|vir|correr)\b)"
)
# Told familiarly to go for care, as the clause opens or after its topic: a command in the second person singular
# ('geh', 've', 'vai', 'va', 'đi'), a place of care, and (`_NOW_WORD`) a time that makes it this reader's plan.
_GO_NOW = Lowered(
    r"(?i:(?:^\W*|,\s*)(?:[\w']+[\s,]+){0,2}?(?:geh|geht|ve|vete|vai|va|vá|allez|andate|vada|vaya|đi|pumunta|punta"
    r"|magpunta)\b"
    r"[^.;!?]{0,40}?(?:\w*arzt\b|\w*ärztin\b|notaufnahme|médico|doctor|urgencias|emergência|pronto-socorro"
    r"|urgences|médecin|pronto soccorso|khám|cấp cứu|bệnh viện|bác sĩ|emergency|ospital|er\b))"
)
_NOW_WORD = Lowered(
    r"(?i:\b(?:heute|jetzt|sofort|hoy|ahora|hoje|agora|aujourd'hui|maintenant|tout de suite|oggi|subito|adesso"
    r"|liền|ngay|hôm nay|tối nay|ngayon|agad|kaagad)\b)"
)
_CONDITION_WORD = Lowered(r"(?i:\b(?:if|si|se|wenn|falls|quand|cuando|quando|nếu|kung|sobald)\b)")
_NO_ONE_BEFORE = Lowered(r"(?i:\b(?:nadie|ninguém|ninguem|niemand|nessuno|personne|no one|nobody)\s+$)")
_IF_BEFORE = Lowered(r"(?i:\b(?:si|se|if|wenn|falls|quand|cuando|quando|caso)\s+(?:\w+\s+)?$)")


# Every shape permitted_change reads needs a verb of another language: a change's infinitive, a command, or a verb
# of going. A clause with none of them is not read by its patterns (most clauses are English).
_FOREIGN_ORDER_WORDS = frozenset(
    re.findall(
        r"[^\W\d_]+",
        (_PERMITTED_CHANGE.pattern.rsplit("(?:arrêter", 1)[1] + " " + " ".join(FOREIGN_COMMANDS)
         + " arrêter raddoppi dimezzi vada vaya vá allez gehen ir andare aller venir vir correr"
         + _GO_NOW.pattern.split(r")\b", 1)[0]).lower(),
    )
) - {"e", "s", "i", "w"}
_LETTERS = re.compile(r"[^\W\d_]+")


# A capitalised word right after a stopping verb and its article: a brand no list knows ('arrêter le Doliprane').
_BRAND_AFTER_STOP = re.compile(
    r"(?i:arrêter|arreter|suspender|absetzen|sospendere|parar|dejar)\s+(?:(?i:le|la|el|o|a|das|den|il|lo)\s+)?[A-Z]"
)


@lru_cache(maxsize=256)
def labelled_order(text: str, start: int, end: int) -> bool:
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


def addressed(
    text: str,
    start: int,
    end: int,
    sentence: tuple[int, int] | None = None,
    gazetteer: Gazetteer | None = None,
    beside_diagnosis: bool = False,
) -> float:
    """How sure the advice must be: lower for a treatment or diagnosis aimed at the reader, 2 if not aimed.

    Aimed at the reader: 'you', a first-person plan, or a clause that opens as a command (by its
    shape, learned.commands, not by a verb list). A treatment: a drug, dose, schedule, test or diagnosis.
    `beside_diagnosis`: a diagnosis is told to the reader a clause or two away ('from the photo that's impetigo on
    her chin. mupirocin 3x a day x 5 days'), so an order in chart shorthand is that reader's, as after 'your X is'.
    """
    segment = text[start:end]
    particular = memo(lambda: PARTICULAR.search(segment) is not None)  # (asked up to five times below)
    if IT_IS.match(segment) and WHAT_IS_BEFORE.search(text, max(0, start - 120), start):
        return 2.0  # 'What's a DEXA scan? It's a low-dose x-ray ...': a definition, for anyone who asks
    if _ASKED_OF_ALL_BEFORE.search(text, max(0, start - 300), start) and not ONE_READER.search(segment):
        return 2.0  # 'Most common question: can I take it with coffee? Yes, ...': the answer to everyone who asks
    cues = _text_cues(text)  # once per text: a scan per clause would be quadratic in clauses
    if (
        labelled_order(text, start, end)
        or permitted_change(text, start, end)
        or planned(text, start, end)
        or told_outright(text, start, end)
    ):
        return 0.0  # 'Dx for you: strep throat. Amoxicillin 500 mg twice daily': an order written to its reader
    if cues.reader_label <= start + 1 or cues.addressee <= start:
        strong = names_treatment(segment) or SCHEDULE.search(segment)
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
    told_finding = cues.your_finding <= start or beside_diagnosis
    chart = listed_order and not _YOU_WORD.search(segment) and not told_finding
    if listed_order and told_finding:
        return ADVICE_THRESHOLD
    # A command in chart shorthand in a text that speaks to its reader ('Reviewed your peak flows. Go up to 2 puffs
    # q4h of the albuterol x 48h') is that reader's order; in a note that speaks to no one, the chart's.
    spoken_to = cues.second_person != math.inf and commands(segment)
    third = _FOR_ONE_PATIENT.search(segment) is not None and commands(segment)
    if chart and not spoken_to and not (opener and opener.group(1).lower() in _SIG_VERBS) and not third:
        return 2.0  # an order or MAR line in chart shorthand ('Keppra 500 mg BID', 'Zofran 4 mg IV given')
    strong = (
        names_treatment(segment)
        or SCHEDULE.search(segment) is not None
        or (gazetteer is not None and unknown_object(segment, gazetteer))
        # (not after a headline's question: 'Stroke signs? Get to the ER now.')
        or (_SENT_NOW.search(segment) is not None and not text[:start].rstrip().endswith("?"))
        or _NEEDS_CARE_NOW_RE.search(segment) is not None
    )
    reader = any_reader(text, sentence or (start, end), start, end)
    if _SELF_SELECTED.match(segment):
        return 2.0  # 'if that sounds like you, ask for a low-dose CT': the readers who fit the rule just given
    if (reader == "frame" or GROUP_ADDRESS.match(text, (sentence or (start, end))[0])) and not (
        # ... unless the command is about one person's own treatment: 'double his zyrtec to 10 mg during pollen
        # season' (a season, an age or a group in it is when, not for whom)
        strong and _THIRD_PERSONS.search(segment) and commands(segment)
    ):
        return 2.0  # 'for most people ...', 'the best thing you can do ...', 'I tell everyone ...': any reader
    if (
        cues.broadcast
        and cues.your_finding == math.inf
        and not ONE_READER.search(text, *(sentence or (start, end)))
        and not _THIRD_PERSONS.search(segment)
    ):
        return 2.0  # 'stop putting q-tips in ur ears!!! ... thats it thats the post': the post's word to all
    matches = [(m.group(0).lower(), _generic_you(segment, m.start(), m.end())) for m in _YOU_WORD.finditer(segment)]
    commanded = commands(segment)
    if (not commanded or leaflet_line(text, sentence or (start, end))) and population_dose(
        text, sentence or (start, end)
    ):
        return 2.0  # 'a typical adult dose is 400 mg every 6 hours', 'most adults take 81 mg': no one addressed
    if (
        (_CONDITION_THEN_CARE.match(segment) or _CARE_IF_CONDITION.match(segment))
        and not ONE_READER.search(segment)
        and not _DRUG_WORD.search(segment)
        and not _RECURRENCE.search(segment)
    ):
        return 2.0  # 'If you have chest pain, go to the ER', 'Se você sentir falta de ar, procure o pronto-socorro'
    if (
        not ONE_READER.search(segment)
        and not _DRUG_WORD.search(segment)
        and _NOT_WAITING.search(segment)
        and _after_safety_net(text, (sentence or (start, end))[0])
    ):
        return 2.0  # '... llame al 911. No espere a ver si se le pasa': the same safety net, said on
    subject = _TREATMENT_SAYS.match(segment)
    if (
        subject
        and not commanded
        and not particular()
        and not ONE_READER.search(segment)
        and not TURN_TO_ONE.search(segment)
        and _DRUG_WORD.fullmatch(subject.group(1).rsplit(None, 1)[-1]) is not None
    ):
        return 2.0  # 'metformin does NOT wreck ur kidneys', 'statins can raise your sugar a bit': what a drug does
    tells = strong and (particular() or _ADDRESSED.search(segment))
    if reader == "cheer" and not commanded and not tells:
        # 'you've got this', 'trust me, you'll feel better once you start moving', 'hang in there, the first
        # week on insulin is the hardest': it expects; a command, 'you should' or a plan still tells.
        return 2.0
    # Once a clause speaks of 'you' as anyone ('because you can't tell by looking'), a plain
    # 'you need the tissue' goes on in that sense; 'you should', 'you can take', 'your rash' do not.
    # (only a 'you' after the general one is carried: 'you need an echo before you drive' is still for the reader)
    keeps_general = not commanded and not particular()
    you = any(
        not generic and (word in _POSSESSIVE or not (keeps_general and any(g for _, g in matches[:i])))
        for i, (word, generic) in enumerate(matches)
    )
    if commanded and not strong and matches and all(generic for _, generic in matches):
        # 'drink plenty of fluids and rest when you have the flu': anyone who fits the condition; only a model all but
        # certain tells this reader's plan ('keep the boot on whenever you're walking for the next four weeks')
        return ADVICE_THRESHOLD_GENERIC_YOU
    if _content(text, sentence or (start, end)) and not _SECOND_PERSON.search(segment):
        return 2.0  # 'for the insulin video, I'd show the pen technique': writing for the public
    if third:
        return ADVICE_THRESHOLD  # 'start her on 2L nc and get a cxr', 'd/c tele on him': an order for one patient
    if strong and (you or commanded or _ADDRESSED.search(segment) or particular()
                   or _relative_told(text, start, segment)):
        return ADVICE_THRESHOLD
    if commanded == "told":
        return ADVICE_THRESHOLD_TOLD  # 'we'd suggest you stop the <a drug no list knows>'
    if _THEIR_SAFETY_NET.match(segment):
        return ADVICE_THRESHOLD_TOLD  # 'If his fever hits 104 again or he stops peeing, bring him straight back in'
    if DX_OPENING.match(segment) or YOU_HAVE.match(segment):
        return ADVICE_THRESHOLD_TOLD  # 'definitely sounds like pinworms', 'You have croup.', 'your son has RSV'
    if DX_NAMED.match(segment):
        return ADVICE_THRESHOLD_NAMED  # 'yep that's pink eye', 'That's almost certainly a bruised rib'
    if commanded and (_TAILORED.search(segment) or cues.readers_case < start):
        return ADVICE_THRESHOLD_TOLD  # 'maybe try cutting the coffee given your palpitations': tailored to this reader
    if you or commanded or particular():
        return ADVICE_THRESHOLD_YOU_ONLY  # (or what the reader described: 'that mole needs to come off')
    if AMOUNT.search(segment) and SCHEDULE.search(segment):
        return ADVICE_THRESHOLD_UNADDRESSED
    if matches:
        return ADVICE_THRESHOLD_GENERIC_YOU
    return 2.0


# A command's reason that is this reader's own: 'given your palpitations', 'in your case'.
_TAILORED = Lowered(
    r"(?i:\b(?:given|since|because of|considering) (?:your|ur)\b|\bin (?:your|ur) case\b"
    # ... or a time, after a change to what the reader takes: 'stop it and call whoever prescribed it today'
    r"|\b(?:stop|start|take|skip|hold|double|halve|cut|increase|decrease)\b.{0,60}\b(?:tonight|today|tomorrow"
    r"|this (?:morning|afternoon|evening))\b)"
)


# A question the writer says everyone asks, just before: what follows answers all of them.
_ASKED_OF_ALL_BEFORE = Lowered(
    r"(?i:\b(?:most (?:common|asked|frequent)|top|#1|number one|no\. 1|frequently asked|faq|question i get"
    r"|questions? i hear|(?:people|patients|parents|moms|everyone|folks|families) (?:always |often )?ask)\b"
    r"[^?]{0,200}\?[\s\W]*$"
    # ... or the question's topic after a colon: 'most common q in peds: fever. 100.4+ in a baby = ER'
    r"|\b(?:most (?:common|asked|frequent)|top|#1|number one) (?:q|qs|question|questions)\b[^.?!:]{0,30}:"
    r"[^.?!]{1,60}[.!][\s\W]*$)"
)


# A condition the reader checks against a rule just stated: 'if that sounds like you', 'if this describes you'.
_SELF_SELECTED = re.compile(
    r"(?i:\W*(?:so |and |but )?(?:if|when) (?:any of )?(?:that|this|these|those|the above"
    r"|all (?:of )?(?:that|this|three)) (?:sounds? like|describes?|fits?|is|are|applies? to) (?:you|u)\b)"
)


# One person's own, by a possessive that is never everyone's ('his zyrtec', 'her inhaler'): leaflets say 'your child'.
# (the command's own verb governs it: 'double his zyrtec', not 'picture a patient ... who skips her statin')
_THIRD_PERSONS = re.compile(
    r"(?i:\b(?:double|halve|increase|decrease|bump|cut|stop|start|hold|restart|resume|give|wean|taper|lower|raise"
    r"|switch|skip|continue|up|drop|change|keep)\s+(?:(?:him|her)\s+)?(?:up\s+|down\s+|back\s+)?(?:his|her)\s+[\w-]+)"
)


# A command about one patient, by a pronoun: 'start her on 2L', 'd/c tele on him', 'check a lipase on him', 'tell him
# nothing by mouth', 'pred 40 x 5 days for him': a clinician's order for that one person.
_FOR_ONE_PATIENT = re.compile(
    r"(?i:\b(?:on|for) (?:him|her)\b(?! (?:own|way|part|sake)\b)|^\W*(?:\w+\W+){0,2}?(?:start|put|give|get|tell"
    r"|keep|make sure|let|send|take|bring|check|watch|hold|wean|bolus|titrate|d/?c|dc)\s+(?:him|her)\b"
    r"|\b(?:d/?c|dc|pull|remove|hold|stop|start|restart|resume|continue|up|bump|double|halve|wean|taper) (?:his|her) )"
)


# Someone sent to emergency care now ('head to urgent care this afternoon', 'get him to the ER tonight', 'vaya al
# hospital ahora'): as much this reader's plan as a drug is; a safety net for anyone names a condition, not a time.
_SENT_NOW = Lowered(
    r"(?i:\b(?:go|head|get|come|run|present|report|(?:take|bring|get) (?:him|her|them|(?:your|ur) [\w-]+)|vaya"
    r"|acuda|ve|vá|allez|gehen Sie"
    r"|llévelo|llévela|lleve a su \w+)\b[^.;!?]{0,40}?\b(?:ER|ED|E\.R\.|emergency|urgent care|hospital|urgencias"
    r"|emergencias|pronto-socorro|urgences|Notaufnahme|labor and delivery|L&D)\b[^.;!?]{0,30}?"
    r"\b(?:now|right now|right away|today|tonight|this (?:afternoon|morning|evening)|asap|immediately|ahora|hoy"
    r"|esta noche|agora|hoje|maintenant|tout de suite|ce soir|aujourd'hui|sofort|jetzt|heute)\b)"
)


# A safety net for one person the reader cares for, by pronoun, condition first ('If his fever hits 104 again or he
# stops peeing, bring him straight back in'); for anyone it says 'your child' and 'them'.
_THEIR_SAFETY_NET = Lowered(
    r"(?i:\W*(?:if|when|once)\b[^,;.!?]{0,60}?\b(?:his|he|he's|she|she's)\b[^,;.!?]{0,60}?,?\s*"
    r"(?:(?:just|please|then)\s+)?(?:bring|take|get|rush|call|have) (?:him|her)\b)"
)


# Where anyone gets care, in the languages the screen reads.
_CARE_PLACE = (
    r"ER|E\.R\.|emergency(?: room| department)?|urgent care|911|999|112|988|doctor|physician|office|us|pediatrician"
    r"|urgencias|emergencias|sala de emergencias|hospital|médico|pronto-socorro|urgences|médecin|Notaufnahme|Notarzt"
    r"|Arzt|pronto soccorso|medico|cấp cứu|bác sĩ|doktor"
)


# A condition, then only where to get care: what anyone with that condition should do, in any language the screen
# reads. (A drug, a dose or 'tonight' in the clause makes it this reader's plan again.)
_CONDITION_THEN_CARE = Lowered(
    r"(?i:\W*(?:(?:if|when|whenever|si|se|cuando|quando|wenn|falls|quand|lorsque|nếu|kung)\b[^,;.!?]{3,80}?,?\s*"
    # ... or the condition named before a colon: 'Le pire mal de tête de votre vie, d'un coup : c'est une urgence,
    # composez le 911', 'Worst headache of your life: call 911'
    r"|[^;.!?:]{3,80}?\s*[:–—]\s*(?:(?:c'est|that's|this is|es|é|das ist) (?:une|an|una|uma|ein) (?:urgence|emergency"
    r"|emergencia|emergência|Notfall),?\s*)?)"
    r"(?:(?:please|por favor|bitte|s'il vous plaît|per favore|hãy)\s+)?(?:then\s+)?"
    r"(?:go (?:straight |right )?(?:to|in to)|head (?:straight )?to|get (?:yourself )?to|come (?:in )?to|call|dial"
    r"|composez(?: le)?|marque|see"
    r"|contact|vaya a|acuda a|llame al?|ve a|procure|vá (?:ao|à|para)|ligue para|gehen Sie (?:in|zur|zum)|rufen Sie"
    r"|allez (?:aux?|à)|appelez|vai al|vada al|chiami|đi|gọi|pumunta sa|tumawag sa)\s+"
    r"(?:(?:the|a|an|your|our|la|el|al|las|los|o|a|die|den|le|les|l'|aux|il|lo|sa|ang|một|bác sĩ)\s*)?"
    rf"(?:(?:nearest|closest)\s+)?(?:{_CARE_PLACE})\b[^,;.!?]{{0,40}}\W*$)"
)


# The reader's own episode coming back ('if the weakness in your arm comes back, call 911'): a safety net for this
# reader, not for anyone with the condition.
_RECURRENCE = Lowered(
    r"(?i:\b(?:your|ur)\b[^,;.!?]{0,40}?\b(?:comes back|come back|happens again|returns|recurs|starts again"
    r"|gets worse again|flares again)\b)"
)


# What a safety net goes on to say: don't wait, don't drive yourself ('No espere a ver si se le pasa ni maneje usted
# mismo al hospital', 'Don't wait it out, and don't drive yourself').
_NOT_WAITING = Lowered(
    r"(?i:\b(?:don't|do not|never|no|ne|nicht|não|nao|non)\b[^.;!?]{0,20}?\b(?:wait|drive|espere|maneje|conduzca"
    r"|attendez|conduisez|warten|fahren|dirija|aspetti|guidi)\b)"
)


def _after_safety_net(text: str, start: int) -> bool:
    """The sentence before `start` sends anyone with a condition to care ('Si tiene dolor de pecho, llame al 911.')."""
    before = _LAST_SENTENCE.search(text, max(0, start - 200), start)
    if before is None:
        return False
    piece = before.group(1)
    return bool(
        (_CONDITION_THEN_CARE.match(piece) or _CARE_IF_CONDITION.match(piece)) and not ONE_READER.search(piece)
    )


_LAST_SENTENCE = re.compile(r"([^.!?]+[.!?])\s*$")


# ... or where to get care first, then the condition: 'go to the ER if ur face droops, arm is weak or speech is off'.
_CARE_IF_CONDITION = Lowered(
    r"(?i:\W*(?:(?:please|always|just)\s+)?(?:go (?:straight |right )?to|head (?:straight )?to|get (?:yourself )?to"
    rf"|call)\s+(?:the |your |our )?(?:nearest |closest )?(?:{_CARE_PLACE})\b,?\s+"
    r"(?:(?:right away|immediately|asap|now|right now|straight away)\s+)?"
    # (not the reader's pain as it is: 'go to the er now if ur chest still hurts')
    r"(?:if|when|whenever|anytime)\b(?![^,;.!?]{0,40}\bstill\b))"
)


# A clause whose subject is a treatment and whose verb says what it does: a fact about the drug, whoever's body
# 'your' names in it.
_TREATMENT_SAYS = re.compile(
    r"(?i:\W*((?!(?:your|ur|yr|his|her|their|my|our)\b)(?:the |a |most |many |some )?[\w-]+(?: [\w-]+)?)\s+"
    r"(?:does(?:n't|n’t| not)?|doesnt|do(?:n't|n’t| not)"
    r"|can(?:'t|’t|not| not)?|cant|won't|won’t|wont|will(?: not)?|may|might|could|usually|often|rarely|never"
    r"|(?-i:[a-z]{3,}(?<!s)s))\b(?! (?:you|u|ur)\b))"
)


_DRUG_WORD = re.compile(rf"(?i:\b(?:{_MEDS})\b)")




def _relative_told(text: str, start: int, segment: str) -> bool:
    """'Your husband's snoring sounds like apnea; he should get a sleep study': what someone the reader cares for,
    named earlier in the text (not in a condition), should do."""
    if not _THIRD_TOLD.search(segment):
        return False
    relative = _YOUR_RELATIVE.search(text, 0, start)
    return relative is not None and not _GENERIC_BEFORE.search(text, max(0, relative.start() - 12), relative.start())


_THIRD_TOLD = Lowered(r"(?i:\b(?:he|she)(?:'d| would)? (?:should|must|needs to|has to|ought to|'s got to)\b)")
_YOUR_RELATIVE = Lowered(
    r"(?i:\byour (?:husband|wife|partner|son|daughter|kid|child|baby|toddler|teen|mom|mother|dad|father|grandma"
    r"|grandpa|grandmother|grandfather|brother|sister)\b)"
)


# 'You' as anyone: after 'if / when / say', or before 'may / might / can't / usually' ('if you smoke',
# 'you can't tell by looking'). Advice says 'you should', 'you can take', 'your dose', or commands.
_GENERIC_BEFORE = Lowered(
    r"(?i:\b(?:if|when|whenever|once|unless|until|before|after|say|because|as|whether"
    # the same in the other languages: 'si usted tiene', 'se você sentir', 'wenn Sie', 'quand vous'
    r"|si|se|cuando|quando|caso|wenn|falls|sobald|quand|lorsque|dès que)\s+$)"
)


_WHETHER_BEFORE = Lowered(r"(?i:\b(?:see|check|notice|watch|find out|tell me|let me know) (?:if|whether)\s+$)")


_GENERIC_AFTER = Lowered(
    r"(?i:\s+(?:can't|cannot|may|might|won't|wouldn't|probably|usually|often|typically|tend|generally|sometimes"
    r"|(?:should |would |'d )?never|shouldn't ever|don't (?:ever )?need to)\b"
    # 'you'll probably feel sore' expects; 'you'll probably want to hold the X' still tells.
    r"|(?:'ll|'d|’ll)\s+(?:probably|usually|often|typically|likely)\b(?!\s+(?:want|need|have|wanna|gotta)\b)"
    # what anyone has heard or may choose: 'you have probably heard that ...', 'you have several choices for ...'
    r"|\s+(?:have|'ve|’ve)\s+(?:(?:probably|likely|all|often|maybe|ever|never)\s+)?(?:heard|seen|read|noticed|wondered"
    r"|been told)\b"
    r"|\s+have\s+(?:several|many|a few|a lot of|lots of|plenty of|more|other|two|three|four|good|different)"
    r"\s+(?:choices|options|ways)\b)"
)


_POSSESSIVE = frozenset({"your", "ur", "su", "tu"})
# The words for 'you' that may mean anyone (not a possessive: 'si su hijo' is still someone's child).
_GENERIC_CAPABLE = frozenset(
    "you you're you've you'll your u ur usted tu você voce vous sie du lei".split()
)


# A visit, a test or a shot today, for someone the reader cares for or for what the reader described: 'he needs the
# tdap today', 'a rash ... after your son's strep throat needs a doctor today', 'ur 3 day old ... needs a bili check
# today'. As much this reader's plan as a drug is.
_NEEDS_CARE_NOW = (
    r"(?:\b(?:he|she|they)|\b(?:your|ur)\b[^.;!?]{0,80}?) (?:needs?|need) (?:a |an |the |to see a |to be seen by a )?"
    r"(?:[\w-]+ ){0,2}?(?:doctor|dr|check|test|visit|x-?ray|ct|mri|scan|ultrasound|shot|tdap|antibiotics?|stitches"
    r"|culture|level)\b[^.;!?]{0,30}?\b(?:today|tonight|now|right away|this (?:morning|afternoon|evening)|asap"
    r"|stat)\b"
)
_NEEDS_CARE_NOW_RE = Lowered(rf"(?i:{_NEEDS_CARE_NOW})")
PARTICULAR = Lowered(
    # the same told in the other languages ('tienes que ir', 'vc tem q tomar', 'du solltest', 'devi prendere')
    r"(?i:\b(?:tienes que|tiene que|tendrás que|debes|deberías|necesitas|(?:você|voce|vc) (?:tem|precisa|deve|deveria)"
    r" (?:que |q |de )?|tens (?:de|que)|precisas de|du (?:solltest|musst|sollst)|Sie (?:sollten|müssen|muessen)"
    r"|devi|dovresti|deve|dovrebbe|tu dois|tu devrais|vous devez|vous devriez|il faut que (?:tu|vous))\b"
    r"|\b(?:you|u)(?:'d| would)? (?:should|must|need to|have to|had better|'d better|'ll (?:want|need) to"
    r"|gotta|got to|'ve got to|have got to"
    r"|(?:are|'re) fine to|can (?:take|stop|start|use|try|skip|double|go|put|give))\b"
    r"|\byour (?:dose|doses|meds|medication|medications|pills?|prescription|labs|numbers|results)\b"
    # A diagnosis of what the reader described, inside its clause: 'with the white spots and no cough it sounds like
    # strep' (not 'sounds like a plan').
    rf"|{_DX_INSIDE}"
    # The writer's plan for the reader: 'I want you on a heart monitor', 'I need you to stop the X'.
    # (the verb's first letter looked at before the look-behind, which would be tried at every character)
    r"|(?:\bI |\bwe |(?=[wn'])(?:^|(?<=[,;:.!?] )))(?:want|need|'d like|would like|'d want|would want)"
    r" (?:you|him|her|them) (?:to|on|off)\b"
    # advice reported as given to one person ('advised pt to present to the ED', 'recommended to pt's wife that he
    # come in for an echo'): that person's care, written up
    rf"|{REPORTED_ADVICE}"
    # no more of a treatment for this one reader: 'No more NSAIDs for you', 'it's tylenol only for you'
    r"|\bno more [\w-]+(?: [\w-]+)? for (?:you|u)\b|\bonly for (?:you|u)\b"
    # care now for someone the reader cares for: 'he needs the ER tonight', 'she needs urgent care today'
    r"|\b(?:he|she|they|you|u) (?:needs?|need) (?:the |an |to go to the |to go to an )?(?:er|ed|emergency room"
    r"|urgent care|hospital)\b"
    # ... or a visit, a test or a shot today, for them or for what the reader described: 'he needs the tdap today',
    # 'a rash ... after your son's strep throat needs a doctor today', 'ur 3 day old ... needs a bili check today'
    rf"|{_NEEDS_CARE_NOW}"
    # Care now for what the reader described, or for the one they care for: 'that chest tightness needs to be
    # looked at today', 'he needs to be seen in the ER tonight'.
    r"|\b(?:(?:that|this|those|these|your) (?:[\w'-]+ ){0,3}?|(?:he|she) )(?:needs?|has|have) to (?:be )?"
    r"(?:seen|checked|looked at|evaluated|examined|x-?rayed|drained|treated|stitched|removed|biopsied|cut out|frozen"
    r"|lanced|cultured|scanned|repaired|splinted|casted|come off|come out)\b)"
)


def _generic_you(segment: str, start: int, end: int) -> bool:
    word = segment[start:end].lower().replace("’", "'")
    if word == "let's":  # 'let's say you're 55' is a supposition, not a plan
        after = segment[end:]
        return re.match(r"\s+(?:say|imagine|suppose|talk|look|be honest|call|name|pretend)\b", after, re.I) is not None
    if word not in _GENERIC_CAPABLE:
        return False
    before = segment[max(0, start - 20) : start]
    if _WHETHER_BEFORE.search(before):
        return False  # 'see if your bloating stops': whether, about this reader
    if _PAST_RESULT.match(segment, end):
        return False  # 'if your INR came back at 4.2 skip ...': the reader's own result, no supposition
    return bool(_GENERIC_BEFORE.search(before[-12:]) or _GENERIC_AFTER.match(segment, end))


# A result of the reader's, in the past, its number straight after: 'your INR came back at 4.2', 'ur sugar was 312'.
_PAST_RESULT = re.compile(
    r"(?i:\s+(?:[\w-]+\s+){1,3}?(?:came back|was|were|read|showed|measured)\s+(?:at\s+|only\s+|just\s+)?\d)"
)
