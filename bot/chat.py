"""Platform-neutral messages and the `Chat` protocol every adapter implements.

The core decides *what* to say in these small frozen types; adapters (Slack, Teams, console)
only translate them to and from their platform. Message text is plain text: adapters escape
it for their markup, so text a user typed can never turn into a mention or markup.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Protocol

_REF = re.compile(r"([0-9]{1,18})(?::([0-9]{1,9}))?", re.ASCII)


def versioned_value(row_id: int, version: int) -> str:
    """A button or form value naming one version of a row: "12:3" (see `parse_ref`)."""
    return f"{row_id}:{version}"


def parse_ref(value: object) -> tuple[int, int | None] | None:
    """(id, version or None) from a button/form value; None for anything else.

    Values come back from a platform and may be anything ("¹" passes `str.isdigit`, thirty
    nines overflow a database integer), so only bounded ASCII digits are accepted.
    """
    match = _REF.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        return None
    return int(match.group(1)), int(match.group(2)) if match.group(2) is not None else None


def small_number(value: object, digits: int = 9) -> int | None:
    """A bounded non-negative ASCII integer from user input or a button value, else None."""
    if isinstance(value, str) and 0 < len(value) <= digits and value.isascii() and value.isdigit():
        return int(value)
    return None


@dataclass(frozen=True)
class Button:
    label: str
    action: str  # e.g. "prompt.skip"; adapters route clicks back by this id
    value: str = ""
    style: str | None = None  # "primary" | "danger" | None


@dataclass(frozen=True)
class Menu:
    """A pick-one list (Slack static_select, Teams ChoiceSet, numbered choices in the console)."""

    placeholder: str
    action: str
    options: tuple[tuple[str, str], ...]  # (label, value)


@dataclass(frozen=True)
class CardSection:
    """A labelled block of a card (e.g. "Answer", "X draft"); `text` is plain text."""

    label: str
    text: str


@dataclass(frozen=True)
class Card:
    """A structured message (the approval card): Block Kit on Slack, an Adaptive Card on Teams.

    `text` on the enclosing message stays the plain-text fallback.
    """

    title: str
    sections: tuple[CardSection, ...] = ()
    badge: str = ""  # e.g. "Clean", "Advice warning", "PHI override: <reason>"
    footer: str = ""  # e.g. "Approved by Sam Ortiz, Tue Dec 1, 9:00 AM"


@dataclass(frozen=True)
class Image:
    """A picture sent with a message (the digest chart): Slack uploads it, Teams puts it in the card.

    The PNG travels base64-encoded inside the outbox payload, so it is sent exactly once with
    the message it belongs to; `alt_text` says the same numbers in words.
    """

    filename: str
    title: str
    alt_text: str
    png_base64: str


@dataclass(frozen=True)
class OutgoingMessage:
    text: str
    buttons: tuple[Button, ...] = ()
    menus: tuple[Menu, ...] = ()
    key: str = ""  # idempotency key; adapters tag the sent message with it for crash recovery
    thread_ts: str | None = None  # reply in this thread of the recipient conversation
    card: Card | None = None
    image: Image | None = None

    def to_json(self) -> str:
        # Hand-built rather than dataclasses.asdict: this runs once per message in a fan-out.
        data = {
            "text": self.text,
            "buttons": [{"label": b.label, "action": b.action, "value": b.value, "style": b.style}
                        for b in self.buttons],
            "menus": [{"placeholder": m.placeholder, "action": m.action, "options": [list(o) for o in m.options]}
                      for m in self.menus],
            "key": self.key,
            "thread_ts": self.thread_ts,
            "card": asdict(self.card) if self.card is not None else None,
        }
        if self.image is not None:
            data["image"] = asdict(self.image)
        return json.dumps(data, separators=(",", ":"))

    @classmethod
    def from_json(cls, raw: str) -> OutgoingMessage:
        data = json.loads(raw)
        card = data.get("card")
        return cls(
            text=data["text"],
            buttons=tuple(Button(**b) for b in data.get("buttons", ())),
            menus=tuple(
                Menu(m["placeholder"], m["action"], tuple(tuple(o) for o in m["options"]))
                for m in data.get("menus", ())
            ),
            key=data.get("key", ""),
            thread_ts=data.get("thread_ts"),
            card=Card(card["title"], tuple(CardSection(**s) for s in card.get("sections", ())),
                      card.get("badge", ""), card.get("footer", "")) if card else None,
            image=Image(**data["image"]) if data.get("image") else None,
        )


@dataclass(frozen=True)
class FormField:
    """One input of a form (a Slack modal, a Teams card input, console prompts)."""

    name: str
    label: str
    initial: str = ""
    multiline: bool = True
    required: bool = True
    max_length: int | None = None
    options: tuple[tuple[str, str], ...] = ()  # (label, value): a pick-one field instead of text
    hint: str = ""  # a short example under (Slack) or inside (Teams placeholder, console line) the input


@dataclass(frozen=True)
class Form:
    """Ask the acting person for input; submitting sends an ActionEvent with `action` and `fields`."""

    title: str
    submit_label: str
    action: str
    value: str
    fields: tuple[FormField, ...]
    message: MessageRef | None = None  # the card the form is about, carried back on submit
    # Plain text shown above the fields. Forms open only for the person who acted, so it may say
    # what only they may see (a held answer's flagged excerpts); adapters never log it.
    description: str = ""
    # Wait to be asked for on a line-based platform (the console): the lines typed next stay chat
    # messages until the person opens the form (`:form`). For a form next to a conversation that
    # keeps meaning something else (the It's fine reason beside the answer a physician is writing).
    on_request: bool = False
    # A submission refused: (field name, why) pairs, shown with the form again. Slack puts them
    # under the inputs (`response_action: errors`), Teams and the console above the fields.
    errors: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class MessageRef:
    """Where a sent message lives: conversation id and the platform's message id (Slack ts)."""

    channel: str
    ts: str


@dataclass(frozen=True)
class IncomingMessage:
    """A message a person wrote to the bot (a DM, or a reply in a DM thread)."""

    platform: str
    user_id: str  # platform user id (Slack U…); the console uses the person's email
    channel: str
    ts: str
    text: str
    is_direct: bool = True
    thread_ts: str | None = None
    edited: bool = False  # an edit of the message (channel, ts) that was received before


@dataclass(frozen=True, eq=False)
class ActionEvent:
    """A button or menu choice a person clicked."""

    platform: str
    user_id: str
    action: str
    value: str = ""
    message: MessageRef | None = None
    fields: dict[str, str] = field(default_factory=dict)  # a submitted Form's values


@dataclass(frozen=True)
class Reply:
    """What the core wants said right away to the person who just acted (private)."""

    text: str
    replace_original: MessageRef | None = None  # update the clicked message to this text
    buttons: tuple[Button, ...] = ()
    # A reply the core may have to change later (a held notice): the adapter reports where it
    # posted it with `bot.weekly.inbound.record_reply(services, key, ref)`.
    key: str = ""

    def as_message(self) -> OutgoingMessage:
        return OutgoingMessage(text=self.text, buttons=self.buttons)


@dataclass
class Outcome:
    """Result of handling one incoming message or action: immediate private replies."""

    replies: list[Reply] = field(default_factory=list)
    form: Form | None = None  # open this form for the acting person (needs the click's trigger)
    updates: list[tuple[MessageRef, OutgoingMessage]] = field(default_factory=list)  # for everyone

    def say(self, text: str, replace_original: MessageRef | None = None,
            buttons: tuple[Button, ...] = (), key: str = "") -> Outcome:
        self.replies.append(Reply(text, replace_original, buttons, key))
        return self


class PermanentSendError(Exception):
    """The platform refused for good (unknown user, bot blocked): retrying will not help."""


class TransientSendError(Exception):
    """Rate limited, server error or network trouble after the adapter's own retries."""


class Chat(Protocol):
    """Synchronous sending side of a platform; the outbox calls it from worker threads."""

    platform: str

    def open_direct(self, user_id: str) -> str:
        """Return the direct-message conversation id with this user (opening it if needed)."""

    def send(self, channel: str, message: OutgoingMessage) -> MessageRef:
        """Post `message`, tagged with `message.key`; raise Permanent/TransientSendError."""

    def update(self, ref: MessageRef, message: OutgoingMessage) -> None:
        """Replace a sent message for everyone."""

    def find_sent(self, channel: str, key: str, since: datetime) -> MessageRef | None:
        """Look for a message tagged `key` sent at or after `since` (recovery after a crash)."""

    def lookup_user_by_email(self, email: str) -> str | None:
        """Resolve a platform user id from an email address, None if unknown."""
