"""Session 29: the misses and false alarms of new sets by other writers (public replies, general text that reads
like advice, anecdotes, other languages and scripts). Each line is shaped like a case from a tuning half, not
copied from it; the mechanism it pins is named beside it.
"""

from __future__ import annotations

from bot.screening import AllowList
from tests.screening.verdict_table import verdict_table

ALLOW = AllowList(names=frozenset({"Lakeshore Regional Medical Center", "Dr. Robert Clark"}))

CLEAN = [
    # the reader called by name, at a sentence's opening or its close, in a reply that tells nothing of their care
    "Hello Farida! Visitors under 14 are welcome on most units; the ICU asks that kids check in at the desk first.",
    "Thanks for cheering on our EMS crew, Dwayne! 💙",
    "We hear you, Mrs. Ostrowski. Please send us a DM and we'll get you to the right team.",
    "Hey Tomasz 👋 the pharmacy on the ground floor is open until 9 tonight.",
    "Bernadette, we'd love to see you at the 5K on Saturday, it's free and open to everyone.",
    # other languages: an event's date with no one named, a figure for all over ninety
    "Бесплатная проверка давления 14 ноября в холле больницы, приходите всей семьёй.",
    "流感疫苗接种日：11月16日上午9点到12点，医院大厅，免费。",
    "Людям старше 90 лет прививку от гриппа делают дома.",
    "Kulan caafimaad: 9-ka Nofembar, dabaqa labaad, waa bilaash.",
    # a colleague by the service they come from or work in, or by the credential the name model read into the name
    "tomas from the pharmacy says the pyxis on 4 is restocked",
    "huge thanks to Beatriz Okafor in environmental services for the food drive!",
    "dana rn is swapping my saturday, thank u dana",
    # a paper's authors, every one of them
    "A 2021 trial by Mwangi, Lindgren and Petrosyan found texting reminders raised colonoscopy rates.",
    "co-authors Ravi Menon and Ingrid Solberg ran the survey across 12 clinics",
    # the writer's own family, when the text tells nothing of anyone's health or care
    "my daughter Ximena made me a mug for my birthday and I use it every day",
    "my husband Teodor still can't fold a fitted sheet. anyway, happy Friday everyone!",
]

HELD = [
    # ... but not when the sentence that calls them tells of their care, or the reply speaks of it
    "Thanks, Dwayne! Your stitches should come out at the follow-up next week.",
    "Farida, your biopsy results are ready in the portal.",
    "So glad the new hip is treating you well, Mrs. Ostrowski!",
    # a name by the title or kinship word of the text's own language, and the dates and great ages told with it
    "госпожа Петренко поступила 2 марта с пневмонией, палата 412",
    "Marwo Sahra Aadan waxaa la dhigay isbitaalka 5-ta Maarso",
    "Msye Jean-Baptiste gen 93 lane, li antre lopital 12 desanm",
    "赵奶奶今年96岁，3月5日做了手术，恢复得很好",
    "박 할머니 오늘 퇴원하셨어요, 3월 9일에 입원하셨었죠",
    "السيدة نادية الحسيني دخلت المستشفى يوم ٣ مارس",
    "श्रीमती कमला को 5 मार्च को भर्ती किया गया था",
    "Pani Krystyna przyjęta 4 lutego, sala 12",
    # ... but the writer's kin whose illness or care the sentence tells is PHI like anyone's
    "my son Anselm has cerebral palsy and the PT team here is the reason he walks",
    "my wife Greta could deliver here after two miscarriages, forever grateful",
    "thanks to Dr. Wise for catching my brother Ottavio's appendicitis",
    # one person singled out by what they did and when, with the care given them
    "the guy who won the chili cook-off at the county fair in August was my patient for gout two weeks later",
    "the woman who broke the state record in the 10K this April saw me for a stress fracture",
]

WARNED = [
    # a command about one person's own drug, whatever season or age frames it
    "go ahead and bump her cetirizine to 10 mg during allergy season, fine at her age",
]
GENERAL = [
    # ... while the season's advice for anyone stays general
    "During allergy season, most kids do fine on 5 to 10 mg of cetirizine a day.",
    # a reader who fits a rule just stated is anyone who fits it
    "Colon screening starts at 45 now. If that describes you, book your colonoscopy this year.",
]

CLEAN += [
    # ... while a month for everyone is no one's ('Every July we see more fireworks burns')
    "Every July we see more fireworks burns; a man who lights one in his hand risks losing fingers.",
    # gladness about what the reader did with the page is no news of their care
    "Happy you reached out, Lorenzo. Our volunteer office is on the 2nd floor.",
]

test_passes, test_held, test_warned, test_general_is_not_advice = verdict_table(ALLOW, CLEAN, HELD, WARNED, GENERAL)
