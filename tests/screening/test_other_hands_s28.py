"""Session 28: the misses and false alarms of new sets by other writers (fast chat, notes, anecdotes, transcripts,
several languages, public replies). Each line is shaped like a case from a tuning half, not copied from it; the
mechanism it pins is named beside it.
"""

from __future__ import annotations

from bot.screening import AllowList
from tests.screening.verdict_table import verdict_table

ALLOW = AllowList(names=frozenset({"Lakeshore Regional Medical Center", "Dr. Robert Clark"}))

CLEAN = [
    # two numbers either side of a full stop are no phone number
    "Normal is under 120/80. 130-139 on top is stage 1 hypertension.",
    # an eponym named once in full is an eponym when it comes back bare
    "Is Hashimoto's disease the same as hypothyroidism? Not quite: Hashimoto's is the most common cause of it.",
    "Patient: is Graves' disease an overactive thyroid?\nDoctor: yes, Graves' is the usual cause of one.",
    "Coding tip: Bell's palsy vs Ramsay Hunt, look for vesicles in the ear.",
    # a town leading a figure about all its residents is public geography
    "Springfield, Ohio has one of the highest overdose rates among mid-sized cities, which is why we run naloxone "
    "trainings.",
    "Dayton ranks third in the state for childhood asthma, so our clinic stocks spacers.",
    # a list of things joined by '+' or 'and' holds no person
    "potluck was amazing, someone brought lumpia + jollof + pierogi, best shift ever",
    # a date and a time for everyone (an event) is no one's appointment
    "Our flu clinic is on 10/14 at 9am in the main lobby, bring your insurance card.",
    # Vietnamese places and a public figure named like people; words of other languages after a short family name
    "Chúng tôi có phòng khám ở Hồ Chí Minh và Hà Nội.",
    "Ho Chi Minh City has some of the best street food anywhere.",
    "le médecin a dit que la plupart des gens vont bien",
    "Do Not Resuscitate orders are discussed with every family.",
    # a plural audience is no one's detail; the person an eponym is named for is history
    "A teen with a concussion who goes back into the same game risks a worse second hit. Coaches and parents, "
    "you're the first line here.",
    "q: what's tommy john surgery\na: a rebuild of the elbow ligament, named for the pitcher who had it first "
    "in 1974.",
    # holidays are no one's name; a brand beside its generic in brackets is a drug
    "Eid Mubarak to all our families celebrating this week! If you fast, ask your care team about your insulin.",
    "Narcan (naloxone) nasal spray is sold over the counter now; keep one in the car.",
    # a county in a figure about all its residents, an event's venue, a decade, a yearly day
    "Infant mortality in Pickaway County is twice as high for Black babies as for white babies.",
    "Our Heart Walk starts at Goodale Park on Saturday, May 9 at 8 am. Register at the front desk!",
    "Polio swept through early-1950s America before the Salk vaccine.",
    "ER fun fact: burns spike every year around July 4th, so leave fireworks to the pros.",
    # an eponym's namesake and what the text goes on to tell of him
    "Parkinson's disease is named for James Parkinson, a London surgeon who described the shaking palsy in 1817. "
    "He was also a geologist.",
    # plural people in general; the reader's body as everyone's; 'dear reader' is no name
    "Soccer fans: it's not only the players who get hurt on game day.",
    "Your gut loves fiber. Feed it beans, oats and greens and it will thank you.",
    "Dear reader, I can't advise on your own dose here; please ask your pharmacist.",
    # an analogy or a summary explains to anyone; a gift to a unit is no one's care; a word of a script the tagger
    # never read is no name for its capital
    "think of your kidneys like coffee filters, they catch what the blood doesn't need",
    "Picture your rotator cuff as four little ropes. That's shoulder anatomy in a nutshell.",
    "Thank you to volunteer coordinator Ruth Miller, whose quilters hand-stitched 40 blankets for the NICU.",
    "Сонливость и усталость бывают при гипотиреозе. Обсудите с врачом анализ на ТТГ.",
    # a reading after a possessive is no age
    "her sugar is 95 today, great job",
    "he was 92 percent on room air",
]

HELD = [
    # a Vietnamese full name without a title, with or without its accents
    "asked me 3x by Nguyễn Văn Thành on tuesday lol",
    "asked by Tran Van Minh after clinic again",
    "pham thi lan called again about her refill",
    # an age stated of a relative or a person by pronoun, in any case
    "abuela rosario is 101 today, she says the secret is frijoles",
    "GRANDPA JOE TURNS 100 TOMORROW and still drives to church",
    # a day and a time for the reader's own care is that person's appointment
    "Hi there, reminding you of your colposcopy on 3/14 at 9:40am. Reply C to confirm.",
    "you're booked for 6/2 @ 10:30 with the heart team, see you then",
]

WARNED = [
    # leave to change a drug at a time of the reader's own is their plan
    "ok to restart eliquis sun pm, no bridging needed",
    "fine to hold the lasix tomorrow morning since you're so dry",
]

GENERAL = [
    # leave with no time of anyone's is for everyone
    "It's ok to take ibuprofen with food if your stomach is sensitive.",
]

test_passes, test_held, test_warned, test_general_is_not_advice = verdict_table(ALLOW, CLEAN, HELD, WARNED, GENERAL)
