"""Session 25: care plans told to one reader (coming back, devices, restrictions, prep, going in now), and the
rule-side misses of four new sets by other writers (chat, dictation, six languages, the line between general and
individual). Each line is shaped like a case from a tuning half; the mechanism it pins is named beside it.
"""

from __future__ import annotations

from bot.screening import AllowList
from bot.screening.clauses import commands
from tests.screening.verdict_table import verdict_table

ALLOW = AllowList(names=frozenset({"Lakeshore Regional Medical Center", "Dr. Robert Clark"}))

CLEAN = [
    # a highway is no ID code
    "Traffic on I-670 is bad on game days, so plan extra time to reach our main campus.",
    # (black-box round 3) Vietnamese writes a name's every syllable with a capital
    "Huyết áp cao là vấn đề thường gặp. Nói chung, trên 130/80 là cần theo dõi.",
    "Most CPAP machines handle 100-240V, so bring an adapter plug and you're set.",
    "The coach should know CPR.",
    # (black-box round 2) a composite case's age and job describe no one; a new colleague's training town
    "Let's imagine a composite patient, a 61-year-old bus driver who snores and nods off at red lights.",
    "Please welcome Dr. Robert Clark, who joins our cardiology team after his fellowship in Pittsburgh.",
    # a nationality is no name; an event is no town; a famous family name said alone is still the famous person
    "Parkinson's is named after James Parkinson, the English surgeon who described the shaking palsy in 1817.",
    "Serena Williams came back from the French Open after her clot scare.",
    "Einstein had an abdominal aortic aneurysm, which is why I talk about screening men who smoked.",
    "Cuando la cantante anunció que tuvo cáncer de tiroides, muchas pacientes me preguntaron por los nódulos.",
    "Cuando Sofía Vergara contó que tuvo cáncer de tiroides, muchas pacientes empezaron a preguntarme por el cuello.",
    "A patient once asked me whether her tattoo ink would show up on an MRI.",
    # the public asked, not a patient: a famous name or a royal title in a sentence of what everyone asked
    "after damar hamlin collapsed on the field everyone asked me whether they should learn cpr",
    "When King Charles's diagnosis was announced, lots of people asked me about screening.",
    # a range spelt out is no ID code; German's 'pro Tag' is a day, not a licence tag
    "A 6-to-8-week course of physical therapy helps most frozen shoulders.",
    "Für Kinder werden meist 400 IE Vitamin D pro Tag empfohlen.",
    # what the reader has heard is no diagnosis told
    "You have probably heard that cracking your knuckles causes arthritis; it doesn't.",
    # a kinship title that is an English word is a title only with its capital
    "we ate Thanksgiving dinner at noon so the night shift could join",
    "If you ever end up in the ER, bring a list of your medicines.",
    # a column's headline names the physician and the topic: general
    "Dr. Robert Clark on hydration: drink enough that your urine stays pale and go easy on salt.",
    # an age range after 'at' is no date, even after a question about someone's kid
    "is my kid too young for the hpv shot? it's recommended at 11-12",
    # (black-box, session 25) German capitalises the unit after a number; naming a made-up patient is no plan;
    # a teaching case's lesson is told to no one
    "Eine Grippe dauert oft sieben Tage lang.",
    "Imagine a patient, let's call her Jane Doe, who takes her levothyroxine with coffee every morning.",
    "hypothetically let's say you've got a patient on warfarin and he starts Bactrim. his INR will climb so you gotta"
    " watch that",
]

HELD = [
    "Anh came in yesterday with chest pain and asked about stents.",
    "Bà Nguyễn Thị Lan hỏi về bệnh tiểu đường.",
    # (holdout round) an office named with its town; one person by role in an incident; an account number with dashes
    "When we treated the Gahanna council president who collapsed during the zoning hearing, speed mattered.",
    "The pitcher struck by a line drive at the Dublin tournament is home and doing well.",
    "For account 5521-330-18, the duplicate charge has been reversed.",
    "Mrs. Gehrig came in for her knee today and asked about ALS.",
    # a phone number in full international form; an IBAN called one; a room read aloud where someone is
    "A la sobrina que dejó su número, +34 622 19 84 51, le devolvimos la llamada.",
    "Alguien publicó el IBAN ES12 3456 7890 1234 5678 9012 para el reembolso de su madre.",
    "the lady in room six fourteen asked me what a pacemaker check involves",
    # a listed given name spoken to as a sentence opens, a command after it
    "top q is diet on warfarin. carlos, keep ur greens steady and get ur INR checked thurs",
    # an SSN read aloud straight after 'social'; an age in words with hyphens; a Tagalog title before a name
    "ok social five one two three three four seven seven nine new paragraph most people ask about fasting",
    "my hundred-and-one year old in the memory unit still beats me at checkers",
    "Kuya Ramil asked about his gout again at clinic, and so does everyone.",
    # a town and its state's code in a note, with the note's age and sex
    "sixty two yo F Gahanna OH seen last week for her knee, asks what everyone asks about cortisone",
]

WARNED = [
    # what the reader described needs a procedure
    "Sir, that spot needs to come off. Book the excision this month.",
    # a safety net for one child by pronoun, condition first
    "If her fever hits 104 again or she stops wetting diapers, bring her straight back in.",
    # (black-box round 3) a word of address is no name in its own language; 'por favor' before a command
    "Kuya, wag mo munang inumin yung metformin hanggang makita ko ang labs mo.",
    "Anh bị gout rồi đó. Uống colchicine theo toa.",
    "por favor vaya a urgencias hoy mismo",
    "Reading your message about the pressure when you climb stairs: please go to the ER now.",
    # 'Do not' opens a command, not a question; a weight limit with the reader's incision
    "Do not restart your warfarin until the bleeding has stopped for two days.",
    "Nothing heavier than fifteen pounds with that incision for the next four weeks, ok?",
    # care plans told to one reader: coming back, a device, a restriction, going in now, in chat and in Spanish
    "ok so tylenol + fluids tonight but bring her back if the fever hits 104 or she stops peeing",
    "the splint stays on whenever ur up and about for the next 3 wks, off only to shower",
    "keep the knee brace on at night, especially since the giving way is what wakes you",
    "sorry but after that faint no driving for u for 3 months, state rule",
    "That gash needs stitches, head to urgent care this afternoon.",
    "señor tome la pastilla del colesterol todas las noches y no la deje",
    "Con ese dolor de pecho, vaya al hospital ahora, no espere.",
    # a drug ordered by its Italian name, after an elided article
    "Smetta subito l'ibuprofene e chieda al suo medico.",
    # (black-box, session 25) a plan for the reader with 'you' only in a condition; 'nite'; the reader's own procedure
    # before a restriction; a device in German, Spanish and Portuguese
    "Keep the cast dry whenever you're showering for the next three weeks, even with a bag over it.",
    "use ur inhaler spacer every nite before bed",
    "After your ankle surgery, no jogging for eight weeks.",
    "Du hast eine Sehnenscheidenentzündung, trag die Schiene nachts und mach eine Woche Pause vom Klavier.",
    "Póngase la férula todas las noches.",
    # an injury told to the reader by what happened to which part
    "That's almost certainly a sprained wrist, not a fracture.",
]

GENERAL = [
    "A mole that changes shape needs to be checked.",
    "Worst headache of your life, out of nowhere: that's an emergency, call 911.",
    "Si tiene dolor de pecho, llame al 911. No espere a ver si se le pasa.",
    "La mayoría de los pacientes usa la férula unas seis semanas.",
    "After a knee scope, most people avoid kneeling for a few weeks.",
    "Parents, if your child's fever hits 104, bring them in.",
    "Most people wear the walking boot about six weeks after this kind of break.",
    "CPAP users: wear it every night, even on vacation.",
    "Se precisar ir ao pronto-socorro, leve a lista dos seus remédios.",
]

test_passes, test_held, test_warned, test_general_is_not_advice = verdict_table(ALLOW, CLEAN, HELD, WARNED, GENERAL)


def test_a_command_is_known_by_its_shape_after_an_address_or_but() -> None:
    assert commands("bring him back if it gets worse")  # 'bring' ends like a gerund, is none
    assert commands("head to urgent care tonight")  # a verb sending someone to a place of care
    assert commands("sir stop the lisinopril")  # a word of address before the command
    assert commands("fluids for now but call us if he stops peeing")
    assert not commands("talking to the ER was slow")
    assert not commands("the nurse called back")


def test_a_name_spelt_out_is_held_with_the_word_it_spells() -> None:
    from bot.screening import Screener

    screener = Screener(ALLOW)
    text = "her last name is uh O as in oscar K A F O R okafor and she asks about flying"
    verdict = screener.screen(text)
    names = [text[f.start : f.end] for f in verdict.findings if f.kind == "name"]
    assert verdict.verdict == "block" and any("okafor" in n for n in names), names
    for clean in ("vitamins A, D, E and K are fat soluble", "the drug is metformin, M E T F O R M I N",
                  "diarrhea, D I A R R H E A, is hard to spell"):
        assert screener.screen(clean).verdict == "ok", clean
