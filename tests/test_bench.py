"""The benchmark's own arithmetic: repeated inputs stay unique, memory growth is read from quarter peaks."""

from __future__ import annotations

import hashlib
import importlib.util

import pytest

from newsclaims.ingest import read_article


@pytest.fixture(scope="module")
def bench(root):
    spec = importlib.util.spec_from_file_location("bench", root / "benchmarks" / "bench.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_repeated_articles_get_unique_ids_and_checksums(bench, tmp_path):
    sources = []
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.txt").write_text(f"Story {name}.\n", encoding="utf-8")
        sources.append(tmp_path / f"{name}.txt")
    folders = bench.materialise(sources, 8, 3, tmp_path / "work")
    files = sorted(p for f in folders for p in f.glob("*.txt"))
    assert [len(list(f.glob("*.txt"))) for f in folders] == [3, 3, 2]
    records = [read_article(p) for p in files]
    assert len({r.id for r in records}) == 8
    assert len({hashlib.sha256(r.text.encode()).hexdigest() for r in records}) == 8
    assert records[0].text == "Story a.\n" and records[3].text.startswith("Story a.\n")


def test_growth_is_read_between_quarter_peaks(bench):
    flat = [(t, 500.0 + (t % 3)) for t in range(100)]  # noisy but flat
    assert bench.growth_per_1000(flat, 4000, 100.0) == 0
    leak = [(t, 500.0 + t) for t in range(100)]  # 1 MiB per second = 1 MiB per 40 articles
    assert bench.growth_per_1000(leak, 4000, 100.0) == pytest.approx((99 - 49) / 2000 * 1000)
    assert bench.growth_per_1000(leak, 1000, 100.0) is None  # too few articles to tell
    assert bench.quarter_peaks([(1, 5), (60, 7)], 100) == [5, None, 7, None]


def test_scaling_sample_gives_every_process_count_the_same_mix(bench, tmp_path):
    sample = []
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(f"Story {name}.\n", encoding="utf-8")
        sample.append(tmp_path / f"{name}.txt")
    folder = bench.sample_folder(sample, 3, tmp_path / "p3")
    files = sorted(folder.glob("*.txt"))
    assert len(files) == 6
    texts = [f.read_text(encoding="utf-8") for f in files]
    assert len(set(texts)) == 6 and sum(t.startswith("Story a.") for t in texts) == 3
