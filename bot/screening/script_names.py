"""Names, care dates and great ages in the languages an interpreter or a family writes in, which the name model never
read: Russian, Polish, Somali, Haitian Creole, Arabic, Chinese, Korean, Hindi and Nepali, Amharic, Vietnamese.

What makes a word a person's name there is what makes 'Mrs. Okafor' one in English: a title or a kinship word the
language puts before the name ('госпожа Иванова', 'Marwo Hodan', 'Msye Pierre-Louis', 'السيد خالد', 'श्रीमती
शर्मा', 'ወ/ሮ ትዕግሥት', 'chú Tâm') or after it ('王先生', '김 할머니', 'गुप्ता जी', 'लक्ष्मी दिदी'). A date in those
languages' own month words ('3 декабря', '3-da Maarso', '11月8日', '3월 2일', '١٥ يناير') or an age of ninety or more in
their own word for years ('95 лет', '95歲', '94세', '٩٦ سنة') is someone's when the text names a person so, or tells
of an admission, a birth or an operation in that language: an event's date in a leaflet stays the event's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.screening.findings import Finding

_NAME_REASON = "looks like a person's name (a title or kinship word in the text's own language)"
_DATE_REASON = "looks like a specific date in a patient's care or life (written in another language)"
_AGE_REASON = "gives an age over 89"

_CYRILLIC_NAME = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?: [А-ЯЁ][а-яё]+){0,2}"
_LATIN_NAME = r"[A-ZÀ-ÖØ-ÞĄĆĘŁŃŚŹŻ][a-zà-öø-ÿąćęłńóśźż'’]+(?:-[A-Z][a-zà-öø-ÿ'’]+)?(?: [A-Z][a-zà-öø-ÿ'’]+)?"
_ARABIC_WORD = r"[\u0621-\u064A]{2,}"
_DEVANAGARI_WORD = r"[\u0900-\u0963\u0966-\u097F]{2,}"
_ETHIOPIC_WORD = r"[\u1200-\u135A]{2,}"
_VIETNAMESE_NAME = r"[^\W\d_]+"  # capitalised: checked in script_names (Unicode has no range of the capitals)

# Titles and kinship words before a name; the name is group 1.
_BEFORE = re.compile(
    rf"(?<![\w-])(?:[Гг]-(?:жа|н)|[Гг]оспож[аиеу]|[Гг]осподин[ау]?|[Бб]абушк[аеиу]|[Дд]едушк[аеиу])\s+({_CYRILLIC_NAME})"
    rf"|(?<![\w-])(?:[Pp]ani[ąe]?|[Pp]an[au]?|[Pp]aństwo)\s+({_LATIN_NAME})"
    rf"|(?<![\w-])(?:Marwo|Mudane|Mudanaysa|Ayeeyo|Awoowe|Eedo|Adeer|Abti|Aabbaha|Hooyada)\s+({_LATIN_NAME})"
    rf"|(?<![\w-])(?:Msye|Mesye|Madanm|Manmzèl|Matant|Tonton|Grann)\s+({_LATIN_NAME})"
    rf"|(?<![\w\u0621-\u064A])(?:السيد|السيدة|الحاج|الحاجة|أم|أبو|ست)\s+({_ARABIC_WORD}(?:\s+ال[\u0621-\u064A]{{2,}})?)"
    rf"|(?<![\u0900-\u097F])(?:श्रीमती|श्रीमान|श्री|सुश्री|कुमारी)\s+({_DEVANAGARI_WORD})"
    rf"|(?<![\u1200-\u137F])(?:አቶ|ወይዘሮ|ወ/ሮ|ወይዘሪት|እማማ|አባባ)\s*({_ETHIOPIC_WORD})"
    rf"|(?<![\w])(?:[ÔôBb]à|[Ôô]ng|[Cc]ô|[Cc]hú|[Bb]ác|[Cc]hị|[Dd]ì|[Cc]ậu|[Tt]hím)\s+({_VIETNAMESE_NAME})"
)
_POLISH = re.compile(r"[ąćęłńśźżŁŚŻ]")
_VIETNAMESE = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]")

_CHINESE_SURNAMES = (
    "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何林高罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖萧蕭田董袁潘"
    "蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋方白邹鄒孟熊秦邱江尹薛段雷侯"
    "龙龍史陶黎贺賀顾顧毛郝龚龔邵钱錢严嚴覃武戴莫孔汤湯"
)
_KOREAN_SURNAMES = "김박최정강조윤장임한오서신권황안송류전홍문양손배백허남심노곽성차주우구민진엄채원천방공현함변염추"
# Titles and kinship words after a name; the name is group 1.
_AFTER = re.compile(
    rf"(?<![谢謝感])([{_CHINESE_SURNAMES}][\u4e00-\u9fff]{{0,2}}?)(?:先生|女士|太太|小姐|阿姨|奶奶|爷爷|爺爺|阿嬤|阿公|伯伯|婆婆"
    r"|老太太|老先生|大爷|大爺|大妈|大媽)"
    # ... or after the writer's kin: '我妈妈李秀英', '我爸王建国' (a full name right after 'my mother')
    rf"|(?:妈妈|媽媽|爸爸|母亲|母親|父亲|父親|老公|老婆|丈夫|妻子|儿子|兒子|女儿|女兒|奶奶|爷爷|爺爺|外婆|姥姥|我妈|我媽|我爸)"
    rf"([{_CHINESE_SURNAMES}][\u4e00-\u9fff]{{1,2}}?)(?=上|下|在|今|昨|前|去|住|做|被|因|得|的|，|,|。|、|\s)"
    rf"|(?<![가-힣])([{_KOREAN_SURNAMES}])\s(?:할머니|할아버지|어르신|집사님|권사님|장로님)"
    rf"|(?<![가-힣])([{_KOREAN_SURNAMES}][가-힣]{{1,2}})\s?씨(?![가-힣])"
    # (not 'जी', said of anyone respected, staff as much as patients: 'हमारी दुभाषिया प्रिया जी')
    rf"|(?<![\u0900-\u097F])({_DEVANAGARI_WORD})\s+(?:दाइ|दिदी|बहिनी)(?![\u0900-\u097F])"
)
# Words a title or an honorific follows that are no one's name: 'माँ जी' (mother), 'डॉक्टर जी', 'ग्रंथी जी'.
_NOT_NAMES = frozenset(
    "माँ मां माता पिता बाबा डॉक्टर डाक्टर गुरु ग्रंथी पंडित भाई दीदी बहन सर मैडम नर्स दाजु आमा बुवा".split()
)

_MONTHS = (
    r"(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
    r"|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia"
    r"|Janaayo|Febraayo|Maarso|Abriil|Maajo|Juun|Luulyo|Ogosto|Sebtembar|Oktoobar|Nofembar|Disembar"
    r"|janvye|fevriye|avril|jen|jiyè|septanm|oktòb|novanm|desanm"
    r"|يناير|فبراير|مارس|أبريل|إبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر|كانون الثاني|شباط|آذار"
    r"|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين الأول|تشرين الثاني|كانون الأول"
    r"|जनवरी|फ़रवरी|फरवरी|मार्च|अप्रैल|मई|जून|जुलाई|अगस्त|सितंबर|सितम्बर|अक्टूबर|नवंबर|नवम्बर|दिसंबर|दिसम्बर)"
)
_DIGITS = r"[0-9٠-٩०-९]"
_DATE = re.compile(
    rf"(?<![\d٠-٩०-९]){_DIGITS}{{1,2}}(?:-(?:ka|da|aad))?\s+{_MONTHS}(?![a-zà-ÿ])(?:\s+{_DIGITS}{{4}})?"
    r"|(?:\d{4}年)?\d{1,2}月\d{1,2}[日号號]"
    r"|(?:\d{4}년\s?)?\d{1,2}월\s?\d{1,2}일"
    r"|\bngày\s+\d{1,2}(?:/\d{1,2}|\s+tháng\s+\d{1,2})"
)
# Years of age in the same languages, after a number of ninety or more.
_AGE = re.compile(
    r"(?<![\d٠-٩०-९])((?:9\d|1[01]\d|[٩][٠-٩]|١[٠١][٠-٩]|[९][०-९]|१[०१][०-९])\s?"
    r"(?:лет|года|год|lat|sano|jir|sanadood|ans|岁|歲|세|tuổi|سنة|سنوات|عام|عاما|वर्ष|वर्षका|वर्षीय|साल|ዓመት|ዓመቷ|ዓመቱ))"
)
_OVER_BEFORE = re.compile(r"(?:старше|более|свыше|от|до|powyżej|ponad|hơn|trên|超过|超過|فوق|أكثر من|ऊपर)\s*$")
_OVER_AFTER = re.compile(r"\s*(?:以上|이상|trở lên|से अधिक|से ऊपर|и старше|i więcej)")
# Admission, birth, operation, ward: what makes a date in these languages someone's.
_CARE = re.compile(
    r"поступил|госпитализ|родил|операци|палат|przyjęt|urodzi|operacj|sal[ia] |la dhigay|dhashay|isbitaal|qolka"
    r"|entre lopital|fèt|operasyon|入院|出生|手术|手術|住院|病房|입원|생년월일|수술|병동|دخل المستشفى|ولد|مواليد|عملية"
    r"|الغرفة|भर्ती|जन्म|ऑपरेशन|वार्ड|nhập viện|sinh ngày|mổ|phòng|ተወለደ|ሆስፒታል"
)


# Thanks just before a name: the name a reply calls its commenter by ('谢谢陈小姐的留言', 'धन्यवाद रमेश दाइ').
_THANKS_BEFORE = re.compile(
    r"(?:спасибо|спасибі|dziękuję|dziękujemy|mahadsanid|mèsi|شكرا|شكراً|धन्यवाद|谢谢|謝謝|感谢|感謝|감사합니다|cảm ơn"
    r"|cám ơn)[\s,،]*$",
    re.IGNORECASE,
)


def _thanked(text: str, start: int) -> bool:
    return _THANKS_BEFORE.search(text, max(0, start - 16), start) is not None


def script_names(text: str) -> Iterator[Finding]:
    """Names by a title or kinship word of the text's own language; dates and great ages when the text names
    someone so or tells of their care."""
    named = False
    for match in _BEFORE.finditer(text):
        group = next(g for g in range(1, 9) if match.group(g) is not None)
        if group == 2 and not _POLISH.search(text):
            continue  # 'pan' and 'pani' are Polish titles only in Polish text
        if group == 8 and (not _VIETNAMESE.search(text) or not match.group(group)[0].isupper()):
            continue
        if _thanked(text, match.start()):
            continue
        named = True
        yield Finding("name", match.start(group), match.end(group), _NAME_REASON)
    for match in _AFTER.finditer(text):
        group = next(g for g in range(1, _AFTER.groups + 1) if match.group(g) is not None)
        if match.group(group) in _NOT_NAMES or _thanked(text, match.start()):
            continue
        named = True
        yield Finding("name", match.start(group), match.end(group), _NAME_REASON)
    ages = [
        m
        for m in _AGE.finditer(text)
        if not _OVER_BEFORE.search(text, max(0, m.start() - 12), m.start()) and not _OVER_AFTER.match(text, m.end())
    ]
    for match in ages:
        yield Finding("age_over_89", match.start(), match.end(), _AGE_REASON)
    if named or ages or _CARE.search(text):
        for match in _DATE.finditer(text):
            yield Finding("date", match.start(), match.end(), _DATE_REASON)


# Any letter of these scripts, or a title of the Latin-script languages above: the gate before the scan.
MAY_HOLD = re.compile(
    r"[\u0400-\u04FF\u0600-\u06FF\u0900-\u097F\u1200-\u137F\u4e00-\u9fff\uac00-\ud7af]"
    r"|\b(?:[Pp]ani|[Pp]an|Marwo|Mudane|Ayeeyo|Awoowe|Eedo|Adeer|Abti|Aabbaha|Hooyada|Msye|Mesye|Madanm|Matant|Tonton"
    r"|ngày)\b|[ăđơư]"
)
