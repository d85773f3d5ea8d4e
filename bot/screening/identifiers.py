"""Formal identifiers: labelled numbers (MRN, member id, licence...), SSN, VIN, IP, email, URL."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator

from bot.screening.context import person_cue_by_sentence, sentence_at
from bot.screening.findings import Finding
from bot.screening.gates import COUNTRY_DOMAINS
from bot.screening.lowered import Headed

# A value that follows a label: letters/digits with inner dashes, dots, slashes or spaced groups.
_VALUE = (
    r"(?=[#A-Za-z./-]*\d|[A-Z]{2,4} \d)"
    r"(?P<val>#?[A-Za-z0-9](?:[A-Za-z0-9]|[-./](?=[A-Za-z0-9])|\s(?=[A-Z0-9]*\d[A-Z0-9]*\b)){1,30})"
)
# Between label and value: punctuation, 'is/was/of/ending in', a spoken hesitation ('is, uh,'), a label
# asked back and answered ('my MRN? it's ...'), or a few filler words.
_GAP = (
    r"(?:\s*(?:[:#=,?]|\(|\bending (?:in|with)|\bends in|\bis|\bwas|\bwere|\bare|\bof|\breads?|\b(?:uh|um|er|erm)\b"
    r"|\bit(?:'|’)?s\b|\bit is\b|\bthat(?:'|’)?s\b"
    # the same in the other languages: 'o prontuário do paciente é o número ...', 'die Fallnummer ist ...'
    r"|(?<!\w)(?:é|è|es|est|ist|era|fue|foi|war|sono|son|sind)(?!\w)"
    r"|\b(?:o|il|el|le|la|der|die|das|lo)\s+(?:n[úu]mero|num[ée]ro|nummer)\b)){0,6}"
)
_FILLER = r"(?:\s+(?!\d)[a-zà-ÿ'][A-Za-zÀ-ÿ']{0,11}|\s+(?:der|des|dem|Patientin|Patienten|Patient)){0,4}?"
_NUM = r"(?:\s*(?:number|numbers|num|no\.?|nr\.?|n[º°]\.?|#|ID|identifier|code))?"

_LABELS: dict[str, str] = {
    "ssn": r"SSN|SS#|s\.? s\.? n\.?|social security"
    + _NUM
    + r"|(?:her|his|their|my|your) social(?=\s+(?:is|was|ending|number))"
    r"|last (?:four|4)(?: digits)? of (?:her|his|their|my|your|the) (?:SSN|social(?: security)?)"
    # 'social is 412 66 9038', dictated: the word alone, when an SSN-shaped number follows it
    r"|\bsocial(?=\s+(?:(?:is|was|number|no\.?|#)\s*)?\d{3}[\s-]?\d{2}[\s-]?\d{4}\b)",
    "mrn": r"MRN|MR\s?#|MR number|medical record" + _NUM + r"|med(?:ical)? rec(?:ord)? #"
    r"|chart (?:number|no\.?|#|ID)|record (?:number|no\.?|#)|patient (?:ID|number|#|identifier)"
    r"|hospital (?:number|no\.?|ID|#)|case (?:number|no\.?|#)|admission (?:number|no\.?|#)|encounter (?:number"
    r"|ID|#)|EHR (?:ID|number)|Epic (?:ID|number)"
    r"|unit number|FIN(?= ?#)"
    # the record's number as the other languages label it ('Fallnummer', 'prontuário', 'historia clínica', 'NHC')
    r"|(?:Fallnummer|Fall-Nr\.?|Patientennummer|Patienten-?ID|Aktennummer|n(?:úmero|º|o\.?)? de historia(?: clínica)?"
    r"|historia clínica|NHC|expediente|n(?:úmero|º|o\.?)? do prontuário|prontuário|cartella(?: clinica)?"
    r"|n(?:umero|\.)? (?:di )?cartella|num[ée]ro de dossier|n° de dossier|dossier(?: médical)?|IPP)" + _NUM,
    "health_plan": r"member (?:ID|number|no\.?|#)|subscriber (?:ID|number|#)|policy (?:number|no\.?|#|ID)"
    r"|group (?:number|no\.?|#)|insurance (?:ID|number|#|card number|card)"
    r"|Medicare (?:number|ID|#|card number|beneficiary identifier|card)|MBI|HICN"
    r"|Medicaid (?:ID|number|#|card)|beneficiary (?:ID|number|#)|plan (?:ID|number)"
    r"|Medi-Cal (?:ID|number)|Tricare (?:ID|number)|BCBS (?:ID|number)",
    # (a bare 'account' only right before a long number: 'account 7703152 got charged twice')
    "account": r"account (?:number|no\.?|#|ID)|account(?= #?\d{5,}\b| #?\d{2,}(?:-\d{2,}){2,3}\b| #?\d{4,}-\d{3,}\b)"
    r"|acct\.?(?: number| no\.?| #)?|bank account"
    r"|billing (?:account|number|ID|#)|invoice (?:number|no\.?|#)|claim (?:number|no\.?|#|ID)"
    r"|credit card(?: number)?|card ending|account ending|routing number|guarantor (?:number|#|ID)"
    r"|statement (?:number|#)|patient account(?: number)?|debit card(?: number)?",
    "license": r"driver'?s licen[cs]e" + _NUM + r"|licen[cs]e (?:number|no\.?|#|ID)|DL ?#|DL number"
    r"|(?:birth|death|marriage) certificate" + _NUM + r"|certificate (?:number|no\.?|#)"
    r"|passport"
    + _NUM
    + r"|permit (?:number|no\.?|#)|state ID"
    + _NUM
    + r"|CDL"
    + _NUM
    + r"|(?:nursing|professional|medical|pilot'?s?|contractor'?s?|fishing|hunting) licen[cs]e"
    + _NUM
    + r"|green card"
    + _NUM
    + r"|alien (?:registration )?number|visa number",
    "vehicle": r"licen[cs]e plate"
    + _NUM
    + r"|plate"
    + _NUM
    + r"|tag number|plates|VIN"
    + _NUM
    + r"|vehicle identification number",
    "device": r"serial (?:number|no\.?|#)|serial:|S/N|(?-i:SN)|UDI|device (?:ID|identifier|number|serial)"
    r"|(?:pacemaker|implant|pump|defibrillator|ICD|CPAP|monitor|hearing aid|stimulator|transmitter|sensor|CGM)"
    r" (?:serial|ID)"
    + _NUM
    + r"|IMEI|MAC address",
    # a research participant's number ('Subject 014', 'participant ID 4471', 'subject LRC-0417')
    "other_id": r"(?:study|trial|research|subject|participant|enrollee|screening) (?:ID|number|no\.?|#)"
    r"|(?:subject|participant|enrollee)(?= #?(?:[A-Z]{1,4}-?)?\d{2,}\b)",
}

_REASONS: dict[str, str] = {
    "ssn": "looks like a Social Security number",
    "mrn": "looks like a medical record number",
    "health_plan": "looks like a health plan or insurance member number",
    "account": "looks like an account or card number",
    "license": "looks like a licence or certificate number",
    "vehicle": "looks like a vehicle plate or VIN",
    "device": "looks like a medical device serial number",
    "other_id": "looks like a research participant's number",
}


_GATE_STOP = frozenset("her his their the of last four digits is was ending in with ends i b s".split())


def _gate_words(label: str) -> frozenset[str]:
    """Words any text matching this label must contain (a cheap pre-check)."""
    return frozenset(w for w in re.findall(r"[a-z]+", label.lower()) if w not in _GATE_STOP)


def _compile_labelled() -> Headed:
    """One pattern for every label, so the text is scanned once; the group name gives the kind. (The labels are
    looked for on the lower-cased text first: `Headed`.)"""
    labels = "|".join(f"(?P<k_{kind}>{label})" for kind, label in _LABELS.items())
    return Headed(
        # (the head may find more than the labels do: 'sn' in any case stands for the capitals '(?-i:SN)')
        rf"\b(?:{'|'.join(_LABELS.values())})".replace("(?-i:SN)", "sn"),
        re.compile(rf"(?i:\b(?:{labels}))(?:(?<=[#:])|(?!\w)){_GAP}{_FILLER}{_GAP}\s*[:#]?\s*{_VALUE}"),
    )


_LABEL_GATE = frozenset().union(*(_gate_words(label) for label in _LABELS.values()))
_LABELLED = _compile_labelled()
_YEAR = re.compile(r"(?:19|20)\d\d(?:s)?")
_UNIT_AFTER = re.compile(r"\s*(?:%|percent|mg|mcg|g\b|kg|lbs?|ml|units?|years?|months?|weeks?|days?|hours?)", re.I)

_SSN_BARE = re.compile(r"\b(?!000|666|9\d\d)\d{3}([- ])(?!00)\d{2}\1(?!0000)\d{4}\b")
_MBI = re.compile(
    r"\b[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?"
    r"[AC-HJKMNP-RT-Y]{2}\d\d\b"
)
_VIN = re.compile(r"\b[A-HJ-NPR-Z0-9]{17}\b")
_CARD = re.compile(r"\b(?:\d[ -]?){12,18}\d\b")
_UDI = re.compile(r"\(01\)\s?\d{14}(?:\s?\(\d\d\)\s?[A-Za-z0-9]{1,20})*")
_IPV4 = re.compile(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.]*\d)")
_IPV6 = re.compile(r"(?<![\w:])(?:[0-9A-Fa-f]{1,4}:){1,7}:?(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4})*)?(?![\w:])")


def _value_ok(kind: str, value: str, text: str, end: int) -> bool:
    digits = sum(c.isdigit() for c in value)
    if kind == "vehicle":
        return len(value.replace(" ", "").replace("-", "")) >= 4 and (digits >= 1 or value.isupper())
    # A device ID mixes letters and digits ('8N3CHH'); other labelled numbers need three digits.
    mixed = kind == "device" and digits >= 2 and len(value) >= 5 and any(c.isalpha() for c in value)
    if kind == "other_id" and digits >= 2 and not _YEAR.fullmatch(value.strip("#")):
        return not _UNIT_AFTER.match(text, end)  # 'Subject 014', 'participant 33'
    if (digits < 3 and not mixed) or len(value) < 4:
        return False
    if _YEAR.fullmatch(value.strip("#")):
        return False
    return not _UNIT_AFTER.match(text, end)


def _luhn_ok(number: str) -> bool:
    digits = [int(c) for c in number if c.isdigit()]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def find_labelled(text: str, words: frozenset[str] | None = None) -> Iterator[Finding]:
    """Numbers introduced by a label that says what they are ('MRN', 'member ID', 'plate')."""
    if words is not None and not words & _LABEL_GATE:
        return
    for match in _LABELLED.finditer(text):
        kind = next(k for k in _LABELS if match.group(f"k_{k}") is not None)
        value = match.group("val")
        while value and value[-1] in ".-/":
            value = value[:-1]
        start = match.start("val")
        if _value_ok(kind, value, text, start + len(value)):
            yield Finding(kind, start, start + len(value), _REASONS[kind])


# 'your account with us, the one ending in 4471': the last digits of a named account, a few words on.
_ENDING_IN = re.compile(
    r"(?i:\b(account|card|policy|member(?:ship)?|subscriber|license|licence)\b[^.\n\d]{0,40}?"
    r"\b(?:ending|ends) (?:in|with)\s+)(\d{3,6})\b"
)
_ENDING_KIND = {"account": "account", "card": "account", "policy": "health_plan", "member": "health_plan",
                "membership": "health_plan", "subscriber": "health_plan", "license": "license", "licence": "license"}


def find_account_endings(text: str) -> Iterator[Finding]:
    """The last digits of an account, card, policy or licence the text names a few words before."""
    for match in _ENDING_IN.finditer(text):
        kind = _ENDING_KIND[match.group(1).lower()]
        yield Finding(kind, match.start(2), match.end(2), _REASONS[kind])


# An account, claim or member number read out in groups of four ('4471-0092-3381'), with no label: no phone, date or
# amount is written so. (A card number's own check is _CARD's.)
_GROUPED_NUMBER = re.compile(r"(?<![\w-])\d{4}([- ])\d{4}\1\d{4}(?:\1\d{4})?(?![\d-])")
_YEAR = re.compile(r"(?:19|20)\d\d")


def find_unlabelled(text: str) -> Iterator[Finding]:
    """Identifiers recognisable by shape alone: SSN, Medicare MBI, VIN, card numbers, UDI, IPs."""
    for match in _SSN_BARE.finditer(text):
        yield Finding("ssn", match.start(), match.end(), _REASONS["ssn"])
    for match in _MBI.finditer(text):
        yield Finding("health_plan", match.start(), match.end(), _REASONS["health_plan"])
    for match in _VIN.finditer(text):
        value = match.group(0)
        if sum(c.isdigit() for c in value) >= 3 and sum(c.isalpha() for c in value) >= 3:
            yield Finding("vehicle", match.start(), match.end(), _REASONS["vehicle"])
    for match in _CARD.finditer(text):
        if _luhn_ok(match.group(0)):
            yield Finding("account", match.start(), match.end(), _REASONS["account"])
    for match in _UDI.finditer(text):
        yield Finding("device", match.start(), match.end(), _REASONS["device"])
    for match in _GROUPED_NUMBER.finditer(text):
        groups = re.split(r"[- ]", match.group(0))
        if not _luhn_ok(match.group(0)) and not all(_YEAR.fullmatch(g) for g in groups):
            yield Finding("account", match.start(), match.end(), _REASONS["account"])
    yield from _find_ips(text)
    yield from find_account_endings(text)


def _find_ips(text: str) -> Iterator[Finding]:
    patterns = [_IPV4] if "." in text else []
    if text.count(":") >= 2:
        patterns.append(_IPV6)
    for pattern in patterns:
        for match in pattern.finditer(text):
            candidate = match.group(0)
            if pattern is _IPV6 and candidate.count(":") < 2:
                continue
            try:
                ipaddress.ip_address(candidate)
            except ValueError:
                continue
            yield Finding("ip", match.start(), match.end(), "looks like a computer's IP address")


_EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}\b")
_URL = re.compile(
    r"(?<![\w@.-])(?:(?:https?://|www\.)[^\s<>\"')\]]+"
    r"|(?:[a-z0-9-]+\.)+(?:com|org|net|edu|gov|io|co|us|info|me|ly|health|care|page|blog|site"
    r"|app|link|ee|tv"
    rf"|(?-i:{'|'.join(COUNTRY_DOMAINS)}|{'|'.join(COUNTRY_DOMAINS).upper()})"
    # a country domain that is also a word ('.de', '.it') when a path follows it: 'patientenportal.de/akte/...'
    r"|(?:de|it|es|pt|in|at|be|ie|us)(?=/\w))"
    r"\b(?![’'])(?:/[^\s<>\"')\]]*)?)",
    re.IGNORECASE,
)
_INSTITUTION_SUFFIXES = (".gov", ".edu", ".mil", ".int", ".gov.uk", ".nhs.uk")
_PUBLIC_HOSTS = frozenset(
    """who.int mayoclinic.org heart.org cancer.org diabetes.org aap.org acog.org healthychildren.org
    clevelandclinic.org 988lifeline.org poison.org redcross.org lung.org kidney.org arthritis.org
    alz.org marchofdimes.org plannedparenthood.org hopkinsmedicine.org webmd.com acs.org
    stroke.org nami.org aafp.org acponline.org cochrane.org uptodate.com skincancer.org aad.org
    familydoctor.org kidshealth.org nationaleczema.org asthma.org aaaai.org eatright.org
    choosemyplate.gov""".split()
)
_PERSONAL_HOSTS = (
    "facebook.",
    "fb.com",
    "instagram.",
    "tiktok.",
    "twitter.",
    "x.com",
    "linkedin.",
    "youtube.",
    "youtu.be",
    "gofundme.",
    "caringbridge.",
    "venmo.",
    "cash.app",
    "paypal.me",
    "linktr.ee",
    "medium.com/@",
    "substack.",
    "blogspot.",
    "wordpress.",
    "tumblr.",
    "snapchat.",
    "reddit.com/u",
    "strava.",
    "pinterest.",
    "mealtrain.",
    "legacy.com",
    "spotify.com/user",
    "threads.net",
    # A shared file or folder: one person's document, scan or lab report, never a public page.
    "drive.google.",
    "docs.google.com/document",
    "docs.google.com/spreadsheets",
    "photos.google.",
    "photos.app.goo.gl",
    "dropbox.",
    "1drv.ms",
    "onedrive.",
    "box.com/s/",
    "icloud.com/",
    "wetransfer.",
)


def _normal_url(url: str) -> str:
    url = url.lower().rstrip("/")
    for prefix in ("https://", "http://"):
        if url.startswith(prefix):
            url = url[len(prefix) :]
    return url.removeprefix("www.")


def url_hosts(urls: frozenset[str]) -> frozenset[str]:
    """Hosts of allow-listed URLs (the practice's own site and its sub-pages)."""
    return frozenset(_normal_url(u).split("/", 1)[0] for u in urls)


# A social-media handle ('@jane_doe42'), not the middle of an email address or a URL path.
_HANDLE = re.compile(r"(?<![\w.@/])@([A-Za-z0-9_](?:[A-Za-z0-9_.]{1,28}[A-Za-z0-9_])?)(?![\w@]|\.[A-Za-z])")
# Chat-wide mentions name nobody (they are neutralised before posting, never a patient's account).
_BROADCASTS = frozenset({"channel", "here", "everyone", "all", "group"})
# Rounds itself, as people address the bot in chat ('@roundsbot sunscreen every day ...').
_OWN_BOT = re.compile(r"rounds(?:[-_.]?(?:bot|app))?")


def find_handles(text: str, allowed: frozenset[str]) -> Iterator[Finding]:
    """Social-media handles: they point at one person's account. The practice's own (any handle that
    is part of an allowed host or name, spaces removed) are public."""
    for match in _HANDLE.finditer(text):
        handle = match.group(1).lower()
        if handle in _BROADCASTS or _OWN_BOT.fullmatch(handle) or any(handle in a or a in handle for a in allowed if a):
            continue
        yield Finding("other_id", match.start(), match.end(), "looks like a personal social-media handle")


def find_emails(text: str, allowed: frozenset[str], allowed_hosts: frozenset[str]) -> Iterator[Finding]:
    """Email addresses other than the practice's (its listed ones or any at its own domain)."""
    for match in _EMAIL.finditer(text):
        address = match.group(0).lower()
        domain = address.rsplit("@", 1)[1]
        if address in allowed or domain in allowed_hosts or domain.endswith(_INSTITUTION_SUFFIXES):
            continue
        if _ROLE_MAILBOX.fullmatch(address.rsplit("@", 1)[0]) and not _FREE_MAIL.match(domain):
            continue  # 'patientrelations@stbrendans.org': an office's mailbox, no one person's
        yield Finding("email", match.start(), match.end(), "looks like a personal email address")


# An office's mailbox by what it is for, at an organisation's own domain (not at a free mail service).
_ROLE_MAILBOX = re.compile(
    r"(?:patient[._-]?|medical[._-]?|health[._-]?)?(?:info|information|contact|contactus|hello|help|support|feedback"
    r"|appointments?|scheduling|booking|relations|experience|advocacy|advocate|billing|records|media|press|news"
    r"|foundation|giving|donate|volunteers?|careers|jobs|hr|privacy|compliance|frontdesk|front[._-]desk|office|admin"
    r"|webmaster|noreply|no[._-]reply|events|education|classes|nurseline|nurse[._-]line|referrals?|pharmacy|lab"
    r"|communications|marketing|social)"
)
_FREE_MAIL = re.compile(
    r"(?:gmail|googlemail|yahoo|ymail|hotmail|outlook|live|msn|aol|icloud|me|mac|proton|protonmail|gmx|mail|zoho"
    r"|comcast|att|verizon|sbcglobal|yandex|qq|163|126)\."
)


# An address read aloud: 'maria dot lopez at gmail dot com', 'jsmith eighty two at yahoo dot com',
# 'k-o-w-a-l-s-k-i at outlook dot com'. The local part is one spelt word (joined by dot / underscore /
# dash said aloud) and up to three number words; the host ends in a spoken top-level domain.
_SAID_JOIN = r"(?:\s+(?:dot|underscore|dash|hyphen|period)\s+|[._-])"
_NUMBER_WORD = (
    r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|\d+)"
)
_SPOKEN_EMAIL = re.compile(
    rf"(?i:\b([a-z0-9]+(?:{_SAID_JOIN}[a-z0-9]+){{0,12}}(?:\s+{_NUMBER_WORD}){{0,3}})\s+at\s+"
    r"((?:[a-z0-9-]+\s+dot\s+){1,3}(?:com|org|net|edu|gov|us|co|uk|ca|io|me|info|biz))\b)"
)
_EMAIL_CUE = re.compile(r"(?i:\b(?:e-?mail|address|reach|contact|write|send)\w*\b)")
_NOT_LOCAL = frozenset("me us him her them you it one look call email emailed write reach online home".split())


def find_spoken_emails(text: str, allowed: frozenset[str], allowed_hosts: frozenset[str]) -> Iterator[Finding]:
    """Email addresses read aloud in a transcript, other than the practice's."""
    for match in _SPOKEN_EMAIL.finditer(text):
        host = re.sub(r"\s+dot\s+", ".", match.group(2).lower())
        local = match.group(1)
        if local.lower() in _NOT_LOCAL:
            continue  # 'email us at lakeshore dot org' is the host alone
        said = re.sub(rf"{_SAID_JOIN}", ".", local.lower())
        if f"{said}@{host}" in allowed or host in allowed_hosts or host.endswith(_INSTITUTION_SUFFIXES):
            continue
        if host in _PUBLIC_HOSTS:
            continue
        spelt = said != local.lower() or " " in local
        if not spelt and not _EMAIL_CUE.search(text, max(0, match.start() - 40), match.start()):
            continue  # 'we post updates at mayoclinic dot org': a site, not someone's address
        yield Finding("email", match.start(1), match.end(2), "looks like a personal email address, read aloud")


# A web address read aloud: 'gofundme dot com slash help mama rosa recover', 'caringbridge dot org slash visit slash
# janedoe'. Judged as the written address would be (its host and a person in the sentence); the span is the words.
_SPOKEN_URL = re.compile(
    r"(?i:\b((?:[a-z0-9-]{2,30} dot )*[a-z0-9-]{2,30}) dot (com|org|net|me|co|io|us|info|app|ee|be)\b"
    r"((?: slash [a-z0-9-]+(?: (?!(?:please|and|if|so|or|but|to|for|it)\b)[a-z0-9-]+){0,3})*))"
)


def find_spoken_urls(
    text: str, spans: list[tuple[int, int]], allowed_hosts: frozenset[str]
) -> Iterator[Finding]:
    about_someone = person_cue_by_sentence(text)
    own_subdomains = tuple("." + host for host in allowed_hosts)
    for match in _SPOKEN_URL.finditer(text):
        host = f"{match.group(1).lower().replace(' dot ', '.')}.{match.group(2).lower()}"
        path = match.group(3).lower().replace(" slash ", "/").replace(" ", "-")
        kind = _address_kind(host + path, host, allowed_hosts, own_subdomains)
        if kind == "public" or (kind == "maybe" and (not path or not about_someone(sentence_at(spans, match.start())))):
            continue  # 'we post updates at mayoclinic dot org': a site, not someone's page
        yield Finding("url", match.start(), match.end(), "looks like a web address tied to a person, read aloud")


# A path segment that is one person's: letters with three or more digits ('/visit/jmorales-5521',
# '/u/ab12c345') or a long number ('/records/88231977'), or a query naming a patient or an id.
_PERSONAL_PATH = re.compile(
    r"/(?=[\w-]*[A-Za-z])(?=(?:[\w-]*\d){3})[\w-]+(?=[/?#]|$)|/\d{6,}(?=[/?#]|$)"
    r"|[?&](?:patient|pt|mrn|member|user|uid|id|name)=",
    re.IGNORECASE,
)


def _address_kind(url: str, host: str, allowed_hosts: frozenset[str], own_subdomains: tuple[str, ...]) -> str:
    """"public": the practice's or a public page (one person's visit or record link there is not); "personal": a
    host that holds people's own pages (a profile, a fundraiser); "maybe": one person's only if the text is about
    someone."""
    if (
        host in allowed_hosts or host in _PUBLIC_HOSTS or host.endswith(_INSTITUTION_SUFFIXES)
        or host.endswith(own_subdomains)
    ) and not _PERSONAL_PATH.search(url, len(host)):
        return "public"
    if any(marker in url for marker in _PERSONAL_HOSTS) or _ONES_OWN_STORY.search(host):
        return "personal"
    return "maybe"


# A site named for one person's illness: 'beatingcardiomyopathy-with-dana.com', 'danasheartjourney.com',
# 'teamjakefightscancer.org'. A hospital's or a charity's host does not tell a fight, a journey or a warrior.
_ONES_OWN_STORY = re.compile(
    r"(?i:journey|battle|fights?|fighting|beating|beats|warrior|survivor|strong\b|strong[.-]|journal|diary"
    r"|(?:^|[.-])team[a-z]+|with-[a-z]+"
    # ('danasheart', not a group's 'womensheart')
    r"|(?<=[a-z])(?<!women)(?<!children)(?<!men)(?<!kid)(?<!people)(?<!parent)(?<!nurse)(?<!doctor)"
    r"s(?:heart|cancer|kidney|liver|lung|brain)[a-z]*\.)"
)


# The practice offering its own page: 'follow us at', 'find us on', 'our instagram:'.
_OUR_PAGE_BEFORE = re.compile(
    r"(?i:\b(?:follow|find|like|visit|join) us (?:at|on)\s*:?\s*$|\bour (?:page|site|website|instagram|facebook"
    r"|tiktok|youtube|channel|account)(?: is| at)?\s*:?\s*$)"
)


def find_urls(
    text: str,
    spans: list[tuple[int, int]],
    allowed_hosts: frozenset[str],
    email_spans: list[tuple[int, int]],
) -> Iterator[Finding]:
    """Web addresses tied to a person (social profiles, fundraisers, a patient's own page)."""
    about_someone = person_cue_by_sentence(text)
    own_subdomains = tuple("." + host for host in allowed_hosts)  # 'portal.<the practice's host>'
    for match in _URL.finditer(text):
        raw = match.group(0).rstrip(".,;:!?")
        if any(s <= match.start() < e for s, e in email_spans):
            continue
        url = _normal_url(raw)
        kind = _address_kind(url, url.split("/", 1)[0], allowed_hosts, own_subdomains)
        if kind == "public" or (kind == "maybe" and not about_someone(sentence_at(spans, match.start()))):
            continue
        if _OUR_PAGE_BEFORE.search(text, max(0, match.start() - 40), match.start()):
            continue  # 'follow us at instagram.com/stmarysvalleyhealth': the practice's own page, offered to all
        end = match.start() + len(raw)
        yield Finding("url", match.start(), end, "looks like a web address tied to a person")
