"""The explain view (golden plain text) and the batch HTML report (parsed and rendered)."""

from __future__ import annotations

import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import DATA, REPO, SAMPLES, run_cli


def test_explain_plain_view_matches_golden() -> None:
    result = run_cli("explain", str(SAMPLES / "damaged_tokens.txt"), "--width", "100")
    assert result.returncode == 0, result.stderr
    golden = (DATA / "explain_damaged_tokens.txt").read_text(encoding="utf-8")
    assert result.stdout.decode("utf-8") == golden


def test_explain_only_removed_and_html_input() -> None:
    result = run_cli("explain", str(SAMPLES / "library_article.html"), "--only-removed")
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode("utf-8")
    assert "+ content" not in out
    assert "blocks kept" in out


def test_explain_seed_shows_removals_and_repairs(seed_page: tuple[str, str], tmp_path: Path) -> None:
    page = tmp_path / "seed.txt"
    page.write_text(seed_page[0], encoding="utf-8")
    out = run_cli("explain", str(page), "--width", "1000").stdout.decode("utf-8")
    assert "- chrome:donation" in out and "- chrome:newsletter" in out
    for repair in ("[nu clear→nuclear]", '[seek"not→seek "not]', "[ofthe→of the]", "[thestates→the states]"):
        assert repair in out


def test_explain_errors_are_one_line() -> None:
    result = run_cli("explain", "no-such-page.txt")
    assert result.returncode == 1
    assert result.stderr.decode("utf-8").strip() == "cleaner: error: no-such-page.txt: no such file"


class _Outline(HTMLParser):
    """Collects what the tests check: ids, headings, tags, external references."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.headings: list[str] = []
        self.tags: list[str] = []
        self.external: list[str] = []
        self._heading = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        for key in ("src", "href"):
            if values.get(key):
                self.external.append(values[key] or "")
        self._heading = tag in ("h1", "h2")

    def handle_endtag(self, tag: str) -> None:
        self._heading = False

    def handle_data(self, data: str) -> None:
        if self._heading and data.strip():
            self.headings.append(data.strip())


def _report(tmp_path: Path) -> Path:
    source = tmp_path / "in"
    (source / "site-a").mkdir(parents=True)
    (source / "site-b").mkdir()
    for name in ("news_donation.txt", "recipe.txt", "damaged_tokens.txt"):
        shutil.copy(SAMPLES / name, source / "site-a" / name)
    for name in ("german_news.txt", "product.txt", "library_article.html"):
        shutil.copy(SAMPLES / name, source / "site-b" / name)
    (source / "site-b" / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n")
    report = tmp_path / "report.html"
    result = run_cli("batch", str(source), str(tmp_path / "out"), "--report", str(report))
    assert result.returncode == 1  # the broken file fails; the report is still written
    return report


def test_report_structure(tmp_path: Path) -> None:
    report = _report(tmp_path)
    text = report.read_text(encoding="utf-8")
    outline = _Outline()
    outline.feed(text)
    assert "totals" in outline.ids
    assert outline.headings[:3] == ["cleaner batch report", "Share of text removed per document",
                                    "Counts per reason"]
    for heading in ("Most frequent removed lines per site", "Documents with the most removed",
                    "Documents with the least removed", "Slowest documents", "Errors", "Settings"):
        assert heading in outline.headings
    assert "svg" in outline.tags and "script" not in outline.tags
    assert outline.external == []  # self-contained: nothing to fetch
    assert "7</b>documents" in text and "site-a" in text and "chrome:donation" in text
    assert "<del>environ mental</del><ins>environmental</ins>" in text
    assert oct(report.stat().st_mode & 0o777) != oct(0o600)


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@pytest.mark.skipif(_chromium() is None and not os.environ.get("CI"),
                    reason="no chromium here (.ci/run installs it)")
def test_report_renders_in_headless_chromium(tmp_path: Path) -> None:
    browser = _chromium()
    assert browser is not None, "CI must have chromium"
    report = _report(tmp_path)
    artefacts = Path(os.environ.get("CLEANER_ARTEFACTS", tmp_path))
    artefacts.mkdir(parents=True, exist_ok=True)
    shot = artefacts / "report.png"
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0"]
    dom = subprocess.run([browser, *flags, "--dump-dom", report.as_uri()], capture_output=True,
                         text=True, timeout=120, check=False)
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert "documents" in dom.stdout and "of text removed" in dom.stdout
    assert "CONSOLE" not in dom.stderr, dom.stderr[-2000:]
    snap = subprocess.run([browser, *flags, "--window-size=1280,1600", f"--screenshot={shot}",
                           report.as_uri()], capture_output=True, text=True, timeout=120, check=False)
    assert snap.returncode == 0 and shot.stat().st_size > 10_000, snap.stderr[-2000:]


def test_readme_shows_the_report_screenshot() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "docs/report.png" in readme and (REPO / "docs" / "report.png").is_file()


@pytest.mark.skipif(_chromium() is None or not (REPO.parent / "shared" / "devdata").is_dir(),
                    reason="needs chromium and ../shared/devdata")
def test_devdata_report_opens_cleanly_and_stays_small(tmp_path: Path) -> None:
    pages = REPO.parent / "shared" / "devdata" / "trafilatura"
    report = tmp_path / "report.html"
    result = run_cli("batch", str(pages), str(tmp_path / "out"), "--glob", "page.r1.txt",
                     "--report", str(report), timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    assert report.stat().st_size < 5 * 2**20
    browser = _chromium()
    assert browser is not None
    dom = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                          "--disable-background-networking", "--disable-component-update",
                          f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0",
                          "--dump-dom", report.as_uri()], capture_output=True, text=True, timeout=120,
                         check=False)
    assert dom.returncode == 0 and "CONSOLE" not in dom.stderr
    assert "415</b>documents" in dom.stdout
