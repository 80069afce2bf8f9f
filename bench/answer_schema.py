"""Validating service answers: msgspec (what citecheck uses) against pydantic, measured.

Both decode the same Crossref list answers (50 works each, as the local fake renders the
corpus, every field the real service sends) into a schema of the fields citecheck uses,
and both must reject the same broken answer. Prints the time per answer and the peak
memory of each. Run from the repository root:

    python bench/answer_schema.py
"""

from __future__ import annotations

import json
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import msgspec

from citecheck.resolve.crossref_records import _ListAnswer, decode_works
from citecheck.resolve.errors import InvalidAnswerError
from fakes.corpus import load_corpus
from fakes.crossref import work_json

ROUNDS = 200


def answers() -> list[bytes]:
    works = [w for w in load_corpus().crossref if w.doi]
    pages = [works[i : i + 50] for i in range(0, len(works), 50)]
    return [
        json.dumps(
            {
                "status": "ok",
                "message-type": "work-list",
                "message": {"items": [work_json(w) for w in page]},
            }
        ).encode()
        for page in pages
    ]


def pydantic_decoder() -> Any:
    from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

    class Author(BaseModel):
        family: str | None = None
        given: str | None = None
        name: str | None = None

    class Date(BaseModel):
        parts: list[list[int | None]] = Field(default_factory=list, alias="date-parts")

    class Update(BaseModel):
        type: str = ""

    class Work(BaseModel):
        model_config = ConfigDict(strict=True)
        DOI: str
        type: str | None = None
        title: list[str] = []
        author: list[Author] = []
        container_title: list[str] = Field(default_factory=list, alias="container-title")
        short_container_title: list[str] = Field(
            default_factory=list, alias="short-container-title"
        )
        issued: Date | None = None
        volume: str | None = None
        issue: str | None = None
        page: str | None = None
        updated_by: list[Update] = Field(default_factory=list, alias="updated-by")

    class WorkList(BaseModel):
        items: list[Work]

    class Answer(BaseModel):
        status: str
        message: WorkList

    adapter = TypeAdapter(Answer)
    return adapter.validate_json


def measure(name: str, decode: Any, bodies: list[bytes]) -> None:
    """Time per answer (best of three runs), then the peak memory of one pass (traced)."""
    decode(bodies[0])
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        for _ in range(ROUNDS):
            for body in bodies:
                decode(body)
        best = min(best, time.perf_counter() - started)
    tracemalloc.start()
    for body in bodies:
        decode(body)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    per = best / (ROUNDS * len(bodies)) * 1e6
    print(f"{name:<34} {per:7.0f} µs per answer   peak {peak / 1024:6.0f} KiB")


def main() -> int:
    bodies = answers()
    print(f"{len(bodies)} answers of up to 50 works, {sum(map(len, bodies)) // 1024} KiB in all")
    measure(
        "msgspec: validate only", lambda body: msgspec.json.decode(body, type=_ListAnswer), bodies
    )
    measure("msgspec: validate + Records", decode_works, bodies)
    try:
        validate = pydantic_decoder()
    except ImportError:
        print("pydantic is not installed: pip install pydantic to compare")
        return 0
    measure("pydantic 2: validate only", validate, bodies)
    broken = bodies[0].replace(b'"family":', b'"family":1,"x":', 1)
    for name, decode in (("msgspec", decode_works), ("pydantic", validate)):
        try:
            decode(broken)
            print(f"{name}: accepted a number as a family name")
        except (InvalidAnswerError, ValueError) as error:
            print(f"{name} rejects it: {str(error).splitlines()[0][:90]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
