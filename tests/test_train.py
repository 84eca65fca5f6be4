"""`cleaner train`: a model trained on examples changes decisions the way they ask."""

from __future__ import annotations

import json
import random
from pathlib import Path

from cleaner import Cleaner
from tests.conftest import run_cli

WORDS = ["river", "council", "plan", "school", "market", "harbour", "storm", "budget", "library",
         "museum", "station", "road", "bridge", "garden", "teacher", "doctor", "family", "season",
         "winter", "summer", "village", "city", "report", "water", "energy"]


def _paragraph(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(28, 45))]
    return ("The " + " and the ".join(" ".join(words[i:i + 4]) for i in range(0, len(words), 4))
            + " were discussed in the meeting on Monday.")


def _label(rng: random.Random) -> str:
    """A short line between paragraphs: rules keep it as a heading, these users do not."""
    return " ".join(rng.choice(WORDS).title() for _ in range(3))


def _page(rng: random.Random) -> tuple[str, str, list[str]]:
    paragraphs = [_paragraph(rng) for _ in range(6)]
    labels = [_label(rng) for _ in range(3)]
    raw = [paragraphs[0], paragraphs[1], labels[0], paragraphs[2], paragraphs[3], labels[1], paragraphs[4],
           labels[2], paragraphs[5]]
    return "\n".join(raw) + "\n", "\n".join(paragraphs) + "\n", labels


def test_training_round_trip(tmp_path: Path) -> None:
    rng = random.Random(3)
    folder = tmp_path / "examples"
    folder.mkdir()
    for number in range(25):
        raw, clean, _ = _page(rng)
        (folder / f"p{number}.raw.txt").write_text(raw, encoding="utf-8")
        (folder / f"p{number}.clean.txt").write_text(clean, encoding="utf-8")
    model_path = tmp_path / "model.json"
    result = run_cli("train", str(folder), "-o", str(model_path), "--language", "en")
    assert result.returncode == 0, result.stderr
    assert json.loads(model_path.read_text(encoding="utf-8"))["format"] == "cleaner-line-model/1"

    raw, clean, labels = _page(random.Random(99))  # a page the model never saw
    by_rules = Cleaner(language="en", repair=False).clean(raw)
    by_model = Cleaner(language="en", repair=False, model=model_path).clean(raw)
    assert all(label in by_rules for label in labels)  # the rules keep the labels ...
    assert not any(label in by_model for label in labels)  # ... the trained model drops them
    assert by_model.rstrip("\n").split("\n\n") == clean.strip().split("\n")  # every paragraph stays

    page = tmp_path / "page.txt"
    page.write_text(raw, encoding="utf-8")
    cli = run_cli(str(page), "--model", str(model_path), "--language", "en", "--no-repair")
    assert cli.returncode == 0 and cli.stdout.decode("utf-8") == by_model


def test_training_from_jsonl_and_bad_examples(tmp_path: Path) -> None:
    rng = random.Random(5)
    records = []
    for number in range(12):
        raw, clean, _ = _page(rng)
        records.append(json.dumps({"id": number, "raw": raw, "clean": clean}))
    examples = tmp_path / "examples.jsonl"
    examples.write_text("\n".join(records) + "\n", encoding="utf-8")
    assert run_cli("train", str(examples), "-o", str(tmp_path / "m.json")).returncode == 0
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"raw": "x"}\n', encoding="utf-8")
    result = run_cli("train", str(broken), "-o", str(tmp_path / "m2.json"))
    assert result.returncode == 1 and b"needs string fields" in result.stderr
    result = run_cli("--model", str(broken), input_text="text")
    assert result.returncode == 1 and b"not a usable cleaner model" in result.stderr
    # JSON that Python itself refuses (found by fuzzing the record reader): a clear error.
    refusals = (("long.jsonl", '{"raw": ' + "7" * 5000 + ', "clean": "x"}'), ("deep.jsonl", "[" * 100_000))
    for name, line in refusals:
        refused = tmp_path / name
        refused.write_text(line + "\n", encoding="utf-8")
        result = run_cli("train", str(refused), "-o", str(tmp_path / "m3.json"))
        assert result.returncode == 1 and b"not JSON" in result.stderr and b"Traceback" not in result.stderr
    result = run_cli("--model", str(tmp_path / "deep.jsonl"), input_text="text")
    assert result.returncode == 1 and b"not a usable cleaner model" in result.stderr
