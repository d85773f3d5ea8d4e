"""Session 26: the rule-side misses of three new sets by other writers (consumer-health replies, visit transcripts and
notes, chat in six languages). Each line is shaped like a case from a tuning half, not copied from it; the mechanism
it pins is named beside it.
"""

from __future__ import annotations

from bot.screening import AllowList
from tests.screening.verdict_table import verdict_table

ALLOW = AllowList(names=frozenset({"Lakeshore Regional Medical Center", "Dr. Robert Clark"}))

CLEAN = [
    # a threshold said to anyone is education, whatever it 'means you have'
    "An A1c of 6.5 or higher on two tests means you have diabetes.",
    "A fasting sugar over 126 means you have diabetes, and one reading is not enough.",
    "A positive ANA alone does not mean you have lupus.",
    # 'No,' before a myth is no diagnosis; a patient's turn in a transcript keeps its label
    "No, that's a myth: cold weather does not cause colds.",
    "Q: Is it safe to fly after surgery? A: Most people can fly after two weeks.",
    # a Spanish relation word is no name on its own
    "Mi abuela decía que el caldo de pollo lo cura todo, y algo de razón tenía.",
    # going for care now after a condition is a safety net for anyone, in any language
    "Nếu đau ngực, đi cấp cứu ngay.",
    "si te duele el pecho, ve a urgencias ahora",
    "Wenn Sie Brustschmerzen haben, gehen Sie sofort in die Notaufnahme.",
    # many people's dose after a condition is no order
    "Nếu bị táo bón, nhiều người uống 1 gói Miralax mỗi ngày.",
    # a patient's turn opens with a word that is no name; a myth and its fact, a physician answering the public
    "Patient: Is it weird that I ask so much? Doctor: Not at all, write things down.",
    "Myth: you can't get pregnant while breastfeeding. Fact: it's less likely only if you're exclusively breastfeeding"
    " and your period hasn't come back.",
    "Dr. Robert Clark answers: what happens in a sleep study? You sleep in a private room and we put sensors on your"
    " scalp and chest.",
    "On va parler de la vaccination demain.",
]

HELD = [
    # relation words in Spanish, Portuguese and French before a capitalised name; Doña is only ever a title
    "Mi abuela Chela lleva tres días sin comer y no quiere ir al médico.",
    "Doña Chela lleva tres días sin comer.",
    "a esposa do Arlindo teve depressão pós-parto no mês passado",
    # a relation word, a comma, then the name in lower case
    "one of my pts' husband, hank, got shingles in his eye and nearly lost the vision",
    # a title, an initial and a family name
    "Huge thanks to Mrs. T. Wojcik, who sent cookies to the unit after her knee replacement.",
    # (black-box) a Brazilian number with its area code in brackets
    "A filha dele ligou do número (11) 98765-4321 perguntando sobre os exames do pai.",
]

WARNED = [
    # the reader's own result, and what it means they have
    "I have gone through your reports. A TSH of 8.9 with a normal free T4 means you have subclinical hypothyroidism.",
    "Your ultrasound shows you have fatty liver disease, so cut back on alcohol.",
    # the clinician's turn in a transcript: what follows the label is read as said
    "PATIENT: So is it just a cold? DOCTOR: No, it's strep, the swab came back positive.",
    "DR: Start the amoxicillin tonight.",
    # a dose ordered after the clause's condition or vocative; the reader told familiarly to go for care now
    "chị ơi, bé bị sốt thì cho bé uống Tylenol 5 ml mỗi 6 tiếng nha",
    "klingt nach ner gürtelrose, geh heute noch zum hausarzt",
    "vết thương đó sưng đỏ rồi, đi khám bác sĩ liền đi anh",
    # what the writer is about to give or change, in other languages; a nod after it is no question
    "Bueno, esto es una otitis, ¿ok? Le voy a dar amoxicilina, una cucharadita dos veces al día.",
    "Médecin : on va baisser le furosémide à 20 milligrammes le matin, d'accord ?",
    "Vou te passar amoxicilina 500 de 8 em 8 horas.",
    # a Tagalog order with its particles before the drug, after an opening
    "Okay po, so, itigil n'yo muna yung metformin bago yung CT scan.",
    # a condition the table knows, told to the reader
    "Reading your post, that's thrush from the steroid inhaler. Rinse and spit after every puff.",
]

GENERAL = [
    # a safety net for anyone, in a transcript's answer
    "A: If you ever have a fever over 104, go to the ER.",
]

test_passes, test_held, test_warned, test_general_is_not_advice = verdict_table(ALLOW, CLEAN, HELD, WARNED, GENERAL)


def test_phi_at_a_window_edge_is_found_once_in_the_text_offsets() -> None:
    """A text longer than a window is screened in overlapping windows: what straddles an edge is whole in one."""
    from bot.screening import Screener
    from bot.screening.screener import WINDOW

    screener = Screener(ALLOW)
    filler = "Flu shots are here for everyone "
    for offset in range(-40, 41, 8):
        text = (filler * 1000)[: WINDOW + offset - 6] + " Call Mrs. Alvarez at 608-555-0142 today " + filler * 50
        found = [(f.kind, text[f.start : f.end]) for f in screener.screen(text).findings]
        assert sorted(found) == [("name", "Mrs. Alvarez"), ("phone", "608-555-0142")], offset
