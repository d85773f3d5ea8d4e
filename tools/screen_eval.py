"""Score the screen in-process on a labelled set (dev.jsonl format) with score.py's own metrics.

Run: .venv/bin/python tools/screen_eval.py [--cases PATH | --corpus | --untrained | --blind]
     [--split tune|holdout|all]
     [--purpose answer|reply] [--misses]
The allow-list is the one `rounds screen` builds from shared/eval/context.json (practice names,
phones, URLs and the roster). --split takes a fixed, seeded half of the set: tune on one half,
look at the other only now and then, so the numbers on it stay honest.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from bot.screening import AllowList, Screener  # noqa: E402


def eval_dir() -> Path:
    """shared/eval beside the repository (or $ROUNDS_EVAL_DIR)."""
    import os

    return Path(os.environ.get("ROUNDS_EVAL_DIR", ROOT.parent / "shared" / "eval"))


def load_scorer():
    spec = importlib.util.spec_from_file_location("rounds_eval_score", eval_dir() / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def context_allow(path: Path) -> AllowList:
    ctx = json.loads(path.read_text("utf-8"))
    urls = frozenset(u if "://" in u else f"https://{u}" for u in ctx.get("public_urls", []))
    return AllowList(
        names=frozenset(ctx.get("organizations", [])) | frozenset(ctx.get("physicians", [])),
        phones=frozenset(ctx.get("public_phones", [])),
        urls=urls,
    )


def split(cases: list[dict], which: str) -> list[dict]:
    if which == "all":
        return cases
    ids = sorted(c["id"] for c in cases)
    random.Random(9).shuffle(ids)
    tune = set(ids[: len(ids) // 2])
    return [c for c in cases if (c["id"] in tune) == (which == "tune")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=Path, default=None)
    parser.add_argument("--corpus", action="store_true",
                        help="score the held-out fifth of tools/corpus (never trained on) instead of a file")
    parser.add_argument("--untrained", action="store_true",
                        help="score tools/corpus/untrained (other hands' sets that never reach training)")
    parser.add_argument("--blind", action="store_true",
                        help="score tools/corpus/blind (sets by other hands, each split in its own seeded halves)")
    parser.add_argument("--split", choices=["tune", "holdout", "all"], default="all")
    parser.add_argument("--purpose", choices=["answer", "reply"], default="answer",
                        help="screen as a physician's answer or as a public reply to a patient's message")
    parser.add_argument("--misses", action="store_true", help="print missed cases and false alarms")
    args = parser.parse_args()
    scorer = load_scorer()
    if args.corpus:
        import corpus_data

        cases = corpus_data.as_cases(corpus_data.split(corpus_data.load())[1])
    elif args.untrained:
        import corpus_data

        cases = corpus_data.as_cases(corpus_data.load(corpus_data.CORPUS_DIR / "untrained"))
    elif args.blind:
        cases = []
    else:
        cases = scorer.load_cases(args.cases or eval_dir() / "dev.jsonl")
    cases = split(cases, args.split)
    if args.blind:
        import corpus_data

        # each file split on its own ids, so a set's halves stay the same whatever other sets join the folder
        for path in sorted((corpus_data.CORPUS_DIR / "blind").glob("*.jsonl")):
            records = corpus_data.load_file(path)
            own = corpus_data.as_cases(records)
            for i, case in enumerate(own):
                case["id"] = f"{path.stem}-{i:04d}"
            cases += split(own, args.split)
    screener = Screener(context_allow(eval_dir() / "context.json"))
    outputs = {}
    start = time.perf_counter()
    for case in cases:
        verdict = screener.screen(case["text"], purpose=args.purpose)
        outputs[case["id"]] = {
            "verdict": verdict.verdict,
            "findings": [{"kind": f.kind, "start": f.start, "end": f.end} for f in verdict.findings],
        }
    elapsed = time.perf_counter() - start
    metrics = scorer.score(cases, outputs)
    timing = {"wall_s": elapsed, "first_verdict_s": 0, "steady_cases_per_s": len(cases) / elapsed, "peak_rss_mib": 0}
    print(scorer.report(f"in-process {args.split}", metrics, timing, len(cases), [], []))
    if args.misses:
        for case in cases:
            out = outputs[case["id"]]
            flagged = out["verdict"] != "ok"
            if (case["label"] == "clean") == flagged:
                found = [(f["kind"], case["text"][f["start"] : f["end"]]) for f in out["findings"]]
                print(f"\n[{case['label']} {case['kinds']}] {case['text']}\n   gold={case['spans']} found={found}")


if __name__ == "__main__":
    main()
