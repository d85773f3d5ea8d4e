"""What names a treatment, a test, care now or a diagnosis in a clause, in English and five other languages:
the half of 'is this advice' that does not depend on who is addressed (`aimed` asks it for each clause).
"""

from __future__ import annotations

from bot.screening.advice import _MEDS
from bot.screening.lexicon import STEMMED_DRUG
from bot.screening.lowered import Lowered

_MEDS_NO_SHOTS = _MEDS.replace("|chemo|treatment|therapy|injections?|shots?", "")


# A diagnosis said of what the reader described ('it sounds like strep'): see PARTICULAR.
# 'from what you describe', 'por lo que describes', 'd'après ce que vous décrivez', 'pelo que você contou'.
DESCRIBED = (
    r"(?:\b(?:from|based on|going by|given) what (?:you(?:'ve| have)?|u) (?:describe|described|said|told me|wrote|sent)"
    # the reader's own results: 'based on your numbers', 'going by your photo', 'given your labs'
    r"|\b(?:based on|going by|given|judging by|from) (?:your|ur) (?:numbers|labs|results|readings|photos?|pictures?"
    r"|pics?|x-?rays?|scans?|exam|bloodwork|symptoms|story)"
    # a picture sent in a chat is the reader's: 'from the photo', 'looking at the pics you sent'
    r"|\b(?:based on|going by|judging by|from|looking at) (?:the|this|that|these|those) (?:photos?|pictures?|pics?"
    r"|images?|videos?)(?: (?:you|u) (?:sent|posted|shared|attached))?"
    r"|\bpor lo que (?:me )?(?:describes|describe usted|cuentas|cuenta|dices|comentas)"
    r"|\bd'après ce que (?:vous )?(?:décrivez|dites|racontez|me dites)|\bselon (?:ce que vous décrivez|vos symptômes)"
    r"|\bd'après vos symptômes|\bda (?:quello|ciò) che (?:mi )?(?:descrivi|descrive|dici|dice|racconti|racconta)"
    r"|\bpelo que (?:você |o senhor |a senhora )?(?:descreveu|descreve|contou|conta|disse|falou)"
    r"|\bnach dem,? was Sie (?:beschreiben|schildern|erzählen)|\bnach Ihrer Beschreibung)\b"
)


_DX_INSIDE = (
    r"(?:\b(?:it|that|this|thats|that's|it's|its)(?: (?!(?:is|was|sounds|looks|seems)\b)[\w'-]+){0,3}?\s+"
    r"(?:definitely |probably |really |totally |honestly )?"
    r"(?:sounds|looks|seems) (?:a lot |exactly |just |more )?like (?!(?:a |an |the )?(?:good|great|fun|plan|lot|deal"
    r"|idea|question|you|your|we|fun|a)\b)"
    # 'I think you have reflux', and the same told in the other languages ('Parece que tienes una infección',
    # 'Ça ressemble à une angine', 'Sembra una gastrite', 'Das klingt nach einer Grippe')
    r"|\bI (?:think|suspect|bet|'d guess|would guess) (?:you|u) (?:have|'ve got|got|probably have)\b"
    # (not a condition for anyone: 'Si parece que tienes gastritis, consulta a tu médico')
    # (the first letters looked at before the six look-behinds: they would be tried at every character)
    r"|(?=[pieçcsolqwd])(?<!si )(?<!se )(?<!if )(?<!wenn )(?<!quand )(?<!when )"
    r"(?:\bparece que (?:tienes|tiene|usted tiene|você tem|tens)\b"
    r"|\b(?:isso|esto|eso) parece (?:ser )?(?:uma?|una?)\b"
    r"|\b(?:ça|cela) ressemble à\b|\bon dirait (?:une?|que vous avez)\b|\bsembra (?:una?|che tu abbia|che abbia)\b"
    # 'what you have is ...': 'lo que tiene es una otitis', 'o que você tem é labirintite', 'ce que vous avez, c'est'
    r"|\blo que (?:usted |tú |tu |su \w+ )?tienes? es\b|\bo que (?:você|vc|o senhor|a senhora|seu \w+|sua \w+) tem é\b"
    r"|\bce que (?:vous avez|tu as|votre \w+ a),? c'est\b|\bquello che (?:hai|ha),? è\b|\bwas Sie haben,? ist\b"
    r"|\bdas klingt nach\b|\bsieht (?:nach|aus wie)\b))"
    # What this reader described, in any of the languages: the diagnosis or order after it is theirs.
    rf"|{DESCRIBED}"
)


_TREATMENT = Lowered(
    rf"(?i:\d\s*(?:mg|mcg|milligrams?|milligrammes?|miligramos?|miligramas?|milligrammi|milligramm|micrograms?|meq|iu|ml|units|puffs|tabs?|tablets?|pills?)\b(?!/)|\b(?:{_MEDS_NO_SHOTS})\b"
    r"|\b(?:cream|ointment|pastillas?|dosis|surgery|biopsy|colonoscopy|mammogram|scan|mri|ultrasound|x-?ray|echo"
    r"|egd|cath|stress test|sleep study|bloodwork|labs|restart|resume|wean|taper|discontinue|titrate"
    r"|[\w-]+ stud(?:y|ies)|(?:urine|stool|blood|sputum) (?:samples?|cultures?)|cbc|bmp|cmp|ferritin|tsh|a1c"
    # devices put on one person: 'I want you on a heart monitor', 'keep the splint on'
    r"|(?:heart|holter|event|blood pressure|bp) monitor|holter|cpap|bipap|splint|sling|walking boot|crutches"
    r"|nebuli[sz]er|inhaler|spacer"
    # the pill in the languages screened ('pare o anticoncepcional', 'arrêtez la pilule')
    r"|anticoncepcional|anticonceptiv[oa]s?|contraceptifs?|contraccettiv[oi]|verhütungs\w*|p[íi]lula|p[íi]ldora"
    r"|pilule|pillola|pille|antibi[óo]tico|antibiotique|antibiotico|antibiotikum"
    # tests by name in the languages screened ('un ecocardiograma', 'ein Herzecho', 'une prise de sang')
    r"|ecocardiogra(?:ma|mma|fia)|[ée]chocardiogra\w*|[ée]cho(?:graphie)? cardiaque|herzecho|echokardiogra\w*"
    r"|ecograf[íi]a|[ée]chographie|ultraschall|electrocardiograma|elettrocardiogramma|[ée]lectrocardiogramme|electro"
    r"|radiograf[íi]a|radiographie|r[öo]ntgen\w*|resonancia|risonanza|resson[âa]ncia|tomograf[íi]a|scanner|tac"
    r"|an[áa]lisis de sangre|anal[íi]tica|exames? de sangue|prise de sang|blut(?:test|abnahme|bild)|analisi del sangue"
    r"|colonoscop[íi]a|coloscopie|darmspiegelung|mamograf[íi]a|mammographie|mammografi[ae]|prueba de esfuerzo"
    r"|teste de esfor[çc]o|[ée]preuve d'effort|belastungs-?ekg|prova da sforzo"
    # tests by name and a re-check ('a lipid panel', 'a strep and mono test', 'recheck your glucose')
    r"|(?:lipid|metabolic|thyroid|iron|celiac|allergy) panel|(?:strep|mono|flu|covid|pregnancy|urine|blood|sugar"
    r"|glucose|a1c|hearing|vision|sleep|allergy|hiv|std|sti) tests?|re-?check|re-?test|pap (?:smear|test)|ekg|ecg"
    # care now: 'get to an emergency room now', 'come to L&D now', 'call 911'
    r"|(?:go|get|come|head|drive) (?:straight )?(?:to|into) (?:the |an |urgent )?(?:er|ed|emergency room|emergency"
    r"|urgent care|l&d|labor and delivery|hospital)|call 911|dial 911"
    r"|needs? (?:the |an |to go to the |to go to an )?(?:er|ed|emergency room|urgent care)"
    # a plan that puts one person on or off something: 'I want her on a monitor', 'I'd want him off the X'
    r"|(?:want|need|'d like|would like|'d want|would want) (?:you|him|her|them) (?:on|off)"
    r"(?= (?:a|an|the|some|his|her|your))"
    r")\b"
    # A diagnosis given to one person: 'sounds like you've got', 'that's classic', 'you have X, not Y'.
    r"|\b(?:sounds|looks|seems) like (?:you|your|it's|that's)\b|\byou(?:'ve| have)? got\b(?! (?:this|it|that)\b)"
    rf"|{_DX_INSIDE}"
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
    r"|\b(?:a couple|two|three|\d+) (?:of )?(?:the )?[a-z]+ (?=(?:every|once|twice|at bedtime|as needed)\b)"
    # Care now: 'needs to be seen for that ear today', 'get her checked tonight'.
    r"|\b(?:seen|checked|looked at|evaluated)\b(?: [\w']+){0,4} (?:today|tonight|right away|asap|now|tomorrow"
    r"|this week|this weekend|soon|sooner rather than later|in the next (?:few |couple (?:of )?)?days)\b"
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
    r"|pomada|col[ií]rio|colirio|collyre|collirio|augentropfen|inhalador|inhalateur|inalatore|bombinha)(?:s|n|en|i|e)?\b"
    r"|\b(?:colonscopia|colonoscop[ií]a|coloscopie|koloskopie|radiographie|radio des poumons|électrocardiogramme"
    r"|electrocardiograma|elettrocardiogramma|ecografia|échographie|ecograf[ií]a|ultraschall|röntgen|tac|resonancia"
    r"|risonanza|irm|prise de sang|análisis de sangre|exame de sangue|esami del sangue|blutabnahme|blutbild)\b"
    r"|\b[a-z]+(?:formin|prof[eè]n|pril|sartan|olol|statin|cill?in|micin|azol|prazol|pirin|izide|thiazide|tidine"
    r"|triptan|lukast|semide|dronate|afil|olone|tropium|gatran|xaban|parin|pentin|gliptin|gliflozin|glitazone"
    r"|dipine|floxacin|cycline|mycin|zepam|zolam|oxetine|purinol|sone)(?:[aoe]s?|e)?\b"
    # Vietnamese and Tagalog medicine words ('uống thuốc này', 'viên metformin', 'inumin mo ang gamot')
    r"|(?:thuốc|kháng sinh|liều|viên|gamot|antibiyotiko|antibiotiko|tableta|kapsula)(?!\w)"
    # ... and Hindi, Arabic (in Latin letters) and Polish ones ('dawai', 'el dawa', 'antybiotyk', 'tabletki')
    r"|\b(?:dawai|dawa|goli|lek|leki|leku|tabletk[aię]|antybiotyk\w*|maść|maści)\b"
    # care now and medicines in the other languages ('váyase a emergencias', 'un raio-X hoje', 'el suplemento')
    r"|\b(?:emergencias|urgencias|urgences|pronto soccorso|notaufnahme|pronto-socorro|emergência|raio-?x|radiografía"
    r"|suplementos?|supplément|integratore|labou?r (?:&|and) delivery)(?!\w)"
    # A dose change by its shape: a change verb, then 'to <number>' ('upping the levo to 100').
    r"|\b(?:up|upping|bump|bumping|increase|increasing|decrease|decreasing|lower|lowering|raise|raising"
    r"|cut|cutting|drop|dropping|go|going|titrate|titrating)\b(?: [\w'-]+){0,3} to \d+(?:\.\d+)?\b"
    # Where a treatment is bought: 'pick up some X at the pharmacy'.
    r"|\b(?:pharmacy|drugstore|over[- ]the[- ]counter|otc|farmacia)\b)"
)


def names_treatment(segment: str) -> bool:
    """A drug, dose, test, care or diagnosis by the table above, or a drug by its stem ('metformina')."""
    return (
        _TREATMENT.search(segment) is not None
        or STEMMED_DRUG.search(segment.lower()) is not None
        or _ROMANCE_DRUG.search(segment) is not None
    )


# A drug's international name as Spanish, Portuguese, Italian and French write it ('naproxeno', 'colchicina',
# 'amoxicilina', 'prednisona', 'paracetamolo'): the stems' endings with the languages' own.
_ROMANCE_DRUG = Lowered(
    r"(?i:\b[a-zà-ü]{3,}(?:pril[eo]?|sart[aá]n[ao]?|olol[oe]?|statin[ae]|dipin[ao]|azol[eo]?|gliptin[ae]|gliflozin[ae]"
    r"|floxacin[ao]|c[iy]clin[ae]|cill?in[ae]|m[iy]cin[ae]|azepam|zolam|codon[ae]|profen[eo]|formin[ae]|oxetin[ae]"
    r"|triptilin[ae]|parin[ae]|xaban[ao]?|(?:ni|ta|me|lo)son[ae]|terol[oe]?|pentin[ae]|roxen[eo]|chicin[ae]"
    r"|tadin[ae]|tidin[ae]|rizin[ae]|cetamol[oe]?|amicin[ae]|prazol[eo]?|triptan[ao]?)\b)"
)
