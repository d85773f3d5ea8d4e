"""The shapes in which a diagnosis is told to one reader, or only looks as if it were.

'That's X' and 'sounds like X' open a clause that names what the reader described; 'You have croup.' is the whole
clause; 'It's a blood test ...' after 'What is an A1c?' defines, and 'that's a great question' is small talk. How
sure the advice model must be for each is `aimed.addressed`'s to say; these only recognise the shapes.
"""

from __future__ import annotations

import re

from bot.screening.lexicon import VOCATIVE_WORDS
from bot.screening.lowered import Lowered
from bot.screening.treatments import DESCRIBED

VOCATIVES = "|".join(re.escape(word) for word in VOCATIVE_WORDS)
# A hedge between 'you' and 'have' keeps the diagnosis told: 'You likely have plantar fasciitis'.
_HEDGE = r"(?: (?:likely|probably|most likely|almost certainly|definitely|clearly|may|might|could|do))?"

# What the reader showed or described, pointed at: 'that red ring with the clear center is', 'these bumps are'.
# (the words between are a noun phrase: no verb or conjunction, so 'this question comes up and the answer is' is not)
POINTED = (
    r"(?:that|this|those|these) (?!(?:is|was|are|were|'s|one|time|year|week|month|season|question|answer|study"
    r"|research|trial|kind|sort|type|advice|rule|tip|post|video|article|vaccine|shot|medication|medicine|drug|test"
    r"|screening|surgery|procedure)\b)"
    r"(?:(?!(?:and|but|or|because|when|if|so|is|was|are|were|has|have|had|comes?|came|means?|says?|said|does|do"
    r"|can|will|would|should|may|might|could)\b)[\w'-]+ ){0,6}?[\w'-]+ (?:is|are)"
    r"(?= (?!\w+ing\b))"  # ('that rash is spreading' tells what it does, not what it is)
)
DX_NAMED = Lowered(
    rf"(?i:\W*(?:{DESCRIBED}[^.;!?,]{{0,20}}?,?\s+)?"
    rf"(?:(?:yeah|yep|yup|ya|yes|yea|ok|okay|so|honestly|tbh|def|definitely|ugh|oh|ah|hmm|no|nope|actually|sry|sorry"
    rf"|{VOCATIVES})[\s,]+){{0,2}}"
    rf"(?:(?:that|this|it)(?:'s|’s|s| is)|{POINTED})"
    r" (?:(?:almost certainly|probably|definitely|def|most likely|likely|totally|classic|a classic|textbook)\s+)*"
    # (not 'that's mostly history', 'that's a great question', 'it's normal', 'that's why')
    r"(?:an? )?(?!(?:mostly|not|really|very|so|the|what|why|how|when|where|because|fine|normal|ok|okay|good|great"
    r"|true|right|all|just|part|one|my|your|our|their|his|her|its|common|fair|lot|big|huge|question|hard|tough|easy"
    r"|no|yes|safe|free|available|here|there|open|closed|back|done|over|new|rare|why|usually|worth|up|on|in|for|about"
    r"|important|why|something|nothing|everything|exactly|actually|also|still|usually|often|always|never)\b)[a-z])"
)


# 'What is an A1c? It's a blood test that ...': the 'it's' after a question of what something is defines it.
IT_IS = Lowered(r"(?i:\W*(?:it|that|this)(?:'s|’s| is)\b)")
WHAT_IS_BEFORE = Lowered(r"(?i:\bwhat(?:'s|’s| is| are| exactly is)\b[^?.!]{0,80}\?\s*$)")


# A diagnosis with no subject opens the clause: an answer to the reader's own description of their problem.
DX_OPENING = Lowered(
    r"(?i:\W*(?:(?:yeah|yep|ok|okay|so|honestly|tbh|definitely|def|probably|almost certainly|most likely|totally"
    r"|this|that|it|to me)[\s,]+){0,3}(?:(?:sounds|looks|seems|reads) (?:a lot |exactly |just )?like\b"
    # 'might be a UTI tbh', 'could be shingles', 'prob a sprain': a guess at what the reader has
    r"|(?:might|could|may) (?:well )?be (?:an? )?[a-z]|prob(?:ably)? (?:an? )?[a-z]))"
)


# A clause that is only 'you have' / 'your son has' and what they have ('You have croup.', 'your baby has RSV'): a
# diagnosis told, as sure as 'sounds like X' must be ('you have options' is for the classifier to tell apart).
YOU_HAVE = Lowered(
    r"(?i:\W*(?:(?:yeah|yep|ok|okay|so|well|honestly|i think|i'm afraid|unfortunately)[\s,]+){0,2}"
    rf"(?:you(?:'ve| have)? got|you{_HEDGE} have|you've|(?:your|ur) (?:son|daughter|baby|kid|child|husband|wife|mom|dad"
    r"|mother|father|toddler|boy|girl)(?:'s| has| has got))\s+(?:an? |the )?[\w'-]+(?:,?[ -][\w'-]+){0,3}\W*$)"
)


# 'That's frozen shoulder.', 'listen, that's gout', 'sounds like shingles', 'you've got plantar fasciitis': a
# diagnosis given to the reader, opening its clause after at most a few words of address or filler.
DX_TOLD = Lowered(
    rf"(?i:\W*(?:{POINTED}\s|(?:[\w']+,?\s+){{0,4}}?(?:(?:that|this|it)(?:'s|’s|s| is| could be| might be"
    rf"| sounds like| looks like)"
    rf"|(?:sounds|looks|seems) like|you(?:'ve| have)? got|you{_HEDGE} have|you were diagnosed with"
    # 'Your symptoms fit a UTI', 'his rash is consistent with scabies': the reader's complaint, named.
    rf"|{DESCRIBED}[^.;!?]{{0,40}}"
    r"|(?:your|his|her|their)(?: [\w-]+'s)? (?:symptoms|sx|story|rash|pain|cough|exam|picture) (?:fits?"
    r"|points? to|suggests?"
    r"|sounds? like|(?:is|are) consistent with|(?:is|are) classic for))\s))"
)


# What people are told they have, in the words they use for it: a short table of common conditions, read only after
# 'your diagnosis is', 'you've been diagnosed with', 'you have' or 'you've got' opening a clause.
_CONDITION = (
    r"(?:type (?:1|2|one|two) diabetes|pre-?diabetes|gestational diabetes|diabetes|lupus|asthma|copd|emphysema"
    r"|high blood pressure|hypertension|high cholesterol|a-?fib|atrial fibrillation|heart failure|kidney disease|ckd"
    r"|gout|(?:rheumatoid |psoriatic )?arthritis|osteoporosis|(?:sleep )?apnea|anemia|hypo-?thyroidism"
    r"|hyper-?thyroidism|an? (?:uti|std|sti)|shingles|strep(?: throat)?|pneumonia|bronchitis|the flu|covid|mono"
    r"|an? (?:ear|sinus|yeast|urinary tract|kidney|bladder|skin) infection|(?:breast |prostate |colon |skin )?cancer"
    r"|melanoma|celiac(?: disease)?|crohn'?s(?: disease)?|(?:ulcerative )?colitis|ibs|gerd|(?:acid )?reflux"
    r"|(?:viral |bacterial |allergic )?conjunctivitis"
    r"|migraines?|depression|anxiety|adhd|ptsd|bipolar(?: disorder)?|psoriasis|eczema|rosacea|scabies|lice"
    r"|ringworm|pink eye|croup|rsv|whooping cough|glaucoma|cataracts?|vertigo|sciatica|an? hernia|gallstones"
    r"|thrush|impetigo|cellulitis|hives|an? stye|an? wart|warts|pinworms|roseola|fifth disease|scarlet fever"
    r"|hand,? foot,? and mouth(?: disease)?|swimmer'?s ear|an? (?:viral|heat|diaper) rash|an? cold sore|cold sores"
    r"|kidney stones?|an? kidney stone|an? blood clot|an? dvt|preeclampsia|endometriosis|pcos|fibroids"
    r"|plantar fasciitis|tendinitis|bursitis|carpal tunnel|an? concussion|an? (?:stress )?fracture"
    # an injury by what happened to which part: 'a bruised rib', 'a torn meniscus', 'a sprained ankle', 'a sprain'
    r"|an? (?:bruised|cracked|broken|sprained|torn|pulled|strained|fractured|dislocated|jammed|separated)"
    r" (?:rib|ankle|wrist|finger|toe|knee|shoulder|elbow|thumb|muscle|hamstring|groin|calf|acl|mcl|meniscus"
    r"|rotator cuff|tendon|ligament|collarbone|nose|hand|foot)|an? (?:sprain|strain|pulled muscle))"
)
DX_STATED = Lowered(
    r"(?i:\W*(?:(?:so|ok|okay|well|yeah|yep|yes|yup|yea|ya|no|nope|actually|unfortunately|i'm afraid|i'm sorry|sorry"
    rf"|{VOCATIVES})[\s,]+){{0,2}}"
    rf"(?:(?:your|ur) (?:diagnosis|dx) (?:is|was)|you(?:'ve| have)? been diagnosed with|you{_HEDGE} have|you've got"
    rf"|{POINTED}"
    # 'sis thats a UTI', 'yeah that's shingles': a condition the table knows, named to the reader opening the clause
    r"|you got|(?:(?:that|this|it)(?:'s|’s|s| is)|(?:that|this|it) (?:looks|sounds|seems) like)"
    r"(?: (?:definitely|def|probably|prob|almost certainly|most likely|classic|textbook|just|only))?)"
    rf"\s+(?:(?:definitely|probably|likely|early|mild|moderate|severe|borderline)\s+)?(?:{_CONDITION}"
    # ... or a condition by its ending: 'this looks like contact dermatitis', "it's just costochondritis"
    r"|(?:[a-z-]+ )?[a-z]{3,}(?:itis|osis|iasis))\b)"
)


# The reader's own result read to them: 'your ultrasound shows you have fatty liver', 'A TSH of 8.9 with a normal free
# T4 means you have subclinical hypothyroidism'. A threshold said to anyone ('an A1c of 6.5 or higher means you have
# diabetes', 'a fasting sugar over 126 means ...') is education: the result must be the reader's ('your', 'ur') or a
# value with no 'over', 'above', 'or higher' around it.
RESULT_TOLD = re.compile(
    # (a decimal point inside the result is no full stop: 'A TSH of 8.9 ...')
    r"(?i:(?P<evidence>(?:[^.;!?]|(?<=\d)\.(?=\d)){0,120}?)"
    r"\b(?:means?|shows?|showed|suggests?|confirms?|confirmed|indicates?|points? to"
    r"|tells? (?:me|us))(?: that)?\s+(?:you(?:'ve| have)?(?: got)?|(?:your|ur) (?:son|daughter|baby|kid|child|husband"
    r"|wife|mom|dad|mother|father) (?:has|has got))\s+(?:an? )?"
    r"(?:(?:subclinical|chronic|acute|early|mild|moderate|severe|borderline|latent|stage \w+|grade \w+)\s+)*"
    rf"(?:{_CONDITION}|(?:[a-z-]+ ){{0,2}}[a-z]+(?:itis|osis|emia|pathy|ism)|(?:[a-z-]+ ){{0,2}}(?:syndrome|disease"
    r"|disorder|infection|deficiency|fracture))\b)"
)
_THRESHOLD = Lowered(
    r"(?i:\b(?:over|above|below|under|higher|lower|more than|less than|at least|or more|greater|exceeds?|any|if|when"
    r"|whenever)\b|[<>≥≤])"
)
_OWN_RESULT = Lowered(r"(?i:\b(?:your|ur)\b|\d)")


def result_told(text: str, start: int, end: int) -> bool:
    """The reader's own result, and what it means they have (`RESULT_TOLD`)."""
    match = RESULT_TOLD.match(text, start, end)
    if match is None:
        return False
    evidence = match.group("evidence")
    return _OWN_RESULT.search(evidence) is not None and _THRESHOLD.search(evidence) is None
