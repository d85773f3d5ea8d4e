"""Session 20: hospital posts, replies and advice by other writers: what is held, warned and passed.

Each line is shaped like a case a writer with no sight of the code wrote for the tuning sets; the
mechanism it pins is named beside it.
"""

from __future__ import annotations

from bot.screening import AllowList
from tests.screening.verdict_table import verdict_table

ALLOW = AllowList(
    names=frozenset({
        "Lakeshore Regional Medical Center", "Lakeshore Children's Hospital", "Dr. Selena Franco", "Dr. Loretta Wade",
    }),
)

CLEAN = [
    # a reply that greets its commenter names the one who posted
    "Thanks, Keisha! Yes, our Ashbury urgent care is open 8am to 8pm every day, including holidays.",
    "Great question, Deshawn. Anyone can text or call 988, 24/7.",
    "Ciao Giulia, grazie per la domanda! Il nostro centro prelievi è aperto dal lunedì al sabato.",
    "Gracias por tu comentario, Alejandro. Sí, el estacionamiento para visitantes es gratuito.",
    "Hi Hannah, yes, the hospital chapel is open 24/7 to everyone.",
    # a department as a workplace is no place of care
    "Special shoutout to our ED team captain, charge nurse Keisha Abernathy.",
    # the organisation's own name after 'named'
    "Congrats to Dr. Selena Franco on being named Lakeshore's 2024 Physician of the Year!",
    # staff news, donors and guests; a post that opens as staff news goes on about the same colleague
    "Happy 25th work anniversary to Priya Raghunathan, our director of patient access. Priya started here in 1999!",
    "Thank you to our 2024 donors! Gifts from people like Miriam and Ezra Goldfarb bought three ultrasound machines.",
    "Thanks to everyone at the iftar last night, and to Imam Yusuf Haddad for leading the prayer.",
    "Spotlight: environmental services tech Fatou Diallo has worked here 18 years and speaks five languages.",
    "Physical therapist Deshawn Whitaker, DPT, ran the Columbus Marathon, raising money for the rehabilitation gym.",
    "We celebrate the 4 West nursing team, led by nurse manager Keisha Mbeki, RN, who reduced patient falls by half.",
    "Great catch, Aisha — the flu shot clinic moved to Conference Room 2B this Saturday.",
    "Hi Hannah — yes, the hospital chapel is open 24/7 to everyone.",
    # a venue's address, a doctor after a time, the hospital's own sites, an organisation named for people
    "Join us for a free CPR class in the Bennett Auditorium, 1400 Lakeshore Drive. No registration needed.",
    "Besuchen Sie unseren Infostand im Foyer, 10–14 Uhr. Dr. Loretta Wade beantwortet Fragen zur Früherkennung.",
    "People with Down syndrome live longer than ever. Our adult Down syndrome clinic opens in Ashbury this fall.",
    "Welcome to the team, Dr. Loretta Wade! Our new sleep lab at the Ashbury outpatient center is hers.",
    "A huge thank-you to the Chen-Whitaker Family Foundation for their gift toward the new oncology wing.",
    "Fun times at the Teddy Bear Clinic! Kids brought their stuffies for checkups with our residents.",
    # a public office, a gathering's date, a new colleague's post
    "Our new NICU wing opens June 3. Ribbon cutting at 10 am with Mayor Denise Okafor.",
    "Celebrating Dr. Loretta Wade's 30 years at Lakeshore! Her retirement party is Friday at 3 pm in the Atrium.",
    "Meet Marco Bellini, our new director of pharmacy, who joins us from Columbus.",
    "Want to know what your A1c means? Join diabetes educator Priya Raman, RN, this Thursday at noon.",
    "Former President Eisenhower's heart attack in 1955 changed how America talked about heart disease.",
    # a room in the sentence after a gathering's
    "Our Tuesday diabetes support group is back! 2nd floor, Room 214, 5:30pm. Questions? Call the front desk.",
    "Police Chief Dan Holt spoke at our gala about heart health.",
    # the name first, then the thanks; work anniversaries; a cancer center; rooms
    "Omar, thanks for the kind words about our new garden!",
    "Happy 20th anniversary, Maria Lopez! Maria has trained over 100 new nurses.",
    "Mayor Thompson cut the ribbon at our new cancer center.",
    "Join us for the diabetes workshop in Room 204, 123 Main St., Tuesday at 6pm.",
    # 'at' a reading, not an age
    "My patient's oxygen was at 91 percent on room air, so we kept her overnight.",
    "Patient score was 95 out of 100 on the satisfaction survey.",
    "Meet Rosa Delgado, RN! Rosa has spent 27 years on our 4 West unit. Thank you, Rosa! #NursesWeek",
    "Thanks for the question, Bongani! Flu shots are available without an appointment at all our pharmacies.",
]

HELD = [
    # the greeting stays a patient's name when the reply speaks of their care
    "Hi Carla, the wound care clinic moved your dressing change to Wednesday.",
    "hi Fumiko, just checking in on how the new meds are going",
    "Thanks, Gerald! Your hearing aid fitting is booked for Tuesday.",
    # staff news with care in it is a patient's news
    "Happy work anniversary to Priya Raghunathan! Priya just finished chemo and is back with us.",
    # a colleague named by post, with care anywhere in the post; a stay that ends
    "Staff spotlight: unit clerk Bernadette O'Neill, 31 years on 3 South. Fun fact: she delivered all three of her"
    " kids right here in our birth center!",
    "Welcome home, Officer Dana Whitfield! The whole 3rd floor cheered as she left after 3 weeks with us.",
    # someone's own clinic and home are still theirs
    "my daughter's therapist at the Westbrook clinic just told her she has bipolar, she's only 16",
    "My patient lives at the clinic, 1400 Lakeshore Drive.",
    "Tell Maria Ortiz from the Ortiz Family Foundation her biopsy results are in.",
    "The Kevin Brown Recovery Fund is paying for his rehab after his stroke.",
    # a black-box pass: a greeting with the reader's news told in other words, in five languages
    "Thanks, Maria! Glad everything came back clear.",
    "Thanks, Maria! Good luck with round two next week.",
    "Thanks, Aisha! Ring that bell — last round done!",
    "Hi Tom! Your nurses on the fifth floor say hello.",
    "Hola Carmen, ¡felicidades por el nacimiento de tu bebé en nuestro hospital!",
    "Obrigado, João! Que bom que sua mãe teve alta.",
    "Grazie, Giulia! Siamo felici che tuo padre sia stato dimesso.",
    "Danke, Jürgen! Gute Besserung für Ihre Frau nach der Geburt.",
    # staff news and a local office with care in other words
    "Welcome to the team, Jenna Ortiz! Jenna first came to us as a teen with type 1 diabetes.",
    "Superintendent Laura Bell gave birth to a healthy boy at our Birth Center.",
    # a capitalised name in writing that capitalises nothing else; an age after 'at' about someone
    "before a colonoscopy, pls read ur prep sheet. Priya Raman if ur reading this, u did great yesterday",
    "a new knee isnt the end of hiking. my pt who climbed Kilimanjaro at 91 after her replacement is proof",
    # a room after a gathering's sentence that is about someone
    "Support group is back! Mrs. Okafor is in Room 214 after her fall.",
    # a title of rank or office and the one cared for
    "Police Chief Dan Holt was treated for smoke inhalation at our hospital yesterday.",
    # a second black-box pass: care told in other languages after a greeting or in staff news; rank titles and
    # 'underwent'; ages with the word for years; rooms in other languages
    "Gracias Lucía, te esperamos en tu próxima cita de control.",
    "Ciao Marco, speriamo che la gamba guarisca presto dopo l'intervento.",
    "Welcome back, Sarah Kim! Sarah returns to the lab after her maternity leave and a rough delivery.",
    "Bienvenida Rosa Méndez a nuestro equipo. Rosa fue paciente de nuestra unidad de oncología.",
    "Benvenuta Chiara Rossi! Chiara è stata nostra paziente dopo un incidente d'auto.",
    "Governor Ellis underwent a knee replacement here this week and is resting.",
    "El Padre Gómez fue operado ayer en nuestro hospital y se recupera bien.",
    "Our patient, at 91, walked out of rehab on her own two feet!",
    "Nuestra paciente, a los 92 años, salió caminando del hospital.",
    "À 91 ans, notre patiente a subi une opération du genou.",
    "Our oldest patient this year was 97 and went home Friday.",
    "O paciente do quarto 305 recebeu alta hoje.",
    "Omar, thanks! Glad your surgery went well.",
    # a third black-box pass: staff news with care told in other languages
    "Conozcan a Javier Ortega, nuestro jefe de farmacia, que recibió un trasplante de riñón en este hospital.",
    "Vi presentiamo Luca Bianchi, coordinatore in pediatria, che da bambino è stato curato nel nostro reparto.",
    "Happy 20th anniversary, Maria Lopez! Maria just finished chemo.",
    "Congrats on ringing the bell at our cancer center today, Michelle!",
    "Join us in Room 204, 123 Main St. where Mrs. Lee lives.",
    # a greeting deep in a long text is not looked for
    "Thanks, Rosa! " + "We saw her in clinic. " * 3 + "Rosa Delgado is recovering from surgery.",
]


WARNED = [
    # care now for what the reader described, or for the one they care for
    "That chest tightness needs to be looked at today, not Monday.",
    "Since the vomiting started after he bumped his head, he needs to be seen in the ER tonight.",
    # the writer's plan for the reader, with a device as the treatment
    "Those palpitations plus the lightheadedness - I want you on a heart monitor.",
    # chart shorthand in a text that speaks to its reader
    "Reviewed your peak flows. Go up to 2 puffs q4h of the albuterol x 48h, then back to prn.",
    # a diagnosis of what the reader described, inside its clause
    "thats not a cold, w the white spots and no cough it sounds like strep. get a swab today",
    "That rash sounds like an allergic reaction to the amoxicillin; stop taking it.",
    "I think you have reflux. Cut out coffee and raise the head of your bed.",
    "Parece que tienes una infección de oído; toma amoxicilina.",
    "Ça ressemble à une angine, prenez du paracétamol.",
    # told what to do until the visit: no deferral
    "You should stop taking your metformin until you see your doctor.",
    # drugs by more stems, care now in other languages; a call to make now decides, it does not defer
    "Since your blood sugar is running over 300, hold your evening glipizide and call your endocrinologist first"
    " thing tomorrow.",
    "Con esos síntomas, deja de tomar el suplemento de hierro por ahora.",
    "At 34 weeks, with the headaches you mentioned, please call your OB right now or go to Labor & Delivery.",
]

GENERAL = [
    # the same shapes for any reader, or written for the chart
    "A child who bumped their head and keeps vomiting needs to be seen the same day.",
    "Plan: albuterol 2 puffs q4h x 48h, then prn. F/u 1 wk.",
    "Holter monitors record the heart's rhythm for 24 to 48 hours.",
    "Glipizide can cause low blood sugar; ask your doctor whether to take it on sick days.",
    "Sounds like a plan! Our flu clinic runs every Saturday in October.",
    "A sore throat with fever can be strep; see your doctor for a quick test.",
    "Si tienes fiebre y dolor de oído, consulta a tu médico antes de tomar antibióticos.",
    "Se parece que você tem enxaqueca com frequência, procure um neurologista.",
    "Sertraline should not be stopped suddenly. Your prescriber can help you taper slowly if you want to come off it.",
]


test_passes, test_held, test_warned, test_general_is_not_advice = verdict_table(ALLOW, CLEAN, HELD, WARNED, GENERAL)
