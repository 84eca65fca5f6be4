"""Throughput: the text pipeline against a reference pass, batch with 1 and 2 workers,
and HTML mode against trafilatura, all in one run on the same machine.

The corpus is at least ``--mb`` megabytes of page text made of the ``../shared/devdata``
renderings (repeated as needed), written to a temporary folder.

(a) reference: read every file, split lines, ``re.findall(r"\\w+")``
(b) the full text pipeline (normalise, chrome, repair) in this process
(c) ``cleaner batch --jobs 1`` and ``--jobs 2`` as whole commands, with the peak RSS of
    each process (sampled from /proc: Linux only)
(d) HTML mode on ``page.html.gz`` against ``trafilatura.extract`` on the same pages

    python bench/throughput.py --mb 50
"""

from __future__ import annotations

import argparse
import gzip
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from cleaner import Cleaner

DEVDATA = Path(__file__).resolve().parent.parent.parent / "shared" / "devdata"
WORD_RE = re.compile(r"\w+")
def build_corpus(folder: Path, megabytes: int) -> list[Path]:
    sources = sorted(DEVDATA.glob("*/*/page.r[12].txt"))
    paths: list[Path] = []
    total, copy = 0, 0
    while total < megabytes * 1_000_000:
        for source in sources:
            target = folder / f"c{copy}" / source.parent.parent.name / source.parent.name / source.name
            target.parent.mkdir(parents=True, exist_ok=True)
            data = source.read_bytes()
            target.write_bytes(data)
            paths.append(target)
            total += len(data)
        copy += 1
    return paths


def _descendants(pid: int) -> list[int]:
    found = [pid]
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return found
    for child in children:
        found += _descendants(int(child))
    return found


def _peak_mib(pid: int) -> int | None:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    match = re.search(r"VmHWM:\s+(\d+)", status)
    return int(match.group(1)) // 1024 if match else None


def timed_command(args: list[str]) -> tuple[float, int, int]:
    """Seconds of a whole ``cleaner`` command, and the peak RSS (MiB) of its main process
    and of its largest worker, sampled from /proc while it runs."""
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "cleaner", *args], stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    peaks: dict[int, int] = {}
    while process.poll() is None:
        for pid in _descendants(process.pid):
            peak = _peak_mib(pid)
            if peak is not None:
                peaks[pid] = max(peaks.get(pid, 0), peak)
        time.sleep(0.1)
    seconds = time.perf_counter() - started
    if process.returncode not in (0, 1):
        sys.exit(f"batch failed: {process.stderr.read().decode()[-2000:] if process.stderr else ''}")
    main_peak = peaks.pop(process.pid, 0)
    return seconds, main_peak, max(peaks.values(), default=main_peak)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--mb", type=int, default=50, help="corpus size in MB")
    parser.add_argument("--html-pages", type=int, default=200, help="pages for the HTML comparison")
    args = parser.parse_args()
    if not DEVDATA.is_dir():
        sys.exit(f"no dev data at {DEVDATA}")
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        paths = build_corpus(corpus, args.mb)
        size = sum(p.stat().st_size for p in paths) / 1e6
        print(f"corpus: {len(paths)} documents, {size:.1f} MB")

        started = time.perf_counter()
        for path in paths:
            for line in path.read_text(encoding="utf-8").splitlines():
                WORD_RE.findall(line)
        reference = time.perf_counter() - started

        cleaner = Cleaner(input_format="text")
        cleaner.clean("warm up the word lists")
        started = time.perf_counter()
        for path in paths:
            cleaner.clean(path.read_text(encoding="utf-8"))
        pipeline = time.perf_counter() - started

        one, main_one, _ = timed_command(["batch", str(corpus), f"{tmp}/out1", "--jobs", "1"])
        two, main_two, worker_two = timed_command(["batch", str(corpus), f"{tmp}/out2", "--jobs", "2"])

    html_pages = sorted(DEVDATA.glob("*/*/page.html.gz"))[: args.html_pages]
    documents = [gzip.decompress(p.read_bytes()).decode("utf-8") for p in html_pages]
    html_mb = sum(len(d.encode()) for d in documents) / 1e6
    import trafilatura

    started = time.perf_counter()
    for document in documents:
        trafilatura.extract(document, output_format="txt", include_comments=False)
    extract = time.perf_counter() - started
    html_cleaner = Cleaner(input_format="html")
    started = time.perf_counter()
    for document in documents:
        html_cleaner.clean(document)
    html = time.perf_counter() - started

    rows = [
        ("(a) reference pass", reference, size, len(paths)),
        ("(b) text pipeline, 1 process", pipeline, size, len(paths)),
        ("(c) batch --jobs 1", one, size, len(paths)),
        ("(c) batch --jobs 2", two, size, len(paths)),
        ("(d) trafilatura.extract", extract, html_mb, len(documents)),
        ("(d) cleaner HTML mode", html, html_mb, len(documents)),
    ]
    print(f"{'run':32} {'seconds':>8} {'MB/s':>7} {'docs/s':>8}")
    for name, seconds, megabytes, count in rows:
        print(f"{name:32} {seconds:8.2f} {megabytes / seconds:7.2f} {count / seconds:8.1f}")
    print(f"pipeline / reference: {pipeline / reference:.1f}x (target at most 5x)")
    print(f"--jobs 2 speed-up over --jobs 1: {one / two:.2f}x (target at least 1.7x)")
    print(f"peak RSS: --jobs 2 largest worker {worker_two} MiB (target at most 300), its parent "
          f"{main_two} MiB; --jobs 1 (one process doing everything) {main_one} MiB")
    print(f"HTML mode / trafilatura: {html / extract:.2f}x (target at most 1.3x)")


if __name__ == "__main__":
    main()
