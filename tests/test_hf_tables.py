"""The dataset's tables: data/<config>/train-*.{parquet,jsonl}, flattened rows, columns from the schema."""

from __future__ import annotations

import json

import pyarrow.parquet as pq
import pytest

from newsclaims.build import ARTICLES_JSONL, ARTICLES_PARQUET
from newsclaims.hf.tables import ARTICLE_COLUMNS, DEFAULT_CONFIG, data_file, tables
from newsclaims.schema import load_schema, record_arrow_schema

ITEMS = {"quotes": "quote", "claims": "claim", "actors": "actor"}


@pytest.fixture(scope="module")
def records(root):
    with open(root / "data" / ARTICLES_JSONL, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def read_jsonl(path):
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def test_configs_and_layout():
    assert list(tables()) == ["articles", "quotes", "claims", "actors"]
    assert DEFAULT_CONFIG == "articles"
    assert data_file("quotes", "parquet") == "quotes/train-00000-of-00001.parquet"
    assert tables()["articles"].parquet() == ARTICLES_PARQUET
    assert tables()["articles"].jsonl() == ARTICLES_JSONL


def test_articles_table_is_the_record_schema():
    assert tables()["articles"].arrow_schema().equals(record_arrow_schema())


@pytest.mark.parametrize("config", ITEMS)
def test_item_columns_follow_the_schema(config):
    item = load_schema()["$defs"][ITEMS[config]]
    names = [c.name for c in tables()[config].columns]
    expected = ["article_id", *item["properties"], *(name for name, _, _ in ARTICLE_COLUMNS)]
    if "speaker" in item["properties"]:
        expected.insert(expected.index("speaker") + 1, "speaker_name")
    assert names == expected
    schema = tables()[config].arrow_schema()
    record_item = record_arrow_schema().field(config).type.value_type
    for field in record_item:
        assert schema.field(field.name).type == field.type, field.name
    assert schema.field("dateline_place").nullable and schema.field("dateline_agencies").nullable
    assert not schema.field("article_id").nullable


@pytest.mark.parametrize("config", ITEMS)
def test_flattened_rows_are_the_items_with_their_article(root, records, config):
    table = tables()[config]
    rows = read_jsonl(root / "data" / table.jsonl())
    assert pq.read_table(root / "data" / table.parquet()).to_pylist() == rows
    assert len(rows) == sum(len(r[config]) for r in records) > 0
    by_id = {r["id"]: r for r in records}
    for row in rows:
        record = by_id[row["article_id"]]
        item = next(i for i in record[config] if i["id"] == row["id"])
        assert {k: row[k] for k in item} == item
        place = (record["dateline"] or {}).get("place") or {}
        assert row["dateline_place"] == place.get("name")
        assert row["dateline_agencies"] == (record["dateline"] or {}).get("agencies")
        if "speaker" in item:
            names = {a["id"]: a["name"] for a in record["actors"]}
            assert row["speaker_name"] == names.get(item["speaker"])
    assert len({table.row_key(row) for row in rows}) == len(rows)


def test_flattening_keeps_nulls_for_articles_without_dateline(records):
    record = dict(records[0], dateline=None)
    (row, *_) = tables()["actors"].rows([record])
    assert row["dateline_place"] is None and row["dateline_agencies"] is None
    assert row["article_id"] == record["id"]
