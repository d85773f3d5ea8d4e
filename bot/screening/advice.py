"""Individual medical advice: telling a reader to change their own treatment or skip care."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from functools import lru_cache

from bot.screening.context import PRACTICE_ACCESS, any_reader, sentence_at, sentence_spans
from bot.screening.findings import Finding
from bot.screening.lowered import Headed, Lowered
from bot.screening.memo import memo

_CHANGE = (
    r"double|triple|halve|stop|quit|start|take|increase|decrease|reduce|lower|raise|cut|skip"
    r"|switch|up|bump|drop|discontinue|wean|go off|come off|get off|ditch|swap|replace|add|ignore"
    r"|hold|pause|crush|split|self-treat|treat yourself|give (?:him|her|them|your \w+)"
)
_MEDS = (
    r"dose|doses|dosage|medication|medications|medicine|meds|pills?|tablets?|capsules?|prescription"
    r"|insulin|units|inhaler|antibiotics?|statins?|blood thinners?|steroids?|prednisone|metformin"
    r"|lisinopril|warfarin|eliquis|xarelto|aspirin|ibuprofen|advil|motrin|tylenol|acetaminophen"
    r"|naproxen|aleve|benadryl|melatonin|levothyroxine|synthroid|amlodipine|atorvastatin|lipitor"
    r"|losartan|sertraline|zoloft|lexapro|prozac|antidepressants?|birth control|the pill|ozempic"
    r"|wegovy|semaglutide|mounjaro|adderall|xanax|gabapentin|oxycodone|opioids?|painkillers?"
    r"|diuretics?|water pills?|lasix|furosemide|beta[- ]blockers?|metoprolol|insulin|epipen"
    r"|nsaids?|anti-inflammator(?:y|ies)|triptans?|ppis?|antihistamines?|antivirals?"
    r"|amoxicillin|amox|abx|augmentin|keflex|zpack|z-pack|azithromycin|cipro|flonase|zyrtec|claritin|doxy|pred"
    # common brands, over the counter and by prescription, that no ending gives away
    r"|afrin|sudafed|mucinex|pepto(?:-bismol)?|miralax|dulcolax|tums|pepcid|prilosec|excedrin|robitussin|dayquil"
    r"|nyquil|neosporin|lotrimin|monistat|nasacort|allegra|xyzal|unisom|colace|senna|metamucil|ventolin|proair"
    r"|flovent|symbicort|advair|spiriva|singulair|zofran|phenergan|bactrim|macrobid|diflucan|valtrex|tamiflu"
    r"|paxlovid|medrol|toradol|flexeril|robaxin|tramadol|norco|percocet|vicodin|suboxone|narcan|plavix|brilinta"
    r"|coumadin|jardiance|farxiga|trulicity|victoza|januvia|lantus|humalog|novolog|toujeo|levemir|tresiba"
    r"|entresto|coreg|norvasc|toprol|cozaar|diovan|crestor|zocor|pravachol|protonix|nexium|zantac|reglan"
    r"|wellbutrin|cymbalta|effexor|paxil|celexa|buspar|seroquel|abilify|trazodone|klonopin|ativan|valium"
    r"|supplements?|vitamin \w+|iron|potassium|chemo|treatment|therapy|injections?|shots?"
    r"|teaspoons?|tsp|tablespoons?|ml|drops|puffs|sprays"
    # generic drug-name endings (lisinopril, losartan, lithium, prednisone, apixaban...)
    r"|\w+(?:pril|sartan|olol|statin|dipine|apine|azole|mab|nib|tide|gliptin|gliflozin|floxacin"
    r"|cycline|cillin|mycin|azepam|zolam|codone|morphine|afil|triptan|tidine|dronate|lukast"
    r"|thiazide|semide|formin|oxetine|pramine|triptyline|ium|barbital|parin|xaban|gatran|vir"
    r"|sone|solone|terol|tropium|zosin|setron|azine|idone|profen|oxacin|trigine|tiracetam)"
)
# A capitalised word after "your" in an imperative is usually a brand-name drug ("your Plavix").
_BRAND = r"(?-i:[A-Z][a-z]{3,}\b)(?! (?:and|or|if|when|card|account|app|portal|number|ID)\b)"
_DIRECTIVE = Lowered(
    rf"\byou (?:should|must|need to|have to|ought to|can (?:safely |just )?|could (?:just )?|'d better"
    rf"|had better|may want to|might want to|'re fine to|are fine to|can go ahead and)\s*(?:just |also |probably )?"
    rf"(?:{_CHANGE})\b[^.;!?]{{0,60}}?\b(?:{_MEDS}|your \w+)\b"
    rf"|\b(?:I'd|I would|I) (?:recommend|suggest|advise|tell you to)(?: that)?(?: you)?(?: to)?\s+"
    rf"(?:{_CHANGE})\b[^.;!?]{{0,60}}?\b(?:{_MEDS}|your \w+)\b",
    re.IGNORECASE,
)
_IMPERATIVE_VERB = (
    rf"\b(?:just |simply |go ahead and |feel free to )?"
    rf"(?:{_CHANGE}|stop taking|don't take|do not take|never take|don't bother taking)\b"
)
_IMPERATIVE_PATTERN = re.compile(
    _IMPERATIVE_VERB +
    # 'never take more than 4,000 mg a day' is the label's limit for everyone, not a dose for one reader.
    rf"(?! (?:more|over|any more) than\b)"
    rf"[^.;!?]{{0,50}}?\b(?:your|two|three|four|an extra|extra|double|another|an adult|a whole|half(?: an?| of)?|\d+)"
    rf"\s*(?:[\w-]+ ){{0,2}}(?:{_MEDS}|{_BRAND})\b",
    re.IGNORECASE,
)
_IMPERATIVE = Headed(_IMPERATIVE_VERB, _IMPERATIVE_PATTERN)  # (its verbs first, on the lower-cased text)
# An imperative starts a clause: text start, after . ; ! ? : or a comma, or after and/then/just/so.
_CLAUSE_START = re.compile(r"(?:^|[.;!?:,]|\b(?:and|then|just|so))\s*$", re.IGNORECASE)
_AVOID_CARE = re.compile(
    r"\b(?:skip|avoid|don't go to|do not go to|no need (?:to (?:go to|see|call|visit)|for)"
    r"|don't bother (?:with|going to|seeing|calling|coming in)|there's no need to (?:see|call|go to)"
    r"|you don't need (?:to (?:see|go to|call|visit)|an?)|don't (?:call|see|visit)|stay away from"
    r"|wait it out instead of (?:going to|seeing|calling)|instead of (?:going to|calling|seeing))\s+"
    r"(?:the |a |an |your |us|our )?(?:ER|E\.R\.|emergency room|emergency department|urgent care|"
    r"hospital|doctor|physician|appointment|911|ambulance|pediatrician|cardiologist|visit|checkup)"
    r"|\b(?:you can|just|simply)(?: safely| just| probably)? (?:ignore|wait out|sleep off) (?:the |your |that |this )?"
    r"(?:chest pain|symptoms?|pain|lump|bleeding|fever|numbness|headache|rash)"
    r"|\b(?:no need to|you don't need to|there's no need to) (?:go|come) in\b",
    re.IGNORECASE,
)
_DOSING = re.compile(
    r"\b(?:take|give (?:him|her|them|your \w+)|use)\s+"
    r"(?:two|three|four|a couple of|half(?: an?)?|an adult|a double|\d+(?:\.\d+)?)\s*"
    rf"(?:{_MEDS}|mg|milligrams|mcg|micrograms|g|grams|extra|baby aspirin|aspirins)\b",
    re.IGNORECASE,
)
# Asking or talking to a clinician in the other languages (the 'ask', 'talk to', 'consult' of `_DEFER`).
_CONSULT_FOREIGN = (
    r"consulte|consultez|consulti|consultar|consulta|hable|habla|hablar|pregunte|pregunta|fale|falar|pergunte"
    r"|parlez|parlez-en|demandez|demander|fragen Sie|frag|sprechen Sie|besprechen Sie|chieda|chiedi|parli|parla"
    r"|parlane|parlatene"
)
# A sentence that sends the decision back to a clinician is general education.
_DEFER = Lowered(
    r"\b(?:before (?:you|they|stopping|starting|changing)\b|whether (?:to|you|they)|without (?:talking|"
    r"checking|asking|consulting|first)|(?:ask|talk (?:to|with)|check with|consult|speak (?:to|with)|"
    r"discuss (?:\w+ )?with|call|see|follow up with) (?:your|a|our|their) (?:own )?(?:doctor|physician"
    r"|provider|pharmacist|clinician|care team|prescriber|nurse|specialist|cardiologist|endocrinologist|"
    r"pediatrician|office|surgeon|dentist|midwife|OB|PCP|primary care)"
    r"|(?:patients|people|many|some) (?:often |sometimes )?(?:ask|wonder)"
    # 'your prescriber can help you taper slowly': the change is made with a clinician
    r"|(?:your|a|the) (?:doctor|physician|provider|prescriber|clinician|pharmacist|care team) can"
    r" (?:help|work with|guide) you\b"
    r"|is (?:a|one) (?:question|decision|conversation)|never (?:on your own|by yourself)"
    r"|\bas (?:prescribed|directed)\b"
    r"|\bas (?:your|the) (?:(?:action |care |treatment )?plan|label|prescription|instructions|doctor|provider"
    r"|pharmacist) (?:says|said|directs|tells you|shows)\b"
    r"|\b(?:call|notify|page|contact) (?:the )?(?:MD|provider|on-call|covering|house officer)\b"
    # 'it depends on your levels, we'd check that at a visit': the answer waits for the reader's own visit.
    r"|\bdepends on (?:your|their|the person's|each person's) (?:own )?(?:levels|labs|numbers|history|situation|case"
    r"|health|kidneys|kidney function|liver|liver function|weight|age|other (?:meds|medicines|medications))\b"
    # 'that's one for the clinician who prescribed it': the question handed to the prescriber
    r"|\bone for (?:your|the|their) (?:own )?(?:doctor|clinician|prescriber|pharmacist|provider|care team)\b"
    r"|\b(?:check|discuss|look at|talk about|go over|sort) (?:that|it|this|them) (?:out )?(?:at|during|in)"
    r" (?:a|your|the) (?:next )?(?:visit|appointment|check-?up|clinic)\b"
    r"|\btell (?:your|the) (?:doctor|dentist|surgeon|pharmacist|nurse|provider|care team|team|OB|PCP)"
    r"(?: (?:before|if|about|that)|\W*$)"
    # 'so taper with your prescriber', 'work out a plan with your doctor': the change is made together with one.
    r"|\b(?:taper(?:ing)?|work(?:ing)?|decid(?:e|ing)|plan(?:ning)?|wean(?:ing)?|adjust(?:ing)?|do (?:it|this|that))"
    r" (?:[\w-]+ ){0,3}?(?:with|under) (?:the (?:guidance|help) of )?(?:your|a|their) (?:own )?(?:doctor|physician"
    r"|provider|prescriber|clinician|care team|pharmacist|specialist)s?\b(?!['’]s)"
    r"|\b(?:mention|bring (?:it|this|that) up|raise it)\b[^.;!?]{0,30}\b(?:doctor|visit|checkup|check-up|appointment"
    r"|pediatrician|provider|physical)"
    # The same in the other languages: 'sin consultar', 'ohne Rücksprache', 'sauf avis contraire de votre médecin',
    # 'hable con su médico', 'chieda al suo medico'.
    r"|\b(?:sin|sem|sans|ohne|senza) (?:antes )?(?:consultar|hablar con|falar com|preguntar|perguntar|consulter"
    r"|en parler|l'avis|avis médical|avoir consulté|Rücksprache|ärztlichen Rat|consultare|parlarne|il parere)"
    # Vietnamese and Tagalog: 'hỏi ý kiến bác sĩ', 'kumonsulta sa inyong doktor', 'magtanong muna sa doktor'
    r"|\b(?:hỏi|tham khảo) (?:ý kiến )?(?:của )?bác sĩ|\bkumonsulta sa"
    r"|\bmagtanong (?:muna )?sa (?:inyong |iyong )?doktor"
    r"|\bdoctor se (?:milen|miliye|poochein|puchhein|salah)|\b(?:kalem|es2al) el doctor"
    r"|\b(?:skonsultuj się|bez konsultacji) z lekarzem"
    r"|\bsauf avis contraire|\bsalvo (?:diversa )?(?:indicazione|indicación|indicação|prescrizione)"
    rf"|\b(?:{_CONSULT_FOREIGN})\b[^.;!?]{{0,25}}\b(?:médic[oa]s?|medico|médecin|Arzt|Ärztin|Hausarzt"
    r"|farmac[eé]utic[oa]|pharmacien|Apotheker|farmacista|pediatra|pédiatre|Kinderarzt))",
    re.IGNORECASE,
)

# 'No need to check with your OB' dismisses the clinician rather than deferring to one.
_CONSULT = Lowered(rf"(?i:ask|talk|check|consult|speak|discuss|call|see|follow|tell|{_CONSULT_FOREIGN})")
_NEGATED = Lowered(r"(?i:\b(?:no need to|don't need to|do not need to|don't|do not|never|not|skip)\s+(?:\w+\s+)?$)")


# 'Ask your doctor to order one', 'call your cardiologist in the morning if it isn't better': the reader is
# told what to get, or to call only if the plan fails; the decision is not handed back.
_NOT_HANDED_BACK = Lowered(
    r"(?i:\s+(?:to (?:order|prescribe|give|write|start|switch|put|refer|send|run|do|call in)\b"
    r"|(?:in the morning|tomorrow|next week|on monday|later)\b|if (?:it|the|that|this|your|you|things?|symptoms?)\b"
    # told to call now: the writer has decided it is urgent ('call your OB right now', 'first thing tomorrow')
    r"|(?:first thing|right (?:now|away)|now|today|tonight|asap|immediately|straight away)\b))"
)
# A turn after a deferral, or before one that only hedges an order already given ('you should ...').
_BUT = Lowered(r"(?i:\b(?:but|pero|mais|ma|aber|mas)\b)")
_BUT_BEFORE = Lowered(r"(?i:\b(?:but|pero|mais|ma|aber|mas)\b[^.;!?]*$)")
_TOLD = Lowered(r"(?i:\byou (?:should|need to|must|have to|'ll need to)\b|\bI'd\b|\bI would\b|\bgo ahead and\b)")
# 'and call your OB', 'then see your doctor': the call comes on top of what the reader was already told to do.
_ALSO_BEFORE = Lowered(r"(?i:\b(?:and|then|so|y|e|et|und|ed|luego|depois|puis|dann|poi)\s+$)")
_CLINICIAN = Lowered(
    r"(?i:\b(?:doctor|physician|provider|pharmacist|clinician|care team|prescriber|nurse|specialist|surgeon|dentist"
    r"|midwife|OB|PCP|MD|cardiologist|endocrinologist|pediatrician|office)s?\b)"
)
_UNTIL_BEFORE = Lowered(r"(?i:\b(?:until|till|til) (?:you |u )?$)")
# 'before stopping', 'before you start' hand a decision back only when someone is named to hand it to
# ('drop it to 50 for a week before stopping' is a taper, not a deferral).
_BEFORE = Lowered(r"(?i:before\b)")


def defers(text: str, start: int, end: int) -> bool:
    """Does text[start:end] send the decision back to a clinician (not 'no need to call your doctor')?"""
    for m in _DEFER.finditer(text, start, end):
        if _CONSULT.match(m.group(0)) and _NEGATED.search(text, max(0, m.start() - 24), m.start()):
            continue
        if _BEFORE.match(m.group(0)) and not _CLINICIAN.search(text, start, end):
            continue
        if _CONSULT.match(m.group(0)) and _NOT_HANDED_BACK.match(text, m.end()):
            continue
        if _CONSULT.match(m.group(0)) and _UNTIL_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue  # 'stop taking your metformin until you see your doctor': told what to do meanwhile
        if _CONSULT.match(m.group(0)) and _ALSO_BEFORE.search(text, max(start, m.start() - 12), m.start()):
            continue  # 'stop the isotretinoin immediately and call your OB': a second order, not a deferral
        if _BUT.search(text, m.end(), end):
            continue  # 'It depends on your kidney function, but in your case I'd cut it to 500': past the deferral
        if _BUT_BEFORE.search(text, max(start, m.start() - 30), m.start()) and _TOLD.search(text, start, m.start()):
            continue  # 'You should double it tonight - but that's one for your prescriber to confirm': a hedge
        return True
    return False

_TOPICS = (
    (
        re.compile(
            r"\b(?:double|triple|halve|increase|decrease|reduce|lower|raise|cut|up|bump|dose"
            r"|dosage|units|mg)\b",
            re.I,
        ),
        "dose",
        "Dose changes are something to discuss with your own doctor.",
    ),
    (
        re.compile(
            r"\b(?:ER|emergency|911|urgent care|hospital|ambulance|ignore|wait out|chest pain"
            r"|appointment|doctor)\b",
            re.I,
        ),
        "care",
        "New or worrying symptoms deserve a call to your doctor, and emergencies a call to 911.",
    ),
    (
        re.compile(r"\b(?:take|give|use|two|three|aspirin)\b", re.I),
        "self_treat",
        "The right medicine and amount depend on your own health, so check with your doctor or pharmacist first.",
    ),
    (
        re.compile(r".", re.S),
        "change",
        "Starting, stopping or switching a medication is a decision to make with your own doctor.",
    ),
)
_REASONS = {
    "dose": "tells a reader to change a medication dose on their own",
    "care": "tells a reader to skip or delay medical care",
    "self_treat": "tells a reader exactly what to take for their own symptoms",
    "change": "tells a reader to start, stop or switch a treatment on their own",
}


def _topic(snippet: str) -> tuple[str, str]:
    for pattern, topic, rewording in _TOPICS:
        if pattern.search(snippet):
            return topic, rewording
    return "change", _TOPICS[-1][2]


# Instructions for the reader's own procedure ('so for your colonoscopy prep um clear liquids only the whole day
# before ... and you start the first jug at six p m'): this reader's plan, set by their clinician, not a tip for all.
_PROCEDURE = (
    r"(?:\w+ )?(?:colonoscopy|endoscopy|egd|scope|surgery|procedure|operation|ct|cat scan|mri|stress test|c-?section"
    r"|biopsy|cath|catheteri[sz]ation|cardioversion|ablation|replacement|repair)"
)
# What is barred around a procedure: 'no bending over', "don't eat", 'nothing to eat'.
_BARRED = (
    r"no (?:bending|lifting|heavy lifting|swimming|driving|baths?|showers?)|(?:don't|do not) (?:eat|drink|lift|swim"
    r"|drive|bend)|nothing to eat"
)
_PREP = re.compile(
    # the instruction after the procedure ('after your cataract surgery, no bending over or swimming for two weeks') or
    # before it ("Don't eat anything after midnight before your surgery")
    rf"(?i:\b(?:{_BARRED})\b[^.!?;]{{0,60}}?\b(?:before|after|for) (?:your|ur) {_PROCEDURE}\b"
    rf"|\b(?:after) (?:your|ur) {_PROCEDURE}\b[^.!?;]{{0,20}}?\b(?:{_BARRED})\b[^.!?;]{{0,60}}"
    rf"|\b(?:for|before|with) (?:your|ur) {_PROCEDURE}(?: prep(?:aration)?)?\b"
    r"[^.!?;]{0,80}?\b(?:clear liquids|nothing (?:to eat|by mouth|after midnight)|npo|no (?:food|solid)|stop eating"
    r"|start (?:the|drinking|your)|drink (?:the|all|half)|hold (?:your|the)|don't eat|do not eat|skip (?:your|the))"
    r"[^.!?;]{0,100})"
)
# An activity barred for the reader until something of theirs ('buddy you can't go back to football until you're
# symptom free', 'no driving for 6 months after that seizure', 'no more trampoline until the cast comes off').
_ACTIVITIES = (
    r"go back to (?:work|school|football|soccer|practice|the gym|sports|running|class)|return to (?:work|school|play"
    r"|sports|practice)|play|drive|lift(?: anything)?|run|swim|fly|shower|bathe|work out|exercise"
)
_RESTRICTION = Lowered(
    rf"(?i:\b(?:you|u)(?:'re| are| r)? (?:can't|cant|cannot|can not|shouldn't|should not|mustn't|aren't allowed to"
    rf"|not allowed to) (?:{_ACTIVITIES})\b[^.!?;]{{0,50}}?\b(?:until|till|til|for (?:the next )?(?:\d+|a|one|two"
    r"|three|four|six) (?:days?|weeks?|wks?|months?))\b[^.!?;]{0,60}"
    # (or after the reader's own procedure: 'After your knee scope, no kneeling for six weeks.')
    r"|\b(?P<own>after (?:your|ur) [^,.;!?]{2,30},\s*)?(?:no (?:more )?(?:driving|lifting|heavy lifting|swimming"
    r"|running|football|soccer|sports|contact sports|practice|gym|trampoline|biking|flying|baths?|hot tubs?|walking"
    r"|weight on it|standing|kneeling|squatting|bending|golf|tennis|jogging|climbing|sex)"
    r"|nothing heavier than [\w ]{1,20}?(?:pounds|lbs?|kilos?|kg))\b"
    # (for one reader: 'that ankle', 'your', 'the cast', 'no driving for you', before or after the time)
    r"(?(own)|(?=[^.!?;]{0,90}?\b(?:that|your|ur|the cast|the stitches|the boot|this|for (?:you|u))\b))"
    r"[^.!?;]{0,60}?\b(?:until|till|til|for (?:the next )?(?:\d+|a|an|one|two|three|four|five|six|eight|ten|twelve"
    r"|a few|a couple of|several) (?:days?|weeks?|wks?|months?))\b[^.!?;]{0,60})"
)
_GATES = (
    (_DIRECTIVE, frozenset({"you", "recommend", "suggest", "advise"})),
    (_IMPERATIVE, frozenset(re.findall(r"[a-z]+", _CHANGE)) | {"don", "do", "never"}),
    (
        _AVOID_CARE,
        frozenset({"skip", "avoid", "don", "do", "no", "there", "you", "stay", "wait", "instead", "just", "simply"}),
    ),
    (_DOSING, frozenset({"take", "give", "use"})),
    (_PREP, frozenset({"your", "ur"})),
    (_RESTRICTION, frozenset({"until", "till", "til", "for"})),
)


# A sentence that calls out to a group ('Ladies, book your mammogram', 'Allergy sufferers: ...', 'New parents -')
# speaks to all of it.
GROUP_ADDRESS = Lowered(
    r"(?i:\W*(?:hey |calling all |reminder (?:for|to) |attention |to all )?"
    r"(?:(?!(?:your|ur|my|his|her|the|these|those|some|our|thanks|thank|given|with|for|since|at|in|on)\b)"
    r"[a-z'-]+,? ){0,2}"
    r"(?!(?:numbers|answers|orders|others|papers|letters|matters|layers|fibers|centers|results|contents|comments"
    r"|basics|ingredients|statistics|topics|antibiotics)\b)"
    r"(?:[a-z]+(?:ers|ists|ians|ents|ics)|ladies|gentlemen|folks|everyone|everybody|y'all|guys|friends|moms|dads"
    r"|seniors|athletes|people|kids|teens|adults|women|men|all of you)\s*[,:!—–-]\s"
    # ... or an age group a label's line is for: 'Adults and children over 12: take 2 tablets'
    r"|\W*(?:adults|children|kids|teens|infants)(?: (?:and|&) (?:adults|children|kids|teens))?"
    r" (?:over|under|aged?|ages|from|\d)[\w ,-]{0,24}?\s*[:—–]\s)"
)


# A dose stated for a population, not a reader: 'a typical adult dose is 400 mg', 'most adults take 81 mg',
# 'the usual starting dose is 5 mg', 'people with afib are usually started on 5 mg'. It is a frame only when
# no one is addressed in the sentence (no 'you', 'your', 'for you') and the dose is not itself a command.
_POPULATION = (
    r"(?:adults|children|kids|adolescents|teens|women|men|patients|people|seniors|folks|infants|toddlers"
    # the same readers in Spanish, Portuguese, French, German and Italian leaflets
    r"|adultos|niños|niñas|mayores|ancianos|personas|pacientes|adolescentes|lactantes|crianças|maiores|idosos|pessoas"
    r"|adultes|enfants|personnes|nourrissons|erwachsene|kinder|jugendliche|säuglinge|adulti|bambini|anziani|persone)"
)
_POPULATION_DOSE = Lowered(
    r"(?i:\b(?:typical|usual|standard|normal|recommended|common|customary|average|maximum|max|starting|initial"
    r"|maintenance|target|adult|pediatric|weight-based|label(?:ed)?)\s+(?:[a-z-]+\s+){0,2}?"
    r"(?:doses?|dosing|dosages?|regimens?|ranges?|course|amount)\b"
    rf"|\b(?:doses?|dosing|dosages?)\s+(?:for|in)\s+(?:[a-z-]+\s+){{0,2}}?{_POPULATION}\b"
    # 'adults with normal kidneys', 'adults and children 12 years and over', 'adults can usually take'
    rf"|\b{_POPULATION}\b(?:\s+(?:with|on|over|under|who|in|of|and|or|aged|ages?)\s[\w\s,+'—–-]{{0,30}}?)?"
    r"\s+(?:(?:usually|generally|typically|often|commonly|normally|tend to|will|can|may|should|do"
    r"|suelen|pueden|deben|costumam|podem|devem|peuvent|doivent|können|sollten|possono|devono|di solito)\s+){0,2}"
    r"(?:take|get|need|use|receive|start|tomar|toman|tomam|prennent|prendre|nehmen|prendono|prendere|assumere"
    r"|do (?:fine|well)|respond|(?:are|get) (?:usually |typically |generally )?"
    r"(?:started|given|put|dosed|maintained|treated|prescribed))\b"
    rf"|\b(?:in|for) (?:most |healthy |older |younger )?{_POPULATION}\s*,)"
)
# A leaflet's line: the readers it is for, a colon, the dose ('Niños de 2 a 5 años: 2,5 ml cada 8 horas'). What
# follows the colon is for that population whatever shape it has (the shape of a command included).
# Any population word (a sentence about people, not a reader).
POPULATION = Lowered(rf"(?i:\b(?:{_POPULATION}|maioria|mayoría|la plupart|die meisten|la maggior parte|most)\b)")
_LEAFLET_LINE = Lowered(rf"(?i:\b{_POPULATION}\b[^:.\n]{{0,40}}:\s*\d)")


@lru_cache(maxsize=256)
def leaflet_line(text: str, sentence: tuple[int, int]) -> bool:
    """Does the sentence hold a leaflet's line for a population? (Once per sentence: every clause asks.)"""
    return _LEAFLET_LINE.search(text, *sentence) is not None
# The reader, in English and in the familiar forms of Spanish, Portuguese, French, German and Italian (a leaflet
# says 'usted', 'vous', 'Sie'; 'dale a tu hijo 5 ml' speaks to one parent).
_ADDRESSEE = Lowered(
    r"(?i:\b(?:you|your|yours|you're|you'll|you've|yourself|u|ur|tu|tus|teu|tua|teus|tuas|ta|tes|dein|deine"
    r"|deinen|deinem|deiner|tuo|tuoi|tue)\b)"
)


@lru_cache(maxsize=256)
def population_dose(text: str, sentence: tuple[int, int]) -> bool:
    """Does the sentence state a dose for a population with no one addressed in it? (Once per sentence:
    every clause and every dose in a long sentence asks.)"""
    return (
        _POPULATION_DOSE.search(text, *sentence) is not None or leaflet_line(text, sentence)
    ) and _ADDRESSEE.search(text, *sentence) is None


_STOP = re.compile(r"[.!?]+(?:\s|$)")


def full_stops(text: str) -> list[tuple[int, int]]:
    """(start, end) of every full stop, question or exclamation mark run followed by a space or the end."""
    return [(m.start(), m.end()) for m in _STOP.finditer(text)]


def defer_scope(stops: list[tuple[int, int]], sentence: tuple[int, int], start: int, end: int) -> tuple[int, int]:
    """The part of a sentence between full stops around a clause: in lower-case chat 'patients ask
    if X. not always. go ahead and stop Y' is one sentence to the splitter, but the question asked
    by others does not reach the command. Binary searches over full_stops(text), so a long text
    with many clauses stays linear."""
    s, e = sentence
    i = bisect_right(stops, (start, -1)) - 1  # the last stop starting before the clause
    left = max(s, stops[i][1]) if i >= 0 and stops[i][1] <= start else s
    j = bisect_left(stops, (end, -1))  # the first stop at or after the clause's end
    right = min(e, stops[j][1]) if j < len(stops) and stops[j][0] < e else e
    return left, right


# A drug's label or leaflet: a product and its strength as heading, the label's own sections, its stock lines, or a
# leaflet's title ('Warfarin and your diet:'). Every command in it is for anyone who uses the product.
DRUG_LABEL = re.compile(
    r"(?i:^\W*[\w -]{2,40}\b(?:cream|tablets?|capsules?|ointment|suspension|solution|gel|spray|drops|syrup|lotion"
    r"|patch(?:es)?|suppositor(?:y|ies)|inhaler)(?: USP)?,? \d+(?:\.\d+)? ?(?:%|mg|mcg)"
    r"|(?:^|\n|[.;] )(?:directions|uses|warnings|dosage and administration|how to use|storage|active ingredients?"
    r"|inactive ingredients|purpose|when using this product|stop use and ask a doctor if)\s*:"
    r"|\b(?:qty|quantity|refills?)\s*:\s*\d"  # a pharmacy's label: 'Qty: 60. Refills: 2.'
    # ... its warning stickers, and a strength as heading: 'May cause drowsiness', 'Metformin ER 500 mg:'
    r"|\bmay cause (?:drowsiness|dizziness)\b|\bdo not exceed \d+ (?:tablets|capsules|caplets|doses|pills)\b"
    r"|^\W*[A-Za-z][\w-]+(?: (?:ER|XR|SR|XL|DR|CR|ODT|HCl|sodium|potassium))? \d+(?:\.\d+)? ?(?:mg|mcg|g|mL)\s*:"
    r"|\bif you (?:miss|forget) a dose\b|\bkeep (?:this and all medicines "
    r"|out )?(?:out )?of (?:the )?reach of children\b"
    r"|^\W*(?-i:[A-Z])[\w-]+ and your (?:diet|heart|kidneys|liver|pregnancy|baby|child|teeth|skin|sleep|mood"
    r"|bones)\s*:)"
)


def find_advice(text: str, spans: list[tuple[int, int]], words: frozenset[str] | None = None) -> Iterator[Finding]:
    """Directives aimed at the reader's own treatment, unless the sentence defers to a clinician."""
    if DRUG_LABEL.search(text):
        return  # a label's 'Do not take two doses at the same time' is for every user; the sentence model judges it
    defers_ = memo(lambda sentence: defers(text, *sentence))  # once per sentence, not per match
    stops = full_stops(text)
    for pattern, gate in _GATES:
        if words is not None and not words & gate:
            continue
        for match in pattern.finditer(text):
            if pattern is _IMPERATIVE and not _CLAUSE_START.search(text, max(0, match.start() - 8), match.start()):
                continue
            start = match.start()
            while start < match.end() and not text[start].isalnum():
                start += 1
            sentence = defer_scope(stops, sentence_at(spans, start), start, match.end())
            if pattern is not _AVOID_CARE and defers_(sentence):
                continue
            if pattern is _AVOID_CARE and PRACTICE_ACCESS.search(text, *sentence):
                continue  # 'You don't need an appointment to see us for flu shots': the door is open to all
            if pattern is not _AVOID_CARE and GROUP_ADDRESS.match(text, sentence[0]):
                continue  # 'Allergy sufferers: start your nasal spray two weeks before the season'
            if pattern is not _AVOID_CARE and any_reader(text, sentence, start, match.end()) == "frame":
                continue  # 'most adults can take 10 mg', 'if you're on X, take your dose at the same time'
            if (
                pattern is _DOSING
                and population_dose(text, sentence)
                and not _CLAUSE_START.search(text, max(0, match.start() - 8), match.start())
            ):
                continue  # 'adults with normal kidneys typically take 500 mg': the subject is a population
            topic, _ = _topic(match.group(0))
            yield Finding("advice", start, match.end(), _REASONS[topic])


def suggest_rewording(text: str, findings: Sequence[Finding]) -> str:
    """For advice findings: swap each offending sentence for a general-education sentence."""
    advice = sorted((f for f in findings if f.category == "advice"), key=lambda f: f.start)
    if not advice:
        return text
    spans = sentence_spans(text)
    priority = {topic: rank for rank, (_, topic, _) in enumerate(_TOPICS)}
    priority["dose"], priority["care"] = priority["care"], priority["dose"]
    chosen: dict[tuple[int, int], tuple[int, str]] = {}
    for finding in advice:
        sentence = sentence_at(spans, finding.start)
        topic, rewording = _topic(text[finding.start : finding.end])
        if sentence not in chosen or priority[topic] < chosen[sentence][0]:
            chosen[sentence] = (priority[topic], rewording)
    replaced = {sentence: rewording for sentence, (_, rewording) in chosen.items()}
    pieces: list[str] = []
    cursor = 0
    for (start, end), rewording in sorted(replaced.items()):
        pieces.append(text[cursor:start])
        pieces.append(rewording)
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)
