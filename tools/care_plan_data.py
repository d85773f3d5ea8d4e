"""Care plans told to one person, and the same plans said to everyone, for the sentence classifier.

The drug grammar (`advice_data`) teaches the model what a treatment order looks like; most of what a physician
tells one patient besides a drug is a care plan: when to come back ('bring him back if it hits 104'), a device
('the boot stays on whenever you're walking'), a restriction ('no driving for you for six months'), the prep for
their own procedure, going in now ('that cut needs stitches, head to urgent care this afternoon') and home care.
Each is built from parts here, aimed at one reader or someone they care for; the clean half says the same plans
of a group ('most people wear the boot about six weeks', 'parents: if your child stops peeing, bring them in'),
so that a device, a fever or a restriction is never advice by its words alone.
"""

from __future__ import annotations

import random

# Whom the plan is for: the reader (no word, 'you', 'u') or someone they care for.
_OBJECTS = [
    "him",
    "her",
    "the baby",
    "your son",
    "your daughter",
    "your mom",
    "your dad",
    "them",
    "her back",
    "him back",
]
_SUBJECTS = ["he", "she", "the baby", "your son", "your daughter", "your mom", "your husband", "your wife"]
_POSSESSIVES = ["your", "your", "ur", "his", "her", "the baby's", "your son's"]

_WHEN = [
    "",
    "",
    "tonight",
    "today",
    "this afternoon",
    "tomorrow",
    "by friday",
    "over the weekend",
    "before monday",
    "this week",
    "overnight",
    "in the next day or two",
    "before your follow up",
]
_NOW = [
    "now",
    "right now",
    "today",
    "this afternoon",
    "tonight",
    "asap",
    "right away",
    "don't wait",
    "now, not tomorrow",
]
_DURATIONS = [
    "for 6 weeks",
    "for six weeks",
    "for 2 weeks",
    "for two weeks",
    "for the next 4 wks",
    "for 10 days",
    "for a month",
    "for 6 months",
    "for three months",
    "until I see you",
    "until the follow up",
    "until the stitches are out",
    "until you're cleared",
    "for now",
    "for the next few days",
    "for 48 hours",
]

# What should bring someone back, said of the reader ...
_READER_SIGNS = [
    "you're still dizzy tomorrow",
    "the pain gets worse",
    "you spike a fever",
    "the swelling spreads",
    "the bleeding soaks a pad an hour",
    "you can't pee",
    "the numbness comes back",
    "your calf swells up",
    "you get short of breath",
    "that chest pressure comes back",
    "your sugars stay over 300",
    "the redness spreads past the line I drew",
    "the incision starts draining",
    "you throw up the pills",
    "it isn't better by monday",
    "the headache wakes you up",
    "your temp goes over 101",
    "u feel faint again",
]
# ... or of someone the reader cares for.
_THIRD_SIGNS = [
    "the fever hits 104",
    "it hits 104",
    "he stops peeing",
    "she stops wetting diapers",
    "he's still wheezing tomorrow",
    "the rash spreads",
    "she can't keep fluids down",
    "he gets really sleepy",
    "his lips look blue",
    "the swelling doesn't go down by friday",
    "the drain puts out more than 50 a day",
    "she's pulling at that ear again",
    "he's not drinking",
    "the limp isn't better in two days",
    "her breathing gets fast",
    "the cough turns to a bark",
]
_RETURN_FRAMES = [
    "bring {obj} back in if {third}",
    "bring {obj} back if {third} or {third2}",
    "if {third}, bring {obj} straight back",
    "if {third} {when}, bring {obj} in",
    "come back in if {sign}",
    "call us if {sign}",
    "call me {when} if {sign}",
    "if {sign} {when}, go to the ER",
    "if {sign}, you come straight in, don't wait for the appointment",
    "any chest pain and you call 911, don't drive yourself in",
    "page me if {sign}",
    "if {sign}, that's an ER trip for you",
    "watch {obj} tonight and if {third}, take {obj} to the ER",
    "if {third} again, call the office and we'll see {obj} {when}",
    "let me know {when} if {sign}",
    "{reason_dx} - call us if {sign}",
]

_DEVICES = [
    "CPAP",
    "boot",
    "walking boot",
    "brace",
    "wrist brace",
    "knee brace",
    "sling",
    "splint",
    "compression stockings",
    "heart monitor",
    "holter",
    "ankle brace",
    "back brace",
    "collar",
    "night splint",
    "eye patch",
    "hearing aids",
    "cast",
    "immobilizer",
    "mask",
    "pump",
    "insulin pump",
    "sensor",
    "glucose monitor",
    "spacer",
    "nebulizer",
]
_WEAR_WHEN = [
    "every night",
    "whenever you're walking",
    "whenever ur walking",
    "at night",
    "24/7",
    "all day",
    "when you sleep",
    "even in the shower",
    "until I see you",
    "for the next 4 weeks",
    "for six weeks",
    "every time you're up",
    "even for naps",
    "at school too",
    "on the plane",
]
_DEVICE_FRAMES = [
    "wear the {device} {wear}",
    "keep the {device} on {wear}",
    "the {device} stays on {wear}",
    "{poss} {device} stays on {wear}, off only to shower",
    "don't take the {device} off {dur}",
    "you can take the {device} off {when}",
    "you can ditch the {device} {when}",
    "sleep in the {device} {dur}",
    "put the {device} back on {obj} {wear}",
    "bring the {device} card in {when}",
    "bring {poss} {device} in so we can download it",
    "use the {device} with every dose",
    "lean forward when you do the {device} and keep your lips tight on the mouthpiece",
    "{poss} {device} needs to go back on {wear}",
    "keep the {device} on {wear}, especially since it's what's waking you up",
    "change the {device} site {when}",
    "pull the set and put in a fresh one, then check {poss} sugar in an hour",
]

_ACTIVITIES = [
    ("driving", "drive", "the car"),
    ("lifting", "lift anything heavy", "the gym"),
    ("swimming", "swim", "the pool"),
    ("running", "run", "the track"),
    ("contact sports", "play contact sports", "football"),
    ("soccer", "play soccer", "soccer practice"),
    ("working", "work", "work"),
    ("school", "go to school", "school"),
    ("baths", "take a bath", "the tub"),
    ("flying", "fly", "the plane"),
    ("biking", "ride", "the bike"),
    ("golf", "play golf", "the course"),
    ("sex", "have sex", "the gym"),
    ("climbing stairs", "do stairs", "the stairs"),
]
_RESTRICTION_FRAMES = [
    "no {act} for {you_word}{dur}",
    "no {act} {dur}",
    "sorry but no {act} for u {dur}",
    "you can't {act_v} {dur}",
    "u can't {act_v} {dur}",
    "don't {act_v} {dur}",
    "hold off on {act} {dur}",
    "keep {obj} out of {place} {dur}",
    "you're cleared to {act_v} {when}",
    "you can go back to {place} {when}",
    "{subj} can go back to {place} {when}",
    "{subj} can't go back to {place} until {third}",
    "nothing heavier than 10 pounds {dur}",
    "stay off {poss} leg {dur}",
    "keep the incision dry {dur}",
    "no {act} until I clear you",
    "after that seizure, no {act} for you {dur}",
]

_PROCEDURES = [
    "colonoscopy",
    "scope",
    "surgery",
    "stress test",
    "MRI",
    "CT",
    "endoscopy",
    "EGD",
    "biopsy",
    "cath",
    "sleep study",
    "knee replacement",
    "c-section",
    "cataract surgery",
]
_PREP_FRAMES = [
    "nothing to eat after midnight before {poss} {proc}",
    "clear liquids only the day before {poss} {proc}",
    "stop {poss} {drug} {n} days before the {proc}",
    "start the prep at 6 the night before {poss} {proc}",
    "hold {poss} {drug} the morning of the {proc}",
    "for {poss} {proc} prep, clear liquids after lunch and the second jug at 4 am",
    "no seeds or nuts for {n} days before {poss} {proc}",
    "take {poss} blood pressure pill with a sip of water the morning of the {proc}",
    "skip {poss} {drug} the day of the {proc}",
    "you'll need a driver for {poss} {proc}, no driving yourself home",
]
_PREP_DRUGS = [
    "eliquis",
    "xarelto",
    "metformin",
    "aspirin",
    "plavix",
    "ozempic",
    "iron",
    "insulin",
    "warfarin",
    "fish oil",
]

_REASONS = [
    "that cut needs stitches",
    "that sounds like appendicitis",
    "with a troponin like that",
    "that's a lot of bleeding",
    "with that headache and a stiff neck",
    "a hot swollen calf after that flight is a clot until proven otherwise",
    "if he's that sleepy",
    "that sounds like a blood clot",
    "that's a kidney stone",
    "with your heart history",
    "those lips shouldn't be blue",
    "that burn is too big to treat at home",
    "your potassium came back high",
]
_GO_FRAMES = [
    "{reason}, head to urgent care {now}",
    "{reason}, go to the ER {now}",
    "{reason} - get {obj} to the ER {now}",
    "go to the ER {now}",
    "head to urgent care {now}",
    "you need to be seen {now}",
    "call 911 {now}",
    "get that looked at {now}",
    "take {obj} to urgent care {now}",
    "go straight to labor and delivery",
    "{reason}. go in {now}",
    "don't wait for monday, go in {now}",
    "{reason}, you need the ER {now}",
    "vaya al hospital ahora",
    "vaya a urgencias {es_now}",
    "llévelo a urgencias {es_now}",
    "allez aux urgences {fr_now}",
    "gehen Sie {de_now} in die Notaufnahme",
    "vá ao pronto-socorro {pt_now}",
]
_ES_NOW = ["ahora", "hoy", "ahora mismo", "esta noche", "no espere a mañana"]
_FR_NOW = ["maintenant", "tout de suite", "ce soir", "aujourd'hui"]
_DE_NOW = ["sofort", "heute noch", "jetzt"]
_PT_NOW = ["agora", "hoje", "já"]

# The same plans in the other languages the screen reads, to one reader (usted / tú, vous, você, Sie / du).
_FOREIGN_FRAMES = [
    "póngase la férula {es_when}",
    "use la bota {es_when}",
    "no se quite el cabestrillo {es_dur}",
    "no maneje {es_dur}",
    "nada de deporte {es_dur}",
    "vuelva si {es_sign}",
    "tráigalo otra vez si {es_sign}",
    "ponte la férula {es_when}",
    "no levante nada pesado {es_dur}",
    "nada de comer después de medianoche antes de su cirugía",
    "portez l'attelle {fr_when}",
    "gardez la botte {fr_when}",
    "ne conduisez pas {fr_dur}",
    "pas de sport {fr_dur}",
    "revenez si {fr_sign}",
    "ramenez-le si {fr_sign}",
    "mets l'attelle {fr_when}",
    "use a tala {pt_when}",
    "não dirija {pt_dur}",
    "nada de esporte {pt_dur}",
    "volte se {pt_sign}",
    "traga ele de volta se {pt_sign}",
    "tragen Sie die Schiene {de_when}",
    "trag die Schiene {de_when}",
    "kein Sport {de_dur}",
    "fahren Sie {de_dur} nicht Auto",
    "kommen Sie wieder, wenn {de_sign}",
    "mach eine Woche Pause vom Training",
]
_ES_WHEN = ["por la noche", "todas las noches", "cuando camine", "día y noche", "por seis semanas"]
_ES_DUR = ["por seis semanas", "por dos semanas", "hasta que lo vea", "por un mes", "hasta la próxima cita"]
_ES_SIGN = ["la fiebre llega a 40", "deja de orinar", "el dolor empeora", "la herida se pone roja", "le falta el aire"]
_FR_WHEN = ["la nuit", "toutes les nuits", "quand vous marchez", "jour et nuit", "pendant six semaines"]
_FR_DUR = ["pendant six semaines", "pendant deux semaines", "jusqu'au prochain rendez-vous", "pendant un mois"]
_FR_SIGN = ["la fièvre dépasse 40", "il ne boit plus", "la douleur augmente", "la plaie rougit", "vous êtes essoufflé"]
_PT_WHEN = ["à noite", "todas as noites", "quando andar", "dia e noite", "por seis semanas"]
_PT_DUR = ["por seis semanas", "por duas semanas", "até a próxima consulta", "por um mês"]
_PT_SIGN = ["a febre passar de 39", "ele parar de urinar", "a dor piorar", "o corte ficar vermelho"]
_DE_WHEN = ["nachts", "jede Nacht", "beim Gehen", "Tag und Nacht", "sechs Wochen lang"]
_DE_DUR = ["sechs Wochen lang", "zwei Wochen lang", "bis zum nächsten Termin", "einen Monat lang"]
_DE_SIGN = ["das Fieber über 40 steigt", "die Schmerzen stärker werden", "die Wunde rot wird", "Sie Atemnot bekommen"]

_HOME_FRAMES = [
    "ice it {sched}",
    "elevate {poss} leg {sched}",
    "keep the wound covered {dur}",
    "change the dressing {sched}",
    "soak it in warm water {sched}",
    "leave the steri-strips alone until they fall off",
    "drink at least two liters over the next day",
    "do the exercises I showed you {sched}",
    "walk the halls {sched}",
    "use the incentive spirometer {sched}",
    "check {poss} sugars {sched}",
    "keep a log of {poss} pressures and bring it in",
    "you are {state}, {home}",
    "you're {state}, {home}",
    "{subj} is {state}, {home}",
    "ur {state}, {home}",
    "you are {state}",
]
_STATES = [
    "dehydrated",
    "anemic",
    "run down from the virus",
    "overdoing it",
    "low on iron",
    "constipated",
    "overtrained",
]
_SCHEDS = [
    "twice a day",
    "every 2 hours",
    "3 times a day",
    "before bed",
    "every morning",
    "for 20 minutes at a time",
    "",
]


def _values(rng: random.Random) -> dict[str, str]:
    act, act_v, place = rng.choice(_ACTIVITIES)
    return {
        "obj": rng.choice(_OBJECTS),
        "subj": rng.choice(_SUBJECTS),
        "poss": rng.choice(_POSSESSIVES),
        "when": rng.choice(_WHEN),
        "now": rng.choice(_NOW),
        "dur": rng.choice(_DURATIONS),
        "sign": rng.choice(_READER_SIGNS),
        "third": rng.choice(_THIRD_SIGNS),
        "third2": rng.choice(_THIRD_SIGNS),
        "device": rng.choice(_DEVICES),
        "wear": rng.choice(_WEAR_WHEN),
        "act": act,
        "act_v": act_v,
        "place": place,
        "you_word": rng.choice(["", "you ", "u "]),
        "proc": rng.choice(_PROCEDURES),
        "drug": rng.choice(_PREP_DRUGS),
        "n": rng.choice(["2", "3", "5", "7", "two", "five"]),
        "reason": rng.choice(_REASONS),
        "reason_dx": rng.choice(_REASONS),
        "es_now": rng.choice(_ES_NOW),
        "fr_now": rng.choice(_FR_NOW),
        "de_now": rng.choice(_DE_NOW),
        "pt_now": rng.choice(_PT_NOW),
        "sched": rng.choice(_SCHEDS),
        "state": rng.choice(_STATES),
        "home": rng.choice(["push fluids", "rest up this week", "take it easy till friday", "double up on water"]),
        "es_when": rng.choice(_ES_WHEN),
        "es_dur": rng.choice(_ES_DUR),
        "es_sign": rng.choice(_ES_SIGN),
        "fr_when": rng.choice(_FR_WHEN),
        "fr_dur": rng.choice(_FR_DUR),
        "fr_sign": rng.choice(_FR_SIGN),
        "pt_when": rng.choice(_PT_WHEN),
        "pt_dur": rng.choice(_PT_DUR),
        "pt_sign": rng.choice(_PT_SIGN),
        "de_when": rng.choice(_DE_WHEN),
        "de_dur": rng.choice(_DE_DUR),
        "de_sign": rng.choice(_DE_SIGN),
    }


def _tidy(text: str) -> str:
    return " ".join(text.split()).replace(" ,", ",")


def advice_sentence(rng: random.Random) -> str:
    """One care plan told to one reader or to someone they care for."""
    frames = rng.choice(
        [_RETURN_FRAMES, _DEVICE_FRAMES, _RESTRICTION_FRAMES, _PREP_FRAMES, _GO_FRAMES, _HOME_FRAMES, _FOREIGN_FRAMES]
    )
    return _tidy(rng.choice(frames).format(**_values(rng)))


# --- the same plans said of a group ----------------------------------------------------------------------------
_GROUPS = ["most people", "most patients", "most kids", "a lot of people", "many patients", "most adults", "folks"]
_AUDIENCES = ["parents", "CPAP users", "runners", "everyone", "new moms", "athletes", "caregivers", "grandparents"]
_GENERAL_FRAMES = [
    "{group} wear the {device} about six weeks",
    "a {device} usually stays on {dur}",
    "{audience}: wear the {device} every night, even on vacation",
    "{audience}, if your child's fever hits 104, bring them in",
    "parents, if your kid {third_any}, bring them in",
    "if your child {third_any}, call the office",
    "if anyone has chest pain, call 911, don't drive yourself",
    "if you ever {sign_any}, call us",
    "after a {proc}, {group} can't {act_v} for a week or two",
    "{proc} prep usually means clear liquids the day before",
    "nobody should drive home after sedation",
    "{group} can go back to {place} within a few weeks",
    "the usual rule after a concussion is no {act} until symptoms are gone",
    "what I tell everyone: bring your {device} card to every visit",
    "anyone on a {device} should clean the mask weekly",
    "return precautions are the part of discharge people forget",
    "{group} stop blood thinners a few days before a {proc}, but only when their doctor says so",
    "most {proc}s need nothing to eat after midnight",
    "ice and elevation help {group} after a sprain",
    "{audience}: a fever alone isn't dangerous, how the child acts matters more",
    "in general, no {act} for six weeks after most belly surgeries",
    "{group} are surprised how long a {device} stays on",
    "when to go to the ER vs urgent care is the #1 thing {audience} ask me",
    "urgent care can handle most cuts that need stitches",
    "if you ever end up in the ER, bring a list of your meds",
    "if you have to go to urgent care, bring your insurance card and your med list",
    "si alguna vez tiene que ir a urgencias, lleve la lista de sus medicamentos",
    "se precisar ir ao pronto-socorro, leve a lista dos seus remédios",
    "si vous devez aller aux urgences, apportez la liste de vos médicaments",
    "wenn Sie in die Notaufnahme müssen, nehmen Sie Ihren Medikamentenplan mit",
    "si tiene dolor de pecho, llame al 911",
    "la mayoría de los niños vuelve a la escuela un día después de que se quita la fiebre",
    "en général, on porte l'attelle six semaines",
    "die meisten Patienten tragen die Schiene sechs Wochen",
    "la mayoría de los pacientes usa la férula {es_dur}",
    "después de una cirugía de rodilla, casi nadie maneja {es_dur}",
    "si su hijo {es_sign_any}, llévelo a urgencias",
    "la plupart des patients portent l'attelle {fr_dur}",
    "en général, pas de sport {fr_dur} après une entorse",
    "a maioria das pessoas usa a tala {pt_dur}",
    "depois de uma cirurgia, ninguém deve dirigir {pt_dur}",
    "viele Patienten tragen die Schiene {de_dur}",
    "nach einer Knieoperation fahren die meisten {de_dur} nicht Auto",
]
_ANY_THIRD = ["stops peeing", "has a fever over 104", "can't keep fluids down", "has blue lips", "is hard to wake up"]
_ANY_SIGNS = ["feel chest pressure", "can't catch your breath", "notice one-sided weakness", "see blood in your stool"]


def clean_sentence(rng: random.Random) -> str:
    """The same plans said of a group or of anyone: general education."""
    values = _values(rng)
    values.update(
        group=rng.choice(_GROUPS),
        audience=rng.choice(_AUDIENCES),
        third_any=rng.choice(_ANY_THIRD),
        sign_any=rng.choice(_ANY_SIGNS),
        es_sign_any=rng.choice(["tiene fiebre de 40", "no despierta bien", "tiene los labios morados"]),
    )
    return _tidy(rng.choice(_GENERAL_FRAMES).format(**values))
