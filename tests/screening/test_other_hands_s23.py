"""Session 23: dictated answers and answers for the public in other languages, by other writers.

Each line is shaped like a case a writer with no sight of the code wrote for the tuning sets; the
mechanism it pins is named beside it.
"""

from __future__ import annotations

from bot.screening import AllowList
from bot.screening.names import Roster
from tests.screening.verdict_table import verdict_table

ALLOW = AllowList(names=frozenset({"Lakeshore Regional Medical Center", "Dr. Selena Franco", "Dr. Mitchell Bennett"}))

CLEAN = [
    # an organisation's own name, its body first in the other languages or glued last in German, or in English
    # ending in a body that is no surname
    "Laut Robert Koch-Institut wurden im letzten Jahr mehr Fälle gemeldet.",
    "Secondo l'Istituto Superiore di Sanità i casi di morbillo sono aumentati.",
    "Según el Instituto de Salud Carlos III, la gripe llegó antes este año.",
    "According to the Robert Koch Institute, cases rose last winter.",
    # a relative day with no one's care, and German 'hier' (here)
    "Die Praxis ist am Dienstag geschlossen.",
    "Meine Patientin ist hier, weil sie Schmerzen hat, und das ist normal.",
    "La clinica è chiusa martedì scorso per lavori.",
    # the practice's own handle, shortened as organisations shorten their names
    "PSA from @LakeshoreRMC: cold weather means more carbon monoxide poisonings.",
    # a public figure's date is as public as their name; their 'case' in the next sentence is theirs
    "Bruce Willis's family shared his dementia diagnosis in February 2023. It often starts before 65.",
    "Rafael Nadal ha hablado en público de su enfermedad del pie. Su caso sirve para recordar que el dolor crónico"
    " merece estudio.",
    # a listed physician by the short form of the given name, with the listed surname
    "mitch bennett here from bariatrics. q: will i regain the weight? some do, most keep it off",
    "Mitch Bennett here, happy to answer questions about the sleeve.",
    # a phrasal verb before 'up in', a school said in general
    "summer camp physicals!! schedule early, the slots fill up in columbus",
    "kids in middle school need the tdap booster before 7th grade",
    "we host flu shots at the lutheran church on main, everyone welcome",
    "We enrolled 33 participants in the trial this year.",
    # ... but no one named came in or asked
    "so everyone keeps asking about ozempic this month",
    "the pharmacy called me about the shortage again",
    "ozempic came in a new pen this year, so the dosing changed",
    "mychart messaged me twice about the same refill",
    # acronyms that are also short pet forms stay acronyms
    "Ask about TED hose after surgery; the DOT physical is due every two years.",
    # a care home said in general
    "most folks in a nursing home get the flu shot there, so ask the staff",
    # a holiday said for everyone; the practice's own site and its address; a bed's time
    "The Fourth of July is the peak of fireworks injuries, mostly hands and eyes.",
    "Our urgent care at 1400 Lakeshore Drive is now open until 10 p.m. seven days a week.",
    "Try going to bed 15 minutes earlier for a few nights before the clocks change.",
    "St. Patrick's Day is a big drinking day, be careful out there",
    # (black-box pass) a verb after 'my patient' or a relative; a next visit for anyone; an organisation whose
    # name runs on through 'de la'
    "my patient said thank you and that made my day",
    "bring all your pill bottles to your next visit",
    "At your next visit, ask about colon cancer screening.",
    "La Organización Panamericana de la Salud alerta sobre el dengue.",
    # ... and the incident's lesson for anyone
    "Lightning strikes on golf courses are rare but deadly; get inside when you hear thunder.",
    "A person who faints during exercise should get a heart check.",
    # a reading between commas, a count, a year after a study's label, a dose after 'subject'
    "her oxygen saturation, ninety three, was fine on room air",
    "we did about a hundred and two, maybe more, of these last year",
    "The study number 2024 was the biggest we ran.",
    "my dad was 95 minutes late to his own party",
]

HELD = [
    # ... but a name ending in a body word that is also a surname stays a name
    "Jae-won Park, 33, reports that his symptoms started after the holidays.",
    # the wider family's names, and a given name that is also a word as the subject of a verb
    "i get asked if lexapro causes weight gain. her niece dawn is convinced it did",
    "the daughter in law Oksana keeps asking about her mom's meds",
    "my patient grace said the new inhaler helps",
    # a pet form no name list holds is a name after 'my patient' or a relative
    "my patient jimmy had a stroke last month and asked about driving",
    # (black-box pass) a street address typed in lower case, in a sentence about someone
    "my patient lives at 412 oak street and walks to clinic",
    "her address is 88 maple ave, apt 4",
    # (black-box pass) ages after 'a patient of mine' or a title in lower case; a participant's short number;
    # a church named by more than its denomination
    "a patient of mine, 95, had a stroke last spring",
    "mr. smith, 95, fell at home",
    "participant 33 in the trial dropped out",
    "my patient attends grace lutheran church and asked about fasting",
    # a lower-case name as the one who came in or asked
    "funny timing but nou came in two sundays ago asking about statins",
    "ppl ask if they can skip doses. olena zhao told me she takes it when she feels like it",
    # a name in capitals whose given name is a pet form no list holds
    "the big q is whether allergy shots are covered. BILLY JOE got a bill for 400 bucks and was in tears",
    # a relative's name after 'the patient's'; a street named in lower case without its number
    "the patient's husband raj was very worried about the surgery",
    "a resident of the county nursing home on alum creek drive came in with sepsis",
    # a care home named in lower-case text about someone
    "colonoscopy prep. the resident from willow bend nursing home couldnt finish it so we rescheduled",
    # a school, church or apartment complex named in lower-case text about people there; a town after 'up in'
    "so many q's from the families at brookside village, like 6 kids w/ strep this month",
    "had a whole family from quail hollow apts come in w/ the same rash",
    "everybody out in bryan asks me about gout b/c the closest pharmacy is 40 min away",
    # someone else's handle; a patient's date beside a diagnosis shared with us
    "my patient @jenny_runs4 posted her scar photo",
    "My patient Bruce Miller shared his cancer diagnosis with the team in February 2023.",
    # a relative day in the other languages, in a patient's story
    "Mi paciente vino el martes pasado con dolor en el pecho.",
    "Ma patiente est venue hier avec une douleur au ventre.",
    "Mein Patient kam am Dienstag in die Notaufnahme.",
    "Ho visto la paziente ieri al pronto soccorso.",
    # 'we saw' and 'was with us' in the other languages put a person in the text
    "A professora que atendemos ontem tinha apendicite.",
    "Ein Lehrer vom Gymnasium in Upper Arlington war letzten Dienstag mit Brustschmerzen bei uns.",
    # an age dictated right after the person, or in words between commas after a lower-case name
    "had a gentleman ninety three up walking the hall post op day one",
    "cataract questions. rosa feldman, a hundred and one, had both eyes done",
    # ... or typed with no apostrophe
    "people ask if theyre too old for stuff. i have a pt whos 90 and still mows his own yard",
    # one day of a past week, a holiday's day as chat writes it
    "funny timing but my pt came in two sundays ago asking about statins",
    "nurse at the middle school called st paddy's day about a kid w/ a seizure",
    "she came in the day after thanksgiving with a swollen knee",
    # a research participant's number, spoken with its dash too; a bare 'account' before a long number
    "Subject 014 in our trial asked me this",
    "subject KRT dash zero five one two asked me the same thing",
    "billing questions. account six six one zero two four eight was charged twice",
    # a story told by its incident, with no care verb and no name (the story model's incident grammar)
    "the bride who fainted at her own reception at the country club came in for a heart check",
    "the paramedic who got stuck in the elevator during the blackout asked me about panic attacks",
]

WARNED = [
    # a command on the reader's own drug, named with 'the' (a dose in words, a relay to someone, a course)
    "migraines are the top question. take the sumatriptan fifty at the first sign of the aura",
    "depression. go up on the bupropion to three hundred since one fifty isnt doing it",
    "ear infections. tell him to finish the whole bottle of amox, all ten days",
    # ... or what someone particular must do with it
    "hrt questions. she needs to come off the estrogen patch four weeks before her surgery",
    "he should stop the metformin the day of the CT",
    # a statement with a tag is no question; 'amox' is amoxicillin
    "your daughter needs the full 10 days of amox even if she feels better, ok?",
    # (black-box pass) switching or going back on a named drug; a condition the reader is told they have
    "he should switch from the warfarin to eliquis",
    "she can go back on the gabapentin now",
    "your diagnosis is lupus, and we'll start treatment",
    "you have type 2 diabetes",
    # a command on a named drug inside dictation that runs on with no stop
    "anxiety meds take time increase the lexapro to twenty milligrams and give it a full four weeks",
    "dental work and plavix comes up restart the plavix the same night as long as the bleeding stopped",
    # German: 'du' told to stop the pill, the reader's own relative told to stop a drug
    "Du solltest die Pille ab morgen absetzen.",
    "Ihr Vater sollte das Metformin ab morgen absetzen.",
]

GENERAL = [
    # a drug named bare or by its class, or a condition on someone, is for every reader
    "Take ibuprofen with food.",
    "Finish the antibiotics even if you feel better.",
    "If she has to stop the warfarin, we bridge with a shot.",
    # ... and a real question with a tag stays a question
    "Can I take ibuprofen with it, ok?",
    # a condition of age or state picks out a group of readers; a question reported in quotes is the patient's
    "you should get the shingles shot if ur 50+, its 2 doses 2-6 months apart",
    "If you're pregnant, get the Tdap between 27 and 36 weeks.",
    "tbh the #1 q about gabapentin is 'do i have to take it forever'. not always!",
    # ... and conditions said for anyone with them
    "If you have diabetes, check your feet every day.",
    "People who have asthma should get a flu shot every fall.",
    "Most people can go back on their usual meds after surgery.",
    # ... and a run-on that says what we or people usually do; anybody with a condition
    "most people who stop the lexapro too fast feel dizzy",
    "we usually restart the plavix the next day after a dental extraction",
    "anybody with a serious food allergy should carry two epipens and call 911 after using one",
    # ... and German said of anyone
    "Jeder Patient sollte Blutverdünner nie ohne Rücksprache absetzen.",
    "Man sollte Antibiotika nicht einfach absetzen.",
]


test_passes, test_held, test_warned, test_general_is_not_advice = verdict_table(ALLOW, CLEAN, HELD, WARNED, GENERAL)


def test_short_form_of_a_given_name_needs_the_listed_surname() -> None:
    roster = Roster(frozenset({"Dr. Michael Evans", "Dr. Jennifer Hancock", "Dr. Bob Clark"}))
    assert roster.allows(["mike", "evans"], "")
    assert roster.allows(["Jen", "Hancock"], "")
    assert roster.allows(["Robert", "Clark"], "")  # listed by the short form, named in full
    assert not roster.allows(["mike"], "")  # 'Big Mike is back in the ED': anyone
    assert not roster.allows(["mike", "hancock"], "")  # two people's halves
    assert not roster.allows(["mike", "evans"], "my patient ")
