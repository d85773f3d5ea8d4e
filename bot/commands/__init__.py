"""`rounds` subcommands, one module per command group.

Each module in COMMAND_MODULES has `register(subparsers)`, which adds its parsers and sets
`handler=function(ctx) -> int` on each. To add a command group (`rounds screen`,
`rounds drafts show`, `rounds audit export`, …) write `bot/commands/<group>.py` with a
`register` function and append its name here. Handlers import heavy or optional modules
lazily, so `--help` and the other commands work even when one of them is missing.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import shlex
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from bot.config import DEFAULT_DATABASE_URL, Config, ConfigError, load_config

if TYPE_CHECKING:  # importing services pulls in SQLAlchemy: keep `--help` fast
    from bot.services import Services

COMMAND_MODULES = ("run", "roster", "questions", "db", "drafts", "screen", "calendar", "audit", "answers",
                   "report", "policy", "export", "inbox", "teams")


class CommandError(Exception):
    """A user-facing failure: printed as `rounds: <message>`, exit status 2, no traceback."""


def register_all(subparsers: argparse._SubParsersAction) -> None:
    for name in COMMAND_MODULES:
        importlib.import_module(f"bot.commands.{name}").register(subparsers)


def add_parser(subparsers: argparse._SubParsersAction, name: str, help: str,
               description: str, examples: str = "") -> argparse.ArgumentParser:
    """A subcommand parser whose --help shows the description and the examples verbatim."""
    epilog = "examples:\n" + examples.rstrip() if examples else None
    return subparsers.add_parser(name, help=help, description=description, epilog=epilog,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)


@dataclass
class Context:
    """What a command handler gets: its parsed args, output streams, and lazily built services."""

    args: argparse.Namespace
    stdout: TextIO = field(default_factory=lambda: sys.stdout)
    stderr: TextIO = field(default_factory=lambda: sys.stderr)
    _config: Config | None = None
    _services: Services | None = None

    @property
    def config(self) -> Config:
        if self._config is None:
            config = load_config(getattr(self.args, "config", None))
            url = getattr(self.args, "database_url", None)
            if url:  # `rounds --database URL …` wins over the config file and $ROUNDS_DATABASE_URL
                if not url.startswith(("sqlite", "postgresql")):
                    raise ConfigError(f"--database {url!r} is not allowed: expected a sqlite:/// or "
                                      "postgresql+psycopg:// URL")
                config = dataclasses.replace(config, database=dataclasses.replace(config.database, url=url))
            self._config = config
        return self._config

    def console_data_hint(self) -> str | None:
        """When a lookup finds nothing in the default database while the console's demo database
        sits beside it, where the data probably is (and how to ask it), else None."""
        from bot.commands.run import CONSOLE_DATABASE_URL

        console_file = CONSOLE_DATABASE_URL.removeprefix("sqlite:///")
        if self.config.database.url != DEFAULT_DATABASE_URL or not Path(console_file).is_file():
            return None
        again = shlex.join(["rounds", "--database", CONSOLE_DATABASE_URL,
                            *(getattr(self.args, "argv", None) or [])])
        return (f"the console keeps its data in {console_file}: add --database {CONSOLE_DATABASE_URL} "
                f"({again})")

    def services(self, with_chats: bool = False) -> Services:
        """Migrate the database, seed an empty question bank, then build the services once.

        `with_chats` builds the platform chats (Slack clients) for commands that send or look up.
        """
        if self._services is None:
            from bot.services import build_services

            config = self.config
            prepare_database(config.database.url)
            chats = make_chats(config) if with_chats else {}
            self._services = build_services(config, chats=chats)
            ensure_bank(self._services)
        return self._services

    def close(self) -> None:
        if self._services is not None:
            self._services.db.dispose()

    def out(self, text: str = "") -> None:
        print(text, file=self.stdout)

    def err(self, text: str) -> None:
        print(text, file=self.stderr)

    def progress(self, label: str, every: int = 100) -> Progress:
        return Progress(self.stderr, label, every)


class Progress:
    """A running counter on stderr every `every` rows, only when stderr is a terminal."""

    def __init__(self, stream: TextIO, label: str, every: int = 100):
        self.stream, self.label, self.every = stream, label, every
        self.shown = False
        isatty = getattr(stream, "isatty", None)
        self.enabled = bool(isatty and isatty())

    def __call__(self, count: int) -> None:
        if self.enabled and count % self.every == 0:
            self.stream.write(f"\r{self.label}: {count}".ljust(40))
            self.stream.flush()
            self.shown = True

    def done(self) -> None:
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()
            self.shown = False


def cannot_write(path: str | Path, error: OSError) -> CommandError:
    """The one message for an output file that cannot be written, with what to do about it."""
    return CommandError(f"cannot write {path}: {error.strerror or error}; give a file in an existing folder "
                        "that you can write to")


def write_output(path: str | Path, data: bytes) -> None:
    """Write an output file (--output, --chart); any failure becomes a CommandError."""
    try:
        Path(path).write_bytes(data)
    except OSError as error:
        raise cannot_write(path, error) from None


def prepare_database(url: str) -> None:
    """Apply migrations so a fresh machine just works; unreachable databases become CommandError."""
    from sqlalchemy.exc import OperationalError

    from bot.store import upgrade

    try:
        upgrade(url)
    except OperationalError as error:
        raise CommandError(f"cannot open the database {safe_url(url)}: {error.orig}") from None


def ensure_bank(services: Services) -> int:
    from bot.weekly.questions import ensure_question_bank

    with services.db.transaction() as session:
        return ensure_question_bank(session, services.clock())


def make_chats(config: Config) -> dict:
    """The configured platform chats (imported here, so commands that send nothing stay light)."""
    from handlers import make_chats as build

    return dict(build(config))


def safe_url(url: str) -> str:
    """The database URL with any password hidden, for messages."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:  # unparsable: don't echo something that may hold a password
        return "<database url>"


def table(rows: list[tuple[str, ...]], header: tuple[str, ...]) -> str:
    """Left-aligned columns, two spaces apart, with a header underline."""
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows, strict=True)]
    lines = ["  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
             for row in [header, tuple("-" * w for w in widths), *rows]]
    return "\n".join(lines)
