"""The trained line classifier: features of a block in its page, and a small MLP.

The rules and the context pass stay: their verdicts are features here, with the
block's own signals, its position in the page and the same signals of its neighbours.
The model learns when to trust them. Inference is plain numpy; the weights are a small
JSON file written by ``cleaner train`` (or ``scripts/train_model.py`` on the dev pages).
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from cleaner.chrome.context import BlockClass
from cleaner.chrome.features import BlockFeatures
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
_CLASSES = (BlockClass.BAD, BlockClass.SHORT, BlockClass.NEAR, BlockClass.GOOD)
NEIGHBOUR_OFFSETS = (-3, -2, -1, 1, 2, 3)
_OWN = ("log_words", "log_chars", "stopword_share", "ends_with_punctuation", "capitalised_share",
        "digit_share", "alpha_share", "has_url", "uppercase", "log_repeats")
_NEIGHBOUR = ("log_words", "stopword_share", "kept", "good", "bad")
_POSITION = ("relative_position", "log_from_start", "log_from_end", "inside_main", "log_to_good",
             "log_blocks", "page_good_share")

FEATURE_NAMES: tuple[str, ...] = (
    *_OWN,
    *(f"class:{c.value}" for c in _CLASSES),
    *(f"verdict:{r}" for r in REASONS),
    "verdict_keep", "verdict_score",
    *_POSITION,
    *(f"n{o:+d}:{name}" for o in NEIGHBOUR_OFFSETS for name in _NEIGHBOUR),
)


def _own(f: BlockFeatures, repeats: int) -> list[float]:
    return [math.log1p(f.words), math.log1p(f.chars), f.stopword_share, float(f.ends_with_punctuation),
            f.capitalised_share, f.digit_share, f.alpha_share, float(f.url_count > 0), float(f.uppercase),
            math.log1p(repeats - 1)]


def page_features(features: list[BlockFeatures], classes: list[BlockClass],
                  verdicts: list[Verdict]) -> FloatArray:
    """One row per block: own signals, rule and context verdicts, position, neighbours."""
    n = len(features)
    if n == 0:
        return np.zeros((0, len(FEATURE_NAMES)))
    keys = [" ".join(f.lower.split()) for f in features]
    repeats = Counter(keys)
    good = [i for i, c in enumerate(classes) if c is BlockClass.GOOD]
    first_good, last_good = (good[0], good[-1]) if good else (n, -1)
    good_words = sum(features[i].words for i in good)
    all_words = sum(f.words for f in features) or 1.0
    distance_to_good = _distance_to(good, n)
    rows = np.zeros((n, len(FEATURE_NAMES)))
    for i, (f, cls, verdict) in enumerate(zip(features, classes, verdicts, strict=True)):
        row: list[float] = _own(f, repeats[keys[i]])
        row += [float(cls is c) for c in _CLASSES]
        onehot = [0.0] * len(REASONS)
        if verdict.reason in _REASON_INDEX:
            onehot[_REASON_INDEX[verdict.reason]] = 1.0
        row += onehot
        row += [float(verdict.keep), verdict.score]
        row += [i / max(1, n - 1), math.log1p(i), math.log1p(n - 1 - i),
                float(first_good <= i <= last_good), math.log1p(distance_to_good[i]), math.log1p(n),
                good_words / all_words]
        for offset in NEIGHBOUR_OFFSETS:
            j = i + offset
            if 0 <= j < n:
                g = features[j]
                row += [math.log1p(g.words), g.stopword_share, float(verdicts[j].keep),
                        float(classes[j] is BlockClass.GOOD), float(classes[j] is BlockClass.BAD)]
            else:
                row += [0.0, 0.0, 0.0, 0.0, 0.0]
        rows[i] = row
    return rows


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


@dataclass(frozen=True)
class LineModel:
    """A one-hidden-layer perceptron over standardised features."""

    mean: FloatArray
    scale: FloatArray
    hidden_weights: FloatArray
    hidden_bias: FloatArray
    output_weights: FloatArray
    output_bias: float
    #: content probability a block needs to be kept, per mode
    thresholds: dict[str, float]
    feature_names: tuple[str, ...] = FEATURE_NAMES

    def predict(self, rows: FloatArray) -> FloatArray:
        if rows.shape[0] == 0:
            return np.zeros(0)
        hidden = np.maximum(0.0, ((rows - self.mean) / self.scale) @ self.hidden_weights + self.hidden_bias)
        logits = hidden @ self.output_weights + self.output_bias
        return np.asarray(1.0 / (1.0 + np.exp(-np.clip(logits, -30, 30))), dtype=np.float64)

    def to_json(self) -> str:
        payload: dict[str, Any] = {
            "format": "cleaner-line-model/1",
            "feature_names": list(self.feature_names),
            "mean": _rounded(self.mean), "scale": _rounded(self.scale),
            "hidden_weights": _rounded(self.hidden_weights), "hidden_bias": _rounded(self.hidden_bias),
            "output_weights": _rounded(self.output_weights), "output_bias": round(self.output_bias, 6),
            "thresholds": self.thresholds,
        }
        return json.dumps(payload, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> LineModel:
        payload = json.loads(text)
        if payload.get("format") != "cleaner-line-model/1":
            raise ValueError("not a cleaner line model")
        if tuple(payload["feature_names"]) != FEATURE_NAMES:
            raise ValueError("the model was trained on other features; train it again")
        return cls(
            np.asarray(payload["mean"]), np.asarray(payload["scale"]),
            np.asarray(payload["hidden_weights"]), np.asarray(payload["hidden_bias"]),
            np.asarray(payload["output_weights"]), float(payload["output_bias"]),
            {k: float(v) for k, v in payload["thresholds"].items()},
        )

    @classmethod
    def load(cls, path: str | Path) -> LineModel:
        return cls.from_json(Path(path).read_text(encoding="utf-8"))


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


def train(rows: FloatArray, labels: npt.NDArray[np.int8], weights: FloatArray | None = None, *,
          hidden: int = 32, epochs: int = 400, learning_rate: float = 0.01, l2: float = 1e-4,
          seed: int = 7, thresholds: dict[str, float] | None = None) -> LineModel:
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
                     thresholds or {"precision": 0.7, "balanced": 0.5, "recall": 0.3})
