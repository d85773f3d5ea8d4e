"""Session 21: replies, posts and advice by other writers: what is held, warned and passed.

Each line is shaped like a case a writer with no sight of the code wrote for the tuning sets; the
mechanism it pins is named beside it.
"""

from __future__ import annotations

from bot.screening import AllowList
from tests.screening.verdict_table import verdict_table

ALLOW = AllowList(names=frozenset({"Lakeshore Regional Medical Center", "Dr. Selena Franco", "Dr. Mitchell Bennett"}))

CLEAN = [
    # a greeting after an interjection, or with 'beaucoup' / 'mucho' between the thanks and the name
    "haha thank you Renata!! the new coffee cart by the lobby is a hit with us too",
    "Merci beaucoup, Anaïs ! Le parking visiteurs est gratuit le dimanche.",
    # gladness or sympathy about the hospital's service, a comment or an event is no one's care
    "Hi Tobias, so sorry about the wait at the parking garage gate! Our security desk can validate your ticket.",
    "¡Gracias, Rocío! Nos alegra mucho leer tus palabras, se las pasaremos al equipo.",
    "Obrigado, Caio! Ficamos felizes que a caminhada tenha sido um sucesso.",
    # a weekday in another language after its preposition or before its date is no one's name
    "Tag der offenen Tür am Samstag, 17. Mai, im Lakeshore Regional Medical Center.",
    "La feria de salud es el domingo 4 de mayo en el vestíbulo principal.",
    # donors and sponsors in the languages screened
    "Un grand merci à Camille et Hugo Marchand pour leur généreux don à notre service de pédiatrie !",
    "Grazie di cuore a Marco e Chiara Rinaldi per la donazione alla nuova sala giochi.",
    "Thank you to Kenji and Aiko Morimoto for sponsoring this year's Heart Ball!",
    # a unit someone has worked on, and a clinician's patients as a group, are a workplace
    "Happy retirement to Odette Mbeki, RN, who started in our ER in 1991! Cake Friday at 2 in the 2nd floor lounge.",
    "Herzlichen Glückwunsch an Pfleger Jonas Weber zum DAISY Award! Seit 2011 auf der Intensivstation.",
    "Congratulations to nurse Thandiwe Nkosi, our DAISY Award winner! Her patients' families write in about her.",
    # a month beside its day; a greeting in French
    "We're thrilled that Dr. Selena Franco will lead our new Women's Heart Clinic opening Jan. 6.",
    "Coucou Maëlle ! Oui, les chiens de thérapie passent dans le hall chaque mardi après-midi.",
    # an address just after a public gathering, in a text that gives no one care
    "Join us Saturday, May 18 at 10 a.m. for the Lakeshore 5K, starting at 2400 Riverside Dr., Columbus.",
    "Gesundheitstag am Mittwoch, 5. Juni, 2400 Riverside Drive. Kostenlose Blutzuckermessung!",
    "Hi Noor, thanks for sharing our post! The health fair is at 500 W. Broad St. on Saturday.",
    # a relative clause about the gift, and congratulations in German
    "We are grateful to donors Tom and Linda Weber, whose gift funded our new MRI suite.",
    "Wir gratulieren Schwester Monika Braun zu 25 Jahren bei Lakeshore Regional!",
    # a state of two words is no person; an anonymous patient's story confirms no one's care
    "we get a lot of folks driving in from West Virginia and Kentucky for the heart program",
    "had a pt a while back who was sure it was heartburn, turned out to be her gallbladder. medicine keeps you humble",
    "Le dossier médical est disponible sur le portail patient.",
    # a street in another language's order at a public gathering; gladness about a fair
    "Unser Gesundheitstag findet in der Lindenstraße 14 statt, alle sind willkommen.",
    # a 'who' about the practice's own physician, with no care in the text
    "Please welcome Dr. Selena Franco and Dr. Mitchell Bennett, who just joined our heart institute!",
    "The mayor of Columbus spoke at our gala about heart health.",
    # a run of the other languages' frequent words in mixed case is the language, not a name
    "Tome las tabletas enteras, sin masticar, siempre a la misma hora del día.",
    "Unser Team war letzte Woche auf einer Konferenz in West Virginia.",
    "Dipende dalla funzione renale: è una domanda per il tuo medico curante.",
    "¡Gracias, Lucía! Nos alegra que te haya gustado la feria de salud.",
]

HELD = [
    # gladness or sympathy about a care matter still knows the reader's care
    "Thanks, Renata! So glad your scan came back clear.",
    "Hi Tobias, so sorry about your dad's fall, we hope he is home soon.",
    # a donor the text goes on to tell about ('que deu à luz', 'lui qui a été opéré'): their own story
    "Obrigado a Beatriz Lemos, que deu à luz gêmeos aqui em janeiro, pela generosa doação.",
    "Un grand merci à Olivier Marchal pour son généreux don, lui qui a été opéré du cœur chez nous.",
    "Merci à Josée Caron pour son don, elle qui a passé trois semaines en réadaptation chez nous après son AVC.",
    "Thank you to donors Tom and Linda Weber, who spent six weeks with us after Tom's stroke.",
    "Wir gratulieren Monika Braun, die nach ihrer Chemo wieder zu Hause ist.",
    "Mr. Lopez lives at 2400 Riverside Dr. and comes to the health fair every year.",
    "The only 90-something marathon runner in Ohio came to our ER after Sunday's race with chest pain.",
    # a street in another language's order where someone lives; sympathy about the reader's own procedure
    "Feiern Sie mit uns: Er hat seine Dialyse bei uns überstanden! Party bei ihm zu Hause, Lindenstraße 14.",
    "Danke, Henrike! Tut uns leid wegen der Wartezeit bei Ihrer Darmspiegelung.",
    "Please welcome back Dr. Mitchell Bennett, who was treated here for a heart attack last month.",
    # an office one person holds for a place, in for care
    "had the mayor of grandview in for chest pain over the weekend, he begged me not to tell anyone",
    "Prontuário nº 558923 - paciente recebeu alta hoje.",
    "Fall-Nr. 9981273 bitte an die Kardiologie weiterleiten.",
    # a record number labelled in another language
    "Fallnummer 20931177: bitte dem Patienten sagen, er soll das Marcumar ab heute pausieren",
    "O paciente do leito 12, prontuário 448812, recebe alta amanhã.",
    "NHC 3345120, pendiente de TAC.",
    "my patient Virginia Holt lives in West Virginia and drives in for dialysis",
    # names that are frequent words stay names: lower-case chat, and capitalised names on the lists
    "juan carlos in triage 2, fever x4 days",
    "minha prima juliana costa está fazendo quimioterapia com vocês desde março",
    "Maria da Silva fez a cirurgia do quadril conosco na terça.",
    # a given name the models never trained on is still on the shipped lists
    "Herzlichen Dank an Klaus Brandt für die Spende – nach seiner Bypass-OP bei uns im Mai wollte er etwas zurückgeben"
    # care of a named colleague still holds, whatever the workplace words around it
    "Congratulations to nurse Thandiwe Nkosi, back on 5 West after her chemo finished in our ER infusion bay!",
    "Happy retirement to Odette Mbeki, who started in our ER in 1991 and was treated here for a stroke last spring.",
    "¡Gracias, Rocío! Nos alegra que tu mamá ya esté en casa después de la operación.",
]

WARNED = [
    # 'and call your OB' comes on top of an order already given; it hands nothing back
    "Since you're pregnant, stop the isotretinoin immediately and call your OB.",
    "Stop the ibuprofen today and then see your doctor about those black stools.",
    # what the reader described names their case in any language; a drug's name in those languages is a treatment
    "Por lo que describes parece una infección urinaria. Toma la fosfomicina esta noche.",
    "Pelo que você contou, é uma crise de gota. Comece a colchicina hoje mesmo.",
    "D'après ce que vous décrivez, c'est une sinusite. Prenez l'amoxicilline pendant sept jours.",
    "From what you described, that's shingles. Start the valacyclovir today.",
    "Pelo que você contou, é enxaqueca; pare o anticoncepcional e procure seu ginecologista.",
    # a diagnosis named for what the reader described, when the classifier is sure of it
    "yep that's pink eye. viral most likely, it'll clear in a week",
    "That's almost certainly a bruised rib, not a fracture. Tylenol and deep breaths every hour.",
    "señora por lo que me describe tiene que ir a urgencias ahora mismo, no espere",
    # a plan for someone the reader cares for, care now for them, a treatment 'for you', a guess at the complaint
    "re your dad's swallowing — I want him to get a swallow study before he eats anything solid again",
    "he can't keep anything down and hasn't peed in 8 hours, he needs the ER tonight",
    "No more NSAIDs for you, your kidneys can't handle them.",
    "might be a UTI tbh, drop off a urine sample at the lab today",
    "need you to do a swallow study before the nephrology visit, the order is in",
    # told to go now, or to stop, with a modal for this reader in the other languages; a plan putting her on something
    "Vc tem que ir na emergência agora.",
    "Tuo padre deve andare al pronto soccorso adesso.",
    "Du solltest die Tabletten sofort absetzen und morgen zum Hausarzt gehen.",
    "I want her on a monitor until we know what that rhythm is",
    # past a deferral with 'but', or an order the deferral only hedges
    "It depends on your kidney function, but with your stage 3 CKD, I'd cut your metformin to 500 mg once a day.",
    "You should double your lisinopril to 40 mg tonight - but that's one for your prescriber to confirm.",
    # what someone the reader cares for should do, named earlier in the text
    "Your husband's loud snoring and daytime sleepiness sound like sleep apnea; he should get a sleep study.",
]

GENERAL = [
    # 'that's' before small talk is no diagnosis
    "Patients ask about the old radical mastectomy they read about. That's mostly history now.",
    "That's a great question, and one we hear every week in clinic.",
    "NSAIDs are not for everyone: people with kidney disease should ask before taking them.",
    "It might be a cold or it might be allergies; most people can't tell in the first day.",
    # the same modals in a condition, or for anyone
    "Se você tem que ir ao pronto-socorro, leve seus documentos e a lista de remédios.",
    "Si tienes que dejar de tomar un medicamento, habla antes con tu médico.",
    "Chi ha dolore al petto deve andare al pronto soccorso subito.",
    "Todo paciente com dor no peito deve ir ao pronto-socorro.",
    "I want everyone to know that flu shots are free this week.",
    "Most adults can take 400 mg every 6 hours, but check with your doctor first.",
    "Ask your doctor before stopping, but most people can safely taper over two weeks.",
    "If your son has a fever over 104, he should be seen in the ER.",
    # the question handed back to the prescriber
    "Great question! Dosing really depends on your kidney function and your other meds, so that's one for the"
    " clinician who prescribed it.",
    # 'you' after 'if' in the other languages is anyone who fits
    "Si usted tiene dolor de pecho fuerte, llame al 911 de inmediato.",
    "Wenn Sie Brustschmerzen haben, rufen Sie sofort 112 an.",
    "Se você sentir falta de ar, procure o pronto-socorro.",
    # a deferral still holds back general text
    "Before you stop any blood pressure pill, talk to your doctor.",
]


test_passes, test_held, test_warned, test_general_is_not_advice = verdict_table(ALLOW, CLEAN, HELD, WARNED, GENERAL)
