"""One sandboxed Jinja2 environment for every template Rounds renders.

Templates are files in the top-level `templates/` (shipped in the wheel as `bot/_templates`),
overridable from a configured folder. User text is always a value in the context, never
template source, so `{{ 7*7 }}` typed by a physician comes out literally.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import (
    ChoiceLoader,
    FileSystemLoader,
    StrictUndefined,
    TemplateSyntaxError,
    select_autoescape,
)
from jinja2.sandbox import SandboxedEnvironment


class TemplateError(ValueError):
    """A template is broken; the message names the file and line."""


def packaged_templates_dir() -> Path:
    """The repository's `templates/`, or the copy inside the installed wheel."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "templates", here / "_templates"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("Rounds' templates folder is missing from this installation")


def sentence(text: Any) -> str:
    """Quoted words as one sentence: ends with exactly one stop, whoever typed the reason.

    Templates put the stop inside the quote (`said: "{{ reason | sentence }}"`), so a reason
    typed with its own full stop does not end up as `…post that.".`
    """
    text = str(text).rstrip()
    return text if not text or text[-1] in ".!?…" else text + "."


class Templates:
    """Loads templates once; `override_dir` files win over the packaged ones of the same name."""

    def __init__(self, override_dir: str | Path | None = None):
        self.packaged_dir = packaged_templates_dir()
        self.override_dir = Path(override_dir) if override_dir else None
        if self.override_dir is not None and not self.override_dir.is_dir():
            raise TemplateError(f"templates folder {str(self.override_dir)!r} does not exist")
        loaders = [FileSystemLoader(str(self.packaged_dir))]
        if self.override_dir is not None:
            loaders.insert(0, FileSystemLoader(str(self.override_dir)))
        self.env = SandboxedEnvironment(
            loader=ChoiceLoader(loaders),
            undefined=StrictUndefined,
            autoescape=select_autoescape(enabled_extensions=("html", "htm", "html.j2", "htm.j2"), default=False),
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
        )
        self.env.filters["sentence"] = sentence


    def render(self, name: str, **context: Any) -> str:
        return self.env.get_template(name).render(**context).strip()

    def names(self, folder: str) -> list[str]:
        """Template names under `folder` (e.g. "posts"), packaged and overrides merged."""
        prefix = folder.rstrip("/") + "/"
        return sorted(n for n in self.env.list_templates() if n.startswith(prefix))

    def check(self) -> None:
        """Compile every template now, so a broken override fails start-up, not the first answer."""
        problems = []
        for name in self.env.list_templates(extensions=("j2",)):  # not README.md and the like
            try:
                self.env.get_template(name)
            except TemplateSyntaxError as error:
                problems.append(f"{error.filename or name}, line {error.lineno}: {error.message}")
        if problems:
            raise TemplateError("broken template(s):\n  " + "\n  ".join(problems))
