"""Session 27: the misses of new sets by other writers (casual chat, online replies, notes and visit transcripts,
hard edges). Each line is shaped like a case from a tuning half, not copied from it; the mechanism it pins is named
beside it.
"""

from __future__ import annotations

from bot.screening import AllowList
from tests.screening.verdict_table import verdict_table

ALLOW = AllowList(names=frozenset({"Lakeshore Regional Medical Center", "Dr. Robert Clark"}))

CLEAN = [
    # ages in the plural are a population, not one person's age
    "Ninety-year-olds often ask me whether a new hip is worth it.",
    "92-year-olds do surprisingly well with TAVR.",
    # a birthday said of everyone, or of the writer, dates no patient
    "Lots of people book their first mammogram around their 40th birthday.",
    # an elided permission said of anyone is education
    "Totally fine to ask your pharmacist about interactions.",
    "Safe to say most people tolerate it well.",
    # a transcript where the clinician only explains, or takes a history
    "Pt: what does an ejection fraction mean\nDr: it's how much blood the heart pumps out with each beat",
    "Mom: she's been coughing at night.\nDr: how long has she had it? any fever?",
    "Wife: he keeps asking about his statin.\nDr: statins lower the risk of a heart attack for most people.",
    # in a transcript: a parent's remark is no story, a visit's goodbye no confirmation, a nurse's own name is staff's
    "Dad: she loves gymnastics\nDr: that's great, what's her favorite event\nDad: beam, she's fearless",
    "Doctor: any other questions?\nPatient: nope\nDoctor: great, it was good seeing you today",
    "RN: Lakeshore Regional nurse line, this is Marisol.\nPt: hi, I have a question about my colonoscopy prep",
    # a company is as public as a drug brand, even when its name is also a surname
    "Home monitoring works with pacemakers from Abbott, Medtronic and Biotronik alike.",
    "Merck and Pfizer both make a pneumonia vaccine; either one counts.",
    # a 5-digit number for everyone in an area is no one's ZIP
    "Anyone in 43215 can get a free flu shot at the fair this Saturday.",
    # a general opening with a general reason after it; an anonymous patient's anecdote after 'because'
    "people ask about statins a lot, probably because of all the ads on TV",
    "an old patient taught me to always ask about pets, because hers turned out to be from the parakeet",
    # a question whose first words are 'can you' stays a question
    "Can you take ibuprofen with a blood thinner? Usually not, so ask your pharmacist.",
    # an event's day said of everyone
    "ER visits for chest pain go up the night of the Super Bowl every year.",
    "Plenty of couples ask about travel shots the month before their wedding.",
    # a threshold in an 'if' is for anyone
    "If your INR is over 4, most clinics will have you skip a dose, so call yours.",
    # a speaker's label is no cue that a dictionary word after it is a name
    "Mom: she loves the trampoline\nDr: ha, what's her best trick\nMom: backflips, she's fearless",
    # no one picked out before a general close
    "We can't say who is on the unit today, but you can call the main line and they'll help.",
    # a Filipino word opening its sentence is the language, not a name
    "Salamat po sa tanong! Hindi po kami nagbibigay ng medical advice dito, tumawag po kayo sa clinic.",
    # capitals of dictionary words are a heading or emphasis, not a name; a safety net said 'now' is for anyone
    "PLEASE NOTE: the HEART FAILURE CLINIC moves to the second floor next month.",
    "Call 911 now if you ever have chest pain that spreads to your arm.",
    # the writer naming their own clinical post, or a kind of person
    "I'm the hospitalist covering nights this week, so page me with admissions.",
    "I'm the kind of person who reads every label twice.",
    # a place that is the only one, or the writer's own post, in the other languages
    "Somos la única clínica del condado con resonancia abierta.",
    "La seule pharmacie du village ferme à 18 heures le samedi.",
    # a population's age in Vietnamese; a kinship title before a name is no 'you'
    "Người trên 90 tuổi nên tiêm vắc-xin cúm mỗi năm.",
    # a group's or a charity's site
    "The American Heart Association has good recipes at heart.org, and womensheart.org covers heart disease in women.",
    # a holiday's dinner said of everyone; years in a row are no account
    "Lots of families ask about food safety at Thanksgiving dinner.",
    "The 2019-2020-2021 flu seasons were rough for everyone.",
    # what most people have, in Spanish, is said of anyone
    "Lo que tiene la mayoría de la gente con tos en invierno es un virus.",
    # a team or a people in the plural is no family
    "The Browns lost again and half my patients' blood pressure went up.",
    "The Packers game always brings in a few chest pain visits.",
    # a county by which one it is, not by name
    "Every county health department runs a free flu clinic in October.",
    # a German nurse's title is no relative
    "Alles Gute zum Geburtstag, liebe Schwester Inge!",
]

HELD = [
    # a relative in the other languages before a lower-case name
    "sua nonna carla è caduta ieri in casa",
    "seine Schwester Anna hat seit gestern Fieber",
    # one person's birthday and when it fell
    "a pt of mine came in on her 50th birthday last week just to get her colonoscopy done",
    "my patient spent his 60th bday yesterday in the cath lab",
    # a transcript's story with a detail that narrows the person down stays a story
    "Mom: he's the boy who was pulled from the lake at the county fair, it made the news\nDr: how is he sleeping?",
    # a transcript's patient names stay held, whoever says them
    "Dr: how's the ankle\nTremaine: still swollen when I walk",
    # a Vietnamese title before a lower-case name, in English grammar ('s, a verb)
    "dialysis days are long. ông pham's daughter brings him pho every time",
    # a day fixed by an event in one person's life or a public one
    "a patient of mine had her first seizure the night after her son's graduation",
    "my pt swears the chest pain started the morning of the World Series parade",
    "he got his flu shot on his ninth birthday and cried the whole time",
    # a company's name with a person's title or a relative before it is a person
    "Mrs. Abbott asked whether her sensor can go through airport security.",
    "her grandson Merck is the one who set up her portal",
    # the one person a reply answers, by their ZIP
    "To the commenter in 60614 asking about your dad's bypass, please send us a message.",
    # a story told after a general opening, read on its own
    "folks ask if fireworks are safe, mostly because of the bandleader who lost two fingers at the Riverfest show",
    # a name after a speaker's label stays a name
    "Dr: who came with you today?\nPt: my son, deshawn, he drives me",
    # a nickname shouted in capitals before a relative
    "reflux questions all week. BIG TONY's daughter brings him in every time",
    # a story told before a general close
    "The crossing guard at Elm Elementary with the melanoma on her ear wears a hat now, so there is hope for us all.",
    # a rural road by its number
    "an older couple out on Township Road 112 asked me that after the well tested high for arsenic",
    # a Portuguese name after a title stays a name, common word or not
    "Seu Olavo Brandão, 94 anos, já quer voltar para casa.",
    # a name shouted in capitals in mixed-case text
    "dialysis q of the week: ABDIRAHMAN WARSAME ask me if he can fast for ramadan",
    # someone who names their own public role beside their care
    "I'm the Westerville North goalie who collapsed in the playoff game, it was all over Facebook. When can I play?",
    "I'm the fire chief here and the whole town saw the ambulance take me from the parade",
    # a story after 'ever since' with no comma
    "parents ask about heat stroke ever since the drum major at our high school went down at band camp last summer",
    # a role only one person holds, in the other languages
    "Me preguntó la maestra de la única escuela del pueblo si puede volver a dar clases después del bypass.",
    "Le seul boulanger du village m'a demandé s'il pouvait reprendre le travail après son infarctus.",
    # a Vietnamese elder's title, their whole name, and an age in Vietnamese words or digits
    "Bà Lê Thị Hoa, chín mươi hai tuổi, hỏi tôi có cần uống aspirin không.",
    "Cụ Phạm Văn Long 97 tuổi vẫn tự đi khám mỗi tháng.",
    # a site named for one person's illness
    "she shares every scan on www.fightingforfrankie.org and asked if that's ok",
    # a title of calling before a name, with the event it names
    "the whole choir asked about it after Bishop Okafor collapsed at the Easter vigil",
    # a day just after someone's life event
    "one mom scheduled her mommy makeover right after her daughter's quinceañera",
    # an account number read out in groups of four
    "a dad read me 5520-1187-0043 twice before I found his son's claim",
    # one of the writer's patients by a role at a named school
    "One of my kids, the goalie at Bexley Prep, wants to play through the concussion",
    # a family by its surname in the plural
    "the Nguyens brought all three kids in for flu shots and only the baby cried",
    # a county in lower case, where someone lives
    "my pt lives way out in pickaway county and drives an hour each way for dialysis",
    # a recording of one patient's voice
    "sharing the audio clip of my patient describing her chest pain at the staff meeting",
]

WARNED = [
    # the clinician's turn said to the parent: 'she' is the child being asked about
    "Mom: does he need antibiotics before the dentist?\nDr: yes, with his valve he needs amoxicillin before each visit",
    "Dad: can she still swim this week?\nDr: no, she has to keep the cast dry until we take it off.",
    # 'it' is the drug the patient just asked about
    "Pt: do I keep taking my metformin the day of the CT?\nDr: no, hold it that morning and the next day.",
    # a command with the drug by count, in a clinician's turn
    "Pt: my chest feels tight right now\nRN: chew two baby aspirin and call 911 now",
    # a clinician's label run on after the question it answers
    "Dad: can he play in the tournament Dr: not this weekend, he needs to rest that ankle another week",
    # told to go for care now, in Tagalog
    "Pumunta na po kayo sa ER ngayon, hindi normal yung ganyang sakit ng ulo.",
    "Ate, pumunta na po kayo sa ER ngayon, hindi normal yung ganyang sakit ng ulo.",
    # eye drops stopped in Portuguese
    "pode parar o colírio hoje, o olho já está bom",
    # 'what you have is ...' in the other languages; a French negative command with its pronoun between
    "Lo que usted tiene es una tendinitis, nada grave.",
    "Ce que vous avez, c'est une sinusite.",
    "Ne lui donnez plus d'ibuprofène, passez au paracétamol.",
    # chat drops the subject of a permission
    "ok to get ur covid booster this wk, ur counts r fine",
    # a request to pass an order on is no question
    "could you let her know it's ok to put weight on it, it's a bruise not a break",
    "can u tell him to hold the lasix tonight",
    # the reader's own result in an 'if' is no supposition
    "if your potassium came back at 5.9 stop the spironolactone today and we'll recheck friday",
    # a French command with its pronoun after a hyphen
    "donnez-lui deux comprimés ce soir et rappelez-nous demain",
    # a plan for the reader's care soon
    "I'd get that spot on your back looked at this week.",
]

GENERAL = [
    # a clinician's general answer in a transcript stays education
    "Pt: how long until people usually go back to work?\nDr: most people go back to work a week after the ablation.",
]

test_passes, test_held, test_warned, test_general_is_not_advice = verdict_table(ALLOW, CLEAN, HELD, WARNED, GENERAL)
