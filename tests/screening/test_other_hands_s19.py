"""Shapes found in text by other writers (session 19): care dates and ages as Spanish, Portuguese, French,
German and Italian write them; commands to one reader in French, German and Italian; and what stays clean
beside them (a leaflet's dose for a population, a meeting moved to 'thurs', a clause that a tagger read as
a place or a name). One table: the text, and the kinds it must (or must not) raise."""

from __future__ import annotations

import pytest

from bot.screening import Screener
from tests.screening.helpers import kinds

HELD = [
    # care dates in other languages, a sentence splitter's full stop inside the German one
    ("Ingresó el 14 de marzo con neumonía.", "date"),
    ("Il a été hospitalisé le 3 mai pour une pneumonie.", "date"),
    ("Er wurde am 3. Mai aufgenommen.", "date"),
    ("È stato ricoverato il 5 giugno.", "date"),
    ("Ela foi operada em 2 de setembro de 2024.", "date"),
    # ages over 89
    ("A man of 96 came in with a hip fracture.", "age_over_89"),
    ("pt (94) with urosepsis, family at bedside", "age_over_89"),
    ("Mrs. Alvarez (94F) came back for her follow-up.", "age_over_89"),
    ("Born in 1929, our patient still walks every day.", "age_over_89"),
    ("Minha avó tem noventa e dois anos e ainda cozinha.", "age_over_89"),
    ("Une femme de quatre-vingt-quinze ans est venue seule.", "age_over_89"),
    ("Una donna di 94 anni è arrivata al pronto soccorso.", "age_over_89"),
    ("Sie ist 93 Jahre alt und lebt allein.", "age_over_89"),
    ("we saw a lady who is 96 today, sharp as a tack", "age_over_89"),
    ("Volunteer Arthur Pemberton, 96, received our Lifetime Service award.", "age_over_89"),
    # found by a black-box pass: a person between an institution and the age; a birth year; caps and dots
    ("Nuestro hospital atendió a una paciente que tiene 97 años.", "age_over_89"),
    ("Die Klinik hat meine Oma aufgenommen, sie ist 96 Jahre alt.", "age_over_89"),
    ("My dad was born in 1930 and still drives.", "age_over_89"),
    ("Mi padre nació en 1927 en Oaxaca.", "age_over_89"),
    ("INGRESÓ EL 14 DE MARZO CON NEUMONÍA, MI PADRE.", "date"),
    ("Er wurde am 3.Mai aufgenommen.", "date"),
    ("Results for her are at CLINIC.FR/PATIENT/ALVAREZ-MARIA", "url"),
    ("see patientenportal.de/akte/mueller-hans for his chart", "url"),
    ("Our team saw jose hernandez today for DKA.", "name"),
    ("kudos to night shift for managing jose hernandez's DKA and his insulin drip overnight", "name"),
    ("Caller is daughter of pt, ninety-four y/o F, fell at home approx 1 hr ago.", "age_over_89"),
    ("DR: when was your last period? PT: um... October 2nd?", "date"),
    ("Participant rebecca hale's week-4 diary was left at the front desk of the Brookside clinic.", "name"),
    # found by a second black-box pass: allowances that had opened leaks
    ("Jan Weber hatte einen Herzinfarkt.", "name"),
    ("Gestern wurde Klaus Fischer operiert.", "name"),
    ("Priya Nair is retiring. She has breast cancer.", "name"),
    ("Welcome back Priya Nair after her miscarriage.", "name"),
    ("Herzlichen Glückwunsch an Petra Lang! Sie hat den Krebs besiegt.", "name"),
    ("letto 5 bianchi mario, diabete scompensato.", "name"),
    ("Oh Min-ji has appendicitis.", "name"),
    # a person's own care after the name: the name needs no other cue
    ("efua's glucose log looked great this week", "name"),
    ("goran brought his own blood pressure cuff to compare", "name"),
    # a country's name is kept when care is given to the one named so
    ("my patient India has lupus", "name"),
    # a sentence among colleagues that brings a patient in
    ("shoutout to the er team for stitching up little mateo's chin, he's already back on his bike", "name"),
    # a name with an accent that a word list once counted as a common Spanish word
    ("Mrs. López is doing better after the valve repair.", "name"),
    # a given and a family name in lower case, though an old dictionary lists 'maria' and 'li' as words
    ("maria lopez started dialysis today", "name"),
    ("yeah li wei finally agreed to hospice, family mtg went well", "name"),
    # a patient's own site under a country domain
    ("Le patient nous a envoyé ses photos via son blog jeanmarc-dialyse.fr, on peut les utiliser ?", "url"),
]

WARNED = [
    "Prenez deux comprimés ce soir et rappelez-moi demain.",
    "Arrêtez l'ibuprofène tout de suite, avec vos brûlures d'estomac c'est risqué pour vous.",
    "Nehmen Sie ab morgen nur noch die halbe Tablette.",
    "Smetta l'ibuprofene subito, con il suo stomaco è rischioso.",
    "Bei Ihren Werten würde ich das Cholesterinmittel auf 40 mg erhöhen.",
    "Niños de 2 a 5 años: 2,5 ml cada 8 horas, así que dale a tu hijo 5 ml ahora.",
    "With your family history you should get a lipid panel before you turn 30.",
    "Sir, with 190 over 110 and a pounding headache, please don't wait for the weekly thread, get to an ER now.",
    "For the mom whose teen has had a sore throat for two weeks: he needs a strep and mono test.",
    "Vous pouvez arrêter le Doliprane, votre fièvre est tombée depuis 48h.",
    "Sua pressão está ótima. Pode reduzir a losartana para 25 mg por dia.",
    "Since you've had two fainting spells this month, you need a Holter monitor and an echo before you drive again.",
    "Con quei valori di ferritina Le consiglio di iniziare il ferro per bocca, una compressa al giorno.",
    "Signora, smetta il warfarin.",
    "Signora, vada subito al pronto soccorso.",
]

CLEAN = [
    "La conferencia es el 14 de marzo en el auditorio.",
    "Lakeshore was founded in 1920 and the building (1931) still stands.",
    "Table (94) shows the results by county.",
    "Leaflet text: Adults and children 12 years and over take 2 tablets every 4 to 6 hours, not more than 8 a day.",
    "Adults can usually take 500 mg to 1,000 mg of acetaminophen every 6 hours.",
    "Adultes : 1 comprimé toutes les 6 heures, maximum 4 par jour.",
    "Erwachsene nehmen 1 Tablette alle 6 Stunden.",
    "reminder: grand rounds moved to thurs 7am, dr hall presenting on afib ablation outcomes",
    "fun fact: 'vaccine' comes from vacca, latin for cow",
    "Volunteers: orientation has moved to 7:15 Thursday in conference room 4B. Coffee's on us.",
    "reminder: the diabetes education class moved to Tuesday 6pm, Room 214, same building as the cafeteria",
    "see nhs.uk for the leaflet on shingles",
    "I said no.Not today.",
    "Unsere Praxis wird 100 Jahre alt.",
    "Il museo ha 95 anni di storia.",
    "A man of 96 words cannot explain the new policy.",
    "Queen Elizabeth was born in 1926.",
    "The study enrolled patients born in 1929 or earlier.",
    "Mit 90 Jahren ist das Risiko höher.",
    "La consulta abre el 3 de mayo.",
    "Der Termin für die Fortbildung ist am 3. Mai.",
    "Le rendez-vous annuel des infirmières est le 12 avril.",
    "Alta temporada empieza el 1 de julio.",
    "Kudos to maria lopez for her poster on sepsis!",
    "the dose.It was fine",
    # transcripts, staff news and leaflets in other languages (a tuning set by other writers)
    "DR: So statins slow down how much cholesterol the liver makes. PT: Huh. So it's not like Drano for the arteries.",
    "DR: Hi, I'm Dr. Hernandez, I'm covering for Dr. Wise today. PT: Oh, okay, is she alright?",
    "Settimana della prevenzione: se hai più di 50 anni, chiedi al tuo medico dello screening del colon.",
    "Eine Patientin sagte mir einmal, sie hatte mehr Angst vor dem Warten. Deshalb erklären wir jeden Schritt.",
    "After 38 years in our lab, Haruto Nakamura retires Friday. Cake in the 4th floor break room at 3!",
    "Parabéns à enfermeira Thaís Monteiro e ao técnico Rafael Costa, que concluíram a certificação!",
    "Caller asking if walk-in flu shot clinic needs an appointment. Informed no appt needed, hrs 8-4 weekdays.",
    "New portal feature: reference ranges. Ticket IT-44821 closed by the web team, thanks all!",
    "Dr. Sierra Duncan: my 6yo asked if she could eat snow. The fresh fluffy top layer, sure.",
    "Folleto: los adultos suelen tomar loratadina 10 mg una vez al día para la alergia.",
    "If you're 45 or older, you should ask about colorectal cancer screening at your next checkup.",
    "Happy retirement to Gloria Baptiste, unit clerk on 5 West for 38 years! Her send-off party is in the break room.",
    "Our hearts go out to everyone affected by the storm last night, and our ER is fully open.",
    "Congratulations to the NICU nurses who were recognized by the state nursing association this week!",
    "Dr. Jane Roberts will give the keynote on Friday.",
    "Fun fact: Tommy John surgery is named after the pitcher, not the surgeon (Dr. Frank Jobe).",
    "Leaflet excerpt: Adults and children 12 years and over — take 2 tablets (500 mg each) every 6 hours as needed.",
    "Ana Paula, our lead pharmacist, will be presenting on antibiotic stewardship at Grand Rounds.",
    "Les bénévoles Amélie Fontaine et Théo Nguyen ont animé l'atelier lecture ce samedi. Merci !",
    "Você sabia? A maioria das pessoas com diabetes tipo 2 pode reduzir o risco com caminhadas de 30 minutos.",
    "For anyone whose child has a fever over 104: go to the ER.",
    "Ticket 4471203: the badge reader on 3 North is broken.",
    "INC0012345: Outlook keeps crashing on the nurses' PCs.",
    "Buon compleanno al nostro ospedale! 60 anni di cure a Columbus, Ohio, e non ci fermiamo qui.",
    "Most adults need 7 to 9 hours of sleep. Snoring is worth bringing up at your next checkup.",
    "Adultos e maiores de 12 anos: 1 comprimido a cada 6 horas, no máximo 4 por dia.",
    "Niños de 2 a 5 años: 2,5 ml cada 8 horas. Agite bien antes de usar.",
    "in general you should take levothyroxine on an empty stomach 30-60 min before breakfast",
    "Pearl: you should dose vancomycin on actual body weight, not ideal.",
    "Former President Eisenhower's heart attack in 1955 changed how America talked about heart disease.",
    "shoutout to carlos and bea on EMS crew 3, best partners i ever had",
    "um thanks everyone for the birthday wishes to our hospital we turned one hundred this year",
    "Heads up, everyone: if you've been putting off your colonoscopy, March is the month.",
    "Ein Patient hat mir mal gesagt, er nimmt die Tabletten nur bei Beschwerden. Genau das ist bei Blutdruckmitteln "
    "das Problem.",
]


@pytest.mark.parametrize(("text", "kind"), HELD)
def test_held(screener: Screener, text: str, kind: str) -> None:
    assert kind in kinds(screener, text), text


@pytest.mark.parametrize("text", WARNED)
def test_advice_in_other_languages_is_warned(screener: Screener, text: str) -> None:
    verdict = screener.screen(text)
    assert verdict.verdict == "warn" and {f.kind for f in verdict.findings} == {"advice"}, verdict.findings


@pytest.mark.parametrize("text", CLEAN)
def test_clean(screener: Screener, text: str) -> None:
    assert screener.screen(text).verdict == "ok", screener.screen(text).findings


def test_a_turn_after_a_frame_still_advises(screener: Screener) -> None:
    assert "advice" in kinds(screener, "most people do fine with it, you should stop the ibuprofen now though")


def test_a_known_next_visit_still_confirms(screener: Screener) -> None:
    assert "patient_confirmation" in kinds(screener, "We'll see you at your next appointment on Tuesday!")


def test_a_titled_clinician_cared_for_is_still_held(screener: Screener) -> None:
    assert "name" in kinds(screener, "Dr. Jane Roberts was admitted to our ICU last night.")


def test_a_move_still_places_a_patient(screener: Screener) -> None:
    assert "geography" in kinds(screener, "my pt comes from rockville every week for dialysis")
