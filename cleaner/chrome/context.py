"""The context pass: decide doubtful blocks by their neighbours, in the spirit of jusText.

Every block first gets a class from its own features: ``bad`` (a rule named it
chrome), ``good`` (long prose), ``near`` (medium prose) or ``short``. Then:
short and medium blocks between content stay, inside runs of chrome they go; a short
heading or dateline right before prose stays; nothing doubtful outside the main run
of prose (page head and foot) survives in the stricter modes. Pattern rules have run
before this, so a prose-like call to action is already ``bad`` and cannot vouch for
its neighbours.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from cleaner.chrome.features import BlockFeatures
from cleaner.config import ModeSettings
from cleaner.document import Verdict


class BlockClass(str, Enum):
    BAD = "bad"
    SHORT = "short"
    NEAR = "near"
    GOOD = "good"


@dataclass(frozen=True, slots=True)
class Thresholds:
    good_words: float = 15
    good_stopword_share: float = 0.2
    long_words: float = 50
    near_words: float = 7
    near_stopword_share: float = 0.12
    #: how many blocks before prose may hold a headline and its byline/dateline
    heading_reach: int = 2
    #: this many dropped blocks in a row separate two clusters of kept text
    cluster_gap: int = 2


THRESHOLDS = Thresholds()

_SCORES = {BlockClass.BAD: 0.05, BlockClass.SHORT: 0.35, BlockClass.NEAR: 0.6, BlockClass.GOOD: 0.9}


def base_class(features: BlockFeatures, t: Thresholds = THRESHOLDS) -> BlockClass:
    words, share = features.words, features.stopword_share
    mostly_capitalised = features.capitalised_share > 0.7 and words > 3
    if words >= t.long_words and share >= t.near_stopword_share:
        return BlockClass.GOOD
    if words >= t.good_words and share >= t.good_stopword_share and not mostly_capitalised:
        return BlockClass.GOOD
    if words >= t.near_words and share >= t.near_stopword_share and not mostly_capitalised:
        return BlockClass.NEAR
    if words >= t.good_words and features.ends_with_punctuation:
        return BlockClass.NEAR
    return BlockClass.SHORT


def _promote_best_if_no_good(
    features: list[BlockFeatures], classes: list[BlockClass]
) -> list[BlockClass]:
    """A page with no prose by absolute measures (a tiny page, an unknown language)
    still has a main text: its longest doubtful blocks, judged against each other."""
    if BlockClass.GOOD in classes:
        return classes
    candidates = [f.words for f, c in zip(features, classes, strict=True) if c is not BlockClass.BAD]
    if not candidates:
        return classes
    longest = max(candidates)
    return [
        BlockClass.GOOD if c is not BlockClass.BAD and f.words >= 0.5 * longest else c
        for f, c in zip(features, classes, strict=True)
    ]


def _nearest(classes: list[BlockClass], index: int, step: int) -> BlockClass | None:
    """The closest good or bad class in one direction, skipping doubtful blocks."""
    i = index + step
    while 0 <= i < len(classes):
        if classes[i] in (BlockClass.GOOD, BlockClass.BAD):
            return classes[i]
        i += step
    return None


def _looks_like_heading(features: BlockFeatures) -> bool:
    stripped = features.text.rstrip()
    return 0 < features.words <= 20 and (not stripped or stripped[-1] not in ".,;")


def resolve(
    features: list[BlockFeatures],
    classes: list[BlockClass],
    reasons: list[str | None],
    settings: ModeSettings,
    t: Thresholds = THRESHOLDS,
) -> list[Verdict]:
    """Final verdicts from per-block classes; ``reasons`` carries the rule that named chrome."""
    n = len(classes)
    classes = _promote_best_if_no_good(features, classes)
    good_positions = [i for i, c in enumerate(classes) if c is BlockClass.GOOD]
    first_good = good_positions[0] if good_positions else n
    last_good = good_positions[-1] if good_positions else -1

    verdicts: list[Verdict] = []
    for i, (feat, cls) in enumerate(zip(features, classes, strict=True)):
        score = _SCORES[cls]
        if cls is BlockClass.BAD:
            verdicts.append(Verdict(False, reasons[i] or "chrome:pattern", score))
            continue
        if cls is BlockClass.GOOD:
            verdicts.append(Verdict(True, "content", score))
            continue
        before, after = _nearest(classes, i, -1), _nearest(classes, i, +1)
        heading = (
            _looks_like_heading(feat)
            and any(
                classes[j] is BlockClass.GOOD
                for j in range(i + 1, min(n, i + 1 + t.heading_reach))
            )
            and all(
                classes[j] is not BlockClass.BAD
                for j in range(i + 1, min(n, i + 1 + t.heading_reach))
            )
        )
        outside = i < first_good or i > last_good
        if heading:
            verdicts.append(Verdict(True, "content:heading", max(score, 0.55)))
            continue
        if outside and settings.trim_outside_main:
            verdicts.append(Verdict(False, "chrome:page-edge", score * 0.5))
            continue
        good_sides = (before is BlockClass.GOOD) + (after is BlockClass.GOOD)
        bad_sides = (before is BlockClass.BAD) + (after is BlockClass.BAD)
        if cls is BlockClass.NEAR:
            keep = good_sides >= 1 if settings.short_needs_neighbours <= 1 else bad_sides == 0
        else:
            keep = good_sides >= 2 or (good_sides >= settings.short_needs_neighbours and bad_sides == 0)
        if keep:
            verdicts.append(Verdict(True, "content:context", max(score, 0.5)))
        else:
            verdicts.append(Verdict(False, "chrome:context", min(score, 0.3)))
    return _keep_main_clusters(features, classes, verdicts, settings, t)


def _keep_main_clusters(
    features: list[BlockFeatures],
    classes: list[BlockClass],
    verdicts: list[Verdict],
    settings: ModeSettings,
    t: Thresholds,
) -> list[Verdict]:
    """Drop islands of text far from the article: teasers, comment threads, footers.

    Kept blocks form clusters where fewer than ``cluster_gap`` blocks were dropped
    between them. The cluster with the most prose is the article; a cluster much
    smaller than it is a secondary island and goes.
    """
    clusters: list[list[int]] = []
    gap = t.cluster_gap + 1
    for i, verdict in enumerate(verdicts):
        if verdict.keep:
            if gap > t.cluster_gap or not clusters:
                clusters.append([])
            clusters[-1].append(i)
            gap = 0
        else:
            gap += 1
    if len(clusters) < 2:
        return verdicts
    weights = [
        sum(features[i].words for i in cluster if classes[i] is BlockClass.GOOD) for cluster in clusters
    ]
    main = max(weights)
    result = list(verdicts)
    for cluster, weight in zip(clusters, weights, strict=True):
        if weight < settings.min_cluster_share * main:
            for i in cluster:
                result[i] = Verdict(False, "chrome:island", min(verdicts[i].score, 0.4))
    return result
