"""Bidirectional controls from documents and services, shown as visible text in reports.

U+202E RIGHT-TO-LEFT OVERRIDE and the other explicit directional formatting characters
of the Unicode Bidirectional Algorithm (UAX #9, section 2.1-2.4: the embeddings U+202A
and U+202B, the overrides U+202D and U+202E, their terminator U+202C, the isolates U+2066
to U+2069) change the order in which the text after them is displayed: a reference, a
title or a file name can be made to show one thing while holding another (the "Trojan
Source" attack, CVE-2021-42574). Every report writes them as `<U+202E>` instead, whatever
the format, so a reader sees that they were there. The implicit marks (U+200E, U+200F,
U+061C) are left alone: they are common in right-to-left text and cannot override the
order of the characters around them.

The whole Report is rewritten once before any format renders it, so every string in it
(paths, references, found records, warnings, errors, claims, suggestions) is covered,
including fields added later.
"""

from __future__ import annotations

import re
from dataclasses import fields, is_dataclass, replace
from enum import Enum
from typing import Any, TypeVar

__all__ = ["BIDI_CONTROLS", "visible", "visible_text"]

BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")

T = TypeVar("T")


def visible_text(text: str) -> str:
    """`text` with each bidirectional control written as <U+XXXX>."""
    return BIDI_CONTROLS.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)


def visible(value: T) -> T:
    """`value` (a Report, or any frozen dataclass, tuple or string) with every string in
    it made visible; parts without a control are returned as they were, not copied."""
    result: T = _visible(value)
    return result


def _visible(value: Any) -> Any:
    if isinstance(value, Enum):  # the model's enums are str subclasses: keep them whole
        return value
    if isinstance(value, str):
        return visible_text(value) if BIDI_CONTROLS.search(value) else value
    if isinstance(value, tuple | list):
        items = [_visible(item) for item in value]
        if all(new is old for new, old in zip(items, value, strict=True)):
            return value
        return type(value)(items)
    if isinstance(value, dict):
        return {_visible(key): _visible(item) for key, item in value.items()}
    if is_dataclass(value) and not isinstance(value, type):
        changed = {}
        for field in fields(value):
            if field.init:
                old = getattr(value, field.name)
                new = _visible(old)
                if new is not old:
                    changed[field.name] = new
        return replace(value, **changed) if changed else value
    return value
