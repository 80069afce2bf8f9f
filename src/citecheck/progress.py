"""Progress on standard error for a person watching a long run; nothing otherwise.

Two lines: pages checked of all pages, with the time elapsed and an estimate of the time
left; and references settled of those read so far, with what the look-ups are waiting
for ("waiting for pubmed 5, crossref 2"), which is where an audit spends its time.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from citecheck.check import Progress as ProgressCallback

LABELS = {"pages": "pages checked", "references": "references settled"}


@contextmanager
def progress_display(enabled: bool) -> Iterator[ProgressCallback | None]:
    """A callback that draws one bar per stage ("pages", "references"), or None."""
    if not enabled:
        yield None
        return
    bars = Progress(
        TextColumn("{task.description:<20}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[left]}"),
        TextColumn("{task.fields[note]}", style="dim"),
        console=Console(stderr=True),
        transient=True,  # the report, not the bars, is what stays on screen
    )
    remaining = TimeRemainingColumn()
    tasks: dict[str, TaskID] = {}

    def update(stage: str, done: int, total: int, note: str) -> None:
        if stage not in tasks:
            tasks[stage] = bars.add_task(LABELS.get(stage, stage), total=total, note="", left="")
        task = tasks[stage]
        waiting = f"waiting for {note}" if note else ""
        bars.update(task, completed=done, total=total, note=waiting)
        if stage == "pages":
            # The estimate rests on pages done so far: only worth showing once some are.
            left = remaining.render(bars.tasks[task]).plain if done else ""
            bars.update(task, left=f"{left} left" if done and done < total else "")

    with bars:
        yield update
