"""The trained line classifier: features of a block in its page, and a small MLP.

The rules and the context pass stay: their verdicts are features here, with the
block's own signals, its position in the page, the same signals of its neighbours and
how much of its vocabulary the page's prose shares (an article's paragraphs talk about
the same things; a teaser for another story, an author's bio or a shop's blurb do not).
It also reads the words of each block against a lexicon of chrome's words learned with
it (``cleaner.chrome.lexical``). The model learns when to trust the rules, and overrules
them only when it is sure (``LineModel.margins``). Inference is plain numpy; the weights are a small JSON file
written by ``cleaner train``, or by ``scripts/train_model.py`` on the dev pages for the
model shipped in the package.
"""

from __future__ import annotations

import functools
import json
import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from cleaner.chrome.context import BlockClass
from cleaner.chrome.features import BlockFeatures, subject_words
from cleaner.chrome.lexical import LEXICAL_FEATURES, lexical_columns
from cleaner.config import Mode
from cleaner.document import Verdict
from cleaner.io import CleanerError

FloatArray = npt.NDArray[np.float64]

#: the verdict reasons and rule families the model sees as one-hot features
REASONS = (
    "content", "content:heading", "content:context", "content:list",
    "chrome:context", "chrome:page-edge", "chrome:island", "chrome:repeated",
    "chrome:donation", "chrome:newsletter", "chrome:subscribe", "chrome:login", "chrome:cookie",
    "chrome:ad", "chrome:shop", "chrome:nav", "chrome:breadcrumb", "chrome:share", "chrome:related",
    "chrome:comments", "chrome:tags", "chrome:credit", "chrome:post-meta", "chrome:embed",
    "chrome:copyright", "chrome:legal", "chrome:link",
)
_REASON_INDEX = {reason: i for i, reason in enumerate(REASONS)}
# Reasons added after the feature layout was fixed share the slot of their family, so
# models trained before keep loading.
_REASON_INDEX["chrome:read-also"] = _REASON_INDEX["chrome:related"]
_REASON_INDEX["content:code"] = _REASON_INDEX["content:list"]
_REASON_INDEX["chrome:caption"] = _REASON_INDEX["chrome:credit"]
_REASON_INDEX["chrome:teaser"] = _REASON_INDEX["chrome:related"]
_REASON_INDEX["chrome:server-error"] = _REASON_INDEX["chrome:embed"]
_REASON_INDEX["chrome:app"] = _REASON_INDEX["chrome:newsletter"]
_REASON_INDEX["content:citations"] = _REASON_INDEX["content:list"]
_REASON_INDEX["chrome:gallery"] = _REASON_INDEX["chrome:related"]
_CLASSES = (BlockClass.BAD, BlockClass.SHORT, BlockClass.NEAR, BlockClass.GOOD)
NEIGHBOUR_OFFSETS = (-3, -2, -1, 1, 2, 3)
_OWN = ("log_words", "log_chars", "stopword_share", "ends_with_punctuation", "capitalised_share",
        "digit_share", "alpha_share", "has_url", "uppercase", "log_repeats")
_NEIGHBOUR = ("log_words", "stopword_share", "kept", "good", "bad")
_POSITION = ("relative_position", "log_from_start", "log_from_end", "inside_main", "log_to_good",
             "log_blocks", "page_good_share")
_TOPIC = ("topic_share", "topic_share_before", "topic_share_after", "no_topic_words")
#: words shorter than this say little about a text's subject ("that", "with" in languages
#: without a stopword list, numbers' remains)
TOPIC_WORD_MIN_CHARS = 4

FEATURE_NAMES: tuple[str, ...] = (
    *_OWN,
    *(f"class:{c.value}" for c in _CLASSES),
    *(f"verdict:{r}" for r in REASONS),
    "verdict_keep", "verdict_score",
    *_POSITION,
    *(f"n{o:+d}:{name}" for o in NEIGHBOUR_OFFSETS for name in _NEIGHBOUR),
    *_TOPIC,
    *LEXICAL_FEATURES,
)
#: where the lexical features lie in a row: last, so training can fill them in afterwards
LEXICAL_COLUMNS = slice(len(FEATURE_NAMES) - len(LEXICAL_FEATURES), None)
MODEL_FORMAT = "cleaner-line-model/3"
#: formats read: the older ones' files fail on their features, with a message that says so
_FORMATS = ("cleaner-line-model/1", "cleaner-line-model/2", MODEL_FORMAT)


def _own(f: BlockFeatures, repeats: int) -> list[float]:
    return [math.log1p(f.words), math.log1p(f.chars), f.stopword_share, float(f.ends_with_punctuation),
            f.capitalised_share, f.digit_share, f.alpha_share, float(f.url_count > 0), float(f.uppercase),
            math.log1p(repeats - 1)]


def topic_shares(features: list[BlockFeatures], classes: list[BlockClass], verdicts: list[Verdict],
                 stopwords: frozenset[str]) -> list[float | None]:
    """For each block, the share of its subject words (no stopwords, no numbers, four
    letters or more) that the page's kept prose uses in its other paragraphs; None for a
    block without any, or with no other paragraph to compare with (a kept paragraph is
    compared with the others, not with itself)."""
    words = [subject_words(f, TOPIC_WORD_MIN_CHARS, stopwords) for f in features]
    prose = [cls is BlockClass.GOOD and verdict.keep for cls, verdict in zip(classes, verdicts, strict=True)]
    paragraphs = sum(prose)
    used: Counter[str] = Counter()
    for block_words, is_prose in zip(words, prose, strict=True):
        if is_prose:
            used.update(block_words)
    shares: list[float | None] = []
    for block_words, is_prose in zip(words, prose, strict=True):
        own = 1 if is_prose else 0
        if not block_words or paragraphs - own == 0:
            shares.append(None)
            continue
        shares.append(sum(1 for w in block_words if used[w] > own) / len(block_words))
    return shares


def page_features(features: list[BlockFeatures], classes: list[BlockClass],
                  verdicts: list[Verdict], stopwords: frozenset[str] = frozenset(),
                  lexicon: Mapping[str, float] | None = None) -> FloatArray:
    """One row per block: own signals, rule and context verdicts, position, neighbours,
    the block's share of the page's subject words (``topic_shares``) and what the
    ``lexicon`` makes of its words (zeros without one)."""
    n = len(features)
    if n == 0:
        return np.zeros((0, len(FEATURE_NAMES)))
    keys = [" ".join(f.lower.split()) for f in features]
    repeats = Counter(keys)
    good = [i for i, c in enumerate(classes) if c is BlockClass.GOOD]
    first_good, last_good = (good[0], good[-1]) if good else (n, -1)
    good_words = sum(features[i].words for i in good)
    all_words = sum(f.words for f in features) or 1.0
    # Column by column in numpy: a loop over blocks building each row took most of the
    # model's time on long pages.
    own = np.array([_own(f, repeats[key]) for f, key in zip(features, keys, strict=True)])
    class_index = {c: k for k, c in enumerate(_CLASSES)}
    class_onehot = np.eye(len(_CLASSES))[[class_index[c] for c in classes]]
    reason_onehot = np.zeros((n, len(REASONS)))
    reason_rows = [(i, _REASON_INDEX[v.reason]) for i, v in enumerate(verdicts) if v.reason in _REASON_INDEX]
    if reason_rows:
        reason_onehot[tuple(np.array(reason_rows).T)] = 1.0
    keep = np.array([float(v.keep) for v in verdicts])
    score = np.array([v.score for v in verdicts])
    index = np.arange(n, dtype=np.float64)
    # math.log1p, not numpy's: the same bits as the models were trained on
    log1p = np.array([math.log1p(i) for i in range(n + 1)])  # distances run up to n
    position = np.column_stack([
        index / max(1, n - 1), log1p[:n], log1p[n - 1::-1],
        ((first_good <= index) & (index <= last_good)).astype(np.float64),
        log1p[_distance_to(good, n)], np.full(n, log1p[n]), np.full(n, good_words / all_words),
    ])
    neighbour = np.column_stack([
        own[:, 0], np.array([f.stopword_share for f in features]), keep,
        (class_onehot[:, class_index[BlockClass.GOOD]]), (class_onehot[:, class_index[BlockClass.BAD]]),
    ])
    shares = topic_shares(features, classes, verdicts, stopwords)
    topic = np.array([-1.0 if share is None else share for share in shares])
    return np.column_stack([
        own, class_onehot, reason_onehot, keep, score, position,
        *(_shifted(neighbour, offset, 0.0) for offset in NEIGHBOUR_OFFSETS),
        topic, _shifted(topic, -1, -1.0), _shifted(topic, 1, -1.0), (topic < 0).astype(np.float64),
        lexical_columns([f.lower_tokens for f in features], lexicon or {}),
    ])


def _shifted(columns: FloatArray, offset: int, fill: float) -> FloatArray:
    """Row i holds row i + offset of ``columns``; ``fill`` past either end of the page."""
    shifted = np.full_like(columns, fill)
    n = len(columns)
    if abs(offset) < n:
        if offset > 0:
            shifted[:n - offset] = columns[offset:]
        else:
            shifted[-offset:] = columns[:n + offset]
    return shifted


def _distance_to(positions: list[int], n: int) -> list[int]:
    if not positions:
        return [n] * n
    distance = [n] * n
    for p in positions:
        distance[p] = 0
    for i in range(1, n):
        distance[i] = min(distance[i], distance[i - 1] + 1)
    for i in range(n - 2, -1, -1):
        distance[i] = min(distance[i], distance[i + 1] + 1)
    return distance


#: verdicts a model may leave to the rules (``LineModel.defers_to``): blocks a rule names
#: chrome (a pattern, a line the page or its site repeats), and headlines and section
#: headings the context pass keeps
NAMED_CHROME = "named-chrome"
HEADINGS = "headings"
#: a kept label this short, without a sentence's end, is a section heading ("Nutrition",
#: "What happens next")
SECTION_HEADING_WORDS = 4


def defers(kinds: frozenset[str], verdict: Verdict, rule: str | None, block: BlockFeatures) -> bool:
    """Whether a model deferring to ``kinds`` leaves the rules' verdict on a block alone:
    ``rule`` names the rule that called the block chrome, if one did."""
    if NAMED_CHROME in kinds and rule is not None:
        return True
    return HEADINGS in kinds and verdict.keep and (
        verdict.reason == "content:heading"
        or (block.words <= SECTION_HEADING_WORDS and not block.ends_with_punctuation))


def decide(probability: float, rules_keep: bool, threshold: float, margin: float) -> bool:
    """The rules' verdict stands unless the model's score lies beyond the threshold, on
    the other side, by more than the margin."""
    return probability >= threshold + margin or (rules_keep and probability >= threshold - margin)


@dataclass(frozen=True)
class LineModel:
    """A one-hidden-layer perceptron over standardised features, and how its scores
    become decisions in each mode (``keeps``)."""

    mean: FloatArray
    scale: FloatArray
    hidden_weights: FloatArray
    hidden_bias: FloatArray
    output_weights: FloatArray
    output_bias: float
    #: content probability a block needs to be kept, per mode
    thresholds: dict[str, float]
    #: per mode, how far past the threshold the model must be to overrule the rules and
    #: the context pass; 0 (the default) lets the model alone decide
    margins: dict[str, float] = field(default_factory=dict)
    #: per mode, the kinds of verdict left to the rules (NAMED_CHROME, HEADINGS); none by
    #: default: a model trained on a user's own pages decides every block
    defers_to: dict[str, frozenset[str]] = field(default_factory=dict)
    #: each known word's log-odds of chrome (``cleaner.chrome.lexical``); empty: the
    #: lexical features read zero
    lexicon: Mapping[str, float] = field(default_factory=dict)
    feature_names: tuple[str, ...] = FEATURE_NAMES

    def predict(self, rows: FloatArray) -> FloatArray:
        if rows.shape[0] == 0:
            return np.zeros(0)
        hidden = np.maximum(0.0, ((rows - self.mean) / self.scale) @ self.hidden_weights + self.hidden_bias)
        logits = hidden @ self.output_weights + self.output_bias
        return np.asarray(1.0 / (1.0 + np.exp(-np.clip(logits, -30, 30))), dtype=np.float64)

    def keeps(self, probability: float, rules_keep: bool, mode: str) -> bool:
        """Whether a block stays in ``mode`` (``decide``)."""
        return decide(probability, rules_keep, self.thresholds[mode], self.margins.get(mode, 0.0))

    def defers(self, verdict: Verdict, rule: str | None, block: BlockFeatures, mode: str) -> bool:
        """Whether this model leaves the rules' verdict on a block alone in ``mode`` (``defers_to``)."""
        return defers(self.defers_to.get(mode, frozenset()), verdict, rule, block)

    def with_decisions(self, thresholds: dict[str, float], margins: dict[str, float],
                       defers_to: dict[str, frozenset[str]]) -> LineModel:
        return replace(self, thresholds=thresholds, margins=margins, defers_to=defers_to)

    def with_lexicon(self, lexicon: Mapping[str, float]) -> LineModel:
        return replace(self, lexicon=lexicon)

    def to_json(self) -> str:
        payload: dict[str, Any] = {
            "format": MODEL_FORMAT,
            "feature_names": list(self.feature_names),
            "mean": _rounded(self.mean), "scale": _rounded(self.scale),
            "hidden_weights": _rounded(self.hidden_weights), "hidden_bias": _rounded(self.hidden_bias),
            "output_weights": _rounded(self.output_weights), "output_bias": round(self.output_bias, 6),
            "thresholds": self.thresholds, "margins": self.margins,
            "defers_to": {mode: sorted(kinds) for mode, kinds in self.defers_to.items()},
            "lexicon": dict(sorted(self.lexicon.items())),
        }
        return json.dumps(payload, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> LineModel:
        payload = json.loads(text)
        if not isinstance(payload, dict) or payload.get("format") not in _FORMATS:
            raise ValueError("not a cleaner line model")
        if tuple(payload["feature_names"]) != FEATURE_NAMES:
            raise ValueError("the model was trained on other features; train it again")
        model = cls(
            np.asarray(payload["mean"], dtype=np.float64), np.asarray(payload["scale"], dtype=np.float64),
            np.asarray(payload["hidden_weights"], dtype=np.float64),
            np.asarray(payload["hidden_bias"], dtype=np.float64),
            np.asarray(payload["output_weights"], dtype=np.float64), float(payload["output_bias"]),
            {k: float(v) for k, v in payload["thresholds"].items()},
            {k: float(v) for k, v in payload.get("margins", {}).items()},
            _deferrals(payload.get("defers_to", {})),
            _lexicon(payload.get("lexicon", {})),
        )
        model._check()
        return model

    def _check(self) -> None:
        """Refuse at load what would fail at the first page, or mean nothing: wrong shapes,
        a mode without a threshold, a deferral to no known kind of verdict."""
        width, hidden = len(FEATURE_NAMES), len(self.hidden_bias)
        shapes = (self.mean.shape, self.scale.shape, self.hidden_weights.shape, self.hidden_bias.shape,
                  self.output_weights.shape)
        if shapes != ((width,), (width,), (width, hidden), (hidden,), (hidden,)):
            raise ValueError("its weights do not fit together")
        missing = {mode.value for mode in Mode} - set(self.thresholds)
        if missing:
            raise ValueError(f"no threshold for the mode(s) {', '.join(sorted(missing))}")
        unknown = set().union(*self.defers_to.values()) - {NAMED_CHROME, HEADINGS}
        if unknown:
            raise ValueError(f"it defers to unknown kinds of verdict: {', '.join(sorted(unknown))}")

    @classmethod
    def load(cls, path: str | Path) -> LineModel:
        return cls.from_json(Path(path).read_text(encoding="utf-8"))


def _lexicon(value: Any) -> dict[str, float]:
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, (int, float))
                                              for k, v in value.items()):
        raise ValueError("its lexicon is not a table of words and numbers")
    return {k: float(v) for k, v in value.items()}


def _deferrals(value: Any) -> dict[str, frozenset[str]]:
    """``defers_to`` as written: per mode, or (the first files of this format) one list
    for every mode."""
    def kinds(listed: Any) -> frozenset[str]:
        if not isinstance(listed, list) or not all(isinstance(kind, str) for kind in listed):
            raise ValueError("defers_to holds something other than lists of names")
        return frozenset(listed)

    if isinstance(value, dict):
        return {str(mode): kinds(listed) for mode, listed in value.items()}
    everywhere = kinds(value)
    return {mode.value: everywhere for mode in Mode} if everywhere else {}


#: ``Cleaner(model=BUILTIN)``: the classifier shipped in the package, trained on the dev
#: pages by ``scripts/train_model.py`` (opt-in: it is not yet clearly better than the rules)
BUILTIN = "builtin"
#: ``Cleaner(model=RULES_ONLY)`` or None, the default: the rules and the context pass decide
RULES_ONLY = "none"


@functools.cache
def builtin_model() -> LineModel:
    """The shipped model, read once: it is data, like the word lists, and never changes."""
    return LineModel.from_json(resources.files("cleaner").joinpath("data/line_model.json").read_text("utf-8"))


def model_from(choice: LineModel | str | Path | None) -> LineModel | None:
    """A model object from what a caller names: a model, BUILTIN, RULES_ONLY / None, or a file."""
    if choice is None or isinstance(choice, LineModel):
        return choice
    if isinstance(choice, str) and choice in (BUILTIN, RULES_ONLY):
        return builtin_model() if choice == BUILTIN else None
    return load_model(choice)


def load_model(path: str | Path) -> LineModel:
    """A model file written by ``cleaner train``, with a clear error when it is not one."""
    try:
        return LineModel.load(path)
    except FileNotFoundError:
        raise CleanerError(f"{path}: no such model file") from None
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, RecursionError) as exc:
        raise CleanerError(f"{path}: not a usable cleaner model ({exc})") from None


def _rounded(array: FloatArray) -> Any:
    return np.round(array, 6).tolist()


def average_logits(members: list[LineModel]) -> LineModel:
    """One perceptron whose output is the mean of the members' logits: their hidden
    units side by side, each member's output weights divided by their number. The
    members must share the input scaling (trained on the same rows)."""
    first = members[0]
    if any(not (np.array_equal(m.mean, first.mean) and np.array_equal(m.scale, first.scale))
           for m in members):
        raise ValueError("members scale their inputs differently")
    count = len(members)
    return LineModel(
        first.mean, first.scale,
        np.hstack([m.hidden_weights for m in members]), np.concatenate([m.hidden_bias for m in members]),
        np.concatenate([m.output_weights for m in members]) / count,
        float(sum(m.output_bias for m in members) / count),
        dict(first.thresholds), dict(first.margins), dict(first.defers_to), first.lexicon,
    )


def train(rows: FloatArray, labels: npt.NDArray[np.int8], weights: FloatArray | None = None, *,
          hidden: int = 32, epochs: int = 400, learning_rate: float = 0.01, l2: float = 1e-4,
          seed: int = 7, thresholds: dict[str, float] | None = None,
          margins: dict[str, float] | None = None) -> LineModel:
    """Fit the perceptron with full-batch Adam on weighted log loss. Deterministic for a seed."""
    rng = np.random.default_rng(seed)
    x = np.asarray(rows, dtype=np.float64)
    y = np.asarray(labels, dtype=np.float64)
    w = np.ones_like(y) if weights is None else np.asarray(weights, dtype=np.float64)
    w = w / w.mean()
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-6] = 1.0
    z = (x - mean) / scale
    params = [rng.normal(0, math.sqrt(2 / z.shape[1]), (z.shape[1], hidden)), np.zeros(hidden),
              rng.normal(0, math.sqrt(1 / hidden), hidden), np.zeros(1)]
    moments = [np.zeros_like(p) for p in params]
    velocities = [np.zeros_like(p) for p in params]
    for step in range(1, epochs + 1):
        pre = z @ params[0] + params[1]
        act = np.maximum(0.0, pre)
        logits = act @ params[2] + params[3][0]
        prob = 1.0 / (1.0 + np.exp(-np.clip(logits, -30, 30)))
        delta = w * (prob - y) / len(y)
        grads = [np.zeros(0)] * 4
        grads[2] = act.T @ delta + l2 * params[2]
        grads[3] = np.array([delta.sum()])
        back = np.outer(delta, params[2]) * (pre > 0)
        grads[0] = z.T @ back + l2 * params[0]
        grads[1] = back.sum(axis=0)
        for k, (param, grad) in enumerate(zip(params, grads, strict=True)):
            moments[k] = 0.9 * moments[k] + 0.1 * grad
            velocities[k] = 0.999 * velocities[k] + 0.001 * grad * grad
            m_hat = moments[k] / (1 - 0.9 ** step)
            v_hat = velocities[k] / (1 - 0.999 ** step)
            params[k] = param - learning_rate * m_hat / (np.sqrt(v_hat) + 1e-8)
    return LineModel(mean, scale, params[0], params[1], params[2], float(params[3][0]),
                     thresholds or {"precision": 0.7, "balanced": 0.5, "recall": 0.3}, margins or {})
