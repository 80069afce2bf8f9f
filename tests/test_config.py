"""Configuration files: where they are found, what they may hold, one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.config import Config, ConfigError, Thresholds, find_config, load_config

FULL = """
[tool.citecheck]
fail-on = ["mismatched", "not_found", "unverified"]
mailto = "editor@example.org"
include = ["content/**/*.md", "*.html"]
exclude = "drafts"
ignore-dois = ["https://doi.org/10.1000/ODD.1", "doi:10.5555/x"]
ignore-patterns = ["^Personal communication", "(?i)press release"]
format = "sarif"

[tool.citecheck.thresholds]
title-same = 0.92
title_close = 0.7
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_reads_every_key_from_pyproject(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", FULL)
    config = load_config(tmp_path)
    assert config.source == tmp_path / "pyproject.toml"
    assert config.fail_on == frozenset({"mismatched", "not_found", "unverified"})
    assert config.mailto == "editor@example.org"
    assert config.include == ("content/**/*.md", "*.html")
    assert config.exclude == ("drafts",)
    assert config.ignore_dois == frozenset({"10.1000/odd.1", "10.5555/x"})
    assert [p.pattern for p in config.ignore_patterns] == [
        "^Personal communication",
        "(?i)press release",
    ]
    assert config.thresholds == Thresholds(title_same=0.92, title_close=0.7)
    assert config.format == "sarif"


def test_searches_upwards_and_prefers_the_dedicated_file(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.citecheck]\nformat = "json"\n')
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert load_config(deep).format == "json"
    write(tmp_path / "a" / ".citecheck.toml", 'format = "html"\n')
    assert load_config(deep).format == "html"
    assert find_config(deep) == tmp_path / "a" / ".citecheck.toml"
    # In one folder, .citecheck.toml is read before pyproject.toml.
    write(tmp_path / "a" / "pyproject.toml", '[tool.citecheck]\nformat = "junit"\n')
    assert load_config(deep).format == "html"


def test_a_pyproject_without_the_table_does_not_stop_the_search(tmp_path: Path) -> None:
    write(tmp_path / ".citecheck.toml", '[tool.citecheck]\nfail-on = "not_found"\n')
    write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "x"\n')
    assert load_config(tmp_path / "sub").fail_on == frozenset({"not_found"})


def test_no_file_means_an_empty_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    # tmp_path's parents hold no configuration on a normal machine; guard against one.
    if find_config() is None:
        assert load_config() == Config()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('fail-on = "mismatched,bogus"', "fail-on: unknown status 'bogus'; choose from"),
        ("fail-on = 3", "fail-on: expected a string or a list of strings, not 3"),
        ('mailto = "nobody"', "mailto: expected an e-mail address, not 'nobody'"),
        ('format = "pdf"', "format: unknown format 'pdf'; choose from text, json"),
        ('ignore-patterns = ["ok", "x("]', "ignore-patterns[1]: not a regular expression: 'x('"),
        ('failon = "x"', "failon: unknown key (known keys: fail-on, mailto"),
        ("thresholds = 0.9", "thresholds: expected a table"),
        ("thresholds = { title-same = 1.5 }", "title-same must be a number from 0 to 1, not 1.5"),
        ("thresholds = { title-same = true }", "must be a number from 0 to 1, not True"),
        ("thresholds = { fuzzy = 0.5 }", "unknown threshold 'fuzzy'"),
        (
            "thresholds = { title-same = 0.7, title-close = 0.8 }",
            "title-close (0.8) cannot be above title-same (0.7)",
        ),
        ('fail-on = "mismatched"\nfail_on = "not_found"', "given twice"),
    ],
)
def test_bad_values_are_one_clear_line(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path / "pyproject.toml", f"[tool.citecheck]\n{text}\n")
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path)
    error = str(caught.value)
    assert "\n" not in error
    assert error.startswith(f"{path}: [tool.citecheck].")
    assert message in error


def test_invalid_toml_names_the_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path / ".citecheck.toml", 'format = "html"\nfail-on = = 3\n')
    with pytest.raises(ConfigError, match=r"invalid TOML: .*line") as caught:
        load_config(tmp_path)
    assert str(caught.value).startswith(str(path))
    assert "\n" not in str(caught.value)


def test_top_level_keys_in_the_dedicated_file(tmp_path: Path) -> None:
    write(tmp_path / ".citecheck.toml", 'exclude = ["drafts/**"]\nbogus = 1\n')
    with pytest.raises(ConfigError, match=r"\.citecheck\.toml: bogus: unknown key"):
        load_config(tmp_path)


def test_ignores_by_doi_and_pattern(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", FULL)
    config = load_config(tmp_path)
    assert config.ignores("Anything", doi="10.1000/odd.1") is not None
    assert config.ignores("Odd A. Paper. https://doi.org/10.1000/ODD.1.") is not None
    assert config.ignores("Odd A. Paper. doi:10.1000/odd.12") is None
    assert config.ignores("Odd A. Paper. doi:10.1000/odd.1.2") is None
    assert "ignore pattern" in (config.ignores("Personal communication, 2021") or "")
    assert config.ignores("Smith. PRESS RELEASE about things") is not None
    assert config.ignores("Smith J. A real paper. Nature. 2001.") is None
