"""Session 24: chat, clinical snippets, dictation and public replies, by other writers.

Each line is shaped like a case a writer with no sight of the code wrote for the tuning sets; the
mechanism it pins is named beside it.
"""

from __future__ import annotations

from bot.screening import AllowList, Screener
from bot.screening.shorthand import spelt_out, typed_span
from tests.screening.verdict_table import verdict_table

ALLOW = AllowList(names=frozenset({"Lakeshore Regional Medical Center", "Dr. Selena Franco", "Dr. Mitchell Bennett"}))

CLEAN = [
    # (black-box, session 24) cases marked as made up, placeholder names, a made-up age, a Spanish safety net
    "Picture a hypothetical patient, call her Jane Doe, who skips her statin for a year.",
    "For example, say your neighbor Sam, 45, starts getting heartburn every night.",
    "In med school we learned from a made-up patient, 'Mr. Smith,' who had every symptom in the book.",
    "Consider a fictional runner, Alex, who ignores shin pain.",
    "Case study (fictional): 'Maria,' 34, pregnant, asks about fish.",
    "Let's say you're 100 years old and still gardening. Great, keep moving!",
    "Si usted tiene dificultad para respirar, vaya a la sala de emergencias de inmediato.",
    "Michael J. Fox has talked openly about Parkinson's.",
    # the word before 'said' is no name when it is a word of the sentence; how the practice lets anyone in
    "moment that made my week: a pt who couldnt talk for weeks said 'thank u' in speech session, i cried in the car",
    "you dont need a referral to see our urgent care team, just come in",
    "You don't need an appointment to see us for flu shots.",
    # lower-case words of another language in writing that capitalises every sentence; an observance's own date;
    # hospitals known by a person's name; a famous possessive read whole
    "Cảm ơn bạn đã hỏi! Nói chung, người lớn nên ngủ 7–9 tiếng mỗi đêm. Nếu bạn thường xuyên mất ngủ, hãy gặp bác sĩ.",
    "Salamat sa tanong! Sa pangkalahatan, ang mga batang 6 na buwan pataas ay dapat magpabakuna laban sa trangkaso.",
    "On World AIDS Day, December 1, we remember the more than 40 million people who have died of HIV-related illness.",
    "Mayo Clinic and Johns Hopkins both publish free patient guides on atrial fibrillation.",
    "Bruce Willis's family announced in 2023 that he had been diagnosed with frontotemporal dementia.",
    # an age given to someone made up; an eponym in a sentence of care; a site read aloud
    "let's say a ninety two year old comes in with a fall, you know what I'm looking at first? it's their meds",
    "so Tommy John surgery is what people call a UCL reconstruction and it's not just for pitchers anymore we see"
    " high school kids too",
    "visit lakeshoreregional dot org slash heart for more",
    # a name made up after 'let's say ... named', wherever the text uses it again
    "so let's say hypothetically a guy named Bob comes in he's fifty never had a colonoscopy um Bob needs to get"
    " screened that's the whole message forty five is the new starting age",
    # a country in lower case after 'of'; a saying in quotes; a reporting verb in a name's place
    "a patient once told me she thought antibiotics cure colds and honestly half of america agrees",
    "joke for the post: 'take two aspirin and call me in the morning' but its a voicemail that says call 911",
    'My patient said "stop the metformin" and I said no.',
    # a question and its answer for anyone who asks; a first that is no one's story
    "Q: Can I take my blood pressure medicine the morning of surgery? A: Many patients take most of them with a sip"
    " of water. Your surgical team will give you specific instructions at your pre-op visit.",
    "Lakeshore was the first hospital in the state's history to earn Magnet status.",
    "The first vaccine ever made was for smallpox.",
    # the bot itself, addressed
    "@roundsbot sunscreen every day even when its cloudy, uva goes right thru the clouds. reapply every 2 hrs",
    # a face in a tip, a fingerprint in a policy
    "Biometric check-in uses your right index fingerprint.",
    # a listed famous person's own history told as history ('was diagnosed with') is public knowledge
    "Selena Gomez was diagnosed with lupus in 2015.",
    "When Selena Gomez was diagnosed with lupus, searches for kidney disease spiked.",
    # a name made up for a teaching case names no one, and the case's advice is a teaching vignette
    "so um let's imagine a patient I'll call her Aunt Betty, she's eighty and on five blood pressure pills and she's"
    " dizzy every morning. that's the classic overtreatment picture",
    "hypothetically let's say you've got a patient we'll call him mister Jones seventy years old on warfarin and he"
    " starts a course of Bactrim. his INR is gonna shoot up so you gotta watch that",
    "Let's say a patient, call her Mrs. Smith, is 70 and on warfarin.",
]

HELD = [
    # (black-box) care by us in other words makes a famous name a patient's; a real age and a real name stay held
    "We were honored to treat Michael J. Fox here at Lakeshore for his Parkinson's.",
    "Proud that our transplant team took care of Selena Gomez during her admission.",
    "Celine Dion's neurologist here at Lakeshore says she's responding well to treatment.",
    "Dr. Hall just finished Bruce Willis's follow-up visit for his aphasia.",
    "My 100 year old patient is gardening.",
    "My patient Maria, 34, is pregnant.",
    "meri patient leila ko sugar hai",
    # ... but a cue still finds a lower-case name there, and a date of someone's death is theirs
    "Thanks for asking. My patient doris kaminski, 93, fell again.",
    "My patient died on Tuesday, March 3.",
    "My patient Jess Willis's family called after her surgery.",
    # a fundraiser's address read aloud; a real age; the eponym's namesake as a patient
    "the family set up a fundraiser page for her it's gofundme dot com slash help mama rosa recover please share it",
    "My 92 year old patient fell.",
    "my patient Tommy John had surgery",
    # a spoken SSN after the word 'social' alone, and a name that is no made-up one
    "social is four one two uh six six nine zero three eight he doesn't have his card on him",
    "A guy named Bob came in yesterday with chest pain.",
    # a first that history records, in a sentence of someone's birth or stay
    "Our NICU family is celebrating: the first set of identical quadruplets ever born at our hospital went home!",
    # a Vietnamese kinship title before a capitalised name, and a date after a Vietnamese event word
    "Chào chị Lan, kết quả xét nghiệm tiểu đường của chị ngày 5/8 đã có rồi nhé.",
    # the reader's thanks for the care itself confirms it
    "We'll make sure Dr. Valenzuela sees your thank-you for delivering your baby girl. She was so happy to be there!",
    # a biometric or a face of one person, possessed as a clinical note or a parent writes it
    "Methadone clinic uses biometric check-in; pt's right index fingerprint was re-enrolled after the burn injury.",
    "Here's a picture of my son's face with the rash [photo attached]. Does this look like measles to anyone?",
    # ... but care by us, or a name the text does not make famous, is still a patient's
    "My patient Selena Gomez was diagnosed with lupus.",
    "Selena Gomez was diagnosed with lupus in our clinic.",
    "John Miller was diagnosed with lupus in 2015.",
    # ... but calling someone is no naming, and what else a made-up case tells still counts
    "I'll call her Betty tomorrow about her biopsy.",
    "A patient, I'll call him Tom, came in on March 3.",
]

WARNED = [
    # (black-box) instructions before or after the reader's own procedure
    "Don't eat anything after midnight before your surgery.",
    "After your cataract surgery, no bending over or swimming for two weeks.",
    # (black-box) commands on a drug by name in Polish, Vietnamese, Arabic and Hindi in Latin letters
    "Odstaw ten ibuprofen od razu i weź paracetamol.",
    "Musi pan zwiększyć dawkę insuliny do 20 jednostek wieczorem.",
    "khod habbayteen panadol abl el nom el leila",
    "laazim tw2af el dawa da 3ala tool w ta3ala el 3eyada bokra",
    "Anh ngưng uống thuốc huyết áp đi, mai vô khám lại nha.",
    "aap apni BP ki dawai band mat karna, roz subah ek goli lena",
    # ... but skipping care is still advice
    "you don't need to see a doctor for that, it'll pass",
    # a restriction with its reader before the time
    "no running on that ankle for six weeks. boot on whenever you're up walking",
    # prep for the reader's own procedure; an activity barred for one reader; a run-on command on a named drug
    "so for your colonoscopy prep um clear liquids only the whole day before nothing red or purple and you start the"
    " first jug at six p m",
    "buddy you can't go back to football until you're symptom free and we've done the return to play steps",
    "alright buddy no more trampoline until the cast comes off deal?",
    "sorry dude, no driving for 6 months after that seizure. its the law here and honestly its for u",
    "so these are migraines um when one starts take the sumatriptan right away don't wait until it gets bad",
    # 'n' is 'and'; a condition the table knows after 'its'; care now for this reader's number
    "girl ur eye is pink n crusty... its viral conjunctivitis. go home n leave ur contacts out for a wk",
    "go to the ER now, your sugar is 500",
    # a condition the table knows, told after a word of address; a foreign dose in words; Hindi and Polish bans
    "sis thats a UTI lol. push fluids and grab a macrobid script from urgent care before shift",
    "bro that's gout",
    "(wrong window sorry) tómese dos tabletas de 500 cada 8 horas con comida, y si no mejora vuelva a verme",
    "aapko BP ki goli subah leni hai, raat ko nahi. isiliye raat bhar bathroom ja rahe ho",
    "khali pet mat lena ye dawa yaar, khana kha ke lena warna ulcer ho jayega",
    "weź ten lek na noc, nie rano, bo będziesz senna w pracy. trust me",
    # Arabic and Hindi in Latin letters, and Polish: commands on a medicine, the verb first or last
    "ya khalti khodi el dawa marra wahda bel leil ba3d el akl",
    "bhai tumhe strep hai, rapid test positive tha. amoxicillin aaj se shuru karo, 10 din poora",
    "yeh dawai band kar do",
    "nie pij alkoholu z tym antybiotykiem!! metronidazol + piwo = bardzo źle",
    "Proszę brać ten lek dwa razy dziennie po jedzeniu.",
    "Weź 500 mg paracetamolu dwa razy dziennie.",
    # a ban on the reader's drug; an order after a short label; a dose in grams; a hedged diagnosis told
    "priya no more ibuprofen until ur kidney labs come back. im serious. tylenol only",
    "taper: drop the prednisone to 20 starting tmrw, then 10 x 3 days, then stop. dont just quit it cold",
    "give him 15 g of the oral glucose now and recheck in 15 min, if still under 70 call me",
    "You likely have plantar fasciitis. Stretch your calf every morning before you get out of bed.",
    # a statement opening with 'what I ... is' is no question
    "what I tell everyone is wear sunscreen but for you specifically that spot on your cheek needs a biopsy",
    "what you need to do is hold the metformin tonight",
    # Vietnamese and Tagalog: the reader by pronoun, commands, medicine and schedule words (and the model's grammar)
    "bác uống thuốc này hai lần một ngày sau khi ăn nhé",
    "Với triệu chứng của bạn, bạn nên uống thêm một viên thuốc huyết áp vào buổi tối.",
    "Base sa sinabi mo, UTI 'yan. Uminom ka ng maraming tubig at humingi ng antibiotic sa doktor mo.",
    # a command in another language with a dose right after it
    "Tome 2 comprimidos de paracetamol.",
    "Prenez 1 g de paracétamol toutes les six heures.",
    # a condition, then a drug or 'tonight': this reader's plan
    "If you have chest pain tonight, go to the ER.",
    "If the fever hits 104, take two Tylenol and go to the ER.",
    # ... but a result of the reader's own test, the reader's own drug or one reader's numbers still tell
    "the biopsy shows basal cell carcinoma on your nose, so you'll need Mohs surgery",
    "your insulin needs to go up to 20 units",
    "metformin does NOT wreck ur kidneys, but with your kidney numbers we should stop it.",
    # 'the picture you sent' is no made-up case
    "Based on what you told me, that mole is benign, you don't need a biopsy, based on the picture you sent.",
    # chat shorthand is read as the words it stands for: a diagnosis told and a command, typed fast
    "u have strep, rapid was positive. finish all 10 days of the amox even once u feel better",
    "no caffeine after noon for u anymore, thats ur insomnia right there",
    # a season does not make a reader's own chart general
    "Stop the ibuprofen before flu season, with your kidney numbers it's tylenol only for you.",
]

GENERAL = [
    "After cataract surgery, most people avoid swimming for two weeks.",
    "Nhiều người dùng thuốc huyết áp mà không gặp vấn đề gì.",
    "koi bhi dawai band karne se pehle doctor se poochein",
    # ... but a restriction or a prep said of anyone
    "In Ohio, no driving for 6 months after a seizure is the law.",
    "Most people can't drive for 6 months after a seizure.",
    "Before a colonoscopy, most people do clear liquids the day before.",
    # where to get care first, then the condition
    "go to the ER if ur face droops, arm is weak or speech is off — BE FAST. can someone make this a graphic",
    # a condition named for a group, or before a deferral
    "Burning when you pee? That's a UTI until proven otherwise, see your doctor.",
    # ... and their words for 'ask your doctor first'
    "Nie odstawiaj żadnego leku bez konsultacji z lekarzem.",
    "agar teen din se zyada bukhar ho to doctor se milen",
    "mera bhai kehta hai khana khao aur so jao",
    # 'especially if you have ...' picks out a group; a ban said of most people is a myth told
    "poison control = 1-800-222-1222. put it in ur phone rn esp if u have toddlers or grandparents w pill organizers",
    "No more ibuprofen for most people over 75 is a common myth.",
    # what the writer tells every one of a group
    "what I tell every teenager is sunscreen every day not just at the beach and please skip the tanning beds",
    # a condition, then only where to get care: anyone's safety net, in any language read
    "If you have chest pain, go to the ER.",
    "Si usted tiene dolor de pecho, vaya a urgencias.",
    "if it gets worse call the office",
    "nếu sốt quá ba ngày, hãy hỏi ý kiến bác sĩ",
    "La dose usuale è 400 mg.",
    # what a drug does, said of anyone's body
    "metformin does NOT wreck ur kidneys. we just adjust the dose if kidneys r already weak",
    "Statins can raise your sugar a little, and the benefit is still worth it for most people.",
    # a season everyone shares sets the time of a general tip
    "Start your nasal spray two weeks before allergy season hits.",
    "start ur nasal spray now before allergy season hits",
]

test_passes, test_held, test_warned, test_general_is_not_advice = verdict_table(ALLOW, CLEAN, HELD, WARNED, GENERAL)


def test_shorthand_is_spelt_out_and_spans_return_to_the_typed_words() -> None:
    text = "pls finish ur amox b4 fri, u r almost done"
    norm, where = spelt_out(text)
    assert norm == "please finish your amox before fri, you are almost done"
    start = norm.index("your amox before")
    assert text[slice(*typed_span(where, start, start + len("your amox before")))] == "ur amox b4"
    assert spelt_out("ur going to feel it tomorrow")[0] == "you're going to feel it tomorrow"
    assert spelt_out("Metformin 500 mg with meals") is None  # nothing to spell out


def test_a_shorthand_finding_is_reported_on_the_typed_text() -> None:
    text = "u have strep. finish all 10 days of the amox even once u feel better"
    verdict = Screener(ALLOW).screen(text)
    assert [text[f.start : f.end] for f in verdict.findings] == [
        "u have strep", "finish all 10 days of the amox even once u feel better"]


def test_a_name_keeps_its_span_without_the_verb_after_it() -> None:
    text = "my patient grace said she feels better"
    names = [text[f.start : f.end] for f in Screener(ALLOW).screen(text).findings if f.kind == "name"]
    assert names == ["grace"]


def test_capitals_and_birth_control_are_not_shorthand() -> None:
    assert spelt_out("R knee pain, ask your RN") is None  # right, registered nurse
    assert spelt_out("stop ur bc")[0] == "stop your bc"  # 'bc' is as often birth control as 'because'
