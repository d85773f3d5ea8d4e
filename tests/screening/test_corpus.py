"""The hand-written training corpus (tools/corpus) stays usable: every line parses, every span is in its
text, and a fixed fifth is held out of training so tools/screen_eval.py --corpus grades honestly."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import corpus_data  # noqa: E402


def test_every_corpus_line_is_labelled_and_its_spans_are_in_its_text() -> None:
    records = corpus_data.load()  # raises on a span that is not in its text
    assert len(records) >= 2000
    assert {r["label"] for r in records} == {"clean", "phi", "advice"}
    assert all(r["text"].strip() for r in records)


def test_a_fixed_fifth_is_held_out_of_training() -> None:
    records = corpus_data.load()
    train, heldout = corpus_data.split(records)
    assert len(train) + len(heldout) == len(records)
    assert 0.15 < len(heldout) / len(records) < 0.25
    assert not {r["text"] for r in train} & {r["text"] for r in heldout}
    assert corpus_data.split(records) == (train, heldout)  # the same split on every run


def test_titles_and_kin_words_are_not_part_of_a_tagged_name() -> None:
    pieces = corpus_data._pieces({"text": "tell mr okafor and Oma Greta", "spans": [["mr okafor", "name"],
                                                                                ["Oma Greta", "name"]]})
    assert [(p, tag) for p, tag, _ in pieces] == [
        ("tell ", "O"), ("mr ", "O"), ("okafor", "NAME"), (" and ", "O"), ("Oma ", "O"), ("Greta", "NAME")]


def test_sets_by_other_hands_load_and_stay_out_of_training() -> None:
    """tools/corpus/untrained and tools/corpus/blind are yardsticks: they parse, and training (which reads only the
    files directly in tools/corpus) never sees their text."""
    trained = {r["text"] for r in corpus_data.load()}
    for folder in ("untrained", "blind"):
        records = corpus_data.load(corpus_data.CORPUS_DIR / folder)
        assert len(records) >= 700
        assert {r["label"] for r in records} == {"clean", "phi", "advice"}
        assert not trained & {r["text"] for r in records}
