"""Latin words of medicine that the name and place readers take for people and towns: an organism's binomial
('Borrelia burgdorferi', 'Rickettsia rickettsii', 'candida'), and the Latin qualifier of a named condition ('tinea
cruris', 'erythema migrans', 'pes planus'). Both are a closed vocabulary, as drug names are, so they are listed.
"""

from __future__ import annotations

import re

from bot.screening.findings import Finding

# Genera of organisms that cause human disease (bacteria, fungi, parasites), lower-cased.
GENERA = frozenset(
    """staphylococcus streptococcus enterococcus borrelia rickettsia candida escherichia klebsiella pseudomonas
    clostridium clostridioides mycobacterium neisseria haemophilus listeria salmonella shigella campylobacter
    helicobacter treponema chlamydia chlamydophila mycoplasma legionella bordetella bacillus aspergillus cryptococcus
    histoplasma coccidioides blastomyces pneumocystis giardia entamoeba plasmodium toxoplasma trichomonas enterobius
    sarcoptes pediculus trichophyton microsporum epidermophyton malassezia acinetobacter serratia proteus
    enterobacter citrobacter moraxella bartonella brucella francisella yersinia vibrio leptospira ehrlichia
    anaplasma babesia cutibacterium propionibacterium actinomyces nocardia corynebacterium gardnerella ureaplasma
    stenotrophomonas burkholderia prevotella bacteroides fusobacterium peptostreptococcus veillonella eikenella
    kingella pasteurella capnocytophaga strongyloides ascaris schistosoma taenia echinococcus wuchereria
    onchocerca leishmania trypanosoma naegleria acanthamoeba cryptosporidium cyclospora rhizopus mucor sporothrix
    paracoccidioides talaromyces coxiella tropheryma aeromonas morganella providencia hafnia raoultella""".split()
)
# Heads of conditions named in Latin, whose next word is a Latin qualifier ('tinea cruris', 'pes planus').
LATIN_HEADS = frozenset(
    """tinea pityriasis erythema lichen herpes verruca molluscum keratosis pemphigus livedo granuloma morphea
    alopecia hidradenitis pyoderma urticaria nevus naevus lentigo acanthosis ichthyosis miliaria ecthyma situs
    pectus genu hallux pes talipes coxa cubitus spina diastasis condyloma condylomata lupus acne cutis
    hemangioma linea striae vitiligo melasma tinnitus polymyalgia myasthenia dementia""".split()
)
_WORD = re.compile(r"[^\W\d_][\w-]*")


def _medical_latin(text: str, start: int, end: int) -> bool:
    """The span is (inside) a binomial or a Latin-named condition, by the word before it or its own first word."""
    words = _WORD.findall(text[start:end])
    if not words:
        return False
    first = words[0].lower()
    before = _WORD.findall(text[max(0, start - 30) : start])
    previous = before[-1].lower() if before else ""
    if previous in LATIN_HEADS or previous in GENERA and words[0].islower():
        return True  # 'tinea cruris', 'Borrelia burgdorferi' found as its second word
    if first in GENERA:
        # the genus alone, or with a species in lower case ('Candida albicans'); 'Candida Lopez' is a woman
        return len(words) == 1 or all(w.islower() for w in words[1:])
    return False


def without_medical_latin(text: str, found: list[Finding]) -> list[Finding]:
    """The findings less names and places that are an organism or a Latin-named condition."""
    return [f for f in found if f.kind not in ("name", "geography") or not _medical_latin(text, f.start, f.end)]
