"""Dates tied to a person (more specific than a year) and ages over 89."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date

from bot.screening.context import PERSON_CUE, context_care, person_cue_by_sentence, sentence_at, sentence_spans
from bot.screening.findings import Finding
from bot.screening.lay_titles import CAPITALISED_NAME_TITLE
from bot.screening.lowered import Headed, Lowered
from bot.screening.memo import memo
from bot.screening.public_figures import public_news
from bot.screening.relatives import FAMILY, FAMILY_ABROAD, alternation

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH = rf"(?i:{MONTHS}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
# The same in Spanish, Portuguese, French, German and Italian ('am Samstag', 'el sábado', 'le mardi').
FOREIGN_WEEKDAYS = (
    "lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo"
    "|segunda-feira|terça-feira|terca-feira|quarta-feira|quinta-feira|sexta-feira"
    "|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
    "|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag"
    "|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica"
)
_ORD = r"(?:st|nd|rd|th)?"
# Months in Spanish, Portuguese, French, German and Italian, for a day written the way those languages write
# it ('14 de marzo', '3 de maio', 'le 3 mai', 'am 3. Mai', 'il 5 giugno').
FOREIGN_MONTHS = (
    "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre"
    "|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro"
    "|janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre"
    "|januar|februar|märz|maerz|april|juni|juli|august|september|oktober|dezember"
    "|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre"
)
_FOREIGN_DAY_DATE = (
    rf"\b0?(?:[1-9]|[12]\d|3[01])(?:\.\s*|(?:º|°|er|ero|ro|o)?\s+)(?:(?i:de)\s+)?(?i:{FOREIGN_MONTHS})\b"
    r"(?:\.?\s+(?:(?i:de)\s+)?(?:19|20)\d\d\b)?"
)
_HOLIDAY = (
    r"(?i:Christmas(?: Eve| Day)?|Thanksgiving(?: Day)?|New Year's(?: Eve| Day)|Halloween|Easter"
    r"(?: Sunday)?|(?:the )?(?:Fourth|4th) of July|July 4th|Mother's Day|Father's Day|Valentine's Day"
    r"|Labor Day|Memorial Day|Super Bowl Sunday|St\.? (?:Patrick's|Paddy's) Day|Veterans Day|Easter Monday"
    r"|(?:the )?day (?:after|before) (?:Thanksgiving|Christmas))"
)

# A holiday's day that needs no preposition to be a date (see _RELATIVE_DAY and find_dates).
_BARE_HOLIDAY_DAY = (
    r"(?i:the (?:fourth|4th) of july|the day (?:after|before) (?:thanksgiving|christmas|new year's)"
    r"|st\.? (?:patrick's|paddy's) day|christmas (?:eve|day)|new year's (?:eve|day)|thanksgiving day)"
)

_ORDINAL_WORD = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth"
    r"|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth"
    r"|(?:twenty|thirty)[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth))"
)
# Day-level dates: always more specific than a year.
_DAY_DATE_PATTERN = re.compile(
    # Spoken or written out: 'october ninth', 'the twelfth of march', 'the 14th of May'.
    rf"\b{_MONTH} (?:the )?(?i:{_ORDINAL_WORD})\b"
    rf"|\b(?i:the) (?:\d{{1,2}}(?:st|nd|rd|th)|(?i:{_ORDINAL_WORD})) of {_MONTH}\b|"
    rf"\b{_MONTH} \d{{1,2}}{_ORD}\b(?:,? (?:19|20)\d\d\b)?"
    rf"|\b\d{{1,2}}{_ORD} (?:of )?{_MONTH}(?:,? (?:19|20)\d\d\b)?"
    r"|\b(?:19|20)\d\d-[01]\d-[0-3]\d\b"
    rf"|{_FOREIGN_DAY_DATE}"
    # Numeric day dates. A letter glued to either end makes them notation, not a date: a dosing
    # interval ('q4-6h'), ECG leads or spinal levels ('V4-V6', 'L4-L5'), a dose count ('1-2x').
    r"|(?<![\d/.A-Za-z])(?:0?[1-9]|1[0-2])([/.-])(?:0?[1-9]|[12]\d|3[01])(?:\1(?:19|20)?\d\d)?(?![\d/A-Za-z]|\.\d)"
    # Day first, as most of the world writes it, where the day cannot be a month ('20/03/2024', '14.03.24'); with
    # its year, so '20/20 vision' and a score of '14/15' stay numbers.
    r"|(?<![\d/.A-Za-z])(?:1[3-9]|2\d|3[01])([/.-])(?:0?[1-9]|1[0-2])\2(?:19|20)?\d\d(?![\d/A-Za-z]|\.\d)"
)
# (found by where it can open first, on the lower-cased text: a month, 'the', or a digit after no digit)
_DAY_DATE = Headed(
    rf"\b(?:{MONTHS.lower()}|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|the)|(?<!\d)\d", _DAY_DATE_PATTERN
)
# Day, month and a four-digit year ('06/02/2024'): a date whatever follows it ('... of the rash').
_FULL_DATE = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d\d")
_NOT_A_DATE_AFTER = re.compile(
    r"\s*(?:of\b|cups?|tabs?|tablets?|pills?|teaspoons?|tsp|tbsp|strength|doses?|inch|mile|"
    r"mg|ml|%|scale|rule|split|ratio|odds|chance|patients|adults|people|kids|children"
    # A range of a duration or a count ('7-14 days', '9-12 months', '2-3 times'), not a day of a month.
    r"|(?:days?|weeks?|wks?|months?|mos?|years?|yrs?|hours?|hrs?|minutes?|mins?|times|reps|sets|lbs?|pounds"
    r"|kg|cm|mm|servings|drinks|glasses|beers|cigarettes"
    # A dose or lab amount ('4.5 g', '1-2 caps', '2-4 units', '1-1.5 L', '10-20 mEq').
    r"|g|mcg|meq|mmol|units?|caps?|capsules|puffs?|sprays?|drops|l|ml/h|x|h|q\d|prn|po|iv|bid|tid|qid|daily"
    # opening hours ('hrs 8-4 weekdays', '9-5 Mon-Fri')
    r"|weekdays|weekends|am|pm|mon|monday|m-f)\b)",
    re.IGNORECASE,
)
_RELATIVE_DAY = re.compile(
    rf"\b(?:(?i:last|this past|this|next|on|that|early|late|to|by|until|till|is|was|before|after|since)\s+"
    # 'on Monday evenings' is every Monday, not one day.
    rf"(?i:{WEEKDAYS})(?! (?:mornings|afternoons|evenings|nights)\b)(?: (?:morning|afternoon|"
    rf"evening|night))?|(?<![Ee]very )(?<!s on )(?:{WEEKDAYS})(?= (?:morning|afternoon|evening|night)\b)"
    r"|yesterday|the day before yesterday|last night|this morning|this afternoon|earlier today"
    r"|(?:two|three|four|five|six|\d) days ago"
    # one day of a past week: 'two sundays ago', 'a couple fridays back'
    rf"|(?i:(?:two|three|four|a couple(?: of)?|a few|\d) (?:{WEEKDAYS})s (?:ago|back))"
    # a holiday's day with no preposition, as chat writes it: 'flies to manila the 4th of july', 'called st paddy's
    # day', 'came in the day after thanksgiving' (a bare 'Christmas' may be the season)
    rf"|{_BARE_HOLIDAY_DAY}"
    # the same in the other languages: 'el martes pasado', 'na terça passada', 'mardi dernier', 'letzten Dienstag',
    # 'martedì scorso', 'ayer', 'ontem', 'hier', 'gestern', 'ieri', 'hace tres días', 'vor zwei Tagen'
    rf"|(?i:(?:letzten|vorigen|vergangenen|am|diesen|el|la|na|no|le|lo|il)\s+)?(?i:{FOREIGN_WEEKDAYS})"
    r"(?i:\s+(?:pasado|passado|passada|dernier|scorso|passato))"
    r"|(?i:(?:na|no)\s+)?(?i:segunda|terça|terca|quarta|quinta|sexta)(?i:\s+(?:passada|passado))"
    rf"|(?i:letzten|vorigen|vergangenen|am)\s+(?i:{FOREIGN_WEEKDAYS})"
    r"|(?i:anteayer|ayer|anoche|anteontem|ontem|avant-hier|hier soir|hier|vorgestern|gestern|l'altro ieri|ieri)"
    r"|(?i:hace (?:dos|tres|cuatro|cinco|\d) días|há (?:dois|duas|três|quatro|cinco|\d) dias"
    r"|il y a (?:deux|trois|quatre|cinq|\d) jours|vor (?:zwei|drei|vier|fünf|\d) Tagen"
    r"|(?:due|tre|quattro|cinque|\d) giorni fa)"
    # A day of the month alone: 'her appointment on the 18th' (not 'on the 3rd floor', 'on the 2nd try').
    r"|(?i:on|by|until|since|before|after) the (?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)"
    r"(?! (?:of\b|floor|day|week|month|year|hole|percentile|century|grade|time|try|attempt|round|cycle|dose"
    r"|trimester|visit|line|page|step|place))"
    rf"|(?:on|over|at|for) {_HOLIDAY})\b"
)
# One person's birthday and when it fell: 'her 40th birthday last month' dates the birth to a month, as a DOB would.
_BIRTHDAY_WHEN = re.compile(
    r"(?i:\b(?:her|his|their|(?:the |my )?(?:patient|pt)['’]s)\s+(?:[\w-]+\s+)?(?:birthday|bday|b-day)"
    r"\s+(?:(?:last|this past|this|next)\s+(?:week|weekend|month)|yesterday|today|tomorrow)\b)"
)
# A day fixed by an event in someone's life or a public one: 'the week after his wife's funeral', 'the night of the
# Super Bowl', 'the first day of kindergarten', 'on her first birthday'. With the event's year known, it is a date.
_LIFE_EVENTS = (
    r"wedding|funeral|graduation|birthday|bday|anniversary|prom|homecoming|baptism|christening|bar mitzvah"
    r"|bat mitzvah|quincea[ñn]era|baby shower|reunion|retirement party|recital|super bowl|world series|election"
    r"|parade|state fair|county fair|kindergarten|school|first grade|marathon|championship|tournament|big game"
)
_EVENT_DAY = re.compile(
    r"(?i:\b(?:the )?(?:(?:first|last) )?(?:day|night|morning|evening|afternoon|week|weekend)"
    r" (?:of|after|before) (?:the |his |her |their |(?:his|her|their) [\w-]+['’]s )?(?:[\w'’-]+ ){0,2}?"
    rf"(?:{_LIFE_EVENTS})\b"
    rf"|\bon (?:his|her|their) (?:[\w-]+ )?(?:{_LIFE_EVENTS})\b"
    # ... or just before or after it: 'right after her son's bar mitzvah', 'the day before his wedding'
    r"|\b(?:right|just|shortly|soon|days?|weeks?) (?:after|before) (?:his|her|their) (?:[\w-]+['’]s )?"
    r"(?:[\w'’-]+ ){0,2}?"
    rf"(?:{_LIFE_EVENTS})\b"
    # ... or a holiday's service or dinner: 'during the Christmas Eve service', 'at Thanksgiving dinner'
    r"|\b(?:during|at|after) (?:the )?(?:Christmas Eve|Christmas|Easter|Thanksgiving|Passover|Yom Kippur|Rosh Hashanah"
    r"|Eid|Ramadan|Diwali|New Year's Eve|Fourth of July)"
    r" (?:service|mass|dinner|party|parade|fireworks|game|prayers?)\b)"
)
# The words of the life events ('quincea': the word splitter stops at the ñ), which the screener's gate runs dates on
# (gates.DATE_WORDS); with the public ones' and a holiday's, the words _EVENT_DAY itself is tried on.
LIFE_EVENT_WORDS = frozenset(
    "bday wedding funeral graduation anniversary prom homecoming kindergarten mitzvah quinceanera quincea christening"
    .split()
)
_EVENT_DAY_WORDS = LIFE_EVENT_WORDS | frozenset(
    """birthday baptism quinceañera shower reunion retirement recital bowl series election parade fair school grade
    marathon championship tournament game service mass dinner""".split()
)
# A date of birth read aloud after its cue, perhaps after the other speaker's turn: 'date of birth?
# PT: nine twelve fifty eight', 'DOB is oh three slash fourteen slash sixty one'. It opens with a month's
# number and has two more number words; a year alone ('born nineteen fifty two') is no finer than a year.
_NUM = (
    r"(?:oh|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred"
    r"|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\w+teenth|\w+tieth)"
)
_SPOKEN_DOB = re.compile(
    r"(?i:[?.,\s]*(?:(?:pt|patient|p|a|speaker \w+|caller)\s*:\s*)?(?:(?:it's|its|it is|that's|uh|um|er|so)[\s,]+)*"
    r"(?:oh|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b"
    rf"(?:[\s,-]+(?:(?:slash|dash|of)[\s,-]+)?{_NUM}\b){{2,6}})"
)
_ORDINAL_DAY = re.compile(r"\d(?:st|nd|rd|th)\b")
_RECURRING_BEFORE = re.compile(
    r"(?i:\b(?:every|each)\s+(?:year\s+)?(?:(?:around|on|near|by|before|after)\s+)?"
    # ... or no particular one: 'the wait was under an hour on a Saturday night', 'any Monday'
    r"|\b(?:on|of)\s+(?:a|any)\s+)$"
)
_MONTH_ONLY = re.compile(
    rf"\b(?:in|on|since|during|early|late|mid-?|last|this past|enrolled|randomi[sz]ed|consented|screened) ?{_MONTH}"
    r"(?: (?:of )?(?:19|20)\d\d)?\b"
)
_DOB = re.compile(
    r"\b(?:DOB|D\.O\.B\.?|date of birth|birth ?date|birthday|born)(?:\b|(?=\d))[\s:,.]*(?:on|in|is|was)?\s*",
    re.IGNORECASE,
)
_EVENT = re.compile(
    r"\b(?:born|birth|birthday|DOB|admitted|admission|discharged?|surgery|operated|operation|"
    r"died|death|passed away|delivered|diagnosed|diagnosis|came in|presented|transplant|"
    r"fell|broke|accident|stroke|heart attack|overdosed?|(?-i:ER|ED)|intubated|coded|"
    r"scoped|biopsy|seizure|miscarr\w*|induced|c-section|amputat\w*|started chemo|funeral|consult|appt"
    r"|visit(?!\s+(?:us|our|www|\S+\.(?:org|com|net|gov|edu)))"  # 'visit our site' is no visit
    r"|appointment|follow-?up|f/u|seen|scheduled|procedure|labs?|scan|MRI|CT|echo|infusion|dialysis|vaccinated"
    r"|wedding|graduation|injur\w*|crash|rehab|discharge|post-?op|pre-?op"
    r"|last period|lmp|positive (?:test|pregnancy test|home test)|due date|conceived|ultrasound"
    # The same events in Spanish, Portuguese, French, German and Italian ('ingresó el 14 de marzo').
    r"|ingres\w*|internad[oa]s?|internou|hospitali[sz]\w*|operad[oa]s?|operó|opéré\w*|operiert|operat[oa]|cirug[ií]a"
    r"|cirurgia|chirurgie|aufgenommen|entlassen|ricoverat[oa]|dimess[oa]|intervento|consulta|cita|visite|rendez-vous"
    r"|aufnahme|einweisung|entlassung|ricovero|admise?|admission|sortie|internação|internacao|alta hospitalar"
    r"|termin|visita|urgencias|urgences|notaufnahme|pronto soccorso|(?:de|el|la|recibió el|dado de|deu) alta|parto"
    r"|accouch\w*|falleci\w*|faleceu|décédée?"
    r"|verstorben|gestorben|deceduto|morto|morta|naci\w*|nasceu|née?|geboren|nat[oa]|diagnostiqu\w*|diagnosticad[oa]"
    r"|diagnostiziert|diagnosticat[oa]|urgence|biopsia|biopsie"
    # ... in Vietnamese and Tagalog ('kết quả xét nghiệm ngày 5/8', 'na-admit noong 3/14')
    r"|xét nghiệm|nhập viện|xuất viện|phẫu thuật|mổ|tái khám|khám bệnh|ngày sinh|sinh ngày|na-?admit|naospital"
    r"|operasyon|ipinanganak|nagpa-?check-?up|konsulta"
    # A research participant's own events: 'enrolled 5 March 2020', 'randomised on 14 February'.
    r"|enroll?ed|enrol?lment|randomi[sz]ed|randomi[sz]ation|consented|screened|withdrew|withdrawn"
    # A note's own events: 'presents after syncope on 10/03', 'ADM 06/09', 'found down 11/28'.
    r"|presents|presenting|arrived|arrival|found down|transferred|transfer|adm|readmitted|encounter"
    r"|(?:progress|nursing|clinic|office|visit|discharge) note"
    # A photo of a wound or rash, or one filed to the chart: 'wound photo taken 04/18', 'images of the ulcer'
    r"|(?:wound|rash|lesion|ulcer|incision|burn|skin|clinical) (?:photo|photograph|picture|pic|image)s?"
    r"|(?:photo|photograph|picture|pic|image)s?\b(?=[^.\n]{0,60}\b(?:wound|rash|lesion|ulcer|incision|burn|bruis\w*"
    r"|swelling|mole|skin|uploaded to (?:the )?(?:chart|media)|media tab)))\b",
    re.IGNORECASE,
)

# A named day, week or month of observance just before its date, in apposition ('World AIDS Day, December 1',
# 'National Doctors' Day (March 30)').
_OBSERVANCE_BEFORE = re.compile(
    r"(?:\b[A-Z][\w'’&.-]*\s+){1,5}(?:Day|Week|Month)\s*(?:,|\(|–|—|-|:|\bis(?: on)?\b|\bfalls on\b)\s*$"
)


# The colleagues' own calendar: a date in a sentence about a meeting, talk, course or shift, with no
# patient in it ('Grand Rounds moved to Thursday 3/14', 'the webinar is on May 3rd', 'swap call on the 24th').
GATHERING = re.compile(
    r"(?i:\b(?:grand rounds|morning report|noon conference|journal club|tumou?r board|m&m|webinars?|lectures?"
    r"|seminars?|symposium|conferences?|workshops?|retreat|huddle|meetings?|mtgs?|meets|meetup|talks?|presentations?"
    r"|abstracts?|posters?|sessions?|course|training|orientation|recertification|certification|board review"
    r"|interviews?|deadline|due by|evaluations|committee|town hall|in-?service|cme|party|potluck|drill"
    r"|open enrollment|benefits enrollment|enrollment (?:ends|closes|period)"
    r"|downtime|go-?live|goes live|call schedule|swap call|cover(?:ing)? call|night float|schedule is"
    r"|rotation|block \d+|office hours|sign up|rsvp|zoom|teams link|calendar invite|registration|vacation|pto"
    r"|class|classes|support group|skills fair|health fair|panel|blood drive|fundraiser|open house|gala|5k"
    r"|join us|festival|portes ouvertes|journée|tag der offenen tür|gesundheitstag"
    r"|feria|fiera|feira|acompáñenos|únase|rejoignez-nous|venez|kommen sie|venite|venha|mutirão|caminata|marcha"
    # the same gatherings, and a place opening, in Spanish, Portuguese, French, German and Italian
    r"|abre|abrirá|inaugura\w*|conferencia|congreso|reunión|curso|taller|jornada|palestra|reunião|sessão|encontro"
    r"|formation|réunion|congrès|séminaire|atelier|annuel|annuelle|fortbildung|tagung|sitzung|kongress|schulung"
    r"|eröffnet|convegno|riunione|corso|seminario|incontro"
    # a public notice: a clinic open to walk-ins, the hospital's hours, the weather
    r"|walk-ins?|walk in|free (?:[\w-]+ ){0,2}(?:screenings?|checks?|tests?|testing|shots?|vaccines?|vaccinations?)"
    r"|no (?:appointments?|appts?) (?:needed|necessary|required)|(?:flu|flu shot|vaccine|vaccination"
    r"|screening|covid|booster) clinics?|(?:is|are|stays?|remains?) (?:fully )?(?:open|closed)"
    r"|storm|blizzard|snowstorm|power outage|hurricane|tornado)\b)"
)


_AGE_NUM = r"(?:9\d|1[01]\d)"
_AGE_WORD = (
    r"(?:ninety(?:-|\s)?(?:one|two|three|four|five|six|seven|eight|nine)?"
    r"|(?:a |one )?hundred(?:(?: and |-and-)\w+)?)"
)
_RELATIVE = (
    r"mom|mother|mum|dad|father|grandma|grandmother|grandpa|grandfather|granny|nana|nan|papa|gran|husband|wife"
    r"|aunt|uncle|neighbou?r|patient|pt|client|resident|father-in-law|mother-in-law|great-grandmother"
    r"|great-grandfather|great-grandma|great-grandpa|grandparent|parent|friend|lady|gentleman|man|woman"
)
_AGE = re.compile(
    # (one person's age: '92-year-olds' are a population)
    rf"\b(?:{_AGE_NUM}|{_AGE_WORD})(?:-|\s)(?:years?|yrs?|y)(?:-|\s)?(?:old(?![sS]\b)|young|o\b)"
    rf"|\b(?:{_AGE_NUM}|{_AGE_WORD})[- ]?(?:yo|y/o|y\.o\.|yr-old)(?!\w)"
    # Vietnamese: '95 tuổi', 'chín mươi lăm tuổi', 'một trăm lẻ hai tuổi'
    # (not a population: 'trên 90 tuổi', 'hơn 90 tuổi', 'từ 90 tuổi')
    rf"|(?<!trên )(?<!Trên )(?<!hơn )(?<!từ )\b(?:{_AGE_NUM}|chín mươi(?: \w+)?|(?:một )?trăm(?: \w+){{0,2}})\s+tuổi\b"
    rf"|\b(?:aged?|age of|turned|turning|turns|at age|age\s*[:=])\s*(?:{_AGE_NUM}|{_AGE_WORD})\b"
    r"(?!\s*(?:%|percent|and (?:up|over|older)|\+|or (?:older|over)))"
    rf"|\b{_AGE_NUM}(?:st|nd|rd|th) birthday\b"
    # one centenarian is someone ('my patient, a centenarian'); 'centenarians' are a population
    r"|\b(?:super)?centenarian\b(?!s)|\bnonagenarian\b(?!s)|\bninety-something\b"
    r"|\b(?:her|his|my) (?:(?:late|mid|early|mid-)\s?)?(?:90s|nineties)\b"
    # Spanish, Portuguese, French, Italian, German: 'tiene 92 años', 'tem noventa e dois anos', 'a 95 ans',
    # 'una donna di 94 anni', 'mit 94 Jahren', 'ist 93 Jahre alt'
    rf"|\b(?:tiene|tenía|cumplió|cumple|tem|tinha|fez|faz|a|avait|de|con|com|ha|aveva|compie|compiuto|di|ist"
    rf"|war|wird|wurde|hat)\s+(?:{_AGE_NUM}|noventa(?: [ye] \w+)?|cien(?:to)?(?: \w+)?|cem|centen[aá]ri[oa]"
    r"|quatre-vingt-(?:dix|onze|douze|treize|quatorze|quinze|seize)(?:-\w+)?|cent|novanta\w*|cento|"
    r"neunzig|\w+undneunzig|hundert)\s+(?:años|anos|ans|anni|jahre|jahren)\b"
    rf"|\b{_AGE_NUM}-?jährige[nrs]?\b"
    # 'A man of 96', 'a woman of ninety-three': one person and an age
    rf"|\ban? (?:(?:old|elderly|frail|lovely|sweet|spry) )?(?:man|woman|gentleman|lady|patient|guy|gal|fellow|widow"
    rf"|widower|veteran) of (?:{_AGE_NUM}|{_AGE_WORD})(?![\w-])"
    r"(?!\s*(?:%|percent|patients|people|pounds|lbs|words|pages|points|letters|minutes|seconds|steps|feet|miles"
    r"|years|days|kg|inches)\b)"
    # 'pt (94)', 'Mrs. Alvarez (94F)': an age in brackets after the person
    rf"|\b(?:(?:{_RELATIVE}|male|female|widow|widower|veteran|resident)|(?:{CAPITALISED_NAME_TITLE})\.? ?[A-Z][\w'’-]+)"
    rf"\s*\(\s*{_AGE_NUM}\s*(?:[FM]|y/?o|yo|yrs?|years?(?: old)?)?\s*\)"

    # One person's age set off by commas or opening the sentence: 'My patient, 94, was admitted', 'A man, 96,
    # came in', 'At 94, my patient still drives'.
    rf"|\b(?:patient|pt|man|woman|gentleman|lady|guy|grandma|grandpa|grandmother|grandfather|mother|father|mom|dad"
    rf"|husband|wife|paciente|señora|señor|mine|ours),\s+{_AGE_NUM},"
    # ... or said right after the person, as dictation runs on: 'had a gentleman ninety three up walking'
    rf"|\b(?:man|woman|gentleman|lady|guy|grandma|grandpa|grandmother|grandfather|mother|father|mom|dad|husband|wife"
    rf"|widow|widower|veteran|nana|granny)\s+(?:{_AGE_WORD}|{_AGE_NUM})(?![\w-])"
    r"(?!\s*(?:%|percent|patients|people|pounds|lbs|kg|mg|minutes|mins|seconds|hours|days|weeks|months|times|miles"
    r"|feet|steps|bpm|over|systolic|on the|beats)\b)"
    rf"|(?:^|(?<=[.!?]\s))(?i:at)\s+(?:{_AGE_NUM}|{_AGE_WORD}),(?=\s*(?i:my|our|his|her|she|he|the patient)\b)"
    # 'my dad is 94', 'the patient is ninety-three', 'grandma just turned 96': one person's age
    rf"|(?:\b(?:she|he|you|i|they|who|(?:my|our|her|his|the|this) (?:{_RELATIVE})|pt|patient)"
    rf"(?:'s| is| was| are|'re|'m| am| just turned|'ll be| will be| turns| turned|'s going to be| is going to be"
    r"|'s gonna be| is gonna be)"
    # ... and as chat types it, with no apostrophe: 'a pt whos 90', 'hes 93 and still drives'
    r"|\b(?:whos|hes|shes))"
    rf"(?: now| almost| nearly| about)?\s+(?:{_AGE_NUM}|{_AGE_WORD})(?![\w-])"
    # 'ninety' cut short of 'ninety five percent' is no age either
    r"(?![\s-]+(?:one|two|three|four|five|six|seven|eight|nine)\b)"
    r"(?!\s*(?:%|percent|mg|lbs?|pounds|kg|minutes|hours|days|miles|degrees|points|\+"
    r"|or (?:older|over|above)|and (?:up|over|older)))",
    re.IGNORECASE,
)


# The other languages' words of a relative day ('ayer', 'el martes pasado', 'letzten Dienstag'), as the gates see them.
# (as the gates' ASCII words cut them: 'martedì' is 'marted'; pieces of three letters or fewer gate nothing)
FOREIGN_RELATIVE_WORDS = frozenset(
    piece
    for piece in re.findall(
        r"[a-z0-9]+",
        FOREIGN_WEEKDAYS.replace("|", " ")
        + " anteayer ayer anoche anteontem ontem hier gestern vorgestern ieri dias jours tagen giorni passada passado",
    )
    if len(piece) >= 4
)
_MONTH_WORDS = frozenset(MONTHS.lower().split("|")) | frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
) | frozenset(FOREIGN_MONTHS.split("|"))
_RELATIVE_WORDS = frozenset(WEEKDAYS.lower().split("|")) | frozenset(
    "yesterday night morning afternoon today ago christmas thanksgiving easter halloween new"
    " fourth july mother father valentine labor memorial super patrick paddy veterans sundays mondays tuesdays"
    " wednesdays thursdays fridays saturdays".split()
) | FOREIGN_RELATIVE_WORDS
_DOB_WORDS = frozenset({"dob", "d", "born", "birth", "birthdate", "birthday", "date"})
_BIRTHDAY_WORDS = frozenset({"birthday", "bday"})


_A_DIGIT = re.compile(r"\d")


def find_dates(text: str, spans: list[tuple[int, int]], words: frozenset[str] | None = None) -> Iterator[Finding]:
    """Dates finer than a year that belong to a particular person's story or record."""
    seen: set[int] = set()
    digits = words is None or _A_DIGIT.search(text) is not None
    months = words is None or bool(words & _MONTH_WORDS)
    relative = words is None or bool(words & _RELATIVE_WORDS) or (digits and _ORDINAL_DAY.search(text) is not None)
    birthday = words is None or bool(words & _BIRTHDAY_WORDS)
    events = words is None or bool(words & _EVENT_DAY_WORDS)
    patterns = [
        p
        for p, on in (
            (_DAY_DATE, digits or months),
            (_RELATIVE_DAY, relative),
            (_BIRTHDAY_WHEN, birthday),
            (_EVENT_DAY, events),
        )
        if on
    ]
    if words is not None and not words & _DOB_WORDS and "dob" not in text.lower():  # 'DOB01/02/1950' is one word
        patterns_dob: tuple[re.Pattern[str], ...] = ()
    else:
        patterns_dob = (_DOB,)
    for match in (m for p in patterns_dob for m in p.finditer(text)):
        rest = text[match.end() : match.end() + 40]
        date = _DAY_DATE.match(rest) or _MONTH_ONLY.match("in " + rest)
        spoken = _SPOKEN_DOB.match(text, match.end()) if date is None else None
        if spoken is not None:
            seen.add(match.end())
            yield Finding("date", match.start(), spoken.end(), "looks like a patient's date of birth, read aloud")
        elif date is not None:
            offset = 0 if _DAY_DATE.match(rest) else -3
            end = match.end() + date.end() + offset
            seen.add(match.end())
            yield Finding("date", match.start(), end, "looks like a patient's date of birth")
    # Each sentence is judged once: re-scanning it for every date in it is quadratic on '1-1-1-…'.
    has_person_cue_once = person_cue_by_sentence(text)
    # A gathering's date is the gathering's, whoever is named at it, when the text gives no one care ('Her
    # retirement party is Friday at 3 pm in the Atrium').
    public_event = memo(lambda sentence: GATHERING.search(text, *sentence) is not None and not context_care(text))
    about_someone = memo(
        lambda sentence: (has_person_cue_once(sentence) and not public_event(sentence))
        or (bool(_EVENT.search(text, *sentence)) and not GATHERING.search(text, *sentence))
    )
    for pattern in patterns:
        for match in pattern.finditer(text):
            if match.start() in seen:
                continue
            if pattern is _DAY_DATE and (
                (_NOT_A_DATE_AFTER.match(text, match.end()) and not _FULL_DATE.fullmatch(match.group(0)))
                or _decimal_or_score(text, match)
            ):
                continue
            own = sentence_at(spans, match.start())
            if match.group(0).lower() == "hier" and _german(text, own):
                continue  # German 'hier' is 'here'; French 'hier' is yesterday
            if (
                _BARE_HOLIDAY.fullmatch(match.group(0))
                and not text[own[0] : match.start()].strip(" \t\n\"'(-")
                and not has_person_cue_once(own)
            ):
                continue  # 'The Fourth of July is the peak of fireworks injuries': the day itself, for everyone
            if public_news(text, *own):
                continue  # a public figure's date, as public as their name
            if _OBSERVANCE_BEFORE.search(text, max(0, match.start() - 60), match.start()):
                continue  # 'On World AIDS Day, December 1, we remember ...': the observance's own date
            if _RECURRING_BEFORE.search(text, max(0, match.start() - 24), match.start()):
                continue  # 'every July 4th', 'each Monday': a yearly or weekly day, no one's date
            if _AGES_BEFORE.search(text, max(0, match.start() - 10), match.start()) and _AGES.fullmatch(match.group(0)):
                continue  # 'recommended at 11-12', 'ages 9-14': an age range, no day of a month
            # 'am 3. Mai aufgenommen': a splitter may end a sentence inside the date; either side counts.
            sentence = sentence_at(spans, match.start())
            if pattern is _EVENT_DAY and not has_person_cue_once(sentence):
                continue  # 'ER visits spike the night of the Super Bowl': the event's day, for everyone
            if (
                about_someone(sentence)
                or about_someone(sentence_at(spans, match.end() - 1))
                or _answers_question_about_someone(text, spans, match.start(), about_someone)
                or _appointment_slot(text, match, sentence)
            ):
                seen.add(match.start())
                yield Finding(
                    "date", match.start(), match.end(), "looks like a specific date in a patient's care or life"
                )
    for match in _MONTH_ONLY.finditer(text) if months else ():
        sentence = sentence_at(spans, match.start())
        if has_person_cue_once(sentence) and _EVENT.search(text, *sentence) and not public_news(text, *sentence):
            if not any(s <= match.start() + 3 <= s + 12 for s in seen):
                yield Finding(
                    "date", match.start(), match.end(), "looks like the month of a patient's care or life event"
                )


# A day and a clock time for the reader's own care: 'reminding you of your colposcopy on 3/14 at 9:40am', 'you're
# booked for Tuesday 6/2 @ 10:30'. A slot is one person's, as an event's day and hour are everyone's.
_CLOCK_AFTER = re.compile(r"(?i:,?\s*(?:at|@)\s*\d{1,2}(?:[:.]\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.|h)?\b)")
_READERS_CARE = Lowered(
    r"(?i:\byour (?:[\w-]+ )?(?:appointment|appt|visit|procedure|surgery|operation|follow-?up|consult|consultation"
    r"|mri|ct|scan|test|labs?|lab work|injection|infusion|biopsy|colonoscopy|colposcopy|endoscopy|mammogram"
    r"|ultrasound|x-?ray|physical|check-?up|exam|screening|session|therapy|pre-?op|post-?op|telehealth|video visit)\b"
    r"|\byou(?:'re| are) (?:scheduled|booked|due|confirmed)\b)"
)


def _appointment_slot(text: str, match: re.Match[str], sentence: tuple[int, int]) -> bool:
    return _CLOCK_AFTER.match(text, match.end()) is not None and _READERS_CARE.search(text, *sentence) is not None


# A range of ages: 'at 11-12', 'ages 9-14', 'aged 4-6' ('on 11-12' would be a day).
_AGES_BEFORE = re.compile(r"(?i:\b(?:at|ages?|aged|between)\s+$)")
_AGES = re.compile(r"\d{1,2}\s*[-–]\s*\d{1,2}")


# A holiday's day said with no preposition: someone's date only in a sentence about someone.
_BARE_HOLIDAY = re.compile(_BARE_HOLIDAY_DAY)


def _german(text: str, sentence: tuple[int, int]) -> bool:
    # (imported here: other_languages imports places, which imports this module)
    from bot.screening.other_languages import german

    return german(text, sentence)


# A speaker's turn shortly before a date ('PT: um... October 2nd?'): the date answers the turn before it.
_TURN = re.compile(r"(?:\b[A-Z]{1,10}|\b[Pp]atient|\b[Cc]aller|\b[Mm]om|\b[Dd]ad|\b[Pp]arent)\s*:\s")


def _answers_question_about_someone(text: str, spans: list[tuple[int, int]], start: int, about_someone) -> bool:
    """A date in an answer turn belongs to the question asked just before it ('when was your last period?')."""
    turns = list(_TURN.finditer(text, max(0, start - 40), start))
    if not turns or turns[-1].start() < 2:
        return False
    return about_someone(sentence_at(spans, turns[-1].start() - 2))


# A score out of a scale's maximum ('strength 5/5', 'pain 6/10', 'MoCA 22/30'), not a day of a month.
_SCORE_BEFORE = re.compile(
    r"(?i:\b(?:pain|strength|power|motor|score[sd]?|scoring|mmse|moca|slums|apgar|reflex(?:es)?|grade[sd]?"
    r"|murmur|rated?|rates|scale|out of|from|to|->)\W{0,3}(?:\d{1,2}/\d{1,2}\W{1,4}){0,3}$)"
)
_SCALE_MAX = frozenset({"4", "5", "10", "30"})


def _decimal_or_score(text: str, match: re.Match[str]) -> bool:
    """'K 5.4', 'Cr 1.8' (a decimal: a day date with dots needs its year) or 'pain 6/10' (a score)."""
    value = match.group(0)
    if match.group(1) == "." and value.count(".") == 1:
        return True
    if match.group(1) == "/" and value.count("/") == 1 and value.split("/")[1] in _SCALE_MAX:
        return _SCORE_BEFORE.search(text, max(0, match.start() - 30), match.start()) is not None
    return False


# A note's age and sex ('Pt: Doe, Jane. 91F.'), not a temperature ('temp 98F', '99 F').
_AGE_SEX = re.compile(rf"(?<![\d.])\b{_AGE_NUM}\s?[FM]\b(?![°.]?\d)")
_TEMPERATURE = re.compile(r"(?i:temp|fever|t:|°|degrees|febrile|tmax|oral|axillary|rectal|\bto\b)\W*$")


# A note's 'Mr. Bjornstad, 93, declined': an honorific and name, then the age between commas.
# A full name without a title works the same way: 'Volunteer Arthur Pemberton, 96, received our award'.
_AGE_AFTER_NAME = re.compile(
    rf"\b(?:(?:{CAPITALISED_NAME_TITLE})\.?\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?|[A-Z][a-z'’-]+\s+[A-Z][\w'’-]+),"
    rf"\s+({_AGE_NUM}|{_AGE_WORD})\s*(?:,|y/?o\b|years?\b)"
    # a title in lower case, as chat types it: 'mr. smith, 95, fell'
    rf"|\b(?i:mr|mrs|ms|miss|mx)\.?\s+[a-z][\w'’-]+,\s+({_AGE_NUM}),"
    # in lower case too, the age in words as it is dictated ('ruth goldberg, a hundred and two, had both eyes done'),
    # not a reading ('oxygen saturation, ninety three,')
    r"|\b(?!(?:sats?|saturation|pulse|rate|pressure|weight|score|glucose|sugar|temp|temperature|level|reading)\b)"
    r"[a-z][a-z'’-]+\s+(?!(?:sats?|saturation|pulse|rate|pressure|weight|score|glucose|sugar|temp|temperature|level"
    rf"|reading)\b)[a-z][a-z'’-]+,\s+({_AGE_WORD}),"
)


# An age asked and answered across a turn: 'how old is your mother? PT: ninety four.'
# A relative or a pronoun, perhaps with a name, whose age the sentence states without a unit: 'abuela rosario is
# 101 today', 'she is 94 and sharp as a tack', 'GRANDPA JOE TURNS 100 TOMORROW'. (Only a person's own word before
# the verb: 'her sugar is 95' and 'mom's pressure was 110' are readings.)
_AGE_OF_RELATIVE = Lowered(
    rf"(?i:\b(?:{alternation(FAMILY, FAMILY_ABROAD)}|she|he)(?: [a-z][\w'’-]+)?"
    rf"(?:['’]s| is| was| turned| turns| will be| just turned) ({_AGE_NUM}|{_AGE_WORD})\b"
    r"(?!\s*(?:%|percent|mg|mcg|ml|units?|kg|lbs?|pounds|over|/|mm|bpm|degrees|°))"
    r"(?=\s*(?:today|tomorrow|this (?:week|month|year)|now|next|and|,|\.|!|🎂|$|years|yrs|yo|y/o)))"
)
_AGE_ANSWER = re.compile(
    rf"(?i:\bhow old (?:is|are|was|will) [^?]{{0,40}}\?\s*(?:[a-z]{{1,12}}:\s*)?"
    rf"(?:(?:uh|um|oh|well|so|she's|he's|she is|he is|I'm|I am|about|almost|just turned|turned|"
    rf"she'll be|he'll be)[,\s]+){{0,3}}({_AGE_NUM}|{_AGE_WORD})(?![\w-])"
    r"(?![\s-]+(?:one|two|three|four|five|six|seven|eight|nine)\b)(?!\s*(?:%|percent|minutes|hours|days)))"
)


# An institution whose age a sentence gives: a hospital, a programme, a building (in the languages screened)...
_INSTITUTION_BEFORE = re.compile(
    r"(?i:\b(?:hospital|hospitals|clinic|practice|program|programme|center|centre|department|foundation|building"
    r"|church|school|university|company|institute|museum|ospedale|istituto|clinica|clínica|clinique|hôpital"
    r"|krankenhaus|klinik|praxis|unternehmen|firma|empresa|museo|musée|centro|instituto|our (?:hospital|clinic"
    r"|practice|program|unit|team))\b)"
)
# ... unless a person stands between it and the age ('Nuestro hospital atendió a una paciente que tiene 97 años').
_PERSON_ANY_LANGUAGE = re.compile(
    r"(?i:\b(?:paciente|pacientes|abuel[oa]|madre|padre|mam[aá]|pap[aá]|hij[oa]|espos[oa]|señora|señor|ella|él"
    r"|avó|avô|mãe|pai|filh[oa]|senhora|senhor|ela|ele|grand-m[eè]re|grand-p[eè]re|m[eè]re|p[eè]re|fille|fils"
    r"|madame|monsieur|elle|il|oma|opa|mutter|vater|tochter|sohn|frau|herr|sie|er|patientin|patientes?|nonn[oa]|madre"
    r"|figli[oa]|signora|signore|paziente|lei|lui|qui|que|who)\b)"
)
_BIRTH_YEAR = re.compile(
    r"(?i:\b(?:born|b\.|nacid[oa]|naci[óo]|nasci(?:d[oa]|eu)|née?|geboren|nat[oa])\s+(?:(?:back )?in |on |en |em |nel "
    r"|im jahr |im )?((?:18|19|20)\d\d)\b(?!\s*(?:or|and|o|ou|oder) (?:earlier|before|older|antes|avant|früher)))"
)
# Someone born this many years before the current one is 90 or older, or turns 90 this year.
_OLDEST_BIRTH_YEAR = date.today().year - 90


# Every age pattern but the birth year holds a number from 90 to 119 or one of these words: most texts with
# digits hold neither, and the patterns' long alternations are costly to try at every word.
_MAY_HOLD_AGE = Lowered(
    r"(?i:\b(?:9\d|1[01]\d)|ninety|hundred|hundert|nonagenarian|nineties|90s|noventa|novanta|neunzig|cien|cem|cent"
    r"|chín mươi|trăm"
    r"|quatre-vingt)"
)


# A given name (and a family name), then the age set off by commas, as a note or a post writes it: 'Hazel, 99, in the
# Rosewood wing', 'My mother Lucía Paredes, 93, has been ...'.
_AGE_AFTER_GIVEN = re.compile(r"\b([A-ZÀ-Ý][a-zß-ÿ'’-]{2,})(?:\s+[A-ZÀ-Ý][\w'’-]+)?,\s+(9\d|1[01]\d),\s")


def _given_name(word: str) -> bool:
    """A given name on the name lists (not a word for a reading: 'Temp, 99, ...' is no one)."""
    from bot.screening.learned import load_models  # (the models import this module's neighbours)

    return "F" in load_models()[0].gazetteer.flags(word.lower())


def find_ages(text: str) -> Iterator[Finding]:
    """Ages of 90 and over, which Safe Harbor requires to be grouped as '90 or older'."""
    spans = memo(lambda: sentence_spans(text))  # split once, and only if a pattern needs the sentence
    if _MAY_HOLD_AGE.search(text) is None:
        yield from _birth_years(text, spans)
        return
    for match in _AGE_ANSWER.finditer(text):
        yield Finding("age_over_89", match.start(1), match.end(1), "gives an age over 89")
    for match in _AGE_OF_RELATIVE.finditer(text):
        yield Finding("age_over_89", match.start(1), match.end(1), "gives an age over 89")
    for match in _AGE_AFTER_NAME.finditer(text):
        group = next(i for i in (1, 2, 3) if match.group(i))
        yield Finding("age_over_89", match.start(group), match.end(group), "gives an age over 89")
    for match in _AGE_AFTER_GIVEN.finditer(text):
        if _given_name(match.group(1)):
            yield Finding("age_over_89", match.start(2), match.end(2), "gives an age over 89")
    for match in _AGE.finditer(text):
        place = _INSTITUTION_BEFORE.search(text, max(0, match.start() - 60), match.start())
        between = (place.end(), match.end()) if place else (0, 0)
        if place and not (PERSON_CUE.search(text, *between) or _PERSON_ANY_LANGUAGE.search(text, *between)):
            continue  # 'our hospital turned one hundred', "L'istituto compie cento anni": a place's age
        yield Finding("age_over_89", match.start(), match.end(), "gives an age over 89")
    yield from _birth_years(text, spans)
    for match in _AT_AGE.finditer(text):
        sentence = sentence_at(spans(), match.start())
        if PERSON_CUE.search(text, *sentence) or _PERSON_ANY_LANGUAGE.search(text, *sentence):
            yield Finding("age_over_89", match.start(), match.end(), "gives an age over 89")
    for match in _AGE_SEX.finditer(text):
        if not _TEMPERATURE.search(text[max(0, match.start() - 16) : match.start()]):
            yield Finding("age_over_89", match.start(), match.end(), "gives an age over 89")


# 'my pt who climbed Kilimanjaro at 91': an age after 'at' in a sentence about someone, not a dose, a rate, a
# reading or a count ('at 95%', 'at 90 mg', 'at 100 bpm', 'at 90 days'); 'Our oldest patient this year was 97':
# a patient, then 'was' and the age, a few words apart.
_AT_AGE = re.compile(
    r"(?i:\b(?:patient|pt|resident|client|grandpa|grandma|granny|gramps|grandfather|grandmother|gentleman|lady"
    r"|abuela|abuelo|abuelita|abuelito)(?: (?!(?:sats?|oxygen|o2|spo2|saturation|temp|temperature|pulse|hr|heart"
    r"|rate|bp|pressure|glucose|sugar|score|weight|a1c|level|count|reading|hemoglobin|hgb|hct|weighs)\b)[\w'-]+)"
    rf"{{0,4}}? (?:is|was|turned|turns|just turned) {_AGE_NUM}\b"
    r"(?![\d.%/°-]|,\d|\s*(?:%|percent|mg|lbs?|pounds|kg|bpm|mmhg|degrees|minutes|hours|days|points|over|\+)))"
    r"|"
    # ... and in the other languages, with the word for years ('a los 92 años', 'aos 94 anos', 'mit 96 Jahren')
    rf"(?i:\b(?:a los|aos|com|con|mit|à|a|con) {_AGE_NUM} (?:años|anos|ans|anni|jahren)\b"
    rf"|\b(?:at|at age|aged) {_AGE_NUM}(?![\d.%/°-]|,\d)(?!\s*(?:%|percent|mg|mcg|ml|units|lbs?|pounds|kg|kilos"
    r"|miles|km|mph|bpm|mmhg|degrees|minutes|mins|hours|hrs|days|weeks|months|years|yrs|seconds|sec|feet|ft|inches"
    r"|cm|mm|points|pts|over|and (?:up|over|older)|or (?:older|over|above)|\+)\b))"
)


def _birth_years(text: str, spans: Callable[[], list[tuple[int, int]]]) -> Iterator[Finding]:
    """A year of birth that makes one person 90 or older ('My dad was born in 1927', 'nació en 1930'): a person
    in the sentence, not a population ('patients born in 1929 or earlier') or a public life ('Queen Elizabeth')."""
    for match in _BIRTH_YEAR.finditer(text):
        if int(match.group(1)) > _OLDEST_BIRTH_YEAR:
            continue
        lo, hi = sentence_at(spans(), match.start())
        if PERSON_CUE.search(text, lo, hi) or _PERSON_ANY_LANGUAGE.search(text, lo, hi):
            yield Finding("age_over_89", match.start(), match.end(), "gives a year of birth over 89 years ago")
