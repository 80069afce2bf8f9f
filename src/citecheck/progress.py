"""Progress on standard error for a person watching a long run; nothing otherwise."""

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
)

from citecheck.check import Progress as ProgressCallback


@contextmanager
def progress_display(enabled: bool) -> Iterator[ProgressCallback | None]:
    """A callback that draws one bar per stage ("reading", "looking up"), or None."""
    if not enabled:
        yield None
        return
    bars = Progress(
        TextColumn("{task.description:<22}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[note]}", style="dim"),
        console=Console(stderr=True),
        transient=True,  # the report, not the bars, is what stays on screen
    )
    tasks: dict[str, TaskID] = {}

    def update(stage: str, done: int, total: int, note: str) -> None:
        if stage not in tasks:
            label = "reading documents" if stage == "reading" else "looking up references"
            tasks[stage] = bars.add_task(label, total=total, note="")
        waiting = f"waiting for {note}" if note else ""
        bars.update(tasks[stage], completed=done, total=total, note=waiting)

    with bars:
        yield update
