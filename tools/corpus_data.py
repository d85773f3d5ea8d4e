"""Hand-written training sentences (tools/corpus/*.jsonl) for the screen's learned parts.

The generated grammars in screen_data.py, advice_data.py and reply_data.py teach shapes we thought
of; text written by other hands, in registers they know (forum answers, leaflets, chart language,
public replies, fast chat, dictation), teaches the shapes we did not. Each line is one sentence:
{"text", "label": clean|phi|advice, "kinds", "spans": [[exact substring, kind], ...], "register"}.

A fixed fifth of the corpus (by a hash of the text) never reaches training: tools/screen_eval.py
--cases corpus scores it, so the corpus can show what it taught without grading its own homework.
Names and places in the training part are also re-drawn from the name lists, so the tagger learns
the sentence around a name rather than the few names the writers chose.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from pathlib import Path

CORPUS_DIR = Path(__file__).resolve().parent / "corpus"
HELDOUT_FIFTH = 0  # texts whose hash is 0 mod 5 are held out

# Words before a name that are not part of it (the tagger's NAME covers the name itself).
_TITLES = frozenset(
    "mr mrs ms miss mx dr sr sra srta señor señora don doña mme mlle herr frau pt patient baby little"
    " oma opa abuela abuelo abuelita tia tio tía tío aunty auntie aunt uncle nana papa grandma grandpa granny".split()
)
_TAGS = {"name": "NAME", "geo": "LOC"}


def load(directory: Path = CORPUS_DIR) -> list[dict]:
    records = []
    for path in sorted(directory.glob("*.jsonl")):
        records += load_file(path)
    return records


def load_file(path: Path) -> list[dict]:
    records = []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        record = json.loads(line)
        for span, _kind in record.get("spans", []):
            if span not in record["text"]:
                raise ValueError(f"{path.name}:{number}: span {span!r} is not in the text")
        records.append(record)
    return records


def heldout(record: dict) -> bool:
    return int(hashlib.sha256(record["text"].encode("utf-8")).hexdigest(), 16) % 5 == HELDOUT_FIFTH


def split(records: list[dict]) -> tuple[list[dict], list[dict]]:
    """(training, held-out) records."""
    return [r for r in records if not heldout(r)], [r for r in records if heldout(r)]


def as_cases(records: list[dict]) -> list[dict]:
    """Records in dev.jsonl's case format, for tools/screen_eval.py."""
    cases = []
    for i, r in enumerate(records):
        kinds = r.get("kinds") or ["general"]
        spans = []
        for text, kind in r.get("spans", []):
            start = r["text"].find(text)
            spans.append([start, start + len(text), kind])
        cases.append({"id": f"corpus-{i:04d}", "text": r["text"], "label": r["label"], "kinds": kinds, "spans": spans,
                      "source": r.get("register", "corpus"), "specialty": ""})
    return cases


def sentence_label(record: dict) -> str | None:
    """The sentence models' label, or None for a sentence they should not learn from.

    A sentence whose only PHI is an identifier (a name, a date) is the tagger's and the rules'
    business: as O it would teach the story model that 'mr okafor came in monday' is harmless, as
    STORY that any mention of a visit is a story. Confirmations belong to the reply model.
    """
    kinds = set(record.get("kinds", []))
    if record["label"] == "advice" or "advice" in kinds:
        return "ADVICE"
    if record["label"] == "clean":
        return "O"
    if "story" in kinds:
        return "STORY"
    return None


def sentence_examples(records: list[dict], copies: int) -> list[tuple[str, str]]:
    out = []
    for record in records:
        label = sentence_label(record)
        if label is not None:
            out.extend([(record["text"], label)] * copies)
    return out


def confirm_examples(records: list[dict], copies: int) -> list[tuple[str, str]]:
    """Confirmations as CONFIRM; clean replies and clean text of every register as O."""
    out = []
    for record in records:
        if "confirm" in record.get("kinds", []):
            out.extend([(record["text"], "CONFIRM")] * copies)
        elif record["label"] == "clean":
            out.extend([(record["text"], "O")] * copies)
    return out


def _pieces(record: dict) -> list[tuple[str, str, str]] | None:
    """(piece, tag, kind) covering the text; None when spans overlap (the record is skipped)."""
    text = record["text"]
    marks = []
    for span, kind in record.get("spans", []):
        if kind in _TAGS:
            start = text.find(span)
            marks.append((start, start + len(span), kind))
    marks.sort()
    pieces, at = [], 0
    for start, end, kind in marks:
        if start < at:
            return None
        if start > at:
            pieces.append((text[at:start], "O", ""))
        pieces.extend(_title_split(text[start:end], kind))
        at = end
    if at < len(text):
        pieces.append((text[at:], "O", ""))
    return pieces


def _title_split(span: str, kind: str) -> list[tuple[str, str, str]]:
    """'mr okafor' is O + NAME: a title the writer included in the span is not the name."""
    if kind != "name":
        return [(span, _TAGS[kind], kind)]
    match = re.match(r"((?:[A-Za-zñÑ]+\.?\s+)+)", span)
    lead = ""
    while match:
        word = match.group(1).split()[0]
        if word.lower().rstrip(".") not in _TITLES:
            break
        cut = span.find(word) + len(word)
        while cut < len(span) and span[cut] in ". ":
            cut += 1
        lead, span = lead + span[:cut], span[cut:]
        match = re.match(r"((?:[A-Za-zñÑ]+\.?\s+)+)", span)
    return ([(lead, "O", "")] if lead else []) + ([(span, "NAME", kind)] if span else [])


def _recase(value: str, like: str) -> str:
    if like.islower():
        return value.lower()
    if like.isupper() and len(like) > 1:
        return value.upper()
    return value


_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_DOCTOR = re.compile(r"(?i:\b(?:dr|doctor|dra)\.?\s+$)")


def unmarked_person(record: dict, gaz) -> bool:
    """Does the text hold a person's name its writer did not mark (a physician, a colleague, a public figure)?

    The writers marked patients' names, because those are PHI; a colleague or a famous person is written
    as plain text. The tagger, though, must tag every person (which of them is allowed is decided after it,
    by the roster, the staff and public-figure rules), so such a sentence would teach it that names are not
    names: it is left out of the tagger's training (the sentence models still learn from it)."""
    text = record["text"]
    marked = [(text.find(span), text.find(span) + len(span)) for span, kind in record.get("spans", [])
              if kind in _TAGS]
    for match in _WORD.finditer(text):
        if any(s <= match.start() < e for s, e in marked):
            continue
        word = match.group(0)
        low = word.lower().rstrip("'’s")
        flags = gaz.flags(low) if low else ""
        listed = ("F" in flags or "L" in flags) and "v" not in flags and "c" not in flags
        opens = not text[: match.start()].strip() or text[: match.start()].rstrip()[-1:] in ".!?:"
        capital = word[0].isupper() and not opens and not word.isupper() and "v" not in flags and "c" not in flags
        if (listed or capital) and not _DOCTOR.search(text, max(0, match.start() - 8), match.start()):
            return True
    return False


def tagged_examples(records: list[dict], sampler, variants: int, gaz=None) -> list[list[tuple[str, str]]]:
    """Each record as written, plus `variants` copies with its names and places re-drawn; records with a
    person left unmarked are skipped when a gazetteer is given (`unmarked_person`)."""
    rng: random.Random = sampler.rng
    out = []
    for record in records:
        pieces = _pieces(record)
        if pieces is None or (gaz is not None and unmarked_person(record, gaz)):
            continue
        out.append([(p, tag) for p, tag, _ in pieces])
        if not any(tag != "O" for _, tag, _ in pieces):
            continue
        for _ in range(variants):
            drawn = []
            for piece, tag, _kind in pieces:
                if tag != "O" and drawn and drawn[-1][1] == "O" and rng.random() < 0.15:
                    # Speech and chat put a filler between a word and the name or place it introduces.
                    lead = drawn[-1][0].rstrip()
                    drawn[-1] = (lead + rng.choice([", uh, ", " um ", ", like, ", " uh ", " — "]), "O")
                if tag == "NAME":
                    words = piece.split()
                    value = sampler.given() if len(words) == 1 and rng.random() < 0.5 else (
                        sampler.family() if len(words) == 1 else sampler.full())
                    drawn.append((_recase(value, piece), tag))
                elif tag == "LOC" and not any(ch.isdigit() for ch in piece):
                    drawn.append((_recase(rng.choice(sampler.cities), piece), tag))
                else:
                    drawn.append((piece, tag))
            out.append(drawn)
    return out
