"""Session 30: the misses and false alarms of three new sets by other writers (physicians' quick answers and DMs,
public replies and posts, notes, transcripts and consumer-health text). Each line is shaped like a case from a
tuning half, not copied from it; the mechanism it pins is named beside it.
"""

from __future__ import annotations

import pytest

from bot.screening import AllowList, Screener
from tests.screening.verdict_table import verdict_table

ALLOW = AllowList(names=frozenset({"Lakeshore Regional Medical Center", "Dr. Robert Clark"}))

CLEAN = [
    # a clause does not end at a title's full stop: the story is about the physician named after it
    "This month we honor Dr. Mariam Castellanos, who retires after 31 years caring for newborns in this valley.",
    # the practice's own line or address, offered to readers, in a sentence about no one
    "Our Elm Road office moves to 1820 Lakeview Pkwy, Suite 4B, on March 3. Questions? Call (614) 555-0172.",
    "Walk-ins welcome for flu shots. Call 614-555-0139 to book a time.",
    # authors named before 'and colleagues'
    "a big cohort from Korea, Park and colleagues, found no link between the two",
    # a capitalised word opening a transcript turn is a word, not a name
    "Nurse: The pharmacy closes at six, the number is on your sheet. Patient: Great, thank you.",
    # where a new colleague comes from or trained
    "Please welcome Dr. Ines Varga to our sleep clinic! She joins us from Minneapolis.",
    # the writer's kin in Chinese with no name after them
    "我妈妈说冬天多喝热水对身体好。",
    # a dose range is no phone number, in any script
    "Ibuprofeno para adultos: 200–400 mg cada 6 a 8 horas, máximo 1200 mg al día.",
    "Парацетамол для взрослых: 500–1000 мг каждые 4–6 часов, не больше 3 г в сутки.",
    # a hotline spelled in letters; words in capitals beside a number are no licence plate
    "Ready to quit? Free coaching at 1-800-QUIT-NOW, any day of the week.",
    "DESSERT IS FINE. ITS THE 2ND SLICE AND THE 3 SODAS THAT ADD UP",
    # an organism's binomial and the Latin qualifier of a condition are no person and no place
    "Cultures grew Borrelia burgdorferi; treated as early Lyme carditis.",
    "Impression: tinea pedis and onychomycosis, rule out candida intertrigo.",
    # eponyms of exam findings and of an operation's tools; an all-caps sign and its result
    "Osler nodes and Roth spots were absent; no Janeway lesions.",
    "Right lower quadrant with McBurney tenderness, psoas sign negative.",
    "FABER negative bilaterally. Straight leg raise negative.",
    # a reference list's authors, a study's site, a news dateline
    "Nakamura T, Osei K, Varga L, et al. Early mobilization after hip fracture. J Orthop Res. 2019.",
    "We reviewed 412 adults aged 65 to 94 treated at a tertiary center in Porto between 2010 and 2021.",
    "DENVER, May 14, 2023 — A hospital-at-home program cut readmissions by a fifth, researchers reported.",
    # medicine's history: a year long past and what someone found or won then
    "Fun fact: the Apgar score was published in 1953 by Virginia Apgar, who tested it with colleagues Kline and Reyes.",
    "Alexander Fleming recibió el Nobel en 1945 por el descubrimiento de la penicilina.",
    # someone praised who serves: a teacher, a troop's leader
    "big shout out to Mr. Abernathy, the shop teacher who runs the CPR club at Central High",
    # the great age of the hospital itself, or of a volunteer whose health is untold
    "Happy 110th birthday to our hospital! 🎉 Serving this valley since 1916.",
    "Happy 93rd birthday to our volunteer Rosalind, who has knitted hats for the nursery since 1990!",
]

HELD = [
    # ... but a patient's number or address stays held, as does a number told to call tonight with no invitation
    "call her at (614) 555-0172 about the path report",
    "call 614-555-0139 tonight",
    "Pt moved to 1820 Lakeview Pkwy, Suite 4B last month",
    # ... but a patient praised or congratulated stays held
    "shout out to Mrs. Yoon who rang the bell today!",
    "Congrats to Mr. Baptiste on going home today after 5 weeks with us!",
    # ... but one patient of a series, in their town, is held
    "A 71-year-old woman from Porto in our series developed a leak on day 3.",
    # a case number labelled as the hospital's
    "Case report: Patient R.M. (hospital no. 58-30419), a 72-year-old woman with situs inversus.",
    # a full name right after the writer's kin in Chinese; a relative's great age told with 's
    "我爸王建国昨天做了心脏搭桥手术，现在在ICU。",
    "Nurse: And Grandpa's 94 now? Son: 95 in June. Nurse: How is the wound on his heel?",
    # ... but someone spoken of now, beside a year long past, is held
    "the retired coach whose team won the 1985 state title is in for his bypass, room 12",
    # ... and one reader named in a leaflet's words is held, their advice with them
    "Mr. Osei, if you miss a dose of the apixaban tonight, take it first thing tomorrow and then back to twice daily.",
    # ... but a woman named like a genus is a woman
    "Candida Ferreira was admitted last night with chest pain",
    # ... and a volunteer's great age beside their care
    "Happy 93rd birthday to our volunteer Rosalind, home now after her hip surgery!",
]

WARNED = [
    # a diagnosis pointed at what the reader showed, then an order in chart shorthand: theirs
    "that scaly patch with the raised edge is ringworm. clotrimazole bid x 3 wks",
    "from the pic you sent that's a stye on his lid. warm compresses 4x a day, no makeup near it",
    # advice reported as given to one person
    "advised pt's daughter to bring him to the ED now, glucose 42 on the home meter",
    "instructed patient to present to L&D immediately given decreased fetal movement",
    # an order passed on to the one it is for, and the writer's next step in the reader's treatment
    "tell dad 2 puffs of the albuterol every 4 hrs til the wheeze settles",
    "Doctor: Sounds like classic gout in that toe. We'll start you on colchicine today and recheck uric acid in a "
    "month.",
    # 'Do' before an object is a command, not a question, when a full stop closes it
    "Hi, thanks for your query. Morning heel pain like yours is plantar fasciitis. Do heel stretches twice daily and "
    "take naproxen 250 mg after meals for ten days.",
    # a treatment, then 'so see a doctor' to get it: a second order, no deferral; someone of theirs sent now
    "Hi, this is a classic strep throat. You'll need amoxicillin 500 mg twice a day for 10 days, so see a doctor "
    "today.",
    "Hello. Vomiting with a headache this bad after a fall is an emergency. Take your daughter to the ER right now.",
    # a yes that answers the reader's own question, and what it permits
    "yep ok to take the claritin w the amoxicillin, they don't interact",
    "yes that's shingles. valacyclovir 1 g three times a day for a week",
]

GENERAL = [
    # a drug's label or leaflet: every command in it is for anyone who uses the product
    "Terbinafine Cream 1%. Directions: clean and dry the skin; apply a thin layer once daily for 1 week.",
    "If you forget a dose, take it when you remember unless the next one is due soon. Never take two doses together.",
    "Metformin and your kidneys: you don't need to stop it for a CT scan unless your team tells you to.",
    # the usual plan for a population, and a passed-on greeting with nothing of care
    "For most adults with a new diagnosis of high blood pressure, we'll start with salt and exercise before any pill.",
    "tell her I said hi, and that the flu shot clinic opens Monday",
    # the text's own question answered for anyone
    "Most common question this month: can I take ibuprofen with my coffee? Yes, it's fine to take ibuprofen with "
    "coffee, just take it with food.",
]

test_passes, test_held, test_warned, test_general_is_not_advice = verdict_table(ALLOW, CLEAN, HELD, WARNED, GENERAL)


REPLY_CLEAN = [
    # a commenter answered by name, or by the handle the reply opens with, in a reply that tells nothing of their care
    "Of course, Marisol — our diabetes classes are free and open to anyone, Tuesdays at 6pm.",
    "@runner_ben thanks for the shout-out! Our cardiac rehab team loved having the race here 🏃",
    # a closing call, then a wave, then the next sentence
    "Love this, Imani! 💛 Sign-up for the spring walk opens Monday.",
    # the practice's own number in its public reply
    "We're sorry this happened. Our patient advocates are here for you: 555-240-1187, weekdays 8 to 5.",
    # thanks for a gift, and gladness about our own team
    "Thank you, Mr. Delacroix, for your generous gift to the pediatric playroom 💛",
    "¡Gracias por el comentario, Rocío! Nos alegra saber que nuestro equipo de maternidad es tan querido.",
]

# thanks for kind words in a language whose care words the screen does not read
REPLY_CLEAN += [
    "Dziękujemy, Pani Agnieszko, za ciepłe słowa! Cały oddział się ucieszył.",
    "Спасибо, Ольга, за добрые слова! Передадим их медсёстрам.",
]

REPLY_HELD = [
    # ... but other news after the same thanks keeps the name held
    "Спасибо, Ольга! Ваши результаты уже в портале.",
    "Of course, Marisol — your A1c results are in the portal now.",
    "@runner_ben so glad your knee surgery went well!",
    "Great news, Imani! 🎉 The stitches can come out Friday.",
    # ... but the reader's own number, or someone's, stays held
    "We'll call you back at 555-240-1187 this afternoon.",
    "We reached her son at 555-240-1187 this morning.",
]


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(ALLOW)


@pytest.mark.parametrize("text", REPLY_CLEAN)
def test_reply_passes(screener: Screener, text: str) -> None:
    verdict = screener.screen(text, purpose="reply")
    assert verdict.verdict == "ok", [(f.kind, text[f.start : f.end]) for f in verdict.findings]


@pytest.mark.parametrize("text", REPLY_HELD)
def test_reply_held(screener: Screener, text: str) -> None:
    verdict = screener.screen(text, purpose="reply")
    assert verdict.verdict == "block", [(f.kind, text[f.start : f.end]) for f in verdict.findings]
