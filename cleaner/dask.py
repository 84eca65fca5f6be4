"""Cleaning on a Dask cluster: bags, dataframes, and ``cleaner batch --scheduler``.

Needs the optional extra ``cleaner[dask]``. Every function gives the same result as
cleaning in one process: each partition builds its own ``Cleaner`` from the same
frozen config, and corpus-learned site chrome is counted per partition, merged with
``SiteProfile.merge`` (counts add up, so partitioning and order do not matter), then
applied to every partition.

The per-document time budget (``timeout``) relies on a signal timer that only a
process's main thread can own; Dask runs tasks in worker threads, so there the budget
is not enforced.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cleaner.batch import BatchSummary, FileOptions, FileReport, Task, learn_file, process_file
from cleaner.chrome.model import LineModel
from cleaner.io import EXIT_USAGE, CleanerError
from cleaner.pipeline import Cleaner
from cleaner.records import site_from_field, stats
from cleaner.site import SiteProfile, site_of_url

__all__ = ["DaskMissing", "DaskRunner", "clean_bag", "clean_dataframe", "learn_bag", "learn_dataframe"]

#: tasks in flight per worker thread: enough to keep workers busy, few enough that the
#: scheduler's memory does not grow with the corpus
_AHEAD_PER_THREAD = 4


class DaskMissing(CleanerError, ImportError):
    """Dask is not installed: an ``ImportError`` for library users, a one-line error in the CLI."""


def _require_dask(distributed: bool = False) -> None:
    try:
        import dask  # noqa: F401

        if distributed:
            import distributed as _  # noqa: F401
    except ImportError:
        raise DaskMissing("Dask is not installed: pip install 'cleaner[dask]'", EXIT_USAGE) from None


# -- dask.bag -----------------------------------------------------------------------


def _learn_items(items: Iterable[Any], text_field: str, url_field: str, site: str | None,
                 cleaner: Cleaner) -> SiteProfile:
    profile = SiteProfile()
    site_of = site_from_field(url_field)
    for item in items:
        if isinstance(item, str):
            item_site, text = site, item
        elif isinstance(item, dict) and isinstance(item.get(text_field), str):
            item_site, text = (site if site is not None else site_of(item)), item[text_field]
        else:
            continue
        if item_site is not None:
            profile.add_page(item_site, cleaner.page_lines(text))
    return profile


def _clean_items(items: Iterable[Any], cleaner: Cleaner, profile: SiteProfile | None, text_field: str,
                 url_field: str, site: str | None, with_stats: bool) -> list[Any]:
    cleaner = cleaner.with_profile(profile) if profile is not None else cleaner
    site_of = site_from_field(url_field)
    cleaned: list[Any] = []
    for item in items:
        if isinstance(item, str):
            cleaned.append(cleaner.clean(item, site))
            continue
        if not isinstance(item, dict):
            raise TypeError(f"clean_bag cleans strings or dict records, got {type(item).__name__}")
        text = item.get(text_field)
        record = dict(item)
        if not isinstance(text, str):
            problem = f"no {text_field!r} field" if text is None else \
                f"{text_field!r} is {type(text).__name__}, not a string"
            record["cleaner"] = {"error": problem}
            cleaned.append(record)
            continue
        try:
            result = cleaner.clean_document(text, site if site is not None else site_of(item))
        except CleanerError as exc:
            record["cleaner"] = {"error": str(exc)}
            cleaned.append(record)
            continue
        record[text_field] = result.text
        if with_stats:
            record["cleaner"] = stats(result, text)
        cleaned.append(record)
    return cleaned


def learn_bag(bag: Any, *, text_field: str = "text", url_field: str = "url", site: str | None = None,
              **options: Any) -> Any:
    """A lazy ``SiteProfile`` (a dask ``Item``) of the bag's pages: one per partition, merged."""
    _require_dask()
    cleaner = Cleaner(**options)
    return bag.reduction(
        lambda items: _learn_items(items, text_field, url_field, site, cleaner),
        lambda profiles: SiteProfile.merged(profiles),
    )


def clean_bag(bag: Any, *, text_field: str = "text", url_field: str = "url", site: str | None = None,
              learn_sites: bool = False, profile: SiteProfile | str | Path | None = None,
              model: LineModel | str | Path | None = None, with_stats: bool = False,
              **options: Any) -> Any:
    """Clean a dask bag of page texts (strings) or records (dicts with ``text_field``).

    Records keep every other field; with ``with_stats`` they get a ``cleaner`` object, and
    a record that cannot be cleaned gets ``{"cleaner": {"error": ...}}`` and its text
    unchanged. ``options`` are fields of ``CleanerConfig``. Site chrome: ``learn_sites``
    counts the bag's own pages first (sites from the records' ``url_field``, or ``site``
    for all), ``profile`` uses counts made earlier.
    """
    _require_dask()
    cleaner = Cleaner(model=model, profile=profile, **options)
    learned: Any = None
    if learn_sites:
        learned = learn_bag(bag, text_field=text_field, url_field=url_field, site=site, **options).apply(
            SiteProfile.pruned)
    return bag.map_partitions(_clean_items, cleaner, learned, text_field, url_field, site, with_stats)


# -- dask.dataframe -----------------------------------------------------------------


def _site_column(frame: Any, url_column: str | None, site: str | None) -> list[str | None]:
    if site is not None or url_column is None:
        return [site] * len(frame)
    return [site_of_url(url) if isinstance(url, str) else None for url in frame[url_column]]


def _learn_frame(frame: Any, column: str, url_column: str | None, site: str | None,
                 cleaner: Cleaner) -> SiteProfile:
    profile = SiteProfile()
    for text, page_site in zip(frame[column], _site_column(frame, url_column, site), strict=True):
        if isinstance(text, str) and page_site is not None:
            profile.add_page(page_site, cleaner.page_lines(text))
    return profile


def _clean_frame(frame: Any, column: str, url_column: str | None, site: str | None, cleaner: Cleaner,
                 profile: SiteProfile | None) -> Any:
    cleaner = cleaner.with_profile(profile) if profile is not None else cleaner
    sites = _site_column(frame, url_column, site)
    frame = frame.copy()
    frame[column] = [cleaner.clean(text, page_site) if isinstance(text, str) else text
                     for text, page_site in zip(frame[column], sites, strict=True)]
    return frame


def learn_dataframe(df: Any, column: str = "text", *, url_column: str | None = "url",
                    site: str | None = None, **options: Any) -> Any:
    """A lazy ``SiteProfile`` (a dask ``Delayed``) of the frame's pages, merged over partitions."""
    _require_dask()
    from dask import delayed

    cleaner = Cleaner(**options)
    url_column = url_column if url_column in df.columns else None
    partials = [delayed(_learn_frame)(part, column, url_column, site, cleaner) for part in df.to_delayed()]
    return delayed(SiteProfile.merged)(partials)


def clean_dataframe(df: Any, column: str = "text", *, url_column: str | None = "url",
                    site: str | None = None, learn_sites: bool = False,
                    profile: SiteProfile | str | Path | None = None,
                    model: LineModel | str | Path | None = None, **options: Any) -> Any:
    """The frame with ``column`` cleaned (other columns and non-string cells untouched).

    Sites come from ``url_column`` (when the frame has it) or ``site``; see ``clean_bag``.
    """
    _require_dask()
    cleaner = Cleaner(model=model, profile=profile, **options)
    url_column = url_column if url_column in df.columns else None
    learned: Any = None
    if learn_sites:
        from dask import delayed

        learned = delayed(SiteProfile.pruned)(
            learn_dataframe(df, column, url_column=url_column, site=site, **options))
    return df.map_partitions(_clean_frame, column, url_column, site, cleaner, learned, meta=df._meta)


# -- cleaner batch --scheduler --------------------------------------------------------


@dataclass
class DaskRunner:
    """``cleaner batch`` on a Dask cluster: the same work functions as the local pool."""

    address: str

    def _client(self) -> Any:
        _require_dask(distributed=True)
        from distributed import Client

        try:
            return Client(self.address, timeout="20s")
        except (OSError, TimeoutError, ValueError) as exc:
            raise CleanerError(f"cannot reach the Dask scheduler at {self.address} ({exc})") from None

    def _map(self, function: Callable[..., Any], tasks: Sequence[Task], cleaner: Cleaner,
             options: FileOptions) -> Iterable[Any]:
        client = self._client()
        from distributed import as_completed

        try:
            shared = client.scatter(cleaner, broadcast=True)
            threads = max(1, sum(client.nthreads().values()))
            queue = iter(tasks)

            def submit(task: Task) -> Any:
                return client.submit(function, task, shared, options, pure=False)

            first = [submit(task) for task in itertools.islice(queue, _AHEAD_PER_THREAD * threads)]
            running = as_completed(first)
            for future in running:
                yield future.result()
                following = next(queue, None)
                if following is not None:
                    running.add(submit(following))
        finally:
            client.close()

    def learn(self, tasks: Sequence[Task], cleaner: Cleaner, options: FileOptions,
              on_done: Callable[[], None] | None = None) -> SiteProfile:
        profile = SiteProfile()
        for partial in self._map(learn_file, tasks, cleaner, options):
            profile.merge(partial)
            if on_done is not None:
                on_done()
        return profile

    def run(self, tasks: Sequence[Task], cleaner: Cleaner, options: FileOptions,
            on_done: Callable[[FileReport], None] | None = None) -> BatchSummary:
        summary = BatchSummary()
        started = time.perf_counter()
        for report in self._map(process_file, tasks, cleaner, options):
            summary.add(report)
            if on_done is not None:
                on_done(report)
        summary.seconds = time.perf_counter() - started
        return summary
