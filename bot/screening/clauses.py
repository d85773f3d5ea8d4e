"""What a clause says, for the sentence models and the advice gate: does it command, whom does it address, does a
treatment verb act on a drug or a word no list knows. A command is recognised by its shape, not a list of verbs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from bot.screening.lexicon import (
    _FILLERS,
    _GLUED_DOSE,
    _UNIT,
    DRUG_WORD,
    STEMMED_DRUG,
    TOKEN,
    VOCATIVE_WORDS,
    Gazetteer,
)
from bot.screening.lowered import Lowered

# Abstract cues, so the classifier generalises past the verbs and drugs it was trained on.
# The reader in English, Spanish, Portuguese and French ('usted', 'você', 'votre'), and 'aap' (Hindi, in chat).
_YOU = frozenset("you your yours you're you've you'll youre u ur usted su tu sus tus você voce seu sua seus suas"
                 " vous votre vos ton ta tes aap aapko aapka apni du dich dir dein deine deinen deinem ihnen"
                 " tuo tua tuoi tue"
                 # Vietnamese by kinship pronoun, Tagalog's 'mo / ka / ninyo'
                 " bạn chị bác mo ka ninyo niyo kayo mong kang ikaw"
                 # Hindi and Arabic in Latin letters, Polish
                 " tum tumhe tumhara aapke 3andak 3andek enta enti masz musisz".split())
# Commands to one reader in French, German, Italian and Portuguese beyond the Spanish in _IMPERATIVE ('prenez',
# 'nehmen Sie', 'smetta', 'beba'). One list for the sentence models' features and the advice gate's regex.
FOREIGN_COMMANDS = tuple(dict.fromkeys(
    """prenez donnez donne arrêtez arretez diminuez augmentez évitez evitez appelez continuez mettez consultez allez
    faites
    buvez reprenez réduisez reduisez gardez passez mangez laissez venez revenez appliquez portez étirez etirez
    porte étire prends arrête arrete évite evite appelle bois mange reviens
    nehmen hören hoeren setzen reduzieren erhöhen erhoehen vermeiden rufen trinken kommen lassen
    nimm hör hoer iss trink geh ruf setz
    prenda smetta sospenda aumenti riduca eviti chiami continui beva vada faccia prendi smetti sospendi riduci
    evita chiama bevi
    faça faca beba reduza suspenda tome pare diminua aumente evite procure ligue passe
    gib geh lass mach leg hör hoer setz schon
    toma deja descansa llama bebe usa ponte evita haz ven vete
    mets fais va repose reposez
    fai vai metti riposa riposati lascia
    faz põe poe descansa liga bebe vá
    uống hãy ngừng ngưng dừng bôi tiêm xịt
    inumin uminom itigil ihinto dagdagan bawasan ipahid painumin simulan ituloy pumunta magpatingin tumigil
    khod khodi wa2af wa2fi zawed 2allel ebda2 matakhodsh
    weź wez odstaw zwiększ zmniejsz posmaruj stosuj podaj zacznij proszę""".split()
))
_IMPERATIVE = frozenset(
    """stop start restart resume take cut hold skip double halve increase decrease reduce go put give use
    try switch bump drop quit keep continue apply wean come get book see call avoid ice rest split crush
    chew swallow inject rub spray finish taper lower raise add remove change tome deje suspenda aumente
    dele use tómese tomese empiece siga póngase pongase vaya evite llame deje suspéndala suspendala""".split()
) | frozenset(FOREIGN_COMMANDS)
_MED_WORDS = frozenset(
    """dose doses dosage medication medications medicine meds pill pills tablet tablets capsule capsules
    prescription insulin inhaler antibiotic antibiotics statin statins steroid steroids cream ointment
    drops patch shot shots injection vitamin supplement supplements pastilla pastillas medicina dosis""".split()
)
_FIRST_PERSON_PLAN = frozenset(
    "i'll i'd we'll we'd let's i'm gonna recommend suggest prescribe recomiendo conseille recommande prescris"
    " empfehle würde verschreibe consiglio raccomando prescrivo recomendo aconselho receito".split()
)
# German's formal 'you' is capitalised inside a sentence ('bei Ihren Werten', 'lassen Sie sich'), where 'sie' and
# 'ihr' (she, they, her) are not: a reader the lower-cased tokens cannot show.
FORMAL_YOU = re.compile(r"(?<=[\w,;:] )(?:Sie|Ihnen|Ihr|Ihre[nmrs]?)\b")
_CLAUSE_BREAK = frozenset(".,;:!?-")
# A command is recognised by its shape, not by a list of verbs: a clause opens with an open-class
# word (not a pronoun, article, auxiliary, preposition, greeting...) and goes straight on to an
# object, a particle or an amount ('grab some', 'double the', 'stay off', 'take 2', 'tome la').
# Words that cannot open a command, whatever follows them (and those that open a made-up case: 'picture a patient
# who ...', 'imagine a runner').
_NOT_COMMAND = frozenset(
    """i you he she it we they u me him her us them my your his their our its this that these those
    the a an some any each every all both no none most many much more few several other another
    is are was were be been being am do does did can could will would should shall may might must
    have has had what when where why how who whom whose which whether if so because as at in on of
    for to with from by about after before since until while than then also just really very not
    though although unless whereas whilst otherwise
    and or but nor yet still even only maybe perhaps hi hey hello thanks thank sorry oh ok okay yes
    yeah well lol omg haha please pls wow great good nice dear honestly usually often sometimes
    always never generally typically there here today tonight tomorrow yesterday now once twice
    people patients kids children adults everyone someone anyone nobody one two three
    el la los las un una y o que de en con por para es son está muchas muchos
    picture imagine suppose pretend""".split()
)
_OBJECT_START = frozenset(
    """the your his her him their my our this that these those some a an any another extra more less half
    it them one two three four a couple up off back down out on over el la los las lo le les su sus
    un una unas unos de""".split()
)
_NUMBER_WORDS = frozenset(
    """one two three four five six seven eight ten twelve fifteen twenty thirty forty fifty sixty seventy
    eighty hundred thousand half""".split()
)
_NEGATIONS = frozenset("don't dont never no".split())
_FRENCH_OBJECTS = frozenset("lui le la les leur me te vous nous y en l'".split())
_CAUSED = frozenset("him her them".split())


def _command_word(word: str) -> bool:
    """Could this word open a command? Open-class, alphabetic, not a gerund, past form or adverb."""
    return (
        word.isalpha()
        and len(word) > 1
        and word not in _NOT_COMMAND
        and not _inflected(word)
        # an adjective by its ending opens a noun phrase ('typical amoxicillin dosing', 'topical steroids'), no order
        and not word.endswith(("ical", "ous", "ful", "less", "ic"))
        and (not word.endswith("s") or word.endswith("ss"))  # a plural or 3rd-person form has a subject
    )


def _inflected(word: str) -> bool:
    """A gerund, past form, adverb or possessive: no command opens with one. 'bring', 'sing' and 'need', 'feed'
    only end like one (no vowel before their '-ing', a doubled 'e' before their '-d')."""
    if word.endswith("ing"):
        return any(c in "aeiouy" for c in word[:-3])
    if word.endswith("ed"):
        return not word.endswith("eed")
    return word.endswith(("ly", "'s", "s'"))


# Where someone is sent ('head to urgent care', 'run him to the ER'): a verb before 'to' and one of these is a command.
_CARE_PLACES = frozenset("er ed emergency urgent hospital clinic pharmacy office e.r".split())


def command_at(tokens: list[str], i: int) -> bool:
    """tokens[i] (lower-cased, opening a clause) starts a command aimed at the reader.

    Either a word on the imperative list, or any open-class word followed directly by an object,
    particle or amount; a negated command ('don't bother with', 'no tome') counts too.
    """
    word = tokens[i]
    if word == "ne":  # 'ne prenez plus', 'ne lui donnez plus de sirop' (an object pronoun between)
        verb = i + 2 if i + 2 < len(tokens) and tokens[i + 1] in _FRENCH_OBJECTS else i + 1
        if verb < len(tokens) and tokens[verb] in FOREIGN_COMMANDS:
            return True
    if word in _NEGATIONS and i + 1 < len(tokens):
        i, word = i + 1, tokens[i + 1]
        if word in ("take", "bother", "go", "worry", "come", "call", "use", "give", "stop", "tome", "deje"):
            return True
    if word in _IMPERATIVE:
        return True
    if word == "have" and i + 1 < len(tokens) and tokens[i + 1] in _CAUSED:
        return True  # 'have him stop it', 'have her take two': a command passed on through the reader
    if not _command_word(word) or word in _FILLERS or i + 1 >= len(tokens):
        return False  # a filler ('uh the conference ...') opens no command
    nxt = tokens[i + 1]
    if nxt == "to":
        return any(t in _CARE_PLACES for t in tokens[i + 2 : i + 4])
    if nxt[0].isdigit():
        # 'take 2', 'grab 400': an amount. A short word before a measurement ('Hgb 10.2', 'plt 312',
        # 'BP 140/90') is a lab's name in a note, not a verb.
        return len(word) > 3 and not any(c in nxt for c in "./")
    return nxt in _OBJECT_START or DRUG_WORD.fullmatch(nxt) is not None


# A French command carries its object pronoun after a hyphen: 'donnez-lui', 'prenez-le', 'appelez-nous'.
_FRENCH_CLITIC = re.compile(r"-(?:lui|le|la|les|leur|moi|nous|vous|en|y)$")


@lru_cache(maxsize=1024)  # (a clause's words are read by both models' features and by `commands`)
def lower_tokens(text: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in TOKEN.findall(text))


@lru_cache(maxsize=1024)  # (asked of the same clause by the sentence driver and twice by aimed.addressed)
def commands(text: str) -> str | None:
    """How a clause of the text opens with a command (see command_at): "told" after 'suggest you',
    'want you to' and the like, "command" for a bare command, None when no clause is one.

    After 'and' or 'then' only a listed imperative counts: 'we take a tendon and rebuild the
    ligament' goes on with the subject it has.
    """
    tokens = [_FRENCH_CLITIC.sub("", w) if "-" in w else w for w in lower_tokens(text)]
    start, joined, told = True, False, False
    found = None
    for i, w in enumerate(tokens):
        if w in _CLAUSE_BREAK:
            start, joined, told = True, False, False
            continue
        if start and (command_at(tokens, i) if not joined else w in _IMPERATIVE):
            if told:
                return "told"
            found = "command"
        elif start and w in _FRONTED and _fronted_command(tokens, i):
            found = found or "command"
        told = _told_you(tokens, i)
        start = w in _CLAUSE_OPENERS or w in _JOINERS or told
        joined = w in _JOINERS
    return found


def _fronted_command(tokens: list[str], i: int) -> bool:
    """'for the fever give him ...': a short fronted phrase at i, then a listed imperative and its object."""
    for j in range(i + 2, min(i + 5, len(tokens) - 1)):
        if tokens[j] in _IMPERATIVE and tokens[j + 1] in _OBJECT_START:
            between = tokens[i + 1 : j]
            return all(t in _ARTICLES or (t not in _CLAUSE_BREAK and t not in _NOT_COMMAND) for t in between)
    return False


_ARTICLES = frozenset("the a an your this that".split())


def _told_you(tokens: list[str], i: int) -> bool:
    """A command follows 'suggest (that) you', 'want you to', 'need you to': 'we'd suggest you stop X'."""
    w = tokens[i]
    if w == "you":
        before = tokens[i - 1] if i else ""
        if before == "that" and i > 1:
            before = tokens[i - 2]
        return before in _TELLING
    if w == "que":  # 'le recomiendo que suspenda'
        return i > 0 and tokens[i - 1] in _TELLING
    if w != "to" or i < 1:
        return False
    # 'want you to', and in a note 'pt advised to', 'instructed to'
    return tokens[i - 1] in _TOLD or (i > 1 and tokens[i - 1] == "you" and tokens[i - 2] in _TELLING)


_TELLING = frozenset(
    "suggest suggests recommend recommends advise want need told tell ask asking recomiendo sugiero".split()
)
_TOLD = frozenset("advised instructed told asked".split())


_JOINERS = frozenset("and then".split())
_FRONTED = frozenset("for with after before during on".split())
_CLAUSE_OPENERS = frozenset(
    "just so pls please now also honestly maybe simply um uh ok okay alright yeah but".split() + VOCATIVE_WORDS
)
# A dosing schedule: how often, whatever the drug ('every 8 hrs', 'twice a day', 'at bedtime').
SCHEDULE = Lowered(
    r"(?i:\b(?:every (?:\d+|two|three|four|six|eight|twelve|other|few)(?:(?:-| to | or )(?:\d+|four|six|eight))?"
    r" ?(?:h|hrs?|hours?|days?|nights?)\b"
    r"|every (?:day|night|morning|evening)\b|\d ?x (?:a|per|each) (?:day|night)\b|\d ?x daily\b"
    r"|(?:once|twice|\d|three|four) (?:times )?(?:a|per|each) (?:day|night|week)\b|(?:once|twice) daily\b"
    r"|daily\b|nightly\b|at bedtime\b|before bed\b|around the clock\b|as needed\b"
    r"|(?:prn|bid|tid|qid|qhs|qam|qpm|qd|q\d+h?)\b"
    r"|cada (?:\d+|dos|tres|cuatro|seis|ocho|doce) horas|(?:una|dos|tres) veces? al d[ií]a|cada noche"
    r"|en la noche|antes de dormir|antes del desayuno|antes de (?:las )?comidas|en ayunas"
    # Vietnamese and Tagalog: 'hai lần một ngày', 'mỗi 8 tiếng', 'dalawang beses isang araw', 'tuwing 6 oras'
    r"|(?:một|hai|ba|\d) lần (?:một|mỗi|1) ngày|mỗi (?:\d+|sáu|tám|mười hai) (?:tiếng|giờ)|trước khi ngủ"
    r"|(?:isang|dalawang|tatlong|\d) beses (?:isang|sa isang|kada|bawat) araw|tuwing (?:\d+|anim|walong) oras"
    r"|bago matulog"
    # Hindi and Arabic in Latin letters, Polish: 'din mein do baar', 'marratein fel yom', 'dwa razy dziennie'
    r"|din (?:mein|me) (?:ek|do|teen) (?:baar|bar)|har \d+ ghante|(?:marra|marratein|talat marrat) (?:fel|fi el) yom"
    r"|kol \d+ sa3at|(?:raz|dwa|trzy) razy dziennie|co \d+ godzin))"
)


# What a treatment verb acts on: 'stop all the excedrin', 'grab some pyrantel', 'a dose of <brand>'. A word
# there that is on no list (no dictionary word, no name) is most often a drug's name.
TREATED = Lowered(
    r"(?i:\b(?:take|taking|stop|stopping|start|starting|restart|resume|quit|try|use|apply|double|halve|up|bump"
    r"|pause|hold off on|cut|drop|lower|raise|increase|decrease|continue|keep taking|wean off|taper|rub on|put on"
    r"|split|crush|chew|swallow|inject|finish|spray|dissolve"
    r"|switch to|change to|get|grab|buy|pick up|hold|skip|(?:give|giving) (?:him|her|them|it)|a dose of|some"
    r"|(?:be|go|stay|start|put (?:you|him|her|them)) on|(?:go|come|get|stay) off"
    r"|ask for|prescribe|add|a couple of|a few|two|three|\d+)\s+"
    # A look-ahead, so 'stop giving him the X' is searched again from 'giving'.
    r"(?=(?:(?:all|the|your|his|her|their|some|a|an|more|less|extra|of|dose|course)\s+){0,3}([a-z][a-z-]{4,})\b))"
)


def unknown_object(text: str, gazetteer: Gazetteer) -> bool:
    """A treatment verb's object is a word on none of the gazetteer's lists: a drug no list knows.

    Words coined since the dictionary from two of its words ('sunscreen', 'website', 'smartphone')
    are known words, and so is anything under six letters ('email'). (Asked of a clause by the models' features and
    again by `aimed.addressed`: answered once per clause.)"""
    cache = gazetteer.__dict__.setdefault("_unknown_object_cache", {})
    found = cache.get(text)
    if found is None:
        found = _unknown_object(text, gazetteer)
        if len(cache) > 2_000:
            cache.clear()
        cache[text] = found
    return found


def _unknown_object(text: str, gazetteer: Gazetteer) -> bool:
    if not any(_unlisted(word.lower(), gazetteer) for word in _object_candidates(text)):
        return False  # every word a verb could act on is listed: the verbs' long alternation need not be tried
    return any(_unlisted(m.group(1).lower(), gazetteer) for m in TREATED.finditer(text))


# Every word TREATED can capture: it starts after a space and is this run or a part of it cut at a hyphen.
_OBJECT_RUN = Lowered(r"(?i:(?<=\s)[a-z][a-z-]{5,})")


def _object_candidates(text: str) -> Iterator[str]:
    for match in _OBJECT_RUN.finditer(text):
        word = match.group(0)
        yield word
        for cut in range(6, len(word)):
            if word[cut - 1] == "-" or word[cut] == "-":
                yield word[:cut]


def _unlisted(word: str, gazetteer: Gazetteer) -> bool:
    if len(word) < 6 or gazetteer.flags(word):
        return False
    cache = gazetteer.__dict__.setdefault("_unlisted_cache", {})  # the compound test is a dozen look-ups
    found = cache.get(word)
    if found is None:
        found = not any(gazetteer.in_vocab(word[:i]) and gazetteer.in_vocab(word[i:]) for i in range(3, len(word) - 2))
        if len(cache) < 50_000:
            cache[word] = found
    return found


def sentence_features(text: str, gazetteer: Gazetteer | None = None) -> list[str]:
    """Bag of words, word pairs, the opening words and a few cues for one sentence; with the gazetteer,
    also whether a treatment verb acts on a word no list knows (an unlisted drug name)."""
    tokens = lower_tokens(text)
    cues = set()
    clause_start = True
    for i, w in enumerate(tokens):
        if w in _CLAUSE_BREAK:
            clause_start = True
            continue
        if clause_start and command_at(tokens, i):
            cues.add("imp")
        if w in _YOU and not (w == "u" and i and tokens[i - 1][0].isdigit()):  # '5000 u SC' is units
            cues.add("you")
        if w in _MED_WORDS:
            cues.add("med")
        if w in _FIRST_PERSON_PLAN:
            cues.add("plan")
        if w in ("the", "our", "my") and i + 1 < len(tokens) and len(tokens[i + 1]) > 3:
            cues.add("det+" + tokens[i + 1][-3:])
        clause_start = w in _CLAUSE_OPENERS or w in _JOINERS
    if FORMAL_YOU.search(text):
        cues.add("you")
    if STEMMED_DRUG.search(text.lower()):
        cues.add("med")
    if SCHEDULE.search(text):
        cues.add("sched")
    if gazetteer is not None and unknown_object(text, gazetteer):
        cues.add("med")
        cues.add("unk")
    words = [w for w in tokens if w[0].isalnum()]
    f = ["w=" + w for w in words]
    f += ["b=" + a + "_" + b for a, b in zip(words, words[1:], strict=False)]
    f += ["p4=" + w[:4] for w in words if len(w) > 4]
    if words:
        f.append("first=" + words[0])
        if len(words) > 1:
            f.append("first2=" + words[0] + "_" + words[1])
    for i, w in enumerate(words):
        if w in _UNIT and i and (words[i - 1][0].isdigit() or words[i - 1] in _NUMBER_WORDS):
            cues.add("dose")
        elif w[0].isdigit() and _GLUED_DOSE.fullmatch(w):
            cues.add("dose")
    f += sorted(cues)
    f += [a + "+" + b for a in ("imp", "you", "plan") if a in cues for b in ("med", "dose", "sched") if b in cues]
    return f


def advice_features(text: str, gazetteer: Gazetteer | None = None) -> list[str]:
    """The advice model's features: each sentence feature once (a sentence repeating 'the' or 'you'
    is no more or less advice for it) and an intercept, so the label priors are not carried by
    whichever words are common. Calibrated enough to threshold on text unlike the training text."""
    return with_intercept(sentence_features(text, gazetteer))


def with_intercept(features: list[str]) -> list[str]:
    """advice_features from a sentence's sentence_features, when they are already worked out."""
    return ["bias", *dict.fromkeys(features)]
