"""Train the screen's learned parts and write them to bot/screening/model/ (reproducible: fixed seeds).

Run: make train-screen   (or: uv run --group train python tools/train_screen.py)
Needs Faker (the `train` dependency group) for name and place lists; the runtime needs only
python-crfsuite. A fixed 15% of the given and family names is kept out of the training text and of the
lists the models learn from, so tools/screen_heldout.py can check the tagger on names it never saw in
training; the shipped gazetteer lists them all (a name on no list is still found from its context).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import pycrfsuite

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

import confirm_data  # noqa: E402
import corpus_data  # noqa: E402
import screen_data as data  # noqa: E402

from bot.screening.clauses import advice_features, sentence_features  # noqa: E402
from bot.screening.learned import (  # noqa: E402
    ADVICE_FILE,
    CONFIRM_FILE,
    GAZETTEER_FILE,
    MODEL_DIR,
    SENTENCES_FILE,
    TAGGER_FILE,
    token_features,
    tokenize,
)
from bot.screening.lexicon import Gazetteer  # noqa: E402

SEED = 20261130
HELDOUT_SHARE = 0.15
# The hand-written corpus is small beside the generated text: each of its sentences counts this many
# times in the sentence models, and each tagged one comes back with this many re-drawn names.
CORPUS_COPIES = 3
CORPUS_NAME_VARIANTS = 1


def name_split(seed: int = SEED) -> tuple[list[str], list[str], list[str], list[str]]:
    """(train first, train last, held-out first, held-out last) names, split once with a fixed seed."""
    first, last = data.faker_names()
    rng = random.Random(seed)

    def cut(names: list[str]) -> tuple[list[str], list[str]]:
        lows = sorted({n.lower() for n in names})
        held = set(rng.sample(lows, int(len(lows) * HELDOUT_SHARE)))
        return [n for n in names if n.lower() not in held], [n for n in names if n.lower() in held]

    train_first, held_first = cut(first)
    train_last, held_last = cut(last)
    # A name held out on one list must not leak in through the other.
    held = {n.lower() for n in held_first + held_last}
    train_first = [n for n in train_first if n.lower() not in held]
    train_last = [n for n in train_last if n.lower() not in held]
    return train_first, train_last, held_first, held_last


def city_split(seed: int = SEED) -> tuple[list[str], list[str]]:
    cities = data.faker_cities(random.Random(seed), 4000)
    rng = random.Random(seed + 1)
    held = set(rng.sample(cities, int(len(cities) * HELDOUT_SHARE)))
    return [c for c in cities if c not in held], sorted(held)


def token_labels(pieces: list[tuple[str, str]]) -> tuple[list[str], list[str]]:
    """Tokens of the joined pieces and each token's label (from the piece it falls in)."""
    text, owners = "", []
    for piece, label in pieces:
        owners.append((len(text), len(text) + len(piece), label))
        text += piece
    words, labels = [], []
    for word, start, _ in tokenize(text):
        words.append(word)
        labels.append(next((lab for s, e, lab in owners if s <= start < e), "O"))
    return words, labels


def write_gazetteer(path: Path, first: list[str], last: list[str]) -> None:
    lines = [
        "## Given and family names from Faker's person providers, and common English and Spanish words",
        "## from Faker's lorem lists (Faker: MIT licence, Copyright (c) 2012 Daniele Faraglia). Lower-cased.",
        "## frequent: the 15,000 most frequent words of Spanish, Portuguese, French, German, Italian and Filipino",
        "## (less English's 30,000) from wordfreq",
        "## (Robyn Speer; word lists CC BY-SA 4.0); not a tagger feature. function: the 250 most frequent of each of",
        "## those and Filipino that are not among English's 3,000 (wordfreq too); not a tagger feature.",
        "## vocab: lower-case words of Webster's Second (web2, public domain) via the english-words package (MIT).",
        "# first",
    ]
    lines += sorted({n.lower() for n in first})
    lines += ["# last"]
    lines += sorted({n.lower() for n in last})
    lines += ["# common"]
    lines += data.common_words()
    lines += ["# frequent"]
    lines += data.frequent_words()
    lines += ["# function"]
    lines += data.function_words()
    lines += ["# vocab"]
    lines += data.dictionary_words()
    path.write_text("\n".join(lines) + "\n", "utf-8")


def train(out_dir: Path, tag_count: int, sentence_count: int) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    first, last, held_first, held_last = name_split()
    cities, _ = city_split()
    # The shipped gazetteer lists every name; the models learn from the training share only (and the tagger
    # from a part of that), so they still learn to find names no list holds, as the held-out sets check.
    # (A held-out name that is also a word, 'made' or 'will', stays off: nothing listed it before.)
    write_gazetteer(out_dir / GAZETTEER_FILE, first, last)
    shipped = Gazetteer.load(out_dir / GAZETTEER_FILE)
    write_gazetteer(
        out_dir / GAZETTEER_FILE,
        first + [n for n in held_first if not shipped.in_vocab(n.lower())],
        last + [n for n in held_last if not shipped.in_vocab(n.lower())],
    )
    shipped = Gazetteer.load(out_dir / GAZETTEER_FILE)
    gaz = Gazetteer(
        frozenset(n.lower() for n in first), frozenset(n.lower() for n in last), shipped.common, shipped.vocab
    )
    rng = random.Random(SEED)
    sampler = data.Sampler(rng, first, last, cities)
    tag_templates = data.family("tag", "train")
    clean_templates = data.CLEAN_TAG_TEMPLATES
    # Features see only part of the name list, so the tagger also learns names it has no entry for.
    seen = random.Random(SEED + 2)
    partial = Gazetteer(
        frozenset(n for n in sorted(gaz.first) if seen.random() < 0.6),
        frozenset(n for n in sorted(gaz.last) if seen.random() < 0.6),
        gaz.common,
        gaz.vocab,
    )

    started = time.perf_counter()
    trainer = pycrfsuite.Trainer(verbose=False)
    corpus, _ = corpus_data.split(corpus_data.load())
    tagged = data.tagged_examples(sampler, tag_count, tag_templates, clean_templates)
    tagged += corpus_data.tagged_examples(corpus, data.Sampler(random.Random(SEED + 5), first, last, cities),
                                          CORPUS_NAME_VARIANTS, gaz)
    for pieces in tagged:
        words, labels = token_labels(pieces)
        if words:
            trainer.append(token_features(words, partial), labels)
    trainer.set_params({"c1": 0.05, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True})
    trainer.train(str(out_dir / TAGGER_FILE))
    print(f"tagger: {len(tagged)} texts, {time.perf_counter() - started:.0f}s")

    started = time.perf_counter()
    # Its own seeded generator: a change to the tagger's training text leaves the sentence models as they are.
    sampler = data.Sampler(random.Random(SEED + 3), first, last, cities)
    examples = data.sentence_examples(sampler, sentence_count, "train")
    examples += corpus_data.sentence_examples(corpus, CORPUS_COPIES)
    # Stories told by their incident ('the mom who delivered in the parking garage elevator'), for the story model.
    incidents = data.incident_examples(data.Sampler(random.Random(SEED + 6), first, last, cities), sentence_count // 20)
    # The story/advice model, then the advice model on the same sentences with its own features.
    for features, path, extra in ((sentence_features, SENTENCES_FILE, incidents), (advice_features, ADVICE_FILE, [])):
        trainer = pycrfsuite.Trainer(verbose=False)
        for sentence, label in examples + extra:
            trainer.append([features(sentence, gaz)], [label])
        # Stronger L2 keeps the probabilities calibrated enough to threshold on.
        trainer.set_params({"c1": 0.1, "c2": 1.0, "max_iterations": 200})
        trainer.train(str(out_dir / path))
    print(f"sentences: {sentence_count} sentences, {time.perf_counter() - started:.0f}s")

    started = time.perf_counter()
    # Replies: does a sentence show the practice knows someone's care? Reply-register grammar, plus the
    # sentence models' advice and clean text as more of the negative class.
    rng = random.Random(SEED + 4)
    confirm = confirm_data.confirm_examples(rng, sentence_count // 3, (first, last))
    confirm += [(sentence, "O") for sentence, label in examples[: sentence_count // 3] if label != "STORY"]
    confirm += corpus_data.confirm_examples(corpus, CORPUS_COPIES)
    trainer = pycrfsuite.Trainer(verbose=False)
    for sentence, label in confirm:
        trainer.append([advice_features(sentence, gaz)], [label])
    trainer.set_params({"c1": 0.1, "c2": 1.0, "max_iterations": 200})
    trainer.train(str(out_dir / CONFIRM_FILE))
    print(f"confirmations: {len(confirm)} sentences, {time.perf_counter() - started:.0f}s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=MODEL_DIR)
    parser.add_argument("--tag-count", type=int, default=40000)
    parser.add_argument("--sentence-count", type=int, default=25000)
    args = parser.parse_args()
    train(args.out, args.tag_count, args.sentence_count)


if __name__ == "__main__":
    main()
