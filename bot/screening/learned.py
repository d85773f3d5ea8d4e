"""The screen's learned parts: a CRF token tagger (names, places) and a sentence classifier.

Both are linear-chain CRFs (python-crfsuite) trained by `tools/train_screen.py` on generated text;
the weights ship in `bot/screening/model/`. Features are the word, its shape and affixes, its
neighbours, and whether it is on a list of given or family names (from Faker's locales), so the
tagger also finds lower-case, ALL-CAPS and foreign names in context.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

import pycrfsuite

from bot.screening.clauses import advice_features, sentence_features, with_intercept
from bot.screening.lexicon import _FILLERS, TOKEN, Gazetteer

MODEL_DIR = Path(str(resources.files("bot.screening").joinpath("model")))
TAGGER_FILE = "tagger.crfsuite"
SENTENCES_FILE = "sentences.crfsuite"
ADVICE_FILE = "advice.crfsuite"
CONFIRM_FILE = "confirm.crfsuite"
GAZETTEER_FILE = "gazetteer.txt"


def token_features(words: list[str], gaz: Gazetteer) -> list[list[str]]:
    """CRF features for each token of one text."""
    infos = [gaz.word_info(w) for w in words]
    lows = [info[0] for info in infos]
    shapes = [info[1] for info in infos]
    gazs = [info[2] for info in infos]
    n = len(words)
    # The nearest content word on each side, past fillers and commas ('from, uh, Wapakoneta'): speech and
    # chat put them between a preposition and its place, or a title and its name.
    skip = [not w[0].isalnum() or low in _FILLERS for w, low in zip(words, lows, strict=True)]
    before: list[int] = []
    last = -1
    for i in range(n):
        before.append(last)
        if not skip[i]:
            last = i
    after = [n] * n
    nxt = n
    for i in range(n - 1, -1, -1):
        after[i] = nxt
        if not skip[i]:
            nxt = i
    # A word's features as a neighbour are the same strings wherever it stands: made once per word (`_as_neighbour`).
    near = [_as_neighbour(low, shape_, flags) for low, shape_, flags in zip(lows, shapes, gazs, strict=True)]
    feats: list[list[str]] = []
    for i in range(n):
        f = list(infos[i][3])
        if 0 <= before[i] < i - 1:
            f.append("-1c=" + lows[before[i]])
        if i + 1 < after[i] < n:
            f.append("+1c=" + lows[after[i]])
        if i == 0:
            f.append("BOS")
        else:
            f += near[i - 1][0]
            f.append("-1ws=" + lows[i - 1] + shapes[i])
            if i > 1:
                f += near[i - 2][1]
        if i == n - 1:
            f.append("EOS")
        else:
            f += near[i + 1][2]
            if i < n - 2:
                f += near[i + 2][3]
        feats.append(f)
    return feats


@lru_cache(maxsize=20_000)
def _as_neighbour(low: str, shape_: str, flags: str) -> tuple[tuple[str, ...], ...]:
    """A word's features as seen from the words around it: one before, two before, one after, two after."""
    return (
        ("-1w=" + low, "-1s=" + shape_, "-1g=" + flags),
        ("-2w=" + low, "-2g=" + flags, "-2s=" + shape_),
        ("+1w=" + low, "+1s=" + shape_, "+1g=" + flags),
        ("+2w=" + low, "+2g=" + flags, "+2s=" + shape_),
    )



_EDGE_WORDS = frozenset("in at from to of near the and with by on".split())


def _edge_word(word: str) -> bool:
    return not word[0].isalnum() or word in _EDGE_WORDS


def tokenize(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(0), m.start(), m.end()) for m in TOKEN.finditer(text)]


class TokenTagger:
    """Tags tokens NAME / LOC / O and returns character spans of each tagged run."""

    def __init__(self, model_dir: Path = MODEL_DIR) -> None:
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model_dir / TAGGER_FILE))
        self.gazetteer = Gazetteer.load(model_dir / GAZETTEER_FILE)

    def spans(self, text: str) -> list[tuple[str, int, int, float]]:
        """(label, start, end, confidence) for each run of NAME or LOC tokens."""
        tokens = tokenize(text)
        if not tokens:
            return []
        labels = self._tagger.tag(token_features([t[0] for t in tokens], self.gazetteer))
        runs: list[tuple[str, int, int, float]] = []
        i = 0
        while i < len(tokens):
            label = labels[i]
            if label == "O":
                i += 1
                continue
            j = i
            while j + 1 < len(tokens) and labels[j + 1] == label and tokens[j + 1][1] - tokens[j][2] <= 1:
                j += 1
            # A run's edges are never a bare preposition or punctuation ('in Rockville', 'Dalton -'):
            # trimmed, so an unsure edge word does not sink the confidence of the name or place itself.
            lo, hi = i, j
            while lo <= hi and _edge_word(tokens[lo][0]):
                lo += 1
            while hi >= lo and _edge_word(tokens[hi][0]):
                hi -= 1
            # Beside a capitalised word, lower-case dictionary words at the edges are not part of it
            # ('Bradyview won't stop asking' is 'Bradyview'), and their doubt is not its doubt.
            if any(tokens[k][0][0].isupper() for k in range(lo, hi + 1)):
                while hi > lo and tokens[hi][0].islower() and "v" in self.gazetteer.flags(tokens[hi][0]):
                    hi -= 1
                while lo < hi and tokens[lo][0].islower() and "v" in self.gazetteer.flags(tokens[lo][0]):
                    lo += 1
            if lo <= hi:
                # A person or a place, the tagger is unsure which: either way an identifier, so the run's
                # confidence is that it is not plain text (1 - P(O)), under the label it finds likelier.
                confidence = min(1.0 - self._tagger.marginal("O", k) for k in range(lo, hi + 1))
                runs.append((label, tokens[lo][1], tokens[hi][2], confidence))
            i = j + 1
        return runs


class SentenceClassifier:
    """Labels a sentence ADVICE (individual advice), STORY (identifying story) or O."""

    def __init__(self, model_dir: Path = MODEL_DIR) -> None:
        self.model_dir = model_dir
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model_dir / SENTENCES_FILE))

    def scores(self, sentences: list[str], features: list[list[str]] | None = None) -> list[dict[str, float]]:
        """Per sentence, the probability of each label; `features` saves recomputing sentence_features."""
        if not sentences:
            return []
        out = []
        for i, sentence in enumerate(sentences):
            self._tagger.set([features[i] if features is not None else sentence_features(sentence)])
            out.append({label: self._tagger.marginal(label, 0) for label in ("ADVICE", "STORY", "O")})
        return out


    def story(self, features: list[str]) -> float:
        """The STORY probability of one sentence from its sentence_features."""
        self._tagger.set([features])
        return self._tagger.marginal("STORY", 0)


class AdviceClassifier:
    """The ADVICE probability of a sentence, from its own model (advice_features), so the advice
    decision can be calibrated without moving the story label of the SentenceClassifier."""

    def __init__(self, model_dir: Path = MODEL_DIR) -> None:
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model_dir / ADVICE_FILE))

    def scores(self, sentences: list[str], features: list[list[str]] | None = None) -> list[float]:
        """ADVICE probability per sentence; `features` (sentence_features of each) saves recomputing them."""
        out = []
        for i, sentence in enumerate(sentences):
            f = with_intercept(features[i]) if features is not None else advice_features(sentence)
            self._tagger.set([f])
            out.append(self._tagger.marginal("ADVICE", 0))
        return out


@lru_cache(maxsize=2)
def load_advice_model(model_dir: Path = MODEL_DIR) -> AdviceClassifier:
    return AdviceClassifier(model_dir)


class ConfirmClassifier:
    """For public replies: the probability that a sentence shows the practice knows someone's care
    ('glad your scan came back clear'), from its own model on advice_features."""

    def __init__(self, model_dir: Path = MODEL_DIR) -> None:
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model_dir / CONFIRM_FILE))

    def score(self, sentence: str, gazetteer: Gazetteer | None = None, features: list[str] | None = None) -> float:
        """`features`: the sentence's sentence_features, if already worked out (with the same gazetteer)."""
        own = with_intercept(features) if features is not None else advice_features(sentence, gazetteer)
        self._tagger.set([own])
        return self._tagger.marginal("CONFIRM", 0)


@lru_cache(maxsize=2)
def load_confirm_model(model_dir: Path = MODEL_DIR) -> ConfirmClassifier | None:
    """None when the model directory has no confirmation model (replies then use the rules alone)."""
    return ConfirmClassifier(model_dir) if (model_dir / CONFIRM_FILE).exists() else None


def load_models(model_dir: Path = MODEL_DIR) -> tuple[TokenTagger, SentenceClassifier]:
    """Load both models once per process (they are read-only and shared by every Screener).

    load_models() and load_models(MODEL_DIR) are one cache entry, not two loads of the gazetteer. The
    screen asks for them on every text, so the usual call skips building a Path."""
    return _load_models(model_dir if type(model_dir) is type(MODEL_DIR) else Path(model_dir))


@lru_cache(maxsize=2)
def _load_models(model_dir: Path) -> tuple[TokenTagger, SentenceClassifier]:
    return TokenTagger(model_dir), SentenceClassifier(model_dir)
