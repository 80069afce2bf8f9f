"""A persistent cache of look-ups, keyed by service and normalised query.

diskcache gives a process-safe SQLite store with per-item expiry. Only answers are
cached: "found these records" for ~90 days and "found nothing" for ~7 days. Failures
are never cached, so an outage is not remembered as "not found".
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import diskcache

from citecheck.model import Record, Source

DAY = 24 * 60 * 60
POSITIVE_TTL = 90 * DAY
NEGATIVE_TTL = 7 * DAY
SCHEMA = "v1"  # bump when Record changes shape; old entries are then simply not found


def record_to_dict(record: Record) -> dict[str, Any]:
    data = dataclasses.asdict(record)
    data["source"] = record.source.value
    return data


def record_from_dict(data: dict[str, Any]) -> Record:
    values = dict(data)
    values["source"] = Source(values["source"])
    for name in ("authors", "journals", "notices"):
        values[name] = tuple(values.get(name) or ())
    return Record(**values)


class LookupCache:
    """Cached record lists; `get` returns None on a miss (not an empty list)."""

    def __init__(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self._store = diskcache.Cache(str(directory))

    @staticmethod
    def _key(service: str, kind: str, query: str) -> str:
        return f"{SCHEMA}|{service}|{kind}|{query}"

    def get(self, service: str, kind: str, query: str) -> list[Record] | None:
        value = self._store.get(self._key(service, kind, query))
        if value is None:
            return None
        return [record_from_dict(item) for item in value]

    def put(self, service: str, kind: str, query: str, records: list[Record]) -> None:
        ttl = POSITIVE_TTL if records else NEGATIVE_TTL
        value = [record_to_dict(record) for record in records]
        self._store.set(self._key(service, kind, query), value, expire=ttl)

    def close(self) -> None:
        self._store.close()
