"""`rounds audit export`: stream the append-only audit trail as CSV or JSON lines."""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import TextIO

from bot.commands import CommandError, Context, add_parser, cannot_write
from bot.weeks import DAY_RANGE, in_day_range

COLUMNS = ("id", "at", "actor", "actor_person_id", "subject", "subject_id", "action", "detail")
BATCH = 1000  # rows per short read transaction (SQLite's write lock is not held for the export)
PROGRESS_EVERY = 10_000


def register(subparsers: argparse._SubParsersAction) -> None:
    group = add_parser(subparsers, "audit", help="export the audit trail",
                       description="The audit trail: one append-only row per state change of an answer or\n"
                                   "draft (received, screened, held, overridden, edited, approved, rejected,\n"
                                   "sent back, purged, ...). Rounds never deletes it; see docs/retention.md.",
                       examples="  rounds audit export --since 2026-01-01 --format csv --output audit-2026.csv")
    commands = group.add_subparsers(dest="audit_command", metavar="COMMAND", title="commands")
    group.set_defaults(group_parser=group)

    exporter = add_parser(
        commands, "export", help="write audit rows as CSV or JSON lines, oldest first",
        description="Write the audit rows recorded from --since (00:00 UTC that day) through --until\n"
                    "(the whole day, UTC; default: everything since) in id order, which is the order\n"
                    "they were written. Columns: " + ", ".join(COLUMNS) + ".\n"
                    "`at` is ISO 8601 UTC; `detail` is a JSON object (a JSON string in CSV). Rows never\n"
                    "hold answer text, draft text or flagged text (a draft edit is its channel and\n"
                    "lengths). Progress goes to stderr.",
        examples="  rounds audit export --since 2026-11-01 --format jsonl > audit.jsonl\n"
                 "  rounds audit export --since 2026-01-01 --until 2026-12-31 --format csv --output audit.csv")
    exporter.add_argument("--since", required=True, metavar="YYYY-MM-DD", help="first day (UTC), inclusive")
    exporter.add_argument("--until", metavar="YYYY-MM-DD", help="last day (UTC), inclusive (default: no end)")
    exporter.add_argument("--format", required=True, choices=("csv", "jsonl"), help="output format")
    exporter.add_argument("--output", metavar="FILE", help="write here instead of standard output")
    exporter.set_defaults(handler=export_command)


def parse_day(value: str, option: str) -> datetime:
    """00:00 UTC of a YYYY-MM-DD day, or a CommandError naming the option."""
    try:
        day = date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        day = None
    if day is None:
        raise CommandError(f"{option} {value!r} is not a date: use YYYY-MM-DD, e.g. 2026-11-30")
    if not in_day_range(day):
        raise CommandError(f"{option} {value!r} is out of range: use a day from {DAY_RANGE}")
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def iso_utc(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def audit_rows(db, start: datetime, end: datetime | None) -> Iterator[tuple]:
    """Audit rows with start <= at < end, in id order, read in short keyset-paged transactions."""
    from sqlalchemy import select

    from bot.store import AuditEvent

    columns = [getattr(AuditEvent, name) for name in COLUMNS]
    last_id = 0
    while True:
        query = select(*columns).where(AuditEvent.id > last_id, AuditEvent.at >= start)
        if end is not None:
            query = query.where(AuditEvent.at < end)
        with db.transaction() as session:
            batch = session.execute(query.order_by(AuditEvent.id).limit(BATCH)).all()
        if not batch:
            return
        yield from batch
        last_id = batch[-1][0]


def _detail_object(raw: str):
    try:
        return json.loads(raw)
    except (TypeError, ValueError):
        return raw  # kept verbatim rather than dropped


def write_rows(rows, output_format: str, out: TextIO, progress) -> int:
    count = 0
    writer = csv.writer(out, lineterminator="\n") if output_format == "csv" else None
    if writer:
        writer.writerow(COLUMNS)
    for row in rows:
        record = dict(zip(COLUMNS, row, strict=True))
        record["at"] = iso_utc(record["at"])
        if writer:
            writer.writerow(["" if record[c] is None else record[c] for c in COLUMNS])
        else:
            record["detail"] = _detail_object(record["detail"])
            out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
        count += 1
        progress(count)
    return count


def export_command(ctx: Context) -> int:
    args = ctx.args
    start = parse_day(args.since, "--since")
    end = parse_day(args.until, "--until") + timedelta(days=1) if args.until else None
    if end is not None and end <= start:
        raise CommandError(f"--until {args.until} is before --since {args.since}")
    services = ctx.services()
    progress = ctx.progress("audit rows exported", every=PROGRESS_EVERY)
    with contextlib.ExitStack() as stack:
        if args.output:
            try:
                out = stack.enter_context(open(args.output, "w", encoding="utf-8", newline=""))
            except OSError as error:
                raise cannot_write(args.output, error) from None
        else:
            out = ctx.stdout
        count = write_rows(audit_rows(services.db, start, end), args.format, out, progress)
        out.flush()
    progress.done()
    where = f" to {args.output}" if args.output else ""
    ctx.err(f"rounds audit export: {count} row(s){where}")
    return 0
