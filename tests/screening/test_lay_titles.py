"""Lay titles ('Mrs.', 'missus', 'Sra.', 'Mme', 'Herr', 'Sig.ra') come from one table (`lay_titles`), and a
surname after any of them is a name in any casing ('ask ms. farahani to call'); 'miss' as a verb, clinical
abbreviations that look like titles ('ms flare', 'severe mr') and the practice's own titled people are
not. Examples written for this change, not taken from any evaluation set."""

from __future__ import annotations

import pytest

from bot.screening import AllowList, Screener, name_shapes, term_shapes
from bot.screening.context import has_person_cue, sentence_spans
from bot.screening.lay_titles import (
    LAY_TITLE_BEFORE,
    LAY_TITLE_WORDS,
    LAY_TITLES,
    NAME_CUE_TITLE_WORDS,
    lay_title,
)
from tests.screening.helpers import spans

# (text, the surname the finding must cover)
HELD = [
    ("ask ms. farahani to call about her echo", "farahani"),
    ("mister and missus nguyen brought their baby girl back", "nguyen"),
    ("MRS. OYELARAN called about her refill", "OYELARAN"),
    ("missus patel is doing better since the new inhaler", "patel"),
    ("sra. quezada called about her results", "quezada"),
    ("la señora quezada llamó ayer por sus análisis", "quezada"),
    ("MR. BRZEZINSKI NEEDS A REFILL ON HIS INHALER", "BRZEZINSKI"),
    ("mx. tran came in for the booster", "tran"),
    ("mister okonkwo is doing better", "okonkwo"),
    ("miss harlow has a fever again", "harlow"),
    ("mme lefebvre est revenue pour sa toux", "lefebvre"),
    ("madame lefebvre came back with the same cough", "lefebvre"),
    ("herr schneider called about his knee", "schneider"),
    ("sig.ra bianchi ha chiamato per la ricetta", "bianchi"),
    ("don ramiro came in with his daughter", "ramiro"),
    ("tell mrs. white her biopsy was benign", "white"),
    ("mrs. wu's labs came back normal", "wu"),
    ("srta. ibarra tiene fiebre desde el martes", "ibarra"),
    ("SRA. MARIA QUEZADA LLAMO AYER", "QUEZADA"),
]


@pytest.mark.parametrize(("text", "surname"), HELD)
def test_surname_after_a_title_is_a_name(screener: Screener, text: str, surname: str) -> None:
    assert any(surname in found for found in spans(screener, text, "name")), spans(screener, text, "name")


NOT_NAMES = [
    "don't miss your dose",
    "I miss the old clinic",
    "if you miss a dose, take it as soon as you remember",
    "she misses doses when she travels",
    "you'll miss work for a day or two",
    "miss school for a week if you have the flu",
    "please don gloves and a gown before entering",
    "don ppe before entering the room",
    "master the inhaler technique before you leave",
    "severe mr and mild tr on the echo",
    "MS CONTIN 15 MG BID",
    "ms symptoms can come and go",
    "I'll see you at 3 p.m. tomorrow",
    "la señora llamó ayer para preguntar",
    "Our Sr. Director of nursing approved the post.",
    "the missus says hi",
    "hey mister, you dropped your keys",
    "MR. and MRS. are titles, not names.",
    "Sig. 1 tab po daily",
    "Dr. Haddad will see you now.",
    "dr. haddad will see you now",
    "Ms. Haddad at the front desk can book your visit.",
    "Mrs. Lee, RN, will call you with results.",
]


@pytest.mark.parametrize("text", NOT_NAMES)
def test_not_a_title_or_not_a_patient(screener: Screener, text: str) -> None:
    assert spans(screener, text, "name") == []


def test_titled_staff_on_the_roster_pass_in_any_casing() -> None:
    screener = Screener(AllowList(names=frozenset({"Ms. Delgado", "Dr. Sofia Alvarez"})))
    for text in ("ms. delgado will call you back", "MS. DELGADO WILL CALL YOU BACK", "Ms. Delgado will call"):
        assert spans(screener, text, "name") == [], text
    # Someone listed as Dr. is someone else under a lay title, in any casing.
    for text in ("mrs. alvarez called about her refill", "MRS. ALVAREZ CALLED ABOUT HER REFILL"):
        assert any("alvarez" in n.lower() for n in spans(screener, text, "name")), text


def test_the_table_knows_spoken_and_foreign_forms() -> None:
    for written in (
        "Mrs.",
        "missus",
        "misses",
        "Mister",
        "MX",
        "Sra.",
        "señorita",
        "Doña",
        "dona",
        "Mme",
        "mlle",
        "madame",
        "M.",
        "Herr",
        "frau",
        "Sig.",
        "Sig.ra",
        "signora",
    ):
        assert lay_title(written) is not None, written


@pytest.mark.parametrize("title", LAY_TITLES, ids=lambda t: t.form)
def test_every_site_knows_every_title(title) -> None:
    written = title.form + ("." if title.dot_required else "")
    for spelt in (written, written.capitalize(), written.upper()):
        assert LAY_TITLE_BEFORE.search(f"call {spelt} "), spelt
        assert name_shapes._CUE_BEFORE.search(f"call {spelt} "), spelt
    assert title.form in name_shapes._HONORIFIC_WORDS
    if title.form in NAME_CUE_TITLE_WORDS:
        assert name_shapes._TITLE_BEFORE.search(f"call {written} ")
        assert title.form in term_shapes._TITLE_WORDS
    assert LAY_TITLE_WORDS >= NAME_CUE_TITLE_WORDS


def test_a_title_points_at_a_person_but_miss_the_verb_does_not() -> None:
    for text in ("the missus says hi", "la señora vino sola", "Sra. Paz llamó", "Madame came back"):
        assert has_person_cue(text, 0, len(text)), text
    for text in ("don't miss your dose", "master the technique", "Sig. 1 tab daily", "misses deadlines"):
        assert not has_person_cue(text, 0, len(text)), text


def test_a_titles_dot_ends_no_sentence() -> None:
    for text in ("MRS. OYELARAN called. She is fine.", "Sra. Paz called. She is fine.", "Mme. Roy called. Ok."):
        assert len(sentence_spans(text)) == 2, text


def test_a_title_that_is_the_listed_persons_given_name_is_no_title() -> None:
    screener = Screener(AllowList(names=frozenset({"Dr. Don Alvarez"})))
    for text in ("don alvarez will see you at 3", "Don Alvarez will see you at 3", "DON ALVAREZ WILL SEE YOU"):
        assert spans(screener, text, "name") == [], text
    assert spans(screener, "my patient don alvarez called", "name") != []
    assert spans(screener, "mrs. alvarez called about her refill", "name") != []
