"""Clean a folder tree: discover inputs, clean each, write outputs atomically.

The CLI renders progress and the summary; this module only does the work and
reports each file as it finishes, so other front ends (a process pool, Dask) can
reuse ``discover`` and ``process_file`` as they are.
"""

from __future__ import annotations

import contextlib
import fnmatch
import itertools
import json
import os
import signal
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any, BinaryIO, Protocol, TypeVar

from cleaner.io import CleanerError, atomic_write, atomic_writer, decode, nonempty
from cleaner.pipeline import Cleaner
from cleaner.records import clean_records, decoded_lines, learn_records, open_records, site_from_field
from cleaner.site import SiteProfile
from cleaner.wet import is_wet_file, wet_records
from cleaner.wet import output_name as wet_output_name

DEFAULT_GLOBS = ("*.txt", "*.html", "*.htm", "*.jsonl", "*.jsonl.gz", "*.jsonl.zst", "*.warc.wet.gz",
                 "*.warc.wet")
_RECORD_SUFFIXES = (".jsonl", ".jsonl.gz", ".jsonl.zst")
#: written next to the outputs when any file or record failed
ERROR_LOG = "cleaner-errors.jsonl"
_HTML_SUFFIXES = {".html", ".htm"}


@dataclass(frozen=True, slots=True)
class Task:
    source: Path
    target: Path
    relative: str


@dataclass(slots=True)
class FileReport:
    task: Task
    bytes_in: int = 0
    bytes_out: int = 0
    seconds: float = 0.0
    error: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    #: texts of the removed blocks, filled only when a report asks for them
    removed: list[str] = field(default_factory=list)
    #: for JSONL inputs: records cleaned, and one JSON line per record that could not be
    records: int = 0
    record_errors: list[str] = field(default_factory=list)


@dataclass(slots=True)
class BatchSummary:
    files: int = 0
    failed: int = 0
    records: int = 0
    record_errors: list[str] = field(default_factory=list)
    bytes_in: int = 0
    bytes_out: int = 0
    #: bytes of the files that were cleaned, the base of ``share_removed``
    bytes_cleaned: int = 0
    seconds: float = 0.0
    counts: Counter[str] = field(default_factory=Counter)
    errors: list[tuple[str, str]] = field(default_factory=list)

    def add(self, report: FileReport) -> None:
        self.files += 1
        self.bytes_in += report.bytes_in
        self.records += report.records
        self.record_errors.extend(report.record_errors)
        if report.error is not None:
            self.failed += 1
            self.errors.append((report.task.relative, report.error))
            return
        self.bytes_out += report.bytes_out
        self.bytes_cleaned += report.bytes_in
        self.counts.update(report.counts)

    @property
    def share_removed(self) -> float:
        if not self.bytes_cleaned:
            return 0.0
        return 1.0 - self.bytes_out / self.bytes_cleaned


def _target_name(relative: Path) -> Path:
    if relative.suffix.lower() in _HTML_SUFFIXES:
        return relative.with_suffix(".txt")
    if is_wet_file(relative.name):
        return relative.with_name(wet_output_name(relative.name))
    return relative


def discover(in_dir: Path, out_dir: Path, globs: Sequence[str] = DEFAULT_GLOBS) -> list[Task]:
    """Every input under ``in_dir`` matching ``globs``, sorted, with its output path."""
    if not in_dir.exists():
        raise CleanerError(f"{in_dir}: no such folder")
    if not in_dir.is_dir():
        raise CleanerError(f"{in_dir}: not a folder")
    in_real, out_real = in_dir.resolve(), out_dir.resolve()
    if in_real == out_real:
        raise CleanerError("OUT_DIR must differ from IN_DIR: outputs would overwrite inputs")
    tasks: list[Task] = []
    taken: set[Path] = set()
    # os.walk does not follow symlinked folders, so a symlink loop cannot trap it.
    for root, dirs, files in os.walk(in_dir):
        root_path = Path(root)
        dirs[:] = sorted(d for d in dirs if (root_path / d).resolve() != out_real)
        for name in sorted(files):
            if not any(fnmatch.fnmatch(name, pattern) for pattern in globs):
                continue
            source = root_path / name
            relative = source.relative_to(in_dir)
            target_rel = _target_name(relative)
            if target_rel in taken or (target_rel != relative and (in_dir / target_rel).exists()):
                target_rel = relative.with_name(relative.name + ".txt")
            taken.add(target_rel)
            tasks.append(Task(source, out_dir / target_rel, relative.as_posix()))
    inputs = {t.source.resolve() for t in tasks}
    for task in tasks:
        if task.target.resolve() in inputs:
            raise CleanerError(f"{task.target}: output would overwrite an input file")
    return tasks


class SiteKey(str, Enum):
    """Where a page's site comes from, for the corpus-learned site chrome."""

    #: a record's URL field, else the first folder level under IN_DIR
    AUTO = "auto"
    #: a record's URL field only (files without records have no site)
    URL = "url"
    #: the first folder level under IN_DIR (files directly in IN_DIR form one site)
    FOLDER = "folder"
    #: each input file is a site (a JSONL file per site)
    FILE = "file"
    #: no site chrome learning
    NONE = "none"


@dataclass(frozen=True, slots=True)
class FileOptions:
    """How each file is read and what is collected: the same in every worker."""

    encoding: str = "utf-8"
    collect_removed: bool = False
    text_field: str = "text"
    with_stats: bool = False
    site_key: SiteKey = SiteKey.AUTO
    url_field: str = "url"
    id_field: str | None = None


def file_site(task: Task, site_key: SiteKey) -> str | None:
    """The site of a whole file, or None when the key does not come from the path."""
    if site_key in (SiteKey.NONE, SiteKey.URL):
        return None
    if site_key is SiteKey.FILE:
        return task.relative
    parts = task.relative.split("/")
    return parts[0] if len(parts) > 1 else ""


def record_site(task: Task, options: FileOptions) -> Callable[[dict[str, Any]], str | None] | None:
    """How to name the site of each record of a JSONL or WET file."""
    if options.site_key is SiteKey.NONE:
        return None
    fallback = file_site(task, options.site_key)
    if options.site_key not in (SiteKey.AUTO, SiteKey.URL):
        return lambda record: fallback
    # WET records carry the page's URL under our own field name
    by_url = site_from_field("url" if is_wet_file(task.source.name) else options.url_field)

    def site_of(record: dict[str, Any]) -> str | None:
        site = by_url(record)
        return site if site is not None else fallback

    return site_of


def _record_lines(task: Task, stream: BinaryIO) -> Iterator[str]:
    if is_wet_file(task.source.name):
        return (json.dumps(record, ensure_ascii=False) for record in wet_records(stream, task.relative))
    return decoded_lines(open_records(stream), task.relative)


def _text_field(task: Task, options: FileOptions) -> str:
    return "text" if is_wet_file(task.source.name) else options.text_field


def _open(task: Task) -> BinaryIO:
    try:
        return task.source.open("rb")
    except OSError as exc:
        raise CleanerError(f"cannot read ({exc.strerror or exc})") from None


def process_records(task: Task, cleaner: Cleaner, options: FileOptions = FileOptions()) -> FileReport:
    """Clean a JSONL or WET file record by record into its output; bad records are reported."""
    report = FileReport(task)
    started = time.perf_counter()
    try:
        stream = _open(task)

        def count(text_in: int, text_out: int) -> None:
            # Sizes of the texts, not of the files: compression and other fields aside.
            report.bytes_in += text_in
            report.bytes_out += text_out

        with stream, atomic_writer(task.target) as out:
            items = clean_records(cleaner, _record_lines(task, stream), _text_field(task, options),
                                  options.with_stats, sizes=count, site_of=record_site(task, options),
                                  id_field=options.id_field)
            for item in items:
                if isinstance(item, str):
                    out.write(item + "\n")
                    report.records += 1
                else:
                    report.record_errors.append(item.to_json(task.relative))
    except CleanerError as exc:
        report.error = str(exc).removeprefix(f"{task.relative}: ")
    except OSError as exc:
        report.error = f"cannot write {task.target} ({exc.strerror or exc})"
    report.seconds = time.perf_counter() - started
    return report


def error_log_lines(summary: BatchSummary) -> list[str]:
    """The run's error log: one JSON object per failed file or record."""
    lines = [json.dumps({"input": path, "record": None, "error": error}, ensure_ascii=False)
             for path, error in summary.errors]
    return lines + summary.record_errors


def is_record_file(path: Path) -> bool:
    return path.name.endswith(_RECORD_SUFFIXES) or is_wet_file(path.name)


def process_file(task: Task, cleaner: Cleaner, options: FileOptions = FileOptions()) -> FileReport:
    """Clean one file; errors are caught and reported, never raised."""
    if is_record_file(task.source):
        return process_records(task, cleaner, options)
    report = FileReport(task)
    started = time.perf_counter()
    try:
        try:
            data = task.source.read_bytes()
        except OSError as exc:
            raise CleanerError(f"cannot read ({exc.strerror or exc})") from None
        report.bytes_in = len(data)
        text = nonempty(decode(data, task.relative, options.encoding), task.relative)
        result = cleaner.clean_document(text, file_site(task, options.site_key))
        try:
            atomic_write(task.target, result.text)
        except OSError as exc:
            raise CleanerError(f"cannot write {task.target} ({exc.strerror or exc})") from None
        report.bytes_out = len(result.text.encode("utf-8"))
        report.counts = result.reason_counts()
        if options.collect_removed:
            report.removed = [block.text for block, _ in result.removed()]
    except CleanerError as exc:
        report.error = str(exc).removeprefix(f"{task.relative}: ")
    except Exception as exc:  # one bad page must never stop a corpus run
        report.error = f"internal error: {type(exc).__name__}: {exc}"
    report.seconds = time.perf_counter() - started
    return report


def learn_file(task: Task, cleaner: Cleaner, options: FileOptions = FileOptions()) -> SiteProfile:
    """The site line counts of one file's pages. Unreadable files and records count for
    nothing here; the cleaning pass reports them."""
    profile = SiteProfile()
    try:
        if is_record_file(task.source):
            site_of = record_site(task, options)
            if site_of is not None:
                with _open(task) as stream:
                    learn_records(profile, cleaner, _record_lines(task, stream), _text_field(task, options),
                                  site_of)
            return profile
        site = file_site(task, options.site_key)
        if site is not None:
            text = decode(task.source.read_bytes(), task.relative, options.encoding)
            profile.add_page(site, cleaner.page_lines(text))
    except Exception:  # the cleaning pass reports this file's failure, with its reason
        pass
    return profile


#: the cleaner of a worker process, built once by its initializer (never in the parent)
_worker_cleaner: Cleaner | None = None


def _die_with_parent() -> None:
    """On Linux, ask the kernel to end this worker when its parent dies (kill -9)."""
    with contextlib.suppress(OSError, AttributeError):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL)


def _start_worker(cleaner: Cleaner) -> None:
    global _worker_cleaner
    # The parent decides when to stop; a worker finishes the file it is writing.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()
    _worker_cleaner = cleaner


def _clean_chunk(chunk: Sequence[Task], cleaner: Cleaner, options: FileOptions) -> list[FileReport]:
    return [process_file(task, cleaner, options) for task in chunk]


def _learn_chunk(chunk: Sequence[Task], cleaner: Cleaner, options: FileOptions) -> SiteProfile:
    # Merged here, so one small profile per chunk travels back instead of one per file.
    return SiteProfile.merged(learn_file(task, cleaner, options) for task in chunk)


def _in_worker(function: Callable[[Sequence[Task], Cleaner, FileOptions], _R],
               chunk: Sequence[Task], options: FileOptions) -> _R:
    assert _worker_cleaner is not None
    return function(chunk, _worker_cleaner, options)


_R = TypeVar("_R")

#: a chunk of work is this many bytes of input, or this many files, whichever comes first:
#: big enough that handing it out costs little, small enough to balance the workers
CHUNK_BYTES = 1 << 20
CHUNK_FILES = 16


def chunks(tasks: Iterable[Task]) -> Iterator[list[Task]]:
    """Consecutive tasks grouped into chunks of about ``CHUNK_BYTES``."""
    chunk: list[Task] = []
    size = 0
    for task in tasks:
        with contextlib.suppress(OSError):  # reported when the file is read
            size += task.source.stat().st_size
        chunk.append(task)
        if size >= CHUNK_BYTES or len(chunk) >= CHUNK_FILES:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _map_chunks(tasks: Sequence[Task], cleaner: Cleaner, options: FileOptions, jobs: int,
                function: Callable[[Sequence[Task], Cleaner, FileOptions], _R]) -> Iterator[tuple[int, _R]]:
    """(files in the chunk, result) for every chunk as it finishes, here (``jobs=1``, one
    file at a time) or in a process pool.

    Work goes out a few chunks ahead of the workers, never the whole list at once, so the
    parent's memory does not grow with the corpus.
    """
    if jobs <= 1:
        for task in tasks:
            yield 1, function([task], cleaner, options)
        return
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(cleaner,))
    try:
        queue = chunks(tasks)

        def submit(chunk: list[Task]) -> Future[_R]:
            future = pool.submit(_in_worker, function, chunk, options)
            sizes[future] = len(chunk)
            return future

        sizes: dict[Future[_R], int] = {}
        running = {submit(chunk) for chunk in itertools.islice(queue, 3 * jobs)}
        while running:
            done, running = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                yield sizes.pop(future), future.result()
                following = next(queue, None)
                if following is not None:
                    running.add(submit(following))
    finally:
        # On Ctrl-C: nothing new starts, files being written are finished.
        pool.shutdown(wait=True, cancel_futures=True)


def learn_profile(tasks: Sequence[Task], cleaner: Cleaner, options: FileOptions = FileOptions(),
                  jobs: int = 1, on_done: Callable[[], None] | None = None) -> SiteProfile:
    """The first pass of a batch: count every file's lines per site and merge the counts."""
    profile = SiteProfile()
    for files, partial in _map_chunks(tasks, cleaner, options, jobs, _learn_chunk):
        profile.merge(partial)
        if on_done is not None:
            for _ in range(files):
                on_done()
    return profile


def pending(tasks: Sequence[Task], force: bool = False) -> tuple[list[Task], int]:
    """Tasks still to do: an output at least as new as its input is finished work."""
    if force:
        return list(tasks), 0
    todo = []
    for task in tasks:
        try:
            done = task.target.stat().st_mtime >= task.source.stat().st_mtime
        except OSError:
            done = False
        if not done:
            todo.append(task)
    return todo, len(tasks) - len(todo)


def remove_stale_parts(out_dir: Path) -> int:
    """Temporary files of a run that was killed (SIGKILL, power loss): never outputs."""
    removed = 0
    if out_dir.is_dir():
        for part in out_dir.rglob(".*.part"):
            with contextlib.suppress(OSError):
                part.unlink()
                removed += 1
    return removed


def run_batch(
    tasks: Sequence[Task],
    cleaner: Cleaner,
    options: FileOptions = FileOptions(),
    on_done: Callable[[FileReport], None] | None = None,
    jobs: int = 1,
) -> BatchSummary:
    """Clean every task, in this process (``jobs=1``) or in a pool of worker processes;
    reports come back as files finish."""
    summary = BatchSummary()
    started = time.perf_counter()
    for _, reports in _map_chunks(tasks, cleaner, options, jobs, _clean_chunk):
        for report in reports:
            summary.add(report)
            if on_done is not None:
                on_done(report)
    summary.seconds = time.perf_counter() - started
    return summary


class Runner(Protocol):
    """Where a batch runs: this machine (``LocalRunner``) or a Dask cluster."""

    def learn(self, tasks: Sequence[Task], cleaner: Cleaner, options: FileOptions,
              on_done: Callable[[], None] | None = None) -> SiteProfile: ...

    def run(self, tasks: Sequence[Task], cleaner: Cleaner, options: FileOptions,
            on_done: Callable[[FileReport], None] | None = None) -> BatchSummary: ...


@dataclass(frozen=True, slots=True)
class LocalRunner:
    """This process (``jobs=1``) or a pool of ``jobs`` worker processes."""

    jobs: int = 1

    def learn(self, tasks: Sequence[Task], cleaner: Cleaner, options: FileOptions,
              on_done: Callable[[], None] | None = None) -> SiteProfile:
        return learn_profile(tasks, cleaner, options, self.jobs, on_done)

    def run(self, tasks: Sequence[Task], cleaner: Cleaner, options: FileOptions,
            on_done: Callable[[FileReport], None] | None = None) -> BatchSummary:
        return run_batch(tasks, cleaner, options, on_done, self.jobs)
