"""Session 22: text by other writers in other languages, and diagnoses told to one reader.

Each line is shaped like a case a writer with no sight of the code wrote for the tuning sets; the
mechanism it pins is named beside it.
"""

from __future__ import annotations

from bot.screening import AllowList
from tests.screening.verdict_table import verdict_table

ALLOW = AllowList(names=frozenset({"Lakeshore Regional Medical Center", "Dr. Selena Franco", "Dr. Mitchell Bennett"}))

CLEAN = [
    # the practice's physicians after the other languages' titles, abbreviated or written out
    "La dottoressa Selena Franco parlerà del morbo di Parkinson questa settimana.",
    "Dra. Selena Franco responde a sus preguntas el jueves.",
    "Il dottor Mitchell Bennett risponde alle domande sulla chirurgia bariatrica.",
    # a listed public figure written with his initial; a country after an elided article
    "Auch Michael J. Fox hat Parkinson – und zeigt, wie wichtig Forschung ist.",
    "Nous accueillons des familles venant d'Haïti et du Sénégal.",
    # a day-first date with no one's care is an event's
    "The health fair is on 20/03/2025 in the main lobby.",
    # a lower-case word after a subject pronoun is its verb
    "Si usted fuma, dejarlo es lo mejor que puede hacer por su corazón.",
    "Se você bebe, faça isso com moderação.",
    # an eponym the other languages put after its noun
    "El síndrome de Down y la enfermedad de Parkinson no son contagiosos.",
    "La maladie d'Alzheimer touche surtout les personnes âgées.",
    # a town and its state after a comma, whatever the tagger thought of the town
    "Le Lakeshore Regional Medical Center ouvre une clinique à Columbus, Ohio.",
    # a language's own most frequent words, among more of them, are that language and no one's name
    "Uma consulta por ano é suficiente para a maioria dos adultos saudáveis.",
    "Los antibióticos no curan la gripe, pero sí pueden causar diarrea si se toman sin necesidad.",
    "Il sonno è importante: molti ragazzi ne hanno poco durante la settimana di esami.",
]

HELD = [
    # ... but a frequent word on a name list stays a name there, in lower case too
    "gracias a toda la enfermería, mi abuela luz ferreira ya está en casa después de la operación",
    "Doña Rosa Benítez, la de la habitación 412, pidió que no publiquemos su foto.",
    # a title, then a family name's particles and the name, in any casing
    "mrs. van der meulen asked again about her biopsy results",
    "MR. DE LOS REYES IS ASKING FOR HIS PATH REPORT",
    # 'my patient' in five languages says a person follows, as a title does; an eponym's word too ('john')
    "mi paciente marisol dijo que ya no le duele la rodilla",
    "la mia paziente graziella dice che il dolore è passato",
    "meine patientin henrike sagt, die Schmerzen sind weg",
    "my patient john fell again at home",
    # a residence word in the other languages ties a town to the patient
    "Mein Patient wohnt in Hilliard und kommt jeden Montag zur Dialyse.",
    # a relative's name after 'her brother' in the languages screened, in lower case too
    "Ihr Sohn markus hat sie gestern in die Notaufnahme gebracht.",
    "Sua sorella francesca l'ha portata al pronto soccorso.",
    # day-first dates, as most of the world writes them, tied to a patient's care
    "He was admitted 20/03/2024 with chest pain.",
    "Aufnahme am 14.03.2024 wegen Herzinfarkt.",
    "Il a été admis le 14/03/2024 pour une pneumonie.",
    # a record number given in a sentence in the other languages
    "O prontuário do paciente é o número 77120934.",
    "Die Fallnummer der Patientin ist 55120934.",
    # a town after the other languages' words of living, the tagger less sure there than in English
    "Una paciente que vive en Westerville llegó con un infarto a los 42 años.",
    "Una paziente che vive a Upper Arlington è arrivata in chetoacidosi.",
]

WARNED = [
    # a diagnosis of the reader's own complaint or results, and the home care told beside it, before or after
    "From your readings you're hypertensive. Cut the salt, walk every evening and recheck in a month.",
    "Your symptoms fit a sinus infection. Rinse with saline twice a day and use the steroid spray.",
    # ... but an order before 'and ask your doctor' is still an order, in any language
    "Suspenda el naproxeno hoy y pregunte a su médico la próxima semana.",
    "Smetta subito l'aspirina e chieda al suo medico.",
    # a dose commanded in the other languages (the advice model learns them from a grammar of their own)
    "Prenez 500 mg de paracétamol toutes les six heures pendant trois jours.",
    "Prenda 400 mg di ibuprofene ogni otto ore.",
    # the writer's own plan for the reader, a test in it
    "I need you to get an echo before the visit next week.",
    # a clause that is only 'you have' / 'your son has' and a diagnosis
    "You have strep throat.",
    "honestly your daughter has hand, foot and mouth",
    # the writer's plan for the reader in the other languages, a test by its own name in it
    "Necesito que te hagas un ecocardiograma esta semana.",
    "Ich möchte, dass Sie diese Woche ein Herzecho machen lassen.",
    "Ho bisogno che Lei faccia un ecocardiogramma questa settimana.",
]

GENERAL = [
    # a diagnosis said of a group, or asked, lends nothing to the commands beside it
    "That's plantar fasciitis in most people who get heel pain in the morning. Stretch your calves and wear"
    " supportive shoes.",
    "Sounds like a cold? Rest, drink fluids and give it a week.",
    "It's flu season. Get your flu shot at any of our clinics.",
    # 'it's' answering 'what is X?' defines X
    "What's a DEXA scan? It's a low-dose x-ray that measures how dense your bones are.",
    # a deferral in the other languages hands the decision back, as in English
    "Nunca deje de tomar un medicamento sin consultar antes con su médico.",
    "Ne changez jamais la dose de votre anticoagulant sans avis médical.",
    "Setzen Sie Blutdruckmittel nie ohne Rücksprache mit Ihrem Arzt ab.",
    "Ibuprofene: 400 mg ogni otto ore al massimo, salvo diversa indicazione del medico.",
    # 'my patient' before a word that is no name
    "my patient will need surgery next month, so we talked about the recovery",
    "mi paciente dijo que el dolor había mejorado mucho",
    # 'whoever' in the other languages speaks to anyone
    "Wer Brustschmerzen hat, muss sofort in die Notaufnahme.",
    "Quien tenga dolor de pecho fuerte debe ir a urgencias.",
    "we want you to take a look at our new MRI center",
    # ... and 'you have' with what is no diagnosis
    "You have options.",
    "You have 30 days to return the form.",
    # ... and a wish for everyone in them
    "Quiero que sepan que la vacuna de la gripe es gratis esta semana.",
    "La mamografía se recomienda cada dos años a partir de los 50.",
    # what anyone has heard, or may choose from
    "You have several choices for birth control, and each has trade-offs.",
    "You have probably heard that eggs raise cholesterol; the evidence is mixed.",
]


test_passes, test_held, test_warned, test_general_is_not_advice = verdict_table(ALLOW, CLEAN, HELD, WARNED, GENERAL)
