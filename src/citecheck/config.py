"""Project configuration: `[tool.citecheck]` in pyproject.toml, or a `.citecheck.toml`.

The nearest file wins, searching from the current folder upwards; in each folder
`.citecheck.toml` is read before pyproject.toml, and a pyproject.toml without a
`[tool.citecheck]` table does not count (the search goes on). A `.citecheck.toml` holds
the keys at its top level, or under `[tool.citecheck]` like pyproject.toml.

    [tool.citecheck]
    fail-on = ["mismatched", "not_found", "retracted"]   # or "mismatched,not_found"
    mailto = "editor@example.org"
    include = ["content/**/*.md", "*.html"]
    exclude = ["drafts", "**/archive/**"]
    ignore-dois = ["10.1000/known-odd-record"]
    ignore-patterns = ["^Personal communication", "(?i)press release"]
    format = "markdown"
    max-file-size = "100MB"        # and max-unpacked-size, max-nesting, max-seconds,
    max-seconds = 120              # max-pages: extract/limits.py
    [tool.citecheck.thresholds]
    title-same = 0.9
    title-close = 0.75

Command-line options win over these values; the caller merges them. Every problem is one
ConfigError line naming the file and the key.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from citecheck.extract.limits import OPTION, parse_size
from citecheck.model import FAIL_ON_CHOICES
from citecheck.normalize import clean_doi

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

__all__ = ["FILE_NAMES", "Config", "ConfigError", "Thresholds", "find_config", "load_config"]

FILE_NAMES = (".citecheck.toml", "pyproject.toml")
FORMATS = ("text", "json", "markdown", "sarif", "junit", "html")
THRESHOLD_NAMES = ("title-same", "title-close", "author-same")
KEYS = (
    "fail-on",
    "mailto",
    "include",
    "exclude",
    "ignore-dois",
    "ignore-patterns",
    "thresholds",
    "format",
)
# Limits on what one document may cost: the key is the option's name without "--".
LIMIT_KEYS = {option.removeprefix("--"): name for name, option in OPTION.items()}


class ConfigError(Exception):
    """A configuration that cannot be used; str(error) is one line for the user."""


# Makes the error for one key: fail(problem) or fail(problem, "key[index]").
Fail = Callable[..., ConfigError]


@dataclass(frozen=True)
class Thresholds:
    """Similarity thresholds (0 to 1) overriding the matcher's; None keeps its default."""

    title_same: float | None = None
    title_close: float | None = None
    author_same: float | None = None


@dataclass(frozen=True)
class Config:
    """Settings from a configuration file; a value left out is None or empty."""

    source: Path | None = None  # the file read, None when there was none
    fail_on: frozenset[str] | None = None
    mailto: str | None = None
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    ignore_dois: frozenset[str] = frozenset()
    ignore_patterns: tuple[re.Pattern[str], ...] = ()
    thresholds: Thresholds = field(default_factory=Thresholds)
    format: str | None = None
    limits: Mapping[str, float] = field(default_factory=dict)  # Limits field -> value

    def ignores(self, raw: str, doi: str | None = None) -> str | None:
        """Why the configuration says to ignore this reference, or None to check it.

        `raw` is the entry as written; `doi` the cited DOI, if any. The DOI is also
        looked for in the raw text, so an ignored DOI written as a link still matches.
        """
        cited = clean_doi(doi)
        if cited and cited in self.ignore_dois:
            return f"ignored DOI {cited} (configuration)"
        lowered = raw.lower()
        for ignored in sorted(self.ignore_dois):
            # The whole DOI: "10.1/ab" must not ignore "10.1/abc" (a sentence's full stop
            # after it is fine).
            if re.search(re.escape(ignored) + r"(?![\w/-]|\.\w)", lowered):
                return f"ignored DOI {ignored} (configuration)"
        for pattern in self.ignore_patterns:
            if pattern.search(raw):
                return f"matches ignore pattern {pattern.pattern!r} (configuration)"
        return None


def find_config(start: Path | None = None) -> Path | None:
    """The configuration file that applies in `start` (default: the current folder)."""
    folder = (start or Path.cwd()).resolve()
    for candidate_folder in (folder, *folder.parents):
        for name in FILE_NAMES:
            path = candidate_folder / name
            if not path.is_file():
                continue
            if name == "pyproject.toml" and "citecheck" not in _read(path).get("tool", {}):
                continue
            return path
    return None


def load_config(start: Path | None = None) -> Config:
    """The configuration that applies in `start`; an empty Config when there is none."""
    path = find_config(start)
    if path is None:
        return Config()
    data = _read(path)
    table = data.get("tool", {}).get("citecheck") if "tool" in data else None
    if path.name == "pyproject.toml" or table is not None:
        where = "[tool.citecheck]"
    else:
        table, where = data, ""
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.citecheck] must be a table")
    return parse_config(table, path, where)


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(
            f"{path}: cannot read: {getattr(error, 'strerror', None) or error}"
        ) from None


def parse_config(table: Mapping[str, Any], source: Path | None = None, where: str = "") -> Config:
    """A Config from the citecheck table's values; ConfigError names the first bad one."""
    origin = f"{source}: " if source else ""
    prefix = f"{where}." if where else ""
    values: dict[str, Any] = {}
    for raw_key, value in table.items():
        key = raw_key.replace("_", "-")  # fail_on as well as fail-on: a common slip

        def fail(problem: str, key: str = raw_key) -> ConfigError:
            return ConfigError(f"{origin}{prefix}{key}: {problem}")

        if key not in KEYS and key not in LIMIT_KEYS:
            hint = ", ".join((*KEYS, *LIMIT_KEYS))
            raise fail(f"unknown key (known keys: {hint})")
        if key in values:
            raise fail("given twice (as fail-on and fail_on?)")
        values[key] = _parse_value(key, value, fail)
    return Config(
        source=source,
        fail_on=values.get("fail-on"),
        mailto=values.get("mailto"),
        include=values.get("include", ()),
        exclude=values.get("exclude", ()),
        ignore_dois=values.get("ignore-dois", frozenset()),
        ignore_patterns=values.get("ignore-patterns", ()),
        thresholds=values.get("thresholds", Thresholds()),
        format=values.get("format"),
        limits={LIMIT_KEYS[key]: value for key, value in values.items() if key in LIMIT_KEYS},
    )


def _strings(value: Any, fail: Fail, *, comma: bool = False) -> tuple[str, ...]:
    """A list of strings; a single string is one item (or, for comma lists, split)."""
    if isinstance(value, str):
        items = value.split(",") if comma else [value]
    elif isinstance(value, list) and all(isinstance(item, str) for item in value):
        items = value
    else:
        raise fail(f"expected a string or a list of strings, not {_shown(value)}")
    return tuple(item.strip() for item in items if item.strip())


def _parse_value(key: str, value: Any, fail: Fail) -> Any:
    if key in LIMIT_KEYS:
        return _limit(LIMIT_KEYS[key], value, fail)
    if key == "fail-on":
        names = _strings(value, fail, comma=True)
        unknown = [name for name in names if name not in FAIL_ON_CHOICES]
        if unknown:
            raise fail(f"unknown status {unknown[0]!r}; choose from {', '.join(FAIL_ON_CHOICES)}")
        return frozenset(names)
    if key == "mailto":
        if not isinstance(value, str) or not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", value):
            raise fail(f"expected an e-mail address, not {_shown(value)}")
        return value
    if key == "format":
        if value not in FORMATS:
            raise fail(f"unknown format {_shown(value)}; choose from {', '.join(FORMATS)}")
        return value
    if key in ("include", "exclude"):
        return _strings(value, fail)
    if key == "ignore-dois":
        dois = {clean_doi(doi) for doi in _strings(value, fail)}
        return frozenset(doi for doi in dois if doi)
    if key == "ignore-patterns":
        patterns = []
        for index, text in enumerate(_strings(value, fail)):
            try:
                patterns.append(re.compile(text))
            except re.error as error:
                raise fail(
                    f"not a regular expression: {text!r} ({error})", f"{key}[{index}]"
                ) from None
        return tuple(patterns)
    return _thresholds(value, fail)


def _limit(name: str, value: Any, fail: Fail) -> float:
    """A size ("100MB" or bytes), a number of seconds, or a count; above zero."""
    if name.endswith("_bytes"):
        if isinstance(value, int) and not isinstance(value, bool) and value > 0:
            return value
        if isinstance(value, str):
            try:
                return parse_size(value)
            except ValueError as error:
                raise fail(str(error)) from None
        raise fail(f'expected a size such as "100MB", not {_shown(value)}')
    number_types = (int, float) if name == "seconds" else (int,)
    if isinstance(value, bool) or not isinstance(value, number_types) or value <= 0:
        kind = "a number of seconds" if name == "seconds" else "a whole number"
        raise fail(f"expected {kind} above zero, not {_shown(value)}")
    return value


def _thresholds(value: Any, fail: Fail) -> Thresholds:
    if not isinstance(value, dict):
        raise fail(f"expected a table such as {{ title-same = 0.9 }}, not {_shown(value)}")
    found: dict[str, float] = {}
    for name, number in value.items():
        if name.replace("_", "-") not in THRESHOLD_NAMES:
            raise fail(f"unknown threshold {name!r}; known: {', '.join(THRESHOLD_NAMES)}")
        if isinstance(number, bool) or not isinstance(number, (int, float)) or not 0 <= number <= 1:
            raise fail(f"{name} must be a number from 0 to 1, not {_shown(number)}")
        found[name.replace("-", "_")] = float(number)
    thresholds = Thresholds(**found)
    same, close = thresholds.title_same, thresholds.title_close
    if same is not None and close is not None and close > same:
        raise fail(f"title-close ({close}) cannot be above title-same ({same})")
    return thresholds


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
