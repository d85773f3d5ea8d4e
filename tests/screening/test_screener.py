"""Focused behaviour of the Screener: spans, allow-lists, eponyms, near-misses and reasons."""

from __future__ import annotations

import pytest

from bot.screening import KINDS, AllowList, Finding, Screener, Verdict
from tests.screening.helpers import kinds, spans

PRACTICE = AllowList(
    names=frozenset({"Priya Patel", "Lakeside Family Medicine", "Rosa Delgado"}),
    phones=frozenset({"(608) 241-4400"}),
    urls=frozenset({"https://www.lakesidefamilymed.com"}),
    emails=frozenset({"appointments@lakesidefamilymed.com"}),
)


@pytest.fixture
def screener() -> Screener:
    return Screener(PRACTICE)


def test_spans_point_at_the_identifier(screener: Screener) -> None:
    text = "Her cell is 312-555-0188 and her MRN is 00482913."
    verdict = screener.screen(text)
    assert spans(screener, text, "phone") == ["312-555-0188"]
    assert spans(screener, text, "mrn") == ["00482913"]
    assert verdict.verdict == "block"


def test_findings_are_sorted_and_within_the_text(screener: Screener) -> None:
    text = "Mrs. Okafor, DOB 04/22/1931, lives at 12 Birch Lane and emails dot.okafor@gmail.com."
    verdict = screener.screen(text)
    assert {"name", "date", "address", "email"} <= kinds(screener, text)
    starts = [f.start for f in verdict.findings]
    assert starts == sorted(starts)
    assert all(0 <= f.start < f.end <= len(text) for f in verdict.findings)


def test_practice_contact_details_are_allowed(screener: Screener) -> None:
    text = (
        "Call Lakeside Family Medicine at (608) 241-4400, write to appointments@lakesidefamilymed.com "
        "or book at www.lakesidefamilymed.com/book."
    )
    assert screener.screen(text) == Verdict("ok", ())


def test_the_same_phone_is_flagged_without_the_allow_list() -> None:
    assert kinds(Screener(), "Call Lakeside Family Medicine at (608) 241-4400.") == {"phone"}
    assert kinds(Screener(), "the number is (608) 241-4400") == {"phone"}


def test_a_number_offered_to_readers_is_the_practices_own_until_a_person_is_named() -> None:
    """'Call us at', 'Questions? Call': the office's line even before the allow-list knows it; beside a person it is
    theirs ('call her at'), and a bare 'call <number> tonight' may be a patient's."""
    assert kinds(Screener(), "Call us at (608) 241-4400.") == set()
    assert kinds(Screener(), "Clinic hours changed. Questions? Call (503) 555-0166.") == set()
    assert kinds(Screener(), "Our Maple Street clinic is moving to 400 Harbor Blvd, Suite 210 on June 2.") == set()
    assert kinds(Screener(), "call her at (503) 555-0166 about the biopsy") >= {"phone"}
    assert kinds(Screener(), "call (617) 555-0123 tonight") == {"phone"}
    assert kinds(Screener(), "Pt moved to 400 Harbor Blvd, Suite 210") >= {"address"}
    # a service of the hospital by name: its words ('Patient Relations') are no person
    assert kinds(Screener(), "Please call Patient Relations at (608) 241-4400 and we will help.") == set()
    assert kinds(Screener(), "Questions about your mom? Call (608) 241-4400.") == {"phone"}


def test_allowed_names_match_case_insensitively_and_by_part(screener: Screener) -> None:
    for text in (
        "Dr. Patel says hello.",
        "PRIYA PATEL answers your questions every week.",
        "Priya and Rosa Delgado run the flu clinic.",
        "Ms. Delgado at the front desk can help.",
    ):
        assert screener.screen(text).verdict == "ok", text


def test_extra_allow_covers_the_answering_physician(screener: Screener) -> None:
    # (no title here: a name the text also gives a clinician's title is that clinician, allow-list or not)
    text = "Jonathan Reyes here, and Jonathan Reyes wants you to get your flu shot."
    assert screener.screen(text).verdict == "block"
    extra = AllowList(names=frozenset({"Dr. Jonathan Reyes"}))
    assert screener.screen(text, extra_allow=extra).verdict == "ok"


def test_allow_lists_merge() -> None:
    merged = AllowList(names=frozenset({"A B"})).merged(AllowList(phones=frozenset({"1"})))
    assert merged == AllowList(names=frozenset({"A B"}), phones=frozenset({"1"}))


@pytest.mark.parametrize(
    "text",
    [
        "Parkinson's disease, Alzheimer's and Crohn's disease are common questions.",
        "Hashimoto's thyroiditis, Down syndrome and Bell's palsy are often misunderstood.",
        "An Achilles tendon tear and Tommy John surgery need long rehab.",
        "Everyone should learn the Heimlich maneuver.",
        "Graves' disease and Addison's disease both involve hormones.",
        "Lou Gehrig's disease is rare.",
    ],
)
def test_eponyms_are_not_names(screener: Screener, text: str) -> None:
    assert screener.screen(text).verdict == "ok"


@pytest.mark.parametrize(
    "text",
    [
        "People over 50 should be screened; since 2019 many start at 45.",
        "Kids under 12 need booster seats, and 1 in 3 adults has high blood pressure.",
        "A BMI of 27 and 500 mg twice a day are common numbers in my clinic.",
        "If you have chest pain, call 911.",
        "Flu shots start in October and we're closed December 24.",
        "In the 1990s, every spring brought a measles scare.",
        "Poison control: 1-800-222-1222.",
        "See cdc.gov/flu for this season's vaccine.",
        "May is Mental Health Awareness Month in Wisconsin.",
    ],
)
def test_near_misses_are_clean(screener: Screener, text: str) -> None:
    verdict = screener.screen(text)
    assert verdict.verdict == "ok", verdict


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("She was born on 3/14/1962.", "date"),
        ("He was admitted March 3rd.", "date"),
        ("Her surgery on 11/02 went well.", "date"),
        ("A 92-year-old asked me about shingles.", "age_over_89"),
        ("He is aged 95.", "age_over_89"),
        ("His SSN is 123-45-6780.", "ssn"),
        ("Fax his records to 414-555-7761.", "fax"),
        ("Her member ID is XJH449201877.", "health_plan"),
        ("Plate 7KJM229 was in the ambulance bay.", "vehicle"),
        ("His pacemaker serial number PJN481122K was recalled.", "device"),
        ("Her login came from 73.21.148.9.", "ip"),
        ("He posts at facebook.com/marty.kowal.", "url"),
        ("Her husband Tobiah did CPR.", "name"),
        ("My patient who runs the bakery on Main St quit smoking.", "patient_story"),
        ("You should double your dose.", "advice"),
    ],
)
def test_each_kind_is_found(screener: Screener, text: str, kind: str) -> None:
    assert kind in kinds(screener, text)


def test_template_syntax_is_just_text(screener: Screener) -> None:
    for text in ("{{ 7*7 }}", "{% for x in y %}{{ x }}{% endfor %}", "${jndi:ldap://x}", "<!channel>"):
        assert screener.screen(text) == Verdict("ok", ())


def test_empty_and_whitespace_text(screener: Screener) -> None:
    assert screener.screen("") == Verdict("ok", ())
    assert screener.screen("   \n ") == Verdict("ok", ())


def test_verdict_is_warn_for_advice_only_and_block_when_phi_present(screener: Screener) -> None:
    assert screener.screen("Stop taking your metformin.").verdict == "warn"
    both = "Mrs. Abernathy, stop taking your metformin."
    assert screener.screen(both).verdict == "block"
    assert {"advice", "name"} <= kinds(screener, both)


def test_general_education_is_not_advice(screener: Screener) -> None:
    for text in (
        "Patients often ask whether they should double a missed dose; ask your pharmacist.",
        "Talk to your doctor before stopping any blood pressure medicine.",
        "Never stop a blood thinner without talking to your prescriber.",
    ):
        assert screener.screen(text).verdict == "ok", text


SAMPLES = [
    "Mrs. Okafor, DOB 04/22/1931, lives at 12 Birch Lane, Millbrook.",
    "Her cell is 312-555-0188, fax 312-555-0199, email dot.okafor@gmail.com, MRN 00482913.",
    "His Medicare number is 1EG4-TE5-MK73 and his plate is 7KJM229.",
    "The 47-year-old teacher I operated on last Tuesday is back at work.",
    "If you have chest pain take two aspirin and skip the ER.",
    "A 96-year-old gentleman named Bartholomew asked me about driving.",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_reasons_never_quote_the_text(screener: Screener, text: str) -> None:
    verdict = screener.screen(text)
    assert verdict.findings
    for finding in verdict.findings:
        flagged = text[finding.start : finding.end].lower()
        assert flagged not in finding.reason.lower()
        for word in flagged.split():
            if len(word) > 4 and any(c.isdigit() or c.isupper() for c in word):
                assert word not in finding.reason.lower()
        assert finding.reason and finding.kind in KINDS


def test_finding_category_and_validation() -> None:
    assert Finding("advice", 0, 1, "r").category == "advice"
    assert Finding("ssn", 0, 1, "r").category == "phi"
    with pytest.raises(ValueError, match="unknown finding kind"):
        Finding("nonsense", 0, 1, "r")


def test_region_is_used_for_local_numbers() -> None:
    text = "Her mobile number is 07700 900123."
    assert "phone" in kinds(Screener(region="GB"), text)


_ROSTER = AllowList(names=frozenset({"Dr. Sofia Alvarez", "Dr. Emeka Okafor"}))


@pytest.mark.parametrize(
    "text",
    [
        "Dr. Sofia Alvarez says wear sunscreen daily.",
        "Dr. Alvarez says wear sunscreen daily.",
        "Sofia says wear sunscreen daily.",
        "Sofia Alvarez says wear sunscreen daily.",
        "Thanks to Dr. Okafor and Sofia for the tips.",
    ],
)
def test_roster_people_pass_as_themselves(text: str) -> None:
    assert "name" not in kinds(Screener(_ROSTER), text)


@pytest.mark.parametrize(
    "text",
    [
        "Mrs. Alvarez asked about sunscreen.",
        "Mr. Okafor asked about vaccines.",
        "Ms. Sofia Alvarez asked about sunscreen.",
        "Sra. Alvarez asked about sunscreen.",
        "my patient Alvarez asked about sunscreen.",
        "Sofia Okafor asked about vaccines.",
    ],
)
def test_a_namesake_of_a_roster_doctor_is_still_a_name(text: str) -> None:
    assert "name" in kinds(Screener(), text)
    assert "name" in kinds(Screener(_ROSTER), text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("i told linda garcia that statins are safe for most people.", "linda garcia"),
        ("we talked to sarah about her knee.", "sarah"),
        ("i saw linda garcia on 3/4 and told her to use spf 50.", "linda garcia"),
        ("we spoke with maria yesterday about her rash.", "maria"),
    ],
)
def test_lowercase_names_after_verbs_of_telling_and_seeing(text: str, name: str) -> None:
    assert name in spans(Screener(), text, "name")


@pytest.mark.parametrize(
    "text",
    ["i told the team that flu shots are here.", "we talked to parents about screen time.", "i saw patients all day."],
)
def test_telling_and_seeing_people_in_general_is_not_a_name(text: str) -> None:
    assert "name" not in kinds(Screener(), text)
