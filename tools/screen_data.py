"""Synthetic training text for the screen's learned parts: tagged tokens and labelled sentences.

Names and places come from Faker's locale lists (MIT licence): thousands of given and family names
in many languages, and city names. Sentences are built from templates in several registers (chat
answers, clinical notes, casual lower-case texting with typos, Spanish), then cased and misspelt at
random, so the models learn context and shape rather than a list. `writer` selects one of two
disjoint template families: "train" for training, "heldout" for the held-out sets that check the
models on phrasing they were not trained on (see tools/screen_heldout.py).
"""

from __future__ import annotations

import importlib
import random
import re
import unicodedata

import advice_data
import reply_data
import story_data

_LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ'’-]+$")
NAME_LOCALES = (
    "en_US en_GB es_MX es_ES fr_FR de_DE it_IT pt_BR pl_PL en_IN tr_TR nl_NL yo_NG zu_ZA ga_IE sw "
    "cs_CZ ro_RO sv_SE fi_FI id_ID en_NZ fr_CA es_CO es_AR pt_PT da_DK no_NO hu_HU hr_HR sk_SK sl_SI "
    "lv_LV lt_LT et_EE ha_NG ig_NG az_AZ uz_UZ tw_GH vi_VN ja_JP zh_CN ko_KR"
).split()
# it_IT is left out: its city() depends on Python's string hashing, which would break reproducibility.
CITY_LOCALES = "en_US en_GB es_MX fr_FR de_DE en_IN nl_NL ga_IE en_NZ fr_CA es_ES pt_BR".split()
# Romanized Asian names Faker lacks in Latin script (common family / given names, public knowledge).
_EXTRA_LAST = (
    "Nguyen Tran Le Pham Hoang Huynh Phan Vu Vo Dang Bui Do Ho Ngo Duong Ly Wang Li Zhang Liu Chen "
    "Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Luo Kim Lee Park Choi Jung Kang Cho Yoon Jang "
    "Lim Han Oh Seo Shin Kwon Hwang Ahn Song Yoo Tanaka Suzuki Sato Takahashi Watanabe Ito Yamamoto "
    "Nakamura Kobayashi Kato Yoshida Yamada Sasaki Matsumoto Inoue Kimura Hayashi Shimizu Lomish"
).split()
_EXTRA_FIRST = (
    "Huong Linh Thao Mai Lan Anh Minh Tuan Duc Quang Hung Thanh Phuong Trang Ngoc Hoa Bao Khanh Wei "
    "Jing Xiu Ying Hui Mei Lei Jun Hao Yan Min Ji Seo Hyun Jin Soo Eun Joon Yuna Haruto Yui Sota Hina "
    "Ren Aoi Kaito Yuki Riku Sakura"
).split()


def _strip_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _listed(values) -> list[str]:
    return list(values.keys() if isinstance(values, dict) else values)


def faker_names() -> tuple[list[str], list[str]]:
    """Given and family names (single Latin-script words) from Faker's person providers."""
    first: set[str] = set(_EXTRA_FIRST)
    last: set[str] = set(_EXTRA_LAST)
    for locale in NAME_LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attr, bucket in (
            ("first_names", first),
            ("last_names", last),
            ("first_romanized_names", first),
            ("last_romanized_names", last),
        ):
            for name in _listed(getattr(provider, attr, ())):
                for word in (name, _strip_accents(name)):
                    if _LATIN.match(word) and len(word) > 1:
                        bucket.add(word)
    return sorted(first), sorted(last)


def faker_cities(rng: random.Random, count: int) -> list[str]:
    """City and town names from several Faker address locales."""
    from faker import Faker

    cities: set[str] = set()
    for locale in CITY_LOCALES:
        fake = Faker(locale)
        fake.seed_instance(rng.randrange(10**9))
        for _ in range(count // len(CITY_LOCALES)):
            city = fake.city()
            if all(_LATIN.match(w) for w in city.split()) and len(city.split()) <= 3:
                cities.add(city)
    return sorted(cities)


# --- vocabulary shared by the templates -------------------------------------------------------
DRUGS = (
    "ibuprofen tylenol acetaminophen eliquis xarelto warfarin gabapentin metformin lisinopril "
    "losartan amlodipine atorvastatin the statin sertraline zoloft lexapro prozac adderall xanax "
    "prednisone levothyroxine synthroid ozempic wegovy mounjaro insulin lasix furosemide metoprolol "
    "aspirin baby aspirin amoxicillin azithromycin cipro keflex doxycycline flonase zyrtec claritin "
    "benadryl melatonin naproxen aleve tramadol oxycodone plavix jardiance farxiga trulicity "
    "omeprazole prilosec pantoprazole famotidine spironolactone hydrochlorothiazide carvedilol "
    "tamsulosin finasteride montelukast albuterol the inhaler symbicort the patch the pill "
    "birth control folic acid iron vitamin d b12 potassium the antibiotic the steroid cream "
    "hydrocortisone the nitro the blood thinner the water pill the sleeping pill ambien trazodone "
    "lamotrigine keppra depakote lithium seroquel abilify wellbutrin effexor cymbalta buspirone"
).split(" ")
DRUG_WORDS = [d for d in DRUGS if d]
DRUG_PHRASES = [
    "ibuprofen",
    "tylenol",
    "eliquis",
    "gabapentin",
    "metformin",
    "lisinopril",
    "the statin",
    "zoloft",
    "adderall",
    "prednisone",
    "levothyroxine",
    "ozempic",
    "insulin",
    "lasix",
    "metoprolol",
    "aspirin",
    "baby aspirin",
    "amoxicillin",
    "flonase",
    "zyrtec",
    "benadryl",
    "melatonin",
    "naproxen",
    "plavix",
    "omeprazole",
    "the inhaler",
    "albuterol",
    "the blood thinner",
    "the water pill",
    "warfarin",
    "xarelto",
    "sertraline",
    "lexapro",
    "wellbutrin",
    "seroquel",
    "lamotrigine",
    "keppra",
    "trazodone",
    "jardiance",
    "trulicity",
    "the antibiotic",
    "the steroid cream",
    "hydrocortisone",
    "tramadol",
    "losartan",
    "amlodipine",
    "atorvastatin",
    "carvedilol",
    "spironolactone",
    "the patch",
    "iron",
    "vitamin d",
    "folic acid",
    "potassium",
    "famotidine",
    "montelukast",
    "buspirone",
    "cymbalta",
]
DX = [
    "ringworm",
    "an infection in the chest",
    "a uti",
    "shingles",
    "eczema",
    "a torn meniscus",
    "reflux",
    "bipolar disorder",
    "a cyst",
    "plantar fasciitis",
    "a sinus infection",
    "strep",
    "pneumonia",
    "gout",
    "a pinched nerve",
    "tendinitis",
    "a hernia",
    "an ear infection",
    "pink eye",
    "hives",
    "a kidney stone",
    "sciatica",
    "a stress fracture",
    "a yeast infection",
    "the flu",
    "covid",
    "a migraine",
    "vertigo",
    "a blood clot",
    "anemia",
    "hypothyroidism",
    "psoriasis",
    "acne rosacea",
    "a cold sore",
    "carpal tunnel",
    "a sprain",
    "bronchitis",
    "diverticulitis",
    "gallstones",
]
# More of what a reader describes and is told, for the advice grammar only (the other generators keep DX, so the
# tagger's data stays as it was): the model must know a diagnosis by its frame, not by a list.
DX_MORE = [
    "bronchiolitis", "croup", "an ingrown toenail", "cellulitis", "impetigo", "a concussion", "costochondritis",
    "bursitis", "a stye", "mono", "hand, foot and mouth", "a tension headache", "a rotator cuff tear",
    "a frozen shoulder", "tennis elbow", "a torn ACL", "a boxer's fracture", "a hemorrhoid", "scabies", "lice",
    "pinworms", "swimmer's ear", "a lipoma", "a ganglion cyst", "thrush", "a viral rash", "fifth disease", "RSV",
    "whooping cough", "shin splints", "a muscle strain", "IBS", "an ulcer", "prediabetes", "sleep apnea",
    "a pulled hamstring", "the stomach flu", "strep throat", "a sprained ankle", "a UTI",
]
BODY = ["arm", "leg", "back", "chest", "neck", "foot", "hand", "face", "knee", "shoulder", "scalp", "ankle"]
THINGS = ["ring", "rash", "bump", "spot", "lump", "mole", "patch", "blister", "swelling", "redness"]
TESTS = [
    "an EGD",
    "a colonoscopy",
    "an MRI",
    "a CT scan",
    "an echo",
    "a stress test",
    "a biopsy",
    "an ultrasound",
    "a mammogram",
    "bloodwork",
    "an x-ray",
    "a sleep study",
    "a holter monitor",
    "a DEXA scan",
    "a nerve conduction study",
    "allergy testing",
    "a cardiac cath",
]
CONDITIONS = [
    "high blood pressure",
    "diabetes",
    "asthma",
    "high cholesterol",
    "migraines",
    "arthritis",
    "depression",
    "anxiety",
    "heart failure",
    "kidney disease",
    "COPD",
    "acid reflux",
    "sleep apnea",
    "osteoporosis",
    "thyroid disease",
    "ADHD",
    "atrial fibrillation",
    "obesity",
    "psoriasis",
]
TIMES = [
    "sunday night",
    "tonight",
    "tomorrow morning",
    "for a week",
    "until your follow-up",
    "before the flight",
    "on weekends",
    "for the next 3 days",
    "starting monday",
    "at bedtime",
    "with breakfast",
    "right away",
    "for two weeks",
    "this weekend",
    "after the procedure",
    "until the rash clears",
    "",
]
FREQS = [
    "twice a day",
    "once a day",
    "every 8 hours",
    "every 6 hrs",
    "at bedtime",
    "three times a day",
    "around the clock",
    "in the morning",
    "every other day",
    "as needed",
    "q12h",
    "bid",
]
OCCUPATIONS = [
    "sheriff",
    "mayor",
    "fire chief",
    "high school principal",
    "band director",
    "quarterback",
    "golfer",
    "pastor",
    "news anchor",
    "bus driver",
    "mail carrier",
    "librarian",
    "county judge",
    "police chief",
    "football coach",
    "city council member",
    "state senator",
    "bakery owner",
    "barber",
    "crossing guard",
    "school nurse",
    "rodeo champion",
    "marathon winner",
    "CFO",
    "hospital CEO",
    "bishop",
    "rabbi",
    "only female firefighter",
    "weatherman",
    "lighthouse keeper",
    "ferry captain",
    "zookeeper",
    "figure skater",
    "jockey",
    "point guard",
    "pitcher",
    "wrestling coach",
    "pageant queen",
]
ORGS = [
    "Mayo Clinic",
    "the CDC",
    "the FDA",
    "the American Heart Association",
    "Medicare",
    "Medicaid",
    "the ER",
    "urgent care",
    "the ICU",
    "Planned Parenthood",
    "the VA",
    "Walgreens",
    "CVS",
]
EPONYMS = [
    "Parkinson's disease",
    "Alzheimer's",
    "Crohn's disease",
    "Tommy John surgery",
    "Hashimoto's",
    "Graves' disease",
    "Bell's palsy",
    "Down syndrome",
    "Lou Gehrig's disease",
    "Cushing's syndrome",
    "Addison's disease",
    "Raynaud's",
    "the Heimlich maneuver",
    "a Foley catheter",
    "a Holter monitor",
    "Kawasaki disease",
    "Lyme disease",
    "a Baker's cyst",
    "Barrett's esophagus",
    "Bruce protocol",
    "Hodgkin lymphoma",
    "Tourette syndrome",
    "Sjogren's",
    "Epley maneuver",
    "Whipple procedure",
    "Guillain-Barre",
    "Marfan syndrome",
    "Osgood-Schlatter",
    "Achilles tendon",
    "Apgar score",
]
STATES = [
    "Ohio",
    "Texas",
    "California",
    "Florida",
    "New York",
    "Michigan",
    "Georgia",
    "Oregon",
    "North Carolina",
    "Arizona",
    "Mexico",
    "Canada",
    "India",
    "the Philippines",
    "Vietnam",
    "Guatemala",
    "Nigeria",
    "Poland",
    "Ireland",
    "Brazil",
]
RELATIONS = [
    "son",
    "daughter",
    "husband",
    "wife",
    "mom",
    "dad",
    "proxy",
    "caregiver",
    "grandson",
    "granddaughter",
    "brother",
    "sister",
    "niece",
    "nephew",
    "fiance",
    "girlfriend",
    "boyfriend",
    "partner",
    "neighbor",
    "roommate",
    "health care proxy",
    "POA",
    "stepdad",
    "stepmom",
    "aunt",
    "uncle",
    "guardian",
    "mother",
    "father",
    "grandma",
    "grandpa",
    "pt",
    "patient",
    "my pt",
    "my patient",
    "hija",
    "hijo",
    "esposo",
    "esposa",
]
HONORIFICS = [
    "Mr.",
    "Mrs.",
    "Ms.",
    "mr",
    "mrs",
    "ms",
    "MR.",
    "MRS.",
    "Miss",
    "Sra.",
    "Sr.",
    "Srta.",
    "Don",
    "Doña",
    "Mme",
    "M.",
    "Herr",
    "Frau",
    "Mx.",
]
FACILITY_WORDS = [
    "Commons",
    "Manor",
    "Gardens",
    "Village",
    "Pointe",
    "Place",
    "House",
    "Lodge",
    "Terrace",
    "Court",
    "Meadows",
    "Crossing",
    "Estates",
    "Towers",
    "Park",
]
FACILITY_TAILS = [
    "",
    "",
    " Assisted Living",
    " Nursing Home",
    " Rehab",
    " Senior Living",
    " Memory Care",
    " Care Center",
    " Apartments",
    " Skilled Nursing",
]
FACILITY_HEADS = [
    "Riverside",
    "Oak",
    "Maple",
    "Cedar",
    "Willow",
    "Pine",
    "Lakeview",
    "Sunrise",
    "Sunset",
    "Brookside",
    "Meadowbrook",
    "Heritage",
    "Golden",
    "Silver",
    "Harbor",
    "Hillcrest",
    "Fairview",
    "Greenbrier",
    "Stonebridge",
    "Wildwood",
    "Autumn",
    "Evergreen",
]
FILLER_CLEAN = [
    "most people feel better in a week or two",
    "that's a really common question",
    "the answer depends on your overall health",
    "we see this all the time in clinic",
    "it's worth asking at your next visit",
    "recovery usually takes about six weeks",
    "the vaccine is safe for almost everyone",
    "it's one of the most treatable conditions we see",
    "there's a lot of myth out there about this",
    "sleep, movement and food all matter more than people think",
]
ASKS = [
    "asked if she can drive after the surgery",
    "asked when he can go back to work",
    "wanted to know if the rash is contagious",
    "asked whether the scar will fade",
    "asked if it's ok to fly next month",
    "asked me if he still needs the shot",
    "said we can use her before/after photos",
    "wants to know how long the recovery is",
    "called about the bill",
    "asked about the side effects",
    "asked if she can still breastfeed",
    "came in worried about his heart",
    "asked if he can play in the tournament",
    "is asking whether the biopsy hurts",
    "texted asking if the swelling is normal",
]


def typo(word: str, rng: random.Random) -> str:
    """One keyboard-style slip: swap, drop or double a letter."""
    if len(word) < 4 or not word.isalpha():
        return word
    i = rng.randrange(1, len(word) - 1)
    kind = rng.random()
    if kind < 0.4:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind < 0.7:
        return word[:i] + word[i + 1 :]
    return word[:i] + word[i] + word[i:]


def noisy(text: str, rng: random.Random, rate: float = 0.04) -> str:
    """Casual-register noise: a few typos, sometimes lower-case everything, 'u' for 'you'."""
    words = text.split(" ")
    words = [typo(w, rng) if rng.random() < rate else w for w in words]
    text = " ".join(words)
    roll = rng.random()
    if roll < 0.2:
        text = text.lower()
    elif roll < 0.25:
        text = text.replace(" you ", " u ").replace(" your ", " ur ")
    return text


# --- token tagging: names (NAME) and places (LOC) ---------------------------------------------
# Slots: {name} full or given name, {first} given name, {last} family name, {hon} honorific + family
# name, {rel} relation word, {city} town, {facility} care home (+ room), {doc} a doctor (not PHI),
# {drug} {dx} {eponym} {org} {state} {asks} {filler} {occ} {test} {cond}.
TAG_TEMPLATES = [
    "{rel} {first} {asks}",
    "{hon} {asks}",
    "{name} {asks}",
    "shoutout to {name} who just finished her last round of chemo",
    "{first} said we can use her before/after pics",
    "my {rel} {name} {asks}",
    "{hon} from {city} {asks}",
    "lives with {rel} in {city}, {asks}",
    "my pt at {facility} {asks}",
    "{name}, {age} yo, {asks}",
    "Pt {name} seen today for {dx}.",
    "PATIENT: {last}, {first}",
    "spoke w/ {rel} {first} re: {drug}",
    "{hon} is a {age} y/o with {cond}, lives in {city}",
    "{first} {last} was transferred from {facility}",
    "{rel} {first} {last} called, she {asks}",
    "we told {first} to follow up with {doc} in 2 weeks",
    "{doc} saw {hon} for {dx}",
    "{name} moved here from {city} last year and {asks}",
    "the {last} family {asks}",
    "{first}'s mom {asks}",
    "ask {first} about the {drug} when she comes in",
    "{name} ({age}) presented with {dx}",
    "discussed with {rel}, {first}, at bedside",
    "this is {first}, her {rel} {first2} {asks}",
    "{hon} and her {rel} {first} drove up from {city}",
    "{first} works at the plant over in {city}",
    "{name} is staying at {facility} until her hip heals",
    "the patient, {name}, {asks}",
    "{first} {asks} lol",
    "hey it's {first}, {asks}",
    "I saw {first} at {facility} yesterday",
    "{hon}, the retired teacher from {city}, {asks}",
    "{name} and {name2} both {asks}",
    "{first} ({rel}) is the contact person",
    "Contact: {name}, {rel}",
    "{rel} is {name}",
    "emergency contact {first} {last}",
    "re: {hon}",
    "per {rel} {first}, pt has been confused since {day}",
    "{first} is doing great after the {test}",
    "ugh {first} keeps missing appointments",
    "{first} {last} was admitted overnight for {dx}",
    "{rel} ({first}) called the office about {drug}",
    "haha {first} finally came in for {test}",
    "{first} got scared about the {drug} side effects",
    "so proud of {first}, down 40 lbs",
    "{last} {first}, {age}F, here for {dx}",
    "pt {last} tolerating diet, {rel} {first} updated",
    "thanks {first}! she loved the new {drug} plan",
    "{hon} ({age}) from {city} says the {drug} helps",
    "visited {first} at {facility} today",
]
# No person at all: eponyms, drugs, doctors, organisations, states, general advice.
CLEAN_TAG_TEMPLATES = [
    "{eponym} is more common than people think, and {filler}",
    "People ask if {drug} is safe with {cond}. {filler}.",
    "{doc} and I both get asked about {eponym} a lot",
    "I'm {doc}, and the question I hear most is about {test}",
    "{org} recommends {test} for most adults over 45",
    "We see a lot of {dx} in {state} in the summer",
    "Will {drug} interact with {drug2}? Usually not, but {filler}",
    "Grace, hope and patience go a long way in recovery",
    "Mark your calendar: flu shots start in October",
    "May is a busy month for allergies in {state}",
    "{doc} runs the {cond} clinic on Tuesdays",
    "Bill your insurance first, then call our billing office",
    "Ask {doc} about {eponym} at your next visit",
    "Patients from all over {state} come to see {doc}",
    "The {eponym} question comes up every week",
    "our nurses are the best in {state}",
    "{cond}: {filler}",
    "Rose hips, ginger and turmeric are not proven for {cond}",
    "i get asked about {drug} all the time, {filler}",
    "Dr {lastdoc} and Dr {lastdoc2} started the {cond} program",
    "{filler}. {filler2}.",
    "Can I take {drug} with {cond}? {filler}",
    "If you live in {state}, {org} covers {test}",
    "Patients ask about {eponym} and {eponym2}",
    "the {cond} support group meets at the library",
    "Q about {drug} ({drug2}): {filler}",
    "{drug} (brand name {drug2}) is {filler}",
    "question about {drug}: {filler}",
]


_FRAME_BEFORE = [
    "",
    "",
    "",
    "so ",
    "today ",
    "yesterday ",
    "fyi ",
    "update: ",
    "note: ",
    "ok ",
    "btw ",
    "pt ",
    "got a call from ",
    "ran into ",
    "checked on ",
    "spoke with ",
    "met with ",
    "saw ",
    "followed up with ",
    "called ",
    "texted ",
    "emailed ",
    "a visit from ",
    "message from ",
    "heard from ",
    "reminder for ",
    "tell ",
    "ask ",
    "poor ",
    "sweet ",
    "our friend ",
    "good news about ",
    "worried about ",
    "praying for ",
    "congrats to ",
    "RE: ",
    "S: ",
    "Name: ",
    "Pt name: ",
    "seen: ",
    "visitor: ",
    "caller: ",
]
_FRAME_AFTER = [
    " said it helped",
    " states the pain is better",
    " denies chest pain",
    " is doing well",
    " was upset",
    " came by the office",
    " stopped by",
    " needs a refill",
    " wants a callback",
    " asked about the bill",
    " is scheduled for friday",
    " missed her appt",
    " tolerated the procedure",
    " feels dizzy",
    " complains of a cough",
    " has questions about {drug}",
    " will call back",
    " left a voicemail",
    " dropped off the forms",
    " mentioned the rash again",
    " is on {drug} now",
    " brought her mom",
    " needs a ride",
    " finished PT",
    " is back from the hospital",
    ", {age}, {asks}",
    " ({age}) {asks}",
    " and her {rel}",
    "'s {rel} called",
    "'s results came back",
    " cried at the visit",
    " can't afford the {drug}",
    ", who {asks}",
]
_PLACE_FRAMES = [
    "lives in {city}",
    "moved to {city}",
    "is from {city}",
    "back home in {city}",
    "drives in from {city}",
    "lives near {city}",
    "stays with her {rel} in {city}",
    "just outside {city}",
    "over in {city}",
    "at {facility}",
    "staying at {facility}",
    "lives at {facility}",
    "transferred to {facility}",
]


def name_frame(sampler: Sampler, name_case: str) -> list[tuple[str, str]]:
    """A name between generic words before and after it (frames, not fixed templates)."""
    rng = sampler.rng
    before = rng.choice(_FRAME_BEFORE)
    after = rng.choice(_FRAME_AFTER)
    if rng.random() < 0.3:
        after = (
            after
            + ", "
            + rng.choice(["she ", "he ", "pt ", "her " + rng.choice(RELATIONS) + " "])
            + rng.choice(_PLACE_FRAMES)
        )
    template = before + rng.choice(["{name}", "{first}", "{hon}", "{last}, {first}", "{rel} {first}"]) + after
    return render_tagged(template, sampler, name_case)


def _case(text: str, mode: str) -> str:
    if mode == "lower":
        return text.lower()
    if mode == "upper":
        return text.upper()
    return text


class Sampler:
    """Draws slot values from the name and place lists with one seeded random generator."""

    def __init__(self, rng: random.Random, first: list[str], last: list[str], cities: list[str], writer: str = "train"):
        self.rng, self.first, self.last, self.cities, self.writer = rng, first, last, cities, writer

    def given(self) -> str:
        return self.rng.choice(self.first)

    def family(self) -> str:
        last = self.rng.choice(self.last)
        if self.rng.random() < 0.08:
            joiner = "-" if self.rng.random() < 0.5 else " "
            last = f"{last}{joiner}{self.rng.choice(self.last)}"
        return last

    def full(self) -> str:
        roll = self.rng.random()
        if roll < 0.45:
            return f"{self.given()} {self.family()}"
        if roll < 0.6:
            return f"{self.given()} {self.given()[0]}. {self.family()}"
        if roll < 0.7:
            return f"{self.given()[0]}. {self.family()}"
        return self.given()

    def facility(self) -> tuple[str, str]:
        rng = self.rng
        head = rng.choice(FACILITY_HEADS + [self.family(), rng.choice(self.cities).split()[0]])
        name = f"{head} {rng.choice(FACILITY_WORDS)}{rng.choice(FACILITY_TAILS)}"
        room = ""
        if rng.random() < 0.5:
            room = f", room {rng.randint(1, 450)}{rng.choice(['', '', 'A', 'B', 'C'])}"
        return name, room


def render_tagged(template: str, sampler: Sampler, name_case: str) -> list[tuple[str, str]]:
    """Render a template into (piece, label) pairs; labels are NAME, LOC or O."""
    rng = sampler.rng
    pieces: list[tuple[str, str]] = []
    for i, part in enumerate(re.split(r"\{(\w+)\}", template)):
        if i % 2 == 0:
            if part:
                pieces.append((part, "O"))
            continue
        slot = part
        if slot in ("name", "name2"):
            pieces.append((_case(sampler.full(), name_case), "NAME"))
        elif slot in ("first", "first2"):
            pieces.append((_case(sampler.given(), name_case), "NAME"))
        elif slot == "last":
            pieces.append((_case(sampler.family(), name_case), "NAME"))
        elif slot == "hon":
            hon = rng.choice(HONORIFICS)
            pieces.append((_case(hon, name_case) + " ", "O"))
            surname = sampler.family() if rng.random() < 0.8 else f"{sampler.given()} {sampler.family()}"
            pieces.append((_case(surname, name_case), "NAME"))
        elif slot == "rel":
            pieces.append((rng.choice(RELATIONS), "O"))
        elif slot == "city":
            pieces.append((_case(rng.choice(sampler.cities), name_case), "LOC"))
        elif slot == "facility":
            name, room = sampler.facility()
            pieces.append((_case(name, name_case), "LOC"))
            if room:
                pieces.append((", ", "O"))
                pieces.append((room[2:], "LOC"))
        elif slot == "doc":
            doc = rng.choice(["Dr. ", "Dr ", "dr ", "Doctor ", "DR. "]) + sampler.family()
            pieces.append((doc, "O"))
        elif slot in ("lastdoc", "lastdoc2"):
            pieces.append((sampler.family(), "O"))
        elif slot == "age":
            pieces.append((str(rng.randint(2, 88)), "O"))
        elif slot == "day":
            pieces.append((rng.choice(["monday", "last week", "the fall", "yesterday", "Sunday"]), "O"))
        else:
            pool = {
                "drug": DRUG_PHRASES,
                "drug2": DRUG_PHRASES,
                "dx": DX,
                "eponym": EPONYMS,
                "eponym2": EPONYMS,
                "org": ORGS,
                "state": STATES,
                "asks": ASKS,
                "filler": FILLER_CLEAN,
                "filler2": FILLER_CLEAN,
                "occ": OCCUPATIONS,
                "test": TESTS,
                "cond": CONDITIONS,
            }[slot]
            value = rng.choice(pool)
            if slot in ("drug", "drug2") and rng.random() < 0.3:
                value = value.capitalize()
            pieces.append((value, "O"))
    return pieces


def tagged_examples(
    sampler: Sampler, count: int, templates: list[str], clean: list[str]
) -> list[list[tuple[str, str]]]:
    """Tagged texts: mostly with a person or place, a third with none; mixed casing and typos."""
    rng = sampler.rng
    examples = []
    for _ in range(count):
        roll = rng.random()
        name_case = "lower" if roll < 0.25 else "upper" if roll < 0.35 else "as-is"
        kind = rng.random()
        keep_case = False
        if kind < 0.25 and rng.random() < 0.3:
            pieces, keep_case = note_or_chat_example(sampler, name_case), True
        elif kind < 0.25:
            pieces = [(general_sentence(sampler), "O")]
        elif kind < 0.42:
            pieces = name_frame(sampler, name_case)
        elif kind < 0.58:
            pieces = register_example(sampler, name_case)
        elif kind < 0.62:
            pieces = heading_example(sampler)
        else:
            template = rng.choice(clean) if kind < 0.72 else rng.choice(templates)
            pieces = render_tagged(template, sampler, name_case)
        if rng.random() < 0.3:
            pieces = [*pieces, (". " + general_sentence(sampler), "O")]
        # The note and chat register is about Title Case: its casing is kept as written.
        text_mode = 1.0 if keep_case else rng.random()
        if text_mode < 0.2:
            pieces = [(p.lower(), label) for p, label in pieces]
        elif text_mode < 0.25:
            pieces = [(p.upper(), label) for p, label in pieces]
        elif text_mode < 0.6 and pieces and pieces[0][1] == "O":
            first = pieces[0][0]
            pieces[0] = (first[:1].upper() + first[1:], "O")
        pieces = [(noisy_piece(p, rng) if label == "O" else p, label) for p, label in pieces]
        examples.append(pieces)
    return examples


def noisy_piece(piece: str, rng: random.Random) -> str:
    words = piece.split(" ")
    return " ".join(typo(w, rng) if rng.random() < 0.03 else w for w in words)


# --- sentence labels: ADVICE (individual advice), STORY (identifying story), O ---------------
_ADDRESS = [
    "",
    "",
    "",
    "for you, ",
    "in your case ",
    "ok so for you, ",
    "based on what you told me, ",
    "since you asked, ",
    "re your question, ",
    "honestly in your situation ",
    "to the mom who messaged me: ",
    "for the guy who asked in the comments: ",
    "@{first} ",
    "hey {first}, ",
    "{first} - ",
    "to answer your DM, ",
    "from the pic you sent, ",
    "given your labs, ",
    "with your history, ",
    "for your son, ",
]
_REASON = [
    "",
    "",
    "",
    ", with your kidney numbers it's {drug2} only for you",
    ", your TSH came back high",
    ", your sugars in the 250s are too high",
    " since your pressure is still 160/100",
    ", you'll be fine",
    ", trust me",
    ", no need to call",
    ", don't tell your doctor",
    " and see how you feel",
    " and recheck in 6 weeks",
    ", it's nothing serious",
    ", that should fix it",
]
ADVICE_TEMPLATES = [
    "stop the {drug}{reason}",
    "restart the {drug} {time}",
    "cut the {drug} back to once at bedtime",
    "take the {drug} {freq}, {n} every {h} hrs",
    "we'll increase it from {n} milligrams to {n2}",
    "go up to {n} mg of {drug} now{reason}",
    "bump your {drug} to {n} mcg{reason}",
    "double your {drug} {time}{reason}",
    "skip your {drug} {time}{reason}",
    "hold the {drug} {time}",
    "quit the {drug} for a month and see if the aches go away",
    "you should start {drug}{reason}",
    "you should go on {drug}, your BMI qualifies",
    "you can stop the {drug} now{reason}",
    "take one of your husband's {drug} before the flight",
    "give her {n} ml of {drug} {freq}",
    "start your son on {drug} {n} mg every day",
    "put {drug} on it {freq} for 2 weeks",
    "that {thing} on your {body} is {dx}",
    "it sounds like you have {dx}",
    "you have {dx}, not {dx2}",
    "your baby has {dx}, switch her to the sensitive formula",
    "from the photo that's definitely {dx}",
    "that's {dx}, just watch it for a few months",
    "I'll recommend that you have {test}",
    "I recommend you get {test} {time}",
    "you need {test} before anything else",
    "you don't need {test}{reason}",
    "you don't need to see anyone for that",
    "no need to come in, just wait it out",
    "you're fine to fly at 36 weeks, you don't need to check with your OB",
    "you can go back to lifting this week even though it's only been 3 weeks",
    "switch to {drug} and drop the {drug2}",
    "try {n} mg of {drug} {freq} and let me know",
    "take {n} {drug} tonight{reason}",
    "wean off the {drug} over the next week",
    "come off the {drug} {time}",
    "use your {drug} {n} puffs {freq}",
    "don't take the {drug} {time}{reason}",
    "split the {drug} in half {time}",
    "tome la pastilla {freq_es}",
    "tome {n} mg de {drug} {freq_es}",
    "deje de tomar el {drug}",
    "suspenda el {drug} hasta la cita",
    "usted tiene {dx_es}, no necesita ir al médico",
    "aumente la dosis de {drug} a {n} mg",
    "dele a su hijo {n} ml de {drug} cada 8 horas",
    "you're having a panic attack, not a heart attack, just breathe through it",
    "ice it, take {n} {drug} and you'll be fine for the game saturday",
    "your numbers look fine so stop checking your sugar",
    "go ahead and get the booster {time}",
    "keep taking the {drug} even with the bleeding",
]
_TIME_ES = ["dos veces al día", "cada noche", "en la mañana", "cada 8 horas", "con la comida"]
_DX_ES = ["una infección", "gripe", "una alergia", "gastritis", "una infección urinaria"]
STORY_TEMPLATES = [
    "the {occ} {asks}",
    "the {occ} from {place} {asks}",
    "the only {occ} in {place} {asks}",
    "the {occ} whose {part} I fixed after the {event} {asks}",
    "the golfer who got struck by lightning at the club championship {asks}",
    "the {occ} who was in the news after the {event} {asks}",
    "our hospital's own {occ} had his surgery with us and {asks}",
    "the {occ} at {place} High {asks}",
    "I operated on the {occ} after the {event} and she {asks}",
    "the twins born during the {event} are doing great and their mom {asks}",
    "the lady who won the lottery last spring {asks}",
    "my patient, the {occ} at the {place} {store}, {asks}",
    "the {occ} I treated after the {event} {asks}",
    "the {occ} asked me when she can qualify at the range again",
    "everyone in {place} knows the {occ} who had the {event}, he {asks}",
    "the {age}-year-old {occ} from {place} {asks}",
    "one of my patients is the {occ} for the {place} {team}, and he {asks}",
    "the {occ} who survived the {event} {asks}",
]
_EVENTS = [
    "homecoming game",
    "bridge collapse",
    "blizzard",
    "plant explosion",
    "county fair",
    "tornado",
    "shooting at the mall",
    "bus crash",
    "flood",
    "marathon",
    "state finals",
    "warehouse fire",
]
_PARTS = ["ACL", "shoulder", "hip", "wrist", "ankle", "knee", "back"]
_STORES = ["diner", "hardware store", "bakery", "bank", "pharmacy", "feed store", "bar"]
_TEAMS = ["Tigers", "Eagles", "Wildcats", "Bulldogs", "Rams", "Panthers"]
# General education, deliberately close to advice and stories in wording.
CLEAN_SENTENCE_TEMPLATES = [
    "never stop {drug} without talking to your doctor",
    "ask your doctor before you stop {drug}",
    "patients ask if they can skip {drug} on vacation, it's a question for your prescriber",
    "some people need a higher dose of {drug} over time",
    "{drug} is usually taken {freq}",
    "for most adults the usual dose of {drug} is {n} mg, but check the label",
    "if you have {cond}, your doctor may recommend {test}",
    "lean forward and pinch the soft part of your nose for 10 minutes",
    "drink when thirsty and more when it's hot",
    "skip raw fish and deli meats during pregnancy",
    "talk to your doctor before starting {drug}",
    "we usually recommend {test} starting at 45",
    "it depends on your overall risk, not just one number",
    "people ask me 'should I double my {drug}?' and the answer is always to call us first",
    "can I stop my {drug} once I feel better? that's a conversation for your care team",
    "most people with {dx} get better without antibiotics",
    "{dx} is common and usually not serious",
    "the most common question I get is whether {drug} causes weight gain",
    "teachers often ask how to handle {cond} at school",
    "a lot of firefighters ask about hearing loss",
    "athletes always want to know when they can play again after an ACL tear",
    "many of my patients are farmers, so we talk about sun protection a lot",
    "if you're a pilot, the FAA has its own rules about {drug}",
    "golfers ask about lightning safety every summer",
    "patients often ask if {dx} is contagious",
    "everyone over 6 months should get a flu shot every year",
    "if your chest pain is new or severe, call 911",
    "don't ignore a new lump, get it checked",
    "{org} says most adults need 7 to 9 hours of sleep",
    "the #1 question about {test} is whether it hurts",
    "most people can go back to desk work about two weeks after surgery",
    "you don't need a card anymore for the metal detector, just tell TSA",
    "take {drug} with food if it upsets your stomach, most labels say so",
    "your doctor might increase the dose if your pressure stays high",
    "it's worth an evaluation if low mood lasts more than two weeks",
    "{filler}",
    "hable con su médico antes de dejar de tomar {drug}",
    "muchas personas toman {drug} {freq_es} sin problemas",
    "la vacuna es segura para casi todos",
    "stopping {drug} suddenly can be dangerous, so we taper it",
    "doctors sometimes switch people from {drug} to {drug2} if side effects are bad",
    "a sheriff, a teacher or a nurse can all get {cond}, it doesn't care what you do",
    "I saw a lot of {dx} this winter",
    "we treated plenty of injuries after the {event}, so please wear a helmet",
    "one question from the {event} season: do I need a tetanus shot? usually every 10 years",
    "the question I hear most from new moms is about sleep",
    "if a rash spreads fast or you have a fever with it, get seen the same day",
    "our team includes a dietitian, a physical therapist and a pharmacist",
    "there's no magic diet for {cond}, but small changes add up",
    "if you've had {dx} before, it can come back, so tell your doctor",
]


def family(name: str, writer: str) -> list[str]:
    """Templates of one kind for the training writer or the separately written held-out writer."""
    table = {
        ("tag", "train"): TAG_TEMPLATES,
        ("tag", "heldout"): HELDOUT_TAG_TEMPLATES,
        ("advice", "train"): ADVICE_TEMPLATES,
        ("advice", "heldout"): HELDOUT_ADVICE_TEMPLATES,
        ("story", "train"): STORY_TEMPLATES,
        ("story", "heldout"): HELDOUT_STORY_TEMPLATES,
        ("clean", "train"): CLEAN_SENTENCE_TEMPLATES,
        ("clean", "heldout"): [],
    }
    return table[(name, writer)]


def render_sentence(template: str, sampler: Sampler) -> str:
    rng = sampler.rng
    values = {
        "drug": rng.choice(DRUG_PHRASES),
        "drug2": rng.choice(DRUG_PHRASES),
        "dx": rng.choice(DX),
        "dx2": rng.choice(DX),
        "thing": rng.choice(THINGS),
        "body": rng.choice(BODY),
        "test": rng.choice(TESTS),
        "time": rng.choice(TIMES),
        "freq": rng.choice(FREQS),
        "n": str(rng.choice([1, 2, 5, 10, 20, 25, 40, 50, 81, 100, 500, 1000])),
        "n2": str(rng.choice([40, 60, 80, 100, 200])),
        "h": str(rng.choice([4, 6, 8, 12])),
        "occ": rng.choice(HELDOUT_OCCUPATIONS if sampler.writer == "heldout" else OCCUPATIONS),
        "place": rng.choice(sampler.cities).split()[0],
        "event": rng.choice(_EVENTS),
        "part": rng.choice(_PARTS),
        "store": rng.choice(_STORES),
        "team": rng.choice(_TEAMS),
        "age": str(rng.randint(15, 85)),
        "asks": rng.choice(ASKS),
        "cond": rng.choice(CONDITIONS),
        "org": rng.choice(ORGS),
        "filler": rng.choice(FILLER_CLEAN),
        "freq_es": rng.choice(_TIME_ES),
        "dx_es": rng.choice(_DX_ES),
        "first": sampler.given(),
        "rel2": rng.choice(["wife", "husband", "mom", "son"]),
    }
    values["reason"] = rng.choice(_REASON).format(**values)
    return template.format(**values)


def _story_values(sampler: Sampler) -> dict[str, str]:
    rng = sampler.rng
    return {
        "place": rng.choice(sampler.cities).split()[0],
        "event": rng.choice(_EVENTS),
        "store": rng.choice(_STORES),
        "team": rng.choice(_TEAMS),
        "age": str(rng.randint(15, 85)),
    }


def incident_examples(sampler: Sampler, count: int) -> list[tuple[str, str]]:
    """Stories told by their incident (tools/story_data.py) and the same incidents' general lessons, for the story
    model alone: drawn from their own sampler, so the advice model's sentences stay as they were drawn."""
    rng = sampler.rng
    out = []
    for _ in range(count):
        if rng.random() < 0.7:
            out.append((story_data.incident_sentence(rng, _story_values(sampler), OCCUPATIONS), "STORY"))
        else:
            out.append((story_data.clean_incident_sentence(rng), "O"))
    return out


# Share of each label drawn from the reply / customer-service register (tools/reply_data.py).
REPLY_SHARE = {"O": 0.25, "ADVICE": 0.25, "STORY": 0.15}
REPLY_LEAD_SHARE = 0.35
# Share of advice and clean sentences drawn from the generative grammar in tools/advice_data.py.
ADVICE_GRAMMAR_SHARE = {"ADVICE": 0.5, "O": 0.15, "STORY": 0.25}


def sentence_examples(sampler: Sampler, count: int, writer: str) -> list[tuple[str, str]]:
    """(sentence, label) pairs; an advice sentence may come after a neutral lead-in clause."""
    rng = sampler.rng
    families = {"ADVICE": family("advice", writer), "STORY": family("story", writer), "O": family("clean", writer)}
    out = []
    for _ in range(count):
        label = rng.choices(["ADVICE", "STORY", "O"], weights=[0.25, 0.12, 0.63])[0]
        reply = writer == "train" and rng.random() < REPLY_SHARE[label]
        grammar = writer == "train" and not reply and rng.random() < ADVICE_GRAMMAR_SHARE.get(label, 0.0)
        if grammar and label == "ADVICE":  # tools/advice_data.py: advice built from parts, not templates
            text = advice_data.advice_sentence(rng, DRUG_PHRASES, DX + DX_MORE, TESTS, sampler.given())
        elif grammar and label == "STORY":  # tools/story_data.py: stories built from parts
            text = story_data.story_sentence(rng, _story_values(sampler), OCCUPATIONS)
        elif grammar and rng.random() < 0.12:
            text = story_data.clean_story_sentence(rng, _story_values(sampler), OCCUPATIONS)
        elif grammar:
            text = advice_data.clean_sentence(rng, DRUG_PHRASES, DX + DX_MORE, TESTS, CONDITIONS)
        elif reply and label == "O":
            text = reply_data.clean_reply(rng)
        elif reply and label == "ADVICE":
            text = render_sentence(reply_data.advice_reply_template(rng), sampler)
        elif reply:
            text = render_sentence(reply_data.story_reply_template(rng), sampler)
        elif label == "O" and (rng.random() < 0.6 or not families["O"]):
            text = general_sentence(sampler)
        else:
            text = render_sentence(rng.choice(families[label]), sampler)
        if label == "ADVICE" and not reply and not grammar:
            text = rng.choice(_ADDRESS).format(first=sampler.given()) + text
        if rng.random() < 0.3:
            if writer == "train" and rng.random() < REPLY_LEAD_SHARE:
                lead = reply_data.reply_part(rng)  # 'thanks for your message, stop the X' is still advice
            else:
                lead = render_sentence(rng.choice(families["O"]), sampler)
            text = f"{lead}, {text}" if rng.random() < 0.5 else f"{text}, {lead}"
        text = text[0].upper() + text[1:] if rng.random() < 0.6 else text
        text = text.upper() if rng.random() < 0.03 else text
        out.append((noisy(text, rng), label))
    return out


# --- a broad grammar of general-education sentences (the O class must be wide, not a list) ----
_GEN_SUBJECTS = [
    "most people",
    "many patients",
    "a lot of folks",
    "kids under 5",
    "adults over 50",
    "women in their 40s",
    "athletes",
    "smokers",
    "people with {cond}",
    "{cond}",
    "{dx}",
    "the vaccine",
    "the surgery",
    "{test}",
    "recovery",
    "the new knee",
    "your body",
    "a fever",
    "our team",
    "the clinic",
    "{org}",
    "{drug}",
    "this procedure",
    "the first week",
    "screen time",
    "sleep",
    "exercise",
    "a healthy diet",
    "the implant",
    "the battery",
    "modern implants",
    "a heart murmur",
    "our lactation consultants",
    "the sleeve",
    "bypass",
    "cardiac rehab",
    "physical therapy",
    "teenagers",
    "new moms",
    "older adults",
    "babies",
    "toddlers",
    "the flu shot",
    "the RSV vaccine",
    "a plateau",
    "loose skin",
    "weight loss",
    "stress",
    "alcohol",
    "everyone on {drug}",
    "people on blood thinners",
    "the guidance",
    "the research",
    "the safety data",
    "our nurses",
    "the front desk",
    "insurance",
    "most labs",
    "the scar",
    "swelling",
    "a cold",
    "most kids",
    "healthy adults",
    "your child",
    "your doctor",
    "your pharmacist",
    "a second opinion",
]
_GEN_PREDICATES = [
    "usually last 20 years or more",
    "can get better in a week or two",
    "tends to improve with time",
    "often comes back",
    "usually goes away on its own",
    "may need a follow-up visit",
    "can feel tired for a few weeks",
    "can cause side effects",
    "helps more than people think",
    "lowers the risk a lot",
    "works together with diet and activity",
    "takes about six weeks",
    "depends on age and genetics",
    "raises the risk of melanoma",
    "makes a big difference",
    "shows up on an x-ray",
    "is safe for most people",
    "is very common",
    "is rarely serious",
    "is one of the most treatable conditions we see",
    "is a tool, not a cure",
    "is normal in the first few days",
    "is covered by most insurance",
    "is a decent rule of thumb",
    "is nothing to be embarrassed about",
    "changed a few years ago",
    "keeps getting better",
    "matters a lot",
    "is more common than people think",
    "varies a lot from person to person",
    "is worth asking about",
    "has been studied for decades",
    "can be managed well",
    "doesn't have to slow you down",
    "is part of the deal",
    "gets checked at every visit",
    "is the body fighting infection",
    "should be discussed with your doctor",
    "is different for everyone",
    "is something we screen for",
    "can run in families",
    "usually needs no treatment",
    "is best caught early",
    "can be a sign of {cond}",
    "is treated in many different ways",
    "asks about bruising",
    "is often lower in athletes",
]
_GEN_TAILS = [
    "",
    "",
    "",
    ", so we keep an eye on it",
    ", which is why we check every year",
    " for the vast majority of people",
    ", and that's normal",
    ", but it depends on your other risk factors",
    " in our experience",
    ", especially if you smoke",
    " after the first year",
    ", so don't panic",
    " lol",
    " honestly",
    ", and the data is really solid",
    " depending on the person",
]
_GEN_IMPERATIVES = [
    "wear sunscreen every day",
    "check for ticks after hiking",
    "keep your core warm and wear gloves",
    "wash your hands often",
    "call our scheduling line at {phone} and they'll walk you through it",
    "sign it from me, Dr. {last}, family medicine",
    "save poison control in your phone",
    "get your flu shot every fall",
    "bring your medication list to every visit",
    "watch how your child is acting",
    "ask about cardiac rehab",
    "don't lean over a running engine",
    "stay hydrated in the heat",
    "put the phone away at bedtime",
    "lean forward and pinch your nose",
    "you can quote me as Dr. {last}",
    "call 911 for chest pain",
    "drink when you're thirsty",
    "keep moving, even a short walk helps",
    "write your questions down before your visit",
    "ice first, heat later",
    "read the label",
    "go easy on the salt",
    "check your skin once a month",
    "don't smoke",
    "take the stairs when you can",
    "keep screens out of the bedroom",
    "eat more fiber",
    "look for the USP seal on supplements",
    "visit lakeshoreregional.org for class times",
    "text or call 988 any time",
    "schedule your mammogram",
]
_GEN_FRAMES = [
    "{s} {p}{t}",
    "{s} {p}{t}",
    "{s} {p}{t}",
    "{s} {p}, and {s2} {p2}",
    "most common question: {q}? {s} {p}",
    "people ask {q}. {s} {p}",
    "big one: {q}? {s2} {p2}{t}",
    "{imp}",
    "{imp}, {s} {p}",
    "{s} {p}. {imp}",
    "patients ask if {s} {p}. not always",
    "{q}? yes, {s} {p}",
    "the #1 question I get is {q}",
    "{anon} asked me {q}",
    "{anon} asked whether {s} {p}",
    "I had {anon} ask me {q}",
    "{pronoun} asked if {s} {p}",
    "{s} {p}, {pronoun} told me",
    "{youg}",
    "{youg}",
    "{youg}, {s} {p}",
    "{q}? {youg}",
    "{s} {p}, {youg}",
    "{youg}. {imp}",
]
# 'You' in the general sense: the reader as anyone, not one person's own treatment.
_GENERAL_YOU = [
    "{n} mg {freq} is a common dose of {drug} for adults",
    "numbers like a BMI of 30 or {n} mg {freq} come up in clinic all the time",
    "the usual starting dose of {drug} is {n} mg, and it's often adjusted later",
    "Dr. {last} answers your questions every week",
    "our team answers your questions about {drug} every week",
    "send us your questions and we'll answer them here",
    "if you have {cond}, {s} {p}",
    "you may feel tired for a few days after {test}",
    "we give you simple instructions",
    "you don't need a referral, just call us",
    "is {drug} bad for your liver?",
    "you'll probably notice less swelling",
    "most of you won't need {test}",
    "your body needs time to heal",
    "if you smoke, your risk is higher",
    "you can ask for {test} at any visit",
    "you might wonder if {dx} is contagious",
    "when you're on {drug}, alcohol is a bad idea",
    "if you have the classic signs we test for it",
    "you should know that {dx} is common",
    "it's normal if you feel sore",
    "you can always call the nurse line",
    "your insurance may cover {test}",
    "you won't set off the metal detector",
    "do you need {test} every year? not usually",
    "if your child has a fever, watch how they're acting",
    "you're not alone, {cond} is very common",
    "you can get the flu shot and covid shot together",
    "the sooner you get checked, the better",
    "if you're over 50, ask about {test}",
    "you can eat normally the day after",
    "some of you asked about {drug}",
    "your pharmacist can answer questions about {drug} too",
]
_QUESTIONS = [
    "whether {drug} causes weight gain",
    "if {dx} is contagious",
    "how long recovery takes",
    "if they can fly after surgery",
    "when they can drive again",
    "if {test} hurts",
    "whether they need {test}",
    "if they'll need {drug} forever",
    "can I stop my {drug}",
    "should I double my {drug}",
    "do I really need {test}",
    "is it a cold or the flu",
    "what a normal blood pressure is",
    "how often they need a checkup",
    "if the scar will fade",
    "whether the meds are why they feel tired",
    "if they could mow the lawn with a pacemaker",
    "if she could still do yoga after a hip replacement",
    "whether acne comes from chocolate",
]
_ANON = [
    "a dad",
    "a mom",
    "one of my patients",
    "a patient once",
    "a guy",
    "someone",
    "a woman",
    "a teenager",
    "a new patient",
    "an older gentleman",
    "a lady at the grocery store",
    "a friend",
    "one patient",
]


def general_sentence(sampler: Sampler) -> str:
    """One general-education sentence from the broad grammar."""
    rng = sampler.rng

    def fill(text: str) -> str:
        return text.format(
            cond=rng.choice(CONDITIONS),
            dx=rng.choice(DX),
            test=rng.choice(TESTS),
            org=rng.choice(ORGS),
            drug=rng.choice(DRUG_PHRASES),
            phone=f"({rng.randint(200, 999)}) 555-01{rng.randint(10, 99)}",
            last=sampler.family(),
        )

    values = {
        "s": fill(rng.choice(_GEN_SUBJECTS)),
        "p": fill(rng.choice(_GEN_PREDICATES)),
        "s2": fill(rng.choice(_GEN_SUBJECTS)),
        "p2": fill(rng.choice(_GEN_PREDICATES)),
        "t": rng.choice(_GEN_TAILS),
        "q": fill(rng.choice(_QUESTIONS)),
        "imp": fill(rng.choice(_GEN_IMPERATIVES)),
        "anon": rng.choice(_ANON),
        "pronoun": rng.choice(["she", "he", "my patient", "a patient"]),
    }
    values["youg"] = rng.choice(_GENERAL_YOU).format(
        n=rng.choice([5, 10, 20, 50, 100, 500]),
        freq=rng.choice(FREQS),
        last=sampler.family(),
        **values,
        cond=rng.choice(CONDITIONS),
        test=rng.choice(TESTS),
        drug=rng.choice(DRUG_PHRASES),
        dx=rng.choice(DX),
    )
    return rng.choice(_GEN_FRAMES).format(**values)


def common_words() -> list[str]:
    """Common English, Spanish, French, German and Italian words (Faker's lorem lists, MIT): a 'not a name'
    feature. The other languages' lists come from running text and hold names ('maría', 'josé', 'lópez',
    'garcía'): those are names, not common words, unless English uses the word too ('real')."""
    from importlib import import_module

    english = {w.lower() for w in import_module("faker.providers.lorem.en_US").Provider.word_list if w.isalpha()}
    names = _person_names(
        "es_ES", "es_MX", "en_US", "fr_FR", "de_DE", "it_IT", "pt_BR",
        attrs=("first_names", "first_names_male", "first_names_female", "last_names"),
    )
    others: set[str] = set()
    for locale in ("es_ES", "fr_FR", "de_DE", "it_IT"):
        words = import_module(f"faker.providers.lorem.{locale}").Provider.word_list
        others |= {w.lower() for w in words if w.isalpha()}
    return sorted(english | (others - (names - english)))


# How many of each language's most frequent words the gazetteer lists as `frequent`: everyday and health writing
# ('ragazzi', 'descansar', 'dipende'), not so many that rare words that are also surnames come in.
FREQUENT_WORDS = 15000


def frequent_words() -> list[str]:
    """The most frequent words of Spanish, Portuguese, French, German and Italian (wordfreq's lists, CC BY-SA 4.0),
    and of Filipino less English's own (Taglish writes 'mark' and 'john' too; 'pasensya', 'tumawag' stay).
    Names are among them ('davide', 'dalla'): the screen asks the name lists too before calling a word language."""
    import wordfreq

    words: set[str] = set()
    for language in ("es", "pt", "fr", "de", "it"):
        words |= {w for w in wordfreq.top_n_list(language, FREQUENT_WORDS) if w.isalpha() and len(w) > 1}
    english = set(wordfreq.top_n_list("en", 30000))
    words |= {w for w in wordfreq.top_n_list("fil", FREQUENT_WORDS) if w.isalpha() and len(w) > 1 and w not in english}
    return sorted(words)


FUNCTION_WORDS = 250
FUNCTION_LANGUAGES = ("es", "pt", "fr", "de", "it", "fil")


def function_words() -> list[str]:
    """The 250 most frequent words of each of the five languages and Filipino that are not among English's 3,000
    (wordfreq, CC BY-SA 4.0): 'uma', 'pero', 'hanno', 'lang'. Capitalised at a sentence's start they look like
    names ('Uma dose por ano'); among their own language's words they are that language."""
    import wordfreq

    english = set(wordfreq.top_n_list("en", 3000))
    english |= {"paulo", "kay", "chi"}  # a given name in English too ('Kay said', 'Chi Nguyen')
    words: set[str] = set()
    for language in FUNCTION_LANGUAGES:
        words |= {
            w for w in wordfreq.top_n_list(language, FUNCTION_WORDS) if w.isalpha() and len(w) > 1 and w not in english
        }
    return sorted(words)


def _person_names(*locales: str, attrs: tuple[str, ...]) -> set[str]:
    from importlib import import_module

    out: set[str] = set()
    for locale in locales:
        provider = import_module(f"faker.providers.person.{locale}").Provider
        for attr in attrs:
            out |= {n.lower() for n in getattr(provider, attr, ())}
    return out


def dictionary_words() -> list[str]:
    """Lower-case base forms from Webster's Second International (1934, public domain), as shipped in
    the english-words package (MIT): proper nouns (capitalised entries) are left out."""
    from english_words import get_english_words_set

    words = get_english_words_set(["web2"], lower=False, alpha=True)
    return sorted(w for w in words if w.islower() and 2 <= len(w) <= 16)


# --- held-out writer: phrasings written separately from the training templates above ---------
HELDOUT_TAG_TEMPLATES = [
    "Contact: {name}, {rel}",
    "per {rel} {first}, pt has been confused since {day}",
    "discussed with {rel}, {first}, at bedside",
    "the {last} family asked when he can go back to work",
    "patient: {last}, {first}",
    "{last}, {first} - seen in clinic, plan reviewed with pt and {rel}.",
    "lol {first} was so worried about the {drug} but she's fine now",
    "omg {rel} {first} just texted me asking about her mom",
    "so {hon} from {city} finally came back for the {test}",
    "{first} {last} says hi btw, she {asks}",
    "my fave pt {first} moved to {city} and still drives in",
    "had {name} in today, {asks}",
    "CC: f/u visit. {name} reports improved sleep. Lives alone in {city}.",
    "HPI: {hon} is a pleasant pt here w/ {rel} {first} for {dx}.",
    "Collateral from {rel} ({first}) by phone; pt resides at {facility}.",
    "Pt {last} ambulating in hallway, family ({rel} {first}) at bedside.",
    "Transferred from {facility} for eval of {dx}. Contact {rel}: {name}.",
    "big thanks to {first} and her {rel} for the kind card",
    "{first} from {city} won't stop asking about {eponym}",
    "you remember {hon}? she {asks}",
]
HELDOUT_ADVICE_TEMPLATES = [
    "wean off the {drug} over the next week",
    "keep taking the {drug} even with the bleeding",
    "split the {drug} in half {time}",
    "it sounds like you've got {dx}, rest and fluids",
    "that's {dx} on your {body}, put some {drug} on it",
    "you don't need {test}, your symptoms are classic {dx}",
    "go ahead and stop the {drug}, you've been on it long enough",
    "I'd bump the {drug} up to {n} mg if I were you",
    "for ur {body} pain just take {n} {drug} {freq}",
    "you're fine to skip the {test} this year",
    "no need for the ER, it's just {dx}",
    "let's drop your {drug} to {n} mg starting {time}",
    "your {rel2} should stop giving him the {drug}",
    "ur {dx} will clear up if u use {drug} {freq}",
    "definitely {dx}, I'd start {drug} tonight",
    "tómese {n} mg de {drug} {freq_es}",
]
HELDOUT_STORY_TEMPLATES = [
    "the {occ} whose {part} I fixed after the {event} {asks}",
    "you all know the {occ} in {place}, well she {asks}",
    "our town's {occ} came in after the {event} and {asks}",
    "the {occ} who got hurt during the {event} {asks}",
    "the lady who runs the {place} {store} {asks}",
    "remember the {occ} from the {event}? he {asks}",
]
HELDOUT_OCCUPATIONS = [
    "harbor master",
    "county coroner",
    "chess champion",
    "ski instructor",
    "parade marshal",
    "school board president",
    "ice cream truck driver",
    "radio host",
    "head chef",
]


# --- registers beyond the templates: notes, transcripts, replies, chat (compositional, not fixed) ----
# A person is one of many noun-phrase shapes in one of many roles (subject, object, addressee, header,
# relative of someone), with predicates drawn from several lists; a third of the texts have a
# non-person phrase in the same slot, so the tagger learns the slot and the word, not a phrase.
_PERSON_SHAPES = [
    "{first}", "{first}", "{name}", "{name}", "{hon}", "{hon}", "{last}", "{rel} {first}", "{rel} {name}",
    "my {rel} {first}", "her {rel} {first}", "his {rel} {first}", "{first} ({rel})", "{first}, her {rel},",
    "{LAST}", "{LAST}, {First}", "{last}, {first}", "pt {last}", "patient {name}", "{first} {last}'s {rel}",
    "{title} {last}", "{title} {name}",
]
# Titles of rank, office or calling before a surname: like an honorific, a cue and not part of the name.
_TITLES = [
    "Sgt.", "sergeant", "Officer", "officer", "Coach", "coach", "Pastor", "Father", "Sister", "Capt.", "captain",
    "Judge", "Rev.", "Deputy", "Chief", "Lt.", "Major", "Professor", "Prof.", "Rabbi", "Imam", "Senator",
    "Mayor", "Principal", "Corporal", "Private", "Elder", "Brother", "Auntie", "Uncle", "Grandma", "Tía", "Abuela",
]
_NOBODY = [
    "the patient", "my pt", "a lady", "this gentleman", "her son", "his wife", "the family", "our nurse",
    "a teenager", "the caller", "one mom", "the daughter", "everyone", "the front desk", "my partner",
    "the surgeon", "{doc}", "{doc}", "Nurse Practitioner", "the pharmacist", "Patient", "PT", "Family",
    "the resident", "an older man", "someone", "my MA", "the team", "our PA", "Mom", "Dad", "Grandma",
]
_SUBJECT_AFTER = [
    *(" " + a for a in ASKS),
    " reports improved sleep", " denies fevers", " c/o HA x3d", " tolerating PO", " is ambulating",
    " presents for f/u", " states she feels better", " declined the flu shot", " was discharged home",
    " is here with me", " keeps cancelling", " finally showed up", " got the results", " is nervous",
    " brought cookies", " wants to talk to you", " was crying", " drove her", " picked him up",
    " says thanks", " is doing much better", " has a question", " lost 20 lbs", " went home today",
    " can't sleep", " called twice", " needs a note for work", " signed the consent",
    " agrees with plan", " verbalized understanding", " arrived late", " is on the phone",
]
_OBJECT_BEFORE = [
    "had ", "saw ", "seen: ", "admitted ", "discharged ", "called ", "phoned ", "thanks ", "thank you ",
    "hi ", "hey ", "hello ", "good morning ", "dear ", "sorry ", "congrats ", "welcome back ",
    "nice to meet you ", "ok ", "yes ", "right, ", "so ", "talked to ", "met ", "visited ", "paged ",
    "operated on ", "scoped ", "delivered ", "referred ", "f/u with ", "spoke to ", "checked on ",
    "with ", "for ", "about ", "re ", "per ", "cc ", "fwd from ", "message for ",
]
_OBJECT_AFTER = [
    " in today", " yesterday", " this morning", " last week", " again", " at the desk",
    " in clinic", " on the phone", " in room 4", " for a recheck", " about her knee", " for the results",
    "", "", "", ",", ".", "!", "?", " lol", " :)",
]
_LIVE_VERBS = [
    "lives", "lives alone", "lives with her {rel}", "living", "resides", "moved", "just moved", "stays",
    "is staying", "grew up", "is from", "comes from", "came up from", "drove in from", "works", "retired",
    "was born", "goes to school", "back home", "transferred", "was transferred", "visiting family",
    "has a farm", "winters", "lived", "used to live", "rents a place",
]
_LIVE_PREPS = ["in", "in", "near", "outside", "out in", "over in", "down in", "up in", "from", "to", "by"]
_NOT_PLACES = [
    "{state}", "{state}", "the hospital", "clinic", "the ER", "town", "the city", "the suburbs",
    "the country", "a nursing home", "assisted living", "the area", "the same town", "January",
    "the fall", "2019", "the valley", "a small town", "the county",
]
_SPEAKERS = [("DR", "PT"), ("Dr", "Pt"), ("Doctor", "Patient"), ("Physician", "Patient"), ("D", "P"),
             ("Provider", "Caller"), ("MD", "PT"), ("Clinician", "Patient"), ("Q", "A")]
_TURNS_CLEAN = [
    "how are you feeling today", "any questions about the plan", "let's take a look", "ok sounds good",
    "it's been hurting for a week", "i think it's getting better", "thank you so much", "yeah",
    "we'll see you in two weeks", "does it hurt when i press here", "not really", "um, a little",
    "i brought my list of meds", "the pharmacy said to ask you", "that's normal after surgery",
]
_GREETINGS = ["Hi {x},", "Hi {x}!", "Hello {x},", "Dear {x},", "Good morning {x},", "Thanks {x},", "{x},",
              "Hey {x}", "@{x}", "hi {x}", "Thank you, {x}."]


def _slot(shape: str, sampler: Sampler, name_case: str) -> list[tuple[str, str]]:
    """A person noun phrase; {LAST} is all caps and {First} title case (note headers)."""
    if "{title}" in shape:
        title = sampler.rng.choice(_TITLES)
        return [(_case(title, name_case) + " ", "O"), *render_tagged(shape.replace("{title} ", ""), sampler, name_case)]
    upper_last = "{LAST}" in shape
    shape = shape.replace("{LAST}", "{last}").replace("{First}", "{first}")
    pieces = render_tagged(shape, sampler, name_case)
    if upper_last:
        pieces = [(p.upper(), lab) if lab == "NAME" and i == 0 else (p, lab) for i, (p, lab) in enumerate(pieces)]
    return pieces


def _person_or_not(sampler: Sampler, name_case: str) -> list[tuple[str, str]]:
    rng = sampler.rng
    if rng.random() < 0.3:
        return render_tagged(rng.choice(_NOBODY), sampler, name_case)
    return _slot(rng.choice(_PERSON_SHAPES), sampler, name_case)


_PLACE_HEADS = ["Fort", "Port", "Camp", "Mount", "Lake", "East", "West", "North", "South", "New", "Old", "El",
                "La", "Los", "San", "Santa", "St.", "Glen", "Cape", "Saint"]
_PLACE_TAILS = ["ville", "ton", "burg", "field", "wood", "ford", "port", " Springs", " Falls", " Heights",
                " Junction", " Hills", " Creek", " Valley", " City", " Beach", " Harbor", "dale", "mont"]
_SOMEONES_PLACE = ["place", "house", "farm", "apartment", "trailer", "cabin", "lake house", "condo"]


def _place_name(sampler: Sampler) -> str:
    """A town: Faker's city names, or a surname or given name made into one ('Fort X', 'Xville')."""
    rng = sampler.rng
    roll = rng.random()
    if roll < 0.6:
        return rng.choice(sampler.cities)
    word = sampler.family() if rng.random() < 0.7 else sampler.given()
    if roll < 0.8:
        return f"{rng.choice(_PLACE_HEADS)} {word}"
    return word + rng.choice(_PLACE_TAILS)


def _place_clause(sampler: Sampler, name_case: str) -> list[tuple[str, str]]:
    rng = sampler.rng
    lead = rng.choice(["", "", "she ", "he ", "pt ", "they ", "who ", "and ", "was that ", "it happened "])
    verb = rng.choice(_LIVE_VERBS)
    if rng.random() < 0.2:
        verb = f"at her {rng.choice(RELATIONS)}'s {rng.choice(_SOMEONES_PLACE)}"
    prep = "at" if rng.random() < 0.2 else rng.choice(_LIVE_PREPS)
    if rng.random() < 0.3:
        return render_tagged(f"{lead}{verb} {prep} {rng.choice(_NOT_PLACES)}", sampler, name_case)
    if prep == "at":
        return render_tagged(f"{lead}{verb} at {{facility}}", sampler, name_case)
    return [(f"{lead}{verb} {prep} ", "O"), (_case(_place_name(sampler), name_case), "LOC")]


# Section headings of notes, handouts and posts: capitalised words before a colon that name no one.
_HEADING_TAILS = ["", "", " education", " info", " overview", " instructions", " post", " reply", " update",
                  " note", " (template)", " (general)", " plan", " summary", " FAQ", " tips", " basics", " check"]


def _acronym(rng: random.Random) -> str:
    return "".join(rng.choice("ABCDEFGHIJKLMNOPRSTUVWY") for _ in range(rng.randint(2, 5)))


def heading_example(sampler: Sampler) -> list[tuple[str, str]]:
    """A clean note or post under a heading ('Drug info: ...', 'ROS: ...'), often with acronyms."""
    rng = sampler.rng
    topic = rng.choice([
        rng.choice(TESTS), rng.choice(CONDITIONS), rng.choice(DX), rng.choice(DRUG_PHRASES), rng.choice(ORGS),
        rng.choice(EPONYMS), _acronym(rng), _acronym(rng), rng.choice(common_word_sample(rng)),
        rng.choice(["forum", "post-op", "pre-op", "discharge", "wound care", "diet", "exercise", "sleep",
                    "patient", "family", "caregiver", "parent", "drug", "vaccine", "chemo", "rehab"]),
    ])
    heading = topic + rng.choice(_HEADING_TAILS)
    heading = heading.upper() if rng.random() < 0.2 else heading[:1].upper() + heading[1:]
    body = general_sentence(sampler)
    if rng.random() < 0.4:
        body = f"{_acronym(rng)} {rng.choice(['is', 'and', 'or', 'vs', 'with', 'after', 'for'])} {body}"
    if rng.random() < 0.3:
        body = f"{rng.choice(['Constitutional', 'CV', 'Resp', 'GI', 'Skin', 'Plan', 'A/P', 'Dx'])}: {body}"
    return [(f"{heading}: {body}", "O")]


_COMMON_SAMPLE: list[str] = []


def common_word_sample(rng: random.Random) -> list[str]:
    if not _COMMON_SAMPLE:
        _COMMON_SAMPLE.extend(common_words())
    return _COMMON_SAMPLE


def register_example(sampler: Sampler, name_case: str) -> list[tuple[str, str]]:
    """One text in a register the templates lack: a note line, a transcript, a reply, a chat message."""
    rng = sampler.rng
    roll = rng.random()
    out: list[tuple[str, str]]
    if roll < 0.3:  # subject + predicate, maybe a place
        out = [*_person_or_not(sampler, name_case), (rng.choice(_SUBJECT_AFTER), "O")]
        if rng.random() < 0.4:
            out += [(rng.choice([", ", ". ", "; ", " - ", " and "]), "O"), *_place_clause(sampler, name_case)]
    elif roll < 0.5:  # object of a verb or greeting
        out = [(rng.choice(_OBJECT_BEFORE), "O"), *_person_or_not(sampler, name_case),
               (rng.choice(_OBJECT_AFTER), "O")]
        if rng.random() < 0.3:
            out += [(rng.choice([", ", ". "]), "O"), *_place_clause(sampler, name_case)]
    elif roll < 0.65:  # note header and a line under it
        label = rng.choice(["Pt", "Patient", "PATIENT", "Name", "Pt name", "Patient Name", "NAME", "Re", "RE",
                            "Subject", "Client", "Resident", "Caller", "Contact", "Emergency contact"])
        who = _slot(rng.choice(["{LAST}, {First}", "{last}, {first}", "{name}", "{LAST}", "{hon}"]), sampler,
                    name_case)
        out = [(label + rng.choice([": ", ": ", " - ", " "]), "O"), *who]
        if rng.random() < 0.6:
            out += [(rng.choice([". ", "\n", " | ", "; "]), "O"), *_person_or_not(sampler, name_case),
                    (rng.choice(_SUBJECT_AFTER), "O")]
        if rng.random() < 0.3:
            out += [(". ", "O"), *_place_clause(sampler, name_case)]
    elif roll < 0.82:  # transcript turns
        dr, pt = rng.choice(_SPEAKERS)
        out = []
        for turn in range(rng.randint(2, 4)):
            speaker = dr if turn % 2 == 0 else pt
            out.append((("\n" if turn else "") + speaker + ": ", "O"))
            r = rng.random()
            if r < 0.35:
                out += [(rng.choice(_OBJECT_BEFORE), "O"), *_person_or_not(sampler, name_case),
                        (rng.choice(_OBJECT_AFTER), "O")]
            elif r < 0.55:
                out += [*_person_or_not(sampler, name_case), (rng.choice(_SUBJECT_AFTER), "O")]
            elif r < 0.7:
                out += _place_clause(sampler, name_case)
            else:
                out.append((rng.choice(_TURNS_CLEAN), "O"))
    else:  # a reply or message that greets someone
        greeting = rng.choice(_GREETINGS)
        head, tail = greeting.split("{x}")
        if rng.random() < 0.25:
            who = render_tagged(rng.choice(["everyone", "all", "team", "folks", "there", "{doc}"]), sampler,
                                name_case)
        else:
            who = _slot(rng.choice(["{first}", "{first}", "{hon}", "{name}"]), sampler, name_case)
        out = [(head, "O"), *who, (tail + " ", "O"), (general_sentence(sampler), "O")]
    return [(p, lab) for p, lab in out if p]


# Clean clinical-note lines and colleagues' chat, written in Title Case: diagnoses, services, drug brands,
# lab names, committees, events and venues are capitalised and name no one. Built from parts, with a
# person in some of them, so the tagger learns the shape of a term rather than 'notes hold no names'.
_CLIN_ADJ = ["Acute", "Chronic", "Recurrent", "Severe", "Mild", "Moderate", "Primary", "Secondary", "Bilateral",
             "Left", "Right", "Community Acquired", "Diabetic", "Hypertensive", "Congestive", "Obstructive",
             "Essential", "Major", "Multiple", "Stable", "Unstable", "Postoperative", "Atypical", "Benign",
             "Malignant", "Metastatic", "Idiopathic", "Suspected", "Resolved", "Uncontrolled", "Early", "Late"]
_CLIN_ORGAN = ["Kidney", "Heart", "Liver", "Lung", "Renal", "Cardiac", "Pulmonary", "Hepatic", "Thyroid",
               "Urinary Tract", "Lower Back", "Knee", "Hip", "Skin", "Soft Tissue", "Coronary Artery", "Bowel",
               "Gallbladder", "Pancreatic", "Breast", "Prostate", "Colon", "Blood Stream", "Wound", "Pressure",
               "Depressive", "Anxiety", "Seizure", "Sleep", "Iron", "Vitamin D", "Small Bowel", "Aortic Valve"]
_CLIN_NOUN = ["Injury", "Failure", "Disease", "Infection", "Insufficiency", "Disorder", "Syndrome", "Obstruction",
              "Effusion", "Fracture", "Pain", "Stenosis", "Ulcer", "Cancer", "Nodule", "Mass", "Exacerbation",
              "Deficiency", "Reaction", "Embolism", "Thrombosis", "Edema", "Bleed", "Contusion", "Laceration",
              "Abscess", "Cellulitis", "Regurgitation", "Dysfunction", "Withdrawal", "Overload", "Anemia"]
_CLIN_PREFIX = ["Hyper", "Hypo", "Cardio", "Nephro", "Neuro", "Gastro", "Hepato", "Osteo", "Dermato", "Myo",
                "Chole", "Pneumo", "Cysto", "Arthro", "Encephalo", "Thrombo", "Lympho", "Angio", "Colo",
                "Spondylo", "Hemato", "Glyco", "Lipo", "Uro", "Oto", "Broncho", "Pyelo", "Diverticul", "Polyneuro"]
_CLIN_SUFFIX = ["pathy", "itis", "osis", "emia", "megaly", "ectomy", "plasty", "scopy", "lithiasis", "algia",
                "penia", "rrhea", "oma", "tension", "thyroidism", "kalemia", "natremia", "glycemia", "cytosis",
                "lipidemia", "nephritis", "trophy"]
_BRAND_START = ["Zo", "Xa", "Ve", "Lu", "Tra", "Bri", "Fa", "Cel", "Ja", "Re", "No", "Pra", "Sy", "Ty", "Ly",
                "Qu", "Ki", "Da", "Mo", "Ne", "Ar", "Ol", "En", "Ro", "Ste", "Vi", "Ga", "Ze", "Ca", "Pe"]
_BRAND_MID = ["", "", "ra", "li", "ve", "to", "na", "me", "ri", "za", "lo", "pi"]
_BRAND_END = ["ex", "ix", "ia", "ra", "ta", "za", "vir", "lar", "dex", "lin", "zol", "quel", "tra", "max", "nex",
              "vance", "tiva", "cor", "lis", "vo", "pro", "zide", "vent", "mid", "flo", "rin"]
_LABS = ["Sodium", "Potassium", "Creatinine", "Hemoglobin", "Troponin", "Lactate", "Lipase", "Ferritin",
         "Magnesium", "Albumin", "Bilirubin", "Glucose", "Platelets", "A1c", "TSH", "BNP", "WBC", "INR", "Calcium",
         "Phosphorus", "Procalcitonin", "D-dimer", "CRP", "ESR", "Urine Culture", "Blood Cultures", "Iron Studies"]
_SECTION_LABELS = ["HPI", "PMH", "PSH", "Past Medical History", "Problem List", "Meds", "Medications", "Home Meds",
                   "Allergies", "Assessment", "Plan", "Assessment and Plan", "A/P", "Impression", "Diagnosis",
                   "Dx", "Labs", "Pending", "Consults", "Hospital Course", "Chief Complaint", "Imaging", "ROS",
                   "Exam", "Disposition", "Follow Up", "Lines", "Diet", "Code Status", "Social History",
                   "Family History", "Procedures", "Active Problems", "Discharge Diagnoses", "Bowel Regimen",
                   "Prophylaxis", "Recommendations", "Interval History", "Summary", "Resolved Problems"]
_SERVICES = ["Cardiology", "Nephrology", "Pulmonology", "Infectious Disease", "Physical Therapy",
             "Occupational Therapy", "Case Management", "Social Work", "Palliative Care", "Wound Care",
             "Hospital Medicine", "Interventional Radiology", "Vascular Surgery", "General Surgery", "Neurology",
             "Psychiatry", "Endocrinology", "Rheumatology", "GI", "Nutrition", "Pharmacy", "Speech Therapy",
             "Hospice", "Oncology", "Urology", "Orthopedics", "Dermatology", "Geriatrics", "Anesthesia",
             "Critical Care", "Emergency Medicine", "Family Medicine", "Pediatrics", "Internal Medicine"]
_COMMITTEES = ["Quality Improvement", "Patient Safety", "Pharmacy and Therapeutics", "Wellness", "Ethics",
               "Residency Selection", "Credentialing", "Infection Control", "Patient Experience", "Peer Review",
               "Clinical Competency", "Diversity and Inclusion", "Sepsis", "Stroke", "Falls Prevention"]
_COLLEAGUE_EVENTS = ["Grand Rounds", "Journal Club", "Morning Report", "M&M", "Tumor Board", "Board Review", "Sim Lab",
           "Code Blue drill", "Town Hall", "Holiday Party", "Fellows' Lecture", "Resident Retreat", "Night Float",
           "Noon Conference", "Case Conference", "Research Day", "Match Day", "Orientation", "Skills Day",
           "Visiting Professor lecture", "Annual Meeting", "CME webinar", "Lunch and Learn", "sign-out"]
_COLORS = ["Blue", "Gold", "Red", "Green", "Orange", "Purple", "Silver", "A", "B", "C", "1", "2"]
_VENUE_TAILS = ["Auditorium", "Hall", "Pavilion", "Building", "Tower", "Library", "Center", "Room", "Lounge"]
_CHAT_DAYS = ["Thursday", "on Friday", "next Monday", "tomorrow", "Tuesday the 9th", "on the 21st",
              "Wednesday, March 14", "Oct 12", "3/14", "12/2", "this Saturday", "May 3rd", "the first Tuesday",
              "every Wednesday", "next week", "June 7", "Friday 4/18", "today"]
_CHAT_TIMES = ["at noon", "at 7", "at 4:30", "7-8 am", "at 6 pm Eastern", "at 8:15", "", "", "from 12 to 1"]


def _brand(rng: random.Random) -> str:
    return rng.choice(_BRAND_START) + rng.choice(_BRAND_MID) + rng.choice(_BRAND_END)


def clinical_term(rng: random.Random) -> str:
    """A capitalised diagnosis, drug, lab or service as notes write them."""
    roll = rng.random()
    if roll < 0.3:
        return " ".join(x for x in (rng.choice(_CLIN_ADJ) if rng.random() < 0.6 else "", rng.choice(_CLIN_ORGAN),
                                    rng.choice(_CLIN_NOUN)) if x)
    if roll < 0.5:
        word = rng.choice(_CLIN_PREFIX) + rng.choice(_CLIN_SUFFIX)
        return f"{rng.choice(_CLIN_ADJ)} {word}" if rng.random() < 0.25 else word
    if roll < 0.55:
        return _brand(rng)
    if roll < 0.75:
        return rng.choice(DRUG_WORDS).title()
    if roll < 0.85:
        return rng.choice(_LABS)
    if roll < 0.93:
        return rng.choice(CONDITIONS + [d.removeprefix("a ").removeprefix("an ") for d in DX]).title()
    return rng.choice(_SERVICES)


def _term_list(rng: random.Random, n: int) -> str:
    items = [clinical_term(rng) for _ in range(n)]
    if n > 2 and rng.random() < 0.3:
        return ", ".join(items[:-1]) + ", and " + items[-1]
    return ", ".join(items)


def _venue(sampler: Sampler) -> str:
    rng = sampler.rng
    roll = rng.random()
    if roll < 0.5:
        return f"Conference Room {rng.choice('ABCDEF1234')}"
    return f"the {rng.choice(FACILITY_HEADS)} {rng.choice(_VENUE_TAILS)}"


_NOTE_LINES = [
    "{label}: {list}.", "{label}: {list}.", "{label}: {term}, {lower}.", "{term} - {service} following.",
    "{label}: {term}. Continue {brand}, {brand2}.", "{lab} {num}, {lab2} {num2}, {lab3} pending.",
    "{service} consulted for {term}.", "{term}, likely secondary to {term2}.", "{term} s/p {term2} in {year}.",
    "Discussed with {service}; recs appreciated.", "{label}: {term}\n{label2}: {list}",
    "Hx of {term}, on {brand}.", "{term} ({term2}), stable on {brand} {dose}.", "{service} and {service2} aware.",
    "{label}: {term} - resolved. {term2} - improving.", "Consults: {service}, {service2}, {service3}.",
]
_NOTE_PERSON_LINES = [
    ("{who} is a {age} yo with {list}.", True), ("{label}: {term}. {who} seen with {service}.", True),
    ("{who} - {term}, {term2}. Plan per {service}.", True), ("Sign-out: {who}, {term}, watch {lab}.", True),
]
_CHAT_LINES = [
    "{event} moved to {day} {time}, {venue}.", "Reminder: {event} is {day} {time}.",
    "Who's presenting at {event} {day}?", "Can someone cover {event} {day}? Family thing.",
    "{event} today, {venue}, lunch provided.", "Team {color} has {service} this weekend, Team {color2} has wards.",
    "The {committee} Committee meets {day} {time}.", "Thanks {doc} for a great talk on {term} at {event}!",
    "{service} is short staffed {day}, anyone available?", "Our {committee} huddle is {time} daily in {venue}.",
    "{service} {event} slides are on the shared drive.", "Welcome {doc} to the {service} group!",
    "Is the {committee} pathway still paging {service} first?", "Anyone want to swap call {day}?",
    "{event} on {term} {day} {time}, {venue}.", "Congrats to the {service} team on the {committee} award!",
    "Heads up, {brand} is back on formulary as of {day}.", "The {committee} order set goes live {day}.",
]
_CHAT_PERSON_LINES = [
    "can someone see {who} in bed {n} before {event}?", "{who} from {service} is asking about {term}.",
    "Before {event}: {who} needs {service} to sign off on the {term} plan.",
    "{service} recs for {who}: {term}, {brand}.", "{who}'s family wants a meeting {day}.",
]


def note_or_chat_example(sampler: Sampler, name_case: str) -> list[tuple[str, str]]:
    """One clean note line or colleagues' message in Title Case, or one with a patient in it."""
    rng = sampler.rng
    chat = rng.random() < 0.5
    person = rng.random() < 0.4
    if chat:
        template = rng.choice(_CHAT_PERSON_LINES if person else _CHAT_LINES)
    else:
        template, _ = rng.choice(_NOTE_PERSON_LINES) if person else (rng.choice(_NOTE_LINES), False)
    values = {
        "label": rng.choice(_SECTION_LABELS), "label2": rng.choice(_SECTION_LABELS),
        "list": _term_list(rng, rng.randint(2, 5)), "term": clinical_term(rng), "term2": clinical_term(rng),
        "lower": rng.choice(CONDITIONS + DX), "service": rng.choice(_SERVICES), "service2": rng.choice(_SERVICES),
        "service3": rng.choice(_SERVICES), "brand": _brand(rng), "brand2": _brand(rng),
        "lab": rng.choice(_LABS), "lab2": rng.choice(_LABS), "lab3": rng.choice(_LABS),
        "num": str(rng.randint(1, 140)), "num2": f"{rng.randint(1, 9)}.{rng.randint(0, 9)}",
        "year": str(rng.randint(1995, 2025)), "dose": f"{rng.choice([5, 10, 20, 25, 40, 50, 100])} mg",
        "age": str(rng.randint(18, 88)), "event": rng.choice(_COLLEAGUE_EVENTS), "day": rng.choice(_CHAT_DAYS),
        "time": rng.choice(_CHAT_TIMES), "venue": _venue(sampler), "color": rng.choice(_COLORS),
        "color2": rng.choice(_COLORS), "committee": rng.choice(_COMMITTEES), "n": str(rng.randint(1, 40)),
        "doc": rng.choice(["Dr. ", "Dr ", "Doctor "]) + sampler.family(),
    }
    out: list[tuple[str, str]] = []
    for i, part in enumerate(re.split(r"\{(\w+)\}", template)):
        if i % 2 == 0:
            if part:
                out.append((part, "O"))
        elif part == "who":
            out += _slot(rng.choice(["{name}", "{name}", "{hon}", "{LAST}, {First}", "{first}", "pt {last}"]),
                         sampler, name_case)
        else:
            out.append((values[part], "O"))
    return [(p.replace("  ", " "), lab) for p, lab in out if p]
