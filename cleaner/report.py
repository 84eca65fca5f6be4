"""A self-contained HTML report of a batch run (``cleaner batch ... --report FILE``).

One file, no scripts, no external assets: it opens from disk anywhere. It stays small
for any corpus size because it shows samples, not documents: per-document figures are
a few numbers each, the removed-line tally per site is pruned to its head, and only
the handful of documents shown side by side are cleaned a second time at the end.
"""

from __future__ import annotations

import heapq
import html
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from cleaner.batch import FileReport
from cleaner.document import CleanResult, Edit
from cleaner.explain import block_segments

#: per site, keep this many distinct removed lines before pruning to the head
_LINE_TALLY_LIMIT = 20_000
_LINE_TALLY_KEEP = 2_000
SIDE_BY_SIDE = 5
SLOWEST = 10
#: longest removed line worth tallying: menus and footers are short
_MAX_LINE = 160
_MAX_BLOCKS_SHOWN = 400

_STYLE = """
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1200px;color:#222;padding:0 1rem}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse}td,th{padding:.2rem .6rem;border-bottom:1px solid #eee;text-align:left}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.totals{display:flex;flex-wrap:wrap;gap:1rem}.totals div{background:#f4f6f8;padding:.6rem 1rem;
border-radius:6px}.totals b{display:block;font-size:1.3rem}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:1rem}.pair>div{background:#fafafa;padding:.5rem;
border:1px solid #eee;max-height:32rem;overflow:auto}
.removed p{color:#8a1f11;text-decoration:line-through}.reason{font-size:.8em;color:#555;
text-decoration:none;display:block}
del{color:#8a1f11}ins{color:#146c2e;text-decoration:none;font-weight:600}
details{margin:.4rem 0}summary{cursor:pointer}
"""


@dataclass(slots=True)
class DocumentFigures:
    relative: str
    site: str
    bytes_in: int
    bytes_out: int
    seconds: float
    failed: bool

    @property
    def share_removed(self) -> float:
        return 1.0 - self.bytes_out / self.bytes_in if self.bytes_in else 0.0


@dataclass
class ReportCollector:
    """Gathers what the report needs while a batch runs, in bounded memory."""

    documents: list[DocumentFigures] = field(default_factory=list)
    reasons: Counter[str] = field(default_factory=Counter)
    site_lines: dict[str, Counter[str]] = field(default_factory=dict)
    errors: list[tuple[str, str]] = field(default_factory=list)

    def add(self, report: FileReport, removed_lines: list[str]) -> None:
        site = report.task.relative.split("/", 1)[0] if "/" in report.task.relative else "."
        self.documents.append(DocumentFigures(report.task.relative, site, report.bytes_in,
                                              report.bytes_out, report.seconds, report.error is not None))
        if report.error is not None:
            self.errors.append((report.task.relative, report.error))
            return
        self.reasons.update(report.counts)
        tally = self.site_lines.setdefault(site, Counter())
        tally.update(" ".join(line.split()) for line in removed_lines if len(line) <= _MAX_LINE)
        if len(tally) > _LINE_TALLY_LIMIT:
            self.site_lines[site] = Counter(dict(tally.most_common(_LINE_TALLY_KEEP)))


def removed_lines(result: CleanResult) -> list[str]:
    return [block.text for block, verdict in result.removed()]


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _histogram(shares: list[float]) -> str:
    bins = [0] * 10
    for share in shares:
        bins[min(9, max(0, int(share * 10)))] += 1
    top = max(bins) or 1
    width, height, bar = 520, 180, 48
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height + 40}" '
             f'role="img" aria-label="share of text removed per document">']
    for i, count in enumerate(bins):
        h = round(height * count / top)
        x = 10 + i * (bar + 4)
        parts.append(f'<rect x="{x}" y="{height - h}" width="{bar}" height="{h}" fill="#4a7bb7">'
                     f'<title>{i * 10}-{i * 10 + 10}%: {count}</title></rect>')
        parts.append(f'<text x="{x + bar / 2}" y="{height + 14}" font-size="11" text-anchor="middle">'
                     f'{i * 10}%</text>')
        parts.append(f'<text x="{x + bar / 2}" y="{max(12, height - h - 3)}" font-size="11" '
                     f'text-anchor="middle">{count}</text>')
    parts.append(f'<text x="10" y="{height + 34}" font-size="11">share of text removed</text></svg>')
    return "".join(parts)


def side_by_side(result: CleanResult) -> str:
    """Kept text with repairs marked on the left, removed blocks with reasons on the right."""
    by_block: dict[int, list[Edit]] = {}
    for edit in result.edits:
        by_block.setdefault(edit.block, []).append(edit)
    kept, removed = [], []
    for block, verdict in list(zip(result.blocks, result.verdicts, strict=True))[:_MAX_BLOCKS_SHOWN]:
        if verdict.keep:
            segments, _ = block_segments(block, by_block.get(block.index, []))
            body = "".join(_esc(piece) if edit is None else
                           f"<del>{_esc(edit.before)}</del><ins>{_esc(edit.after)}</ins>"
                           for piece, edit in segments)
            kept.append(f"<p>{body}</p>")
        else:
            removed.append(f'<p>{_esc(block.text)}<span class="reason">{_esc(verdict.reason)} '
                           f'{verdict.score:.2f}</span></p>')
    return (f'<div class="pair"><div><h3>kept</h3>{"".join(kept)}</div>'
            f'<div class="removed"><h3>removed</h3>{"".join(removed)}</div></div>')


def render(collector: ReportCollector, settings: dict[str, str], seconds: float,
           reclean: Callable[[str], CleanResult | None]) -> str:
    """The report page. ``reclean`` cleans one document again by its relative path."""
    docs = collector.documents
    ok = [d for d in docs if not d.failed]
    bytes_in = sum(d.bytes_in for d in ok)
    bytes_out = sum(d.bytes_out for d in ok)
    share = 1 - bytes_out / bytes_in if bytes_in else 0.0
    out: list[str] = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width,initial-scale=1'>",
        f"<title>cleaner report</title><style>{_STYLE}</style></head><body>",
        "<h1>cleaner batch report</h1>",
        '<section class="totals" id="totals">',
        f"<div><b>{len(docs):,}</b>documents</div>",
        f"<div><b>{len(docs) - len(ok):,}</b>errors</div>",
        f"<div><b>{bytes_in:,}</b>bytes in</div>",
        f"<div><b>{bytes_out:,}</b>bytes out</div>",
        f"<div><b>{share:.1%}</b>of text removed</div>",
        f"<div><b>{seconds:.1f} s</b>time</div></section>",
        "<h2>Share of text removed per document</h2>",
        _histogram([d.share_removed for d in ok]),
        "<h2>Counts per reason</h2><table><tr><th>reason</th><th>count</th></tr>",
    ]
    out += [f"<tr><td>{_esc(r)}</td><td class='n'>{c:,}</td></tr>"
            for r, c in collector.reasons.most_common()]
    out.append("</table><h2>Most frequent removed lines per site</h2>")
    sites = sorted(collector.site_lines.items(), key=lambda item: -sum(item[1].values()))
    for site, tally in sites[:50]:
        out.append(f"<details><summary>{_esc(site)} ({sum(tally.values()):,} removed lines)</summary>"
                   "<table><tr><th>line</th><th>count</th></tr>")
        out += [f"<tr><td>{_esc(line)}</td><td class='n'>{count:,}</td></tr>"
                for line, count in tally.most_common(15)]
        out.append("</table></details>")
    def removed_share(doc: DocumentFigures) -> float:
        return doc.share_removed

    for title, chosen in (
        ("Documents with the most removed", heapq.nlargest(SIDE_BY_SIDE, ok, key=removed_share)),
        ("Documents with the least removed", heapq.nsmallest(SIDE_BY_SIDE, ok, key=removed_share)),
    ):
        out.append(f"<h2>{title}</h2>")
        for doc in chosen:
            result = reclean(doc.relative)
            view = side_by_side(result) if result is not None else "<p>(no longer readable)</p>"
            out.append(f"<details><summary>{_esc(doc.relative)} — {doc.share_removed:.1%} removed"
                       f"</summary>{view}</details>")
    out.append("<h2>Slowest documents</h2><table><tr><th>document</th><th>seconds</th><th>bytes</th></tr>")
    out += [f"<tr><td>{_esc(d.relative)}</td><td class='n'>{d.seconds:.3f}</td><td class='n'>{d.bytes_in:,}"
            "</td></tr>" for d in heapq.nlargest(SLOWEST, docs, key=lambda d: d.seconds)]
    out.append("</table>")
    if collector.errors:
        out.append("<h2>Errors</h2><table><tr><th>document</th><th>error</th></tr>")
        out += [f"<tr><td>{_esc(p)}</td><td>{_esc(e)}</td></tr>" for p, e in collector.errors[:200]]
        out.append("</table>")
    out.append("<h2>Settings</h2><table>")
    out += [f"<tr><td>{_esc(k)}</td><td>{_esc(v)}</td></tr>" for k, v in settings.items()]
    out.append("</table></body></html>\n")
    return "".join(out)

