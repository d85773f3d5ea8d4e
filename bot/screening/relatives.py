"""The words for a patient's relatives, kept in one place.

A relative is the commonest cue that a word names someone ('son don reid', 'mi abuela Chela') and
that a sentence is about one person ('her husband asked ...'). Seven readers need that cue; each
kept its own list, and the lists drifted apart (one knew 'stepson', another 'abuela', a third
neither). They now build their patterns from these groups, each adding only the words that are its
own (a title, 'patient', a verb of meeting).
"""

from __future__ import annotations

import re

#: English relatives, as written in chat and notes.
FAMILY = tuple(
    """husband wife son daughter mother father mom dad grandmother grandfather grandma grandpa grandson
    granddaughter brother sister boyfriend girlfriend fiance fiancé fiancee fiancée niece nephew aunt auntie
    uncle cousin stepson stepdaughter stepmom stepdad grandkid grandbaby""".split()
)

#: The same in Spanish, Portuguese, French, German, Italian and Tagalog, where the word is never also
#: an English word or a common given name.
FAMILY_ABROAD = tuple(
    """abuela abuelo abuelita abuelito mamá papá hijo hija esposo esposa hermano hermana tía tío nieto nieta
    sobrino sobrina suegra suegro avó avô mãe filho filha marido irmão irmã neto neta grand-mère grand-mere
    grand-père grand-pere fils fille frère sœur soeur sohn tochter ehemann ehefrau bruder mutter
    vater enkel enkelin figlio figlia marito moglie fratello sorella nonno nonna nanay tatay""".split()
)

#: Relatives abroad that are also English words or given names ('Lola', 'Mari', 'padre'): a cue only
#: where a name has to follow.
FAMILY_ABROAD_LOOSE = tuple(
    "tia tio mama papa madre padre mae pai mari femme mère père mann frau oma opa lola lolo anak nipote".split()
)

#: Relatives that are also a clinician's title: German 'Schwester Gabi' is a nurse; 'seine Schwester Anna' his
#: sister. A relative only after a possessive.
FAMILY_AFTER_POSSESSIVE = ("schwester",)

#: What grandchildren call grandparents: a relative, and never a name on its own ('nana', 'memaw').
GRANDPARENT_NAMES = tuple(
    "nana nanna granny gran grammy gramps memaw mawmaw pawpaw papaw meemaw bubbe zayde".split()
)


def alternation(*groups: tuple[str, ...]) -> str:
    """A regex alternation of the words of the groups, longest first so none is cut short."""
    words = {word for group in groups for word in group}
    return "|".join(re.escape(word) for word in sorted(words, key=lambda w: (-len(w), w)))


FAMILY_WORDS = frozenset(FAMILY) | frozenset(FAMILY_ABROAD)
