"""The digest chart: the last weeks of answers, approvals and inbox checks as a PNG.

matplotlib is imported inside `render_chart` with the Agg backend, so importing Rounds (and
`rounds --help`) never pays for it and no display is ever needed. The figure is sized for a
phone held upright (about 1000×700 px), with large type and values printed on the points,
so it reads without zooming.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class ChartData:
    labels: tuple[str, ...]  # one per week, oldest first, e.g. "Nov 23"
    sent: tuple[int, ...]
    answered: tuple[int, ...]
    approved: tuple[int, ...]
    inbox_done: tuple[int, ...] | None = None  # inbox checks done on time; None until tracked


def render_chart(data: ChartData) -> bytes:
    """A PNG of the weekly series; raises if matplotlib is missing (it is a dependency)."""
    import matplotlib

    matplotlib.use("Agg", force=True)
    from matplotlib.figure import Figure

    figure = Figure(figsize=(6.4, 4.4), dpi=160, layout="constrained")
    axes = figure.add_subplot()
    positions = list(range(len(data.labels)))
    lines: list[tuple[str, Sequence[int], str, str]] = [
        ("Questions sent", data.sent, "#9aa5b1", "o"),
        ("Answered", data.answered, "#1f77b4", "s"),
        ("Approved", data.approved, "#2ca02c", "^"),
    ]
    if data.inbox_done is not None:
        lines.append(("Inbox checks on time", data.inbox_done, "#ff7f0e", "D"))
    for label, values, colour, marker in lines:
        axes.plot(positions, values, label=label, color=colour, marker=marker, linewidth=2.5, markersize=7)
    for position, value in zip(positions, data.answered, strict=True):
        axes.annotate(str(value), (position, value), textcoords="offset points", xytext=(0, 8),
                      ha="center", fontsize=10, color="#1f77b4")
    axes.set_xticks(positions, data.labels, fontsize=10, rotation=30)
    axes.set_ylim(bottom=0)
    axes.yaxis.get_major_locator().set_params(integer=True)
    axes.tick_params(axis="y", labelsize=11)
    axes.set_title("Last 8 weeks", fontsize=14)
    axes.grid(axis="y", alpha=0.3)
    axes.legend(fontsize=10, loc="upper left", frameon=False)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def alt_text(data: ChartData) -> str:
    """The chart's numbers in words, for screen readers and for anyone whose image won't load."""
    parts = [f"{label}: {sent} sent, {answered} answered, {approved} approved"
             for label, sent, answered, approved in zip(data.labels, data.sent, data.answered, data.approved,
                                                        strict=True)]
    text = "Weekly chart, oldest first. " + "; ".join(parts) + "."
    if data.inbox_done is not None:
        text += " Inbox checks on time: " + ", ".join(str(v) for v in data.inbox_done) + "."
    return text[:1000]  # Slack's alt_txt limit
