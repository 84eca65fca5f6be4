"""Human-readable account of what a run removed and repaired (``--explain``)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from cleaner.document import CleanResult

EXCERPT = 90


def excerpt(text: str, width: int = EXCERPT) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def render_explanation(result: CleanResult, console: Console, title: str = "") -> None:
    """Removed blocks with reason and score, every repair, then counts per reason."""
    heading = f"cleaner --explain {title}".rstrip()
    console.rule(Text(heading, style="bold"))
    removed = result.removed()
    table = Table(title=f"removed blocks ({len(removed)} of {len(result.blocks)})", expand=False)
    table.add_column("#", justify="right")
    table.add_column("reason", style="red")
    table.add_column("score", justify="right")
    table.add_column("text", overflow="fold")
    for block, verdict in removed:
        table.add_row(str(block.index), verdict.reason, f"{verdict.score:.2f}", excerpt(block.text))
    console.print(table)

    repairs = Table(title=f"repairs ({len(result.edits)})", expand=False)
    repairs.add_column("#", justify="right")
    repairs.add_column("rule", style="cyan")
    repairs.add_column("before", style="red")
    repairs.add_column("after", style="green")
    for edit in result.edits:
        repairs.add_row(str(edit.block), edit.rule, repr(edit.before), repr(edit.after))
    console.print(repairs)

    counts = Table(title="counts per reason", expand=False)
    counts.add_column("reason")
    counts.add_column("count", justify="right")
    for reason, count in result.reason_counts().items():
        counts.add_row(reason, str(count))
    console.print(counts)
