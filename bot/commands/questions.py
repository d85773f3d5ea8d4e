"""`rounds questions list | add | import`: the bank of weekly questions."""

from __future__ import annotations

import argparse

from bot.commands import CommandError, Context, add_parser, table

GUIDANCE = """\
Good questions are short and ask for general education that any patient could read:
"What do new patients ask you most about …?", "What's one myth about … you wish people
would stop believing?", "What should people bring to their first … appointment?".
Never ask about a specific patient. A physician gets questions for their specialty first,
then general ones (no specialty), and no repeats until they have had them all."""


def register(subparsers: argparse._SubParsersAction) -> None:
    group = add_parser(subparsers, "questions", help="list, add and import weekly questions",
                       description="Manage the question bank.\n\n" + GUIDANCE,
                       examples="  rounds questions list --specialty cardiology\n"
                                '  rounds questions add --specialty dermatology "What do patients '
                                'ask you most about sunscreen?"')
    commands = group.add_subparsers(dest="questions_command", metavar="COMMAND", title="commands")
    group.set_defaults(group_parser=group)

    lister = add_parser(
        commands, "list", help="show the questions in the bank",
        description="Show the active questions, general ones first, then by specialty.",
        examples="  rounds questions list\n  rounds questions list --specialty pediatrics\n"
                 "  rounds questions list --specialty general")
    lister.add_argument("--specialty", metavar="X",
                        help='only this specialty ("general" for the ones without a specialty)')
    lister.set_defaults(handler=list_command)

    adder = add_parser(
        commands, "add", help="add one question", description="Add one question.\n\n" + GUIDANCE,
        examples='  rounds questions add --specialty cardiology "What do patients ask you most '
                 'about statins?"\n  rounds questions add "What\'s your best tip for a healthy '
                 'holiday season?"')
    adder.add_argument("text", help="the question, in quotes")
    adder.add_argument("--specialty", metavar="X", default="",
                       help="the specialty it is for (default: general, asked of everyone)")
    adder.add_argument("--topic", metavar="LINE", default="",
                       help='the patient-facing line posts lead with, e.g. "Is chest pain always a '
                            'heart attack?" (default: a hook from the answer)')
    adder.set_defaults(handler=add_command)

    importer = add_parser(
        commands, "import", help="add questions from a CSV file",
        description="Add questions from a CSV file whose first line is the header\n\n"
                    "  specialty,text[,public_topic]\n\nLeave specialty empty for general questions; "
                    "public_topic is the\npatient-facing line posts lead with (without one, posts "
                    "lead with a hook from\nthe answer, never with the question). Questions "
                    "already in the bank are skipped;\nbad lines are reported with their line "
                    "number and the exit status is 1 if any failed.",
        examples="  rounds questions import more-questions.csv")
    importer.add_argument("file", metavar="FILE.csv")
    importer.set_defaults(handler=import_command)


def _specialty_label(specialty: str) -> str:
    return specialty or "general"


def list_command(ctx: Context) -> int:
    from bot.weekly.questions import count_by_specialty, list_questions

    services = ctx.services()
    specialty = ctx.args.specialty
    with services.db.transaction() as session:
        questions = list_questions(session, specialty=specialty)
        rows = [(str(q.id), _specialty_label(q.specialty), q.text) for q in questions]
        counts = count_by_specialty(questions)
    if not rows:
        ctx.err(f"no questions for {specialty!r}; add some with `rounds questions add`"
                if specialty is not None else "the question bank is empty")
        return 0
    ctx.out(table(rows, ("ID", "SPECIALTY", "QUESTION")))
    ctx.err(f"{len(rows)} questions: " + ", ".join(
        f"{_specialty_label(name)} {count}" for name, count in sorted(counts.items())))
    return 0


def add_command(ctx: Context) -> int:
    from bot.weekly.questions import add_question

    services = ctx.services()
    with services.db.transaction() as session:
        try:
            question, created = add_question(session, ctx.args.text, services.clock(),
                                             specialty=ctx.args.specialty, public_topic=ctx.args.topic)
        except ValueError as error:
            raise CommandError(str(error)) from None
        label = _specialty_label(question.specialty)
        if created:
            ctx.out(f"added question {question.id} ({label}): {question.text}")
        else:
            ctx.out(f"already in the bank as question {question.id} ({label})")
    return 0


def import_command(ctx: Context) -> int:
    from bot.csvfile import CsvFormatError
    from bot.weekly.questions import import_questions

    services = ctx.services()
    progress = ctx.progress("questions")
    try:
        with services.db.transaction() as session:
            report = import_questions(session, ctx.args.file, services.clock(), progress=progress)
            added = [(q.id, _specialty_label(q.specialty), q.text) for q in report.added]
    except FileNotFoundError:
        raise CommandError(f"questions file {ctx.args.file!r} not found") from None
    except CsvFormatError as error:
        raise CommandError(f"{ctx.args.file}: {error}") from None
    finally:
        progress.done()
    for question_id, label, text in added:
        ctx.out(f"added    {question_id} ({label}): {text}")
    for problem in report.errors:
        ctx.err(f"{ctx.args.file}:{problem.line}: error: {problem.reason}")
    for problem in report.warnings:
        ctx.err(f"{ctx.args.file}:{problem.line}: warning: {problem.reason}")
    summary = f"questions: {len(report.added)} added, {report.existing} already in the bank"
    if report.errors:
        summary += f"; {len(report.errors)} line(s) failed"
    ctx.err(summary)
    return 0 if report.ok else 1
