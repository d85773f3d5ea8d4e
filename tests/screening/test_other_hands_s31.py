"""Session 31: the misses and false alarms of new sets by other writers. Each line is shaped like a case from a set's
tuning half (or from a set that never reaches training), not copied from it; the mechanism it pins is named beside
it.
"""

from __future__ import annotations

from bot.screening import AllowList
from tests.screening.verdict_table import verdict_table

ALLOW = AllowList(names=frozenset({"Lakeshore Regional Medical Center", "Dr. Robert Clark"}))

CLEAN = [
    # a care word naming a place or a service is no one's care: a colleague beside it stays a colleague
    "Say hi to volunteer Ottilie Brandt and her beagle Moss, in the cancer infusion suite on Tuesdays!",
    "dev from pt/ot can do the transfer inservice monday at 3",
    "Thanks to Colette Amari in Patient Accounts for running the bake sale!",
    "EVS supervisor Dario Pinto and his crew turned over 300 patient rooms this weekend.",
    "Our Nurse of the Quarter is Tobias Reyes, RN, from the cardiac ICU.",
    "Cake at the nurses' station at 3 — Yusuf Adeyemi from respiratory turns 50!",
    "pt satisfaction up 5% on 6E this month, thx all esp charge nurse amara",
    # a service's own number or fax, and a line open around the clock
    "pts can call our after-hours nurse line 24/7 at 555-212-4810 if unsure about ER vs urgent care",
    "FYI the outpatient lab fax has changed to 555-0191 as of today.",
    # a campaign's day and a vaccination clinic open to all
    "World Kidney Day is March 13 - the dialysis team will run free BP checks in the lobby from 9 to 1.",
    "covid booster clinic is thurs nov 6 2-6 in the cafeteria, no appt needed, bring ur family!",
    # a news dateline in another language's order; a product's lot number
    "Lisboa, 3 de junho — Investigadores anunciaram que a nova vacina teve eficácia de 91% em adultos.",
    "Tdap lot 7K31C, exp 02/2027, 0.5 mL IM R deltoid, VIS given.",
    # a pharmacy label's lines, and a label's line for an age group
    "Take 1 capsule by mouth every 12 hours. Qty: 20. Refills: 0. Finish all of it.",
    "Children 6 to 11 years: take 1 tablet every 6 hours. Do not give more than 4 tablets in 24 hours.",
    # an office's mailbox; a notice's own line, by its sign or heading; booking lines in other languages
    "We're sorry to hear this. Please write to feedback@northvalleyhealth.org so we can look into it.",
    "New Westside clinic now open! 📍 88 Ridge Rd ☎️ (559) 555-0190. Walk-ins welcome.",
    "Diabetes class: Monday, Nov 3, 6-8pm, Room 2B. Register: 555-0144.",
    "For appointments at our Eastgate office, call (555) 214-7711 weekdays.",
    "Klinik nou an ouvè samdi. Rele 305-555-0129 pou pran randevou.",
    # a product's lot number with dashes is no phone and no lot of land
    "Lot 5512-0931-27. EXP 03/2027. Store at room temperature, away from light.",
    # a study's city after 'and colleagues' or beside a citation; medicine's history in a decade long past
    "Brennan and colleagues cut readmissions by a third at teaching hospitals in Gdańsk (J Nurs 2020;9:101-9).",
    "The Heller myotomy was popularized by Ernst Heller in Leipzig in the 1910s and is still done for achalasia.",
    # a reference's authors by their initials, with no 'et al'
    "Brown K, Osei A, Lindgren P. Early feeding after bowel surgery. Colorectal Dis. 2019;21(4):301-8.",
    # the practice's own page and line, offered to all; 'MR' graded on an echo is a valve, not a man
    "follow us at instagram.com/northvalleyhealth for the weekly staff answers!",
    "pls tell ppl about our after-hours nurse line (608) 555-0111, its free",
    "echo today showed mr moderate and tr mild",
    # a brand beside a generic of two words; a treatment that clears most cases is said of anyone
    "Toujeo (insulin glargine) should not be skipped on sick days; your doctor may lower the dose.",
    "Athlete's foot is a fungus, and terbinafine cream twice a day for 1 week clears most cases.",
    # a body named for people, when the care in the text is its own work; donors; a post no patient holds
    "The Ruth and Abe Kessler Family Birthing Center turns 20 this year! 40,000 babies and counting",
    "Registration for the Ana Ruiz Memorial 5K is open on our website.",
    "The new infusion suites open this fall thanks to a gift from Dale and Marjorie Whitcombe, longtime donors.",
    "Our bead program was started in 2015 by child life specialist Harmony Adebayo and is now in 30 hospitals!",
    # two colleagues of one service, a colleague by a plural post, a heading's line, no particular weekday
    "big thx to Wen and Bogdan in social work, they built the bridge clinic by themselves",
    "prep tip from one of our endo nurses, Fatou: chill the prep and drink it thru a straw",
    "pulmonary rehab enrollment: 555-218-0093 ext 2. medicare covers it!",
    "the wait at urgent care was under an hour on a Saturday night, bring quarters for the meters",
    # a label's strength as heading, its warning stickers; a storm named like a person
    "Lisinopril 10 mg: take once daily in the morning. May cause dizziness.",
    "Take 1 tablet by mouth every 6 hours as needed. Do not exceed 4 tablets in 24 hours.",
    "Hurricane Ida forced the evacuation of several nursing homes in 2021.",
    # a new colleague's origin after any service; medicine's history by a hire long ago; a vendor's rep; a team
    "Dr. Ikenna Obi joins nephrology from Lagos University Teaching Hospital, and he speaks igbo and english",
    "fun fact: the hospital's first pharmacist was Agnes Calloway, hired 1908, paid 4 dollars a week",
    "our Stryker rep, Kofi, is bringing bagels thursday for the new beds demo",
    "Thanks Aroha and Wiremu from the Māori health team for the blessing of the new wing",
    "my twins, ines and bea, want to help at the health fair saturday",
    # a service's line for a purpose, then 'is' and the number; faxed to a named service; a new site's address
    "the nurse line for after-hours questions is (555) 013-2211, it's on every discharge sheet",
    "Referrals can be faxed to the Wound Care Center at 312-555-0177. Please include recent notes.",
    "The new urgent care is at 1820 Westover Blvd, Suite 100, across from the library.",
    "Open enrollment for the employee health plan ends December 15.",
    # the account a text thanks, by its handle, for what it posted, in English or Tagalog; a fire station is no
    # German ward
    "Love this, @sunny_rn! Thank you for volunteering at our blood drive 🩸",
    "thx for the shoutout @engine7_fd!! our ER crew loves yall at Station 7 🚒",
    "Maraming salamat po, @mika.santos! Ipaparating namin sa aming mga nars. 🙏",
    # a language is no town
    "Dr. Okafor is the best cardiologist I've seen. She explained my echo results in plain English, and the front desk "
    "called back the same day.",
    # the person an eponym honours; the practice's own number, given as ours, in a weekly answer too
    "the Apgar score is named for Virginia Apgar, who wanted a quick check of every newborn",
    "Questions about the new clinic? Our door is always open: 555-231-0911.",
    # the writer's kin, in a sentence that speaks of medicine but not of their care
    "my son theo asked what i do all day and i said i tell ppl to take their meds and he said thats it?? lol",
    "my mom's name is Grace and she's the reason i went into medicine. she taught 2nd grade for 30 yrs",
    # a colleague by the service they come from, in English and Spanish
    "lol dana from pharmacy just brought us donuts, bless her",
    "gracias a marisol y don julio en IT por arreglar las impresoras",
]

HELD = [
    # ... but a colleague moved from a unit as a patient, or treated in it, stays held
    "Our own Tobias Reyes was transferred from the ICU to 4 West last night, please send him good thoughts.",
    "Dario Pinto from housekeeping came through our ED himself after a fall and the team treated him like family.",
    # ... but a patient's trailer lot, and names with initials in a list of patients seen
    "she lives at Lot 12 in the Pine Hollow trailer park",
    "Seen today: Brown K, Osei A. Both stable.",
    # ... but the writer's kin with their own care told stays held
    "my son theo has had a fever of 103 for two days and the pediatrician says its viral",
    "my mom Grace is back on her meds after the hospital stay",
    # ... but the one a fund is named for, cared for in the same text, stays held; so does a donor cared for here
    "The Kevin Brown Recovery Fund is covering Kevin's rehab after his stroke",
    # ... but records sent to a service about someone stay held
    "her records were sent to the Wound Care Center at 312-555-0177",
    # a given name alone, then a great age set off by commas
    "Opal, 97, in the Magnolia wing, fell at breakfast; no injury.",
    # a name with an aside in brackets is still a name
    "Ana (chemo pt) was so brave today",
    # ... and care told after thanks to a handle keeps the handle held
    "Love this, @sunny_rn! So glad your dad's bypass went well on 4 West.",
    # a surname after 'mr' that an old dictionary also lists
    "lol the guy from the ridge, mr begay, keeps bringing us stew every time he comes for dialysis",
    # a lower-case name before what a patient keeps doing or missing
    "what i wish pts knew... honestly i wish dmitri would stop skipping his insulin lol",
    "teodora missed her last two infusions, can someone call",
    # ... and anyone's own number, or a patient's dates, stay held
    "Doc, my cell is (312) 555-0199, can someone call me about my biopsy results?",
    "bilal from pharmacy's wife is in L&D rn, he'll be late",
    "pt's daughter wants a call back, her cell is 617-555-0177",
    "pt Mrs. Alvarez had her stroke on March 13, family at bedside",
    # ... and a person's own mailbox, or a number in a note with no offer, stays held
    "her email is feedback.rosa@gmail.com if you need to reach her",
    "Pt phone: 555-0144",
]

WARNED = [
    # a diagnosis told to the reader with 'just', or by 'looks like' and a condition's ending, then the plan
    "its just a strained calf. ice + naproxen 500 bid w food x 5 days, no running",
    "This looks like contact dermatitis from the new earrings. Hydrocortisone 1% twice a day for a week.",
    # a common brand no ending gives away, stopped for the reader's own complaint
    "stop the sudafed!! thats why ur heart is racing",
    # a visit, a test or a shot today for someone the reader cares for, or for what the reader described
    "with that cough and fever he needs a chest x-ray today",
    "Swelling in the calf a week after your flight needs an ultrasound today. Please don't wait.",
    # what the writer prescribed for the reader's complaint; the complaint's cause, a drug, told to them
    "sent in amox for ur ear infection, finish all 10 days even if u feel better",
    "The nausea is probably from the metformin - take it with dinner instead of breakfast.",
    # the reader's own episode coming back: their safety net
    "If the numbness in your face comes back, call 911 right away.",
]
GENERAL = [
    # the answer after the topic of the question everyone asks
    "most common q in my clinic: sprains. if u cant put weight on it = get an xray. otherwise ice and rest",
    # ... but the same words said of anyone, after a question everyone asks
    "Most sore throats in kids? It's just a virus and it gets better on its own.",
    "Patients often think it's just arthritis, but it can be gout.",
    # ... and a safety net for anyone, and a drug's side effect told of anyone
    "If you ever have numbness in your face, call 911 right away.",
    "Nausea from metformin is common in the first weeks; taking it with food helps most people.",
]

test_passes, test_held, test_warned, test_general_is_not_advice = verdict_table(ALLOW, CLEAN, HELD, WARNED, GENERAL)
