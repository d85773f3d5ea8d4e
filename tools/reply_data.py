"""The reply / customer-service register: staff's public replies to patients' messages and reviews.

Clean replies thank, greet, apologise, sympathise and send the writer to the office phone, hours or
a private channel; none of that is individual advice, however much it says "you". Advice replies
mix the same openers with a treatment, drug or dose aimed at the writer. Two writers, as in
screen_data.family(): "train" phrasings for training, "heldout" phrasings (written separately, with
different words and frames) for tools/screen_heldout.py.

Clean texts come out fully rendered. Advice texts keep screen_data's medical slots ({drug}, {n},
{dx}, …) for screen_data.render_sentence to fill.
"""

from __future__ import annotations

import random

# --- training writer ----------------------------------------------------------------------------
_THANKED_FOR = [
    "reaching out",
    "your message",
    "your note",
    "the kind words",
    "your kind words",
    "your feedback",
    "sharing this",
    "letting us know",
    "taking the time to write",
    "your patience",
    "the review",
    "the lovely review",
    "getting in touch",
    "contacting us",
    "asking",
    "your question",
    "the shout-out",
    "bringing this to our attention",
    "your comment",
    "writing to us",
    "the five stars",
    "your honest feedback",
    "following up",
    "the update",
    "your post",
    "the thoughtful message",
    "being so patient with us",
]
_THANKS = [
    "thank you for {w}",
    "thanks for {w}",
    "thanks so much for {w}",
    "thank you so much for {w}",
    "many thanks for {w}",
    "we appreciate {w}",
    "we really appreciate {w}",
    "thank you",
    "thanks",
    "thanks again for {w}",
    "we're grateful for {w}",
    "thx for {w}",
    "ty for {w}",
    "thank you very much for {w}",
    "thanks a lot for {w}",
]
_GREETINGS = [
    "hi",
    "hi there",
    "hello",
    "hello there",
    "hey there",
    "good morning",
    "good afternoon",
    "greetings",
    "hi friend",
    "hello neighbor",
    "hi everyone",
    "hello and thank you",
]
_SORRY = [
    "we're sorry to hear about your experience",
    "we're so sorry to hear this",
    "we apologize for the trouble",
    "we're sorry you had a frustrating time reaching us",
    "we apologize for any inconvenience",
    "we're sorry for the long wait on the phone",
    "we're sorry this happened",
    "we sincerely apologize",
    "sorry for the delay in getting back to you",
    "we're sorry you feel that way",
    "we're sorry you're going through this",
    "we're sorry you're not feeling well",
    "sorry to hear that",
    "we're very sorry for the confusion",
    "so sorry to hear about this",
    "we regret that your experience fell short",
    "we're sorry we let you down",
    "we apologize that it took so long to reach someone",
    "we're sorry about the billing mix-up",
    "we're sorry the wait was longer than expected",
]
_EMPATHY = [
    "we understand how frustrating this must be",
    "we know how stressful this can be",
    "that sounds really hard",
    "we hear you",
    "we completely understand your concern",
    "we hope you feel better soon",
    "wishing you a speedy recovery",
    "we're glad you reached out",
    "we want you to feel heard",
    "we're thinking of you",
    "we know waiting is hard",
    "your concerns matter to us",
    "we're so happy to hear that",
    "this made our day",
    "we love hearing this",
    "we're thrilled you had a good experience",
    "it means a lot to our team",
    "we take every concern seriously",
    "your feedback helps us improve",
    "you deserve a smooth experience",
    "we want to get this right for you",
    "we know how much this matters to you",
    "you're not alone in feeling that way",
    "we value your trust",
    "hope you have a wonderful week",
]
_ACTIONS = [
    "please call our office at {phone}",
    "please give us a call at {phone}",
    "please call us at {phone}",
    "call us at {phone} and ask for {role}",
    "give our front desk a call at {phone}",
    "please reach out to our office directly",
    "please contact our office so we can help",
    "please send us a private message",
    "please send us a direct message with the best number to reach you",
    "you can reach us at {phone}",
    "you can reach our team {hours}",
    "our office hours are {hours}",
    "we're open {hours}",
    "the office is open {hours}",
    "our front desk can help you {task}",
    "our front desk will be glad to help",
    "our team will be happy to help you",
    "someone from our team will get back to you soon",
    "a member of our team will contact you",
    "we'd love to hear more",
    "we'd love to hear more about what happened",
    "we'd like to learn more",
    "we'd love the chance to make this right",
    "we'd welcome the chance to talk with you",
    "please ask for {role} so we can talk it through",
    "for your privacy we can't discuss {topic} here",
    "to protect your privacy we can't discuss {topic} on social media",
    "privacy rules keep us from discussing {topic} here",
    "we're not able to give medical advice over social media",
    "we can't answer medical questions in the comments",
    "we can't give medical advice here, but our team can help by phone",
    "we'll pass your kind words along to the team",
    "we've shared your note with {role}",
    "we'll share this with our staff",
    "we'll look into this right away",
    "you can also book online at {site}",
    "you can request an appointment through {site}",
    "we're always welcoming new patients",
    "we can't schedule through social media",
    "if this is an emergency, call 911",
    "if this is urgent, please call 911 or go to the nearest emergency room",
    "for anything urgent, call 911",
    "if you are having thoughts of harming yourself, call or text 988",
    "we're here to help",
    "we look forward to hearing from you",
    "we'll be in touch soon",
    "have a great day",
    "take care",
    "best wishes",
    "stay well",
    "warm regards, the {practice} team",
    "all the best",
    "thanks again",
    "we appreciate your patience while we sort this out",
    "please bear with us",
    "afternoons are usually the best time to call",
    "you can leave a voicemail after hours and we'll call you back",
    "you can call us any time during office hours",
    "please let us know how we can help",
    "we'd be happy to answer your questions by phone",
    "please call so we can help you properly",
    "feel free to call {role} at {phone}",
    "you can also email us through {site}",
]
_ROLES = [
    "the practice manager",
    "our office manager",
    "our patient advocate",
    "the front desk",
    "our billing team",
    "the nurse line",
    "our care coordinator",
    "our scheduling team",
    "our clinic director",
    "our team",
]
_TOPICS = [
    "any details",
    "health information",
    "anyone's care",
    "specifics",
    "personal details",
    "medical details",
    "individual cases",
    "the details",
]
_TASKS = [
    "find a time",
    "with scheduling",
    "with billing questions",
    "with records requests",
    "with insurance questions",
    "set up a visit",
    "with directions and parking",
]
_HOURS = [
    "Monday to Friday, 8 to 5",
    "weekdays from 8am to 5pm",
    "Mon-Fri 8:00-4:30",
    "8 am to 6 pm on weekdays",
    "Saturday mornings 9 to noon",
    "weekdays 7:30 to 4",
    "Monday through Thursday until 7",
]
_SITES = ["our website", "the online scheduler", "our site", "the contact form on our website"]
_PRACTICES = [
    "Riverside Family Medicine",
    "Northside Pediatrics",
    "Oak Street Clinic",
    "Valley Ortho",
    "Main St Dental",
]
_FRAMES = ["{a}", "{a}", "{a}, {b}", "{a}, {b}", "{a} - {b}", "{a} and {b}", "{a}, {b}, {c}"]

# Reply-register advice: a treatment, drug, dose or diagnosis aimed at the writer.
_ADVICE = [
    "you should stop taking it and rest",
    "you should stop the {drug} and rest",
    "stop taking the {drug} and rest for a few days",
    "try {drug} {n} mg for the pain",
    "try {n} mg of {drug} for the pain",
    "try some {drug} for the {body} pain",
    "take {n} {drug} every {h} hours until the pain settles",
    "you can take {drug} for that, {n} mg {freq}",
    "just ice it and take {drug}",
    "rest, ice and {drug} {freq}",
    "it sounds like {dx}, rest and drink plenty of fluids",
    "that sounds like {dx}, you don't need to come in",
    "you don't need to be seen, it's just {dx}",
    "keep using the {drug} {freq}",
    "hold off on your {drug} until it clears up",
    "you should be fine to skip your {drug} this week",
    "don't take any more {drug} tonight",
    "put some {drug} on it and keep it covered",
    "you should keep your {body} elevated and take {drug}",
    "you'll want to stop the {drug} and drink lots of water",
    "you should go back on the {drug}",
    "stop taking it for now and rest",
    "you should rest and stop taking it",
    "you need to stop taking that and rest",
    "please stop the {drug} and rest until it passes",
    "you can double the {drug} until you feel better",
    "you should cut back to half a pill",
    "rest and stay off it for a week",
    # A diagnosis given to the writer is advice too.
    "that {thing} on your {body} sounds like {dx}",
    "what you're describing is {dx}",
    "the {thing} you describe is {dx}",
    "your {body} pain is probably {dx}",
    "it's most likely {dx}, nothing to worry about",
    "from your photo that's {dx}",
    "you've got {dx}, it will pass on its own",
]

# A reply that recognises someone particular is an identifying story, thanks or not.
_STORY = [
    "so glad our {occ} is back on the field after the {event}",
    "our team loved having the {occ} from {place} in after the {event}",
    "great to see our town's {occ} up and about after the {event}",
    "thank you, and congrats to our own {occ} on a speedy recovery after the {event}",
    "we were honored to care for the {occ} who was hurt in the {event}",
    "thanks to the {occ} at the {place} {store} for the kind words about his knee surgery with us",
    "our hospital's own {occ} had surgery with us and says thanks",
]


def _phone(rng: random.Random) -> str:
    area, line = rng.randint(200, 989), rng.randint(100, 199)
    return rng.choice([f"({area}) 555-0{line}", f"{area}-555-0{line}", f"{area}.555.0{line}", f"555-0{line}"])


def _fill(text: str, rng: random.Random, phones: list[str] | None, practice: str | None) -> str:
    return text.format(
        w=rng.choice(_THANKED_FOR),
        phone=rng.choice(phones) if phones else _phone(rng),
        role=rng.choice(_ROLES),
        topic=rng.choice(_TOPICS),
        task=rng.choice(_TASKS),
        hours=rng.choice(_HOURS),
        site=rng.choice(_SITES),
        practice=practice or rng.choice(_PRACTICES),
    )


def reply_part(rng: random.Random) -> str:
    """One clean reply-register phrase: thanks, a greeting, an apology, empathy or where to call."""
    group = rng.choices([_THANKS, _GREETINGS, _SORRY, _EMPATHY, _ACTIONS], weights=[3, 1, 2, 2, 5])[0]
    return _fill(rng.choice(group), rng, None, None)


def clean_reply(rng: random.Random) -> str:
    """One clean reply-register clause or comma-joined pair (training writer)."""
    return rng.choice(_FRAMES).format(a=reply_part(rng), b=reply_part(rng), c=reply_part(rng))


def advice_reply_template(rng: random.Random) -> str:
    """A reply-register advice template (training writer); medical slots left for render_sentence."""
    advice = rng.choice(_ADVICE)
    roll = rng.random()
    if roll < 0.55:
        opener = _fill(rng.choice(_THANKS + _SORRY + _GREETINGS + _EMPATHY[:8]), rng, None, None)
        return f"{opener}, {advice}"
    if roll < 0.7:
        return f"{advice}, {_fill(rng.choice(_EMPATHY + _ACTIONS[-12:]), rng, None, None)}"
    return advice


def story_reply_template(rng: random.Random) -> str:
    """A reply-register identifying story (training writer); slots left for render_sentence."""
    story = rng.choice(_STORY)
    if rng.random() < 0.4:
        return f"{_fill(rng.choice(_THANKS + _GREETINGS), rng, None, None)}, {story}"
    return story


# --- held-out writer: different words and frames, whole multi-sentence replies -------------------
HELDOUT_CLEAN = [
    "Hello and welcome",
    "Hi all",
    "Much appreciated",
    "Really appreciate the note",
    "We so appreciate you writing in",
    "What a lovely message to read",
    "Thank you kindly",
    "Cheers for the feedback",
    "Hi, and thanks for the comment",
    "Our apologies for the long hold times lately",
    "We're truly sorry things didn't go the way you hoped",
    "We feel terrible that you waited so long",
    "This isn't the experience we want anyone to have",
    "We regret the mix-up and want to fix it",
    "Sorry about the billing confusion",
    "We hear you and want to make it right",
    "Feeling unwell is no fun at all",
    "We can only imagine how worrying that is",
    "Messages like yours mean a lot to all of us",
    "Your kind note made our whole team smile",
    "We're rooting for you",
    "Sending warm wishes from all of us at {practice}",
    "The best way to reach us is by phone during business hours",
    "Our scheduling line is open weekdays from 8 to 4:30",
    "Feel free to message us privately with a good callback number",
    "Because of privacy laws we aren't able to talk about anyone's health here",
    "We can't offer medical guidance through comments, but our nurses are happy to talk by phone",
    "A member of our team will reach out within one business day",
    "Ring us at {phone} and someone will sort it out",
    "Our office manager would love to speak with you at {phone}",
    "Bookings are made by phone or through the website",
    "Please don't hesitate to contact us if there's anything else",
    "Reach our nurse line at {phone} with any questions",
    "For emergencies, dial 911 right away",
    "We read every review and pass them along to the right people",
    "We've forwarded this to our leadership team",
    "All the best",
    "Kind regards",
    "Be well",
    "Warmly, the team",
    "Thanks again and have a good weekend",
    "Talk soon",
    "We'd really like the chance to hear your side",
    "Your words will be shared at our next staff meeting",
    "It's wonderful to hear from you",
    "We totally get how confusing insurance can be",
    "Online booking is available around the clock on our website",
    "Our lines get busy first thing in the morning, so later in the day is easier",
    "We treat every piece of feedback as a chance to do better",
    "Anything health-related is best discussed privately with our staff",
]
HELDOUT_ADVICE = [
    "I'd take {n} mg of {drug} and keep your {body} up",
    "you can just stop the {drug}, it's probably what's causing this",
    "honestly that sounds like {dx}, grab some {drug} at the pharmacy",
    "double the {drug} tonight and rest up",
    "go ahead and skip your {drug} until it clears up",
    "rest, fluids and {n} {drug} every {h} hours should do it",
    "you should quit taking it and lie down for a while",
    "that's just {dx}, keep putting {drug} on it",
    "stay off that {body} for a week and take {drug} {freq}",
    "don't bother with {test}, it's only {dx}",
    "sorry you're hurting, a couple of {drug} {freq} will help",
    "thanks for writing, we'd suggest you stop the {drug} for now",
]
HELDOUT_ADVICE_LEADS = [
    "So sorry you're dealing with this",
    "Thanks for the message",
    "Oh no",
    "Hi there",
    "We appreciate you writing in",
]


def heldout_clean(rng: random.Random, phones: list[str], practice: str) -> str:
    """One held-out clean reply sentence, with the public phones and practice of the eval context."""
    return _fill(rng.choice(HELDOUT_CLEAN), rng, phones, practice)
