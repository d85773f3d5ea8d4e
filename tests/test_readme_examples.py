"""Every `rounds …` example in README.md and docs/*.md runs as written.

The examples are read from the markdown, never copied here, so one added or changed in the
README is tested too:

- README.md's Commands table (the first cell of each row), and every code span in its
  "Seeing it work" and "Example posts" sections that starts with `rounds`;
- every line of a fenced code block in README.md or docs/*.md whose command is `rounds` or
  `.venv/bin/rounds` (after a `$ ` prompt, `NAME=value` assignments, or in a `# or: …` comment).

Each runs as a subprocess of the installed `rounds` in one temporary folder set up the way a
new user's is: `examples/` from the repository, `config.toml` copied from `config.example.toml`
(its commented `[[inbox.accounts]]` example switched on, the server on a free loopback port),
and the databases the README's console walkthrough leaves (`rounds console --roster
examples/roster.csv` fed the walkthrough's lines: `rounds-console.db`, copied to `rounds.db`).
Each must exit 0 with no traceback and print something (or write the file it was asked to).

A template line becomes command lines by these rules, in this order:

1. In a table cell `\\|` is `|`; a span that does not start with `rounds` continues the span
   before it, in place of its last command word (`rounds roster import FILE.csv` / `list`
   → `rounds roster list`).
2. `[…]` is optional: the line runs once without its optional parts and once with all of them.
3. `a|b|c` are alternatives: the n-th run takes the n-th alternative of each (the last one
   once a list runs out), so every alternative runs at least once without a cartesian product.
4. An upper-case word or `<host>` is a placeholder, filled from `PLACEHOLDERS` (or
   `placeholder()` for those that depend on the command); a placeholder without a rule fails.
5. `NAME=value` before the command sets the environment; `< FILE` is standard input, `> FILE`
   standard output.

Commands that serve until stopped: `rounds console` and `rounds run` (no credentials: the
console) get a closed standard input and must end by themselves; `rounds serve` gets Teams
credentials from the environment (as docs/teams-setup.md sets them, nothing is contacted at
start), must answer `GET /healthz`, and must stop with exit 0 on SIGTERM. `rounds teams …`
gets the same credentials (the package names the bot by its app id). `rounds roster remove`
and the other commands that take something away run after the rest.

Other mentions of `rounds …` in prose (README.md, docs/*.md, config.example.toml comments) are
references, not examples: each must name commands and options the CLI has, without running.
"""

from __future__ import annotations

import argparse
import csv
import re
import shlex
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from bot.cli import build_parser
from tests.test_cli import ROUNDS, base_env  # noqa: F401 (fixture)
from tests.test_cli_newcomer import readme_console_lines

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
DOCS = [README, *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^```[^\n]*\n(.*?)^```", re.S | re.M)
SPAN = re.compile(r"`([^`]+)`")
COMMAND = re.compile(r"^(?:[A-Za-z_]+=\S*\s+)*(?:\.venv/bin/)?rounds(?:\s|$)")
OPTIONAL = re.compile(r"\[([^\[\]]*)\]")
PLACEHOLDER = re.compile(r"[A-Z][A-Z_]*(?:\.[a-z]+)?|<[a-z]+>")
RUN_SECTIONS = ("Seeing it work", "Example posts")
TAKES_AWAY = {"remove", "purge", "reset"}
SERVES = {"serve"}
INTERACTIVE = {"console", "run"}
TEAMS_CREDENTIALS = {"MicrosoftAppId": "00000000-0000-4000-8000-000000000001",
                     "MicrosoftAppPassword": "readme-example"}
EXAMPLE_ROSTER = ROOT / "examples" / "roster.csv"

# Placeholders that mean the same everywhere.
PLACEHOLDERS = {
    "ANSWER_ID": "1",  # the walkthrough's answer, the first one
    "DATE": "2026-11-01",
    "DAYS": "90",
    "W": "2026-W49",  # the walkthrough's week
    "PNG": "weeks.png",
    "HOST": "rounds.example.org",
    "<host>": "rounds.example.org",
    "FILE": "draft.txt",  # a draft reply (see SAMPLE_FILES)
    "TEXT": "What is one sleep myth you wish people would stop believing?",
    "CHANNEL": "facebook",
}
# Files an example reads that a user brings along.
SAMPLE_FILES = {
    "draft.txt": "Thank you for your kind words! Please call us at (555) 010-0100 with any questions.\n",
    "answers.jsonl": '{"id": 1, "text": "Call Mrs. Alvarez at 608-555-0142"}\n'
                     '{"id": 2, "text": "Most chest pain is not a heart attack."}\n',
    "roster.csv": EXAMPLE_ROSTER.read_text(encoding="utf-8"),  # the user's own roster
}


def placeholder(word: str, command: list[str]) -> str:
    """The value of a placeholder in `rounds COMMAND…`: EMAIL is the first person in
    examples/roster.csv with the role the command is about (inbox duty: staff; otherwise a
    physician), FILE.csv is examples/<command group>.csv, KIND the first reply template."""
    if word == "EMAIL":
        role = "staff" if command[:1] == ["inbox"] else "physician"
        with EXAMPLE_ROSTER.open(encoding="utf-8") as rows:
            return next(row["email"] for row in csv.DictReader(rows) if role in row["role"].split(";"))
    if word == "FILE.csv":
        path = f"examples/{command[0]}.csv"
        assert (ROOT / path).is_file(), f"no {path} for `rounds {' '.join(command)} FILE.csv`"
        return path
    if word == "KIND":
        return sorted((ROOT / "templates" / "replies").glob("*.txt.j2"))[0].name.removesuffix(".txt.j2")
    assert word in PLACEHOLDERS, f"no rule for the placeholder {word} in `rounds {' '.join(command)} …`"
    return PLACEHOLDERS[word]


# ---------------------------------------------------------------------------------------------
# Reading the examples out of the markdown


def section(text: str, title: str) -> str:
    return text.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def spans(markdown: str) -> list[str]:
    """Code spans (which may wrap across lines) of markdown outside fenced blocks."""
    return [" ".join(span.split()) for span in SPAN.findall(FENCE.sub("", markdown))]


def fenced_commands(markdown: str) -> list[str]:
    found = []
    for block in FENCE.findall(markdown):
        for line in block.splitlines():
            line = line.strip().removeprefix("$ ")
            if "# or: " in line:
                line = line.split("# or: ", 1)[1]
            line = re.split(r"\s+#\s", line, maxsplit=1)[0].strip()
            if COMMAND.match(line):
                found.append(line)
    return found


def command_words(line: str) -> list[str]:
    """`rounds roster import FILE.csv` → ["roster", "import"]."""
    words = line.split()[line.split().index("rounds") + 1:] if "rounds" in line.split() else line.split()
    command = []
    for word in words:
        if not re.fullmatch(r"[a-z][a-z-]*", word):
            break
        command.append(word)
    return command


def table_commands(markdown: str) -> list[str]:
    """The first cell of each row of the Commands table, a span per command (rule 1)."""
    found = []
    for row in section(markdown, "Commands").splitlines():
        if not row.startswith("| `"):
            continue
        cell = re.split(r"(?<!\\)\|", row)[1].replace("\\|", "|")
        previous = ""
        for span in spans(cell):
            if not COMMAND.match(span):
                prefix = command_words(previous)[:-1]
                assert prefix, f"`{span}` continues nothing in: {cell}"
                span = " ".join(["rounds", *prefix, span])
            found.append(span)
            previous = span
    return found


@dataclass
class Example:
    template: str
    sources: list[str] = field(default_factory=list)


def examples_to_run() -> list[Example]:
    text = README.read_text(encoding="utf-8")
    found: dict[str, Example] = {}

    def add(template: str, source: str) -> None:
        found.setdefault(template, Example(template)).sources.append(source)

    for template in table_commands(text):
        add(template, "README.md Commands")
    for title in RUN_SECTIONS:
        for span in spans(section(text, title)):
            if COMMAND.match(span):
                add(span, f"README.md {title}")
    for doc in DOCS:
        for line in fenced_commands(doc.read_text(encoding="utf-8")):
            add(line, f"{doc.relative_to(ROOT)} code block")
    return list(found.values())


def expand(template: str) -> list[str]:
    """Rules 2 and 3: optional parts and alternatives → concrete lines."""
    lines: list[str] = []
    keeps = (False, True) if OPTIONAL.search(template) else (False,)
    for keep in keeps:
        line = " ".join(OPTIONAL.sub(r"\1" if keep else "", template).split())
        words = line.split(" ")
        runs = max(word.count("|") + 1 for word in words)
        for n in range(runs):
            concrete = " ".join(word.split("|")[min(n, word.count("|"))] for word in words)
            if concrete not in lines:
                lines.append(concrete)
    return lines


@dataclass
class Invocation:
    line: str  # as run, placeholders filled
    argv: list[str]
    command: list[str]
    env: dict[str, str]
    stdin: str | None = None
    stdout: str | None = None
    writes: list[str] = field(default_factory=list)


def invocation(line: str) -> Invocation:
    """Rules 4 and 5 on one concrete line."""
    words = shlex.split(line)
    env = {}
    while "=" in words[0] and not words[0].startswith("-"):
        name, value = words.pop(0).split("=", 1)
        env[name] = value
    program = words.pop(0)
    assert program in ("rounds", ".venv/bin/rounds"), line
    rest = list(words)
    while rest and rest[0].startswith("-"):  # options of `rounds` itself: --config PATH, -v
        del rest[:2 if rest[0] == "--config" else 1]
    command = command_words(" ".join(["rounds", *rest]))
    argv, stdin, stdout, writes = [], None, None, []
    words = iter(words)
    for word in words:
        if word in ("<", ">"):
            target = next(words)
            target = placeholder(target, command) if PLACEHOLDER.fullmatch(target) else target
            if word == "<":
                stdin = target
            else:
                stdout = target
                writes.append(target)
            continue
        value = placeholder(word, command) if PLACEHOLDER.fullmatch(word) else word
        if argv and argv[-1] in ("--output", "--chart"):
            writes.append(value)
        argv.append(value)
    filled = " ".join(shlex.quote(word) for word in argv)
    shown = " ".join([*(f"{k}={v}" for k, v in env.items()), "rounds", filled,
                      *([f"< {stdin}"] if stdin else []), *([f"> {stdout}"] if stdout else [])])
    return Invocation(shown, argv, command, env, stdin, stdout, writes)


def planned() -> list[tuple[Invocation, Example]]:
    runs = [(invocation(line), example) for example in examples_to_run() for line in expand(example.template)]
    unique: dict[str, tuple[Invocation, Example]] = {}
    for run, example in runs:
        unique.setdefault(run.line, (run, example))
    # Commands that take something away (a person, answer text, acknowledgements) run last.
    return sorted(unique.values(), key=lambda pair: bool(TAKES_AWAY & set(pair[0].command)))


PLANNED = planned()


# ---------------------------------------------------------------------------------------------
# The folder a new user works in


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def user_config(port: int) -> str:
    """config.example.toml as a user copies it: the commented inbox accounts switched on, the
    server on a loopback port nobody else uses."""
    text = (ROOT / "config.example.toml").read_text(encoding="utf-8")
    accounts = text.split("# [[inbox.accounts]]", 1)
    assert len(accounts) == 2, "config.example.toml no longer shows an [[inbox.accounts]] example"
    tail = "\n".join(line.removeprefix("# ") if re.match(r"# (\[\[inbox\.accounts\]\]|name =|url =)", line)
                     else line for line in ("# [[inbox.accounts]]" + accounts[1]).splitlines())
    text = accounts[0] + tail + "\n"
    text, hosts = re.subn(r'(?m)^host = "0\.0\.0\.0"', 'host = "127.0.0.1"', text)
    text, ports = re.subn(r"(?m)^port = 3000\b", f"port = {port}", text)
    assert hosts == ports == 1, "config.example.toml's [server] host/port changed"
    return text


@pytest.fixture(scope="module")
def workdir(tmp_path_factory, base_env):  # noqa: F811
    folder = tmp_path_factory.mktemp("readme-user")
    shutil.copytree(ROOT / "examples", folder / "examples")
    for name, content in SAMPLE_FILES.items():
        (folder / name).write_text(content, encoding="utf-8")
    # First the README's "Try it in the console" (no config yet), then config.toml.
    walkthrough = subprocess.run([str(ROUNDS), "console", "--roster", "examples/roster.csv"], cwd=folder,
                                 env=base_env, input="\n".join(readme_console_lines()) + "\n",
                                 capture_output=True, text=True, timeout=180)
    assert walkthrough.returncode == 0 and "Approved by" in walkthrough.stdout, walkthrough.stderr
    shutil.copyfile(folder / "rounds-console.db", folder / "rounds.db")
    port = free_port()
    (folder / "config.toml").write_text(user_config(port), encoding="utf-8")
    return folder, port


def run_interactive(run: Invocation, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(ROUNDS), *run.argv], cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=120)


def run_server(run: Invocation, env: dict[str, str], cwd: Path, port: int) -> subprocess.CompletedProcess:
    process = subprocess.Popen([str(ROUNDS), *run.argv], cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 90
        while True:
            assert process.poll() is None, f"`{run.line}` stopped by itself: {process.communicate()}"
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as response:
                    assert response.status == 200
                    break
            except (urllib.error.URLError, ConnectionError):
                assert time.monotonic() < deadline, f"`{run.line}` never answered /healthz"
                time.sleep(0.2)
    finally:
        process.send_signal(signal.SIGTERM)
        stdout, stderr = process.communicate(timeout=30)
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


@dataclass
class Outcome:
    result: subprocess.CompletedProcess
    written: dict[str, int]  # file → size, for the files the example writes


def execute(run: Invocation, folder: Path, port: int, environment: dict[str, str]) -> Outcome:
    env = dict(environment, **run.env)
    if run.command[:1] == ["teams"] or SERVES & set(run.command[:1]):
        env.update(TEAMS_CREDENTIALS)
    for written in run.writes:
        (folder / written).unlink(missing_ok=True)
    if SERVES & set(run.command[:1]):
        result = run_server(run, env, folder, port)
    elif INTERACTIVE & set(run.command[:1]):
        result = run_interactive(run, env, folder)
    else:
        stdin = (folder / run.stdin).open(encoding="utf-8") if run.stdin else subprocess.DEVNULL
        try:
            result = subprocess.run([str(ROUNDS), *run.argv], cwd=folder, env=env, stdin=stdin,
                                    capture_output=True, text=True, timeout=120)
        finally:
            if run.stdin:
                stdin.close()
        if run.stdout:
            (folder / run.stdout).write_text(result.stdout, encoding="utf-8")
    sizes = {name: (folder / name).stat().st_size if (folder / name).is_file() else 0 for name in run.writes}
    return Outcome(result, sizes)


def pooled(run: Invocation) -> bool:
    """May run beside the others: it neither serves (one port) nor takes something away."""
    return not (SERVES & set(run.command[:1]) or TAKES_AWAY & set(run.command))


def execute_in_turn(runs: list[Invocation], folder: Path, port: int, environment: dict[str, str]) -> list[Outcome]:
    return [execute(run, folder, port, environment) for run in runs]


@pytest.fixture(scope="module")
def outcomes(request, workdir, base_env):  # noqa: F811
    """The pooled examples selected in this session, three at a time: each is a Python start-up
    (imports are most of its time), and SQLite serialises their few writes. The examples that
    write files (`--output`, `--chart`, `> FILE`; several write weeks.png) run one after the
    other in one of those three, so each one's file is checked before the next replaces it."""
    folder, port = workdir
    selected = {item.callspec.params["run"].line for item in request.session.items
                if "run" in getattr(getattr(item, "callspec", None), "params", {})}
    runs = [run for run, _ in PLANNED if pooled(run) and run.line in selected]
    writers = [run for run in runs if run.writes]
    with ThreadPoolExecutor(max_workers=3) as pool:
        chain = pool.submit(execute_in_turn, writers, folder, port, base_env)
        futures = {run.line: pool.submit(execute, run, folder, port, base_env) for run in runs if not run.writes}
        done = {line: future.result() for line, future in futures.items()}
        done.update(zip([run.line for run in writers], chain.result(), strict=True))
    return done


@pytest.mark.parametrize("run,example", PLANNED, ids=[run.line for run, _ in PLANNED])
def test_the_example_runs_as_written(run: Invocation, example: Example, workdir, outcomes, base_env):  # noqa: F811
    folder, port = workdir
    outcome = outcomes.get(run.line) or execute(run, folder, port, base_env)
    result = outcome.result
    where = f"`{run.line}` (from `{example.template}` in {', '.join(example.sources)})"
    assert result.returncode == 0, f"{where} exited {result.returncode}:\n{result.stdout}\n{result.stderr}"
    assert "Traceback" not in result.stderr, f"{where}:\n{result.stderr}"
    for written, size in outcome.written.items():
        assert size, f"{where} wrote nothing to {written}"
    assert result.stdout.strip() or result.stderr.strip() or run.writes, f"{where} printed nothing"


def test_the_examples_are_found():
    """The reader finds what the README shows; a change to the markdown that hides the
    examples from it fails here rather than testing nothing."""
    lines = {run.line for run, _ in PLANNED}
    for expected in ("rounds roster list",
                     "rounds report --since 2026-11-01 --until 2026-11-30 --format csv --chart weeks.png",
                     "rounds inbox status --date 2026-12-03", "rounds tick --now 2026-11-24T14:00Z",
                     "rounds inbox swap --week 2026-W50 --to priya.shah@example.org",
                     "rounds export person maya.patel@example.org", "rounds serve", "rounds console",
                     "rounds audit export --since 2026-11-01 --format jsonl > audit.jsonl"):
        assert expected in lines, expected
    formats = {run.argv[run.argv.index("--format") + 1] for run, _ in PLANNED
               if run.command == ["calendar", "export"]}
    assert formats == {"ics", "csv", "hootsuite", "html"}
    assert len(PLANNED) >= 30


def test_expansion_rules():
    assert expand("rounds report --since DATE [--until DATE] [--format table|csv|json]") == [
        "rounds report --since DATE", "rounds report --since DATE --until DATE --format table",
        "rounds report --since DATE --until DATE --format csv", "rounds report --since DATE --until DATE --format json"]
    run = invocation("ROUNDS_DATABASE_URL=sqlite:///x.db rounds inbox swap --week W --to EMAIL")
    assert run.env == {"ROUNDS_DATABASE_URL": "sqlite:///x.db"} and run.command == ["inbox", "swap"]
    assert run.argv == ["inbox", "swap", "--week", "2026-W49", "--to", "priya.shah@example.org"]
    assert invocation("rounds inbox check < FILE").stdin == "draft.txt"
    with pytest.raises(AssertionError, match="no rule for the placeholder NEW"):
        invocation("rounds drafts show NEW")


# ---------------------------------------------------------------------------------------------
# References in prose: commands and options the CLI has


def references() -> list[tuple[str, str]]:
    found = []
    for doc in DOCS:
        for span in spans(doc.read_text(encoding="utf-8")):
            if COMMAND.match(span):
                found.append((str(doc.relative_to(ROOT)), span))
    for line in (ROOT / "config.example.toml").read_text(encoding="utf-8").splitlines():
        comment = line.split("#", 1)[1] if "#" in line else ""
        found += [("config.example.toml", span) for span in spans(comment) if COMMAND.match(span)]
    return found


def subparsers_of(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def check_reference(span: str) -> None:
    words = OPTIONAL.sub(lambda m: m.group(1), span).replace("\\|", "|").split()
    words = words[words.index("rounds") + 1:] if "rounds" in words else words[1:]
    parser = build_parser()
    skip_next = False
    for word in words:
        if skip_next or word in ("…", "<", ">"):
            skip_next = word in ("<", ">")
            continue
        if word.startswith("-"):
            option = re.sub(r"^-(\w)\1+$", r"-\1", word)  # -vv is -v twice
            assert option in parser._option_string_actions, f"`{span}`: {parser.prog} has no option {word}"
            skip_next = parser._option_string_actions[option].nargs != 0  # its value
            continue
        commands = subparsers_of(parser)
        if commands and not PLACEHOLDER.fullmatch(word):
            for alternative in word.split("|"):
                assert alternative in commands, f"`{span}`: {parser.prog} has no command {alternative}"
            parser = commands[word.split("|")[0]]


@pytest.mark.parametrize("source,span", references(), ids=[f"{s}: {r}" for s, r in references()])
def test_a_reference_names_what_the_cli_has(source, span):
    check_reference(span)


def help_examples() -> list[tuple[str, str]]:
    """The `examples:` of `rounds --help` and of every subcommand's --help."""
    found, parsers = [], [build_parser()]
    while parsers:
        parser = parsers.pop(0)
        parsers += [p for name, p in subparsers_of(parser).items()]
        for line in (parser.epilog or "").splitlines()[1:]:
            line = re.split(r"\s{2,}", line.strip())[0]  # an example, then what it does
            if COMMAND.match(line):
                found.append((parser.prog, line))
    return found


HELP_EXAMPLES = help_examples()


@pytest.mark.parametrize("prog,line", HELP_EXAMPLES, ids=[f"{p}: {line}" for p, line in HELP_EXAMPLES])
def test_a_help_example_names_what_the_cli_has(prog, line):
    check_reference(line)


def test_every_command_shows_help_examples():
    assert len({prog for prog, _ in HELP_EXAMPLES}) >= 20
