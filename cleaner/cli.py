"""The ``cleaner`` command line. Thin: parse options, call the library, render.

Data goes to stdout, everything else (progress, warnings, explanations) to stderr.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.progress import Task as ProgressTask
from rich.table import Table
from rich.text import Text
from typer.core import TyperGroup

from cleaner import __version__
from cleaner.batch import (
    DEFAULT_GLOBS,
    ERROR_LOG,
    BatchSummary,
    FileOptions,
    FileReport,
    LocalRunner,
    Runner,
    SiteKey,
    Task,
    discover,
    error_log_lines,
    file_site,
    pending,
    remove_stale_parts,
)
from cleaner.chrome.model import RULES_ONLY
from cleaner.config import CleanerConfig, InputFormat, Mode, read_protect_file
from cleaner.document import CleanResult
from cleaner.explain import render_explanation, render_page
from cleaner.io import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_USAGE,
    CleanerError,
    decode,
    nonempty,
    open_input,
    output_handle,
    read_chunks,
    read_text,
    refuse_empty,
    write_output,
)
from cleaner.pipeline import Cleaner
from cleaner.records import clean_records, decoded_lines, open_records, site_from_field
from cleaner.report import ReportCollector, render
from cleaner.stream import clean_stream
from cleaner.train import example_from_pair, fit, read_examples

PANEL_STAGES = "Stages"
PANEL_INPUT = "Input"
PANEL_OUTPUT = "Output"


class OutputFormat(str, Enum):
    TEXT = "text"
    JSON = "json"
    JSONL = "jsonl"


class DefaultCommandGroup(TyperGroup):
    """Runs ``clean`` when the first argument is not a command: ``cleaner page.txt``."""

    default_command = "clean"

    def parse_args(self, ctx: typer.Context, args: list[str]) -> list[str]:  # type: ignore[override]
        first = args[0] if args else None
        if first not in self.commands and first not in ("--help", "-h", "--version"):
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)


app = typer.Typer(
    cls=DefaultCommandGroup,
    help="Turn web-scraped page text into clean article text.",
    add_completion=False,
    no_args_is_help=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
)

ModeOption = Annotated[
    Mode, typer.Option("--mode", "-m", help="precision | balanced | recall.", rich_help_panel=PANEL_STAGES)
]
NoChrome = Annotated[
    bool, typer.Option("--no-chrome", help="Keep every block (repair only).", rich_help_panel=PANEL_STAGES)
]
NoRepair = Annotated[
    bool, typer.Option("--no-repair", help="Leave damaged tokens as they are.", rich_help_panel=PANEL_STAGES)
]
NoNormalize = Annotated[
    bool,
    typer.Option("--no-normalize", help="Skip Unicode repair (mojibake, invisible characters).",
                 rich_help_panel=PANEL_STAGES),
]
LanguageOption = Annotated[
    str | None,
    typer.Option("--language", "-l", help="ISO 639-1 code; default: detect per page.",
                 rich_help_panel=PANEL_STAGES),
]
InputFormatOption = Annotated[
    InputFormat,
    typer.Option("--input-format", help="auto sniffs HTML; text or html force a reader.",
                 rich_help_panel=PANEL_INPUT),
]
EncodingOption = Annotated[
    str, typer.Option("--encoding", help="Encoding of the input files.", rich_help_panel=PANEL_INPUT)
]
TimeoutOption = Annotated[
    float | None,
    typer.Option("--timeout", min=0.001, help="Seconds one document may take; a slower one is reported "
                 "and skipped.", rich_help_panel=PANEL_STAGES, show_default=False),
]
ModelOption = Annotated[
    str,
    typer.Option("--model", help="The line classifier: none (the rules and the context pass alone), "
                 "builtin (the one shipped in the package), or a file written by `cleaner train`.",
                 rich_help_panel=PANEL_STAGES),
]
TextFieldOption = Annotated[
    str, typer.Option("--text-field", help="JSONL: the field holding the page text.",
                      rich_help_panel=PANEL_INPUT)
]
StatsOption = Annotated[
    bool, typer.Option("--stats", help="JSONL: add a 'cleaner' object per record (share removed, counts "
                       "per reason, repairs).", rich_help_panel=PANEL_OUTPUT)
]
ProfileOption = Annotated[
    Path | None,
    typer.Option("--profile", help="Site line counts written by `cleaner learn`: lines of a page's site "
                 "template are removed (chrome:site-repeat).", rich_help_panel=PANEL_STAGES,
                 show_default=False),
]
SiteKeyOption = Annotated[
    SiteKey,
    typer.Option("--site-key", help="Where a page's site comes from: auto (a record's URL, else the "
                 "first folder under IN_DIR), url, folder, file, or none (no site chrome learning).",
                 rich_help_panel=PANEL_INPUT),
]
UrlFieldOption = Annotated[
    str, typer.Option("--url-field", help="JSONL: the field holding the page URL (its host is the site).",
                      rich_help_panel=PANEL_INPUT)
]
IdFieldOption = Annotated[
    str | None, typer.Option("--id-field", help="JSONL: a field naming each record in the error log.",
                             rich_help_panel=PANEL_INPUT, show_default=False)
]
ProtectOption = Annotated[
    Path | None,
    typer.Option("--protect", help="File of words repair must never change, one per line; 're:' starts a "
                 "regular expression ('#' comments).",
                 rich_help_panel=PANEL_STAGES, show_default=False),
]
ExplainOption = Annotated[
    bool,
    typer.Option("--explain", help="On stderr: every removed block with its reason and score, "
                 "every repair, counts per reason.", rich_help_panel=PANEL_OUTPUT),
]


def _err_console() -> Console:
    return Console(stderr=True, highlight=False)


def _fail(message: str, code: int = EXIT_FAILED) -> typer.Exit:
    # Messages hold paths and hints like 'cleaner[dask]': never rich markup.
    _err_console().print(f"[bold red]cleaner: error:[/] {escape(message)}", soft_wrap=True)
    return typer.Exit(code)


def _config(mode: Mode, no_chrome: bool, no_repair: bool, no_normalize: bool, language: str | None,
            input_format: InputFormat, timeout: float | None = None,
            protect: Path | None = None) -> CleanerConfig:
    try:
        words, patterns = read_protect_file(read_text(str(protect))) if protect is not None else ((), ())
        return CleanerConfig(mode=mode, chrome=not no_chrome, repair=not no_repair,
                             normalize=not no_normalize, language=language, input_format=input_format,
                             timeout=timeout, protect=frozenset(words), protect_patterns=tuple(patterns))
    except ValueError as exc:
        raise _fail(str(exc), EXIT_USAGE) from None
    except CleanerError as exc:
        raise _fail(str(exc), exc.exit_code) from None


def _cleaner(config: CleanerConfig, model: str, profile: Path | None = None) -> Cleaner:
    try:
        return Cleaner(config, model=model, profile=profile)
    except CleanerError as exc:
        raise _fail(str(exc), exc.exit_code) from None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"cleaner {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Turn web-scraped page text into clean article text.

    `cleaner [FILE ...]` cleans pages (stdin when no file or `-`);
    `cleaner batch IN_DIR OUT_DIR` cleans a folder tree.
    """


@app.command("clean")
def clean_command(
    files: Annotated[list[str] | None, typer.Argument(help="Input files; none or '-' reads stdin.")] = None,
    output: Annotated[str, typer.Option("--output", "-o", help="Output file; '-' is stdout.",
                                        rich_help_panel=PANEL_OUTPUT)] = "-",
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="text; json (the full "
                             "CleanResult, one line per input); jsonl (input and output are JSONL records, "
                             "gzip and zstd read transparently; -o NAME.gz or NAME.zst compresses).",
                             rich_help_panel=PANEL_OUTPUT)]
    = OutputFormat.TEXT,
    text_field: TextFieldOption = "text",
    with_stats: StatsOption = False,
    explain: ExplainOption = False,
    mode: ModeOption = Mode.BALANCED,
    no_chrome: NoChrome = False,
    no_repair: NoRepair = False,
    no_normalize: NoNormalize = False,
    language: LanguageOption = None,
    input_format: InputFormatOption = InputFormat.AUTO,
    encoding: EncodingOption = "utf-8",
    model: ModelOption = RULES_ONLY,
    timeout: TimeoutOption = None,
    protect: ProtectOption = None,
    profile: ProfileOption = None,
    site: Annotated[str | None, typer.Option("--site", help="With --profile: the site of these pages "
                    "(JSONL records: the host of --url-field).", rich_help_panel=PANEL_INPUT,
                    show_default=False)] = None,
    url_field: UrlFieldOption = "url",
    id_field: IdFieldOption = None,
) -> None:
    """Clean pages: `cleaner page.txt`, `cat page.txt | cleaner`, `cleaner a.html -o a.txt`."""
    cleaner = _cleaner(_config(mode, no_chrome, no_repair, no_normalize, language, input_format, timeout,
                               protect), model, profile)
    sources = files or ["-"]
    if output != "-" and output in sources:
        raise _fail(f"{output}: output is also an input; refusing to overwrite it", EXIT_USAGE)
    console = _err_console()
    try:
        with output_handle(output) as out:
            if output_format is OutputFormat.JSONL:
                site_of = site_from_field(url_field) if site is None else (lambda record: site)
                bad = _clean_record_sources(cleaner, sources, out, text_field, with_stats, console,
                                            site_of, id_field)
            else:
                bad = 0
                _clean_sources(cleaner, sources, out, output_format, encoding, console if explain else None,
                               site)
    except CleanerError as exc:
        raise _fail(str(exc), exc.exit_code) from None
    except KeyboardInterrupt:
        # An output file is removed by its writer; stdout may hold what was already cleaned.
        console.print("cleaner: interrupted; no output file was left half written")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    if bad:
        console.print(f"cleaner: {bad} record(s) could not be cleaned (reported above)")
        raise typer.Exit(EXIT_FAILED)


def _clean_record_sources(cleaner: Cleaner, sources: list[str], out: TextIO, text_field: str,
                          with_stats: bool, console: Console,
                          site_of: Callable[[dict[str, Any]], str | None],
                          id_field: str | None) -> int:
    bad = 0
    for source in sources:
        title = "<stdin>" if source == "-" else source
        stream = open_input(source)
        try:
            lines = decoded_lines(open_records(stream), title)
            for item in clean_records(cleaner, lines, text_field, with_stats, site_of=site_of,
                                      id_field=id_field):
                if isinstance(item, str):
                    out.write(item + "\n")
                else:
                    bad += 1
                    console.print(f"cleaner: error: {title}:{item.line}: {item.error}", soft_wrap=True,
                                  markup=False)
        finally:
            if stream is not sys.stdin.buffer:
                stream.close()
    return bad


def _clean_sources(cleaner: Cleaner, sources: list[str], out: TextIO, output_format: OutputFormat,
                   encoding: str, explain_to: Console | None, site: str | None = None) -> None:
    """Text streams through in windows (any size, bounded memory); JSON is one result per input."""
    written = False
    for source in sources:
        title = "<stdin>" if source == "-" else source
        if output_format is OutputFormat.JSON:
            result = cleaner.clean_document(nonempty(read_text(source, encoding), title), site)
            if explain_to is not None:
                render_explanation(result, explain_to, title)
            out.write(result.to_json() + "\n")
            continue
        first = True

        def write(piece: str) -> None:
            nonlocal first, written
            if first and written:
                piece = "\n" + piece  # a blank line between inputs, as between blocks
            out.write(piece)
            first, written = False, True

        def explain(result: CleanResult, title: str = title) -> None:
            if explain_to is not None:
                render_explanation(result, explain_to, title)

        stream = open_input(source)
        try:
            clean_stream(cleaner, refuse_empty(read_chunks(stream, title, encoding), title), write,
                         on_result=explain, site=site)
        finally:
            if stream is not sys.stdin.buffer:
                stream.close()


@app.command("batch")
def batch_command(
    in_dir: Annotated[Path, typer.Argument(help="Folder of pages to clean.", show_default=False)],
    out_dir: Annotated[Path, typer.Argument(help="Folder for the cleaned pages (same relative paths).",
                                            show_default=False)],
    globs: Annotated[list[str] | None, typer.Option("--glob", help="File name pattern; repeat for more. "
                     f"Default: {', '.join(DEFAULT_GLOBS)}.", rich_help_panel=PANEL_INPUT)] = None,
    mode: ModeOption = Mode.BALANCED,
    no_chrome: NoChrome = False,
    no_repair: NoRepair = False,
    no_normalize: NoNormalize = False,
    language: LanguageOption = None,
    input_format: InputFormatOption = InputFormat.AUTO,
    encoding: EncodingOption = "utf-8",
    report_path: Annotated[Path | None, typer.Option("--report", help="Also write a self-contained "
                           "HTML report of the run to this file.", rich_help_panel=PANEL_OUTPUT)] = None,
    model: ModelOption = RULES_ONLY,
    timeout: TimeoutOption = None,
    text_field: TextFieldOption = "text",
    with_stats: StatsOption = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, max=256, help="Worker processes "
                    "(default: all cores).", rich_help_panel=PANEL_INPUT, show_default=False)]
    = os.cpu_count() or 1,
    force: Annotated[bool, typer.Option("--force", help="Clean again files whose output is already "
                     "there and newer than the input (by default such finished work is skipped).",
                     rich_help_panel=PANEL_INPUT)] = False,
    profile: ProfileOption = None,
    site_key: SiteKeyOption = SiteKey.AUTO,
    url_field: UrlFieldOption = "url",
    id_field: IdFieldOption = None,
    protect: ProtectOption = None,
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="Run on a Dask cluster: the "
                         "scheduler's address (needs cleaner[dask]; IN_DIR and OUT_DIR on a filesystem "
                         "the workers share).", rich_help_panel=PANEL_INPUT, show_default=False)] = None,
) -> None:
    """Clean every matching file under IN_DIR into OUT_DIR; inputs are never touched.

    JSONL files (.jsonl, .jsonl.gz, .jsonl.zst) are cleaned record by record into the same name.
    A first pass learns each site's template lines from the corpus (unless --profile
    or --site-key none). Failed files and records go to OUT_DIR/cleaner-errors.jsonl.
    """
    cleaner = _cleaner(_config(mode, no_chrome, no_repair, no_normalize, language, input_format, timeout,
                               protect), model, profile)
    console = _err_console()
    try:
        all_tasks = discover(in_dir, out_dir, tuple(globs) if globs else DEFAULT_GLOBS)
    except CleanerError as exc:
        raise _fail(str(exc), exc.exit_code) from None
    if not all_tasks:
        console.print(f"cleaner: no files under {in_dir} match {', '.join(globs or DEFAULT_GLOBS)}",
                      markup=False)
    remove_stale_parts(out_dir)
    tasks, skipped = pending(all_tasks, force)
    if skipped:
        console.print(f"cleaner: {skipped} file(s) already done, skipped (--force cleans them again)")
    options = FileOptions(encoding, report_path is not None, text_field, with_stats, site_key, url_field,
                          id_field)
    workers = min(jobs, max(1, len(tasks)))
    runner = _runner(scheduler, workers)
    # The first pass learns the sites' templates (for chrome) and the corpus's words (for repair).
    learn = profile is None and site_key is not SiteKey.NONE and not (no_chrome and no_repair) and bool(tasks)
    progress = _progress(console)

    collector = ReportCollector() if report_path is not None else None

    bytes_done = 0

    def report(file_report: FileReport) -> None:
        nonlocal bytes_done
        bytes_done += file_report.bytes_in
        progress.update(task_id, advance=1, bytes=bytes_done)
        if collector is not None:
            collector.add(file_report, file_report.removed)
        if file_report.error is not None:
            progress.console.print(f"[red]failed[/] {escape(file_report.task.relative)}: "
                                   f"{escape(file_report.error)}",
                                   soft_wrap=True)

    done = 0

    def counted(file_report: FileReport) -> None:
        nonlocal done
        done += 1
        report(file_report)

    try:
        with progress:
            if learn:
                # Every file counts, finished ones too: the profile, and so each output,
                # must not depend on where an earlier run was interrupted.
                learn_id = progress.add_task("learning sites", total=len(all_tasks), bytes=0)
                learned = runner.learn(all_tasks, cleaner, options,
                                       lambda: progress.advance(learn_id))
                progress.remove_task(learn_id)
                # Counts too rare to ever matter are dropped before the profile goes to workers.
                pruned = learned.pruned()
                cleaner = cleaner.with_profile(pruned)
                console.print(f"cleaner: learned site templates from {sum(learned.pages.values())} pages "
                              f"of {len(learned.pages)} site(s), and {len(pruned.words)} words they share")
            task_id = progress.add_task("cleaning", total=len(tasks), bytes=0)
            summary = runner.run(tasks, cleaner, options, counted)
    except CleanerError as exc:
        raise _fail(str(exc), exc.exit_code) from None
    except KeyboardInterrupt:
        console.print(f"cleaner: interrupted after {done} of {len(tasks)} files; "
                      "every output written is complete")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    if collector is not None and report_path is not None:
        _write_report(collector, cleaner, tasks, summary, report_path, options,
                      {"in_dir": str(in_dir), "out_dir": str(out_dir),
                       "globs": ", ".join(globs or DEFAULT_GLOBS)})
        console.print(f"report: {report_path}", markup=False)
    errors = error_log_lines(summary)
    if errors:
        log = out_dir / ERROR_LOG
        write_output(str(log), "\n".join(errors) + "\n")
        console.print(f"errors: {len(errors)}, see {log}", markup=False)
    _print_summary(console, summary)
    if errors:
        raise typer.Exit(EXIT_FAILED)


@app.command("learn")
def learn_command(
    in_dir: Annotated[Path, typer.Argument(help="Folder of pages (as for `cleaner batch`).",
                                           show_default=False)],
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the site profile "
                                         "(JSON; gzip when the name ends in .gz).", show_default=False)],
    globs: Annotated[list[str] | None, typer.Option("--glob", help="File name pattern; repeat for more.",
                     rich_help_panel=PANEL_INPUT)] = None,
    site_key: SiteKeyOption = SiteKey.AUTO,
    url_field: UrlFieldOption = "url",
    text_field: TextFieldOption = "text",
    input_format: InputFormatOption = InputFormat.AUTO,
    encoding: EncodingOption = "utf-8",
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, max=256, help="Worker processes "
                    "(default: all cores).", rich_help_panel=PANEL_INPUT, show_default=False)]
    = os.cpu_count() or 1,
) -> None:
    """Count each site's recurring lines into a profile for `--profile` (chrome:site-repeat).

    Profiles of several corpora or shards merge by adding their counts
    (`SiteProfile.merge`); the result does not depend on file order.
    """
    console = _err_console()
    if site_key is SiteKey.NONE:
        raise _fail("--site-key none leaves nothing to learn", EXIT_USAGE)
    cleaner = _cleaner(_config(Mode.BALANCED, False, True, False, None, input_format), RULES_ONLY)
    try:
        # OUT_DIR only matters to discovery's overwrite checks: the profile goes elsewhere.
        tasks = discover(in_dir, output.parent / ".cleaner-learn-unused", tuple(globs) if globs
                         else DEFAULT_GLOBS)
        options = FileOptions(encoding, text_field=text_field, site_key=site_key, url_field=url_field)
        progress = _progress(console)
        with progress:
            learn_id = progress.add_task("learning sites", total=len(tasks), bytes=0)
            profile = LocalRunner(min(jobs, max(1, len(tasks)))).learn(
                tasks, cleaner, options, lambda: progress.advance(learn_id))
        write_output(str(output), profile.to_json() + "\n")
    except CleanerError as exc:
        raise _fail(str(exc), exc.exit_code) from None
    except KeyboardInterrupt:
        console.print("cleaner: interrupted; no profile written")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    console.print(f"learned {sum(profile.pages.values())} pages of {len(profile.pages)} site(s); "
                  f"wrote {output}", markup=False)


@app.command("explain")
def explain_command(
    file: Annotated[str, typer.Argument(help="Page to explain; '-' reads stdin.")] = "-",
    only_removed: Annotated[bool, typer.Option("--only-removed", help="Show removed blocks only.",
                                               rich_help_panel=PANEL_OUTPUT)] = False,
    width: Annotated[int | None, typer.Option("--width", min=40, max=1000,
                                              help="Columns (default: the terminal's, or 100).",
                                              rich_help_panel=PANEL_OUTPUT)] = None,
    mode: ModeOption = Mode.BALANCED,
    no_chrome: NoChrome = False,
    no_repair: NoRepair = False,
    no_normalize: NoNormalize = False,
    language: LanguageOption = None,
    input_format: InputFormatOption = InputFormat.AUTO,
    encoding: EncodingOption = "utf-8",
    model: ModelOption = RULES_ONLY,
    profile: ProfileOption = None,
    site: Annotated[str | None, typer.Option("--site", help="With --profile: the site of this page.",
                    rich_help_panel=PANEL_INPUT, show_default=False)] = None,
) -> None:
    """Show a page with what was removed and why, and every repair.

    On a terminal removed blocks are struck through; piped, the view is plain text:
    '-' marks a removed block, '+' a kept one, [before→after] a repair.
    """
    cleaner = _cleaner(_config(mode, no_chrome, no_repair, no_normalize, language, input_format), model,
                       profile)
    try:
        text = nonempty(read_text(file, encoding), "<stdin>" if file == "-" else file)
        result = cleaner.clean_document(text, site)
    except CleanerError as exc:
        raise _fail(str(exc), exc.exit_code) from None
    probe = Console()
    plain = not probe.is_terminal
    console = Console(width=width or (100 if plain else probe.width), highlight=False,
                      no_color=plain, force_terminal=not plain, soft_wrap=False)
    if not plain:
        render_page(result, console, only_removed=only_removed, plain=False)
        return
    with console.capture() as captured:
        render_page(result, console, only_removed=only_removed, plain=True)
    sys.stdout.write("\n".join(line.rstrip() for line in captured.get().splitlines()) + "\n")


@app.command("train")
def train_command(
    examples: Annotated[Path, typer.Argument(
        help="Folder of NAME.raw.txt + NAME.clean.txt pairs, or a JSONL file with 'raw' and 'clean' fields.",
        show_default=False)],
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the model (JSON).",
                                         show_default=False)],
    seed: Annotated[int, typer.Option("--seed", help="Seed: the same examples and seed give the same model.")]
    = 7,
    epochs: Annotated[int, typer.Option("--epochs", min=10, max=10_000, help="Training passes.")] = 300,
    language: LanguageOption = None,
    input_format: InputFormatOption = InputFormat.AUTO,
) -> None:
    """Train a line classifier on your own pages and what they should become.

    Use it with `cleaner --model FILE` or `Cleaner(model=FILE)`.
    """
    console = _err_console()
    cleaner = Cleaner(CleanerConfig(language=language, input_format=input_format))
    try:
        pages = [example_from_pair(cleaner, name, raw, clean) for name, raw, clean in read_examples(examples)]
        model = fit(pages, seed=seed, epochs=epochs)
        write_output(str(output), model.to_json() + "\n")
    except CleanerError as exc:
        raise _fail(str(exc), exc.exit_code) from None
    labelled = sum(1 for page in pages for label in page.labels if label is not None)
    console.print(f"trained on {len(pages)} pages, {labelled} labelled blocks; wrote {output}", markup=False)


class _Throughput(ProgressColumn):
    """Documents and megabytes per second of one progress task."""

    def render(self, task: ProgressTask) -> Text:
        elapsed = task.elapsed or 0.0
        if elapsed <= 0:
            return Text("")
        megabytes = task.fields.get("bytes", 0) / 1e6
        return Text(f"{task.completed / elapsed:,.1f} docs/s {megabytes / elapsed:,.2f} MB/s")


def _progress(console: Console) -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), _Throughput(),
        TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(), console=console, transient=True,
        disable=not console.is_terminal,
    )


def _runner(scheduler: str | None, jobs: int) -> Runner:
    if scheduler is None:
        return LocalRunner(jobs)
    from cleaner.dask import DaskRunner  # imports Dask only when it connects

    return DaskRunner(scheduler)


def _write_report(collector: ReportCollector, cleaner: Cleaner, tasks: list[Task], summary: BatchSummary,
                  path: Path, options: FileOptions, run_settings: dict[str, str]) -> None:
    by_name = {task.relative: task for task in tasks}
    encoding = options.encoding

    def reclean(relative: str) -> CleanResult | None:
        task = by_name[relative]
        try:
            return cleaner.clean_document(decode(task.source.read_bytes(), relative, encoding),
                                          file_site(task, options.site_key))
        except (OSError, CleanerError):
            return None

    config = cleaner.config
    settings = {"cleaner": __version__, **run_settings, "mode": config.mode.value,
                "normalize": str(config.normalize), "chrome": str(config.chrome),
                "repair": str(config.repair), "input_format": config.input_format.value,
                "language": config.language or "detect", "encoding": encoding}
    try:
        write_output(str(path), render(collector, settings, summary.seconds, reclean))
    except CleanerError as exc:
        raise _fail(str(exc), exc.exit_code) from None


def _print_summary(console: Console, summary: BatchSummary) -> None:
    table = Table(title="cleaner batch", show_header=False)
    table.add_column("what")
    table.add_column("value", justify="right")
    table.add_row("files", str(summary.files))
    table.add_row("errors", str(summary.failed))
    if summary.records or summary.record_errors:
        table.add_row("records", str(summary.records))
        table.add_row("record errors", str(len(summary.record_errors)))
    table.add_row("bytes in", f"{summary.bytes_in:,}")
    table.add_row("bytes out", f"{summary.bytes_out:,}")
    table.add_row("share removed", f"{summary.share_removed:.1%}")
    table.add_row("seconds", f"{summary.seconds:.2f}")
    for reason, count in summary.counts.most_common(8):
        table.add_row(f"  {reason}", str(count))
    console.print(table)


def _terminate(signum: int, frame: object) -> None:
    # Unwind like Ctrl-C: a file being written is removed, never left half written.
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> Any:
    """Entry point: usage errors exit 2, Ctrl-C and SIGTERM exit 130, nothing ends in a traceback."""
    signal.signal(signal.SIGTERM, _terminate)
    try:
        return app(args=argv, prog_name="cleaner", standalone_mode=True)
    except KeyboardInterrupt:
        _err_console().print("cleaner: interrupted")
        sys.exit(EXIT_INTERRUPTED)
    except Exception as exc:  # a bug must still end in one line, not a traceback
        _err_console().print(f"cleaner: internal error: {type(exc).__name__}: {exc}", soft_wrap=True,
                             markup=False)
        sys.exit(EXIT_FAILED)
