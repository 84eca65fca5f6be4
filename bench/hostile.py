"""The closing-note table of the robustness issue: every hostile input through the real
command, with what happened, the exit code, the time taken and the peak memory.

    python bench/hostile.py            # add --big for the 1 GB file (about 3 minutes)
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.test_hostile import BINARY, INPUTS, PROSE  # noqa: E402

PROBE = ("import resource, subprocess, sys\n"
         "r = subprocess.run([sys.executable, '-m', 'cleaner', *sys.argv[1:]], capture_output=True)\n"
         "sys.stderr.write(r.stderr.decode('utf-8', 'replace'))\n"
         "print(len(r.stdout), resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
         "sys.exit(r.returncode)\n")


def run(path: Path, *args: str) -> tuple[int, float, int, int, str]:
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", PROBE, str(path), *args], capture_output=True, check=False)
    seconds = time.perf_counter() - started
    out_bytes, peak = (int(x) for x in result.stdout.split()[-2:])
    message = result.stderr.decode("utf-8", "replace").strip().splitlines()
    return result.returncode, seconds, peak // 1024, out_bytes, message[-1] if message else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--big", action="store_true", help="also the 1 GB file")
    args = parser.parse_args()
    cases: dict[str, bytes] = {**{k: v() for k, v in INPUTS.items()}, **BINARY}
    print(f"{'input':22} {'exit':>4} {'seconds':>8} {'peak MiB':>8} {'output B':>10}  what happens")
    with tempfile.TemporaryDirectory() as tmp:
        for name, data in cases.items():
            path = Path(tmp) / name
            path.write_bytes(data)
            extra = ["--encoding", "latin-1"] if name == "latin1" else \
                ["--encoding", "cp1252"] if name == "cp1252" else []
            code, seconds, peak, out, message = run(path, *extra)
            what = message if code else "cleaned"
            print(f"{name:22} {code:>4} {seconds:8.2f} {peak:8d} {out:10d}  {what}", flush=True)
        if args.big:
            path = Path(tmp) / "1gb.txt"
            with path.open("wb") as handle:
                line = f"{PROSE}\n".encode() + b"x" * 9_999 + b"\n"
                for _ in range((1 << 30) // len(line) + 1):
                    handle.write(line)
            code, seconds, peak, _, message = run(path, "-o", str(Path(tmp) / "1gb.out"), "--no-repair")
            print(f"{'1gb-file':22} {code:>4} {seconds:8.2f} {peak:8d} {'(file)':>10}  "
                  f"{message if code else 'cleaned, streamed in windows'}")


if __name__ == "__main__":
    main()
