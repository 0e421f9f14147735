"""convert on datatrove (local executor): sharded Parquet with the record schema, merged into the data/ of a build."""

from __future__ import annotations

import shutil

import pyarrow.parquet as pq
import pytest

pytest.importorskip("datatrove", reason="the scale extra (datatrove) is not installed")

from newsclaims.build import build  # noqa: E402
from newsclaims.scale.datatrove import merge, run_local  # noqa: E402
from newsclaims.schema import record_arrow_schema  # noqa: E402

STORIES = [
    'GENEVA, May 4 (Reuters) - Maria Lopez said on Tuesday that the talks would resume. "We are ready," she told reporters.',
    'NAIROBI (AP) - Ahmed Khan, the finance minister, warned of delays. "The plan is too expensive," Khan said.',
    "LIMA, June 1 - Peter Smith told the council that prices would fall next year, according to officials.",
    'OSLO - "We will not sign," Li Wei wrote on Twitter, adding that the deal was unfair.',
]


@pytest.fixture(scope="module")
def dataset(tmp_path_factory, root):
    base = tmp_path_factory.mktemp("dataset")
    seeds = base / "seeds"
    shutil.copytree(root / "seeds", seeds)
    for i, text in enumerate(STORIES):
        (seeds / f"story_{i}.txt").write_text(text + "\n", encoding="utf-8")
    (seeds / "broken.txt").write_bytes(b"\xff\xfe not utf-8")
    (seeds / "README.txt").write_text("not an article", encoding="utf-8")
    return base


@pytest.fixture(scope="module")
def pipeline_run(dataset):
    work = dataset / "work"
    run_local(dataset / "seeds", work, tasks=2, workers=1)
    return work


def test_shards_use_the_record_schema(pipeline_run):
    shards = sorted((pipeline_run / "records").glob("*.parquet"))
    assert len(shards) == 2  # one per task
    rows = []
    for shard in shards:
        table = pq.read_table(shard)
        assert table.schema.equals(record_arrow_schema(), check_metadata=False)
        rows += table.to_pylist()
    assert sorted(r["id"] for r in rows) == sorted(["000_fdf2c5db0e68fe77"] + [f"story_{i}" for i in range(4)])


def test_rejected_articles_are_kept_with_their_reason(pipeline_run):
    lines = [line for shard in sorted((pipeline_run / "rejected").glob("*.jsonl"))
             for line in shard.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 1 and "broken.txt" in lines[0] and "not valid UTF-8" in lines[0]


def test_merge_gives_the_data_of_a_build(dataset, pipeline_run):
    merged = merge(pipeline_run, dataset / "merged" / "data", root=dataset)
    built = build(dataset / "seeds", dataset / "built" / "data", jobs=1)
    assert len(merged.records) >= 4 and merged.records == built.records
    assert merged.files.keys() == built.files.keys()
    for name in built.files:
        assert merged.files[name] == built.files[name], name
    assert merged.documents == built.documents
    assert sorted(merged.errors) == sorted(built.errors)
    assert any("broken.txt: not valid UTF-8" in e for e in merged.errors)
    for name, data in built.files.items():
        assert (dataset / "merged" / "data" / name).read_bytes() == data


def test_merge_without_shards_says_what_to_do(tmp_path):
    with pytest.raises(FileNotFoundError, match="run the pipeline first"):
        merge(tmp_path, tmp_path / "data", root=tmp_path)
