"""`screen_jsonl`: one output line per input line, errors with line numbers, blanks skipped."""

from __future__ import annotations

import io
import json

import pytest

from bot.screening import Screener, screen_jsonl


def _run(lines: list[str]) -> tuple[int, list[dict]]:
    out = io.StringIO()
    invalid = screen_jsonl(lines, out, Screener())
    return invalid, [json.loads(line) for line in out.getvalue().splitlines()]


def test_valid_lines_get_verdicts_and_spans() -> None:
    invalid, rows = _run(
        [
            json.dumps({"id": "a1", "text": "Flu shots start in October."}),
            json.dumps({"id": "a2", "text": "Her MRN is 00482913."}),
            json.dumps({"id": 3, "text": "You should double your dose."}),
        ]
    )
    assert invalid == 0
    assert rows[0] == {"id": "a1", "verdict": "ok", "findings": []}
    assert rows[1]["verdict"] == "block"
    assert rows[1]["findings"] == [{"kind": "mrn", "start": 11, "end": 19}]
    assert rows[2]["id"] == 3 and rows[2]["verdict"] == "warn"


def test_a_line_without_id_is_matched_by_its_line_number() -> None:
    invalid, rows = _run(["", json.dumps({"text": "Her MRN is 00482913."})])
    assert invalid == 0
    assert rows == [{"id": None, "verdict": "block", "findings": [{"kind": "mrn", "start": 11, "end": 19}],
                     "line": 2}]


def test_invalid_lines_are_reported_and_the_rest_screened() -> None:
    lines = [
        "{not json",
        json.dumps({"id": "b1"}),
        "",
        json.dumps({"id": "b2", "text": 42}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "b3", "text": "Mrs. Abernathy is doing great."}),
    ]
    invalid, rows = _run(lines)
    assert invalid == 4
    assert [r.get("line") for r in rows[:4]] == [1, 2, 4, 5]
    assert "not valid JSON" in rows[0]["error"] and '"text"' in rows[0]["error"]
    assert "missing" in rows[1]["error"]
    assert "must be a string" in rows[2]["error"] and "int" in rows[2]["error"]
    assert "object" in rows[3]["error"]
    assert rows[4]["id"] == "b3" and rows[4]["verdict"] == "block"


def test_errors_do_not_echo_the_input() -> None:
    secret = "Mrs. Abernathy 412-67-9033"
    _, rows = _run(['{"id": "x", "text": "' + secret])
    assert secret not in json.dumps(rows)


def test_blank_lines_are_skipped() -> None:
    invalid, rows = _run(["", "  ", "\n"])
    assert invalid == 0 and rows == []


def test_a_byte_order_mark_before_the_first_line_is_not_an_error() -> None:
    invalid, rows = _run(["\ufeff" + json.dumps({"id": "a1", "text": "hello"})])
    assert invalid == 0 and rows == [{"id": "a1", "verdict": "ok", "findings": []}]


def test_json_that_would_crash_the_reader_or_that_only_python_reads_is_an_error_line() -> None:
    """(black-box, session 26) Deep nesting and a 5,000-digit number raised out of `json.loads` and lost every later
    line; NaN, Infinity and a repeated key are not standard JSON (which "text" would be screened?)."""
    lines = [
        '{"id": "deep", "text": ' + "[" * 5000 + "]" * 5000 + "}",
        '{"id": ' + "9" * 5000 + ', "text": "x"}',
        '{"id": NaN, "text": "x"}',
        '{"id": "inf", "text": "x", "n": -Infinity}',
        '{"id": "dup", "text": "John Smith 614-555-9876", "text": "hello"}',
        json.dumps({"id": "after", "text": "Her MRN is 00482913."}),
    ]
    invalid, rows = _run(lines)
    assert invalid == 5
    assert [row.get("line") for row in rows[:5]] == [1, 2, 3, 4, 5]
    assert "nested too deeply" in rows[0]["error"]
    assert "too many digits" in rows[1]["error"]
    assert "NaN" in rows[2]["error"] and "Infinity" in rows[3]["error"]
    assert "'text' appears more than once" in rows[4]["error"]
    assert rows[5]["id"] == "after" and rows[5]["verdict"] == "block"


def test_a_very_long_text_is_screened_window_by_window_in_its_own_offsets() -> None:
    text = "Our clinic is open late on Thursdays. " * 30_000 + "Call Mrs. Alvarez at 608-555-0142."
    invalid, rows = _run([json.dumps({"id": "long", "text": text})])
    found = {(f["kind"], text[f["start"] : f["end"]]) for f in rows[0]["findings"]}
    assert invalid == 0 and rows[0]["verdict"] == "block"
    assert found == {("name", "Mrs. Alvarez"), ("phone", "608-555-0142")}


def test_an_id_too_large_for_a_number_is_refused_not_echoed_as_infinity() -> None:
    """'1e999' reads as infinity, which no JSON can hold: the line gets an error, the next its verdict."""
    out = io.StringIO()
    invalid = screen_jsonl(['{"id": 1e999, "text": "x"}', '{"id": -1e999, "text": "y"}', '{"id": 3, "text": "hi"}'],
                           out, Screener())
    lines = out.getvalue().splitlines()
    rows = [json.loads(line, parse_constant=lambda name: pytest.fail(f"{name} in the output")) for line in lines]
    assert invalid == 2
    assert "finite number" in rows[0]["error"] and "finite number" in rows[1]["error"]
    assert rows[2] == {"id": 3, "verdict": "ok", "findings": []}
