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

import itertools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from cleaner.chrome.features import BlockFeatures, subject_words
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
    heading_reach: int = 4
    #: this many dropped blocks in a row separate two clusters of kept text
    cluster_gap: int = 2
    #: a related/comments heading ends the article only after this share of its prose
    marker_after_share: float = 0.5
    #: clusters after an announced one, each smaller than this share of the article's
    #: prose, are announced too
    announced_chain_share: float = 0.5
    #: an article head (headline, byline or dateline, lead) stays with the article's
    #: body across at most this many blocks without prose: a paywall's offer, a
    #: gallery, an ad box
    head_box_gap: int = 40


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


def _nearest_decided(classes: list[BlockClass]) -> tuple[list[BlockClass | None], list[BlockClass | None]]:
    """For each block, the closest good or bad class before it and after it, skipping
    doubtful blocks: two passes over the page instead of a scan per block."""
    decided = (BlockClass.GOOD, BlockClass.BAD)
    before: list[BlockClass | None] = []
    last: BlockClass | None = None
    for cls in classes:
        before.append(last)
        if cls in decided:
            last = cls
    after: list[BlockClass | None] = [None] * len(classes)
    last = None
    for i in range(len(classes) - 1, -1, -1):
        after[i] = last
        if classes[i] in decided:
            last = classes[i]
    return before, after


#: chrome that sits between a headline and its text without ending the article head
SOFT_CHROME = frozenset({"chrome:post-meta", "chrome:share", "chrome:ad", "chrome:credit", "chrome:caption",
                         "chrome:shop", "chrome:read-also", "chrome:teaser", "chrome:server-error",
                         "chrome:app"})


#: headings that announce the end of the article: what follows is teasers or comments
_SECTION_MARKERS = frozenset({"chrome:related", "chrome:comments"})
#: a section marker is a short heading; a comment form's runs longer ("Leave a comment
#: Cancel reply") than a related-posts one
_SECTION_MARKER_MAX_WORDS = {"chrome:related": 4, "chrome:comments": 6}
#: chrome inside an article (ads, shop buttons, photo credits) does not split it in two
_GAP_NEUTRAL = frozenset({"chrome:ad", "chrome:credit", "chrome:caption", "chrome:shop", "chrome:embed",
                          "chrome:read-also", "chrome:teaser", "chrome:server-error", "chrome:app",
                          "chrome:gallery"})


_BYLINE_RE = re.compile(
    r"^(?:by|von|par|por|di|door|av|af|written by|text|autor(?:in)?|author|texte)\b[:\s]", re.IGNORECASE
)


def _is_headline(features: BlockFeatures) -> bool:
    stripped = features.text.rstrip()
    return (features.words >= 3 and features.digit_share < 0.1 and stripped[-1:] not in ".,;"
            and not _BYLINE_RE.match(stripped))


def _is_article_metadata(features: BlockFeatures) -> bool:
    """A byline or a dateline."""
    return bool(_BYLINE_RE.match(features.text)) or (features.digit_share > 0 and features.words <= 6)


def _heading_chain(
    features: list[BlockFeatures], classes: list[BlockClass], reasons: list[str | None],
    first: int, reach: int, opens_text: bool = False,
) -> list[int]:
    """The article head above the prose starting at ``first``: dateline, byline, headline.

    Walks up at most ``reach`` blocks, skipping soft chrome (share rows, ads), and
    stops after a headline or a one- or two-word label: whatever sits above those
    belongs to the site (menus, section names), not to the article. Without a
    headline only a plain heading right above the prose is kept (forum user names,
    post counts and join dates are not an article head).
    """
    chain: list[int] = []
    first_headline: list[int] = []
    j = first - 1
    skipped = 0
    while j >= 0 and len(chain) < reach:
        if classes[j] is BlockClass.BAD:
            if reasons[j] in SOFT_CHROME and skipped < 3:
                skipped += 1
                j -= 1
                continue
            break
        if classes[j] is BlockClass.GOOD or features[j].words > 25:
            break
        chain.append(j)
        # A section heading right under the article's byline or dateline ("Introduction")
        # is not the headline: the article head goes on above it.
        under_metadata = j > 0 and classes[j - 1] is not BlockClass.BAD and _is_article_metadata(
            features[j - 1])
        if _is_headline(features[j]):
            if not under_metadata:
                return chain
            first_headline = first_headline or list(chain)
        if features[j].words <= 2 and features[j].digit_share == 0 and not under_metadata:
            break
        j -= 1
    if first_headline:
        return first_headline
    # A lone heading is kept unless it ends a run of short lines (a menu's last item),
    # or, above the page's first prose, repeats an item of that run: a documentation or
    # wiki page lists itself in its sidebar and then heads its text with the same words.
    if chain and features[chain[0]].digit_share == 0 and (
        chain[0] == 0 or classes[chain[0] - 1] in (BlockClass.BAD, BlockClass.GOOD)
        or (opens_text and _names_menu_item(features, classes, chain[0]))
    ):
        return chain[:1]
    return []


#: a poster's card: name, rank, join date, post count, the thread's starter and date
POST_CARD_MAX_BLOCKS = 8
POST_CARD_LINE_MAX_WORDS = 6
#: a thread's title is a line, not a paragraph
THREAD_TITLE_MAX_WORDS = 20


def _title_above_post_card(features: list[BlockFeatures], classes: list[BlockClass],
                           reasons: list[str | None], first: int) -> list[int]:
    """A forum thread's title above its first post, parted from it by the poster's card
    (name, rank, "Joined: ...", "Messages: ...", the thread's starter and date). The
    card's labelled counts and dates recur with every post (``chrome:repeated``); without
    one of them the short lines above the first post are a menu's end, and nothing is kept."""
    j = first - 1
    card = 0
    repeated = False
    while j >= 0 and card < POST_CARD_MAX_BLOCKS:
        if classes[j] is BlockClass.BAD:
            if reasons[j] not in ("chrome:repeated", "chrome:post-meta"):
                return []
            # a card's recurring "Joined: Mar 2, 2021", "Messages: 48"
            repeated = repeated or (reasons[j] == "chrome:repeated" and ":" in features[j].text
                                    and features[j].digit_share > 0)
        elif classes[j] is not BlockClass.SHORT or features[j].words > POST_CARD_LINE_MAX_WORDS:
            break
        card += 1
        j -= 1
    if not repeated or j < 0 or card == 0 or card == POST_CARD_MAX_BLOCKS:
        return []
    title = features[j]
    if classes[j] in (BlockClass.BAD, BlockClass.GOOD) or title.words > THREAD_TITLE_MAX_WORDS \
            or not _is_headline(title):
        return []
    return [j]


#: how far up the run of short lines above a lone heading is searched for its menu item
MENU_TITLE_REACH = 40
#: a title is words: this share of its characters are letters
MENU_TITLE_MIN_ALPHA = 0.6


def _names_menu_item(features: list[BlockFeatures], classes: list[BlockClass], heading: int) -> bool:
    """Whether the lone heading ``heading`` repeats a line of the run of short lines
    right above it (the page's own entry in its menu)."""
    wanted = features[heading].lower.strip()
    if features[heading].alpha_share < MENU_TITLE_MIN_ALPHA:
        return False  # a list's bullet or a code sample's "});" alone on its line
    for j in range(heading - 1, max(-1, heading - 1 - MENU_TITLE_REACH), -1):
        if classes[j] is BlockClass.GOOD:
            return False
        if features[j].lower.strip() == wanted:
            return True
    return False


def _list_run(features: list[BlockFeatures], classes: list[BlockClass], start: int) -> list[int]:
    """Short blocks right after kept text that read as data: ingredients, specifications.

    Menus rarely carry numbers; lists of quantities and specifications nearly always do.
    """
    run: list[int] = []
    j = start
    while j < len(classes) and classes[j] in (BlockClass.SHORT, BlockClass.NEAR):
        run.append(j)
        j += 1
    return _data_run(run, [any(ch.isdigit() for ch in features[i].text) for i in run])


#: a run of data lines: at least this many, this share of them data
DATA_RUN_MIN_BLOCKS = 3
DATA_RUN_SHARE = 0.6


def _data_run(run: list[int], is_datum: list[bool]) -> list[int]:
    """``run`` (blocks in reading order away from the kept text) up to its last datum,
    if enough of it is data; else nothing. A label past the data is no part of it."""
    data = [i for i, datum in zip(run, is_datum, strict=True) if datum]
    if not data:
        return []
    run = run[: run.index(data[-1]) + 1]
    return run if len(run) >= DATA_RUN_MIN_BLOCKS and len(data) >= DATA_RUN_SHARE * len(run) else []


#: a measured quantity opening its line: "250 g minced lamb", "1½ cups water", "2-3 cloves"
_QUANTITY_RE = re.compile(
    r"^\W{0,2}(?:\d+(?:[.,/]\d+)?|\d*[½¼¾⅓⅔⅛])(?:\s?[-–]\s?\d+(?:[.,/]\d+)?)?\s?[^\W\d_]")


def _keep_quantities_above_text(features: list[BlockFeatures], classes: list[BlockClass],
                                verdicts: list[Verdict]) -> None:
    """A list of quantities right above kept text stays with it (``content:list``): a
    recipe's ingredients above its method, parted from the page's head only by a label."""
    for i in range(1, len(verdicts)):
        if not verdicts[i].keep or verdicts[i - 1].keep:
            continue
        run: list[int] = []
        j = i - 1
        while j >= 0 and classes[j] in (BlockClass.SHORT, BlockClass.NEAR) and not verdicts[j].keep:
            run.append(j)
            j -= 1
        for k in _data_run(run, [_QUANTITY_RE.match(features[k].text) is not None for k in run]):
            verdicts[k] = Verdict(True, "content:list", 0.5)


#: what a line of code has that menus and teasers lack: brackets (not a link's count
#: "(44)"), operators, a statement's end, box-drawing table rules
_CODE_LINE_RE = re.compile(r"[{};=<>\[\]\\_|─│┼]|\((?!\d+\))")
#: a line of printed figures, as a program's output has (not a clock time: "12:48")
_FIGURES_LINE_RE = re.compile(r"^[\d\s.,%+-]+$")
#: a run between two paragraphs is a code sample when this share of its lines is code
#: or figures, with at least CODE_RUN_MIN_CODE lines of code
CODE_RUN_SHARE = 0.5
CODE_RUN_MIN_BLOCKS = 3
CODE_RUN_MIN_CODE = 2


def _code_run(features: list[BlockFeatures], classes: list[BlockClass], reasons: list[str | None],
              start: int) -> list[int]:
    """Short blocks between two paragraphs that read as a code sample and its output.

    A tutorial prints code line by line: every line is short and the context pass
    would drop the run, and with it split the article in two. Lines a sample repeats
    ("SELECT *", "FROM") are no site chrome there. ``segment`` already made one block of
    each run whose lines read as a program's by their own shape; this keeps the rest
    (a program's output, capitalised lines, a sample among figures).
    """
    run: list[int] = []
    j = start
    while j < len(classes) and (classes[j] in (BlockClass.SHORT, BlockClass.NEAR)
                                or reasons[j] == "chrome:repeated"):
        run.append(j)
        j += 1
    if len(run) < CODE_RUN_MIN_BLOCKS or j >= len(classes) or classes[j] is not BlockClass.GOOD:
        return []
    code = sum(1 for i in run if _CODE_LINE_RE.search(features[i].text))
    figures = sum(1 for i in run if _FIGURES_LINE_RE.match(features[i].text))
    return run if code >= CODE_RUN_MIN_CODE and code + figures >= CODE_RUN_SHARE * len(run) else []


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

    nearest_before, nearest_after = _nearest_decided(classes)
    verdicts: list[Verdict] = []
    for i, cls in enumerate(classes):
        score = _SCORES[cls]
        if cls is BlockClass.BAD:
            verdicts.append(Verdict(False, reasons[i] or "chrome:pattern", score))
            continue
        if cls is BlockClass.GOOD:
            verdicts.append(Verdict(True, "content", score))
            continue
        outside = i < first_good or i > last_good
        if outside and settings.trim_outside_main and (
            cls is BlockClass.SHORT or classes[i - 1 if i > last_good else i + 1] is not BlockClass.GOOD
        ):
            # Outside the article only prose directly touching it may stay.
            verdicts.append(Verdict(False, "chrome:page-edge", score * 0.5))
            continue
        before, after = nearest_before[i], nearest_after[i]
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

    thread_title: list[int] = []
    for i in good_positions:
        if i > 0 and not verdicts[i - 1].keep:
            chain = _heading_chain(features, classes, reasons, i, t.heading_reach, i == first_good)
            if not chain and i == first_good:
                thread_title = _title_above_post_card(features, classes, reasons, i)
            for j in chain:
                if not verdicts[j].keep:
                    verdicts[j] = Verdict(True, "content:heading", max(_SCORES[classes[j]], 0.55))
    _keep_hatnote_headings(features, classes, reasons, verdicts, first_good, last_good)
    _keep_quantities_above_text(features, classes, verdicts)
    i = 0
    while i < n:
        if verdicts[i].keep and i + 1 < n and not verdicts[i + 1].keep:
            run = _list_run(features, classes, i + 1)
            for j in run:
                verdicts[j] = Verdict(True, "content:list", 0.5)
            code = [] if run else _code_run(features, classes, reasons, i + 1)
            for j in code:
                verdicts[j] = Verdict(True, "content:code", 0.5)
            run = run or code
            i += len(run) + 1
        else:
            i += 1
    _keep_whole_lists(features, classes, verdicts)
    _drop_slideshows(features, classes, verdicts, settings)
    verdicts = _keep_main_clusters(features, classes, verdicts, settings, t)
    # A thread's title stays with its first post, across the poster's card: decided
    # after the clusters, which would part it from the post as an island of its own.
    for j in thread_title:
        if verdicts[first_good].keep:
            verdicts[j] = Verdict(True, "content:heading", max(_SCORES[classes[j]], 0.55))
    if settings.keep_citations:
        _keep_citations(features, reasons, verdicts)
    return verdicts


#: a section heading is a short label: no sentence, no list item
SECTION_HEADING_MAX_WORDS = 8
_SECTION_HEADING_END = frozenset(".,;:!")


def _keep_hatnote_headings(features: list[BlockFeatures], classes: list[BlockClass],
                           reasons: list[str | None], verdicts: list[Verdict], first_good: int,
                           last_good: int) -> None:
    """Encyclopedic pages put a hatnote ("Main article: History of Lisbon", "See also:
    ...") right under a section heading: inside the article, the short label above one
    is that heading ("History"), not a menu's last item, which is how the context
    pass reads a lone short line after a table of contents or a caption."""
    for i in range(max(first_good, 1) + 1, last_good):
        if reasons[i] != "chrome:read-also":
            continue
        above = i - 1
        block = features[above]
        if verdicts[above].keep or classes[above] is BlockClass.BAD or reasons[above] is not None:
            continue
        text = block.text.rstrip()
        if 0 < block.words <= SECTION_HEADING_MAX_WORDS and text[-1:] not in _SECTION_HEADING_END \
                and not _BULLET_RE.match(text):
            verdicts[above] = Verdict(True, "content:heading", max(_SCORES[classes[above]], 0.55))


#: the marks a rendering sets before a list item
_BULLET = r"[*+•·–-]"
_BULLET_RE = re.compile(rf"^({_BULLET}) \S")


def is_list_item(text: str) -> bool:
    """Whether the block opens with a list item's mark ("* ", "- ", "• ")."""
    return _BULLET_RE.match(text.lstrip()) is not None


#: list items shorter than this are menu entries ("* About"), not points of a list
LIST_ITEM_MIN_WORDS = 3
#: the long item a list is kept for reads as a sentence, not as a title-cased headline
LIST_ANCHOR_MAX_CAPITALISED = 0.5


def _keep_whole_lists(features: list[BlockFeatures], classes: list[BlockClass],
                      verdicts: list[Verdict]) -> None:
    """A bulleted list whose long items are the article's prose is kept whole: its short
    items around them ("+ Added Slime Block" beside a two-line item) are points of it too.

    One pass over runs of items with the same marker, so a list of twenty thousand
    items costs no more than twenty thousand lines.
    """
    n = len(verdicts)
    markers = [m.group(1) if (m := _BULLET_RE.match(f.text)) else None for f in features]
    i = 0
    while i < n:
        marker = markers[i]
        if marker is None or classes[i] is BlockClass.BAD or features[i].words < LIST_ITEM_MIN_WORDS:
            i += 1
            continue
        run_end = i
        while run_end + 1 < n and markers[run_end + 1] == marker \
                and classes[run_end + 1] is not BlockClass.BAD \
                and features[run_end + 1].words >= LIST_ITEM_MIN_WORDS:
            run_end += 1
        # A title-cased item is a headline: a list of teasers, not of points.
        items = range(i, run_end + 1)
        if any(classes[j] is BlockClass.GOOD and verdicts[j].keep
               and features[j].capitalised_share < LIST_ANCHOR_MAX_CAPITALISED for j in items):
            for j in items:
                if not verdicts[j].keep:
                    verdicts[j] = Verdict(True, "content:list", 0.5)
        i = run_end + 1


#: a reference of a citation list: an encyclopedia's backlink caret or a note number
#: (after a list's number or bullet, as text renderings print them), or the marks of a
#: cited work (a retrieval or access date, ISBN, DOI, an archived copy)
_CITATION_RE = re.compile(
    r"^\s*(?:[*+•-]\s+|\d{1,4}[.)]\s+)?(?:\^|\[\d{1,4}\])\s"
    r"|\b(?:retrieved|accessed|archived(?: from the original)?)(?: on)? (?:\d|[a-z]+ \d)"
    r"|\bisbn[ :-]*[\dx-]{10}|\bdoi:\s*10\.\d|\babgerufen am \d|\bconsulté le \d|\bconsultado el \d",
    re.IGNORECASE,
)
#: a citation list has at least this many references, and they make up this share of it
CITATIONS_MIN = 3
CITATIONS_MIN_SHARE = 0.6
#: the heading above the list ("References", "Notes", "Einzelnachweise")
CITATIONS_HEADING_MAX_WORDS = 3


#: words one of ``_CITATION_RE``'s marks holds, and the marks that open a reference:
#: substring tests take a fraction of the regular expression's time
_CITATION_WORDS = ("retrieved", "accessed", "archived", "isbn", "doi:", "abgerufen", "consulté", "consultado")
_CITATION_OPENERS = frozenset("^[")


def _cites(block: BlockFeatures) -> bool:
    head = block.text[:8]
    if _CITATION_OPENERS.isdisjoint(head) and not any(word in block.lower for word in _CITATION_WORDS):
        return False
    return bool(_CITATION_RE.search(block.text))


def _keep_citations(features: list[BlockFeatures], reasons: list[str | None],
                    verdicts: list[Verdict]) -> None:
    """An article's list of references is part of it (the readability and trafilatura
    extractions keep it): after the article's prose, a run of blocks that read as
    citations is kept with the short heading above it, though the context pass drops it
    as a cluster far from the prose or as text after a "See also" heading. Blocks a rule
    names chrome stay dropped."""
    n = len(verdicts)
    kept_prose = [i for i, v in enumerate(verdicts) if v.keep and v.reason == "content"]
    if not kept_prose:
        return
    i = kept_prose[0] + 1
    # Most pages cite nothing: one look at the whole rest of the page says so.
    rest = "\n".join(f.lower for f in features[i:])
    if "^" not in rest and "[" not in rest and not any(word in rest for word in _CITATION_WORDS):
        return
    cites = [False] * i + [_cites(f) for f in features[i:]]
    if sum(cites) < CITATIONS_MIN:
        return
    while i < n:
        if not cites[i]:
            i += 1
            continue
        # A run: references, with at most one other block between two of them (a
        # reference wrapped onto two lines, a sub-heading).
        end = i
        while end + 1 < n and (cites[end + 1] or (end + 2 < n and cites[end + 2])):
            end += 1 if cites[end + 1] else 2
        count = sum(cites[i:end + 1])
        if count >= CITATIONS_MIN and count >= CITATIONS_MIN_SHARE * (end + 1 - i):
            for j in range(i, end + 1):
                if not verdicts[j].keep and reasons[j] is None:
                    verdicts[j] = Verdict(True, "content:citations", 0.5)
            heading = i - 1
            if (not verdicts[heading].keep and reasons[heading] is None
                    and 0 < features[heading].words <= CITATIONS_HEADING_MAX_WORDS):
                verdicts[heading] = Verdict(True, "content:heading", 0.55)
        i = end + 1


def _is_article_head(features: list[BlockFeatures], classes: list[BlockClass], cluster: list[int],
                     body_start: int, t: Thresholds) -> bool:
    """Whether ``cluster``, kept text right before the article's body that starts at
    ``body_start``, is the article's head set apart from it by a box without prose:
    it opens with a headline, names an author or a date, and has a lead paragraph; and
    nothing between it and the body reads as prose."""
    first = cluster[0]
    return (
        body_start - cluster[-1] - 1 <= t.head_box_gap
        and classes[first] is not BlockClass.GOOD
        and _is_headline(features[first])
        and any(_is_article_metadata(features[i]) for i in cluster)
        and any(classes[i] is BlockClass.GOOD for i in cluster)
        and all(classes[i] is not BlockClass.GOOD for i in range(cluster[-1] + 1, body_start))
    )


#: a teaser's summary is a sentence or two; an article's sections run longer
TEASER_SUMMARY_MAX_WORDS = 60
TEASER_HEADLINE_MAX_WORDS = 20
TEASER_MIN_PAIRS = 3
TEASER_MIN_SHARE = 0.8
#: the article is the biggest cluster that is no teaser box, ticker or thread, if it holds
#: this share of the biggest one's prose
TEASER_ARTICLE_SHARE = 0.3
THREAD_MIN_MARKERS = 2
#: a post starts this close after a "Reply" button: its poster's name and date between
THREAD_MAX_GAP = 3


def _teaser_pair(features: list[BlockFeatures], classes: list[BlockClass], head: int, summary: int) -> bool:
    """Whether block ``head`` is a headline over ``summary``, a one-paragraph summary."""
    return (classes[head] is not BlockClass.GOOD and _is_headline(features[head])
            and features[head].words <= TEASER_HEADLINE_MAX_WORDS
            and classes[summary] is BlockClass.GOOD and features[summary].words <= TEASER_SUMMARY_MAX_WORDS)


def _dropped(verdict: Verdict, reason: str) -> Verdict:
    """A kept block of a cluster the context pass drops whole."""
    return Verdict(False, reason, min(verdict.score, 0.4))


def _reads_as_teasers(features: list[BlockFeatures], classes: list[BlockClass], cluster: list[int]) -> bool:
    """Whether ``cluster`` is a list of headlines, each over a one-paragraph summary:
    the "more from this site" box after (or before) an article."""
    pairs = 0
    j = 0
    while j + 1 < len(cluster):
        if _teaser_pair(features, classes, cluster[j], cluster[j + 1]):
            pairs += 1
            j += 2
        else:
            j += 1
    return pairs >= TEASER_MIN_PAIRS and 2 * pairs >= TEASER_MIN_SHARE * len(cluster)


#: a teaser's summary is this much shorter than the article's own paragraphs
TEASER_TAIL_LENGTH_RATIO = 0.6


def _teaser_tail(features: list[BlockFeatures], classes: list[BlockClass], cluster: list[int]) -> list[int]:
    """The end of the article's cluster when it is a box of teasers printed right under
    the article: three or more headlines over summaries much shorter than the article's
    paragraphs, with more of the article's prose before them."""
    pairs = 0
    k = len(cluster)
    while k >= 2 and _teaser_pair(features, classes, cluster[k - 2], cluster[k - 1]):
        pairs += 1
        k -= 2
    if pairs < TEASER_MIN_PAIRS:
        return []
    body = [features[i].words for i in cluster[:k] if classes[i] is BlockClass.GOOD]
    summaries = [features[i].words for i in cluster[k + 1::2]]
    if sum(body) < sum(summaries) or not body:
        return []
    if sum(summaries) / len(summaries) > TEASER_TAIL_LENGTH_RATIO * sum(body) / len(body):
        return []
    return cluster[k:]


def _drop_teaser_tail(features: list[BlockFeatures], classes: list[BlockClass], verdicts: list[Verdict],
                      article: list[int], settings: ModeSettings) -> list[Verdict]:
    """``verdicts`` without the teaser box under the article (``_teaser_tail``), where
    the mode trims what lies outside the article."""
    result = list(verdicts)
    if settings.trim_outside_main:
        for i in _teaser_tail(features, classes, article):
            result[i] = _dropped(verdicts[i], "chrome:related")
    return result


_CLOCK_RE = re.compile(rf"^(?:{_BULLET} )?\d{{1,2}}[:h]\d{{2}}(?![\d:])")
FEED_MIN_ITEMS = 4
FEED_MIN_SHARE = 0.1


#: "5 minutes ago" in the languages of the rules: a feed's stamp, not an article's
_AGO_RE = re.compile(
    r"\b(?:\d+ (?:seconds?|minutes?|mins?|hours?|hrs?|days?) ago"
    r"|vor \d+ (?:sekunden|minuten|min\.?|stunden?|std\.?|tagen?)"
    r"|il y a \d+ (?:secondes?|minutes?|min|heures?|h|jours?)"
    r"|hace \d+ (?:segundos?|minutos?|min|horas?|h|días?)"
    r"|há \d+ (?:segundos?|minutos?|min|horas?|h|dias?)"
    r"|\d+ (?:secondi|minuti|ore|giorni) fa"
    r"|\d+ (?:seconden|minuten|uur|dagen) geleden"
    r"|před \d+ (?:vteřinami|sekundami|minutami|minutou|hodinami|hodinou|dny))\b")
#: a stamp line is the stamp and a word or two ("Updated 5 minutes ago")
STAMP_MAX_WORDS = 6


def _is_stamp(block: BlockFeatures) -> bool:
    if _CLOCK_RE.match(block.text):
        return True
    return block.words <= STAMP_MAX_WORDS and bool(_AGO_RE.search(block.lower))


def _reads_as_feed(features: list[BlockFeatures], cluster: list[int]) -> bool:
    """Whether ``cluster`` is a news ticker: its items open with the time they were
    posted ("14:44 Minister resigns", "5 minutes ago"); the stamps between the items
    count whether the context pass kept them or not."""
    first = cluster[0]
    # the first item's stamp may stand right above it, dropped as the page's repeat
    span = range(first - 1 if first > 0 and _is_stamp(features[first - 1]) else first, cluster[-1] + 1)
    stamped = sum(_is_stamp(features[i]) for i in span)
    return stamped >= FEED_MIN_ITEMS and stamped >= FEED_MIN_SHARE * len(span)


#: words the comment rule names that announce no thread alone on their line, where a
#: thread's heading is plural or counted ("12 Comments"): the button under each post of a
#: thread or a forum (a verb), and the singular noun, a newspaper's opinion section in its
#: menu or over a teaser ("Comment", "Kommentar") or a table's column
_NO_THREAD_WORDS = frozenset({
    "reply", "antworten", "répondre", "responder", "rispondi", "odpowiedz", "ответить", "reageer",
    "beantwoorden", "svara", "svar", "vastaa", "odpovědět", "yanıtla",
    "comment", "kommentar", "commentaire", "comentario", "comentário", "commento", "reactie", "komentarz",
    "kommentti", "komentář", "yorum",
    # the answer's noun: a reply's button, an FAQ's label, a technical text's heading
    # ("Response", over what an HTTP call returns)
    "response", "antwort", "réponse", "respuesta", "resposta", "risposta",
})


def _announces_no_thread(block: BlockFeatures) -> bool:
    return len(block.lower_tokens) == 1 and block.lower_tokens[0] in _NO_THREAD_WORDS


def _comment_threads(features: list[BlockFeatures], verdicts: list[Verdict],
                     clusters: list[list[int]]) -> list[bool]:
    """Which clusters are parts of a comment thread.

    Each post of a thread follows a "Reply" button or the thread's "12 comments"
    heading: a run of two or more clusters that each follow such a line is a thread,
    and so is one cluster with two of them inside.
    """
    def replies(start: int, end: int) -> int:
        # The comment rule's words turn up in code too ("response.status"): a button
        # or a heading is short and has no code signs.
        return sum(verdicts[i].reason == "chrome:comments" and features[i].words <= 4
                   and not _CODE_LINE_RE.search(features[i].text) for i in range(start, end))

    follows_reply = [index > 0 and replies(max(clusters[index - 1][-1] + 1, cluster[0] - THREAD_MAX_GAP),
                                           cluster[0]) > 0
                     for index, cluster in enumerate(clusters)]
    threads = [replies(cluster[0], cluster[-1] + 1) >= THREAD_MIN_MARKERS for cluster in clusters]
    start = 0
    while start < len(clusters):
        end = start
        while end < len(clusters) and follows_reply[end]:
            end += 1
        if end - start >= 2:
            threads[start:end] = [True] * (end - start)
        start = end + 1 if end == start else end
    return threads


#: a slide's counter opens its caption or stands alone: "12/50 Court halts trial", "3 of 8"
_SLIDE_COUNTER_RE = re.compile(rf"^(?:{_BULLET} )?(\d{{1,3}}) ?(?:/|of) ?(\d{{1,3}})(?=\s|$)")
#: a run this long of counters counting up is a slideshow, not a numbered list or a date
SLIDESHOW_MIN_SLIDES = 5


def _slideshows(features: list[BlockFeatures]) -> list[range]:
    """The spans of slideshows printed into a page: five or more slide counters
    ("7/50 ...") out of the same total, each one up from the last. The last slide runs
    as far as the longest slide before it."""
    spans: list[range] = []
    run: list[tuple[int, int, int]] = []

    def close() -> None:
        if len(run) >= SLIDESHOW_MIN_SLIDES:
            longest = max(b[0] - a[0] for a, b in itertools.pairwise(run))
            spans.append(range(run[0][0], min(len(features), run[-1][0] + longest)))

    for i, block in enumerate(features):
        match = _SLIDE_COUNTER_RE.match(block.text)
        if match is None:
            continue
        slide, total = int(match[1]), int(match[2])
        if not (run and slide == run[-1][1] + 1 and total == run[-1][2]):
            close()
            run = []
        run.append((i, slide, total))
    close()
    return spans


#: an article goes on around a slideshow set into it: this much prose on each side
SLIDESHOW_FLANK_WORDS = 50
#: a slideshow of other news shares few subject words with the article: this share of the
#: smaller vocabulary at most (0.16 and 0.17 in the two renderings of the one training page
#: with a slideshow inside its article, 0.11 for one of another article beside it)
SLIDESHOW_MAX_TOPIC_SHARE = 0.25
#: subject words are this long: most stopwords are shorter, and we have no list here
_SUBJECT_WORD_MIN_CHARS = 5


def _subject_words(features: list[BlockFeatures], blocks: Iterable[int]) -> set[str]:
    return set().union(*(subject_words(features[i], _SUBJECT_WORD_MIN_CHARS) for i in blocks))


def _drop_slideshows(features: list[BlockFeatures], classes: list[BlockClass], verdicts: list[Verdict],
                     settings: ModeSettings) -> None:
    """Drop a slideshow of other news beside or inside an article ("Business in
    pictures"): its captions share few subject words with the article, which holds a
    fair share of the slideshow's prose (as for teaser boxes) or goes on on both sides
    of it. A page that is mostly its slideshow keeps it, the slides are its article; so
    does an article with photos of its own story."""
    if not settings.trim_outside_main:
        return
    spans = _slideshows(features)
    if not spans:
        return
    # Sums and counts over the whole page once, so that many slideshows on one page
    # cost no more than one: a span's prose and vocabulary are read inside it only.
    prose = [c is BlockClass.GOOD and verdicts[i].keep for i, c in enumerate(classes)]
    words_before = list(itertools.accumulate((features[i].words if p else 0.0 for i, p in enumerate(prose)),
                                             initial=0.0))
    prose_words = [_subject_words(features, [i]) if p else set() for i, p in enumerate(prose)]
    blocks_using: Counter[str] = Counter(w for block_words in prose_words for w in block_words)
    for span in spans:
        before = words_before[span.start]
        own = words_before[span.stop] - before
        after = words_before[-1] - words_before[span.stop]
        beside = (before + after >= TEASER_ARTICLE_SHARE * own
                  or (before >= SLIDESHOW_FLANK_WORDS and after >= SLIDESHOW_FLANK_WORDS))
        if not own or not beside:
            continue
        inside: Counter[str] = Counter(w for i in span for w in prose_words[i])
        # the article's vocabulary: words its prose uses outside the slideshow
        article_size = len(blocks_using) - sum(1 for w, n in inside.items() if n == blocks_using[w])
        # the slides' headlines say most about them
        slides = _subject_words(features, (i for i in span if verdicts[i].keep))
        shared = sum(1 for w in slides if blocks_using[w] > inside[w])
        if shared > SLIDESHOW_MAX_TOPIC_SHARE * min(len(slides), article_size):
            continue
        for i in span:
            if verdicts[i].keep:
                verdicts[i] = _dropped(verdicts[i], "chrome:gallery")


#: a smaller cluster with this much prose is long enough to tell its subject ...
ISLAND_SUBJECT_MIN_WORDS = 60
#: ... and belongs to the article when this share of its subject words recurs in the
#: page's other kept text: a section cut off by a figure, an infobox or a table
ISLAND_SUBJECT_SHARE = 0.5


def _on_subject(features: list[BlockFeatures], classes: list[BlockClass],
                clusters: list[list[int]]) -> list[bool]:
    """Which clusters hold enough prose about what the page's other clusters say to be
    the article's own: its sections set apart by a figure, an infobox or a gallery,
    where a teaser, a comment or a notice talks of other things."""
    words = [_subject_words(features, [i for i in cluster if classes[i] is BlockClass.GOOD])
             for cluster in clusters]
    clusters_using: Counter[str] = Counter(w for cluster_words in words for w in cluster_words)
    result = []
    for cluster, own in zip(clusters, words, strict=True):
        prose = sum(features[i].words for i in cluster if classes[i] is BlockClass.GOOD)
        shared = sum(1 for w in own if clusters_using[w] > 1)
        result.append(prose >= ISLAND_SUBJECT_MIN_WORDS and shared >= ISLAND_SUBJECT_SHARE * len(own))
    return result


#: a menu lists at least this many entries, this share of them a word or three long
MENU_MIN_BLOCKS = 4
MENU_MIN_LABEL_SHARE = 1 / 3
MENU_LABEL_MAX_WORDS = 3


def _reads_as_menu(features: list[BlockFeatures], classes: list[BlockClass], cluster: list[int]) -> bool:
    """Whether ``cluster``, kept text before the article, reads as a site's menu rather
    than the article's head: many of its entries are labels ("Life", "Business"), the
    rest other articles' headlines, and none of its prose ends as a sentence does."""
    if len(cluster) < MENU_MIN_BLOCKS:
        return False
    labels = sum(features[i].words <= MENU_LABEL_MAX_WORDS for i in cluster)
    if labels < MENU_MIN_LABEL_SHARE * len(cluster):
        return False
    return not any(classes[i] is BlockClass.GOOD and features[i].ends_with_punctuation for i in cluster)


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
    smaller than it is a secondary island and goes, unless it has prose on the subject
    of the rest (``_on_subject``: a section set apart by a figure). A box of teasers, a news ticker and
    a comment thread are no article however long (``_reads_as_teasers``,
    ``_reads_as_feed``, ``_comment_threads``): they go when another cluster reads as one.
    """
    good_words = [features[i].words if c is BlockClass.GOOD else 0.0 for i, c in enumerate(classes)]
    total_good = sum(good_words) or 1.0
    seen_good = 0.0
    clusters: list[list[int]] = []
    announced: list[bool] = []
    gap = t.cluster_gap + 1
    marker = False
    for i, verdict in enumerate(verdicts):
        seen_good += good_words[i]
        if verdict.keep:
            if gap > t.cluster_gap or marker or not clusters:
                clusters.append([])
                announced.append(marker)
            clusters[-1].append(i)
            gap = 0
            marker = False
        else:
            if verdict.reason not in _GAP_NEUTRAL:
                gap += 1
            # Only a heading after most of the article announces its end; a table of
            # contents or an inline "See also: ..." near the top does not.
            # A comment form's heading runs a little longer than a related-posts one:
            # "Leave a comment Cancel reply".
            # A post's reply button belongs to the post above it: in a forum thread
            # the next post is no less the page's text than the last. "Comment" alone
            # names a section of the site or a table's column, not a thread.
            marker = marker or (
                verdict.reason in _SECTION_MARKERS
                and features[i].words <= _SECTION_MARKER_MAX_WORDS[verdict.reason]
                and seen_good >= t.marker_after_share * total_good
                and not _announces_no_thread(features[i])
            )
    if len(clusters) < 2:
        return _drop_teaser_tail(features, classes, verdicts, clusters[0], settings) if clusters else verdicts
    weights = [
        sum(features[i].words for i in cluster if classes[i] is BlockClass.GOOD) for cluster in clusters
    ]
    # teaser boxes and tickers: other articles' headlines, named alike
    teasers = [_reads_as_teasers(features, classes, cluster) or _reads_as_feed(features, cluster)
               for cluster in clusters]
    threads = _comment_threads(features, verdicts, clusters)
    # A box of teasers or a comment thread can outweigh a short article; the article is
    # then the biggest cluster that reads as running text, if it has a fair share of
    # the prose.
    article_weights = [0 if teaser or thread else weight
                       for teaser, thread, weight in zip(teasers, threads, weights, strict=True)]
    main = max(weights)
    main_index = weights.index(main)
    if max(article_weights) >= TEASER_ARTICLE_SHARE * main:
        main = max(article_weights)
        main_index = article_weights.index(main)
    # A comment thread runs on to the page's foot in many small clusters: all of them
    # follow the heading that announced the first, until a big cluster breaks the chain.
    following = False
    for index, weight in enumerate(weights):
        if announced[index]:
            following = True
        elif following and weight < t.announced_chain_share * main:
            announced[index] = True
        else:
            following = False
    # The article's lead, split from its body by a photo, its caption and credit: a
    # cluster right before the next one on the way to the article belongs to it.
    # Further off, across a box without prose (a paywall's offer), only the article's
    # own head right before the body does.
    leads = set()
    for index in range(main_index - 1, -1, -1):
        if announced[index + 1]:
            break
        if clusters[index + 1][0] - clusters[index][-1] - 1 > settings.lead_gap:
            if index == main_index - 1 and _is_article_head(features, classes, clusters[index],
                                                            clusters[index + 1][0], t):
                leads.add(index)
            break
        # Nor past the site's menu: a box of labels and other articles' headlines.
        if _reads_as_menu(features, classes, clusters[index]):
            break
        if weights[index] > 0:
            leads.add(index)
    # whether a cluster is on the article's subject, asked only of one about to be dropped
    on_subject: list[bool] | None = None
    result = _drop_teaser_tail(features, classes, verdicts, clusters[main_index], settings)
    for index, (cluster, weight, after_marker) in enumerate(zip(clusters, weights, announced, strict=True)):
        if teasers[index] and index != main_index and index not in leads and settings.trim_outside_main:
            for i in cluster:
                result[i] = _dropped(verdicts[i], "chrome:related")
            continue
        if threads[index] and index > main_index and not threads[main_index] and settings.trim_outside_main:
            for i in cluster:
                result[i] = _dropped(verdicts[i], "chrome:comments")
            continue
        # Text announced by "Related stories" or "12 Comments" is not the article
        # unless it is the biggest part of the page.
        limit = 1.0 if after_marker and settings.trim_outside_main else settings.min_cluster_share
        if weight < limit * main and index not in leads:
            if not after_marker:
                if on_subject is None:
                    on_subject = _on_subject(features, classes, clusters)
                if on_subject[index]:
                    continue
            for i in cluster:
                result[i] = _dropped(verdicts[i], "chrome:island")
    return result
