"""`rounds screen`: JSON lines in, one verdict line out per input line."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from typing import TextIO

from bot.screening.screener import Screener

_EXPECTED = 'expected an object like {"id": "a1", "text": "..."}'


class _NotStandard(ValueError):
    """JSON that Python reads but a standard parser does not: a repeated key, NaN or Infinity."""


def _one_each(pairs: list[tuple[str, object]]) -> dict:
    record = dict(pairs)
    if len(record) < len(pairs):  # '{"text": "John Smith 614-555-9876", "text": "hello"}': which one is screened?
        seen: set[str] = set()
        repeated = next(key for key, _ in pairs if key in seen or seen.add(key))
        raise _NotStandard(f"the key {repeated!r} appears more than once")
    return record


def _no_constant(name: str) -> object:
    raise _NotStandard(f"{name} is not a JSON value")


def _parse(line: str) -> tuple[object, str] | str:
    """The (id, text) of an input line, or a message saying what is wrong with it."""
    try:  # (a file saved with a byte-order mark starts with one)
        record = json.loads(
            line.lstrip("\ufeff").rstrip("\r\n"), object_pairs_hook=_one_each, parse_constant=_no_constant
        )
    except json.JSONDecodeError as error:
        return f"not valid JSON ({error.msg}, column {error.colno}); {_EXPECTED}"
    except _NotStandard as error:
        return f"not valid JSON ({error}); {_EXPECTED}"
    except RecursionError:
        return f"not readable: nested too deeply; {_EXPECTED}"
    except ValueError:  # an integer of more digits than Python converts (4,300)
        return f"not readable: a number has too many digits; {_EXPECTED}"
    if not isinstance(record, dict):
        return f'expected a JSON object with "id" and "text", got {type(record).__name__}'
    if "text" not in record:
        return 'missing "text"; expected a string with the answer to screen'
    if not isinstance(record["text"], str):
        return f'"text" must be a string, got {type(record["text"]).__name__}'
    record_id = record.get("id")
    if isinstance(record_id, float) and not math.isfinite(record_id):  # ('1e999' reads as infinity: no JSON to echo)
        return f'"id" must be a string or a finite number, got {record_id}'
    return record_id, record["text"]


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
