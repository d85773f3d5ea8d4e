"""Vietnamese full names without a title: 'asked 3x by Nguyễn Văn Thành on tuesday', 'tran thi mai called'.

A Vietnamese name is a family name from a short list (a dozen names are most of the country), then one to three
syllables, each capitalised in careful writing. The name tagger, trained on names one word long or two, reads
'by Nguyen Van Thanh' as a place ('Van' is a town in Turkey) and does not know 'Nguyễn' at all; the shape is exact
enough to find by rule. A family name that is also an English or French word ('Le', 'Do', 'Ho', 'Mai') counts only
with its accents or a middle name that only Vietnamese has ('Le Van Tam'); places named like people ('Hà Nội', 'Hồ Chí
Minh', 'Lâm Đồng') are not names.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from bot.screening.clinical_titles import DOCTOR_BEFORE
from bot.screening.findings import Finding
from bot.screening.lowered import Headed

# The most frequent family names, written with their accents (and without: the ones no English text uses as a word).
_FAMILY = (
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trương Lâm Đoàn Trịnh Lương Quách"
    " Thái Tạ Vương Lưu Kiều Hứa Triệu Tăng Châu Mai Cao Hà Tô"
).split()
_PLAIN_FAMILY = frozenset("nguyen tran pham hoang huynh phan dang bui duong dinh truong doan trinh luong quach".split())
# Middle names only Vietnamese has: with one of them, an unaccented family name that is also a word is a name too.
_MIDDLE = frozenset(
    "văn van thị thi đức duc ngọc ngoc hữu huu quang xuân xuan đình dinh công cong bảo bao thế the"
    " minh thanh kim gia".split()
)
_MIDDLE_ONLY_VIETNAMESE = frozenset("văn van thị thi đức duc ngọc ngoc hữu huu xuân xuan đình dinh công cong".split())
# Places and a public figure named like people.
_NOT_PEOPLE = frozenset(
    "hà nội|ha noi|hồ chí minh|ho chi minh|hà giang|ha giang|hà nam|ha nam|hà tĩnh|ha tinh|lâm đồng|lam dong"
    "|cao bằng|cao bang|phan thiết|phan thiet|phan rang|hà đông|ha dong|mai châu|mai chau|lê lợi|le loi"
    "|trần hưng đạo|tran hung dao|lý thường kiệt|ly thuong kiet|nguyễn huệ|nguyen hue|lê duẩn|le duan".split("|")
)
def _unaccented(word: str) -> str:
    """'Đặng' -> 'dang' (đ is a letter of its own, which no decomposition turns into d)."""
    return unicodedata.normalize("NFKD", word.lower().replace("đ", "d")).encode("ascii", "ignore").decode()


_FAMILY_WORDS = frozenset(w.lower() for w in _FAMILY) | _PLAIN_FAMILY | frozenset(_unaccented(w) for w in _FAMILY)
_SYLLABLE = r"[^\W\d_]{1,7}"
_FAMILY_ALTERNATION = "|".join(sorted(_FAMILY_WORDS, key=len, reverse=True))
# (found by the family name first, on the lower-cased text: most texts have none)
_NAME = Headed(
    rf"\b(?:{_FAMILY_ALTERNATION})[ \t]",
    re.compile(rf"(?<![\w'’.-])((?i:{_FAMILY_ALTERNATION}))((?:[ \t]+{_SYLLABLE}){{1,3}})(?![\w'’-])"),
)
# Letters only Vietnamese writes (not French 'é', Portuguese 'ô' or 'ê'): 'Nguyễn', 'Thị', 'Văn', 'Trần', 'Đặng'.
_ACCENTED = re.compile(r"[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđơưăĩũ]", re.IGNORECASE)


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and not word[1:].isupper() or len(word) == 1 and word.isupper()


def vietnamese_full_names(text: str) -> Iterator[Finding]:
    """A family name from the list and its one to three syllables, written as a name is (all capitalised, or all
    lower case in writing that capitalises nothing)."""
    caseless = not any(c.isupper() for c in text)
    for match in _NAME.finditer(text):
        family = match.group(1)
        low = family.lower()
        if low not in _FAMILY_WORDS:
            continue
        rest = match.group(2).split()
        if caseless:
            rest = rest[:2]  # (in lower case nothing marks the name's end: a family name and two, as most names are)
        words = [family, *rest]
        if not caseless and not all(_capitalised(w) for w in words):
            # ('Nguyễn Văn Thành said': only the capitalised run; the words after a lower-case one are no part of it)
            kept = [family]
            for word in rest:
                if not _capitalised(word):
                    break
                kept.append(word)
            if len(kept) < 2:
                continue
            words = kept
        full = " ".join(words).lower()
        if any(full.startswith(place) for place in _NOT_PEOPLE):
            continue
        middle = words[1].lower()
        accented = _ACCENTED.search(" ".join(words)) is not None
        if not (
            (accented and (len(words) > 2 or middle in _MIDDLE or _ACCENTED.search(family)))
            or (low in _PLAIN_FAMILY and (len(words) > 2 or middle in _MIDDLE))
            or middle in _MIDDLE_ONLY_VIETNAMESE
        ):
            continue
        if caseless and middle not in _MIDDLE_ONLY_VIETNAMESE and not accented:
            continue  # lower-case chat: only 'van' or 'thi' says a run of words is a name
        start = match.start(1)
        end = match.start(2) + _span_of(match.group(2), words[1:])
        if DOCTOR_BEFORE.search(text[max(0, start - 30) : start]):
            continue  # 'Dr. Nguyen Van Minh': a clinician, judged with the practice's roster elsewhere
        yield Finding("name", start, end, "looks like a Vietnamese person's full name")


def _span_of(tail: str, words: list[str]) -> int:
    """Where the kept words of `tail` end, inside it."""
    position = 0
    for word in words:
        position = tail.index(word, position) + len(word)
    return position
