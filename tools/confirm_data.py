"""Training text for the reply screen's confirmation model (bot/screening/model/confirm.crfsuite).

A public reply must not show that the practice knows someone's care: 'glad your scan came back
clear', 'our nurses loved having you in the NICU', 'thanks for trusting us with your knee
replacement'. The rules in bot/screening/replies.py catch the fixed shapes; this grammar gives a
sentence model the open-ended ones, built from parts (who, which care, where, how it went, the
staff, an opener) so that what it learns is the shape, not a phrase. The negatives are the same
reply register with no one's care in it: thanks, apologies, where to call, care offered to anyone
('to book a mammogram, call us'), sympathy that knows nothing ('hope you feel better soon').
"""

from __future__ import annotations

import random

import reply_data

_CARE = [
    "surgery", "knee replacement", "hip replacement", "c-section", "delivery", "colonoscopy", "MRI", "CT scan",
    "biopsy", "chemo", "radiation", "infusion", "physical therapy", "rehab", "stress test", "sleep study",
    "annual physical", "well visit", "check-up", "follow-up", "appointment", "visit", "stay", "admission",
    "procedure", "ACL repair", "stitches", "cast", "transplant", "dialysis", "treatment", "mammogram", "ultrasound",
    "echo", "allergy shots", "IVF cycle", "cataract surgery", "bloodwork", "labs", "results", "x-rays",
    "prenatal visits", "therapy sessions", "chemo sessions", "shoulder surgery", "heart cath", "ablation",
    "gallbladder surgery", "hernia repair", "back surgery", "ear tubes", "tonsillectomy", "skin check",
]
_WHOSE = [
    "your", "your", "your", "your", "your son's", "your mom's", "your daughter's", "your husband's", "your wife's",
    "your baby's", "your dad's", "your grandma's", "your little one's", "the twins'", "{first}'s",
]
_WHOM = [
    "you", "you", "you", "your son", "your mom", "your daughter", "your husband", "your little one", "baby {first}",
    "{first}", "you and your twins", "you and your family", "your dad", "your sweet grandpa",
]
_PLACES = [
    "the NICU", "the ICU", "our cardiac floor", "the maternity ward", "our clinic", "the infusion center",
    "our rehab unit", "the ER", "labor and delivery", "our office", "the recovery room", "4 West", "our sleep lab",
    "the cancer center", "your visits", "your appointments", "your stay", "those six weeks", "your recovery",
]
_STAFF = [
    "our nurses", "Dr. {last}", "the whole team", "our front desk", "our surgeons", "the therapists", "our staff",
    "everyone on the unit", "our team", "Dr. {last} and the team", "we", "we all", "the night shift",
]
_WENT = [
    "went so well", "is going smoothly", "came back clear", "came back normal", "went great", "is healing nicely",
    "is coming along", "turned out fine", "looked great", "was a success", "is paying off", "is working",
    "went better than expected", "is almost done", "is finally behind you",
]
_OPENERS = [
    "", "", "", "thanks for the review! ", "so glad ", "we're so glad ", "we're thrilled ", "congrats! ",
    "thank you! ", "aw, ", "we're so happy ", "what wonderful news - ", "thanks for the update! ", "oh yay, ",
    "we love this! ", "hi {first}! ", "thank you, {first}! ", "so happy to hear ",
]
_CONFIRMS = [
    "{whose} {care} {went}",
    "{staff} loved having {whom} in {place}",
    "{staff} loved meeting {whom} at {whose} {care}",
    "it was a pleasure caring for {whom} during {whose} {care}",
    "it was such a joy to have {whom} on {place}",
    "congrats on finishing {whose} {care} with us",
    "congratulations on ringing the bell after {whose} last {care}",
    "thank you for trusting us with {whose} {care}",
    "thanks for choosing us for {whose} {care}",
    "we know the wait for {whose} {care} results was stressful",
    "we know the prep for {whose} {care} was rough",
    "{staff} still talk about {whom} from {place}",
    "{staff} miss seeing {whom} every week",
    "so glad the medicine {staff} started is agreeing with you",
    "glad the exercises we gave you are helping",
    "we hope {whose} incision is healing well after the {care}",
    "it was an honor to be part of {whose} recovery",
    "thanks for letting us be part of {whose} journey",
    "since you started with us your numbers have come down so much",
    "we can't wait to see {whom} at {whose} next {care}",
    "sorry {whose} {care} ran late yesterday",
    "sorry the billing for {whose} {care} was confusing",
    "we're cheering {whom} on through the rest of {whose} {care}",
    "hope {whom} is settling in well after the stay on {place}",
    "great catching up with {whom} at {whose} {care}",
    "glad the {care} gave you some answers",
    "Dr. {last} was so happy to hear {whose} {care} {went}",
    "welcome to the world, baby {first}, it was a joy to be there",
]
# Care offered to anyone, sympathy that knows nothing, where to go: the same words, no one's care.
_CLEAN = [
    "{care} is available at all of our locations",
    "to schedule a {care}, call our office",
    "to book your {care}, use the online scheduler",
    "we offer {care} on weekdays and some Saturdays",
    "our {care} team is hiring nurses",
    "for questions about a {care}, see the FAQ on our website",
    "if your symptoms get worse, please call our nurse line",
    "we can't discuss anyone's care here, please call us",
    "a {care} can feel scary, and our blog has some tips",
    "many people feel nervous before a {care}, and that's normal",
    "congratulations to all the new moms out there",
    "we're so proud of our {place} team",
    "thanks for sharing your story with our community",
    "we hope you feel better soon",
    "sorry to hear you're not feeling well",
    "we're sorry about the trouble with our phone line",
    "your feedback helps us improve",
    "everyone deserves great care, and we're working on shorter waits",
    "{staff} love hearing from our community",
    "we'd be glad to answer questions about {care} by phone",
    "most people go home the same day after a {care}",
    "happy nurses week to {staff}",
    "if you'd like to talk about your visit, please message us privately",
    "please call us so we can look into your concern",
    "thank you for being part of our community",
    "our {place} just got a new waiting room",
    "results from a {care} usually take a few days",
]


def _fill(template: str, rng: random.Random, first: str, last: str) -> str:
    text = template.format(
        whose=rng.choice(_WHOSE), whom=rng.choice(_WHOM), care=rng.choice(_CARE), place=rng.choice(_PLACES),
        staff=rng.choice(_STAFF), went=rng.choice(_WENT), first="{first}", last="{last}",
    )
    return text.format(first=first, last=last)


def confirm_examples(rng: random.Random, count: int, names: tuple[list[str], list[str]]) -> list[tuple[str, str]]:
    """(sentence, CONFIRM or O) pairs in the reply register; a third confirmations."""
    first_names, last_names = names
    out = []
    for _ in range(count):
        first, last = rng.choice(first_names), rng.choice(last_names)
        if rng.random() < 0.35:
            text = _fill(rng.choice(_OPENERS), rng, first, last) + _fill(rng.choice(_CONFIRMS), rng, first, last)
            label = "CONFIRM"
        elif rng.random() < 0.5:
            text = _fill(rng.choice(_OPENERS[:6] + _CLEAN[:3]), rng, first, last) + _fill(
                rng.choice(_CLEAN), rng, first, last
            )
            label = "O"
        else:
            text, label = reply_data.clean_reply(rng), "O"
        if rng.random() < 0.25:  # a clean reply phrase around either kind
            part = reply_data.reply_part(rng)
            text = f"{part}, {text}" if rng.random() < 0.5 else f"{text}. {part}"
        text = text[0].upper() + text[1:] if rng.random() < 0.7 else text.lower()
        out.append((text, label))
    return out
