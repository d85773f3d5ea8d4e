"""Three things other writers' text taught the screen (session 18):

- a person known for their health or a part in medicine's history, named with no care given, is public
  knowledge (bot/screening/famous_health_cases.txt) — in any casing, and also by a part of the name once
  the full name has been said; care given in the sentence keeps the name ('my patient, also named ...');
- a sentence that singles out one person who wrote in ('to the dad who messaged about ...', 'Reply to
  u/x:') makes what follows advice for that person;
- anything that may be published (an answer as well as a reply) must not confirm someone's care.
"""

from __future__ import annotations

import pytest

from bot.screening import Screener
from bot.screening.findings import REPLY_KINDS
from tests.screening.helpers import kinds

FAMOUS = [
    "Arthur Ashe contracted HIV from a blood transfusion after his heart surgery in 1983.",
    "christopher reeve was thrown from his horse in 1995 and spent his life campaigning for spinal research",
    "After Angelina Jolie wrote about her BRCA result, genetic testing referrals jumped; thanks, Angelina.",
    "Jonas Salk tested his polio vaccine on his own family before the 1954 field trial.",
    "Muhammad Ali lit the Olympic torch in 1996 with his Parkinson's plain to see.",
]
CARE_GIVEN = [
    "My patient, also named Arthur Ashe, came in last week for his transfusion follow-up.",
    "We admitted a Christopher Reeve to the spine unit, no relation to the actor.",
]


@pytest.mark.parametrize("text", FAMOUS)
def test_a_famous_health_case_is_public_knowledge(screener: Screener, text: str) -> None:
    assert screener.screen(text).verdict == "ok", kinds(screener, text)


@pytest.mark.parametrize("text", CARE_GIVEN)
def test_a_famous_name_with_care_given_is_still_a_patient(screener: Screener, text: str) -> None:
    assert "name" in kinds(screener, text)


ADDRESSED = [
    "to the mom who messaged about her son's cough: that's croup, run a steamy shower and give him motrin tonight",
    "btw the guy who DMed the pic of his foot, that's an ingrown nail, soak it twice a day and see podiatry",
    "Replying to @kayla_runs: rest that knee for two weeks and ice it after every walk.",
]
NOT_ADDRESSED = [
    "To everyone who asked about flu shots: they're in, and most adults should get one by the end of October.",
    "The patient who asked me about flu shots last year taught me to explain the timing better.",
]


@pytest.mark.parametrize("text", ADDRESSED)
def test_advice_to_one_person_who_wrote_in_warns(screener: Screener, text: str) -> None:
    assert "advice" in kinds(screener, text)


@pytest.mark.parametrize("text", NOT_ADDRESSED)
def test_a_group_or_a_story_is_not_one_reader(screener: Screener, text: str) -> None:
    assert "advice" not in kinds(screener, text)


CONFIRMS = [
    "So glad your hip replacement went well, it was a joy having you on our ortho floor!",
    "Thank you for trusting us with your mom's bypass surgery last month.",
]


@pytest.mark.parametrize("text", CONFIRMS)
def test_an_answer_may_not_confirm_care_either(screener: Screener, text: str) -> None:
    for purpose in ("answer", "reply"):
        assert kinds(screener, text, purpose) & REPLY_KINDS, purpose
    assert not kinds(screener, text, "note") & REPLY_KINDS


@pytest.mark.parametrize("text", [
    "Su factura ya refleja el ajuste del seguro después de su cirugía.",
    "Votre rendez-vous de suivi avec le Dr Page est confirmé pour jeudi.",
    "Gracias por confiar en nosotros para el parto de su hija.",
])
def test_a_confirmation_in_another_language(screener: Screener, text: str) -> None:
    assert kinds(screener, text, "reply") & REPLY_KINDS


@pytest.mark.parametrize("text", [
    "Si tiene preguntas sobre su factura, llame a nuestra oficina de facturación.",
    "Merci pour votre message, appelez-nous pour prendre rendez-vous.",
    "Obrigado pela mensagem! Ligue para nós se precisar de ajuda.",
])
def test_a_safe_reply_in_another_language(screener: Screener, text: str) -> None:
    assert not kinds(screener, text, "reply")


@pytest.mark.parametrize("text", [
    "No seu caso, pare o descongestionante por causa da sua pressão.",
    "Deje el ibuprofeno y tome paracetamol, con sus riñones es lo más seguro para usted.",
])
def test_advice_to_one_reader_in_another_language(screener: Screener, text: str) -> None:
    assert "advice" in kinds(screener, text)


# A black-box tester's (session 18): care given keeps the name of a famous person's namesake, of a colleague
# named by post, and of a full-name eponym used as a person.
CARED_FOR = [
    "My patient Lou Gehrig has ALS.",
    "I treat Magic Johnson for HIV.",
    "Jimmy Carter was discharged from our hospital today.",
    "Bruce Willis stopped by the clinic for his follow-up.",
    "Physical therapist Omar Haddad is my patient with MS.",
    "Unit secretary Jane Roe was admitted to our ICU after a fall.",
    "Charge nurse Brenda Lee was diagnosed with breast cancer.",
    "My patient Tommy John has elbow pain.",
]
STILL_PUBLIC = [
    "Tommy John surgery is common in pitchers.",
    "Lou Gehrig's disease is another name for ALS.",
    "My patient with Parkinson's came in today.",
]


@pytest.mark.parametrize("text", CARED_FOR)
def test_care_given_keeps_a_namesake_or_colleague(screener: Screener, text: str) -> None:
    assert "name" in kinds(screener, text)


@pytest.mark.parametrize("text", STILL_PUBLIC)
def test_an_eponym_naming_its_disease_or_surgery_is_no_name(screener: Screener, text: str) -> None:
    assert "name" not in kinds(screener, text)
