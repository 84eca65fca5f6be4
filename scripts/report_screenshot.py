"""Render the README's report screenshot: ``docs/report.png``.

Runs ``cleaner batch --report`` over the dev pages (``../shared/devdata/trafilatura``,
the r1 renderings) when they exist, else over ``samples/``, and photographs the top of
the report in headless Chromium. Only the summary part is in frame: no page text.
Run: ``python scripts/report_screenshot.py`` (needs Debian's chromium).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEVDATA = REPO.parent / "shared" / "devdata" / "trafilatura"
OUT = REPO / "docs" / "report.png"


def main() -> None:
    browser = shutil.which("chromium") or shutil.which("google-chrome")
    if browser is None:
        sys.exit("chromium is needed: apt-get install chromium")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        source, globs = (DEVDATA, ["--glob", "page.r1.txt"]) if DEVDATA.is_dir() else (REPO / "samples", [])
        report = work / "report.html"
        subprocess.run([sys.executable, "-m", "cleaner", "batch", str(source), str(work / "out"), *globs,
                        "--report", str(report)], check=False, capture_output=True)
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        f"--user-data-dir={work / 'profile'}", "--hide-scrollbars", "--window-size=1100,900",
                        f"--screenshot={OUT}", report.as_uri()], check=True, capture_output=True)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
