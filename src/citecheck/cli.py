"""The command line: options and configuration -> Settings and Options, run the check,
write the reports, exit with a code. The only module that writes to the terminal or
exits; everything else is a library.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
import warnings
from contextlib import ExitStack
from dataclasses import replace
from io import StringIO
from pathlib import Path
from typing import Any, TextIO, cast

import click

from citecheck import __version__, demo, report
from citecheck.check import Options, Run, check_paths
from citecheck.config import Config, ConfigError, load_config
from citecheck.correct import correct, write
from citecheck.extract import InputError
from citecheck.extract.limits import DEFAULT_LIMITS, Limits, format_size, parse_size
from citecheck.match import DEFAULT, Thresholds
from citecheck.model import DEFAULT_FAIL_ON, FAIL_ON_CHOICES, FileReport, Report, Summary, Tally
from citecheck.progress import progress_display
from citecheck.report import text as text_report
from citecheck.resolve.cache import Cache, CacheError, open_cache
from citecheck.settings import Settings, from_environment

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_UNVERIFIED = 0, 1, 2, 3

HELP = f"""Check the references of documents against Crossref and PubMed.

PATH is a file, a folder (searched for .txt, .md, .html, .pdf, .docx, .bib, .ris and
.nbib documents) or - for standard input. Each reference is reported as verified,
mismatched (the paper exists but fields such as journal, volume or pages are wrong),
not_found (likely fabricated), unverified (a service could not be reached), skipped (not
a journal article) or ignored, and flagged if retracted.

\b
Examples:
  citecheck article.txt
  citecheck --format json -o report.json site/
  citecheck --format sarif -o citecheck.sarif --format html -o audit.html site/
  citecheck --exclude 'drafts/**' --fail-on mismatched,not_found,unverified pages/
  cat draft.md | citecheck -
  citecheck demo                 (the example page, against recorded answers)

\b
Exit codes:
  0  every reference passed
  1  a reference has a status listed in --fail-on
  2  usage error, or an input that could not be read
  3  nothing failed, but some references are unverified

\b
Other commands:
  citecheck demo          a report on a bundled example page, without network
  citecheck fix FILE      a corrected copy of a document, and the diff
  citecheck cache info    where the cache is and how much it holds
  citecheck cache clear   remove every cached look-up

\b
Configuration: [tool.citecheck] in pyproject.toml or .citecheck.toml (options here win).
Environment: CITECHECK_MAILTO, NCBI_API_KEY, CITECHECK_CACHE_DIR, CITECHECK_CACHE_URL,
CITECHECK_CROSSREF_URL, CITECHECK_PUBMED_URL, NO_COLOR (see the README).
Version {__version__}."""


def parse_fail_on(value: str) -> frozenset[str]:
    names = {part.strip() for part in value.split(",") if part.strip()}
    unknown = sorted(names - set(FAIL_ON_CHOICES))
    if unknown:
        raise click.BadParameter(
            f"unknown status {', '.join(unknown)}; choose from {', '.join(FAIL_ON_CHOICES)}",
            param_hint="--fail-on",
        )
    return frozenset(names)


def exit_code(result: Report | Summary, fail_on: frozenset[str]) -> int:
    """CONTRACT.md: 2 (an unreadable input) beats 1 (a failing reference) beats 3 beats 0."""
    summary = result.summary() if isinstance(result, Report) else result
    if summary.errors:
        return EXIT_USAGE
    # The Summary counts each status and the retractions under the names --fail-on uses,
    # which is Verdict.fails counted over the run.
    if any(getattr(summary, name, 0) for name in fail_on):
        return EXIT_FAILED
    if summary.unverified:
        return EXIT_UNVERIFIED
    return EXIT_OK


def _use_color(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and "NO_COLOR" not in os.environ


def _settings(**options: Any) -> Settings:
    try:
        return from_environment(**options)
    except ValueError as error:
        raise click.UsageError(str(error)) from error


def _config() -> Config:
    try:
        return load_config()
    except ConfigError as error:
        raise click.UsageError(str(error)) from error


def _thresholds(config: Config) -> Thresholds:
    chosen = {k: v for k, v in vars(config.thresholds).items() if v is not None}
    return replace(DEFAULT, **chosen)


def _size(_ctx: click.Context, param: click.Parameter, value: str | None) -> int | None:
    try:
        return None if value is None else parse_size(value)
    except ValueError as error:
        raise click.BadParameter(str(error), param=param) from None


def _limits(config: Config, given: dict[str, float | None]) -> Limits:
    """Each limit from its option, else the configuration, else the default."""

    def pick(name: str) -> float:
        value = given.get(name)
        value = config.limits.get(name) if value is None else value
        return float(getattr(DEFAULT_LIMITS, name)) if value is None else value

    return Limits(
        file_bytes=int(pick("file_bytes")),
        unpacked_bytes=int(pick("unpacked_bytes")),
        nesting=int(pick("nesting")),
        seconds=pick("seconds"),
        pages=int(pick("pages")),
    )


def _outputs(formats: tuple[str, ...], outputs: tuple[str, ...]) -> list[tuple[str, str | None]]:
    """Pair each format with its file (None: standard output)."""
    if len(formats) <= 1 and len(outputs) <= 1:
        return [(formats[0] if formats else "text", outputs[0] if outputs else None)]
    if len(outputs) != len(formats):
        raise click.UsageError("with several --format options, give one -o FILE for each")
    return list(zip(formats, outputs, strict=True))


class _Outputs:
    """The report files of a run, written as the FileReports arrive: each target gets its
    format's writer; a file is written under a temporary name and renamed when complete,
    so an interrupted run leaves no half report behind the real name."""

    def __init__(
        self, targets: list[tuple[str, str | None]], fail_on: frozenset[str], hold: bool
    ) -> None:
        self._stack = ExitStack()
        self._writers: list[report.Writer] = []
        self._renames: list[tuple[Path, Path]] = []
        self._held: list[StringIO] = []
        for name, output in targets:
            if output is None:
                color = _use_color(sys.stdout)
                # The terminal's width (or $COLUMNS); 120 columns to a pipe or file.
                width = shutil.get_terminal_size((120, 24)).columns
                # Under a progress display the report waits, not to garble the bars.
                stream: TextIO = StringIO() if hold else sys.stdout
                if hold:
                    self._held.append(cast(StringIO, stream))
            else:
                color, width = False, 120
                final = Path(output)
                partial = final.with_name(f".{final.name}.citecheck-partial")
                try:
                    stream = self._stack.enter_context(partial.open("w", encoding="utf-8"))
                except OSError as error:
                    self._stack.close()
                    raise click.UsageError(f"cannot write {output}: {error.strerror}") from error
                self._renames.append((partial, final))
            self._writers.append(
                report.writer(name, stream, fail_on=fail_on, color=color, width=width)
            )

    def add(self, file: FileReport) -> None:
        for writer in self._writers:
            writer.add(file)

    def finish(self, summary: Summary, files_skipped: int) -> None:
        for writer in self._writers:
            writer.finish(summary, files_skipped)
        self._stack.close()
        for partial, final in self._renames:
            try:
                partial.replace(final)
            except OSError as error:
                raise click.UsageError(f"cannot write {final}: {error.strerror}") from error
        for held in self._held:
            click.echo(held.getvalue(), nl=False)

    def abandon(self) -> None:
        self._stack.close()
        for partial, _ in self._renames:
            partial.unlink(missing_ok=True)


def _run(
    paths: tuple[str, ...], settings: Settings, options: Options, outputs: _Outputs
) -> tuple[Summary, int]:
    """Check the paths, handing each FileReport to the outputs as it comes."""
    run = Run(paths, settings, options)
    tally = Tally()
    try:
        for file in run:
            tally.add(file)
            outputs.add(file)
    except BaseException:
        outputs.abandon()
        raise
    summary = tally.summary()
    outputs.finish(summary, run.files_skipped)
    return summary, run.files_skipped


@click.command(help=HELP, context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "--format",
    "formats",
    type=click.Choice(report.FORMATS),
    multiple=True,
    help="Report format (default: text, or `format` in the configuration); repeat it, "
    "with one -o for each, to write several.",
)
@click.option(
    "-o",
    "--output",
    "outputs",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="Write the report to this file instead of standard output.",
)
@click.option(
    "--fail-on",
    metavar="LIST",
    help=f"Statuses that make the exit code 1, from: {', '.join(FAIL_ON_CHOICES)} "
    f"[default: {','.join(sorted(DEFAULT_FAIL_ON))}].",
)
@click.option("--include", multiple=True, metavar="GLOB", help="Only check matching files.")
@click.option("--exclude", multiple=True, metavar="GLOB", help="Skip matching files/folders.")
@click.option("--offline", is_flag=True, help="Answer only from the cache; others are unverified.")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the cache.")
@click.option(
    "--mailto",
    metavar="EMAIL",
    help="Contact e-mail sent to Crossref and NCBI (default: $CITECHECK_MAILTO). "
    "Crossref serves identified users faster.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Processes reading documents (helps with many PDFs; from 2, pages are read while "
    "look-ups wait for the services).",
)
@click.option(
    "--max-file-size",
    "file_bytes",
    callback=_size,
    metavar="SIZE",
    help=f"Refuse documents larger than this [default: {format_size(DEFAULT_LIMITS.file_bytes)}].",
)
@click.option(
    "--max-unpacked-size",
    "unpacked_bytes",
    callback=_size,
    metavar="SIZE",
    help="Refuse DOCX/PDF documents that unpack to more than this "
    f"[default: {format_size(DEFAULT_LIMITS.unpacked_bytes)}].",
)
@click.option(
    "--max-nesting",
    "nesting",
    type=click.IntRange(min=1),
    metavar="N",
    help=f"Refuse HTML nesting elements deeper than this [default: {DEFAULT_LIMITS.nesting}].",
)
@click.option(
    "--max-seconds",
    "seconds",
    type=click.FloatRange(min=0, min_open=True),
    metavar="S",
    help=f"Give up reading one document after this long [default: {DEFAULT_LIMITS.seconds:g}].",
)
@click.option(
    "--max-pages",
    "pages",
    type=click.IntRange(min=1),
    metavar="N",
    help=f"Refuse PDFs with more pages than this [default: {DEFAULT_LIMITS.pages}].",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress or summary on stderr.")
@click.version_option(__version__, "--version", prog_name="citecheck")
def cli(
    paths: tuple[str, ...],
    formats: tuple[str, ...],
    outputs: tuple[str, ...],
    fail_on: str | None,
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    offline: bool,
    no_cache: bool,
    mailto: str | None,
    jobs: int,
    quiet: bool,
    **limits: float | None,
) -> int:
    config = _config()
    failing = parse_fail_on(fail_on) if fail_on is not None else config.fail_on
    failing = failing if failing is not None else DEFAULT_FAIL_ON
    chosen = formats or ((config.format,) if config.format else ())
    targets = _outputs(chosen, outputs)
    settings = _settings(
        mailto=mailto or os.environ.get("CITECHECK_MAILTO") or config.mailto,
        offline=offline,
        no_cache=no_cache,
    )
    started = time.monotonic()
    showing = not quiet and sys.stderr.isatty()
    hold = showing and sys.stdout.isatty()  # a report to the terminal waits for the bars
    with progress_display(enabled=showing) as progress:
        options = Options(
            include=include or config.include,
            exclude=exclude or config.exclude,
            ignore=lambda ref: config.ignores(ref.raw, ref.doi),
            thresholds=_thresholds(config),
            jobs=jobs,
            limits=_limits(config, limits),
            progress=progress,
        )
        try:
            summary, skipped = _run(paths, settings, options, _Outputs(targets, failing, hold))
        except CacheError as error:
            # A shared cache that is down must not stop a CI run: check without it. (The
            # cache is opened before the first report is written, so nothing is repeated.)
            click.echo(f"citecheck: warning: {error}; checking without the cache", err=True)
            settings = replace(settings, cache_dir=None, cache_url=None)
            summary, skipped = _run(paths, settings, options, _Outputs(targets, failing, hold))
    if not quiet and (any(o is not None for _, o in targets) or sys.stderr.isatty()):
        line = text_report.summary_line(summary, skipped)
        click.echo(f"{line} ({time.monotonic() - started:.1f} s)", err=True)
    return exit_code(summary, failing)


@click.command(
    name="demo",
    help="Check the bundled example page (a clinic page citing one right, one miscited "
    "and three non-existent papers) against recorded Crossref and PubMed answers: a real "
    "report in seconds, without network.",
)
@click.option("--format", "output_format", type=click.Choice(report.FORMATS), default="text")
def demo_cli(output_format: str) -> int:
    with tempfile.TemporaryDirectory() as folder, demo.serve() as (crossref, pubmed):
        page = demo.write_example(Path(folder))
        settings = replace(
            _settings(mailto="demo@citecheck.invalid", no_cache=True),
            crossref_url=crossref,
            pubmed_url=pubmed,
        )
        result = check_paths([str(page)], settings)
    result = replace(result, files=tuple(replace(f, path=page.name) for f in result.files))
    failing = DEFAULT_FAIL_ON
    outputs = _Outputs([(output_format, None)], failing, hold=False)
    for file in result.files:
        outputs.add(file)
    outputs.finish(result.summary(), result.files_skipped)
    return exit_code(result, failing)


@click.command(
    name="fix",
    help="Write a corrected copy of a text, Markdown or BibTeX document: each mismatched "
    "reference replaced by the found record, in the document's own citation style (BibTeX: "
    "only the fields that disagree). Prints a unified diff. The copy is NAME.corrected.EXT "
    "unless -o is given; --in-place overwrites the document after a NAME.EXT.bak backup.",
)
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the copy here.")
@click.option("--in-place", is_flag=True, help="Overwrite the document (a .bak is kept).")
@click.option("--mailto", metavar="EMAIL", help="Contact e-mail sent to Crossref and NCBI.")
def fix_cli(path: str, output: str | None, in_place: bool, mailto: str | None) -> int:
    if output and in_place:
        raise click.UsageError("give -o or --in-place, not both")
    settings = _settings(mailto=mailto or os.environ.get("CITECHECK_MAILTO"))
    try:
        correction = correct(path, settings)
    except InputError as error:
        raise click.ClickException(f"{path}: {error}") from error
    click.echo(correction.diff, nl=False)
    if correction.after == correction.before:
        click.echo(f"{path}: nothing to correct ({correction.mismatched} mismatched)", err=True)
        return EXIT_OK
    try:
        target = write(correction, Path(output) if output else None, in_place)
    except OSError as error:
        raise click.ClickException(f"cannot write the corrected copy: {error.strerror}") from error
    click.echo(f"{target}: {correction.corrected} reference(s) corrected", err=True)
    return EXIT_OK


@click.group(
    name="cache",
    help="Show or empty the cache of look-ups (CITECHECK_CACHE_DIR, or CITECHECK_CACHE_URL "
    "for a shared Redis cache).",
)
def cache_cli() -> None:
    pass


def _open_cache() -> Cache:
    settings = _settings()
    try:
        cache = open_cache(settings.cache_dir, settings.cache_url)
    except CacheError as error:
        raise click.ClickException(str(error)) from error
    assert cache is not None  # without --no-cache there is always one
    return cache


@cache_cli.command("info", help="Where the cache is and how much it holds.")
def cache_info() -> int:
    cache = _open_cache()
    try:
        for name, value in cache.info().items():
            click.echo(f"{name}: {value}")
    finally:
        cache.close()
    return EXIT_OK


@cache_cli.command("clear", help="Remove every cached look-up.")
def cache_clear() -> int:
    cache = _open_cache()
    try:
        removed = cache.clear()
    finally:
        cache.close()
    click.echo(f"removed {removed} cached look-up{'s' if removed != 1 else ''}")
    return EXIT_OK


# Words that, as the first argument, name a subcommand rather than a document to check
# (a document called "cache" or "demo" can still be checked as ./cache, ./demo).
SUBCOMMANDS: dict[str, click.Command] = {"cache": cache_cli, "demo": demo_cli, "fix": fix_cli}


def _show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: TextIO | None = None,
    line: str | None = None,
) -> None:
    """Warnings from citecheck's own modules (a damaged cache set aside) as one line."""
    click.echo(f"citecheck: warning: {message}", err=True)


def main() -> None:
    """Entry point: turn click's usage errors into one line, and results into exit codes."""
    warnings.showwarning = _show_warning
    args = sys.argv[1:]
    command, name = cli, "citecheck"
    if args and args[0] in SUBCOMMANDS:
        command, name, args = SUBCOMMANDS[args[0]], f"citecheck {args[0]}", args[1:]
    try:
        code = command.main(args=args, standalone_mode=False, prog_name=name)
    except click.UsageError as error:
        click.echo(f"citecheck: error: {error.format_message()} (see {name} --help)", err=True)
        sys.exit(EXIT_USAGE)
    except click.ClickException as error:
        click.echo(f"citecheck: error: {error.format_message()}", err=True)
        sys.exit(EXIT_USAGE)
    except (click.Abort, KeyboardInterrupt):
        click.echo("citecheck: interrupted", err=True)
        sys.exit(130)
    except Exception as error:  # a bug: say so in one line; CITECHECK_DEBUG=1 shows where
        if os.environ.get("CITECHECK_DEBUG"):
            raise
        click.echo(
            f"citecheck: internal error: {type(error).__name__}: {error} "
            "(please report it; CITECHECK_DEBUG=1 shows the details)",
            err=True,
        )
        sys.exit(EXIT_USAGE)
    sys.exit(code if isinstance(code, int) else EXIT_OK)
