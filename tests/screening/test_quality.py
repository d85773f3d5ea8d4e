"""Recall and false-alarm rate of the screen on the hand-labelled set in tests/data."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from bot.screening import AllowList, Screener

DATA = Path(__file__).resolve().parents[1] / "data" / "screening.jsonl"

#: The practice the labelled set was written for (Lakeside Family Medicine and its roster).
PRACTICE_ALLOW = AllowList(
    names=frozenset(
        {
            "Lakeside Family Medicine",
            "Lakeside Pediatrics",
            "Priya Patel",
            "Marcus Webb",
            "Elena Sokolova",
            "James Whitaker",
            "Aisha Bello",
            "Linda Okoro",
            "Tom Brennan",
            "Rosa Delgado",
        }
    ),
    phones=frozenset({"(608) 241-4400", "(608) 241-4401"}),
    urls=frozenset({"https://www.lakesidefamilymed.com"}),
    emails=frozenset({"appointments@lakesidefamilymed.com"}),
    addresses=frozenset({"2150 Lakeshore Drive"}),
)

#: A labelled kind also counts as found when one of these kinds is found (documented synonyms):
#: a fax number reported as a phone and vice versa; an identifying photo reported as biometric.
SYNONYMS: dict[str, frozenset[str]] = {
    "fax": frozenset({"phone"}),
    "phone": frozenset({"fax"}),
    "photo": frozenset({"biometric"}),
    "biometric": frozenset({"photo"}),
}


def _rows() -> list[dict]:
    return [json.loads(line) for line in DATA.read_text("utf-8").splitlines() if line.strip()]


def evaluate() -> dict[str, object]:
    """Screen every labelled row and count hits per kind, advice hits and clean false alarms."""
    screener = Screener(PRACTICE_ALLOW)
    per_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # kind -> [found, total]
    phi_docs = [0, 0]
    advice_docs = [0, 0]
    clean = [0, 0]  # [false alarms, total]
    misses: list[str] = []
    for row in _rows():
        extra = AllowList(names=frozenset({row["physician"]}))
        verdict = screener.screen(row["text"], extra_allow=extra)
        kinds = {f.kind for f in verdict.findings}
        has_phi = any(f.category == "phi" for f in verdict.findings)
        if row["phi_kinds"]:
            phi_docs[1] += 1
            phi_docs[0] += has_phi
            for kind in row["phi_kinds"]:
                per_kind[kind][1] += 1
                if kind in kinds or kinds & SYNONYMS.get(kind, frozenset()):
                    per_kind[kind][0] += 1
                else:
                    misses.append(f"{row['id']} missed {kind}")
        if row["advice"]:
            advice_docs[1] += 1
            advice_docs[0] += "advice" in kinds
            if "advice" not in kinds:
                misses.append(f"{row['id']} missed advice")
        if not row["phi_kinds"] and not row["advice"]:
            clean[1] += 1
            if verdict.findings:
                clean[0] += 1
                misses.append(f"{row['id']} false alarm: {sorted(kinds)}")
    return {
        "per_kind": dict(per_kind),
        "phi_docs": phi_docs,
        "advice_docs": advice_docs,
        "clean": clean,
        "misses": misses,
    }


def report(result: dict[str, object]) -> str:
    """A per-kind table (ids only, never the answer text)."""
    lines = [f"{'kind':<15}{'found':>7}{'total':>7}{'recall':>8}"]
    for kind, (found, total) in sorted(result["per_kind"].items()):
        lines.append(f"{kind:<15}{found:>7}{total:>7}{found / total:>8.2f}")
    phi, adv, clean = result["phi_docs"], result["advice_docs"], result["clean"]
    lines.append(f"PHI document recall {phi[0]}/{phi[1]} = {phi[0] / phi[1]:.3f}")
    lines.append(f"advice recall {adv[0]}/{adv[1]} = {adv[0] / adv[1]:.3f}")
    lines.append(f"clean false alarms {clean[0]}/{clean[1]} = {clean[0] / clean[1]:.3f}")
    lines.extend(result["misses"])
    return "\n".join(lines)


@pytest.fixture(scope="module")
def result() -> dict[str, object]:
    return evaluate()


def test_the_labelled_set_is_big_and_covers_every_kind() -> None:
    rows = _rows()
    assert len(rows) >= 300
    assert sum(1 for r in rows if not r["phi_kinds"] and not r["advice"]) >= 120
    assert sum(1 for r in rows if r["advice"]) >= 40
    counts: dict[str, int] = defaultdict(int)
    for row in rows:
        for kind in row["phi_kinds"]:
            counts[kind] += 1
    from bot.screening import PHI_KINDS

    # 'other_id' (Safe Harbor's catch-all for other unique codes) came after this set was written; the
    # shared dev set covers it (tests/screening/test_dev_targets.py).
    assert {k for k, n in counts.items() if n >= 8} == set(PHI_KINDS) - {"other_id"}


def test_phi_document_recall(result: dict[str, object]) -> None:
    found, total = result["phi_docs"]
    assert found / total >= 0.98, report(result)


def test_recall_for_every_kind(result: dict[str, object]) -> None:
    low = {k: f / t for k, (f, t) in result["per_kind"].items() if f / t < 0.95}
    assert not low, report(result)


def test_advice_recall(result: dict[str, object]) -> None:
    found, total = result["advice_docs"]
    assert found / total >= 0.90, report(result)


def test_false_alarms_on_clean_answers(result: dict[str, object]) -> None:
    alarms, total = result["clean"]
    assert alarms / total <= 0.05, report(result)


if __name__ == "__main__":
    print(report(evaluate()))
