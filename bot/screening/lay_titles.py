"""Lay titles written before a person's name ('Mrs.', 'missus', 'Sra.', 'Mme', 'Herr', 'Sig.ra'): one
table, and every pattern or word set that needs them built from it, so no detector knows fewer forms
than another. Titles of rank or calling ('Dr.', 'Sgt.', 'Coach') and relation words are not lay
titles; the sites that want them add their own.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

# How sure a title is that a name follows it.
TITLE = "title"  # nothing but a title: 'mrs', 'missus', 'sra', 'mme', 'herr'
DOTTED = "dotted"  # a title; written without its dot, also a clinical abbreviation: 'mr' (mitral regurgitation)
WORD = "word"  # also an ordinary word, an initial, or a way to address someone: 'miss', 'don', 'la señora'


@dataclass(frozen=True)
class LayTitle:
    """One written form, lower case without its closing dot (a dot inside is part of it: 'sig.ra')."""

    form: str
    language: str
    kind: str
    abbreviation: bool = False  # written with a dot that ends no sentence: 'Mrs.', 'Sra.', 'Mme.'
    dot_required: bool = False  # 'm.' and 'sig.' are titles only with their dot

    def pattern(self, capitalised: bool = False) -> str:
        """The form as a regex fragment ('Mrs' when capitalised); callers add the boundary before it and
        an optional dot after."""
        body = re.escape(self.form.capitalize() if capitalised else self.form)
        if len(self.form) == 1:
            body = r"(?<![.'’])" + body  # 'M. Lefebvre', not the m of 'p.m.' or "I'm"
        return body + (r"(?=\.)" if self.dot_required else "")


def _forms(language: str, kind: str, forms: str, abbreviation: bool = False, dot_required: bool = False):
    return tuple(LayTitle(f, language, kind, abbreviation, dot_required) for f in forms.split())


LAY_TITLES: tuple[LayTitle, ...] = (
    *_forms("en", TITLE, "mrs", abbreviation=True),
    *_forms("en", DOTTED, "mr ms mx", abbreviation=True),  # mitral regurgitation, multiple sclerosis, management
    *_forms("en", WORD, "mister missus missis"),  # 'hey mister, ...', 'the missus says hi'
    *_forms("en", WORD, "miss misses master"),  # 'don't miss a dose', 'she misses doses', 'master the inhaler'
    *_forms("es", TITLE, "sra srta sres dña", abbreviation=True),
    *_forms("es", TITLE, "doña"),  # only ever a title ('Doña Chela'); 'don' is also an English verb
    *_forms("es", WORD, "sr", abbreviation=True),  # also senior after a name: 'Sr. Director', 'Haddad Sr. called'
    *_forms("es", WORD, "señor señora señorita senor senora senorita don"),  # 'la señora', 'don a gown'
    *_forms("pt", WORD, "senhor senhora senhorita dona"),
    *_forms("fr", TITLE, "mme mmes mlle mlles", abbreviation=True),
    *_forms("fr", WORD, "monsieur madame mademoiselle"),
    *_forms("fr", WORD, "m", dot_required=True),  # an initial too: 'J. M. Smith'
    *_forms("de", TITLE, "frl", abbreviation=True),
    *_forms("de", TITLE, "herr frau"),
    *_forms("de", WORD, "fräulein fraulein"),
    *_forms("it", TITLE, "sig.ra sig.na"),
    *_forms("it", WORD, "signor signora signorina"),
    *_forms("it", WORD, "sig", dot_required=True),  # 'Sig. Bianchi'; a prescription's 'Sig. 1 tab' names no one
    # Vietnamese kinship titles, also the words for 'you' and 'he/she': 'chị Lan', 'bác Hùng', 'anh Minh'
    *_forms("vi", WORD, "chị bác cô chú ông bà anh cụ"),
    # Tagalog kinship titles, used for any elder as respect: 'Ate Marites', 'Kuya Jun', 'Lola Nena'
    *_forms("tl", WORD, "ate kuya tita tito lola lolo manang manong"),
)


def title_pattern(keep: Callable[[LayTitle], bool] = lambda title: True, capitalised: bool = False) -> str:
    """The kept titles as one regex alternation, longest first ('sig.ra' before 'sig', 'mrs' before 'mr'),
    with no boundary before and no dot after; capitalised, only as a title opens a name ('Mrs', 'Sra')."""
    kept = sorted((t for t in LAY_TITLES if keep(t)), key=lambda t: (-len(t.form), t.form))
    return "|".join(t.pattern(capitalised) for t in kept)


# Titles that may be something else whatever follows: a verb ('miss', 'misses', 'master', 'don'), a verb
# or given name ('dona': 'dona sangre'), an initial ('m.'), a prescription ('sig.'), senior ('sr'),
# management ('mx').
# Vietnamese kinship titles are also the words for 'you', 'he' and 'she' ('bác uống thuốc này'): a title only
# before a capitalised name.
PRONOUN_TITLES = frozenset(t.form for t in LAY_TITLES if t.language in ("vi", "tl"))
#: Kinship titles that are English words too ('we ate Thanksgiving dinner'): titles only when written with a capital.
ENGLISH_WORD_TITLES = frozenset(("ate",))
_NOT_ALWAYS_A_PERSON = frozenset("miss misses master don dona m sig sr mx".split()) | PRONOUN_TITLES

#: Every lay title ('mrs', 'missus', 'sig\\.ra', 'm.' with its dot).
LAY_TITLE = title_pattern()
#: The titles that point at one person whatever follows ('mrs', 'mr', 'sra', 'the missus', 'la señora'),
#: for cues that a text is about a particular person.
PERSON_TITLE = title_pattern(lambda t: t.form not in _NOT_ALWAYS_A_PERSON)
#: Capitalised titles before which a capitalised word is a name without asking the name lists ('Mrs',
#: 'Mx', 'Miss', 'Mister', 'Sra', 'Mme', 'Herr'): the English ones and the abbreviations; not those that
#: also open a heading, an order or a job title ('Master Plan', 'Sig. Lasix 40 mg', 'Sr. Director'), an
#: initial or a given name ('M.', 'Don'), nor a noun of address ('Madame Curie', 'Señor Frog's').
CAPITALISED_NAME_TITLE = title_pattern(
    lambda t: t.kind != WORD or t.form in ("miss", "mister", "missus", "missis"), capitalised=True
)
# Forms that are also a verb ('don a gown', 'master the inhaler', 'misses doses', 'dona sangre'), an initial
# ('m.') or a prescription's abbreviation ('sig.'): a weak cue, wherever a cue also lowers a bar.
_ALSO_A_VERB_OR_ABBREVIATION = frozenset("don dona m sig master misses".split()) | PRONOUN_TITLES
#: Titles that are a cue strong enough to lower the bar for the word after them ('mrs rose', 'sra. paz').
NAME_CUE_TITLE = title_pattern(lambda t: t.form not in _ALSO_A_VERB_OR_ABBREVIATION)
#: The same titles as lower-case words.
NAME_CUE_TITLE_WORDS = frozenset(t.form for t in LAY_TITLES if t.form not in _ALSO_A_VERB_OR_ABBREVIATION)
#: Lower-case forms without a closing dot ('mrs', 'sig.ra', 'm'), for words already split off a text.
LAY_TITLE_WORDS = frozenset(t.form for t in LAY_TITLES)
# The words `gates.words_of` makes of the plain-letter forms ('sig.ra' gives 'sig' and 'ra').
_GATE = frozenset(piece for t in LAY_TITLES if t.form.isascii() for piece in re.findall(r"[a-z]+", t.form))
#: Abbreviations whose dot ends no sentence: 'Mrs.', 'Sra.', 'Mme.', and in capitals those that are
#: nothing but titles ('MRS.', 'SRA.'; not 'MS.', multiple sclerosis, at the end of a sentence).
ABBREVIATIONS = tuple(
    sorted(
        {t.form.capitalize() for t in LAY_TITLES if t.abbreviation}
        | {t.form.upper() for t in LAY_TITLES if t.abbreviation and t.kind == TITLE}
    )
)
#: A lay title just before a position ('Mrs. ', 'sra ', 'Herr '): search the text before a name with it.
LAY_TITLE_BEFORE = re.compile(rf"(?i:\b(?:{LAY_TITLE})\.?\s+)$")

_BY_FORM = {t.form: t for t in LAY_TITLES}


def may_hold_title(words: frozenset[str], text: str) -> bool:
    """A cheap gate: the text's lower-cased word set (`gates.words_of`) holds a title, or the text has
    letters outside ASCII ('señora', 'doña' are not whole words to that set)."""
    return not words.isdisjoint(_GATE) or not text.isascii()


def lay_title(written: str) -> LayTitle | None:
    """The table's entry for a title as written ('Mrs.', 'SRA', 'Sig.ra'), or None."""
    return _BY_FORM.get(written.lower().rstrip("."))
