"""The ``cleaner`` command line. Thin: parse options, call the library, render.

Data goes to stdout, everything else (progress, warnings, explanations) to stderr.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from typer.core import TyperGroup

from cleaner import __version__
from cleaner.batch import DEFAULT_GLOBS, BatchSummary, FileReport, discover, run_batch
from cleaner.config import CleanerConfig, InputFormat, Mode
from cleaner.explain import render_explanation
from cleaner.io import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_USAGE, CleanerError, read_text, write_output
from cleaner.pipeline import Cleaner

PANEL_STAGES = "Stages"
PANEL_INPUT = "Input"
PANEL_OUTPUT = "Output"


class OutputFormat(str, Enum):
    TEXT = "text"
    JSON = "json"


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
ExplainOption = Annotated[
    bool,
    typer.Option("--explain", help="On stderr: every removed block with its reason and score, "
                 "every repair, counts per reason.", rich_help_panel=PANEL_OUTPUT),
]


def _err_console() -> Console:
    return Console(stderr=True, highlight=False)


def _fail(message: str, code: int = EXIT_FAILED) -> typer.Exit:
    _err_console().print(f"[bold red]cleaner: error:[/] {message}", soft_wrap=True)
    return typer.Exit(code)


def _config(mode: Mode, no_chrome: bool, no_repair: bool, no_normalize: bool, language: str | None,
            input_format: InputFormat) -> CleanerConfig:
    try:
        return CleanerConfig(mode=mode, chrome=not no_chrome, repair=not no_repair,
                             normalize=not no_normalize, language=language, input_format=input_format)
    except ValueError as exc:
        raise _fail(str(exc), EXIT_USAGE) from None


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
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="text, or json (the "
                             "full CleanResult; one line per input).", rich_help_panel=PANEL_OUTPUT)]
    = OutputFormat.TEXT,
    explain: ExplainOption = False,
    mode: ModeOption = Mode.BALANCED,
    no_chrome: NoChrome = False,
    no_repair: NoRepair = False,
    no_normalize: NoNormalize = False,
    language: LanguageOption = None,
    input_format: InputFormatOption = InputFormat.AUTO,
    encoding: EncodingOption = "utf-8",
) -> None:
    """Clean pages: `cleaner page.txt`, `cat page.txt | cleaner`, `cleaner a.html -o a.txt`."""
    cleaner = Cleaner(_config(mode, no_chrome, no_repair, no_normalize, language, input_format))
    sources = files or ["-"]
    if output != "-" and output in sources:
        raise _fail(f"{output}: output is also an input; refusing to overwrite it", EXIT_USAGE)
    pieces: list[str] = []
    console = _err_console()
    try:
        for source in sources:
            result = cleaner.clean_document(read_text(source, encoding))
            if explain:
                render_explanation(result, console, "<stdin>" if source == "-" else source)
            pieces.append(result.to_json() + "\n" if output_format is OutputFormat.JSON else result.text)
        separator = "" if output_format is OutputFormat.JSON else "\n"
        write_output(output, separator.join(pieces))
    except CleanerError as exc:
        raise _fail(str(exc), exc.exit_code) from None


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
) -> None:
    """Clean every matching file under IN_DIR into OUT_DIR; inputs are never touched."""
    cleaner = Cleaner(_config(mode, no_chrome, no_repair, no_normalize, language, input_format))
    console = _err_console()
    try:
        tasks = discover(in_dir, out_dir, tuple(globs) if globs else DEFAULT_GLOBS)
    except CleanerError as exc:
        raise _fail(str(exc), exc.exit_code) from None
    if not tasks:
        console.print(f"cleaner: no files under {in_dir} match {', '.join(globs or DEFAULT_GLOBS)}")
    progress = Progress(
        TextColumn("[bold]cleaning"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        TimeRemainingColumn(), console=console, transient=True, disable=not console.is_terminal,
    )

    def report(file_report: FileReport) -> None:
        progress.advance(task_id)
        if file_report.error is not None:
            progress.console.print(f"[red]failed[/] {file_report.task.relative}: {file_report.error}",
                                   soft_wrap=True)

    with progress:
        task_id = progress.add_task("clean", total=len(tasks))
        summary = run_batch(tasks, cleaner, encoding, on_done=report)
    _print_summary(console, summary)
    if summary.failed:
        raise typer.Exit(EXIT_FAILED)


def _print_summary(console: Console, summary: BatchSummary) -> None:
    table = Table(title="cleaner batch", show_header=False)
    table.add_column("what")
    table.add_column("value", justify="right")
    table.add_row("files", str(summary.files))
    table.add_row("errors", str(summary.failed))
    table.add_row("bytes in", f"{summary.bytes_in:,}")
    table.add_row("bytes out", f"{summary.bytes_out:,}")
    table.add_row("share removed", f"{summary.share_removed:.1%}")
    table.add_row("seconds", f"{summary.seconds:.2f}")
    for reason, count in summary.counts.most_common(8):
        table.add_row(f"  {reason}", str(count))
    console.print(table)


def main(argv: list[str] | None = None) -> Any:
    """Entry point: usage errors exit 2, Ctrl-C exits 130, nothing ends in a traceback."""
    try:
        return app(args=argv, prog_name="cleaner", standalone_mode=True)
    except KeyboardInterrupt:
        _err_console().print("cleaner: interrupted")
        sys.exit(EXIT_INTERRUPTED)
    except Exception as exc:  # a bug must still end in one line, not a traceback
        _err_console().print(f"cleaner: internal error: {type(exc).__name__}: {exc}", soft_wrap=True)
        sys.exit(EXIT_FAILED)
