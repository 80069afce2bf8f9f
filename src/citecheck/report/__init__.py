"""Report formats: each module has `render(report) -> str`; the CLI picks one by name."""

from __future__ import annotations

FORMATS = ("text", "json")
