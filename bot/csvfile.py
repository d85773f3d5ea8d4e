"""Reading admin CSV files (roster, question bank) with line numbers and header checks."""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO

CsvSource = str | os.PathLike[str] | IO[str] | Iterable[Mapping[str, str]]
Progress = Callable[[int], None]


class CsvFormatError(ValueError):
    """The file as a whole cannot be read: missing columns, no header, not UTF-8."""


@dataclass(frozen=True)
class RowProblem:
    """Something wrong (or worth a warning) with one line of an imported file."""

    line: int
    reason: str
    key: str = ""  # the row's email or text, when known, so reports can name it

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


def read_rows(source: CsvSource, required: tuple[str, ...],
              optional: tuple[str, ...] = ()) -> tuple[list[tuple[int, dict[str, str]]], list[str]]:
    """Return ([(line number, row)], ignored column names); values stripped, headers lowercased.

    `source` is a path, an open text file, or already-parsed rows (numbered from line 2).
    """
    if isinstance(source, (str, os.PathLike)):
        try:
            with open(Path(source), encoding="utf-8-sig", newline="") as file:
                return _read_file(file, required, optional)
        except UnicodeDecodeError as error:
            raise CsvFormatError(f"{source}: not UTF-8 text ({error.reason} at byte {error.start})") from None
    if isinstance(source, io.IOBase) or hasattr(source, "read"):
        return _read_file(source, required, optional)  # type: ignore[arg-type]
    rows = [(line, _clean(row)) for line, row in enumerate(source, start=2)]
    header = set().union(*(row.keys() for _, row in rows)) if rows else set(required)
    _check_header(header, required, optional)
    return rows, sorted(header - set(required) - set(optional))


def _read_file(file: IO[str], required: tuple[str, ...],
               optional: tuple[str, ...]) -> tuple[list[tuple[int, dict[str, str]]], list[str]]:
    reader = csv.reader(file)
    header_row = next(reader, None)
    if not header_row:
        raise CsvFormatError("the file is empty; the first line must be the header "
                             f"{','.join(required + optional)}")
    header = [name.strip().lower().lstrip("\ufeff") for name in header_row]
    _check_header(set(header), required, optional)
    duplicates = sorted({name for name in header if name and header.count(name) > 1})
    if duplicates:
        raise CsvFormatError(f"header repeats column(s) {', '.join(duplicates)}")
    rows = []
    for values in reader:
        if not any(value.strip() for value in values):
            if len(values) <= 1:
                continue  # a blank line is no row
            rows.append((reader.line_num, {name: "" for name in header} | {_EMPTY: ""}))  # "," is: reported
            continue
        row = {name: "" for name in header}
        row.update(zip(header, values, strict=False))
        if len(values) > len(header):
            row[_EXTRA] = str(len(values))
        rows.append((reader.line_num, _clean(row)))
    return rows, sorted(set(header) - set(required) - set(optional) - {""})


_EXTRA = "\x00extra"
_EMPTY = "\x00empty"


def extra_fields(row: Mapping[str, str], expected: int) -> str | None:
    """A reason when the row's shape is wrong: only commas, or more fields than the header
    (usually an unquoted comma)."""
    if _EMPTY in row:
        return "the row has no values (only commas): fill it in or delete the line"
    if _EXTRA not in row:
        return None
    return (f"has {row[_EXTRA]} fields but the header has {expected}; "
            'put values that contain commas in double quotes')


def is_empty_row(row: Mapping[str, str]) -> bool:
    """A row of only commas (reported, never imported)."""
    return _EMPTY in row


def _clean(row: Mapping[str, str | None]) -> dict[str, str]:
    return {(key or "").strip().lower(): (value or "").strip() for key, value in row.items()}


def _check_header(header: set[str], required: tuple[str, ...], optional: tuple[str, ...]) -> None:
    missing = [name for name in required if name not in header]
    if missing:
        raise CsvFormatError(
            f"missing required column(s) {', '.join(missing)}; the first line must be the header "
            f"{','.join(required + optional)}"
        )


def counted(rows: Iterable[tuple[int, dict[str, str]]],
            progress: Progress | None) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield rows, calling `progress(n)` after each so long imports can show a counter."""
    for count, item in enumerate(rows, start=1):
        yield item
        if progress is not None:
            progress(count)
