"""The practice's own phone and address, offered to readers, when the allow-list does not know them yet.

A number readers are told to call ('Questions? Call (503) 555-0166', 'to book, text us at ...') or an address the
practice says is its own ('Our Maple Street clinic is moving to 400 Harbor Blvd, Suite 210') reaches the office, not
a patient: a patient's number is written beside the patient ('call her at ...', 'pt's cell'). A sentence with any
word for a person keeps its finding, so only the practice's own invitation goes.
"""

from __future__ import annotations

import re

from bot.screening.context import PERSON_CUE, sentence_at
from bot.screening.findings import Finding
from bot.screening.lowered import Lowered
from bot.screening.memo import memo

# 'Call' in the other languages read, to an office ('Rele 305-555-0127 pou pran randevou', 'llame al').
_CALL_ABROAD = r"rele|llame al|llámenos al|ligue para|appelez(?: le)?|gọi|tawagan ang|wac|اتصلوا على|اتصل على"
# Readers told to call, text or find the office: the number or address follows within a few words.
_OFFERED_BEFORE = Lowered(
    # (a bare 'call' only after what readers call about: 'call (617) 555-0123 tonight' may be a patient's number)
    r"(?i:(?:(?:(?:\b(?:questions|info|information|details|appointments?)\s*[?:,]?"
    r"|\bto (?:book|schedule|register|sign up|make an appointment|learn more|enroll|rsvp),?"
    r"|\bfor (?:appointments|questions|more info\w*|details)(?: (?:at|with|in) [^,.;:!?]{1,50}?)?,?"
    # ... and in the other languages read ('للمواعيد اتصلوا على', 'para citas llame al')
    r"|(?:للمواعيد|para (?:citas|hacer una cita|agendar)|pour (?:les |un |prendre )?rendez-vous|để đặt lịch(?: hẹn)?)"
    rf"[,:]?)\s*(?:please )?(?:call|text|dial|phone|ring|contact|{_CALL_ABROAD})"
    r"|\b(?:call|text|dial|phone|ring|fax|reach|contact)"
    r"(?: us| our (?:office|team|clinic|front desk|nurse line|scheduling|main line|hotline))"
    # ... or one of the hospital's services by name: 'call Patient Relations at', 'reach the Women's Center on'
    r"|\b(?:call|text|phone|fax|faxed to|sent to|send (?:it |them )?to|reach|contact)\s+(?:the\s+|our\s+)?"
    r"(?:[\w'’&-]+\s+){0,4}?(?:office|line|team|desk"
    r"|center|centre|clinic|department|dept|relations|services|hotline|pharmacy|scheduling|registration|billing|unit"
    r"|program|advocates?|advocacy|navigators?|concierge)"
    r"|\bgive us a (?:call|ring)|\b(?:dm|message) us(?: or call)?)"
    r"(?: (?:24/7|24 hours a day|day or night|around the clock|any ?time))?(?: (?:at|on|anytime at|today at))?"
    r"|\b(?:our|the office|the clinic)(?: main| new| office| front desk| scheduling| appointment)?"
    r" (?:number|line|phone|hotline) is"
    # ... or a service's own line changed or given: 'the inpatient pharmacy fax has changed to', 'our lab's line is now'
    r"|\b(?:our|the) (?:(?!(?:pt|pts|patient|patients|caller|family|client)\b)[\w-]+ ){1,3}?(?:fax|phone|line"
    r"|number|hotline)(?: number)?(?: for [\w -]{1,30}?)? (?:has changed to|changed to|is now|will be|is)"
    r"|\bvisit us at|\bfind us at|\bwe(?:'re| are) (?:located |now |right )?(?:at|on)"
    # ... or one of its lines by name, right before the number: 'tell ppl about our nurse advice line (608) 555-0100'
    r"|\bour (?:[\w'-]+ ){0,3}?(?:line|hotline|helpline)"
    # ... or a notice's own line or place, by its sign or heading ('☎️ (559) 555-0148', '📍 88 Ridge Rd', 'RSVP:')
    r"|(?:☎️?|📞|📍)|\b(?:register|registration|rsvp|reservations|appointments|bookings?|info|inquiries|enquiries"
    r"|enrollment|enrolment|scheduling|intake|referrals)\s*:|\b(?:questions|more info|info|details)\s*\?"
    r"|\b(?:our|the) (?:[\w'-]+ ){0,2}?(?:clinic|office|practice|hospital|center|centre|location|campus|pharmacy|lab"
    r"|urgent care|walk-in clinic)"
    r" (?:is moving to|is now at|has moved to|moves to|is located at|is at|will be at|opens(?: on)?(?: \w+)? at)"
    r"|\bnew (?:address|location)\s*(?:is|:))[\s:,]*$)"
)
# ... or told what to call the number for, after it: 'Call 555-330-1200 to book.'
_CALL_BEFORE = Lowered(rf"(?i:\b(?:call|text|dial|phone|{_CALL_ABROAD})\s*(?:us\s*)?(?:at\s*|on\s*)?$)")
_OFFERED_AFTER = Lowered(
    r"(?i:\W{0,3}\s*(?:to (?:book|schedule|make an appointment|register|sign up|learn more|rsvp|enroll|get started)"
    r"|for (?:appointments|more info\w*|details|questions|scheduling)"
    r"|pou pran randevou|para (?:hacer |pedir |agendar )?(?:una )?cita|para agendar"
    r"|pour (?:prendre )?(?:un )?rendez-vous|để đặt lịch|để đăng ký|para marcar(?: uma)? consulta|upang magpa-?schedule"
    r"|or (?:book|schedule|register|sign up|enroll) (?:online|on our|at|through)|or visit)\b)"
)
# The practice speaking of itself; the reader's own number asked for or promised ('call you back at').
_OURS = Lowered(r"(?i:\b(?:us|our|ours|we|we're|we'll|we've|nuestro|nuestra|nos|llámenos|llamenos)\b)")
_YOURS_BEFORE = Lowered(
    r"(?i:\b(?:call|text|reach|ring|contact|phone|llamar|llamarle|llamarte) (?:you|u|le|te)\b"
    # ... or a number the practice itself is to call: 'the family asked that we call 715-555-3342'
    r"|\b(?:we|i)(?:'ll| will| can| should| must| need to| have to)? (?:call|text|ring|phone|reach)\b"
    r"|\b(?:your|ur|su|tu) (?:number|cell|phone|mobile|line|número|celular|teléfono)\b)"
)
# A service named for the people it serves ('Patient Relations', 'our patient advocates'): no one person.
_SERVICE_AFTER = re.compile(
    r"(?i:\s+(?:advocates?|advocacy|relations|services|portal|experience|accounts?|access|financial|navigators?|line"
    r"|liaisons?|representatives?|and family))"
)


def _person_in(text: str, lo: int, hi: int) -> bool:
    """A word for a person between lo and hi, other than in the name of a service."""
    return any(not _SERVICE_AFTER.match(text, m.end()) for m in PERSON_CUE.finditer(text, lo, hi))


# Between an offered address and its tail: nothing, a comma, or the town and state before a ZIP ('..., Columbus OH ').
_TAIL_GAP = re.compile(r",?\s*(?:[A-Z][\w.'’-]*,?\s+){0,3}(?:[A-Z]{2}\.?,?\s+)?")
_LETTERS = re.compile(r"[^\W\d_]{2,}")
_STREET_LEAD = re.compile(r"\d+[\w .#'-]{0,40},\s*$")
_OWN_KINDS = frozenset({"phone", "fax", "address", "geography"})


def without_practice_contacts(text: str, spans: list[tuple[int, int]], found: list[Finding]) -> list[Finding]:
    """The findings less a phone or address the text offers as the practice's own, in a sentence about no one.
    A number the text gives as the practice's own ('Our door is always open: 555-231-0909') is offered too: a reply
    or a post speaks for the practice, and a patient's number is written beside the patient."""
    if not any(f.kind in _OWN_KINDS for f in found):
        return found

    def offered(f: Finding) -> bool:
        sentence = sentence_at(spans, f.start)
        if (
            f.kind in ("phone", "fax")
            and _OURS.search(text, *sentence)
            and not _YOURS_BEFORE.search(text, max(sentence[0], f.start - 40), f.start)
            and not _person_in(text, *sentence)
        ):
            return True
        at = f.start
        if f.kind != "phone":
            # (the street the place reader did not take: 'moves to 1820 Lakeview Pkwy, Suite 4B')
            lead = _STREET_LEAD.search(text, max(0, at - 50), at)
            at = lead.start() if lead else at
        offer = _OFFERED_BEFORE.search(text, max(0, at - 80), at)
        if offer is None:
            offer = _CALL_BEFORE.search(text, max(0, f.start - 12), f.start)
            if offer is None or not _OFFERED_AFTER.match(text, f.end):
                return False
        # (a person anywhere else in the sentence makes the number theirs; 'Patient Relations' is the offer's own words)
        return not _person_in(text, sentence[0], offer.start()) and not _person_in(text, f.end, sentence[1])

    # Each sentence's own-kind spans, gathered once (a text of many numbers would be quadratic asked per finding).
    in_sentence: dict[tuple[int, int], list[Finding]] = {}
    for other in found:
        if other.kind in _OWN_KINDS:
            in_sentence.setdefault(sentence_at(spans, other.start), []).append(other)
    speaks_as_us = memo(lambda: _OURS.search(text) is not None and not _person_in(text, 0, len(text)))

    @memo
    def contact_line(sentence: tuple[int, int]) -> bool:
        """A line of nothing but the practice's address and phone, in a text that speaks as the practice and of no
        one ('Our Urgent Care is open 8am-10pm every day. 222 5th Ave, (555) 017-4400.')."""
        lo, hi = sentence
        if hi - lo > 200 or not speaks_as_us():
            return False
        rest = list(text[lo:hi])
        for other in in_sentence.get(sentence, ()):
            rest[max(0, other.start - lo) : other.end - lo] = " " * (min(hi, other.end) - max(lo, other.start))
        return len(_LETTERS.findall("".join(rest))) <= 2

    own = [f for f in found if f.kind in _OWN_KINDS and (offered(f) or contact_line(sentence_at(spans, f.start)))]
    # ... and the address's own tail, which the place reader may find apart: ', Suite 210', ', Portland'
    tails = {id(f) for f in found if f.kind in _OWN_KINDS
             and any(o.start <= f.start <= o.end + 40 and _TAIL_GAP.fullmatch(text, o.end, f.start) for o in own)}
    return [f for f in found if f not in own and id(f) not in tails]
