"""Marketing's edits to drafts are screened like answers before anything is saved.

An edit may add what the physician never wrote. Patient details added by an edit refuse the whole
edit: nothing is saved and the form comes back saying which draft and why, in kinds (never the
text). Individual medical advice added by an edit is saved with a warning on the draft and is not
approved in the same step, so someone reads it first, as the card warns for an answer. What the
draft already held (an overridden answer's text, the practice's phone) is not the edit's doing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.review.kinds import describe_kinds
from bot.review.limits import channel_label
from bot.screening import AllowList

ADVICE_NOTE = "Reads like individual medical advice (added in an edit): check it before approving"


@dataclass
class EditScreen:
    """What the edits added, per channel: PHI kinds (refuse) and whether advice was added (warn)."""

    phi: dict[str, list[str]] = field(default_factory=dict)
    advice: set[str] = field(default_factory=set)


def screen_edits(services, session, physician_name: str, edits: dict[str, tuple[str, str]]) -> EditScreen:
    """Screen each edited draft (channel -> (old text, new text)); only findings the edit added count."""
    screener = services.screeners.get(session)
    allow = AllowList(names=frozenset({physician_name}))
    result = EditScreen()
    for channel, (old, new) in edits.items():
        verdict = screener.screen(new, allow)
        added = [f for f in verdict.findings if new[f.start:f.end].strip() not in old]
        kinds = sorted({f.kind for f in added if f.category == "phi"})
        if kinds:
            result.phi[channel] = kinds
        if any(f.category == "advice" for f in added):
            result.advice.add(channel)
    return result


def refusals(screen: EditScreen) -> tuple[tuple[str, str], ...]:
    """One error per refused draft, for the form: which kinds, and that nothing was saved."""
    return tuple((channel, f"This edit may identify a patient ({describe_kinds(kinds)}), so nothing was saved. "
                           "Take it out; the physician's own words stay as they are.")
                 for channel, kinds in screen.phi.items())


def advice_warning(screen: EditScreen) -> str:
    """The reply when an edit added advice: saved, not approved, and where to look."""
    channels = ", ".join(channel_label(channel) for channel in sorted(screen.advice))
    return (f"Saved, but not approved: the edited {channels} draft now reads like individual medical advice. "
            "Read it again (the card marks it), then approve or edit it.")
