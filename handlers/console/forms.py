"""The core's `Form` (a Slack modal, a Teams card input) as prompts in a line-based terminal.

Each field is one line of input: text fields show their current value and keep it on an empty
line; `\\n` typed in a line becomes a line break; pick-one fields take the number or the label
of an option. `:cancel` at any prompt abandons the form; other `:commands` are refused inside a
form (so a stray command never becomes post text); `::` starts a value with a literal ':'.
Works the same with piped input.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.chat import Form, FormField, small_number
from handlers.console.render import safe

CANCEL = ":cancel"
FORM_HELP = "one line per field; empty keeps the shown value; \\n for a line break; :cancel abandons"


class Cancelled(Exception):
    """The person typed :cancel, or the input ended, before the form was submitted."""


def submitted_as(form: Form, fields: dict[str, str]) -> str:
    """What the submission does: the options picked ("Save and approve"), else the submit label.

    A form whose pick-one field says what happens on submit (Edit: "Then: Save and approve /
    Save only") must not echo a bare "Save" when the answer is about to be approved.
    """
    picked = [label for form_field in form.fields if form_field.options
              for label, value in form_field.options if value == fields.get(form_field.name)]
    return "; ".join(picked) or form.submit_label


class FormPrompter:
    """Ask for each field in turn through `read` (a line, or None at end of input) and `say`."""

    def __init__(self, read: Callable[[str], str | None], say: Callable[[str], None]):
        self.read = read
        self.say = say

    def fill(self, form: Form) -> dict[str, str] | None:
        """The submitted fields, or None when the form was abandoned."""
        self.say(f"Form: {safe(form.title)} ({FORM_HELP})")
        if form.description.strip():
            self.say("\n".join("  " + safe(line) for line in form.description.strip().splitlines()))
        for _name, why in form.errors:
            self.say(f"  ! {safe(why)}")
        fields: dict[str, str] = {}
        try:
            for form_field in form.fields:
                fields[form_field.name] = self.ask_options(form_field) if form_field.options \
                    else self.ask_text(form_field)
        except Cancelled:
            self.say(f"Form {safe(form.title)!r} abandoned; nothing was sent.")
            return None
        self.say(f"(you submitted {safe(submitted_as(form, fields))!r})")
        return fields

    def line(self, prompt: str) -> str:
        while True:
            raw = self.read(prompt)
            if raw is None or raw.strip() == CANCEL:
                raise Cancelled
            raw = raw.rstrip("\r\n")
            if raw.startswith("::"):
                return raw[1:]
            if not raw.startswith(":"):
                return raw
            self.say("    Commands don't work inside a form: type the value, or :cancel "
                     "(start with :: for a leading ':').")

    def ask_text(self, form_field: FormField) -> str:
        hint = f" ({safe(form_field.hint)})" if form_field.hint else ""
        self.say(f"  {safe(form_field.label)}{hint}:")
        if form_field.initial:
            self.say("\n".join("      | " + safe(line) for line in form_field.initial.splitlines()))
            self.say("    (empty line keeps this)")
        while True:
            typed = self.line(f"  {form_field.name}> ")
            value = typed.replace("\\n", "\n").strip() if typed.strip() else form_field.initial
            if form_field.required and not value.strip():
                self.say("    This field is required (or :cancel).")
                continue
            if form_field.max_length is not None and len(value) > form_field.max_length:
                self.say(f"    Too long ({len(value)}/{form_field.max_length} characters); try again.")
                continue
            return value

    def ask_options(self, form_field: FormField) -> str:
        labels = "  ".join(f"[{n}] {safe(label)}" for n, (label, _value) in enumerate(form_field.options, 1))
        current = next((label for label, value in form_field.options if value == form_field.initial), "")
        keeps = f" (empty line: {safe(current)})" if current else ""
        self.say(f"  {safe(form_field.label)}: {labels}{keeps}")
        while True:
            typed = self.line(f"  {form_field.name}> ").strip()
            if not typed and current:
                return form_field.initial
            picked = self.option(form_field, typed)
            if picked is not None:
                return picked
            self.say(f"    Choose 1 to {len(form_field.options)} (or :cancel).")

    @staticmethod
    def option(form_field: FormField, typed: str) -> str | None:
        number = small_number(typed, digits=3)
        if number is not None and 1 <= number <= len(form_field.options):
            return form_field.options[number - 1][1]
        for label, value in form_field.options:
            if typed.lower() in (label.lower(), value.lower()):
                return value
        return None
