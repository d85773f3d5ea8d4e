"""Write held-out labelled sets (dev.jsonl format) the learned parts were not trained on.

Run: .venv/bin/python tools/screen_heldout.py OUT_DIR   (needs the `train` group for Faker)
Then: .venv/bin/python tools/screen_eval.py --cases OUT_DIR/heldout_chat.jsonl

What differs from training: the names and towns are the 15% kept out of training (the shipped gazetteer
lists the names since session 21, so the tagger's name features see them; tools/train_screen.py), the
sentence templates are the held-out family (every fourth template), and two registers are added that
training never saw: clinical-note lines and casual
all-lower-case chat with typos. Clean cases are general-education sentences from the grammar.
A third set, `heldout_replies.jsonl`, holds whole public replies to patients' messages in the
held-out reply writer's words (tools/reply_data.py), clean or carrying one advice sentence; score
it with `--purpose reply`, as the inbox's reply check screens.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import reply_data  # noqa: E402
import screen_data as data  # noqa: E402
from train_screen import city_split, name_split  # noqa: E402


def _case(case_id: str, pieces: list[tuple[str, str]], label: str, register: str) -> dict:
    text, spans = "", []
    for piece, kind in pieces:
        if kind != "O":
            spans.append([len(text), len(text) + len(piece), kind])
        text += piece
    kinds = sorted({k for _, _, k in spans}) or ["general"]
    return {
        "id": case_id,
        "text": text,
        "label": label,
        "kinds": kinds,
        "spans": spans,
        "specialty": "any",
        "source": f"heldout:{register}",
    }


_KIND = {"NAME": "name", "LOC": "geo", "STORY": "story", "ADVICE": "advice"}


def build(register: str, count: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    _, _, held_first, held_last = name_split()
    _, held_cities = city_split()
    sampler = data.Sampler(rng, held_first, held_last, held_cities, writer="heldout")
    templates = data.family("tag", "heldout")
    cases = []
    for i in range(count):
        roll = rng.random()
        if roll < 0.45:
            name_case = "lower" if register == "chat" and rng.random() < 0.6 else "as-is"
            pieces = data.render_tagged(rng.choice(templates), sampler, name_case)
            pieces = [(p, _KIND.get(k, "O")) for p, k in pieces]
            label = "phi" if any(k != "O" for _, k in pieces) else "clean"
        elif roll < 0.65:
            sentence = data.render_sentence(rng.choice(data.family("advice", "heldout")), sampler)
            pieces, label = [(sentence, "advice")], "advice"
        elif roll < 0.75:
            sentence = data.render_sentence(rng.choice(data.family("story", "heldout")), sampler)
            pieces, label = [(sentence, "story")], "phi"
        else:
            pieces, label = [(data.general_sentence(sampler), "O")], "clean"
        if rng.random() < 0.4:
            pieces = [(data.general_sentence(sampler) + ". ", "O"), *pieces]
        if register == "chat":
            pieces = [(p.lower() if k in ("O", "advice", "story") else p, k) for p, k in pieces]
            pieces = [(data.noisy_piece(p, rng) if k == "O" else p, k) for p, k in pieces]
        cases.append(_case(f"{register}-{i:04d}", pieces, label, register))
    return cases


# The public phones and organisation of shared/eval/context.json: allowed in a reply.
_PUBLIC_PHONES = ["(614) 555-0100", "614-555-0123", "(614) 555-0188"]
_PRACTICE = "Lakeshore Regional Medical Center"


def build_replies(count: int, seed: int) -> list[dict]:
    """Whole public replies in the held-out reply writer's words; four in ten carry one advice sentence."""
    rng = random.Random(seed)
    _, _, held_first, held_last = name_split()
    _, held_cities = city_split()
    sampler = data.Sampler(rng, held_first, held_last, held_cities, writer="heldout")
    cases = []
    for i in range(count):
        pieces = [(reply_data.heldout_clean(rng, _PUBLIC_PHONES, _PRACTICE), "O") for _ in range(rng.randint(1, 4))]
        label = "clean"
        if rng.random() < 0.4:
            advice = data.render_sentence(rng.choice(reply_data.HELDOUT_ADVICE), sampler)
            at = rng.randint(0, len(pieces))
            if rng.random() < 0.4:
                pieces.insert(at, (rng.choice(reply_data.HELDOUT_ADVICE_LEADS), "O"))
                at += 1
            pieces.insert(at, (advice[0].upper() + advice[1:], "advice"))
            label = "advice"
        lower = rng.random() < 0.25
        joined: list[tuple[str, str]] = []
        for n, (piece, kind) in enumerate(pieces):
            if lower:
                piece = piece.lower()
                piece = data.noisy_piece(piece, rng) if kind == "O" else piece
            joined.append((piece, kind))
            if n < len(pieces) - 1:
                joined.append((rng.choice([". ", "! ", ". ", " - "]), "O"))
            else:
                joined.append((rng.choice([".", "!", ""]), "O"))
        cases.append(_case(f"replies-{i:04d}", joined, label, "replies"))
    return cases


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/rounds-heldout")
    out.mkdir(parents=True, exist_ok=True)
    for register, seed in (("chat", 101), ("notes", 202)):
        cases = build(register, 400, seed)
        path = out / f"heldout_{register}.jsonl"
        path.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in cases), "utf-8")
        print(path, len(cases))
    path = out / "heldout_replies.jsonl"
    cases = build_replies(400, 303)
    path.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in cases), "utf-8")
    print(path, len(cases), "(score with --purpose reply)")


if __name__ == "__main__":
    main()
