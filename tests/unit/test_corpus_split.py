"""The real-text corpus: published statements with their sources, and a frozen test split."""

from __future__ import annotations

import importlib.util
import sys
import tomllib
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT / "tests" / "corpus" / "real"
LAYERS = ("values", "vision", "mission", "strategy", "objectives", "execution")


def _benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "bench_analysis", ROOT / "benchmarks" / "analysis.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("folder", [REAL, REAL / "batch2"], ids=["batch1", "batch2"])
def test_each_language_has_enough_real_statements_from_enough_organisations(folder: Path) -> None:
    for lang in ("en", "fr"):
        data = tomllib.loads((folder / f"{lang}.toml").read_text("utf-8"))
        items = data["item"]
        assert data["lang"] == lang
        assert len(items) >= 240
        orgs = Counter(i["org"] for i in items)
        assert len(orgs) >= 60 and max(orgs.values()) <= 8
        ids = [i["id"] for i in items]
        assert len(set(ids)) == len(ids)
        for item in items:
            assert item["label"] in ("vague", "specific"), item["id"]
            assert item["layer"] in LAYERS, item["id"]
            assert item["source"].startswith("http"), item["id"]
            assert item["text"].strip() and item["reason"].strip(), item["id"]
        for layer in LAYERS:
            labels = Counter(i["label"] for i in items if i["layer"] == layer)
            assert labels["vague"] >= 12 and labels["specific"] >= 12, (lang, layer, labels)


def test_the_test_split_is_frozen() -> None:
    """The split drawn before tuning, and its items, are exactly as recorded."""
    bench = _benchmark()
    recorded = tomllib.loads((REAL / "split.toml").read_text("utf-8"))
    test, dev = bench.real_splits()
    first = [i for i in test if i.id in set(recorded["en"]) | set(recorded["fr"])]
    assert bench.split_hash(first) == recorded["sha256"]
    second = [i for i in test if i not in first]
    assert bench.split_hash(second) == recorded["sha256_batch2"]
    for folder, keys in ((REAL, ("en", "fr")), (REAL / "batch2", ("en_batch2", "fr_batch2"))):
        ids = {i for key in keys for i in recorded[key]}
        batch = bench.load_corpus(folder)
        assert ids <= {i.id for i in batch}
        assert 0.24 <= len(ids) / len(batch) <= 0.26
    assert len(test) + len(dev) == sum(len(bench.load_corpus(f)) for f in bench.BATCHES)
