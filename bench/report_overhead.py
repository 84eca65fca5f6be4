"""What ``--report`` costs: the same batch with and without it, as whole commands.

Runs ``cleaner batch`` over the r1 renderings of ``../shared/devdata/trafilatura``
(``--source`` picks another folder and ``--glob`` other files), alternating the two
variants ``--rounds`` times so machine noise hits both alike, and prints the median
times, their ratio and the report's size.

    python bench/report_overhead.py
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEVDATA = Path(__file__).resolve().parent.parent.parent / "shared" / "devdata" / "trafilatura"


def timed(args: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "cleaner", "batch", *args], check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--source", type=Path, default=DEVDATA)
    parser.add_argument("--glob", default="page.r1.txt")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if not args.source.is_dir():
        sys.exit(f"no pages at {args.source}")
    plain, reported = [], []
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.html"
        for round_ in range(args.rounds):
            common = [str(args.source), f"{tmp}/out{round_}", "--glob", args.glob]
            plain.append(timed(common))
            reported.append(timed([*common[:1], f"{tmp}/rep{round_}", *common[2:], "--report", str(report)]))
        size = report.stat().st_size
    base, with_report = statistics.median(plain), statistics.median(reported)
    print(f"batch without --report: {base:.2f} s (median of {args.rounds})")
    print(f"batch with --report:    {with_report:.2f} s")
    print(f"overhead: {with_report / base - 1:+.1%}; report size {size:,} bytes ({size / 2**20:.2f} MiB)")


if __name__ == "__main__":
    main()
