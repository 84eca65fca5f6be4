"""Human-readable account of what a run removed and repaired (``--explain``)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from cleaner.document import Block, CleanResult, Edit

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


NORMALIZE_RULES = frozenset({"repair:mojibake", "repair:control", "repair:invisible"})


def _apply(text: str, edits: list[Edit]) -> str:
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        text = text[:edit.start] + edit.after + text[edit.end:]
    return text


def block_segments(block: Block, edits: list[Edit]) -> tuple[list[tuple[str, Edit | None]], list[Edit]]:
    """The block's text after normalisation, cut into plain runs and repaired spans.

    Normalisation edits index the original block and repair edits the normalised one,
    so the first are applied and returned apart, the second marked where they sit.
    """
    normalizing = [e for e in edits if e.rule in NORMALIZE_RULES]
    repairs = sorted((e for e in edits if e.rule not in NORMALIZE_RULES), key=lambda e: e.start)
    text = _apply(block.text, normalizing)
    segments: list[tuple[str, Edit | None]] = []
    cursor = 0
    for edit in repairs:
        segments.append((text[cursor:edit.start], None))
        segments.append((edit.before, edit))
        cursor = edit.end
    segments.append((text[cursor:], None))
    return [s for s in segments if s[0] or s[1]], normalizing


def render_page(result: CleanResult, console: Console, *, only_removed: bool = False,
                plain: bool = False) -> None:
    """The page in order: removed blocks struck through with their reason and score in
    the margin, repairs shown as ``before→after``, counts per reason at the end.

    ``plain`` marks removals with ``-`` and repairs with ``[before→after]`` instead of
    styles, for pipes, files and golden tests.
    """
    by_block: dict[int, list[Edit]] = {}
    for edit in result.edits:
        by_block.setdefault(edit.block, []).append(edit)
    margin_width = max([len(v.reason) for v in result.verdicts] + [7]) + 7
    for block, verdict in zip(result.blocks, result.verdicts, strict=True):
        if only_removed and verdict.keep:
            continue
        edits = by_block.get(block.index, [])
        margin = f"{'+' if verdict.keep else '-'} {verdict.reason} {verdict.score:.2f}"
        body = Text()
        if verdict.keep:
            segments, normalizing = block_segments(block, edits)
            for piece, repair in segments:
                if repair is None:
                    body.append(piece)
                elif plain:
                    body.append(f"[{repair.before}→{repair.after}]")
                else:
                    body.append(repair.before, style="red strike")
                    body.append(repair.after, style="bold green")
            for fix in normalizing:
                body.append(f"\n  {fix.rule}: {fix.before!r} → {fix.after!r}",
                            style="" if plain else "cyan")
        else:
            body.append(block.text, style="" if plain else "dim strike")
        grid = Table.grid(padding=(0, 1))
        grid.add_column(width=margin_width, no_wrap=True, style="" if plain else
                        ("green" if verdict.keep else "red"))
        grid.add_column(ratio=1, overflow="fold")
        grid.add_row(margin, body)
        console.print(grid)
    console.print()
    counts = result.reason_counts()
    kept = sum(1 for v in result.verdicts if v.keep)
    console.print(f"{kept} of {len(result.blocks)} blocks kept, {len(result.edits)} repairs")
    for reason, count in counts.items():
        console.print(f"  {reason:<24} {count:>5}")
