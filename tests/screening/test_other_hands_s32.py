"""Session 32: the misses and false alarms of new sets by other writers. Each line is shaped like a case from a set's
tuning half (or from a set that never reaches training), not copied from it; the mechanism it pins is named beside
it.
"""

from __future__ import annotations

from bot.screening import AllowList
from tests.screening.verdict_table import verdict_table

ALLOW = AllowList(names=frozenset({"Lakeshore Regional Medical Center", "Dr. Robert Clark"}))

CLEAN = [
    # a text that calls itself a post or an answer for everyone: its commands are for any reader
    "stop sleeping in ur contacts!!! corneas need air. thats it thats the post",
    "FOR THE NEWSLETTER: WEAR SUNSCREEN EVERY DAY, EVEN IN WINTER. THAT IS ALL.",
    "PSA: get your flu shot before halloween, it takes two weeks to kick in",
    # a care word naming a colleague's field is no one's care; a doctor's initial between title and name
    "My partner Dev takes my inbox on Fridays, and he's brilliant with heart failure titrations.",
    "Nurse Obi specializes in wound care and runs our ostomy class on Thursdays.",
    "Signed out to Dr. T. Achterberg overnight; page the fellow with questions.",
    # a post's own contacts: a suite after the clinic's street, a heading 'Questions?', 'or book online', a line of
    # nothing but the address and phone after the practice speaks of itself, 'to register' in Vietnamese
    "Now seeing patients at our Eastside office, 1450 Birch Blvd, Suite 210. Appointments: (555) 018-2200",
    "Diabetes class Thursday 6pm in the Education Center, 40 Oak St. Questions? 555-016-2290",
    "Flu shots are here for everyone 6 months and up. Call 555-880-4100 or book online.",
    "Our walk-in clinic is open 7 days a week, 8am to 8pm. 310 Lake Ave, (555) 019-7700.",
    "Lớp học miễn phí về huyết áp, thứ Năm, phòng 210. Gọi (555) 013-4400 để đăng ký.",
    # a public screening's hours are no one's date
    "Free skin cancer screenings 9-12 this Saturday at our Dermatology Center. Walk in!",
    # a post signed by its writer, in any casing and language, with a post or credential after the name
    "What I wish patients knew: a fever is a symptom, not the enemy. —Dr. Anneliese Oduya",
    "wish pts knew: ur labs being normal doesn't mean it's in ur head. -dr. tomas brandvold, rheum",
    "Điều tôi mong bệnh nhân biết: hãy mang theo danh sách thuốc. — BS. Lê Quang Vinh",
    # the weekly question's own frame, in the languages read: what follows is for every patient
    "Lo que me gustaría que los pacientes supieran: no dejen la insulina sin hablar con su médico.",
    # a clinician named in full by title or credential, then by a part of the name
    "Please welcome Dr. Ifeoma Castellanos, our new hospitalist. Ifeoma trained in Chicago and loves to bike.",
    "caption: 'Mateus Oyelaran, PT, DPT on knee pain'. he goes by Mateus, not Dr. Oyelaran",
    # donors thanked for the gift after their name; a quotation's author; a staff feature's heading
    "Thank you to the Abernathy family for 20 years of support of our hospice program.",
    "Thank you, Mr. and Mrs. Okonkwo-Reid, for sponsoring this year's teddy bear clinic!",
    "Grateful for the Lindqvist family, whose annual gala has raised $2M for the NICU.",
    "'Wherever the art of medicine is loved, there is also a love of humanity.' — Hippocrates. Happy Doctors' Day!",
    "'Caring is the essence of nursing.' — Amara Okafor. Thank you, night shift!",
    "Nurses are the heart of health care. — Donna Wilk Cardillo",
    # an address's town, state and ZIP after the practice's own street; a site that opens on a day at an address
    "We're at 1200 Lakeshore Drive, Suite 12, Columbus OH 43215. See you there!",
    "Our new bariatrics center opens Monday at 455 Harbor Ave, Suite 12.",
    "Volunteer spotlight: Mrs. Ines Varga, 81, has folded gowns in Central Supply every Monday since 2002.",
    # a famous person's kin, in a text about the famous person
    "Robin Williams' death made so many people look up Lewy body dementia. His widow Susan wrote about it.",
    # a city of millions in text about no one, in history, or in a famous person's story
    "Semmelweis was laughed out of Vienna for telling doctors to wash their hands.",
    "Rett syndrome was first described by Andreas Rett in Vienna in 1966.",
    "Simone Biles stepping back in Tokyo started a lot of conversations about mental health in my clinic.",
    # a colleague by post who 'asked me' or 'told me' something (a patient's words, said by a colleague);
    # colleagues with their service or a tie to the writer in brackets; a saying's author
    "Tevita Lolohea, our chaplain, asked me to share: the quiet room on 2 is open to staff all night.",
    "Thanks to Amira (transport), Jun (lab) and Kwabena (PT) for being in the video!",
    "Dear Ingrid (my preceptor, who said I'd never get used to nights): I just did my 100th night shift. Thank you.",
    "'Sleep is the best meditation' is usually credited to the Dalai Lama, but please check before we post it.",
    # great ages that are no patient's: a famous person's in the news, a volunteer's, the writer's own elder's
    "Former President Jimmy Carter entered hospice care in February 2023 at age 98.",
    "Thank you to volunteer Edith Marlowe, 92, who still runs our gift shop cart every Friday!",
    "my grandpa is 95 and still walks to the bakery every morning, goals",
    "Dr. Hazel Ortiz, 92, retired in 2010 and still sends the night staff a card every Christmas.",
    # the practice's own address, offered; a recall's lots
    "We're at 44 Linden Ave, right by the library. See you at the health fair Saturday!",
    "Recall: lots 7731B–7739B of the infant drops are being pulled. Check your bottle.",
]
HELD = [
    # ... but care given to the colleague is a patient's
    "my partner Dev has heart failure and is out on leave this month",
    # ... but an address and phone beside a patient, and a number to call for a person, stay held
    "we saw mrs diaz today for her hip. 310 Lake Ave, (555) 019-7700.",
    "Questions? call her daughter at 555-014-7788",
    # ... but a name after a dash that follows a word, or beside one patient, is theirs; a clinician given care too
    "so proud of our patient! - Maria Lopez",
    "the gentleman we discharged today - Walter Brandt",
    # ... and a name after a dash beside care told, or with a lay title, is no signature (a black-box tester's)
    "Finally extubated after two weeks! — Mr. Daniel Okafor",
    "Home after 40 days in the unit! - Daniel Okafor",
    "Nurse Amy Chen is back! Amy was admitted in March for surgery",
    "Dr. Rafael Santos saw Rafael Diaz today for chest pain",
    # ... and a family thanked while their father was cared for, a quoted patient with a room
    "Thank you to the Okafor family for your support while your dad was in our ICU",
    "\"She never complained once\" - Maria Lopez, room 4",
    # ... but kin beside a patient of the writer's stay held, whoever famous is named
    "my patient loves Tom Hanks movies. her son Daniel drove her in",
    # ... and a colleague given care, and a patient in brackets by their unit, stay held
    "Lusia Vaipulu, our chaplain, was admitted overnight with chest pain",
    # ... but the same city beside someone who lives or is cared for there
    "my pt drove in from Vienna for her chemo",
    "she lives in Tokyo now and flies back for her infusions",
    # ... but a great age beside care, and an address beside a person, stay held
    "my grandma is 94 and just got admitted with pneumonia",
    "she's at 44 Linden Ave now with her daughter",
    # a great age after a full name set off by commas, and after a grandparent a few words before
    "My father Tomás Ibarra, 94, has been at Willow Court since his stroke in March.",
    "grandma in 4C is 100 and asked for a second pudding",
]
WARNED = [
    # ... unless a sentence turns to one reader, their own finding, or someone's own treatment
    "stop the naproxen, with your kidney numbers it's tylenol only for you. thats my whole answer",
    "thats the post: your rash is shingles, start the valacyclovir today",
    "hot take: double his lasix tomorrow, his legs are huge",
    # ... and the weekly frame turned to one reader is advice, not a question opening with 'what'
    "what i wish patients knew: for you, stop the metformin before your CT tomorrow since your kidneys are borderline",
    # 'PSA' the blood test is no announcement
    "ur PSA went from 3 to 7 in a yr, u need an MRI before anything else",
    # a command whose reason or time is this reader's own
    "maybe try dropping the evening wine given your reflux, see if it settles in a week",
    "a rash like that after starting the new antibiotic could be an allergy. stop it and call your prescriber today.",
    # a clinician's order for one patient, by a pronoun
    "start him on 2L nc and get a cxr",
    "check a lipase on her, that pain pattern is pancreas to me",
    "tell her nothing by mouth after midnight, she's first case tomorrow",
    # a command after the reader's own case was looked at or described
    "I looked at the photo of your mole. Irregular edges and you say it's changing, so please get it removed and"
    " biopsied soon.",
    "Thanks for the detailed history. What you describe sounds like plantar fasciitis. Stretch your calf every"
    " morning.",
]
GENERAL = [
    # ... but a thank-you for a message, then what the practice can't do and general care
    "Thanks for your message! We can't give medical advice here, but drink plenty of fluids and call our nurse line if"
    " you're worried.",
    # a command with 'your' in it for any reader, and a chart's order with no one in it
    "Feeling faint when you stand up fast is common and usually harmless. Lie down with your legs up. Get checked if it"
    " happens during exercise.",
    # the post's word to all, in the imperative
    "PSA: wear a helmet every time you ride, even to the corner store. thats the post",
]

test_passes, test_held, test_warned, test_general_is_not_advice = verdict_table(ALLOW, CLEAN, HELD, WARNED, GENERAL)
