"""`rounds screen`: JSON lines in, one verdict line out per input line."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from bot.screening.screener import Screener


def _parse(line: str) -> tuple[object, str] | str:
    """The (id, text) of an input line, or a message saying what is wrong with it."""
    try:
        record = json.loads(line.lstrip("\ufeff"))  # a file saved with a byte-order mark starts with one
    except json.JSONDecodeError as error:
        return (
            f"not valid JSON ({error.msg} at column {error.colno}); expected an object like "
            '{"id": "a1", "text": "..."}'
        )
    if not isinstance(record, dict):
        return f'expected a JSON object with "id" and "text", got {type(record).__name__}'
    if "text" not in record:
        return 'missing "text"; expected a string with the answer to screen'
    if not isinstance(record["text"], str):
        return f'"text" must be a string, got {type(record["text"]).__name__}'
    return record.get("id"), record["text"]


def screen_jsonl(lines: Iterable[str], out: TextIO, screener: Screener) -> int:
    """Screen JSON lines {"id", "text"}; write one result or error line per input line.

    Args:
        lines: input lines (blank ones are skipped).
        out: where result lines go.
        screener: the configured Screener.

    Returns:
        The number of invalid input lines (the CLI exits non-zero if any).
    """
    invalid = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        parsed = _parse(line)
        if isinstance(parsed, str):
            invalid += 1
            out.write(json.dumps({"line": number, "error": parsed}) + "\n")
            continue
        record_id, text = parsed
        verdict = screener.screen(text)
        findings = [{"kind": f.kind, "start": f.start, "end": f.end} for f in verdict.findings]
        result = {"id": record_id, "verdict": verdict.verdict, "findings": findings}
        if record_id is None:  # no id to match the verdict by: the input line number does instead
            result["line"] = number
        out.write(json.dumps(result) + "\n")
    return invalid
