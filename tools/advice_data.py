"""A generative grammar for the sentence classifier's ADVICE class and its hardest clean neighbours.

The hand-written advice templates (screen_data.ADVICE_TEMPLATES, reply_data) are a few dozen
sentences; a classifier trained only on them learns their verbs and drugs. Here advice is built
from parts, so what stays constant is the structure, not the words:

- a command or plan aimed at one person (an imperative clause, 'I want you to', 'we'll', 'let's',
  'you can', 'I'd recommend you'...) + a treatment verb + an object (a real drug, or an invented
  drug name so the model cannot lean on knowing the drug) + optional dose and schedule + a reason;
- a dose change ('we'll go from 20 to 40'), a diagnosis given to one person ('that X on your Y is
  Z', 'sounds like Z'), putting off care ('you can skip the MRI'), a small Spanish grammar.

The clean side is built the same way from general-education parts: commands about habits with
amounts and schedules ('floss once a day'), 'you' meaning anyone ('you should see a
doctor if...', 'if you take X, ...'), what most people do ('most people can stop X after...'),
drug facts with doses ('X is usually taken 10 mg once a day') and deferrals to a clinician.

Words that appear only in the held-out writers' phrasings (screen_data.HELDOUT_*, reply_data.HELDOUT_*)
are kept out of this grammar, so those sets still measure generalisation.
"""

from __future__ import annotations

import random

import advice_languages
import care_plan_data

# --- invented drug names: the model must learn the shape of advice, not a drug list ------------
_SYL_START = ["zo", "tra", "ve", "lu", "mi", "ca", "do", "ne", "xa", "pa", "ri", "so", "ta", "be", "fe", "qui", "ko"]
_SYL_MID = ["", "", "ra", "li", "ve", "to", "mo", "ni", "zi", "ta", "ro", "de"]
_SYL_END = [
    "x",
    "vir",
    "lex",
    "nix",
    "tor",
    "dra",
    "mara",
    "zen",
    "lo",
    "via",
    "trel",
    "quil",
    "cet",
    "ra",
    "zide",
    "max",
]


def invented_drug(rng: random.Random) -> str:
    word = rng.choice(_SYL_START) + rng.choice(_SYL_MID) + rng.choice(_SYL_END)
    return word.capitalize() if rng.random() < 0.5 else word


# Real drug words (a sample; the rest come from screen_data.DRUG_PHRASES).
_MORE_DRUGS = [
    "motrin",
    "advil",
    "excedrin",
    "mucinex",
    "sudafed",
    "zantac",
    "pepcid",
    "imodium",
    "miralax",
    "colace",
    "prednisone",
    "medrol",
    "keflex",
    "bactrim",
    "macrobid",
    "flagyl",
    "valtrex",
    "tamiflu",
    "paxlovid",
    "coreg",
    "toprol",
    "norvasc",
    "cozaar",
    "zestril",
    "crestor",
    "zetia",
    "januvia",
    "glipizide",
    "lantus",
    "humalog",
    "basaglar",
    "synthroid",
    "armour thyroid",
    "celexa",
    "paxil",
    "buspar",
    "klonopin",
    "ativan",
    "ambien",
    "vistaril",
    "hydroxyzine",
    "meclizine",
    "zofran",
    "reglan",
    "robaxin",
    "flexeril",
    "mobic",
    "meloxicam",
    "voltaren gel",
    "lidocaine patches",
    "nystatin",
    "lamisil",
    "clotrimazole",
    "mupirocin",
    "neosporin",
    "triamcinolone",
    "the nasal spray",
    "the eye drops",
    "the ear drops",
    "the cough syrup",
    "the antacid",
    "your inhaler",
    "the nebulizer",
    "the nitro patch",
    "the sleeping pills",
    "the stool softener",
    "the antihistamine",
    "the steroid pack",
    "the cream",
    "the blood pressure pill",
    "the thyroid pill",
    "the sugar pill",
    "the heart pill",
    "calcium",
    "magnesium",
    "fish oil",
    "zinc",
]
_DETS = ["the", "your", "the", "your", "some", "", "", "her", "his", "the baby's", "your son's", "that"]


def _drug(rng: random.Random, real: list[str]) -> str:
    roll = rng.random()
    if roll < 0.3:
        return invented_drug(rng)
    if roll < 0.55:
        return rng.choice(_MORE_DRUGS)
    return rng.choice(real)


def _object(rng: random.Random, real: list[str]) -> str:
    drug = _drug(rng, real)
    if drug.startswith(("the ", "your ")):
        return drug
    det = rng.choice(_DETS)
    return f"{det} {drug}" if det else drug


_UNITS = ["mg", "mg", "milligrams", "mcg", "units", "ml", "tabs", "pills", ""]
_NUMS = [
    "1",
    "2",
    "5",
    "10",
    "12.5",
    "20",
    "25",
    "40",
    "50",
    "75",
    "100",
    "200",
    "250",
    "400",
    "500",
    "600",
    "800",
    "1000",
]


_SPOKEN = {
    "1": "one",
    "2": "two",
    "5": "five",
    "10": "ten",
    "20": "twenty",
    "25": "twenty-five",
    "40": "forty",
    "50": "fifty",
    "75": "seventy-five",
    "100": "a hundred",
    "200": "two hundred",
    "500": "five hundred",
    "1000": "a thousand",
}


def _dose(rng: random.Random) -> str:
    roll = rng.random()
    n, unit = rng.choice(_NUMS), rng.choice(_UNITS)
    if roll < 0.35:
        return ""
    if roll < 0.55:
        return f"{n} {unit}".strip()
    if roll < 0.7:  # spoken, as in a visit transcript: 'ten ml', 'forty milligrams'
        return f"{_SPOKEN.get(n, n)} {unit}".strip()
    if roll < 0.85:
        return rng.choice(["half a tab", "one tab", "two tabs", "an extra one", "a whole one", "2 puffs", "1 tab"])
    return f"{n}{unit}" if unit in ("mg", "mcg", "ml") else n


_SCHED = [
    "",
    "",
    "",
    "once a day",
    "twice a day",
    "three times a day",
    "every {h} hours",
    "every {h} hrs",
    "q{h}h",
    "daily",
    "nightly",
    "at night",
    "at bedtime",
    "in the morning",
    "with breakfast",
    "with meals",
    "before bed",
    "tonight",
    "starting tomorrow",
    "from now on",
    "for {d} days",
    "for the next {d} days",
    "until you see me",
    "until the follow up",
    "this week",
    "on weekends",
    "every other day",
    "around the clock",
    "as needed",
    "bid",
    "tid",
    "prn",
    "for a week, then stop",
]
_TAILS = [
    "",
    "",
    "",
    "",
    " and let me know how it goes",
    " and call me friday",
    " and recheck in 2 weeks",
    ", that should take care of it",
    ", it'll settle down",
    ", your numbers say so",
    " since your pressure is up",
    ", with your kidneys that's safer",
    " if the pain comes back",
    ", it's fine with your other meds",
    " and see how you feel",
    ", you'll be fine",
    " till it clears",
    ", no need to come in",
    " because of the swelling",
    ", your labs were fine",
    " if your sugar is over 200",
    " and push fluids",
]
# Verbs that take a treatment as their object (the model should see many, the gate none of them listed).
_TREAT_VERBS = [
    "take",
    "try",
    "start",
    "stop",
    "quit",
    "restart",
    "resume",
    "hold",
    "skip",
    "pause",
    "double",
    "halve",
    "cut back",
    "cut down on",
    "lower",
    "raise",
    "increase",
    "decrease",
    "bump up",
    "go up on",
    "go down on",
    "switch to",
    "change to",
    "keep taking",
    "keep using",
    "continue",
    "come off",
    "get off",
    "wean off",
    "taper",
    "use",
    "apply",
    "rub on",
    "spray",
    "chew",
    "swallow",
    "pop",
    "pick up",
    "get some",
    "buy",
    "load up on",
    "alternate",
    "add",
    "drop",
    "ditch",
    "give her",
    "give him",
    "give the baby",
    "put on",
    "stick with",
    "back off on",
    "go back on",
    "hold off on",
    "cut out",
]
# Who is told: an imperative, a plan or 'you' in the particular sense.
# Fillers of chat, transcripts and replies, drawn alike for advice and clean text so that they are
# no evidence either way.
_REGISTER = [
    "",
    "",
    "",
    "",
    "so ",
    "ok so ",
    "okay, so, um, ",
    "alright, ",
    "honestly ",
    "yeah ",
    "um, ",
    "hi! ",
    "sure, ",
    "and ",
    "well, ",
    "right, so ",
    "oh, ",
    "yes, ",
    "no, ",
    "good question, ",
]
_LEADS = [
    "",
    "",
    "",
    "",
    "",
    "just ",
    "please ",
    "go ahead and ",
    "for you, ",
    "in your case ",
    "hey {first}, ",
    "{first}, ",
    "I want you to ",
    "I'd like you to ",
    "I'm going to have you ",
    "what I want you to do is ",
    "let's ",
    "we'll ",
    "we're going to ",
    "I'd ",
    "you can ",
    "you should ",
    "you need to ",
    "you'll want to ",
    "make sure you ",
    "I'd recommend you ",
    "I'll recommend that you ",
    "my advice: ",
    "best thing is to ",
    "what we'll do is ",
    "try to ",
    "you could ",
    "you're fine to ",
    "it's ok to ",
    "I think you should ",
    "from here on ",
    # Forum answers to one writer: conditionals about the writer, not about anyone.
    "if I were you I'd ",
    "in your shoes I'd ",
    "personally I'd ",
    "what I'd do is ",
    "honestly just ",
    "OP, ",
    "op you should ",
    "based on what you describe, ",
    "from your description I'd ",
    "you really ought to ",
    # Told to pass it on to someone the reader cares for.
    "have him ",
    "have her ",
    "have them ",
    "tell your {rel} to ",
    "get your {rel} to ",
    "make sure your {rel} and you ",
    "let your {rel} ",
]


_RELATIVES = ["mom", "dad", "husband", "wife", "son", "daughter", "kid", "grandma", "partner", "boyfriend"]


def _fill(text: str, rng: random.Random, first: str) -> str:
    return text.format(
        h=rng.choice([4, 6, 8, 12]), d=rng.choice([3, 5, 7, 10, 14]), first=first, rel=rng.choice(_RELATIVES)
    )


def _treatment(rng: random.Random, real: list[str], first: str) -> str:
    verb = rng.choice(_TREAT_VERBS)
    obj = _object(rng, real)
    dose = _dose(rng)
    sched = _fill(rng.choice(_SCHED), rng, first)
    roll = rng.random()
    if roll < 0.45 or not dose:
        parts = [verb, obj, dose, sched]
    elif roll < 0.75:
        parts = [verb, dose, "of" if not dose[0].isdigit() or rng.random() < 0.5 else "", obj.split(" ", 1)[-1], sched]
    else:
        parts = [verb, obj, "to", dose, sched]
    return " ".join(p for p in parts if p)


_DX_FRAMES = [
    "that {thing} on your {body} is {hedge}{dx}",
    "the {thing} on your {body} {sounds} {dx}",
    "your {body} {symptom} is {hedge}{dx}",
    "{sounds} {dx}",
    "you've got {dx}",
    "you have {hedge}{dx}",
    "what you have is {dx}",
    "I think it's {dx}",
    "it's {hedge}{dx}, not {dx2}",
    "that's {hedge}{dx}",
    "your {rel} has {dx}",
    "from the picture it's {hedge}{dx}",
    "I'm pretty sure you have {dx}",
    "yep, that's {dx}",
    "your symptoms are {hedge}{dx}",
    "that's textbook {dx}",
    "your {symptom} is classic {dx}",
    "you've got a classic case of {dx}",
    "{hedge}{dx}, 100%",
    "the way you describe it, it's {dx}",
    "your {rel}'s {symptom} is {hedge}{dx}",
    "your {rel} has {hedge}{dx}, not {dx2}",
    # the diagnosis after the care, with what it will do next: 'soak it twice a day - it's an ingrown toenail'
    "it's {hedge}{dx}{course}",
    "this is {hedge}{dx}{course}",
    # what the reader is, or what their complaint is: 'you're prediabetic', 'that cough after your cold is post-viral'
    "you're {hedge}{state}",
    "based on your {results} you're {hedge}{state}",
    "that {symptom} after your {event} is {hedge}{state}",
    "your {results} {show} {dx}",
]
_COURSES = [
    "",
    " and it should peak in a few days",
    " with early infection",
    " and it'll clear on its own in a week or two",
    ", a mild one",
    ", nothing serious",
]
_RESULTS = ["numbers", "labs", "bloodwork", "readings", "results", "x-ray", "scan", "photos", "pictures"]
_SHOW = ["show", "point to", "fit", "are consistent with", "suggest"]
_EVENTS = ["cold", "flu", "fall", "surgery", "trip", "run", "workout", "covid"]
_STATES = ["prediabetic", "anemic", "dehydrated", "hypothyroid", "post-viral", "iron deficient", "low on vitamin D"]
_HEDGES = ["", "", "probably ", "definitely ", "likely ", "just ", "almost certainly ", "clearly "]
_SOUNDS = ["sounds like", "it sounds like you have", "looks like", "seems like", "this sounds like"]
_SYMPTOMS = ["pain", "rash", "swelling", "itching", "numbness", "cough", "headache", "ache", "burning"]
_DX_TAILS = [
    "",
    "",
    "",
    ", {treat}",
    ", so {treat}",
    ", no need for a visit",
    ", it'll pass",
    ", you don't need {test}",
    " and {treat}",
    ", nothing to worry about",
]
# The writer's own numbers, then what to do about them: 'your LDL is 190, you need to be on a statin'.
_LABS = ["LDL", "A1c", "TSH", "ferritin", "potassium", "INR", "vitamin D", "blood pressure", "sugar", "B12", "PSA"]
_LAB_VALUES = ["190", "7.9", "6", "8", "3.1", "3.4", "12", "160/100", "250", "140", "4.8"]
_LAB_FRAMES = [
    "your {lab} is {val}, {treat}",
    "with a {lab} of {val} you need to be on {drug}",
    "your {lab} of {val} means {treat}",
    "a {lab} of {val} in you means you should be on {drug}",
    "at {val} your {lab} is too high, {treat}",
    "your {lab} says you need {drug}",
    "you need to be on {drug}",
    "you should be on {drug}, {lab} of {val} is too high",
    "you belong on {drug} with that {lab}",
    "time for you to start {drug}, your {lab} won't come down on its own",
    "your {lab} is {val} - you need {test}",
    "with a {lab} of {val}, you need {test} {time}",
]
_CARE = [
    "you can skip {test}",
    "you don't need {test}",
    "no need for {test}, {treat}",
    "skip {test} this year",
    "I'll recommend that you have {test}",
    "I want you to get {test} {time}",
    "let's get {test} {time}",
    "you'll need {test} before we do anything else",
    "we should do {test} {time}",
    "get {test} {time}",
    "you don't need to come in for that",
    "no need to go to the ER, {treat}",
    "you don't need to be seen, {treat}",
    "book {test} for next week",
    "cancel {test}, you don't need it",
    "at your age with those {symptom}s, you really need {test}",
    "with {symptom} like yours you need {test} {time}",
    "you really need {test}, ask for it",
    "you need {test} now, not next month",
    "honestly you should get {test} {time}",
    # Care to get, told to one reader: a referral or a consult ('you need a urology referral, I've put it in').
    "you need {test}, I've put it in",
    "you need {test} and I've ordered it",
    "I'm sending you for {test} {time}",
    "you should see {test} {time}",
]
# What a reader is sent for besides a test: a referral, a consult, a specialist.
_REFERRALS = [
    "a urology referral",
    "a referral to cardiology",
    "a dermatology consult",
    "a GI referral",
    "a neurology consult",
    "an ENT referral",
    "a cardiologist",
    "a sleep study",
    "physical therapy",
    "a rheumatologist",
]
_CHANGES = [
    "we'll increase it from {n} to {n2}",
    "we'll go from {n} milligrams to {n2}",
    "let's bump it up to {n2} mg",
    "I'm going to lower your {drug} to {n} mg",
    "we're going to cut it back to once a day",
    "I'd go up to {n2} on the {drug}",
    "we'll drop the {drug} to {n}",
    "let's take you off the {drug}",
    "we're going to switch you from {drug} to {drug2}",
    "I'm stopping the {drug}, start {drug2} instead",
    "let's change your {drug} to the evening",
    "we'll try {n} of {drug} and see",
    "increase it to {n2} tomorrow",
]
# A small Spanish grammar: formal imperatives, a diagnosis, putting off care.
_ES_VERBS = [
    "tome",
    "tómese",
    "tome usted",
    "deje de tomar",
    "suspenda",
    "aumente",
    "baje",
    "reduzca",
    "use",
    "aplique",
    "dele",
    "siga tomando",
    "empiece",
    "cambie a",
    "no tome",
    "pruebe",
    "tome solo",
]
_ES_OBJECTS = [
    "la pastilla",
    "las pastillas",
    "el medicamento",
    "la medicina",
    "el jarabe",
    "la crema",
    "su {drug}",
    "el {drug}",
    "{n} mg de {drug}",
    "la insulina",
    "las gotas",
    "media pastilla",
]
_ES_SCHED = [
    "",
    "",
    "cada {h} horas",
    "dos veces al día",
    "una vez al día",
    "en la noche",
    "en la mañana",
    "antes de dormir",
    "con las comidas",
    "por {d} días",
    "hasta la cita",
    "desde mañana",
    "esta noche",
]
_ES_OTHER = [
    "usted tiene {dx_es}",
    "eso es {dx_es}",
    "parece {dx_es}",
    "su hijo tiene {dx_es}",
    "tiene {dx_es}, no es grave",
    "no necesita ir al médico",
    "no vaya a urgencias, es {dx_es}",
    "no necesita {test_es}",
]
_DX_ES = [
    "una infección",
    "gripe",
    "una alergia",
    "gastritis",
    "una infección urinaria",
    "un virus",
    "migraña",
    "una torcedura",
    "sinusitis",
    "dermatitis",
]
_TEST_ES = ["la radiografía", "análisis de sangre", "el ultrasonido", "una tomografía"]


# Share of the grammar's advice, and of its clean text, that is a care plan rather than a treatment.
CARE_PLAN_SHARE = 0.2


def advice_sentence(rng: random.Random, real: list[str], dx: list[str], tests: list[str], first: str) -> str:
    """One individual-advice sentence from the grammar."""
    first = first or "sam"
    if rng.random() < CARE_PLAN_SHARE:  # tools/care_plan_data.py: coming back, devices, restrictions, prep, go now
        text = care_plan_data.advice_sentence(rng)
        return rng.choice(_REGISTER) + text if rng.random() < 0.4 else text

    def treat() -> str:
        return _treatment(rng, real, first)

    roll = rng.random()
    if roll < 0.45:
        lead = _fill(rng.choice(_LEADS), rng, first)
        text = lead + treat() + rng.choice(_TAILS)
        if rng.random() < 0.25:
            text += f" and {treat()}"
    elif roll < 0.65:
        text = rng.choice(_DX_FRAMES).format(
            thing=rng.choice(["ring", "rash", "bump", "spot", "lump", "mole", "patch", "blister", "red streak"]),
            body=rng.choice(["arm", "leg", "back", "neck", "foot", "hand", "face", "knee", "scalp", "ear", "eye"]),
            hedge=rng.choice(_HEDGES),
            dx=rng.choice(dx),
            dx2=rng.choice(dx),
            sounds=rng.choice(_SOUNDS),
            symptom=rng.choice(_SYMPTOMS),
            rel=rng.choice(["son", "daughter", "baby", "husband", "kid"]),
            course=rng.choice(_COURSES),
            state=rng.choice(_STATES),
            results=rng.choice(_RESULTS),
            show=rng.choice(_SHOW),
            event=rng.choice(_EVENTS),
        )
        text += rng.choice(_DX_TAILS).format(treat=treat(), test=rng.choice(tests))
    elif roll < 0.77:
        text = rng.choice(_CARE).format(
            test=rng.choice(tests + ["the ER", "urgent care", "a visit", "the follow-up"] + _REFERRALS),
            treat=treat(),
            time=_fill(rng.choice(_SCHED[3:]), rng, first),
            symptom=rng.choice(_SYMPTOMS),
        )
    elif roll < 0.8:
        text = rng.choice(_LAB_FRAMES).format(
            lab=rng.choice(_LABS),
            val=rng.choice(_LAB_VALUES),
            treat=treat(),
            drug=_drug(rng, real),
            test=rng.choice(tests + _REFERRALS),
            time=_fill(rng.choice(_SCHED[3:]), rng, first),
        )
    elif roll < 0.88:
        text = rng.choice(_CHANGES).format(
            n=rng.choice(_NUMS), n2=rng.choice(_NUMS), drug=_drug(rng, real), drug2=_drug(rng, real)
        )
        text += rng.choice(_TAILS)
    elif rng.random() < 0.7:  # the other languages the screen reads, from their own grammar (7 of them: 5 at 0.5)
        return advice_languages.advice_sentence(rng, _drug(rng, real).removeprefix("the ").removeprefix("your "))
    else:
        if rng.random() < 0.7:
            obj = rng.choice(_ES_OBJECTS).format(drug=_drug(rng, real).removeprefix("the "), n=rng.choice(_NUMS))
            text = f"{rng.choice(_ES_VERBS)} {obj} {_fill(rng.choice(_ES_SCHED), rng, first)}".strip()
        else:
            text = rng.choice(_ES_OTHER).format(dx_es=rng.choice(_DX_ES), test_es=rng.choice(_TEST_ES))
        text = rng.choice(["", "", "hola, ", "señora, ", "mire, "]) + text
    return rng.choice(_REGISTER) + text if rng.random() < 0.4 else text


# --- the clean side: general education built from the same kinds of parts -------------------------
_HABIT_COMMANDS = [
    "drink water {often}",
    "floss {often}",
    "wear a mask on crowded flights",
    "walk 30 minutes {often}",
    "brush twice a day and floss once",
    "check your feet {often}",
    "wash the cut with soap and water {often}",
    "stretch {often}",
    "get 7 to 9 hours of sleep a night",
    "limit salt to about 2 g a day",
    "give it a few weeks",
    "give new shoes a week or two to break in",
    "change your toothbrush every 3 months",
    "rinse with salt water {often}",
    "wear a helmet every ride",
    "aim for 25 grams of fiber a day",
    "keep a symptom diary {often}",
    "take the stairs {often}",
    "store medicines out of reach of kids",
    "never share prescription medicine",
    "bring all your pill bottles to visits",
    "don't double up if you miss a dose, check the label",
    "read the dosing chart on the box",
    "use a proper measuring syringe, not a kitchen spoon",
    "check your blood pressure at the same time {often}",
    "skip sugary drinks",
    "don't pop a blister, let it drain on its own",
    "don't use a heating pad while you sleep",
    "never put a baby to sleep on their stomach",
    "don't smoke around kids",
    "put the phone down an hour before bed",
]
# Commands about habits, built from parts: the same command shape as advice, with no treatment in it.
_HABIT_VERBS = [
    "use",
    "wear",
    "drink",
    "eat",
    "skip",
    "avoid",
    "limit",
    "try",
    "keep",
    "wash",
    "check",
    "change",
    "get",
    "take",
    "put away",
    "bring",
    "stop",
    "start",
    "cut back on",
    "swap",
    "add",
    "go easy on",
]
_HABIT_OBJECTS = [
    "a helmet",
    "water",
    "more fiber",
    "sugary drinks",
    "the stairs",
    "a short walk",
    "your hands",
    "your feet",
    "the smoke alarm batteries",
    "a good pillow",
    "screens",
    "alcohol",
    "energy drinks",
    "smoking",
    "vaping",
    "a mask",
    "earplugs",
    "sunglasses",
    "a food diary",
    "the salt shaker",
    "processed meat",
    "a bike light",
    "your seatbelt",
    "a stretch break",
    "some vegetables",
    "fried food",
    "a reusable water bottle",
    "your phone",
]
# How any medicine is handled, stored and taken well: technique and safety, with a purpose, not a decision.
_HANDLING = [
    "store {drug} {where}",
    "keep {drug} {where}",
    "shake {drug} well before each dose",
    "rinse your mouth after using {drug}",
    "swallow {drug} whole, don't crush or chew it",
    "use a spacer with {drug}",
    "space {drug} and {drug2} a few hours apart",
    "take {drug} {how}",
    "check the expiration date on {drug}",
    "bring {drug} {bring}",
    "dispose of leftover {drug} at a take-back site",
    "set a reminder so you don't miss a dose of {drug}",
    "don't mix {drug} with alcohol",
    "never share {drug} with anyone",
    "write down every medicine you take, {drug} included",
    "read the leaflet that comes with {drug}",
    "measure liquid {drug} with the syringe, not a kitchen spoon",
    "avoid alcohol while taking {drug}",
    "don't drive until you know how {drug} affects you",
    "stay out of strong sun while you're on {drug}",
    "never take more than {n} mg of {drug} in a day",
    "don't go over {n} mg of {drug} in 24 hours",
    "keep a list of your medicines, {drug} included, in your wallet",
]
_WHERE = ["in the fridge", "at room temperature", "away from heat", "in the original bottle", "out of reach of kids"]
_HOW = ["with food", "with a full glass of water", "on an empty stomach", "at the same time each day", "with a meal"]
_BRING = ["to every visit", "in your carry-on when you fly", "to school in a labelled bag", "when you travel"]
_PURPOSE = [
    "",
    "",
    " to prevent {symptom}",
    " for better absorption",
    " so it works properly",
    " so it doesn't lose strength",
    ", most labels say so",
    ", that's standard advice for everyone",
]
# Explaining how a drug class is used, out loud, with 'you' meaning anyone on it.
_HOW_IT_WORKS = [
    "with {drug}, you {technique} because {reason}",
    "{drug} is one you {technique}, because {reason}",
    "the reason you {technique} with {drug} is {reason}",
    "people on {drug} usually {technique}, since {reason}",
]
_TECHNIQUES = [
    "take it at night",
    "start low and go up slowly",
    "take it with food",
    "finish the whole course",
    "take it every day even when you feel fine",
    "avoid grapefruit",
    "get labs now and then",
    "take it first thing in the morning",
]
_REASONS = [
    "that's when it works best",
    "it can upset the stomach",
    "the side effects ease off over time",
    "stopping early lets the infection come back",
    "the body needs time to adjust",
    "it interacts with some foods",
    "the effect builds up over weeks",
]
_OFTEN = [
    "every day",
    "daily",
    "every 2 hours",
    "twice a day",
    "every morning",
    "at night",
    "once a week",
    "each evening",
]
_GENERAL_YOU = [
    "you should see a doctor if {symptom} lasts more than {d} days",
    "you should call your doctor if the {symptom} gets worse",
    "if you take {drug}, ask your pharmacist about interactions",
    "if you're on {drug}, your doctor may check your labs {often}",
    "your doctor may raise or lower your {drug} dose over time",
    "you may need {test} if you have {cond}",
    "if you have {dx}, most people get better in {d} days",
    "you can usually go back to normal activity after {d} days",
    "if you miss a dose of {drug}, the label tells you what to do",
    "you should never stop {drug} without talking to your doctor",
    "ask your doctor whether {drug} is right for you",
    "talk to your doctor before you change your {drug}",
    "if your {symptom} doesn't improve, get it checked",
    "you shouldn't take {drug} with alcohol",
    "you might feel tired for a few days after {test}",
    "if you think you have {dx}, see your doctor",
    "to be sure it's {dx} you need {test}, a photo isn't enough",
    "you need two doses of the vaccine for full protection",
    "you need a referral for {test} with most plans",
    "for {test} you need to fast overnight",
    # what the reader has heard or read: 'you have probably heard' is no diagnosis ('you probably have')
    "you've probably heard that {myth}",
    "you have probably heard that {myth}",
    "you may have read that {myth}",
    "you might have seen online that {myth}",
    "you probably grew up hearing that {myth}",
]
_MYTHS = [
    "eggs raise cholesterol",
    "cracking your knuckles causes arthritis",
    "sugar makes kids hyper",
    "cold weather gives you a cold",
    "reading in the dark ruins your eyes",
    "{drug} wrecks your kidneys",
    "you lose most of your heat through your head",
    "antibiotics help a cold",
    "you need eight glasses of water a day",
]
# 'You' meaning anyone, as people explain things out loud: a modal and a generic outcome.
_YOU_MODALS = ["", "usually ", "might ", "may ", "can ", "can't always ", "won't ", "will ", "tend to ", "often "]
_YOU_OUTCOMES = [
    "feel tired for a day or two",
    "notice some bruising",
    "get a sore arm",
    "see results in a few weeks",
    "need two doses",
    "go home the same day",
    "feel a little pressure",
    "need a ride home",
    "be back to normal in a week",
    "get a mild fever",
    "hear a clicking sound",
    "feel pretty groggy",
    "have some spotting",
    "need a repeat test in a year",
    "feel it working right away",
    "lose a little hair",
    "get headaches the first week",
]
_YOU_SETTINGS = [
    "after {test}",
    "with {dx}",
    "on {drug}",
    "when you start {drug}",
    "during {test}",
    "the first week",
    "",
    "",
]
# 'Your' meaning anyone's: how the body works, not one person's treatment.
_YOUR_PARTS = ["skin", "liver", "kidneys", "heart", "gut", "immune system", "bones", "eyes", "knees", "brain", "lungs"]
_YOUR_PREDICATES = [
    "renews itself all the time",
    "does most of the work on its own",
    "gets a little less efficient with age",
    "needs a few weeks to adjust to {drug}",
    "can handle more than people think",
    "tells you a lot if you pay attention",
    "changes a lot after 40",
    "heals faster if you sleep well",
    "recovers on its own from most of this",
    "is tougher than it looks",
]
_GENERAL_FACTS = [
    "{drug} is usually taken {n} mg {often}",
    "the usual starting dose of {drug} is {n} mg",
    "{drug} comes in {n} mg tablets",
    "most people can stop {drug} after {d} days if their doctor agrees",
    "most people with {dx} don't need {test}",
    "most people can go back to work after {d} days",
    "{dx} usually clears up in {d} days",
    "doctors sometimes double the {drug} dose when {cond} is hard to control",
    "some people need to stop {drug} before {test}",
    "{drug} and {drug2} are in the same drug family",
    "kids under 2 shouldn't get {drug} unless a doctor says so",
    "{test} is usually done {often} for people with {cond}",
    "patients often ask if they can skip {drug} on vacation, and the answer depends on the drug",
    "do I need {test}? for most people, no",
    "can I take {drug} with {drug2}? usually, but ask your pharmacist",
    "people on {drug} often ask about side effects",
    "{drug} can cause {symptom} in some people",
    "the label says not to take more than {n} mg a day",
    "{dx} is common and usually not serious",
    "a lot of people think {dx} needs antibiotics, but it usually doesn't",
    "we usually start people on {drug} at {n} mg and adjust from there",
    "the reason we order {test} is to rule out {dx}",
    "we do {test} under light sedation, most people don't remember it",
    "what happens with {dx} is the body overreacts, and that's why it itches",
    "the thing about {drug} is it works slowly, it takes a few weeks",
    "you won't feel much during {test}",
    "you can't always see {dx} on {test}, so we go by symptoms",
    "with {dx} you usually feel worse for {d} days, then better",
    "we take a small sample and send it to the lab",
    "{drug} used to be prescription only, now it's over the counter",
    "{test} is recommended for adults over 45, earlier with a family history",
    "adults over 65 should ask about {drug}",
    "rest and fluids are the main treatment for {dx}",
    # the diagnosis frames of the advice side, said of anyone: 'it's croup season', 'often it's X'
    "{dx} often peaks in a few days and clears on its own",
    "it's {dx} season, so we see a lot of it",
    "often it's {dx}, and rest and time fix it",
    "a lot of people with {dx} don't know they have it",
    "when you're sick, rest matters more than any supplement",
    "it's normal to feel {symptom} for a few days after {test}",
    "it's common to need {test} more than once",
    "it's not dangerous, but it's worth mentioning at your next visit",
    "it's a myth that {drug} is addictive",
]
_CLEAN_LEADS = [
    "",
    "",
    "",
    "top question: ",
    "q of the week: ",
    "quick tip: ",
    "reminder: ",
    "patient education: ",
    "FAQ: ",
    "general rule: ",
    "good question! ",
    "hi! in general, ",
    "great question. ",
]
# Encouragement to any reader, even naming a treatment or a test: it expects, it tells no one what to take.
_CHEER = [
    "you've got this",
    "you've totally got this",
    "hang in there",
    "keep going",
    "you're doing great",
    "be proud of yourself",
    "you are not alone",
    "stay strong",
    "you can do hard things",
    "go easy on yourself",
    "be kind to yourself",
    "one day at a time",
    "don't give up",
    "so proud of all of you",
]
_CHEER_TAILS = [
    "the first week on {drug} is the hardest",
    "{dx} gets better, it just takes time",
    "{test} is over before you know it",
    "most people on {drug} feel better within a few weeks",
    "recovery after {test} isn't a straight line",
    "living with {cond} is a marathon, not a sprint",
    "every day on {drug} gets a little easier",
    "the side effects of {drug} usually fade",
    "so many people with {cond} are right there with you",
    "your body is doing the work",
    "small changes add up",
    "",
]
# A command to everyone who fits a condition or an age: a campaign, not one reader's treatment.
_AUDIENCES = ["ladies", "parents", "folks over 50", "everyone", "friends", "moms", "guys", "grandparents"]
_CAMPAIGNS = [
    "{audience}, book {test} this month",
    "{audience}: {habit}",
    "if you're over {age}, it's time to book {test}",
    "if you're over {age}, ask about {test}",
    "reminder for {audience}: {habit}",
    "don't forget {test} this season",
    "{habit} when you have {dx}",
    "when you have {dx}, {habit}",
    "if you get {symptom}, {habit}",
    "{habit} if you feel {symptom} coming on",
    "anyone with {cond}: {habit}",
]
_CONDITIONAL_HABITS = [
    "drink plenty of fluids and rest",
    "rest and drink lots of water",
    "stay home and rest",
    "wash your hands often",
    "get plenty of sleep",
    "use a humidifier at night",
    "keep a symptom diary",
    "take it easy for a few days",
    "stay hydrated",
    "cover your cough",
    "elevate it and ice it",
    "check your feet every day",
]
_ES_CLEAN = [
    "hable con su médico antes de cambiar {drug}",
    "la mayoría de las personas mejora en {d} días",
    "tome agua durante el día",
    "use protector solar todos los días",
    "consulte a su médico si la fiebre sigue",
    "muchas personas toman {drug} sin problemas",
]


def clean_sentence(rng: random.Random, real: list[str], dx: list[str], tests: list[str], conds: list[str]) -> str:
    """One general-education sentence close to advice in wording."""
    if rng.random() < CARE_PLAN_SHARE:  # the same care plans said of a group
        return rng.choice(_REGISTER) + care_plan_data.clean_sentence(rng)
    if rng.random() < 0.07:  # ... and in the other languages, so a language is never a sign of advice
        return advice_languages.clean_sentence(rng, _drug(rng, real).removeprefix("the ").removeprefix("your "))
    values = {
        "drug": _drug(rng, real).removeprefix("your "),
        "drug2": _drug(rng, real).removeprefix("your "),
        "dx": rng.choice(dx),
        "test": rng.choice(tests),
        "cond": rng.choice(conds),
        "n": rng.choice(_NUMS),
        "d": rng.choice([2, 3, 5, 7, 10, 14]),
        "symptom": rng.choice(_SYMPTOMS + ["fever", "diarrhea"]),
        "often": rng.choice(_OFTEN),
    }
    values["myth"] = rng.choice(_MYTHS).format(drug=values["drug"])
    roll = rng.random()
    if roll < 0.15:
        text = rng.choice(_HABIT_COMMANDS)
    elif roll < 0.3:
        text = f"{rng.choice(_HABIT_VERBS)} {rng.choice(_HABIT_OBJECTS)}"
        if rng.random() < 0.5:
            text += " " + rng.choice(_OFTEN)
        if rng.random() < 0.3:
            text = rng.choice(["don't ", "never "]) + text
    elif roll < 0.45:
        text = rng.choice(_GENERAL_YOU)
    elif roll < 0.52:
        text = f"your {rng.choice(_YOUR_PARTS)} {rng.choice(_YOUR_PREDICATES)}"
        if rng.random() < 0.4:
            text = rng.choice(["don't worry about {symptom}, ", "no need to panic, ", "fun fact: "]) + text
    elif roll < 0.66:
        setting = rng.choice(_YOU_SETTINGS)
        you = f"you {rng.choice(_YOU_MODALS)}{rng.choice(_YOU_OUTCOMES)}"
        text = f"{setting} {you}" if setting and rng.random() < 0.5 else f"{you} {setting}".strip()
        if rng.random() < 0.3:
            text += rng.choice([", that's normal", ", it passes", ", and that's expected", ", nothing to worry about"])
    elif roll < 0.76:
        text = rng.choice(_HANDLING).format(
            drug="{drug}",
            drug2="{drug2}",
            n="{n}",
            where=rng.choice(_WHERE),
            how=rng.choice(_HOW),
            bring=rng.choice(_BRING),
        )
        text += rng.choice(_PURPOSE)
    elif roll < 0.82:
        text = rng.choice(_HOW_IT_WORKS).format(
            drug="{drug}", technique=rng.choice(_TECHNIQUES), reason=rng.choice(_REASONS)
        )
    elif roll < 0.88:
        text = rng.choice(_GENERAL_FACTS)
    elif roll < 0.92:
        tail = rng.choice(_CHEER_TAILS)
        text = rng.choice(_CHEER) + (rng.choice([", ", " - ", "! ", ". "]) + tail if tail else "!")
    elif roll < 0.96:
        text = rng.choice(_CAMPAIGNS).format(
            audience=rng.choice(_AUDIENCES),
            habit=rng.choice(_CONDITIONAL_HABITS + _HABIT_COMMANDS),
            test="{test}",
            dx="{dx}",
            cond="{cond}",
            symptom="{symptom}",
            age=rng.choice([40, 45, 50, 65]),
        )
    else:
        text = rng.choice(_ES_CLEAN)
    lead = rng.choice(_CLEAN_LEADS) if rng.random() < 0.5 else rng.choice(_REGISTER)
    return lead + text.format(**values)
