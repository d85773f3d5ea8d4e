"""People a text names who are not patients, whichever detector found the name: the writer's own family when the
text tells nothing of anyone's care ('my son Eli and I built a birdhouse'), a paper's authors ('a 2022 paper by
Okonkwo, Bauer and Lindqvist', 'Chen et al'), a colleague by post or service ('dawn from the lab'), or by a credential
the name model read into the name ('kiara np said she'll cover clinic fri'), wherever that name comes back.

Each detector already lets staff and public figures go by its own cues; these hold for a name however it was
found, so they are asked once, of every name finding, in the screener.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.screening.clinical_titles import DOCTOR_BEFORE
from bot.screening.context import COLLEAGUE_AFTER, STAFF_BEFORE, cared_for_after, context_care, sentence_at
from bot.screening.dates import MONTHS
from bot.screening.findings import Finding
from bot.screening.memo import memo
from bot.screening.public_figures import care_given, colleague_given_care, famous_in, public_news

# Authors of a paper, the first and those listed after: 'a 2019 study by Chen and Alvarez', 'co-authors Amaru
# Condori and Hannah Vogel'.
_CITED_BEFORE = re.compile(
    r"(?i:\b(?:(?:study|paper|trial|review|article|analysis|report|survey|book|research|work|meta-analysis)"
    r"(?: (?:led|written|published|done|run))? by|co-?authors?|authors?|investigators?|researchers?)"
    r"\s+(?:(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)?(?:,\s*|\s+and\s+|\s*&\s*))*$)"
)
# ... and those before 'et al' or 'and colleagues': 'Liu and colleagues', 'Okafor & co-workers'
# Someone praised in public: 'shout out to', 'huge thanks to ... and their leader', 'kudos to'.
_PRAISED_BEFORE = re.compile(
    r"(?i:\b(?:shout[- ]?outs?|kudos|props|hats off|huge thanks|big thanks|special thanks|many thanks|a big thank you"
    r")\s+(?:to|for)\s+(?:[^.!?\n]{0,40}?\b(?:and|&)\s+(?:their|his|her)\s+[\w-]+\s+)?"
    r"(?:(?:our|the|my|your)\s+(?:[\w-]+\s+){0,2}?)?(?:(?:mr|mrs|ms|miss|mx|dr|fr|rev|sr|sra|coach)\.?\s+)?$)"
)
# ... and said to be someone who serves, not someone served: 'a 4th grade teacher', 'their leader', 'our chaplain'
_NOT_A_PATIENTS_ROLE = re.compile(
    r"(?i:\b(?:teachers?|coach|leaders?|chaplain|volunteers?|donors?|firefighters?|paramedics?|officers?|librarian"
    r"|pastor|priest|rabbi|imam|scouts?|troop|pack|club|students?|class|crew|staff|nurses?|knitted|donated|made|built"
    r"|raised|organi[sz]ed|taught|teaches|runs|ran|volunteer\w*)\b)"
)
# ... or given an award by name: 'Volunteer of the Year: Mei-Ling Cho'
_AWARD_BEFORE = re.compile(r"(?i:\b\w+ of the (?:year|month|week|quarter)\s*[:,–—-]?\s*(?:goes to\s+)?$)")
# A reference's author: the family name, then initials and a comma or full stop ('Lindqvist M,', 'Okafor CN.').
_INITIALS_AFTER = re.compile(r" [A-Z]{1,3}[,.;]")
# A reference's author list: three or more family names, each with its initials ('Smith J, Nguyen T, Alvarez R.').
_AUTHOR_RUN = re.compile(r"(?:\b[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)? [A-Z]{1,3}(?:,|\.(?=\s|$)) ?){3,}")
_ET_AL = re.compile(r"(?i:\s*,?\s*(?:et al\b|(?:and|&) (?:colleagues|co-?workers|co-?authors|collaborators)\b))")
# The writer's own family: 'my son Eli', 'my wife jen', "my dad's name is Art", 'my twins Noor and Zayd'.
_OWN_FAMILY_BEFORE = re.compile(
    r"(?i:\bmy\s+(?:(?:little|big|older|younger|baby|oldest|youngest|late)\s+)?(?:son|daughter|kids?|children|twins"
    r"|husband|wife|partner|spouse|mom|mother|mum|dad|father|brother|sister|grandma|grandpa|grandmother"
    r"|grandfather|granny|nana|abuela|abuelo|aunt|uncle|niece|nephew|cousin|fianc[ée]e?|boyfriend|girlfriend)"
    r"(?:['’]s name is)?,?\s+(?:(?-i:[A-Z])[\w'’-]*\s+(?:and|&)\s+)?$)"
)
# A second name joined to this one ('Priya and Tomasz in social work'): what follows it is said of both.
_AND_NAME = re.compile(r"\s+(?:and|&)\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?")
# A storm named like a person: 'Hurricane Ida'.
_STORM_BEFORE = re.compile(r"\b(?:Hurricane|Tropical Storm|Typhoon|Cyclone|Superstorm|Winter Storm|Storm)\s+$")
# Donors: 'a gift from Dale and Marjorie Hoffman', 'funded by Hector and Lucia Sandoval', 'donated by the Okafors'.
_DONOR_BEFORE = re.compile(
    r"(?i:\b(?:gifts?|donations?|grants?|bequest|pledge|endowment|generosity|support) (?:from|of)\s+(?:the\s+)?"
    r"(?:(?-i:[A-Z])[\w'’-]*\s+(?:and|&)\s+)?$"
    r"|\b(?:funded|donated|given|endowed|sponsored|made possible|underwritten) by\s+(?:the\s+)?"
    r"(?:(?-i:[A-Z])[\w'’-]*\s+(?:and|&)\s+)?$)"
)
# ... or thanked for the gift after the name: 'the Greenbaum family for 30 years of support', 'Mr. and Mrs. Lowe, for
# sponsoring ...', 'the Delacroix family, whose annual golf tournament has raised $1.2M'.
_DONOR_AFTER = re.compile(
    r"(?i:(?:['’]s)?(?:\s+family)?,?\s+(?:for (?:(?:your|their|his|her|the) )?(?:(?:generous|continued|ongoing|kind"
    r"|\d+ years of|decades of|years of) )*(?:gifts?|donations?|support|sponsorship|generosity|contribution)"
    r"|for (?:sponsoring|funding|donating|underwriting|endowing|supporting)"
    r"|whose (?:[\w-]+ ){0,3}(?:has |have )?(?:raised|funded|donated|sponsored|supported|endowed)))"
)
# Kin owned by someone the text has named, not the writer's: 'his wife', 'her son', 'their daughter'.
_KIN = (
    r"(?:wife|husband|widow|widower|son|daughter|mother|mom|father|dad|brother|sister|partner|kids?|children|family"
    r"|grandson|granddaughter|fianc[ée]e?)"
)
_THEIR_KIN_BEFORE = re.compile(rf"(?i:\b(?:his|her|their) (?:[\w-]+ ){{0,2}}?{_KIN}\s*,?\s*$)")  # ('his late wife')
# A patient of the writer's in the text: then 'his wife' may be theirs, whoever else is named.
_A_PATIENT = re.compile(r"(?i:\b(?:patient|pt|client|resident)\b)")
# A saying's author: "usually credited to E. Joseph Cossman", 'a line attributed to Maya Angelou', 'coined by'.
_CREDITED_BEFORE = re.compile(
    r"(?i:\b(?:credited|attributed|ascribed) to|\b(?:coined|written|said|penned|popularized) by"
    r"|\bquote (?:by|from))\s+(?:(?-i:[A-Z])\.\s*)*$"
)
# The person an eponym honours: 'named for Henry Heimlich', 'named after John Langdon Down'.
_NAMED_FOR_BEFORE = re.compile(
    r"(?i:\b(?:named|called|titled) (?:for|after) (?:(?:dr|sir|dame|the (?:doctor|physician|surgeon))\.? )?$)"
)
# A credential the name model took for part of the name: 'kiara np', 'Jen Ortiz RN'.
_CREDENTIAL_INSIDE = re.compile(r"(?i:\s(?:np|pa|rn|lpn|cna|pharmd|crna|md|do|pa-c|fnp|dnp)\.?$)")


# Any word of health or care, for the sentence that names the writer's kin: a diagnosis by its ending
# ('appendicitis', 'lymphoma', 'neuropathy', 'mastectomy'), an illness, a place or act of care.
_HEALTH_WORD = re.compile(
    r"(?i:\b\w+(?:itis|osis|oma|emia|aemia|pathy|ectomy|otomy|ostomy|plasty|scopy|algia|plegia|trophy)\b"
    r"|\b(?:sick|ill|illness|disease|disorder|syndrome|condition|diagnos\w*|cancer|tumou?r|diabet\w*|asthma|autis\w*"
    r"|adhd|stroke|seizures?|epilep\w*|infection|injur\w*|broke|fractur\w*|sprain\w*"
    r"|concussion|murmur|bifida|palsy|dementia|alzheimer\w*|depress\w*|anxiety|addict\w*|overdose|pregnan\w*"
    r"|deliver\w*|birth|born|miscarr\w*|surgery|operation|transplant|chemo\w*|radiation"
    r"|hospital\w*|admitted|discharged|er|ed|icu|nicu|picu|ward|rehab|hospice|passed away|died|death)\b"
    # ... and words of care anyone may speak of, the writer's work most of all ('i tell ppl to take their meds',
    # 'the reason i went into medicine'): someone's own only right after 'his', 'she', 'her' ('her meds', 'he's on
    # insulin')
    r"|\b(?:he|she|he's|she's|his|her|him|has|had|got|gets|getting|running|caught|came down with)\s+"
    r"(?:[\w'-]+\s+){0,2}?(?:meds|medic\w*|pills?|insulin|inhaler|wheelchair"
    r"|clinic|checkup|check-up|visit|appointment|pediatrician|doctor|dr|nurse|flu|virus|covid|fever|pain|therapy"
    r"|treat\w*)\b)"
)


@lru_cache(maxsize=256)
def historical(text: str, sentence: tuple[int, int]) -> bool:
    """A sentence of medicine's history: a year long past and what someone found, won or named then, with no care
    given to anyone in it ('Santiago Ramón y Cajal recibió el Nobel de Medicina en 1906')."""
    return bool(
        _OLD_YEAR.search(text, *sentence)
        and _ACHIEVED.search(text, *sentence)
        and not care_given(text, *sentence)
        and not cared_for_after(text, sentence[0])
        # (a person spoken of now: 'the coach whose team won the 1987 state title ... is in for his bypass')
        and not _PRONOUN.search(text, *sentence)
    )


_PRONOUNS = r"\b(?:he|she|him|his|her|hers)\b"
_PRONOUN = re.compile(rf"(?i:{_PRONOUNS})")


# A year at least a generation back (before 1990): a patient's care is told with this year's or last year's dates.
_OLD_YEAR = re.compile(r"\b(?:1[5-8]\d\d|19[0-8]\d)(?:['’]?s)?\b")
_ACHIEVED = re.compile(
    r"(?i:\b(?:described|discovered|invented|developed|pioneered|popularized|popularised|introduced|founded|coined"
    r"|identified|isolated|published|hired|appointed|graduated"
    r"|won|received|awarded|first (?:performed|described|used|reported)|named (?:for|after)"
    r"|recibió|ganó|descubrió|describió|fundó|recebeu|descobriu|descreveu|reçu|découvert|décrit|erhielt|entdeckte"
    r"|beschrieb|ricevette|scoprì|descrisse)\b)"
)


def praised_for_serving(text: str, sentence: tuple[int, int], start: int, end: int) -> bool:
    """Is the person named at start..end praised in public for serving others ('shout out to Mrs. Delgado, a 4th
    grade teacher who teaches CPR', 'Volunteer of the Month: ...'), with no health or care of theirs told?"""
    return bool(
        (
            _PRAISED_BEFORE.search(text, max(0, start - 60), start)
            or _AWARD_BEFORE.search(text, max(0, start - 40), start)
        )
        and _serving_sentence(text, sentence)
        and not cared_for_after(text, end)
    )


@lru_cache(maxsize=256)
def _serving_sentence(text: str, sentence: tuple[int, int]) -> bool:
    """A role of service and no health or care in the sentence (once per sentence, however many names it holds)."""
    return bool(
        _NOT_A_PATIENTS_ROLE.search(text, *sentence)
        and not (_HEALTH_WORD.search(text, *sentence) or care_given(text, *sentence))
    )


def without_non_patients(text: str, spans: list[tuple[int, int]], found: list[Finding]) -> list[Finding]:
    """The findings less the names of authors, colleagues by credential, and the writer's kin whose care is untold."""
    if not any(f.kind == "name" for f in found):
        return found
    # Each asked once per text or per sentence: asked per name, a long text of names would be quadratic.
    care_anywhere = memo(lambda: context_care(text))
    author_runs = memo(lambda: [m.span() for m in _AUTHOR_RUN.finditer(text)])
    famous = memo(lambda: bool(famous_in(text)))
    health_in = memo(lambda sentence: _HEALTH_WORD.search(text, *sentence) is not None)

    def colleague_at(start: int, end: int, credential: bool = False) -> bool:
        """A post or a service beside this mention (or a credential inside it), and no care given them."""
        partner = _AND_NAME.match(text, end)  # ('Priya and Tomasz in social work': both are the service's)
        return bool(
            credential
            or COLLEAGUE_AFTER.match(text, end)
            or (partner is not None and COLLEAGUE_AFTER.match(text, partner.end()))
            or STAFF_BEFORE.search(text, max(0, start - 40), start)
        ) and not colleague_given_care(text, sentence_at(spans, start), end)

    def cared_for(start: int, end: int) -> bool:
        """Care given in the name's sentence, or to the name right after it."""
        return care_given(text, *sentence_at(spans, start)) or cared_for_after(text, end)

    def not_a_patient(start: int, end: int) -> bool:
        if _CITED_BEFORE.search(text, max(0, start - 80), start) or _ET_AL.match(text, end):
            return True
        if _STORM_BEFORE.search(text, max(0, start - 20), start):
            return True  # 'Hurricane Ida forced the evacuation of several nursing homes': a storm, named like a person
        if _DONOR_BEFORE.search(text, max(0, start - 60), start) and not cared_for(start, end):
            return True  # 'thanks to a gift from Dale and Marjorie Hoffman': donors, not patients
        if (
            _THEIR_KIN_BEFORE.search(text, max(0, start - 40), start)
            and famous()
            and not _A_PATIENT.search(text)
            and not cared_for(start, end)
        ):
            return True  # "Robin Williams' death ... His wife Susan wrote about it": a famous person's kin, as public
        if _DONOR_AFTER.match(text, end) and not cared_for(start, end):
            return True  # 'Thank you to the Greenbaum family for 30 years of support': donors, thanked for the gift
        if _CREDITED_BEFORE.search(text, max(0, start - 30), start) and not cared_for(start, end):
            return True  # "usually credited to E. Joseph Cossman": the saying's author
        if _NAMED_FOR_BEFORE.search(text, max(0, start - 30), start) and not cared_for(start, end):
            return True  # 'the heimlich maneuver is named for Henry Heimlich': the eponym's own person
        if _INITIALS_AFTER.match(text, end) and _ET_AL.search(text, end, end + 200):
            return True  # 'Okafor CN, Lindqvist M, Brandt H, et al.': a reference list's authors
        if any(s <= start < e for s, e in author_runs()):
            return True  # 'Smith J, Nguyen T, Alvarez R. Outcomes of ...': three or more authors by their initials
        if historical(text, sentence_at(spans, start)):
            return True  # 'described it in 1932 together with Ginzburg and Oppenheimer': medicine's history
        if praised_for_serving(text, sentence_at(spans, start), start, end):
            return True  # 'shout out to Mrs. Delgado, a 4th grade teacher who teaches CPR': praised, not treated
        if colleague_at(start, end, _CREDENTIAL_INSIDE.search(text, start, end) is not None):
            return True
        if not _OWN_FAMILY_BEFORE.search(text, max(0, start - 30), start):
            return False
        return not (health_in(sentence_at(spans, start)) or care_anywhere() or cared_for_after(text, end))

    # A name once shown to be a colleague's or an author's is theirs wherever it comes back ('dana rn is swapping my
    # saturday, thank u dana').
    dropped = {_bare(text[f.start : f.end]) for f in found if f.kind == "name" and not_a_patient(f.start, f.end)}

    def named_as_colleague(name: str) -> bool:
        # (another mention the detectors let go: 'dana rn' is no finding, 'thank u dana' is)
        if len(text) > _CROSS_MENTION_LIMIT or not name.isalpha():
            return False
        pattern = re.compile(rf"(?i:\b{re.escape(name)}\b)")
        return any(colleague_at(m.start(), m.end()) for m in pattern.finditer(text))

    colleague = memo(named_as_colleague)

    def kept(f: Finding) -> bool:
        if f.kind != "name":
            return True
        name = _bare(text[f.start : f.end])
        return name not in dropped and not colleague(name)

    return [f for f in found if kept(f)]


# Other mentions of a name are looked for in texts up to this long (each name's search reads the whole text).
_CROSS_MENTION_LIMIT = 4_000


def _bare(name: str) -> str:
    """A name without its credential or possessive, lower-cased: 'kiara np' and "Kiara's" are 'kiara'."""
    return _CREDENTIAL_INSIDE.sub("", name).lower().removesuffix("'s").removesuffix("’s")


# Whose age a birthday or anniversary is: the hospital's own ('Happy 100th birthday to our hospital!') or one of its
# people's ('Happy 95th birthday to our volunteer Edna'). A building has no health; a volunteer's does only when told.
_INSTITUTION_AGE = re.compile(
    r"(?i:\b(?:birthday|anniversary|years?)\b[^.!?\n]{0,12}?\b(?:to|of|for) (?:our|the|this) (?:(?:own|dear|beloved"
    r"|grand old|little) )?(?:hospital|clinic|practice|medical center|health system|health center|foundation"
    r"|institution|organi[sz]ation|building|campus|auxiliary|guild|program|school|nursing school|residency)\b"
    r"|\b(?:our|the) (?:hospital|clinic|practice|medical center|health system|foundation) turns\b)"
)
# A name and the comma before a great age: 'Arthur Brennan, 91'.
_NAME_BEFORE_AGE = re.compile(r"\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2},\s*$")
# The writer's own elder: 'my grandma is 94', 'my great-aunt, 96,'.
_ELDER = r"(?:my|our) (?:great[- ])*(?:grand(?:ma|pa|mother|father|parents?)|nana|nan|abuela|abuelo|oma|opa|lola|lolo)"
# Care that is visits and pills, not a diagnosis: 'drives to his appointments', 'her meds', 'the clinic'.
_VISITS = re.compile(
    r"(?i:\b(?:appointments?|appts?|visits?|check-?ups?|clinic|doctor|doc|dr|meds|medications?|pills|prescriptions?"
    r"|physio|therapy|dialysis|infusions?|follow-?ups?|nurse|caregiver|home health)\b)"
)
_MY_ELDER_BEFORE = re.compile(rf"(?i:\b{_ELDER}\b[^.!?\n]{{0,24}}$)")  # (up to the age's end)
_STAFF_AGE = re.compile(
    r"(?i:\b(?:birthday|anniversary)\b[^.!?\n]{0,12}?\b(?:to|of|for) (?:our|the|my) (?:(?:own|dear|beloved|favorite"
    r"|longest-serving|amazing|wonderful) )?(?:volunteer|nurse|staff(?: member)?|employee|founder|chaplain"
    r"|receptionist|colleague|co-?worker|physician|doctor|surgeon|pharmacist|greeter|board member)\b)"
)


# Where a new colleague comes from or trained ('joins us from Seattle', 'trained at Ohio State'): staff news.
_STAFF_ORIGIN_BEFORE = re.compile(
    r"(?i:(?:\b(?:joins|joined|joining|comes to|came to) (?:us|our [\w-]+(?: [\w-]+)?|[\w-]+(?: [\w-]+)?)"
    r" (?:from|after [\w\s]{0,30}?"
    r" (?:in|at))|\b(?:trained|studied|graduated|did (?:her|his|their) (?:residency|fellowship|training))"
    r" [\w\s]{0,30}?(?:at|in|from)|\b(?:residency|fellowship|medical school|nursing school) (?:at|in)) (?:the )?$)"
)


def without_staff_origins(text: str, found: list[Finding], spans: list[tuple[int, int]] | None = None) -> list[Finding]:
    """The findings less a place a new colleague comes from or trained at ('joins us from Seattle'), a study's site
    ('27 adults who underwent surgery at a tertiary center in Seoul between 2005 and 2020') and a news dateline
    ('HOUSTON, March 2022 —')."""
    if not any(f.kind in ("geography", "name") for f in found):
        return found
    datelines = [m.span() for m in _DATELINE.finditer(text)]
    # (once per sentence: a long sentence of many places is not searched once per place)
    study_site = memo(
        lambda sentence: bool(_RESEARCH.search(text, *sentence) and not _ONE_PERSON.search(text, *sentence))
    )

    def kept(f: Finding) -> bool:
        if any(s <= f.start and f.end <= e for s, e in datelines):
            return False
        if f.kind != "geography":
            return True
        if _STAFF_ORIGIN_BEFORE.search(text, max(0, f.start - 60), f.start):
            return False
        if spans is None:
            return True
        return not study_site(sentence_at(spans, f.start))

    return [f for f in found if kept(f)]


# A study of many people, or its authors' institution: its places are where it was done, not where one lives.
_RESEARCH = re.compile(
    r"(?i:\b(?:\d[\d,]* (?:adults|children|patients|participants|subjects|women|men|infants|isolates|cases|people)"
    r"|aged \d+ (?:to|-|–) \d+|retrospective|prospective|randomi[sz]ed|cohort|case series|meta-analysis|investigators"
    r"|multicenter|multicentre|tertiary (?:care )?cent(?:er|re)|our experience|department of \w+|university"
    r"|teaching hospitals?|and colleagues|et al)\b"
    # ... or a citation's volume and pages: '(J Hosp Pharm 2021;14:233-41)'
    r"|\b(?:19|20)\d\d;\s?\d+(?:\(\d+\))?:\s?\d+)"
)
_ONE_PERSON = re.compile(
    rf"(?i:{_PRONOUNS}|\b(?:a|an|one|this|our) \d{{1,3}}[- ]year[- ]old\b"
    r"|\b(?:a|one|this|the) (?:patient|man|woman|boy|girl|participant)\b)"
)
# A news story's dateline: a town in capitals opening a line, then a date or a dash.
_MONTH = rf"(?:{MONTHS}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
_DATELINE = re.compile(
    rf"^[A-Z][A-Z .'’-]{{2,30}}(?:, [A-Z][A-Za-z.]{{1,12}})?(?:, {_MONTH} (?:\d{{1,2}}, \d{{4}}|\d{{1,2}}"
    rf"|\d{{4}})\s*(?:—|–|--|-)"
    r"|,? \((?:AP|Reuters|AFP|UPI)\))"
    # ... or a town in title case and a date in another language's order ('São Paulo, 18 de maio —', 'Lyon, 3 mai
    # 2024 —')
    r"|^[A-ZÀ-Þ][\w'’.-]+(?: [A-ZÀ-Þ][\w'’.-]+){0,3}, \d{1,2}(?: de)? [a-zà-ÿ]{3,10}\.?(?:(?: de)? \d{4})?\s*"
    r"(?:—|–|--)",
    re.M,
)


def without_non_patient_ages(text: str, spans: list[tuple[int, int]], found: list[Finding]) -> list[Finding]:
    """The findings less a great age that is the hospital's own or a staff member's, when no care is told of them."""
    if not any(f.kind == "age_over_89" for f in found):
        return found

    # What a sentence says is judged once per sentence, however many ages it holds (a text of thousands of 'she is
    # 95' is one sentence: asked per age, the searches were quadratic in its length).
    @memo
    def sentence_says(sentence: tuple[int, int]) -> str:
        """'ours' (an institution's or public age), 'health' (health told), 'care', 'staff' (a staff birthday) or ''."""
        if _INSTITUTION_AGE.search(text, *sentence) or public_news(text, *sentence):
            return "ours"  # (public: 'Former President Jimmy Carter entered hospice at age 98')
        if _HEALTH_WORD.search(text, *sentence):
            return "health"
        if care_given(text, *sentence):
            return "care"
        return "staff" if _STAFF_AGE.search(text, *sentence) else ""

    elders_free = memo(lambda: not (context_care(text) or _VISITS.search(text)))

    def not_a_patients(f: Finding) -> bool:
        says = sentence_says(sentence_at(spans, f.start))
        if says in ("ours", "health"):
            return says == "ours"
        if _MY_ELDER_BEFORE.search(text, max(0, f.start - 30), f.end) and elders_free():
            return True  # the writer's own elder, of whom no health is told: 'my grandma is 94 and still gardening'
        if says:
            return says == "staff"
        named = _NAME_BEFORE_AGE.search(text, max(0, f.start - 40), f.start)
        # 'Thank you to volunteer Arthur Brennan, 91, who plays piano in our lobby', 'Dr. Hazel Ortiz, 92, retired'
        return named is not None and (
            STAFF_BEFORE.search(text, max(0, named.start() - 40), named.start()) is not None
            or DOCTOR_BEFORE.search(text[max(0, named.start() - 12) : named.start()]) is not None
        )

    return [f for f in found if f.kind != "age_over_89" or not not_a_patients(f)]

