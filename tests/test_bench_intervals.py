"""bench/boilerplate.py's intervals: pages drawn with replacement, every system on the same draw."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from boilerplate import Score, bootstrap, interval, resample


def _score(readability: list[tuple[str, str]], snippets: list[tuple[str, dict[str, list[str]]]]) -> Score:
    score = Score()
    for output, gold in readability:
        score.add_readability(output, gold)
    for output, truth in snippets:
        score.add_snippets(output, truth)
    return score


GOLD = ["the cat sat on the mat", "a dog ran far away today", "rain fell all night long", "short"]
TRUTH = [{"with": ["cat sat"], "without": ["Subscribe now"]},
         {"with": ["dog ran", "far away"], "without": ["Cookie settings"]},
         {"with": ["rain fell"], "without": ["Share this"]}]


def _weaker() -> Score:
    """Worse than the gold on every page: chrome kept, an article word lost."""
    return _score([(g.rsplit(" ", 1)[0] + " menu home login", g) for g in GOLD],
                  [("cat sat Subscribe now", TRUTH[0]), ("dog ran Cookie settings", TRUTH[1]),
                   ("Share this", TRUTH[2])])


def _perfect() -> Score:
    return _score([(g, g) for g in GOLD], [(" ".join(t["with"]), t) for t in TRUTH])


def test_drawing_every_page_once_gives_the_whole_score() -> None:
    score = _weaker()
    drawn = resample(score, list(range(len(GOLD))), list(range(len(TRUTH))))
    assert drawn.readability_prf() == pytest.approx(score.readability_prf())
    assert drawn.snippet_prf() == pytest.approx(score.snippet_prf())
    assert (drawn.tp, drawn.fp, drawn.fn) == (score.tp, score.fp, score.fn) == (2, 3, 2)


def test_a_page_drawn_twice_counts_twice() -> None:
    score = _weaker()
    drawn = resample(score, [0, 0], [1, 1])
    assert (drawn.tp, drawn.fp, drawn.fn) == (2, 2, 2)
    assert drawn.readability_prf()[0] == pytest.approx(score.readability_pages[0][0])


def test_an_empty_output_has_no_precision_but_counts_for_recall() -> None:
    score = _score([("", "some gold words"), ("some gold words", "some gold words")], [])
    assert score.readability_pages[0] == (None, 0.0)
    drawn = resample(score, [0, 1], [])
    assert drawn.readability_prf()[:2] == pytest.approx((1.0, 0.5))


def test_draws_are_seeded_and_paired() -> None:
    scores = [(_weaker(), _weaker()), (_perfect(), _perfect())]
    first = bootstrap(scores, 50, seed=3)
    assert first == bootstrap(scores, 50, seed=3)
    assert first != bootstrap(scores, 50, seed=4)
    # The same system twice: every draw scores both alike, so their difference is nil.
    same = bootstrap([(_weaker(), _weaker()), (_weaker(), _weaker())], 50, seed=3)
    assert all(a == b for a, b in same)
    # Better on every page: better on every draw.
    assert interval([draw[1][0] - draw[0][0] for draw in first])[0] > 0
    assert interval([draw[1][3] - draw[0][3] for draw in first])[0] > 0


def test_the_spread_of_the_figures_is_reported() -> None:
    draws = bootstrap([(_weaker(), _weaker())], 200, seed=1)
    for m, whole in enumerate((_weaker().readability_prf()[2], *_weaker().snippet_prf())):
        low, high = interval([draw[0][m] for draw in draws])
        assert low < whole < high


def test_systems_scored_on_other_pages_are_refused() -> None:
    fewer = _score([(GOLD[0], GOLD[0])], [])
    with pytest.raises(ValueError, match="same pages"):
        bootstrap([(_weaker(), _weaker()), (fewer, _weaker())], 10, seed=0)


def test_interval_takes_the_middle_of_the_values() -> None:
    assert interval([float(v) for v in range(1001)]) == (25.0, 975.0)
